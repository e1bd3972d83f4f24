"""Searching every network: Deposit Doctor's parallel, batched search against the naive way, behind a slow link.

Every network a 0x hash can be on gets a local node (an anvil per EVM chain id, the local Tron node) behind a
proxy that adds ``--delay`` seconds (default 0.3) to every request, as a distant public endpoint would. Cases:

- USDT sent on BNB Smart Chain while Ethereum was chosen: Ethereum first, then the others;
- USDT sent on Ethereum with Ethereum chosen (the right network): nothing else should be asked;
- USDT sent on Tron while Ethereum was chosen (the id pasted with 0x);
- an unknown hash with Auto-detect: every network must answer "not found".

Round trips on the critical path are the wall time over the delay. The naive way asks the same things one call
after another, network after network, with plain web3.py and tronpy calls, stopping at the network that knows the
hash. Prints both medians, the ratio, and every request each way sent.
Usage: .venv/bin/python bench/network_search.py [--runs 7] [--delay 0.3]
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
from diagnostics.intake.sniff import networks_for_hash
from diagnostics.model import Case
from tests.fixtures.networks import AllNetworks
from tests.fixtures.rpc_server import RpcServer

UNKNOWN = "0x" + "cd" * 32
TRON_SENDER = "TL24LCps5FKwp3PoU1MvrYrwhi5LU1tHre"
TRON_USER = "TCLBgkbfVkJroVBJVqBEsxtPNQEQMTQCLQ"
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
    candidates = networks_for_hash(tx_hash, catalog.networks().values())
    order = [n for n in candidates if chosen is None or n.slug != chosen]
    if chosen is not None:
        order.insert(0, catalog.network(chosen))
    for network in order:
        ask = naive_evm if network.family == "evm" else naive_tron
        if ask(endpoints[network.slug], tx_hash):
            return


def ours(endpoints: dict[str, str], tx_hash: str, chosen: str | None, address: str | None = None) -> None:
    diagnose(Case(chosen or "auto", tx_hash, address), adapters=adapters(endpoints, timeout=5.0))


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
    parser.add_argument("--delay", type=float, default=0.3)
    args = parser.parse_args()
    nets = AllNetworks()
    slugs = [n.slug for n in networks_for_hash(UNKNOWN, catalog.networks().values())]
    proxies = {slug: RpcServer("relay", upstream=nets.endpoints[slug], delay=args.delay) for slug in slugs}
    try:
        bsc, eth = nets.bsc, nets.eth
        on_bsc = bsc.chain.send(bsc.usdt, "transfer", bsc.chain.deposit, 250 * bsc.unit)
        bsc.chain.wait(on_bsc)
        bsc.chain.mine(20)
        on_eth = eth.chain.send(eth.usdt, "transfer", eth.chain.deposit, 250 * eth.unit)
        eth.chain.wait(on_eth)
        eth.chain.mine(20)
        on_tron = "0x" + nets.tron.trc20_transfer(TRON_SENDER, TRON_USER, 250 * 10**6).txid
        endpoints = {slug: proxy.url for slug, proxy in proxies.items()}
        print(f"{len(endpoints)} networks, each behind a proxy adding {args.delay * 1000:.0f} ms per request")
        cases = {
            "BSC transfer, Ethereum chosen": (on_bsc, "ethereum", bsc.chain.deposit),
            "Ethereum transfer, Ethereum chosen": (on_eth, "ethereum", eth.chain.deposit),
            "Tron transfer, Ethereum chosen": (on_tron, "ethereum", TRON_USER),
            f"unknown hash, Auto-detect (all {len(slugs)} answer)": (UNKNOWN, None, None),
        }
        for name, (tx_hash, chosen, address) in cases.items():
            fast = median_ms(lambda: ours(endpoints, tx_hash, chosen, address), args.runs)  # noqa: B023
            before = {slug: p.requests for slug, p in proxies.items()}
            ours(endpoints, tx_hash, chosen, address)
            mine = {slug: p.requests - before[slug] for slug, p in proxies.items() if p.requests - before[slug]}
            slow = median_ms(lambda: naive(endpoints, tx_hash, chosen), max(1, args.runs // 2))  # noqa: B023
            before = {slug: p.requests for slug, p in proxies.items()}
            naive(endpoints, tx_hash, chosen)
            theirs = sum(p.requests - before[slug] for slug, p in proxies.items())
            trips = fast / 1000 / args.delay
            print(
                f"{name}:\n  Deposit Doctor {fast:6.0f} ms = {trips:.1f} round trips on the critical path, "
                f"{sum(mine.values())} requests {mine}\n  naive {slow:6.0f} ms, {theirs} requests   "
                f"{slow / fast:.1f}x faster"
            )
    finally:
        for proxy in proxies.values():
            proxy.stop()
        nets.stop()


if __name__ == "__main__":
    main()
