"""Every Tron support case the issue names, built on the local Tron node and diagnosed end to end."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from tronpy.keys import to_hex_address

from desktop.sandbox.anvil import free_port
from desktop.sandbox.tron_node import USDT, TronNode, recorded
from diagnostics.model import Diagnosis, Finding, Term
from diagnostics.report.text import render_text
from tests.fixtures.diagnosis import diagnose_on

SENDER = "TL24LCps5FKwp3PoU1MvrYrwhi5LU1tHre"
USER = "TCLBgkbfVkJroVBJVqBEsxtPNQEQMTQCLQ"
# Same first five and last four characters as USER, a different account: what poisoning tools generate.
LOOK_ALIKE = "TCLBghomnsJofHRs8NuBccsfBJXtmZQCLQ"
OTHER = "TXVj38D1XR3TPgSHTCZGC8wkLDAGqF1oqx"
USDT_TX = "0130dfde9281a48378109039ef512229d5359fbee2a8adbb17ad73aebc67ea99"


@pytest.fixture
def node() -> Iterator[TronNode]:
    with TronNode() as server:
        yield server


def diagnose(node: TronNode, txid: str, **case: Any) -> Diagnosis:
    return diagnose_on(node.url, "tron", txid, **case)


def codes(diagnosis: Diagnosis) -> list[str]:
    return [f.code for f in diagnosis.findings]


def finding(diagnosis: Diagnosis, code: str) -> Finding:
    return next(f for f in diagnosis.findings if f.code == code)


def evidence(f: Finding) -> dict[str, Any]:
    return {e.label: e.value for e in f.evidence}


def test_recorded_usdt_transfer_with_enough_confirmations(node: TronNode) -> None:
    node.put_recorded("trc20_usdt_transfer_tx.trongrid_v1.json", "trc20_usdt_transfer_txinfo.json")
    d = diagnose(node, USDT_TX, address=OTHER, token="USDT", amount=Decimal("41.677389"))
    assert d.verdict.code == "CONFIRMATIONS_SUFFICIENT"
    assert codes(d) == ["CONFIRMATIONS_SUFFICIENT", "TX_CONFIRMED"]
    rows = evidence(finding(d, "CONFIRMATIONS_SUFFICIENT"))
    assert rows["confirmations"] == 39 and rows["required_confirmations"] == 19 and rows["irreversible"] == Term("yes")


def test_too_few_confirmations_says_not_yet_irreversible(node: TronNode) -> None:
    built = node.trc20_transfer(SENDER, USER, 250_000_000, block=node.head - 4)
    d = diagnose(node, built.txid, address=USER, token="USDT", amount=Decimal(250))
    assert d.verdict.code == "CONFIRMATIONS_INSUFFICIENT"
    f = finding(d, "CONFIRMATIONS_INSUFFICIENT")
    assert f.params["confirmations"] == 5 and f.params["required"] == 19 and f.params["eta_seconds"] == 42
    assert evidence(f)["irreversible"] == Term("not_yet")


def test_out_of_energy_says_what_was_burned_and_what_to_do(node: TronNode) -> None:
    built = node.trc20_transfer(SENDER, USER, 100_000_000, result="OUT_OF_ENERGY", fee_limit=16_500_120)
    d = diagnose(node, built.txid, address=USER, token="USDT", amount=Decimal(100))
    assert d.verdict.code == "TX_FAILED" and d.verdict.variant == "out_of_energy"
    f = finding(d, "TX_FAILED")
    rows = evidence(f)
    assert rows["result"] == "OUT_OF_ENERGY" and rows["energy_used"] == 78572
    assert str(rows["fee_limit"]) == "16.50012 TRX" and str(rows["energy_fee"]) == "16.50012 TRX"
    assert rows["node_message"].startswith("Not enough energy")
    assert "NO_TRANSFER_TO_ADDRESS" not in codes(d) and "CONFIRMATIONS_SUFFICIENT" not in codes(d)


def test_recorded_out_of_energy_info(node: TronNode) -> None:
    """The recorded mainnet info (e63a324a…), served with a transaction of the same shape under its id."""
    info = recorded("trc20_out_of_energy_txinfo_2.json")
    built = node.trc20_transfer(SENDER, USER, 100_000_000, result="OUT_OF_ENERGY", pending=True)
    node.pool.clear()
    node.put({**built.transaction, "txID": info["id"]}, info)
    d = diagnose(node, info["id"], address=USER)
    assert d.verdict.code == "TX_FAILED" and d.verdict.variant == "out_of_energy"
    assert str(evidence(finding(d, "TX_FAILED"))["energy_fee"]) == "16.50012 TRX"  # the whole fee, said once


def test_revert_with_reason(node: TronNode) -> None:
    built = node.trc20_transfer(
        SENDER, USER, 5_000_000, result="REVERT", revert_reason="transfer amount exceeds balance"
    )
    d = diagnose(node, built.txid, address=USER)
    assert d.verdict.code == "TX_FAILED" and d.verdict.variant == "revert"
    assert finding(d, "TX_FAILED").params["reason"] == "transfer amount exceeds balance"


def test_revert_without_reason_names_the_chains_word(node: TronNode) -> None:
    built = node.trc20_transfer(SENDER, USER, 5_000_000, result="REVERT")
    d = diagnose(node, built.txid, address=USER)
    assert d.verdict.code == "TX_FAILED" and d.verdict.variant == "tron_other"
    assert finding(d, "TX_FAILED").params["result"] == "REVERT"


def test_trx_transfer(node: TronNode) -> None:
    node.head = 69_316_598 + 99  # the recorded transfer, 100 blocks deep
    txid = node.put_recorded("trx_transfer_new_account_tx.trongrid_v1.json", "trx_transfer_new_account_txinfo.json")
    d = diagnose(node, txid, address="TBy2NECVVZRS4Aia4oYXe669HuhgKAiYE3", token="TRX", amount=Decimal("150.46632"))
    assert d.verdict.code == "CONFIRMATIONS_SUFFICIENT", codes(d)
    assert "AMOUNT_MISMATCH" not in codes(d) and "NO_TRANSFER_TO_ADDRESS" not in codes(d)


def test_trx_transfer_of_a_different_amount(node: TronNode) -> None:
    built = node.trx_transfer(SENDER, USER, 5_000_000)
    d = diagnose(node, built.txid, address=USER, token="TRX", amount=Decimal(50))
    assert finding(d, "AMOUNT_MISMATCH").variant == "less"


def test_look_alike_base58_address(node: TronNode) -> None:
    built = node.trc20_transfer(SENDER, LOOK_ALIKE, 500_000_000)
    d = diagnose(node, built.txid, address=USER, token="USDT", amount=Decimal(500))
    assert d.verdict.code == "ADDRESS_POISONING_SUSPECTED"
    assert "RECIPIENT_MISMATCH" not in codes(d) and "CONFIRMATIONS_SUFFICIENT" in codes(d)


def test_sent_to_someone_else(node: TronNode) -> None:
    built = node.trc20_transfer(SENDER, OTHER, 500_000_000)
    d = diagnose(node, built.txid, address=USER)
    assert d.verdict.code == "RECIPIENT_MISMATCH" and finding(d, "RECIPIENT_MISMATCH").params["recipient"] == (OTHER,)


def test_fake_usdt(node: TronNode) -> None:
    fake = node.deploy("USDT", 6)
    built = node.trc20_transfer(SENDER, USER, 1_000_000_000, contract=fake)
    d = diagnose(node, built.txid, address=USER, token="USDT", amount=Decimal(1000))
    assert d.verdict.code == "TOKEN_NOT_OFFICIAL"
    f = finding(d, "TOKEN_NOT_OFFICIAL")
    assert f.params["contract"] == fake and f.params["official"] == (USDT,)


def test_unknown_hash(node: TronNode) -> None:
    d = diagnose(node, "ab" * 32, address=USER)
    assert d.verdict.code == "TX_NOT_FOUND" and "NODE_UNAVAILABLE" not in codes(d)


@pytest.mark.parametrize("fault", [None, "500", "429", "garbage"])
def test_dead_node_is_never_not_found(fault: str | None) -> None:
    if fault is None:
        d = diagnose_on(f"http://127.0.0.1:{free_port()}", "tron", "ab" * 32, address=USER)
    else:
        with TronNode(fault=fault) as server:
            d = diagnose_on(server.url, "tron", "ab" * 32, address=USER)
    assert d.verdict.code == "NODE_UNAVAILABLE" and "TX_NOT_FOUND" not in codes(d)


def test_0x_address_with_tron(node: TronNode) -> None:
    built = node.trc20_transfer(SENDER, USER, 1_000_000)
    d = diagnose(node, built.txid, address="0xa614f803b6fd780986a42c78ec9c7f77e6ded13c")
    assert d.verdict.code == "ADDRESS_NETWORK_MISMATCH" and finding(d, "ADDRESS_NETWORK_MISMATCH").variant == "evm"
    assert "RECIPIENT_MISMATCH" not in codes(d)  # a foreign address is not compared with Tron's
    # the same 20 bytes are a Tron account: support can look there
    assert evidence(finding(d, "ADDRESS_NETWORK_MISMATCH"))["same_account_as"] == "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"


def test_bad_base58check_address(node: TronNode) -> None:
    built = node.trc20_transfer(SENDER, USER, 1_000_000)
    d = diagnose(node, built.txid, address=USER[:-1] + "R")
    assert d.verdict.code == "INPUT_INVALID_ADDRESS" and d.verdict.variant == "base58check"
    assert "RECIPIENT_MISMATCH" not in codes(d)


def test_hex_41_address_is_accepted_and_shown_in_base58(node: TronNode) -> None:
    built = node.trc20_transfer(SENDER, USER, 1_000_000)
    hex_address = to_hex_address(USER)
    assert hex_address.startswith("41") and len(hex_address) == 42
    d = diagnose(node, built.txid, address=hex_address)
    assert d.case.address == USER and "INPUT_INVALID_ADDRESS" not in codes(d) and "RECIPIENT_MISMATCH" not in codes(d)


def test_hash_with_0x_and_capitals_is_read_as_the_tron_id(node: TronNode) -> None:
    built = node.trc20_transfer(SENDER, USER, 1_000_000)
    d = diagnose(node, "0x" + built.txid.upper(), address=USER)
    assert "TX_CONFIRMED" in codes(d)


def test_pending_then_expired(node: TronNode) -> None:
    waiting = node.trc20_transfer(SENDER, USER, 1_000_000, pending=True)
    d = diagnose(node, waiting.txid, address=USER)
    assert d.verdict.code == "TX_PENDING" and d.verdict.variant == "expires"
    assert "NODE_UNAVAILABLE" not in codes(d)  # no nonces or fee market on Tron: nothing is missing
    expired = node.trc20_transfer(SENDER, USER, 1_000_000, pending=True, expiration_ms=node.head_time_ms - 120_000)
    d = diagnose(node, expired.txid, address=USER)
    assert d.verdict.code == "TX_PENDING" and d.verdict.variant == "expired"


def test_recipient_that_was_never_activated_is_said(node: TronNode) -> None:
    built = node.trc20_transfer(SENDER, USER, 1_000_000)
    rows = evidence(finding(diagnose(node, built.txid, address=USER), "TX_CONFIRMED"))
    assert rows["recipient_account"] == Term("not_activated")
    node.activate(USER)
    rows = evidence(finding(diagnose(node, built.txid, address=USER), "TX_CONFIRMED"))
    assert "recipient_account" not in rows  # the usual case is not worth a line


def test_deep_enough_but_not_yet_solidified_waits(node: TronNode) -> None:
    """Solidification is what makes a Tron block final: depth alone is not enough when the SRs lag."""
    node.solid_lag = 40
    built = node.trc20_transfer(SENDER, USER, 1_000_000, block=node.head - 24)
    d = diagnose(node, built.txid, address=USER)
    assert d.verdict.code == "CONFIRMATIONS_INSUFFICIENT" and d.verdict.variant == "not_final"
    f = finding(d, "CONFIRMATIONS_INSUFFICIENT")
    assert f.params["confirmations"] == 25 and f.params["eta_seconds"] == 48  # 16 blocks behind the solidified one
    assert "CONFIRMATIONS_SUFFICIENT" not in codes(d)


def test_out_of_energy_words_name_the_trx_burned_for_energy(node: TronNode) -> None:
    built = node.trc20_transfer(SENDER, USER, 100_000_000, result="OUT_OF_ENERGY", fee_limit=16_500_120)
    text = render_text(diagnose(node, built.txid, address=USER))
    assert "the TRX burned for energy (16.50012 TRX) is not refunded" in text
    assert "gas" not in text.lower() and "nonce" not in text.lower()
