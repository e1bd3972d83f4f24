"""Watching a transaction until it is credited: asked again at the pace of its network's blocks, until the
required confirmations are reached or its state turns for the worse (failed, dropped, replaced)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from desktop.engine_process import Options
from desktop.workers import EngineWorker, Job
from diagnostics import catalog
from diagnostics.checks.codes import codes_with
from diagnostics.model import Diagnosis
from diagnostics.report.transaction import summarize

# What is worth watching (on its way, or stuck on the way), what ends a watch well, and the states a watched
# transaction can fall into and never leave (said at once, and the watch ends): the code table's.
WATCHABLE = codes_with("wait")
(ARRIVED,) = codes_with("arrived")
LOST = codes_with("lost")
MIN_INTERVAL_SECONDS = 3.0  # a fast chain (BNB Smart Chain: 0.45 s blocks) is not asked several times a second


def interval_for(diagnosis: Diagnosis) -> float:
    """One of the network's block times, at least ``MIN_INTERVAL_SECONDS``: a new block is a new answer."""
    located = diagnosis.facts.located
    slug = located.network if located else diagnosis.case.network
    profile = catalog.networks().get(slug)
    return max(MIN_INTERVAL_SECONDS, profile.block_time_seconds if profile else MIN_INTERVAL_SECONDS)


@dataclass
class Watch:
    number: int
    diagnosis: Diagnosis  # the latest answer
    interval: float
    description: str = ""
    report_json: str = ""
    ended: str = ""  # why it stopped: "arrived", "lost", "stopped"
    job: Job | None = field(default=None, repr=False)
    timer: QTimer | None = field(default=None, repr=False)

    @property
    def confirmations(self) -> tuple[int, int] | None:
        summary = summarize(self.diagnosis)
        if summary is None or summary.confirmations is None or summary.required is None:
            return None
        return summary.confirmations, summary.required


class WatchList(QObject):
    watch_updated = Signal(object)  # Watch: asked again
    notified = Signal(object)  # Watch: arrived or lost, said once; the watch has ended

    def __init__(self, engine: EngineWorker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._watches: dict[int, Watch] = {}
        self._numbers = 0
        self.options = Options()  # the window keeps this current with its settings

    def asked(self, job: int) -> bool:
        """Whether ``job`` is one of the watches' re-checks (the history keeps only how a watch ended)."""
        return any(w.job is not None and w.job.number == job for w in self._watches.values())

    def watches(self) -> list[Watch]:
        return list(self._watches.values())

    @property
    def active(self) -> bool:
        return bool(self._watches)

    def watch(self, diagnosis: Diagnosis, interval: float | None = None) -> Watch:
        """Ask again every ``interval`` seconds (the network's pace by default), on the network it is on."""
        self._numbers += 1
        located = diagnosis.facts.located
        case = replace(diagnosis.case, network=located.network) if located else diagnosis.case
        watch = Watch(self._numbers, replace(diagnosis, case=case), interval or interval_for(diagnosis))
        timer = QTimer(self)
        timer.setInterval(int(watch.interval * 1000))
        timer.timeout.connect(lambda number=watch.number: self._ask(number))
        watch.timer = timer
        self._watches[watch.number] = watch
        timer.start()
        return watch

    def stop(self, watch: Watch, why: str = "stopped") -> None:
        watch.ended = why
        if watch.timer is not None:
            watch.timer.stop()
        if watch.job is not None:
            watch.job.cancel()
        self._watches.pop(watch.number, None)

    def stop_all(self) -> None:
        for watch in self.watches():
            self.stop(watch)

    def _ask(self, number: int) -> None:
        watch = self._watches.get(number)
        if watch is None or watch.job is not None:
            return  # the last question is still out: no pile-up behind a slow node
        quiet = replace(self.options, progress=False, search_others=False)
        job = self._engine.diagnose(watch.diagnosis.case, quiet)
        job.signals.row = number
        job.signals.diagnosis_finished.connect(self._on_finished)
        job.signals.diagnosis_failed.connect(self._on_ended)
        job.signals.diagnosis_cancelled.connect(self._on_ended)
        watch.job = job

    def _watch_of(self, sender: Any) -> Watch | None:
        number = getattr(sender, "row", -1)
        return self._watches.get(number)

    @Slot(object)
    def _on_finished(self, diagnosis: Diagnosis) -> None:
        watch = self._watch_of(self.sender())
        if watch is None:
            return
        job, watch.job = watch.job, None
        watch.diagnosis = diagnosis
        watch.description, watch.report_json = (job.description, job.report_json) if job else ("", "")
        code = diagnosis.verdict.code
        if code == ARRIVED or code in LOST:
            self.stop(watch, "arrived" if code == ARRIVED else "lost")
            self.watch_updated.emit(watch)
            self.notified.emit(watch)
            return
        self.watch_updated.emit(watch)

    @Slot()
    def _on_ended(self, *_: object) -> None:
        watch = self._watch_of(self.sender())
        if watch is not None:
            watch.job = None  # a node could not answer this time: the next tick asks again
