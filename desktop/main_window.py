"""The main window: the case form, the search as it happens, the result, and a batch table for many cases.

It only asks and shows (DESIGN rule 6): diagnoses run in workers, files are parsed by the pure intake
functions, reports are the report package's.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QEventLoop, QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStyle,
    QSystemTrayIcon,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.batch import BatchWorker, export_all
from desktop.engine_process import Options
from desktop.export import SUFFIXES, report_bytes
from desktop.history_startup import open_history
from desktop.i18n import Translations
from desktop.models.batch_model import BatchModel, RowStatus
from desktop.settings import AppSettings
from desktop.settings_dialog import SettingsDialog
from desktop.watch import Watch, WatchList

if TYPE_CHECKING:
    from desktop.sandbox.samples import Sample
from desktop.widgets.case_form import CaseFormWidget
from desktop.widgets.history_view import HistoryWidget
from desktop.widgets.progress_view import ProgressWidget
from desktop.widgets.result_view import ResultWidget
from desktop.widgets.watch_view import WatchWidget
from desktop.workers import EngineWorker, Job
from diagnostics import __version__, catalog
from diagnostics.errors import DiagnosticsError
from diagnostics.history import History, HistoryError
from diagnostics.intake.case_file import write_cases
from diagnostics.intake.draft import CaseDraft, Intake, IntakeProblem
from diagnostics.model import Diagnosis
from diagnostics.output import TRON_API_KEY_VARIABLE, write_atomically
from diagnostics.report.json import dumps, report_from_dict


class MainWindow(QMainWindow):
    intake_taken = Signal(int)  # how many cases a drop or an opened file gave
    worker_finished = Signal()  # a diagnosis ended: done, failed or cancelled

    def __init__(
        self, settings: AppSettings | None = None, engine: EngineWorker | None = None, history: History | None = None
    ) -> None:
        super().__init__()
        self.settings = settings or AppSettings()
        self.translations = Translations()
        translated = self.translations.apply(self.settings.language)
        # The engine process starts now, in the background: its imports overlap the window's first paint.
        self._owns_engine = engine is None
        self._quitting = False
        self.last_notification: tuple[str, str] | None = None
        self.searched_networks: tuple[str, ...] | None = None  # the sandbox limits the search to its chains
        self.engine = engine or EngineWorker(self)
        self.worker: Job | None = None
        self.history = history or History()
        self.history_view = HistoryWidget(self.history)
        self.history_dock = self._history_dock()
        self.watches = WatchList(self.engine, self)
        self.watch_view = WatchWidget(self.watches)
        self.watch_dock = self._watch_dock()
        self.tray = self._tray()
        self.form = CaseFormWidget()
        self.form.set_exchange(self.settings.exchange)  # the exchange picked last time
        self.form.exchange.currentIndexChanged.connect(
            lambda _: setattr(self.settings, "exchange", self.form.exchange.currentData())
        )
        self.diagnose_button = QPushButton()
        self.diagnose_button.setDefault(True)
        self.cancel_button = QPushButton()
        self.cancel_button.setEnabled(False)
        self.progress = ProgressWidget()
        self.result = ResultWidget()
        self.result.language = self.progress.language = self.settings.language
        self.batch_model = BatchModel(self)
        self.batch = BatchWorker(self.batch_model, self.engine, parent=self)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._diagnose_page(), "")
        self.tabs.addTab(self._batch_page(), "")
        self.setCentralWidget(self.tabs)
        self._menus()
        self.diagnose_button.clicked.connect(self.diagnose)
        self.cancel_button.clicked.connect(self.cancel)
        self.form.diagnose_requested.connect(self.diagnose)
        self.form.validity_changed.connect(lambda ok: self.diagnose_button.setEnabled(ok and self.worker is None))
        self.result.export_requested.connect(lambda: self.export_report())  # noqa: PLW0108 (no path: ask)
        self.result.watch_requested.connect(self.watch_shown)
        self.diagnose_button.setEnabled(False)
        self.setAcceptDrops(True)
        self.retranslate()
        self._set_batch_buttons()
        self.resize(1100, 760)
        if not translated:  # said in English: the translations are what is missing
            self.statusBar().showMessage("The window's translations are missing: run scripts/setup to build them.")

    def _history_dock(self) -> QDockWidget:
        self.history_view.reopen_requested.connect(self.reopen)
        self.history_view.rerun_requested.connect(self.rerun)
        self.engine.job_finished.connect(self._keep)
        dock = QDockWidget()
        dock.setObjectName("history")
        dock.setWidget(self.history_view)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        self.resizeDocks([dock], [250], Qt.Orientation.Horizontal)  # a side panel, not a second window
        return dock

    def _watch_dock(self) -> QDockWidget:
        self.watches.watch_updated.connect(self._on_watch_updated)
        self.watches.notified.connect(self._on_watch_notified)
        dock = QDockWidget()
        dock.setObjectName("watching")
        dock.setWidget(self.watch_view)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        dock.hide()  # shown once something is watched
        return dock

    def _tray(self) -> QSystemTrayIcon | None:
        """A tray icon where the desktop has a tray: watches report there, and can outlive the window."""
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return None
        tray = QSystemTrayIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton), self)
        menu = QMenu(self)
        menu.addAction(self.tr("Show Deposit Doctor"), self.showNormal)
        menu.addAction(self.tr("Quit"), self.quit)
        tray.setContextMenu(menu)
        tray.activated.connect(lambda _reason: self.showNormal())
        tray.show()
        return tray

    def _diagnose_page(self) -> QWidget:
        left = QWidget()
        column = QVBoxLayout(left)
        column.addWidget(self.form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.diagnose_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch()
        column.addLayout(buttons)
        column.addWidget(self.progress, 1)
        column.addWidget(self.hint)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.result)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([440, 660])  # the result reads in sentences: it gets the room
        return splitter

    def _batch_page(self) -> QWidget:
        self.batch_table = QTableView()
        self.batch_table.setModel(self.batch_model)
        self.batch_table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # hashes differ at both ends
        self.batch_hint = QLabel()
        self.batch_hint.setWordWrap(True)
        self.batch_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.batch_table.horizontalHeader().setStretchLastSection(True)
        self.batch_table.doubleClicked.connect(lambda index: self.show_batch_row(index.row()))
        self.run_all_button, self.stop_button, self.export_all_button = QPushButton(), QPushButton(), QPushButton()
        self.export_format = QComboBox()
        for fmt in ("pdf", "text", "markdown", "json"):
            self.export_format.addItem(fmt, fmt)
        self.batch_status = QLabel()
        self.run_all_button.clicked.connect(self.run_batch)
        self.stop_button.clicked.connect(self.batch.stop)
        self.export_all_button.clicked.connect(lambda: self.export_batch())  # noqa: PLW0108 (not clicked's bool)
        self.batch.progressed.connect(self._on_batch_progressed)
        self.batch.batch_finished.connect(self._on_batch_finished)
        page = QWidget()
        layout = QVBoxLayout(page)
        buttons = QHBoxLayout()
        for widget in (self.run_all_button, self.stop_button, self.export_all_button, self.export_format):
            buttons.addWidget(widget)
        buttons.addWidget(self.batch_status, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.batch_hint)
        layout.addWidget(self.batch_table, 1)
        return page

    def _menus(self) -> None:
        self.file_menu = self.menuBar().addMenu("")
        self.open_action = self._action(QKeySequence.StandardKey.Open, self.open_dialog)
        self.save_cases_action = self._action(QKeySequence.StandardKey.Save, lambda: self.save_cases())  # noqa: PLW0108
        self.export_action = self._action(QKeySequence("Ctrl+E"), lambda: self.export_report())  # noqa: PLW0108
        self.settings_action = self._action(QKeySequence("Ctrl+,"), self.open_settings)
        self.quit_action = self._action(QKeySequence.StandardKey.Quit, self.close)

    def _action(self, keys: QKeySequence | QKeySequence.StandardKey, slot: Callable[[], object]) -> QAction:
        action = QAction(self)
        action.setShortcut(keys)
        action.triggered.connect(slot)
        self.file_menu.addAction(action)
        return action

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Deposit Doctor {version}").replace("{version}", __version__))
        self.history_dock.setWindowTitle(self.tr("History"))
        self.watch_dock.setWindowTitle(self.tr("Watching"))
        self.diagnose_button.setText(self.tr("Diagnose"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.tabs.setTabText(0, self.tr("Diagnose"))
        self.tabs.setTabText(1, self.tr("Batch"))
        self.run_all_button.setText(self.tr("Run all"))
        self.stop_button.setText(self.tr("Stop"))
        self.export_all_button.setText(self.tr("Export all reports…"))
        self.hint.setText(
            self.tr(
                "Drop a transaction file here (text, CSV export, JSON, raw signed transaction), or paste a hash. "
                "Deposit Doctor never needs your private key or seed phrase."
            )
        )
        self.file_menu.setTitle(self.tr("&File"))
        self.open_action.setText(self.tr("&Open…"))
        self.save_cases_action.setText(self.tr("Save &cases…"))
        self.export_action.setText(self.tr("&Export report…"))
        self.settings_action.setText(self.tr("&Settings…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.batch_model.set_labels(
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
        self.batch_hint.setText(
            self.tr("Drop a CSV export or a text file with several transaction hashes here, or use File ▸ Open.")
        )
        for index, name in enumerate((self.tr("PDF"), self.tr("Text"), self.tr("Markdown"), self.tr("JSON"))):
            self.export_format.setItemText(index, name)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # Diagnosing one case ------------------------------------------------------------------------------

    def options(self, *, progress: bool = True) -> Options:
        """The settings a diagnosis needs, read here on the window's thread, as plain data for the engine."""
        key = self.settings.tron_api_key or os.environ.get(TRON_API_KEY_VARIABLE, "").strip() or None
        return Options(
            endpoints=self.settings.endpoints(),
            timeout=self.settings.timeout,
            tron_api_key=key,
            confirmations=self._confirmations(),
            language=self.settings.language,
            progress=progress,
            networks=self.searched_networks,
            exchange=self.form.exchange.currentData(),
        )

    def _confirmations(self) -> dict[str, int]:
        return {slug: count for slug in catalog.networks() if (count := self.settings.confirmations(slug))}

    def diagnose(self) -> Job | None:
        if self.worker is not None or not self.form.ready:
            return None
        worker = self.engine.diagnose(self.form.case(), self.options())
        worker.signals.network_asked.connect(self.progress.on_network_asked)
        worker.signals.network_answered.connect(self.progress.on_network_answered)
        worker.signals.diagnosis_finished.connect(self._on_diagnosis_finished)
        worker.signals.diagnosis_failed.connect(self._on_diagnosis_failed)
        worker.signals.diagnosis_cancelled.connect(self._on_diagnosis_cancelled)
        self.worker = worker
        self.progress.clear_networks()
        self.result.show_diagnosis(None)  # the last case's result must not pass for this one's
        self._busy(True)
        self.statusBar().showMessage(self.tr("Asking the networks…"))
        return worker

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()

    def _busy(self, busy: bool) -> None:
        self.diagnose_button.setEnabled(not busy and self.form.ready)
        self.cancel_button.setEnabled(busy)

    def _done(self, message: str) -> None:
        self.worker = None
        self._busy(False)
        self.statusBar().showMessage(message, 10_000)
        self.worker_finished.emit()

    @Slot(object)
    def _on_diagnosis_finished(self, diagnosis: Diagnosis) -> None:
        self.result.show_diagnosis(diagnosis, self.worker.report_json if self.worker else "")
        self._done(self.tr("Diagnosis done."))

    @Slot(str, str)
    def _on_diagnosis_failed(self, kind: str, text: str) -> None:
        prefix = (
            self.tr("Deposit Doctor hit an internal error:") if kind == "internal" else self.tr("Could not diagnose:")
        )
        self._done(f"{prefix} {text}")
        QMessageBox.warning(self, self.windowTitle(), f"{prefix} {text}")

    @Slot()
    def _on_diagnosis_cancelled(self) -> None:
        self.progress.mark_unanswered(self.tr("cancelled"))
        self._done(self.tr("Cancelled: nothing was concluded."))

    # History -------------------------------------------------------------------------------------------

    @Slot(int, object, str, str)
    def _keep(self, job: int, diagnosis: Diagnosis, verdict: str, report_json: str) -> None:
        """Every diagnosis this window asked for is kept, committed on its own; a watch's re-checks are not,
        only how the watch ended."""
        if self.watches.asked(job):
            return
        self._keep_now(diagnosis, verdict, report_json)

    def _keep_now(self, diagnosis: Diagnosis, verdict: str, report_json: str) -> None:
        try:
            self.history.add(diagnosis, report_json, verdict)
        except HistoryError as exc:
            self.statusBar().showMessage(exc.user_message, 10_000)
            return
        self.history_view.kept()

    def reopen(self, entry: int) -> None:
        """A kept report, as it was: the chain may have moved on since, so it is not asked again."""
        try:
            data = self.history.report(entry)
        except HistoryError as exc:
            self.statusBar().showMessage(exc.user_message, 10_000)
            return
        self.result.show_report(report_from_dict(data), dumps(data))
        self.tabs.setCurrentIndex(0)

    def rerun(self, entry: int) -> Job | None:
        try:
            case = self.history.case(entry)
        except HistoryError as exc:
            self.statusBar().showMessage(exc.user_message, 10_000)
            return None
        draft = CaseDraft(
            case.tx_hash,
            case.address,
            None if catalog.is_auto(case.network) else case.network,
            case.token,
            case.amount,
            case.direction,
        )
        if draft.network is None:
            self.form.network.setCurrentIndex(0)  # Auto-detect, as it was asked
        return self._diagnose_draft(draft)

    # Watching ------------------------------------------------------------------------------------------

    def watch_shown(self, interval: float | None = None) -> Watch | None:
        """Watch the transaction shown until it is credited (or lost)."""
        diagnosis = self.result.diagnosis
        if diagnosis is None:
            return None
        self.watches.options = self.options(progress=False)
        watch = self.watches.watch(diagnosis, interval)
        self.watch_dock.show()
        self.watch_view.refresh()
        self.statusBar().showMessage(
            self.tr("Watching: asked again every {seconds} s").replace("{seconds}", f"{watch.interval:g}"), 10_000
        )
        return watch

    @Slot(object)
    def _on_watch_updated(self, watch: Watch) -> None:
        shown = self.result.diagnosis
        if shown is not None and shown.case.tx_hash.strip() == watch.diagnosis.case.tx_hash.strip():
            self.result.show_diagnosis(watch.diagnosis, watch.report_json)  # the bar moves as blocks come

    @Slot(object)
    def _on_watch_notified(self, watch: Watch) -> None:
        """Said once, where the user will see it: the tray, else the window's status bar and taskbar."""
        tx = watch.diagnosis.case.tx_hash.strip()
        counts = watch.confirmations
        if watch.ended == "arrived" and counts:
            title = (
                self.tr("Confirmed: {n} of {required}")
                .replace("{n}", str(counts[0]))
                .replace("{required}", str(counts[1]))
            )
        else:
            title = watch.description or watch.diagnosis.verdict.code
        message = f"{tx[:10]}…{tx[-6:]}: {watch.description}"
        self.last_notification = (title, message)
        self._keep_now(watch.diagnosis, watch.description, watch.report_json)
        if self.tray is not None:
            self.tray.showMessage(title, message, QSystemTrayIcon.MessageIcon.Information, 15_000)
        self.statusBar().showMessage(f"{title} — {message}", 30_000)
        QApplication.alert(self)

    # Files, drops and text ----------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt's name)
        mime = event.mimeData()
        if mime.hasUrls() or mime.hasText():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt's name)
        mime = event.mimeData()
        files = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
        if files:
            self.open_files(files)
        elif mime.hasText():
            self.take_text(mime.text())
        event.acceptProposedAction()

    def open_dialog(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Open transaction files"),
            "",
            self.tr("Transaction files (*.txt *.csv *.json *.hex);;All files (*)"),
        )
        if names:
            self.open_files([Path(n) for n in names])

    def take_text(self, text: str) -> Job:
        return self._read_elsewhere(self.engine.read([], text))

    def open_files(self, paths: list[Path]) -> Job:
        return self._read_elsewhere(self.engine.read(paths))

    def _read_elsewhere(self, job: Job) -> Job:
        """A 5 MiB export takes a second to parse and guard: the engine process does it, not the window."""
        job.signals.intake_read.connect(self._on_intake_read)
        job.signals.diagnosis_failed.connect(self._on_read_failed)
        self.statusBar().showMessage(self.tr("Reading…"))
        return job

    @Slot(str, str)
    def _on_read_failed(self, _kind: str, text: str) -> None:
        self.statusBar().clearMessage()
        QMessageBox.warning(
            self, self.windowTitle(), self.tr("The files could not be read: {reason}").replace("{reason}", text)
        )
        self.intake_taken.emit(0)

    @Slot(object)
    def _on_intake_read(self, intake: Intake) -> None:
        """One case fills the form; several fill the batch table; nothing usable changes nothing."""
        self.statusBar().clearMessage()
        messages = [self._secret_text()] if intake.refused else []
        messages += [self._problem_text(p) for p in intake.problems]
        drafts = list(intake.drafts)
        if len(drafts) == 1:
            self.form.set_draft(drafts[0])
            self.tabs.setCurrentIndex(0)
        elif drafts:
            if self.batch.running:
                messages.append(self.tr("A batch is running: stop it before loading other cases."))
            else:
                self.batch_model.set_drafts(drafts)
                self._set_batch_buttons()
                self.tabs.setCurrentIndex(1)
        if messages:
            QMessageBox.information(self, self.windowTitle(), "\n".join(messages))
        self.intake_taken.emit(len(drafts))

    def _secret_text(self) -> str:
        return self.tr(
            "What you dropped holds what looks like a private key, a key file (keystore) or a seed phrase: nothing "
            "from it was used, stored or sent. Never share it with anyone, support included."
        )

    def _problem_text(self, problem: IntakeProblem) -> str:
        params = dict(problem.params)
        texts = {
            "too_large": self.tr("The file is too large to be a transaction list ({size} bytes; at most {limit})."),
            "binary": self.tr("This is not a text file (a picture or a program?): nothing was read from it."),
            "unreadable": self.tr("{name} could not be read: {reason}"),
            "not_a_file": self.tr("{name} is not a file (a folder or a device): nothing was read from it."),
            "no_case": self.tr("No transaction hash was found in it."),
            "bad_json": self.tr("The JSON file cannot be read (line {line}, column {column})."),
            "unknown_version": self.tr("The case file is from a newer Deposit Doctor (version {version})."),
            "not_cases": self.tr("This JSON file holds no Deposit Doctor cases."),
            "case_no_hash": self.tr("Case {case} has no transaction hash and was skipped."),
            "bad_field": self.tr("Case {case}: the {field} cannot be read and was left out."),
            "csv_no_hash_column": self.tr("The CSV file has no column for the transaction hash (TxID)."),
            "csv_row_no_hash": self.tr("Row {row} has no transaction hash and was skipped."),
            "csv_cell_too_long": self.tr(
                "Row {row} holds a cell longer than {limit} characters (an unclosed quote?): the rest of the file "
                "was not read."
            ),
            "amount_out_of_range": self.tr(
                "Row {row}: the amount {value} is out of range (10^30 or more, or more than 40 digits) and was "
                "left out."
            ),
            "json_too_deep": self.tr(
                "The JSON file is nested {depth} levels deep; no case file nests more than {limit}: nothing was "
                "read from it."
            ),
            "json_number_too_long": self.tr(
                "The JSON file holds a number {digits} digits long; no case file holds one over {limit} digits: "
                "nothing was read from it."
            ),
            "csv_row_internal_transfer": self.tr(
                "Row {row} was skipped: {value} is a transfer inside the exchange, which never goes on a "
                "blockchain, so there is no transaction to check."
            ),
            "csv_row_hash_as_number": self.tr(
                "Row {row} was skipped: its hash reads {value}, the form Excel gives a long number, and the digits "
                "it dropped cannot be recovered. Open the export as text (or copy the TxID from the exchange's page) "
                "and try again."
            ),
            "csv_row_truncated_hash": self.tr(
                "Row {row} was skipped: the hash {value} is shortened. Copy the whole hash from the exchange's or "
                "explorer's page."
            ),
            "csv_row_hash_wrong_length": self.tr(
                "Row {row} was skipped: {value} has {length} hex digits; a transaction hash has 64. A character was "
                "probably lost or added when it was copied."
            ),
            "csv_row_address_as_hash": self.tr("Row {row} was skipped: {value} is an address, not a transaction hash."),
            "csv_row_not_a_hash": self.tr(
                "Row {row} was skipped: {value} is not a transaction hash (an exchange's own record number, perhaps)."
            ),
            "csv_row_unsupported_network": self.tr(
                "Row {row} was skipped: it is on {network} ({value}), a network Deposit Doctor cannot check."
            ),
            "unsupported_network": self.tr(
                "Line {line}: {value} is on {network}, a network Deposit Doctor cannot check; it was left out."
            ),
            "csv_unreadable": self.tr("The CSV file cannot be read from row {row} on: {reason}"),
            "unknown_network": self.tr("Row {row}: unknown network {name}; Auto-detect will be used.")
            if "row" in params
            else self.tr("Case {case}: unknown network {name}; Auto-detect will be used."),
            "bad_amount": self.tr("Row {row}: the amount {value} is not a number and was left out."),
            "bad_raw_transaction": self.tr("The raw transaction cannot be decoded: {reason}"),
            "unknown_chain_id": self.tr(
                "The raw transaction is for chain id {chain_id}, which Deposit Doctor does not know."
            ),
        }
        text = texts.get(problem.key, self.tr("Something in it could not be read ({key})."))
        for name, value in {"key": problem.key, **params}.items():
            text = text.replace("{" + name + "}", value)
        return text

    def _export_filters(self) -> dict[str, str]:
        return {
            "pdf": self.tr("PDF (*.pdf)"),
            "text": self.tr("Text (*.txt)"),
            "markdown": self.tr("Markdown (*.md)"),
            "json": self.tr("JSON (*.json)"),
        }

    def save_cases(self, path: Path | None = None) -> Path | None:
        """The batch's cases (or the form's one) as the app's case file, to open again or hand on."""
        rows = self.batch_model.rows()
        if not rows and not self.form.ready:
            return None  # nothing to save, or a secret in a field: never written anywhere
        drafts = [row.draft for row in rows] if rows else [self.form.draft()]
        if path is None:
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save cases"), "deposit-doctor-cases.json", self.tr("Case files (*.json)")
            )
            if not name:
                return None
            path = Path(name)
        try:
            write_atomically(path, write_cases(drafts))
        except DiagnosticsError as exc:
            QMessageBox.warning(self, self.windowTitle(), exc.user_message)
            return None
        self.statusBar().showMessage(self.tr("Cases saved to {path}").replace("{path}", str(path)), 10_000)
        return path

    def add_samples(self, samples: list[Sample]) -> QMenu:
        """The sandbox's Samples menu: each classic case, ready to diagnose."""
        menu = self.menuBar().addMenu(self.tr("&Samples"))
        names = {
            "credited": self.tr("Credited (Ethereum USDT)"),
            "too_few_confirmations": self.tr("Too few confirmations"),
            "low_tip": self.tr("Stuck under a low tip (BNB Smart Chain)"),
            "nonce_gap": self.tr("Nonce gap"),
            "failed": self.tr("Failed transfer (revert)"),
            "out_of_energy": self.tr("Tron OUT_OF_ENERGY"),
            "tron_credited": self.tr("Credited (Tron USDT)"),
            "btc_credited": self.tr("Credited (Bitcoin)"),
            "btc_too_few_confirmations": self.tr("Too few confirmations (Bitcoin)"),
            "btc_low_fee": self.tr("Stuck under a low fee, RBF (Bitcoin)"),
            "btc_replaced": self.tr("Replaced by fee (Bitcoin)"),
            "btc_look_alike": self.tr("Look-alike address (Bitcoin)"),
            "wrong_network": self.tr("Wrong network: sent on BEP-20 for an ERC-20 deposit"),
            "fake_usdt": self.tr("Fake USDT"),
            "look_alike": self.tr("Look-alike address (poisoning)"),
            "unknown": self.tr("Unknown hash"),
        }
        for sample in samples:
            action = menu.addAction(names.get(sample.key, sample.key))
            action.triggered.connect(lambda _=False, chosen=sample: self.try_sample(chosen))
        self.sample_menu = menu
        return menu

    def try_sample(self, sample: Sample) -> Job | None:
        return self._diagnose_draft(sample.case)

    def _diagnose_draft(self, draft: CaseDraft) -> Job | None:
        self.form.set_draft(draft)
        self.tabs.setCurrentIndex(0)
        return self.diagnose()

    # Reports -------------------------------------------------------------------------------------------

    def export_report(self, path: Path | None = None) -> Path | None:
        """The report shown, as it is shown (a reopened one as it was kept)."""
        report = self.result.report
        if report is None:
            return None
        if path is None:
            entered = json.loads(self.result.report_json).get("case", {}).get("tx_hash", "")
            stem = str(entered).strip().removeprefix("0x")[:12] or "report"
            filters = self._export_filters()
            name, chosen = QFileDialog.getSaveFileName(
                self, self.tr("Export report"), f"deposit-doctor-{stem}.pdf", ";;".join(filters.values())
            )
            if not name:
                return None
            path = Path(name)
            if path.suffix.lower() not in SUFFIXES:  # "report" with Text chosen is report.txt, not a PDF
                wanted = next((fmt for fmt, label in filters.items() if label == chosen), "pdf")
                path = path.with_name(path.name + next(s for s, f in SUFFIXES.items() if f == wanted))
        fmt = SUFFIXES.get(path.suffix.lower())
        if fmt is None:
            path, fmt = path.with_suffix(path.suffix + ".pdf"), "pdf"
        try:
            write_atomically(path, report_bytes(report, self.result.report_json, fmt))
        except DiagnosticsError as exc:
            QMessageBox.warning(self, self.windowTitle(), exc.user_message)
            return None
        self.statusBar().showMessage(self.tr("Report written to {path}").replace("{path}", str(path)), 10_000)
        return path

    # Batch ---------------------------------------------------------------------------------------------

    def run_batch(self) -> None:
        chosen = self.form.network.currentData()
        self.batch.network = None if catalog.is_auto(chosen) else chosen
        self.batch.direction = self.form.direction()
        self.batch.start(self.options(progress=False))
        self._set_batch_buttons()

    def _set_batch_buttons(self) -> None:
        rows = self.batch_model.rows()
        self.batch_hint.setVisible(not rows)
        self.run_all_button.setEnabled(bool(rows) and not self.batch.running)
        self.stop_button.setEnabled(self.batch.running)
        self.export_all_button.setEnabled(any(r.diagnosis for r in rows) and not self.batch.running)

    def _on_batch_progressed(self, finished: int, total: int) -> None:
        self.batch_status.setText(
            self.tr("{done} of {total} done").replace("{done}", str(finished)).replace("{total}", str(total))
        )

    def _on_batch_finished(self) -> None:
        counts = self.batch_model.counts()
        summary = self.tr("{done} done, {failed} failed, {stopped} stopped, of {total}")
        for key, value in (
            ("{done}", counts[RowStatus.DONE]),
            ("{failed}", counts[RowStatus.FAILED]),
            ("{stopped}", counts[RowStatus.STOPPED]),
            ("{total}", self.batch_model.rowCount()),
        ):
            summary = summary.replace(key, str(value))
        self.batch_status.setText(summary)
        self._set_batch_buttons()

    def show_batch_row(self, row: int) -> None:
        """The row's case in the form and its result beside it, as if it had been diagnosed there."""
        chosen = self.batch_model.row(row)
        self.form.set_draft(chosen.draft)
        if chosen.diagnosis is not None:
            self.result.show_diagnosis(chosen.diagnosis)
        self.tabs.setCurrentIndex(0)

    def export_batch(self, folder: Path | None = None) -> list[Path]:
        if folder is None:
            name = QFileDialog.getExistingDirectory(self, self.tr("Export all reports to a folder"))
            if not name:
                return []
            folder = Path(name)
        written: list[Path] = []
        self.export_all_button.setEnabled(False)
        try:
            # A PDF takes some 20 ms to lay out: between two files the window answers, so a thousand never freeze it.
            for path in export_all(self.batch_model, folder, self.export_format.currentData(), self.settings.language):
                written.append(path)
                self.batch_status.setText(self.tr("{n} reports written…").replace("{n}", str(len(written))))
                QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        except DiagnosticsError as exc:
            QMessageBox.warning(self, self.windowTitle(), exc.user_message)
        finally:
            self._set_batch_buttons()
        self.batch_status.setText(
            self.tr("{n} reports written to {folder}")
            .replace("{n}", str(len(written)))
            .replace("{folder}", str(folder))
        )
        return written

    # Settings and closing ------------------------------------------------------------------------------

    def open_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(self.settings, self.engine, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # one per opening, gone when closed
        dialog.accepted.connect(self.apply_settings)
        dialog.open()
        return dialog

    def apply_settings(self) -> None:
        language = self.settings.language
        if not self.translations.apply(language):
            self.statusBar().showMessage("The window's translations are missing: run scripts/setup to build them.")
        self.result.language = self.progress.language = language
        self.result.set_language(language)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if self.watches.active and self.settings.keep_in_tray and self.tray is not None and not self._quitting:
            QApplication.setQuitOnLastWindowClosed(False)
            self.hide()  # the watches go on; the tray's menu shows the window again or quits
            self.tray.showMessage(self.tr("Still watching"), self.tr("Deposit Doctor keeps watching in the tray."))
            event.ignore()
            return
        self.watches.stop_all()
        self.cancel()
        self.batch.stop()
        if self.tray is not None:
            self.tray.hide()
        if self._owns_engine:
            self.engine.stop()
        super().closeEvent(event)

    def quit(self) -> None:
        """Quit from the tray: stop watching and close for good."""
        self._quitting = True
        self.close()
        QApplication.quit()


def _no_display() -> bool:
    """Qt aborts the process when it finds no screen; say so in words instead."""
    if sys.platform != "linux" or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_sandbox() -> int:
    """``deposit-doctor --sandbox``: local chains with every classic case, and the window pointed at them.
    Nothing of the user's is touched: settings and history live in a temporary folder for the session."""
    from desktop.sandbox.anvil import anvil_binary  # noqa: PLC0415 (web3 and the nodes load only here)
    from desktop.sandbox.samples import NETWORKS, Sandbox  # noqa: PLC0415

    if _no_display():
        print("deposit-doctor: no display found: the sandbox opens a window", file=sys.stderr)
        return 2
    try:
        anvil_binary()
    except RuntimeError as exc:
        print(f"deposit-doctor: the sandbox needs anvil: {exc}", file=sys.stderr)
        return 2
    print("deposit-doctor: starting local chains for the sandbox…", file=sys.stderr)
    sandbox = Sandbox()
    try:
        app = QApplication.instance() or QApplication(sys.argv)
        signal.signal(signal.SIGTERM, lambda *_: QApplication.quit())  # the nodes stop below, not orphaned
        wake = QTimer()  # Python only runs its signal handlers when it runs: give it a moment now and then
        wake.timeout.connect(lambda: None)
        wake.start(250)
        with tempfile.TemporaryDirectory(prefix="deposit-doctor-sandbox-") as folder:
            settings = AppSettings(QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat))
            settings.language = AppSettings().language
            for slug, url in sandbox.endpoints.items():
                settings.set_endpoint(slug, url)
            window = MainWindow(settings, history=History(Path(folder) / "history.sqlite3"))
            window.searched_networks = NETWORKS
            window.add_samples(sandbox.samples)
            window.show()
            code = app.exec()
            window.history.close()
            return code
    finally:
        sandbox.stop()


def run_window() -> int:
    if _no_display():
        print(
            "deposit-doctor: no display found: open the app on a desktop, or use the command line: "
            "deposit-doctor diagnose --help",
            file=sys.stderr,
        )
        return 2
    app = QApplication.instance() or QApplication(sys.argv)
    settings = AppSettings()
    # A history that cannot be used is said, with the offer to set it aside; it never stops the window.
    window = MainWindow(settings, history=open_history(language=settings.language))
    window.show()
    return app.exec()
