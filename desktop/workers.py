"""The window's side of the engine process: jobs sent to it, and their answers as Qt signals.

Diagnoses, endpoint checks and file reading run in a child process (``engine_process.py`` says why: a busy
Python thread stalls the window). A reader thread waits on the pipe and hands each answer to the window's
thread through a queued signal; from there it reaches the job it belongs to, whose signals the widgets
connect to. The child starts with the window, in the background, and again if it ever dies.
"""

from __future__ import annotations

import collections
import itertools
import json
import multiprocessing
import queue
import threading
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from desktop.engine_process import Options, serve
from diagnostics.model import Case

_SPAWN = multiprocessing.get_context("spawn")  # never fork a process that runs Qt's threads
# A child that dies this often is not started again: something is wrong that restarting will not mend.
_MAX_DEATHS = 3
_DEATH_WINDOW_SECONDS = 60.0
# How long the window's thread hands on a batch's rows before it lets the event loop turn (goal: no stall
# over 50 ms, bench/ui_stall.py).
_DRAIN_SECONDS = 0.008


class WorkerSignals(QObject):
    network_asked = Signal(str)  # a network slug
    network_answered = Signal(object)  # NetworkFacts
    diagnosis_finished = Signal(object)  # Diagnosis
    diagnosis_failed = Signal(str, str)  # ("input", the reason in words) or ("internal", the bug's one line)
    diagnosis_cancelled = Signal()
    endpoint_checked = Signal(str, object)  # (network slug, Lookup[ChainHead])
    intake_read = Signal(object)  # Intake

    def __init__(self) -> None:
        super().__init__()
        self.row = -1  # which batch row the job is for, for the batch's slots to tell them apart


class Job:
    """One piece of work in the engine process; ``cancel`` asks it to stop (a diagnosis stops at once).

    Its ``signals`` object is made when first asked for: a batch of a thousand rows listens to the engine's
    own signals instead, and a thousand QObjects made at once would hold the window up.
    """

    def __init__(self, engine: EngineWorker, number: int) -> None:
        self.number = number
        self.description = ""  # a finished diagnosis's verdict, in the window's language
        self.report_json = ""  # and its whole report, as JSON (kept in the history as it came)
        self.report_data: dict[str, Any] | None = None  # that JSON parsed, once, on its way in
        self._engine = engine
        self._signals: WorkerSignals | None = None

    @property
    def signals(self) -> WorkerSignals:
        if self._signals is None:
            self._signals = WorkerSignals()
        return self._signals

    @property
    def listened(self) -> bool:
        return self._signals is not None

    def cancel(self) -> None:
        self._engine.cancel(self.number)


