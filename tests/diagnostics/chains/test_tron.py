"""The Tron adapter: its pure decoders on recorded mainnet answers, and its I/O against the local Tron node."""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
import requests
import requests.adapters
import urllib3
from tronpy.proto.transaction import calculate_txid_from_raw_data

from desktop.sandbox.anvil import free_port
from desktop.sandbox.tron_node import SUN, USDT, TronNode, as_node_transaction, recorded
from diagnostics import catalog
from diagnostics.chains import tron
from diagnostics.chains.tron import (
    API_KEY_HEADER,
    TronAdapter,
    decode_head,
    decode_message,
    decode_transaction,
    decode_transfers,
    sends_api_key,
)
from diagnostics.model import Found, Hints, NotFound, TronDetails, TxStatus, Unavailable

TRON = catalog.network("tron")
USDT_TX = "0130dfde9281a48378109039ef512229d5359fbee2a8adbb17ad73aebc67ea99"
SENDER = "TL24LCps5FKwp3PoU1MvrYrwhi5LU1tHre"
USER = "TCLBgkbfVkJroVBJVqBEsxtPNQEQMTQCLQ"
UNKNOWN = "ab" * 32


@pytest.fixture
def node() -> Iterator[TronNode]:
    with TronNode() as server:
        yield server


def test_decode_recorded_usdt_transfer() -> None:
    tx = decode_transaction(
        as_node_transaction(recorded("trc20_usdt_transfer_tx.trongrid_v1.json")),
        recorded("trc20_usdt_transfer_txinfo.json"),
    )
    assert (tx.sender, tx.to, tx.status, tx.result) == (SENDER, USDT, TxStatus.CONFIRMED, "SUCCESS")
    assert tx.block_number == 69316562 and tx.block_timestamp == 1738601505
    # The call data pads the recipient with Tron's 0x41 byte; it decodes to the same account as the log.
    assert tx.call is not None and tx.call.target == "TXVj38D1XR3TPgSHTCZGC8wkLDAGqF1oqx" and tx.call.amount == 41677389
    assert tx.fee == 26420100 and isinstance(tx.details, TronDetails) and tx.details.fee_limit == 50_000_000
    assert tx.details.energy_used == 130285 and tx.details.energy_penalty == 100635
    (moved,) = decode_transfers(
        as_node_transaction(recorded("trc20_usdt_transfer_tx.trongrid_v1.json")),
        recorded("trc20_usdt_transfer_txinfo.json"),
    )
    assert (moved.contract, moved.sender, moved.recipient, moved.amount) == (
        USDT,
        SENDER,
        "TXVj38D1XR3TPgSHTCZGC8wkLDAGqF1oqx",
        41677389,
    )


def test_decode_recorded_trx_transfer_has_no_receipt_result_and_succeeds() -> None:
    raw = recorded("trx_transfer_gettransactionbyid.json")
    info = recorded("trx_transfer_gettransactioninfobyid.json")
    tx = decode_transaction(raw, info)
    assert tx.status is TxStatus.CONFIRMED and tx.fee == 0  # a missing fee is 0: bandwidth was free
    (moved,) = decode_transfers(raw, info)
    assert moved.contract is None and moved.amount == 10_000_000


@pytest.mark.parametrize(
    ("info", "result", "words"),
    [
        ("trc20_out_of_energy_txinfo.json", "OUT_OF_ENERGY", "Not enough energy for 'MSTORE'"),
        ("trc20_out_of_energy_txinfo_2.json", "OUT_OF_ENERGY", "Not enough energy for 'SSTORE'"),
        ("trc20_revert_txinfo_nile.json", "REVERT", "REVERT opcode executed"),
        ("wallet_cli_revert_txinfo_privatenet.json", "REVERT", "REVERT opcode executed"),
    ],
)
def test_decode_recorded_failures(info: str, result: str, words: str) -> None:
    raw = as_node_transaction(recorded("trc20_usdt_transfer_tx.trongrid_v1.json"))
    raw["ret"] = [{"contractRet": result}]
    tx = decode_transaction(raw, recorded(info))
    assert tx.failed and tx.status is TxStatus.FAILED and tx.result == result
    assert tx.failure_message is not None and tx.failure_message.startswith(words)
    assert decode_transfers(raw, recorded(info)) == []  # a failed call logs nothing


def test_decode_revert_reason_from_contract_result() -> None:
    raw = as_node_transaction(recorded("trc20_usdt_transfer_tx.trongrid_v1.json"))
    tx = decode_transaction(raw, recorded("trc20_revert_txinfo_nile.json"))
    assert tx.revert_reason == "ds-token-insufficient-balance"
    assert tx.fee == 802800 and isinstance(tx.details, TronDetails) and tx.details.energy_fee == 457800


