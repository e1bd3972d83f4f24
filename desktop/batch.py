"""Running a batch of cases in the window: the rows go to the engine process's batch runner — the same runner
``deposit-doctor batch`` uses (``diagnostics.batch.runner``): shared connections, shared reads, polite limits —
and each row's answer is written into the table as it comes."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot

from desktop.engine_process import Options
from desktop.models.batch_model import BatchModel, RowStatus
from desktop.workers import EngineWorker, Job
from diagnostics.model import Diagnosis, Direction


class BatchWorker(QObject):
    progressed = Signal(int, int)  # (finished, total)
    batch_finished = Signal()

    def __init__(self, model: BatchModel, engine: EngineWorker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._engine = engine
        self._job: Job | None = None
        self._waiting: set[int] = set()  # rows sent and not yet answered
        self._total = 0
        self._finished = 0
        self.network: str | None = None  # for rows whose file named none: the window's choice
        self.direction = Direction.DEPOSIT
        engine.row_finished.connect(self._on_row)
        engine.batch_done.connect(self._on_end)
        engine.job_failed.connect(self._on_failed)
        engine.job_cancelled.connect(self._on_end)

    @property
    def running(self) -> bool:
        return self._job is not None

    def start(self, options: Options) -> None:
        """Run every row not yet done; rows already diagnosed keep their result."""
        todo = [n for n, row in enumerate(self._model.rows()) if row.status is not RowStatus.DONE]
        self._total, self._finished = len(todo), 0
        if not todo:
            self.batch_finished.emit()
            return
        self._model.set_status(todo, RowStatus.RUNNING)
        self._waiting = set(todo)
        rows = [(n, self._model.row(n).draft.to_case(self.network, self.direction)) for n in todo]
        self._job = self._engine.run_batch(rows, options)

    def stop(self) -> None:
        """Stop the batch: rows not finished are marked stopped, finished ones keep their result."""
        if self._job is not None:
            self._job.cancel()

    def _mine(self, job: int) -> bool:
        return self._job is not None and self._job.number == job

    @Slot(int, int, object, str, str)
    def _on_row(self, job: int, row: int, diagnosis: Diagnosis | None, words: str, _report_json: str) -> None:
        if not self._mine(job) or row not in self._waiting:
            return
        self._waiting.discard(row)
        if diagnosis is None:
            self._model.update(row, status=RowStatus.FAILED, verdict=words)
        else:
            self._model.update(row, status=RowStatus.DONE, diagnosis=diagnosis, verdict=words)
        self._finished += 1
        self.progressed.emit(self._finished, self._total)

    @Slot(int, str, str)
    def _on_failed(self, job: int, _kind: str, text: str) -> None:
        if self._mine(job):  # the batch itself could not run (the engine process died): its rows say why
            for row in sorted(self._waiting):
                self._model.update(row, status=RowStatus.FAILED, verdict=text)
            self._end()

    @Slot(int)
    def _on_end(self, job: int) -> None:
        if self._mine(job):
            self._model.set_status(sorted(self._waiting), RowStatus.STOPPED)
            self._end()

    def _end(self) -> None:
        self._waiting = set()
        self._job = None
        self.batch_finished.emit()
