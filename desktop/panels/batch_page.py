"""The Batch tab: many cases from a dropped export, run side by side, each row's verdict, every report exported."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QEventLoop, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.batch import BatchWorker
from desktop.batch_export import export_all
from desktop.engine_process import Options
from desktop.export_dialogs import ExportDialogs
from desktop.models.batch_model import BatchModel, BatchRow, RowStatus
from desktop.workers import EngineWorker
from diagnostics.errors import DiagnosticsError
from diagnostics.intake.draft import CaseDraft
from diagnostics.model import Direction
from diagnostics.report import formats


class BatchPage(QWidget):
    row_opened = Signal(object)  # BatchRow: shown on the Diagnose tab as if diagnosed there

    def __init__(self, engine: EngineWorker, language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language  # of the exported reports
        self.model = BatchModel(self)
        self.batch = BatchWorker(self.model, engine, parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # hashes differ at both ends
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(self._on_double_clicked)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.run_all_button, self.stop_button, self.export_all_button = QPushButton(), QPushButton(), QPushButton()
        self.export_format = QComboBox()
        self._dialogs = ExportDialogs(self)
        for fmt in formats.FORMATS:  # the registry's order; named in retranslate
            self.export_format.addItem(fmt, fmt)
        self.status = QLabel()
        self.stop_button.clicked.connect(self.batch.stop)
        self.export_all_button.clicked.connect(lambda: self.export())  # noqa: PLW0108 (not clicked's bool)
        self.batch.progressed.connect(self._on_progressed)
        self.batch.batch_finished.connect(self._on_finished)
        layout = QVBoxLayout(self)
        buttons = QHBoxLayout()
        for widget in (self.run_all_button, self.stop_button, self.export_all_button, self.export_format):
            buttons.addWidget(widget)
        buttons.addWidget(self.status, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        self.retranslate()
        self.set_buttons()

    def retranslate(self) -> None:
        self.run_all_button.setText(self.tr("Run all"))
        self.stop_button.setText(self.tr("Stop"))
        self.export_all_button.setText(self.tr("Export all reports…"))
        self.model.set_labels(
            {
                "source": self.tr("From"),
                "network": self.tr("Network"),
                "tx_hash": self.tr("Transaction hash"),
                "address": self.tr("Address"),
                "token": self.tr("Token"),
                "amount": self.tr("Amount"),
                "status": self.tr("Status"),
                "verdict": self.tr("Verdict"),
            },
            {
                RowStatus.WAITING: self.tr("waiting"),
                RowStatus.RUNNING: self.tr("running…"),
                RowStatus.DONE: self.tr("done"),
                RowStatus.FAILED: self.tr("failed"),
                RowStatus.STOPPED: self.tr("stopped"),
            },
            self.tr("Auto-detect"),
            {"row": self.tr("row {n}"), "line": self.tr("line {n}"), "case": self.tr("case {n}")},
        )
        self.hint.setText(
            self.tr("Drop a CSV export or a text file with several transaction hashes here, or use File ▸ Open.")
        )
        for index, name in enumerate(self._dialogs.format_names().values()):
            self.export_format.setItemText(index, name)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def load(self, drafts: list[CaseDraft]) -> bool:
        """The cases of a drop; False while a batch runs (its rows are not swapped under it)."""
        if self.batch.running:
            return False
        self.model.set_drafts(drafts)
        self.set_buttons()
        return True

    def run(self, options: Options, network: str | None, direction: Direction) -> None:
        self.batch.network = network
        self.batch.direction = direction
        self.batch.start(options)
        self.set_buttons()

    def set_buttons(self) -> None:
        rows = self.model.rows()
        self.hint.setVisible(not rows)
        self.run_all_button.setEnabled(bool(rows) and not self.batch.running)
        self.stop_button.setEnabled(self.batch.running)
        self.export_all_button.setEnabled(any(r.diagnosis for r in rows) and not self.batch.running)

    def _on_progressed(self, finished: int, total: int) -> None:
        self.status.setText(
            self.tr("{done} of {total} done").replace("{done}", str(finished)).replace("{total}", str(total))
        )

    def _on_finished(self) -> None:
        counts = self.model.counts()
        summary = self.tr("{done} done, {failed} failed, {stopped} stopped, of {total}")
        for key, value in (
            ("{done}", counts[RowStatus.DONE]),
            ("{failed}", counts[RowStatus.FAILED]),
            ("{stopped}", counts[RowStatus.STOPPED]),
            ("{total}", self.model.rowCount()),
        ):
            summary = summary.replace(key, str(value))
        self.status.setText(summary)
        self.set_buttons()

    def _on_double_clicked(self, index: QModelIndex) -> None:
        self.row_opened.emit(self.model.row(index.row()))

    def open_row(self, number: int) -> BatchRow:
        row = self.model.row(number)
        self.row_opened.emit(row)
        return row

    def export(self, folder: Path | None = None) -> list[Path]:
        if folder is None:
            name = QFileDialog.getExistingDirectory(self, self.tr("Export all reports to a folder"))
            if not name:
                return []
            folder = Path(name)
        written: list[Path] = []
        self.export_all_button.setEnabled(False)
        try:
            # A PDF takes some 20 ms to lay out: between two files the window answers, so a thousand never freeze it.
            for path in export_all(self.model, folder, self.export_format.currentData(), self.language):
                written.append(path)
                self.status.setText(self.tr("{n} reports written…").replace("{n}", str(len(written))))
                QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        except DiagnosticsError as exc:
            QMessageBox.warning(self, self.window().windowTitle(), exc.user_message)
        finally:
            self.set_buttons()
        self.status.setText(
            self.tr("{n} reports written to {folder}")
            .replace("{n}", str(len(written)))
            .replace("{folder}", str(folder))
        )
        return written
