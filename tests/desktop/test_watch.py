"""Watching a transaction on anvil: the confirmations bar follows the chain, and "credited" is said once."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.main_window import MainWindow
from desktop.sandbox.esplora_node import BTC_DEPOSIT, EsploraNode
from desktop.sandbox.solana_node import LAMPORTS, SolanaNode
from desktop.sandbox.ton_node import TonNode, account
from desktop.settings import AppSettings
from desktop.watch import MIN_INTERVAL_SECONDS, Watch, interval_for
from diagnostics.chains import adapters
from diagnostics.engine import diagnose
from diagnostics.model import Case
from tests.fixtures.evm_node import Node


def _under_confirmed(qtbot: QtBot, window: MainWindow, settings: AppSettings, eth: Node) -> None:
    settings.set_endpoint("ethereum", eth.url)
    tx = eth.chain.send(eth.usdt, "transfer", eth.chain.deposit, 5 * eth.unit)
    eth.chain.wait(tx)
    window.form.network.setCurrentIndex(window.form.network.findData("ethereum"))
    window.form.tx_hash.setText(tx)
    window.form.address.setText(eth.chain.deposit)
    with qtbot.waitSignal(window.worker_finished, timeout=20_000):
        window.diagnose()


def test_a_watch_follows_confirmations_and_notifies_once_at_the_threshold(
    qtbot: QtBot, window: MainWindow, settings: AppSettings, eth: Node
) -> None:
    _under_confirmed(qtbot, window, settings, eth)
    assert window.result.watch_button.isVisible()
    notified: list[Watch] = []
    window.watches.notified.connect(notified.append)
    watch = window.watch_shown(interval=0.2)
    assert watch is not None and window.watch_dock.isVisible()
    assert watch.confirmations == (1, 12)
    eth.chain.mine(4)
    qtbot.waitUntil(lambda: watch.confirmations == (5, 12), timeout=5_000)
    qtbot.waitUntil(lambda: window.result.confirmations.value() == 5, timeout=5_000)  # the bar moved
    assert "5 of 12 confirmations" in window.watch_view.list.item(0).text()
    eth.chain.mine(10)
    with qtbot.waitSignal(window.watches.notified, timeout=5_000):
        pass
    qtbot.wait(800)  # a few more intervals: nothing more is said, and nothing more is asked
    assert len(notified) == 1 and notified[0].ended == "arrived" and not window.watches.active
    assert window.last_notification is not None and window.last_notification[0] == "Confirmed: 15 of 12"
    assert window.result.report is not None and window.result.report.verdict_code == "CONFIRMATIONS_SUFFICIENT"
    kept = [e.verdict_code for e in window.history.entries()]
    assert kept == ["CONFIRMATIONS_SUFFICIENT", "CONFIRMATIONS_INSUFFICIENT"], "how it ended, not every re-check"


def test_several_watches_and_closing_stops_them(
    qtbot: QtBot, window: MainWindow, settings: AppSettings, eth: Node
) -> None:
    _under_confirmed(qtbot, window, settings, eth)
    first = window.watch_shown(interval=0.3)
    _under_confirmed(qtbot, window, settings, eth)
    second = window.watch_shown(interval=0.3)
    assert first is not None and second is not None and len(window.watches.watches()) == 2
    window.watch_view.list.setCurrentRow(0)
    qtbot.mouseClick(window.watch_view.stop_button, Qt.MouseButton.LeftButton)
    assert len(window.watches.watches()) == 1
    window.close()  # no tray here (offscreen), and keep-in-tray is off: watching ends with the window
    assert not window.watches.active


def test_the_interval_fits_the_network() -> None:
    from tests.diagnostics.report.sample import tron_out_of_energy, under_confirmed  # noqa: PLC0415

    assert interval_for(under_confirmed()) == 12.0  # Ethereum: one block
    assert interval_for(tron_out_of_energy()) == max(MIN_INTERVAL_SECONDS, 3.0)


def _bitcoin_case(qtbot: QtBot, window: MainWindow, settings: AppSettings, node: EsploraNode, txid: str) -> None:
    settings.set_endpoint("bitcoin", node.base_url)
    window.form.network.setCurrentIndex(window.form.network.findData("bitcoin"))
    window.form.tx_hash.setText(txid)
    window.form.address.setText(BTC_DEPOSIT)
    with qtbot.waitSignal(window.worker_finished, timeout=20_000):
        window.diagnose()


def test_a_bitcoin_watch_ends_credited_or_lost(qtbot: QtBot, window: MainWindow, settings: AppSettings) -> None:
    with EsploraNode() as node:
        node.mining_fee_rate = 10.0
        wallet = node.new_address()
        coins = [node.fund(wallet, 1_000_000) for _ in range(2)]
        arriving = node.send([coins[0]], [(BTC_DEPOSIT, 250_000)], fee_rate=20, change=wallet)
        node.mine(1)
        _bitcoin_case(qtbot, window, settings, node, arriving)
        assert window.result.report is not None and window.result.report.verdict_code == "CONFIRMATIONS_INSUFFICIENT"
        watch = window.watch_shown(interval=0.2)
        assert watch is not None and watch.confirmations == (1, 3)
        node.mine(2)
        qtbot.waitUntil(lambda: watch.ended == "arrived", timeout=5_000)

        stuck = node.send([coins[1]], [(BTC_DEPOSIT, 250_000)], fee_rate=2, change=wallet)
        _bitcoin_case(qtbot, window, settings, node, stuck)
        assert window.result.report is not None and window.result.report.verdict_code == "FEE_TOO_LOW"
        waiting = window.watch_shown(interval=0.2)
        assert waiting is not None
        node.replace(stuck, fee_rate=12)  # the sender bumped the fee: this txid will never confirm
        qtbot.waitUntil(lambda: waiting.ended == "lost", timeout=5_000)
    kept = [e.verdict_code for e in window.history.entries()]
    assert kept[:2] == ["TX_DROPPED_REPLACED", "FEE_TOO_LOW"] and "CONFIRMATIONS_SUFFICIENT" in kept


def test_a_solana_watch_follows_processed_confirmed_finalized_at_a_sane_pace(
    qtbot: QtBot, window: MainWindow, settings: AppSettings
) -> None:
    with SolanaNode() as node:
        sender, user = node.wallet(10 * LAMPORTS), node.wallet()
        node.fund_tokens(sender.pubkey(), 1_000 * 10**6)
        node.fund_tokens(user.pubkey(), 0)
        settings.set_endpoint("solana", node.url)
        window.searched_networks = ("solana",)
        signature = node.pay_token(sender, user.pubkey(), 30 * 10**6, level="processed")
        window.form.network.setCurrentIndex(window.form.network.findData("solana"))
        window.form.tx_hash.setText(signature)
        window.form.address.setText(str(user.pubkey()))
        with qtbot.waitSignal(window.worker_finished, timeout=20_000):
            window.diagnose()
        assert window.result.report is not None and window.result.report.verdict_code == "TX_PENDING"
        assert window.result.diagnosis is not None
        # 0.4 s slots: asked every few seconds, not several times a second (a public RPC would refuse that).
        assert interval_for(window.result.diagnosis) == MIN_INTERVAL_SECONDS
        watch = window.watch_shown(interval=0.2)
        assert watch is not None
        node.confirm(signature)  # voted on: confirmed, not yet final
        qtbot.waitUntil(lambda: watch.diagnosis.verdict.code == "CONFIRMATIONS_INSUFFICIENT", timeout=5_000)
        node.pay_token(sender, user.pubkey(), 10**6)  # later slots, past finality
        qtbot.waitUntil(lambda: watch.ended == "arrived", timeout=5_000)


def test_a_ton_watch_asks_once_a_block() -> None:
    with TonNode() as node:
        tx = node.send_jetton(account("user"), account("exchange"), 25 * 10**6, "884512")
        diagnosis = diagnose(Case("ton", tx), adapters=adapters({"ton": node.url}), search=())
    assert diagnosis.verdict.code == "CONFIRMATIONS_SUFFICIENT" and interval_for(diagnosis) == 5.0
