"""How deep the transaction is, against what the network (or the user's exchange) requires."""

from __future__ import annotations

from diagnostics.checks.registry import CheckContext, check
from diagnostics.model import Evidence, Finding, Severity, Term


def _depth(ctx: CheckContext) -> tuple[int, int, int] | None:
    """(confirmations, required, head) for a mined, successful transaction when the head is known."""
    tx, head = ctx.tx, ctx.head
    if tx is None or tx.block_number is None or tx.failed or head is None:
        return None
    return max(head.number - tx.block_number + 1, 0), ctx.required_confirmations, head.number


def _evidence(ctx: CheckContext, depth: tuple[int, int, int]) -> tuple[Evidence, ...]:
    confirmations, required, head = depth
    rows = [
        ctx.evidence("confirmations", confirmations, head),
        ctx.evidence("required_confirmations", required),
        ctx.evidence("head_block", head, head),
    ]
    final = ctx.head.final_number if ctx.head else None
    if final is not None and ctx.tx is not None and ctx.tx.block_number is not None:
        # Where the chain says which blocks are irreversible (Tron's solidified block), say it too.
        rows.append(ctx.evidence("final_block", final, head))
        rows.append(ctx.evidence("irreversible", Term("yes" if ctx.tx.block_number <= final else "not_yet"), head))
    return tuple(rows)


def _final(ctx: CheckContext) -> bool | None:
    """Whether the chain calls the transaction's block irreversible (Tron's solidified block); ``None`` where
    the chain does not say."""
    tx, head = ctx.tx, ctx.head
    if tx is None or tx.block_number is None or head is None or head.final_number is None:
        return None
    return tx.block_number <= head.final_number


@check("CONFIRMATIONS_INSUFFICIENT", Severity.WARNING)
def insufficient(ctx: CheckContext) -> Finding | None:
    depth = _depth(ctx)
    if depth is None:
        return None
    confirmations, required, _ = depth
    final = _final(ctx)
    if confirmations >= required and final is not False:
        return None
    if confirmations >= required:
        # Deep enough by count, but the chain has not made the block irreversible yet: wait for that.
        variant = "not_final"
        tx, head = ctx.tx, ctx.head
        assert tx is not None and tx.block_number is not None and head is not None and head.final_number is not None
        eta = round((tx.block_number - head.final_number) * ctx.network.block_time_seconds)
    else:
        variant = ""
        eta = round((required - confirmations) * ctx.network.block_time_seconds)
    return ctx.finding(
        "CONFIRMATIONS_INSUFFICIENT",
        variant=variant,
        evidence=(*_evidence(ctx, depth), ctx.evidence("eta_seconds", eta)),
        confirmations=confirmations,
        required=required,
        eta_seconds=eta,
    )


@check("CONFIRMATIONS_SUFFICIENT", Severity.INFO)
def sufficient(ctx: CheckContext) -> Finding | None:
    depth = _depth(ctx)
    if depth is None or depth[0] < depth[1] or _final(ctx) is False:
        return None
    # Deep enough, but if nothing creditable reached the address, depth is no longer the question and
    # the words must not send the user to the exchange.
    variant = "" if ctx.address is None or ctx.credited() else "not_credited"
    return ctx.finding(
        "CONFIRMATIONS_SUFFICIENT",
        variant=variant,
        evidence=_evidence(ctx, depth),
        confirmations=depth[0],
        required=depth[1],
    )
