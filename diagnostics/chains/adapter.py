"""What the engine needs from a chain family's adapter, and how failures are put into words."""

from __future__ import annotations

from typing import Protocol
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
    """The part of an endpoint a report may show: API keys often ride in the path or query."""
    parts = urlsplit(url)
    return parts.netloc or url


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
