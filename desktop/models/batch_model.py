"""The batch table: one row per case a support agent dropped in, with its status and verdict."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from diagnostics import catalog
from diagnostics.intake.draft import CaseDraft
from diagnostics.model import Diagnosis

_Index = QModelIndex | QPersistentModelIndex


class RowStatus(StrEnum):
    WAITING = "waiting"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    STOPPED = "stopped"


@dataclass(frozen=True)
class BatchRow:
    draft: CaseDraft
    status: RowStatus = RowStatus.WAITING
    diagnosis: Diagnosis | None = None
    verdict: str = ""  # the verdict's sentence in the window's language, or why it failed


class BatchModel(QAbstractTableModel):
    COLUMNS = ("source", "network", "tx_hash", "address", "token", "amount", "status", "verdict")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[BatchRow] = []
        self._headers = dict.fromkeys(self.COLUMNS, "")
        self._statuses = {s: s.value for s in RowStatus}
        self._auto = "auto"
        self._sources: dict[str, str] = {}

    def set_labels(
        self, headers: dict[str, str], statuses: dict[RowStatus, str], auto: str, sources: dict[str, str]
    ) -> None:
        """The words the table shows, in the window's language (it owns the translations). ``sources`` are
        templates for where a case was found: {"row": "row {n}", "line": …, "case": …}."""
        self._headers, self._statuses, self._auto, self._sources = headers, statuses, auto, sources
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.COLUMNS) - 1))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in ("tx_hash", "address", "verdict"):
            return self._display(row, column)
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None

    def _display(self, row: BatchRow, column: str) -> str:
        draft = row.draft
        networks = catalog.networks()
        values = {
            "source": self._source(draft.source),
            "network": networks[draft.network].display_name if draft.network in networks else self._auto,
            "tx_hash": draft.tx_hash,
            "address": draft.address or "",
            "token": draft.token or "",
            "amount": f"{draft.amount:f}" if draft.amount is not None else "",
            "status": self._statuses[row.status],
            "verdict": row.verdict,
        }
        return values[column]

    def _source(self, source: str) -> str:
        """ "row 12" in the window's words (the intake writes it in English)."""
        kind, _, number = source.partition(" ")
        template = self._sources.get(kind)
        return template.replace("{n}", number) if template and number.isdigit() else source

    def counts(self) -> dict[RowStatus, int]:
        """How many rows are in each state: what the batch's status line says."""
        counted = dict.fromkeys(RowStatus, 0)
        for row in self._rows:
            counted[row.status] += 1
        return counted

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS):
            return self._headers[self.COLUMNS[section]]
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def set_drafts(self, drafts: list[CaseDraft]) -> None:
        self.beginResetModel()
        self._rows = [BatchRow(d) for d in drafts]
        self.endResetModel()

    def rows(self) -> list[BatchRow]:
        return list(self._rows)

    def row(self, number: int) -> BatchRow:
        return self._rows[number]

    def set_status(self, numbers: list[int], status: RowStatus) -> None:
        """Many rows at once, with one change signal: a 1,000-row batch starts without a thousand repaints."""
        for number in numbers:
            self._rows[number] = replace(self._rows[number], status=status, verdict="")
        if numbers:
            self.dataChanged.emit(self.index(min(numbers), 0), self.index(max(numbers), len(self.COLUMNS) - 1))

    def update(self, number: int, **changes: Any) -> None:
        self._rows[number] = replace(self._rows[number], **changes)
        self.dataChanged.emit(self.index(number, 0), self.index(number, len(self.COLUMNS) - 1))
