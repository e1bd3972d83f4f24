"""Bitcoin diagnosis benchmark: sequential round trips per diagnosis, and wall time against the local Esplora node.

Prints figures; not part of the test run. ``--delay`` adds that many seconds to every request the node
answers, as a distant node would: the time then shows whether requests wait on each other.
Usage: .venv/bin/python bench/bitcoin_diagnosis.py [--runs 50] [--delay 0.05]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.timing import run
from desktop.sandbox.esplora_node import BTC_DEPOSIT, BTC_LOOK_ALIKE, EsploraNode
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


def main() -> None:
    run("local Esplora node", lambda delay: EsploraNode(delay=delay), lambda node: node.base_url, _cases)


if __name__ == "__main__":
    main()
