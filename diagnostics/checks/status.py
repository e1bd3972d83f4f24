"""Whether the transaction is waiting, done, failed or replaced.

What a waiting or failed transaction shows differs by family (an EVM nonce and fees, a Tron expiration
and energy, a Bitcoin fee rate and RBF signal), so those checks have a version per family over a shared
core; a family with none of its own gets the core alone.
"""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import UTC, datetime

from diagnostics.checks.fees import blocks_ahead
from diagnostics.checks.registry import CheckContext, check, gwei
from diagnostics.intake.sniff import same_address
from diagnostics.model import (
    BitcoinDetails,
    Evidence,
    EvidenceValue,
    EvmDetails,
    EvmFeeMarket,
    Finding,
    SolanaDetails,
    Term,
    TonDetails,
    TronDetails,
    TxFacts,
    known,
)


def _utc(timestamp: int) -> datetime:
    """A chain's timestamp as a moment; the report writes it in the reader's language."""
    return datetime.fromtimestamp(timestamp, tz=UTC)


def _pending(
    ctx: CheckContext, rows: tuple[Evidence, ...] = (), variant: str = "", **params: EvidenceValue
) -> Finding | None:
    tx = ctx.tx
    if tx is None or not tx.pending:
        return None
    evidence = (ctx.evidence("block", Term("in_pool")), *rows)
    return replace(ctx.finding("TX_PENDING", variant=variant, evidence=evidence), params=params)


@check("TX_PENDING")
def pending(ctx: CheckContext) -> Finding | None:
    return _pending(ctx)


@check("TX_PENDING", family="evm")
def pending_evm(ctx: CheckContext) -> Finding | None:
    details = ctx.tx.details if ctx.tx else None
    if not isinstance(details, EvmDetails):
        return _pending(ctx, variant="no_nonce")
    rows = [ctx.evidence("nonce", details.nonce)]
    if details.max_fee is not None:
        rows.append(ctx.evidence("max_fee_gwei", gwei(details.max_fee)))
    elif details.gas_price is not None:
        rows.append(ctx.evidence("gas_price_gwei", gwei(details.gas_price)))
    position = known(details.pool)
    ahead = blocks_ahead(details, ctx.fees) if isinstance(ctx.fees, EvmFeeMarket) else None
    if position is None or ahead is None:
        return _pending(ctx, tuple(rows), nonce=details.nonce)
    # Its place in the pool is the ETA: the blocks' worth of better payers ahead, then its own block.
    eta = round((math.ceil(ahead) + 1) * ctx.network.block_time_seconds)
    rows += [ctx.evidence("pool_ahead_count", position.ahead), ctx.evidence("eta_seconds", eta)]
    return _pending(ctx, tuple(rows), "queued", nonce=details.nonce, ahead=position.ahead, eta_seconds=eta)


@check("TX_PENDING", family="tron")
def pending_tron(ctx: CheckContext) -> Finding | None:
    tx = ctx.tx
    if tx is None or tx.expires_at is None:
        return _pending(ctx, variant="no_nonce")
    # A Tron transaction not in a block by its expiration can never be: the network drops it.
    variant = "expired" if ctx.outcome is not None and ctx.outcome.status == "expired" else "expires"
    expiry = _utc(tx.expires_at)
    return _pending(ctx, (ctx.evidence("expires_at", expiry),), variant, expires_at=expiry)


@check("TX_PENDING", family="bitcoin")
def pending_bitcoin(ctx: CheckContext) -> Finding | None:
    details = ctx.tx.details if ctx.tx else None
    if not isinstance(details, BitcoinDetails):
        return _pending(ctx)
    rows = [
        ctx.evidence("fee_rate_sat_vb", details.fee_rate),
        ctx.evidence("rbf_signalled", Term("yes" if details.rbf else "no")),
    ]
    if details.unconfirmed_parents:
        rows.append(ctx.evidence("unconfirmed_parents", details.unconfirmed_parents))
    return _pending(ctx, tuple(rows), "bitcoin", fee_rate=details.fee_rate)


@check("TX_PENDING", family="solana")
def pending_solana(ctx: CheckContext) -> Finding | None:
    """A Solana signature a node knows is in a block already; "processed" is a block the cluster has not voted on."""
    tx = ctx.tx
    details = tx.details if tx else None
    if tx is None or not tx.pending or not isinstance(details, SolanaDetails) or details.commitment is None:
        return _pending(ctx)
    rows = [ctx.evidence("commitment", Term(f"commitment_{details.commitment}"))]
    if details.slot is not None:
        rows.insert(0, ctx.evidence("block", details.slot))
    return ctx.finding("TX_PENDING", variant="solana_processed", evidence=tuple(rows))


