"""Where a report or the cases go, and what is opened: the file dialogs, and the suffix a chosen filter means."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.export import SUFFIXES


class ExportDialogs(QObject):
    """The window's file dialogs, with their titles and filters in the window's language."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent

    def filters(self) -> dict[str, str]:
        """Format name -> the save dialog's filter, in the order the dialog lists them."""
        return {
            "pdf": self.tr("PDF (*.pdf)"),
            "text": self.tr("Text (*.txt)"),
            "markdown": self.tr("Markdown (*.md)"),
            "json": self.tr("JSON (*.json)"),
        }

    def with_suffix(self, path: Path, chosen_filter: str) -> Path:
        """ "report" with Text chosen is report.txt, not a PDF; a suffix typed wins over the filter."""
        if path.suffix.lower() in SUFFIXES:
            return path
        wanted = next((fmt for fmt, label in self.filters().items() if label == chosen_filter), "pdf")
        return path.with_name(path.name + next(s for s, f in SUFFIXES.items() if f == wanted))

    def report_path(self, stem: str) -> Path | None:
        name, chosen = QFileDialog.getSaveFileName(
            self._parent, self.tr("Export report"), f"deposit-doctor-{stem}.pdf", ";;".join(self.filters().values())
        )
        return self.with_suffix(Path(name), chosen) if name else None

    def cases_path(self) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self._parent, self.tr("Save cases"), "deposit-doctor-cases.json", self.tr("Case files (*.json)")
        )
        return Path(name) if name else None

    def files_to_open(self) -> list[Path]:
        names, _ = QFileDialog.getOpenFileNames(
            self._parent,
            self.tr("Open transaction files"),
            "",
            self.tr("Transaction files (*.txt *.csv *.json *.hex);;All files (*)"),
        )
        return [Path(n) for n in names]
