"""The secret guard recognises seed phrases and keys, and leaves hashes and addresses alone."""

from __future__ import annotations

import pytest

from diagnostics import catalog
from diagnostics.intake.secret import SecretKind, find_secret

WORDS = catalog.bip39_words()
# BIP-39 test-vector phrases (trezor/python-mnemonic vectors.json): public, and never anyone's wallet.
PHRASE_12 = "legal winner thank year wave sausage worth useful legal winner thank yellow"
PHRASE_18 = (
    "scissors invite lock maple supreme raw rapid void congress muscle digital elegant little brisk hair mango "
    "congress clump"
)
# Bitcoin wiki's example WIF and the BIP-32 test vector 1 master xprv: published test values.
WIF = "5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ"
XPRV = "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi"
KEY_HEX = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"


def test_word_list_is_bip39s() -> None:
    assert len(WORDS) == 2048 and {"abandon", "zoo", "legal", "winner"} <= WORDS


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (PHRASE_12, SecretKind.SEED_PHRASE),
        (PHRASE_18.upper(), SecretKind.SEED_PHRASE),
        ("my words: " + PHRASE_12.replace(" ", ", "), SecretKind.SEED_PHRASE),
        # mostly list words: two typos in twelve still count
        ("scisors invite lock maple supreme raw rapid void congress muscle digital elegnt", SecretKind.SEED_PHRASE),
        (WIF, SecretKind.WIF),
        (XPRV, SecretKind.EXTENDED_PRIVATE),
        ("private key: " + KEY_HEX, SecretKind.HEX_KEY),
        ("私钥：0x" + KEY_HEX, SecretKind.HEX_KEY),
    ],
)
def test_secrets_are_recognised(text: str, kind: SecretKind) -> None:
    assert find_secret(text, WORDS) == kind


def test_64_hex_is_a_key_only_where_an_address_goes() -> None:
    assert find_secret(KEY_HEX, WORDS, address_field=True) == SecretKind.HEX_KEY
    assert find_secret("0x" + KEY_HEX, WORDS, address_field=True) == SecretKind.HEX_KEY
    assert find_secret(KEY_HEX, WORDS) is None  # a transaction hash has the same form


@pytest.mark.parametrize(
    "text",
    [
        "0x" + "ab" * 32,
        "0xdAC17F958D2ee523a2206206994597C13D831ec7",
        "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
        "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
        "USDT",
        "250.5",
        "please check why my usdt deposit has not arrived after two hours on the tron network",
        "",
    ],
)
def test_ordinary_inputs_are_not_secrets(text: str) -> None:
    assert find_secret(text, WORDS) is None
    if not text.startswith("0x" + "ab"):
        assert find_secret(text, WORDS, address_field=True) is None


@pytest.mark.parametrize(
    "text",
    [
        "Time Type Coin Amount Fee Status " * 3,  # an export's headers, row after row
        "monkey " + "ab" * 32,  # "key" inside a word is no label
        "hash/txid: " + "ab" * 32,
    ],
)
def test_look_alikes_of_secrets_are_not_refused(text: str) -> None:
    assert find_secret(text, WORDS) is None


@pytest.mark.parametrize(
    "text",
    [
        '{"address": "0xabc", "privateKey": "0x' + KEY_HEX + '"}',
        'PRIVATE_KEY="0x' + KEY_HEX + '"',
        'private_key = "' + KEY_HEX + '"',
        "Private key (hex): " + KEY_HEX,
        "私钥：" + KEY_HEX,
    ],
    ids=["wallet-json", "dotenv", "python", "qualified", "chinese"],
)
def test_keys_labelled_as_programs_write_them(text: str) -> None:
    assert find_secret(text, WORDS) is SecretKind.HEX_KEY


@pytest.mark.parametrize(
    "text",
    ["TxID: 0x" + KEY_HEX, '{"txid": "' + KEY_HEX + '"}', "hash = " + KEY_HEX, "transaction id (hex): " + KEY_HEX],
)
def test_hashes_labelled_as_hashes_are_not_keys(text: str) -> None:
    assert find_secret(text, WORDS) is None
