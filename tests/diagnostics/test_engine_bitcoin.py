"""Every Bitcoin case the issue names, built on the local Esplora node with real signed transactions and
diagnosed end to end (the engine, and the command line as a user types it)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest

from desktop.sandbox.esplora_node import BTC_DEPOSIT, BTC_LOOK_ALIKE, EsploraNode
from desktop.sandbox.tron_node import SUN, TronNode
from diagnostics import catalog
from diagnostics.chains import adapters
from diagnostics.cli import main
from diagnostics.engine import diagnose as engine_diagnose
from diagnostics.model import Case, Diagnosis, Finding
from diagnostics.report.content import build_report
from diagnostics.report.text import render_text
from tests.fixtures.diagnosis import diagnose_on

TRON_SENDER = "TL24LCps5FKwp3PoU1MvrYrwhi5LU1tHre"
TRON_USER = "TCLBgkbfVkJroVBJVqBEsxtPNQEQMTQCLQ"
# Nothing listens on port 1: every network pointed there is refused at once (no public node is asked).
DEAD = "http://127.0.0.1:1"


class Wallet:
    """A sender on the local node: coins to spend, and its change address."""

    def __init__(self, node: EsploraNode) -> None:
        self.node = node
        self.address = node.new_address()
        self.coins = [node.fund(self.address, 2_000_000) for _ in range(6)]

    def pay(self, to: str, sats: int, **how: Any) -> str:
        txid: str = self.node.send([self.coins.pop()], [(to, sats)], change=self.address, **how)
        return txid


@pytest.fixture
def node() -> Iterator[EsploraNode]:
    with EsploraNode() as server:
        server.mining_fee_rate = 10.0
        server.set_fees(fastest=25, half_hour=20, hour=15, economy=8, minimum=2)
        yield server


@pytest.fixture
def wallet(node: EsploraNode) -> Wallet:
    return Wallet(node)


def diagnose(node: EsploraNode, txid: str, **case: Any) -> Diagnosis:
    return diagnose_on(node.base_url, "bitcoin", txid, **case)


def finding(diagnosis: Diagnosis, code: str) -> Finding:
    return next(f for f in diagnosis.findings if f.code == code)


def test_credited_after_enough_confirmations(node: EsploraNode, wallet: Wallet) -> None:
    txid = wallet.pay(BTC_DEPOSIT, 250_000, fee_rate=20)
    node.mine(3)
    d = diagnose(node, txid, address=BTC_DEPOSIT, token="BTC", amount=Decimal("0.0025"))
    assert d.verdict.code == "CONFIRMATIONS_SUFFICIENT" and d.verdict.variant == ""
    assert "TX_CONFIRMED" in d.codes() and "AMOUNT_MISMATCH" not in d.codes()
    assert d.outcome is not None and [t.recipient for t in d.outcome.moved] == [BTC_DEPOSIT]  # change is no one's
    assert d.facts.networks[0].round_trips == 1  # a confirmed transaction needs one round of requests


def test_a_bech32_address_in_capitals_is_the_same_address(node: EsploraNode, wallet: Wallet) -> None:
    txid = wallet.pay(BTC_DEPOSIT, 250_000, fee_rate=20)
    node.mine(3)
    d = diagnose(node, txid, address=BTC_DEPOSIT.upper())  # as a QR code writes it
    assert d.verdict.code == "CONFIRMATIONS_SUFFICIENT" and d.case.address == BTC_DEPOSIT


def test_too_few_confirmations_with_an_eta_from_ten_minute_blocks(node: EsploraNode, wallet: Wallet) -> None:
    txid = wallet.pay(BTC_DEPOSIT, 100_000, fee_rate=20)
    node.mine(1)
    d = diagnose(node, txid, address=BTC_DEPOSIT)
    assert d.verdict.code == "CONFIRMATIONS_INSUFFICIENT"
    assert (d.verdict.params["confirmations"], d.verdict.params["required"]) == (1, 3)
    assert d.verdict.params["eta_seconds"] == 2 * 600
    assert "Waiting for confirmations (1/3, about 20 min more)" in render_text(d)


def test_stuck_under_a_low_fee_that_signals_rbf(node: EsploraNode, wallet: Wallet) -> None:
    txid = wallet.pay(BTC_DEPOSIT, 300_000, fee_rate=2, rbf=True)
    node.mine(1)  # the miners take 10 sat/vB and up: it stays
    d = diagnose(node, txid, address=BTC_DEPOSIT, amount=Decimal("0.003"))
    assert d.verdict.code == "FEE_TOO_LOW" and d.verdict.variant == "rbf"
    fee = finding(d, "FEE_TOO_LOW")
    assert (fee.params["paid_rate"], fee.params["needed_rate"], fee.params["next_rate"]) == (
        Decimal("2.0"),
        Decimal(15),
        Decimal(25),
    )
    assert "TX_PENDING" in d.codes() and "TX_NOT_FOUND" not in d.codes()
    text = render_text(d)
    assert "Replace it by fee in your wallet" in text and "sat/vB" in text
    assert d.facts.networks[0].round_trips == 2


def test_stuck_without_rbf_says_cpfp_or_wait(node: EsploraNode, wallet: Wallet) -> None:
    txid = wallet.pay(BTC_DEPOSIT, 300_000, fee_rate=2, rbf=False)
    d = diagnose(node, txid, address=BTC_DEPOSIT)
    assert d.verdict.code == "FEE_TOO_LOW" and d.verdict.variant == "cpfp"
    text = render_text(d)
    assert "Child pays for parent" in text and "two weeks" in text


def test_without_recommended_rates_the_histogram_judges(wallet: Wallet) -> None:
    with EsploraNode(mempool_space=False) as blockstream:  # Blockstream's Esplora: no /v1 routes
        poor = Wallet(blockstream)
        blockstream.set_mempool(count=50_000, vsize=7_000_000, fee_histogram=[[30.0, 3_000_000], [12.0, 4_000_000]])
        txid = poor.pay(BTC_DEPOSIT, 300_000, fee_rate=2)
        d = diagnose(blockstream, txid, address=BTC_DEPOSIT)
    fee = finding(d, "FEE_TOO_LOW")
    # The next block fills at 30 sat/vB; six blocks (an hour) reach down to 12.
    assert (fee.params["next_rate"], fee.params["needed_rate"]) == (Decimal(30), Decimal(12))
    assert any(e.label == "rate_source" and e.value.key == "rate_histogram" for e in fee.evidence)  # type: ignore[union-attr]
    assert "NETWORK_CONGESTED" in d.codes()  # seven blocks' worth waiting


def test_congested_mempool_in_blocks_worth(node: EsploraNode, wallet: Wallet) -> None:
    node.set_mempool(count=60_000, vsize=7_500_000)
    txid = wallet.pay(BTC_DEPOSIT, 300_000, fee_rate=16)  # pays the hour rate: slow, not too low
    d = diagnose(node, txid, address=BTC_DEPOSIT)
    assert "FEE_TOO_LOW" not in d.codes()
    congested = finding(d, "NETWORK_CONGESTED")
    assert congested.variant == "backlog" and congested.params["blocks"] >= 7  # type: ignore[operator]


def test_replaced_by_fee_names_the_replacement(node: EsploraNode, wallet: Wallet) -> None:
    old = wallet.pay(BTC_DEPOSIT, 300_000, fee_rate=3, rbf=True)
    new = node.replace(old, fee_rate=12)
    d = diagnose(node, old, address=BTC_DEPOSIT)
    assert d.verdict.code == "TX_DROPPED_REPLACED" and d.verdict.variant == "rbf_not_found"
    assert d.verdict.params["by"] == new
    assert "TX_NOT_FOUND" not in d.codes()
    assert f"Diagnose {new} instead" in render_text(d)
    # The replacement itself is the one to follow.
    assert diagnose(node, new, address=BTC_DEPOSIT).verdict.code != "TX_DROPPED_REPLACED"


def test_replaced_is_told_when_one_of_two_endpoints_keeps_a_record_of_replacements(
    node: EsploraNode, wallet: Wallet
) -> None:
    old = wallet.pay(BTC_DEPOSIT, 300_000, fee_rate=3, rbf=True)
    new = node.replace(old, fee_rate=12)
    with EsploraNode(mempool_space=False) as blockstream:  # has no /v1/tx/:txid/rbf: it only says "not found"
        assert diagnose(blockstream, old).verdict.code == "TX_NOT_FOUND"
        endpoints = adapters({"bitcoin": [blockstream.base_url, node.base_url]})
        d = engine_diagnose(Case("bitcoin", old), adapters=endpoints, search=())
    assert d.verdict.code == "TX_DROPPED_REPLACED" and d.verdict.params["by"] == new


def test_look_alike_address_is_poisoning(node: EsploraNode, wallet: Wallet) -> None:
    txid = wallet.pay(BTC_LOOK_ALIKE, 500_000, fee_rate=20)
    node.mine(3)
    d = diagnose(node, txid, address=BTC_DEPOSIT)
    assert d.verdict.code == "ADDRESS_POISONING_SUSPECTED"
    assert d.verdict.params["recipient"] == BTC_LOOK_ALIKE


def test_another_address_is_a_recipient_mismatch(node: EsploraNode, wallet: Wallet) -> None:
    txid = wallet.pay(node.new_address("p2tr"), 500_000, fee_rate=20)
    node.mine(3)
    d = diagnose(node, txid, address=BTC_DEPOSIT)
    assert d.verdict.code == "RECIPIENT_MISMATCH"


def test_amount_counts_only_outputs_to_the_address(node: EsploraNode, wallet: Wallet) -> None:
    txid = wallet.pay(BTC_DEPOSIT, 150_000, fee_rate=20)  # the change (1.8 BTC) is no part of it
    node.mine(3)
    d = diagnose(node, txid, address=BTC_DEPOSIT, token="BTC", amount=Decimal("0.002"))
    mismatch = finding(d, "AMOUNT_MISMATCH")
    assert str(mismatch.params["moved"]) == "0.0015 BTC"


def test_a_testnet_address_on_mainnet_is_said_plainly(node: EsploraNode, wallet: Wallet) -> None:
    txid = wallet.pay(BTC_DEPOSIT, 100_000, fee_rate=20)
    d = diagnose(node, txid, address="tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx")
    assert d.verdict.code == "INPUT_INVALID_ADDRESS" and d.verdict.variant == "testnet"
    assert "testnet" in render_text(d)


def test_a_node_of_another_bitcoin_network_is_not_asked_in_vain(wallet: Wallet) -> None:
    with EsploraNode(network="testnet") as testnet:
        d = diagnose(testnet, "ab" * 32, address=BTC_DEPOSIT)
    assert d.verdict.code == "NODE_UNAVAILABLE" and "TX_NOT_FOUND" not in d.codes()
    assert "another Bitcoin network" in render_text(d)


def test_unknown_txid_is_not_found_only_when_the_node_answered(node: EsploraNode) -> None:
    assert diagnose(node, "cd" * 32).verdict.code == "TX_NOT_FOUND"
    with EsploraNode(fault="500") as broken:
        assert diagnose(broken, "cd" * 32).verdict.code == "NODE_UNAVAILABLE"


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    assert main(["diagnose", *args, "--format", "json"]) == 0
    report: dict[str, Any] = json.loads(capsys.readouterr().out)
    return report


def _everywhere(**nodes: str) -> list[str]:
    """--rpc for every network: the nodes given, and a dead port for the rest (refused at once)."""
    return [f"--rpc={slug}={nodes.get(slug, DEAD)}" for slug in catalog.networks()]


def test_cli_bitcoin_address_with_an_evm_network_and_evm_address_with_bitcoin(
    node: EsploraNode, wallet: Wallet, capsys: pytest.CaptureFixture[str]
) -> None:
    txid = wallet.pay(BTC_DEPOSIT, 100_000, fee_rate=20)
    wrong = _cli(capsys, "--network", "erc20", "--tx", txid, "--address", BTC_DEPOSIT, *_everywhere())
    assert wrong["verdict"]["code"] == "ADDRESS_NETWORK_MISMATCH"
    evm = "0x" + "ab" * 20
    back = _cli(capsys, "--network", "btc", "--no-search", "--tx", txid, "--address", evm, *_everywhere())
    assert back["verdict"]["code"] == "ADDRESS_NETWORK_MISMATCH"
    tron = _cli(capsys, "--network", "btc", "--no-search", "--tx", txid, "--address", TRON_USER, *_everywhere())
    assert tron["verdict"]["code"] == "ADDRESS_NETWORK_MISMATCH"


def test_cli_bitcoin_txid_with_tron_chosen_and_back(
    node: EsploraNode, wallet: Wallet, capsys: pytest.CaptureFixture[str]
) -> None:
    txid = wallet.pay(BTC_DEPOSIT, 100_000, fee_rate=20)
    node.mine(3)
    with TronNode() as tron:
        trx = tron.trc20_transfer(TRON_SENDER, TRON_USER, 250 * SUN).txid
        rpc = _everywhere(bitcoin=node.base_url, tron=tron.url)
        # The Tron deposit address the exchange gave, and a payment made on Bitcoin.
        on_bitcoin = _cli(capsys, "--network", "trc20", "--tx", txid, "--address", TRON_USER, *rpc)
        assert on_bitcoin["verdict"]["code"] == "NETWORK_MISMATCH"
        assert on_bitcoin["verdict"]["title"] == "Sent on Bitcoin (BTC), not on Tron (TRC-20)"
        on_tron = _cli(capsys, "--network", "bitcoin", "--tx", trx, "--address", BTC_DEPOSIT, *rpc)
        assert on_tron["verdict"]["code"] == "NETWORK_MISMATCH"
        assert on_tron["verdict"]["title"] == "Sent on Tron (TRC-20), not on Bitcoin (BTC)"


def test_cli_in_chinese_with_fee_rate_and_mempool_links(
    node: EsploraNode, wallet: Wallet, capsys: pytest.CaptureFixture[str]
) -> None:
    txid = wallet.pay(BTC_DEPOSIT, 300_000, fee_rate=2)
    args = ["diagnose", "--network", "比特币", "--rpc", f"bitcoin={node.base_url}", "--tx", txid]
    assert main([*args, "--address", BTC_DEPOSIT, "--lang", "zh"]) == 0
    text = capsys.readouterr().out
    assert "手续费过低" in text and "sat/vB" in text and f"https://mempool.space/tx/{txid}" in text


def test_review_findings_stay_fixed(node: EsploraNode, wallet: Wallet) -> None:
    """What a reviewer trying the app found: each of these read wrong before."""
    stuck = wallet.pay(BTC_DEPOSIT, 300_000, fee_rate=2)
    report = build_report(diagnose(node, stuck, address=BTC_DEPOSIT), "en")
    assert not report.support_needed  # only the sender can bump its fee: support cannot help a deposit yet
    txid = wallet.pay(BTC_LOOK_ALIKE, 500_000, fee_rate=20)
    node.mine(3)
    text = render_text(diagnose(node, txid, address=BTC_DEPOSIT))
    assert "Chance of that by accident: 1 / 2^50 (≈ 1 / 1.1 × 10^15)" in text
    xrp = diagnose(node, txid, address="rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh")
    assert xrp.verdict.code == "UNSUPPORTED_NETWORK" and xrp.verdict.variant == "address_found"
    assert "Sent on Bitcoin (BTC), but the address you gave is on XRP Ledger" in render_text(xrp)
    testnet = build_report(diagnose(node, txid, address="tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx"), "en")
    assert not any("tb1q" in link.url for link in testnet.links)  # no mainnet page for a testnet address
    assert any("mainnet address" in step for f in testnet.findings for step in f.next_steps)
