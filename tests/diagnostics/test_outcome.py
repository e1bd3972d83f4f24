"""One interpretation (DESIGN rule 8): the checks and the report read what moved from the same Outcome."""

from __future__ import annotations

from dataclasses import replace

from diagnostics.checks.registry import CheckContext
from diagnostics.model import ContractCall, Depth, Diagnosis, Facts, Requirement, TxStatus, Verdict
from diagnostics.model.finding import Severity
from diagnostics.outcome import work_out
from diagnostics.report.transaction import summarize
from tests.diagnostics.checks.factory import DEPOSIT, NOW, USDT, USDT_INFO, context, mined, pending, run


def _summary(ctx: CheckContext) -> object:
    diagnosis = Diagnosis(
        ctx.case, Verdict("TX_CONFIRMED", Severity.INFO), (), ctx.facts, (ctx.network,), NOW, "test", ctx.outcome
    )
    return summarize(diagnosis)


def test_a_failed_transfer_moved_nothing_but_the_report_names_what_it_asked() -> None:
    call = ContractCall(USDT, "transfer", DEPOSIT, 250_000_000, None)
    ctx = context(mined(status=0, call=call, call_token=USDT_INFO), address=DEPOSIT)
    assert ctx.outcome is not None and ctx.outcome.status == "failed"
    assert ctx.moved() == () and ctx.outcome.moved == ()
    assert [t.amount for t in ctx.outcome.asked] == [250_000_000]
    summary = _summary(ctx)
    assert summary is not None
    assert (summary.status, summary.symbol, str(summary.amount)) == ("failed", "USDT", "250 USDT")  # type: ignore[attr-defined]
    assert summary.confirmations is None  # type: ignore[attr-defined]
    # The checks agree with the report: nothing reached the address, and no "went elsewhere" either.
    assert run("RECIPIENT_MISMATCH", ctx) is None and run("TX_FAILED", ctx) is not None


def test_an_approve_moves_nothing_for_the_checks_and_the_report_alike() -> None:
    call = ContractCall(USDT, "approve", DEPOSIT, 250_000_000, None)
    for tx in (mined(call=call, call_token=USDT_INFO, transfers=()), pending(call=call, call_token=USDT_INFO)):
        ctx = context(tx, address=DEPOSIT)
        assert ctx.outcome is not None and ctx.outcome.moved == () and ctx.outcome.asked == ()
        summary = _summary(ctx)
        assert summary is not None and summary.amount is None and summary.symbol == "USDT"  # type: ignore[attr-defined]
        finding = run("NO_TRANSFER_TO_ADDRESS", ctx)
        assert finding is not None and finding.variant == "approve"


def test_pending_moves_what_it_asks_and_depth_waits_for_a_block() -> None:
    ctx = context(pending(), address=DEPOSIT)
    assert ctx.outcome is not None and ctx.outcome.status == TxStatus.PENDING.value and ctx.outcome.waiting
    assert [t.recipient for t in ctx.outcome.moved] == [DEPOSIT] and ctx.outcome.depth is None


def test_depth_is_counted_once_from_the_head() -> None:
    ctx = context(mined(block_number=100), head=111)
    assert ctx.outcome is not None
    assert ctx.outcome.depth == Depth(confirmations=12, required=12, head=111, block=100)
    assert ctx.outcome.depth.met
    final = replace(ctx.outcome.depth, final_block=99)
    assert final.final is False and not final.met


def test_change_is_neither_moved_nor_asked() -> None:
    tx = mined()
    change = replace(tx.transfers[0], recipient=tx.sender, how="change")
    facts = replace(context(replace(tx, transfers=(*tx.transfers, change))).facts.networks[0])
    outcome = work_out(facts, Requirement(12, "network"), NOW)
    assert outcome is not None and [t.how for t in outcome.moved] == ["log"]
    assert Facts((facts,)).located is facts


def test_a_transaction_in_a_block_has_at_least_one_confirmation() -> None:
    ctx = context(mined(block_number=121), head=120)  # the head was read a moment before that block arrived
    assert ctx.outcome is not None and ctx.outcome.depth is not None and ctx.outcome.depth.confirmations == 1
