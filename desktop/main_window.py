"""The main window: assembles the Diagnose and Batch tabs, the History and Watching docks, the menus and the
tray, and routes what one part says to the part that shows it. Each part lives in its own module:

  panels/diagnose_page.py   form, buttons, progress, result; runs one diagnosis
  panels/batch_page.py      the batch table, run/stop/export
  panels/history_panel.py   the History dock: keep, reopen, re-run
  panels/watch_panel.py     the Watching dock and what a watch says when it ends
  menus.py, samples_menu.py File, View and the sandbox's Samples menus
  drops.py                  files and text coming in, and what is said about them
  export_dialogs.py         the save and open dialogs
  tray.py                   the tray icon, where there is a tray
  app.py                    the entry functions (window, sandbox)

It only asks and shows (DESIGN rule 6): diagnoses run in the engine process, files are parsed there too.
"""

from __future__ import annotations

import gc
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QTabWidget

from desktop.drops import DropReader
from desktop.engine_process import Options
from desktop.export import report_bytes
from desktop.export_dialogs import ExportDialogs
from desktop.i18n import Translations
from desktop.menus import FileMenu, ViewMenu
from desktop.models.batch_model import BatchRow
from desktop.panels.batch_page import BatchPage
from desktop.panels.diagnose_page import DiagnosePage
from desktop.panels.history_panel import HistoryPanel
from desktop.panels.watch_panel import WatchPanel
from desktop.samples_menu import SamplesMenu
from desktop.settings import AppSettings
from desktop.settings_dialog import SettingsDialog
from desktop.tray import TrayIcon
from desktop.watch import Watch
from desktop.workers import EngineWorker, Job
from diagnostics import __version__, catalog
from diagnostics.errors import DiagnosticsError
from diagnostics.history import History
from diagnostics.intake.case_file import write_cases
from diagnostics.intake.draft import CaseDraft
from diagnostics.model import Direction
from diagnostics.output import ton_api_key, tron_api_key, write_atomically
from diagnostics.report import formats
from diagnostics.report.content import Report

if TYPE_CHECKING:
    from desktop.sandbox.samples import Sample

