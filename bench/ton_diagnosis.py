"""Round trips and time per TON diagnosis against the local toncenter v3 node (goal: at most 2 round trips).

Run: .venv/bin/python bench/ton_diagnosis.py
"""

from __future__ import annotations

import base64
from time import perf_counter

from desktop.sandbox.ton_node import TonNode, account
from diagnostics import catalog
from diagnostics.chains import adapters


def main() -> None:
    ton = catalog.network("ton")
    with TonNode() as node:
        user, exchange = account("bench-user"), account("bench-exchange")
        cases = {
            "USDT deposit with comment": node.send_jetton(user, exchange, 25_000_000, "884512"),
            "USDT deposit without comment": node.send_jetton(user, exchange, 25_000_000, None),
            "TON transfer, bounced": node.send_ton(user, exchange, 10**9, "884512", bounce=True),
            "USDT transfer, compute phase 47": node.send_jetton(user, exchange, 1, "x", exit_code=47),
            "waiting (pending)": node.send_ton(user, exchange, 10**9, pending=True),
            "not found": base64.b64encode(bytes(range(32))).decode(),
        }
        adapter = adapters({"ton": node.url})["ton"]
        print(f"{'case':36} {'round trips':>11} {'requests':>9} {'ms':>7}")
        for name, tx in cases.items():
            before = node.requests
            started = perf_counter()
            facts = adapter.gather(ton, tx if len(tx) == 64 else base64.b64decode(tx).hex())
            elapsed = (perf_counter() - started) * 1000
            print(f"{name:36} {facts.round_trips:>11} {node.requests - before:>9} {elapsed:>7.1f}")


if __name__ == "__main__":
    main()
