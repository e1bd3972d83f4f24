"""Running Qt's event loop from a benchmark script until something is done."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtWidgets import QApplication


def run_until(app: QApplication, done: Callable[[], bool], seconds: float = 300, pause: float = 0.0) -> None:
    """Process events until ``done()`` or ``seconds`` pass; ``pause`` spares the CPU between turns."""
    deadline = time.monotonic() + seconds
    while not done() and time.monotonic() < deadline:
        app.processEvents()
        if pause:
            time.sleep(pause)