_MISSING_TRANSLATIONS = "The window's translations are missing: run scripts/setup to build them."


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
        self.history = history or History()
        self.watch_dock = WatchPanel(self.engine, self)
        self.watches, self.watch_view = self.watch_dock.watches, self.watch_dock.view
        self.history_dock = HistoryPanel(self.history, self.engine, self.watches.asked, self)
        self.history_view = self.history_dock.view
        for dock in (self.history_dock, self.watch_dock):
            self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        self.resizeDocks([self.history_dock], [220], Qt.Orientation.Horizontal)  # a side panel, not a second window
        self.tray = TrayIcon(self, self.showNormal, self.quit)
        self.diagnose_page = DiagnosePage(self.engine)
        self.diagnose_page.set_language(self.settings.language)
        self.form, self.result, self.progress = (
            self.diagnose_page.form,
            self.diagnose_page.result,
            self.diagnose_page.progress,
        )
        self.diagnose_button, self.cancel_button = self.diagnose_page.diagnose_button, self.diagnose_page.cancel_button
        self.form.set_exchange(self.settings.exchange)  # the exchange picked last time
        self.batch_page = BatchPage(self.engine, self.settings.language)
        self.batch_model, self.batch = self.batch_page.model, self.batch_page.batch
        self.tabs = QTabWidget()
        self.tabs.addTab(self.diagnose_page, "")
        self.tabs.addTab(self.batch_page, "")
        self.setCentralWidget(self.tabs)
        self.drops = DropReader(self.engine, self.settings.language, self)
        self.dialogs = ExportDialogs(self, self.settings.language)
        self.file_menu = FileMenu(self)
        self.view_menu = ViewMenu([self.history_dock, self.watch_dock], self.progress, self)
        self.menuBar().addMenu(self.file_menu)
        self.menuBar().addMenu(self.view_menu)
        self.sample_menu: SamplesMenu | None = None
        self._connect()
        self.setAcceptDrops(True)
        self.retranslate()
        self.resize(1100, 760)
        # Everything built so far (Qt's wrappers, the modules, the catalog) lives as long as the window: kept
        # out of the garbage collector's sweeps, whose full one otherwise walked all of it and held the
        # window's thread 70 ms in the middle of a batch (bench/ui_stall.py).
        gc.freeze()
        if not translated:  # said in English: the translations are what is missing
            self.statusBar().showMessage(_MISSING_TRANSLATIONS)

    def _connect(self) -> None:
        page, say = self.diagnose_page, self.statusBar().showMessage
        page.diagnose_button.clicked.connect(self.diagnose)
        page.form.diagnose_requested.connect(self.diagnose)
        page.status_said.connect(say)
        page.failed.connect(lambda text: QMessageBox.warning(self, self.windowTitle(), text))
        page.finished.connect(self.worker_finished)
        page.result.export_requested.connect(lambda: self.export_report())  # noqa: PLW0108 (no path: ask)
        page.result.watch_requested.connect(self.watch_shown)
        self.form.exchange.currentIndexChanged.connect(
            lambda _: setattr(self.settings, "exchange", self.form.exchange.currentData())
        )
        self.batch_page.run_all_button.clicked.connect(self.run_batch)
        self.batch_page.row_opened.connect(self._on_batch_row_opened)
        self.history_dock.case_reopened.connect(self._show_draft)
        self.history_dock.report_reopened.connect(self._on_report_reopened)
        self.history_dock.rerun_requested.connect(self._diagnose_draft)
        self.history_dock.problem_said.connect(lambda text: say(text, 10_000))
        self.watches.watch_updated.connect(self._on_watch_updated)
        self.watch_dock.ended.connect(self._on_watch_ended)
        self.drops.read_started.connect(lambda: say(self.tr("Reading…")))
        self.drops.read_failed.connect(self._on_read_failed)
        self.drops.intake_read.connect(self._on_intake_read)
        menu = self.file_menu
        menu.open_action.triggered.connect(self.open_dialog)
        menu.save_cases_action.triggered.connect(lambda: self.save_cases())  # noqa: PLW0108
        menu.export_action.triggered.connect(lambda: self.export_report())  # noqa: PLW0108
        menu.settings_action.triggered.connect(self.open_settings)
        menu.quit_action.triggered.connect(self.close)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Deposit Doctor {version}").replace("{version}", __version__))
        self.tabs.setTabText(0, self.tr("Diagnose"))
        self.tabs.setTabText(1, self.tr("Batch"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # Diagnosing one case ------------------------------------------------------------------------------

    @property
    def worker(self) -> Job | None:
        return self.diagnose_page.worker

    def options(self, *, progress: bool = True) -> Options:
        """The settings a diagnosis needs, read here on the window's thread, as plain data for the engine."""
        key = self.settings.tron_api_key or tron_api_key()
        return Options(
            endpoints=self.settings.endpoints(),
            timeout=self.settings.timeout,
            tron_api_key=key,
            ton_api_key=ton_api_key(),
            confirmations={slug: n for slug in catalog.networks() if (n := self.settings.confirmations(slug))},
            language=self.settings.language,
            progress=progress,
            networks=self.searched_networks,
            exchange=self.form.exchange.currentData(),
        )

    def diagnose(self) -> Job | None:
        return self.diagnose_page.diagnose(self.options())

    def cancel(self) -> None:
        self.diagnose_page.cancel()

    def _show_draft(self, draft: CaseDraft) -> None:
        if draft.network is None:
            self.form.network.setCurrentIndex(0)  # Auto-detect, as it was asked
        self.diagnose_page.show_draft(draft)
        self.tabs.setCurrentIndex(0)

    def _diagnose_draft(self, draft: CaseDraft) -> Job | None:
        self._show_draft(draft)
        return self.diagnose()

    def rerun(self, entry: int) -> Job | None:
        draft = self.history_dock.rerun(entry)  # its signal diagnoses it
        return self.worker if draft is not None else None

    def reopen(self, entry: int) -> None:
        self.history_dock.reopen(entry)

    @Slot(object, str, object)
    def _on_report_reopened(self, report: Report, report_json: str, data: dict[str, Any]) -> None:
        self.result.show_report(report, report_json, data=data)
        self.tabs.setCurrentIndex(0)

    # Samples (the sandbox) -----------------------------------------------------------------------------

    def add_samples(self, samples: list[Sample]) -> SamplesMenu:
        self.sample_menu = SamplesMenu(samples, self)
        self.sample_menu.sample_chosen.connect(self.try_sample)
        self.menuBar().addMenu(self.sample_menu)
        return self.sample_menu

    def try_sample(self, sample: Sample) -> Job | None:
        """The whole form is the sample's: a field or a direction left from the last case would change it."""
        return self._diagnose_draft(replace(sample.case, direction=sample.case.direction or Direction.DEPOSIT))

    # Watching ------------------------------------------------------------------------------------------

    def watch_shown(self, interval: float | None = None) -> Watch | None:
        """Watch the transaction shown until it is credited (or lost)."""
        diagnosis = self.result.diagnosis
        if diagnosis is None:
            return None
        watch = self.watch_dock.watch(diagnosis, self.options(progress=False), interval)
        self.statusBar().showMessage(
            self.tr("Watching: asked again every {seconds} s").replace("{seconds}", f"{watch.interval:g}"), 10_000
        )
        return watch

    @Slot(object)
    def _on_watch_updated(self, watch: Watch) -> None:
        shown = self.result.diagnosis
        if shown is not None and shown.case.tx_hash.strip() == watch.diagnosis.case.tx_hash.strip():
            self.result.show_diagnosis(watch.diagnosis, watch.report_json)  # the bar moves as blocks come

    @Slot(object, str, str)
    def _on_watch_ended(self, watch: Watch, title: str, message: str) -> None:
        """Said once, where the user will see it: the tray, else the window's status bar and taskbar."""
        self.last_notification = (title, message)
        self.history_dock.keep(watch.diagnosis, watch.description, watch.report_json)
        self.tray.say(title, message)
        self.statusBar().showMessage(f"{title} — {message}", 30_000)
        QApplication.alert(self)

    # Files, drops and text ----------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt's name)
        self.drops.accept_drag(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt's name)
        self.drops.drop(event)

    def open_dialog(self) -> None:
        paths = self.dialogs.files_to_open()
        if paths:
            self.open_files(paths)

    def take_text(self, text: str) -> Job:
        return self.drops.take_text(text)

    def open_files(self, paths: list[Path]) -> Job:
        return self.drops.open_files(paths)

    @Slot(str)
    def _on_read_failed(self, text: str) -> None:
        self.statusBar().clearMessage()
        QMessageBox.warning(self, self.windowTitle(), text)
        self.intake_taken.emit(0)

    @Slot(object, list)
    def _on_intake_read(self, drafts: list[CaseDraft], messages: list[str]) -> None:
        """One case fills the form; several fill the batch table; nothing usable changes nothing."""
        self.statusBar().clearMessage()
        if len(drafts) == 1:
            self.diagnose_page.show_draft(drafts[0])
            self.tabs.setCurrentIndex(0)
        elif drafts:
            if self.batch_page.load(drafts, skipped=list(messages)):
                self.tabs.setCurrentIndex(1)
            else:
                messages.append(self.tr("A batch is running: stop it before loading other cases."))
        if messages:
            QMessageBox.information(self, self.windowTitle(), "\n".join(messages))
        self.intake_taken.emit(len(drafts))

    def save_cases(self, path: Path | None = None) -> Path | None:
        """The batch's cases (or the form's one) as the app's case file, to open again or hand on."""
        rows = self.batch_model.rows()
        if not rows and not self.form.ready:
            return None  # nothing to save, or a secret in a field: never written anywhere
        drafts = [row.draft for row in rows] if rows else [self.form.draft()]
        path = path or self.dialogs.cases_path()
        if path is None or not self._write(path, write_cases(drafts)):
            return None
        self.statusBar().showMessage(self.tr("Cases saved to {path}").replace("{path}", str(path)), 10_000)
        return path

    def export_report(self, path: Path | None = None) -> Path | None:
        """The report shown, as it is shown (a reopened one as it was kept)."""
        report = self.result.report
        if report is None:
            return None
        if path is None:
            entered = self.result.report_data.get("case", {}).get("tx_hash", "")
            path = self.dialogs.report_path(str(entered).strip().removeprefix("0x")[:12] or "report")
            if path is None:
                return None
        chosen = formats.by_suffix(path.suffix)
        if chosen is None:  # a name the registry does not know: a PDF, said by its suffix
            chosen = formats.FORMATS["pdf"]
            path = path.with_suffix(path.suffix + chosen.suffix)
        fmt = chosen.name
        if not self._write(path, report_bytes(report, self.result.report_json, fmt)):
            return None
        self.statusBar().showMessage(self.tr("Report written to {path}").replace("{path}", str(path)), 10_000)
        return path

    def _write(self, path: Path, data: str | bytes) -> bool:
        try:
            write_atomically(path, data)
        except DiagnosticsError as exc:
            QMessageBox.warning(self, self.windowTitle(), exc.user_message)
            return False
        return True

    # Batch ---------------------------------------------------------------------------------------------

    def run_batch(self) -> None:
        chosen = self.form.network.currentData()
        network = None if catalog.is_auto(chosen) else chosen
        self.batch_page.run(self.options(progress=False), network, self.form.direction())

    def show_batch_row(self, row: int) -> BatchRow:
        return self.batch_page.open_row(row)

    @Slot(object)
    def _on_batch_row_opened(self, row: BatchRow) -> None:
        """The row's case in the form and its result beside it, as if it had been diagnosed there."""
        self.diagnose_page.show_draft(row.draft)
        self.progress.clear_networks()  # the last run's networks are not this row's
        if row.diagnosis is not None:
            self.result.show_diagnosis(row.diagnosis)
        self.tabs.setCurrentIndex(0)

    def export_batch(self, folder: Path | None = None) -> list[Path]:
        return self.batch_page.export(folder)

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
            self.statusBar().showMessage(_MISSING_TRANSLATIONS)
        self.diagnose_page.set_language(language)
        self.batch_page.set_language(language)
        self.dialogs.language = self.drops.language = language
        self.result.set_language(language)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if self.watches.active and self.settings.keep_in_tray and self.tray.available and not self._quitting:
            QApplication.setQuitOnLastWindowClosed(False)
            self.hide()  # the watches go on; the tray's menu shows the window again or quits
            self.tray.say(self.tr("Still watching"), self.tr("Deposit Doctor keeps watching in the tray."), 10_000)
            event.ignore()
            return
        self.watches.stop_all()
        self.cancel()
        self.batch.stop()
        self.tray.hide()
        if self._owns_engine:
            self.engine.stop()
        super().closeEvent(event)

    def quit(self) -> None:
        """Quit from the tray: stop watching and close for good."""
        self._quitting = True
        self.close()
        QApplication.quit()
