"""Exchange and wallet history exports (CSV): one case draft per row that names a transaction hash.

Every exchange writes its own columns, in English or Chinese, so columns are found by their header names,
never by position; the separator is whichever of ``,`` ``;`` or tab makes a header with a hash column.
Some exports put a title or an export date above the header, so the first lines are searched for it.

Linear in the text's length, whatever it holds: no pattern here can backtrack, and a cell past the ``csv``
module's field limit (an unclosed quote, most often) ends the table with a problem, never an exception.

The layouts read each have a file with their real header in ``tests/diagnostics/intake/exports/`` and where it
was found: Binance (every layout), KuCoin, MEXC; Etherscan and its family, whose file may not name the chain (the
coin in ``Value_IN(BNB)``, a ``ChainId`` column, a token contract one network's table lists, an explorer link or
an address only one network has then say it); Routescan's Snowtrace; Blockscout (amounts in base units); Ledger
Live, Exodus, Tronscan; Kraken's ledger and the exports with no hash column say why nothing was read.

A row is skipped only with a problem saying why and quoting what it saw, and rows are numbered as a spreadsheet
numbers them (the header on row 1 when it is the first line, blank lines counted). A row of a network the app
does not serve (an address, hash or network name of one: ``bnb1…``, "SOL") is skipped with the network's name
(``csv_row_unsupported_network``), never read as a case with no network.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from diagnostics.bounds import MAX_INTEGER_DIGITS, MAX_MEMO_LENGTH, amount_in_bounds, shorten
from diagnostics.intake.draft import CaseDraft, Intake, IntakeProblem
from diagnostics.intake.sniff import (
    HashForm,
    hash_fits_any,
    hash_form,
    networks_for_address,
    unsupported_network,
    unsupported_network_name,
)
from diagnostics.intake.text import link_network, read_text
from diagnostics.model import Direction
from diagnostics.model.network import Network, find_network, name_key

_SEPARATORS = (",", ";", "\t")
_HEADER_SEARCH = 10  # lines searched for the header
_BOM = "\ufeff"
# "Date(UTC)", "Time (UTC+8)", "Amount（USDT）": the bracket says a unit, not what the column is.
_OPENING = "(（"
_CLOSING = ")）"
# Sign, digits with their separators, a symbol glued on ("1,234.5USDT"): each part a class the next cannot
# match, so a failed match never backtracks (``[\d.,]*\d[\d.,]*`` did: 16 KB of digits took seconds).
_AMOUNT = re.compile(r"[-+]?([\d.,]+)[A-Za-z]*")
_DIGIT = re.compile(r"\d")
_FIELD_LIMIT = "field larger than field limit"  # the csv module's words for a cell past csv.field_size_limit()
# A symbol written after the amount ("0.5 BTC" in Exodus, "0.45600614 ETH" in Etherscan's page download).
_SYMBOL = re.compile(r"[A-Za-z][A-Za-z0-9.]{0,15}")
# What Excel shows for a hash it took for a number: all digits, or digits with one "e" ("9.20594E+63").
_EXCEL_NUMBER = re.compile(r"[-+]?\d+(?:[.,]\d+)?[eE][-+]?\d+")
_EXCEL_NUMBER_LENGTH = 40  # longer is no number Excel writes
_ELLIPSES = ("…", "...")
_INTERNAL = ("internal", "内部", "off-chain", "offchain", "站内")
_OUTPUT_INDEX_DIGITS = 6  # "…:0": the output of the transaction an exchange's TxID names; a hash has no colon
_MAX_LINK = 2_000  # longer is no explorer link
_NEAR_HASH = (48, 80)  # hex digits without 0x, fewer or more than a hash's 64, read as a hash damaged
_Params = tuple[tuple[str, str], ...]
_NATIVE_DECIMALS = 18  # Blockscout's "Value" is in wei: it serves EVM chains, whose coins all have 18 decimals
# Network names exchanges write that no network row lists (compared as ``name_key`` writes them). Sources:
# ccxt/ccxt ts/src/bybit.ts options.networks, Bybit's chain ids ("ARBONE": "ARBI", "AVAXC": "CAVAX"; the stored
# copy's commit was not determined); Binance's ARBITRUM and OPTIMISM and the chains' plain names as MEXC writes
# them before its brackets ("Optimism(OP)", "Polygon(MATIC)"). They belong in resources/networks.toml's aliases
# (not this module's to edit); they are here until they are there.
_EXCHANGE_NETWORK_NAMES: dict[str, str] = {
    "arbi": "arbitrum",
    "arbitrum": "arbitrum",
    "cavax": "avalanche",
    "optimism": "optimism",
    "polygon": "polygon",
}


class _Column(StrEnum):
    HASH = "hash"
    ADDRESS = "address"
    NETWORK = "network"
    COIN = "coin"
    AMOUNT = "amount"
    TIME = "time"
    TYPE = "type"
    BASE_AMOUNT = "base_amount"  # an integer in the coin's smallest unit (Blockscout)
    DECIMALS = "decimals"  # the decimals of a BASE_AMOUNT
    CHAIN_ID = "chain_id"  # an EVM chain id (Routescan)
    CONTRACT = "contract"  # the token's contract
    LINK = "link"  # an explorer link to the transaction (Exodus)
    ACCOUNT = "account"  # a wallet account's name, "Ethereum 1" by default (Ledger Live): a network, or no hint
    OWN_ADDRESS = "own_address"  # the wallet's own address or xpub (Ledger Live): a hint, never the case's address
    MEMO = "memo"  # the memo, tag or comment that goes with the address (TON's comment, XRP's destination tag)


# Header names as ``_header_key`` writes them: no case, spaces, dashes, underscores or unit brackets. Where each
# came from is in tests/diagnostics/intake/exports/*.source.txt.
_HEADERS: dict[str, _Column] = {
    **dict.fromkeys(
        (
            *("txid", "txhash", "transactionhash", "transactionid", "hash"),
            *("operationhash", "outtxid", "intxid"),  # Ledger Live; Exodus (what was sent, what came in)
            *("交易哈希", "交易id", "哈希", "交易hash"),
        ),
        _Column.HASH,
    ),
    **dict.fromkeys(
        (
            *("address", "depositaddress", "withdrawaladdress", "to", "toaddress", "receivingaddress"),
            *("withdrawaladdressaccount", "walletaddressaccount", "walletaddress", "add"),  # KuCoin
            *("地址", "充值地址", "提币地址", "收款地址"),
        ),
        _Column.ADDRESS,
    ),
    **dict.fromkeys(("network", "chain", "blockchain", "transfernetwork", "网络", "链", "主网"), _Column.NETWORK),
    **dict.fromkeys(
        (
            *("coin", "currency", "asset", "token", "crypto", "tokensymbol", "currencyticker", "cointype", "ticker"),
            *("outcurrency", "incurrency"),  # Exodus
            *("币种", "资产", "币"),
        ),
        _Column.COIN,
    ),
    **dict.fromkeys(
        (
            *("amount", "quantity", "qty", "vol", "value", "tokenvalue", "operationamount", "coinamount"),
            *("depositamount", "settlementamount", "requestamount"),  # MEXC
            *("valuein", "valueout", "outamount", "inamount"),  # Etherscan's Value_IN(ETH); Exodus
            *("数量", "金额"),
        ),
        _Column.AMOUNT,
    ),
    **dict.fromkeys(("tokenstransferred",), _Column.BASE_AMOUNT),
    **dict.fromkeys(("tokendecimals",), _Column.DECIMALS),
    **dict.fromkeys(("chainid",), _Column.CHAIN_ID),
    **dict.fromkeys(("contractaddress", "tokencontractaddress", "tokenaddress"), _Column.CONTRACT),
    **dict.fromkeys(("txurl", "outtxurl", "intxurl"), _Column.LINK),
    **dict.fromkeys(("accountname",), _Column.ACCOUNT),
    **dict.fromkeys(("accountxpub",), _Column.OWN_ADDRESS),
    **dict.fromkeys(
        (
            *("time", "date", "datetime", "utctime", "operationdate", "blockdatetime", "createdat"),
            "时间",
            "日期",
            "创建时间",
        ),
        _Column.TIME,
    ),
    **dict.fromkeys(("type", "direction", "类型"), _Column.TYPE),
    # MEXC's withdrawals export has "memo" (BittyTax's mexc.py header, tests/.../mexc_withdrawals.csv); exchanges
    # call it a Tag (XRP's "Destination Tag", "Address Tag", "Memo/Tag") or a Comment (TON), 备注 or 标签 in Chinese.
    **dict.fromkeys(
        (
            *("memo", "tag", "comment", "memotag", "tagmemo", "destinationtag", "addresstag", "addressmemo"),
            *("备注", "标签", "标签备注", "地址标签", "memo备注"),
        ),
        _Column.MEMO,
    ),
}
# Where a column has several candidates, the rank of each (lower first, then left to right): MEXC's withdrawal
# moved its "Settlement Amount" on chain, the "Request Amount" less the fee.
_RANKS = {"settlementamount": 0, "requestamount": 2}
_DIRECTIONS = {
    **dict.fromkeys(("deposit", "充值", "充币"), Direction.DEPOSIT),
    **dict.fromkeys(("withdrawal", "withdraw", "提币", "提现"), Direction.WITHDRAWAL),
}
# Headers only one direction's export has (KuCoin and MEXC export deposits and withdrawals apart, with no type).
_HEADER_DIRECTIONS = {
    **dict.fromkeys(("depositaddress", "depositamount"), Direction.DEPOSIT),
    **dict.fromkeys(
        ("withdrawaladdress", "withdrawaladdressaccount", "walletaddressaccount", "requestamount", "settlementamount"),
        Direction.WITHDRAWAL,
    ),
}
# A wallet's export: its "deposit" is what the wallet received, not a deposit into an exchange (Exodus).
_WALLET_HEADERS = frozenset({"fromportfolio", "toportfolio"})
# Blockscout names its address columns so, and writes a coin's "Value" in wei; Etherscan writes From, To and ether.
_BASE_UNIT_HEADERS = frozenset({"fromaddress"})


@dataclass(frozen=True)
class _Header:
    line: int  # 0-based index of the header among the text's lines
    separator: str
    names: tuple[str, ...]
    keys: tuple[str, ...]  # the names as ``_header_key`` writes them
    columns: dict[_Column, tuple[int, ...]]  # the columns of each kind, best first
    units: dict[int, str] = field(default_factory=dict)  # the bracketed unit of an amount column: "Value_IN(BNB)"
    direction: Direction | None = None  # what its headers alone say
    wallet: bool = False  # a wallet's export: its type column speaks of the wallet, not of an exchange


@dataclass
class _Networks:
    """Network names as an export writes them, each looked up once: an export repeats a few names."""

    networks: Sequence[Network]
    known: dict[tuple[str, str | None], Network | str | None] = field(default_factory=dict)

    def find(self, name: str, coin: str | None) -> Network | str | None:
        """The network ``name`` means, or the display name of an unsupported one it means ("SOL": "Solana").

        HTX and OKX glue the coin to the name ("trc20usdt", "USDT-Arbitrum One"); MEXC writes a name and a short
        name in brackets ("Arbitrum One(ARB)", "Polygon(MATIC)", "Solana(SOL)"), each looked up on its own."""
        if (name, coin) not in self.known:
            parts = (name, *_bracketed(name))
            found: Network | str | None = next((n for part in parts if (n := self._served(part, coin))), None)
            if found is None:
                found = next((u for part in parts if (u := unsupported_network_name(part))), None)
            self.known[name, coin] = found
        return self.known[name, coin]

    def _served(self, name: str, coin: str | None) -> Network | None:
        found = find_network(name, self.networks)
        if found is None and coin:
            key, symbol = name_key(name), name_key(coin)
            rest = key.removeprefix(symbol) if key.startswith(symbol) else key.removesuffix(symbol)
            found = find_network(rest, self.networks) if rest and rest != key else None
        if found is None:
            slug = _EXCHANGE_NETWORK_NAMES.get(name_key(name))
            found = next((n for n in self.networks if n.slug == slug), None)
        return found

    def by_chain_id(self, text: str) -> Network | None:
        """The network of an EVM chain id ("43114"); 0 is no chain's."""
        chain_id = int(text) if _is_number(text) and len(text) <= 12 else 0
        return next((n for n in self.networks if chain_id and n.chain_id == chain_id), None)

    def by_contract(self, contract: str) -> tuple[Network, int] | None:
        """The one network whose token table lists ``contract``, and the token's decimals."""
        found = [(n, t.decimals) for n in self.networks if (t := n.token_by_contract(contract)) is not None]
        return found[0] if len(found) == 1 else None

    def by_unit(self, unit: str) -> Network | None:
        """The one network whose coin ``unit`` is (BscScan's "Value_IN(BNB)"); ETH is four networks' and says none."""
        native = [n for n in self.networks if n.native_symbol.upper() == unit.upper()]
        if len(native) == 1:
            return native[0]
        found = find_network(unit, self.networks) if not native else None
        return found if found is not None and found.family == "evm" else None

    def is_coin(self, unit: str) -> bool:
        """Whether ``unit`` is some network's coin (ETH, BNB, POL …) or a name of one (MATIC), not a token's."""
        return any(n.native_symbol.upper() == unit.upper() for n in self.networks) or (
            find_network(unit, self.networks) is not None
        )

    def by_address(self, address: str) -> Network | None:
        """The one network an address can be on (a Tron ``T…`` or Bitcoin address; an EVM one fits seven)."""
        found = networks_for_address(address, self.networks)
        return found[0] if len(found) == 1 else None


