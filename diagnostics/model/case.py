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
