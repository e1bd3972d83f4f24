"""The outcome of one case: the headline verdict, every finding, and the facts behind them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from diagnostics.model.case import Case
from diagnostics.model.facts import Facts
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
class Diagnosis:
    case: Case
    verdict: Verdict
    findings: tuple[Finding, ...]
    facts: Facts
    networks: tuple[Network, ...]
    diagnosed_at: datetime
    app_version: str

    def codes(self) -> list[str]:
        return [f.code for f in self.findings]
