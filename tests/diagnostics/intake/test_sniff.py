from __future__ import annotations

import pytest

from diagnostics import catalog
from diagnostics.intake.sniff import (
    AddressFamily,
    HashForm,
    address_form,
    distinctive,
    hash_fits_family,
    hash_form,
    networks_for_address,
    networks_for_hash,
    normalize_hash,
)

TX = "0x" + "Ab" * 32


@pytest.mark.parametrize(
    ("text", "form"),
    [
        (TX, HashForm.EVM),
        ("ab" * 32, HashForm.BARE_HEX64),
        ("0x" + "ab" * 20, HashForm.EVM_ADDRESS),
        ("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", HashForm.ADDRESS),
        ("0x" + "ab" * 31, HashForm.WRONG_LENGTH),
        ("hello world", HashForm.NOT_HEX),
        ("   ", HashForm.EMPTY),
    ],
)
def test_hash_forms(text: str, form: HashForm) -> None:
    assert hash_form(text) is form


def test_which_families_a_hash_fits() -> None:
    assert hash_fits_family(HashForm.EVM, "evm") and hash_fits_family(HashForm.BARE_HEX64, "evm")
    assert hash_fits_family(HashForm.BARE_HEX64, "bitcoin") and not hash_fits_family(HashForm.EVM, "bitcoin")
    assert not hash_fits_family(HashForm.EVM_ADDRESS, "evm")


def test_normalize_hash() -> None:
    assert normalize_hash(" " + TX[2:] + "\n", "evm") == TX.lower()


@pytest.mark.parametrize(
    ("text", "family", "problem"),
    [
        ("0xdAC17F958D2ee523a2206206994597C13D831ec7", AddressFamily.EVM, None),
        ("0xdac17f958d2ee523a2206206994597c13d831ec7", AddressFamily.EVM, None),
        ("0xDac17F958D2ee523a2206206994597C13D831ec7", AddressFamily.EVM, "checksum"),
        ("0xdac17f958d2ee523a2206206994597c13d831e", AddressFamily.EVM, "malformed"),
        ("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", AddressFamily.TRON, None),
        ("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u", AddressFamily.TRON, "base58check"),
        ("41a614f803b6fd780986a42c78ec9c7f77e6ded13c", AddressFamily.TRON, None),
        ("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", AddressFamily.BITCOIN, None),
        ("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", AddressFamily.BITCOIN, None),
        ("not an address", None, "malformed"),
        ("", None, "empty"),
    ],
)
def test_address_forms(text: str, family: AddressFamily | None, problem: str | None) -> None:
    form = address_form(text)
    assert (form.family, form.problem) == (family, problem)


def test_networks_a_hash_can_be_on() -> None:
    everywhere = tuple(catalog.networks().values())
    evm = [n.slug for n in everywhere if n.family == "evm"]
    # 0x + 64 hex: every EVM network, and Tron (its ids are pasted with 0x too); bare 64 hex: Bitcoin and TON too;
    # 32 bytes in base64: TON alone.
    assert [n.slug for n in networks_for_hash(TX, everywhere)] == [*evm, "tron"]
    assert [n.slug for n in networks_for_hash("ab" * 32, everywhere)] == [*evm, "tron", "bitcoin", "ton"]
    assert [n.slug for n in networks_for_hash("q" * 43 + "=", everywhere)] == ["ton"]
    assert networks_for_hash("0x" + "ab" * 20, everywhere) == () and networks_for_hash("", everywhere) == ()
    assert len(evm) >= 7


def test_networks_an_address_can_be_on() -> None:
    everywhere = tuple(catalog.networks().values())
    assert {n.family for n in networks_for_address("0x" + "ab" * 20, everywhere)} == {"evm"}
    assert [n.slug for n in networks_for_address("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", everywhere)] == ["tron"]
    assert networks_for_address("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u", everywhere) == ()  # fails Base58Check
    assert [n.slug for n in networks_for_address("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", everywhere)] == [
        "bitcoin"
    ]
    assert networks_for_address("tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx", everywhere) == ()  # testnet


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", None),  # P2PKH (BIP-13's example)
        ("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", None),  # P2SH
        ("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", None),  # P2WPKH, bech32
        ("BC1QAR0SRRR7XFKVY5L643LYDNW9RE59GTZZWF5MDQ", None),  # BIP-173 allows all capitals
        ("bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297", None),  # P2TR, bech32m (BIP-350)
        ("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdx", "bech32"),  # one character changed
        ("bc1qAr0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "malformed"),  # mixed case
        ("tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx", "testnet"),
        ("mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn", "testnet"),  # a testnet P2PKH
        ("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3", "malformed"),  # fails Base58Check: no family's form
    ],
)
def test_bitcoin_addresses_by_a_maintained_codec(address: str, problem: str | None) -> None:
    form = address_form(address)
    assert form.problem == problem
    assert form.family == ("bitcoin" if problem != "malformed" or address.startswith("bc1") else None)


def test_what_tells_addresses_apart_is_what_follows_their_shared_prefix() -> None:
    assert distinctive("0xAbCd" + "00" * 18) == "abcd" + "00" * 18
    assert distinctive("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t") == "R7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"
    assert distinctive("BC1QAR0SRRR7XFKVY5L643LYDNW9RE59GTZZWF5MDQ") == "ar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"
    assert distinctive("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2") == "BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2"
