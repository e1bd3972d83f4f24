"""The chosen exchange's own rules: its minimum deposit, and whether it takes this coin on this network at all.

The rule is the engine's (``CheckContext.rule``: the exchange's published row for the coin that moved, on the
network it moved on); where the exchange publishes none, nothing here speaks: no guess stands in for a figure.
"""

from __future__ import annotations

from decimal import Decimal

from diagnostics.checks.registry import CheckContext, check
from diagnostics.model import Amount, Direction, Finding


def _deposit(ctx: CheckContext) -> bool:
    return ctx.case.direction is Direction.DEPOSIT and ctx.exchange is not None and ctx.rule is not None


@check("NETWORK_NOT_SUPPORTED_BY_EXCHANGE")
def network_not_supported(ctx: CheckContext) -> Finding | None:
    """Deposits switched off for this coin on this network (a row says so), or a network missing from the
    exchange's published list of the coin's networks (it lists the coin elsewhere, never here)."""
    exchange, coin, tx = ctx.exchange, ctx.coin, ctx.tx
    if exchange is None or coin is None or tx is None or tx.failed or ctx.case.direction is not Direction.DEPOSIT:
        return None
    rule = ctx.rule
    listed = [r for r in exchange.deposits if r.coin == coin]
    if (rule is not None and rule.accepted) or (rule is None and not listed):
        return None  # taken here, or a coin the profile says nothing about: no guess
    where = rule or listed[0]
    networks = tuple(r.network for r in listed if r.accepted)
    return ctx.finding(
        "NETWORK_NOT_SUPPORTED_BY_EXCHANGE",
        variant="" if rule is not None else "not_listed",
        evidence=(
            ctx.evidence("exchange", exchange.name),
            ctx.evidence("exchange_networks", networks),
            ctx.evidence("figure_source", f"{where.source} · {where.read}"),
        ),
        exchange=exchange.name,
        coin=coin,
        recovery_url=exchange.recovery_url or exchange.support_url,
    )


@check("AMOUNT_BELOW_MINIMUM")
def below_minimum(ctx: CheckContext) -> Finding | None:
    rule, exchange = ctx.rule, ctx.exchange
    if not _deposit(ctx) or rule is None or exchange is None or rule.minimum is None or not rule.accepted:
        return None
    arrived = [a for t in ctx.credited() if (a := ctx.amount(t)) is not None and a.symbol.upper() == rule.coin]
    if not arrived:
        return None
    total = sum((a.as_decimal() for a in arrived), Decimal(0))
    if total >= rule.minimum:
        return None
    unit = arrived[0]
    minimum = Amount(int(rule.minimum.scaleb(unit.decimals)), unit.decimals, unit.symbol)
    moved = Amount(sum(a.base_units for a in arrived), unit.decimals, unit.symbol)
    return ctx.finding(
        "AMOUNT_BELOW_MINIMUM",
        variant="said" if exchange.below_minimum else "",
        evidence=(
            ctx.evidence("amount", moved),
            ctx.evidence("exchange_minimum", minimum),
            ctx.evidence("figure_source", f"{rule.source} · {rule.read}"),
        ),
        exchange=exchange.name,
        moved=moved,
        minimum=minimum,
        policy=exchange.below_minimum,
        support_url=exchange.support_url,
    )
