"""The entry functions' platform guards: what is Linux-only is done only on Linux, tried with each platform."""

from __future__ import annotations

import signal
import sys

import pytest
from PySide6.QtWidgets import QApplication

from desktop import app


@pytest.mark.parametrize(("platform", "said"), [("linux", True), ("win32", False), ("darwin", False)])
def test_a_missing_display_is_said_only_where_a_desktop_can_lack_one(
    monkeypatch: pytest.MonkeyPatch, platform: str, said: bool
) -> None:
    monkeypatch.setattr(sys, "platform", platform)
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    assert app.no_display() is said


def test_sigterm_quits_the_loop_where_there_is_one_and_nothing_is_installed_on_windows(
    monkeypatch: pytest.MonkeyPatch, qapp: QApplication
) -> None:
    previous = signal.getsignal(signal.SIGTERM)
    try:
        monkeypatch.setattr(sys, "platform", "win32")
        assert app.quit_on_terminate(qapp) is None and signal.getsignal(signal.SIGTERM) is previous
        monkeypatch.setattr(sys, "platform", "darwin")
        wake = app.quit_on_terminate(qapp)
        assert wake is not None and wake.isActive() and signal.getsignal(signal.SIGTERM) is not previous
        wake.stop()
    finally:
        signal.signal(signal.SIGTERM, previous)
