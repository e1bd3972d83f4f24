"""Every Solana case the issue names, executed for real by LiteSVM on the local node and diagnosed end to end
through the command line, as a user types it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import base58
import pytest
from solders.keypair import Keypair
from solders.pubkey import Pubkey

from desktop.sandbox.solana_node import LAMPORTS, SolanaNode, look_alike
from diagnostics import catalog
from diagnostics.cli import main
from tests.fixtures.diagnosis import diagnose_on

DEAD = "http://127.0.0.1:1"  # nothing listens on port 1: every other network is refused at once
TRON_ADDRESS = "TCLBgkbfVkJroVBJVqBEsxtPNQEQMTQCLQ"  # the Tron deposit address an exchange gave


@dataclass
class Scene:
    node: SolanaNode
    sender: Keypair
    user: str  # the user's wallet (deposit address)


@pytest.fixture(scope="module")
def scene() -> Iterator[Scene]:
    with SolanaNode() as node:
        sender, user = node.wallet(10 * LAMPORTS), node.wallet()
        node.fund_tokens(sender.pubkey(), 1_000 * 10**6)
        node.fund_tokens(user.pubkey(), 0)
        yield Scene(node, sender, str(user.pubkey()))


def cli(capsys: pytest.CaptureFixture[str], scene: Scene, *args: str, network: str = "solana") -> dict[str, Any]:
    rpc = [f"--rpc={slug}={scene.node.url if slug == 'solana' else DEAD}" for slug in catalog.networks()]
    assert main(["diagnose", "--network", network, *args, *rpc, "--timeout", "2", "--format", "json"]) == 0
    report: dict[str, Any] = json.loads(capsys.readouterr().out)
    return report


def codes(report: dict[str, Any]) -> list[str]:
    return [f["code"] for f in report["findings"]]


def evidence(report: dict[str, Any], code: str) -> dict[str, Any]:
    finding = next(f for f in report["findings"] if f["code"] == code)
    return {row["key"]: row["value"] for row in finding["evidence"]}


def test_credited_usdt(scene: Scene, capsys: pytest.CaptureFixture[str]) -> None:
    signature = scene.node.pay_token(scene.sender, pubkey(scene.user), 250 * 10**6)
    report = cli(capsys, scene, "--tx", signature, "--address", scene.user, "--token", "USDT", "--exchange", "binance")
    assert report["verdict"]["code"] == "CONFIRMATIONS_SUFFICIENT"
    assert "TOKEN_NOT_OFFICIAL" not in codes(report) and "NO_TRANSFER_TO_ADDRESS" not in codes(report)
    assert evidence(report, "CONFIRMATIONS_SUFFICIENT")["irreversible"] in ("yes", "Yes")


def test_failed_transfer_in_words(scene: Scene, capsys: pytest.CaptureFixture[str]) -> None:
    signature = scene.node.pay_token(scene.sender, pubkey(scene.user), 10**15)
    report = cli(capsys, scene, "--tx", signature, "--address", scene.user)
    assert report["verdict"]["code"] == "TX_FAILED"
    assert "did not hold enough" in report["verdict"]["summary"]
    assert evidence(report, "TX_FAILED")["failed_program"] == "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA"
    zh = cli(capsys, scene, "--tx", signature, "--address", scene.user, "--lang", "zh")
    assert "余额不足" in zh["verdict"]["summary"]


def test_look_alike_owner_is_address_poisoning(scene: Scene, capsys: pytest.CaptureFixture[str]) -> None:
    alike = look_alike(pubkey(scene.user))
    scene.node.fund_tokens(alike, 0)
    signature = scene.node.pay_token(scene.sender, alike, 1 * 10**6)
    report = cli(capsys, scene, "--tx", signature, "--address", scene.user, "--token", "USDT")
    assert report["verdict"]["code"] == "ADDRESS_POISONING_SUSPECTED"
    assert evidence(report, "ADDRESS_POISONING_SUSPECTED")["sent_to"] == str(alike)


def test_processed_then_confirmed_not_final(scene: Scene, capsys: pytest.CaptureFixture[str]) -> None:
    processed = scene.node.pay_token(scene.sender, pubkey(scene.user), 5 * 10**6, level="processed")
    waiting = cli(capsys, scene, "--tx", processed, "--address", scene.user)
    assert waiting["verdict"]["code"] == "TX_PENDING"
    assert waiting["verdict"]["title"] == "In a block, but not yet confirmed by the cluster's votes"
    scene.node.confirm(processed)
    voted = cli(capsys, scene, "--tx", processed, "--address", scene.user, "--confirmations", "1")
    # One confirmation is all that was asked, but the slot is not finalized: wait for that.
    assert voted["verdict"]["code"] == "CONFIRMATIONS_INSUFFICIENT"
    assert evidence(voted, "CONFIRMATIONS_INSUFFICIENT")["irreversible"] in ("not yet", "Not yet")


def test_not_found(scene: Scene, capsys: pytest.CaptureFixture[str]) -> None:
    unknown = base58.b58encode(bytes([7] * 64)).decode()  # a signature in form, of no transaction
    report = cli(capsys, scene, "--tx", unknown, "--address", scene.user)
    assert report["verdict"]["code"] == "TX_NOT_FOUND"


def test_a_transfer_that_opened_the_users_token_account(scene: Scene, capsys: pytest.CaptureFixture[str]) -> None:
    newcomer = str(scene.node.wallet().pubkey())
    signature = scene.node.pay_token(scene.sender, pubkey(newcomer), 40 * 10**6, open_account=True, priority=10_000)
    report = cli(capsys, scene, "--tx", signature, "--address", newcomer, "--token", "USDT")
    assert report["verdict"]["code"] == "CONFIRMATIONS_SUFFICIENT"
    rows = evidence(report, "TX_CONFIRMED")
    assert rows["token_account_opened"].endswith(f"({newcomer})") and "priority_fee" in rows
    confirmed = next(f for f in report["findings"] if f["code"] == "TX_CONFIRMED")
    assert "opened the receiving wallet's token account" in confirmed["explanation"]


def test_a_solana_signature_with_tron_chosen_names_solana(scene: Scene, capsys: pytest.CaptureFixture[str]) -> None:
    signature = scene.node.pay_token(scene.sender, pubkey(scene.user), 3 * 10**6)
    report = cli(capsys, scene, "--tx", signature, network="trc20")
    assert report["verdict"]["code"] == "NETWORK_MISMATCH"
    assert report["verdict"]["title"] == "Sent on Solana (SPL), not on Tron (TRC-20)"
    chinese = cli(capsys, scene, "--tx", signature, "--address", TRON_ADDRESS, "--lang", "zh", network="trc20")
    assert chinese["verdict"]["code"] == "NETWORK_MISMATCH" and "Solana" in chinese["verdict"]["title"]
    assert "Tron" in chinese["verdict"]["title"], chinese["verdict"]["title"]
    alone = cli(capsys, scene, "--tx", signature, "--no-search", network="trc20")
    assert alone["verdict"]["code"] == "INPUT_INVALID_HASH"
    assert "Solana transaction signature" in alone["verdict"]["summary"]


def test_a_solana_address_with_an_evm_network(scene: Scene, capsys: pytest.CaptureFixture[str]) -> None:
    report = cli(capsys, scene, "--tx", "0x" + "ab" * 32, "--address", scene.user, "--no-search", network="erc20")
    assert report["verdict"]["code"] == "ADDRESS_NETWORK_MISMATCH"
    assert "Solana address" in report["verdict"]["summary"]


def test_every_case_renders_in_full(scene: Scene) -> None:
    """The engine's own path (no CLI) with every report form checked for unfilled placeholders."""
    signature = scene.node.pay_sol(scene.sender, pubkey(scene.user), LAMPORTS // 100)
    diagnosis = diagnose_on(scene.node.url, "solana", signature, address=scene.user)
    assert diagnosis.verdict.code == "CONFIRMATIONS_SUFFICIENT"
    assert diagnosis.outcome is not None and diagnosis.outcome.moved[0].amount == LAMPORTS // 100


def pubkey(text: str) -> Pubkey:
    return Pubkey.from_string(text)
