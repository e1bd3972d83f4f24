"""The Watching dock: transactions asked again until credited (or lost), and what is said when one ends."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal, Slot
from PySide6.QtWidgets import QDockWidget, QWidget

from desktop.engine_process import Options
from desktop.watch import Watch, WatchList
from desktop.widgets.watch_view import WatchWidget
from desktop.workers import EngineWorker
from diagnostics.model import Diagnosis


class WatchPanel(QDockWidget):
    ended = Signal(object, str, str)  # (Watch, title, message): said once, where the user will see it

    def __init__(self, engine: EngineWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("watching")
        self.watches = WatchList(engine, self)
        self.view = WatchWidget(self.watches)
        self.setWidget(self.view)
        self.watches.notified.connect(self._on_notified)
        self.retranslate()
        self.hide()  # shown once something is watched

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Watching"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def watch(self, diagnosis: Diagnosis, options: Options, interval: float | None = None) -> Watch:
        self.watches.options = options
        watch = self.watches.watch(diagnosis, interval)
        self.show()
        self.view.refresh()
        return watch

    @Slot(object)
    def _on_notified(self, watch: Watch) -> None:
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
        self.ended.emit(watch, title, f"{tx[:10]}…{tx[-6:]}: {watch.description}")
