from __future__ import annotations

import os
import subprocess
import sys


def test_no_display_is_said_in_words_not_a_qt_abort() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    run = subprocess.run(
        [sys.executable, "-m", "desktop.main"], capture_output=True, text=True, timeout=60, env=env, check=False
    )
    assert run.returncode == 2 and "no display found" in run.stderr


def test_subcommand_runs_the_cli_without_loading_qt() -> None:
    code = (
        "import sys; from desktop.main import main; "
        "rc = main(['diagnose', '--network', 'nowhere', '--tx', '0x1']); "
        "print(rc, 'PySide6' in sys.modules)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert run.stdout.split() == ["2", "False"], run.stderr
