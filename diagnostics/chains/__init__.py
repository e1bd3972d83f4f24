"""Chain adapters: the only code that talks to nodes. Each returns facts, never verdicts.

web3.py and tronpy take most of a second to import, so they load with the first adapter built, not with
this package: the window paints first, and the CLI's argument errors come back at once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from diagnostics.chains.adapter import DEFAULT_TIMEOUT_SECONDS, ChainAdapter, Transport
from diagnostics.intake.sniff import normalize_hash
from diagnostics.model import ChainHead, Lookup, Network, Unavailable


def adapters(
    endpoints: Mapping[str, str | Sequence[str]] | None = None,
    *,
    timeout: float = DEFAULT_TIMEOUT_SECONDS,
    tron_api_key: str | None = None,
    transport: Transport | None = None,
    ton_api_key: str | None = None,
) -> dict[str, ChainAdapter]:
    """One adapter per chain family (the registry's other half is ``intake.sniff.FAMILIES``: each family's hash
    and address forms), sharing the user's endpoint overrides and timeout, and in a batch its transport."""
    from diagnostics.chains.bitcoin import BitcoinAdapter  # noqa: PLC0415 (see the module's docstring)
    from diagnostics.chains.evm import EvmAdapter  # noqa: PLC0415
    from diagnostics.chains.solana import SolanaAdapter  # noqa: PLC0415
    from diagnostics.chains.ton import TonAdapter  # noqa: PLC0415
    from diagnostics.chains.tron import TronAdapter  # noqa: PLC0415

    return {
        "evm": EvmAdapter(endpoints, timeout=timeout, transport=transport),
        "tron": TronAdapter(endpoints, timeout=timeout, api_key=tron_api_key, transport=transport),
        "bitcoin": BitcoinAdapter(endpoints, timeout=timeout, transport=transport),
        "solana": SolanaAdapter(endpoints, timeout=timeout, transport=transport),
        "ton": TonAdapter(endpoints, timeout=timeout, api_key=ton_api_key, transport=transport),
    }


# A hash no chain has: asking for it exercises every read a diagnosis makes, and changes nothing.
_PROBE_HASH = "0x" + "00" * 32


def check_endpoint(
    network: Network, url: str, *, timeout: float = DEFAULT_TIMEOUT_SECONDS, tron_api_key: str | None = None
) -> Lookup[ChainHead]:
    """Whether ``url`` is a working node of ``network``: its newest block, or why it is not usable
    (on EVM networks this includes a node of another chain id)."""
    adapter = adapters({network.slug: url}, timeout=timeout, tron_api_key=tron_api_key)[network.family]
    facts = adapter.gather(network, normalize_hash(_PROBE_HASH, network.family))
    return facts.tx if isinstance(facts.tx, Unavailable) else facts.head
