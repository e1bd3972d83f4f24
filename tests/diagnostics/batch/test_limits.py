from __future__ import annotations

from datetime import UTC, datetime

from diagnostics.batch.limits import MAX_RETRY_AFTER_SECONDS, EndpointPace, Paces, retry_after
from diagnostics.batch.transport import KNOWN_RATES


def test_retry_after_reads_seconds_and_dates_and_is_bounded() -> None:
    now = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
    assert retry_after("3") == 3.0
    assert retry_after("Tue, 01 Dec 2026 12:00:30 GMT", now) == 30.0
    assert retry_after("Tue, 01 Dec 2026 11:59:00 GMT", now) == 0.0  # a date already past: go on
    assert retry_after("86400") == MAX_RETRY_AFTER_SECONDS  # never a day's wait
    assert retry_after(None) is None and retry_after("soon") is None and retry_after("") is None


class _Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


def test_a_refusal_pauses_the_endpoint_for_its_retry_after_and_slows_the_pace() -> None:
    clock = _Clock()
    pace = EndpointPace(concurrency=1, clock=clock, sleep=clock.sleep)
    for _ in range(30):  # 30 requests in the same second, unlimited until refused
        pace.acquire()
        pace.release()
    pace.acquire()
    assert pace.release(refused=True, wait=2.0) == 2.0
    assert pace.rate is not None and pace.rate < 31  # below what was refused
    refused_at = clock.now
    pace.acquire()  # waits out the Retry-After before going again
    assert clock.now >= refused_at + 2.0
    pace.release()


def test_without_retry_after_the_waits_double_and_successes_speed_up_again() -> None:
    clock = _Clock()
    pace = EndpointPace(concurrency=1, rate=10.0, clock=clock, sleep=clock.sleep)
    waits = []
    for _ in range(3):
        pace.acquire()
        waits.append(pace.release(refused=True))
    assert waits == [0.5, 1.0, 2.0]
    slow = pace.rate
    assert slow is not None
    for _ in range(50):
        pace.acquire()
        pace.release()
    assert pace.rate is not None and pace.rate > slow
    pace.acquire()
    assert pace.release(refused=True) == 0.5  # a success started the backoff over


def test_an_endpoint_with_a_published_limit_is_never_asked_faster() -> None:
    clock = _Clock()
    pace = EndpointPace(concurrency=4, rate=5.0, ceiling=5.0, clock=clock, sleep=clock.sleep)
    start = clock.now
    for _ in range(11):
        pace.acquire()
        pace.release()
    assert clock.now - start >= 2.0 - 1e-9  # eleven requests at five a second: two seconds
    assert pace.rate == 5.0


def test_a_published_limit_starts_the_pace_and_a_key_buys_the_higher_one() -> None:
    paces = Paces(known=KNOWN_RATES)
    assert paces.pace("https://api.trongrid.io").rate == KNOWN_RATES["api.trongrid.io"][0]
    assert paces.pace("https://api.trongrid.io", keyed=True).rate == KNOWN_RATES["api.trongrid.io"][1]
    assert paces.pace("https://toncenter.com").ceiling == 1.0  # toncenter without a key: one a second
    assert paces.pace("http://127.0.0.1:8545").rate is None  # a node of one's own: no pace until it refuses
