"""Shortening addresses and hashes, for a report posted in a public channel.

Applied to a whole rendered report rather than to chosen fields, so nothing that looks like an address
or a hash escapes it, wherever a renderer or a finding happened to put one.
"""

from __future__ import annotations

import re

_KEEP_HEAD = 6
_KEEP_TAIL = 4
_FULL = re.compile(
    r"0x[0-9a-fA-F]{40,64}(?![0-9a-fA-F])"  # EVM addresses and hashes
    r"|(?<![0-9a-zA-Z])[0-9a-fA-F]{64}(?![0-9a-zA-Z])"  # bare hashes (Tron, Bitcoin)
    r"|(?<![0-9a-zA-Z])41[0-9a-fA-F]{40}(?![0-9a-zA-Z])"  # Tron hex addresses
    r"|(?<![0-9a-zA-Z])T[1-9A-HJ-NP-Za-km-z]{33}(?![0-9a-zA-Z])"  # Tron Base58
    r"|(?<![0-9a-zA-Z])(?:bc1|tb1)[02-9ac-hj-np-z]{11,87}(?![0-9a-zA-Z])"  # Bitcoin bech32
    r"|(?<![0-9a-zA-Z])[13mn2][1-9A-HJ-NP-Za-km-z]{25,34}(?![0-9a-zA-Z])"  # Bitcoin Base58
)


def shorten(value: str) -> str:
    return f"{value[:_KEEP_HEAD]}…{value[-_KEEP_TAIL:]}"


def redact(text: str) -> str:
    """``text`` with every full address and hash cut to its first and last characters."""
    return _FULL.sub(lambda m: shorten(m.group(0)), text)
