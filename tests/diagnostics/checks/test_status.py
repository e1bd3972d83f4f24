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
