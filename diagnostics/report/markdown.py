"""Markdown: for a ticket, a forum post or a chat that renders it. The same content as the text report."""

from __future__ import annotations

from datetime import tzinfo

from diagnostics.model import Diagnosis
from diagnostics.report.content import Report, build_report
from diagnostics.report.redact import redact
from diagnostics.report.text import MARKS


def _cell(value: str) -> str:
    """A value safe inside a table cell or a line: pipes and markup characters lose their meaning."""
    return "".join("\\" + c if c in "\\|*_`[]<>#" else c for c in value).replace("\n", " ")


def _table(label: dict[str, str], rows: tuple[tuple[str, str], ...]) -> list[str]:
    lines = [f"| {label['field']} | {label['value']} |", "|---|---|"]
    return lines + [f"| {_cell(k)} | {_cell(v)} |" for k, v in rows] + [""]


def lay_out(r: Report) -> str:
    label = r.labels
    lines = [f"# {label['report_title']}", ""]
    lines += [
        f"**{label['verdict']}{label['colon']}{_cell(r.verdict)}** (`{r.verdict_code}`)",
        "",
        _cell(r.summary),
        "",
    ]
    lines += [f"## {label['case']}", "", *_table(label, r.case)]
    if r.transaction:
        lines += [f"## {label['transaction']}", "", *_table(label, r.transaction)]
    lines += [f"## {label['findings']}", ""]
    for f in r.findings:
        lines += [f"### {MARKS.get(f.severity, '-')} {_cell(f.title)} (`{f.code}`)", "", _cell(f.explanation), ""]
        if f.evidence:
            lines += [f"**{label['evidence']}**", ""]
            for e in f.evidence:
                where = label["paren"].format(f"{label['at_block']} {e.block}") if e.block is not None else ""
                lines.append(f"- {_cell(e.label)}{label['colon']}{_cell(e.value)}{where}")
            lines.append("")
        if f.next_steps:
            lines += [f"**{label['next_steps']}**", ""] + [f"1. {_cell(step)}" for step in f.next_steps] + [""]
    lines += [f"## {label['message_to_support']}", ""]
    if r.support_needed:
        lines += [f"_{_cell(label['message_hint'])}_", "", "```text", r.support_message, "```", ""]
    else:
        lines += [_cell(r.support_message), ""]
    if r.links:
        lines += [f"## {label['links']}", ""] + [f"- [{_cell(link.label)}](<{link.url}>)" for link in r.links] + [""]
    if r.networks:
        lines += [f"## {label['networks_asked']}", ""]
        lines += [
            f"| {label['network']} | {label['node']} | {label['answer']} | {label['at_block']} | {label['took']} |"
        ]
        lines.append("|---|---|---|---|---|")
        for n in r.networks:
            answer = f"{n.answer} — {n.detail}" if n.detail else n.answer
            head = str(n.head_block) if n.head_block is not None else label["none"]
            cells = (n.name, n.endpoint, answer, head, f"{n.elapsed_ms} ms")
            lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
        lines.append("")
    lines += ["---", "", f"{label['app']} {r.app_version} · {label['diagnosed_at']} {r.diagnosed_at}"]
    if r.redacted:
        lines += ["", _cell(label["redacted_note"])]
    return "\n".join(lines) + "\n"


def render_markdown(
    diagnosis: Diagnosis, language: str = "en", *, tz: tzinfo | None = None, redacted: bool = False
) -> str:
    text = lay_out(build_report(diagnosis, language, tz=tz, redacted=redacted))
    return redact(text) if redacted else text
