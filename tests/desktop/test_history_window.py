"""The history in the window: every diagnosis kept, searched, reopened, re-run, deleted; a kill loses nothing
already finished."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.history_startup import HistoryProblemDialog, open_history
from desktop.main_window import MainWindow
from desktop.settings import AppSettings
from desktop.widgets.history_view import HistoryWidget
from desktop.workers import EngineWorker
from diagnostics.history import Entry, History, HistoryError, HistoryProblem
from tests.fixtures.evm_node import Node

ROOT = Path(__file__).resolve().parents[2]


def _usdt(node: Node, confirmations: int) -> str:
    tx: str = node.chain.send(node.usdt, "transfer", node.chain.deposit, 250 * node.unit)
    node.chain.wait(tx)
    node.chain.mine(confirmations - 1)
    return tx


def _diagnose(qtbot: QtBot, window: MainWindow, tx: str) -> None:
    window.form.network.setCurrentIndex(window.form.network.findData("ethereum"))
    window.form.tx_hash.setText(tx)
    with qtbot.waitSignal(window.worker_finished, timeout=20_000):
        window.diagnose()


def test_every_diagnosis_is_kept_and_can_be_reopened_rerun_and_deleted(
    qtbot: QtBot, window: MainWindow, settings: AppSettings, history: History, eth: Node
) -> None:
    settings.set_endpoint("ethereum", eth.url)
    first, second = _usdt(eth, 3), _usdt(eth, 1)
    _diagnose(qtbot, window, first)
    _diagnose(qtbot, window, second)
    entries = history.entries()
    assert [e.tx_hash for e in entries] == [second, first]
    assert entries[1].verdict.startswith("Waiting for confirmations")
    qtbot.waitUntil(lambda: window.history_view.entries.count() == 2, timeout=2_000)
    window.history_view.search.setText(first[-8:].upper())
    assert window.history_view.entries.count() == 1
    # Reopen: the report as it was kept, even after the chain moved on.
    eth.chain.mine(30)
    window.history_view.entries.setCurrentRow(0)
    qtbot.mouseClick(window.history_view.reopen_button, Qt.MouseButton.LeftButton)
    assert window.result.report is not None and window.result.report.verdict_code == "CONFIRMATIONS_INSUFFICIENT"
    assert window.result.diagnosis is None and not window.result.confirmations.isVisible()
    assert window.export_report(Path(history.path).with_name("reopened.md")) is not None
    # Run again: the same case, asked anew.
    with qtbot.waitSignal(window.worker_finished, timeout=20_000):
        qtbot.mouseClick(window.history_view.rerun_button, Qt.MouseButton.LeftButton)
    assert window.result.report is not None and window.result.report.verdict_code == "CONFIRMATIONS_SUFFICIENT"
    assert len(history.entries()) == 3
    window.history_view.search.setText("")
    window.history_view.entries.setCurrentRow(0)
    qtbot.mouseClick(window.history_view.delete_button, Qt.MouseButton.LeftButton)
    assert len(history.entries()) == 2 and window.history_view.entries.count() == 2
    window.history_view.delete_all(confirmed=True)
    assert history.entries() == [] and window.history_view.entries.count() == 0


# The child: a window running a batch, saying each finished row, until it is killed.
BATCH = """
import sys, tempfile
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from desktop.main_window import MainWindow
from desktop.settings import AppSettings
from diagnostics.history import History
from diagnostics.intake.draft import CaseDraft

