"""The EVM adapter against real anvil nodes and misbehaving local servers, and its pure decoders."""

from __future__ import annotations

import json
import time
from dataclasses import replace
from pathlib import Path

import pytest
from eth_utils import to_checksum_address

from desktop.sandbox.anvil import Anvil, free_port
from diagnostics import catalog
from diagnostics.chains.adapter import endpoint_host
from diagnostics.chains.evm import (
    EvmAdapter,
    RpcError,
    decode_call,
    decode_decimals_result,
    decode_fee_history,
    decode_head,
    decode_revert,
    decode_string_result,
    decode_transaction,
    decode_transfer_logs,
)
from diagnostics.model import Found, NotFound, Unavailable
from tests.fixtures.diagnosis import diagnose_on
from tests.fixtures.evm_node import Node
from tests.fixtures.rpc_server import RpcServer

SHARED = Path(__file__).resolve().parents[4] / "shared" / "fixtures" / "evm"
UNKNOWN_HASH = "0x" + "cd" * 32


def _recorded(name: str) -> dict:  # type: ignore[type-arg]
    path = SHARED / name
    if not path.exists():
        pytest.skip(f"shared fixture {path} not present beside the checkout")
    data = json.loads(path.read_text())
    return data.get("result", data)  # type: ignore[no-any-return]


# --- pure decoders on recorded mainnet answers -------------------------------------------------


def test_decode_recorded_mainnet_erc20_transfer() -> None:
    tx = decode_transaction(_recorded("erc20_transfer_tx_2016.json"))
    receipt = _recorded("erc20_transfer_receipt_2016.json")
    assert tx.tx_hash == "0x04cbcb236043d8fb7839e07bbc7f5eed692fb2ca55d897f1101eac3e3ad4fab8"
    assert tx.call is not None and tx.call.method == "transfer"
    logs = decode_transfer_logs(receipt["logs"])
    assert logs == [
        (
            to_checksum_address("0xf4eced2f682ce333f96f2d8966c613ded8fc95dd"),
            to_checksum_address("0x1b63142628311395ceafeea5667e7c9026c862ca"),
            to_checksum_address("0xac4df82fe37ea2187bc8c011a23d743b4f39019a"),
            100_000,
            0,
        )
    ]
    assert tx.call.target == logs[0][2] and tx.call.amount == 100_000


def test_decode_call_kinds() -> None:
    to = "0xdAC17F958D2ee523a2206206994597C13D831ec7"
    sender = "0x" + "11" * 20
    target = "00" * 12 + "22" * 20
    approve = decode_call(to, "0x095ea7b3" + target + f"{5:064x}", sender)
    assert approve is not None and (approve.method, approve.amount) == ("approve", 5)
    moved = decode_call(to, "0x23b872dd" + "00" * 12 + "33" * 20 + target + f"{7:064x}", sender)
    assert moved is not None and moved.source is not None and moved.source.lower() == "0x" + "33" * 20
    assert decode_call(to, "0xdeadbeef", sender) is None
    assert decode_call(None, "0xa9059cbb", sender) is None
    truncated = decode_call(to, "0xa9059cbb1234", sender)
    assert truncated is not None and truncated.target is None


def test_decode_revert_forms() -> None:
    reason = "0x08c379a0" + f"{32:064x}" + f"{4:064x}" + b"nope".hex().ljust(64, "0")
    assert decode_revert(RpcError(3, "execution reverted", reason)) == "nope"
    panic = "0x4e487b71" + f"{0x11:064x}"
    assert decode_revert(RpcError(3, "execution reverted", panic)) == "panic 0x11 (arithmetic overflow or underflow)"
    assert decode_revert(RpcError(3, "execution reverted: said so")) == "said so"
    assert decode_revert(RpcError(-32000, "out of gas")) is None


def test_decode_symbol_as_string_or_bytes32() -> None:
    as_string = "0x" + f"{32:064x}" + f"{4:064x}" + b"USDT".hex().ljust(64, "0")
    assert decode_string_result(as_string) == "USDT"
    as_bytes32 = "0x" + b"MKR".hex().ljust(64, "0")
    assert decode_string_result(as_bytes32) == "MKR"
    assert decode_string_result("0x") is None


def test_decode_fee_history_next_base_fee_is_last() -> None:
    fees = decode_fee_history(
        {"baseFeePerGas": ["0x1", "0x2", "0x3"], "gasUsedRatio": [0.5, 1.0], "reward": [["0x1", "0x2", "0x3"]] * 2}
    )
    assert fees.next_base_fee == 3 and fees.base_fees == (1, 2) and fees.rewards[0] == (1, 2, 3)


# --- against anvil -----------------------------------------------------------------------------


