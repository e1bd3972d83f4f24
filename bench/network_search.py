"""Searching every network: Deposit Doctor's parallel, batched search against the naive way, behind a slow link.

Every network gets a local node (an anvil per EVM chain id, the local Tron node) behind a proxy that adds
``--delay`` seconds (default 0.1) to every request, as a distant public endpoint would. Two cases:

- an unknown hash with Auto-detect: all eight networks must answer "not found";
- USDT sent on BNB Smart Chain while Ethereum was chosen: Ethereum first, then the others.

The naive way asks the same things one call after another, network after network, with plain web3.py and
tronpy calls, stopping at the network that knows the hash. Prints both medians and the ratio.
Usage: .venv/bin/python bench/network_search.py [--runs 7] [--delay 0.1]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tronpy import Tron
from tronpy.exceptions import TransactionNotFound as TronNotFound
from tronpy.providers import HTTPProvider as TronHTTP
from web3 import HTTPProvider, Web3
from web3.exceptions import TransactionNotFound

from diagnostics import catalog
from diagnostics.chains import adapters
from diagnostics.engine import diagnose
from diagnostics.model import Case
from tests.fixtures.networks import AllNetworks
from tests.fixtures.rpc_server import RpcServer

UNKNOWN = "0x" + "cd" * 32
ERC20 = [
    {"name": "symbol", "inputs": [], "outputs": [{"type": "string"}], "stateMutability": "view", "type": "function"},
    {"name": "decimals", "inputs": [], "outputs": [{"type": "uint8"}], "stateMutability": "view", "type": "function"},
]


def naive_evm(url: str, tx_hash: str) -> bool:
    """What a straightforward script does: one web3 call after another."""
    w3 = Web3(HTTPProvider(url, request_kwargs={"timeout": 10}))
    assert w3.eth.chain_id  # the check any careful script makes first
    try:
        tx = w3.eth.get_transaction(tx_hash)  # type: ignore[arg-type]
    except TransactionNotFound:
        return False
    receipt = w3.eth.get_transaction_receipt(tx_hash)  # type: ignore[arg-type]
    w3.eth.get_block("latest")
    w3.eth.get_transaction_count(tx["from"])
    for log in receipt["logs"]:
        token = w3.eth.contract(address=log["address"], abi=ERC20)
        token.functions.symbol().call()
        token.functions.decimals().call()
    return True


def naive_tron(url: str, tx_hash: str) -> bool:
    client = Tron(TronHTTP(url, timeout=10))
    client.provider.use_api_key = False
    try:
        client.get_transaction(tx_hash.removeprefix("0x"))
    except TronNotFound:
        return False
    client.get_transaction_info(tx_hash.removeprefix("0x"))
    client.get_latest_block()
    return True


def naive(endpoints: dict[str, str], tx_hash: str, chosen: str | None) -> None:
    order = [n for n in catalog.networks().values() if chosen is None or n.slug != chosen]
    if chosen is not None:
        order.insert(0, catalog.network(chosen))
    for network in order:
        ask = naive_evm if network.family == "evm" else naive_tron
        if ask(endpoints[network.slug], tx_hash):
            return


def ours(endpoints: dict[str, str], tx_hash: str, chosen: str | None) -> None:
    diagnose(Case(chosen or "auto", tx_hash), adapters=adapters(endpoints, timeout=5.0))


def median_ms(job: Callable[[], None], runs: int) -> float:
    job()  # warm: imports, connection pools, code paths
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        job()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--delay", type=float, default=0.1)
    args = parser.parse_args()
    nets = AllNetworks()
    proxies = {slug: RpcServer("relay", upstream=url, delay=args.delay) for slug, url in nets.endpoints.items()}
    try:
        bsc = nets.bsc
        sent = bsc.chain.send(bsc.usdt, "transfer", bsc.chain.deposit, 250 * bsc.unit)
        bsc.chain.wait(sent)
        bsc.chain.mine(20)
        endpoints = {slug: proxy.url for slug, proxy in proxies.items()}
        print(f"{len(endpoints)} networks, each behind a proxy adding {args.delay * 1000:.0f} ms per request")
        cases = {
            "unknown hash, Auto-detect (all 8 answer)": (UNKNOWN, None),
            "BSC transfer, Ethereum chosen": (sent, "ethereum"),
        }
        for name, (tx_hash, chosen) in cases.items():
            fast = median_ms(lambda: ours(endpoints, tx_hash, chosen), args.runs)  # noqa: B023
            before = sum(p.requests for p in proxies.values())
            ours(endpoints, tx_hash, chosen)
            our_requests = sum(p.requests for p in proxies.values()) - before
            slow = median_ms(lambda: naive(endpoints, tx_hash, chosen), max(1, args.runs // 2))  # noqa: B023
            before = sum(p.requests for p in proxies.values())
            naive(endpoints, tx_hash, chosen)
            naive_requests = sum(p.requests for p in proxies.values()) - before
            print(
                f"{name}:\n  Deposit Doctor {fast:7.0f} ms ({our_requests} requests)   "
                f"naive {slow:7.0f} ms ({naive_requests} requests)   {slow / fast:.1f}x faster"
            )
    finally:
        for proxy in proxies.values():
            proxy.stop()
        nets.stop()


if __name__ == "__main__":
    main()
