from __future__ import annotations

from diagnostics.model import EvmFeeMarket
from tests.diagnostics.checks.factory import context, mined, pending, run

GWEI = 10**9


def market(
    next_base: int = 20 * GWEI, ratios: tuple[float, ...] = (0.5,) * 10, tip_p10: int = 2 * GWEI
) -> EvmFeeMarket:
    return EvmFeeMarket(
        next_base_fee=next_base,
        base_fees=(20 * GWEI,) * len(ratios),
        gas_used_ratios=ratios,
        reward_percentiles=(10.0, 50.0, 90.0),
        rewards=tuple((tip_p10, 2 * tip_p10, 5 * tip_p10) for _ in ratios),
    )


def test_max_fee_below_next_base_fee() -> None:
    finding = run("FEE_TOO_LOW", context(pending(max_fee=15 * GWEI), fees=market()))
    assert finding is not None and finding.variant == "below_base_fee"
    assert str(finding.params["needed_gwei"]) == "20"


def test_tip_below_what_blocks_include() -> None:
    finding = run("FEE_TOO_LOW", context(pending(max_fee=100 * GWEI, max_priority_fee=GWEI // 10), fees=market()))
    assert finding is not None and finding.variant == "low_tip"
    assert str(finding.params["paid_gwei"]) == "0.1"


def test_tip_capped_by_max_fee_headroom() -> None:
    # 3 gwei priority asked, but only 0.5 gwei of headroom above the base fee: the real tip is 0.5.
    finding = run(
        "FEE_TOO_LOW", context(pending(max_fee=20 * GWEI + GWEI // 2, max_priority_fee=3 * GWEI), fees=market())
    )
    assert finding is not None and str(finding.params["paid_gwei"]) == "0.5"


def test_legacy_gas_price() -> None:
    low = pending(tx_type=0, max_fee=None, max_priority_fee=None, gas_price=10 * GWEI)
    assert run("FEE_TOO_LOW", context(low, fees=market())) is not None
    fine = pending(tx_type=0, max_fee=None, max_priority_fee=None, gas_price=30 * GWEI)
    assert run("FEE_TOO_LOW", context(fine, fees=market())) is None


def test_good_fee_or_mined_is_quiet() -> None:
    assert run("FEE_TOO_LOW", context(pending(max_fee=100 * GWEI, max_priority_fee=3 * GWEI), fees=market())) is None
    assert run("FEE_TOO_LOW", context(mined(), fees=market())) is None


def test_empty_blocks_do_not_set_the_tip_bar() -> None:
    quiet = market(ratios=(0.0,) * 10, tip_p10=0)
    assert run("FEE_TOO_LOW", context(pending(max_fee=100 * GWEI, max_priority_fee=0), fees=quiet)) is None


def test_nonce_gap_missing_and_stuck() -> None:
    missing = run("NONCE_GAP", context(pending(nonce=9), nonces=(7, 7)))
    assert missing is not None and missing.variant == "missing" and missing.params["missing_nonce"] == 7
    stuck = run("NONCE_GAP", context(pending(nonce=9), nonces=(7, 10)))
    assert stuck is not None and stuck.variant == "stuck" and stuck.params["missing_nonce"] == 7
    assert run("NONCE_GAP", context(pending(nonce=7), nonces=(7, 8))) is None


def test_congestion_by_fullness_or_fee_surge() -> None:
    full = run("NETWORK_CONGESTED", context(pending(), fees=market(ratios=(0.3,) * 15 + (0.95,) * 5)))
    assert full is not None and full.variant == "full_blocks"
    surge = run("NETWORK_CONGESTED", context(pending(), fees=market(next_base=60 * GWEI)))
    assert surge is not None and surge.variant == "fee_surge"
    assert run("NETWORK_CONGESTED", context(pending(), fees=market())) is None
    assert run("NETWORK_CONGESTED", context(mined(), fees=market(next_base=60 * GWEI))) is None


def test_replaced_transaction_gets_no_speed_up_advice() -> None:
    ctx = context(pending(nonce=3, max_fee=15 * GWEI), nonces=(7, 7), fees=market(ratios=(0.95,) * 10))
    assert run("FEE_TOO_LOW", ctx) is None and run("NETWORK_CONGESTED", ctx) is None


def test_tip_just_under_the_lowest_included_is_slow_not_stuck() -> None:
    near = pending(max_fee=100 * GWEI, max_priority_fee=int(1.5 * GWEI))
    assert run("FEE_TOO_LOW", context(near, fees=market(tip_p10=2 * GWEI))) is None
