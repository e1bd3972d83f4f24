"""The Batch tab: many cases from a dropped export, run side by side, each row's verdict, every report exported.

The verdict is the column a support agent reads first: right after the row's number, stretched to take the
width the others leave, coloured and marked by severity, sortable and filterable. The table shows the
model through a sorting, filtering proxy: every action on a row maps the row shown back to its case.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QEventLoop, QModelIndex, QObject, Qt, QTimer, Signal
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
from desktop.batch_export import export_all, write_summary
from desktop.engine_process import Options
from desktop.export_dialogs import ExportDialogs
from desktop.models.batch_model import BatchFilter, BatchModel, BatchRow, RowStatus
from desktop.workers import EngineWorker
from diagnostics.errors import DiagnosticsError
from diagnostics.intake.draft import CaseDraft
from diagnostics.model import Direction, Severity
from diagnostics.report import formats
from diagnostics.report.content import verdict_title

# Initial widths of the columns beside the verdict (it takes the rest, at least _VERDICT_MIN); each can be
# dragged wider.
_WIDTHS = {"source": 64, "status": 80, "network": 120, "tx_hash": 150, "address": 120, "token": 60, "amount": 80}
_VERDICT_MIN = 300


class BatchPage(QWidget):
    row_opened = Signal(object)  # BatchRow: shown on the Diagnose tab as if diagnosed there

    def __init__(self, engine: EngineWorker, language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language  # of the exported reports and the summary, and of the verdicts shown
        self.model = BatchModel(self)
        self.model.set_language(language)
        self.shown = BatchFilter(self.model, self)
        self.batch = BatchWorker(self.model, engine, parent=self)
        self.skipped: list[str] = []  # what reading the batch's files skipped, with why: the summary says it
        self.table = QTableView()
        self.table.setModel(self.shown)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # the order the cases came
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # hashes differ at both ends
        self._size_columns()
        self.table.doubleClicked.connect(self._on_double_clicked)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.run_all_button, self.stop_button, self.export_all_button = QPushButton(), QPushButton(), QPushButton()
        self.export_summary_button = QPushButton()
        self.export_format = QComboBox()
        self.verdict_label, self.verdict_filter = QLabel(), QComboBox()
        self.verdict_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.verdict_label.setBuddy(self.verdict_filter)
        self._dialogs = ExportDialogs(self, language)
        for fmt in formats.FORMATS:  # the registry's order; named in retranslate
            self.export_format.addItem(fmt, fmt)
        self.status = QLabel()
        self.status.setWordWrap(True)  # a long folder name wraps; it never widens the window
        self._said: tuple[str, dict[str, str]] | None = None  # the status line, said again in a new language
        self._filter_refresh = QTimer(self, singleShot=True, interval=50)  # one refresh for a burst of rows
        self._filter_refresh.timeout.connect(self._fill_verdict_filter)
        self.model.modelReset.connect(self._filter_refresh.start)
        self.model.dataChanged.connect(lambda *_: self._filter_refresh.isActive() or self._filter_refresh.start())
        self.verdict_filter.currentIndexChanged.connect(
            lambda _: self.shown.set_verdict(self.verdict_filter.currentData())
        )
        self.stop_button.clicked.connect(self.batch.stop)
        self.export_all_button.clicked.connect(lambda: self.export())  # noqa: PLW0108 (not clicked's bool)
        self.export_summary_button.clicked.connect(lambda: self.export_summary())  # noqa: PLW0108
        self.batch.progressed.connect(self._on_progressed)
        self.batch.batch_finished.connect(self._on_finished)
        layout = QVBoxLayout(self)
        buttons = QHBoxLayout()
        for widget in (
            self.run_all_button,
            self.stop_button,
            self.export_all_button,
            self.export_format,
            self.export_summary_button,
        ):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.verdict_label)
        buttons.addWidget(self.verdict_filter)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        self.retranslate()
        self.set_buttons()

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in _WIDTHS.items():
            header.resizeSection(BatchModel.COLUMNS.index(column), width)
        self.table.viewport().installEventFilter(self)
        header.sectionResized.connect(self._fit_verdict)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_verdict()
        return super().eventFilter(watched, event)

    def _fit_verdict(self, section: int = -1, *_: int) -> None:
        """The verdict takes the width the other columns leave, and never less than ``_VERDICT_MIN``: on a
        narrow window the columns after it scroll, the verdict stays in view (a stretched column would be
        squeezed to nothing)."""
        header = self.table.horizontalHeader()
        verdict = BatchModel.COLUMNS.index("verdict")
        if section == verdict:
            return  # its own resize, below
        others = sum(header.sectionSize(c) for c in range(header.count()) if c != verdict)
        header.resizeSection(verdict, max(_VERDICT_MIN, self.table.viewport().width() - others))

    def retranslate(self) -> None:
        self.run_all_button.setText(self.tr("Run all"))
        self.stop_button.setText(self.tr("Stop"))
        self.export_all_button.setText(self.tr("Export all reports…"))
        self.export_summary_button.setText(self.tr("Export summary…"))
        self.export_summary_button.setToolTip(
            self.tr("summary.csv and summary.json: each case's verdict, confirmations, amount and report file")
        )
        self.verdict_label.setText(self.tr("&Verdict:"))
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
            {
                Severity.INFO: self.tr("Fine"),
                Severity.WARNING: self.tr("Wait or check"),
                Severity.PROBLEM: self.tr("Problem"),
                Severity.CRITICAL: self.tr("Critical"),
            },
        )
        self.hint.setText(
            self.tr("Drop a CSV export or a text file with several transaction hashes here, or use File ▸ Open.")
        )
        for index, name in enumerate(self._dialogs.format_names().values()):
            self.export_format.setItemText(index, name)
        self._fill_verdict_filter()
        self._show_said()

    def set_language(self, language: str) -> None:
        """Reports, summary and the verdicts shown in ``language`` (the window's words follow Qt's translator)."""
        self.language = self._dialogs.language = language
        self.model.set_language(language)
        self._fill_verdict_filter()

    def _fill_verdict_filter(self) -> None:
        """ "All", then each verdict present (worst first, with how many rows), then the rows with none yet;
        the choice is kept while it is still there."""
        chosen = self.verdict_filter.currentData() if self.verdict_filter.count() else None
        entries: list[tuple[str, str | None]] = [(self.tr("All"), None)]
        for code, count in self.model.verdict_codes().items():
            entries.append((f"{verdict_title(code, self.language)} ({count})", code))
        without = sum(1 for row in self.model.rows() if row.diagnosis is None)
        if without:
            entries.append((self.tr("No verdict yet ({n})").replace("{n}", str(without)), ""))
        self.verdict_filter.blockSignals(True)
        self.verdict_filter.clear()
        for text, data in entries:
            self.verdict_filter.addItem(text, data)
        index = self.verdict_filter.findData(chosen) if chosen is not None else 0
        self.verdict_filter.setCurrentIndex(max(index, 0))
        self.verdict_filter.blockSignals(False)
        self.shown.set_verdict(self.verdict_filter.currentData())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def load(self, drafts: list[CaseDraft], skipped: list[str] | None = None) -> bool:
        """The cases of a drop (and what reading it skipped, with why, for the summary); False while a batch
        runs (its rows are not swapped under it)."""
        if self.batch.running:
            return False
        self.model.set_drafts(drafts)
        self.skipped = list(skipped or [])
        self._say(None)
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
        exportable = any(r.diagnosis or r.status is RowStatus.FAILED for r in rows) and not self.batch.running
        self.export_all_button.setEnabled(exportable)
        self.export_summary_button.setEnabled(exportable)

    def _say(self, kind: str | None, **values: object) -> None:
        """The status line, kept as what it says (not its words) so a language switch says it again."""
        self._said = (kind, {k: str(v) for k, v in values.items()}) if kind else None
        self._show_said()

    def _show_said(self) -> None:
        if self._said is None:
            self.status.clear()
            return
        kind, values = self._said
        templates = {
            "progress": self.tr("{done} of {total} done"),
            "finished": self.tr("{done} done, {failed} failed, {stopped} stopped, of {total}"),
            "writing": self.tr("{n} reports written…"),
            "written": self.tr("{n} reports written to {folder}"),
            "summary": self.tr("Summary written to {folder}"),
        }
        text = templates[kind]
        for key, value in values.items():
            text = text.replace("{" + key + "}", value)
        self.status.setText(text)

    def _on_progressed(self, finished: int, total: int) -> None:
        self._say("progress", done=finished, total=total)

    def _on_finished(self) -> None:
        counts = self.model.counts()
        self._say(
            "finished",
            done=counts[RowStatus.DONE],
            failed=counts[RowStatus.FAILED],
            stopped=counts[RowStatus.STOPPED],
            total=self.model.rowCount(),
        )
        self.set_buttons()

    def _on_double_clicked(self, index: QModelIndex) -> None:
        self.row_opened.emit(self.model.row(self.shown.mapToSource(index).row()))

    def open_shown_row(self, shown: int) -> BatchRow:
        """The row at ``shown`` in the table as sorted and filtered (what a double-click opens)."""
        return self.open_row(self.shown.source_row(shown))

    def open_row(self, number: int) -> BatchRow:
        row = self.model.row(number)
        self.row_opened.emit(row)
        return row

    def _folder(self, title: str) -> Path | None:
        name = QFileDialog.getExistingDirectory(self, title, "", self._dialogs.folder_options())
        return Path(name) if name else None

    def export(self, folder: Path | None = None) -> list[Path]:
        """Every finished row's report, and the summary beside them."""
        folder = folder or self._folder(self.tr("Export all reports to a folder"))
        if folder is None:
            return []
        reports: list[Path] = []
        summary: list[Path] = []
        self.export_all_button.setEnabled(False)
        try:
            # A PDF takes some 20 ms to lay out: between two files the window answers, so a thousand never freeze it.
            for path in export_all(self.model, folder, self.export_format.currentData(), self.language):
                reports.append(path)
                self._say("writing", n=len(reports))
                QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
            summary = write_summary(self.model, folder, self.language, self.skipped)
        except DiagnosticsError as exc:
            QMessageBox.warning(self, self.window().windowTitle(), exc.user_message)
        finally:
            self.set_buttons()
        self._say("written", n=len(reports), folder=folder)
        return reports + summary

    def export_summary(self, folder: Path | None = None) -> list[Path]:
        """summary.csv and summary.json, where the reports are (each row names its report when it is there)."""
        folder = folder or self._folder(self.tr("Export the summary to the reports' folder"))
        if folder is None:
            return []
        try:
            written = write_summary(self.model, folder, self.language, self.skipped)
        except DiagnosticsError as exc:
            QMessageBox.warning(self, self.window().windowTitle(), exc.user_message)
            return []
        self._say("summary", folder=folder)
        return written
