"""One batch runner, shared by ``deposit-doctor batch`` and the window's Batch tab.

Every case goes through the same engine as a single diagnosis (``engine.diagnose_request``); what the runner
adds is what many cases at once need: one set of adapters whose sessions share the batch's transport
(connections, polite limits, shared reads, coalesced JSON-RPC), the same question about one transaction asked
once, a bounded number of cases in flight, cases the endpoints refused asked again once they allow it, and a
stop that is heard at once.
"""

from __future__ import annotations

import threading
import time
import traceback
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field

from diagnostics import catalog
from diagnostics.batch.transport import BatchTransport, Counts
from diagnostics.chains import adapters as build_adapters
from diagnostics.chains.adapter import ChainAdapter
from diagnostics.engine import diagnose_request
from diagnostics.errors import CancelledError, DiagnosticsError
from diagnostics.model import Diagnosis, Found, Hints, Network, NetworkFacts, NotFound
from diagnostics.request import DEFAULT_TIMEOUT_SECONDS, Request

DEFAULT_JOBS = 16
# Times a case is asked when endpoints keep refusing (HTTP 429): the pace slows down between them.
MAX_ATTEMPTS = 4
# In a paced batch, cases under way are bounded so each one's requests wait at most about a quarter of a
# timeout in the pace: a case sends two or three requests, over two rounds.
_REQUESTS_PER_CASE_WAITED = 4
# A batch waits for the chosen network's answer before asking any other: a busy moment (an endpoint's pace, a
# Retry-After) must not send every case to every network.
_PATIENT = float("inf")


@dataclass(frozen=True)
class CaseResult:
    """One case's end: its diagnosis, or why there is none (a case the engine cannot run, or a stop)."""

    index: int
    request: Request
    diagnosis: Diagnosis | None = None
    error: str | None = None
    cancelled: bool = False
    attempts: int = 1


@dataclass
class BatchStats:
    done: int = 0
    failed: int = 0
    cancelled: int = 0
    retried: int = 0
    seconds: float = 0.0
    counts: Counts = field(default_factory=Counts)


class _AskedOnce:
    """An adapter that asks about each (network, transaction, hints) once per batch, however many cases name it:
    cases asking at the same moment wait for the one answer. Only a definite answer is kept (found or not
    found): a failure is asked again by the next case."""

    def __init__(self, adapter: ChainAdapter) -> None:
        self._adapter = adapter
        self.family = adapter.family
        self.timeout = adapter.timeout
        self._answers: dict[tuple[str, str, Hints], NetworkFacts] = {}
        self._asking: dict[tuple[str, str, Hints], threading.Event] = {}
        self._lock = threading.Lock()

    def gather(self, network: Network, tx_hash: str, hints: Hints | None = None) -> NetworkFacts:
        key = (network.slug, tx_hash, hints or Hints())
        while True:
            with self._lock:
                if key in self._answers:
                    return self._answers[key]
                asking = self._asking.get(key)
                if asking is None:
                    self._asking[key] = threading.Event()
                    break
            asking.wait(2 * self.timeout + 1)
        try:
            facts = self._adapter.gather(network, tx_hash, hints)
            if isinstance(facts.tx, Found | NotFound):
                with self._lock:
                    self._answers[key] = facts
            return facts
        finally:
            with self._lock:
                self._asking.pop(key).set()