def _bracketed(name: str) -> tuple[str, ...]:
    """The name before the brackets and the one inside them ("Arbitrum One(ARB)"), if it ends with brackets."""
    if not name or name[-1] not in _CLOSING or not any(c in name for c in _OPENING):
        return ()
    opening = max(name.rfind(c) for c in _OPENING)
    return tuple(part for part in (name[:opening].strip(), name[opening + 1 : -1].strip()) if part)


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
            if not _blank(cells):
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
    row = header.line + 1
    try:
        for row, cells in _records(text, header):
            draft = None if _blank(cells) else _draft(cells, header, row, names, problems)
            if draft is not None:
                drafts.append(draft)
    except csv.Error as exc:  # a field past the csv module's size limit: an unclosed quote, most often
        where = ("row", str(row + 1))
        if _FIELD_LIMIT in str(exc):
            problems.append(IntakeProblem("csv_cell_too_long", (where, ("limit", str(csv.field_size_limit())))))
        else:
            problems.append(IntakeProblem("csv_unreadable", (where, ("reason", str(exc)))))
    return Intake(drafts=tuple(drafts), problems=tuple(problems))


def _header_key(name: str) -> str:
    key = _without_unit(name.strip().lstrip(_BOM).casefold().strip())
    return "".join(c for c in key if c.isalnum())


def _without_unit(name: str) -> str:
    """``name`` without a bracketed unit at its end: from the first opening bracket after the last closing
    one, when the name ends with a closing bracket ("Amount (USDT)" -> "Amount "). Found by scanning, not by
    a pattern anchored at the end, which tries every opening bracket in turn (a header of 20,000 "(" took
    seconds)."""
    if not name or name[-1] not in _CLOSING:
        return name
    body = name[:-1]
    after = max(body.rfind(c) for c in _CLOSING) + 1
    opening = [i for i in (body.find(c, after) for c in _OPENING) if i >= 0]
    return name[: min(opening)] if opening else name


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
        try:
            names = tuple(next(csv.reader([line], delimiter=separator), []))
        except csv.Error:  # a cell past the csv module's field limit: no header has one
            continue
        if len(names) > 1:
            headers.append(_described(index, separator, names))
    return headers


def _described(index: int, separator: str, names: tuple[str, ...]) -> _Header:
    """The header ``names``: which columns say what, best first; the units of amount columns; what the headers
    alone say of the rows' direction; whether it is a wallet's export."""
    keys = tuple(_header_key(name) for name in names)
    base_units = not _BASE_UNIT_HEADERS.isdisjoint(keys)
    found: dict[_Column, list[tuple[int, int]]] = {}
    for position, key in enumerate(keys):
        column = _HEADERS.get(key)
        if column is _Column.AMOUNT and key == "value" and base_units:
            column = _Column.BASE_AMOUNT
        if column is not None:
            found.setdefault(column, []).append((_RANKS.get(key, 1), position))
    columns = {column: tuple(position for _, position in sorted(ranked)) for column, ranked in found.items()}
    units = {p: unit for p in columns.get(_Column.AMOUNT, ()) if (unit := _unit(names[p]))}
    directions = {_HEADER_DIRECTIONS[key] for key in keys if key in _HEADER_DIRECTIONS}
    direction = directions.pop() if len(directions) == 1 else None
    return _Header(index, separator, names, keys, columns, units, direction, not _WALLET_HEADERS.isdisjoint(keys))


