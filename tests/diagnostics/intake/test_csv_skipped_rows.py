"""A skipped row always says why, quoting what it saw; rows are numbered as a spreadsheet numbers them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from diagnostics import catalog
from diagnostics.intake.csv_export import read_csv
from diagnostics.intake.draft import CaseDraft, IntakeProblem

NETWORKS = tuple(catalog.networks().values())
EVM_TX = "0x" + "1a" * 32
BARE_TX = "b2" * 32
EVM_ADDRESS = "0xdAC17F958D2ee523a2206206994597C13D831ec7"
TRON_ADDRESS = "TBXSw8fM4jpQkGc6zZjsVABFpVN7UvXPdV"
BNB_BEACON_ADDRESS = "bnb1qypqxpqpqgpsgqgzqvzqzqsrqsqsyqcyxw3852"


@pytest.mark.parametrize(
    ("cell", "key", "extra"),
    [
        ("", "csv_row_no_hash", ()),  # what it saw: the row's other cells (below)
        ("Internal transfer 1234567", "csv_row_internal_transfer", ()),
        ("Off-chain transfer 98765", "csv_row_internal_transfer", ()),
        ("内部转账", "csv_row_internal_transfer", ()),
        ("9.20594E+63", "csv_row_hash_as_number", ()),  # Excel took the hash for a number
        ("1.23457E+19", "csv_row_hash_as_number", ()),
        ("0x1a1a1a…1a1a", "csv_row_truncated_hash", ()),
        ("0x1a1a1a...1a1a", "csv_row_truncated_hash", ()),
        (EVM_TX[:-1], "csv_row_hash_wrong_length", (("length", "63"),)),  # one digit lost
        (BARE_TX + "ab", "csv_row_hash_wrong_length", (("length", "66"),)),
        (EVM_ADDRESS, "csv_row_address_as_hash", ()),
        (TRON_ADDRESS, "csv_row_address_as_hash", ()),
        ("L4UESK-KG3EQ-UFO4T5", "csv_row_not_a_hash", ()),  # an exchange's own record id
        ("12345678901234", "csv_row_not_a_hash", ()),
    ],
)
def test_a_row_without_a_usable_hash_says_why_with_what_it_saw(cell: str, key: str, extra: tuple[object, ...]) -> None:
    intake = read_csv(f"TxID,Coin\n{cell},USDT\n", NETWORKS)

    value = (("value", cell or "USDT"),)
    assert intake.drafts == ()
    assert intake.problems == (IntakeProblem(key, (("row", "2"), *value, *extra)),)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("network", "address", "tx_hash", "named", "value"),
    [
        (
            "BNB",
            BNB_BEACON_ADDRESS,
            BARE_TX.upper(),
            "BNB Beacon Chain",
            BNB_BEACON_ADDRESS,
        ),  # BNB is BSC, but not here
        ("BSC", BNB_BEACON_ADDRESS, BARE_TX.upper(), "BNB Beacon Chain", BNB_BEACON_ADDRESS),
        ("BEP2", "", BARE_TX.upper(), "BNB Beacon Chain", "BEP2"),
        ("LTC", "", BARE_TX, "Litecoin", "LTC"),
        ("XRP", "", BARE_TX.upper(), "XRP Ledger", "XRP"),
    ],
)
def test_a_row_of_a_network_the_app_does_not_serve_is_skipped_naming_it(
    network: str, address: str, tx_hash: str, named: str, value: str
) -> None:
    intake = read_csv(f"Network,Address,TxID\n{network},{address},{tx_hash}\n", NETWORKS)

    assert intake.drafts == ()
    assert intake.problems == (
        IntakeProblem("csv_row_unsupported_network", (("row", "2"), ("network", named), ("value", value))),
    )


def test_binance_bnb_with_a_0x_address_is_bnb_smart_chain() -> None:
    (draft,) = read_csv(f"Network,Address,TxID\nBNB,{EVM_ADDRESS},{EVM_TX}\n", NETWORKS).drafts

    assert draft.network == "bsc"


def test_an_output_index_after_the_hash_is_no_part_of_it() -> None:
    intake = read_csv(f"TxID,Network\n{BARE_TX}:0,TRC20\n{EVM_TX}:12,ERC20\nabc:0,ERC20\n", NETWORKS)

    assert [d.tx_hash for d in intake.drafts] == [BARE_TX, EVM_TX]
    assert intake.problems == (IntakeProblem("csv_row_not_a_hash", (("row", "4"), ("value", "abc:0"))),)


def test_rows_are_numbered_as_a_spreadsheet_shows_them() -> None:
    text = (
        "Deposit history\n"  # row 1: a title
        "\n"  # row 2
        "TxID,Note\n"  # row 3: the header
        f'{EVM_TX},"two\nlines"\n'  # row 4: one row, though two lines
        "\n"  # row 5: blank, counted
        ",,\n"  # row 6: empty cells, counted
        f"{BARE_TX},\n"  # row 7
        ",missing\n"  # row 8: no hash
    )

    intake = read_csv(text, NETWORKS)

    assert [d.source for d in intake.drafts] == ["row 4", "row 7"]
    assert intake.problems == (IntakeProblem("csv_row_no_hash", (("row", "8"), ("value", "missing"))),)


def test_the_first_data_row_is_row_2_when_the_header_is_the_first_line() -> None:
    intake = read_csv(f"\ufeffTxID\t\tCoin\n{EVM_TX}\t\tUSDT\n", NETWORKS)

    assert intake.drafts == (CaseDraft(tx_hash=EVM_TX, token="USDT", source="row 2"),)


def test_an_explorer_link_alone_gives_the_hash_and_the_network() -> None:
    text = f"TXID,TXURL,COINAMOUNT\n,https://tronscan.org/#/transaction/{BARE_TX},-5 TRX\n"

    assert read_csv(text, NETWORKS).drafts == (
        CaseDraft(tx_hash=BARE_TX, network="tron", token="TRX", amount=Decimal(5), source="row 2"),
    )


def test_an_explorer_link_where_the_hash_goes_is_read_as_one() -> None:
    text = f"TxID,Coin\nhttps://basescan.org/tx/{EVM_TX},USDC\nhttps://xrpscan.com/tx/{BARE_TX.upper()},XRP\n"

    intake = read_csv(text, NETWORKS)

    assert intake.drafts == (CaseDraft(tx_hash=EVM_TX, network="base", token="USDC", source="row 2"),)
    assert [(p.key, dict(p.params)["network"]) for p in intake.problems] == [
        ("csv_row_unsupported_network", "XRP Ledger")
    ]


def test_an_unclosed_quote_after_blank_rows_names_its_own_row() -> None:
    intake = read_csv(f'TxID,Note\n{EVM_TX},ok\n\n\n{EVM_TX},"never closed' + "x" * 200_000, NETWORKS)

    assert [p.params[0] for p in intake.problems] == [("row", "5")]
