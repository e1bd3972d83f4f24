"""Helpers every adapter shares."""

from __future__ import annotations

import time

from diagnostics.chains.adapter import all_within


def test_all_within_keeps_one_deadline_for_all_jobs() -> None:
    started = time.perf_counter()
    results = all_within(0.5, [lambda: time.sleep(5)] * 4 + [lambda: "quick"])
    assert time.perf_counter() - started < 1.0
    assert results[-1] == "quick" and all(isinstance(r, Exception) for r in results[:-1])
