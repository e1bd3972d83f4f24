"""The batch's transport: what every adapter's session is sent through when many cases run at once.

Three things a single diagnosis does not need and a support desk's morning does:
- **Polite limits** per endpoint (``limits.EndpointPace``): bounded concurrency, a pace, HTTP 429 and
  ``Retry-After`` obeyed (TronGrid's "frequency limit" 403 too), so an endpoint is never pushed into a ban.
- **Shared reads**: what is the same for every case of a network at one moment (the head block, the fee
  market, block 0, a token's symbol and decimals; each family says which in its ``shared_reads``) is asked
  once per block time, or once per run, and answered to every case from memory.
- **Coalescing**: JSON-RPC calls from many cases to one endpoint, sent while an earlier request is on its way,
  travel together in one batch request (duplicates asked once), and each case gets back exactly the answer
  it would have had alone, with its own ids.

Every answer handed back is a fresh ``requests.Response`` whose body the session's guard (``adapter.
guard_session``) reads and bounds as it reads any node's; what this module reads itself (a merged batch, a
shared answer) it reads through the same bound first.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any
from urllib.parse import urlsplit

import requests
from requests.adapters import BaseAdapter, HTTPAdapter
from urllib3.response import HTTPResponse

from diagnostics.batch.limits import Paces, retry_after
from diagnostics.bounds import nesting
from diagnostics.chains.adapter import MAX_ANSWER_BYTES, MAX_NESTING, Lifetime, SharedReads
from diagnostics.model import Network

# Calls one merged JSON-RPC batch may hold: public nodes refuse larger batches (some at 100, some at 50).
MAX_CALLS_PER_REQUEST = 40
# Merged requests on their way to one endpoint at once: while they fly, the next cases' calls gather for the next.
_FLYING_BATCHES = 2
# How long a merged request waits for more cases' calls before it leaves: nothing beside a node's round trip
# (tens of milliseconds), and enough for the cases that are a few milliseconds behind to travel with it.
_LINGER_SECONDS = 0.004
# Refusals of one request before it is handed back refused, for its case to be tried again later.
MAX_REFUSALS = 4
_JSON = {"Content-Type": "application/json"}
# TronGrid answers a client past its frequency limit with 403 (or 503) and this text, then ignores it for 30 s.
_FREQUENCY_LIMIT = b"frequency limit"
_TRONGRID_BAN_SECONDS = 30.0


@dataclass
class Counts:
    """What went over the wire, for the benchmarks and the summary: HTTP requests, JSON-RPC calls in them,
    answers given from memory, and refusals obeyed."""

    requests: int = 0
    calls: int = 0
    shared: int = 0
    refused: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def add(self, **amounts: int) -> None:
        with self._lock:
            for name, amount in amounts.items():
                setattr(self, name, getattr(self, name) + amount)


def _endpoint(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _replay(
    request: requests.PreparedRequest, status: int, body: bytes, headers: Mapping[str, str]
) -> requests.Response:
    """A response carrying ``body`` as if it had just come: the session's guard reads it from ``raw``."""
    raw = HTTPResponse(body=BytesIO(body), headers=dict(headers), status=status, preload_content=False)
    response = requests.Response()
    response.status_code = status
    response.raw = raw
    response.headers = requests.structures.CaseInsensitiveDict(headers)
    response.url = request.url or ""
    response.request = request
    response.encoding = "utf-8"
    response.reason = "OK" if status == 200 else ""
    return response


def _read_bounded(response: requests.Response, limit: int) -> bytes:
    """The body, refused past ``limit`` bytes or too deep, before anything parses it."""
    body = response.raw.read(limit + 1, decode_content=True)
    response.close()
    if len(body) > limit:
        raise ValueError(f"the answer is larger than {limit} bytes")
    if nesting(body) > MAX_NESTING:
        raise ValueError(f"the answer is nested deeper than {MAX_NESTING} levels")
    return bytes(body)


@dataclass
class _Cached:
    expires: float
    value: Any  # a JSON-RPC answer object, or (status, body, headers) of a REST answer