def test_decode_head_and_solidified_height() -> None:
    head = decode_head(recorded("getnowblock_nile_header_only.json"), recorded("getnodeinfo_nile_keyfields.json"))
    assert (head.number, head.timestamp, head.final_number) == (66987627, 1777445307, 66987547)
    assert decode_head(recorded("getnowblock_nile_header_only.json"), None).final_number is None


def test_decode_message_hex_or_text() -> None:
    assert decode_message("524556455254206f70636f6465206578656375746564") == "REVERT opcode executed"
    assert decode_message("REVERT opcode executed") == "REVERT opcode executed"
    assert decode_message(None) is None


# --- the local node is faithful to java-tron -------------------------------------------------------


def test_scenario_transactions_have_real_ids(node: TronNode) -> None:
    """A built transaction's id is the SHA-256 of its protobuf raw_data, as on chain (recorded ones agree)."""
    built = node.trc20_transfer(SENDER, USER, 5_000_000)
    assert calculate_txid_from_raw_data(built.transaction["raw_data"]) == built.txid
    for name in ("trc20_usdt_transfer_tx.trongrid_v1.json", "trx_transfer_gettransactionbyid.json"):
        raw = recorded(name)
        assert calculate_txid_from_raw_data(raw["raw_data"]) == raw["txID"]


def test_node_answers_in_the_form_asked(node: TronNode) -> None:
    txid = node.put_recorded("trc20_usdt_transfer_tx.trongrid_v1.json", "trc20_usdt_transfer_txinfo.json")
    visible = requests.post(f"{node.url}/wallet/gettransactionbyid", json={"value": txid, "visible": True}).json()
    hexed = requests.post(f"{node.url}/wallet/gettransactionbyid", json={"value": txid}).json()
    assert visible["raw_data"]["contract"][0]["parameter"]["value"]["owner_address"] == SENDER
    assert hexed["raw_data"]["contract"][0]["parameter"]["value"]["owner_address"].startswith("416e3b44")
    assert set(visible) == {"ret", "signature", "txID", "raw_data", "raw_data_hex"}  # no TronGrid /v1 extras
    info = requests.post(f"{node.url}/wallet/gettransactioninfobyid", json={"value": txid, "visible": True}).json()
    assert info["contract_address"] == USDT and info["log"][0]["address"] == USDT  # java-tron converts logs too
    assert info["log"][0]["topics"][1] == recorded("trc20_usdt_transfer_txinfo.json")["log"][0]["topics"][1]
    raw_info = requests.post(f"{node.url}/wallet/gettransactioninfobyid", json={"value": txid}).json()
    assert raw_info["log"][0]["address"] == "a614f803b6fd780986a42c78ec9c7f77e6ded13c"
    assert requests.post(f"{node.url}/wallet/gettransactionbyid", json={"value": UNKNOWN}).json() == {}
    assert "Error" in requests.post(f"{node.url}/wallet/gettransactionbyid", json={"value": "xyz"}).json()
    assert requests.post(f"{node.url}/wallet/getaccount", json={"address": USER, "visible": True}).json() == {}


# --- the adapter against the node -----------------------------------------------------------------


def test_found_transaction_takes_two_round_trips(node: TronNode) -> None:
    txid = node.put_recorded("trc20_usdt_transfer_tx.trongrid_v1.json", "trc20_usdt_transfer_txinfo.json")
    facts = TronAdapter({"tron": node.url}).gather(TRON, txid)
    assert isinstance(facts.tx, Found) and facts.round_trips == 2
    assert isinstance(facts.head, Found) and facts.head.value.final_number == node.head - node.solid_lag
    details = facts.tx.value.details
    assert isinstance(details, TronDetails) and details.recipient_activated is False
    assert facts.replacement is None and facts.fees is None  # Tron has neither: nothing to call unavailable


def test_unknown_hash_takes_one_round_trip(node: TronNode) -> None:
    facts = TronAdapter({"tron": node.url}).gather(TRON, UNKNOWN)
    assert isinstance(facts.tx, NotFound) and facts.round_trips == 1


def test_pending_transaction_is_found_in_the_pool(node: TronNode) -> None:
    built = node.trc20_transfer(SENDER, USER, 1_000_000, pending=True)
    facts = TronAdapter({"tron": node.url}).gather(TRON, built.txid)
    assert isinstance(facts.tx, Found) and facts.tx.value.pending and facts.tx.value.expires_at is not None


