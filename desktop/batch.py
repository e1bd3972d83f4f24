"""Running a batch of cases with bounded concurrency, stopping it, and exporting every report to a folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot

from desktop.export import report_bytes
from desktop.models.batch_model import BatchModel, RowStatus
from desktop.workers import AdapterFactory, DiagnosisWorker, WorkerSignals
from diagnostics.cli import write_atomically
from diagnostics.model import Diagnosis, Direction

DEFAULT_CONCURRENCY = 8  # side-by-side diagnoses: enough to hide latency, few enough for public nodes


class BatchRunner(QObject):
    progressed = Signal(int, int)  # (finished, total)
    batch_finished = Signal()

    def __init__(
        self,
        model: BatchModel,
        headline: Callable[[Diagnosis], str],
        concurrency: int = DEFAULT_CONCURRENCY,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._model = model
        self._headline = headline
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(concurrency)
        self._workers: dict[int, DiagnosisWorker] = {}
        self._total = 0
        self._finished = 0
        self.network: str | None = None  # for rows whose file named none: the window's choice
        self.direction = Direction.DEPOSIT
        self.confirmations: dict[str, int] = {}

    @property
    def running(self) -> bool:
        return bool(self._workers)

    def start(self, adapters: AdapterFactory) -> None:
        """Run every row not yet done; rows already diagnosed keep their result."""
        todo = [n for n, row in enumerate(self._model.rows()) if row.status is not RowStatus.DONE]
        self._total, self._finished = len(todo), 0
        for number in todo:
            case = self._model.row(number).draft.to_case(self.network, self.direction)
            worker = DiagnosisWorker(case, adapters, confirmations=self.confirmations)
            worker.signals.row = number
            # Slots of this QObject, not lambdas: a lambda has no thread of its own, so PySide would run it on
            # the worker's thread, touching the model from there. These run on the window's thread.
            worker.signals.diagnosis_finished.connect(self._on_finished)
            worker.signals.diagnosis_failed.connect(self._on_failed)
            worker.signals.diagnosis_cancelled.connect(self._on_cancelled)
            self._workers[number] = worker
            self._model.update(number, status=RowStatus.RUNNING, verdict="")
            self._pool.start(worker)
        if not todo:
            self.batch_finished.emit()

    def stop(self) -> None:
        """Cancel what runs, drop what waits: every row not finished is marked stopped."""
        for number, worker in list(self._workers.items()):
            worker.cancel()
            if self._pool.tryTake(worker):  # never started: it will not report, so report for it
                self._on_stopped(number)

    def _done(self, number: int) -> None:
        self._workers.pop(number, None)
        self._finished += 1
        self.progressed.emit(self._finished, self._total)
        if not self._workers:
            self.batch_finished.emit()

    def _row(self) -> int:
        sender = self.sender()
        return sender.row if isinstance(sender, WorkerSignals) else -1

    @Slot(object)
    def _on_finished(self, diagnosis: Diagnosis) -> None:
        number = self._row()
        self._model.update(number, status=RowStatus.DONE, diagnosis=diagnosis, verdict=self._headline(diagnosis))
        self._done(number)

    @Slot(str, str)
    def _on_failed(self, _kind: str, text: str) -> None:
        number = self._row()
        self._model.update(number, status=RowStatus.FAILED, verdict=text)
        self._done(number)

    @Slot()
    def _on_cancelled(self) -> None:
        self._on_stopped(self._row())

    def _on_stopped(self, number: int) -> None:
        if number in self._workers:
            self._model.update(number, status=RowStatus.STOPPED)
            self._done(number)

    def wait(self, msecs: int = -1) -> bool:
        return self._pool.waitForDone(msecs)


def export_all(model: BatchModel, folder: Path, fmt: str, language: str) -> list[Path]:
    """Every finished row's report, one file each, named by its row and hash so none overwrites another."""
    written = []
    for number, row in enumerate(model.rows(), start=1):
        if row.diagnosis is None:
            continue
        stem = f"{number:04d}-{(row.draft.tx_hash.strip().removeprefix('0x') or 'no-hash')[:12]}"
        target = folder / f"{stem}.{'txt' if fmt == 'text' else 'md' if fmt == 'markdown' else fmt}"
        write_atomically(target, report_bytes(row.diagnosis, fmt, language))
        written.append(target)
    return written
