"""The contract ABI that EVM chains and Tron share: token calls, Transfer logs, strings and revert reasons.

Tron's virtual machine is the EVM's, so a TRC-20 token speaks ERC-20's words; only the way an address
is written differs (Base58 ``T…`` with a 0x41 prefix byte against EIP-55 ``0x…``). These functions
return raw 20-byte accounts and leave the spelling to each chain's adapter.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from eth_abi.abi import decode as abi_decode
from eth_abi.exceptions import DecodingError

from diagnostics.model import ContractCall, Transfer

TRANSFER_TOPIC = "ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef"
_SELECTORS = {"a9059cbb": "transfer", "23b872dd": "transferFrom", "095ea7b3": "approve"}
_ARGUMENTS = {"transfer": 2, "approve": 2, "transferFrom": 3}
_ERROR_SELECTOR = "08c379a0"  # Error(string)
_PANIC_SELECTOR = "4e487b71"  # Panic(uint256)
_PANIC_REASONS = {
    0x01: "assertion failed",
    0x11: "arithmetic overflow or underflow",
    0x12: "division by zero",
    0x32: "array index out of bounds",
}
_WORD = 64  # hex digits in a 32-byte ABI word


def _hex(text: str) -> str:
    return text[2:] if text[:2].lower() == "0x" else text


@dataclass(frozen=True)
class TokenCall:
    """``transfer``/``transferFrom``/``approve`` with its arguments; accounts are 20 raw bytes.

    ``target`` and ``amount`` are ``None`` when the arguments are cut short or not hex.
    """

    method: str
    target: bytes | None = None
    amount: int | None = None
    source: bytes | None = None


def _account(word: str) -> bytes:
    # The EVM reads an address argument as its low 160 bits; Tron wallets often pad it with the 0x41
    # prefix byte (seen in recorded TRC-20 transfers), which the contract ignores the same way.
    return bytes.fromhex(word[-40:])


def decode_token_call(data: str) -> TokenCall | None:
    """The token method in a transaction's call data, if it is one the checks understand."""
    body = _hex(data)
    method = _SELECTORS.get(body[:8].lower())
    if method is None:
        return None
    words = [body[8 + i * _WORD : 8 + (i + 1) * _WORD] for i in range(_ARGUMENTS[method])]
    try:
        if any(len(w) != _WORD for w in words):
            raise ValueError("arguments cut short")
        accounts = [_account(w) for w in words[:-1]]
        amount = int(words[-1], 16)
    except ValueError:
        return TokenCall(method)
    if method == "transferFrom":
        return TokenCall(method, accounts[1], amount, accounts[0])
    return TokenCall(method, accounts[0], amount)


def decode_transfer_log(topics: Sequence[str], data: str) -> tuple[bytes, bytes, int] | None:
    """(from, to, amount) of an ERC-20/TRC-20 ``Transfer`` log; ``None`` for any other log (ERC-721 has 4 topics)."""
    words = [_hex(str(t)).lower() for t in topics]
    body = _hex(data)
    if len(words) != 3 or words[0] != TRANSFER_TOPIC or len(body) != _WORD:
        return None
    try:
        return _account(words[1]), _account(words[2]), int(body, 16)
    except ValueError:
        return None


def decode_string_result(raw: object) -> str | None:
    """An ABI ``string`` result, or a ``bytes32`` one as old tokens (MKR, SAI) return."""
    if not isinstance(raw, str) or len(_hex(raw)) < _WORD:
        return None
    try:
        data = bytes.fromhex(_hex(raw))
    except ValueError:
        return None
    try:
        (text,) = abi_decode(["string"], data)
        return str(text) or None
    except (DecodingError, ValueError, OverflowError):
        text = data[:32].rstrip(b"\0").decode("utf-8", errors="replace")
        return text or None


def decode_decimals_result(raw: object) -> int | None:
    """``decimals()`` is a uint8: anything larger is a broken or hostile token, treated as unknown."""
    if not isinstance(raw, str) or len(_hex(raw)) < _WORD:
        return None
    try:
        value = int(_hex(raw)[:_WORD], 16)
    except ValueError:
        return None
    return value if value <= 255 else None


def decode_revert_data(data: str) -> str | None:
    """The reason in a revert's return data: ``Error(string)`` or a ``Panic`` code; ``None`` if neither."""
    body = _hex(data)
    try:
        if body[:8] == _ERROR_SELECTOR:
            (reason,) = abi_decode(["string"], bytes.fromhex(body[8:]))
            return str(reason) or None
        if body[:8] == _PANIC_SELECTOR:
            (code,) = abi_decode(["uint256"], bytes.fromhex(body[8:]))
            return f"panic 0x{code:02x} ({_PANIC_REASONS.get(code, 'internal error')})"
    except (DecodingError, ValueError, OverflowError):
        return None
    return None


def intended_transfers(sender: str, to: str | None, value: int, call: ContractCall | None) -> tuple[Transfer, ...]:
    """What a transaction asks to move, read from itself: the native value it carries and the token a
    ``transfer``/``transferFrom`` call names (an ``approve`` moves nothing). Known while it is pending, and
    after it failed, when no log says anything."""
    asked = [Transfer(sender, to, value, how="value")] if value and to else []
    if call and call.method in ("transfer", "transferFrom") and call.target and call.amount is not None:
        asked.append(Transfer(call.source or sender, call.target, call.amount, call.token, how="call"))
    return tuple(asked)
