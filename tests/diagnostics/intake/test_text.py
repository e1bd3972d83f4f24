"""Hashes, addresses and explorer links are picked out of free text, each hash once, in order."""

from __future__ import annotations

import pytest

from diagnostics import catalog
from diagnostics.bounds import shorten
from diagnostics.intake.draft import CaseDraft, Intake, IntakeProblem
from diagnostics.intake.text import link_network, read_text

NETWORKS = tuple(catalog.networks().values())
EVM_TX = "0x" + "1a" * 32
BARE_TX = "b2" * 32
OTHER_TX = "0x" + "c3" * 32
EVM_ADDRESS = "0xdAC17F958D2ee523a2206206994597C13D831ec7"
USER = "0x" + "44" * 20
TRON_ADDRESS = "TBXSw8fM4jpQkGc6zZjsVABFpVN7UvXPdV"


def _read(text: str) -> tuple[CaseDraft, ...]:
    intake = read_text(text, NETWORKS)
    assert intake.problems == () and intake.refused is None
    return intake.drafts


def test_a_chat_message_gives_its_hash_and_address() -> None:
    text = f"Hi, I sent USDT\nTxID: {EVM_TX} to my address {EVM_ADDRESS}, still nothing!"

    assert _read(text) == (CaseDraft(tx_hash=EVM_TX, address=EVM_ADDRESS, source="line 2"),)


@pytest.mark.parametrize(
    ("url", "network", "tx_hash"),
    [
        (f"https://etherscan.io/tx/{EVM_TX}", "ethereum", EVM_TX),
        (f"https://bscscan.com/tx/{EVM_TX}#eventlog", "bsc", EVM_TX),
        (f"https://polygonscan.com/tx/{EVM_TX}", "polygon", EVM_TX),
        (f"https://arbiscan.io/tx/{EVM_TX}", "arbitrum", EVM_TX),
        (f"https://optimistic.etherscan.io/tx/{EVM_TX}", "optimism", EVM_TX),
        (f"https://basescan.org/tx/{EVM_TX}", "base", EVM_TX),
        (f"https://snowtrace.io/tx/{EVM_TX}", "avalanche", EVM_TX),
        (f"https://tronscan.org/#/transaction/{BARE_TX}", "tron", BARE_TX),
        (f"https://tronscan.io/#/transaction/{BARE_TX}?lang=zh", "tron", BARE_TX),  # same explorer, other domain
        (f"www.etherscan.io/tx/{EVM_TX}", "ethereum", EVM_TX),  # no scheme
        (f"HTTPS://BscScan.com/tx/{EVM_TX}", "bsc", EVM_TX),
        (f"https://snowscan.xyz/tx/{EVM_TX}", "avalanche", EVM_TX),  # Etherscan's Avalanche explorer
        (f"https://blockchair.com/ethereum/transaction/{EVM_TX}", "ethereum", EVM_TX),
        (f"https://blockchair.com/bnb/transaction/{EVM_TX}?from=wallet", "bsc", EVM_TX),  # Blockchair's BSC
        (f"https://blockchair.com/arbitrum-one/transaction/{EVM_TX}", "arbitrum", EVM_TX),
        (f"https://blockchair.com/avalanche/transaction/{EVM_TX}", "avalanche", EVM_TX),
        (f"https://blockchair.com/tron/transaction/{BARE_TX}", "tron", BARE_TX),
        (f"https://blockchair.com/bitcoin/transaction/{BARE_TX}", "bitcoin", BARE_TX),
        (f"https://3xpl.com/bitcoin/transaction/{BARE_TX}", "bitcoin", BARE_TX),
        (f"https://www.oklink.com/eth/tx/{EVM_TX}", "ethereum", EVM_TX),
        (f"https://www.oklink.com/en/trx/tx/{BARE_TX}", "tron", BARE_TX),  # a language segment first
        (f"https://www.oklink.com/zh-hans/polygon/tx/{EVM_TX}", "polygon", EVM_TX),
        (f"oklink.com/arbitrum-one/tx/{EVM_TX}", "arbitrum", EVM_TX),
        (f"https://www.oklink.com/optimism/tx/{EVM_TX}", "optimism", EVM_TX),
        (f"https://www.oklink.com/base/tx/{EVM_TX}", "base", EVM_TX),
        (f"https://www.oklink.com/bsc/tx/{EVM_TX}", "bsc", EVM_TX),
        (f"https://www.oklink.com/btc/tx/{BARE_TX}", "bitcoin", BARE_TX),
    ],
)
def test_an_explorer_link_says_the_network(url: str, network: str, tx_hash: str) -> None:
    assert _read(f"look: {url} thanks") == (CaseDraft(tx_hash=tx_hash, network=network, source="line 1"),)


