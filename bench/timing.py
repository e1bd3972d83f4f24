"""What the single-network benchmarks share: one diagnosis's round trips and requests, then its wall time.

Not a benchmark itself: ``tron_diagnosis.py`` and ``bitcoin_diagnosis.py`` measure their local nodes with it.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from typing import Any, Protocol

from diagnostics import catalog
from diagnostics.chains import adapters
from diagnostics.engine import diagnose
from diagnostics.model import Case, Hints


class LocalNode(Protocol):
    requests: int


def measure(node: LocalNode, url: str, case: Case, runs: int) -> tuple[int, int, list[float]]:
    """(sequential round trips, HTTP requests, wall times in ms over ``runs`` diagnoses) for ``case`` at ``url``."""
    network = catalog.network(case.network)
    chosen = adapters({network.slug: url})
    before = node.requests
    facts = chosen[network.family].gather(network, case.tx_hash, Hints(address=case.address))
    trips, sent = facts.round_trips, node.requests - before
    diagnose(case, adapters=chosen, search=())  # warm: imports, connection pools
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        diagnose(case, adapters=chosen, search=())
        times.append((time.perf_counter() - started) * 1000)
    return trips, sent, times


def run(
    title: str,
    start: Callable[[float], AbstractContextManager[Any]],
    url: Callable[[Any], str],
    cases: Callable[[Any], Mapping[str, Case]],
) -> None:
    """The benchmark's command line: each case on a fresh node, as it is and with ``--delay`` per request."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--delay", type=float, default=0.05)
    args = parser.parse_args()
    for delay in (0.0, args.delay):
        with start(delay) as node:
            print(f"{title} {url(node)}, {delay * 1000:.0f} ms added per request, {args.runs} diagnoses per case")
            for name, case in cases(node).items():
                trips, sent, times = measure(node, url(node), case, args.runs)
                print(
                    f"{name:>26}: {trips} sequential round trips ({sent} HTTP requests, side by side); "
                    f"median {statistics.median(times):.1f} ms, p90 {statistics.quantiles(times, n=10)[-1]:.1f} ms"
                )
