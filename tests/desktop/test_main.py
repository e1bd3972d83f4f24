from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_no_display_is_said_in_words_not_a_qt_abort() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    run = subprocess.run(
        [sys.executable, "-m", "desktop.main"], capture_output=True, text=True, timeout=60, env=env, check=False
    )
    assert run.returncode == 2 and "no display found" in run.stderr


def test_subcommand_runs_the_cli_without_loading_qt() -> None:
    code = (
        "import sys; from desktop.main import main; "
        "rc = main(['diagnose', '--network', 'nowhere', '--tx', '0x1']); "
        "print(rc, 'PySide6' in sys.modules)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert run.stdout.split() == ["2", "False"], run.stderr


# The child: the real entry point with no arguments, a damaged history where the platform keeps it, and a timer
# that answers the dialog as a user would (``answer``), then reports what it sees and quits.
STARTUP = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from desktop.main import main

app = QApplication(["deposit-doctor"])
answer = sys.argv[1]

def on_dialog():
    box = QApplication.activeModalWidget()
    if not isinstance(box, QMessageBox):
        QTimer.singleShot(50, on_dialog)
        return
    print("asked:", box.text(), flush=True)
    next(b for b in box.buttons() if b.text() == answer).click()

def on_window():
    shown = [w for w in QApplication.topLevelWidgets() if type(w).__name__ == "MainWindow" and w.isVisible()]
    if not shown:
        QTimer.singleShot(50, on_window)
        return
    print("window:", "session only" if shown[0].history.session_only else "kept", flush=True)
    shown[0].close()
    app.quit()

QTimer.singleShot(0, on_dialog)
QTimer.singleShot(0, on_window)
sys.exit(main([]))
"""


@pytest.mark.timeout(120)
@pytest.mark.parametrize(
    ("answer", "kept"),
    [("Move it aside and start a new one", "kept"), ("Continue without a history", "session only")],
)
def test_a_damaged_history_does_not_stop_the_window(tmp_path: Path, answer: str, kept: str) -> None:
    # It did: MainWindow() raised HistoryError, a traceback and exit status 1.
    data = tmp_path / "data" / "Deposit Doctor"
    data.mkdir(parents=True)
    (data / "history.sqlite3").write_bytes(b"this was a history once" * 200)
    env = {
        **os.environ,
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(ROOT),
    }
    run = subprocess.run(
        [sys.executable, "-c", STARTUP, answer],
        capture_output=True,
        text=True,
        timeout=90,
        env=env,
        cwd=ROOT,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-1500:]
    assert "asked: The history of past diagnoses is damaged" in run.stdout and f"window: {kept}" in run.stdout
    aside = [p.name for p in data.iterdir() if ".set-aside-" in p.name]
    assert len(aside) == (1 if kept == "kept" else 0)
