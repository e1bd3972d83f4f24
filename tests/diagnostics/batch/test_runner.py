"""The batch runner against a real anvil, counted by a relay in front of it: what many cases share, what each
still gets alone, and how a node's 429s are obeyed."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
import requests
from requests.adapters import HTTPAdapter

from desktop.sandbox.ton_node import TonNode, account
from desktop.sandbox.tron_node import TronNode
from diagnostics import catalog
from diagnostics.batch.runner import BatchRunner
from diagnostics.chains.adapter import SharedReads
from diagnostics.model import Case, Found, Network
from diagnostics.request import Request
from tests.fixtures.evm_node import Node
from tests.fixtures.rpc_server import RpcServer

USER = "TCLBgkbfVkJroVBJVqBEsxtPNQEQMTQCLQ"
SENDER = "TL24LCps5FKwp3PoU1MvrYrwhi5LU1tHre"


def _transfers(node: Node, count: int) -> list[str]:
    token = node.chain.token(node.usdt)
    hashes = [
        "0x"
        + bytes(token.functions.transfer(node.chain.deposit, 1_000_000 + i).transact({"from": node.chain.sender})).hex()
        for i in range(count)
    ]
    node.chain.mine(12)
    return hashes


def _methods(relay: RpcServer) -> Counter[str]:
    calls = Counter[str]()
    for body in relay.bodies:
        for call in body if isinstance(body, list) else [body]:
            if isinstance(call, dict):
                calls[call.get("method", "?")] += 1
    return calls


@pytest.fixture
def relay(eth: Node) -> Iterator[RpcServer]:
    with RpcServer("relay", upstream=eth.url) as server:
        yield server


def _requests(url: str, hashes: list[str], deposit: str) -> list[tuple[int, Request]]:
    return [
        (i, Request(Case("ethereum", h, address=deposit, token="USDT"), endpoints={"ethereum": (url,)}))
        for i, h in enumerate(hashes)
    ]


def test_many_cases_share_their_reads_and_travel_together_and_each_gets_its_own_answer(
    eth: Node, relay: RpcServer
) -> None:
    hashes = _transfers(eth, 40)
    alone = eth.diagnose(hashes[7], address=eth.chain.deposit, token="USDT")
    runner = BatchRunner(jobs=16)
    results = {r.index: r for r in runner.run(_requests(relay.url, hashes, eth.chain.deposit))}
    runner.close()
    assert {r.diagnosis.verdict.code for r in results.values() if r.diagnosis} == {"CONFIRMATIONS_SUFFICIENT"}
    assert len(results) == 40 and all(r.diagnosis for r in results.values())
    mine = results[7].diagnosis
    assert mine is not None and mine.case.tx_hash == hashes[7]
    assert mine.verdict == alone.verdict and mine.outcome == alone.outcome  # the same answer as asked alone
    calls = _methods(relay)
    assert calls["eth_getTransactionByHash"] == 40  # each transaction asked once
    assert calls["eth_chainId"] == 1 and calls["eth_feeHistory"] <= 2  # shared: asked once per block time
    assert relay.requests < 40 / 2, "the cases' calls travel together, in far fewer requests than cases"
    counts = runner.transport.counts
    assert counts.requests == relay.requests and counts.shared > 0


def test_the_same_transaction_is_asked_once_however_many_rows_name_it(eth: Node, relay: RpcServer) -> None:
    (tx,) = _transfers(eth, 1)
    runner = BatchRunner(jobs=8)
    results = list(runner.run(_requests(relay.url, [tx] * 12, eth.chain.deposit)))
    runner.close()
    assert len(results) == 12 and all(r.diagnosis is not None for r in results)
    assert _methods(relay)["eth_getTransactionByHash"] == 1


def test_a_node_that_refuses_batches_still_answers_every_case(eth: Node) -> None:
    hashes = _transfers(eth, 6)
    with RpcServer("no_batch_405", upstream=eth.url) as refusing:
        runner = BatchRunner(jobs=6)
        results = list(runner.run(_requests(refusing.url, hashes, eth.chain.deposit)))
        runner.close()
    assert {r.diagnosis.verdict.code for r in results if r.diagnosis} == {"CONFIRMATIONS_SUFFICIENT"}
    assert len(results) == 6


def test_past_a_node_s_rate_limit_no_case_fails_and_its_retry_after_is_obeyed() -> None:
    with TronNode() as node:
        node.rate_limit = 15  # a public endpoint's limit: 429 with Retry-After: 1 past 15 requests a second
        hashes = [node.trc20_transfer(SENDER, USER, 1_000_000 + i).txid for i in range(40)]
        requests = [
            (i, Request(Case("tron", h, address=USER, token="USDT"), endpoints={"tron": (node.url,)}))
            for i, h in enumerate(hashes)
        ]
        runner = BatchRunner(jobs=16)
        results = list(runner.run(requests))
        runner.close()
    codes = Counter(r.diagnosis.verdict.code for r in results if r.diagnosis)
    assert codes == {"CONFIRMATIONS_SUFFICIENT": 40}, codes
    assert node.limited > 0, "the node did refuse: the test must see the batch slow down, not stay under the limit"
    pace = next(iter(runner.transport.paces.all().values()))
    assert pace.refusals > 0 and pace.rate is not None and pace.rate <= 16


def test_a_stop_ends_the_batch_at_once_without_starting_the_rest(eth: Node) -> None:
    hashes = _transfers(eth, 30)
    stop = threading.Event()
    runner = BatchRunner(jobs=2)
    seen = []
    for result in runner.run(_requests(eth.url, hashes, eth.chain.deposit), cancel=stop):
        seen.append(result)
        stop.set()
    runner.close()
    assert len(seen) < 30


def test_in_a_batch_a_tron_transfer_waiting_in_the_pool_is_still_found_there() -> None:
    """A batch asks the pool only for what no block holds: one request fewer per case, the same verdicts."""
    with TronNode() as node:
        waiting = node.trc20_transfer(SENDER, USER, 5_000_000, pending=True).txid
        done = node.trc20_transfer(SENDER, USER, 6_000_000).txid
        requests = [
            (i, Request(Case("tron", h, address=USER, token="USDT"), endpoints={"tron": (node.url,)}))
            for i, h in enumerate([waiting, done])
        ]
        runner = BatchRunner(jobs=2)
        verdicts = {r.index: r.diagnosis.verdict.code for r in runner.run(requests) if r.diagnosis}
        runner.close()
        asked = [p for p in node.paths if "gettransactionfrompending" in p]
    assert verdicts == {0: "TX_PENDING", 1: "CONFIRMATIONS_SUFFICIENT"}
    assert len(asked) == 1, "only the transaction no block holds is looked for in the pool"


class _ToLocalToncenter:
    """A batch transport that carries https://toncenter.com's requests to a local toncenter node, as a proxy
    would: the adapter still sees toncenter's own host, so it decides on its own whether the key goes."""

    def __init__(self, node_url: str) -> None:
        self.node_url = node_url

    def attach(self, session: requests.Session, network: Network, shared: SharedReads) -> None:
        node_url = self.node_url

        class Carried(HTTPAdapter):
            def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:
                request.url = (request.url or "").replace("https://toncenter.com", node_url, 1)
                return super().send(request, **kwargs)

        session.mount("https://toncenter.com", Carried())


@pytest.mark.parametrize("key", ["my-toncenter-key", None])
def test_the_batch_s_ton_adapter_carries_the_request_s_toncenter_key(key: str | None) -> None:
    with TonNode() as node:
        tx = node.send_ton(account("sender"), account("exchange"), 10**9, "123")
        request = Request(Case("ton", tx), endpoints={"ton": ("https://toncenter.com",)}, ton_api_key=key)
        runner = BatchRunner(transport=_ToLocalToncenter(node.url))
        facts = runner.adapters_for(request)["ton"].gather(catalog.network("ton"), tx)
        sent = {h.get("X-API-Key") for h in node.headers}
    assert isinstance(facts.tx, Found)
    assert sent == {key}
