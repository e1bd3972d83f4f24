"""The Bitcoin adapter's pure decoders, on recorded Esplora answers (resources/sandbox/esplora/recorded, each
with its source); the adapter itself is tested against the local Esplora node in the contract suite."""

from __future__ import annotations

import json
from decimal import Decimal
from importlib import resources
from typing import Any

import pytest

from diagnostics.chains.bitcoin import (
    decode_fee_market,
    decode_head,
    decode_outspend,
    decode_replacement,
    decode_transaction,
    fee_rate,
    histogram_rate,
    parse_json,
)
from diagnostics.model import BitcoinDetails, TxStatus

RECORDED = resources.files("diagnostics.resources").joinpath("sandbox", "esplora", "recorded")


def recorded(name: str) -> Any:
    return json.loads(RECORDED.joinpath(name).read_text(encoding="utf-8"))


def test_a_confirmed_mainnet_transaction() -> None:
    tx = decode_transaction(recorded("tx_confirmed_mainnet.json"))
    assert tx.tx_hash == "20b984492b5264162a4c92c9a34bc7fa08b67d669de7b4c5982ad3cb28aaecf6"
    assert (tx.status, tx.block_number, tx.block_timestamp, tx.fee) == (TxStatus.CONFIRMED, 848136, 1718517071, 4000)
    details = tx.details
    assert isinstance(details, BitcoinDetails)
    assert (details.size, details.weight, details.vsize, details.fee_rate) == (240, 633, 159, Decimal("25.2"))
    assert not details.rbf  # its one input's sequence is 0xffffffff
    # The OP_RETURN output has no address; the last output pays back to the spending address: change.
    assert [(t.recipient, t.amount, t.how) for t in tx.transfers] == [
        ("bc1p6uwxc048hflxaerh5zlastpqc7ye0zpvq7gq2a", 546, "output"),
        ("bc1qnzw0zfm5l3c9vztpp3aegx0j68zgqajyffr2r6", 23073, "change"),
    ]
    assert tx.sender == "bc1qnzw0zfm5l3c9vztpp3aegx0j68zgqajyffr2r6"
    assert tx.to == "bc1p6uwxc048hflxaerh5zlastpqc7ye0zpvq7gq2a"


def test_an_unconfirmed_rbf_transaction_paying_itself() -> None:
    tx = decode_transaction(recorded("tx_unconfirmed_mainnet.json"))
    assert tx.status is TxStatus.PENDING and tx.block_number is None and tx.transfers == ()
    assert isinstance(tx.details, BitcoinDetails) and tx.details.rbf  # sequence 0xfffffffd signals BIP-125
    assert tx.details.fee_rate == Decimal("4.3")  # 960 sat / 224 vB
    # Every output goes back to the spending address: then none of them is change, they are all there is.
    assert [t.how for t in tx.intended] == ["output"]


def test_a_testnet_transaction_decodes_alike() -> None:
    tx = decode_transaction(recorded("tx_confirmed_testnet.json"))
    assert tx.status is TxStatus.CONFIRMED and all(t.recipient[:2] in ("tb", "2N", "m", "n") or t for t in tx.intended)


def test_fee_rate_is_sat_per_virtual_byte() -> None:
    assert fee_rate(141, 561) == Decimal("1.0")  # vsize rounds up: 561 / 4 -> 141
    assert fee_rate(1000, 400) == Decimal("10.0")


def test_the_mempool_and_the_recommended_rates() -> None:
    mempool = recorded("mempool_stats.json")
    with_rates = decode_fee_market(mempool, recorded("v1_fees_recommended.json"))
    assert (with_rates.count, with_rates.vsize) == (8134, 3444604)
    assert (with_rates.next_block_rate, with_rates.hour_rate, with_rates.recommended) == (8, 8, True)
    # Blockstream's Esplora recommends nothing: the histogram says what fills the next block and six blocks.
    histogram = decode_fee_market(mempool, None)
    assert histogram.next_block_rate == Decimal("1.1") and not histogram.recommended  # 1 MvB is filled at 1.1
    assert histogram.hour_rate == Decimal(1)  # all the histogram holds (1.7 MvB) fits in six blocks


def test_histogram_rate_fills_from_the_best_paying() -> None:
    assert histogram_rate([[50, 600_000], [20, 600_000], [5, 1_000_000]], 1_000_000) == Decimal(20)
    assert histogram_rate([], 1_000_000) is None


def test_the_tip_from_the_newest_blocks() -> None:
    head = decode_head([{"id": "00" * 32, "height": 900_001, "timestamp": 1_760_000_000}, {"height": 900_000}])
    assert (head.number, head.timestamp) == (900_001, 1_760_000_000)
    with pytest.raises((KeyError, IndexError, ValueError)):
        decode_head([])


def test_replacements_from_mempool_space() -> None:
    me, newer = "aa" * 32, "bb" * 32
    assert decode_replacement({"replacements": None, "replaces": None}, me) is None
    tree = {"replacements": {"tx": {"txid": newer}, "time": 1, "fullRbf": False, "replaces": [{"tx": {"txid": me}}]}}
    replaced = decode_replacement(tree, me)
    assert replaced is not None and (replaced.replaced, replaced.how, replaced.by) == (True, "rbf", newer)
    assert decode_replacement({"replacements": {"tx": {"txid": me}}, "replaces": ["cc" * 32]}, me) is None


def test_an_input_spent_elsewhere() -> None:
    me, other = "aa" * 32, "bb" * 32
    outspends = [{"spent": False}, {"spent": True, "txid": other, "vin": 0, "status": {"confirmed": True}}]
    assert decode_outspend(outspends, 1, me) == other
    assert decode_outspend(outspends, 0, me) is None
    assert decode_outspend([{"spent": True, "txid": me, "vin": 0}], 0, me) is None
    assert decode_outspend(outspends, 9, me) is None


def test_hostile_json_is_refused_before_parsing() -> None:
    with pytest.raises(ValueError, match="nested"):
        parse_json("[" * 300_000)
    assert parse_json('{"a": "[[[[[[["}') == {"a": "[[[[[[["}  # brackets inside strings are text
