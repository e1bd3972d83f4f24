"""A report in any of its forms, as the bytes a file gets: the registry's formats with Qt's PDF printer.

Everything starts from a ``Report`` (and its JSON), so a report reopened from the history exports exactly
as it was first shown, not as the nodes would answer today.
"""

from __future__ import annotations

from desktop.pdf import render_pdf
from diagnostics.model import Diagnosis
from diagnostics.output import local_zone
from diagnostics.report import formats
from diagnostics.report.content import Report

# Save-dialog suffix -> format name, in the registry's order.
SUFFIXES = {f.suffix: f.name for f in formats.FORMATS.values()}


def report_bytes(report: Report, report_json: str, fmt: str, *, page_size: str = "A4") -> bytes:
    return formats.report_bytes(report, report_json, fmt, pdf=render_pdf, page_size=page_size)


def diagnosis_bytes(diagnosis: Diagnosis, fmt: str, language: str) -> bytes:
    return formats.render(diagnosis, fmt, language, tz=local_zone(), pdf=render_pdf)
