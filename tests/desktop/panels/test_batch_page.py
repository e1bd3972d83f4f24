"""The Batch tab: run every row, stop, export every report."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.main_window import MainWindow
from desktop.models.batch_model import RowStatus
from desktop.settings import AppSettings
from tests.desktop.interaction import TX_UNKNOWN, drop, files, usdt
from tests.fixtures.evm_node import Node
from tests.fixtures.rpc_server import RpcServer


@pytest.mark.usefixtures("said")
def test_batch_runs_all_and_exports_every_report(
    qtbot: QtBot, window: MainWindow, settings: AppSettings, eth: Node, tmp_path: Path
) -> None:
    settings.set_endpoint("ethereum", eth.url)
    hashes = [usdt(eth, 1) for _ in range(3)] + [TX_UNKNOWN]
    export = tmp_path / "cases.csv"
    export.write_text("TxID;Network;Coin\n" + "".join(f"{h};ERC20;USDT\n" for h in hashes))
    drop(qtbot, window, files(export))
    with qtbot.waitSignal(window.batch.batch_finished, timeout=30_000):
        qtbot.mouseClick(window.batch_page.run_all_button, Qt.MouseButton.LeftButton)
    statuses = [row.status for row in window.batch_model.rows()]
    assert statuses == [RowStatus.DONE] * 4
    verdicts = [row.diagnosis.verdict.code for row in window.batch_model.rows() if row.diagnosis]
    assert verdicts[:3] == ["CONFIRMATIONS_INSUFFICIENT"] * 3
    folder = tmp_path / "reports"
    folder.mkdir()
    window.batch_page.export_format.setCurrentIndex(window.batch_page.export_format.findData("markdown"))
    written = window.export_batch(folder)
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in written) and len(written) == 4
    assert all(p.suffix == ".md" for p in written)


def test_batch_stop_marks_what_did_not_finish(
    qtbot: QtBot, window: MainWindow, settings: AppSettings, said: list[str], tmp_path: Path
) -> None:
    with RpcServer("hang") as dead:
        settings.set_endpoint("ethereum", dead.url)
        settings.timeout = 20
        export = tmp_path / "cases.csv"
        export.write_text("TxID,Network\n" + "".join(f"{format(i, '064x')},ETH\n" for i in range(1, 21)))
        drop(qtbot, window, files(export))
        window.run_batch()
        qtbot.waitUntil(lambda: window.batch.running, timeout=2_000)
        with qtbot.waitSignal(window.batch.batch_finished, timeout=5_000):
            qtbot.mouseClick(window.batch_page.stop_button, Qt.MouseButton.LeftButton)
    assert {row.status for row in window.batch_model.rows()} == {RowStatus.STOPPED}
    assert window.batch_page.run_all_button.isEnabled()
    assert window.batch_page.status.text() == "0 done, 0 failed, 20 stopped, of 20"


def test_opening_a_row_clears_the_last_runs_progress(window: MainWindow) -> None:
    from diagnostics.intake.draft import CaseDraft  # noqa: PLC0415

    window.progress.on_network_asked("ethereum")
    assert window.batch_page.load(
        [CaseDraft(TX_UNKNOWN, None, "bsc", source="row 1"), CaseDraft("cd" * 32, None, None)]
    )
    window.show_batch_row(0)
    assert window.progress.count() == 0 and window.form.tx_hash.text() == TX_UNKNOWN
    assert window.tabs.currentIndex() == 0
