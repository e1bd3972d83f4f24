"""What a user does to the window in the tests: send USDT on a node, diagnose, drop files or text."""

from __future__ import annotations

import warnings
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from pytestqt.qtbot import QtBot

from desktop.main_window import MainWindow
from desktop.settings import AppSettings
from tests.fixtures.evm_node import Node

TX_UNKNOWN = "0x" + "ab" * 32


def usdt(node: Node, confirmations: int) -> str:
    tx: str = node.chain.send(node.usdt, "transfer", node.chain.deposit, 250 * node.unit)
    node.chain.wait(tx)
    node.chain.mine(confirmations - 1)
    return tx


def diagnose(qtbot: QtBot, window: MainWindow) -> None:
    assert window.diagnose_button.isEnabled()
    with qtbot.waitSignal(window.worker_finished, timeout=20_000):
        qtbot.mouseClick(window.diagnose_button, Qt.MouseButton.LeftButton)


def point_at(window: MainWindow, settings: AppSettings, node: Node) -> None:
    settings.set_endpoint("ethereum", node.url)
    window.form.network.setCurrentIndex(window.form.network.findData("ethereum"))


def drop(qtbot: QtBot, window: MainWindow, mime: QMimeData) -> None:
    """Drop ``mime`` on the window and wait until it has been read (off the window's thread)."""
    with warnings.catch_warnings():  # Qt 6 deprecates this constructor but offers no other for a drag enter
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(
            QPointF(10, 10).toPoint(),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    with qtbot.waitSignal(window.intake_taken, timeout=10_000):
        window.dropEvent(drop)


def files(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime
