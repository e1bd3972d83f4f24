"""TON end to end through the CLI, against the local toncenter v3 node: a USDT deposit credited, one without its
comment and one with the wrong comment (MEMO_MISSING), a bounce, a failed compute phase, and a hash no one has."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from typing import Any

import pytest
from pytoniq_core.boc import Address

from desktop.sandbox.ton_node import TonNode, account
from diagnostics import catalog
from diagnostics.chains.ton import friendly
from diagnostics.cli import main
from diagnostics.intake.sniff import HashForm, address_form, hash_form, same_address, unsupported_network
from diagnostics.intake.text import read_text

EXCHANGE = account("exchange-hot-wallet")
USER = account("user-wallet")
MEMO = "884512"


@pytest.fixture(scope="module")
def node() -> Iterator[TonNode]:
    with TonNode() as running:
        yield running


def _cli(capsys: pytest.CaptureFixture[str], node: TonNode, tx: str, *extra: str) -> dict[str, Any]:
    dead = [f"--rpc={slug}=http://127.0.0.1:9" for slug in catalog.networks() if slug != "ton"]
    args = ["diagnose", "--network", "ton", "--tx", tx, "--rpc", f"ton={node.url}", *dead, *extra]
    assert main([*args, "--format", "json"]) == 0
    report: dict[str, Any] = json.loads(capsys.readouterr().out)
    return report


def _deposit(*extra: str) -> tuple[str, ...]:
    return ("--address", friendly(EXCHANGE), "--token", "USDT", "--exchange", "binance", *extra)


def codes(report: dict[str, Any]) -> list[str]:
    return [f["code"] for f in report["findings"]]


def test_usdt_deposit_with_its_comment_is_credited(node: TonNode, capsys: pytest.CaptureFixture[str]) -> None:
    tx = node.send_jetton(USER, EXCHANGE, 25_000_000, MEMO)
    report = _cli(capsys, node, tx, *_deposit("--memo", MEMO))
    assert report["verdict"]["code"] == "CONFIRMATIONS_SUFFICIENT"
    assert "MEMO_MISSING" not in codes(report)


def test_usdt_deposit_without_its_comment(node: TonNode, capsys: pytest.CaptureFixture[str]) -> None:
    tx = node.send_jetton(USER, EXCHANGE, 25_000_000, None)
    report = _cli(capsys, node, tx, *_deposit("--memo", MEMO))
    assert report["verdict"]["code"] == "MEMO_MISSING" and "without" in report["verdict"]["title"]
    # Binance publishes that USDT on TON needs a memo: without --memo the missing comment is still said.
    assert _cli(capsys, node, tx, *_deposit())["verdict"]["code"] == "MEMO_MISSING"


def test_usdt_deposit_with_the_wrong_comment(node: TonNode, capsys: pytest.CaptureFixture[str]) -> None:
    tx = node.send_jetton(USER, EXCHANGE, 25_000_000, "884521")
    report = _cli(capsys, node, tx, *_deposit("--memo", MEMO))
    assert report["verdict"]["code"] == "MEMO_MISSING" and "another memo" in report["verdict"]["title"]
    # A comment the user did not tell is not judged: only they know what they were given.
    assert "MEMO_MISSING" not in codes(_cli(capsys, node, tx, *_deposit()))


def test_the_raw_form_of_the_address_is_the_same_account(node: TonNode, capsys: pytest.CaptureFixture[str]) -> None:
    tx = node.send_jetton(USER, EXCHANGE, 25_000_000, MEMO)
    report = _cli(capsys, node, tx, "--address", EXCHANGE, "--token", "USDT", "--memo", MEMO)
    assert not {"RECIPIENT_MISMATCH", "ADDRESS_POISONING_SUSPECTED", "MEMO_MISSING"} & set(codes(report))


def test_bounced_transfer(node: TonNode, capsys: pytest.CaptureFixture[str]) -> None:
    tx = node.send_ton(USER, EXCHANGE, 10**9, MEMO, bounce=True)
    report = _cli(capsys, node, tx, "--address", friendly(EXCHANGE))
    assert report["verdict"]["code"] == "TX_FAILED" and "bounced" in report["verdict"]["summary"]


def test_failed_compute_phase_in_words(node: TonNode, capsys: pytest.CaptureFixture[str]) -> None:
    tx = node.send_jetton(USER, EXCHANGE, 25_000_000, MEMO, exit_code=47)
    report = _cli(capsys, node, tx, *_deposit("--memo", MEMO))
    assert report["verdict"]["code"] == "TX_FAILED" and "bounced" not in report["verdict"]["summary"]
    assert "exit code 47" in json.dumps(report)


def test_not_found(node: TonNode, capsys: pytest.CaptureFixture[str]) -> None:
    unknown = base64.b64encode(bytes(range(32))).decode()  # a base64 hash: TON's form alone
    assert _cli(capsys, node, unknown)["verdict"]["code"] == "TX_NOT_FOUND"


def test_chinese_report_says_the_memo_is_missing(node: TonNode, capsys: pytest.CaptureFixture[str]) -> None:
    tx = node.send_jetton(USER, EXCHANGE, 25_000_000, None)
    report = _cli(capsys, node, tx, *_deposit("--memo", MEMO), "--lang", "zh")
    assert "备注" in report["verdict"]["title"]


TRON_DEPOSIT = "TCLBgkbfVkJroVBJVqBEsxtPNQEQMTQCLQ"


@pytest.mark.parametrize(("language", "title"), [("en", "Sent on TON, not on Tron (TRC-20)"), ("zh", None)])
def test_usdt_sent_on_ton_to_a_tron_deposit_address_names_ton(
    node: TonNode, capsys: pytest.CaptureFixture[str], language: str, title: str | None
) -> None:
    """The exchange gave a Tron address; the user's wallet sent USDT on TON, to some TON account."""
    tx = node.send_jetton(USER, account("some-ton-wallet"), 75_000_000, None)
    dead = [f"--rpc={slug}=http://127.0.0.1:1" for slug in catalog.networks() if slug != "ton"]
    args = ["diagnose", "--network", "tron", "--tx", tx, "--address", TRON_DEPOSIT, "--token", "USDT", "--amount", "75"]
    assert main([*args, f"--rpc=ton={node.url}", *dead, "--timeout", "2", "--format", "json", "--lang", language]) == 0
    report: dict[str, Any] = json.loads(capsys.readouterr().out)
    assert report["verdict"]["code"] == "NETWORK_MISMATCH"
    said = report["verdict"]["title"] + report["verdict"]["summary"]
    assert "TON" in report["verdict"]["title"] and "Tron" in said
    if title is not None:
        assert report["verdict"]["title"] == title
    mismatch = next(f for f in report["findings"] if f["code"] == "NETWORK_MISMATCH")
    assert "TON" in mismatch["explanation"]


