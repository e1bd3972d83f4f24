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
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.main_window import MainWindow
from desktop.settings import AppSettings
from diagnostics.history import History
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
window.engine.job_finished.connect(lambda *_: print("finished", flush=True))
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
