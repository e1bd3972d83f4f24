"""Text that wraps to the width it is given, at word boundaries or, for a word too long for a line (a TxID,
an address inside a sentence), anywhere: never wider than its room, never cut off at the right edge.

QLabel and Qt's item views break lines only at spaces, so a 42-character address in an explanation ran off
the right edge of a narrow result. This is a read-only QTextBrowser as tall as its text at its width.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QTextDocument, QTextOption
from PySide6.QtWidgets import QFrame, QSizePolicy, QTextBrowser, QWidget


class WrappedTextWidget(QTextBrowser):
    """Rich or plain text, selectable, links opened in the browser; its height follows its width."""

    def __init__(self, rich: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rich = rich
        self._text = ""
        self.setOpenExternalLinks(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setLineWrapMode(QTextBrowser.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        self.viewport().setAutoFillBackground(False)
        self.setStyleSheet("QTextBrowser { background: transparent; }")
        self.document().setDocumentMargin(1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().documentLayout().documentSizeChanged.connect(self._fit)
        self._fit()

    def setText(self, text: str) -> None:  # noqa: N802 (QLabel's name, which this stands in for)
        self._text = text
        if self._rich:
            self.setHtml(text)
        else:
            self.setPlainText(text)

    def text(self) -> str:
        """What was set (the HTML as given, not Qt's rewriting of it)."""
        return self._text

    def _fit(self) -> None:
        height = math.ceil(self.document().size().height()) + 2 * self.frameWidth()
        if height != self.height():
            self.setFixedHeight(height)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(self.fontMetrics().horizontalAdvance("0" * 24), self.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(self.fontMetrics().horizontalAdvance("0" * 12), self.fontMetrics().lineSpacing())

    def fits(self) -> bool:
        """Whether every line is on screen and none is wider than the widget (what the tests measure)."""
        document = self.document()
        room = self.viewport().width()
        return (
            math.ceil(document.size().height()) + 2 * self.frameWidth() <= self.height()
            and document.idealWidth() <= room + 1
        )


def wrapped_height(text: str, font: object, width: int) -> int:
    """The height ``text`` takes wrapped the same way at ``width`` (for item views that paint it)."""
    document = QTextDocument()
    document.setDefaultFont(font)  # type: ignore[arg-type]
    document.setDocumentMargin(0)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    document.setDefaultTextOption(option)
    document.setPlainText(text)
    document.setTextWidth(width)
    return math.ceil(document.size().height())
