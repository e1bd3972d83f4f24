"""The result, answer first: nothing the user needs is cut off, hidden in a tooltip or behind an expander."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import escape

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QTabBar, QWidget
from pytestqt.qtbot import QtBot

from desktop.i18n import Translations
from desktop.widgets.fact_table import WholeValueWidget
from desktop.widgets.result_view import ResultWidget, can_still_be_credited
from desktop.widgets.wrapped_text import WrappedTextWidget
from diagnostics.checks.codes import CODES
from diagnostics.report.content import build_report
from tests.desktop.widgets.samples import credited_withdrawal, fake_token, tron_out_of_energy, under_confirmed


@pytest.fixture
def result(qtbot: QtBot) -> ResultWidget:
    widget = ResultWidget()
    qtbot.addWidget(widget)
    widget.resize(650, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture(params=["en", "zh"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    translations = Translations()
    translations.apply(request.param)
    yield request.param
    translations.apply("en")  # translators are the application's: never leave one to the next test


def _plain(text: str) -> str:
    return re.sub(r"<[^>]+>", "", text)


def unfitting(root: QWidget) -> list[str]:
    """Every visible label, button, tab or whole value whose text does not fit in the room it was given."""
    QApplication.processEvents()
    root.layout().activate()
    bad = []
    for label in root.findChildren(QLabel):
        if not label.isVisibleTo(root) or not label.text():
            continue
        if label.wordWrap():
            if label.heightForWidth(label.width()) > label.height():
                bad.append(
                    f"label {_plain(label.text())[:40]!r}: {label.heightForWidth(label.width())} > {label.height()}"
                )
        elif label.fontMetrics().horizontalAdvance(_plain(label.text())) > label.contentsRect().width():
            bad.append(f"label {label.text()[:40]!r} is wider than {label.contentsRect().width()}")
    for button in root.findChildren(QAbstractButton):
        if button.isVisibleTo(root) and button.text() and button.sizeHint().width() > button.width():
            bad.append(f"button {button.text()!r}: {button.sizeHint().width()} > {button.width()}")
    for bar in root.findChildren(QTabBar):
        for i in range(bar.count()):
            if bar.isVisibleTo(root) and bar.tabRect(i).width() < bar.tabSizeHint(i).width():
                bad.append(f"tab {bar.tabText(i)!r}")
    for text in root.findChildren(WrappedTextWidget):
        if text.isVisibleTo(root) and text.text() and not text.fits():
            bad.append(f"text {_plain(text.text())[:60]!r} does not fit {text.size().toTuple()}")
    return bad


@pytest.mark.parametrize("width", [650, 1100])
@pytest.mark.parametrize("scale", [1.0, 1.5])
@pytest.mark.parametrize("sample", [under_confirmed, tron_out_of_energy, fake_token])
def test_nothing_is_cut_off(result: ResultWidget, language: str, sample, width: int, scale: float) -> None:  # type: ignore[no-untyped-def]
    font = QApplication.font()
    font.setPointSizeF(font.pointSizeF() * scale)  # what 150 % font scaling does to every text's width
    result.setFont(font)
    result.set_language(language)
    result.show_diagnosis(sample())
    result.resize(width, 760)
    assert result.minimumSizeHint().width() <= width
    for tab in range(result.tabs.count()):
        result.tabs.setCurrentIndex(tab)
        assert unfitting(result) == []


def test_the_answer_and_what_to_do_now_are_seen_first(result: ResultWidget, language: str) -> None:
    diagnosis = tron_out_of_energy()
    result.set_language(language)
    result.show_diagnosis(diagnosis)
    report = build_report(diagnosis, language)
    QApplication.processEvents()
    assert escape(report.verdict) in result.banner.text() and escape(report.summary) in result.banner.text()
    first = next(f for f in report.findings if f.code == report.verdict_code).next_steps[0]
    assert result.next_steps.isVisible() and escape(first) in result.next_steps.text()
    assert report.labels["next_steps"] in result.next_steps.text()
    bottom = result.next_steps.mapTo(result, result.next_steps.rect().bottomLeft()).y()
    assert bottom < result.tabs.mapTo(result, result.tabs.rect().topLeft()).y() <= result.height()


def test_hash_addresses_and_contract_are_whole_and_copied(result: ResultWidget, qtbot: QtBot) -> None:
    diagnosis = fake_token()
    result.show_diagnosis(diagnosis)
    result.tabs.setCurrentIndex(1)
    tx = diagnosis.facts.networks[0].tx.value  # type: ignore[union-attr]
    values = [v.text() for v in result.facts.values]
    assert tx.tx_hash in values and tx.sender in values and tx.to in values
    assert not any("…" in v for v in values)
    assert all(isinstance(v, WholeValueWidget) for v in result.facts.values if v.text() in (tx.tx_hash, tx.sender))
    assert unfitting(result) == []
    copies = {b.property("copies"): b for b in result.facts.copy_buttons}
    assert "0x5FbDB2315678afecb367f032d93F642f64180aa3" in copies  # the token row copies its contract alone
    qtbot.mouseClick(copies[tx.tx_hash], Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == tx.tx_hash
    copies[tx.sender].click()
    assert QGuiApplication.clipboard().text() == tx.sender


@pytest.mark.parametrize("sample", [tron_out_of_energy, under_confirmed, credited_withdrawal])
def test_why_there_is_no_message_to_support_is_said_beside_the_button(
    result: ResultWidget, language: str, sample
) -> None:  # type: ignore[no-untyped-def]
    diagnosis = sample()
    result.set_language(language)
    result.show_diagnosis(diagnosis)
    report = build_report(diagnosis, language)
    assert not report.support_needed and not result.copy_button.isEnabled()
    assert result.support_note.isVisible() and result.support_note.text() == report.support_message
    assert unfitting(result) == []


def test_a_message_to_support_needs_no_note(result: ResultWidget) -> None:
    result.show_diagnosis(fake_token())
    assert result.copy_button.isEnabled() and not result.support_note.isVisible()


def test_no_confirmations_bar_for_what_will_never_be_credited(result: ResultWidget) -> None:
    result.show_diagnosis(fake_token())  # 9 of 12 blocks deep, but a fake token
    assert not result.confirmations.isVisible()
    result.show_diagnosis(tron_out_of_energy())
    assert not result.confirmations.isVisible()
    result.show_diagnosis(under_confirmed())
    assert result.confirmations.isVisible() and result.confirmations.text() == "5 / 12"


def test_which_verdicts_keep_the_bar_come_from_the_code_table() -> None:
    assert not can_still_be_credited("TOKEN_NOT_OFFICIAL")
    assert {c for c, info in CODES.items() if info.watch == "lost" and can_still_be_credited(c)} == set()
    assert all(can_still_be_credited(c) for c, info in CODES.items() if info.watch in ("wait", "arrived"))


def test_watch_appearing_does_not_widen_the_result(result: ResultWidget) -> None:
    result.show_diagnosis(under_confirmed())
    assert result.watch_button.isVisible()
    shown = (result.sizeHint().width(), result.minimumSizeHint().width())
    result.watch_button.setVisible(False)  # as for a verdict that cannot be watched
    assert (result.sizeHint().width(), result.minimumSizeHint().width()) == shown
