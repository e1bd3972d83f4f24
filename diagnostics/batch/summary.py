"""A batch's summary: one row per case (or per input that could not be read), as CSV and JSON.

The row says what a support agent sorts a morning's tickets by: the verdict, how deep the transaction is
against what the exchange requires, the amount, and what the exchange will do with it; and which report file
holds the evidence.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import tzinfo

from diagnostics.checks.codes import CODES
from diagnostics.model import Diagnosis
from diagnostics.report.content import Report, build_report, strings
from diagnostics.report.transaction import summarize

# The summary's two files, beside the reports: the same names from the command and the window.
SUMMARY_FILES = ("summary.csv", "summary.json")
COLUMNS = (
    "row",
    "source",
    "tx_hash",
    "network",
    "verdict_code",
    "verdict",
    "confirmations",
    "amount",
    "decision",
    "report",
)


@dataclass(frozen=True)
class SummaryRow:
    row: int  # the case's number in the batch, from 1; 0 for an input problem
    source: str  # the file and where in it: "history.csv row 12"
    tx_hash: str
    network: str = ""
    verdict_code: str = ""
    verdict: str = ""
    confirmations: str = ""  # "5 / 12"
    amount: str = ""
    decision: str = ""
    report: str = ""  # the report's file name, beside the summary


def decision_key(code: str, support_needed: bool) -> str:
    """What the exchange will do, from the verdict's place in the codes table (DESIGN rule 8) and whether the
    report says a message to support can help."""
    info = CODES.get(code)
    if info is None:
        return "decision_none"
    if info.watch == "arrived":
        return "decision_arrived"
    if info.support in {"support_not_needed_input", "support_not_needed_secret"}:
        return "decision_fix_input"
    if info.support == "support_not_needed_retry":
        return "decision_retry"
    if info.watch in {"wait", "lost"}:
        return f"decision_{info.watch}"
    return "decision_support" if support_needed else "decision_none"


def row_for(
    number: int,
    source: str,
    diagnosis: Diagnosis,
    language: str,
    *,
    report: str = "",
    tz: tzinfo | None = None,
    built: Report | None = None,
) -> SummaryRow:
    """``built``: the diagnosis's report in ``language`` where the caller has made it already (for its file)."""
    words = strings(language)
    built = built or build_report(diagnosis, language, tz=tz)
    tx = summarize(diagnosis)
    depth = ""
    if tx is not None and tx.confirmations is not None:
        depth = f"{tx.confirmations} / {tx.required}" if tx.required is not None else str(tx.confirmations)
    located = diagnosis.facts.located
    network = located.network if located is not None else diagnosis.case.network
    name = next((n.name for n in diagnosis.networks if n.slug == network), network)
    return SummaryRow(
        row=number,
        source=source,
        tx_hash=diagnosis.case.tx_hash,
        network=name,
        verdict_code=diagnosis.verdict.code,
        verdict=built.verdict,
        confirmations=depth,
        amount=str(tx.amount) if tx is not None and tx.amount is not None else "",
        decision=words.BATCH[decision_key(diagnosis.verdict.code, built.support_needed)],
        report=report,
    )


def failed_row(number: int, source: str, tx_hash: str, *, reason: str, language: str) -> SummaryRow:
    """A case the engine could not run (an unknown network name, say), with why."""
    words = strings(language).BATCH
    return SummaryRow(number, source, tx_hash, verdict=words["failed"].format(reason=reason))


def skipped_row(source: str, reason: str, language: str) -> SummaryRow:
    """An input that gave no case (a row without a hash, an unreadable file), with the reason, in the summary."""
    return SummaryRow(0, source, "", verdict=strings(language).BATCH["skipped_input"].format(reason=reason))


def to_csv(rows: Sequence[SummaryRow], language: str) -> str:
    """With a byte-order mark, so Excel opens the Chinese headers and verdicts as UTF-8."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    words = strings(language).BATCH
    writer.writerow([words[c] for c in COLUMNS])
    for row in rows:
        writer.writerow([_cell(getattr(row, c)) for c in COLUMNS])
    return "\ufeff" + out.getvalue()


def to_json(rows: Sequence[SummaryRow], language: str) -> str:
    return json.dumps({"language": language, "cases": [asdict(r) for r in rows]}, ensure_ascii=False, indent=2) + "\n"


def _cell(value: object) -> str:
    """A cell a spreadsheet shows as text: a leading = + - @ would be run as a formula (CSV injection)."""
    text = "" if value == 0 and not isinstance(value, str) else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
