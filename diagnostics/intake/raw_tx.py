"""A raw signed EVM transaction, read before anything is asked.

Wallets and exchanges' support desks hand out the signed bytes when a transaction "did not go through":
the bytes name the sender and its nonce, so the engine can tell a transaction that was never broadcast
from one whose nonce another has used. Legacy (with or without EIP-155), EIP-2930 (type 1) and EIP-1559
(type 2) transactions are read; the ERC-20 ``transfer`` in the call data is decoded by hand (its layout is
fixed: selector, address word, amount word).

Bounded before anything is decoded: no node accepts a transaction over 128 KiB, none nests its lists more
than three deep (an access list's storage keys), and none has a nonce over 64 bits or a number over 256. The
RLP decoder recurses and copies at every level, so a list nested thousands deep took seconds, and a few
hundred thousand deep raised ``RecursionError``; a chain id of a million bits had no decimal form to show.
"""

from __future__ import annotations

from dataclasses import dataclass

import rlp
from eth_account import Account
from eth_keys.exceptions import BadSignature
from eth_utils.address import to_checksum_address
from eth_utils.crypto import keccak
from rlp.exceptions import RLPException

from diagnostics.model import SignedTransaction

_TRANSFER = bytes.fromhex("a9059cbb")  # keccak("transfer(address,uint256)")[:4]
_WORD = 32
_ADDRESS = 20
_LEGACY_V = (27, 28)  # pre-EIP-155: no chain id in the signature
_EIP155_V = 35  # v = chain_id * 2 + 35 + parity
_FIRST_LIST_BYTE = 0xC0  # a legacy transaction is an RLP list: 0xc0 and above
_LAST_TYPE_BYTE = 0x7F  # a typed one starts with its type (EIP-2718)
_NOT_RLP = "its bytes are not a transaction's encoding (RLP)"
MAX_BYTES = 128 * 1024  # geth's and erigon's txMaxSize for a transaction without blobs
_MAX_NESTING = 4  # the transaction, its access list, an entry, the entry's storage keys
_NONCE_BYTES = 8  # EIP-2681: a nonce is below 2^64
_WORD_BYTES = 32  # value, chain id and the signature's v are at most 256 bits


class RawTransactionError(ValueError):
    """Not a raw signed transaction this app reads; the message is the reason, in plain words."""


@dataclass(frozen=True)
class _Layout:
    """Where a transaction type keeps, in its RLP list, the fields read here."""

    length: int
    nonce: int
    to: int
    value: int
    data: int
    chain_id: int | None  # None: legacy, where the chain id hides in the signature's v (field 6)


_LAYOUTS = {
    0: _Layout(length=9, nonce=0, to=3, value=4, data=5, chain_id=None),
    1: _Layout(length=11, nonce=1, to=4, value=5, data=6, chain_id=0),
    2: _Layout(length=12, nonce=1, to=5, value=6, data=7, chain_id=0),
}
_LEGACY_V_FIELD = 6


def decode_raw_transaction(hex_text: str) -> SignedTransaction:
    """What the signed transaction ``hex_text`` says about itself; ``RawTransactionError`` (a ``ValueError``)
    with a plain reason if it is not one."""
    raw = _raw_bytes(hex_text)
    if raw[0] >= _FIRST_LIST_BYTE:
        kind, payload = 0, raw
    elif raw[0] <= _LAST_TYPE_BYTE:
        kind, payload = raw[0], raw[1:]
    else:
        raise RawTransactionError(_NOT_RLP)
    layout = _LAYOUTS.get(kind)
    if layout is None:
        raise RawTransactionError(f"transaction type {kind} is not one this app reads (legacy, 1 or 2)")
    fields = _fields(payload, layout.length)
    recipient, amount = _token_transfer(fields[layout.data])
    typed_id = layout.chain_id
    chain_id = _int(fields[typed_id]) if typed_id is not None else _legacy_chain_id(fields[_LEGACY_V_FIELD])
    nonce, value = _int(fields[layout.nonce], _NONCE_BYTES), _int(fields[layout.value])
    return SignedTransaction(
        tx_hash="0x" + keccak(raw).hex(),
        sender=_sender(raw),
        nonce=nonce,
        chain_id=chain_id,
        to=_address(fields[layout.to]) if fields[layout.to] else None,
        value=value,
        token_recipient=recipient,
        token_amount=amount,
    )