def _unit(name: str) -> str | None:
    """The unit in a header's closing brackets ("Value_IN(BNB)": "BNB"), if it is a coin's symbol."""
    stripped = name.strip()
    bare = _without_unit(stripped)
    unit = stripped[len(bare) + 1 : -1].strip() if bare != stripped else ""
    return unit if unit.isascii() and unit.isalnum() and not unit.isdigit() and len(unit) <= 10 else None


def _records(text: str, header: _Header) -> Iterator[tuple[int, list[str]]]:
    """Data records with their row numbers as a spreadsheet shows them: every line above the header is a row
    (a title, a blank line), the header is the next, and each record after it one more, blank ones too; a
    quoted cell over several lines is one row, as Excel shows it."""
    lines = text.lstrip(_BOM).splitlines(keepends=True)[header.line + 1 :]
    yield from enumerate(csv.reader(lines, delimiter=header.separator), start=header.line + 2)


def _blank(cells: list[str]) -> bool:
    return not any(cell.strip() for cell in cells)


def _is_number(text: str) -> bool:
    """Whether ``text`` is ASCII digits only ("²" is a digit to ``str.isdigit`` and no number to ``int``)."""
    return text.isascii() and text.isdigit()


@dataclass(frozen=True)
class _Row:
    cells: list[str]
    header: _Header
    number: int  # as a spreadsheet numbers it

    def at(self, position: int) -> str:
        return self.cells[position].strip() if position < len(self.cells) else ""

    def first(self, column: _Column) -> tuple[int, str] | None:
        """The first of ``column``'s cells (best first) that is not empty, with its position."""
        return next(((p, value) for p in self.header.columns.get(column, ()) if (value := self.at(p))), None)

    def cell(self, column: _Column) -> str | None:
        found = self.first(column)
        return found[1] if found else None


