"""The batch table: one row per case a support agent dropped in, with its verdict first, coloured by severity.

A support agent sorts a morning's tickets by what happened to each, so the verdict comes right after the
row's number; its words are said again from each row's ``Diagnosis`` in the window's language (only for
the rows on screen: a thousand rows switch language without a thousand reports being built).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import IntEnum, StrEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor

from diagnostics import catalog
from diagnostics.intake.draft import CaseDraft
from diagnostics.model import Diagnosis, Severity
from diagnostics.report.content import verdict_headline

_Index = QModelIndex | QPersistentModelIndex


class RowStatus(StrEnum):
    WAITING = "waiting"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    STOPPED = "stopped"


class Role(IntEnum):
    ROW = Qt.ItemDataRole.UserRole  # the BatchRow
    SORT = Qt.ItemDataRole.UserRole + 1  # what a click on the header sorts by
    VERDICT_CODE = Qt.ItemDataRole.UserRole + 2  # what the verdict filter matches ("" for no verdict)


# Tints laid over the view's own base colour, half transparent: on a light theme they read as pastel, on a
# dark one as a muted shade, and the theme's text colour stays readable on both.
SEVERITY_TINTS = {
    Severity.INFO: QColor(46, 160, 67, 70),
    Severity.WARNING: QColor(230, 160, 20, 80),
    Severity.PROBLEM: QColor(230, 90, 30, 85),
    Severity.CRITICAL: QColor(210, 30, 50, 110),
}
# The same severity said without colour (for the colour-blind, a grey-scale print, a screen reader): a mark
# before the verdict, and the severity's word in its tooltip.
SEVERITY_MARKS = {Severity.INFO: "✓", Severity.WARNING: "⚠", Severity.PROBLEM: "✗", Severity.CRITICAL: "‼"}


@dataclass(frozen=True)
class BatchRow:
    draft: CaseDraft
    status: RowStatus = RowStatus.WAITING
    diagnosis: Diagnosis | None = None
    verdict: str = ""  # the verdict's sentence in the window's language, or why it failed


class BatchModel(QAbstractTableModel):
    COLUMNS = ("source", "verdict", "status", "network", "tx_hash", "address", "token", "amount")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[BatchRow] = []
        self._headers = dict.fromkeys(self.COLUMNS, "")
        self._statuses = {s: s.value for s in RowStatus}
        self._severities = {s: s.value for s in Severity}
        self._auto = "auto"
        self._sources: dict[str, str] = {}
        self.language = "en"
        self._headlines: dict[int, str] = {}  # row -> its verdict in ``language``, said once it was shown

    def set_labels(
        self,
        headers: dict[str, str],
        statuses: dict[RowStatus, str],
        auto: str,
        sources: dict[str, str],
        severities: dict[Severity, str] | None = None,
    ) -> None:
        """The words the table shows, in the window's language (it owns the translations). ``sources`` are
        templates for where a case was found: {"row": "row {n}", "line": …, "case": …}."""
        self._headers, self._statuses, self._auto, self._sources = headers, statuses, auto, sources
        self._severities = severities or self._severities
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        self._all_changed()

    def set_language(self, language: str) -> None:
        """The verdicts in ``language``: said again from each row's diagnosis as the rows are shown."""
        if language != self.language:
            self.language = language
            self._headlines.clear()
            self._all_changed()

    def _all_changed(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.COLUMNS) - 1))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        number, column = index.row(), self.COLUMNS[index.column()]
        row = self._rows[number]
        severity = row.diagnosis.verdict.severity if row.diagnosis is not None else None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "verdict" and severity is not None:
                return f"{SEVERITY_MARKS[severity]} {self.verdict_text(number)}"
            return self._display(number, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            return SEVERITY_TINTS[severity] if severity is not None else None
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole) and column == "verdict":
            said = self._display(number, column)
            return f"{self._severities[severity]}: {said}" if severity is not None and said else said
        if role == Qt.ItemDataRole.ToolTipRole and column in ("tx_hash", "address"):
            return self._display(number, column)
        if role == Role.ROW:
            return row
        if role == Role.SORT:
            return self._sort_key(number, column)
        if role == Role.VERDICT_CODE:
            return row.diagnosis.verdict.code if row.diagnosis is not None else ""
        return None

    def verdict_text(self, number: int) -> str:
        """The row's verdict in the model's language: from its diagnosis, else what it was given (a failure)."""
        row = self._rows[number]
        if row.diagnosis is None:
            return row.verdict
        said = self._headlines.get(number)
        if said is None:
            said = self._headlines[number] = verdict_headline(row.diagnosis, self.language)
        return said

    def _display(self, number: int, column: str) -> str:
        draft = self._rows[number].draft
        if column == "verdict":
            return self.verdict_text(number)
        if column == "status":
            return self._statuses[self._rows[number].status]
        if column == "network":
            networks = catalog.networks()
            return networks[draft.network].display_name if draft.network in networks else self._auto
        if column == "source":
            return self._source(draft.source)
        if column == "amount":
            return f"{draft.amount:f}" if draft.amount is not None else ""
        values = {"tx_hash": draft.tx_hash, "address": draft.address or "", "token": draft.token or ""}
        return values[column]

    def _sort_key(self, number: int, column: str) -> Any:
        """Rows in the order they came for the row's number; by severity (worst last), then verdict, for the
        verdict; by value for the amount; by the words shown for the rest."""
        row = self._rows[number]
        if column == "source":
            return number
        if column == "verdict":
            if row.diagnosis is None:
                return f"9 {row.verdict}"  # not diagnosed: after every verdict
            return f"{row.diagnosis.verdict.severity.rank} {row.diagnosis.verdict.code}"
        if column == "amount":
            return float(row.draft.amount) if row.draft.amount is not None else float("-inf")
        return self._display(number, column)

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

    def verdict_codes(self) -> dict[str, int]:
        """Each verdict present, with how many rows have it, worst first: what the verdict filter lists."""
        found: dict[str, tuple[int, int]] = {}
        for row in self._rows:
            if row.diagnosis is not None:
                verdict = row.diagnosis.verdict
                rank, count = found.get(verdict.code, (verdict.severity.rank, 0))
                found[verdict.code] = (rank, count + 1)
        return {code: count for code, (_, count) in sorted(found.items(), key=lambda item: (-item[1][0], item[0]))}

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
        self._headlines.clear()
        self.endResetModel()

    def rows(self) -> list[BatchRow]:
        return list(self._rows)

    def row(self, number: int) -> BatchRow:
        return self._rows[number]

    def set_status(self, numbers: list[int], status: RowStatus) -> None:
        """Many rows at once, with one change signal: a 1,000-row batch starts without a thousand repaints."""
        for number in numbers:
            self._rows[number] = replace(self._rows[number], status=status, verdict="")
            self._headlines.pop(number, None)
        if numbers:
            self.dataChanged.emit(self.index(min(numbers), 0), self.index(max(numbers), len(self.COLUMNS) - 1))

    def update(self, number: int, **changes: Any) -> None:
        self._rows[number] = replace(self._rows[number], **changes)
        self._headlines.pop(number, None)
        self.dataChanged.emit(self.index(number, 0), self.index(number, len(self.COLUMNS) - 1))


class BatchFilter(QSortFilterProxyModel):
    """The table as shown: sorted by the header clicked, and only the rows of one verdict when one is chosen.
    Rows are numbered by the model (the proxy's row is where a row is shown, not which case it is)."""

    def __init__(self, model: BatchModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSourceModel(model)
        self.setSortRole(Role.SORT)
        self._verdict: str | None = None

    @property
    def verdict(self) -> str | None:
        return self._verdict

    def set_verdict(self, code: str | None) -> None:
        """Only the rows whose verdict is ``code`` ("" for the rows with none yet); ``None`` for every row."""
        if code != self._verdict:
            self.beginFilterChange()
            self._verdict = code
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:  # noqa: N802 (Qt's name)
        if self._verdict is None:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        return bool(self.sourceModel().data(index, Role.VERDICT_CODE) == self._verdict)

    def source_row(self, shown: int) -> int:
        """The model's row (the case) shown at ``shown``."""
        return self.mapToSource(self.index(shown, 0)).row()
