"""The history panel: every diagnosis kept, searchable by hash or address; reopen, re-run or delete.

A history that fails while the window runs (a disk filled up, a file damaged under it) is said in the panel,
and the rest of the window goes on; a session-only history (its file could not be used) says so too.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, SignalInstance
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.widgets.result_view import SEVERITY_ICONS
from diagnostics import catalog
from diagnostics.history import Entry, History, HistoryError

_REFRESH_MS = 250  # a batch keeps a diagnosis every few milliseconds: the list is redrawn at most this often
_SHOWN = 300  # the newest; a search reaches older ones


class HistoryWidget(QWidget):
    reopen_requested = Signal(int)  # an entry id
    rerun_requested = Signal(int)

    def __init__(self, history: History, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.history = history
        self.problem = QLabel()  # what is wrong with the history, when something is
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)
        self._error: HistoryError | None = None
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.entries = QListWidget()
        self.entries.setWordWrap(True)
        self.entries.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.reopen_button, self.rerun_button = QPushButton(), QPushButton()
        self.delete_button, self.clear_button = QPushButton(), QPushButton()
        buttons = QGridLayout()  # two by two: a side panel stays narrow, and the result gets the room
        for n, button in enumerate((self.reopen_button, self.rerun_button, self.delete_button, self.clear_button)):
            buttons.addWidget(button, n // 2, n % 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.problem)
        layout.addWidget(self.search)
        layout.addWidget(self.entries, 1)
        layout.addLayout(buttons)
        self._refresh_later = QTimer(self, singleShot=True, interval=_REFRESH_MS)
        self._refresh_later.timeout.connect(self.refresh)
        self.search.textChanged.connect(self.refresh)
        self.entries.itemActivated.connect(lambda item: self.reopen_requested.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.entries.currentItemChanged.connect(self._set_buttons)
        self.reopen_button.clicked.connect(lambda: self._emit(self.reopen_requested))
        self.rerun_button.clicked.connect(lambda: self._emit(self.rerun_requested))
        self.delete_button.clicked.connect(self.delete_selected)
        self.clear_button.clicked.connect(self.delete_all)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search by hash or address"))
        self.reopen_button.setText(self.tr("Reopen"))
        self.rerun_button.setText(self.tr("Run again"))
        self.delete_button.setText(self.tr("Delete"))
        self.clear_button.setText(self.tr("Delete all…"))
        self._show_problem()

    def _show_problem(self) -> None:
        if self._error is not None:
            text = self.tr("History problem: {reason}").replace("{reason}", self._error.user_message)
        elif self.history.session_only:
            text = self.tr("Kept only until you close Deposit Doctor: the history file cannot be used.")
        else:
            text = ""
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def _failed(self, error: HistoryError) -> None:
        """The history refused what was asked: said in the panel; the window carries on."""
        self._error = error
        self._show_problem()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def kept(self) -> None:
        """A diagnosis was just kept: show it soon (one redraw for many)."""
        if not self._refresh_later.isActive():
            self._refresh_later.start()

    def refresh(self) -> None:
        selected = self.selected()
        self.entries.clear()
        try:
            entries = self.history.entries(self.search.text(), limit=_SHOWN)
        except HistoryError as exc:
            self._failed(exc)
            entries = []
        for entry in entries:
            item = QListWidgetItem(self._line(entry))
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            item.setToolTip(f"{entry.tx_hash}\n{entry.address or ''}")
            item.setIcon(self.style().standardIcon(SEVERITY_ICONS.get(entry.severity, SEVERITY_ICONS["info"])))
            self.entries.addItem(item)
            if entry.id == selected:
                self.entries.setCurrentItem(item)
        self._set_buttons()

    @staticmethod
    def _line(entry: Entry) -> str:
        when = datetime.fromisoformat(entry.diagnosed_at).astimezone().strftime("%Y-%m-%d %H:%M")
        networks = catalog.networks()
        network = networks[entry.network].display_name if entry.network in networks else entry.network
        short = entry.tx_hash if len(entry.tx_hash) <= 16 else f"{entry.tx_hash[:10]}…{entry.tx_hash[-6:]}"
        return f"{when} · {network} · {short}\n{entry.verdict or entry.verdict_code}"

    def selected(self) -> int | None:
        item = self.entries.currentItem()
        return int(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def _set_buttons(self) -> None:
        chosen = self.selected() is not None
        for button in (self.reopen_button, self.rerun_button, self.delete_button):
            button.setEnabled(chosen)
        self.clear_button.setEnabled(self.entries.count() > 0)

    def _emit(self, signal: SignalInstance) -> None:
        entry = self.selected()
        if entry is not None:
            signal.emit(entry)

    def delete_selected(self) -> None:
        entry = self.selected()
        if entry is not None:
            try:
                self.history.delete(entry)
            except HistoryError as exc:
                self._failed(exc)
            self.refresh()

    def delete_all(self, *, confirmed: bool = False) -> None:
        if not confirmed:
            answer = QMessageBox.question(
                self, self.tr("Delete all"), self.tr("Delete every diagnosis kept on this computer?")
            )
            confirmed = answer == QMessageBox.StandardButton.Yes
        if confirmed:
            try:
                self.history.clear()
            except HistoryError as exc:
                self._failed(exc)
            self.refresh()
