"""How deep the transaction is, against what the network (or the user's exchange) requires.

The depth itself is the engine's (``Outcome.depth``): these checks only say what it means.
"""

from __future__ import annotations

from diagnostics.checks.registry import CheckContext, check
from diagnostics.model import Depth, Direction, Evidence, Finding, Term


def _depth(ctx: CheckContext) -> Depth | None:
    outcome = ctx.outcome
    return outcome.depth if outcome is not None and outcome.network == ctx.network.slug else None


def _evidence(ctx: CheckContext, depth: Depth) -> tuple[Evidence, ...]:
    head = depth.head
    rows = [
        ctx.evidence("confirmations", depth.confirmations, head),
        ctx.evidence("required_confirmations", depth.required),
        # Whose figure: the exchange's published one (with its source and date), the user's, or the network's.
        ctx.evidence("required_by", Term(f"required_by_{depth.by}" + ("_unknown" if _unknown(ctx, depth) else ""))),
        ctx.evidence("head_block", head, head),
    ]
    if depth.by == "exchange" and ctx.rule is not None:
        rows.append(ctx.evidence("figure_source", f"{ctx.rule.source} · {ctx.rule.read}"))
    if depth.unlock is not None:
        rows.append(ctx.evidence("unlock_confirmations", depth.unlock))
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
    unlock_eta = _unlock_eta(ctx, depth)
    rows = (*_evidence(ctx, depth), ctx.evidence("eta_seconds", eta))
    if unlock_eta is not None:
        rows += (ctx.evidence("unlock_eta_seconds", unlock_eta),)
    return ctx.finding(
        "CONFIRMATIONS_INSUFFICIENT",
        variant=variant or ("exchange" if _exchange_credits(ctx, depth) else ""),
        evidence=rows,
        confirmations=depth.confirmations,
        required=depth.required,
        eta_seconds=eta,
        exchange=ctx.exchange.name if ctx.exchange else None,
        unlock=depth.unlock,
        unlock_eta_seconds=unlock_eta,
    )


def _unknown(ctx: CheckContext, depth: Depth) -> bool:
    """An exchange was chosen, but it publishes no count for this coin here: the network's stands in, said so."""
    return depth.by == "network" and ctx.exchange is not None


def _exchange_credits(ctx: CheckContext, depth: Depth) -> bool:
    """A deposit measured against the chosen exchange's own published count."""
    return depth.by == "exchange" and ctx.exchange is not None and ctx.case.direction is Direction.DEPOSIT


def _unlock_eta(ctx: CheckContext, depth: Depth) -> int | None:
    """How long until the exchange lets the deposit be withdrawn, where it publishes that count."""
    if depth.unlock is None or depth.unlock <= depth.confirmations:
        return None if depth.unlock is None else 0
    return round((depth.unlock - depth.confirmations) * ctx.network.block_time_seconds)


@check("CONFIRMATIONS_SUFFICIENT")
def sufficient(ctx: CheckContext) -> Finding | None:
    depth = _depth(ctx)
    if depth is None or not depth.met:
        return None
    # Deep enough, but if nothing creditable reached the address, depth is no longer the question and
    # the words must not send the user to the exchange.
    variant = "" if ctx.address is None or ctx.credited() else "not_credited"
    if not variant and _exchange_credits(ctx, depth):
        variant = "exchange"  # past the exchange's own count: crediting it is now the exchange's to explain
    unlock_eta = _unlock_eta(ctx, depth)
    rows = _evidence(ctx, depth)
    if unlock_eta:
        rows += (ctx.evidence("unlock_eta_seconds", unlock_eta),)
    return ctx.finding(
        "CONFIRMATIONS_SUFFICIENT",
        variant=variant,
        evidence=rows,
        confirmations=depth.confirmations,
        required=depth.required,
        exchange=ctx.exchange.name if ctx.exchange else None,
        unlock=depth.unlock,
        unlock_eta_seconds=unlock_eta,
        support_url=ctx.exchange.support_url if ctx.exchange else None,
    )
