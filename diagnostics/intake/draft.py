"""What the intake parsers hand the window: case drafts, and the problems met while reading.

A draft is a case before the user confirms it: a dropped file or pasted text rarely says everything
(a CSV row may name no network; free text names none), so every field but the hash may be missing.
Problems carry a key and parameters, so the window says them in its own language.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from diagnostics.model import AUTO_DETECT, Case, Direction, SignedTransaction


@dataclass(frozen=True)
class CaseDraft:
    tx_hash: str
    address: str | None = None
    network: str | None = None  # a network slug; None leaves it to Auto-detect
    token: str | None = None
    amount: Decimal | None = None
    direction: Direction | None = None
    time: str | None = None  # as the export wrote it: shown, never parsed into facts
    source: str = ""  # where in the input it was found: "line 3", "row 12", "case 2"
    signed: SignedTransaction | None = None
    memo: str | None = None  # the memo, tag or comment the exchange gave with its deposit address

    def to_case(self, network: str | None = None, direction: Direction = Direction.DEPOSIT) -> Case:
        """The case to diagnose: the draft's own network and direction where it has them, else these."""
        return Case(
            network=self.network or network or AUTO_DETECT,
            tx_hash=self.tx_hash,
            address=self.address,
            token=self.token,
            amount=self.amount,
            direction=self.direction or direction,
            signed=self.signed,
            memo=self.memo,
        )


@dataclass(frozen=True)
class IntakeProblem:
    """Something in the input that could not be used. ``key`` names it; ``params`` fill its sentence."""

    key: str
    params: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Intake:
    """What one input gave. ``refused`` is the kind of secret it held (``SecretKind`` value): then
    ``drafts`` is empty, since nothing from an input holding a secret is used."""

    drafts: tuple[CaseDraft, ...] = ()
    problems: tuple[IntakeProblem, ...] = ()
    refused: str | None = None
