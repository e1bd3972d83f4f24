from __future__ import annotations

from tests.diagnostics.checks.factory import context, mined, pending, run


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
