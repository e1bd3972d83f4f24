from __future__ import annotations

import pytest
from eth_utils import is_checksum_address

from diagnostics import catalog
from diagnostics.errors import InputError


def test_ethereum_and_bsc_profiles() -> None:
    eth, bsc = catalog.network("ethereum"), catalog.network("BSC")
    assert (eth.chain_id, eth.native_symbol, eth.display_name) == (1, "ETH", "Ethereum (ERC-20)")
    assert (bsc.chain_id, bsc.native_symbol, bsc.display_name) == (56, "BNB", "BNB Smart Chain (BEP-20)")
    for network in (eth, bsc):
        assert network.confirmations > 0 and network.block_time_seconds > 0 and network.rpc_urls
        assert (
            "{hash}" in network.explorer.tx
            and "{address}" in network.explorer.address
            and "{contract}" in network.explorer.token
        )


def test_official_stablecoins_and_their_decimals() -> None:
    eth, bsc = catalog.network("ethereum"), catalog.network("bsc")
    assert eth.tokens_by_symbol("USDT")[0].contract == "0xdAC17F958D2ee523a2206206994597C13D831ec7"
    assert eth.tokens_by_symbol("USDT")[0].decimals == 6 and eth.tokens_by_symbol("USDC")[0].decimals == 6
    assert bsc.tokens_by_symbol("USDT")[0].contract == "0x55d398326f99059fF775485246999027B3197955"
    assert bsc.tokens_by_symbol("USDT")[0].decimals == 18 and bsc.tokens_by_symbol("USDC")[0].decimals == 18
    for network in (eth, bsc):
        assert all(is_checksum_address(t.contract) for t in network.tokens)
        assert network.token_by_contract(network.tokens[0].contract.lower()) == network.tokens[0]


def test_unknown_network_suggests_the_closest() -> None:
    with pytest.raises(InputError, match="did you mean 'ethereum'"):
        catalog.network("etherum")


@pytest.mark.parametrize(
    ("typed", "slug"),
    [
        ("ERC-20", "ethereum"),
        ("eth", "ethereum"),
        ("Ethereum (ERC-20)", "ethereum"),
        ("bep20", "bsc"),
        ("BNB Smart Chain", "bsc"),
    ],
)
def test_names_users_type(typed: str, slug: str) -> None:
    assert catalog.network(typed).slug == slug
