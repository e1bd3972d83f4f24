"""Why a pending transaction is not being picked up: its fee, its place in the nonce queue, the market."""

from __future__ import annotations

from statistics import mean, median

from diagnostics.checks.registry import CheckContext, check, gwei
from diagnostics.model import FeeMarket, Finding, Severity

# Blocks this full (the target is 50%), on average over the last few, leave no room for a transaction
# that does not outbid: base fees climb and low tips wait.
_FULL_RATIO = 0.8
_RECENT_BLOCKS = 5
# A next base fee this many times the recent median is a fee spike.
_SURGE_FACTOR = 2
# A tip under this share of the lowest tips blocks still include is "too low"; just under is only "slow".
_LOW_TIP_SHARE = 0.5


def typical_included_tip(fees: FeeMarket) -> int | None:
    """The lowest tip (10th percentile) that recent non-empty blocks still included, as a median."""
    lowest = [row[0] for row, ratio in zip(fees.rewards, fees.gas_used_ratios, strict=False) if row and ratio > 0]
    return int(median(lowest)) if lowest else None


@check("FEE_TOO_LOW", Severity.PROBLEM)
def fee_too_low(ctx: CheckContext) -> Finding | None:
    tx, fees = ctx.tx, ctx.fees
    if tx is None or not tx.pending or ctx.replaced or fees is None or fees.next_base_fee is None:
        return None
    base = fees.next_base_fee
    offered = tx.max_fee if tx.max_fee is not None else tx.gas_price
    if offered is None:
        return None
    evidence = [ctx.evidence("next_base_fee_gwei", gwei(base))]
    if tx.max_fee is not None:
        evidence += [
            ctx.evidence("max_fee_gwei", gwei(tx.max_fee)),
            ctx.evidence("max_priority_fee_gwei", gwei(tx.max_priority_fee or 0)),
        ]
    else:
        evidence.append(ctx.evidence("gas_price_gwei", gwei(offered)))
    if offered < base:
        return ctx.finding(
            "FEE_TOO_LOW",
            variant="below_base_fee",
            evidence=tuple(evidence),
            paid_gwei=gwei(offered),
            needed_gwei=gwei(base),
        )
    tip = min(tx.max_priority_fee, offered - base) if tx.max_priority_fee is not None else offered - base
    typical = typical_included_tip(fees)
    if typical is None or tip >= typical * _LOW_TIP_SHARE:
        return None
    evidence += [
        ctx.evidence("effective_tip_gwei", gwei(tip)),
        ctx.evidence("typical_included_tip_gwei", gwei(typical)),
    ]
    return ctx.finding(
        "FEE_TOO_LOW", variant="low_tip", evidence=tuple(evidence), paid_gwei=gwei(tip), needed_gwei=gwei(typical)
    )


@check("NONCE_GAP", Severity.PROBLEM)
def nonce_gap(ctx: CheckContext) -> Finding | None:
    tx, nonces = ctx.tx, ctx.nonces
    if tx is None or not tx.pending or nonces is None or tx.nonce is None or tx.nonce <= nonces.latest:
        return None
    # The node's "pending" count runs only over an unbroken run of nonces: when it stops short of this
    # transaction, the first nonce it stops at was never sent (or was dropped); otherwise the earlier
    # transactions are in the pool but stuck, and the first of them blocks the rest.
    missing = nonces.pending if nonces.pending <= tx.nonce else nonces.latest
    variant = "missing" if nonces.pending <= tx.nonce else "stuck"
    return ctx.finding(
        "NONCE_GAP",
        variant=variant,
        evidence=(
            ctx.evidence("nonce", tx.nonce),
            ctx.evidence("sender_mined_count", nonces.latest),
            ctx.evidence("sender_pending_count", nonces.pending),
        ),
        nonce=tx.nonce,
        missing_nonce=missing,
        sender=tx.sender,
    )


@check("NETWORK_CONGESTED", Severity.WARNING)
def congested(ctx: CheckContext) -> Finding | None:
    tx, fees = ctx.tx, ctx.fees
    if tx is None or not tx.pending or ctx.replaced or fees is None or not fees.gas_used_ratios:
        return None
    fullness = mean(fees.gas_used_ratios[-_RECENT_BLOCKS:])
    usual = median(fees.base_fees) if fees.base_fees else 0
    surge = bool(usual and fees.next_base_fee and fees.next_base_fee >= _SURGE_FACTOR * usual)
    if fullness < _FULL_RATIO and not surge:
        return None
    evidence = [ctx.evidence("recent_block_fullness_percent", round(fullness * 100))]
    if fees.next_base_fee is not None:
        evidence += [
            ctx.evidence("next_base_fee_gwei", gwei(fees.next_base_fee)),
            ctx.evidence("median_base_fee_gwei", gwei(int(usual))),
        ]
    if fees.pending_count is not None:
        evidence.append(ctx.evidence("pool_pending_count", fees.pending_count))
    return ctx.finding(
        "NETWORK_CONGESTED",
        variant="full_blocks" if fullness >= _FULL_RATIO else "fee_surge",
        evidence=tuple(evidence),
        fullness_percent=round(fullness * 100),
    )
