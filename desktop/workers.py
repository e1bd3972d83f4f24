"""Diagnoses run off the window's thread (DESIGN rule 6): each in a QRunnable, reporting by signals.

The signals object is created on the window's thread, so what a worker emits from its own thread is
queued to the window: slots never run on a worker thread and never touch widgets from one.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Signal

from diagnostics import catalog
from diagnostics.chains.adapter import ChainAdapter
from diagnostics.engine import ProbeEvent, diagnose
from diagnostics.errors import CancelledError, DiagnosticsError
from diagnostics.intake.draft import Intake, IntakeProblem
from diagnostics.intake.dropped import MAX_BYTES, read_dropped
from diagnostics.model import Case, Network

AdapterFactory = Callable[[], Mapping[str, ChainAdapter]]


class WorkerSignals(QObject):
    network_asked = Signal(str)  # a network slug
    network_answered = Signal(object)  # NetworkFacts
    diagnosis_finished = Signal(object)  # Diagnosis
    diagnosis_failed = Signal(str, str)  # ("input", the reason in words) or ("internal", the bug's one line)
    diagnosis_cancelled = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.row = -1  # which batch row the worker diagnoses, for the batch's slots to tell them apart


class DiagnosisWorker(QRunnable):
    def __init__(
        self,
        case: Case,
        adapters: AdapterFactory,
        search: Iterable[str] | None = None,
        confirmations: Mapping[str, int] | None = None,
    ) -> None:
        super().__init__()
        self.case = case
        self.signals = WorkerSignals()
        self._adapters = adapters
        self._search = search
        self._confirmations = confirmations
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def _progress(self, event: ProbeEvent) -> None:
        if event.facts is None:
            self.signals.network_asked.emit(event.network)
        else:
            self.signals.network_answered.emit(event.facts)

    def run(self) -> None:
        try:
            diagnosis = diagnose(
                self.case,
                adapters=self._adapters(),
                search=self._search,
                progress=self._progress,
                cancel=self._cancel,
                confirmations=self._confirmations,
            )
        except CancelledError:
            self.signals.diagnosis_cancelled.emit()
        except DiagnosticsError as exc:
            self.signals.diagnosis_failed.emit("input", exc.user_message)
        except Exception as exc:  # a bug must reach the window as words, not kill a pool thread silently
            detail = traceback.format_exception_only(exc)[-1].strip()
            self.signals.diagnosis_failed.emit("internal", detail)
        else:
            if self._cancel.is_set():
                self.signals.diagnosis_cancelled.emit()
            else:
                self.signals.diagnosis_finished.emit(diagnosis)


class IntakeSignals(QObject):
    intake_read = Signal(object)  # Intake: every file's cases and problems together


class IntakeWorker(QRunnable):
    """Reads dropped files (or text) and parses them with the pure intake functions, off the window's thread."""

    def __init__(self, paths: list[Path], text: str | None = None) -> None:
        super().__init__()
        self.signals = IntakeSignals()
        self._paths = paths
        self._text = text

    @classmethod
    def from_text(cls, text: str) -> IntakeWorker:
        return cls([], text)

    def run(self) -> None:
        networks, words = tuple(catalog.networks().values()), catalog.bip39_words()
        parts = (
            [read_dropped("text.txt", self._text.encode("utf-8"), networks, words)] if self._text is not None else []
        )
        parts += [read_file(path, networks, words) for path in self._paths]
        self.signals.intake_read.emit(
            Intake(
                drafts=tuple(d for part in parts for d in part.drafts),
                problems=tuple(p for part in parts for p in part.problems),
                refused=next((part.refused for part in parts if part.refused), None),
            )
        )


def read_file(path: Path, networks: tuple[Network, ...], words: frozenset[str]) -> Intake:
    """One file's cases: its size is checked before it is read, so a huge file is never loaded."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return Intake(problems=(IntakeProblem("too_large", (("size", str(size)), ("limit", str(MAX_BYTES)))),))
        data = path.read_bytes()
    except OSError as exc:
        return Intake(
            problems=(IntakeProblem("unreadable", (("name", path.name), ("reason", exc.strerror or str(exc)))),)
        )
    return read_dropped(path.name, data, networks, words)
