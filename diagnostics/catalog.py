"""The only reader of ``resources/*.toml``: network profiles and their token tables.

Networks are data (DESIGN.md rule 4): a new EVM chain is rows here, no code.
"""

from __future__ import annotations

import difflib
import re
import threading
import tomllib
from collections.abc import Mapping
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

from diagnostics.errors import CatalogError, InputError
from diagnostics.intake.secret import Bip39Words
from diagnostics.model import DepositRule, ExchangeProfile, Explorer, Network, Token
from diagnostics.model.network import find_network, name_key

_RESOURCES = "diagnostics.resources"


def _read_toml(*parts: str) -> dict[str, Any]:
    node = resources.files(_RESOURCES).joinpath(*parts)
    try:
        return tomllib.loads(node.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise CatalogError(f"The app's data file {'/'.join(parts)} could not be read: {exc}") from exc


def _tokens(slug: str) -> tuple[Token, ...]:
    if not resources.files(_RESOURCES).joinpath("tokens", f"{slug}.toml").is_file():
        return ()
    table = _read_toml("tokens", f"{slug}.toml")
    if table.get("network") != slug:
        raise CatalogError(f"tokens/{slug}.toml names network {table.get('network')!r}, not {slug!r}")
    try:
        return tuple(
            Token(symbol=t["symbol"], name=t["name"], contract=t["contract"], decimals=int(t["decimals"]))
            for t in table.get("tokens", [])
        )
    except KeyError as exc:
        raise CatalogError(f"tokens/{slug}.toml: a token lacks {exc}") from exc


def _network(slug: str, row: Mapping[str, Any]) -> Network:
    if not row.get("rpc_urls"):
        raise CatalogError(f"networks.toml: network {slug!r} has no rpc_urls: it could never be asked")
    try:
        explorer = row["explorer"]
        return Network(
            slug=slug,
            name=row["name"],
            display_name=row["display_name"],
            family=row["family"],
            chain_id=int(row["chain_id"]),
            native_symbol=row["native_symbol"],
            native_decimals=int(row["native_decimals"]),
            block_time_seconds=float(row["block_time_seconds"]),
            confirmations=int(row["confirmations"]),
            rpc_urls=tuple(row["rpc_urls"]),
            explorer=Explorer(tx=explorer["tx"], address=explorer["address"], token=explorer["token"]),
            tokens=_tokens(slug),
            aliases=tuple(row.get("aliases", ())),
            genesis_hash=row.get("genesis_hash"),
            memo=bool(row.get("memo", False)),
        )
    except KeyError as exc:
        raise CatalogError(f"networks.toml: network {slug!r} lacks {exc}") from exc


@cache
def networks() -> dict[str, Network]:
    """Every network profile, by slug, in the order the file lists them."""
    rows = _read_toml("networks.toml").get("networks", {})
    return {slug: _network(slug, row) for slug, row in rows.items()}


# What users type to leave the network to the app (matched like network names).
_AUTO_NAMES = frozenset({"auto", "autodetect", "detect", "any", "自动", "自动检测", "自动识别"})


def is_auto(name: str) -> bool:
    """Whether ``name`` asks for Auto-detect rather than one network."""
    return name_key(name) in _AUTO_NAMES


def network(name: str) -> Network:
    """The profile a user means by ``name``: its slug, an alias ("erc20", "bnb") or its display name.

    An unknown name suggests the closest known one.
    """
    known = networks()
    found = find_network(name, known.values())
    if found is not None:
        return found
    names = {name_key(alias): n.slug for n in known.values() for alias in (n.slug, n.name, n.display_name, *n.aliases)}
    close = difflib.get_close_matches(name_key(name), list(names), n=1, cutoff=0.6)
    hint = f" — did you mean {names[close[0]]!r}?" if close else ""
    raise InputError(f"unknown network {name!r}{hint} (known: auto, {', '.join(known)})")


# Every official BIP-39 list (bitcoin/bips, bip-0039/; wordlists/SOURCE.txt), English first.
BIP39_LANGUAGES = (
    "english",
    "chinese-simplified",
    "chinese-traditional",
    "czech",
    "french",
    "italian",
    "japanese",
    "korean",
    "portuguese",
    "spanish",
)


def _read_words(name: str) -> list[str]:
    node = resources.files(_RESOURCES).joinpath("wordlists", name)
    try:
        return node.read_text(encoding="utf-8").split()
    except OSError as exc:
        raise CatalogError(f"The app's data file wordlists/{name} could not be read: {exc}") from exc


def bip39_words() -> Bip39Words:
    """Every BIP-39 word list, for the secret guard to recognise a seed phrase in any language, with the
    two-character Chinese words that tell Chinese prose from a phrase. As a set: every list's words.

    Read once, under a lock: a batch's first cases all ask at the same moment, and building it takes a while."""
    with _WORDS_LOCK:
        return _bip39_words()


_WORDS_LOCK = threading.Lock()


@cache
def _bip39_words() -> Bip39Words:
    lists: dict[str, list[str]] = {}
    for language in BIP39_LANGUAGES:
        words = _read_words(f"bip39-{language}.txt")
        if len(set(words)) != 2048 or len(words) != 2048:
            raise CatalogError(f"wordlists/bip39-{language}.txt has {len(set(words))} words, not BIP-39's 2048")
        lists[language] = words
    # A line is a character and every character that follows it in a word: "充值电" is 充值 and 充电.
    chinese = (line[0] + second for line in _read_words("chinese-two-character-words.txt") for second in line[1:])
    return Bip39Words(lists, chinese)


# ---------------------------------------------------------------------------------------------
# Exchange profiles (resources/exchanges/<slug>.toml): every figure with its source and the date it was read.

_EXCHANGE_FIELDS = ("confirmations", "unlock_confirmations", "minimum", "memo_required", "contract")


def _deposit_rule(slug: str, row: Mapping[str, Any]) -> DepositRule:
    where = f"exchanges/{slug}.toml ({row.get('coin')!r} on {row.get('network')!r})"
    if not row.get("source") or not row.get("read"):
        raise CatalogError(f"{where}: a row without its source and the date it was read")
    if row["network"] not in networks() and row["network"] not in _FUTURE_NETWORKS:
        raise CatalogError(f"{where}: no network {row['network']!r}")
    try:
        minimum = Decimal(str(row["minimum"])) if "minimum" in row else None
        return DepositRule(
            coin=str(row["coin"]).upper(),
            network=str(row["network"]),
            accepted=bool(row["accepted"]),
            source=str(row["source"]),
            read=str(row["read"]),
            confirmations=int(row["confirmations"]) if "confirmations" in row else None,
            unlock_confirmations=int(row["unlock_confirmations"]) if "unlock_confirmations" in row else None,
            minimum=minimum,
            memo_required=bool(row["memo_required"]) if "memo_required" in row else None,
            contract=str(row["contract"]) if "contract" in row else None,
            address_pattern=_pattern(row.get("address_pattern"), where),
        )
    except (KeyError, ValueError, ArithmeticError) as exc:
        raise CatalogError(f"{where}: {exc}") from exc


def _pattern(value: object, where: str) -> str | None:
    """An exchange's published address pattern, checked to compile, so a broken row fails here and not later."""
    if value is None:
        return None
    try:
        re.compile(str(value))
    except re.error as exc:
        raise CatalogError(f"{where}: its address_pattern does not compile: {exc}") from exc
    return str(value)


# Networks exchanges list that this version cannot diagnose yet (their rows are kept, and read once it can).
_FUTURE_NETWORKS = frozenset({"solana"})


def _exchange(slug: str, table: Mapping[str, Any]) -> ExchangeProfile:
    try:
        return ExchangeProfile(
            slug=slug,
            name=str(table["name"]),
            support_url=str(table["support_url"]),
            aliases=tuple(table.get("aliases", ())),
            recovery_url=table.get("recovery_url"),
            recovery_form=tuple(table.get("recovery_form", ())),
            below_minimum=table.get("below_minimum"),
            deposits=tuple(_deposit_rule(slug, row) for row in table.get("deposits", ())),
        )
    except KeyError as exc:
        raise CatalogError(f"exchanges/{slug}.toml lacks {exc}") from exc


@cache
def exchanges() -> dict[str, ExchangeProfile]:
    """Every exchange profile, by slug (the file's name), in alphabetical order."""
    folder = resources.files(_RESOURCES).joinpath("exchanges")
    names = sorted(node.name for node in folder.iterdir() if node.name.endswith(".toml"))
    return {name[: -len(".toml")]: _exchange(name[: -len(".toml")], _read_toml("exchanges", name)) for name in names}


def exchange(name: str) -> ExchangeProfile:
    """The exchange a user means by ``name`` ("Bitget", "okx", "币安"…); an unknown one suggests the closest."""
    known = exchanges()
    names = {name_key(alias): e.slug for e in known.values() for alias in (e.slug, e.name, *e.aliases)}
    found = names.get(name_key(name))
    if found is not None:
        return known[found]
    close = difflib.get_close_matches(name_key(name), list(names), n=1, cutoff=0.6)
    hint = f" — did you mean {names[close[0]]!r}?" if close else ""
    raise InputError(f"unknown exchange {name!r}{hint} (known: {', '.join(known)})")


_exchange_named = exchange  # ``needs_memo`` names its argument as callers know it


def needs_memo(network: str, exchange: str | None = None, coin: str | None = None) -> bool:
    """Whether a deposit on ``network`` (to ``exchange``, of ``coin``, where known) needs the memo, tag or comment the
    exchange gave: the exchange's published row says so where it has one for the coin, else any of its rows for the
    network, else the network's own habit (TON: one address for all users, told apart by the comment). The window
    shows its Memo field where this is true."""
    profile = networks().get(network)
    if profile is None:
        return False
    if exchange:
        rows = [r for r in _exchange_named(exchange).deposits if r.network == network]
        if coin:
            rows = [r for r in rows if r.coin.upper() == coin.strip().upper()] or rows
        said = [r.memo_required for r in rows if r.memo_required is not None]
        if said:
            return any(said)
    return profile.memo
