"""Every parser is linear: each known hostile input, at a moderate size, read in a generous time.

A mebibyte is where the slow patterns took seconds to minutes (32 KiB amount cells: 20 s each; one line of
hashes and addresses: 16 s) and a linear parser a fraction of a second: the bound, in CPU seconds, is ten
times what the slowest takes now. Past it the parser is stopped, so a regression costs the bound, not minutes.
``bench/fuzz_parsers.py linear`` measures 1, 2 and 5 MiB.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

import pytest

from tests.diagnostics.intake.hostile import HOSTILE, PARSERS, MiB

BOUND_SECONDS = 3.0
# Crash a process rather than take time: tests/diagnostics/intake/test_bounds.py runs them in a child.
CRASHING = {("case_file", "[ nested"), ("dropped", "cases.json: [ nested"), ("dropped", "notes.txt: [ nested")}


def _cases() -> list[object]:
    cases: list[object] = []
    for name, families in HOSTILE.items():
        for family in families:
            if (name, family) in CRASHING:
                continue
            cases.append(pytest.param(name, family, id=f"{name}: {family}"))
    return cases


class _TooSlowError(BaseException):
    """Raised into the parser at the bound (a BaseException: no parser's ``except Exception`` swallows it)."""


@contextmanager
def _cpu_bound(seconds: float) -> Iterator[None]:
    """Stop what runs inside after ``seconds`` of CPU time (SIGPROF: pytest-timeout has SIGALRM)."""

    def stop(signum: int, frame: FrameType | None) -> None:
        raise _TooSlowError

    previous = signal.signal(signal.SIGPROF, stop)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


@pytest.mark.parametrize(("name", "family"), _cases())
def test_a_hostile_mebibyte_is_read_in_moments(name: str, family: str) -> None:
    text = HOSTILE[name][family](MiB)
    parser = PARSERS[name]
    failure = ""
    try:
        with _cpu_bound(BOUND_SECONDS):
            parser.call(text)
    except parser.refusals:
        pass
    except _TooSlowError:
        failure = f"{name} took more than {BOUND_SECONDS} s of CPU on a mebibyte of {family}"
    except Exception as exc:  # said outside: a RecursionError's traceback alone would outlast pytest-timeout
        failure = f"{name} raised {type(exc).__name__}: {str(exc)[:200]}"
    if failure:
        pytest.fail(failure, pytrace=False)
