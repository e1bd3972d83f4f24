"""Batch rows with a verdict, without a node: diagnoses as the engine would hand them, each with its severity."""

from __future__ import annotations

from datetime import UTC, datetime

from desktop.models.batch_model import BatchModel, RowStatus
from diagnostics import catalog
from diagnostics.intake.draft import CaseDraft
from diagnostics.model import Case, Diagnosis, Severity, Verdict
from diagnostics.model.facts import Facts

# (verdict code, severity, params): one of each severity, the worst in the middle of the table.
VERDICTS = [
    ("CONFIRMATIONS_SUFFICIENT", Severity.INFO, {}),
    ("TX_NOT_FOUND", Severity.PROBLEM, {}),
    ("TOKEN_NOT_OFFICIAL", Severity.CRITICAL, {"symbol": "USDT"}),
    ("TX_PENDING", Severity.WARNING, {}),
    ("TX_NOT_FOUND", Severity.PROBLEM, {}),
]


def tx(number: int) -> str:
    return "0x" + format(number, "064x")


def diagnosis(number: int, code: str, severity: Severity, params: dict[str, str]) -> Diagnosis:
    return Diagnosis(
        case=Case("ethereum", tx(number)),
        verdict=Verdict(code, severity, params=dict(params)),
        findings=(),
        facts=Facts(),
        networks=(catalog.networks()["ethereum"],),
        diagnosed_at=datetime(2026, 11, 23, 12, 0, tzinfo=UTC),
        app_version="test",
    )


def fill(model: BatchModel, *, failed: bool = True) -> None:
    """Five diagnosed rows (``VERDICTS``, in that order) and, with ``failed``, a sixth the engine could not run."""
    drafts = [CaseDraft(tx(n), None, "ethereum", source=f"row {n + 1}") for n in range(len(VERDICTS) + failed)]
    model.set_drafts(drafts)
    for number, (code, severity, params) in enumerate(VERDICTS):
        model.update(number, status=RowStatus.DONE, diagnosis=diagnosis(number, code, severity, params), verdict="x")
    if failed:
        model.update(len(VERDICTS), status=RowStatus.FAILED, verdict="could not connect")
