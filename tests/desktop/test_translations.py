"""Every window string is translated: lupdate, run on the code as it is now, finds nothing untranslated."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted(str(p) for p in (ROOT / "desktop").rglob("*.py"))


def _lupdate() -> Path:
    return Path(sys.executable).with_name("pyside6-lupdate")


def test_every_window_string_has_a_chinese_translation(tmp_path: Path) -> None:
    committed = ROOT / "resources" / "translations" / "deposit_doctor_zh_CN.ts"
    fresh = tmp_path / committed.name
    shutil.copy(committed, fresh)
    run = subprocess.run(
        [str(_lupdate()), *SOURCES, "-ts", str(fresh), "-no-obsolete", "-locations", "none"],
        capture_output=True,
        text=True,
        check=True,
    )
    messages = list(ET.parse(fresh).getroot().iter("message"))
    untranslated = [
        m.findtext("source")
        for m in messages
        if not (m.findtext("translation") or "").strip() or m.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
    ]
    assert len(messages) > 100, run.stdout
    assert untranslated == [], "run pyside6-lupdate (see resources/translations) and translate these"


def test_placeholders_survive_translation() -> None:
    committed = ROOT / "resources" / "translations" / "deposit_doctor_zh_CN.ts"
    for m in ET.parse(committed).getroot().iter("message"):
        source, translation = m.findtext("source") or "", m.findtext("translation") or ""
        assert set(re.findall(r"\{[a-z_]+\}", source)) == set(re.findall(r"\{[a-z_]+\}", translation)), source
