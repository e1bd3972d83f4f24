"""The report's HTML printed to PDF with Qt's own engine: QTextDocument laid out on a QPdfWriter.

Qt embeds the subset of every font it uses, so the file shows the same on a machine without Noto CJK.
Which fonts: ``choose_fonts`` picks, from the families this machine has, one for Latin text and one for
Chinese — WenQuanYi Micro Hei or Noto Sans CJK on Linux (``scripts/setup`` installs fonts-wqy-microhei),
Microsoft YaHei or SimSun on Windows, PingFang SC on macOS.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from diagnostics.report.html import FONT_FAMILIES, font_css

PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
# Best first. Latin before Chinese: its digits extract as text. WenQuanYi before Noto CJK: Noto shares its
# glyphs with the Kangxi radicals, so text copied out of the PDF came back as 网 → ⽹ (U+2F79) and could not
# be searched.
LATIN_FONTS = ("DejaVu Sans", "Segoe UI", "Arial", "Helvetica Neue", "Helvetica", "Liberation Sans")
CJK_FONTS = (
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "Microsoft YaHei UI",
    "SimSun",
    "PingFang SC",
    "Hiragino Sans GB",
    "Heiti SC",
    "STHeiti",
)
_MARGIN_MM = 15
_DPI = 300


def _application() -> QGuiApplication:
    """The Qt application the layout needs. In the window there is one; from the command line a PDF
    needs no screen, so it draws offscreen (a stale $DISPLAY would otherwise abort the process)."""
    existing = QGuiApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    return QGuiApplication(["deposit-doctor", "-platform", "offscreen"])


def choose_fonts(families: Iterable[str]) -> list[str]:
    """The best Latin font and the best Chinese font among ``families`` (a machine's installed font families,
    as QFontDatabase.families() lists them), in that order; either is left out when none is there, and Qt's
    own fallback draws what is left."""
    installed = {family.casefold(): family for family in families}
    chosen = []
    for wanted in (LATIN_FONTS, CJK_FONTS):
        found = next((installed[name.casefold()] for name in wanted if name.casefold() in installed), None)
        if found is not None:
            chosen.append(found)
    return chosen


def render_pdf(html: str, page_size: str = "A4") -> bytes:
    """The PDF bytes of ``html`` on ``page_size`` ("A4" or "Letter") paper, titled as the HTML is."""
    _application()
    fonts = choose_fonts(QFontDatabase.families())
    document = QTextDocument()
    font = QFont()
    font.setFamilies(fonts)
    font.setPointSize(10)
    document.setDefaultFont(font)
    # The report names every platform's fonts for browsers; the PDF draws (and embeds) this machine's.
    document.setHtml(html.replace(font_css(FONT_FAMILIES), font_css(fonts), 1) if fonts else html)
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
