"""The secret guard: recognise a seed phrase or a private key before anything else sees it.

Users under stress paste what a scammer asked for, or the wrong line of a backup. Nothing that looks like
a secret may be looked up, stored, logged or rendered; this module only says *that* a text holds one and
*what kind*, never the secret itself. Pure: the BIP-39 word list arrives as an argument.
"""

from __future__ import annotations

import re
from enum import StrEnum

import base58

# BIP-39 phrases have these lengths; "mostly list words" allows a typo or two in a phrase.
_PHRASE_LENGTHS = (24, 21, 18, 15, 12)
_MOSTLY = 0.75
_WORD = re.compile(r"[a-z]+")
_HEX64 = re.compile(r"(?<![0-9a-fA-F])(?:0x)?([0-9a-fA-F]{64})(?![0-9a-fA-F])")
_BASE58_RUN = re.compile(r"[1-9A-HJ-NP-Za-km-z]{50,120}")
_EXTENDED_PRIVATE = re.compile(r"\b[xyztuvXYZ]prv[1-9A-HJ-NP-Za-km-z]{100,115}\b")
# Words people put before a key: "private key: …", "secret=…", 私钥：…, and as programs write them:
# "privateKey": "0x…" (a wallet's JSON), PRIVATE_KEY="0x…" (an .env file), "Private key (hex): …".
_KEY_LABEL = re.compile(
    r"(?i)((?<![a-z])(private|priv|secret|seed|mnemonic|wif)[\w ()（）-]{0,16}|(?<![a-z])key|私钥|密钥|助记词|秘钥)"
    r"[\"']?\s*[:=：]?\s*[\"']?\s*$"
)
_WIF_VERSIONS = {0x80, 0xEF}


class SecretKind(StrEnum):
    SEED_PHRASE = "seed_phrase"
    WIF = "wif"
    EXTENDED_PRIVATE = "extended_private_key"
    HEX_KEY = "hex_private_key"


def _seed_phrase(text: str, words: frozenset[str]) -> bool:
    """12–24 consecutive words, mostly *different* words from the BIP-39 list, anywhere in the text.

    Distinct words: a real phrase seldom repeats one, while a table's headers repeated row after row
    ("time type coin amount …") would otherwise look like one.
    """
    tokens = _WORD.findall(text.lower())
    return any(_phrase_window(tokens, words, length) for length in _PHRASE_LENGTHS)


def _phrase_window(tokens: list[str], words: frozenset[str], length: int) -> bool:
    """Whether some ``length`` consecutive tokens hold enough distinct list words: a sliding window, so a
    5 MiB export is read once per length, not once per token."""
    counts: dict[str, int] = {}
    distinct = 0  # distinct list words in the window
    for index, token in enumerate(tokens):
        if token in words:
            counts[token] = counts.get(token, 0) + 1
            distinct += counts[token] == 1
        if index >= length:
            old = tokens[index - length]
            if old in words:
                counts[old] -= 1
                distinct -= counts[old] == 0
        if index >= length - 1 and distinct >= _MOSTLY * length:
            return True
    return False


def _wif(text: str) -> bool:
    for run in _BASE58_RUN.findall(text):
        if len(run) not in (51, 52):
            continue
        try:
            raw = base58.b58decode_check(run)
        except ValueError:
            continue
        if raw[0] in _WIF_VERSIONS and (len(raw) == 33 or (len(raw) == 34 and raw[-1] == 1)):
            return True
    return False


_LABEL_REACH = 64  # how far before a 64-hex value its label may stand ("Private key (hex):   ")


def _labelled_hex_key(text: str) -> bool:
    return any(_KEY_LABEL.search(text[max(0, m.start() - _LABEL_REACH) : m.start()]) for m in _HEX64.finditer(text))


def find_secret(text: str | None, words: frozenset[str], *, address_field: bool = False) -> SecretKind | None:
    """What kind of secret ``text`` holds, if any.

    ``address_field``: the text was entered where an address belongs, so a 64-hex value there, with or
    without ``0x``, is taken for a private key: no address looks like that, while a hash field may hold
    one. (A hash pasted into the wrong field is refused too: safe, and the user is told why.)
    """
    if not text or not text.strip():
        return None
    if _seed_phrase(text, words):
        return SecretKind.SEED_PHRASE
    if _EXTENDED_PRIVATE.search(text):
        return SecretKind.EXTENDED_PRIVATE
    if _wif(text):
        return SecretKind.WIF
    if (address_field and _HEX64.fullmatch(text.strip())) or _labelled_hex_key(text):
        return SecretKind.HEX_KEY
    return None
