"""How fast one endpoint may be asked: a polite pace that learns from HTTP 429, and Retry-After obeyed.

A public endpoint's limit is the endpoint's, not our CPU's: TronGrid without a key bans a client for 30 s
past its limit, Etherscan-style APIs allow a few calls a second. A batch therefore paces each endpoint,
and when one says "too many" it waits as long as the endpoint asks (everyone's requests to it wait) and
settles below the rate that was refused (additive increase, multiplicative decrease, as TCP does).
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

# Longest wait a Retry-After may ask before the request is given up (and its case tried again later).
MAX_RETRY_AFTER_SECONDS = 120.0
_FIRST_BACKOFF_SECONDS = 0.5  # a 429 without Retry-After: 0.5, 1, 2 … seconds
_DECREASE = 0.8  # the new pace after a refusal, as a share of the pace that was refused
_MIN_RATE = 0.5  # requests per second: an endpoint is never given up for being slow


def retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds from an HTTP ``Retry-After`` header (delay-seconds or an HTTP-date), bounded; ``None`` if absent
    or unreadable."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    if text.isdigit():
        return min(float(text), MAX_RETRY_AFTER_SECONDS)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    seconds = (when - (now or datetime.now(tz=UTC))).total_seconds()
    return min(max(seconds, 0.0), MAX_RETRY_AFTER_SECONDS)


@dataclass
class EndpointPace:
    """One endpoint's pace: at most ``concurrency`` requests at once, and, once it has refused one, no more than
    ``rate`` a second. ``clock``/``sleep`` are injectable so tests can run hours in microseconds."""

    concurrency: int = 4
    rate: float | None = None  # requests per second; ``None``: not limited until the endpoint says so
    ceiling: float | None = None  # a published limit the pace never climbs above (a ban costs more than waiting)
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    paused_until: float = 0.0
    refusals: int = 0
    sent: int = 0
    _starts: deque[float] = field(default_factory=deque)
    _next_start: float = 0.0
    _backoff: float = _FIRST_BACKOFF_SECONDS
    _held_back: bool = False  # the last request waited for the pace: the pace, not the demand, set the rate
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _slots: threading.Semaphore = field(init=False)

    def __post_init__(self) -> None:
        self._slots = threading.BoundedSemaphore(self.concurrency)

    def acquire(self) -> None:
        """Wait for a slot and for this request's turn in the pace."""
        self._slots.acquire()
        waited = False
        while True:
            with self._lock:
                now = self.clock()
                start = max(now, self.paused_until, self._next_start)
                if start <= now:
                    self._held_back = waited
                    if self.rate is not None:
                        self._next_start = now + 1.0 / self.rate
                    self._starts.append(now)
                    while self._starts and self._starts[0] < now - 1.0:
                        self._starts.popleft()
                    self.sent += 1
                    return
            waited = True
            self.sleep(start - now)

    def release(self, *, refused: bool = False, wait: float | None = None) -> float:
        """The request is over. A refusal (HTTP 429) pauses the endpoint for ``wait`` seconds (exponential
        backoff when it gave none) and slows its pace; returns how long the caller should wait before asking
        again."""
        try:
            with self._lock:
                now = self.clock()
                if not refused:
                    self._backoff = _FIRST_BACKOFF_SECONDS
                    if self.rate is not None and self._held_back:
                        # About one more request a second, each second, while the pace is what holds requests
                        # back (growing it while few requests come would only hide the endpoint's limit).
                        self.rate += 1.0 / self.rate
                        self.rate = min(self.rate, self.ceiling or self.rate)
                    return 0.0
                self.refusals += 1
                pause = wait if wait is not None else self._backoff
                self._backoff = min(self._backoff * 2, MAX_RETRY_AFTER_SECONDS)
                self.paused_until = max(self.paused_until, now + pause)
                recent = sum(1 for t in self._starts if t >= now - 1.0)
                refused_rate = min(filter(None, (self.rate, float(max(recent, 1)))))
                self.rate = max(_MIN_RATE, refused_rate * _DECREASE)
                self._next_start = self.paused_until
                return max(0.0, self.paused_until - now)
        finally:
            self._slots.release()


class Paces:
    """Every endpoint's pace, by ``scheme://host:port`` (and whether an API key is sent: a key buys a higher
    limit); endpoints whose limits are published start at them and never climb past them.

    ``known`` maps a host to its published (without a key, with a key) requests a second."""

    def __init__(self, concurrency: int = 4, known: dict[str, tuple[float, float]] | None = None) -> None:
        self._concurrency = concurrency
        self._known = known or {}
        self._paces: dict[tuple[str, bool], EndpointPace] = {}
        self._lock = threading.Lock()

    def pace(self, endpoint: str, *, keyed: bool = False) -> EndpointPace:
        with self._lock:
            if (endpoint, keyed) not in self._paces:
                host = endpoint.split("://", 1)[-1].split(":", 1)[0]
                limits = self._known.get(host)
                known = None if limits is None else limits[1] if keyed else limits[0]
                self._paces[endpoint, keyed] = EndpointPace(self._concurrency, known, ceiling=known)
            return self._paces[endpoint, keyed]

    def all(self) -> dict[str, EndpointPace]:
        with self._lock:
            return {endpoint + (" (with a key)" if keyed else ""): p for (endpoint, keyed), p in self._paces.items()}
