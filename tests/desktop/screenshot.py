"""Screenshots of the main window with a real diagnosis shown, in English and in Chinese.

Every network is pointed at a local node (tests/fixtures/networks.py); the case is USDT sent on BNB Smart
Chain while Ethereum was chosen, so the picture shows the search across all networks, a wrong-network
verdict, the findings and the confirmations bar. Run under a real display to look at it:

    Xvfb :99 & DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python -m tests.desktop.screenshot /tmp/shots
"""

from __future__ import annotations

import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from desktop.main_window import MainWindow
from desktop.settings import AppSettings
from diagnostics.history import History
from tests.fixtures.networks import AllNetworks


def _wait(app: QApplication, done: object, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not done() and time.monotonic() < deadline:  # type: ignore[operator]
        app.processEvents()
        time.sleep(0.01)


def capture(nets: AllNetworks, tx_hash: str, language: str, target: Path) -> Path:
    """Diagnose ``tx_hash`` in a fresh window in ``language`` and save the window as a PNG."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory() as folder:
        settings = AppSettings(QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat))
        for slug, url in nets.endpoints.items():
            settings.set_endpoint(slug, url)
        settings.language = language
        window = MainWindow(settings, history=History(Path(folder) / "history.sqlite3"))
        window.resize(1280, 820)
        window.show()
        window.form.network.setCurrentIndex(window.form.network.findData("ethereum"))
        window.form.tx_hash.setText(tx_hash)
        window.form.address.setText(nets.bsc.chain.deposit)
        window.form.token.setText("USDT")
        window.form.amount.setText(str(Decimal(250)))
        window.diagnose()
        _wait(app, lambda: window.worker is None)
        window.result.findings.expandAll()
        _wait(app, lambda: False, 0.3)  # let the layout settle before the picture
        window.grab().save(str(target))
        window.translations.apply("en")
        window.close()
    return target


def main() -> None:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    folder.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    nets = AllNetworks()
    try:
        bsc = nets.bsc
        tx = bsc.chain.send(bsc.usdt, "transfer", bsc.chain.deposit, 250 * bsc.unit)
        bsc.chain.wait(tx)
        bsc.chain.mine(4)
        for language in ("en", "zh"):
            print(capture(nets, tx, language, folder / f"main-window-{language}.png"))
    finally:
        nets.stop()
    del app


if __name__ == "__main__":
    main()
