"""The TON decoders on recorded toncenter v3 answers (tests/fixtures/ton/SOURCE.md), and the local node's answers
held to the recorded shapes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import requests

from desktop.sandbox.ton_node import TonNode, account
from diagnostics import catalog
from diagnostics.chains.ton import decode_jetton_record, decode_transaction, decode_transactions
from diagnostics.model import TxStatus

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "ton"
TON = catalog.network("ton")


def recorded(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def test_a_recorded_wallet_transaction_with_a_comment() -> None:
    answer = recorded("transactions_testnet_wallet.json")
    tx = decode_transaction(decode_transactions(answer)[0], answer["address_book"], TON)
    assert tx.status is TxStatus.CONFIRMED and tx.block_number == 21586062 and tx.fee == 2123803
    (sent,) = tx.intended
    assert (sent.recipient, sent.amount, sent.memo) == (
        "0QCDV2euuWnDhFhy1GM_u6_fIPkvfO0frg95gErAnzMqGea9",
        30_000_000,
        "Yesssss Im done",
    )


def test_a_recorded_deposit_to_a_new_account_is_credited_not_failed() -> None:
    """aborted: true with the compute phase skipped (no code yet): a non-bounceable message's value stays."""
    tx = decode_transaction(recorded("transaction_mainnet_deposit.json"), {}, TON)
    assert tx.status is TxStatus.CONFIRMED
    (received,) = tx.transfers
    assert (received.amount, received.memo) == (1_000_000_000, "1985597651")


def test_a_recorded_jetton_transfer_is_usdt() -> None:
    token = decode_jetton_record(recorded("jetton_transfers_usdt.json"), 2632245, TON)
    assert token is not None and (token.symbol, token.decimals) == ("USDT", 6)
    assert token.contract == "EQCxE6mUtQJKFnGfaROTKOt1lZbDiiX1kCixRv7Nw2Id_sDs"


def _keys(value: Any, prefix: str = "") -> set[str]:
    if isinstance(value, dict):
        return {f"{prefix}{k}" for k in value} | {p for k, v in value.items() for p in _keys(v, f"{prefix}{k}.")}
    if isinstance(value, list) and value:
        return _keys(value[0], prefix + "[].")
    return set()


def test_the_local_node_answers_in_the_recorded_shapes() -> None:
    with TonNode() as node:
        tx = node.send_jetton(account("a"), account("b"), 5, "memo")
        got = requests.get(f"{node.url}/api/v3/transactions?hash={tx}", timeout=5).json()
        jettons = requests.get(f"{node.url}/api/v3/jetton/transfers", timeout=5).json()
    wallet = recorded("transactions_testnet_wallet.json")
    # Keyed by address, or present only for some messages (a decoded text comment): not the shape's skeleton.
    varying = ("compute_ph.", "account_state_", "action.", "address_book.", "decoded.")
    optional = {k for k in _keys(wallet) if any(part in k for part in varying)}
    assert _keys(wallet) - optional <= _keys(got)
    assert _keys(recorded("jetton_transfers_usdt.json")) <= _keys(jettons)
