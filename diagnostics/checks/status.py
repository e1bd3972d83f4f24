"""Whether the transaction is waiting, done, or failed."""

from __future__ import annotations

from datetime import UTC, datetime

from diagnostics.checks.registry import CheckContext, check, gwei
from diagnostics.model import Amount, Finding, Severity


@check("TX_PENDING", Severity.WARNING)
def pending(ctx: CheckContext) -> Finding | None:
    tx = ctx.tx
    if tx is None or not tx.pending:
        return None
    evidence = [ctx.evidence("block", "none yet (waiting in the node's pool)"), ctx.evidence("nonce", tx.nonce)]
    if tx.max_fee is not None:
        evidence.append(ctx.evidence("max_fee_gwei", gwei(tx.max_fee)))
    if tx.gas_price is not None and tx.max_fee is None:
        evidence.append(ctx.evidence("gas_price_gwei", gwei(tx.gas_price)))
    return ctx.finding("TX_PENDING", evidence=tuple(evidence), nonce=tx.nonce)


@check("TX_CONFIRMED", Severity.INFO)
def confirmed(ctx: CheckContext) -> Finding | None:
    tx = ctx.tx
    if tx is None or tx.pending or tx.failed:
        return None
    block = tx.block_number
    evidence = [
        ctx.evidence("block", block, block),
        ctx.evidence("status", "success" if tx.status else "no status (pre-2017 block)", block),
    ]
    if tx.block_timestamp is not None:
        when = datetime.fromtimestamp(tx.block_timestamp, tz=UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
        evidence.append(ctx.evidence("block_time", when, block))
    for t in tx.transfers:
        evidence.append(ctx.evidence("transfer", f"{t.sender} → {t.recipient}: {ctx.amount(t) or t.amount}", block))
    return ctx.finding("TX_CONFIRMED", evidence=tuple(evidence), block=block)


@check("TX_FAILED", Severity.CRITICAL)
def failed(ctx: CheckContext) -> Finding | None:
    tx = ctx.tx
    if tx is None or not tx.failed:
        return None
    block = tx.block_number
    if tx.revert_reason:
        variant = "revert"
    elif tx.gas_used is not None and tx.gas_used >= tx.gas_limit:
        variant = "out_of_gas"
    else:
        variant = "unknown"
    evidence = [
        ctx.evidence("status", "failed (0)" if tx.status == 0 else "no status (pre-2017 block); all gas used", block),
        ctx.evidence("gas_used", tx.gas_used, block),
        ctx.evidence("gas_limit", tx.gas_limit, block),
    ]
    if tx.revert_reason:
        evidence.append(ctx.evidence("revert_reason", tx.revert_reason, block))
    fee = tx.fee_paid
    fee_amount = Amount(fee, ctx.network.native_decimals, ctx.network.native_symbol) if fee is not None else None
    if fee_amount is not None:
        evidence.append(ctx.evidence("fee_paid", fee_amount, block))
    return ctx.finding(
        "TX_FAILED",
        variant=variant,
        evidence=tuple(evidence),
        reason=tx.revert_reason,
        gas_used=tx.gas_used,
        gas_limit=tx.gas_limit,
        fee=fee_amount,
    )


@check("TX_DROPPED_REPLACED", Severity.CRITICAL)
def dropped_replaced(ctx: CheckContext) -> Finding | None:
    tx, nonces = ctx.tx, ctx.nonces
    if tx is None or nonces is None or not ctx.replaced:
        return None
    return ctx.finding(
        "TX_DROPPED_REPLACED",
        evidence=(ctx.evidence("nonce", tx.nonce), ctx.evidence("sender_mined_count", nonces.latest)),
        nonce=tx.nonce,
        mined_count=nonces.latest,
    )
