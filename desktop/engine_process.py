"""The child process that does the window's work: diagnoses, endpoint checks and reading dropped files.

Why a process and not threads: Python runs one thread at a time, and a busy Python thread holds the window's
thread off for tens of milliseconds at a time (measured: one busy thread, 41 ms; eight, 160 ms). Decoding
answers, running checks and parsing a 5 MiB export are busy Python, so they run here, where they cannot
stall the window. No Qt in this module: the child never loads it. What only the child needs (web3, tronpy,
eth_account) is imported where it is used, so the window, which imports this module's names, starts without.

Protocol (tuples over a ``multiprocessing`` pipe): the window sends ``("diagnose", id, Case, Options)``,
``("check", id, slug, url, timeout, api_key)``, ``("read", id, paths, text)``, ``("cancel", id)`` and
``("stop",)``; the child answers ``("asked", id, slug)``, ``("answered", id, NetworkFacts)``,
``("finished", id, Diagnosis, headline, report JSON)``, ``("checked", id, slug, Lookup)``, ``("read", id, Intake)``,
``("cancelled", id)`` and ``("failed", id, "input" | "internal", words)``.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from diagnostics import catalog
from diagnostics.chains.adapter import DEFAULT_TIMEOUT_SECONDS
from diagnostics.errors import CancelledError, DiagnosticsError
from diagnostics.intake.draft import Intake, IntakeProblem
from diagnostics.model import Case, Network

# Diagnoses side by side in the child: enough to hide the nodes' latency in a batch.
CONCURRENCY = 8


@dataclass(frozen=True)
class Options:
    """How to diagnose: the settings as the window read them, in plain data the pipe can carry."""

    endpoints: Mapping[str, list[str]] = field(default_factory=dict)
    timeout: float = DEFAULT_TIMEOUT_SECONDS
    tron_api_key: str | None = None
    confirmations: Mapping[str, int] = field(default_factory=dict)
    language: str = "en"
    progress: bool = True  # a batch does without per-network progress: fewer messages for the window
    search_others: bool = True  # a watch asks only the network the transaction is on


def read_file(path: Path, networks: tuple[Network, ...], words: frozenset[str]) -> Intake:
    """One file's cases: its size is checked before it is read, so a huge file is never loaded."""
    from diagnostics.intake.dropped import MAX_BYTES, read_dropped  # noqa: PLC0415 (eth_account: the child's)

    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return Intake(problems=(IntakeProblem("too_large", (("size", str(size)), ("limit", str(MAX_BYTES)))),))
        data = path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return Intake(problems=(IntakeProblem("unreadable", (("name", path.name), ("reason", reason))),))
    return read_dropped(path.name, data, networks, words)


def read_all(paths: list[Path], text: str | None) -> Intake:
    """Every dropped file's (and the dropped text's) cases and problems together."""
    from diagnostics.intake.dropped import read_dropped  # noqa: PLC0415

    networks, words = tuple(catalog.networks().values()), catalog.bip39_words()
    parts = [] if text is None else [read_dropped("text.txt", text.encode("utf-8"), networks, words)]
    parts += [read_file(path, networks, words) for path in paths]
    return Intake(
        drafts=tuple(d for part in parts for d in part.drafts),
        problems=tuple(p for part in parts for p in part.problems),
        refused=next((part.refused for part in parts if part.refused), None),
    )


class _Child:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._send_lock = threading.Lock()
        self._cancels: dict[int, threading.Event] = {}
        self._cancels_lock = threading.Lock()
        self._pool = ThreadPoolExecutor(CONCURRENCY, thread_name_prefix="diagnosis")

    def send(self, *message: Any) -> None:
        with self._send_lock:
            self._conn.send(message)

    def cancel_event(self, job: int) -> threading.Event:
        with self._cancels_lock:
            return self._cancels.setdefault(job, threading.Event())

    def serve(self) -> None:
        handlers: dict[str, Callable[..., None]] = {
            "diagnose": self._diagnose,
            "check": self._check,
            "read": self._read,
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
                self.cancel_event(message[1]).set()
                continue
            self.cancel_event(message[1])
            self._pool.submit(self._guarded, handlers[kind], *message[1:])
        with self._cancels_lock:
            for event in self._cancels.values():
                event.set()
        self._pool.shutdown(wait=False, cancel_futures=True)

    def _guarded(self, handler: Callable[..., None], job: int, *args: Any) -> None:
        try:
            if self.cancel_event(job).is_set():  # stopped while it waited for a thread: nothing was asked
                self.send("cancelled", job)
            else:
                handler(job, *args)
        except CancelledError:
            self.send("cancelled", job)
        except DiagnosticsError as exc:
            self.send("failed", job, "input", exc.user_message)
        except Exception as exc:  # a bug reaches the window as words; the child carries on
            self.send("failed", job, "internal", traceback.format_exception_only(exc)[-1].strip())
        finally:
            with self._cancels_lock:
                self._cancels.pop(job, None)

    def _diagnose(self, job: int, case: Case, options: Options) -> None:
        from diagnostics.chains import adapters  # noqa: PLC0415 (web3 loads in the child, not the window)
        from diagnostics.cli import local_zone  # noqa: PLC0415
        from diagnostics.engine import ProbeEvent, diagnose  # noqa: PLC0415
        from diagnostics.report.json import dumps, to_dict  # noqa: PLC0415

        def progress(event: ProbeEvent) -> None:
            if event.facts is None:
                self.send("asked", job, event.network)
            else:
                self.send("answered", job, event.facts)

        diagnosis = diagnose(
            case,
            adapters=adapters(options.endpoints, timeout=options.timeout, tron_api_key=options.tron_api_key),
            progress=progress if options.progress else None,
            search=None if options.search_others else (),
            cancel=self.cancel_event(job),
            confirmations=options.confirmations,
        )
        report = to_dict(diagnosis, options.language, tz=local_zone())  # its words are made here, not in the window
        self.send("finished", job, diagnosis, report["verdict"]["title"], dumps(report))

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
