"""Hashes, addresses and explorer links of networks the app does not serve are named, never guessed onto one it does."""

from __future__ import annotations

import base64
import binascii

import base58
import pytest
from embit import bech32

from diagnostics import catalog
from diagnostics.intake import sniff
from diagnostics.intake.sniff import unsupported_network, unsupported_network_name
from diagnostics.model.network import find_network

NETWORKS = tuple(catalog.networks().values())
EVM_TX = "0x" + "1a" * 32
BARE_TX = "b2" * 32
TWENTY = bytes(range(1, 21))

BNB_BEACON = bech32.bech32_encode(bech32.Encoding.BECH32, "bnb", bech32.convertbits(TWENTY, 8, 5))
AVAX_X = "X-" + bech32.bech32_encode(bech32.Encoding.BECH32, "avax", bech32.convertbits(TWENTY, 8, 5))
LTC_SEGWIT = bech32.encode("ltc", 0, TWENTY)
LTC_LEGACY = base58.b58encode_check(b"\x30" + TWENTY).decode()
DOGE = base58.b58encode_check(b"\x1e" + TWENTY).decode()
XRP = base58.b58encode_check(b"\x00" + TWENTY, alphabet=base58.XRP_ALPHABET).decode()
SOLANA = base58.b58encode(bytes(range(100, 132))).decode()
SOLANA_SIGNATURE = base58.b58encode(bytes(range(64, 128))).decode()
_TON_RAW = bytes([0x11, 0]) + bytes(range(32))
TON = base64.urlsafe_b64encode(_TON_RAW + binascii.crc_hqx(_TON_RAW, 0).to_bytes(2, "big")).decode()


@pytest.mark.parametrize(
    ("value", "network"),
    [
        (BNB_BEACON, "BNB Beacon Chain"),
        (BNB_BEACON.upper(), "BNB Beacon Chain"),
        (AVAX_X, "Avalanche X-Chain"),
        (LTC_SEGWIT, "Litecoin"),
        (LTC_LEGACY, "Litecoin"),
        (DOGE, "Dogecoin"),
        (XRP, "XRP Ledger"),
        (f"https://xrpscan.com/tx/{BARE_TX.upper()}", "XRP Ledger"),
        (f"https://livenet.xrpl.org/transactions/{BARE_TX.upper()}", "XRP Ledger"),
        (f"https://explorer.bnbchain.org/tx/{BARE_TX.upper()}", "BNB Beacon Chain"),
        (f"https://opbnb.bscscan.com/tx/{EVM_TX}", "opBNB"),
        (f"https://blockchair.com/litecoin/transaction/{BARE_TX}", "Litecoin"),
        (f"https://blockchair.com/dogecoin/address/{DOGE}", "Dogecoin"),
        (f"https://blockchair.com/xrp-ledger/transaction/{BARE_TX}", "XRP Ledger"),
        (f"https://3xpl.com/litecoin/transaction/{BARE_TX}", "Litecoin"),
        (f"https://www.oklink.com/en/ltc/tx/{BARE_TX}", "Litecoin"),
        (f"https://www.oklink.com/xlayer/tx/{EVM_TX}", "xlayer"),  # no name of ours: as the explorer writes it
    ],
)
def test_a_value_of_a_network_the_app_does_not_serve_is_named(value: str, network: str) -> None:
    assert unsupported_network(value) == network
    assert unsupported_network(f"  {value}\n") == network


@pytest.mark.parametrize(
    "value",
    [
        EVM_TX,
        BARE_TX,  # 64 hex: Litecoin, XRP and BNB Beacon write theirs so too; the form alone says nothing
        BARE_TX.upper(),
        "0xdAC17F958D2ee523a2206206994597C13D831ec7",
        "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
        "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u",  # a Tron address with a typo is still Tron's
        "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
        "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2",
        "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy",
        SOLANA,  # Solana is served (networks.toml): its accounts, signatures and explorers are no longer "unsupported"
        SOLANA_SIGNATURE,
        f"https://solscan.io/tx/{SOLANA_SIGNATURE}",
        f"https://www.oklink.com/sol/tx/{SOLANA_SIGNATURE}",
        f"https://etherscan.io/tx/{EVM_TX}",
        f"https://blockchair.com/bnb/transaction/{EVM_TX}",  # BNB Smart Chain on Blockchair
        f"https://blockchair.com/bitcoin/transaction/{BARE_TX}",
        f"https://www.oklink.com/trx/tx/{BARE_TX}",
        f"https://blockchair.com/ethereum/erc-20/token/{EVM_TX}",  # no transaction or address page
        "Internal transfer 1234567",
        "9.20594E+63",
        "L4UESK-KG3EQ-UFO4T5",  # a Kraken ledger id
        "",
        "z" * 1_000_000,
        "https://" + "a" * 1_000_000,
    ],
)
def test_anything_else_is_no_unsupported_network(value: str) -> None:
    assert unsupported_network(value) is None


@pytest.mark.parametrize(
    ("name", "network"),
    [
        ("BEP2", "BNB Beacon Chain"),
        ("BNB Beacon Chain", "BNB Beacon Chain"),
        ("XRP", "XRP Ledger"),
        ("Ripple", "XRP Ledger"),
        ("LTC", "Litecoin"),
        ("XAVAX", "Avalanche X-Chain"),
        ("AVAX XCHAIN", "Avalanche X-Chain"),
        ("BNB", None),  # BNB Smart Chain to the served networks, which are asked first
        ("TRC20", None),
        ("Mystery Chain", None),
    ],
)
def test_an_exchanges_name_for_an_unsupported_network(name: str, network: str | None) -> None:
    assert unsupported_network_name(name) == network


def test_no_unsupported_name_is_a_network_the_app_serves() -> None:
    """A network added to resources/networks.toml must leave these tables, or its cases would be refused."""
    names = {
        *sniff._UNSUPPORTED_NAMES,
        *sniff._UNSUPPORTED_NAMES.values(),
        *sniff._UNSUPPORTED_HOSTS.values(),
        *sniff._UNSUPPORTED_CHAIN_PATHS.values(),
    }
    assert [name for name in sorted(names) if find_network(name, NETWORKS) is not None] == []
    assert set(sniff.SERVED_CHAIN_PATHS.values()) <= {n.slug for n in NETWORKS}
    assert not set(sniff.SERVED_CHAIN_PATHS) & set(sniff._UNSUPPORTED_CHAIN_PATHS)
