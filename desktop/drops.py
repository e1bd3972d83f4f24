"""Files and text coming in: dragged onto the window, dropped, or chosen with File ▸ Open.

Reading is never done on the window's thread: a 5 MiB export takes a second to parse and guard, so the
engine process reads it and answers with an ``Intake`` (drafts, problems, whether a secret was refused).
What is said about its problems is the core's (diagnostics.report.intake), the batch command's sentences in
the window's language.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from desktop.workers import EngineWorker, Job
from diagnostics.intake.draft import Intake
from diagnostics.report.intake import problem_text, secret_text


class DropReader(QObject):
    """Turns what comes in into drafts and the words to say about it; the window decides where drafts go."""

    read_started = Signal()
    intake_read = Signal(object, list)  # (drafts: list[CaseDraft], messages: list[str])
    read_failed = Signal(str)  # why, in the window's language

    def __init__(self, engine: EngineWorker, language: str = "en", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self.language = language  # the window's: set again on a switch

    @staticmethod
    def accept_drag(event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if mime.hasUrls() or mime.hasText():
            event.acceptProposedAction()

    def drop(self, event: QDropEvent) -> Job | None:
        mime = event.mimeData()
        files = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
        event.acceptProposedAction()
        if files:
            return self.open_files(files)
        if mime.hasText():
            return self.take_text(mime.text())
        return None

    def take_text(self, text: str) -> Job:
        return self._read_elsewhere(self._engine.read([], text))

    def open_files(self, paths: list[Path]) -> Job:
        return self._read_elsewhere(self._engine.read(paths))

    def _read_elsewhere(self, job: Job) -> Job:
        job.signals.intake_read.connect(self._on_intake_read)
        job.signals.diagnosis_failed.connect(self._on_read_failed)
        self.read_started.emit()
        return job

    @Slot(str, str)
    def _on_read_failed(self, _kind: str, text: str) -> None:
        self.read_failed.emit(self.tr("The files could not be read: {reason}").replace("{reason}", text))

    @Slot(object)
    def _on_intake_read(self, intake: Intake) -> None:
        said = [secret_text(self.language)] if intake.refused else []
        said += [problem_text(p, self.language) for p in intake.problems]
        self.intake_read.emit(list(intake.drafts), said)
