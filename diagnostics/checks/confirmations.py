"""How deep the transaction is, against what the network (or the user's exchange) requires.

The depth itself is the engine's (``Outcome.depth``): these checks only say what it means.
"""

from __future__ import annotations

from diagnostics.checks.registry import CheckContext, check
from diagnostics.model import Depth, Evidence, Finding, Term


def _depth(ctx: CheckContext) -> Depth | None:
    outcome = ctx.outcome
    return outcome.depth if outcome is not None and outcome.network == ctx.network.slug else None


def _evidence(ctx: CheckContext, depth: Depth) -> tuple[Evidence, ...]:
    head = depth.head
    rows = [
        ctx.evidence("confirmations", depth.confirmations, head),
        ctx.evidence("required_confirmations", depth.required),
        ctx.evidence("head_block", head, head),
    ]
    if depth.final_block is not None:
        # Where the chain says which blocks are irreversible (Tron's solidified block), say it too.
        rows.append(ctx.evidence("final_block", depth.final_block, head))
        rows.append(ctx.evidence("irreversible", Term("yes" if depth.final else "not_yet"), head))
    return tuple(rows)


@check("CONFIRMATIONS_INSUFFICIENT")
def insufficient(ctx: CheckContext) -> Finding | None:
    depth = _depth(ctx)
    if depth is None or depth.met:
        return None
    if depth.confirmations >= depth.required:
        # Deep enough by count, but the chain has not made the block irreversible yet: wait for that.
        variant = "not_final"
        assert depth.final_block is not None
        blocks = depth.block - depth.final_block
    else:
        variant = ""
        blocks = depth.required - depth.confirmations
    eta = round(blocks * ctx.network.block_time_seconds)
    return ctx.finding(
        "CONFIRMATIONS_INSUFFICIENT",
        variant=variant,
        evidence=(*_evidence(ctx, depth), ctx.evidence("eta_seconds", eta)),
        confirmations=depth.confirmations,
        required=depth.required,
        eta_seconds=eta,
    )


@check("CONFIRMATIONS_SUFFICIENT")
def sufficient(ctx: CheckContext) -> Finding | None:
    depth = _depth(ctx)
    if depth is None or not depth.met:
        return None
    # Deep enough, but if nothing creditable reached the address, depth is no longer the question and
    # the words must not send the user to the exchange.
    variant = "" if ctx.address is None or ctx.credited() else "not_credited"
    return ctx.finding(
        "CONFIRMATIONS_SUFFICIENT",
        variant=variant,
        evidence=_evidence(ctx, depth),
        confirmations=depth.confirmations,
        required=depth.required,
    )
