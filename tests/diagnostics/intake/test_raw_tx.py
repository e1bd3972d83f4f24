"""Raw signed transactions of every type decode to what was signed, and garbage is refused plainly."""

from __future__ import annotations

from time import perf_counter
from typing import Any

import pytest
import rlp
from eth_account import Account
from eth_utils.address import to_checksum_address

from diagnostics.intake.raw_tx import MAX_BYTES, RawTransactionError, decode_raw_transaction

RECIPIENT = to_checksum_address("0x" + "11" * 20)
USDT = "0xdAC17F958D2ee523a2206206994597C13D831ec7"
PAYEE = to_checksum_address("0x" + "2b" * 20)
ACCESS_LIST = [{"address": "0x" + "22" * 20, "storageKeys": ["0x" + "00" * 32]}]


def _transfer_data(to: str, amount: int) -> str:
    return "0xa9059cbb" + bytes.fromhex(to[2:]).rjust(32, b"\0").hex() + amount.to_bytes(32, "big").hex()


@pytest.mark.parametrize(
    ("fields", "chain_id"),
    [
        ({"gasPrice": 10**9}, None),  # legacy, pre-EIP-155
        ({"gasPrice": 10**9, "chainId": 56}, 56),  # legacy with EIP-155
        ({"gasPrice": 10**9, "chainId": 1, "accessList": ACCESS_LIST, "type": 1}, 1),
        ({"maxFeePerGas": 2 * 10**9, "maxPriorityFeePerGas": 10**9, "chainId": 137, "type": 2}, 137),
    ],
    ids=["legacy", "eip155", "type1", "type2"],
)
def test_every_type_decodes_to_what_was_signed(fields: dict[str, Any], chain_id: int | None) -> None:
    account = Account.create()
    signed = account.sign_transaction({"nonce": 7, "gas": 21000, "to": RECIPIENT, "value": 10**18, **fields})

    tx = decode_raw_transaction(signed.raw_transaction.hex())

    assert tx.tx_hash == "0x" + signed.hash.hex()
    assert tx.sender == account.address
    assert tx.nonce == 7
    assert tx.chain_id == chain_id
    assert tx.to == RECIPIENT
    assert tx.value == 10**18
    assert (tx.token_recipient, tx.token_amount) == (None, None)


def test_erc20_transfer_names_recipient_and_amount() -> None:
    account = Account.create()
    signed = account.sign_transaction(
        {
            "nonce": 0,
            "gas": 60000,
            "to": USDT,
            "value": 0,
            "data": _transfer_data(PAYEE, 250_500_000),
            "maxFeePerGas": 3 * 10**10,
            "maxPriorityFeePerGas": 10**9,
            "chainId": 1,
            "type": 2,
        }
    )

    tx = decode_raw_transaction("  0x" + signed.raw_transaction.hex().upper() + "\n")

    assert tx.tx_hash == "0x" + signed.hash.hex()
    assert tx.sender == account.address
    assert (tx.nonce, tx.chain_id, tx.to, tx.value) == (0, 1, USDT, 0)
    assert (tx.token_recipient, tx.token_amount) == (PAYEE, 250_500_000)


def test_contract_creation_has_no_recipient() -> None:
    account = Account.create()
    signed = account.sign_transaction(
        {"nonce": 1, "gas": 90000, "gasPrice": 1, "value": 0, "data": "0x6000", "chainId": 1}
    )

    assert decode_raw_transaction(signed.raw_transaction.hex()).to is None


def test_other_call_data_is_no_token_transfer() -> None:
    account = Account.create()
    approve = "0x095ea7b3" + _transfer_data(PAYEE, 5)[10:]
    signed = account.sign_transaction(
        {"nonce": 1, "gas": 90000, "gasPrice": 1, "to": USDT, "data": approve, "chainId": 1}
    )

    tx = decode_raw_transaction(signed.raw_transaction.hex())

    assert (tx.token_recipient, tx.token_amount) == (None, None)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("0xzz", "not hexadecimal"),
        ("", "empty"),
        ("0x02" + "ab" * 60, "not a transaction's encoding"),
        ("0x05c0", "transaction type 5"),
        ("0x" + "ab" * 60, "not a transaction's encoding"),  # neither a list nor a type byte
        ("0xc0", "fields"),
        ("0x" + "deadbeef" * 30, "not a transaction's encoding"),
    ],
)
def test_garbage_is_refused_with_a_reason(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        decode_raw_transaction(text)


def test_a_broken_signature_is_refused() -> None:
    # A fixed key: with a random one, s sometimes has a leading zero byte and is encoded shorter.
    account = Account.from_key("0x" + "11" * 32)
    raw = bytearray(
        account.sign_transaction(
            {"nonce": 0, "gas": 21000, "gasPrice": 1, "to": RECIPIENT, "value": 1, "chainId": 1}
        ).raw_transaction
    )
    raw[-33:] = b"\xa0" + b"\xff" * 32  # s = 2**256 - 1: past the curve order

    with pytest.raises(ValueError, match="signature"):
        decode_raw_transaction(bytes(raw).hex())


def _nested(depth: int) -> bytes:
    """RLP lists nested ``depth`` deep, each with the long-form header a big payload takes."""
    headers: list[bytes] = []
    size = 0  # of what the next header wraps
    for _ in range(depth):
        if size <= 55:
            header = bytes([0xC0 + size])
        else:
            length = size.to_bytes((size.bit_length() + 7) // 8, "big")
            header = bytes([0xF7 + len(length)]) + length
        headers.append(header)
        size += len(header)
    return b"".join(reversed(headers))


@pytest.mark.parametrize("depth", [5, 30_000])
def test_lists_nested_past_any_transaction_are_refused_at_once(depth: int) -> None:
    # The RLP decoder recursed and copied at every level: 30,000 deep took 2.6 s, 200,000 a RecursionError.
    start = perf_counter()
    with pytest.raises(RawTransactionError, match="nest deeper"):
        decode_raw_transaction(_nested(depth).hex())
    assert perf_counter() - start < 0.5


def test_longer_than_any_transaction_is_refused_before_decoding() -> None:
    with pytest.raises(RawTransactionError, match="128 KiB"):
        decode_raw_transaction("0x" + "c0" * (MAX_BYTES + 1))
    with pytest.raises(RawTransactionError, match="128 KiB"):
        decode_raw_transaction(_nested(200_000).hex())  # was a RecursionError


def _legacy(**fields: bytes) -> str:
    values = {"nonce": b"\x01", "gas_price": b"\x01", "gas": b"\x52\x08", "to": b"\x11" * 20, "value": b"\x01"}
    values |= {"data": b"", "v": b"\x25", "r": b"\x01" * 32, "s": b"\x01" * 32}
    values |= fields
    return rlp.encode(list(values.values())).hex()


@pytest.mark.parametrize(
    ("fields", "bits"),
    [({"nonce": b"\x01" * 9}, "64 bits"), ({"value": b"\x01" * 33}, "256 bits"), ({"v": b"\x01" * 40_000}, "256 bits")],
)
def test_numbers_longer_than_a_transaction_s_are_refused(fields: dict[str, bytes], bits: str) -> None:
    # A chain id of 320,000 bits had no decimal form: str() raised past 4,300 digits wherever it was shown.
    with pytest.raises(RawTransactionError, match=bits):
        decode_raw_transaction(_legacy(**fields))


def test_every_refusal_is_a_value_error_with_a_reason() -> None:
    assert issubclass(RawTransactionError, ValueError)
