"""Transaction hashes, addresses and explorer links picked out of whatever text a user pastes.

Users paste a support chat, an exchange's withdrawal page or an explorer link, not a form. Every run of
letters and digits long enough to be a hash or an address is judged by its form alone (``sniff``), so an
address is never taken for a hash. An explorer link also says the network: its host is matched against
the networks' own explorer templates, so a network added as data is recognised without code. The caller
runs the secret guard first: a 64-hex key labelled as one never reaches this module.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from diagnostics.intake.draft import CaseDraft, Intake
from diagnostics.intake.sniff import HashForm, address_form, hash_fits_any, hash_form
from diagnostics.model.network import Network

# Anything shorter cannot be a hash or an address (a Bitcoin address has 26 characters at least).
_RUN = re.compile(r"(?<![0-9A-Za-z])[0-9A-Za-z]{25,}(?![0-9A-Za-z])")
# "https://tronscan.org/#/transaction/{hash}": the host, and the path up to the placeholder.
_TEMPLATE = re.compile(r"(?:[A-Za-z]+://)?(?P<host>[^/?#{]+)(?P<path>[^{]*)\{(?:hash|address)\}")
# Any 0x + 40 hex is an EVM address, a checksum typo in its capitals or not: the checks say which.
_ADDRESS_FORMS = (HashForm.EVM_ADDRESS, HashForm.ADDRESS)


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


def read_text(text: str, networks: Sequence[Network]) -> Intake:
    """One draft per distinct hash in ``text``, in order, each with the nearest address on its line.

    A hash met again later fills what its first mention lacked (an explorer link's network, an address).
    """
    explorers = _explorers(networks)
    drafts: dict[str, CaseDraft] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        for draft in _line_drafts(line, explorers, f"line {number}"):
            key = draft.tx_hash.lower().removeprefix("0x")
            first = drafts.get(key)
            drafts[key] = draft if first is None else _filled(first, draft)
    return Intake(drafts=tuple(drafts.values()))


def _explorers(networks: Sequence[Network]) -> _Explorers:
    """The pattern of every network's tx and address pages.

    The host matches with any top-level domain (tronscan.org and tronscan.io are one explorer) and
    with or without ``www.`` and the scheme; it may not follow a dot, so optimistic.etherscan.io is not
    taken for etherscan.io. One pattern for all: a line is scanned once, not once per explorer.
    """
    pages: list[str] = []
    slugs: list[str] = []
    for network in networks:
        for template in (network.explorer.tx, network.explorer.address):
            parts = _TEMPLATE.match(template)
            if parts is None:
                continue
            host = parts["host"].lower().removeprefix("www.")
            name, dot, _ = host.rpartition(".")
            host_pattern = re.escape(name) + r"\.[a-z]{2,}" if dot else re.escape(host)
            pages.append(f"(?P<page{len(pages)}>{host_pattern}{re.escape(parts['path'])})")
            slugs.append(network.slug)
    alternatives = "|".join(pages) or "(?!)"
    pattern = rf"(?i)(?:https?://)?(?<![\w.-])(?:www\.)?(?:{alternatives})(?P<value>[0-9A-Za-z]+)[^\s]*"
    return _Explorers(re.compile(pattern), tuple(slugs))


def _line_drafts(line: str, explorers: _Explorers, source: str) -> list[CaseDraft]:
    found, covered = _linked(line, explorers)
    for run in _RUN.finditer(line):
        is_hash = _judge(run.group())
        if is_hash is not None and not any(start <= run.start() < end for start, end in covered):
            found.append(_Found(run.start(), run.end(), run.group(), is_hash, None))
    addresses = [f for f in found if not f.is_hash]
    drafts = []
    for item in sorted((f for f in found if f.is_hash), key=lambda f: f.start):
        near = min(addresses, key=lambda a: max(a.start - item.end, item.start - a.end), default=None)
        drafts.append(
            CaseDraft(
                tx_hash=item.value,
                address=near.value if near else None,
                network=item.network or (near.network if near else None),
                source=source,
            )
        )
    return drafts


def _linked(line: str, explorers: _Explorers) -> tuple[list[_Found], list[tuple[int, int]]]:
    """What explorer links on ``line`` name, and where the links are: nothing else inside a link counts
    (``…/address/0x…?a=0x…`` names one address, not two)."""
    found, covered = [], []
    for match in explorers.pattern.finditer(line):
        covered.append(match.span())
        is_hash = _judge(match["value"])
        if is_hash is not None:
            page = next(i for i in range(len(explorers.networks)) if match[f"page{i}"] is not None)
            found.append(_Found(*match.span("value"), match["value"], is_hash, explorers.networks[page]))
    return found, covered


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
