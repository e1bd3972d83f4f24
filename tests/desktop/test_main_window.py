"""The window end to end: a real diagnosis on anvil, exports, saved cases, settings and language. Drops, the batch
page, menus and the entry functions have their own test modules beside the modules they test."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from eth_account import Account
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from desktop.main_window import MainWindow
from desktop.settings import AppSettings
from diagnostics import catalog
from tests.desktop.interaction import TX_UNKNOWN, diagnose, drop, files, point_at, usdt
from tests.fixtures.evm_node import Node
from tests.fixtures.rpc_server import RpcServer


def test_a_real_diagnosis_shows_its_verdict_progress_and_confirmations(
    qtbot: QtBot, window: MainWindow, settings: AppSettings, eth: Node
) -> None:
    tx = usdt(eth, 5)
    point_at(window, settings, eth)
    window.form.tx_hash.setText(tx)
    window.form.address.setText(eth.chain.deposit)
    window.form.token.setText("USDT")
    diagnose(qtbot, window)
    assert window.result.report is not None
    assert window.result.banner.text().startswith("<b style='font-size: 14pt'>Waiting for confirmations (5/12")
    assert window.result.confirmations.isVisible() and window.result.confirmations.value() == 5
    assert window.result.confirmations.maximum() == 12
    assert "Ethereum (ERC-20) — found" in window.progress.answer_text("ethereum")
    assert window.result.findings.topLevelItemCount() >= 2
    assert "etherscan.io/tx/" in window.result.links.text()
    assert "Waiting for confirmations" in window.result.report_view.toPlainText()
    assert window.diagnose_button.isEnabled() and not window.cancel_button.isEnabled()


def test_copy_message_to_support(qtbot: QtBot, window: MainWindow, settings: AppSettings, eth: Node) -> None:
    fake = eth.chain.deploy_token("USDT", 6)
    eth.chain.mint(fake, eth.chain.sender, 10**12)
    tx = eth.chain.send(fake, "transfer", eth.chain.deposit, 100 * 10**6)
    eth.chain.wait(tx)
    point_at(window, settings, eth)
    window.form.tx_hash.setText(tx)
    window.form.address.setText(eth.chain.deposit)
    diagnose(qtbot, window)
    assert window.result.copy_button.isEnabled()
    qtbot.mouseClick(window.result.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text().startswith("Hello, my deposit has not arrived.")
    assert tx in QGuiApplication.clipboard().text()


def test_a_dead_endpoint_leaves_the_window_usable_and_cancel_works(
    qtbot: QtBot, window: MainWindow, settings: AppSettings
) -> None:
    with RpcServer("hang") as dead:
        settings.set_endpoint("ethereum", dead.url)
        settings.timeout = 20
        window.form.network.setCurrentIndex(window.form.network.findData("ethereum"))
        window.form.tx_hash.setText(TX_UNKNOWN)
        qtbot.mouseClick(window.diagnose_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "asking" in window.progress.answer_text("ethereum"), timeout=5_000)
        # The window still answers: typing works while the node hangs.
        window.form.token.setText("USDT")
        assert window.cancel_button.isEnabled() and not window.diagnose_button.isEnabled()
        with qtbot.waitSignal(window.worker_finished, timeout=3_000):
            qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    assert "Cancelled" in window.statusBar().currentMessage()
    assert window.progress.answer_text("ethereum").endswith("— cancelled")
    assert window.diagnose_button.isEnabled() and window.result.report is None


def test_export_writes_every_format(
    qtbot: QtBot, window: MainWindow, settings: AppSettings, eth: Node, tmp_path: Path
) -> None:
    point_at(window, settings, eth)
    window.form.tx_hash.setText(usdt(eth, 20))
    window.form.address.setText(eth.chain.deposit)
    diagnose(qtbot, window)
    for suffix in (".pdf", ".txt", ".md", ".json"):
        written = window.export_report(tmp_path / f"report{suffix}")
        assert written is not None and written.stat().st_size > 500
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")
    assert json.loads((tmp_path / "report.json").read_text())["verdict"]["code"] == "CONFIRMATIONS_SUFFICIENT"
    text = subprocess.run(["pdftotext", str(tmp_path / "report.pdf"), "-"], capture_output=True, text=True, check=True)
    assert "Arrived at your deposit address" in text.stdout


def test_settings_dialog_saves_and_tests_a_connection(
    qtbot: QtBot, window: MainWindow, settings: AppSettings, eth: Node
) -> None:
    dialog = window.open_settings()
    dialog.endpoint["ethereum"].setText(eth.url)
    check = dialog.test_connection(catalog.network("ethereum"))
    with qtbot.waitSignal(check.signals.endpoint_checked, timeout=10_000):
        pass
    assert "connected, chain id 1, newest block" in dialog.test_result["ethereum"].text()
    dialog.confirmations["tron"].setValue(30)
    dialog.accept()
    assert settings.endpoints()["ethereum"] == [eth.url] and settings.confirmations("tron") == 30


def test_a_plain_http_node_on_another_machine_is_warned_about_in_settings(window: MainWindow) -> None:
    dialog = window.open_settings()
    dialog.endpoint["ethereum"].setText("http://node.example.com:8545")
    assert "plain http: its answers could be read and changed on the way" in dialog.test_result["ethereum"].text()
    dialog.endpoint["ethereum"].setText("http://127.0.0.1:8545")  # this computer: nothing on the way
    assert dialog.test_result["ethereum"].text() == ""
    dialog.reject()


def test_switching_to_chinese_translates_the_window_and_the_report(
    qtbot: QtBot, window: MainWindow, settings: AppSettings, eth: Node
) -> None:
    point_at(window, settings, eth)
    window.form.tx_hash.setText(usdt(eth, 3))
    diagnose(qtbot, window)
    settings.language = "zh"
    window.apply_settings()
    qtbot.waitUntil(lambda: window.diagnose_button.text() == "诊断", timeout=2_000)  # LanguageChange is posted
    assert window.form.network.itemText(0) == "自动识别"
    assert window.tabs.tabText(1) == "批量" and window.result.tabs.tabText(0) == "检查结果"
    assert "等待确认" in window.result.banner.text()
    settings.language = "en"
    window.apply_settings()
    qtbot.waitUntil(lambda: window.diagnose_button.text() == "Diagnose", timeout=2_000)


def test_window_strings_are_all_found_in_the_translations() -> None:
    """Guard: the .qm the window loads is built from the .ts the translation test checks."""
    qm = Path(__file__).resolve().parents[2] / "resources" / "translations" / "deposit_doctor_zh_CN.qm"
    assert qm.exists(), "scripts/setup builds it with pyside6-lrelease"


# anvil's first development account: a published test key, funded on every anvil.
ANVIL_KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"


def test_a_dropped_raw_transaction_never_broadcast(
    qtbot: QtBot, window: MainWindow, settings: AppSettings, eth: Node, tmp_path: Path
) -> None:
    nonce = eth.chain.rpc("eth_getTransactionCount", eth.chain.sender, "latest")
    signed = Account.from_key(ANVIL_KEY).sign_transaction(
        {
            "to": eth.chain.deposit,
            "value": 10**18,
            "gas": 21_000,
            "maxFeePerGas": 10**10,
            "maxPriorityFeePerGas": 10**9,
            "nonce": int(nonce, 16) if isinstance(nonce, str) else nonce,
            "chainId": 1,
            "type": 2,
        }
    )
    raw = tmp_path / "signed.hex"
    raw.write_text("0x" + signed.raw_transaction.hex().removeprefix("0x") + "\n")
    settings.set_endpoint("ethereum", eth.url)
    drop(qtbot, window, files(raw))
    assert window.form.tx_hash.text().lower().removeprefix("0x") == signed.hash.hex().removeprefix("0x")
    assert window.form.network.currentData() == "ethereum"
    diagnose(qtbot, window)
    assert window.result.report is not None and window.result.report.verdict_code == "TX_NOT_FOUND"
    assert window.result.banner.text().startswith("<b style='font-size: 14pt'>Never broadcast")


def test_cases_saved_open_again(qtbot: QtBot, window: MainWindow, tmp_path: Path, said: list[str]) -> None:
    export = tmp_path / "cases.csv"
    export.write_text(
        "TxID,Network,Coin,Amount\n" + "".join(f"{format(i, '064x')},TRC20,USDT,{i}.5\n" for i in range(1, 4))
    )
    drop(qtbot, window, files(export))
    saved = window.save_cases(tmp_path / "saved.json")
    assert saved is not None
    window.batch_model.set_drafts([])
    drop(qtbot, window, files(saved))
    drafts = [row.draft for row in window.batch_model.rows()]
    assert [(d.network, d.token, str(d.amount)) for d in drafts] == [("tron", "USDT", f"{i}.5") for i in range(1, 4)]
    assert said == []


def test_the_window_is_kept_out_of_the_garbage_collectors_sweeps(window: MainWindow) -> None:
    """A full sweep walked everything the window had built and held its thread 70 ms in a batch's middle:
    what the window built is frozen (bench/ui_stall.py shows the stall; this, the cause it had)."""
    import gc  # noqa: PLC0415

    swept = gc.get_objects()
    assert not any(o is window or o is window.batch_model for o in swept)
    assert gc.get_freeze_count() > 0
