from __future__ import annotations

from tests.diagnostics.checks.factory import context, mined, pending, run


def test_pending() -> None:
    assert run("TX_PENDING", context(pending())) is not None
    assert run("TX_PENDING", context(mined())) is None


def test_confirmed_only_when_successful() -> None:
    assert run("TX_CONFIRMED", context(mined())) is not None
    assert run("TX_CONFIRMED", context(mined(status=0))) is None
    assert run("TX_CONFIRMED", context(pending())) is None


def test_failed_variants() -> None:
    revert = run("TX_FAILED", context(mined(status=0, revert_reason="ERC20: transfer amount exceeds balance")))
    assert revert is not None and revert.variant == "revert"
    out_of_gas = run("TX_FAILED", context(mined(status=0, gas_used=60_000)))
    assert out_of_gas is not None and out_of_gas.variant == "out_of_gas"
    unknown = run("TX_FAILED", context(mined(status=0)))
    assert unknown is not None and unknown.variant == "unknown"
    fee = unknown.params["fee"]
    assert fee is not None and fee.base_units == 45_000 * 20 * 10**9  # type: ignore[union-attr]
    assert run("TX_FAILED", context(mined())) is None


def test_pre_byzantium_receipt_without_status_that_used_all_gas_failed() -> None:
    old = mined(status=None, gas_used=60_000, gas_limit=60_000)
    finding = run("TX_FAILED", context(old))
    assert finding is not None and finding.variant == "out_of_gas"
    assert run("TX_CONFIRMED", context(old)) is None
    assert run("TX_CONFIRMED", context(mined(status=None))) is not None


def test_pending_with_a_used_nonce_was_replaced() -> None:
    finding = run("TX_DROPPED_REPLACED", context(pending(nonce=5), nonces=(7, 7)))
    assert finding is not None and (finding.params["nonce"], finding.params["mined_count"]) == (5, 7)
    assert run("TX_DROPPED_REPLACED", context(pending(nonce=7), nonces=(7, 8))) is None
    assert run("TX_DROPPED_REPLACED", context(mined(nonce=5), nonces=(7, 7))) is None
