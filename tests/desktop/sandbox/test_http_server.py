"""The loopback server serves GETs through the same faults and counters as POSTs, and POSTs as before."""

from __future__ import annotations

import requests

from desktop.sandbox.esplora_node import EsploraNode
from tests.fixtures.rpc_server import RpcServer


def test_a_post_only_server_refuses_gets_and_still_answers_posts() -> None:
    with RpcServer("rpc_error") as server:
        refused = requests.get(server.url, timeout=5)
        answered = requests.post(server.url, json={"jsonrpc": "2.0", "id": 1, "method": "eth_chainId"}, timeout=5)
    assert (refused.status_code, refused.text) == (501, "Unsupported method ('GET')")
    assert answered.json()["error"]["code"] == -32005
    assert server.requests == 2 and server.bodies == [None, {"jsonrpc": "2.0", "id": 1, "method": "eth_chainId"}]


def test_gets_and_posts_share_faults_and_counters() -> None:
    with EsploraNode(fault="429") as node:
        got = requests.get(f"{node.base_url}/blocks/tip/height", timeout=5)
        posted = requests.post(f"{node.base_url}/tx", data="00", timeout=5)
    assert got.status_code == posted.status_code == 429
    assert node.requests == 2 and node.paths == ["/api/blocks/tip/height", "/api/tx"]
    assert node.headers[0]["Host"].startswith("127.0.0.1:")


def test_the_esplora_node_serves_no_posts() -> None:
    with EsploraNode() as node:
        posted = requests.post(f"{node.base_url}/tx", data="00", timeout=5)
    assert (posted.status_code, posted.text) == (404, 'endpoint does not exist "/tx"')
