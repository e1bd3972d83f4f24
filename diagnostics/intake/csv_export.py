"""Exchange and wallet history exports (CSV): one case draft per row that names a transaction hash.

Every exchange writes its own columns, in English or Chinese, so columns are found by their header names,
never by position; the separator is whichever of ``,`` ``;`` or tab makes a header with a hash column.
Some exports put a title or an export date above the header, so the first lines are searched for it.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from diagnostics.intake.draft import CaseDraft, Intake, IntakeProblem
from diagnostics.intake.sniff import hash_fits_any, hash_form
from diagnostics.model import Direction
from diagnostics.model.network import Network, find_network, name_key

_SEPARATORS = (",", ";", "\t")
_HEADER_SEARCH = 10  # lines searched for the header
_BOM = "\ufeff"
# "Date(UTC)", "Time (UTC+8)", "Amount（USDT）": the bracket says a unit, not what the column is.
_UNIT = re.compile(r"[(（][^)）]*[)）]$")
_AMOUNT = re.compile(r"[-+]?([\d.,]*\d[\d.,]*)[A-Za-z]*")


class _Column(StrEnum):
    HASH = "hash"
    ADDRESS = "address"
    NETWORK = "network"
    COIN = "coin"
    AMOUNT = "amount"
    TIME = "time"
    TYPE = "type"


# Header names as ``_header_key`` writes them: no case, spaces, dashes, underscores or unit brackets.
_HEADERS: dict[str, _Column] = {
    **dict.fromkeys(
        ("txid", "txhash", "transactionhash", "transactionid", "hash", "交易哈希", "交易id", "哈希", "交易hash"),
        _Column.HASH,
    ),
    **dict.fromkeys(
        (
            "address",
            "depositaddress",
            "withdrawaladdress",
            "to",
            "toaddress",
            "receivingaddress",
            "地址",
            "充值地址",
            "提币地址",
            "收款地址",
        ),
        _Column.ADDRESS,
    ),
    **dict.fromkeys(("network", "chain", "blockchain", "网络", "链", "主网"), _Column.NETWORK),
    **dict.fromkeys(("coin", "currency", "asset", "token", "币种", "资产", "币"), _Column.COIN),
    **dict.fromkeys(("amount", "quantity", "数量", "金额"), _Column.AMOUNT),
    **dict.fromkeys(("time", "date", "时间", "日期", "创建时间"), _Column.TIME),
    **dict.fromkeys(("type", "direction", "类型"), _Column.TYPE),
}
_DIRECTIONS = {
    **dict.fromkeys(("deposit", "充值", "充币"), Direction.DEPOSIT),
    **dict.fromkeys(("withdrawal", "withdraw", "提币", "提现"), Direction.WITHDRAWAL),
}


@dataclass(frozen=True)
class _Header:
    line: int  # 0-based index of the header among the text's lines
    separator: str
    names: tuple[str, ...]
    columns: dict[_Column, int]  # the first column of each kind


@dataclass
class _Networks:
    """Network names as an export writes them, each looked up once: an export repeats a few names."""

    networks: Sequence[Network]
    known: dict[tuple[str, str | None], Network | None] = field(default_factory=dict)

    def find(self, name: str, coin: str | None) -> Network | None:
        """The network ``name`` means; HTX and OKX glue the coin to it ("trc20usdt", "USDT-Arbitrum One")."""
        if (name, coin) not in self.known:
            found = find_network(name, self.networks)
            if found is None and coin:
                key, symbol = name_key(name), name_key(coin)
                rest = key.removeprefix(symbol) if key.startswith(symbol) else key.removesuffix(symbol)
                found = find_network(rest, self.networks) if rest and rest != key else None
            self.known[name, coin] = found
        return self.known[name, coin]


def looks_like_csv(text: str) -> bool:
    """Whether ``text`` has a header line with a separator and a hash column."""
    return _header(text) is not None


def labelled_cells(text: str) -> Iterator[str]:
    """Each data cell as ``"<header>: <value>"``, so the secret guard reads a column named "Private Key"
    as the label of the 64-hex values under it, as it would read "private key: …" in a note.

    Any table counts, not only exports with a hash column: a wallet's key export has none.
    """
    header = _header(text) or _first_line_header(text)
    if header is None:
        return
    try:
        for _, cells in _records(text, header):
            yield from (f"{name}: {cell}" for name, cell in zip(header.names, cells, strict=False))
    except csv.Error:  # a field past the csv module's size limit ends the table here, as it ends read_csv
        return


def read_csv(text: str, networks: Sequence[Network]) -> Intake:
    """A draft per data row with a hash; rows without one are skipped with a problem naming the row."""
    header = _header(text)
    if header is None:
        return Intake(problems=(IntakeProblem("csv_no_hash_column"),))
    drafts: list[CaseDraft] = []
    problems: list[IntakeProblem] = []
    names = _Networks(networks)
    row = 0
    try:
        for row, cells in _records(text, header):
            draft = _draft(cells, header, row, names, problems)
            if draft is not None:
                drafts.append(draft)
    except csv.Error as exc:  # a field past the csv module's size limit: an unclosed quote, most often
        problems.append(IntakeProblem("csv_unreadable", (("row", str(row + 1)), ("reason", str(exc)))))
    return Intake(drafts=tuple(drafts), problems=tuple(problems))


def _header_key(name: str) -> str:
    key = _UNIT.sub("", name.strip().lstrip(_BOM).casefold().strip())
    return "".join(c for c in key if c.isalnum())


def _header(text: str) -> _Header | None:
    """The first line that, split by some separator, has a hash column; the separator giving most columns."""
    for index, line in enumerate(text.lstrip(_BOM).splitlines()[:_HEADER_SEARCH]):
        candidates = [header for header in _splits(index, line) if _Column.HASH in header.columns]
        if candidates:
            return max(candidates, key=lambda h: len(h.names))
    return None


def _first_line_header(text: str) -> _Header | None:
    """The first non-blank line as a header, split by the separator giving most columns."""
    lines = enumerate(text.lstrip(_BOM).splitlines())
    index, line = next(((i, line) for i, line in lines if line.strip()), (0, ""))
    return max(_splits(index, line), key=lambda h: len(h.names), default=None)


def _splits(index: int, line: str) -> list[_Header]:
    """``line`` split by each separator that splits it."""
    headers = []
    for separator in _SEPARATORS:
        names = tuple(next(csv.reader([line], delimiter=separator), []))
        columns: dict[_Column, int] = {}
        for position, name in enumerate(names):
            column = _HEADERS.get(_header_key(name))
            if column is not None:
                columns.setdefault(column, position)
        if len(names) > 1:
            headers.append(_Header(index, separator, names, columns))
    return headers


def _records(text: str, header: _Header) -> Iterator[tuple[int, list[str]]]:
    """Data records with their 1-based row numbers; blank lines are neither rows nor counted."""
    lines = text.lstrip(_BOM).splitlines(keepends=True)[header.line + 1 :]
    rows = (cells for cells in csv.reader(lines, delimiter=header.separator) if any(c.strip() for c in cells))
    yield from enumerate(rows, start=1)


def _draft(
    cells: list[str], header: _Header, row: int, networks: _Networks, problems: list[IntakeProblem]
) -> CaseDraft | None:
    def cell(column: _Column) -> str | None:
        position = header.columns.get(column)
        value = cells[position].strip() if position is not None and position < len(cells) else ""
        return value or None

    tx_hash = cell(_Column.HASH)
    if tx_hash is None or not hash_fits_any(hash_form(tx_hash)):
        # Exchanges write "Internal transfer" or an off-chain id where an on-chain transfer has its hash.
        params = (("row", str(row)),) + ((("value", tx_hash),) if tx_hash else ())
        problems.append(IntakeProblem("csv_row_no_hash", params))
        return None
    coin, network_name, amount = cell(_Column.COIN), cell(_Column.NETWORK), cell(_Column.AMOUNT)
    network = networks.find(network_name, coin) if network_name else None
    if network_name and network is None:
        problems.append(IntakeProblem("unknown_network", (("name", network_name), ("row", str(row)))))
    value = _amount(amount, header.separator) if amount else None
    if amount and value is None:
        problems.append(IntakeProblem("bad_amount", (("value", amount), ("row", str(row)))))
    kind = cell(_Column.TYPE)
    return CaseDraft(
        tx_hash=tx_hash,
        address=cell(_Column.ADDRESS),
        network=network.slug if network else None,
        token=coin,
        amount=value,
        direction=_DIRECTIONS.get(kind.casefold()) if kind else None,
        time=cell(_Column.TIME),
        source=f"row {row}",
    )


def _amount(text: str, separator: str) -> Decimal | None:
    """The amount without sign, thousands separators or a trailing symbol ("1,234.5 USDT", "-250").

    The decimal mark is the last of "." and "," when both appear ("1.234,5"); a lone "," is one only in a
    ";"-separated export, which is why Excel chose ";" there. A withdrawal's minus sign is the export's
    bookkeeping, not the amount that moved.
    """
    parts = _AMOUNT.fullmatch("".join(text.split()))
    if parts is None:
        return None
    digits = parts[1]
    if "," in digits and "." in digits:
        mark = "," if digits.rfind(",") > digits.rfind(".") else "."
    else:
        mark = "," if separator == ";" and digits.count(",") == 1 else "."
    grouping = "." if mark == "," else ","
    try:
        return Decimal(digits.replace(grouping, "").replace(mark, "."))
    except InvalidOperation:
        return None