class EngineWorker(QObject):
    """The engine process and the jobs it runs for this window.

    Every job's end is also said by the engine's own signals, with the job's number.
    """

    _received = Signal(object)  # a message from the child, queued to the window's thread
    job_finished = Signal(int, object, str, str)  # (job, Diagnosis, verdict in words, the report's JSON)
    job_failed = Signal(int, str, str)  # (job, "input" | "internal", words)
    job_cancelled = Signal(int)
    # (batch job, row, Diagnosis or None, verdict in words or why not, the report's JSON or "")
    row_finished = Signal(int, int, object, str, str)
    batch_done = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._numbers = itertools.count(1)
        self._jobs: dict[int, Job] = {}
        # Messages leave through a thread of their own: a pipe whose reader is busy blocks its writer, and
        # the writer must never be the window.
        self._outbox: queue.SimpleQueue[tuple[Any, ...] | None] = queue.SimpleQueue()
        self._received.connect(self._on_received)
        self._batches: set[int] = set()  # batch jobs: their messages go through the backlog
        self._backlog: collections.deque[tuple[Any, ...]] = collections.deque()
        self._process: Any = None
        self._conn: Any = None
        self._stopping = False
        self._deaths: list[float] = []
        self._start()

    def _start(self) -> None:
        here, there = _SPAWN.Pipe()
        process = _SPAWN.Process(target=serve, args=(there,), name="deposit-doctor-engine", daemon=True)
        process.start()
        there.close()
        self._process, self._conn = process, here
        threading.Thread(target=self._read, args=(here,), name="engine-reader", daemon=True).start()
        outbox = self._outbox
        threading.Thread(target=self._write, args=(here, outbox), name="engine-writer", daemon=True).start()

    @staticmethod
    def _write(conn: Any, outbox: queue.SimpleQueue[tuple[Any, ...] | None]) -> None:
        while (message := outbox.get()) is not None:
            try:
                conn.send(message)
            except (OSError, ValueError):  # the child is gone: the reader says so, and a new one starts
                return

    def _read(self, conn: Any) -> None:
        while True:
            try:
                message = conn.recv()
            except (EOFError, OSError):
                self._received.emit(("gone", conn))
                return
            if message[0] == "finished":
                # The report is parsed here, once, off the window's thread: the view, the export and the
                # history take the parsed report or the text as it came, and never parse it again.
                message = (*message, json.loads(message[4]))
            self._received.emit(message)

    def _send(self, *message: Any) -> None:
        self._outbox.put(message)

    def diagnose(self, case: Case, options: Options) -> Job:
        return self._submit("diagnose", case, options)

    def run_batch(self, rows: list[tuple[int, Case]], options: Options) -> Job:
        """Every ``(row, case)`` through the batch runner in the child; each row's end comes as ``row_finished``."""
        job = self._submit("batch", rows, options)
        self._batches.add(job.number)
        return job

    def check_endpoint(self, slug: str, url: str, timeout: float, api_key: str | None) -> Job:
        return self._submit("check", slug, url, timeout, api_key)

    def read(self, paths: list[Path], text: str | None = None) -> Job:
        return self._submit("read", paths, text)

    @property
    def broken(self) -> bool:
        """The child died again and again: it is not started any more, and every job fails at once."""
        return len(self._deaths) >= _MAX_DEATHS

    def _death_words(self) -> str:
        if self.broken:
            return self.tr("the diagnosis process keeps stopping; close Deposit Doctor and start it again")
        return self.tr("the diagnosis process stopped unexpectedly")

    def _submit(self, kind: str, *payload: Any) -> Job:
        job = Job(self, next(self._numbers))
        self._jobs[job.number] = job
        if self.broken:  # said on the next turn of the event loop, once the caller has connected its slots
            QTimer.singleShot(0, lambda: self._on_received(("failed", job.number, "internal", self._death_words())))
        else:
            self._send(kind, job.number, *payload)
        return job

    def cancel(self, number: int) -> None:
        if number in self._jobs:
            self._send("cancel", number)

    @Slot(object)
    def _on_received(self, message: tuple[Any, ...]) -> None:
        kind = message[0]
        if kind == "gone":
            if message[1] is self._conn and not self._stopping:  # the child died: its jobs never answer
                self._outbox.put(None)
                self._outbox = queue.SimpleQueue()
                lost, self._jobs = list(self._jobs.values()), {}
                now = time.monotonic()
                self._deaths = [t for t in self._deaths if now - t < _DEATH_WINDOW_SECONDS] + [now]
                if len(self._deaths) < _MAX_DEATHS:
                    self._start()
                for gone in lost:
                    self._end(gone, "failed", "internal", self._death_words())
            return
        job = self._jobs.get(message[1])
        if job is None:
            return
        if job.number in self._batches:
            self._backlog.append(message)  # a batch's rows come in floods: handed on a few at a time
            if len(self._backlog) == 1:
                QTimer.singleShot(0, self._drain)
            return
        self._dispatch(job, message)

    def _drain(self) -> None:
        """A batch's messages, in order, for at most a few milliseconds per turn of the event loop: a runner that
        finishes a hundred rows at once must not hold the window's thread for all of them."""
        until = time.perf_counter() + _DRAIN_SECONDS
        while self._backlog and time.perf_counter() < until:
            message = self._backlog.popleft()
            job = self._jobs.get(message[1])
            if job is not None:
                self._dispatch(job, message)
        if self._backlog:
            QTimer.singleShot(0, self._drain)

    def _dispatch(self, job: Job, message: tuple[Any, ...]) -> None:
        kind = message[0]
        if kind == "row":
            self.row_finished.emit(job.number, *message[2:6])
            return
        if kind in ("asked", "answered"):
            if job.listened:
                signal = job.signals.network_asked if kind == "asked" else job.signals.network_answered
                signal.emit(message[2])
            return
        del self._jobs[job.number]  # everything below is a job's last word
        self._batches.discard(job.number)
        self._end(job, kind, *message[2:])

    def _end(self, job: Job, kind: str, *payload: Any) -> None:
        if kind == "finished":
            job.description, job.report_json, job.report_data = payload[1], payload[2], payload[3]
            self.job_finished.emit(job.number, payload[0], payload[1], payload[2])
        elif kind == "failed":
            self.job_failed.emit(job.number, payload[0], payload[1])
        elif kind == "cancelled":
            self.job_cancelled.emit(job.number)
        elif kind == "batch_done":
            self.batch_done.emit(job.number)
        if not job.listened:
            return
        signals = job.signals
        if kind == "finished":
            signals.diagnosis_finished.emit(payload[0])
        elif kind == "failed":
            signals.diagnosis_failed.emit(payload[0], payload[1])
        elif kind == "cancelled":
            signals.diagnosis_cancelled.emit()
        elif kind == "checked":
            signals.endpoint_checked.emit(payload[0], payload[1])
        elif kind == "read":
            signals.intake_read.emit(payload[0])

    def stop(self) -> None:
        """Ask the child to stop; it is a daemon, so it also ends with the window's process."""
        self._stopping = True
        self._outbox.put(("stop",))
        self._outbox.put(None)
        if self._process is not None:
            self._process.join(timeout=2)
            if self._process.is_alive():
                self._process.terminate()
