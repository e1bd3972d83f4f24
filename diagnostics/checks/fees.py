"""Why a pending transaction is not being picked up: its fee, its place in the nonce queue, the market.

Fees are each family's own (EVM base fee and tip in gwei, Bitcoin fee rate in sat/vB), so these checks
are per family.
"""

from __future__ import annotations

from decimal import Decimal
from statistics import mean, median

from diagnostics.checks.registry import CheckContext, check, gwei
from diagnostics.model import (
    BitcoinDetails,
    BitcoinFeeMarket,
    EvmDetails,
    EvmFeeMarket,
    Finding,
    Term,
    TxFacts,
    known,
)

# Blocks this full (the target is 50%), on average over the last few, leave no room for a transaction
# that does not outbid: base fees climb and low tips wait.
_FULL_RATIO = 0.8
_RECENT_BLOCKS = 5
# A next base fee this many times the recent median is a fee spike.
_SURGE_FACTOR = 2
# A tip under this share of the lowest tips blocks still include is "too low"; just under is only "slow".
_LOW_TIP_SHARE = 0.5


def typical_included_tip(fees: EvmFeeMarket) -> int | None:
    """The lowest tip (10th percentile) that recent non-empty blocks still included, as a median."""
    lowest = [row[0] for row, ratio in zip(fees.rewards, fees.gas_used_ratios, strict=False) if row and ratio > 0]
    return int(median(lowest)) if lowest else None


def _evm_waiting(ctx: CheckContext) -> tuple[TxFacts, EvmDetails, EvmFeeMarket] | None:
    """A pending EVM transaction not yet replaced, with its details and the fee market, when all are known."""
    tx, fees = ctx.tx, ctx.fees
    if tx is None or not tx.pending or ctx.replaced or not isinstance(fees, EvmFeeMarket):
        return None
    return (tx, tx.details, fees) if isinstance(tx.details, EvmDetails) else None


