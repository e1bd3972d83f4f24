"""Chain adapters: the only code that talks to nodes. Each returns facts, never verdicts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from diagnostics.chains.adapter import DEFAULT_TIMEOUT_SECONDS, ChainAdapter
from diagnostics.chains.evm import EvmAdapter
from diagnostics.chains.tron import TronAdapter


def adapters(
    endpoints: Mapping[str, str | Sequence[str]] | None = None,
    *,
    timeout: float = DEFAULT_TIMEOUT_SECONDS,
    tron_api_key: str | None = None,
) -> dict[str, ChainAdapter]:
    """One adapter per chain family, sharing the user's endpoint overrides and timeout."""
    return {
        "evm": EvmAdapter(endpoints, timeout=timeout),
        "tron": TronAdapter(endpoints, timeout=timeout, api_key=tron_api_key),
    }
