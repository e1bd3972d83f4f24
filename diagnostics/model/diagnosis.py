"""The outcome of one case: the headline verdict, every finding, and the facts behind them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from diagnostics.model.case import Case
from diagnostics.model.exchange import ExchangeProfile, Requirement
from diagnostics.model.facts import Facts, Transfer, TxStatus
from diagnostics.model.finding import EvidenceValue, Finding, Severity
from diagnostics.model.network import Network


@dataclass(frozen=True)
class Verdict:
    """The headline: the code of the finding that decided it, rendered as one sentence by the report."""

    code: str
    severity: Severity
    variant: str = ""
    params: dict[str, EvidenceValue] = field(default_factory=dict)


@dataclass(frozen=True)
class Depth:
    """How deep a mined transaction is against what is required, and whether the chain calls it final.

    ``final_block`` is the newest irreversible block where the chain says (Tron's solidified block);
    ``None`` where it does not, and then only the count decides.
    """

    confirmations: int
    required: int
    head: int
    block: int
    final_block: int | None = None
    by: str = "network"  # whose figure ``required`` is: Requirement.by
    unlock: int | None = None  # the exchange's confirmations before the deposit can be withdrawn, where known

    @property
    def final(self) -> bool | None:
        return None if self.final_block is None else self.block <= self.final_block

    @property
    def met(self) -> bool:
        return self.confirmations >= self.required and self.final is not False


@dataclass(frozen=True)
class Outcome:
    """What the transaction did, worked out once (DESIGN rule 8) for the checks, the reports, the window
    and the watch.

    ``status`` is ``TxStatus``'s value, or ``"expired"`` for one that can no longer be put in a block.
    ``moved`` is what moved, or, while the transaction waits, what it will move once in a block; nothing
    for a failed one. ``asked`` is what it asked to move, whatever became of it (a failed transfer's coin
    and amount, for the report). Change (an output back to where it came from) is in neither.
    ``depth`` is ``None`` until the transaction is in a block and the head is known, and for a failed one.
    """

    network: str
    status: str
    moved: tuple[Transfer, ...] = ()
    asked: tuple[Transfer, ...] = ()
    depth: Depth | None = None

    @property
    def waiting(self) -> bool:
        return self.status == TxStatus.PENDING.value


@dataclass(frozen=True)
class Diagnosis:
    case: Case
    verdict: Verdict
    findings: tuple[Finding, ...]
    facts: Facts
    networks: tuple[Network, ...]
    diagnosed_at: datetime
    app_version: str
    outcome: Outcome | None = None  # None: the transaction was found on no network
    exchange: ExchangeProfile | None = None  # the exchange chosen, its rules as they were applied
    requirement: Requirement | None = None  # the confirmations the judged network's deposit needs, and whose

    def codes(self) -> list[str]:
        return [f.code for f in self.findings]
