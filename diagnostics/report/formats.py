"""The one registry of report formats: name, file suffix and how a report is laid out in it.

The CLI's ``--format``, the batch command, the window's export dialog (whose filter list follows this order)
and the batch export all read it, so a new format is added here once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import tzinfo

from diagnostics.model import Diagnosis
from diagnostics.report import html, markdown, text
from diagnostics.report.content import Report, build_report
from diagnostics.report.json import dumps, to_dict
from diagnostics.report.redact import redact

# Prints report HTML to PDF bytes on a page size: Qt's, so it is handed in by the desktop entry point.
PdfPrinter = Callable[[str, str], bytes]


@dataclass(frozen=True)
class Format:
    name: str
    suffix: str
    # Lays a report out as text; ``None`` for JSON, which is kept as the engine wrote it (it is what the
    # history stores, so a reopened report exports exactly as it was first shown).
    lay_out: Callable[[Report], str] | None
    printed: bool = False  # the laid-out text is HTML, printed to PDF bytes


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("pdf", ".pdf", html.lay_out, printed=True),
        Format("text", ".txt", text.lay_out),
        Format("markdown", ".md", markdown.lay_out),
        Format("json", ".json", None),
    )
}


def by_suffix(suffix: str) -> Format | None:
    return next((f for f in FORMATS.values() if f.suffix == suffix.lower()), None)


def report_bytes(
    report: Report,
    report_json: str,
    fmt: str,
    *,
    pdf: PdfPrinter | None = None,
    page_size: str = "A4",
    redacted: bool = False,
) -> bytes:
    """``report`` in format ``fmt``, as the bytes a file gets. ``redacted`` shortens every address and hash
    in the finished text (the report itself must also have been built redacted: it then has no explorer links).
    A PDF needs ``pdf``, Qt's printer, which only the desktop part has."""
    form = FORMATS[fmt]
    laid = report_json if form.lay_out is None else form.lay_out(report)
    return _finish(form, laid, redacted=redacted, pdf=pdf, page_size=page_size)


def render(
    diagnosis: Diagnosis,
    fmt: str,
    language: str = "en",
    *,
    tz: tzinfo | None = None,
    redacted: bool = False,
    pdf: PdfPrinter | None = None,
    page_size: str = "A4",
) -> bytes:
    """``diagnosis``'s report in ``language`` and format ``fmt``; the report is built once, in the one form asked."""
    form = FORMATS[fmt]
    if form.lay_out is None:
        laid = dumps(to_dict(diagnosis, language, tz=tz, redacted=redacted))
    else:
        laid = form.lay_out(build_report(diagnosis, language, tz=tz, redacted=redacted))
    return _finish(form, laid, redacted=redacted, pdf=pdf, page_size=page_size)


def _finish(form: Format, laid: str, *, redacted: bool, pdf: PdfPrinter | None, page_size: str) -> bytes:
    laid = redact(laid) if redacted else laid
    if form.printed:
        if pdf is None:
            raise ValueError("a PDF needs the desktop part's printer")
        return pdf(laid, page_size)
    return laid.encode("utf-8")
