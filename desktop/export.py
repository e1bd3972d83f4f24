"""A report in any of its forms, as the bytes a file gets: the same layouts the CLI uses.

Everything starts from a ``Report`` (and its JSON), so a report reopened from the history exports exactly
as it was first shown, not as the nodes would answer today.
"""

from __future__ import annotations

from desktop.pdf import render_pdf
from diagnostics.cli import local_zone
from diagnostics.model import Diagnosis
from diagnostics.report import html, markdown, text
from diagnostics.report.content import Report, build_report
from diagnostics.report.json import render_json

# Save-dialog suffix -> format name.
SUFFIXES = {".pdf": "pdf", ".txt": "text", ".md": "markdown", ".json": "json"}
LAYOUTS = {"text": text.lay_out, "markdown": markdown.lay_out}


def report_bytes(report: Report, report_json: str, fmt: str, *, page_size: str = "A4") -> bytes:
    if fmt == "pdf":
        return render_pdf(html.lay_out(report), page_size)
    if fmt == "json":
        return report_json.encode("utf-8")
    return LAYOUTS[fmt](report).encode("utf-8")


def diagnosis_bytes(diagnosis: Diagnosis, fmt: str, language: str) -> bytes:
    zone = local_zone()
    return report_bytes(build_report(diagnosis, language, tz=zone), render_json(diagnosis, language, tz=zone), fmt)
