"""The History dock: every diagnosis the window asked for is kept; a kept one reopens as it was, or runs again."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Signal, Slot
from PySide6.QtWidgets import QDockWidget, QWidget

from desktop.widgets.history_view import HistoryWidget
from desktop.workers import EngineWorker
from diagnostics import catalog
from diagnostics.history import History, HistoryError
from diagnostics.intake.draft import CaseDraft
from diagnostics.model import Diagnosis
from diagnostics.report.json import dumps, report_from_dict


class HistoryPanel(QDockWidget):
    report_reopened = Signal(object, str, object)  # (Report, its JSON, that JSON parsed): as it was kept
    rerun_requested = Signal(object)  # CaseDraft (network None: Auto-detect, as it was asked)
    case_reopened = Signal(object)  # CaseDraft: the reopened report's case, for the form beside it
    problem_said = Signal(str)  # a history that failed under the window: said, and the window goes on

    def __init__(
        self,
        history: History,
        engine: EngineWorker,
        is_watch_job: Callable[[int], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("history")
        self.history = history
        self.view = HistoryWidget(history)
        self.setWidget(self.view)
        self._is_watch_job = is_watch_job
        self.view.reopen_requested.connect(self.reopen)
        self.view.rerun_requested.connect(self.rerun)
        engine.job_finished.connect(self._keep)
        engine.row_finished.connect(self._keep_row)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("History"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @Slot(int, object, str, str)
    def _keep(self, job: int, diagnosis: Diagnosis, verdict: str, report_json: str) -> None:
        """Every diagnosis this window asked for is kept, committed on its own; a watch's re-checks are not,
        only how the watch ended."""
        if not self._is_watch_job(job):
            self.keep(diagnosis, verdict, report_json)

    @Slot(int, int, object, str, str)
    def _keep_row(self, _job: int, _row: int, diagnosis: Diagnosis | None, verdict: str, report_json: str) -> None:
        """A batch's rows are kept as they end, like any diagnosis."""
        if diagnosis is not None:
            self.keep(diagnosis, verdict, report_json)

    def keep(self, diagnosis: Diagnosis, verdict: str, report_json: str) -> None:
        try:
            self.history.add(diagnosis, report_json, verdict)
        except HistoryError as exc:
            self.problem_said.emit(exc.user_message)
            return
        self.view.kept()

    def reopen(self, entry: int) -> None:
        """A kept report, as it was: the chain may have moved on since, so it is not asked again. Its case
        goes to the form first, so the form beside the report is never another case's."""
        try:
            data = self.history.report(entry)
            draft = self._draft(entry)
        except HistoryError as exc:
            self.problem_said.emit(exc.user_message)
            return
        self.case_reopened.emit(draft)
        self.report_reopened.emit(report_from_dict(data), dumps(data), data)

    def rerun(self, entry: int) -> CaseDraft | None:
        try:
            draft = self._draft(entry)
        except HistoryError as exc:
            self.problem_said.emit(exc.user_message)
            return None
        self.rerun_requested.emit(draft)
        return draft

    def _draft(self, entry: int) -> CaseDraft:
        """The kept case as the form takes it (network None: Auto-detect, as it was asked)."""
        case = self.history.case(entry)
        return CaseDraft(
            case.tx_hash,
            case.address,
            None if catalog.is_auto(case.network) else case.network,
            case.token,
            case.amount,
            case.direction,
            memo=case.memo,
        )
