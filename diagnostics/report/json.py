"""The JSON contract of FINDINGS.md: one object with verdict, case, findings and facts."""

from __future__ import annotations

import dataclasses
import json
from datetime import tzinfo
from decimal import Decimal
from enum import Enum
from typing import Any

from diagnostics.model import Amount, Diagnosis, Found, NotFound, Unavailable
from diagnostics.report.content import EvidenceRow, FindingText, Link, NetworkRow, Report, build_report, strings
from diagnostics.report.redact import redact

SCHEMA_VERSION = 1


def jsonable(value: Any) -> Any:
    """Facts as plain JSON: lookups say their state, big integers stay exact, decimals become strings."""
    if isinstance(value, Found):
        return {"state": "found", "value": jsonable(value.value)}
    if isinstance(value, NotFound):
        return {"state": "not_found"}
    if isinstance(value, Unavailable):
        return {"state": "unavailable", "reason": value.reason}
    if isinstance(value, Amount):
        return {
            "base_units": str(value.base_units),
            "decimals": value.decimals,
            "symbol": value.symbol,
            "value": f"{value.as_decimal().normalize():f}",
        }
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 2**53:
        return str(value)  # JSON readers in other languages lose precision past 2^53
    return value


def to_dict(
    diagnosis: Diagnosis, language: str = "en", *, tz: tzinfo | None = None, redacted: bool = False
) -> dict[str, Any]:
    report = build_report(diagnosis, language, tz=tz, redacted=redacted)
    case = jsonable(diagnosis.case)
    return {
        "schema_version": SCHEMA_VERSION,
        "language": language,
        "verdict": {
            "code": report.verdict_code,
            "title": report.verdict,
            "severity": report.verdict_severity,
            "summary": report.summary,
        },
        "case": case,
        "case_rows": [[label, value] for label, value in report.case],
        "diagnosed_at_text": report.diagnosed_at,
        "transaction": [
            {"key": key, "label": label, "value": value}
            for key, (label, value) in zip(report.transaction_keys, report.transaction, strict=True)
        ],
        "support_message": report.support_message,
        "support_needed": report.support_needed,
        "links": [dataclasses.asdict(link) for link in report.links],
        "findings": [
            {
                "code": f.code,
                "severity": f.severity,
                "network": f.network,
                "title": f.title,
                "explanation": f.explanation,
                "evidence": [dataclasses.asdict(e) for e in f.evidence],
                "next_steps": list(f.next_steps),
            }
            for f in report.findings
        ],
        "networks": [dataclasses.asdict(n) for n in report.networks],
        "facts": jsonable(diagnosis.facts),
        "outcome": jsonable(diagnosis.outcome),
        "diagnosed_at": diagnosis.diagnosed_at.isoformat(),
        "app_version": diagnosis.app_version,
    }


def dumps(data: dict[str, Any]) -> str:
    """The report's JSON as every file of it is written."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render_json(diagnosis: Diagnosis, language: str = "en", *, tz: tzinfo | None = None, redacted: bool = False) -> str:
    text = dumps(to_dict(diagnosis, language, tz=tz, redacted=redacted))
    return redact(text) if redacted else text


def report_from_dict(data: dict[str, Any]) -> Report:
    """The report a kept JSON file says, to show it again as it was (the history reopens reports this way:
    the nodes may say something else today)."""
    language = data.get("language", "en")
    labels = strings(language).REPORT
    verdict = data["verdict"]
    rows = data.get("transaction", [])
    return Report(
        language=language,
        verdict_code=verdict["code"],
        verdict_severity=verdict["severity"],
        verdict=verdict["title"],
        summary=verdict.get("summary", ""),
        case=tuple((label, value) for label, value in data.get("case_rows", [])),
        transaction=tuple((row["label"], row["value"]) for row in rows),
        transaction_keys=tuple(row["key"] for row in rows),
        findings=tuple(
            FindingText(
                code=f["code"],
                severity=f["severity"],
                network=f.get("network"),
                title=f["title"],
                explanation=f["explanation"],
                evidence=tuple(EvidenceRow(**row) for row in f.get("evidence", [])),
                next_steps=tuple(f.get("next_steps", [])),
            )
            for f in data.get("findings", [])
        ),
        networks=tuple(NetworkRow(**row) for row in data.get("networks", [])),
        links=tuple(Link(**link) for link in data.get("links", [])),
        support_message=data.get("support_message", ""),
        support_needed=bool(data.get("support_needed", False)),
        redacted=False,
        diagnosed_at=data.get("diagnosed_at_text") or data.get("diagnosed_at", ""),
        app_version=data.get("app_version", ""),
        labels=labels,
    )
