from __future__ import annotations

from decimal import Decimal

import pytest

from diagnostics import catalog
from diagnostics.intake.validate import FieldProblem, check_form, parse_amount

WORDS = catalog.bip39_words()
ETH = catalog.network("ethereum")
TRON = catalog.network("tron")
TX = "0x" + "ab" * 32
EVM_ADDRESS = "0xdAC17F958D2ee523a2206206994597C13D831ec7"
TRON_ADDRESS = "TCLBgkbfVkJroVBJVqBEsxtPNQEQMTQCLQ"


def test_a_good_form_is_ready() -> None:
    check = check_form(ETH, TX, EVM_ADDRESS, WORDS)
    assert check.ready and check.tx_hash is None and check.address is None


def test_hash_problems_say_which_form() -> None:
    assert check_form(ETH, "0x1234", "", WORDS).tx_hash == FieldProblem("wrong_length", "6", "evm")
    assert check_form(ETH, EVM_ADDRESS, "", WORDS).tx_hash == FieldProblem("evm_address", "42", "evm")
    assert check_form(None, "hello", "", WORDS).tx_hash == FieldProblem("not_hex", "5")
    assert check_form(ETH, "", "", WORDS).tx_hash == FieldProblem("empty", "0", "evm")
    assert not check_form(ETH, "", "", WORDS).ready


def test_address_problems() -> None:
    assert check_form(ETH, TX, TRON_ADDRESS, WORDS).address == FieldProblem("wrong_family", "tron")
    assert check_form(TRON, TX, EVM_ADDRESS, WORDS).address == FieldProblem("wrong_family", "evm")
    assert check_form(None, TX, TRON_ADDRESS, WORDS).address is None  # Auto-detect: any family
    bad_checksum = EVM_ADDRESS[:-1] + "C"
    assert check_form(ETH, TX, bad_checksum, WORDS).address == FieldProblem("checksum", family="evm")
    assert check_form(TRON, TX, TRON_ADDRESS[:-1] + "R", WORDS).address == FieldProblem("base58check", family="tron")
    assert check_form(ETH, TX, "0x1234", WORDS).address == FieldProblem("malformed", family="evm")
    assert check_form(None, TX, "0x1234", WORDS).address == FieldProblem("malformed", family="evm")  # by its 0x
    assert check_form(ETH, TX, TRON_ADDRESS, WORDS).ready  # address problems are findings, not blockers


def test_a_secret_in_any_field_blocks_everything() -> None:
    seed = "legal winner thank year wave sausage worth useful legal winner thank yellow"
    check = check_form(ETH, seed, "", WORDS)
    assert check.secret == FieldProblem("seed_phrase", "tx_hash") and not check.ready
    key = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"
    assert check_form(ETH, TX, key, WORDS).secret == FieldProblem("hex_private_key", "address")


def test_amounts_as_people_write_them() -> None:
    assert parse_amount(" 250.5 ") == Decimal("250.5") and parse_amount("1,234.5") == Decimal("1234.5")
    for ambiguous in ("1,5", "1.250,5", "lots", "-3", "nan"):
        with pytest.raises(ValueError):
            parse_amount(ambiguous)


def test_an_amount_past_any_transfer_is_refused_in_the_form_too() -> None:
    from diagnostics.intake.validate import parse_amount  # noqa: PLC0415

    for text in ("1e1000000", "1" * 31, "0." + "1" * 41):
        with pytest.raises(ValueError, match="out of range"):
            parse_amount(text)
    assert str(parse_amount("250.5")) == "250.5"


SOLANA = catalog.network("solana")
TON = catalog.network("ton")
SIGNATURE = "5" * 88  # not checked here: its length and alphabet are all the form sees
TON_ADDRESS = "UQAJIIEUC2d7Rdvpg7Lw1K4CWf8pRb-oL5lv1_bKxpFoYqr0"


def test_solana_and_ton_problems_name_their_family() -> None:
    assert check_form(SOLANA, "ab" * 32, "", WORDS).tx_hash == FieldProblem("bare_hex64", "64", "solana")
    assert check_form(TON, "0x" + "ab" * 32, "", WORDS).tx_hash == FieldProblem("evm", "66", "ton")
    assert check_form(TON, "ab" * 31, "", WORDS).tx_hash == FieldProblem("wrong_length", "62", "ton")
    assert check_form(TON, TX, TRON_ADDRESS, WORDS).address == FieldProblem("wrong_family", "tron")
    assert check_form(SOLANA, TX, TON_ADDRESS, WORDS).address == FieldProblem("wrong_family", "ton")
    assert check_form(SOLANA, TX, "abc", WORDS).address == FieldProblem("malformed", family="solana")
    broken = TON_ADDRESS[:-1] + ("1" if TON_ADDRESS[-1] != "1" else "2")  # its CRC no longer checks
    assert check_form(None, TX, broken, WORDS).address == FieldProblem("malformed", family="ton")
    assert check_form(TON, "ab" * 32, TON_ADDRESS, WORDS) == check_form(TON, "ab" * 32, "", WORDS)
