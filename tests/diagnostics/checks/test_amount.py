from __future__ import annotations

from tests.diagnostics.checks.factory import DEPOSIT, context, mined, run, usdt_transfer


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