@dataclass
class _Entry:
    """One session's JSON-RPC request waiting to travel in a merged batch."""

    calls: list[dict[str, Any]]
    keys: list[str]
    options: dict[str, Any]  # the session's own: timeout, verify, proxies
    done: threading.Event = field(default_factory=threading.Event)  # answered (or failed, or to go alone)
    wake: threading.Event = field(default_factory=threading.Event)  # answered, or given the turn to send
    answers: dict[str, Any] = field(default_factory=dict)
    error: BaseException | None = None
    alone: bool = False  # the merged batch failed in a way only the original request can tell: send it as it was
    lead: bool = False  # given the turn to send the next merged request

    def finish(self) -> None:
        self.done.set()
        self.wake.set()


class _Coalescer:
    """One endpoint's JSON-RPC queue: while requests are on their way, calls wait and leave together."""

    def __init__(self, core: BatchTransport, url: str, limit: int) -> None:
        self._core = core
        self._url = url
        self._limit = limit
        self._lock = threading.Lock()
        self._pending: list[_Entry] = []
        self._flying = 0

    def ask(self, entry: _Entry, request: requests.PreparedRequest) -> None:
        """Until ``entry`` is answered: sending merged requests whenever this case holds a turn."""
        with self._lock:
            self._pending.append(entry)
            turn = self._flying < self._limit
            if turn:
                self._flying += 1
        while True:
            if turn:  # a turn is always used, even by a case already answered: it is handed on or given up
                self._send_turns(request)
                turn = False
            with self._lock:
                if entry.done.is_set() and not entry.lead:
                    return
            entry.wake.wait()
            with self._lock:
                turn, entry.lead = entry.lead, False
                entry.wake.clear()

    def _send_turns(self, request: requests.PreparedRequest) -> None:
        """Send what is waiting, one merged request; then hand the turn to a waiting case, or give it up."""
        with self._lock:
            waiting = sum(len(e.keys) for e in self._pending)
        if waiting < MAX_CALLS_PER_REQUEST:
            time.sleep(_LINGER_SECONDS)
        with self._lock:
            taken: list[_Entry] = []
            calls = 0
            while self._pending and (not taken or calls + len(self._pending[0].keys) <= MAX_CALLS_PER_REQUEST):
                entry = self._pending.pop(0)
                taken.append(entry)
                calls += len(entry.keys)
        if taken:
            self._core.send_merged(self._url, request, taken)
        with self._lock:
            if self._pending:
                heir = self._pending[0]
                heir.lead = True
                heir.wake.set()  # the turn passes to a waiting case: it sends the next merged request
            else:
                self._flying -= 1


