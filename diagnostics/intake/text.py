"""Transaction hashes, addresses and explorer links picked out of whatever text a user pastes.

Users paste a support chat, an exchange's withdrawal page or an explorer link, not a form. Every run of
letters and digits long enough to be a hash or an address is judged by its form alone (``sniff``), so an
address is never taken for a hash. An explorer link also says the network: its host is matched against
the networks' own explorer templates, so a network added as data is recognised without code, and against a few
other explorers of the same chains (Snowscan, Tonscan; Blockchair, 3xpl and OKLink, which name the chain in the
path). TON writes accounts and hashes in base64url, so a run or a link's value may hold "-", "_" and a final "=".

A link, address or signature of a network the app does not serve (Solscan, an XRP or ``bnb1…`` address, a
Blockchair Litecoin page …) gives no draft: a problem names the network, and a hash whose nearest address is
one gives none either, since its network could only be guessed. The caller runs the secret guard first: a
64-hex key labelled as one never reaches this module.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache

from diagnostics.bounds import shorten
from diagnostics.intake.draft import CaseDraft, Intake, IntakeProblem
from diagnostics.intake.sniff import (
    MULTI_CHAIN_EXPLORERS,
    SERVED_CHAIN_PATHS,
    HashForm,
    address_form,
    hash_fits_any,
    hash_form,
    unsupported_network,
)
from diagnostics.model.network import Network

# Anything shorter cannot be a hash or an address (a Bitcoin address has 26 characters at least).
_RUN = re.compile(r"(?<![0-9A-Za-z])[0-9A-Za-z]{25,}(?![0-9A-Za-z])")
# A run with base64url's "-" and "_" (and a padding "="): a TON address in its user-friendly form
# ("UQBfAN7L…-b_dm") or a TON hash in base64url. Taken whole only when it is one; else its plain runs count.
_WIDE_RUN = re.compile(r"(?<![0-9A-Za-z_-])[0-9A-Za-z_-]{25,}=?(?![0-9A-Za-z_-])")
_PLAIN = re.compile(r"[0-9A-Za-z]+")
# "https://tronscan.org/#/transaction/{hash}": the host, and the path up to the placeholder.
_TEMPLATE = re.compile(r"(?:[A-Za-z]+://)?(?P<host>[^/?#{]+)(?P<path>[^{]*)\{(?:hash|address)\}")
# Any 0x + 40 hex is an EVM address, a checksum typo in its capitals or not: the checks say which.
_ADDRESS_FORMS = (HashForm.EVM_ADDRESS, HashForm.ADDRESS)
_TOKEN = re.compile(r"\S+")
# Other explorers of served chains, as (host, path before the value, slug). Snowscan, Etherscan's explorer of the
# Avalanche C-Chain: gemwalletcom/core@4e39193e9c7a4d66e809aec9be85deffc829b0c0
# crates/primitives/src/explorers/etherscan.rs ("SnowScan", "https://snowscan.xyz", /tx/ and /address/ pages).
# Tonscan, TON's other explorer beside the profile's Tonviewer: tonscan.org/tx/<hash> and /address/<address>
# (gemwalletcom/core crates/primitives/src/explorers/ton.rs, as diagnostics.intake.sniff cites it).
_OTHER_EXPLORERS: tuple[tuple[str, str, str], ...] = (
    ("snowscan.xyz", "/tx/", "avalanche"),
    ("snowscan.xyz", "/address/", "avalanche"),
    ("tonscan.org", "/tx/", "ton"),
    ("tonscan.org", "/address/", "ton"),
)
# An optional language segment on OKLink's pages ("oklink.com/en/eth/tx/…", "/zh-hans/…").
_LANGUAGE = r"(?:[a-z]{2}(?:-[a-z]{2,4})?/)?"


@dataclass(frozen=True)
class _Explorers:
    """One pattern for every explorer page: its group ``page<i>`` matches the page of ``networks[i]``;
    its group ``value`` is the hash or address the link names."""

    pattern: re.Pattern[str]
    networks: tuple[str, ...]


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    value: str
    is_hash: bool
    network: str | None
    unsupported: str | None = None  # the network the app does not serve this value is of


def read_text(text: str, networks: Sequence[Network]) -> Intake:
    """One draft per distinct hash in ``text``, in order, each with the nearest address on its line.

    A hash met again later fills what its first mention lacked (an explorer link's network, an address).
    Each value of a network the app does not serve is a problem ``unsupported_network`` (``line``, ``network``,
    ``value``), once.
    """
    explorers = _explorers(tuple(networks))
    drafts: dict[str, CaseDraft] = {}
    problems: dict[str, IntakeProblem] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        line_drafts, unsupported = _line_drafts(line, explorers, f"line {number}")
        for draft in line_drafts:
            key = draft.tx_hash.lower().removeprefix("0x")
            first = drafts.get(key)
            drafts[key] = draft if first is None else _filled(first, draft)
        for item in unsupported:
            params = (("line", str(number)), ("network", item.unsupported or ""), ("value", shorten(item.value)))
            problems.setdefault(item.value, IntakeProblem("unsupported_network", params))
    return Intake(drafts=tuple(drafts.values()), problems=tuple(problems.values()))


def link_network(link: str, networks: Sequence[Network]) -> str | None:
    """The slug of the served network an explorer link names (a CSV's TXURL column, say), or ``None``."""
    explorers = _explorers(tuple(networks))
    match = explorers.pattern.match(link.strip())
    return _page_network(match, explorers) if match else None


@cache
def _explorers(networks: tuple[Network, ...]) -> _Explorers:
    """The pattern of every network's tx and address pages, and of the other explorers' pages of them.

    The host matches with any top-level domain (tronscan.org and tronscan.io are one explorer) and
    with or without ``www.`` and the scheme; it may not follow a dot, so optimistic.etherscan.io is not
    taken for etherscan.io, nor opbnb.bscscan.com for bscscan.com. One pattern for all: a line is scanned
    once, not once per explorer.
    """
    pages: list[str] = []
    slugs: list[str] = []

    def page(pattern: str, slug: str) -> None:
        pages.append(f"(?P<page{len(pages)}>{pattern})")
        slugs.append(slug)

    served = {network.slug for network in networks}
    for network in networks:
        for template in (network.explorer.tx, network.explorer.address):
            parts = _TEMPLATE.match(template)
            if parts is not None:
                page(_host_pattern(parts["host"]) + re.escape(parts["path"]), network.slug)
    for host, path, slug in _OTHER_EXPLORERS:
        if slug in served:
            page(_host_pattern(host) + re.escape(path), slug)
    for host, kinds in MULTI_CHAIN_EXPLORERS.items():
        chains = [(chain, slug) for chain, slug in SERVED_CHAIN_PATHS.items() if slug in served]
        for chain, slug in chains:
            paths = "|".join(re.escape(f"{chain}/{kind}/") for kind in kinds)
            page(f"{_host_pattern(host)}/{_LANGUAGE}(?:{paths})", slug)
    alternatives = "|".join(pages) or "(?!)"
    # The value may hold base64url's "-" and "_" and end with "=" (TON's addresses and hashes): ``_value`` takes
    # its plain leading part where the whole is none.
    pattern = rf"(?i)(?:https?://)?(?<![\w.-])(?:www\.)?(?:{alternatives})(?P<value>[0-9A-Za-z_-]+=?)[^\s]*"
    return _Explorers(re.compile(pattern), tuple(slugs))


def _host_pattern(host: str) -> str:
    name, dot, _ = host.lower().removeprefix("www.").rpartition(".")
    return re.escape(name) + r"\.[a-z]{2,}" if dot else re.escape(host.lower())


def _page_network(match: re.Match[str], explorers: _Explorers) -> str:
    return explorers.networks[next(i for i in range(len(explorers.networks)) if match[f"page{i}"] is not None)]


def _line_drafts(line: str, explorers: _Explorers, source: str) -> tuple[list[CaseDraft], list[_Found]]:
    """The drafts of ``line``'s hashes, and what on it belongs to a network the app does not serve."""
    found, covered = _linked(line, explorers)
    links = _unsupported_links(line, {end for _, end in covered})
    starts = [link.start for link in links]
    link_starts = [start for start, _ in covered]  # in order, apart: a match never overlaps the one before
    unsupported = list(links)
    for start, end, value in _runs(line):
        index = bisect_right(link_starts, start) - 1
        inside_link = index >= 0 and start < covered[index][1]
        if inside_link or _within(start, links, starts):
            continue
        is_hash = _judge(value)
        if is_hash is not None:
            found.append(_Found(start, end, value, is_hash, None))
        elif (name := unsupported_network(value)) is not None:
            unsupported.append(_Found(start, end, value, False, None, name))
    addresses = [f for f in found if not f.is_hash] + unsupported
    order = sorted(range(len(addresses)), key=lambda i: addresses[i].start)
    address_starts = [addresses[i].start for i in order]
    drafts = []
    for item in sorted((f for f in found if f.is_hash), key=lambda f: f.start):
        near = _nearest(item, addresses, order, address_starts)
        if near is not None and near.unsupported is not None:
            continue  # a hash beside an address of a network the app does not serve: its problem says so
        drafts.append(
            CaseDraft(
                tx_hash=item.value,
                address=near.value if near else None,
                network=item.network or (near.network if near else None),
                source=source,
            )
        )
    return drafts, sorted(unsupported, key=lambda f: f.start)


def _runs(line: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, value)`` of every run on ``line`` long enough to be a hash or an address: a run with "-",
    "_" or "=" whole where it is a TON address or hash, else the plain runs inside it."""
    for wide in _WIDE_RUN.finditer(line):
        value = wide.group()
        if value.isalnum() or _judge(value) is not None:
            yield wide.start(), wide.end(), value
            continue
        for run in _RUN.finditer(value):
            yield wide.start() + run.start(), wide.start() + run.end(), run.group()


def _value(match: re.Match[str]) -> tuple[int, str]:
    """Where a link's value starts, and the value: whole where it is a hash or an address (a TON address has
    "-" and "_"), else its plain leading part ("…/tx/0xabc…-" names 0xabc…)."""
    value = match["value"]
    if value.isalnum() or _judge(value) is not None:
        return match.start("value"), value
    plain = _PLAIN.match(value)
    return match.start("value"), plain.group() if plain else ""


def _linked(line: str, explorers: _Explorers) -> tuple[list[_Found], list[tuple[int, int]]]:
    """What explorer links on ``line`` name, and where the links are: nothing else inside a link counts
    (``…/address/0x…?a=0x…`` names one address, not two)."""
    found, covered = [], []
    for match in explorers.pattern.finditer(line):
        covered.append(match.span())
        start, value = _value(match)
        is_hash = _judge(value) if value else None
        if is_hash is not None:
            found.append(_Found(start, start + len(value), value, is_hash, _page_network(match, explorers)))
    return found, covered


def _unsupported_links(line: str, served_ends: set[int]) -> list[_Found]:
    """The links on ``line`` to explorers of networks the app does not serve; a served explorer's link (one ending
    where a match of the explorers' pattern ends) is none."""
    found = []
    for token in _TOKEN.finditer(line):
        if "/" in token.group() and token.end() not in served_ends:
            name = unsupported_network(token.group())
            if name is not None:
                found.append(_Found(token.start(), token.end(), token.group(), False, None, name))
    return found


def _nearest(item: _Found, addresses: list[_Found], order: list[int], starts: list[int]) -> _Found | None:
    """The nearest address, the first in ``addresses`` on a tie: found items never overlap, so it is the last
    one before ``item`` or the first after it (``order``: indexes by start; ``starts``: their starts). A search,
    not a scan: a line of a million hashes and addresses is read in moments."""
    before, after = bisect_left(starts, item.start) - 1, bisect_left(starts, item.end)
    near = [order[i] for i in (before, after) if 0 <= i < len(order)]
    best = min(near, key=lambda i: (max(addresses[i].start - item.end, item.start - addresses[i].end), i), default=None)
    return None if best is None else addresses[best]


def _within(position: int, found: list[_Found], starts: list[int]) -> bool:
    """Whether ``position`` is inside one of ``found`` (in order, apart; ``starts`` their starts)."""
    index = bisect_right(starts, position) - 1
    return index >= 0 and position < found[index].end


def _judge(value: str) -> bool | None:
    """True for a hash, False for an address, None for neither."""
    form = hash_form(value)
    if hash_fits_any(form):
        return True
    if form in _ADDRESS_FORMS:
        return False
    # Left: a Tron address written in hex (41…), or one with a typo in its check digits: still the one meant.
    address = address_form(value)
    return False if address.family is not None and address.problem in (None, "base58check") else None


def _filled(first: CaseDraft, later: CaseDraft) -> CaseDraft:
    return replace(first, address=first.address or later.address, network=first.network or later.network)
