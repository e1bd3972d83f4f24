from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from desktop.models.batch_model import BatchModel, RowStatus
from diagnostics.intake.draft import CaseDraft

DRAFTS = [
    CaseDraft(
        "0x" + "ab" * 32, "0xdAC17F958D2ee523a2206206994597C13D831ec7", "ethereum", "USDT", Decimal(250), source="row 1"
    ),
    CaseDraft("cd" * 32, None, None, None, None, source="row 2"),
]


def test_batch_model_is_a_sound_qt_model(qtmodeltester: ModelTester) -> None:
    model = BatchModel()
    model.set_drafts(DRAFTS)
    qtmodeltester.check(model)
    model.update(1, status=RowStatus.DONE, verdict="Not found")
    qtmodeltester.check(model)


def test_rows_show_the_case_and_its_status() -> None:
    model = BatchModel()
    model.set_labels(
        {c: c.upper() for c in BatchModel.COLUMNS}, {s: f"<{s.value}>" for s in RowStatus}, "Auto", {"row": "第 {n} 行"}
    )
    model.set_drafts(DRAFTS)
    assert model.rowCount() == 2 and model.columnCount() == len(BatchModel.COLUMNS)
    column = BatchModel.COLUMNS.index
    assert model.data(model.index(0, column("amount"))) == "250"
    assert model.data(model.index(1, column("network"))) == "Auto"
    assert model.data(model.index(0, column("network"))) == "Ethereum (ERC-20)"
    assert model.data(model.index(1, column("source"))) == "第 2 行"
    assert model.counts()[RowStatus.WAITING] == 2
    assert model.data(model.index(1, column("status"))) == "<waiting>"
    assert model.headerData(column("verdict"), Qt.Orientation.Horizontal) == "VERDICT"
    changed: list[int] = []
    model.dataChanged.connect(lambda top, _bottom: changed.append(top.row()))
    model.update(1, status=RowStatus.FAILED, verdict="could not connect")
    assert changed == [1] and model.data(model.index(1, column("verdict"))) == "could not connect"
