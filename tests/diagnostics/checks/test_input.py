from __future__ import annotations

import pytest

from tests.diagnostics.checks.factory import DEPOSIT, context, run


@pytest.mark.parametrize(
    ("entered", "variant"),
    [
        ("", "empty"),
        ("0x1234", "wrong_length"),
        (DEPOSIT, "evm_address"),
        ("0x" + "zz" * 32, "not_hex"),
        ("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "address"),
    ],
)
def test_invalid_hash_says_which_form(entered: str, variant: str) -> None:
    finding = run("INPUT_INVALID_HASH", context(tx_hash=entered))
    assert finding is not None and finding.variant == variant


@pytest.mark.parametrize("entered", ["0x" + "ab" * 32, "AB" * 32, "  0x" + "ab" * 32 + " "])
def test_valid_evm_hash_forms(entered: str) -> None:
    assert run("INPUT_INVALID_HASH", context(tx_hash=entered)) is None


@pytest.mark.parametrize("address", [DEPOSIT, DEPOSIT.lower(), "0x" + DEPOSIT[2:].upper()])
def test_eip55_accepts_checksummed_lower_and_upper(address: str) -> None:
    assert run("INPUT_INVALID_ADDRESS", context(address=address)) is None


def test_eip55_refuses_bad_mixed_case() -> None:
    broken = DEPOSIT[:2] + DEPOSIT[2].swapcase() + DEPOSIT[3:]
    finding = run("INPUT_INVALID_ADDRESS", context(address=broken))
    assert finding is not None and finding.variant == "checksum"


@pytest.mark.parametrize("address", ["0x1234", "hello", "0x" + "g" * 40])
def test_malformed_address(address: str) -> None:
    finding = run("INPUT_INVALID_ADDRESS", context(address=address))
    assert finding is not None and finding.variant == "malformed"


@pytest.mark.parametrize(
    ("address", "family"),
    [
        ("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "tron"),
        ("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "bitcoin"),
        ("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "bitcoin"),
    ],
)
def test_address_of_another_family(address: str, family: str) -> None:
    ctx = context(address=address)
    finding = run("ADDRESS_NETWORK_MISMATCH", ctx)
    assert finding is not None and finding.variant == family
    assert run("INPUT_INVALID_ADDRESS", ctx) is None


def test_an_address_not_of_the_exchanges_published_form_is_said() -> None:
    from dataclasses import replace  # noqa: PLC0415

    from diagnostics import catalog  # noqa: PLC0415
    from tests.diagnostics.checks.factory import DEPOSIT, context, mined, run  # noqa: PLC0415

    binance = catalog.exchange("binance")
    rule = binance.rule("USDT", "ethereum")
    assert rule is not None and rule.address_pattern == "^(0x)[0-9A-Fa-f]{40}$"  # as Binance publishes it
    ctx = replace(context(mined(), address=DEPOSIT), exchange=binance, rule=rule)
    assert run("INPUT_INVALID_ADDRESS", ctx) is None  # a Binance deposit address's form
    strict = replace(ctx, rule=replace(rule, address_pattern="^0x00[0-9A-Fa-f]{38}$"))
    finding = run("INPUT_INVALID_ADDRESS", strict)
    assert finding is not None and finding.variant == "exchange_format" and finding.params["exchange"] == "Binance"
    assert run("INPUT_INVALID_ADDRESS", replace(strict, exchange=None)) is None  # no exchange: no exchange's form
