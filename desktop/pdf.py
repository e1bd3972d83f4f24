"""The report's HTML printed to PDF with Qt's own engine: QTextDocument laid out on a QPdfWriter.

Qt embeds the subset of every font it uses, so the file shows the same on a machine without Noto CJK.
Chinese is drawn from WenQuanYi Micro Hei (``scripts/setup`` installs fonts-wqy-microhei), falling back to
Noto CJK.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
from PySide6.QtGui import QFont, QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
# Latin first: its digits extract as text. Chinese from WenQuanYi Micro Hei: Noto CJK shares its glyphs with
# the Kangxi radicals, so text copied out of the PDF came back as 网 → ⽹ (U+2F79) and could not be searched.
_FONTS = ["DejaVu Sans", "WenQuanYi Micro Hei", "Noto Sans CJK SC"]
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


def render_pdf(html: str, page_size: str = "A4") -> bytes:
    """The PDF bytes of ``html`` on ``page_size`` ("A4" or "Letter") paper, titled as the HTML is."""
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
    writer.setTitle(document.metaInformation(QTextDocument.MetaInformation.DocumentTitle))
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