def test_an_address_link_pairs_with_a_hash_and_gives_its_network() -> None:
    text = f"{BARE_TX} https://tronscan.org/#/address/{TRON_ADDRESS}"

    assert _read(text) == (CaseDraft(tx_hash=BARE_TX, address=TRON_ADDRESS, network="tron", source="line 1"),)


def test_nothing_else_inside_an_explorer_link_counts() -> None:
    text = f"https://etherscan.io/address/{EVM_ADDRESS}?a={USER} {EVM_TX}"

    assert _read(text) == (CaseDraft(tx_hash=EVM_TX, address=EVM_ADDRESS, network="ethereum", source="line 1"),)


def test_each_hash_pairs_with_the_nearest_address_on_its_line() -> None:
    text = f"{EVM_TX} -> {USER}; and {OTHER_TX} -> {EVM_ADDRESS}\n{BARE_TX}\n{TRON_ADDRESS}"

    assert _read(text) == (
        CaseDraft(tx_hash=EVM_TX, address=USER, source="line 1"),
        CaseDraft(tx_hash=OTHER_TX, address=EVM_ADDRESS, source="line 1"),
        CaseDraft(tx_hash=BARE_TX, source="line 2"),  # the address on the next line is not its own
    )


def test_a_hash_met_again_fills_what_its_first_mention_lacked() -> None:
    text = f"tx {EVM_TX.upper().replace('0X', '0x')}\nhttps://bscscan.com/tx/{EVM_TX} to {USER}\n{EVM_TX[2:]}"

    assert _read(text) == (
        CaseDraft(tx_hash=EVM_TX.upper().replace("0X", "0x"), address=USER, network="bsc", source="line 1"),
    )


@pytest.mark.parametrize(
    "text",
    [
        f"my address is {EVM_ADDRESS} and {TRON_ADDRESS}",  # addresses are not hashes
        "0x" + "ab" * 31,  # a hash one byte short
        "ab" * 33,  # too long
        "0x" + "ab" * 32 + "cd",  # a hash glued to more hex
        "nothing here at all",
        "",
    ],
)
def test_no_hash_no_draft(text: str) -> None:
    assert read_text(text, NETWORKS) == Intake()


def test_addresses_with_a_checksum_typo_still_pair_malformed_ones_do_not() -> None:
    typo = EVM_ADDRESS.replace("dAC", "DAC")
    assert _read(f"{EVM_TX} {typo}") == (CaseDraft(tx_hash=EVM_TX, address=typo, source="line 1"),)
    assert _read(f"{EVM_TX} 0x{'44' * 19}") == (CaseDraft(tx_hash=EVM_TX, source="line 1"),)


def test_a_blockchair_or_oklink_address_page_gives_the_network_too() -> None:
    text = f"{EVM_TX} https://blockchair.com/base/address/{EVM_ADDRESS}"

    assert _read(text) == (CaseDraft(tx_hash=EVM_TX, address=EVM_ADDRESS, network="base", source="line 1"),)


def test_a_link_to_another_chains_explorer_on_a_served_host_is_not_that_host() -> None:
    # opbnb.bscscan.com is opBNB's explorer, not BscScan: no draft on BNB Smart Chain, a problem naming opBNB.
    intake = read_text(f"https://opbnb.bscscan.com/tx/{EVM_TX}", NETWORKS)

    assert intake.drafts == ()
    assert [dict(p.params)["network"] for p in intake.problems] == ["opBNB"]


BNB_BEACON_ADDRESS = "bnb1qypqxpqpqgpsgqgzqvzqzqsrqsqsyqcyxw3852"
SIGNATURE = "2HWbttxt1tLbyPz9tMtDfxubb4Y3UgPh9CReeVMZikfnAyjafLLB6yEUtztsVtJsCdVWDgDyq19xEVhGFf9KLPyY"


@pytest.mark.parametrize(
    ("text", "network", "value"),
    [
        (
            f"see https://blockchair.com/litecoin/transaction/{BARE_TX}",
            "Litecoin",
            f"https://blockchair.com/litecoin/transaction/{BARE_TX}",
        ),
        (f"https://xrpscan.com/tx/{BARE_TX.upper()}", "XRP Ledger", f"https://xrpscan.com/tx/{BARE_TX.upper()}"),
        # A 64-hex hash beside a Beacon Chain address: BNB Beacon's, though its form fits Tron and Bitcoin too.
        (f"{BARE_TX.upper()} sent to {BNB_BEACON_ADDRESS}", "BNB Beacon Chain", BNB_BEACON_ADDRESS),
    ],
)
def test_a_value_of_an_unsupported_network_gives_no_case_but_a_problem_naming_it(
    text: str, network: str, value: str
) -> None:
    intake = read_text(text, NETWORKS)

    assert intake.drafts == ()
    assert intake.problems == (
        IntakeProblem("unsupported_network", (("line", "1"), ("network", network), ("value", shorten(value)))),
    )


