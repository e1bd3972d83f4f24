"""Tron diagnosis benchmark: sequential round trips per diagnosis, and wall time against the local Tron node.

Prints figures; not part of the test run. ``--delay`` adds that many seconds to every request the node
answers, as a distant node would: the time then shows whether requests wait on each other.
Usage: .venv/bin/python bench/tron_diagnosis.py [--runs 50] [--delay 0.05]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.timing import run
from desktop.sandbox.tron_node import TronNode
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


def main() -> None:
    run("local Tron node", lambda delay: TronNode(delay=delay), lambda node: node.url, _cases)


if __name__ == "__main__":
    main()
