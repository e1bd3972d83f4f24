"""A batch of 1,000 cases from a CSV export against a local anvil, through the window (goal: >= 100 cases/s).

1,000 USDT transfers are made on an anvil standing for Ethereum; a CSV export lists them (TxID, network,
coin, amount, address); the window reads it as a dropped file would be, runs the batch, and the time from
Run all to the last row's verdict is measured.
Usage: .venv/bin/python bench/batch_csv.py [--cases 1000]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from bench.loop import run_until
from desktop.main_window import MainWindow
from desktop.models.batch_model import RowStatus
from desktop.settings import AppSettings
from diagnostics.history import History
from tests.fixtures.evm_node import ETH_USDT, Node


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=1000)
    cases = parser.parse_args().cases
    app = QApplication.instance() or QApplication(["batch_csv", "-platform", "offscreen"])
    assert isinstance(app, QApplication)
    node = Node("ethereum", 1, ETH_USDT, 6)
    folder = Path(tempfile.mkdtemp())
    try:
        token = node.chain.token(node.usdt)
        started = time.perf_counter()
        hashes = [
            "0x"
            + bytes(
                token.functions.transfer(node.chain.deposit, 1_000_000 + i).transact({"from": node.chain.sender})
            ).hex()
            for i in range(cases)
        ]
        node.chain.mine(12)
        print(f"{cases} transfers made on anvil in {time.perf_counter() - started:.1f} s")
        export = folder / "history.csv"
        rows = "".join(f"{h},ERC20,USDT,{1 + i / 1e6:.6f},{node.chain.deposit}\n" for i, h in enumerate(hashes))
        export.write_text("TxID,Network,Coin,Amount,Address\n" + rows)
        settings = AppSettings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
        settings.set_endpoint("ethereum", node.url)
        window = MainWindow(settings, history=History(folder / "history.sqlite3"))
        window.show()
        job = window.open_files([export])
        run_until(app, lambda: window.batch_model.rowCount() == cases, pause=0.001)
        del job
        started = time.perf_counter()
        window.run_batch()
        run_until(app, lambda: not window.batch.running, pause=0.001)
        took = time.perf_counter() - started
        statuses = {row.status for row in window.batch_model.rows()}
        verdicts = {row.diagnosis.verdict.code for row in window.batch_model.rows() if row.diagnosis}
        print(
            f"{cases} cases from a CSV: {took:.2f} s, {cases / took:.0f} cases/s (goal >= 100); "
            f"statuses {sorted(s.value for s in statuses)}, verdicts {sorted(verdicts)}"
        )
        assert statuses == {RowStatus.DONE}
        window.close()
    finally:
        node.stop()


if __name__ == "__main__":
    main()
