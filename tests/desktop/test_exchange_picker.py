"""The Exchange picker: the exchange's own rules decide the verdict, and the choice is remembered."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop.main_window import MainWindow
from desktop.settings import AppSettings
from tests.fixtures.evm_node import Node


def test_picking_an_exchange_applies_its_rules_and_is_remembered(
    qtbot: QtBot, window: MainWindow, settings: AppSettings, eth: Node
) -> None:
    assert window.form.exchange.currentData() is None  # "Not listed / not sure" by default
    assert window.form.exchange.itemText(0) == "Not listed / not sure"
    settings.set_endpoint("ethereum", eth.url)
    tx = eth.chain.send(eth.usdt, "transfer", eth.chain.deposit, 250 * eth.unit)
    eth.chain.wait(tx)
    eth.chain.mine(19)  # 20 confirmations: past Ethereum's usual 12, short of OKX's 64
    window.form.network.setCurrentIndex(window.form.network.findData("ethereum"))
    window.form.exchange.setCurrentIndex(window.form.exchange.findData("okx"))
    window.form.tx_hash.setText(tx)
    window.form.address.setText(eth.chain.deposit)
    with qtbot.waitSignal(window.worker_finished, timeout=20_000):
        window.diagnose()
    report = window.result.report
    assert report is not None and report.verdict_code == "CONFIRMATIONS_INSUFFICIENT"
    assert report.verdict.startswith("Waiting for OKX's 64 confirmations (20 so far")
    assert settings.exchange == "okx"  # the next window starts with it
    window.form.set_exchange(None)
    assert settings.exchange is None
