"""Bounds on what comes from outside: nesting, digits and amounts refused plainly, never a crash.

The crash cases run in a child process with ``eth_account`` loaded (it raises the recursion limit to 100,000,
which is what turns deep JSON into a SIGSEGV): a regression kills the child, not pytest.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from decimal import Decimal
from pathlib import Path

import pytest

from diagnostics.bounds import (
    MAX_NESTING,
    BoundsError,
    amount_in_bounds,
    check_amount,
    check_nesting,
    load_json,
    nesting,
    shorten,
)

ROOT = Path(__file__).resolve().parents[3]
DEEP = 65_492  # under 64 KiB, and deep enough to overflow the C stack once py_ecc has raised the recursion limit
DEEPER = 1_000_000  # where the overflow comes whatever the stack's layout (65,492 is near the edge on 8 MiB)


def _child(code: str) -> subprocess.CompletedProcess[str]:
    """``code`` run in a fresh interpreter with eth_account (and so py_ecc) loaded, as the engine process has."""
    prelude = "import eth_account, sys\nassert sys.getrecursionlimit() >= 100_000\n"
    return subprocess.run(
        [sys.executable, "-c", prelude + textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=ROOT,
    )


def test_deep_json_is_refused_in_a_process_where_it_would_crash() -> None:
    run = _child(
        f"""
        from diagnostics.bounds import BoundsError, load_json
        for text in ("[" * {DEEP}, "[" * {DEEPER}, '{{"a":' * {DEEP}, b"[" * {DEEPER}):
            try:
                load_json(text)
            except BoundsError as exc:
                print(exc.key)
        """
    )
    assert run.returncode == 0, f"the child died ({run.returncode}): {run.stderr[-500:]}"
    assert run.stdout.split() == ["json_too_deep"] * 4


@pytest.mark.parametrize("name", ["cases.json", "notes.txt"])
def test_a_dropped_file_of_brackets_is_refused_not_a_crash(name: str) -> None:
    run = _child(
        f"""
        from diagnostics import catalog
        from diagnostics.intake.dropped import read_dropped
        intake = read_dropped({name!r}, b"[" * {DEEPER}, tuple(catalog.networks().values()), catalog.bip39_words())
        print(intake.drafts, sorted(p.key for p in intake.problems))
        """
    )
    assert run.returncode == 0, f"the child died ({run.returncode}): {run.stderr[-500:]}"
    assert run.stdout.startswith("()")


def test_a_case_file_of_4301_digits_is_a_problem_not_an_exception() -> None:
    from diagnostics import catalog  # noqa: PLC0415
    from diagnostics.intake.case_file import read_case_file  # noqa: PLC0415

    intake = read_case_file("1" * 4301, tuple(catalog.networks().values()))

    assert [p.key for p in intake.problems] == ["json_number_too_long"]


def test_nesting_counts_brackets_outside_strings_only() -> None:
    assert nesting(b'{"a": [1, {"b": "[[[[[["}]}') == 3
    assert nesting(b'["\\\\", "\\"[[[", []]') == 2
    assert nesting(b"no json at all") == 0


def test_nesting_at_the_limit_is_read_past_it_refused() -> None:
    at_limit = "[" * MAX_NESTING + "]" * MAX_NESTING
    assert load_json(at_limit) is not None
    check_nesting(at_limit)
    with pytest.raises(BoundsError) as refused:
        load_json("[" + at_limit + "]")
    assert refused.value.key == "json_too_deep"
    assert dict(refused.value.params) == {"depth": str(MAX_NESTING + 1), "limit": str(MAX_NESTING)}
    assert "nested" in refused.value.user_message


@pytest.mark.parametrize("text", ["1" * 4301, "-" + "1" * 101, '{"value": ' + "9" * 5000 + "}"])
def test_integers_past_any_file_of_ours_are_refused_not_a_bare_value_error(text: str) -> None:
    with pytest.raises(BoundsError) as refused:
        load_json(text)
    assert refused.value.key == "json_number_too_long"


def test_ordinary_json_reads_as_json_does() -> None:
    value = {"tx_hash": "0x" + "ab" * 32, "value": 2**256 - 1, "amount": "250.5", "fee": 1.5, "ok": [True, None]}
    text = json.dumps(value)
    assert load_json(text) == json.loads(text) == value
    with pytest.raises(json.JSONDecodeError):
        load_json('{"a": }')


@pytest.mark.parametrize(
    ("text", "fits"),
    [
        ("250.5", True),
        ("0", True),
        ("1e29", True),
        ("9" * 30, True),
        ("0." + "0" * 39 + "1", True),
        ("1." + "0" * 39, True),  # 40 digits
        ("1e30", False),
        ("9" * 31, False),
        ("1e1000000", False),
        ("1e100000", False),
        ("1e-41", False),
        ("1." + "0" * 40, False),  # 41 digits
        ("0E+1000000", False),
        ("0E-1000000", False),
        ("NaN", False),
        ("Infinity", False),
    ],
)
def test_amounts_are_under_10_30_in_at_most_40_digits(text: str, fits: bool) -> None:
    assert amount_in_bounds(Decimal(text)) is fits
    if fits:
        assert check_amount(Decimal(text)) == Decimal(text)
        assert len(f"{Decimal(text):f}") <= 42
    else:
        with pytest.raises(BoundsError, match="under 10\\^30"):
            check_amount(Decimal(text))


def test_shorten_keeps_short_values_and_cuts_long_ones() -> None:
    assert shorten("250.5") == "250.5"
    assert shorten("1" * 10_000) == "1" * 79 + "…"
