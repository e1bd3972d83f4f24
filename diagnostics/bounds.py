"""Bounds on what comes from outside, checked before any parser sees it.

A file dropped on the window, a pasted text, a command-line value: none is trusted to be of a size or a shape
the parsers were written for. Three things go wrong without a bound, and each is worse than a refusal:

* Nesting. ``eth_account`` loads ``py_ecc``, which raises Python's recursion limit to 100,000; then
  ``json.loads("[" * 65_492)`` overflows the C stack and the whole process dies (SIGSEGV) instead of raising.
* Digits. ``int()`` refuses strings past 4,300 digits with a bare ``ValueError`` (CPython's int max-str-digits),
  and an amount of ``1e100000`` is a report of a hundred thousand zeros.
* Time. Everything here is linear: no pattern that can backtrack, no recursion.

Pure: no I/O, no clock. The checks raise ``BoundsError``, an ``InputError`` whose ``key`` and ``params`` let
the window say the refusal in its own language, as an ``IntakeProblem`` does.
"""

from __future__ import annotations

import json
from decimal import Decimal
from itertools import accumulate
from typing import Any

from diagnostics.errors import InputError

# A case file nests four levels (file, cases, case, signed transaction), an exchange's JSON export a few more;
# the C stack overflows only past thousands of levels, and sooner on a thread (512 KiB on macOS).
MAX_NESTING = 100
# The largest number any file of ours holds is a uint256 (78 digits); CPython refuses 4,300 with a ValueError.
MAX_INTEGER_DIGITS = 100
# An amount a user expects: under 10^30 in any token's units, written in at most 40 digits, at most 40 of them
# decimals (no token has more than 18).
MAX_AMOUNT_DIGITS = 40
MAX_AMOUNT_INTEGER_DIGITS = 30
MAX_AMOUNT_DECIMALS = 40
# A memo, tag or comment an exchange gives with its deposit address: a number of 9-10 digits on TON and XRP, at
# most 28 bytes on Stellar, 256 on EOS (the longest kind of memo an exchange asks for).
MAX_MEMO_LENGTH = 256


class BoundsError(InputError):
    """An input past a bound no real input reaches. ``key`` names the bound; ``params`` fill its sentence."""

    def __init__(self, key: str, user_message: str, params: tuple[tuple[str, str], ...] = ()) -> None:
        super().__init__(user_message)
        self.key = key
        self.params = params


_BRACKET_STEPS = bytes.maketrans(b"[{]}", b"\x01\x01\xff\xff")  # +1 and -1 once read as signed bytes
_NOT_BRACKETS = bytes(c for c in range(256) if c not in b"[{]}")


def nesting(body: bytes) -> int:
    """How deep ``body``'s brackets nest outside JSON strings, worked out without recursion.

    Escapes go first (escaped backslashes, then escaped quotes), so every quote left opens or closes a
    string; the brackets between strings become +1 and -1 steps whose running sum is the depth. Every step
    is a bytes method or a C iterator (5 to 20 ms a megabyte), and no pattern that could backtrack.
    Where ``body`` is no JSON, the parser stops at the first error, before any bracket this reads otherwise.
    Node answers (``diagnostics.chains.adapter``) and dropped files are read through this one function.
    """
    plain = body.replace(b"\\\\", b"").replace(b'\\"', b"")
    outside = b"".join(plain.split(b'"')[::2])
    steps = memoryview(outside.translate(_BRACKET_STEPS, _NOT_BRACKETS)).cast("b")
    return max(accumulate(steps), default=0)


def check_nesting(text: str | bytes, limit: int = MAX_NESTING) -> None:
    """Refuse JSON nested deeper than ``limit``, before a parser recurses into it."""
    depth = nesting(text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text)
    if depth > limit:
        raise BoundsError(
            "json_too_deep",
            f"the JSON is nested {depth} levels deep; no file Deposit Doctor reads nests more than {limit}",
            (("depth", str(depth)), ("limit", str(limit))),
        )


def _bounded_int(digits: str) -> int:
    """``json``'s ``parse_int``: an integer of at most ``MAX_INTEGER_DIGITS`` digits."""
    count = len(digits.lstrip("-"))
    if count > MAX_INTEGER_DIGITS:
        raise BoundsError(
            "json_number_too_long",
            f"the JSON holds a number {count} digits long; no file Deposit Doctor reads has one over "
            f"{MAX_INTEGER_DIGITS}",
            (("digits", str(count)), ("limit", str(MAX_INTEGER_DIGITS))),
        )
    return int(digits)


def load_json(text: str | bytes, *, max_nesting: int = MAX_NESTING) -> Any:
    """``json.loads`` for text from outside: ``BoundsError`` for nesting or an integer past the bounds above,
    ``json.JSONDecodeError`` for text that is no JSON, never a crash nor a bare ``ValueError``."""
    check_nesting(text, max_nesting)
    return json.loads(text, parse_int=_bounded_int)


def amount_in_bounds(amount: Decimal) -> bool:
    """Whether ``amount`` is finite, under 10^30, and written plainly in at most 40 digits, 40 of them decimals.

    Read from the Decimal's own digits and exponent, with no arithmetic: ``1e1000000`` overflows the default
    context the moment anything is computed with it.
    """
    if not amount.is_finite():
        return False
    _, digits, exponent = amount.as_tuple()
    assert isinstance(exponent, int)  # finite
    if len(digits) > MAX_AMOUNT_DIGITS or exponent < -MAX_AMOUNT_DECIMALS:
        return False
    # The digits before the point (a Decimal keeps no leading zeros); a zero's are only its exponent's zeros.
    return (exponent if not any(digits) else len(digits) + exponent) <= MAX_AMOUNT_INTEGER_DIGITS


def check_amount(amount: Decimal) -> Decimal:
    """``amount``, or ``BoundsError`` if it is past ``amount_in_bounds``."""
    if not amount_in_bounds(amount):
        raise BoundsError(
            "amount_out_of_range",
            f"an amount must be under 10^{MAX_AMOUNT_INTEGER_DIGITS}, with at most {MAX_AMOUNT_DIGITS} digits "
            f"and {MAX_AMOUNT_DECIMALS} decimals",
        )
    return amount


def shorten(value: str, limit: int = 80) -> str:
    """``value`` cut to ``limit`` characters with an ellipsis: a problem quotes what it could not read, not
    a whole megabyte of it."""
    return value if len(value) <= limit else value[: limit - 1] + "…"
