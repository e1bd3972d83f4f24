"""A file dropped on the window, or text pasted into it: decoded, guarded, then read by the right parser.

The secret guard reads everything before any parser does: a file holding a seed phrase or a private key
gives nothing at all, so no part of it can be looked up, shown or saved. Exports come from Excel and
phones in whatever encoding they had, Chinese Excel's GB18030 among them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import chain

from diagnostics.intake.case_file import read_case_file
from diagnostics.intake.csv_export import labelled_cells, looks_like_csv, read_csv
from diagnostics.intake.draft import CaseDraft, Intake, IntakeProblem
from diagnostics.intake.raw_tx import decode_raw_transaction
from diagnostics.intake.secret import SecretKind, find_secret
from diagnostics.intake.text import read_text
from diagnostics.model.network import Network

MAX_BYTES = 5 * 1024 * 1024  # far above any history export; the window checks a file's size against it first

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Control characters no text export holds (tab, newlines and form feed aside): a binary file decoded by luck.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# A raw signed transaction alone: an EIP-1559 one is well over 100 hex digits, a hash is 64.
_RAW_TX = re.compile(r"(?:0x)?[0-9a-fA-F]{101,}")
_HEX64_RUN = re.compile(r"[0-9a-fA-F]{64,}")
_CSV_EXTENSIONS = ("csv", "tsv")
# What read_case_file says of text that is no JSON it can read: another file starting with "[" or "{" is text.
_NOT_JSON = frozenset({"bad_json", "json_too_deep", "json_number_too_long"})


def read_dropped(name: str, data: bytes, networks: Sequence[Network], words: frozenset[str]) -> Intake:
    """The case drafts in the file ``name`` (or pasted text, with any name) holding ``data``."""
    if len(data) > MAX_BYTES:
        return _problem("too_large", ("size", str(len(data))), ("limit", str(MAX_BYTES)))
    text = _decode(data)
    if text is None:
        return _problem("binary")
    secret = _secret(text, words)
    if secret is not None:
        return Intake(refused=secret.value)
    intake = _read(text, name.rpartition(".")[2].lower() if "." in name else "", networks)
    if intake.drafts:
        return intake
    return Intake(problems=(*intake.problems, IntakeProblem("no_case")))


def _problem(key: str, *params: tuple[str, str]) -> Intake:
    return Intake(problems=(IntakeProblem(key, params),))


def _decode(data: bytes) -> str | None:
    """The text, or ``None`` for binary data: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030."""
    if data.startswith(_UTF16_BOMS):
        encodings: tuple[str, ...] = ("utf-16",)
    elif b"\x00" in data:
        return None
    else:
        encodings = ("utf-8-sig",) if data.startswith(_UTF8_BOM) else ("utf-8", "gb18030")
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return None if _CONTROL.search(text) else text.removeprefix("\ufeff")
    return None


def _secret(text: str, words: frozenset[str]) -> SecretKind | None:
    """``find_secret`` over the whole text (a phrase written a word a line, a "Private key:" label above its
    key), then over each table cell holding a 64-hex value with its column's header as the label (a
    "Private Key" column, whose label is rows away from the values)."""
    cells = (cell for cell in labelled_cells(text) if _HEX64_RUN.search(cell))
    return next((kind for part in chain((text,), cells) if (kind := find_secret(part, words)) is not None), None)


def _read(text: str, extension: str, networks: Sequence[Network]) -> Intake:
    """The parser by extension, else by content: a case file, a table, a raw transaction, or free text."""
    stripped = text.strip()
    if extension == "json" or stripped.startswith(("{", "[")):
        intake = read_case_file(text, networks)
        keys = {problem.key for problem in intake.problems}
        # A JSON that is not a case file (an API response), or a log line that starts with "[", is text.
        if "not_cases" not in keys and (extension == "json" or not keys & _NOT_JSON):
            return intake
    if extension in _CSV_EXTENSIONS or (extension != "json" and looks_like_csv(text)):
        return read_csv(text, networks)
    if _RAW_TX.fullmatch(stripped):
        return _read_raw(stripped, text, networks)
    return read_text(text, networks)


def _read_raw(raw: str, text: str, networks: Sequence[Network]) -> Intake:
    """One draft for a raw signed transaction: the address is whoever it pays (the token recipient of a
    transfer()), the network the one with its chain id. The token amount stays in base units in ``signed``:
    the draft's amount is what the user expects, in the token's units."""
    try:
        signed = decode_raw_transaction(raw)
    except ValueError as exc:
        return _problem("bad_raw_transaction", ("reason", str(exc)))
    network = next((n for n in networks if signed.chain_id is not None and n.chain_id == signed.chain_id), None)
    problems: tuple[IntakeProblem, ...] = ()
    if signed.chain_id is not None and network is None:
        problems = (IntakeProblem("unknown_chain_id", (("chain_id", str(signed.chain_id)),)),)
    token = network.token_by_contract(signed.to) if network and signed.to and signed.token_recipient else None
    line = next(number for number, content in enumerate(text.splitlines(), start=1) if content.strip())
    draft = CaseDraft(
        tx_hash=signed.tx_hash,
        address=signed.token_recipient or signed.to,
        network=network.slug if network else None,
        token=token.symbol if token else None,
        source=f"line {line}",
        signed=signed,
    )
    return Intake(drafts=(draft,), problems=problems)
