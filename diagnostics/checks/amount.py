"""Whether the amount that arrived is the amount the user expected."""

from __future__ import annotations

from decimal import Decimal

from diagnostics.checks.registry import CheckContext, check
from diagnostics.model import Amount, Finding
from diagnostics.model.facts import EXACT


@check("AMOUNT_MISMATCH")
def amount_mismatch(ctx: CheckContext) -> Finding | None:
    expected = ctx.case.amount
    if expected is None:
        return None
    transfers = ctx.moved_to_address() if ctx.address else ctx.moved()
    amounts = [a for a in (ctx.amount(t) for t in transfers if ctx.wanted(t)) if a is not None]
    if not amounts or len({(a.symbol, a.decimals) for a in amounts}) != 1:
        return None
    moved = Amount(sum(a.base_units for a in amounts), amounts[0].decimals, amounts[0].symbol)
    # Compared in base units: 1.000001 USDT and 1 USDT differ, however a float would round them.
    if Decimal(moved.base_units) == expected.scaleb(moved.decimals, EXACT):
        return None
    return ctx.finding(
        "AMOUNT_MISMATCH",
        variant="more" if Decimal(moved.base_units) > expected.scaleb(moved.decimals, EXACT) else "less",
        evidence=(ctx.evidence("amount_expected", f"{expected} {moved.symbol}"), ctx.evidence("amount", moved)),
        expected=f"{expected} {moved.symbol}",
        moved=moved,
    )
