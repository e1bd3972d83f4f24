"""Hostile inputs for every parser that reads what comes from outside, shared by the suite's fuzz and timing tests
and by ``bench/fuzz_parsers.py``.

``PARSERS`` calls each parser as the app does; ``STRATEGIES`` are hypothesis strategies that build inputs the way
files really are built (headers, cells, separators, quotes, hashes, addresses, links, JSON, RLP), mixed with
arbitrary text; ``big`` repeats fragments up to 64 KiB, which is how slow patterns and deep nesting are found;
``HOSTILE`` builds an input of a given size for each known way to make a parser slow or crash.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

import rlp
from eth_account import Account
from hypothesis import strategies as st

from diagnostics import catalog
from diagnostics.intake.csv_export import labelled_cells, looks_like_csv, read_csv
from diagnostics.intake.dropped import read_dropped
from diagnostics.intake.raw_tx import decode_raw_transaction
from diagnostics.intake.secret import find_secret
from diagnostics.intake.sniff import address_form, hash_form, normalize_address
from diagnostics.intake.text import read_text

NETWORKS = tuple(catalog.networks().values())
WORDS = catalog.bip39_words()
MiB = 1024 * 1024
BIG = 64 * 1024

EVM_TX = "0x" + "1a" * 32
BARE_TX = "b2" * 32
EVM_ADDRESS = "0xdAC17F958D2ee523a2206206994597C13D831ec7"
TRON_ADDRESS = "TBXSw8fM4jpQkGc6zZjsVABFpVN7UvXPdV"
BTC_ADDRESS = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"
P2PKH = "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2"
TOKENS = (
    EVM_TX,
    BARE_TX,
    EVM_ADDRESS,
    EVM_ADDRESS.lower(),
    TRON_ADDRESS,
    BTC_ADDRESS,
    BTC_ADDRESS.upper(),
    P2PKH,
    "41" + "ab" * 20,
    f"https://etherscan.io/tx/{EVM_TX}",
    f"https://tronscan.org/#/transaction/{BARE_TX}",
    f"https://etherscan.io/address/{EVM_ADDRESS}?a={EVM_ADDRESS}",
    f"https://mempool.space/address/{BTC_ADDRESS}",
    "TxID",
    "Amount (USDT)",
    "数量（USDT）",
    "Network",
    "交易哈希",
    "Coin",
    "Address",
    "Type",
    "deposit",
    "提币",
    "TRC20",
    "BSC",
    "1,234.5",
    "250.5 USDT",
    "-250",
    "1e5",
    "0.000001",
    "private key:",
    "xprv9s21ZrQH143K",
    "5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ",
    "legal winner thank year",
)
PUNCTUATION = (
    ",",
    ";",
    "\t",
    "\n",
    "\r\n",
    " ",
    '"',
    "'",
    "(",
    ")",
    "（",
    "）",
    "[",
    "]",
    "{",
    "}",
    "\\",
    ":",
    "/",
    "\ufeff",
)


@dataclass(frozen=True)
class Parser:
    """A parser as the app calls it. ``refusals``: the exceptions that are its documented way of saying no;
    anything else it raises is a crash."""

    call: Callable[[str], object]
    refusals: tuple[type[BaseException], ...] = ()


def _csv(text: str) -> object:
    """Every entry the dropped-file reader uses, as it uses them."""
    list(labelled_cells(text))
    looks_like_csv(text)
    return read_csv(text, NETWORKS)


def _sniff(text: str) -> object:
    return hash_form(text), address_form(text), normalize_address(text)


def _dropped(text: str) -> object:
    """A dropped file; the first line names it (``name.csv``…), the rest is its bytes as UTF-8."""
    name, _, body = text.partition("\n")
    return read_dropped(name, body.encode("utf-8", "surrogatepass"), NETWORKS, WORDS)


def _case_file(text: str) -> object:
    from diagnostics.intake.case_file import read_case_file  # noqa: PLC0415

    return read_case_file(text, NETWORKS)


PARSERS: dict[str, Parser] = {
    "csv": Parser(_csv),
    "case_file": Parser(_case_file),
    "raw_tx": Parser(decode_raw_transaction, (ValueError,)),
    "text": Parser(lambda text: read_text(text, NETWORKS)),
    "secret": Parser(lambda text: find_secret(text, WORDS)),
    "sniff": Parser(_sniff),
    "dropped": Parser(_dropped),
}


# Strategies ------------------------------------------------------------------------------------------------------

_piece = st.one_of(
    st.sampled_from(TOKENS),
    st.sampled_from(PUNCTUATION),
    st.text(max_size=12),
    st.text(alphabet="0123456789abcdefABCDEFx", min_size=1, max_size=70),
    st.text(alphabet="123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz", min_size=20, max_size=60),
    st.sampled_from(sorted(WORDS)[:200]),
)
soup = st.lists(_piece, max_size=50).map("".join)

_cell = st.one_of(_piece, st.just(""), _piece.map(lambda p: '"' + p.replace('"', '""') + '"'))


@st.composite
def _table(draw: st.DrawFn) -> str:
    separator = draw(st.sampled_from([",", ";", "\t"]))
    names = draw(st.lists(st.sampled_from(TOKENS[13:24]) | _piece, min_size=1, max_size=8))
    rows = draw(st.lists(st.lists(_cell, max_size=len(names) + 1), max_size=12))
    title = draw(st.sampled_from(["", "Deposit history\n", "\ufeff", "导出时间: 2024-05-01\n"]))
    lines = [separator.join(names), *(separator.join(row) for row in rows)]
    return title + draw(st.sampled_from(["\n", "\r\n"])).join(lines)


_leaf = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**80), max_value=10**80),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(TOKENS),
    st.text(max_size=20),
)
_json_value = st.recursive(
    _leaf,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=8), inner, max_size=5),
    max_leaves=20,
)
_case = st.fixed_dictionaries(
    {},
    optional={
        "tx_hash": _leaf,
        "network": st.sampled_from(["ethereum", "tron", "bsc", "TRC20", "nowhere"]) | _leaf,
        "address": _leaf,
        "token": _leaf,
        "amount": st.sampled_from(["250.5", "1e1000000", "NaN", "-1", "1" * 50]) | _leaf,
        "direction": st.sampled_from(["deposit", "withdrawal", "sideways"]) | _leaf,
        "time": _leaf,
        "signed": st.fixed_dictionaries(
            {},
            optional={k: _leaf for k in ("tx_hash", "sender", "nonce", "chain_id", "to", "value", "token_amount")},
        )
        | _json_value,
    },
)


@st.composite
def _case_file_text(draw: st.DrawFn) -> str:
    cases = draw(st.lists(_case | _json_value, max_size=6))
    shape = draw(st.sampled_from(["file", "list", "one", "other"]))
    if shape == "file":
        value: object = {
            "format": "deposit-doctor-cases",
            "version": draw(st.sampled_from([1, 2, "1"])),
            "cases": cases,
        }
    elif shape == "list":
        value = cases
    elif shape == "one":
        value = cases[0] if cases else {}
    else:
        value = draw(_json_value)
    text = json.dumps(value, ensure_ascii=draw(st.booleans()))
    cut = draw(st.integers(0, len(text)))  # some files end early, or carry junk after
    return draw(st.sampled_from([text, text[:cut], text[:cut] + draw(soup)]))


def _signed(fields: dict[str, object]) -> bytes:
    account = Account.from_key("0x" + "11" * 32)
    return bytes(
        account.sign_transaction({"nonce": 7, "gas": 60000, "to": EVM_ADDRESS, "value": 1, **fields}).raw_transaction
    )


_TRANSFER = "0xa9059cbb" + "00" * 12 + "22" * 20 + (250).to_bytes(32, "big").hex()
SIGNED = (
    _signed({"gasPrice": 10**9}),
    _signed({"gasPrice": 10**9, "chainId": 56, "data": _TRANSFER}),
    _signed(
        {
            "gasPrice": 1,
            "chainId": 1,
            "type": 1,
            "accessList": [{"address": EVM_ADDRESS, "storageKeys": ["0x" + "00" * 32]}],
        }
    ),
    _signed({"maxFeePerGas": 2, "maxPriorityFeePerGas": 1, "chainId": 137, "type": 2, "data": _TRANSFER}),
)
_rlp_item = st.recursive(st.binary(max_size=40), lambda inner: st.lists(inner, max_size=13), max_leaves=30)


@st.composite
def _raw_tx_text(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["mutated", "rlp", "hex"]))
    if kind == "mutated":
        raw = bytearray(draw(st.sampled_from(SIGNED)))
        for _ in range(draw(st.integers(0, 4))):
            action = draw(st.sampled_from(["flip", "cut", "add"]))
            at = draw(st.integers(0, max(0, len(raw) - 1)))
            if action == "flip" and raw:
                raw[at] ^= draw(st.integers(1, 255))
            elif action == "cut":
                del raw[at:]
            else:
                raw[at:at] = draw(st.binary(min_size=1, max_size=8))
        body = bytes(raw)
    elif kind == "rlp":
        body = draw(st.sampled_from([b"", b"\x01", b"\x02"])) + rlp.encode(draw(_rlp_item))
    else:
        return draw(st.text(alphabet="0123456789abcdefABCDEFx \n", max_size=300))
    return draw(st.sampled_from(["", "0x", "0X", " "])) + (body.hex() if draw(st.booleans()) else body.hex().upper())


_names = st.sampled_from(["export.csv", "cases.json", "notes.txt", "pasted", "export.tsv", "tx.hex", "a.JSON"])

STRATEGIES: dict[str, st.SearchStrategy[str]] = {
    "csv": st.one_of(_table(), soup),
    "case_file": st.one_of(_case_file_text(), soup.map(lambda s: "[" + s), soup.map(lambda s: "{" + s)),
    "raw_tx": _raw_tx_text(),
    "text": soup,
    "secret": st.one_of(soup, st.lists(st.sampled_from(sorted(WORDS)) | _piece, max_size=40).map(" ".join)),
    "sniff": st.one_of(st.sampled_from(TOKENS), _piece, soup),
    "dropped": st.tuples(_names, st.one_of(_table(), _case_file_text(), _raw_tx_text(), soup)).map("\n".join),
}


def big(strategy: st.SearchStrategy[str], limit: int = BIG) -> st.SearchStrategy[str]:
    """Inputs up to ``limit`` characters: a drawn prefix, then fragments each repeated up to ``limit`` times. Long
    runs of one pattern are what slow patterns and deep nesting need, and what a byte-by-byte search never draws."""
    fragment = st.one_of(st.sampled_from(PUNCTUATION + TOKENS), _piece, st.text(min_size=1, max_size=8))
    parts = st.lists(st.tuples(fragment, st.integers(1, limit)), min_size=1, max_size=4)
    return st.tuples(strategy, parts).map(lambda d: (d[0] + "".join(f * n for f, n in d[1]))[:limit])


def big_dropped(limit: int = BIG) -> st.SearchStrategy[str]:
    """``big`` for dropped files: the name line stays whole."""
    return st.tuples(_names, big(st.one_of(_table(), _case_file_text(), soup), limit)).map("\n".join)


BIG_STRATEGIES: dict[str, st.SearchStrategy[str]] = {
    **{name: big(strategy) for name, strategy in STRATEGIES.items() if name != "dropped"},
    "dropped": big_dropped(),
}


# Hostile inputs of a given size: each known way to make a parser slow, or crash it -------------------------------


def _repeat(unit: str, size: int, head: str = "", tail: str = "") -> str:
    return head + unit * max(1, (size - len(head) - len(tail)) // len(unit)) + tail


def _rlp_nested(size: int) -> str:
    """RLP lists nested as deep as ``size`` hex digits hold."""
    headers: list[bytes] = []
    length = 0
    while 2 * (length + 4) <= size:
        if length <= 55:
            header = bytes([0xC0 + length])
        else:
            octets = length.to_bytes((length.bit_length() + 7) // 8, "big")
            header = bytes([0xF7 + len(octets)]) + octets
        headers.append(header)
        length += len(header)
    return b"".join(reversed(headers)).hex()


def _rlp_flat(size: int) -> str:
    count = max(1, size // 2 - 9)
    return (rlp.encode([b"\x01"] * count)).hex()


HOSTILE: dict[str, dict[str, Callable[[int], str]]] = {
    "csv": {
        "amount cells (32 KiB of digits, no match)": lambda n: _repeat(
            f"{EVM_TX},{'1' * 32_768}!\n", n, "TxID,Amount\n"
        ),
        "header of brackets (100 KB cells)": lambda n: _repeat("(" * 100_000 + ",", n, tail="TxID\n"),
        "many rows": lambda n: _repeat(
            f"2024-05-01,USDT,TRC20,1,234.5,{TRON_ADDRESS},{BARE_TX}\n", n, "Date,Coin,Network,Amount,Address,TxID\n"
        ),
        "unclosed quote": lambda n: _repeat("x", n, f'TxID,Note\n{EVM_TX},"'),
        "one long line": lambda n: "(" * n,
    },
    "case_file": {
        "[ nested": lambda n: "[" * n,
        "digits": lambda n: "1" * n,
        "many cases": lambda n: json.dumps(
            {
                "format": "deposit-doctor-cases",
                "version": 1,
                "cases": [{"tx_hash": EVM_TX, "amount": "1.5"}] * (n // 45),
            }
        ),
        "one long string": lambda n: json.dumps(["a" * n]),
    },
    "raw_tx": {
        "nested lists (under 128 KiB)": lambda n: _rlp_nested(min(n, 250_000)),
        "nested lists": _rlp_nested,
        "flat list": _rlp_flat,
        "hex": lambda n: "ab" * (n // 2),
    },
    "text": {
        "one run of z": lambda n: "z" * n,
        "hashes and addresses on one line": lambda n: _repeat(f"{EVM_TX} {EVM_ADDRESS} ", n),
        "explorer links on one line": lambda n: _repeat(f"https://etherscan.io/tx/{EVM_TX} {BARE_TX} ", n),
        "Tron addresses": lambda n: _repeat(f"{TRON_ADDRESS} ", n),
    },
    "secret": {
        "labelled hex": lambda n: _repeat(f"key {BARE_TX} ", n),
        "Base58 runs of 51": lambda n: _repeat("5" * 51 + " ", n),
        "table words": lambda n: _repeat("time type coin amount network address ", n),
        "xprv-like": lambda n: _repeat("xprv" + "z" * 120 + " ", n),
    },
    "sniff": {
        "z": lambda n: "z" * n,
        "T and Base58": lambda n: "T" + "z" * (n - 1),
        "0x and hex": lambda n: "0x" + "a" * (n - 2),
        "bc1 and bech32": lambda n: "bc1q" + "q" * (n - 4),
    },
}


def _file(name: str, parser: str, family: str) -> Callable[[int], str]:
    """A dropped file ``name`` holding another parser's hostile input, all of it within ``size`` bytes."""
    return lambda size: name + "\n" + HOSTILE[parser][family](size - len(name) - 1)


HOSTILE["dropped"] = {
    "export.csv: amount cells": _file("export.csv", "csv", "amount cells (32 KiB of digits, no match)"),
    "export.csv: header of brackets": _file("export.csv", "csv", "header of brackets (100 KB cells)"),
    "cases.json: [ nested": _file("cases.json", "case_file", "[ nested"),
    "notes.txt: [ nested": _file("notes.txt", "case_file", "[ nested"),
    "cases.json: digits": _file("cases.json", "case_file", "digits"),
    "notes.txt: hashes and addresses": _file("notes.txt", "text", "hashes and addresses on one line"),
    "notes.txt: labelled hex": _file("notes.txt", "secret", "labelled hex"),
    "tx.hex: nested lists": _file("tx.hex", "raw_tx", "nested lists (under 128 KiB)"),
}
