"""The app's entry functions: the window on the user's own settings and history, or the sandbox's window on
local chains. Each says in words what Qt would otherwise abort on (no display)."""

from __future__ import annotations

import os
import signal
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from desktop.history_startup import open_history
from desktop.main_window import MainWindow
from desktop.settings import AppSettings
from diagnostics.history import History


def no_display() -> bool:
    """Qt aborts the process when it finds no screen; say so in words instead. Only X11/Wayland desktops can
    lack one: Windows and macOS always have their own."""
    if sys.platform != "linux" or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def quit_on_terminate(app: QApplication) -> QTimer | None:
    """SIGTERM quits the event loop so the sandbox's nodes are stopped, not orphaned. Windows delivers no
    SIGTERM from outside (a process is ended without a signal), so nothing is installed there."""
    if sys.platform == "win32" or not hasattr(signal, "SIGTERM"):
        return None
    signal.signal(signal.SIGTERM, lambda *_: app.quit())
    wake = QTimer(app)  # Python only runs its signal handlers when it runs: give it a moment now and then
    wake.timeout.connect(lambda: None)
    wake.start(250)
    return wake


def run_sandbox() -> int:
    """``deposit-doctor --sandbox``: local chains with every classic case, and the window pointed at them.
    Nothing of the user's is touched: settings and history live in a temporary folder for the session."""
    from desktop.sandbox.anvil import anvil_binary  # noqa: PLC0415 (web3 and the nodes load only here)
    from desktop.sandbox.samples import NETWORKS, Sandbox  # noqa: PLC0415

    if no_display():
        print("deposit-doctor: no display found: the sandbox opens a window", file=sys.stderr)
        return 2
    try:
        anvil_binary()
    except RuntimeError as exc:
        print(f"deposit-doctor: the sandbox needs anvil: {exc}", file=sys.stderr)
        return 2
    print("deposit-doctor: starting local chains for the sandbox…", file=sys.stderr)
    sandbox = Sandbox()
    try:
        app = QApplication.instance() or QApplication(sys.argv)
        assert isinstance(app, QApplication)
        quit_on_terminate(app)
        with tempfile.TemporaryDirectory(prefix="deposit-doctor-sandbox-") as folder:
            settings = AppSettings(QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat))
            settings.language = AppSettings().language
            for slug, url in sandbox.endpoints.items():
                settings.set_endpoint(slug, url)
            window = MainWindow(settings, history=History(Path(folder) / "history.sqlite3"))
            window.searched_networks = NETWORKS
            window.add_samples(sandbox.samples)
            window.show()
            code = app.exec()
            window.history.close()
            return code
    finally:
        sandbox.stop()


def run_window() -> int:
    if no_display():
        print(
            "deposit-doctor: no display found: open the app on a desktop, or use the command line: "
            "deposit-doctor diagnose --help",
            file=sys.stderr,
        )
        return 2
    app = QApplication.instance() or QApplication(sys.argv)
    settings = AppSettings()
    # A history that cannot be used is said, with the offer to set it aside; it never stops the window.
    window = MainWindow(settings, history=open_history(language=settings.language))
    window.show()
    return app.exec()