app = QApplication(["batch", "-platform", "offscreen"])
url, db, *hashes = sys.argv[1:]
settings = AppSettings(QSettings(tempfile.mktemp(suffix=".ini"), QSettings.Format.IniFormat))
settings.set_endpoint("ethereum", url)
window = MainWindow(settings, history=History(Path(db)))
window.engine.row_finished.connect(lambda *_: print("finished", flush=True))
window.batch_model.set_drafts([CaseDraft(h, network="ethereum") for h in hashes])
window.run_batch()
app.exec()
"""


@pytest.mark.timeout(180)
def test_a_kill_mid_batch_leaves_every_finished_case_readable(eth: Node, tmp_path: Path) -> None:
    token = eth.chain.token(eth.usdt)
    hashes = [
        "0x" + bytes(token.functions.transfer(eth.chain.deposit, 1 + i).transact({"from": eth.chain.sender})).hex()
        for i in range(300)
    ]
    db = tmp_path / "history.sqlite3"
    with subprocess.Popen(
        [sys.executable, "-c", BATCH, eth.url, str(db), *hashes],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        start_new_session=True,
    ) as child:
        assert child.stdout is not None
        finished = 0
        while finished < 5:
            line = child.stdout.readline()
            assert line, "the batch ended before it could be killed"
            finished += line.startswith("finished")
        os.killpg(child.pid, signal.SIGKILL)  # the window and its engine process, mid-batch
        child.wait(timeout=30)
    time.sleep(0.2)
    check = sqlite3.connect(db)
    assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    check.close()
    kept = History(db).entries()
    assert finished <= len(kept) < len(hashes), "killed mid-batch, with every case finished by then in the file"
    assert {e.tx_hash for e in kept} <= set(hashes) and all(e.verdict for e in kept)


# A history that cannot be used never stops the window ----------------------------------------------------------


def _damaged(path: Path) -> Path:
    path.write_bytes(b"this was a history once" * 200)
    return path


def test_a_damaged_history_is_set_aside_and_a_new_one_starts(tmp_path: Path) -> None:
    path = _damaged(tmp_path / "history.sqlite3")
    asked: list[HistoryError] = []

    history = open_history(path, ask=lambda error: asked.append(error) or True)

    (error,) = asked
    assert error.problem == HistoryProblem.DAMAGED and error.can_move_aside
    assert not history.session_only and history.path == path and history.entries() == []
    (aside,) = [p for p in tmp_path.iterdir() if ".set-aside-" in p.name]
    assert aside.read_bytes().startswith(b"this was a history once"), "the old file is kept, renamed"


def test_refused_the_window_runs_on_a_session_only_history(tmp_path: Path) -> None:
    path = _damaged(tmp_path / "history.sqlite3")

    history = open_history(path, ask=lambda error: False)

    assert history.session_only and sorted(p.name for p in tmp_path.iterdir()) == ["history.sqlite3"]
    assert path.read_bytes().startswith(b"this was a history once"), "untouched"


def test_where_setting_aside_fails_too_the_user_is_told_and_the_window_goes_on(tmp_path: Path) -> None:
    path = _damaged(tmp_path / "history.sqlite3")
    told: list[HistoryError] = []

    def fail(target: Path) -> Path:
        raise HistoryError("the history cannot be renamed", HistoryProblem.READ_ONLY, target)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("desktop.history_startup.move_aside", fail)
        history = open_history(path, ask=lambda error: True, tell=told.append)

    assert history.session_only and [e.problem for e in told] == [HistoryProblem.READ_ONLY]


def test_a_full_disk_offers_no_setting_aside(qtbot: QtBot, tmp_path: Path) -> None:
    error = HistoryError("the disk is full", HistoryProblem.FULL, tmp_path / "history.sqlite3")
    dialog = HistoryProblemDialog(error)
    qtbot.addWidget(dialog)
    assert dialog.move_button is None and "disk is full" in dialog.text()
    assert [b.text() for b in dialog.buttons() if dialog.buttonRole(b) != QMessageBox.ButtonRole.ActionRole] == [
        "Continue without a history"
    ]


def test_the_dialog_says_what_is_wrong_and_offers_to_set_it_aside(qtbot: QtBot, tmp_path: Path) -> None:
    path = _damaged(tmp_path / "history.sqlite3")
    try:
        History(path)
    except HistoryError as exc:
        error = exc
    dialog = HistoryProblemDialog(error)
    qtbot.addWidget(dialog)
    assert "damaged" in dialog.text() and str(path) in dialog.informativeText()
    assert dialog.detailedText() == error.user_message
    assert dialog.move_button is not None and dialog.move_button.text() == "Move it aside and start a new one"
    QTimer.singleShot(0, dialog.move_button.click)
    assert dialog.move_chosen()
    dialog = HistoryProblemDialog(error)
    qtbot.addWidget(dialog)
    QTimer.singleShot(0, dialog.without_button.click)
    assert not dialog.move_chosen()


def test_the_window_diagnoses_on_a_session_only_history(
    qtbot: QtBot, settings: AppSettings, engine: EngineWorker, eth: Node, tmp_path: Path
) -> None:
    history = open_history(_damaged(tmp_path / "history.sqlite3"), ask=lambda error: False)
    window = MainWindow(settings, engine, history)
    qtbot.addWidget(window)
    window.show()
    assert window.history_view.problem.isVisible() and "only until you close" in window.history_view.problem.text()
    settings.set_endpoint("ethereum", eth.url)
    _diagnose(qtbot, window, _usdt(eth, 1))
    assert window.result.report is not None and window.result.report.verdict_code.startswith("CONFIRMATIONS_")
    qtbot.waitUntil(lambda: window.history_view.entries.count() == 1, timeout=2_000)
    window.close()


class _FailingHistory(History):
    """A history whose file went bad while the window ran: reading it fails once ``damaged``, and clearing it
    always (a full disk)."""

    damaged = False

    def entries(self, search: str = "", limit: int = 1000) -> list[Entry]:
        if self.damaged:
            raise HistoryError("the history at h cannot be used: it is damaged", HistoryProblem.DAMAGED)
        return super().entries(search, limit)

    def clear(self) -> None:
        raise HistoryError("the history at h cannot be used: the disk is full", HistoryProblem.FULL)


def test_a_history_failing_later_is_said_in_the_panel(qtbot: QtBot, tmp_path: Path) -> None:
    history = _FailingHistory(tmp_path / "h.sqlite3")
    view = HistoryWidget(history)
    qtbot.addWidget(view)
    view.show()
    assert not view.problem.isVisible()
    view.delete_all(confirmed=True)
    assert view.problem.isVisible() and "the disk is full" in view.problem.text()
    history.damaged = True
    view.refresh()
    assert "it is damaged" in view.problem.text() and view.entries.count() == 0