def _raw_bytes(hex_text: str) -> bytes:
    text = hex_text.strip()
    body = text[2:] if text[:2].lower() == "0x" else text
    if len(body) > 2 * MAX_BYTES:
        raise RawTransactionError(f"it is longer than any transaction a node accepts ({MAX_BYTES // 1024} KiB)")
    try:
        raw = bytes.fromhex(body)
    except ValueError:
        raise RawTransactionError("it is not hexadecimal with an even number of digits") from None
    if not raw:
        raise RawTransactionError("it is empty")
    return raw


def _fields(payload: bytes, length: int) -> list[bytes | list[object]]:
    _check_nesting(payload)
    try:
        fields = rlp.decode(payload)
    except RLPException:
        raise RawTransactionError(_NOT_RLP) from None
    if not isinstance(fields, list) or len(fields) != length:
        raise RawTransactionError(f"it does not have the {length} fields a transaction of its type has")
    return fields


_SHORT_STRING, _LONG_STRING, _SHORT_LIST = 0x80, 0xB8, 0xC0
_LONG_LIST = 0xF8


def _check_nesting(payload: bytes) -> None:
    """Refuse RLP lists nested deeper than any transaction's, read in one pass without recursion: each item's
    header says how long it is, so strings are stepped over and lists entered. Where a length is wrong the
    walk still ends (it always moves on); the decoder then refuses the encoding."""
    ends: list[int] = []  # where each list still open ends
    position = 0
    while position < len(payload):
        while ends and position >= ends[-1]:
            ends.pop()
        prefix = payload[position]
        if prefix < _SHORT_STRING:
            position += 1
            continue
        if prefix < _LONG_STRING or _SHORT_LIST <= prefix < _LONG_LIST:
            header, length = 1, prefix - (_SHORT_STRING if prefix < _LONG_STRING else _SHORT_LIST)
        else:
            size = prefix - (_LONG_STRING - 1 if prefix < _SHORT_LIST else _LONG_LIST - 1)
            header, length = 1 + size, int.from_bytes(payload[position + 1 : position + 1 + size], "big")
        if prefix < _SHORT_LIST:
            position += header + length
            continue
        ends.append(position + header + length)
        if len(ends) > _MAX_NESTING:
            raise RawTransactionError(f"its lists nest deeper than any transaction's ({_MAX_NESTING} levels)")
        position += header


def _int(field: object, size: int = _WORD_BYTES) -> int:
    if not isinstance(field, bytes):
        raise RawTransactionError("a number field holds a list")
    if len(field) > size:
        raise RawTransactionError(f"a number field is longer than any transaction's ({size * 8} bits)")
    return int.from_bytes(field, "big")


def _address(field: object) -> str:
    if not isinstance(field, bytes) or len(field) != _ADDRESS:
        raise RawTransactionError("its recipient is not a 20-byte address")
    return to_checksum_address(field)


def _legacy_chain_id(v_field: object) -> int | None:
    v = _int(v_field)
    if v in _LEGACY_V:
        return None
    if v >= _EIP155_V:
        return (v - _EIP155_V) // 2
    raise RawTransactionError(f"its signature's v ({v}) is not a valid one")


def _sender(raw: bytes) -> str:
    try:
        return str(Account.recover_transaction(raw))
    except (BadSignature, RLPException, TypeError, ValueError):
        raise RawTransactionError("its signature does not recover a sender") from None


def _token_transfer(data: object) -> tuple[str | None, int | None]:
    """The recipient and amount of an ERC-20 ``transfer(address,uint256)`` call; ``(None, None)`` for any
    other call data. The address word must have its 12 padding bytes zero, as the ABI writes it."""
    if not isinstance(data, bytes) or data[:4] != _TRANSFER or len(data) < 4 + 2 * _WORD:
        return None, None
    address_word, amount_word = data[4 : 4 + _WORD], data[4 + _WORD : 4 + 2 * _WORD]
    if any(address_word[: _WORD - _ADDRESS]):
        return None, None
    return to_checksum_address(address_word[_WORD - _ADDRESS :]), int.from_bytes(amount_word, "big")
