"""The window end to end: a real diagnosis on anvil, drops, exports, the batch, settings and language."""

from __future__ import annotations

import json
import subprocess
import warnings
from pathlib import Path

import pytest
from eth_account import Account
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.main_window import MainWindow
from desktop.models.batch_model import RowStatus
from desktop.settings import AppSettings
from diagnostics import catalog
from tests.fixtures.evm_node import Node
from tests.fixtures.rpc_server import RpcServer

TX_UNKNOWN = "0x" + "ab" * 32


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the window would have said in a message box (a modal box would block the test)."""
    messages: list[str] = []

    def record(_parent: object, _title: str, text: str, *args: object) -> QMessageBox.StandardButton:
        messages.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "information", record)
    monkeypatch.setattr(QMessageBox, "warning", record)
    return messages


def _usdt(node: Node, confirmations: int) -> str:
    tx: str = node.chain.send(node.usdt, "transfer", node.chain.deposit, 250 * node.unit)
    node.chain.wait(tx)
    node.chain.mine(confirmations - 1)
    return tx


def _diagnose(qtbot: QtBot, window: MainWindow) -> None:
    assert window.diagnose_button.isEnabled()
    with qtbot.waitSignal(window.worker_finished, timeout=20_000):
        qtbot.mouseClick(window.diagnose_button, Qt.MouseButton.LeftButton)


def _point_at(window: MainWindow, settings: AppSettings, node: Node) -> None:
    settings.set_endpoint("ethereum", node.url)
    window.form.network.setCurrentIndex(window.form.network.findData("ethereum"))


def test_a_real_diagnosis_shows_its_verdict_progress_and_confirmations(
    qtbot: QtBot, window: MainWindow, settings: AppSettings, eth: Node
) -> None:
    tx = _usdt(eth, 5)
    _point_at(window, settings, eth)
    window.form.tx_hash.setText(tx)
    window.form.address.setText(eth.chain.deposit)
    window.form.token.setText("USDT")
    _diagnose(qtbot, window)
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
    _point_at(window, settings, eth)
    window.form.tx_hash.setText(tx)
    window.form.address.setText(eth.chain.deposit)
    _diagnose(qtbot, window)
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


def _drop(qtbot: QtBot, window: MainWindow, mime: QMimeData) -> None:
    """Drop ``mime`` on the window and wait until it has been read (off the window's thread)."""
    with warnings.catch_warnings():  # Qt 6 deprecates this constructor but offers no other for a drag enter
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(
            QPointF(10, 10).toPoint(),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    with qtbot.waitSignal(window.intake_taken, timeout=10_000):
        window.dropEvent(drop)


def _files(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def test_dropped_text_with_an_explorer_link_fills_the_form(qtbot: QtBot, window: MainWindow, said: list[str]) -> None:
    mime = QMimeData()
    mime.setText(f"my deposit: https://bscscan.com/tx/{TX_UNKNOWN} please help")
    _drop(qtbot, window, mime)
    assert window.form.tx_hash.text() == TX_UNKNOWN
    assert window.form.network.currentData() == "bsc" and said == []


def test_a_dropped_csv_export_fills_the_batch_table(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, said: list[str]
) -> None:
    export = tmp_path / "history.csv"
    rows = "\n".join(f"{i},TRC20,USDT,{10 + i},{format(i, '064x')}" for i in range(1, 4))
    export.write_text("\ufeff时间,网络,币种,数量,交易哈希\n" + rows + "\n", encoding="utf-8")
    _drop(qtbot, window, _files(export))
    assert window.batch_model.rowCount() == 3 and window.tabs.currentIndex() == 1
    assert window.batch_model.row(0).draft.network == "tron" and said == []
    assert window.batch_page.run_all_button.isEnabled()


def test_an_unreadable_or_secret_file_changes_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, said: list[str]
) -> None:
    window.form.tx_hash.setText(TX_UNKNOWN)
    picture = tmp_path / "photo.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    seed = tmp_path / "notes.txt"
    seed.write_text("legal winner thank year wave sausage worth useful legal winner thank yellow\n" + "cd" * 32)
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"a" * (6 * 1024 * 1024))
    for path in (picture, seed, huge):
        _drop(qtbot, window, _files(path))
    assert window.form.tx_hash.text() == TX_UNKNOWN and window.batch_model.rowCount() == 0
    assert len(said) == 3
    assert "not a text file" in said[0] and "seed phrase" in said[1] and "too large" in said[2]
    assert "legal winner" not in " ".join(said)


def test_export_writes_every_format(
    qtbot: QtBot, window: MainWindow, settings: AppSettings, eth: Node, tmp_path: Path
) -> None:
    _point_at(window, settings, eth)
    window.form.tx_hash.setText(_usdt(eth, 20))
    window.form.address.setText(eth.chain.deposit)
    _diagnose(qtbot, window)
    for suffix in (".pdf", ".txt", ".md", ".json"):
        written = window.export_report(tmp_path / f"report{suffix}")
        assert written is not None and written.stat().st_size > 500
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")
    assert json.loads((tmp_path / "report.json").read_text())["verdict"]["code"] == "CONFIRMATIONS_SUFFICIENT"
    text = subprocess.run(["pdftotext", str(tmp_path / "report.pdf"), "-"], capture_output=True, text=True, check=True)
    assert "Arrived at your deposit address" in text.stdout


@pytest.mark.usefixtures("said")
def test_batch_runs_all_and_exports_every_report(
    qtbot: QtBot, window: MainWindow, settings: AppSettings, eth: Node, tmp_path: Path
) -> None:
    settings.set_endpoint("ethereum", eth.url)
    hashes = [_usdt(eth, 1) for _ in range(3)] + [TX_UNKNOWN]
    export = tmp_path / "cases.csv"
    export.write_text("TxID;Network;Coin\n" + "".join(f"{h};ERC20;USDT\n" for h in hashes))
    _drop(qtbot, window, _files(export))
    with qtbot.waitSignal(window.batch.batch_finished, timeout=30_000):
        qtbot.mouseClick(window.batch_page.run_all_button, Qt.MouseButton.LeftButton)
    statuses = [row.status for row in window.batch_model.rows()]
    assert statuses == [RowStatus.DONE] * 4
    verdicts = [row.diagnosis.verdict.code for row in window.batch_model.rows() if row.diagnosis]
    assert verdicts[:3] == ["CONFIRMATIONS_INSUFFICIENT"] * 3
    folder = tmp_path / "reports"
    folder.mkdir()
    window.batch_page.export_format.setCurrentIndex(window.batch_page.export_format.findData("markdown"))
    written = window.export_batch(folder)
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in written) and len(written) == 4
    assert all(p.suffix == ".md" for p in written)


