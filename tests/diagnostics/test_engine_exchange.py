"""The exchange's own rules decide when a deposit is credited: USDT deposits on real anvil nodes, judged against
the published profiles in resources/exchanges/ (each figure asserted here is the profile's, with its source)."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from diagnostics import catalog
from diagnostics.chains import adapters
from diagnostics.cli import main
from diagnostics.engine import diagnose
from diagnostics.model import Case, Direction
from diagnostics.report.content import build_report
from diagnostics.report.text import render_text
from tests.fixtures.evm_node import Node


def _usdt(node: Node, amount: Decimal, depth: int) -> str:
    tx = node.chain.send(node.usdt, "transfer", node.chain.deposit, int(amount * node.unit))
    node.chain.wait(tx)
    node.chain.mine(depth - 1)
    return tx


def test_below_the_exchanges_minimum_is_never_credited_automatically(eth: Node) -> None:
    assert catalog.exchange("htx").rule("USDT", "ethereum").minimum == Decimal(1)  # type: ignore[union-attr]
    tx = _usdt(eth, Decimal("0.5"), 70)
    d = eth.diagnose(tx, address=eth.chain.deposit, token="USDT", exchange="htx")
    assert d.verdict.code == "AMOUNT_BELOW_MINIMUM"
    finding = next(f for f in d.findings if f.code == "AMOUNT_BELOW_MINIMUM")
    assert (str(finding.params["moved"]), str(finding.params["minimum"])) == ("0.5 USDT", "1 USDT")
    text = render_text(d)
    assert "HTX's minimum deposit of this coin on Ethereum (ERC-20) is 1 USDT" in text
    assert "ccxt/ccxt@" in text  # the figure says where it was read
    # Without an exchange there is no minimum to speak of.
    assert "AMOUNT_BELOW_MINIMUM" not in eth.diagnose(tx, address=eth.chain.deposit, token="USDT").codes()


def test_a_network_the_exchange_does_not_list_is_a_recovery_not_a_wait(bsc: Node) -> None:
    okx = catalog.exchange("OKX")
    assert okx.rule("USDT", "bsc") is None and okx.rule("USDT", "tron") is not None  # USDT, but not on BEP-20
    tx = _usdt(bsc, Decimal(250), 30)
    d = bsc.diagnose(tx, address=bsc.chain.deposit, token="USDT", exchange="okx")
    assert d.verdict.code == "NETWORK_NOT_SUPPORTED_BY_EXCHANGE" and d.verdict.variant == "not_listed"
    text = render_text(d)
    assert "OKX does not take USDT on BNB Smart Chain (BEP-20): ask for a recovery" in text
    assert "CONFIRMATIONS_SUFFICIENT" in d.codes()  # the chain part is done: only the exchange can act now


def test_past_the_networks_confirmations_but_short_of_the_exchanges(eth: Node) -> None:
    rule = catalog.exchange("okx").rule("USDT", "ethereum")
    assert rule is not None and (rule.confirmations, rule.unlock_confirmations) == (64, 96)
    tx = _usdt(eth, Decimal(250), 20)  # past Ethereum's usual 12
    d = eth.diagnose(tx, address=eth.chain.deposit, token="USDT", amount=Decimal(250), exchange="okx")
    assert d.verdict.code == "CONFIRMATIONS_INSUFFICIENT" and d.verdict.variant == "exchange"
    assert d.requirement is not None and (d.requirement.count, d.requirement.by) == (64, "exchange")
    text = render_text(d)
    assert "Waiting for OKX's 64 confirmations (20 so far, about 8 min 48 s more)" in text  # 44 blocks of 12 s
    assert "withdrawable after 96 confirmations" in text


def test_past_both_the_exchange_should_have_credited_it(eth: Node) -> None:
    tx = _usdt(eth, Decimal(250), 70)
    d = eth.diagnose(tx, address=eth.chain.deposit, token="USDT", amount=Decimal(250), exchange="okx")
    assert d.verdict.code == "CONFIRMATIONS_SUFFICIENT" and d.verdict.variant == "exchange"
    text = render_text(d)
    assert text.startswith(
        "Verdict: On chain and past OKX's 64 confirmations — OKX should have credited it: send them this report"
    )
    assert "Travel Rule questionnaire" in text and "verification (KYC) level" in text
    zh = render_text(d, "zh")
    assert "OKX 应该已经入账" in zh


def test_the_users_own_figure_wins_and_the_report_says_it_is_theirs(eth: Node) -> None:
    tx = _usdt(eth, Decimal(250), 20)
    case = Case("ethereum", tx, eth.chain.deposit, "USDT", exchange="okx")
    d = diagnose(case, adapters=adapters({"ethereum": eth.url}), search=(), confirmations={"ethereum": 15})
    assert d.verdict.code == "CONFIRMATIONS_SUFFICIENT" and d.requirement is not None
    assert (d.requirement.count, d.requirement.by) == (15, "user")
    assert "your own setting" in render_text(d)


def test_without_the_exchanges_figure_the_networks_is_used_and_labelled(eth: Node) -> None:
    assert catalog.exchange("bitmart").rule("USDT", "ethereum").confirmations is None  # type: ignore[union-attr]
    tx = _usdt(eth, Decimal(250), 5)
    d = eth.diagnose(tx, address=eth.chain.deposit, token="USDT", exchange="bitmart")
    assert d.verdict.code == "CONFIRMATIONS_INSUFFICIENT" and d.verdict.variant == ""
    assert "the network's usual figure (the exchange's own is not known)" in render_text(d)


def test_the_message_to_support_follows_the_exchanges_own_form(bsc: Node) -> None:
    bitget = catalog.exchange("bitget")
    assert bitget.recovery_form[:3] == ("coin", "amount", "network")
    tx = _usdt(bsc, Decimal(250), 30)
    d = bsc.diagnose(tx, address=bsc.chain.deposit, token="USDT", exchange="bitget")
    report = build_report(d, "en")
    assert report.support_needed
    assert "For Bitget's refund form: Coin: USDT, Amount: 250 USDT, Network: BNB Smart Chain (BEP-20)" in (
        report.support_message
    )
    assert f"Bitget support: {bitget.support_url}" in report.support_message
    zh = build_report(d, "zh").support_message
    assert "按 Bitget 找回表单填写：币种：USDT、数量：" in zh


def test_a_withdrawal_names_the_exchange_as_the_sender(eth: Node) -> None:
    elsewhere = eth.chain.accounts[5]
    tx = eth.chain.send(eth.usdt, "transfer", elsewhere, 250 * eth.unit)  # not to the address the user gave
    eth.chain.wait(tx)
    d = eth.diagnose(tx, address=eth.chain.deposit, token="USDT", direction=Direction.WITHDRAWAL, exchange="okx")
    report = build_report(d, "en")
    assert d.verdict.code == "RECIPIENT_MISMATCH" and report.support_needed
    assert f"From address: OKX's hot wallet ({eth.chain.sender})" in report.support_message


def test_the_command_line_takes_the_exchange_by_the_name_users_type(
    bsc: Node, capsys: pytest.CaptureFixture[str]
) -> None:
    tx = _usdt(bsc, Decimal(250), 30)
    args = ["diagnose", "--network", "bep20", "--tx", tx, "--address", bsc.chain.deposit, "--rpc", f"bsc={bsc.url}"]
    assert main([*args, "--exchange", "Bitget", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["verdict"]["code"] == "CONFIRMATIONS_SUFFICIENT" and report["case"]["exchange"] == "bitget"
    assert report["verdict"]["title"].startswith("On chain and past Bitget's 15 confirmations")
    assert main([*args, "--exchange", "bitgte"]) == 2
    assert "did you mean 'bitget'" in capsys.readouterr().err
    assert main([*args, "--exchange", " "]) == 2
    assert "--exchange needs a name" in capsys.readouterr().err


def test_a_plain_http_node_on_another_machine_is_warned_about(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["diagnose", "--network", "ethereum", "--no-search", "--tx", "0x" + "ab" * 32, "--timeout", "1"]
    assert main([*args, "--rpc", "ethereum=http://node.invalid:8545"]) == 0
    assert "node.invalid:8545 is asked over plain http: use https" in capsys.readouterr().err
