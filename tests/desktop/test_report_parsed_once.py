"""The report's JSON is parsed once on its way to the view: the engine's reader parses what the child sent, and
the result, the history and the export take that (or the text as it came) without parsing it again.

Every JSON parse in the window's process goes through ``json.JSONDecoder.decode`` (``json.loads``,
``json.load`` and the bounded ``load_json`` alike); the count is of the parses of this report's text.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from desktop.main_window import MainWindow
from desktop.settings import AppSettings
from tests.desktop.interaction import diagnose, point_at, usdt
from tests.fixtures.evm_node import Node


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The text of every JSON document parsed in this process from now on (the engine's reader thread too)."""
    seen: list[str] = []
    decode = json.JSONDecoder.decode

    def counting(self: json.JSONDecoder, s: str, *args: Any, **kwargs: Any) -> Any:
        seen.append(s)
        return decode(self, s, *args, **kwargs)

    monkeypatch.setattr(json.JSONDecoder, "decode", counting)
    return seen


@pytest.fixture
def diagnosed(qtbot: QtBot, window: MainWindow, settings: AppSettings, eth: Node, parses: list[str]) -> str:
    """A real diagnosis on the window, counted from its start; its transaction's hash."""
    point_at(window, settings, eth)
    tx = usdt(eth, 5)
    window.form.tx_hash.setText(tx)
    window.form.address.setText(eth.chain.deposit)
    window.form.token.setText("USDT")
    diagnose(qtbot, window)
    return tx


def test_a_diagnosis_is_parsed_once_for_the_view_the_history_and_the_export(
    window: MainWindow, diagnosed: str, parses: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tx = diagnosed

    def of_this_report() -> list[str]:
        return [s for s in parses if tx.lower() in s.lower() and '"schema_version"' in s]

    shown = window.result
    assert shown.report is not None and shown.report.verdict_code == "CONFIRMATIONS_INSUFFICIENT"
    assert shown.report_data["verdict"]["code"] == "CONFIRMATIONS_INSUFFICIENT"
    assert window.history.entries()[0].tx_hash == tx  # kept, as the text came
    assert len(of_this_report()) == 1

    asked: list[str] = []  # the export's file name is made from the shown report's hash, without parsing it
    target = tmp_path / "report.json"
    monkeypatch.setattr(window.dialogs, "report_path", lambda stem: asked.append(stem) or target)
    assert window.export_report() == target
    assert asked == [tx.removeprefix("0x")[:12]]
    assert json.loads(target.read_text(encoding="utf-8"))["case"]["tx_hash"] == tx
    assert len(of_this_report()) == 2  # the line above, this test's own read of the file

    # Reopened from the history: read back from the database once (bounded), and not again on its way.
    window.reopen(window.history.entries()[0].id)
    assert window.result.report is not None and window.result.diagnosis is None
    assert len(of_this_report()) == 3