def test_the_report_shows_the_memo_the_user_gave(node: TonNode, capsys: pytest.CaptureFixture[str]) -> None:
    tx = node.send_jetton(USER, EXCHANGE, 25_000_000, MEMO)
    report = _cli(capsys, node, tx, *_deposit("--memo", MEMO))
    assert ["Memo / tag / comment", MEMO] in report["case_rows"]
    assert ["备注（Memo / Tag）", MEMO] in _cli(capsys, node, tx, *_deposit("--memo", MEMO), "--lang", "zh")[
        "case_rows"
    ]


def test_ton_forms_are_served_not_unsupported() -> None:
    """Since TON is served, its addresses, hashes and links are TON cases, and every form of one account is one."""
    raw, bounceable, plain = EXCHANGE, friendly(EXCHANGE, bounceable=True), friendly(EXCHANGE)
    assert {address_form(a).family for a in (raw, bounceable, plain)} == {"ton"}
    assert same_address(raw.upper(), plain) and same_address(bounceable, plain)
    assert not same_address(plain, friendly(USER))
    assert hash_form(base64.urlsafe_b64encode(bytes(32)).decode()) is HashForm.BASE64_HASH
    assert unsupported_network(plain) is None and unsupported_network("https://tonviewer.com/" + plain) is None
    link = "https://tonviewer.com/transaction/" + "ab" * 32
    drafts = read_text(link, tuple(catalog.networks().values())).drafts
    assert [(d.network, d.tx_hash) for d in drafts] == [("ton", "ab" * 32)]
    assert catalog.needs_memo("ton") and catalog.needs_memo("ton", "binance", "USDT")
    assert not catalog.needs_memo("ton", "bitget", "USDT") and not catalog.needs_memo("tron")


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_hash_ton_does_not_write_says_what_a_ton_hash_looks_like(
    node: TonNode, capsys: pytest.CaptureFixture[str], language: str
) -> None:
    """Before, the report had no words for a TON hash's form: an internal error instead of a finding."""
    report = _cli(capsys, node, "0x1234", "--no-search", "--lang", language)
    assert report["verdict"]["code"] == "INPUT_INVALID_HASH"
    assert "base64" in report["verdict"]["summary"] and "Tonviewer" in report["verdict"]["summary"]


@pytest.mark.parametrize(("language", "words"), [("en", "TON testnet address"), ("zh", "TON 测试网地址")])
def test_a_ton_testnet_address_is_said_as_ton_s(
    node: TonNode, capsys: pytest.CaptureFixture[str], language: str, words: str
) -> None:
    """Before, a TON testnet address was called a Bitcoin testnet one, with Bitcoin's mainnet forms to copy."""
    tx = node.send_jetton(USER, EXCHANGE, 25_000_000, MEMO)
    testnet = _testnet(EXCHANGE)
    report = _cli(capsys, node, tx, "--address", testnet, "--lang", language)
    assert report["verdict"]["code"] == "INPUT_INVALID_ADDRESS"
    assert words in report["verdict"]["summary"] and "EQ…" in report["verdict"]["summary"]
    assert "bc1" not in json.dumps(report, ensure_ascii=False)


def _testnet(raw: str) -> str:
    return str(Address(raw).to_str(is_user_friendly=True, is_bounceable=False, is_test_only=True))