@dataclass(frozen=True)
class _Amount:
    value: Decimal | None  # None: past the bounds
    unit: str | None = None  # the coin it is counted in, where the cell or its header says it


def _draft(
    cells: list[str], header: _Header, number: int, networks: _Networks, problems: list[IntakeProblem]
) -> CaseDraft | None:
    row = _Row(cells, header, number)
    where = ("row", str(number))
    text, link = row.cell(_Column.HASH), row.cell(_Column.LINK)
    if text is not None and "/" in text and not hash_fits_any(hash_form(text)):
        text, link = None, link or text  # an explorer link where the hash goes
    tx_hash, skipped = _hash(text, link, networks)
    coin, network_name, account_name = row.cell(_Column.COIN), row.cell(_Column.NETWORK), row.cell(_Column.ACCOUNT)
    address, own = row.cell(_Column.ADDRESS), row.cell(_Column.OWN_ADDRESS)
    named = networks.find(network_name, coin) if network_name else None
    account = _account_network(account_name, coin, networks)
    # What names a network the app does not serve: an address's form (a Beacon Chain bnb1… beside "BNB", which
    # is BNB Smart Chain's name too), the network's name, the wallet account's own address or default name.
    unsupported = (
        (address, unsupported_network(address) if address else None),
        (network_name, named if isinstance(named, str) else None),
        (own, unsupported_network(own) if own else None),
        (account_name, account if isinstance(account, str) else None),
    )
    skipped = skipped or next(
        (("csv_row_unsupported_network", (("network", n), ("value", shorten(v)))) for v, n in unsupported if v and n),
        None,
    )
    if skipped is not None or tx_hash is None:
        # What the row held, so a support agent can find it in the sheet: "Row 7 has no hash" alone is not enough.
        seen = shorten(", ".join(c.strip() for c in cells if c.strip())) or "—"
        key, params = skipped or ("csv_row_no_hash", ())
        if key == "csv_row_no_hash":  # an empty hash cell says nothing: the row's other cells do
            params = (("value", seen),)
        problems.append(IntakeProblem(key, (where, *params)))
        return None
    amount = _row_amount(row, networks, problems)
    network = next((n for n in (named, account) if isinstance(n, Network)), None) or _hinted(
        row, link, amount, address or own, networks
    )
    if network_name and network is None:
        problems.append(IntakeProblem("unknown_network", (("name", shorten(network_name)), where)))
    if coin is None and amount is not None and amount.unit is not None:
        # A native coin's column may name another chain's symbol (Routescan's Avalanche export says ETH) or an
        # old one (MATIC): the network's own symbol is the coin.
        coin = network.native_symbol if network is not None and networks.is_coin(amount.unit) else amount.unit
    kind = row.cell(_Column.TYPE)
    direction = None if header.wallet else (_DIRECTIONS.get(kind.casefold()) if kind else None) or header.direction
    return CaseDraft(
        tx_hash=tx_hash,
        address=address,
        network=network.slug if network else None,
        token=coin,
        amount=amount.value if amount else None,
        direction=direction,
        time=row.cell(_Column.TIME),
        source=f"row {number}",
        memo=_memo(row.cell(_Column.MEMO)),
    )


