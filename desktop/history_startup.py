"""The history, opened as the window starts: one that cannot be used never stops the window.

A damaged file, a read-only one, a full disk: the user is told what is wrong in words, and offered to set the
file aside (kept, renamed, beside it) and start a new history. Refused, or where that cannot help (a full disk,
another program using it), the window runs with a history kept for the session only: diagnosing goes on.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.i18n import Translations
from diagnostics.history import History, HistoryError, HistoryProblem, move_aside


class HistoryProblemDialog(QMessageBox):
    """Says what is wrong with the history and asks what to do: set it aside and start anew, or go on without."""

    def __init__(self, error: HistoryError, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle("Deposit Doctor")
        self.setText(self._headline(error.problem))
        where = self.tr("The file: {path}").replace("{path}", str(error.path or ""))
        if error.can_move_aside:
            then = self.tr(
                "Move it aside (it is kept, renamed, in the same folder) and start a new history, or continue "
                "without one. Diagnosing works either way; without a history, this session's diagnoses are "
                "forgotten when you close Deposit Doctor."
            )
        else:
            then = self.tr(
                "Diagnosing works, but this session's diagnoses are forgotten when you close Deposit Doctor. "
                "Free some disk space, or close the other program, and start Deposit Doctor again to keep them."
            )
        self.setInformativeText(f"{then}\n\n{where}")
        self.setDetailedText(error.user_message)
        self.move_button = (
            self.addButton(self.tr("Move it aside and start a new one"), QMessageBox.ButtonRole.AcceptRole)
            if error.can_move_aside
            else None
        )
        self.without_button = self.addButton(self.tr("Continue without a history"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.move_button or self.without_button)
        self.setEscapeButton(self.without_button)

    def _headline(self, problem: HistoryProblem) -> str:
        headlines = {
            HistoryProblem.DAMAGED: self.tr(
                "The history of past diagnoses is damaged, or is no Deposit Doctor history."
            ),
            HistoryProblem.READ_ONLY: self.tr(
                "The history of past diagnoses cannot be written: the file or its folder is read-only."
            ),
            HistoryProblem.FULL: self.tr("The history of past diagnoses cannot be written: the disk is full."),
            HistoryProblem.BUSY: self.tr("The history of past diagnoses is in use by another program."),
            HistoryProblem.NEWER: self.tr("The history of past diagnoses is from a newer Deposit Doctor."),
        }
        return headlines.get(problem, self.tr("The history of past diagnoses cannot be opened."))

    def move_chosen(self) -> bool:
        """Shown, modal: whether the user chose to set the file aside."""
        self.exec()
        return self.move_button is not None and self.clickedButton() is self.move_button


class HistoryFailedDialog(QMessageBox):
    """Setting the history aside, or starting a new one, failed too: the window goes on without a history."""

    def __init__(self, error: HistoryError, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle("Deposit Doctor")
        self.setText(self.tr("A new history could not be started: Deposit Doctor continues without one."))
        self.setDetailedText(error.user_message)


def open_history(
    path: Path | None = None,
    parent: QWidget | None = None,
    *,
    language: str | None = None,
    ask: Callable[[HistoryError], bool] | None = None,
    tell: Callable[[HistoryError], object] | None = None,
) -> History:
    """The history at ``path`` (the platform's by default). If it cannot be used, ``ask`` (a
    ``HistoryProblemDialog`` by default, in ``language``) says why and whether to set it aside; then a new one
    starts there. Refused, or failing again (``tell`` says so), a session-only history: never an exception."""
    try:
        return History(path)
    except HistoryError as exc:
        error = exc
    translations = Translations()
    if language is not None:
        translations.apply(language)  # the window's own translators are installed only once it is built
    try:
        chosen = (ask or (lambda e: HistoryProblemDialog(e, parent).move_chosen()))(error)
        if chosen and error.can_move_aside:
            target = error.path or path
            try:
                if target is not None and target.exists():
                    move_aside(target)
                return History(target)
            except HistoryError as again:
                (tell or (lambda e: HistoryFailedDialog(e, parent).exec()))(again)
        return History(error.path or path, session_only=True)
    finally:
        if language is not None:
            translations.apply("en")  # removes them again: the window installs its own
