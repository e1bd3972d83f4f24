from __future__ import annotations

import json

import pytest

from diagnostics.report.content import build_report
from diagnostics.report.formats import FORMATS, by_suffix, render, report_bytes
from diagnostics.report.json import render_json
from diagnostics.report.markdown import render_markdown
from diagnostics.report.text import render_text
from tests.diagnostics.report.sample import under_confirmed


def test_every_format_has_its_own_suffix_and_is_found_by_it() -> None:
    assert len({f.suffix for f in FORMATS.values()}) == len(FORMATS)
    for form in FORMATS.values():
        assert by_suffix(form.suffix.upper()) is form
    assert by_suffix(".exe") is None


def test_render_gives_what_each_renderer_gives() -> None:
    diagnosis = under_confirmed()
    assert render(diagnosis, "text", "zh").decode() == render_text(diagnosis, "zh")
    assert render(diagnosis, "markdown", "en", redacted=True).decode() == render_markdown(diagnosis, redacted=True)
    assert json.loads(render(diagnosis, "json", "en")) == json.loads(render_json(diagnosis))


def test_a_report_reopened_from_its_json_keeps_that_json() -> None:
    diagnosis = under_confirmed()
    stored = render_json(diagnosis, "en")
    assert report_bytes(build_report(diagnosis), stored, "json") == stored.encode()


def test_a_pdf_is_printed_by_the_printer_handed_in() -> None:
    diagnosis = under_confirmed()
    printed: list[tuple[str, str]] = []

    def printer(html: str, page: str) -> bytes:
        printed.append((html, page))
        return b"%PDF-"

    assert render(diagnosis, "pdf", "en", pdf=printer, page_size="Letter") == b"%PDF-"
    assert printed[0][1] == "Letter" and printed[0][0].lstrip().startswith("<")
    with pytest.raises(ValueError, match="printer"):
        render(diagnosis, "pdf", "en")
