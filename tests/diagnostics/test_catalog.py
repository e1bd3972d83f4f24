from __future__ import annotations

import re

import pytest
from eth_utils import is_checksum_address

from diagnostics import catalog
from diagnostics.errors import CatalogError, InputError


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


def test_every_network_the_issue_names_with_the_names_users_know() -> None:
    networks = catalog.networks()
    assert list(networks) == [
        "ethereum",
        "bsc",
        "polygon",
        "arbitrum",
        "optimism",
        "base",
        "avalanche",
        "tron",
        "bitcoin",
        "solana",
        "ton",
    ]
    evm = [n for n in networks.values() if n.family == "evm"]
    assert len({n.chain_id for n in evm}) == len(evm) == 7
    assert {n.chain_id for n in evm} == {1, 56, 137, 42161, 10, 8453, 43114}
    names = [n.display_name for n in networks.values()]
    assert len(set(names)) == len(names)
    for network in networks.values():
        assert network.confirmations > 0 and network.block_time_seconds > 0 and network.rpc_urls
        assert all(url.startswith("https://") for url in network.rpc_urls)
        if network.family == "bitcoin":
            assert not network.tokens and network.genesis_hash  # no token contracts; told apart by block 0
            continue
        symbols = {t.symbol for t in network.tokens}
        assert "USDC" in symbols or network.slug == "ton", network.slug  # Circle issues no USDC on TON
        assert "USDT" in symbols or network.slug == "base", network.slug  # Tether issues none on Base
        if network.family == "evm":
            assert all(is_checksum_address(t.contract) for t in network.tokens)
            assert len({t.contract.lower() for t in network.tokens}) == len(network.tokens)


def test_bitcoin_by_the_names_users_type() -> None:
    for typed in ("btc", "Bitcoin", "BTC", "比特币", "bitcoin (btc)"):
        assert catalog.network(typed).slug == "bitcoin"
    bitcoin = catalog.network("bitcoin")
    assert (bitcoin.native_decimals, bitcoin.block_time_seconds, bitcoin.confirmations) == (8, 600.0, 3)


def test_bridged_variants_are_tokens_of_their_own() -> None:
    assert catalog.network("polygon").tokens_by_symbol("USDC.e")[0].decimals == 6
    assert catalog.network("base").tokens_by_symbol("USDbC")
    assert catalog.network("avalanche").tokens_by_symbol("USDT.e")
    assert catalog.network("optimism").tokens_by_symbol("USDT0")
    native = catalog.network("arbitrum").tokens_by_symbol("USDC")[0]
    assert native.contract != catalog.network("arbitrum").tokens_by_symbol("USDC.e")[0].contract


@pytest.mark.parametrize("typed", ["auto", "Auto-detect", "自动识别", "AUTO"])
def test_auto_detect_names(typed: str) -> None:
    assert catalog.is_auto(typed)
    assert not catalog.is_auto("ethereum")


def test_every_exchange_figure_has_its_source_and_the_date_it_was_read() -> None:
    profiles = catalog.exchanges()
    assert {"binance", "okx", "bybit", "bitget", "kucoin", "bitmart", "htx", "gate", "mexc"} <= set(profiles)
    for profile in profiles.values():
        assert profile.support_url.startswith("https://"), profile.slug
        for rule in profile.deposits:
            assert rule.source and re.fullmatch(r"\d{4}-\d{2}-\d{2}", rule.read), (profile.slug, rule)
            assert rule.network in catalog.networks() or rule.network in ("solana", "ton")


def test_an_exchange_row_without_a_source_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    row = {"coin": "USDT", "network": "tron", "accepted": True, "confirmations": 1, "read": "2026-12-01"}
    with pytest.raises(CatalogError, match="source"):
        catalog._deposit_rule("test", row)


@pytest.mark.parametrize(
    ("typed", "slug"), [("Bitget", "bitget"), ("OKX", "okx"), ("币安", "binance"), ("Huobi", "htx")]
)
def test_exchanges_by_the_names_users_type(typed: str, slug: str) -> None:
    assert catalog.exchange(typed).slug == slug


def test_an_unknown_exchange_suggests_the_closest() -> None:
    with pytest.raises(InputError, match="did you mean 'bitget'"):
        catalog.exchange("bitgte")