class BatchTransport:
    """Shared by every session of a batch: one connection pool, the endpoints' paces, shared answers, coalescing.

    ``clock`` is injectable for tests of the block-time lifetimes.
    """

    def __init__(
        self,
        paces: Paces | None = None,
        *,
        coalesce: bool = True,
        clock: Any = time.monotonic,
    ) -> None:
        self.paces = paces or Paces(known=KNOWN_RATES)
        self.counts = Counts()
        self._coalesce = coalesce
        self._clock = clock
        self._http = HTTPAdapter(pool_connections=32, pool_maxsize=32, max_retries=0)
        self._cache: dict[str, _Cached] = {}
        self._inflight: dict[str, threading.Event] = {}
        self._coalescers: dict[str, _Coalescer] = {}
        self._proxies: dict[str, dict[str, str]] = {}
        self._lock = threading.Lock()

    def attach(self, session: requests.Session, network: Network, shared: SharedReads) -> None:
        view = _View(self, max(network.block_time_seconds, 0.5), shared)
        session.mount("http://", view)
        session.mount("https://", view)
        # The environment's proxies are read once per endpoint here (``_proxies``), not on every request.
        session.trust_env = False

    def close(self) -> None:
        self._http.close()

    # What the views call ------------------------------------------------------------------------------

    def send(
        self, request: requests.PreparedRequest, block_time: float, shared: SharedReads, **kwargs: Any
    ) -> requests.Response:
        url = request.url or ""
        body = request.body if isinstance(request.body, bytes) else (request.body or "").encode()
        payload = _json_or_none(body) if request.method == "POST" else None
        if _is_rpc(payload):
            return self._rpc(request, payload, block_time, shared, kwargs)
        path = urlsplit(url).path
        lifetime = shared(path, payload)
        if lifetime is None:
            return self.limited(request, **kwargs)
        key = f"{request.method} {url} {body.decode('utf-8', 'replace')}"
        status, answer, headers = self._remembered(key, lifetime, block_time, lambda: self._fetch(request, kwargs))
        return _replay(request, status, answer, headers)

    def limited(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:
        """``request`` sent in its endpoint's pace; refusals waited out and asked again, a few times."""
        endpoint = _endpoint(request.url or "")
        pace = self.paces.pace(endpoint, keyed=any(h in request.headers for h in _KEY_HEADERS))
        kwargs["proxies"] = self._proxies_for(endpoint)
        for attempt in range(MAX_REFUSALS + 1):
            pace.acquire()
            refused, wait = False, None
            try:
                self.counts.add(requests=1)
                response = self._http.send(request, **{**kwargs, "stream": True})
                refused, wait = _refusal(response)
            except BaseException:
                pace.release()
                raise
            if not refused or attempt == MAX_REFUSALS:
                pace.release()
                return response
            response.close()
            self.counts.add(refused=1)
            time.sleep(pace.release(refused=True, wait=wait))
        raise AssertionError("unreachable")

    def send_merged(self, url: str, template: requests.PreparedRequest, entries: list[_Entry]) -> None:
        """The waiting entries' calls in one batch request (each distinct call once), answers handed back."""
        unique: dict[str, dict[str, Any]] = {}
        for entry in entries:
            for key, call in zip(entry.keys, entry.calls, strict=True):
                unique.setdefault(key, call)
        order = list(unique)
        batch = [{**unique[key], "id": index} for index, key in enumerate(order)]
        merged = template.copy()
        merged.prepare_body(data=json.dumps(batch).encode(), files=None, json=None)
        merged.headers["Content-Type"] = "application/json"
        options = dict(entries[0].options)
        timeouts = [t for e in entries if isinstance(t := e.options.get("timeout"), int | float)]
        if timeouts:
            options["timeout"] = min(timeouts)
        try:
            self.counts.add(calls=len(batch))
            response = self.limited(merged, **options)
            if response.status_code != 200:
                response.close()
                raise _SendAloneError
            replies = json.loads(_read_bounded(response, MAX_ANSWER_BYTES * max(1, min(len(entries), 8))))
            by_id = {r.get("id"): r for r in replies if isinstance(r, dict)} if isinstance(replies, list) else {}
            if set(by_id) != set(range(len(order))):
                raise _SendAloneError
        except _SendAloneError:
            for entry in entries:
                entry.alone = True
                entry.finish()
            return
        except Exception as exc:  # the endpoint failed: every case waiting on it hears the same failure
            for entry in entries:
                entry.error = exc
                entry.finish()
            return
        answers = {key: by_id[index] for index, key in enumerate(order)}
        self._keep(url, answers)  # before anyone wakes: a case waiting for a shared answer finds it
        for entry in entries:
            entry.answers = {key: answers[key] for key in entry.keys}
            entry.finish()

    # Inside -----------------------------------------------------------------------------------------------

    def _rpc(
        self,
        request: requests.PreparedRequest,
        payload: Any,
        block_time: float,
        shared: SharedReads,
        kwargs: dict[str, Any],
    ) -> requests.Response:
        single = isinstance(payload, dict)
        calls: list[dict[str, Any]] = [payload] if single else list(payload)
        answered: dict[int, Any] = {}
        wanted: list[tuple[int, str, dict[str, Any]]] = []
        asking: list[str] = []  # the shared reads this case asks for everyone
        try:
            for index, call in enumerate(calls):
                method, params = str(call.get("method", "")), call.get("params")
                lifetime = shared(method, params)
                key = _call_key(method, params, lifetime, block_time)
                known = None if lifetime is None else self._shared_answer(f"{request.url} {key}", asking, kwargs)
                if known is not None:
                    answered[index] = known
                    self.counts.add(shared=1)
                else:
                    wanted.append((index, key, call))
            if wanted:
                if not self._coalesce:
                    return self._send_counted(request, len(calls), kwargs)
                entry = _Entry([c for _, _, c in wanted], [k for _, k, _ in wanted], kwargs)
                self._coalescer(request.url or "").ask(entry, request)
                if entry.alone:
                    return self._send_counted(request, len(calls), kwargs)
                if entry.error is not None:
                    raise entry.error
                for index, key, _call in wanted:
                    answered[index] = entry.answers[key]
        finally:
            with self._lock:
                for key in asking:
                    self._inflight.pop(key).set()
        replies = [{**answered[i], "id": call.get("id")} for i, call in enumerate(calls)]
        body = json.dumps(replies[0] if single else replies).encode()
        return _replay(request, 200, body, _JSON)

    def _shared_answer(self, key: str, asking: list[str], kwargs: Mapping[str, Any]) -> Any:
        """A shared read's remembered answer; while another case is asking for it, waited for, not asked again.
        ``None`` when this case is to ask it (then ``key`` is added to ``asking``, for the others to wait on)."""
        if key in asking:
            return None  # the same call twice in one request: asked once with the first (the batch is merged)
        timeout = kwargs.get("timeout")
        patience = 2 * timeout if isinstance(timeout, int | float) else 30.0
        while True:
            with self._lock:
                known = self._cache.get(key)
                if known is not None and known.expires > self._clock():
                    return known.value
                waiting = self._inflight.get(key)
                if waiting is None:
                    self._inflight[key] = threading.Event()
                    asking.append(key)
                    return None
            if not waiting.wait(patience):
                return None  # its asker is stuck: ask it too, rather than wait for ever

    def _send_counted(self, request: requests.PreparedRequest, calls: int, kwargs: dict[str, Any]) -> requests.Response:
        self.counts.add(calls=calls)
        return self.limited(request, **kwargs)

    def _proxies_for(self, endpoint: str) -> dict[str, str]:
        """HTTP(S)_PROXY and NO_PROXY as requests reads them, once per endpoint."""
        with self._lock:
            if endpoint not in self._proxies:
                self._proxies[endpoint] = requests.utils.get_environ_proxies(endpoint)
            return self._proxies[endpoint]

    def _coalescer(self, url: str) -> _Coalescer:
        with self._lock:
            if url not in self._coalescers:
                self._coalescers[url] = _Coalescer(self, url, _FLYING_BATCHES)
            return self._coalescers[url]

    def _keep(self, url: str, answers: Mapping[str, Any]) -> None:
        """Remember ``url``'s shared answers that came back as results (an error is never remembered). Each
        endpoint's answers are its own: two networks' nodes give two chain ids."""
        now = self._clock()
        with self._lock:
            for key, answer in answers.items():
                lifetime, seconds = _lifetime_of(key)
                if lifetime is not None and "result" in answer:
                    self._cache[f"{url} {key}"] = _Cached(now + seconds, {k: v for k, v in answer.items() if k != "id"})

    def _remembered(self, key: str, lifetime: Lifetime, block_time: float, fetch: Any) -> Any:
        """A shared REST answer: asked once, however many cases want it at the same moment."""
        while True:
            with self._lock:
                known = self._cache.get(key)
                if known is not None and known.expires > self._clock():
                    self.counts.add(shared=1)
                    return known.value
                waiting = self._inflight.get(key)
                if waiting is None:
                    self._inflight[key] = threading.Event()
                    break
            waiting.wait()
        try:
            status, body, headers = fetch()
            if status == 200:
                seconds = block_time if lifetime is Lifetime.BLOCK else float("inf")
                with self._lock:
                    self._cache[key] = _Cached(self._clock() + seconds, (status, body, headers))
            return status, body, headers
        finally:
            with self._lock:
                self._inflight.pop(key).set()

    def _fetch(self, request: requests.PreparedRequest, kwargs: dict[str, Any]) -> tuple[int, bytes, dict[str, str]]:
        response = self.limited(request, **kwargs)
        headers = {k: v for k, v in response.headers.items() if k.lower() == "content-type"}
        return response.status_code, _read_bounded(response, MAX_ANSWER_BYTES), headers


class _SendAloneError(Exception):
    """The merged request was refused as a batch: each case's own request goes as it was."""


class _View(BaseAdapter):
    """What one session has mounted: the shared transport, with its network's block time and shared reads.
    Closing a session (every adapter closes its own) leaves the batch's pool open."""

    def __init__(self, core: BatchTransport, block_time: float, shared: SharedReads) -> None:
        super().__init__()
        self._core = core
        self._block_time = block_time
        self._shared = shared

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        kwargs.pop("stream", None)
        return self._core.send(request, self._block_time, self._shared, **kwargs)

    def close(self) -> None:
        """The pool belongs to the batch (``BatchTransport.close``)."""


def _json_or_none(body: bytes) -> Any:
    if not body or body[:1] not in (b"{", b"["):
        return None
    try:
        return json.loads(body)
    except ValueError:
        return None


def _is_rpc(payload: Any) -> bool:
    if isinstance(payload, dict):
        return "jsonrpc" in payload and "method" in payload
    return isinstance(payload, list) and bool(payload) and all(isinstance(c, dict) and "method" in c for c in payload)


def _call_key(method: str, params: Any, lifetime: Lifetime | None, block_time: float) -> str:
    """A call's identity; a shared one carries how long its answer holds (read back by ``_lifetime_of``)."""
    text = json.dumps([method, params], sort_keys=True, separators=(",", ":"))
    if lifetime is None:
        return f"-|{text}"
    seconds = block_time if lifetime is Lifetime.BLOCK else float("inf")
    return f"{seconds!r}|{text}"


def _lifetime_of(key: str) -> tuple[Lifetime | None, float]:
    head = key.split("|", 1)[0]
    if head == "-":
        return None, 0.0
    seconds = float(head)
    return (Lifetime.RUN if seconds == float("inf") else Lifetime.BLOCK), seconds


def _refusal(response: requests.Response) -> tuple[bool, float | None]:
    """Whether ``response`` says "too many requests", and how long it asks to wait."""
    if response.status_code == 429:
        return True, retry_after(response.headers.get("Retry-After"))
    if response.status_code in (403, 503):
        wait = retry_after(response.headers.get("Retry-After"))
        if response.status_code == 503 and wait is not None:
            return True, wait
        body = response.raw.read(MAX_ANSWER_BYTES + 1, decode_content=True) if response.raw is not None else b""
        # Read to look inside; handed on unread, for the session's guard to read as it reads any answer.
        response.raw = HTTPResponse(
            body=BytesIO(body), headers=dict(response.headers), status=response.status_code, preload_content=False
        )
        if _FREQUENCY_LIMIT in body.lower():
            return True, wait if wait is not None else _TRONGRID_BAN_SECONDS
    return False, None


# Published limits (without a key, with one), so a batch starts below them rather than learning them from a ban.
# TronGrid: about 10 requests a second per IP without a key, then blocked for 30 s; 15 with one ("TronGrid 速率限制",
# developers.tron.network/reference/rate-limits and its v4.7.0 page, read 2026-12-01); we start at 8 and 12.
# toncenter: 1 request a second without a key, 10 on the free key's plan (docs.ton.org/ecosystem/api/toncenter/
# rate-limit, read 2026-12-01).
KNOWN_RATES = {
    "api.trongrid.io": (8.0, 12.0),
    "api.shasta.trongrid.io": (8.0, 12.0),
    "nile.trongrid.io": (8.0, 12.0),
    "toncenter.com": (1.0, 10.0),
    "testnet.toncenter.com": (1.0, 10.0),
}
# The headers that carry those API keys (TronGrid's, toncenter's).
_KEY_HEADERS = ("TRON-PRO-API-KEY", "X-API-Key")
