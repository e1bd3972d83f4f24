"""Where a report or the cases go, and what is opened: the file dialogs, and the suffix a chosen filter means.

A platform's own file dialog (GTK's, a portal's, Windows', macOS') speaks the system's language, whatever
the window's: a Chinese window on an English desktop would open an English dialog. There Qt's own dialog is
used, which Qt's translations (desktop.i18n loads qtbase's) put in the window's language.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, QObject
from PySide6.QtWidgets import QFileDialog, QWidget

from diagnostics.report import formats

# Qt 6.11's own dialog labels these two with a shortcut letter, and qtbase's Chinese still has only the older
# "Look in:" and "Files of type:": without these entries in the window's translations they stay English.
QT_DIALOG_WORDS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)


class ExportDialogs(QObject):
    """The window's file dialogs, with their titles and filters in the window's language."""

    def __init__(self, parent: QWidget, language: str = "en") -> None:
        super().__init__(parent)
        self._parent = parent
        self.language = language  # the window's: set again on a switch

    def options(self) -> QFileDialog.Option:
        """Qt's own dialog when the platform's would speak another language than the window."""
        if speaks_system_language(self.language):
            return QFileDialog.Option(0)
        return QFileDialog.Option.DontUseNativeDialog

    def folder_options(self) -> QFileDialog.Option:
        return self.options() | QFileDialog.Option.ShowDirsOnly

    def format_names(self) -> dict[str, str]:
        """Every format of the registry, in its order, by the name the window shows (the registry's own name
        for a format added there and not yet named here)."""
        names = {
            "pdf": self.tr("PDF"),
            "text": self.tr("Text"),
            "markdown": self.tr("Markdown"),
            "json": self.tr("JSON"),
        }
        return {name: names.get(name, name) for name in formats.FORMATS}

    def filters(self) -> dict[str, str]:
        """Format name -> the save dialog's filter ("Text (*.txt)"), in the registry's order."""
        return {name: f"{label} (*{formats.FORMATS[name].suffix})" for name, label in self.format_names().items()}

    def with_suffix(self, path: Path, chosen_filter: str) -> Path:
        """ "report" with Text chosen is report.txt, not a PDF; a suffix typed wins over the filter."""
        if formats.by_suffix(path.suffix) is not None:
            return path
        wanted = next((fmt for fmt, label in self.filters().items() if label == chosen_filter), "pdf")
        return path.with_name(path.name + formats.FORMATS[wanted].suffix)

    def report_path(self, stem: str) -> Path | None:
        name, chosen = QFileDialog.getSaveFileName(
            self._parent,
            self.tr("Export report"),
            f"deposit-doctor-{stem}.pdf",
            ";;".join(self.filters().values()),
            options=self.options(),
        )
        return self.with_suffix(Path(name), chosen) if name else None

    def cases_path(self) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self._parent,
            self.tr("Save cases"),
            "deposit-doctor-cases.json",
            self.tr("Case files (*.json)"),
            options=self.options(),
        )
        return Path(name) if name else None

    def files_to_open(self) -> list[Path]:
        names, _ = QFileDialog.getOpenFileNames(
            self._parent,
            self.tr("Open transaction files"),
            "",
            self.tr("Transaction files (*.txt *.csv *.json *.hex);;All files (*)"),
            options=self.options(),
        )
        return [Path(n) for n in names]


def speaks_system_language(language: str) -> bool:
    """Whether the system's interface language (what a platform dialog speaks) is ``language`` ("zh", "en");
    the C locale of a bare system speaks English."""
    spoken = {tag.replace("_", "-").split("-")[0].lower() for tag in QLocale.system().uiLanguages()}
    return language in {"en" if tag == "c" else tag for tag in spoken}
