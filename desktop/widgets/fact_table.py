"""The transaction's facts as support asks for them: hashes, addresses and contracts shown whole, each with a
button that copies it.

A TxID or an address cut to "0x3f…a1" is useless to a person who must paste it into an exchange's form, and a
QLabel cannot wrap a 64-character hash (it breaks lines only at spaces), so a whole value is wrapped text
(``wrapped_text``) that breaks anywhere, as tall as its text, selectable, in a fixed-pitch font.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QGridLayout, QLabel, QToolButton, QWidget

from desktop.widgets.wrapped_text import WrappedTextWidget


@dataclass(frozen=True)
class Fact:
    """One row: ``whole`` values (hashes, addresses, contracts) are never cut and ``copy`` is what the row's
    copy button puts on the clipboard (the contract alone, for "USDT — 0xdAC1…")."""

    label: str
    value: str
    whole: bool = False
    copy: str = ""


class WholeValueWidget(WrappedTextWidget):
    """A value shown whole, in a fixed-pitch font: wrapped at any character where it must be, never elided."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(rich=False, parent=parent)
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.setText(text)


class FactTableWidget(QWidget):
    """Label, value and, for a whole value, a Copy button, row by row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setColumnStretch(1, 1)
        self._grid.setVerticalSpacing(6)
        self.values: list[WrappedTextWidget] = []
        self.copy_buttons: list[QToolButton] = []

    def set_facts(self, facts: Sequence[Fact]) -> None:
        while (item := self._grid.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        self.values, self.copy_buttons = [], []
        for row, fact in enumerate(facts):
            label = QLabel(fact.label)
            label.setStyleSheet("color: palette(placeholder-text);")
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            self._grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
            value: WrappedTextWidget
            if fact.whole:
                value = WholeValueWidget(fact.value)
                button = QToolButton()
                button.setProperty("copies", fact.copy or fact.value)
                button.clicked.connect(lambda _=False, text=fact.copy or fact.value: self._copy(text))
                self._grid.addWidget(button, row, 2, Qt.AlignmentFlag.AlignTop)
                self.copy_buttons.append(button)
            else:
                value = WrappedTextWidget()
                value.setText(fact.value)
            self._grid.addWidget(value, row, 1, Qt.AlignmentFlag.AlignTop)
            self.values.append(value)
        self._grid.setRowStretch(len(facts), 1)
        self.retranslate()

    def retranslate(self) -> None:
        for button in self.copy_buttons:
            button.setText(self.tr("Copy"))
            button.setToolTip(self.tr("Copy {value}").replace("{value}", str(button.property("copies"))))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @staticmethod
    def _copy(text: str) -> None:
        QGuiApplication.clipboard().setText(text)
