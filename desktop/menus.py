"""The window's File and View menus: actions with their shortcuts and words; the window connects them.

Each menu retranslates itself on ``LanguageChange``, so the window never has to know their strings.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenu, QWidget


class FileMenu(QMenu):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.open_action = self._action(QKeySequence.StandardKey.Open)
        self.save_cases_action = self._action(QKeySequence.StandardKey.Save)
        self.export_action = self._action(QKeySequence("Ctrl+E"))
        self.addSeparator()
        self.settings_action = self._action(QKeySequence("Ctrl+,"))
        self.addSeparator()
        self.quit_action = self._action(QKeySequence.StandardKey.Quit)
        self.retranslate()

    def _action(self, keys: QKeySequence | QKeySequence.StandardKey) -> QAction:
        action = QAction(self)
        action.setShortcut(keys)
        self.addAction(action)
        return action

    def retranslate(self) -> None:
        self.setTitle(self.tr("&File"))
        self.open_action.setText(self.tr("&Open…"))
        self.save_cases_action.setText(self.tr("Save &cases…"))
        self.export_action.setText(self.tr("&Export report…"))
        self.settings_action.setText(self.tr("&Settings…"))
        self.quit_action.setText(self.tr("&Quit"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class ViewMenu(QMenu):
    """Shows and hides the panels: History, Watching and the progress of a search. Checkable, so a panel
    closed with its own × comes back from here (before, only an unlabelled right-click on the menu bar).
    A dock's own toggle action is used: it stays checked as the dock is, and is named by the dock's title.
    The progress list is no dock: its action follows it by watching it be hidden and shown (by this menu or
    by anything else), not by being told."""

    def __init__(self, docks: list[QDockWidget], progress: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dock_actions = [dock.toggleViewAction() for dock in docks]
        for action in self.dock_actions:
            self.addAction(action)
        self._progress = progress
        self.progress_action = QAction(self)
        self.progress_action.setCheckable(True)
        self.progress_action.setChecked(not progress.isHidden())
        self.progress_action.toggled.connect(progress.setVisible)
        progress.installEventFilter(self)
        self.addAction(self.progress_action)
        self.retranslate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        # HideToParent/ShowToParent: the panel itself hidden or shown, not its tab or window.
        if watched is self._progress and event.type() in (QEvent.Type.HideToParent, QEvent.Type.ShowToParent):
            self.progress_action.setChecked(not self._progress.isHidden())
        return super().eventFilter(watched, event)

    def retranslate(self) -> None:
        self.setTitle(self.tr("&View"))
        self.progress_action.setText(self.tr("&Progress of the search"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
