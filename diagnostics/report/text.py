"""Plain text: for a terminal, a chat box or an e-mail. Verdict first, then each finding."""

from __future__ import annotations

from diagnostics.model import Diagnosis
from diagnostics.report.content import build_report

_MARKS = {"info": "✓", "warning": "!", "problem": "✗", "critical": "✗✗"}


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
            lines.append(f"      {label['evidence']}:")
            for e in f.evidence:
                where = f" ({label['at_block']} {e.block})" if e.block is not None else ""
                lines.append(f"        - {e.label}: {e.value}{where}")
        if f.next_steps:
            lines.append(f"      {label['next_steps']}:")
            lines += [f"        → {step}" for step in f.next_steps]
    if r.networks:
        lines += ["", f"{label['networks_asked']}:"]
        for n in r.networks:
            head = f", {label['at_block']} {n.head_block}" if n.head_block is not None else ""
            detail = f" — {n.detail}" if n.detail else ""
            timing = f"{n.elapsed_ms} ms, {n.round_trips} {label['round_trips']}{head}"
            lines.append(f"  {n.name} via {n.endpoint}: {n.answer}{detail} ({timing})")
    lines += ["", f"{label['app']} {r.app_version} · {label['diagnosed_at']} {r.diagnosed_at}"]
    return "\n".join(lines) + "\n"
