"""Shortening addresses and hashes, for a report posted in a public channel.

Applied to a whole rendered report rather than to chosen fields, so nothing that looks like an address
or a hash escapes it, wherever a renderer or a finding happened to put one, whatever its length (a
mistyped hash one character short is as private as a whole one).
"""

from __future__ import annotations

import re

_TAIL = 4
_FIRST_HEAD = 6
_LONGEST_HEAD = 16
_CANDIDATE = re.compile(
    # TON's own forms first, with "-", "_", "+", "/" and "=" inside them: user-friendly addresses (48 base64url
    # characters, EQ…/UQ… and their testnet kQ…/0Q…) and base64 transaction hashes (44 characters).
    r"(?<![0-9A-Za-z_+/=-])(?:[A-Za-z0-9_-]{48}|[A-Za-z0-9+/_-]{43}=)(?![0-9A-Za-z_+/=-])"
    r"|(?<![0-9A-Za-z])(?:"
    r"0[xX][0-9a-fA-F]{24,}"  # EVM addresses and hashes, and cut or stretched ones
    r"|[0-9a-fA-F]{32,}"  # bare hashes (Tron, Bitcoin, TON), Tron 41… hex addresses, TON's raw 0:… accounts
    r"|(?i:bc1|tb1|bcrt1)[0-9A-Za-z]{11,}"  # Bitcoin bech32
    r"|[1-9A-HJ-NP-Za-km-z]{25,}"  # Base58: Tron T…, Bitcoin 1…/3…, Solana accounts and signatures
    r")(?![0-9A-Za-z])"
)


def _short(value: str, head: int) -> str:
    return f"{value[:head]}…{value[-_TAIL:]}"


def redact(text: str) -> str:
    """``text`` with every address and hash cut to its first and last characters.

    The cut keeps enough leading characters that different values still read differently: an address
    poisoner's look-alike shares the first and last few characters with the real one, and a redacted
    poisoning report must not show the two as the same.
    """
    values = {m.group(0) for m in _CANDIDATE.finditer(text) if not m.group(0).isdigit()}
    head = _FIRST_HEAD
    while head < _LONGEST_HEAD and len({_short(v, head) for v in values}) < len(values):
        head += 2
    return _CANDIDATE.sub(lambda m: m.group(0) if m.group(0).isdigit() else _short(m.group(0), head), text)
