"""What the user asked about, as entered."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

# ``Case.network`` when the user leaves the network to the app: every network the hash can be on is asked.
AUTO_DETECT = "auto"


class Direction(StrEnum):
    DEPOSIT = "deposit"
    WITHDRAWAL = "withdrawal"


@dataclass(frozen=True)
class SignedTransaction:
    """What a raw signed transaction says about itself, decoded before anything is asked.

    When the network does not know the hash, the sender's nonce tells a transaction whose nonce another
    one has used (replaced: it can never confirm) from one that was never broadcast.
    """

    tx_hash: str
    sender: str
    nonce: int
    chain_id: int | None  # None: a pre-EIP-155 transaction, valid on any chain
    to: str | None
    value: int
    token_recipient: str | None = None  # for an ERC-20 transfer(): who it pays, and how much (base units)
    token_amount: int | None = None


@dataclass(frozen=True)
class Hints:
    """What the case already says about a transaction, so an adapter can ask about it in its first round rather
    than a second: the raw signed transaction the user gave (an EVM sender's nonce tells replaced from never
    broadcast), and the address the user gave (the likely recipient: a Tron account's activation)."""

    signed: SignedTransaction | None = None
    address: str | None = None


@dataclass(frozen=True)
class Case:
    """One question: "where is this transaction?".

    ``amount`` stays the decimal the user typed: it only becomes base units once the token (and so its
    decimals) is known from the chain, inside the amount check. ``required_confirmations`` overrides the
    network profile's default (an exchange may ask for more).
    """

    network: str  # the slug the user chose, or ``AUTO_DETECT``
    tx_hash: str
    address: str | None = None
    token: str | None = None
    amount: Decimal | None = None
    direction: Direction = Direction.DEPOSIT
    required_confirmations: int | None = None
    # A field that held a seed phrase or private key: (field, kind). The value itself is gone from the case.
    refused: tuple[str, str] | None = None
    signed: SignedTransaction | None = None  # when the user gave the raw signed transaction
    exchange: str | None = None  # the slug of the exchange the deposit goes to (or the withdrawal came from)
    memo: str | None = None  # the memo, tag or comment the exchange gave with its deposit address (TON's comment)
