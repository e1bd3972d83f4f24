"""The Solana adapter's decoders on recorded mainnet answers, its forms in sniffing, and the adapter against the
local node (LiteSVM executes its transactions)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import base58
import pytest
from solders.keypair import Keypair
from solders.pubkey import Pubkey

from desktop.sandbox.solana_node import LAMPORTS, USDT, SolanaNode, look_alike
from diagnostics import catalog
from diagnostics.chains import adapters, check_endpoint
from diagnostics.chains.solana import decode_error, decode_status, decode_transaction, is_on_curve, is_signature
from diagnostics.engine import diagnose
from diagnostics.intake.secret import SecretKind, find_secret
from diagnostics.intake.sniff import (
    AddressFamily,
    HashForm,
    address_form,
    hash_form,
    likeness,
    networks_for_hash,
    normalize_hash,
)
from diagnostics.model import Case, Found, NotFound, SolanaDetails, TxStatus, Unavailable

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "solana"
SOLANA = catalog.network("solana")
TOKEN_PROGRAM = "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA"
USDC = "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v"


def recorded(name: str) -> Any:
    return json.loads((FIXTURES / f"{name}.json").read_text())["result"]


# --- decoders, on recorded mainnet answers ----------------------------------------------------------------


def test_a_transfer_checked_is_named_by_the_owners_of_the_token_accounts() -> None:
    tx = decode_transaction(recorded("transfer_checked_usdc_new_ata"), "finalized", SOLANA)
    assert tx.status is TxStatus.CONFIRMED and tx.block_number == 184930610 and tx.fee == 10000
    assert tx.sender == "FG4Y3yX4AAchp1HvNZ7LfzFTewF2f6nDoMDCohTFrdpT"  # the fee payer signs first
    (moved,) = tx.transfers
    # Token account 9rB2… (owner 8fus…) to token account H51D… (owner 3i47…): the owners, not the accounts.
    assert (moved.sender, moved.recipient) == (
        "8fusVwhgo4oS1fGpZKeRaXrJXQk9auKnAgcj9A97wR3t",
        "3i476kTBBTy7pBGx4CXwJpJ6phuwLQgcwLTdHhU3c7ui",
    )
    assert moved.amount == 1000 and moved.token is not None
    assert (moved.token.contract, moved.token.symbol, moved.token.decimals) == (USDC, "USDC", 6)
    details = tx.details
    assert isinstance(details, SolanaDetails) and details.signatures == 2 and details.priority_fee == 0
    (opened,) = details.created_accounts
    assert opened.address == "H51DXRt3ubThhdhNeDMScfkbC5X4AWzYfHaZS3JKEfPh"
    assert opened.owner == "3i476kTBBTy7pBGx4CXwJpJ6phuwLQgcwLTdHhU3c7ui" and opened.mint == USDC


def test_a_native_sol_transfer() -> None:
    tx = decode_transaction(recorded("sol_transfer"), "finalized", SOLANA)
    (moved,) = tx.transfers
    assert moved.token is None and moved.amount == 1_000_000
    assert moved.recipient == "2b7iQq3PbWwWTotRSDFNXT9DauU418aCHK4jcAzETUem"
    assert isinstance(tx.details, SolanaDetails) and tx.details.created_accounts == ()


def test_signature_statuses_as_the_reference_shows_them() -> None:
    answer = json.loads((FIXTURES / "signature_statuses_docs.json").read_text())["result"]
    assert decode_status(answer) == ("finalized", 48)
    assert decode_status({"context": {"slot": 1}, "value": [None]}) is None


@pytest.mark.parametrize(
    ("err", "kind", "index", "code"),
    [
        ({"InstructionError": [0, {"Custom": 1}]}, "insufficient_funds", 0, 1),  # SPL Token InsufficientFunds
        ({"InstructionError": [1, {"Custom": 4}]}, "owner_mismatch", 1, 4),
        ({"InstructionError": [0, {"Custom": 6001}]}, "custom", 0, 6001),  # another program's own number
        ({"InstructionError": [0, "InvalidAccountData"]}, "invalid_account", 0, None),
        ({"InstructionError": [1, {"BorshIoError": "Unknown"}]}, "other", 1, None),
        ("InsufficientFundsForFee", "insufficient_funds_for_fee", None, None),
        ("AccountNotFound", "account_not_found", None, None),
        ({"InsufficientFundsForRent": {"account_index": 2}}, "insufficient_funds_for_rent", None, None),
    ],
)
def test_transaction_errors_in_kinds(err: Any, kind: str, index: int | None, code: int | None) -> None:
    _, got_kind, got_index, program, got_code = decode_error(err, [TOKEN_PROGRAM, TOKEN_PROGRAM])
    assert (got_kind, got_index, got_code) == (kind, index, code)
    assert program == (TOKEN_PROGRAM if index is not None else None)


# --- forms --------------------------------------------------------------------------------------------------


def test_signatures_and_accounts_by_their_decoded_length() -> None:
    signature = "2S2rTZjaqzxYRw9mnqzwtyqitKtSsnE8GVqLn1KrD5R2YpXZnU4GdjppsgfSAbrzJfaqadfi8CtrqEBy588WVQ3E"
    assert hash_form(signature) is HashForm.BASE58_SIGNATURE and is_signature(signature)
    assert [n.slug for n in networks_for_hash(signature, catalog.networks().values())] == ["solana"]
    assert normalize_hash(f"  {signature} ", "solana") == signature  # Base58 keeps its case
    assert hash_form("ab" * 32) is HashForm.BARE_HEX64  # a Tron or Bitcoin id is no Solana signature
    assert hash_form("5" * 88) is HashForm.BASE58_SIGNATURE  # digits only, but 64 bytes in Base58
    assert hash_form("ab" * 33) is HashForm.WRONG_LENGTH
    assert hash_form(base58.b58encode(bytes(63)).decode()) is not HashForm.BASE58_SIGNATURE
    assert address_form("3i476kTBBTy7pBGx4CXwJpJ6phuwLQgcwLTdHhU3c7ui").family is AddressFamily.SOLANA
    assert address_form("H51DXRt3ubThhdhNeDMScfkbC5X4AWzYfHaZS3JKEfPh").family is AddressFamily.SOLANA
    # Base58Check addresses of 25 bytes stay Tron's and Bitcoin's.
    assert address_form("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t").family is AddressFamily.TRON
    assert address_form("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2").family is AddressFamily.BITCOIN
    assert address_form("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy").family is AddressFamily.BITCOIN


def test_an_account_is_on_the_curve_or_a_program_derived_one() -> None:
    assert is_on_curve("3i476kTBBTy7pBGx4CXwJpJ6phuwLQgcwLTdHhU3c7ui") is True  # a wallet
    assert is_on_curve("H51DXRt3ubThhdhNeDMScfkbC5X4AWzYfHaZS3JKEfPh") is False  # its associated token account
    assert is_on_curve("not an account") is None


def test_a_look_alike_owner_is_measured_like_every_other_address() -> None:
    wallet = "3i476kTBBTy7pBGx4CXwJpJ6phuwLQgcwLTdHhU3c7ui"
    alike = str(look_alike(Pubkey.from_string(wallet)))
    match = likeness(alike, wallet)
    assert alike != wallet and (match.head, match.tail) == (5, 5)
    assert match.bits == pytest.approx(10 * 5.86, abs=0.1)  # no version byte: every character counts in full


# --- the adapter against the local node ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def node() -> Iterator[SolanaNode]:
    with SolanaNode() as server:
        yield server


def gather(node: SolanaNode, signature: str) -> Any:
    return adapters({"solana": node.url})["solana"].gather(SOLANA, signature)


def test_a_failed_transfer_and_its_fee(node: SolanaNode) -> None:
    sender, user = node.wallet(LAMPORTS), node.wallet()
    node.fund_tokens(sender.pubkey(), 1_000_000)
    node.fund_tokens(user.pubkey(), 0)
    facts = gather(node, node.pay_token(sender, user.pubkey(), 5_000_000))
    assert isinstance(facts.tx, Found) and facts.tx.value.status is TxStatus.FAILED
    tx = facts.tx.value
    assert tx.transfers == () and tx.intended[0].amount == 5_000_000 and tx.fee == 5_000
    assert isinstance(tx.details, SolanaDetails) and tx.details.error_kind == "insufficient_funds"
    assert facts.round_trips == 1


def test_confirmed_but_not_final_and_processed(node: SolanaNode) -> None:
    sender, user = node.wallet(LAMPORTS), node.wallet()
    confirmed = gather(node, node.pay_sol(sender, user.pubkey(), 1000, level="confirmed"))
    assert isinstance(confirmed.tx, Found) and isinstance(confirmed.head, Found)
    head, slot = confirmed.head.value, confirmed.tx.value.block_number
    assert slot is not None and head.final_number is not None and head.final_number < slot <= head.number
    processed = gather(node, node.pay_sol(sender, user.pubkey(), 1000, level="processed"))
    assert isinstance(processed.tx, Found) and processed.tx.value.pending
    details = processed.tx.value.details
    assert isinstance(details, SolanaDetails) and details.commitment == "processed" and details.slot is not None


def test_a_token_transfer_that_opens_the_receivers_account(node: SolanaNode) -> None:
    sender, newcomer = node.wallet(LAMPORTS), node.wallet()
    node.fund_tokens(sender.pubkey(), 50_000_000)
    facts = gather(node, node.pay_token(sender, newcomer.pubkey(), 20_000_000, open_account=True, priority=5_000))
    assert isinstance(facts.tx, Found)
    tx = facts.tx.value
    assert [(t.recipient, t.amount, t.token.symbol if t.token else None) for t in tx.transfers] == [
        (str(newcomer.pubkey()), 20_000_000, "USDT")
    ]
    assert isinstance(tx.details, SolanaDetails) and tx.details.priority_fee and tx.details.priority_fee > 0
    assert [a.owner for a in tx.details.created_accounts] == [str(newcomer.pubkey())]
    assert tx.details.created_accounts[0].mint == str(USDT)


def test_a_signature_known_only_by_its_status_is_no_false_not_found(node: SolanaNode) -> None:
    """A node without the transaction's history (it answers the status, not the transaction) cannot say what
    moved: that is unavailable, never "not found" or "pending"."""
    sender, user = node.wallet(LAMPORTS), node.wallet()
    signature = node.pay_sol(sender, user.pubkey(), 1000)
    node.keeps_history = False
    try:
        pruned = gather(node, signature)
        node.fault_methods["getTransaction"] = -32011  # "Transaction history is not available from this node"
        refused = gather(node, signature)
    finally:
        node.keeps_history = True
        del node.fault_methods["getTransaction"]
    assert isinstance(pruned.tx, Unavailable) and pruned.tx.key == "no_history"
    assert isinstance(refused.tx, Unavailable) and refused.tx.key == "rpc_error"
    assert isinstance(gather(node, "4" * 88).tx, NotFound)


def test_an_endpoint_is_checked_by_its_head_and_its_cluster(node: SolanaNode) -> None:
    """Settings' "Test" button: a working mainnet-beta node shows its newest slot; a devnet one says so."""
    head = check_endpoint(SOLANA, node.url)
    assert isinstance(head, Found) and head.value.number == node.slot
    with SolanaNode(network="devnet") as devnet:
        other = check_endpoint(SOLANA, devnet.url)
    assert isinstance(other, Unavailable) and other.key == "wrong_network"


def test_a_solana_private_key_is_refused_where_a_signature_goes() -> None:
    """Phantom exports a key as 64 bytes of Base58, the form of a signature: sent to a node as one, it would
    leave the machine. Its second half is its first half's public key, which no signature's is."""
    key = Keypair()
    exported = str(key)  # Base58 of seed + public key
    assert hash_form(exported) is HashForm.BASE58_SIGNATURE
    words = catalog.bip39_words()
    assert find_secret(exported, words) is SecretKind.SOLANA_KEY
    assert find_secret(f"my key: {exported}", words) is SecretKind.SOLANA_KEY
    assert find_secret(json.dumps(list(bytes(key))), words) is SecretKind.SOLANA_KEY  # the CLI's id.json
    signature = "2S2rTZjaqzxYRw9mnqzwtyqitKtSsnE8GVqLn1KrD5R2YpXZnU4GdjppsgfSAbrzJfaqadfi8CtrqEBy588WVQ3E"
    assert find_secret(signature, words) is None
    assert find_secret(json.dumps(list(range(64))), words) is None
    diagnosis = diagnose(Case("solana", exported), adapters={}, search=())
    assert diagnosis.verdict.code == "SECRET_DETECTED" and diagnosis.facts.networks == ()
