"""Result first, nothing clipped: after a diagnosis is shown, every label and button's text fits its widget at
the window sizes people use, in English and in Chinese.

150 % scaling: Qt scales fonts and sizes alike, so a 1920×1080 screen at 150 % lays out exactly as a 1280×720
window at 100 % does (and 1366×768 at 150 % as 911×512): those logical sizes are measured here, in one process
(QT_SCALE_FACTOR is read once, when the application starts; the screenshots are taken at 1.5 for real).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QTextDocument
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QLabel, QPushButton, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from desktop.main_window import MainWindow
from desktop.settings import AppSettings
from tests.desktop.interaction import diagnose, point_at, usdt
from tests.fixtures.evm_node import Node

SIZES = [(1100, 760), (1366, 768), (1920, 1080), (1280, 720), (911, 512)]  # the last two: 150 % of the larger
_PAD = 6  # a button's frame and margins around its text, at the least


def _plain(label: QLabel) -> tuple[str, bool]:
    text = label.text()
    fmt = label.textFormat()
    rich = fmt == Qt.TextFormat.RichText or (fmt == Qt.TextFormat.AutoText and "<" in text and ">" in text)
    return text, rich


def _needed(label: QLabel) -> tuple[int, int]:
    """The width and height ``label``'s text needs at its current width."""
    text, rich = _plain(label)
    margin = 2 * label.margin() + 2 * label.frameWidth()
    if label.wordWrap():
        return 0, label.heightForWidth(label.width())
    if rich:
        doc = QTextDocument()
        doc.setDefaultFont(label.font())
        doc.setHtml(text)
        doc.setDocumentMargin(0)
        return int(doc.idealWidth()) + margin, int(doc.size().height()) + margin
    metrics = QFontMetrics(label.font())
    lines = text.split("\n")
    return max(metrics.horizontalAdvance(line) for line in lines) + margin, metrics.height() * len(lines)


def clipped(window: QWidget) -> list[str]:
    """Every visible label and button whose text does not fit it, said with what it needs and what it has."""
    problems = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or not widget.isVisible():
            continue
        if isinstance(widget, QLabel) and widget.text() and widget.pixmap().isNull():
            width, height = _needed(widget)
            if width > widget.width() or height > widget.height() + 1:
                problems.append(f"label {widget.text()[:60]!r}: needs {width}×{height}, has {widget.size().toTuple()}")
        elif isinstance(widget, (QPushButton, QCheckBox, QToolButton)) and widget.text():
            assert isinstance(widget, QAbstractButton)
            text = widget.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
            width = QFontMetrics(widget.font()).horizontalAdvance(text) + _PAD
            if isinstance(widget, QCheckBox):
                width += widget.iconSize().width() + 8  # the box itself
            if width > widget.width():
                problems.append(f"button {text!r}: needs {width}, has {widget.width()}")
    return problems


@pytest.fixture
def shown(qtbot: QtBot, window: MainWindow, settings: AppSettings, eth: Node) -> MainWindow:
    """A real diagnosis on the window: waiting for confirmations, so the bar and "Watch until credited" show."""
    point_at(window, settings, eth)
    window.form.tx_hash.setText(usdt(eth, 5))
    window.form.address.setText(eth.chain.deposit)
    window.form.token.setText("USDT")
    diagnose(qtbot, window)
    assert window.result.watch_button.isVisible()
    return window


@pytest.mark.parametrize("language", ["en", "zh"])
def test_nothing_is_clipped_at_any_size_in_either_language(
    qtbot: QtBot, shown: MainWindow, settings: AppSettings, language: str
) -> None:
    settings.language = language
    shown.apply_settings()
    if language == "zh":
        qtbot.waitUntil(lambda: shown.diagnose_button.text() == "诊断", timeout=2_000)
        diagnose(qtbot, shown)  # the report in Chinese too
    found = {}
    for width, height in SIZES:
        shown.resize(width, height)
        qtbot.waitUntil(lambda w=width: shown.width() == w, timeout=2_000)
        qtbot.wait(50)  # the layouts settle
        if problems := clipped(shown):
            found[f"{width}×{height}"] = problems
    assert found == {}


def test_the_result_takes_the_room_and_the_progress_list_shrinks_to_a_strip(shown: MainWindow) -> None:
    page = shown.diagnose_page
    assert shown.result.width() > page.widget(0).width()  # at the default 1100×760, History open
    assert shown.progress.height() <= 5 * shown.progress.fontMetrics().height() + 12
    assert shown.progress.count() >= 1  # still there, still readable


def test_the_window_does_not_widen_when_watch_until_credited_appears(qtbot: QtBot, shown: MainWindow) -> None:
    diagnosis, report_json = shown.result.diagnosis, shown.result.report_json
    shown.result.show_diagnosis(None)
    shown.resize(900, 600)  # narrower than the default: where a button's width would push the window out
    qtbot.waitUntil(lambda: shown.width() == 900, timeout=2_000)
    shown.result.show_diagnosis(diagnosis, report_json)
    assert shown.result.watch_button.isVisible()
    qtbot.wait(50)
    assert shown.width() == 900 and shown.minimumSizeHint().width() <= 900
