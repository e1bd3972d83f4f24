"""The memo, tag or comment an exchange tells its users apart by, on a deposit to its shared address.

Family-neutral: it reads the memo each transfer carries (``Transfer.memo``: TON's text comment, a jetton's forward
comment; ``None`` where the chain has no such thing), the memo the user was given (``Case.memo``) and the chosen
exchange's published row (``DepositRule.memo_required``). A chain whose adapter fills no memo is never judged.
"""

from __future__ import annotations

from diagnostics.checks.registry import CheckContext, check
from diagnostics.model import Direction, Finding, Term


@check("MEMO_MISSING")
def memo_missing(ctx: CheckContext) -> Finding | None:
    """A deposit that reached the address without the memo the user was given, or with another one; or, where the
    exchange publishes that this coin on this network needs one, with none at all. A memo on chain that the user
    did not tell is not judged: only they know what they were given."""
    tx = ctx.tx
    if tx is None or tx.failed or ctx.case.direction is not Direction.DEPOSIT:
        return None
    arrived = [t for t in ctx.moved_to_address() if t.memo is not None and ctx.wanted(t)]
    if not arrived:
        return None
    given = (ctx.case.memo or "").strip()
    rule = ctx.rule
    required = rule is not None and bool(rule.memo_required)
    memos = [(t.memo or "").strip() for t in arrived]
    if (given and given in memos) or (not given and (not required or any(memos))):
        return None
    on_chain = next((m for m in memos if m), "")
    rows = [
        ctx.evidence("memo_on_chain", on_chain or Term("no_memo"), tx.block_number),
        ctx.evidence("memo_expected", given or Term("memo_required")),
    ]
    exchange = ctx.exchange
    if exchange is not None and rule is not None and rule.memo_required:
        rows.append(ctx.evidence("exchange", exchange.name))
        rows.append(ctx.evidence("figure_source", f"{rule.source} · {rule.read}"))
    recovery = (exchange.recovery_url or exchange.support_url) if exchange is not None else None
    return ctx.finding(
        "MEMO_MISSING",
        variant="wrong" if on_chain else "missing",
        evidence=tuple(rows),
        memo=on_chain,
        expected=given,
        exchange=exchange.name if exchange is not None else None,
        recovery_url=recovery,
    )
