"""What is wrong with what the user pasted, told before (and instead of) asking any node."""

from __future__ import annotations

import re

from diagnostics.checks.registry import CheckContext, check
from diagnostics.intake.sniff import (
    address_form,
    hash_fits_any,
    hash_fits_family,
    hash_form,
    same_account,
    unsupported_network,
)
from diagnostics.model import AUTO_DETECT, Direction, Finding, Term

_LONGEST_ADDRESS = 100  # no address is longer: nothing longer reaches a pattern


@check("UNSUPPORTED_NETWORK")
def unsupported(ctx: CheckContext) -> Finding | None:
    """A hash, address or link of a network the app cannot check (a Solana signature, an XRP address, a
    Solscan link): named for what it is, rather than "invalid" or a case with no network."""
    for field, text in (("tx_hash", ctx.case.tx_hash), ("address", ctx.case.address or "")):
        name = unsupported_network(text)
        if name is not None:
            found = field == "address" and ctx.facts.located is not None  # the transaction is on a served network
            return ctx.finding(
                "UNSUPPORTED_NETWORK",
                network=ctx.network.slug if found else ctx.chosen.slug if ctx.chosen else AUTO_DETECT,
                variant="address_found" if found else field,
                evidence=(ctx.evidence(f"{'hash' if field == 'tx_hash' else 'address'}_entered", text.strip()),),
                unsupported=name,
            )
    return None


@check("INPUT_INVALID_HASH")
def invalid_hash(ctx: CheckContext) -> Finding | None:
    if unsupported_network(ctx.case.tx_hash) is not None:
        return None  # a real hash, of a network this version cannot check: that finding says which
    if ctx.facts.located is not None:
        return None  # a node found it (on another network than chosen): NETWORK_MISMATCH says where
    form, chosen = hash_form(ctx.case.tx_hash), ctx.chosen
    fits = hash_fits_family(form, chosen.family) if chosen else hash_fits_any(form)
    if fits:
        return None
    entered = ctx.case.tx_hash.strip()
    # Auto-detect: the form no network's hashes have, so the finding is about no one network.
    expected = f"hash_form_{chosen.family}" if chosen else "hash_form_auto"
    return ctx.finding(
        "INPUT_INVALID_HASH",
        network=chosen.slug if chosen else AUTO_DETECT,
        variant=form.value,
        evidence=(ctx.evidence("hash_entered", entered), ctx.evidence("hash_length", len(entered))),
        length=len(entered),
        expected=Term(expected),
    )


@check("INPUT_INVALID_ADDRESS")
def invalid_address(ctx: CheckContext) -> Finding | None:
    if ctx.case.address is None:
        return None
    form = address_form(ctx.case.address)
    meant = ctx.chosen or ctx.network
    if unsupported_network(ctx.case.address) is not None:
        return None  # a real address, of a network this version cannot check: that finding says which
    if form.family is not None and form.family != meant.family:
        return None  # another network's address: ADDRESS_NETWORK_MISMATCH says so
    if form.problem is None:
        return _not_the_exchanges_form(ctx)
    if form.problem == "checksum" and ctx.moved_to_address():
        return None  # only the capitals were mistyped: the value did reach this address
    return ctx.finding(
        "INPUT_INVALID_ADDRESS",
        network=meant.slug,
        variant=form.problem,
        evidence=(ctx.evidence("address_entered", ctx.case.address.strip()),),
        network_name=meant.display_name,
        # A testnet address is said as its own chain writes a mainnet one (Bitcoin's bc1…, TON's EQ…/UQ…).
        chain=meant.name,
        mainnet=Term(f"mainnet_form_{meant.family}"),
    )


def _not_the_exchanges_form(ctx: CheckContext) -> Finding | None:
    """A well-formed address that is no deposit address of the chosen exchange on this network, by the pattern the
    exchange publishes (Binance's addressRegex): a typo, or an address from somewhere else."""
    rule, exchange, address = ctx.rule, ctx.exchange, (ctx.case.address or "").strip()
    if rule is None or exchange is None or rule.address_pattern is None or ctx.case.direction is not Direction.DEPOSIT:
        return None
    if len(address) > _LONGEST_ADDRESS or re.fullmatch(rule.address_pattern, address):
        return None
    return ctx.finding(
        "INPUT_INVALID_ADDRESS",
        variant="exchange_format",
        evidence=(ctx.evidence("address_entered", address), ctx.evidence("exchange_pattern", rule.address_pattern)),
        network_name=ctx.network.display_name,
        exchange=exchange.name,
    )


@check("ADDRESS_NETWORK_MISMATCH")
def address_network_mismatch(ctx: CheckContext) -> Finding | None:
    chosen = ctx.chosen
    if ctx.case.address is None or chosen is None:
        return None  # with Auto-detect the address says which network was meant: see NETWORK_MISMATCH
    form = address_form(ctx.case.address)
    if form.family is None or form.family == chosen.family:
        return None
    evidence = [
        ctx.evidence("address_entered", ctx.case.address.strip()),
        ctx.evidence("address_family", Term(f"family_{form.family.value}")),
    ]
    other = same_account(ctx.case.address, chosen.family)
    if other:  # EVM and Tron addresses are the same 20 bytes: support may find the funds under the other form
        evidence.append(ctx.evidence("same_account_as", other))
    return ctx.finding(
        "ADDRESS_NETWORK_MISMATCH",
        variant=form.family.value,
        evidence=tuple(evidence),
        network=chosen.slug,
        network_name=chosen.display_name,
    )


@check("SECRET_DETECTED")
def secret_detected(ctx: CheckContext) -> Finding | None:
    if ctx.case.refused is None:
        return None
    field, kind = ctx.case.refused
    return ctx.finding(
        "SECRET_DETECTED",
        variant=kind,
        evidence=(ctx.evidence("refused_field", Term(f"field_{field}")), ctx.evidence("secret_kind", Term(kind))),
        field=Term(f"field_{field}"),
    )
