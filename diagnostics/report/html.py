"""HTML: what the window shows and what the PDF prints.

Written for Qt's rich-text engine (QTextDocument), which understands HTML 4 tables and inline styles but
little modern CSS; it renders as plainly in any browser. Every value is escaped.
"""

from __future__ import annotations

from datetime import tzinfo
from html import escape

from diagnostics.model import Diagnosis
from diagnostics.report.content import FindingText, Report, build_report, strings
from diagnostics.report.redact import redact

# (background, text) per severity: readable in colour and in a grey-scale print.
COLOURS = {
    "info": ("#e6f4ea", "#1e6b34"),
    "warning": ("#fff4e0", "#7a4a00"),
    "problem": ("#fdecea", "#a4262c"),
    "critical": ("#f9dedc", "#7f1d1d"),
}
# Latin first, then Chinese, for Linux, Windows and macOS alike: a browser takes the first it has. The PDF
# puts the ones its machine has in their place (desktop/pdf.py), since the fonts it draws with are embedded.
FONT_FAMILIES = (
    "DejaVu Sans",
    "Segoe UI",
    "Helvetica Neue",
    "WenQuanYi Micro Hei",
    "Noto Sans CJK SC",
    "Microsoft YaHei",
    "PingFang SC",
    "SimSun",
)
# A hash, an address or a URL is set small enough to stay on one line of a printed page (a 66-character
# TxID at 8.5 pt in a fixed-pitch font fits in the value column): broken, copying it out of the PDF gave two
# halves with a line break between them.
_WHOLE = "font-family: 'DejaVu Sans Mono', Consolas, Menlo, monospace; font-size:8.5pt;"


def font_css(families: tuple[str, ...] | list[str]) -> str:
    """The body's font-family declaration for ``families``."""
    return "font-family: " + ", ".join(f"'{family}'" for family in families) + ", sans-serif;"


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _rows(rows: tuple[tuple[str, str], ...]) -> str:
    cells = "".join(
        f'<tr><td width="22%" style="color:#555555;">{_e(k)}</td><td style="{_WHOLE}">{_e(v)}</td></tr>'
        for k, v in rows
    )
    return f'<table width="100%" cellspacing="0" cellpadding="4" border="0">{cells}</table>'


def _finding(f: FindingText, label: dict[str, str]) -> str:
    background, colour = COLOURS.get(f.severity, COLOURS["info"])
    severity = label.get(f"severity_{f.severity}", f.severity)
    parts = [
        f'<table width="100%" cellspacing="0" cellpadding="6" border="0" style="margin-top:10px;">'
        f'<tr><td bgcolor="{background}" style="color:{colour};"><b>{_e(severity)} · {_e(f.title)}</b>'
        f' <span style="color:#666666;">({_e(f.code)})</span></td></tr></table>',
        f"<p>{_e(f.explanation)}</p>",
    ]
    if f.evidence:
        colon, paren = _e(label["colon"]), label["paren"]

        def block(number: int | None) -> str:
            if number is None:
                return ""
            where = paren.format(label["at_block"] + f" {number}")
            return f"<span style='color:#666666;'>{_e(where)}</span>"

        items = "".join(
            f"<li>{_e(e.label)}{colon}<span style='font-family: monospace;'>{_e(e.value)}</span>{block(e.block)}</li>"
            for e in f.evidence
        )
        parts.append(f"<p><b>{_e(label['evidence'])}</b></p><ul>{items}</ul>")
    if f.next_steps:
        steps = "".join(f"<li>{_e(step)}</li>" for step in f.next_steps)
        parts.append(f"<p><b>{_e(label['next_steps'])}</b></p><ol>{steps}</ol>")
    return "".join(parts)


def lay_out(r: Report) -> str:
    label = r.labels
    background, colour = COLOURS.get(r.verdict_severity, COLOURS["info"])
    body = [
        f"<h1 style='font-size:16pt;'>{_e(label['report_title'])}</h1>",
        f'<table width="100%" cellspacing="0" cellpadding="10" border="0"><tr><td bgcolor="{background}"'
        f' style="color:{colour};"><span style="font-size:14pt;"><b>{_e(r.verdict)}</b></span><br/>'
        f"{_e(r.summary)}<br/><span style='color:#666666;'>{_e(r.verdict_code)}</span></td></tr></table>",
        f"<h2 style='font-size:13pt;'>{_e(label['case'])}</h2>",
        _rows(r.case),
    ]
    if r.transaction:
        body += [f"<h2 style='font-size:13pt;'>{_e(label['transaction'])}</h2>", _rows(r.transaction)]
    body.append(f"<h2 style='font-size:13pt;'>{_e(label['findings'])}</h2>")
    body += [_finding(f, label) for f in r.findings]
    body += [
        f"<h2 style='font-size:13pt;'>{_e(label['message_to_support'])}</h2>",
    ]
    if r.support_needed:
        body += [
            f"<p style='color:#555555;'>{_e(label['message_hint'])}</p>",
            f'<table width="100%" cellpadding="8" border="0"><tr><td bgcolor="#f3f3f3">{_e(r.support_message)}</td></tr></table>',
        ]
    else:
        body.append(f"<p>{_e(r.support_message)}</p>")
    if r.links:
        # The address itself, not only "The transaction": a printed page has no link to follow.
        links = "".join(
            f'<li><a href="{_e(link.url)}">{_e(link.label)}</a><br/><span style="{_WHOLE}">{_e(link.url)}</span></li>'
            for link in r.links
        )
        body += [f"<h2 style='font-size:13pt;'>{_e(label['links'])}</h2>", f"<ul>{links}</ul>"]
    if r.networks:
        head = "".join(
            f"<th align='left'>{_e(label[k])}</th>" for k in ("network", "node", "answer", "at_block", "took")
        )
        rows = "".join(
            "<tr>"
            + "".join(
                f"<td>{_e(c)}</td>"
                for c in (
                    n.name,
                    n.endpoint,
                    f"{n.answer} — {n.detail}" if n.detail else n.answer,
                    n.head_block if n.head_block is not None else label["none"],
                    f"{n.elapsed_ms} ms",
                )
            )
            + "</tr>"
            for n in r.networks
        )
        body += [
            f"<h2 style='font-size:13pt;'>{_e(label['networks_asked'])}</h2>",
            f'<table width="100%" cellspacing="0" cellpadding="4" border="0"><tr>{head}</tr>{rows}</table>',
        ]
    body.append(
        f"<p style='color:#666666; font-size:8pt;'>{_e(label['app'])} {_e(r.app_version)} · "
        f"{_e(label['diagnosed_at'])} {_e(r.diagnosed_at)}"
        + (f"<br/>{_e(label['redacted_note'])}" if r.redacted else "")
        + "</p>"
    )
    language = strings(r.language).HTML_LANG
    return (
        f'<!DOCTYPE html><html lang="{language}"><head><meta charset="utf-8"/><title>{_e(label["report_title"])}</title>'
        f'</head><body style="{font_css(FONT_FAMILIES)} font-size:10pt;">' + "".join(body) + "</body></html>\n"
    )


def render_html(diagnosis: Diagnosis, language: str = "en", *, tz: tzinfo | None = None, redacted: bool = False) -> str:
    text = lay_out(build_report(diagnosis, language, tz=tz, redacted=redacted))
    return redact(text) if redacted else text
