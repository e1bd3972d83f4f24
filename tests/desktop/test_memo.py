"""A TON deposit's memo in the window: typed in the Memo field, judged by the diagnosis, kept in the history and
given back to the form when the case is run again."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop.main_window import MainWindow
from desktop.sandbox.ton_node import TonNode, account
from desktop.settings import AppSettings
from diagnostics.chains.ton import friendly
from diagnostics.history import History

EXCHANGE = friendly(account("exchange-hot-wallet"))
MEMO = "884512"


def _diagnose(qtbot: QtBot, window: MainWindow, tx: str, memo: str) -> str:
    form = window.form
    form.reset()
    form.network.setCurrentIndex(form.network.findData("ton"))
    form.tx_hash.setText(tx)
    form.address.setText(EXCHANGE)
    form.token.setText("USDT")
    form.memo.setText(memo)
    with qtbot.waitSignal(window.worker_finished, timeout=20_000):
        window.diagnose()
    assert window.result.report is not None
    return window.result.report.verdict_code


def test_the_memo_is_judged_kept_and_given_back(
    qtbot: QtBot, window: MainWindow, settings: AppSettings, history: History
) -> None:
    with TonNode() as node:
        settings.set_endpoint("ton", node.url)
        window.searched_networks = ("ton",)
        tx = node.send_jetton(account("user-wallet"), account("exchange-hot-wallet"), 25_000_000, MEMO)
        assert _diagnose(qtbot, window, tx, MEMO) == "CONFIRMATIONS_SUFFICIENT"
        assert _diagnose(qtbot, window, tx, "884521") == "MEMO_MISSING"  # the user was given another memo
        entries = history.entries()
        assert [history.case(e.id).memo for e in entries] == ["884521", MEMO]
        window.form.reset()
        with qtbot.waitSignal(window.worker_finished, timeout=20_000):
            window.rerun(entries[0].id)
        assert window.form.memo.text() == "884521" and window.form.memo.isVisible()
        assert window.result.report is not None and window.result.report.verdict_code == "MEMO_MISSING"
