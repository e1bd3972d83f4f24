"""Plain text: for a terminal, a chat box or an e-mail. Verdict first, then each finding."""

from __future__ import annotations

from diagnostics.model import Diagnosis
from diagnostics.report.content import EvidenceRow, build_report

_MARKS = {"info": "✓", "warning": "!", "problem": "✗", "critical": "✗✗"}


def _evidence_lines(rows: tuple[EvidenceRow, ...], labels: dict[str, str]) -> list[str]:
    """Evidence rows; when they were all read at one block, that block is said once in the heading."""
    blocks = {e.block for e in rows if e.block is not None}
    heading = labels["evidence"]
    if len(blocks) == 1:
        heading += f" ({labels['evidence_at_block'].format(block=blocks.pop())})"
        return [f"      {heading}:"] + [f"        - {e.label}: {e.value}" for e in rows]
    lines = [f"      {heading}:"]
    for e in rows:
        where = f" ({labels['at_block']} {e.block})" if e.block is not None else ""
        lines.append(f"        - {e.label}: {e.value}{where}")
    return lines


def render_text(diagnosis: Diagnosis, language: str = "en") -> str:
    r = build_report(diagnosis, language)
    label = r.labels
    lines = [f"{label['verdict']}: {r.verdict}  [{r.verdict_code}]", ""]
    lines += [f"{label['case']}:"] + [f"  {k}: {v}" for k, v in r.case] + [""]
    lines.append(f"{label['findings']}:")
    for f in r.findings:
        lines.append(f"  {_MARKS.get(f.severity, '-')} {f.code}: {f.title}")
        lines.append(f"      {f.explanation}")
        if f.evidence:
            lines += _evidence_lines(f.evidence, label)
        if f.next_steps:
            lines.append(f"      {label['next_steps']}:")
            lines += [f"        → {step}" for step in f.next_steps]
    if r.networks:
        lines += ["", f"{label['networks_asked']}:"]
        for n in r.networks:
            head = f", {label['at_block']} {n.head_block}" if n.head_block is not None else ""
            detail = f" — {n.detail}" if n.detail else ""
            timing = f"{n.elapsed_ms} ms, {label['round_trips'].format(n=n.round_trips)}{head}"
            lines.append(f"  {n.name} via {n.endpoint}: {n.answer}{detail} ({timing})")
    lines += ["", f"{label['app']} {r.app_version} · {label['diagnosed_at']} {r.diagnosed_at}"]
    return "\n".join(lines) + "\n"
