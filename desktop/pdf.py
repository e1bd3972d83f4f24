"""The report's HTML printed to PDF with Qt's own engine: QTextDocument laid out on a QPdfWriter.

Qt embeds the subset of every font it uses, so the file shows the same on a machine without Noto CJK.
Chinese is drawn from WenQuanYi Micro Hei (``scripts/setup`` installs fonts-wqy-microhei), falling back to
Noto CJK.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
from PySide6.QtGui import QFont, QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
# Latin first: its digits extract as text. Chinese from WenQuanYi Micro Hei: Noto CJK shares its glyphs with
# the Kangxi radicals, so text copied out of the PDF came back as 网 → ⽹ (U+2F79) and could not be searched.
_FONTS = ["DejaVu Sans", "WenQuanYi Micro Hei", "Noto Sans CJK SC"]
_MARGIN_MM = 15
_DPI = 300


def _application() -> QGuiApplication:
    """The Qt application the layout needs. In the window there is one; from the command line a PDF
    needs no screen, so it draws offscreen (a stale $DISPLAY would otherwise abort the process)."""
    existing = QGuiApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    return QGuiApplication(["deposit-doctor", "-platform", "offscreen"])


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
    # Lay the document out on the writer's printable area: otherwise print_() adds Qt's own 2 cm page
    # margin inside the writer's margins.
    document.documentLayout().setPaintDevice(writer)
    document.setPageSize(writer.pageLayout().paintRectPixels(_DPI).size().toSizeF())
    document.print_(writer)  # ends its painter, which finishes the file
    buffer.close()
    return bytes(data.data())
