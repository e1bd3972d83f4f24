"""The main window. For now a placeholder that points at the CLI; the real window is its own issue."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from diagnostics import __version__


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(f"Deposit Doctor {__version__}")
        label = QLabel(
            "<h2>Deposit Doctor</h2>"
            "<p>Why hasn't my deposit arrived? The diagnosis window is on its way.</p>"
            "<p>Meanwhile, in a terminal:<br><code>deposit-doctor diagnose --network ethereum "
            "--tx 0x… --address 0x… --token USDT</code></p>"
        )
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setCentralWidget(label)
        self.resize(640, 360)


def _no_display() -> bool:
    """Qt aborts the process when it finds no screen; say so in words instead."""
    if sys.platform != "linux" or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_window() -> int:
    if _no_display():
        print(
            "deposit-doctor: no display found: open the app on a desktop, or use the command line: "
            "deposit-doctor diagnose --help",
            file=sys.stderr,
        )
        return 2
    app = QApplication.instance() or QApplication(sys.argv)
    window = MainWindow()
    window.show()
    return app.exec()
