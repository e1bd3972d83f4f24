"""The transactions being watched: where each stands, and a way to stop watching it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from desktop.watch import Watch, WatchList
from diagnostics import catalog


class WatchWidget(QWidget):
    def __init__(self, watches: WatchList, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.watches = watches
        self.list = QListWidget()
        self.stop_button = QPushButton()
        self.stop_button.clicked.connect(self.stop_selected)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.stop_button)
        watches.watch_updated.connect(self.refresh)
        watches.notified.connect(self.refresh)
        self.retranslate()

    def retranslate(self) -> None:
        self.stop_button.setText(self.tr("Stop watching"))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self, *_: object) -> None:
        self.list.clear()
        for watch in self.watches.watches():
            item = QListWidgetItem(self.line(watch))
            item.setData(Qt.ItemDataRole.UserRole, watch.number)
            self.list.addItem(item)
        self.stop_button.setEnabled(self.list.count() > 0)

    def line(self, watch: Watch) -> str:
        case = watch.diagnosis.case
        networks = catalog.networks()
        name = networks[case.network].display_name if case.network in networks else case.network
        tx = case.tx_hash.strip()
        short = tx if len(tx) <= 16 else f"{tx[:10]}…{tx[-6:]}"
        counts = watch.confirmations
        where = (
            self.tr("{n} of {required} confirmations")
            .replace("{n}", str(counts[0]))
            .replace("{required}", str(counts[1]))
            if counts
            else watch.description or self.tr("waiting for the first answer")
        )
        every = self.tr("every {seconds} s").replace("{seconds}", f"{watch.interval:g}")
        return f"{name} · {short}\n{where} · {every}"

    def stop_selected(self) -> None:
        item = self.list.currentItem() or self.list.item(0)
        if item is None:
            return
        number = int(item.data(Qt.ItemDataRole.UserRole))
        for watch in self.watches.watches():
            if watch.number == number:
                self.watches.stop(watch)
        self.refresh()