def _confirmed(ctx: CheckContext, extra: tuple[Evidence, ...] = (), status: str = "success") -> Finding | None:
    tx = ctx.tx
    if tx is None or tx.pending or tx.failed:
        return None
    block = tx.block_number
    evidence = [ctx.evidence("block", block, block), ctx.evidence("status", Term(status), block)]
    if tx.block_timestamp is not None:
        evidence.append(ctx.evidence("block_time", _utc(tx.block_timestamp), block))
    for t in ctx.moved():
        evidence.append(ctx.evidence("transfer", f"{t.sender} → {t.recipient}: {ctx.amount(t) or t.amount}", block))
    return ctx.finding("TX_CONFIRMED", evidence=(*evidence, *extra), block=block)


@check("TX_CONFIRMED")
def confirmed(ctx: CheckContext) -> Finding | None:
    return _confirmed(ctx)


@check("TX_CONFIRMED", family="evm")
def confirmed_evm(ctx: CheckContext) -> Finding | None:
    details = ctx.tx.details if ctx.tx else None
    # Receipts before Byzantium (2017) carried no status: success is then only "not all gas used".
    known_status = not isinstance(details, EvmDetails) or details.receipt_status is not None
    return _confirmed(ctx, status="success" if known_status else "no_status")


@check("TX_CONFIRMED", family="tron")
def confirmed_tron(ctx: CheckContext) -> Finding | None:
    details = ctx.tx.details if ctx.tx else None
    if isinstance(details, TronDetails) and details.recipient_activated is False:
        # A Tron account that never received TRX holds tokens all the same; some wallets then show nothing.
        return _confirmed(ctx, (ctx.evidence("recipient_account", Term("not_activated")),))
    return _confirmed(ctx)


@check("TX_CONFIRMED", family="solana")
def confirmed_solana(ctx: CheckContext) -> Finding | None:
    """A Solana token transfer may open the receiver's token account for that token (an associated token
    account) in the same transaction: said, since a wallet shows a new token only once it looks for it."""
    tx = ctx.tx
    details = tx.details if tx else None
    if tx is None or not isinstance(details, SolanaDetails):
        return _confirmed(ctx)
    rows = [ctx.evidence("commitment", Term(f"commitment_{details.commitment}"), tx.block_number)]
    receivers = {t.recipient for t in tx.transfers}
    for account in details.created_accounts:
        if account.owner in receivers:
            rows.append(ctx.evidence("token_account_opened", f"{account.address} ({account.owner})", tx.block_number))
    if details.priority_fee:
        rows.append(ctx.evidence("priority_fee", ctx.native(details.priority_fee), tx.block_number))
    found = _confirmed(ctx, tuple(rows))
    opened = any(r.label == "token_account_opened" for r in rows)
    return replace(found, variant="solana_new_account") if found is not None and opened else found


_Failure = tuple[str, list[Evidence], dict[str, EvidenceValue]]


def _failed(ctx: CheckContext, failure: _Failure, fee_said: bool = False) -> Finding:
    """The finding for a failed transaction, from the family's own account of the failure."""
    tx = ctx.tx
    assert tx is not None
    variant, rows, params = failure
    block = tx.block_number
    if tx.revert_reason:
        rows.append(ctx.evidence("revert_reason", tx.revert_reason, block))
    if tx.failure_message:
        rows.append(ctx.evidence("node_message", tx.failure_message, block))
    fee = ctx.native(tx.fee) if tx.fee is not None else None
    if fee is not None and not fee_said:
        rows.append(ctx.evidence("fee_paid", fee, block))
    found = ctx.finding("TX_FAILED", variant=variant, evidence=tuple(rows))
    return replace(found, params={"reason": tx.revert_reason, "fee": fee, **params})


@check("TX_FAILED", family="evm")
def failed_evm(ctx: CheckContext) -> Finding | None:
    tx = ctx.tx
    if tx is None or not tx.failed or not isinstance(tx.details, EvmDetails):
        return None
    details, block = tx.details, tx.block_number
    all_gas = details.gas_used is not None and details.gas_used >= details.gas_limit
    variant = "revert" if tx.revert_reason else "out_of_gas" if all_gas else "unknown"
    rows = [
        ctx.evidence("status", Term("failed_status" if details.receipt_status == 0 else "no_status_all_gas"), block),
        ctx.evidence("gas_used", details.gas_used, block),
        ctx.evidence("gas_limit", details.gas_limit, block),
    ]
    return _failed(ctx, (variant, rows, {"gas_used": details.gas_used, "gas_limit": details.gas_limit}))


# Tron names how a contract call failed (java-tron Transaction.Result.contractResult); these get their own words.
_TRON_VARIANTS = {"OUT_OF_ENERGY": "out_of_energy", "REVERT": "revert", "OUT_OF_TIME": "out_of_time"}


