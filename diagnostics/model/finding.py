"""Findings: one coded statement about a case, with the evidence it rests on.

A finding holds no prose. Its code, variant and params are rendered into the reader's language by
``diagnostics.report``, so one diagnosis can be shown in English and Chinese without asking the
chain again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from diagnostics.model.facts import Amount
from diagnostics.model.lookup import Unavailable


class Severity(StrEnum):
    INFO = "info"
    WARNING = "warning"
    PROBLEM = "problem"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        return list(Severity).index(self)


@dataclass(frozen=True)
class Term:
    """A word the report translates ("yes", "activated", "seed phrase"), where a check would otherwise
    put English into a finding. ``key`` names an entry of each language's ``TERMS``."""

    key: str


# A tuple is a list of names, joined the way the report's language writes lists.
EvidenceValue = str | int | float | Decimal | Amount | Term | Unavailable | datetime | tuple[str, ...] | None


@dataclass(frozen=True)
class Evidence:
    """One fact a finding rests on; ``label`` is a key of the report's evidence labels."""

    label: str
    value: EvidenceValue
    network: str | None = None
    block: int | None = None


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    network: str | None = None
    variant: str = ""
    params: dict[str, EvidenceValue] = field(default_factory=dict)
    evidence: tuple[Evidence, ...] = ()
