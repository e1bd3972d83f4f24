"""Plain text: for a terminal, a chat box or an e-mail. Verdict first, then the facts, then each finding."""

from __future__ import annotations

from datetime import tzinfo

from diagnostics.model import Diagnosis
from diagnostics.report.content import EvidenceRow, Report, build_report
from diagnostics.report.redact import redact

MARKS = {"info": "✓", "warning": "!", "problem": "✗", "critical": "✗✗"}


def _evidence_lines(rows: tuple[EvidenceRow, ...], labels: dict[str, str]) -> list[str]:
    """Evidence rows; when they were all read at one block, that block is said once in the heading."""
    colon, paren = labels["colon"], labels["paren"]
    blocks = {e.block for e in rows if e.block is not None}
    heading = labels["evidence"]
    if len(blocks) == 1 and len({e.network for e in rows}) == 1:
        heading += paren.format(labels["evidence_at_block"].format(block=blocks.pop()))
        return [f"      {heading}{colon.rstrip()}"] + [f"        - {e.label}{colon}{e.value}" for e in rows]
    lines = [f"      {heading}{colon.rstrip()}"]
    for e in rows:
        where = paren.format(f"{labels['at_block']} {e.block}") if e.block is not None else ""
        lines.append(f"        - {e.label}{colon}{e.value}{where}")
    return lines


def _section(title: str, rows: tuple[tuple[str, str], ...], colon: str) -> list[str]:
    return [f"{title}{colon.rstrip()}"] + [f"  {k}{colon}{v}" for k, v in rows] + [""] if rows else []


def lay_out(r: Report) -> str:
    label = r.labels
    colon, paren = label["colon"], label["paren"]
    lines = [f"{label['verdict']}{colon}{r.verdict}  [{r.verdict_code}]", f"  {r.summary}", ""]
    lines += _section(label["case"], r.case, colon)
    lines += _section(label["transaction"], r.transaction, colon)
    lines.append(f"{label['findings']}{colon.rstrip()}")
    for f in r.findings:
        lines.append(f"  {MARKS.get(f.severity, '-')} {f.code}{colon}{f.title}")
        lines.append(f"      {f.explanation}")
        if f.evidence:
            lines += _evidence_lines(f.evidence, label)
        if f.next_steps:
            lines.append(f"      {label['next_steps']}{colon.rstrip()}")
            lines += [f"        → {step}" for step in f.next_steps]
    hint = paren.format(label["message_hint"]) if r.support_needed else ""
    lines += ["", f"{label['message_to_support']}{hint}{colon.rstrip()}", f"  {r.support_message}"]
    if r.links:
        lines += ["", f"{label['links']}{colon.rstrip()}"] + [f"  {link.label}{colon}{link.url}" for link in r.links]
    if r.networks:
        lines += ["", f"{label['networks_asked']}{colon.rstrip()}"]
        comma = label["comma"]
        for n in r.networks:
            head = f"{comma}{label['at_block']} {n.head_block}" if n.head_block is not None else ""
            detail = f" — {n.detail}" if n.detail else ""
            timing = f"{n.elapsed_ms} ms{comma}{label['round_trips'].format(n=n.round_trips)}{head}"
            via = f"{label['via']}{n.endpoint}" if n.endpoint else ""
            lines.append(f"  {n.name}{via}{colon}{n.answer}{detail}{paren.format(timing)}")
    lines += ["", f"{label['app']} {r.app_version} · {label['diagnosed_at']} {r.diagnosed_at}"]
    if r.redacted:
        lines.append(label["redacted_note"])
    return "\n".join(lines) + "\n"


def render_text(diagnosis: Diagnosis, language: str = "en", *, tz: tzinfo | None = None, redacted: bool = False) -> str:
    text = lay_out(build_report(diagnosis, language, tz=tz, redacted=redacted))
    return redact(text) if redacted else text