class BatchRunner:
    """Runs requests ``jobs`` at a time; ``run`` yields each case's result, in the caller's thread, as it ends."""

    def __init__(self, *, jobs: int = DEFAULT_JOBS, transport: BatchTransport | None = None) -> None:
        if jobs < 1:
            raise ValueError("jobs must be at least 1")
        self.jobs = jobs
        self.transport = transport or BatchTransport()
        self._adapters: dict[tuple[object, ...], Mapping[str, ChainAdapter]] = {}
        self._lock = threading.Lock()

    def adapters_for(self, request: Request) -> Mapping[str, ChainAdapter]:
        """One set of adapters per way of asking (endpoints, timeout, key): every case asked the same way shares it."""
        key = (
            tuple(sorted((k, tuple(v)) for k, v in request.endpoints.items())),
            request.timeout,
            request.tron_api_key,
            request.ton_api_key,
        )
        with self._lock:
            if key not in self._adapters:
                built = build_adapters(
                    request.endpoints,
                    timeout=request.timeout,
                    tron_api_key=request.tron_api_key,
                    ton_api_key=request.ton_api_key,
                    transport=self.transport,
                )
                self._adapters[key] = {family: _AskedOnce(adapter) for family, adapter in built.items()}
            return self._adapters[key]

    def run(
        self,
        requests: Iterable[tuple[int, Request]],
        *,
        cancel: threading.Event | None = None,
        stats: BatchStats | None = None,
    ) -> Iterator[CaseResult]:
        """Each ``(index, request)``'s result as it ends. Setting ``cancel`` stops at once: cases in flight end
        cancelled, the rest are not started (and not yielded)."""
        stop = cancel or threading.Event()
        totals = stats or BatchStats()
        totals.counts = self.transport.counts
        started = time.perf_counter()
        catalog.bip39_words()  # read once before the cases' threads all want it
        todo = iter(requests)
        flying: dict[Future[CaseResult], tuple[int, Request, int, int]] = {}
        retry: list[tuple[int, Request, int]] = []
        with ThreadPoolExecutor(self.jobs, thread_name_prefix="batch") as pool:

            def submit(index: int, request: Request, attempt: int) -> None:
                refused = self.transport.counts.refused
                flying[pool.submit(self._one, index, request, attempt, stop)] = (index, request, attempt, refused)

            def fill() -> None:
                while len(flying) < self._admitted() and not stop.is_set():
                    if retry:
                        submit(*retry.pop(0))
                        continue
                    nxt = next(todo, None)
                    if nxt is None:
                        return
                    submit(nxt[0], nxt[1], 1)

            try:
                fill()
            except BaseException:
                stop.set()
                raise
            while flying:
                try:
                    finished, _ = wait(list(flying), return_when=FIRST_COMPLETED)
                except BaseException:  # Ctrl-C: the cases in flight stop at once, not after their timeouts
                    stop.set()
                    raise
                for future in finished:
                    index, request, attempt, refused = flying.pop(future)
                    result = future.result()
                    if self._refused_meanwhile(result, refused) and attempt < MAX_ATTEMPTS and not stop.is_set():
                        totals.retried += 1
                        self._wait_for_endpoints(stop)
                        retry.append((index, request, attempt + 1))
                        continue
                    totals.done += result.diagnosis is not None
                    totals.failed += result.error is not None
                    totals.cancelled += result.cancelled
                    totals.seconds = time.perf_counter() - started
                    yield result
                fill()
        totals.seconds = time.perf_counter() - started

    def close(self) -> None:
        self.transport.close()

    def _admitted(self) -> int:
        """How many cases may be under way. Once an endpoint has had to be paced, no more than it can answer
        well within a timeout: a case queued behind its pace for longer would run out of time, be asked again,
        and meanwhile send its question to every other network."""
        paced = [p.rate for p in self.transport.paces.all().values() if p.rate is not None]
        if not paced:
            return 2 * self.jobs
        return max(1, min(2 * self.jobs, int(min(paced) * DEFAULT_TIMEOUT_SECONDS / _REQUESTS_PER_CASE_WAITED)))

    def _one(self, index: int, request: Request, attempt: int, stop: threading.Event) -> CaseResult:
        if stop.is_set():
            return CaseResult(index, request, cancelled=True, attempts=attempt)
        try:
            adapters = self.adapters_for(request)
            diagnosis = diagnose_request(request, adapters=adapters, cancel=stop, head_start=_PATIENT)
        except CancelledError:
            return CaseResult(index, request, cancelled=True, attempts=attempt)
        except DiagnosticsError as exc:
            return CaseResult(index, request, error=exc.user_message, attempts=attempt)
        except Exception as exc:  # a bug costs its case, never the batch
            detail = traceback.format_exception_only(exc)[-1].strip()
            return CaseResult(index, request, error=f"internal error: {detail}", attempts=attempt)
        return CaseResult(index, request, diagnosis=diagnosis, attempts=attempt)

    def _refused_meanwhile(self, result: CaseResult, refused_before: int) -> bool:
        """A case left inconclusive while an endpoint was refusing requests: worth asking again later."""
        if result.diagnosis is None or self.transport.counts.refused == refused_before:
            return False
        return any(f.code == "NODE_UNAVAILABLE" for f in result.diagnosis.findings)

    def _wait_for_endpoints(self, stop: threading.Event) -> None:
        """Until no endpoint is paused by a Retry-After (heard at once when stopped)."""
        paused = max((p.paused_until for p in self.transport.paces.all().values()), default=0.0)
        stop.wait(max(0.0, paused - time.monotonic()))


def run_all(
    runner: BatchRunner,
    requests: Iterable[tuple[int, Request]],
    on_result: Callable[[CaseResult], None],
    cancel: threading.Event | None = None,
) -> BatchStats:
    """``runner.run`` with each result handed to ``on_result``; the totals at the end."""
    stats = BatchStats()
    for result in runner.run(requests, cancel=cancel, stats=stats):
        on_result(result)
    return stats
