"""The report's HTML printed to PDF with Qt's own engine: QTextDocument laid out on a QPdfWriter.

Qt embeds the subset of every font it uses, so the file shows the same on a machine without Noto CJK.
Chinese is drawn from the CJK font that fontconfig offers (``scripts/setup`` installs fonts-noto-cjk).
"""

from __future__ import annotations

import os

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
from PySide6.QtGui import QFont, QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
_FONTS = ["DejaVu Sans", "Noto Sans CJK SC"]  # Latin first: its digits extract as text; CJK falls back
_MARGIN_MM = 15
_DPI = 300


def _application() -> QGuiApplication:
    """The Qt application the layout needs; without a screen (the CLI on a server) it draws offscreen."""
    existing = QGuiApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QGuiApplication([])


def render_pdf(html: str, page_size: str = "A4", title: str = "Deposit Doctor report") -> bytes:
    """The PDF bytes of ``html`` on ``page_size`` ("A4" or "Letter") paper."""
    _application()
    document = QTextDocument()
    font = QFont()
    font.setFamilies(_FONTS)
    font.setPointSize(10)
    document.setDefaultFont(font)
    document.setHtml(html)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("Deposit Doctor")
    writer.setResolution(_DPI)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(PAGE_SIZES[page_size]),
            QPageLayout.Orientation.Portrait,
            QMarginsF(_MARGIN_MM, _MARGIN_MM, _MARGIN_MM, _MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    document.print_(writer)
    del writer  # finishes the file
    buffer.close()
    return bytes(data.data())