def test_confirmed_transfer_of_a_listed_token_takes_one_round_trip(eth: Node) -> None:
    tx = eth.chain.send(eth.usdt, "transfer", eth.chain.deposit, eth.unit)
    eth.chain.wait(tx)
    with RpcServer("relay", upstream=eth.url) as relay:
        facts = EvmAdapter({"ethereum": relay.url}).gather(catalog.network("ethereum"), tx)
        assert (
            isinstance(facts.tx, Found) and isinstance(facts.head, Found) and facts.replacement is None
        )  # mined: nothing can replace it
        # The receipt carries its block's time and USDT is in the table: nothing of round two is needed.
        assert facts.round_trips == 1 and relay.requests == 1
        assert facts.tx.value.block_timestamp is not None
        assert all(isinstance(body, list) for body in relay.bodies)


def test_an_unlisted_token_needs_a_second_round_for_its_symbol(eth: Node) -> None:
    fake = eth.chain.deploy_token("USDT", 6)
    eth.chain.mint(fake, eth.chain.sender, 10**12)
    tx = eth.chain.send(fake, "transfer", eth.chain.deposit, 10**6)
    eth.chain.wait(tx)
    with RpcServer("relay", upstream=eth.url) as relay:
        facts = EvmAdapter({"ethereum": relay.url}).gather(catalog.network("ethereum"), tx)
        assert isinstance(facts.tx, Found) and facts.round_trips == 2 and relay.requests == 2
        assert facts.tx.value.transfers[0].token is not None and facts.tx.value.transfers[0].token.symbol == "USDT"


def test_unknown_hash_takes_one_round_trip(eth: Node) -> None:
    with RpcServer("relay", upstream=eth.url) as relay:
        facts = EvmAdapter({"ethereum": relay.url}).gather(catalog.network("ethereum"), UNKNOWN_HASH)
        assert isinstance(facts.tx, NotFound) and relay.requests == 1


def test_node_refusing_batches_is_asked_call_by_call(eth: Node) -> None:
    tx = eth.chain.send(eth.usdt, "transfer", eth.chain.deposit, eth.unit)
    eth.chain.wait(tx)
    eth.chain.mine(20)
    with RpcServer("no_batch", upstream=eth.url) as node:
        d = diagnose_on(node.url, "ethereum", tx, address=eth.chain.deposit)
        assert d.verdict.code == "CONFIRMATIONS_SUFFICIENT"
        assert d.facts.networks[0].round_trips == 1  # the refused batch and its calls one by one: one round
        assert any(isinstance(body, list) for body in node.bodies)
        assert any(isinstance(body, dict) for body in node.bodies)


# --- a node that cannot be used is NODE_UNAVAILABLE, never TX_NOT_FOUND --------------------------


def _assert_unavailable(url: str, timeout: float = 5.0) -> str:
    d = diagnose_on(url, "ethereum", UNKNOWN_HASH, timeout=timeout)
    assert d.verdict.code == "NODE_UNAVAILABLE"
    assert "TX_NOT_FOUND" not in d.codes()
    assert isinstance(d.facts.networks[0].tx, Unavailable)
    return d.facts.networks[0].tx.reason


def test_closed_port() -> None:
    reason = _assert_unavailable(f"http://127.0.0.1:{free_port()}")
    assert "could not connect" in reason


@pytest.mark.parametrize(
    ("mode", "words"),
    [
        ("429", "HTTP 429"),
        ("500", "HTTP 500"),
        ("garbage", "could not be read"),
        ("rpc_error", "refused eth_chainId: daily request limit reached"),
    ],
)
def test_misbehaving_server(mode: str, words: str) -> None:
    with RpcServer(mode) as server:
        assert words in _assert_unavailable(server.url)


def test_wrong_chain_id() -> None:
    with Anvil(5) as goerli_like:
        reason = _assert_unavailable(goerli_like.url)
        assert reason.endswith("is a node of chain 5, not of Ethereum (chain 1)")


@pytest.mark.parametrize("mode", ["hang", "drip"])
def test_node_that_never_finishes_costs_one_timeout(mode: str) -> None:
    with RpcServer(mode) as server:
        started = time.monotonic()
        reason = _assert_unavailable(server.url, timeout=0.5)
        elapsed = time.monotonic() - started
    assert "did not answer within 0.5 s" in reason
    assert elapsed < 2.0, f"a dead node held the diagnosis for {elapsed:.1f} s"


# --- odd answers real nodes give ---------------------------------------------------------------


def test_quantities_are_never_silently_zero() -> None:
    with pytest.raises(ValueError, match="hex quantity"):
        decode_head({"number": None, "timestamp": "0x1"})


def test_decimals_beyond_uint8_are_unknown() -> None:
    assert decode_decimals_result("0x" + f"{18:064x}") == 18
    assert decode_decimals_result("0x" + f"{2**255:064x}") is None


def _mined_usdt(eth: Node) -> str:
    tx = eth.chain.send(eth.usdt, "transfer", eth.chain.deposit, eth.unit)
    eth.chain.wait(tx)
    eth.chain.mine(20)
    return tx