def _memo(text: str | None) -> str | None:
    """A memo cell as the exchange gave it. A dash is none (an export writes "-" or "--" where a network has no
    memo); so is a cell past any memo's length, or over several lines: a user's own note in a "备注" (remark)
    column, which no exchange gives as a memo."""
    if text is None or len(text) > MAX_MEMO_LENGTH or not text.strip("-–— ") or not text.isprintable():
        return None
    return text


def _row_amount(row: _Row, networks: _Networks, problems: list[IntakeProblem]) -> _Amount | None:
    """The amount that moved: the first amount cell, best first, that is not zero (Etherscan's "Value_IN" is 0
    where "Value_OUT" is not), else a base-unit amount scaled by its decimals. A cell that is no number, with no
    other to take, is a problem; so is an amount past any transfer."""
    where = ("row", str(row.number))
    unreadable: str | None = None
    for position in row.header.columns.get(_Column.AMOUNT, ()):
        text = row.at(position)
        value = _amount(text, row.header.separator) if text else None
        if text and value is None:
            unreadable = unreadable or text
        if not value:
            continue
        if not amount_in_bounds(value):
            problems.append(IntakeProblem("amount_out_of_range", (("value", shorten(text)), where)))
            return _Amount(None)
        symbol = _SYMBOL.fullmatch(text.rsplit(None, 1)[-1]) if len(text.split(None, 1)) > 1 else None
        return _Amount(value, symbol.group() if symbol else row.header.units.get(position))
    if unreadable is not None:
        problems.append(IntakeProblem("bad_amount", (("value", shorten(unreadable)), where)))
    return _base_amount(row, networks)


def _base_amount(row: _Row, networks: _Networks) -> _Amount | None:
    """A base-unit amount (Blockscout's TokensTransferred, or its Value in wei) in the coin's units: its
    decimals from the row's TokenDecimals, else the token table's for its contract; ``None`` if neither says."""
    found = row.first(_Column.BASE_AMOUNT)
    if found is None or not _is_number(found[1]) or len(found[1]) > MAX_INTEGER_DIGITS:
        return None
    position, digits = found
    written = row.cell(_Column.DECIMALS)
    contract = row.cell(_Column.CONTRACT)
    if written is not None and _is_number(written) and len(written) <= 2:
        decimals: int | None = int(written)
    elif row.header.keys[position] == "value":
        decimals = _NATIVE_DECIMALS
    else:
        by_contract = networks.by_contract(contract) if contract else None
        decimals = by_contract[1] if by_contract else None
    if decimals is None or not int(digits):
        return None
    value = Decimal(int(digits)).scaleb(-decimals)
    if not amount_in_bounds(value):
        return _Amount(None)
    plain = value.normalize()  # 7250000 at 6 decimals is 7.25, not 7.250000; 100 stays 100, not 1E+2
    return _Amount(plain if plain != plain.to_integral_value() else value.quantize(Decimal(1)))


