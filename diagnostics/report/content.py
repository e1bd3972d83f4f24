"""The report model: a diagnosis put into one language's words, ready for any renderer.

Renderers (text, JSON, later Markdown/HTML/PDF) format this and add nothing of their own, so every
output says the same thing.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from decimal import Decimal
from types import ModuleType
from typing import Any

from diagnostics.model import Amount, Diagnosis, EvidenceValue, Finding, Found, NotFound, Term

LANGUAGES = ("en",)


@dataclass(frozen=True)
class EvidenceRow:
    label: str
    value: str
    network: str | None
    block: int | None


@dataclass(frozen=True)
class FindingText:
    code: str
    severity: str
    network: str | None
    title: str
    explanation: str
    evidence: tuple[EvidenceRow, ...]
    next_steps: tuple[str, ...]


@dataclass(frozen=True)
class NetworkRow:
    network: str
    name: str
    endpoint: str
    answer: str
    detail: str
    head_block: int | None
    elapsed_ms: int
    round_trips: int


@dataclass(frozen=True)
class Report:
    language: str
    verdict_code: str
    verdict_severity: str
    verdict: str
    case: tuple[tuple[str, str], ...]
    findings: tuple[FindingText, ...]
    networks: tuple[NetworkRow, ...]
    diagnosed_at: str
    app_version: str
    labels: dict[str, str]


def strings(language: str) -> ModuleType:
    if language not in LANGUAGES:
        raise ValueError(f"no report strings for language {language!r}")
    return importlib.import_module(f"diagnostics.report.locale.{language}")


def _duration(seconds: int, report: dict[str, str]) -> str:
    """Exact enough to compare two durations ("2 min 10 s" against "2 min"), short enough to read."""
    seconds = max(seconds, 1)
    if seconds < 60:
        return report["duration_s"].format(s=seconds)
    if seconds < 3600:
        minutes, rest = divmod(seconds, 60)
        return report["duration_m_s"].format(m=minutes, s=rest) if rest else report["duration_m"].format(m=minutes)
    if seconds < 2 * 86400:
        hours, rest = divmod(seconds, 3600)
        return report["duration_h_m"].format(h=hours, m=rest // 60)
    return report["duration_d"].format(d=round(seconds / 86400))


def format_value(value: EvidenceValue, locale: ModuleType, name: str = "") -> str:
    report = locale.REPORT
    if value is None:
        return str(report["none"])
    if isinstance(value, Term):
        return str(locale.TERMS[value.key])
    if isinstance(value, Amount):
        return str(value)
    if isinstance(value, int) and not isinstance(value, bool) and name.endswith("_seconds"):
        return _duration(value, report)
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    return str(value)


def _pick(entry: Any, *keys: str) -> Any:
    """A string that may vary by variant or direction: the first key present, else the default ""."""
    if not isinstance(entry, dict):
        return entry
    for key in (*keys, ""):
        if key in entry:
            return entry[key]
    return next(iter(entry.values()))


def _keys(variant: str, direction: str) -> tuple[str, ...]:
    """Where a varying string is looked up, most specific first."""
    return (f"{variant}.{direction}", variant, direction) if variant else (direction,)


class _Params(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _params(finding_params: dict[str, EvidenceValue], network: str, locale: ModuleType) -> _Params:
    params = _Params({k: format_value(v, locale, k) for k, v in finding_params.items()})
    params.setdefault("network", network)
    return params


def _finding_text(finding: Finding, diagnosis: Diagnosis, locale: ModuleType) -> FindingText:
    names = {n.slug: n.display_name for n in diagnosis.networks}
    network = names.get(finding.network or "", finding.network or "")
    params = _params(finding.params, network, locale)
    entry = locale.FINDINGS[finding.code]
    keys = _keys(finding.variant, diagnosis.case.direction.value)
    steps = entry["next_steps"]
    chosen: list[str] = next((steps[k] for k in (*keys, "any") if k in steps), [])
    return FindingText(
        code=finding.code,
        severity=finding.severity.value,
        network=finding.network,
        title=_pick(entry["title"], *keys).format_map(params),
        explanation=_pick(entry["explanation"], *keys).format_map(params),
        evidence=tuple(
            EvidenceRow(
                locale.EVIDENCE.get(e.label, e.label), format_value(e.value, locale, e.label), e.network, e.block
            )
            for e in finding.evidence
        ),
        next_steps=tuple(s.format_map(params) for s in chosen),
    )


def _network_rows(diagnosis: Diagnosis, report: dict[str, str]) -> tuple[NetworkRow, ...]:
    names = {n.slug: n.display_name for n in diagnosis.networks}
    rows = []
    for n in diagnosis.facts.networks:
        if isinstance(n.tx, Found):
            answer, detail = report["found"], ""
        elif isinstance(n.tx, NotFound):
            answer, detail = report["not_found"], ""
        else:
            answer, detail = report["unavailable"], n.tx.reason
        head = n.head.value.number if isinstance(n.head, Found) else None
        rows.append(
            NetworkRow(
                n.network,
                names.get(n.network, n.network),
                n.endpoint,
                answer,
                detail,
                head,
                round(n.elapsed_seconds * 1000),
                n.round_trips,
            )
        )
    return tuple(rows)


def build_report(diagnosis: Diagnosis, language: str = "en") -> Report:
    locale = strings(language)
    report = locale.REPORT
    case = diagnosis.case
    selected = diagnosis.networks[0].display_name if diagnosis.networks else case.network
    verdict = diagnosis.verdict
    verdict_params = _params(verdict.params, selected, locale)
    case_rows = [
        (report["network"], selected),
        (report["tx_hash"], case.tx_hash.strip()),
        (report["direction"], report[case.direction.value]),
    ]
    if case.address:
        case_rows.append((report["address"], case.address.strip()))
    if case.token:
        case_rows.append((report["token"], case.token))
    if case.amount is not None:
        case_rows.append((report["amount"], format_value(case.amount, locale)))
    return Report(
        language=language,
        verdict_code=verdict.code,
        verdict_severity=verdict.severity.value,
        verdict=_pick(locale.VERDICTS[verdict.code], *_keys(verdict.variant, case.direction.value)).format_map(
            verdict_params
        ),
        case=tuple(case_rows),
        findings=tuple(_finding_text(f, diagnosis, locale) for f in diagnosis.findings),
        networks=_network_rows(diagnosis, report),
        diagnosed_at=diagnosis.diagnosed_at.strftime("%Y-%m-%d %H:%M:%S UTC"),
        app_version=diagnosis.app_version,
        labels=report,
    )
