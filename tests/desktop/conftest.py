"""The window's fixtures: settings in a temporary file, a keyring in memory, and the window itself."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import NoKeyringError, PasswordDeleteError
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.main_window import MainWindow
from desktop.settings import AppSettings
from desktop.workers import EngineWorker
from diagnostics.history import History


class MemoryKeyring(KeyringBackend):
    """A keyring that forgets when the test ends: what an OS keyring does, without the OS."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.saved: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.saved.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.saved[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if (service, username) not in self.saved:
            raise PasswordDeleteError(username)
        del self.saved[(service, username)]


class NoKeyring(MemoryKeyring):
    def get_password(self, service: str, username: str) -> str | None:
        raise NoKeyringError("no backend")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise NoKeyringError("no backend")


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def settings_at(path: Path) -> AppSettings:
    return AppSettings(QSettings(str(path), QSettings.Format.IniFormat))


@pytest.fixture
def settings(tmp_path: Path, memory_keyring: MemoryKeyring) -> AppSettings:
    return settings_at(tmp_path / "settings.ini")


@pytest.fixture(scope="session")
def engine(qapp: QApplication) -> Iterator[EngineWorker]:
    """One engine process for the whole run: starting one (and its web3 imports) takes a second."""
    worker = EngineWorker()
    yield worker
    worker.stop()


@pytest.fixture
def history(tmp_path: Path) -> History:
    return History(tmp_path / "history.sqlite3")


@pytest.fixture
def window(qtbot: QtBot, settings: AppSettings, engine: EngineWorker, history: History) -> Iterator[MainWindow]:
    shown = MainWindow(settings, engine, history)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    shown.close()
    shown.translations.apply("en")  # translators are the application's: never leave one to the next test


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the window would have said in a message box (a modal box would block the test)."""
    messages: list[str] = []

    def record(_parent: object, _title: str, text: str, *args: object) -> QMessageBox.StandardButton:
        messages.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "information", record)
    monkeypatch.setattr(QMessageBox, "warning", record)
    return messages
