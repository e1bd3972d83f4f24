"""EVM diagnosis benchmark: sequential HTTP round trips per diagnosis, and wall time against local anvil.

Prints figures; not part of the test run. Usage: .venv/bin/python bench/evm_diagnosis.py [--runs 50]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.sandbox.anvil import Anvil
from desktop.sandbox.chain import Chain
from diagnostics import catalog
from diagnostics.chains.evm import EvmAdapter
from diagnostics.engine import diagnose
from diagnostics.model import Case
from tests.fixtures.rpc_server import RpcServer

USDT = "0xdAC17F958D2ee523a2206206994597C13D831ec7"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=50)
    runs = parser.parse_args().runs
    with Anvil(1) as anvil:
        chain = Chain(anvil.url)
        chain.place_token(USDT, "USDT", 6)
        chain.mint(USDT, chain.sender, 10**12)
        found = chain.send(USDT, "transfer", chain.deposit, 250 * 10**6)
        chain.wait(found)
        chain.mine(20)
        cases = {
            "confirmed USDT transfer": Case("ethereum", found, chain.deposit, "USDT"),
            "unknown hash": Case("ethereum", "0x" + "ab" * 32, chain.deposit),
        }
        network = catalog.network("ethereum")
        print(f"anvil {anvil.url}, {runs} diagnoses per case")
        for name, case in cases.items():
            with RpcServer("relay", upstream=anvil.url) as relay:
                facts = EvmAdapter({"ethereum": relay.url}).gather(network, case.tx_hash)
                trips, requests_sent = facts.round_trips, relay.requests
            adapter = EvmAdapter({"ethereum": anvil.url})
            diagnose(case, adapters={"evm": adapter}, search=())  # warm: imports, connection pool
            times = []
            for _ in range(runs):
                started = time.perf_counter()
                diagnose(case, adapters={"evm": adapter}, search=())
                times.append((time.perf_counter() - started) * 1000)
            print(
                f"{name:>26}: {trips} sequential round trips ({requests_sent} HTTP requests, batched); "
                f"median {statistics.median(times):.1f} ms, p90 {statistics.quantiles(times, n=10)[-1]:.1f} ms, "
                f"min {min(times):.1f} ms"
            )


if __name__ == "__main__":
    main()
