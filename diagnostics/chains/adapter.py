"""What the engine needs from a chain family's adapter, and how failures are put into words."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any, Protocol
from urllib.parse import urlsplit

import requests

from diagnostics.model import Network, NetworkFacts

DEFAULT_TIMEOUT_SECONDS = 5.0


class ChainAdapter(Protocol):
    family: str

    def gather(self, network: Network, tx_hash: str) -> NetworkFacts:
        """Every fact about ``tx_hash`` on ``network``; failures become ``Unavailable``, never exceptions."""
        ...


def endpoint_host(url: str) -> str:
    """The part of an endpoint a report may show: keys ride in the path, query or user:password@."""
    parts = urlsplit(url)
    if not parts.hostname:
        return "(endpoint)"
    return f"{parts.hostname}:{parts.port}" if parts.port else parts.hostname


def all_within(seconds: float, jobs: Sequence[Callable[[], Any]]) -> list[Any]:
    """Run ``jobs`` side by side; each gives its result, or the exception it raised or a timeout.

    requests' timeout bounds each socket read, not the request: a node that drips one byte at a time
    would hold a diagnosis for ever. These daemon threads are abandoned at the deadline instead, and a
    daemon thread never keeps the program from exiting.
    """
    results: list[Any] = [requests.Timeout(f"no complete answer within {seconds:g} s")] * len(jobs)
    threads = []
    for index, job in enumerate(jobs):

        def run(index: int = index, job: Callable[[], Any] = job) -> None:
            try:
                results[index] = job()
            except Exception as exc:  # handed back to the caller, who decides what it means
                results[index] = exc

        thread = threading.Thread(target=run, daemon=True)
        thread.start()
        threads.append(thread)
    for thread in threads:
        thread.join(max(0.0, seconds))
    return list(results)


def describe_failure(exc: Exception, url: str, timeout: float) -> str:
    """A sentence a person understands for why ``url`` could not be used."""
    host = endpoint_host(url)
    if isinstance(exc, requests.Timeout):
        return f"{host} did not answer within {timeout:g} s"
    if isinstance(exc, requests.ConnectionError):
        return f"could not connect to {host} (the node is down, or the address is wrong)"
    if isinstance(exc, requests.HTTPError) and exc.response is not None:
        status = exc.response.status_code
        if status == 429:
            return f"{host} is limiting requests (HTTP 429 Too Many Requests): try later or use another endpoint"
        if status >= 500:
            return f"{host} answered with a server error (HTTP {status})"
        return f"{host} refused the request (HTTP {status})"
    if isinstance(exc, ValueError):
        return f"{host} did not answer in the node's API format (the answer could not be read)"
    return f"{host} could not be used: {exc}"
