"""PDF reports: printed by Qt, read back with poppler's pdftotext, in English and Chinese."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from desktop.pdf import choose_fonts, render_pdf
from diagnostics.report.content import build_report
from diagnostics.report.html import render_html
from tests.diagnostics.report.sample import tron_out_of_energy, under_confirmed

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is installed by scripts/setup")


def _plain(text: str) -> str:
    """Ligatures undone, full-width punctuation made plain, all whitespace gone (line breaks fall anywhere)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True)
    return _plain(out.stdout)


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("sample", [under_confirmed, tron_out_of_energy])
def test_pdf_says_the_verdict_in_its_language(qapp, sample, language: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    diagnosis = sample()
    report = build_report(diagnosis, language)
    target = tmp_path / f"report.{language}.pdf"
    target.write_bytes(render_pdf(render_html(diagnosis, language)))
    text = _text(target)
    assert _plain(report.verdict) in text
    assert _plain(report.findings[0].title) in text
    assert diagnosis.facts.networks[0].tx.value.tx_hash[:40] in text


def test_fonts_are_embedded_and_chinese_is_drawn_from_a_cjk_font(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "zh.pdf"
    target.write_bytes(render_pdf(render_html(tron_out_of_energy(), "zh")))
    fonts = subprocess.run(["pdffonts", str(target)], capture_output=True, text=True, check=True).stdout
    # columns: name, type, encoding, emb, sub, uni, object, ID
    rows = [
        re.search(r"^(\S+).*\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$", line) for line in fonts.splitlines()[2:]
    ]
    assert rows and all(row and row.group(2) == "yes" for row in rows), fonts
    assert any(row and ("WenQuanYi" in row.group(1) or "CJK" in row.group(1)) for row in rows), fonts


def test_chinese_copied_out_of_the_pdf_is_the_characters_written(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Not Kangxi radicals that merely look the same (网 must not come back as ⽹): a copy must be searchable."""
    target = tmp_path / "zh.pdf"
    target.write_bytes(render_pdf(render_html(tron_out_of_energy(), "zh")))
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(target), "-"], capture_output=True, text=True, check=True)
    radicals = [c for c in out.stdout if 0x2E80 <= ord(c) <= 0x2FDF]
    assert not radicals, "".join(sorted(set(radicals)))
    assert "网络" in out.stdout and "交易哈希" in out.stdout


@pytest.mark.parametrize(("size", "points"), [("A4", "595 x 842 pts (A4)"), ("Letter", "612 x 792 pts (letter)")])
def test_page_sizes(qapp, size: str, points: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / f"{size}.pdf"
    target.write_bytes(render_pdf(render_html(under_confirmed()), size))
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True, check=True).stdout
    assert points in info, info


def _lines(pdf: Path) -> list[str]:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True)
    return [line.strip() for line in out.stdout.splitlines()]


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("sample", [under_confirmed, tron_out_of_energy])
def test_a_txid_and_addresses_stay_whole_on_one_line(qapp, sample, language: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Copied out of the PDF, a hash must paste whole: a line break inside it gives two halves."""
    diagnosis = sample()
    tx = diagnosis.facts.networks[0].tx.value
    target = tmp_path / "report.pdf"
    target.write_bytes(render_pdf(render_html(diagnosis, language)))
    lines = _lines(target)
    for whole in (tx.tx_hash, tx.sender):
        assert any(whole in line for line in lines), whole


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_pdf_prints_the_explorer_addresses(qapp, language: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    diagnosis = under_confirmed()
    report = build_report(diagnosis, language)
    target = tmp_path / "report.pdf"
    target.write_bytes(render_pdf(render_html(diagnosis, language)))
    lines = _lines(target)
    assert report.links and all(any(link.url in line for line in lines) for link in report.links), lines
    assert any("etherscan.io/tx/" + diagnosis.facts.networks[0].tx.value.tx_hash in line for line in lines)


# Each platform's font families, as QFontDatabase.families() lists them on a stock install.
WINDOWS = ["Arial", "Calibri", "Cambria", "Consolas", "Microsoft YaHei", "Microsoft YaHei UI", "Segoe UI", "SimSun"]
MACOS = ["Helvetica", "Helvetica Neue", "Hiragino Sans GB", "Menlo", "PingFang HK", "PingFang SC", "STHeiti"]
LINUX_NOTO = ["DejaVu Sans", "DejaVu Sans Mono", "Noto Sans CJK JP", "Noto Sans CJK SC", "Noto Sans Mono"]
LINUX_WQY = ["DejaVu Sans", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "WenQuanYi Micro Hei Mono"]


@pytest.mark.parametrize(
    ("families", "chosen"),
    [
        (WINDOWS, ["Segoe UI", "Microsoft YaHei"]),
        (["Arial", "SimSun"], ["Arial", "SimSun"]),  # an older Windows without YaHei
        (MACOS, ["Helvetica Neue", "PingFang SC"]),
        (LINUX_NOTO, ["DejaVu Sans", "Noto Sans CJK SC"]),
        (LINUX_WQY, ["DejaVu Sans", "WenQuanYi Micro Hei"]),  # not Noto: its glyphs copy out as Kangxi radicals
        (["Liberation Sans"], ["Liberation Sans"]),  # no Chinese font at all: Qt's fallback is left to it
        (["microsoft yahei"], ["microsoft yahei"]),  # as the machine spells it
    ],
)
def test_the_fonts_are_chosen_from_each_platforms_families(families: list[str], chosen: list[str]) -> None:
    assert choose_fonts(families) == chosen
