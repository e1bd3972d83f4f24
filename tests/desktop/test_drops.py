"""Files and text dropped on the window: read off its thread, one case to the form, several to the batch."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData
from pytestqt.qtbot import QtBot

from desktop.main_window import MainWindow
from desktop.settings import AppSettings
from tests.desktop.interaction import TX_UNKNOWN, drop, files


def test_dropped_text_with_an_explorer_link_fills_the_form(qtbot: QtBot, window: MainWindow, said: list[str]) -> None:
    mime = QMimeData()
    mime.setText(f"my deposit: https://bscscan.com/tx/{TX_UNKNOWN} please help")
    drop(qtbot, window, mime)
    assert window.form.tx_hash.text() == TX_UNKNOWN
    assert window.form.network.currentData() == "bsc" and said == []


def test_a_dropped_csv_export_fills_the_batch_table(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, said: list[str]
) -> None:
    export = tmp_path / "history.csv"
    rows = "\n".join(f"{i},TRC20,USDT,{10 + i},{format(i, '064x')}" for i in range(1, 4))
    export.write_text("\ufeff时间,网络,币种,数量,交易哈希\n" + rows + "\n", encoding="utf-8")
    drop(qtbot, window, files(export))
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
        drop(qtbot, window, files(path))
    assert window.form.tx_hash.text() == TX_UNKNOWN and window.batch_model.rowCount() == 0
    assert len(said) == 3
    assert "not a text file" in said[0] and "seed phrase" in said[1] and "too large" in said[2]
    assert "legal winner" not in " ".join(said)


def test_a_skipped_row_says_what_it_held_in_the_windows_language(
    qtbot: QtBot, window: MainWindow, settings: AppSettings, tmp_path: Path, said: list[str]
) -> None:
    export = tmp_path / "withdrawals.csv"
    rows = [f"2024-05-0{i},TRC20,USDT,{10 + i},{format(i, '064x')}" for i in (1, 2)]
    export.write_text("Time,Network,Coin,Amount,TxID\n2024-05-03,TRC20,USDT,7,\n" + "\n".join(rows) + "\n")
    drop(qtbot, window, files(export))
    assert said == ["Row 2 has no transaction hash and was skipped (it reads: 2024-05-03, TRC20, USDT, 7)."]
    assert window.batch_model.rowCount() == 2
    settings.language = "zh"
    window.apply_settings()
    drop(qtbot, window, files(export))
    assert said[1] == "第 2 行没有交易哈希，已跳过（该行内容：2024-05-03, TRC20, USDT, 7）。"
    assert window.batch_page.skipped == [said[1]], "kept for the batch's summary"
