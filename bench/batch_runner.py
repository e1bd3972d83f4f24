"""The batch runner on 1,000 cases over three networks (Ethereum and BNB Smart Chain on anvil, Tron on the local
java-tron HTTP node), each endpoint behind a counting relay.

Figures: HTTP requests per case, shared reads included (goal <= 1.3); cases per second (goal >= 250 on 2 cores);
then the same batch against endpoints that answer 429 (Retry-After: 1) past 20 requests a second: failed cases
(goal 0) and the rate the batch settles at.
Usage: .venv/bin/python bench/batch_runner.py [--cases 1000] [--jobs 16] [--limit 20]
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import time
from collections import Counter
from multiprocessing.connection import Connection
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.sandbox.tron_node import TronNode
from diagnostics.batch.runner import BatchRunner, BatchStats
from diagnostics.model import Case
from diagnostics.request import Request
from tests.fixtures.evm_node import BSC_USDT, ETH_USDT, Node
from tests.fixtures.rpc_server import RpcServer

TRON_USER = "TCLBgkbfVkJroVBJVqBEsxtPNQEQMTQCLQ"
TRON_SENDER = "TL24LCps5FKwp3PoU1MvrYrwhi5LU1tHre"


def _evm_transfers(node: Node, count: int) -> list[str]:
    token = node.chain.token(node.usdt)
    hashes = []
    for i in range(count):
        tx = token.functions.transfer(node.chain.deposit, node.unit + i).transact({"from": node.chain.sender})
        hashes.append("0x" + bytes(tx).hex())
    node.chain.mine(80)
    return hashes


def _run(requests: list[tuple[int, Request]], jobs: int) -> tuple[BatchStats, Counter[str], BatchRunner]:
    runner = BatchRunner(jobs=jobs)
    stats = BatchStats()
    verdicts = Counter[str]()
    for result in runner.run(requests, stats=stats):
        verdicts[result.diagnosis.verdict.code if result.diagnosis else f"failed: {result.error}"] += 1
        if result.diagnosis is not None and result.diagnosis.verdict.code == "NODE_UNAVAILABLE":
            print("  unavailable:", [(n.network, n.tx) for n in result.diagnosis.facts.networks][:3])
    runner.close()
    return stats, verdicts, runner


def _tron_node(count: int, limit: float, conn: Connection) -> None:
    """The Tron node in a process of its own, as a real node is: its threads must not share the runner's GIL.
    It answers the bench's commands: "limit" (from then on 429 past ``limit`` requests a second), "counts"
    (requests, refused), "stop"."""
    node = TronNode()
    conn.send((node.url, [node.trc20_transfer(TRON_SENDER, TRON_USER, 10**6 + i).txid for i in range(count)]))
    while (command := conn.recv()) != "stop":
        if command == "limit":
            node.rate_limit = limit
            conn.send(None)
        else:
            conn.send((node.requests, node.limited))
    node.stop()


def _report(title: str, cases: int, stats: BatchStats, verdicts: Counter[str]) -> None:
    counts = stats.counts
    print(f"\n{title}:")
    print(f"  {cases} cases in {stats.seconds:.2f} s: {cases / stats.seconds:.0f} cases/s")
    print(
        f"  {counts.requests} HTTP requests sent: {counts.requests / cases:.2f} per case, shared reads included "
        f"(goal <= 1.3); {counts.calls} JSON-RPC calls in them; {counts.shared} answers shared from memory"
    )
    print(f"  verdicts: {dict(verdicts)}; failed cases: {stats.failed}; cases asked again: {stats.retried}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=16)
    parser.add_argument("--limit", type=float, default=20.0)
    args = parser.parse_args()
    per = args.cases // 3
    eth, bsc = Node("ethereum", 1, ETH_USDT, 6), Node("bsc", 56, BSC_USDT, 18)
    here, there = multiprocessing.Pipe()
    tron = multiprocessing.Process(target=_tron_node, args=(args.cases - 2 * per, args.limit, there), daemon=True)
    tron.start()
    try:
        started = time.perf_counter()
        eth_hashes, bsc_hashes = _evm_transfers(eth, per), _evm_transfers(bsc, per)
        tron_url, tron_hashes = here.recv()
        print(f"{args.cases} transfers made in {time.perf_counter() - started:.1f} s")
        tron_cases = [("tron", h, TRON_USER) for h in tron_hashes]
        evm_cases = [
            *(("ethereum", h, eth.chain.deposit) for h in eth_hashes),
            *(("bsc", h, bsc.chain.deposit) for h in bsc_hashes),
        ]
        # Interleaved, as a morning's tickets come: not one network after the other.
        cases = [c for trio in zip(evm_cases[:per], evm_cases[per:], tron_cases, strict=False) for c in trio]
        cases += tron_cases[per:]

        def requests(urls: dict[str, str]) -> list[tuple[int, Request]]:
            return [
                (n, Request(Case(net, h, address=a, token="USDT"), endpoints={net: (urls[net],)}))
                for n, (net, h, a) in enumerate(cases)
            ]

        # Straight to the nodes: what the runner costs, and the requests it sends (counted by its transport).
        stats, verdicts, runner = _run(requests({"ethereum": eth.url, "bsc": bsc.url, "tron": tron_url}), args.jobs)
        _report("no limit, straight to the nodes", len(cases), stats, verdicts)
        here.send("limit")
        here.recv()
        # Behind relays that answer 429 past the limit, as public endpoints do.
        with RpcServer("relay", upstream=eth.url) as eth_relay, RpcServer("relay", upstream=bsc.url) as bsc_relay:
            for server in (eth_relay, bsc_relay):
                server.rate_limit = args.limit
            here.send("counts")
            tron_before, _ = here.recv()
            urls = {"ethereum": eth_relay.url, "bsc": bsc_relay.url, "tron": tron_url}
            stats, verdicts, runner = _run(requests(urls), args.jobs)
            _report(
                f"every endpoint answers 429 (Retry-After: 1) past {args.limit:g} requests/s",
                len(cases),
                stats,
                verdicts,
            )
            here.send("counts")
            tron_after, tron_limited = here.recv()
            counted = {"ethereum": eth_relay.requests, "bsc": bsc_relay.requests, "tron": tron_after - tron_before}
            refused = eth_relay.limited + bsc_relay.limited + tron_limited
            print(f"  the nodes counted {counted} requests, {refused} of them refused")
            for endpoint, pace in runner.transport.paces.all().items():
                rate = f"a pace of {pace.rate:.1f}/s" if pace.rate is not None else "no pace (never refused)"
                answered = (pace.sent - pace.refusals) / stats.seconds
                print(
                    f"  {endpoint}: {pace.sent} sent, {pace.refusals} refused; {answered:.1f} answered a second "
                    f"on average; ended at {rate}"
                )
    finally:
        eth.stop()
        bsc.stop()
        here.send("stop")
        tron.join(timeout=5)


if __name__ == "__main__":
    main()