def test_unlisted_token_is_read_on_chain(node: TronNode) -> None:
    fake = node.deploy("USDT", 6)
    built = node.trc20_transfer(SENDER, USER, 1_000_000, contract=fake)
    facts = TronAdapter({"tron": node.url}).gather(TRON, built.txid)
    assert isinstance(facts.tx, Found)
    (moved,) = facts.tx.value.transfers
    assert moved.token is not None and (moved.token.contract, moved.token.symbol, moved.token.decimals) == (
        fake,
        "USDT",
        6,
    )


def test_contract_that_does_not_answer_leaves_symbol_unknown(node: TronNode) -> None:
    nowhere = "T9yD14Nj9j7xAB4dbGeiX9h8unkKHxuWwb"  # 41 + 20 zero bytes: no contract there
    built = node.trc20_transfer(SENDER, USER, 1_000_000, contract=nowhere, pending=True)
    facts = TronAdapter({"tron": node.url}).gather(TRON, built.txid)
    call = facts.tx.value.call if isinstance(facts.tx, Found) else None
    assert call is not None and call.token is not None
    assert call.token.symbol is None  # CONTRACT_VALIDATE_ERROR: the token is unknown, not fake


def test_api_key_is_not_sent_to_an_endpoint_that_only_names_trongrid(node: TronNode) -> None:
    TronAdapter({"tron": f"{node.url}/trongrid/"}, api_key="my-key").gather(TRON, UNKNOWN)  # plain http, local
    TronAdapter({"tron": node.url}, api_key="my-key").gather(TRON, UNKNOWN)  # not TronGrid: the key stays home
    TronAdapter({"tron": f"{node.url}/trongrid/"}).gather(TRON, UNKNOWN)  # no key: none of tronpy's own either
    assert node.headers and not any("TRON-PRO-API-KEY" in {k.upper() for k in h} for h in node.headers)


@pytest.mark.parametrize(
    ("url", "sent"),
    [
        ("https://api.trongrid.io", True),
        ("https://api.trongrid.io/", True),
        ("HTTPS://API.TronGrid.io:443/", True),
        ("https://nile.trongrid.io", True),
        ("https://api.shasta.trongrid.io", True),
        ("http://api.trongrid.io", False),  # the key would cross the network in plain text
        ("http://127.0.0.1/trongrid/", False),
        ("https://127.0.0.1/trongrid/", False),
        ("https://trongrid.io.example.com", False),
        ("https://api.trongrid.io.example.com", False),
        ("https://example.com/?api.trongrid.io", False),
        ("https://evil.example@api.trongrid.io", False),  # user:password@ is no place for anything
        ("https://api.trongrid.io:8090", False),
        ("https://api.trongrid.io:99999", False),
    ],
)
def test_the_key_goes_to_trongrid_hosts_over_https_only(url: str, sent: bool) -> None:
    assert sends_api_key(url) is sent


class _Recorder(requests.adapters.HTTPAdapter):
    """A transport that sends nothing: TronGrid's host answers with a redirect elsewhere, anywhere else 503;
    every request is kept with its headers."""

    def __init__(self, sent: list[tuple[str, dict[str, str]]]) -> None:
        super().__init__()
        self.sent = sent

    def send(self, request: requests.PreparedRequest, *args: object, **kwargs: object) -> requests.Response:
        url = request.url or ""
        self.sent.append((url, dict(request.headers)))
        redirect = urlsplit(url).hostname == "api.trongrid.io"
        raw = urllib3.HTTPResponse(
            body=io.BytesIO(b""),
            status=307 if redirect else 503,
            headers={"Location": "https://elsewhere.example" + urlsplit(url).path} if redirect else {},
            preload_content=False,
        )
        return self.build_response(request, raw)


def test_the_key_goes_to_trongrid_and_never_across_a_redirect(monkeypatch: pytest.MonkeyPatch) -> None:
    """No network: the provider tronpy sends with has a transport that records what it would send."""
    sent: list[tuple[str, dict[str, str]]] = []

    class RecordingProvider(tron.HTTPProvider):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.sess.mount("https://", _Recorder(sent))

    monkeypatch.setattr(tron, "HTTPProvider", RecordingProvider)
    facts = TronAdapter({"tron": "https://api.trongrid.io"}, api_key="my-key", timeout=2).gather(TRON, UNKNOWN)

    to_trongrid = [headers for url, headers in sent if urlsplit(url).hostname == "api.trongrid.io"]
    elsewhere = [headers for url, headers in sent if urlsplit(url).hostname == "elsewhere.example"]
    assert to_trongrid and all(headers.get(API_KEY_HEADER) == "my-key" for headers in to_trongrid)
    assert elsewhere and not any(API_KEY_HEADER.lower() in map(str.lower, headers) for headers in elsewhere)
    assert isinstance(facts.tx, Unavailable)  # the redirect's target refused: unknown, not absent