def test_batch_stop_marks_what_did_not_finish(
    qtbot: QtBot, window: MainWindow, settings: AppSettings, said: list[str], tmp_path: Path
) -> None:
    with RpcServer("hang") as dead:
        settings.set_endpoint("ethereum", dead.url)
        settings.timeout = 20
        export = tmp_path / "cases.csv"
        export.write_text("TxID,Network\n" + "".join(f"{format(i, '064x')},ETH\n" for i in range(1, 21)))
        _drop(qtbot, window, _files(export))
        window.run_batch()
        qtbot.waitUntil(lambda: window.batch.running, timeout=2_000)
        with qtbot.waitSignal(window.batch.batch_finished, timeout=5_000):
            qtbot.mouseClick(window.batch_page.stop_button, Qt.MouseButton.LeftButton)
    assert {row.status for row in window.batch_model.rows()} == {RowStatus.STOPPED}
    assert window.batch_page.run_all_button.isEnabled()
    assert window.batch_page.status.text() == "0 done, 0 failed, 20 stopped, of 20"


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
    _point_at(window, settings, eth)
    window.form.tx_hash.setText(_usdt(eth, 3))
    _diagnose(qtbot, window)
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
    _drop(qtbot, window, _files(raw))
    assert window.form.tx_hash.text().lower().removeprefix("0x") == signed.hash.hex().removeprefix("0x")
    assert window.form.network.currentData() == "ethereum"
    _diagnose(qtbot, window)
    assert window.result.report is not None and window.result.report.verdict_code == "TX_NOT_FOUND"
    assert window.result.banner.text().startswith("<b style='font-size: 14pt'>Never broadcast")


def test_cases_saved_open_again(qtbot: QtBot, window: MainWindow, tmp_path: Path, said: list[str]) -> None:
    export = tmp_path / "cases.csv"
    export.write_text(
        "TxID,Network,Coin,Amount\n" + "".join(f"{format(i, '064x')},TRC20,USDT,{i}.5\n" for i in range(1, 4))
    )
    _drop(qtbot, window, _files(export))
    saved = window.save_cases(tmp_path / "saved.json")
    assert saved is not None
    window.batch_model.set_drafts([])
    _drop(qtbot, window, _files(saved))
    drafts = [row.draft for row in window.batch_model.rows()]
    assert [(d.network, d.token, str(d.amount)) for d in drafts] == [("tron", "USDT", f"{i}.5") for i in range(1, 4)]
    assert said == []
