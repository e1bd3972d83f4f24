from __future__ import annotations

from tests.diagnostics.checks.factory import DEPOSIT, USDT_INFO, context, mined, run, usdt_transfer


def test_exact_amount_in_base_units() -> None:
    assert run("AMOUNT_MISMATCH", context(mined(), address=DEPOSIT, amount="250")) is None
    assert run("AMOUNT_MISMATCH", context(mined(), address=DEPOSIT, amount="250.000000")) is None


def test_one_base_unit_off_is_a_mismatch() -> None:
    finding = run("AMOUNT_MISMATCH", context(mined(), address=DEPOSIT, amount="250.000001"))
    assert finding is not None and finding.params["expected"] == "250.000001 USDT"


def test_amounts_to_the_address_are_summed() -> None:
    tx = mined(transfers=(usdt_transfer(amount=100_000_000), usdt_transfer(amount=150_000_000)))
    assert run("AMOUNT_MISMATCH", context(tx, address=DEPOSIT, amount="250")) is None


def test_other_token_is_not_compared() -> None:
    assert run("AMOUNT_MISMATCH", context(mined(), address=DEPOSIT, amount="1", token="USDC")) is None


def test_no_amount_no_finding() -> None:
    assert run("AMOUNT_MISMATCH", context(mined(), address=DEPOSIT)) is None


def test_huge_eighteen_decimal_amounts_are_compared_exactly() -> None:
    token = USDT_INFO.__class__("0x55d398326f99059fF775485246999027B3197955", "USDT", 18)
    base = 123_456_789_012_345 * 10**18 + 1  # 34 significant digits, past Decimal's default 28
    tx = mined(transfers=(usdt_transfer(amount=base, token=token),))
    ctx = context(tx, network="bsc", address=DEPOSIT, amount="123456789012345.000000000000000001")
    assert run("AMOUNT_MISMATCH", ctx) is None
    off = context(tx, network="bsc", address=DEPOSIT, amount="123456789012345.000000000000000002")
    assert run("AMOUNT_MISMATCH", off) is not None
