"""The Batch tab: run every row, stop, export every report."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from desktop.main_window import MainWindow
from desktop.models.batch_model import BatchModel, RowStatus
from desktop.settings import AppSettings
from diagnostics.batch.summary import row_for
from diagnostics.report.locale import zh
from tests.desktop.batch_rows import fill, tx
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
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in written) and len(written) == 6
    reports, summary = written[:4], written[4:]
    assert all(p.suffix == ".md" for p in reports) and [p.name for p in summary] == ["summary.csv", "summary.json"]
    cases = json.loads(summary[1].read_text(encoding="utf-8"))["cases"]
    assert [c["report"] for c in cases] == [p.name for p in reports]
    assert [c["verdict_code"] for c in cases] == verdicts


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


def _header_click(qtbot: QtBot, window: MainWindow, column: str) -> None:
    header = window.batch_page.table.horizontalHeader()
    section = BatchModel.COLUMNS.index(column)
    at = QPoint(header.sectionViewportPosition(section) + header.sectionSize(section) // 2, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=at)


def _double_click_shown(qtbot: QtBot, window: MainWindow, shown: int) -> None:
    table = window.batch_page.table
    rect = table.visualRect(table.model().index(shown, BatchModel.COLUMNS.index("verdict")))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a double click's first
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_the_verdict_column_is_never_squeezed_off_screen(qtbot: QtBot, window: MainWindow) -> None:
    fill(window.batch_model)
    window.resize(1100, 760)
    window.tabs.setCurrentIndex(1)
    qtbot.waitUntil(window.batch_page.table.isVisible)
    table = window.batch_page.table
    header, verdict = table.horizontalHeader(), BatchModel.COLUMNS.index("verdict")
    left = header.sectionViewportPosition(verdict)
    assert 0 <= left < 100, "right after the row's number"
    assert header.sectionSize(verdict) >= 300 and left + header.sectionSize(verdict) <= table.viewport().width()
    assert window.width() == 1100, "nothing in the Batch tab widens the window"


def test_rows_sort_and_filter_by_verdict_and_a_double_click_opens_the_case_shown(
    qtbot: QtBot, window: MainWindow
) -> None:
    fill(window.batch_model)
    window.tabs.setCurrentIndex(1)
    page = window.batch_page
    _header_click(qtbot, window, "verdict")  # ascending: best first
    _header_click(qtbot, window, "verdict")  # descending: the unrun row, then the worst
    assert page.shown.source_row(1) == 2
    _double_click_shown(qtbot, window, 1)
    assert window.form.tx_hash.text() == tx(2) and window.tabs.currentIndex() == 0
    qtbot.waitUntil(lambda: page.verdict_filter.count() == 6)  # All, four verdicts, no verdict yet
    names = [page.verdict_filter.itemText(i) for i in range(page.verdict_filter.count())]
    assert names[0] == "All" and names[1] == "Not the official … (1)" and names[-1] == "No verdict yet (1)"
    page.verdict_filter.setCurrentIndex(page.verdict_filter.findData("TX_NOT_FOUND"))
    assert page.shown.rowCount() == 2
    window.tabs.setCurrentIndex(1)
    _double_click_shown(qtbot, window, 0)
    assert window.form.tx_hash.text() in {tx(1), tx(4)}
    fill(window.batch_model)  # rows read again: the chosen verdict stays while it is there
    qtbot.waitUntil(lambda: page.verdict_filter.count() == 6)
    assert page.verdict_filter.currentData() == "TX_NOT_FOUND" and page.shown.rowCount() == 2


def test_the_summary_follows_the_language(qtbot: QtBot, window: MainWindow, settings: AppSettings) -> None:
    fill(window.batch_model)
    page = window.batch_page
    page._on_finished()  # the status line a finished batch leaves
    assert page.status.text() == "5 done, 1 failed, 0 stopped, of 6"
    settings.language = "zh"
    window.apply_settings()
    qtbot.waitUntil(lambda: page.status.text() == "共 6 条：完成 5，失败 1，已停止 0")
    verdict = page.shown.index(0, BatchModel.COLUMNS.index("verdict"))
    assert page.shown.data(verdict) == "✓ " + zh.VERDICTS["CONFIRMATIONS_SUFFICIENT"][""]
    qtbot.waitUntil(lambda: page.verdict_filter.itemText(0) == "全部")
    assert "不是官方 … (1)" in [page.verdict_filter.itemText(i) for i in range(page.verdict_filter.count())]


def test_the_summary_is_exported_beside_the_reports(window: MainWindow, tmp_path: Path) -> None:
    fill(window.batch_model)
    page = window.batch_page
    page.skipped = ["Row 9 has no transaction hash and was skipped (it reads: pending)."]
    page.export_format.setCurrentIndex(page.export_format.findData("json"))
    written = window.export_batch(tmp_path)
    names = sorted(p.name for p in written)
    assert names[-2:] == ["summary.csv", "summary.json"] and len(names) == 7
    summary = json.loads((tmp_path / "summary.json").read_text(encoding="utf-8"))["cases"]
    expected = row_for(1, "row 1", window.batch_model.row(0).diagnosis, "en", report="0001-000000000000.json")
    assert summary[0] == asdict(expected), "the command's summary row, naming the report beside it"
    assert [c["row"] for c in summary] == [1, 2, 3, 4, 5, 6, 0]
    assert summary[5]["verdict"] == "Not diagnosed: could not connect"
    assert summary[6]["verdict"].startswith("Row 9 has no transaction hash")
    assert (tmp_path / "summary.csv").read_text(encoding="utf-8-sig").splitlines()[0].startswith("Case,Source,TxID")
    other = tmp_path / "elsewhere"
    other.mkdir()
    assert page.export_summary(other) == [other / "summary.csv", other / "summary.json"]
    alone = json.loads((other / "summary.json").read_text(encoding="utf-8"))["cases"]
    assert alone[0]["report"] == "", "no report is named where none was written"


@pytest.mark.usefixtures("said")
def test_the_window_s_batch_goes_through_the_batch_runner(
    qtbot: QtBot, window: MainWindow, settings: AppSettings, eth: Node, tmp_path: Path
) -> None:
    """The rows share their reads and travel together, as the command's do: far fewer requests than rows."""
    hashes = [usdt(eth, 1) for _ in range(12)]
    with RpcServer("relay", upstream=eth.url) as relay:
        settings.set_endpoint("ethereum", relay.url)
        export = tmp_path / "cases.csv"
        export.write_text("TxID;Network;Coin\n" + "".join(f"{h};ERC20;USDT\n" for h in hashes))
        drop(qtbot, window, files(export))
        with qtbot.waitSignal(window.batch.batch_finished, timeout=30_000):
            window.run_batch()
        calls = [c for body in relay.bodies for c in (body if isinstance(body, list) else [body])]
    assert [row.status for row in window.batch_model.rows()] == [RowStatus.DONE] * 12
    assert sum(c.get("method") == "eth_chainId" for c in calls if isinstance(c, dict)) == 1  # a shared read, once
    assert relay.requests < 12
