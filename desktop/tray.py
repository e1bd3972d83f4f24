"""The tray icon, where the desktop has a tray: watches report there, and it can outlive the window."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu, QStyle, QSystemTrayIcon, QWidget


class TrayIcon(QObject):
    """Wraps ``QSystemTrayIcon`` so the window never asks whether there is one: without a tray every call is a
    no-op and ``available`` is False (the status bar and the taskbar say things instead)."""

    def __init__(self, window: QWidget, show: Callable[[], None], quit_: Callable[[], None]) -> None:
        super().__init__(window)
        self.icon: QSystemTrayIcon | None = None
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return
        self.icon = QSystemTrayIcon(window.style().standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton), self)
        self._menu = QMenu(window)
        self._show_action = self._menu.addAction("", show)
        self._quit_action = self._menu.addAction("", quit_)
        self.icon.setContextMenu(self._menu)
        self.icon.activated.connect(lambda _reason: show())
        self.retranslate()
        self.icon.show()

    @property
    def available(self) -> bool:
        return self.icon is not None

    def retranslate(self) -> None:
        if self.icon is not None:
            self._show_action.setText(self.tr("Show Deposit Doctor"))
            self._quit_action.setText(self.tr("Quit"))

    def say(self, title: str, message: str, milliseconds: int = 15_000) -> None:
        if self.icon is not None:
            self.icon.showMessage(title, message, QSystemTrayIcon.MessageIcon.Information, milliseconds)

    def hide(self) -> None:
        if self.icon is not None:
            self.icon.hide()
