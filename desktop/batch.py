"""Running a batch of cases with bounded concurrency, stopping it, and exporting every report to a folder."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, Signal, Slot

from desktop.engine_process import Options
from desktop.models.batch_model import BatchModel, RowStatus
from desktop.workers import EngineWorker, Job
from diagnostics.model import Diagnosis, Direction


class BatchWorker(QObject):
    """Sends every row to the engine process (which runs them side by side, ``engine_process.CONCURRENCY``
    at a time) and writes each answer into the table as it comes."""

    progressed = Signal(int, int)  # (finished, total)
    batch_finished = Signal()

    def __init__(self, model: BatchModel, engine: EngineWorker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._engine = engine
        self._rows: dict[int, int] = {}  # job number -> row
        self._jobs: list[Job] = []
        self._total = 0
        self._finished = 0
        self.network: str | None = None  # for rows whose file named none: the window's choice
        self.direction = Direction.DEPOSIT
        engine.job_finished.connect(self._on_finished)
        engine.job_failed.connect(self._on_failed)
        engine.job_cancelled.connect(self._on_cancelled)

    @property
    def running(self) -> bool:
        return bool(self._rows)

    def start(self, options: Options) -> None:
        """Run every row not yet done; rows already diagnosed keep their result."""
        todo = [n for n, row in enumerate(self._model.rows()) if row.status is not RowStatus.DONE]
        self._total, self._finished = len(todo), 0
        self._model.set_status(todo, RowStatus.RUNNING)
        quiet = replace(options, progress=False, lane="batch")  # no per-network progress; its own lane
        self._jobs = []
        for number in todo:
            job = self._engine.diagnose(self._model.row(number).draft.to_case(self.network, self.direction), quiet)
            self._rows[job.number] = number
            self._jobs.append(job)
        if not todo:
            self.batch_finished.emit()

    def stop(self) -> None:
        """Cancel every row not finished: each answers "cancelled" and is marked stopped."""
        for job in self._jobs:
            if job.number in self._rows:
                job.cancel()

    def _done(self, job: int) -> None:
        del self._rows[job]
        self._finished += 1
        self.progressed.emit(self._finished, self._total)
        if not self._rows:
            self._jobs = []
            self.batch_finished.emit()

    @Slot(int, object, str, str)
    def _on_finished(self, job: int, diagnosis: Diagnosis, verdict: str, _report_json: str) -> None:
        if job in self._rows:
            self._model.update(self._rows[job], status=RowStatus.DONE, diagnosis=diagnosis, verdict=verdict)
            self._done(job)

    @Slot(int, str, str)
    def _on_failed(self, job: int, _kind: str, text: str) -> None:
        if job in self._rows:
            self._model.update(self._rows[job], status=RowStatus.FAILED, verdict=text)
            self._done(job)

    @Slot(int)
    def _on_cancelled(self, job: int) -> None:
        if job in self._rows:
            self._model.update(self._rows[job], status=RowStatus.STOPPED)
            self._done(job)
