"""Whether the transaction is waiting, done, or failed."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from diagnostics.checks.registry import CheckContext, check, gwei
from diagnostics.model import Evidence, EvidenceValue, Finding, Severity, Term, TronCost, TxFacts


@check("TX_PENDING", Severity.WARNING)
def pending(ctx: CheckContext) -> Finding | None:
    tx = ctx.tx
    if tx is None or not tx.pending:
        return None
    evidence = [ctx.evidence("block", Term("in_pool"))]
    if tx.nonce is not None:
        evidence.append(ctx.evidence("nonce", tx.nonce))
    if tx.max_fee is not None:
        evidence.append(ctx.evidence("max_fee_gwei", gwei(tx.max_fee)))
    if tx.gas_price is not None and tx.max_fee is None:
        evidence.append(ctx.evidence("gas_price_gwei", gwei(tx.gas_price)))
    variant = ""
    if tx.expires_at is not None:
        # A Tron transaction not in a block by its expiration can never be: the network drops it.
        evidence.append(ctx.evidence("expires_at", _utc(tx.expires_at)))
        variant = "expired" if tx.expires_at < ctx.now.timestamp() else "expires"
    elif tx.nonce is None:
        variant = "no_nonce"
    return ctx.finding(
        "TX_PENDING", variant=variant, evidence=tuple(evidence), nonce=tx.nonce, expires_at=_expiry(tx.expires_at)
    )


def _utc(timestamp: int) -> datetime:
    """A chain's timestamp as a moment; the report writes it in the reader's language."""
    return datetime.fromtimestamp(timestamp, tz=UTC)


def _expiry(timestamp: int | None) -> datetime | None:
    return _utc(timestamp) if timestamp is not None else None


@check("TX_CONFIRMED", Severity.INFO)
def confirmed(ctx: CheckContext) -> Finding | None:
    tx = ctx.tx
    if tx is None or tx.pending or tx.failed:
        return None
    block = tx.block_number
    evidence = [
        ctx.evidence("block", block, block),
        ctx.evidence("status", Term("success" if tx.status else "no_status"), block),
    ]
    if tx.block_timestamp is not None:
        evidence.append(ctx.evidence("block_time", _utc(tx.block_timestamp), block))
    for t in tx.transfers:
        evidence.append(ctx.evidence("transfer", f"{t.sender} → {t.recipient}: {ctx.amount(t) or t.amount}", block))
    if tx.recipient_activated is False:
        # A Tron account that never received TRX holds tokens all the same; some wallets then show nothing.
        evidence.append(ctx.evidence("recipient_account", Term("not_activated")))
    return ctx.finding("TX_CONFIRMED", evidence=tuple(evidence), block=block)


@check("TX_FAILED", Severity.CRITICAL)
def failed(ctx: CheckContext) -> Finding | None:
    tx = ctx.tx
    if tx is None or not tx.failed:
        return None
    block = tx.block_number
    variant, rows, params = _tron_failure(ctx, tx) if tx.cost is not None else _evm_failure(ctx, tx)
    if tx.revert_reason:
        rows.append(ctx.evidence("revert_reason", tx.revert_reason, block))
    if tx.failure_message:
        rows.append(ctx.evidence("node_message", tx.failure_message, block))
    fee = ctx.native(tx.fee_paid) if tx.fee_paid is not None else None
    if fee is not None and not (tx.cost is not None and tx.cost.energy_fee == tx.fee_paid):
        rows.append(ctx.evidence("fee_paid", fee, block))  # (on Tron, said once when it was all energy)
    found = ctx.finding("TX_FAILED", variant=variant, evidence=tuple(rows))
    return replace(found, params={"reason": tx.revert_reason, "fee": fee, **params})


_Failure = tuple[str, list[Evidence], dict[str, EvidenceValue]]


def _evm_failure(ctx: CheckContext, tx: TxFacts) -> _Failure:
    block = tx.block_number
    if tx.revert_reason:
        variant = "revert"
    elif tx.gas_used is not None and tx.gas_limit is not None and tx.gas_used >= tx.gas_limit:
        variant = "out_of_gas"
    else:
        variant = "unknown"
    rows = [
        ctx.evidence("status", Term("failed_status" if tx.status == 0 else "no_status_all_gas"), block),
        ctx.evidence("gas_used", tx.gas_used, block),
        ctx.evidence("gas_limit", tx.gas_limit, block),
    ]
    return variant, rows, {"gas_used": tx.gas_used, "gas_limit": tx.gas_limit}


# Tron names how a contract call failed (java-tron Transaction.Result.contractResult); these get their own words.
_TRON_VARIANTS = {"OUT_OF_ENERGY": "out_of_energy", "REVERT": "revert", "OUT_OF_TIME": "out_of_time"}


def _tron_failure(ctx: CheckContext, tx: TxFacts) -> _Failure:
    cost = tx.cost or TronCost()
    block = tx.block_number
    result = tx.result or "FAILED"
    variant = _TRON_VARIANTS.get(result, "tron_other")
    if variant == "revert" and not tx.revert_reason:
        variant = "tron_other"
    fee_limit = ctx.native(cost.fee_limit) if cost.fee_limit is not None else None
    rows = [ctx.evidence("result", result, block), ctx.evidence("energy_used", cost.energy_used, block)]
    if fee_limit is not None:
        rows.append(ctx.evidence("fee_limit", fee_limit, block))
    rows.append(ctx.evidence("energy_fee", ctx.native(cost.energy_fee), block))
    burned = ctx.native(cost.energy_fee)
    return variant, rows, {"result": result, "energy_used": cost.energy_used, "fee_limit": fee_limit, "burned": burned}


@check("TX_DROPPED_REPLACED", Severity.CRITICAL)
def dropped_replaced(ctx: CheckContext) -> Finding | None:
    tx, nonces, signed = ctx.tx, ctx.nonces, ctx.case.signed
    if nonces is None or not ctx.replaced:
        return None
    nonce = tx.nonce if tx else signed.nonce if signed else None
    return ctx.finding(
        "TX_DROPPED_REPLACED",
        variant="" if tx else "not_found",
        evidence=(ctx.evidence("nonce", nonce), ctx.evidence("sender_mined_count", nonces.latest)),
        nonce=nonce,
        mined_count=nonces.latest,
    )
