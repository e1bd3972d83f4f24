"""The only reader of ``resources/*.toml``: network profiles and their token tables.

Networks are data (DESIGN.md rule 4): a new EVM chain is rows here, no code.
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

from diagnostics.errors import CatalogError, InputError
from diagnostics.model import Explorer, Network, Token
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


@cache
def bip39_words() -> frozenset[str]:
    """The BIP-39 English word list, for the secret guard to recognise a seed phrase."""
    node = resources.files(_RESOURCES).joinpath("wordlists", "bip39-english.txt")
    try:
        words = frozenset(w.strip() for w in node.read_text(encoding="utf-8").split() if w.strip())
    except OSError as exc:
        raise CatalogError(f"The app's data file wordlists/bip39-english.txt could not be read: {exc}") from exc
    if len(words) != 2048:
        raise CatalogError(f"wordlists/bip39-english.txt has {len(words)} words, not BIP-39's 2048")
    return words
