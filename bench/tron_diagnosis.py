"""Tron diagnosis benchmark: sequential round trips per diagnosis, and wall time against the local Tron node.

Prints figures; not part of the test run. ``--delay`` adds that many seconds to every request the node
answers, as a distant node would: the time then shows whether requests wait on each other.
Usage: .venv/bin/python bench/tron_diagnosis.py [--runs 50] [--delay 0.05]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.sandbox.tron_node import TronNode
from diagnostics import catalog
from diagnostics.chains import adapters
from diagnostics.chains.tron import TronAdapter
from diagnostics.engine import diagnose
from diagnostics.model import Case

SENDER = "TL24LCps5FKwp3PoU1MvrYrwhi5LU1tHre"
USER = "TCLBgkbfVkJroVBJVqBEsxtPNQEQMTQCLQ"


def _cases(node: TronNode) -> dict[str, Case]:
    recorded = node.put_recorded("trc20_usdt_transfer_tx.trongrid_v1.json", "trc20_usdt_transfer_txinfo.json")
    fake = node.trc20_transfer(SENDER, USER, 10**9, contract=node.deploy("USDT", 6))
    return {
        "recorded USDT transfer": Case("tron", recorded, "TXVj38D1XR3TPgSHTCZGC8wkLDAGqF1oqx", "USDT"),
        "fake USDT (token read)": Case("tron", fake.txid, USER, "USDT"),
        "unknown hash": Case("tron", "ab" * 32, USER),
    }


def _measure(node: TronNode, case: Case, runs: int) -> tuple[int, int, list[float]]:
    network = catalog.network("tron")
    before = node.requests
    facts = TronAdapter({"tron": node.url}).gather(network, case.tx_hash)
    trips, sent = facts.round_trips, node.requests - before
    chosen = adapters({"tron": node.url})
    diagnose(case, adapters=chosen, search=())  # warm: imports, connection pool
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        diagnose(case, adapters=chosen, search=())
        times.append((time.perf_counter() - started) * 1000)
    return trips, sent, times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--delay", type=float, default=0.05)
    args = parser.parse_args()
    for delay in (0.0, args.delay):
        with TronNode(delay=delay) as node:
            added = f"{delay * 1000:.0f} ms added per request"
            print(f"local Tron node {node.url}, {added}, {args.runs} diagnoses per case")
            for name, case in _cases(node).items():
                trips, sent, times = _measure(node, case, args.runs)
                print(
                    f"{name:>26}: {trips} sequential round trips ({sent} HTTP requests, side by side); "
                    f"median {statistics.median(times):.1f} ms, p90 {statistics.quantiles(times, n=10)[-1]:.1f} ms"
                )


if __name__ == "__main__":
    main()
