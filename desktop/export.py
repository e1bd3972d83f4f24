"""A report in any of its forms, as the bytes a file gets: the same renderers the CLI uses."""

from __future__ import annotations

from desktop.pdf import render_pdf
from diagnostics.cli import RENDERERS, local_zone
from diagnostics.model import Diagnosis
from diagnostics.report.html import render_html

# Save-dialog suffix -> format name.
SUFFIXES = {".pdf": "pdf", ".txt": "text", ".md": "markdown", ".json": "json"}


def report_bytes(diagnosis: Diagnosis, fmt: str, language: str, *, page_size: str = "A4") -> bytes:
    zone = local_zone()
    if fmt == "pdf":
        return render_pdf(render_html(diagnosis, language, tz=zone), page_size)
    return RENDERERS[fmt](diagnosis, language, tz=zone).encode("utf-8")