def _account_network(name: str | None, coin: str | None, networks: _Networks) -> Network | str | None:
    """The network a wallet account's default name says ("Ethereum 1", "BNB Chain 2"); a name the user chose
    says nothing, and is no problem."""
    if not name:
        return None
    base, _, number = name.rpartition(" ")
    return networks.find(base if base and number.isdigit() else name, coin)


def _hinted(
    row: _Row, link: str | None, amount: _Amount | None, address: str | None, networks: _Networks
) -> Network | None:
    """The network the row says with no network name: its chain id, its explorer link, its token's contract
    (when one network's token table lists it), the coin its amount column counts in (BscScan's
    "Value_IN(BNB)"), or an address only one network can have (Tron's, Bitcoin's)."""
    chain_id, contract = row.cell(_Column.CHAIN_ID), row.cell(_Column.CONTRACT)
    if chain_id and (network := networks.by_chain_id(chain_id)) is not None:
        return network
    if link and (slug := link_network(link, networks.networks)) is not None:
        return next(n for n in networks.networks if n.slug == slug)
    if contract and (found := networks.by_contract(contract)) is not None:
        return found[0]
    if amount is not None and amount.unit and (network := networks.by_unit(amount.unit)) is not None:
        return network
    return networks.by_address(address) if address else None


def _hash(text: str | None, link: str | None, networks: _Networks) -> tuple[str | None, tuple[str, _Params] | None]:
    """The row's transaction hash, or why it has none: the problem's key and what it quotes.

    An exchange's TxID may end with the output it paid (":0", MEXC); a wallet may give only the explorer link."""
    if text is None and link is not None:
        text = _linked_hash(link, networks) or link  # a link naming no hash is what the row says, and is quoted
    if text is None:
        return None, ("csv_row_no_hash", ())
    head, colon, tail = text.rpartition(":")
    if colon and tail.isdigit() and len(tail) <= _OUTPUT_INDEX_DIGITS and hash_fits_any(hash_form(head)):
        text = head
    form = hash_form(text)
    if hash_fits_any(form):
        return text, None
    value = (("value", shorten(text)),)
    if (name := unsupported_network(text)) is not None:
        return None, ("csv_row_unsupported_network", (("network", name), *value))
    if len(text) <= _EXCEL_NUMBER_LENGTH and _EXCEL_NUMBER.fullmatch(text):
        return None, ("csv_row_hash_as_number", value)
    if any(mark in text for mark in _ELLIPSES):
        return None, ("csv_row_truncated_hash", value)
    if any(word in text.casefold() for word in _INTERNAL):
        return None, ("csv_row_internal_transfer", value)
    if form in (HashForm.EVM_ADDRESS, HashForm.ADDRESS):
        return None, ("csv_row_address_as_hash", value)
    digits = len(text) - (2 if text[:2].lower() == "0x" else 0)
    if form is HashForm.WRONG_LENGTH and (digits != len(text) or _NEAR_HASH[0] <= digits <= _NEAR_HASH[1]):
        # A hash with a digit lost or gained on the way (an exchange's record number is all digits, and short).
        return None, ("csv_row_hash_wrong_length", (*value, ("length", str(digits))))
    return None, ("csv_row_not_a_hash", value)


def _linked_hash(link: str, networks: _Networks) -> str | None:
    """The hash an explorer link names (Exodus's TXURL when its TXID is empty)."""
    drafts = read_text(link, networks.networks).drafts if len(link) <= _MAX_LINK else ()
    return drafts[0].tx_hash if drafts else None


def _amount(text: str, separator: str) -> Decimal | None:
    """The amount without sign, thousands separators or a trailing symbol ("1,234.5 USDT", "-250").

    The decimal mark is the last of "." and "," when both appear ("1.234,5"); a lone "," is one only in a
    ";"-separated export, which is why Excel chose ";" there. A withdrawal's minus sign is the export's
    bookkeeping, not the amount that moved.
    """
    parts = _AMOUNT.fullmatch("".join(text.split()))
    if parts is None or not _DIGIT.search(parts[1]):
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
