from __future__ import annotations

from diagnostics.model import TokenInfo
from tests.diagnostics.checks.factory import DEPOSIT, USDT, context, mined, run, usdt_transfer

FAKE = TokenInfo("0x5FbDB2315678afecb367f032d93F642f64180aa3", "USDT", 6)
ODD = TokenInfo("0x5FbDB2315678afecb367f032d93F642f64180aa3", "PEPE", 18)


def test_fake_usdt_names_the_official_contract() -> None:
    finding = run("TOKEN_NOT_OFFICIAL", context(mined(transfers=(usdt_transfer(token=FAKE),)), address=DEPOSIT))
    assert finding is not None and finding.params["official"] == (USDT,)
    assert run("TOKEN_UNKNOWN", context(mined(transfers=(usdt_transfer(token=FAKE),)), address=DEPOSIT)) is None


def test_unlisted_token_the_user_names_is_unknown_not_fake() -> None:
    zzz = TokenInfo(FAKE.contract, "ZZZ", 18)
    ctx = context(mined(transfers=(usdt_transfer(token=zzz),)), token="zzz")
    assert run("TOKEN_NOT_OFFICIAL", ctx) is None
    assert run("TOKEN_UNKNOWN", ctx) is not None


def test_unknown_token() -> None:
    ctx = context(mined(transfers=(usdt_transfer(token=ODD),)))
    assert run("TOKEN_UNKNOWN", ctx) is not None
    assert run("TOKEN_NOT_OFFICIAL", ctx) is None


def test_official_token_is_quiet() -> None:
    ctx = context(mined(), address=DEPOSIT)
    assert run("TOKEN_NOT_OFFICIAL", ctx) is None and run("TOKEN_UNKNOWN", ctx) is None
