"""Golden reports: fixed diagnoses in every text format and language, compared with files a person has read.

``UPDATE_GOLDEN=1`` rewrites them; the diff is then the review.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import timedelta, timezone
from pathlib import Path

import pytest

from diagnostics.model import Diagnosis
from diagnostics.report.content import LANGUAGES
from diagnostics.report.json import render_json
from diagnostics.report.markdown import render_markdown
from diagnostics.report.text import render_text
from tests.diagnostics.report.sample import tron_out_of_energy, under_confirmed

GOLDEN = Path(__file__).parent / "golden"
SHANGHAI = timezone(timedelta(hours=8))  # local time of the golden reports: a user in China
RENDERERS = {"txt": render_text, "md": render_markdown, "json": render_json}
SAMPLES: dict[str, Callable[[], Diagnosis]] = {
    "under_confirmed": under_confirmed,
    "tron_out_of_energy": tron_out_of_energy,
}


def golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("sample", SAMPLES)
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("extension", RENDERERS)
def test_golden(sample: str, language: str, extension: str) -> None:
    render = RENDERERS[extension]
    golden(f"{sample}.{language}.{extension}", render(SAMPLES[sample](), language, tz=SHANGHAI))