def test_a_served_hash_on_another_line_is_still_read() -> None:
    text = f"{EVM_TX} to {EVM_ADDRESS}\nand the other one is on {BNB_BEACON_ADDRESS}"

    intake = read_text(text, NETWORKS)

    assert intake.drafts == (CaseDraft(tx_hash=EVM_TX, address=EVM_ADDRESS, source="line 1"),)
    assert [p.params[:2] for p in intake.problems] == [(("line", "2"), ("network", "BNB Beacon Chain"))]


@pytest.mark.parametrize(
    ("text", "network"),
    [
        (f"https://solscan.io/tx/{SIGNATURE}", "solana"),
        (f"please check https://solscan.io/tx/{SIGNATURE} thanks", "solana"),
        (f"tx {SIGNATURE} please check", None),  # a bare signature names no network: the search finds Solana
    ],
)
def test_a_solscan_link_or_a_signature_is_a_solana_case(text: str, network: str | None) -> None:
    intake = read_text(text, NETWORKS)

    assert [(d.tx_hash, d.network) for d in intake.drafts] == [(SIGNATURE, network)]
    assert intake.problems == ()


def test_an_unsupported_value_named_twice_is_one_problem() -> None:
    link = f"https://xrpscan.com/tx/{BARE_TX.upper()}"
    intake = read_text(f"{link}\nagain: {link}", NETWORKS)

    assert len(intake.problems) == 1


@pytest.mark.parametrize(
    ("link", "network"),
    [
        (f"https://etherscan.io/tx/{EVM_TX}", "ethereum"),
        (f"https://tronscan.org/#/transaction/{BARE_TX}", "tron"),
        (f"https://blockchair.com/bnb/transaction/{EVM_TX}", "bsc"),
        (f"https://solscan.io/tx/{SIGNATURE}", "solana"),
        ("not a link", None),
    ],
)
def test_link_network(link: str, network: str | None) -> None:
    assert link_network(link, NETWORKS) == network


# A TON account in its user-friendly form with base64url's "-" and "_" (0:092081…6862 non-bounceable), and a
# TON transaction hash in hex and in base64url, as Tonviewer and Tonscan write them.
TON_ADDRESS = "UQAJIIEUC2d7Rdvpg7Lw1K4CWf8pRb-oL5lv1_bKxpFoYqr0"
TON_HEX = "0c4ff1f0dd2b2c2f7e0c6c1e1f0a6f5a4a1e9c3e2d5b6a7c8d9e0f1a2b3c4d5e"
TON_BASE64 = "DE3Mw-FVKr_lxZx1jwNf7IF5K4E2ZbWq5IgKgSxSQEw="


@pytest.mark.parametrize(
    ("text", "tx_hash", "address", "network"),
    [
        (f"https://tonscan.org/tx/{TON_HEX}", TON_HEX, None, "ton"),
        (f"https://tonscan.org/tx/{TON_BASE64}", TON_BASE64, None, "ton"),
        (f"see tonscan.org/tx/{TON_BASE64.rstrip('=')} please", TON_BASE64.rstrip("="), None, "ton"),
        (f"https://tonviewer.com/transaction/{TON_HEX}", TON_HEX, None, "ton"),
        (f"https://tonviewer.com/{TON_ADDRESS} {TON_HEX}", TON_HEX, TON_ADDRESS, "ton"),
        (f"https://tonviewer.com/{TON_ADDRESS}?section=tokens {TON_HEX}", TON_HEX, TON_ADDRESS, "ton"),
        (f"https://tonscan.org/address/{TON_ADDRESS} tx {TON_HEX}", TON_HEX, TON_ADDRESS, "ton"),
        # Bare, the address is whole (before, it was cut at its first "-"); the hex hash names no network.
        (f"tx {TON_HEX} to {TON_ADDRESS}", TON_HEX, TON_ADDRESS, None),
    ],
)
def test_tonscan_and_tonviewer_links_are_ton_cases(
    text: str, tx_hash: str, address: str | None, network: str | None
) -> None:
    assert [(d.tx_hash, d.address, d.network) for d in _read(text)] == [(tx_hash, address, network)]


@pytest.mark.parametrize(
    "text",
    [
        f"https://etherscan.io/tx/{EVM_TX}-",  # a dash after the hash is no part of it
        f"tx_{EVM_TX}",
        f"{EVM_TX}==",
        f"ref-{EVM_TX}-done",
    ],
)
def test_a_dash_underscore_or_padding_beside_a_hash_is_not_part_of_it(text: str) -> None:
    assert [d.tx_hash for d in _read(text)] == [EVM_TX]


def test_a_tonscan_link_names_ton() -> None:
    assert link_network(f"https://tonscan.org/tx/{TON_HEX}", NETWORKS) == "ton"