@check("FEE_TOO_LOW", family="evm")
def fee_too_low(ctx: CheckContext) -> Finding | None:
    waiting = _evm_waiting(ctx)
    base = waiting[2].next_base_fee if waiting is not None else None
    if waiting is None or base is None:
        return None
    _, details, fees = waiting
    offered = details.max_fee if details.max_fee is not None else details.gas_price
    if offered is None:
        return None
    evidence = [ctx.evidence("next_base_fee_gwei", gwei(base))]
    if details.max_fee is not None:
        evidence += [
            ctx.evidence("max_fee_gwei", gwei(details.max_fee)),
            ctx.evidence("max_priority_fee_gwei", gwei(details.max_priority_fee or 0)),
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
    tip = min(details.max_priority_fee, offered - base) if details.max_priority_fee is not None else offered - base
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


@check("NONCE_GAP", family="evm")
def nonce_gap(ctx: CheckContext) -> Finding | None:
    tx = ctx.tx
    details = tx.details if tx is not None and tx.pending else None
    nonces = details.sender_nonces if isinstance(details, EvmDetails) else None
    if tx is None or not isinstance(details, EvmDetails) or nonces is None or details.nonce <= nonces.latest:
        return None
    # The node's "pending" count runs only over an unbroken run of nonces: when it stops short of this
    # transaction, the first nonce it stops at was never sent (or was dropped); otherwise the earlier
    # transactions are in the pool but stuck, and the first of them blocks the rest.
    missing = nonces.pending if nonces.pending <= details.nonce else nonces.latest
    variant = "missing" if nonces.pending <= details.nonce else "stuck"
    return ctx.finding(
        "NONCE_GAP",
        variant=variant,
        evidence=(
            ctx.evidence("nonce", details.nonce),
            ctx.evidence("sender_mined_count", nonces.latest),
            ctx.evidence("sender_pending_count", nonces.pending),
        ),
        nonce=details.nonce,
        missing_nonce=missing,
        sender=tx.sender,
    )


def blocks_ahead(details: EvmDetails, fees: EvmFeeMarket) -> Decimal | None:
    """Blocks' worth of better-paying transactions waiting ahead of this one in the node's pool (``None`` where
    the node does not show its pool): block producers take those first."""
    position = known(details.pool)
    if position is None or not fees.block_gas_limit:
        return None
    return Decimal(position.gas_ahead) / fees.block_gas_limit


@check("NETWORK_CONGESTED", family="evm")
def congested(ctx: CheckContext) -> Finding | None:
    waiting = _evm_waiting(ctx)
    if waiting is None:
        return None
    _, details, fees = waiting
    ahead = blocks_ahead(details, fees)
    if ahead is not None and ahead >= 1:
        position = known(details.pool)
        assert position is not None
        return ctx.finding(
            "NETWORK_CONGESTED",
            variant="pool_ahead",
            evidence=(
                ctx.evidence("pool_ahead_count", position.ahead),
                ctx.evidence("backlog_blocks", round(ahead, 1)),
                ctx.evidence("pool_pending_count", position.size),
            ),
            ahead=position.ahead,
            blocks=round(ahead, 1),
        )
    if not fees.gas_used_ratios:
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
    if ahead is None:  # the node shows no pool: only the recent blocks were looked at
        evidence.append(ctx.evidence("congestion_basis", Term("recent_blocks_only")))
    return ctx.finding(
        "NETWORK_CONGESTED",
        variant="full_blocks" if fullness >= _FULL_RATIO else "fee_surge",
        evidence=tuple(evidence),
        fullness_percent=round(fullness * 100),
    )


# A block holds at most 4,000,000 weight units: 1,000,000 virtual bytes (BIP-141).
BLOCK_VSIZE = 1_000_000
# A backlog of this many blocks' worth of waiting transactions (half an hour at 10 minutes a block) is
# a congested mempool: fees climb and low payers wait hours.
_BACKLOG_BLOCKS = 3


def _bitcoin_waiting(ctx: CheckContext) -> tuple[BitcoinDetails, BitcoinFeeMarket] | None:
    tx, fees = ctx.tx, ctx.fees
    if tx is None or not tx.pending or ctx.replaced or not isinstance(fees, BitcoinFeeMarket):
        return None
    return (tx.details, fees) if isinstance(tx.details, BitcoinDetails) else None


@check("FEE_TOO_LOW", family="bitcoin")
def fee_rate_too_low(ctx: CheckContext) -> Finding | None:
    """Below the rate that gets a transaction confirmed within the hour, it can wait for days or be forgotten."""
    waiting = _bitcoin_waiting(ctx)
    if waiting is None:
        return None
    details, fees = waiting
    hour = fees.hour_rate if fees.hour_rate is not None else fees.next_block_rate
    if hour is None or details.fee_rate >= hour:
        return None
    evidence = [ctx.evidence("fee_rate_sat_vb", details.fee_rate)]
    if fees.next_block_rate is not None:
        evidence.append(ctx.evidence("next_block_rate_sat_vb", fees.next_block_rate))
    if fees.hour_rate is not None:
        evidence.append(ctx.evidence("hour_rate_sat_vb", fees.hour_rate))
    evidence.append(ctx.evidence("rate_source", Term("rate_recommended" if fees.recommended else "rate_histogram")))
    evidence.append(ctx.evidence("rbf_signalled", Term("yes" if details.rbf else "no")))
    # BIP-125: a wallet offers "bump fee" for a transaction that signalled it; otherwise the change output can
    # pay for both (child pays for parent), or the sender waits until mempools forget it.
    return ctx.finding(
        "FEE_TOO_LOW",
        variant="rbf" if details.rbf else "cpfp",
        evidence=tuple(evidence),
        paid_rate=details.fee_rate,
        needed_rate=hour,
        next_rate=fees.next_block_rate,
    )


@check("NETWORK_CONGESTED", family="bitcoin")
def mempool_backlog(ctx: CheckContext) -> Finding | None:
    waiting = _bitcoin_waiting(ctx)
    if waiting is None:
        return None
    fees = waiting[1]
    blocks = Decimal(fees.vsize) / BLOCK_VSIZE
    if blocks < _BACKLOG_BLOCKS:
        return None
    evidence = [
        ctx.evidence("mempool_count", fees.count),
        ctx.evidence("mempool_vsize", fees.vsize),
        ctx.evidence("backlog_blocks", round(blocks, 1)),
    ]
    return ctx.finding("NETWORK_CONGESTED", variant="backlog", evidence=tuple(evidence), blocks=round(blocks, 1))