def test_trongrid_refusal_says_to_set_a_key(node: TronNode) -> None:
    for path in (
        "wallet/gettransactionbyid",
        "wallet/gettransactioninfobyid",
        "wallet/getnodeinfo",
        "wallet/getnowblock",
    ):
        node.fault_paths[path] = 403
    facts = TronAdapter({"tron": node.url}).gather(TRON, UNKNOWN)
    assert isinstance(facts.tx, Unavailable) and "TRON_PRO_API_KEY" in facts.tx.reason
    assert node.requests == 6, "one request per lookup (block 0 included): no retries with other keys"


def test_pool_that_cannot_be_asked_is_unknown_not_absent(node: TronNode) -> None:
    node.fault_paths["wallet/gettransactionfrompending"] = 503
    facts = TronAdapter({"tron": node.url}).gather(TRON, UNKNOWN)
    assert isinstance(facts.tx, Unavailable) and "server error" in facts.tx.reason
    node.fault_paths["wallet/gettransactionfrompending"] = 404  # a node without the endpoint: it just cannot say
    assert isinstance(TronAdapter({"tron": node.url}).gather(TRON, UNKNOWN).tx, NotFound)


def test_block_without_its_result_yet_is_unknown_not_pending(node: TronNode) -> None:
    built = node.trc20_transfer(SENDER, USER, 1_000_000, expiration_ms=node.head_time_ms - 100_000)
    del node.infos[built.txid]
    facts = TronAdapter({"tron": node.url}).gather(TRON, built.txid)
    assert isinstance(facts.tx, Unavailable) and "not its result" in facts.tx.reason


def test_broken_node_info_costs_only_the_solidified_height(node: TronNode) -> None:
    node.fault_paths["wallet/getnodeinfo"] = 500
    facts = TronAdapter({"tron": node.url}).gather(TRON, UNKNOWN)
    assert isinstance(facts.head, Found) and facts.head.value.final_number is None
    assert isinstance(facts.tx, NotFound)


def test_closed_port_is_unavailable_never_not_found() -> None:
    facts = TronAdapter({"tron": f"http://127.0.0.1:{free_port()}"}, timeout=2).gather(TRON, UNKNOWN)
    assert isinstance(facts.tx, Unavailable) and "could not connect" in facts.tx.reason
    assert isinstance(facts.head, Unavailable)


@pytest.mark.parametrize(
    ("fault", "words"),
    [("429", "limiting requests"), ("500", "server error"), ("garbage", "API format")],
)
def test_misbehaving_node(fault: str, words: str) -> None:
    with TronNode(fault=fault) as server:
        facts = TronAdapter({"tron": server.url}).gather(TRON, UNKNOWN)
    assert isinstance(facts.tx, Unavailable) and words in facts.tx.reason


@pytest.mark.parametrize("fault", ["hang", "drip"])
def test_node_that_never_finishes_costs_one_timeout(fault: str) -> None:
    with TronNode(fault=fault) as server:
        started = time.perf_counter()
        facts = TronAdapter({"tron": server.url}, timeout=1).gather(TRON, UNKNOWN)
        elapsed = time.perf_counter() - started
    assert isinstance(facts.tx, Unavailable) and elapsed < 2.5


def test_unreadable_answer_spoils_only_its_lookup(node: TronNode) -> None:
    built = node.trx_transfer(SENDER, USER, 5 * 1_000_000)
    node.infos[built.txid]["blockNumber"] = "soon"
    facts = TronAdapter({"tron": node.url}).gather(TRON, built.txid)
    assert isinstance(facts.tx, Unavailable) and "unreadable" in facts.tx.reason
    assert isinstance(facts.head, Found)


def test_a_listed_token_to_the_address_given_takes_one_round_trip(node: TronNode) -> None:
    built = node.trc20_transfer(SENDER, USER, 250 * SUN)
    facts = TronAdapter({"tron": node.url}).gather(TRON, built.txid, Hints(address=USER))
    assert isinstance(facts.tx, Found) and facts.round_trips == 1  # the account was asked with the transaction
    details = facts.tx.value.details
    assert isinstance(details, TronDetails) and details.recipient_activated is not None
    other = TronAdapter({"tron": node.url}).gather(TRON, built.txid, Hints(address=SENDER))
    assert other.round_trips == 2  # another recipient than the address given: its account is asked after