@check("TX_FAILED", family="tron")
def failed_tron(ctx: CheckContext) -> Finding | None:
    tx = ctx.tx
    if tx is None or not tx.failed:
        return None
    cost = tx.details if isinstance(tx.details, TronDetails) else TronDetails()
    return _failed(ctx, _tron_failure(ctx, tx, cost), fee_said=cost.energy_fee == tx.fee)


def _tron_failure(ctx: CheckContext, tx: TxFacts, cost: TronDetails) -> _Failure:
    block = tx.block_number
    result = tx.result or "FAILED"
    variant = _TRON_VARIANTS.get(result, "tron_other")
    if variant == "revert" and not tx.revert_reason:
        variant = "tron_other"
    fee_limit = ctx.native(cost.fee_limit) if cost.fee_limit is not None else None
    rows = [ctx.evidence("result", result, block), ctx.evidence("energy_used", cost.energy_used, block)]
    if fee_limit is not None:
        rows.append(ctx.evidence("fee_limit", fee_limit, block))
    burned = ctx.native(cost.energy_fee)
    rows.append(ctx.evidence("energy_fee", burned, block))
    return variant, rows, {"result": result, "energy_used": cost.energy_used, "fee_limit": fee_limit, "burned": burned}


@check("TX_FAILED", family="solana")
def failed_solana(ctx: CheckContext) -> Finding | None:
    """A failed Solana transaction, in the words of its ``TransactionError`` (the adapter read its kind: a
    program's own error number or the runtime's named error)."""
    tx = ctx.tx
    if tx is None or not tx.failed:
        return None
    details = tx.details if isinstance(tx.details, SolanaDetails) else SolanaDetails()
    block, kind = tx.block_number, details.error_kind or "other"
    rows = [ctx.evidence("result", details.error or "failed", block)]
    if details.error_program is not None:
        rows.append(ctx.evidence("failed_program", details.error_program, block))
    if details.error_index is not None:
        rows.append(ctx.evidence("failed_instruction", details.error_index + 1, block))
    params: dict[str, EvidenceValue] = {"result": details.error, "code": details.error_code}
    return _failed(ctx, (f"solana_{kind}", rows, params))


# TON exit codes put into words (the report's TERMS ``ton_exit_<code>``): the TVM's own (ton-docs "TVM exit codes":
# 9 cell underflow, 13 out of gas, 37 not enough TON) and the jetton wallet's (ton-blockchain's stablecoin and
# mintless jetton contracts, errors.fc: 47 balance_error, 48 not_enough_gas). Others are shown by number.
_TON_EXIT_WORDS = frozenset({9, 13, 37, 47, 48})


@check("TX_FAILED", family="ton")
def failed_ton(ctx: CheckContext) -> Finding | None:
    tx = ctx.tx
    if tx is None or not tx.failed or not isinstance(tx.details, TonDetails):
        return None
    details, block = tx.details, tx.block_number
    code = details.exit_code if details.phase == "compute" else details.result_code
    words = Term(f"ton_exit_{code}" if details.phase == "compute" and code in _TON_EXIT_WORDS else "ton_exit_other")
    # A bounce from the recipient's contract is "bounced"; the sender's own jetton wallet refusing is its failure.
    theirs = details.bounced and not same_address(details.failed_at, details.jetton_wallet)
    variant = "ton_bounced" if theirs else "ton_action" if details.phase == "action" else "ton_compute"
    rows = [ctx.evidence("result", tx.result or "aborted", block)]
    if details.failed_at:
        rows.append(ctx.evidence("failed_at", details.failed_at, block))
    if code is not None:
        rows.append(ctx.evidence("exit_code", code, block))
    rows.append(ctx.evidence("exit_meaning", words, block))
    return _failed(ctx, (variant, rows, {"code": code, "meaning": words, "failed_at": details.failed_at}))


@check("TX_DROPPED_REPLACED")
def dropped_replaced(ctx: CheckContext) -> Finding | None:
    replacement = ctx.replacement
    if replacement is None or not replacement.replaced:
        return None
    rows = []
    if replacement.nonce is not None:
        rows.append(ctx.evidence("nonce", replacement.nonce))
    if replacement.mined_count is not None:
        rows.append(ctx.evidence("sender_mined_count", replacement.mined_count))
    if replacement.by is not None:
        rows.append(ctx.evidence("replaced_by", replacement.by))
    # The words differ by how it is known: a taken nonce, a spent input, the node's record of replacements.
    variant = "" if replacement.how == "nonce" else replacement.how
    if ctx.tx is None:
        variant = f"{variant}_not_found" if variant else "not_found"
    return ctx.finding(
        "TX_DROPPED_REPLACED",
        variant=variant,
        evidence=tuple(rows),
        nonce=replacement.nonce,
        mined_count=replacement.mined_count,
        by=replacement.by,
    )
