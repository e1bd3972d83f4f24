from __future__ import annotations

from diagnostics.checks.transfer import looks_alike
from diagnostics.intake.sniff import Likeness, likeness
from diagnostics.model import ContractCall
from tests.diagnostics.checks.factory import (
    DEPOSIT,
    SENDER,
    USDT,
    USDT_INFO,
    context,
    mined,
    pending,
    run,
    usdt_transfer,
)

ALIKE = "0xD3D35a000000000000000000000000000000bEef"
OTHER = "0x90F79bf6EB2c4f870365E785982E1f101E93b906"


def test_looks_alike() -> None:
    assert looks_alike(ALIKE, DEPOSIT)
    assert not looks_alike(DEPOSIT, DEPOSIT.lower())
    assert not looks_alike(OTHER, DEPOSIT)
    user = "TCLBgkbfVkJroVBJVqBEsxtPNQEQMTQCLQ"
    assert looks_alike("TCLBghomnsJofHRs8NuBccsfBJXtmZQCLQ", user)  # T + 4 and 4: what tools grind
    # T + 3 leading and 4 trailing Base58 characters: 41 bits, far beyond chance (the old 4 + 4 rule missed it).
    assert likeness(user, "TCLB" + "a" * 26 + "QCLQ") == Likeness(3, 4, 39.8)
    assert looks_alike(user, "TCLB" + "a" * 26 + "QCLQ")
    # Suffix only: five hex characters at the end (20 bits) are caught, four (16 bits) are within chance.
    assert looks_alike("0x" + "1" * 35 + "0beef", DEPOSIT) and not looks_alike("0x" + "1" * 36 + "beef", DEPOSIT)
    assert not looks_alike("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", DEPOSIT)  # different kinds


def test_poisoning_is_said_once() -> None:
    ctx = context(mined(transfers=(usdt_transfer(to=ALIKE),)), address=DEPOSIT)
    poisoned = run("ADDRESS_POISONING_SUSPECTED", ctx)
    assert poisoned is not None and poisoned.params["recipient"] == ALIKE
    assert run("RECIPIENT_MISMATCH", ctx) is None
    assert run("NO_TRANSFER_TO_ADDRESS", ctx) is None


def test_look_alike_among_other_recipients_raises_both() -> None:
    ctx = context(mined(transfers=(usdt_transfer(to=ALIKE), usdt_transfer(to=OTHER))), address=DEPOSIT)
    assert run("ADDRESS_POISONING_SUSPECTED", ctx) is not None
    assert run("RECIPIENT_MISMATCH", ctx) is not None


def test_truncated_address_is_not_compared() -> None:
    ctx = context(mined(transfers=(usdt_transfer(to=DEPOSIT),)), address=DEPOSIT[:-1])
    for code in ("RECIPIENT_MISMATCH", "ADDRESS_POISONING_SUSPECTED", "NO_TRANSFER_TO_ADDRESS"):
        assert run(code, ctx) is None
    assert run("INPUT_INVALID_ADDRESS", ctx) is not None


def test_mistyped_capitals_of_the_receiving_address_are_forgiven() -> None:
    broken = DEPOSIT[:2] + DEPOSIT[2].swapcase() + DEPOSIT[3:]
    ctx = context(mined(transfers=(usdt_transfer(to=DEPOSIT),)), address=broken)
    assert run("INPUT_INVALID_ADDRESS", ctx) is None and run("RECIPIENT_MISMATCH", ctx) is None


def test_other_coin_than_stated() -> None:
    finding = run("NO_TRANSFER_TO_ADDRESS", context(mined(), address=DEPOSIT, token="USDC"))
    assert finding is not None and finding.variant == "other_token" and finding.params["moved"] == ("USDT",)
    assert run("NO_TRANSFER_TO_ADDRESS", context(mined(), address=DEPOSIT, token="usdt")) is None


def test_pending_mismatch_says_nothing_moved_yet() -> None:
    call = ContractCall(USDT, "transfer", OTHER, 10, SENDER)
    finding = run("RECIPIENT_MISMATCH", context(pending(call=call, call_token=USDT_INFO), address=DEPOSIT))
    assert finding is not None and finding.variant == "pending"


def test_unrelated_recipient_is_not_poisoning() -> None:
    ctx = context(mined(transfers=(usdt_transfer(to=OTHER),)), address=DEPOSIT)
    assert run("RECIPIENT_MISMATCH", ctx) is not None
    assert run("ADDRESS_POISONING_SUSPECTED", ctx) is None


def test_reaching_the_address_in_any_case_is_fine() -> None:
    ctx = context(mined(transfers=(usdt_transfer(to=OTHER), usdt_transfer(to=DEPOSIT.lower()))), address=DEPOSIT)
    for code in ("RECIPIENT_MISMATCH", "ADDRESS_POISONING_SUSPECTED", "NO_TRANSFER_TO_ADDRESS"):
        assert run(code, ctx) is None


def test_approve_moves_nothing() -> None:
    call = ContractCall(USDT, "approve", DEPOSIT, 5, SENDER)
    finding = run("NO_TRANSFER_TO_ADDRESS", context(mined(transfers=(), call=call), address=DEPOSIT))
    assert finding is not None and finding.variant == "approve"


def test_pending_transfer_to_wrong_address_is_caught_early() -> None:
    call = ContractCall(USDT, "transfer", ALIKE, 10, SENDER)
    ctx = context(pending(call=call, call_token=USDT_INFO), address=DEPOSIT)
    assert run("ADDRESS_POISONING_SUSPECTED", ctx) is not None


def test_failed_or_addressless_cases_say_nothing_of_recipients() -> None:
    for ctx in (
        context(mined(status=0, transfers=()), address=DEPOSIT),
        context(mined(transfers=(usdt_transfer(to=OTHER),))),
    ):
        for code in ("RECIPIENT_MISMATCH", "ADDRESS_POISONING_SUSPECTED", "NO_TRANSFER_TO_ADDRESS"):
            assert run(code, ctx) is None


def test_pending_undecoded_call_is_not_called_empty() -> None:
    assert run("NO_TRANSFER_TO_ADDRESS", context(pending(input_size=200), address=DEPOSIT)) is None
    approve = pending(call=ContractCall(USDT, "approve", DEPOSIT, 5, SENDER))
    assert run("NO_TRANSFER_TO_ADDRESS", context(approve, address=DEPOSIT)) is not None


def test_undecoded_contract_call_is_hedged() -> None:
    finding = run("NO_TRANSFER_TO_ADDRESS", context(mined(transfers=(), input_size=200), address=DEPOSIT))
    assert finding is not None and finding.variant == "contract_call"
    plain = run("NO_TRANSFER_TO_ADDRESS", context(mined(transfers=(), to=OTHER), address=DEPOSIT))
    assert plain is not None and plain.variant == "nothing"
