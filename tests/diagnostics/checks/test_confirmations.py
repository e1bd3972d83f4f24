from __future__ import annotations

from tests.diagnostics.checks.factory import DEPOSIT, context, mined, pending, run, usdt_transfer


def test_insufficient_with_eta() -> None:
    finding = run("CONFIRMATIONS_INSUFFICIENT", context(mined(block_number=115), head=120))
    assert finding is not None
    assert (finding.params["confirmations"], finding.params["required"], finding.params["eta_seconds"]) == (6, 12, 72)
    assert run("CONFIRMATIONS_SUFFICIENT", context(mined(block_number=115), head=120)) is None


def test_sufficient_at_exactly_the_requirement() -> None:
    assert run("CONFIRMATIONS_SUFFICIENT", context(mined(block_number=109), head=120)) is not None
    assert run("CONFIRMATIONS_INSUFFICIENT", context(mined(block_number=109), head=120)) is None


def test_exchange_requirement_overrides() -> None:
    finding = run("CONFIRMATIONS_INSUFFICIENT", context(mined(block_number=100), head=120, required_confirmations=64))
    assert finding is not None and finding.params["required"] == 64


def test_no_confirmation_talk_for_failed_pending_or_headless() -> None:
    for ctx in (context(mined(status=0)), context(pending()), context(mined(), head=None)):
        assert run("CONFIRMATIONS_SUFFICIENT", ctx) is None
        assert run("CONFIRMATIONS_INSUFFICIENT", ctx) is None


def test_deep_enough_but_not_credited_says_so() -> None:
    elsewhere = mined(block_number=100, transfers=(usdt_transfer(to="0x90F79bf6EB2c4f870365E785982E1f101E93b906"),))
    finding = run("CONFIRMATIONS_SUFFICIENT", context(elsewhere, head=120, address=DEPOSIT))
    assert finding is not None and finding.variant == "not_credited"
    arrived = run("CONFIRMATIONS_SUFFICIENT", context(mined(block_number=100), head=120, address=DEPOSIT))
    assert arrived is not None and arrived.variant == ""


def test_lagging_node_is_not_mentioned_when_the_requirement_is_met() -> None:
    assert run("NODE_OUT_OF_SYNC", context(mined(block_number=100), head=120, head_age=3600)) is None
    assert run("NODE_OUT_OF_SYNC", context(mined(block_number=115), head=120, head_age=3600)) is not None