def test_mined_transaction_without_receipt_is_unavailable_not_nothing_sent(eth: Node) -> None:
    tx = _mined_usdt(eth)
    with RpcServer("relay", upstream=eth.url, overrides={"eth_getTransactionReceipt": None}) as node:
        d = diagnose_on(node.url, "ethereum", tx, address=eth.chain.deposit)
    assert d.verdict.code == "NODE_UNAVAILABLE"
    assert "NO_TRANSFER_TO_ADDRESS" not in d.codes() and "TX_CONFIRMED" not in d.codes()


def test_receipt_stub_for_pending_transaction_is_not_block_zero(eth: Node) -> None:
    eth.chain.rpc("evm_setAutomine", False)
    tx = eth.chain.pay(eth.chain.deposit, 10**18)
    stub = {"blockNumber": None, "status": None, "logs": [], "gasUsed": None}
    with RpcServer("relay", upstream=eth.url, overrides={"eth_getTransactionReceipt": stub}) as node:
        d = diagnose_on(node.url, "ethereum", tx, address=eth.chain.deposit)
    assert d.verdict.code == "TX_PENDING"
    assert "CONFIRMATIONS_SUFFICIENT" not in d.codes()


def test_null_fee_history_spoils_only_the_fees(eth: Node) -> None:
    tx = _mined_usdt(eth)
    with RpcServer("relay", upstream=eth.url, overrides={"eth_feeHistory": None}) as node:
        facts = EvmAdapter({"ethereum": node.url}).gather(catalog.network("ethereum"), tx)
    assert isinstance(facts.tx, Found) and isinstance(facts.fees, Unavailable)
    assert "unreadable answer to eth_feeHistory" in facts.fees.reason


def test_batch_refused_with_http_405_falls_back(eth: Node) -> None:
    tx = _mined_usdt(eth)
    with RpcServer("no_batch_405", upstream=eth.url) as node:
        d = diagnose_on(node.url, "ethereum", tx, address=eth.chain.deposit)
    assert d.verdict.code == "CONFIRMATIONS_SUFFICIENT"


def test_second_default_endpoint_is_tried_when_the_first_is_dead(eth: Node) -> None:
    tx = _mined_usdt(eth)
    network = replace(catalog.network("ethereum"), rpc_urls=(f"http://127.0.0.1:{free_port()}", eth.url))
    facts = EvmAdapter().gather(network, tx)
    assert isinstance(facts.tx, Found) and facts.endpoint == eth.url.removeprefix("http://")


def test_all_default_endpoints_dead_lists_every_reason() -> None:
    dead = tuple(f"http://127.0.0.1:{free_port()}" for _ in range(2))
    network = replace(catalog.network("ethereum"), rpc_urls=dead)
    facts = EvmAdapter().gather(network, UNKNOWN_HASH)
    assert isinstance(facts.tx, Unavailable) and "could not connect to any of its nodes" in facts.tx.reason
    assert "is this computer offline?" in facts.tx.reason and facts.endpoint.count("127.0.0.1") == 2


def test_reports_never_show_endpoint_credentials_or_keys() -> None:
    assert endpoint_host("https://user:secret@rpc.example.com:8443/v3/KEY?apikey=x") == "rpc.example.com:8443"
    assert endpoint_host("https://mainnet.infura.io/v3/0123456789abcdef") == "mainnet.infura.io"


def test_not_found_on_one_public_node_is_checked_on_the_next(eth: Node) -> None:
    tx = _mined_usdt(eth)
    with Anvil(1) as pruned:  # a node of the same chain that does not know the transaction
        network = replace(catalog.network("ethereum"), rpc_urls=(pruned.url, eth.url))
        facts = EvmAdapter().gather(network, tx)
        assert isinstance(facts.tx, Found) and facts.round_trips == 1  # both asked at once: not one after another
        both_missing = EvmAdapter().gather(replace(network, rpc_urls=(pruned.url, eth.url)), UNKNOWN_HASH)
    assert isinstance(both_missing.tx, NotFound) and both_missing.endpoint.count("127.0.0.1") == 2
    assert both_missing.round_trips == 1


def test_a_batch_answer_without_ids_in_another_order_is_no_answer(eth: Node) -> None:
    eth.chain.rpc("evm_setAutomine", False)
    try:
        pending = eth.chain.pay(eth.chain.deposit, 10**15)
        with RpcServer("idless", upstream=eth.url) as proxy:
            facts = EvmAdapter({"ethereum": proxy.url}).gather(catalog.network("ethereum"), pending)
    finally:
        eth.chain.rpc("evm_setAutomine", True)
        eth.chain.mine(1)
    # Read in the order received, the receipt's null would be taken for the transaction: "not found". Never.
    assert isinstance(facts.tx, Unavailable) and facts.tx.key == "not_api"
