"""Bitcoin diagnosis benchmark: sequential round trips per diagnosis, and wall time against the local Esplora node.

Prints figures; not part of the test run. ``--delay`` adds that many seconds to every request the node
answers, as a distant node would: the time then shows whether requests wait on each other.
Usage: .venv/bin/python bench/bitcoin_diagnosis.py [--runs 50] [--delay 0.05]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.sandbox.esplora_node import BTC_DEPOSIT, BTC_LOOK_ALIKE, EsploraNode
from diagnostics import catalog
from diagnostics.chains import adapters
from diagnostics.chains.bitcoin import BitcoinAdapter
from diagnostics.engine import diagnose
from diagnostics.model import Case


def _cases(node: EsploraNode) -> dict[str, Case]:
    node.mining_fee_rate = 10.0
    wallet = node.new_address()
    coins = [node.fund(wallet, 1_000_000) for _ in range(3)]
    credited = node.send([coins[0]], [(BTC_DEPOSIT, 250_000)], fee_rate=20, change=wallet)
    poisoned = node.send([coins[1]], [(BTC_LOOK_ALIKE, 250_000)], fee_rate=20, change=wallet)
    node.mine(3)
    stuck = node.send([coins[2]], [(BTC_DEPOSIT, 250_000)], fee_rate=2, change=wallet)
    return {
        "credited (confirmed)": Case("bitcoin", credited, BTC_DEPOSIT, "BTC"),
        "look-alike (confirmed)": Case("bitcoin", poisoned, BTC_DEPOSIT, "BTC"),
        "low fee (pending)": Case("bitcoin", stuck, BTC_DEPOSIT, "BTC"),
        "unknown txid": Case("bitcoin", "ab" * 32, BTC_DEPOSIT),
    }


def _measure(node: EsploraNode, case: Case, runs: int) -> tuple[int, int, list[float]]:
    network = catalog.network("bitcoin")
    before = node.requests
    facts = BitcoinAdapter({"bitcoin": node.base_url}).gather(network, case.tx_hash)
    trips, sent = facts.round_trips, node.requests - before
    chosen = adapters({"bitcoin": node.base_url})
    diagnose(case, adapters=chosen, search=())  # warm: imports
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
        with EsploraNode(delay=delay) as node:
            added = f"{delay * 1000:.0f} ms added per request"
            print(f"local Esplora node {node.base_url}, {added}, {args.runs} diagnoses per case")
            for name, case in _cases(node).items():
                trips, sent, times = _measure(node, case, args.runs)
                print(
                    f"{name:>24}: {trips} sequential round trips ({sent} HTTP requests, side by side); "
                    f"median {statistics.median(times):.1f} ms, p90 {statistics.quantiles(times, n=10)[-1]:.1f} ms"
                )


if __name__ == "__main__":
    main()
