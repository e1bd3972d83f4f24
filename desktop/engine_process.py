"""The child process that does the window's work: diagnoses, endpoint checks and reading dropped files.

Why a process and not threads: Python runs one thread at a time, and a busy Python thread holds the window's
thread off for tens of milliseconds at a time (measured: one busy thread, 41 ms; eight, 160 ms). Decoding
answers, running checks and parsing a 5 MiB export are busy Python, so they run here, where they cannot
stall the window. No Qt in this module: the child never loads it. What only the child needs (web3, tronpy,
eth_account) is imported where it is used, so the window, which imports this module's names, starts without.

Protocol (tuples over a ``multiprocessing`` pipe): the window sends ``("diagnose", id, Case, Options)``,
``("batch", id, [(row, Case)…], Options)``, ``("check", id, slug, url, timeout, api_key)``,
``("read", id, paths, text)``, ``("cancel", id)`` and ``("stop",)``; the child answers ``("asked", id, slug)``,
``("answered", id, NetworkFacts)``, ``("finished", id, Diagnosis, headline, report JSON)``,
``("row", id, row, Diagnosis | None, headline or why not, report JSON)`` and at the end ``("batch_done", id)``,
``("checked", id, slug, Lookup)``, ``("read", id, Intake)``, ``("cancelled", id)`` and
``("failed", id, "input" | "internal", words)``.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from diagnostics import catalog
from diagnostics.chains.adapter import DEFAULT_TIMEOUT_SECONDS
from diagnostics.errors import CancelledError, DiagnosticsError
from diagnostics.intake.draft import Intake
from diagnostics.model import Case
from diagnostics.request import Request

# Diagnoses side by side in the child: enough to hide the nodes' latency in a batch.
CONCURRENCY = 8
INTERACTIVE_THREADS = 4  # the form, watches, dropped files and endpoint checks


@dataclass(frozen=True)
class Options:
    """How to diagnose: the settings as the window read them, in plain data the pipe can carry."""

    endpoints: Mapping[str, list[str]] = field(default_factory=dict)
    timeout: float = DEFAULT_TIMEOUT_SECONDS
    tron_api_key: str | None = None
    ton_api_key: str | None = None  # toncenter's, from TONCENTER_API_KEY
    confirmations: Mapping[str, int] = field(default_factory=dict)
    language: str = "en"
    progress: bool = True  # a batch does without per-network progress: fewer messages for the window
    search_others: bool = True  # a watch asks only the network the transaction is on
    lane: str = "interactive"  # "batch": queued behind the other rows, never in front of the form
    networks: tuple[str, ...] | None = None  # the networks that may be searched (the sandbox's); None: all
    exchange: str | None = None  # the exchange picked in the window, for cases that name none (batch rows)

    def request(self, case: Case) -> Request:
        """The one request type the engine takes (``diagnostics.request``), for ``case`` asked this way."""
        return Request(
            case,
            endpoints={slug: tuple(urls) for slug, urls in self.endpoints.items()},
            timeout=self.timeout,
            tron_api_key=self.tron_api_key,
            ton_api_key=self.ton_api_key,
            confirmations=dict(self.confirmations),
            search=self.networks if self.search_others else (),
            exchange=self.exchange,
        )


def read_all(paths: list[Path], text: str | None) -> Intake:
    """Every dropped file's (and the dropped text's) cases and problems together."""
    from diagnostics.batch.inputs import read_path  # noqa: PLC0415 (eth_account: the child's)
    from diagnostics.intake.dropped import read_dropped  # noqa: PLC0415

    networks, words = tuple(catalog.networks().values()), catalog.bip39_words()
    parts = [] if text is None else [read_dropped("text.txt", text.encode("utf-8"), networks, words)]
    parts += [read_path(path, networks, words) for path in paths]
    return Intake(
        drafts=tuple(d for part in parts for d in part.drafts),
        problems=tuple(p for part in parts for p in part.problems),
        refused=next((part.refused for part in parts if part.refused), None),
    )


class _Child:
    """Two lanes of threads: a batch's thousand rows wait in their own, so the form's diagnosis, a dropped
    file or a Test connection never queue behind them."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._send_lock = threading.Lock()
        self._lock = threading.Lock()
        self._cancels: dict[int, threading.Event] = {}
        self._futures: dict[int, Future[None]] = {}
        self._lanes = {
            "interactive": ThreadPoolExecutor(INTERACTIVE_THREADS, thread_name_prefix="interactive"),
            "batch": ThreadPoolExecutor(CONCURRENCY, thread_name_prefix="batch"),
        }

    def send(self, *message: Any) -> None:
        with self._send_lock:
            self._conn.send(message)

    def cancel_event(self, job: int) -> threading.Event:
        with self._lock:
            return self._cancels.get(job) or threading.Event()

    def serve(self) -> None:
        handlers: dict[str, Callable[..., None]] = {
            "diagnose": self._diagnose,
            "check": self._check,
            "read": self._read,
            "batch": self._batch,
        }
        while True:
            try:
                message = self._conn.recv()
            except (EOFError, OSError):  # the window is gone
                break
            kind = message[0]
            if kind == "stop":
                break
            if kind == "cancel":
                self._cancel(message[1])
                continue
            job = message[1]
            batch = kind == "batch" or (kind == "diagnose" and message[3].lane == "batch")
            with self._lock:
                self._cancels[job] = threading.Event()
                lane = self._lanes["batch" if batch else "interactive"]
                self._futures[job] = lane.submit(self._guarded, handlers[kind], *message[1:])
        with self._lock:
            for event in self._cancels.values():
                event.set()
        for lane in self._lanes.values():
            lane.shutdown(wait=False, cancel_futures=True)

    def _cancel(self, job: int) -> None:
        """A job still waiting for a thread is dropped and said cancelled at once; a running one stops at
        its next wait (the engine listens to the event)."""
        with self._lock:
            event, future = self._cancels.get(job), self._futures.get(job)
            if event is not None:
                event.set()
            dropped = future is not None and future.cancel()
            if dropped:
                self._cancels.pop(job, None)
                self._futures.pop(job, None)
        if dropped:
            self.send("cancelled", job)

    def _guarded(self, handler: Callable[..., None], job: int, *args: Any) -> None:
        try:
            handler(job, *args)
        except CancelledError:
            self.send("cancelled", job)
        except DiagnosticsError as exc:
            self.send("failed", job, "input", exc.user_message)
        except Exception as exc:  # a bug reaches the window as words; the child carries on
            self.send("failed", job, "internal", traceback.format_exception_only(exc)[-1].strip())
        finally:
            with self._lock:
                self._cancels.pop(job, None)
                self._futures.pop(job, None)

    def _diagnose(self, job: int, case: Case, options: Options) -> None:
        from diagnostics.engine import ProbeEvent, diagnose_request  # noqa: PLC0415 (web3 loads in the child)
        from diagnostics.output import local_zone  # noqa: PLC0415
        from diagnostics.report.json import dumps, to_dict  # noqa: PLC0415

        def progress(event: ProbeEvent) -> None:
            if event.facts is None:
                self.send("asked", job, event.network)
            else:
                self.send("answered", job, event.facts)

        diagnosis = diagnose_request(
            options.request(case), progress=progress if options.progress else None, cancel=self.cancel_event(job)
        )
        report = to_dict(diagnosis, options.language, tz=local_zone())  # its words are made here, not in the window
        self.send("finished", job, diagnosis, report["verdict"]["title"], dumps(report))

    def _batch(self, job: int, rows: list[tuple[int, Case]], options: Options) -> None:
        """A batch through the one batch runner the command line uses: each row's end is sent as it comes."""
        from diagnostics.batch.runner import BatchRunner  # noqa: PLC0415
        from diagnostics.output import local_zone  # noqa: PLC0415
        from diagnostics.report.json import dumps, to_dict  # noqa: PLC0415

        runner = BatchRunner()
        stop = self.cancel_event(job)
        try:
            for result in runner.run(((n, options.request(case)) for n, case in rows), cancel=stop):
                if result.cancelled:
                    continue
                if result.diagnosis is None:
                    self.send("row", job, result.index, None, result.error or "", "")
                else:  # the report's words are made here, as for one diagnosis: the history keeps each row's
                    report = to_dict(result.diagnosis, options.language, tz=local_zone())
                    self.send("row", job, result.index, result.diagnosis, report["verdict"]["title"], dumps(report))
        finally:
            runner.close()
        if stop.is_set():
            raise CancelledError("the batch was stopped")
        self.send("batch_done", job)

    def _check(self, job: int, slug: str, url: str, timeout: float, api_key: str | None) -> None:
        from diagnostics.chains import check_endpoint  # noqa: PLC0415

        self.send(
            "checked", job, slug, check_endpoint(catalog.network(slug), url, timeout=timeout, tron_api_key=api_key)
        )

    def _read(self, job: int, paths: list[Path], text: str | None) -> None:
        self.send("read", job, read_all(paths, text))


def _warm() -> None:
    """Load web3 and tronpy while the window is still being looked at, not when Diagnose is pressed."""
    import diagnostics.chains.evm  # noqa: PLC0415
    import diagnostics.chains.tron  # noqa: F401, PLC0415


def serve(conn: Connection) -> None:
    """The child's main: answer the window until it says stop or goes away."""
    threading.Thread(target=_warm, daemon=True).start()
    _Child(conn).serve()
