"""The form beside a result says the case that result is about, and says it readably: a hash or address put in
by the window (a sample, a file, a batch row, the history) shows its start, not its last twenty characters;
where the window is wide, the whole of it; a report reopened from the history brings its own case along."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop.main_window import MainWindow
from desktop.panels.diagnose_page import RESULT_ROOM
from desktop.settings import AppSettings
from diagnostics.intake.case_file import write_cases
from diagnostics.intake.draft import CaseDraft
from diagnostics.model import Direction
from tests.desktop.interaction import diagnose, point_at, usdt
from tests.fixtures.evm_node import Node

TX = "0x" + "3f" * 32
ADDRESS = "0xD3D35a1B2c3d4e5F60718293a4B5C6D7e8F0beEf"


def _start_shown(window: MainWindow) -> bool:
    """Both long fields scrolled to their start: the cursor at 0, drawn at the field's left edge."""
    return all(
        edit.cursorPosition() == 0 and edit.cursorRect().left() < 2 * edit.fontMetrics().averageCharWidth()
        for edit in (window.form.tx_hash, window.form.address)
    )


def _whole_shown(window: MainWindow) -> bool:
    edit = window.form.tx_hash
    return edit.fontMetrics().horizontalAdvance(edit.text()) <= edit.contentsRect().width() - 4


def test_a_case_put_in_by_the_window_shows_each_long_value_from_its_start(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.show()
    qtbot.waitExposed(window)
    case_file = tmp_path / "case.json"
    case_file.write_text(write_cases([CaseDraft(TX, ADDRESS, "ethereum", "USDT")]), encoding="utf-8")
    with qtbot.waitSignal(window.intake_taken, timeout=10_000):
        window.open_files([case_file])
    assert window.form.tx_hash.text() == TX and window.form.address.text() == ADDRESS
    assert not _whole_shown(window)  # at the default 1100×760 the field is narrower than the hash
    assert _start_shown(window)


def test_a_value_the_user_typed_shows_its_start_once_they_move_on(qtbot: QtBot, window: MainWindow) -> None:
    window.show()
    qtbot.waitExposed(window)
    edit = window.form.tx_hash
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus, timeout=2_000)
    qtbot.keyClicks(edit, TX)  # typed: the cursor, and the view, at the end
    assert edit.cursorPosition() == len(TX)
    window.form.address.setFocus()
    qtbot.waitUntil(lambda: not edit.hasFocus(), timeout=2_000)
    assert edit.cursorPosition() == 0 and edit.cursorRect().left() < 2 * edit.fontMetrics().averageCharWidth()


def test_a_wide_window_shows_the_hash_whole_and_the_result_keeps_its_room(qtbot: QtBot, window: MainWindow) -> None:
    window.show()
    qtbot.waitExposed(window)
    window._show_draft(CaseDraft(TX, ADDRESS, "ethereum", "USDT", None, Direction.DEPOSIT))
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: _whole_shown(window), timeout=2_000)
    assert window.result.width() >= RESULT_ROOM
    window.resize(1100, 760)  # narrower again: the result, not the form, keeps the room
    qtbot.waitUntil(lambda: window.width() == 1100, timeout=2_000)
    qtbot.wait(50)
    assert window.result.width() > window.diagnose_page.widget(0).width()
    assert _start_shown(window)


def test_a_report_reopened_from_the_history_brings_its_case_into_the_form(
    qtbot: QtBot, window: MainWindow, settings: AppSettings, eth: Node
) -> None:
    point_at(window, settings, eth)
    first = usdt(eth, 3)
    for make in (lambda: first, lambda: usdt(eth, 40)):  # the first diagnosed before the chain moves on
        window.form.tx_hash.setText(make())
        window.form.address.setText(eth.chain.deposit)
        diagnose(qtbot, window)
    window.form.token.setText("USDT")  # the user goes on typing another case
    window.form.withdrawal.setChecked(True)
    window.reopen(window.history.entries()[-1].id)  # the first, kept waiting for confirmations
    assert window.result.report is not None and window.result.report.verdict_code == "CONFIRMATIONS_INSUFFICIENT"
    assert window.form.tx_hash.text() == first and window.form.address.text() == eth.chain.deposit
    assert window.form.token.text() == "" and window.form.direction() is Direction.DEPOSIT
    assert window.form.network.currentData() == "ethereum"
