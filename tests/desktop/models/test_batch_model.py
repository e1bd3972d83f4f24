from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.modeltest import ModelTester

from desktop.models.batch_model import BatchFilter, BatchModel, RowStatus
from diagnostics.intake.draft import CaseDraft
from tests.desktop.batch_rows import fill

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
    fill(model)
    qtmodeltester.check(model)
    qtmodeltester.check(BatchFilter(model))


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


def test_the_verdict_comes_first_marked_and_coloured_by_severity() -> None:
    model = BatchModel()
    fill(model)
    verdict = BatchModel.COLUMNS.index("verdict")
    assert verdict <= 1, "the verdict is the second column, after the row's number"
    shown = [model.data(model.index(n, verdict)) for n in range(model.rowCount())]
    assert shown[0] == "✓ Arrived at your deposit address — the exchange should credit it"
    assert shown[1] == "✗ Not found on Ethereum (ERC-20)"
    assert shown[2] == "‼ Not the real USDT: a look-alike token was sent"
    assert shown[5] == "could not connect", "a failure says why, with no severity"
    tints = [model.data(model.index(n, 3), Qt.ItemDataRole.BackgroundRole) for n in range(model.rowCount())]
    assert len({t.name(QColor.NameFormat.HexArgb) for t in tints[:4]}) == 4 and tints[5] is None
    assert all(0 < t.alpha() < 255 for t in tints[:5]), "a tint over the theme's base, light or dark"
    tip = model.data(model.index(2, verdict), Qt.ItemDataRole.ToolTipRole)
    assert tip == "critical: Not the real USDT: a look-alike token was sent", "the severity in words, not colour alone"


def test_verdicts_are_said_again_in_the_new_language() -> None:
    model = BatchModel()
    fill(model)
    verdict = BatchModel.COLUMNS.index("verdict")
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda top, bottom: changed.append((top.row(), bottom.row())))
    model.set_language("zh")
    assert changed == [(0, 5)]
    text = model.data(model.index(2, verdict))
    assert text.startswith("‼ ") and "USDT" in text and "Not the real" not in text
    assert any("\u4e00" <= ch <= "\u9fff" for ch in text)
    assert model.data(model.index(5, verdict)) == "could not connect"


def test_sorting_by_severity_and_filtering_by_verdict_map_back_to_the_case() -> None:
    model = BatchModel()
    fill(model)
    shown = BatchFilter(model)
    shown.sort(BatchModel.COLUMNS.index("verdict"), Qt.SortOrder.DescendingOrder)
    order = [shown.source_row(n) for n in range(shown.rowCount())]
    assert order[0] == 5, "not diagnosed: after every verdict (first when descending)"
    assert order[1] == 2 and set(order[2:4]) == {1, 4} and order[4:] == [3, 0], "worst first"
    assert model.verdict_codes() == {
        "TOKEN_NOT_OFFICIAL": 1,
        "TX_NOT_FOUND": 2,
        "TX_PENDING": 1,
        "CONFIRMATIONS_SUFFICIENT": 1,
    }
    shown.set_verdict("TX_NOT_FOUND")
    assert sorted(shown.source_row(n) for n in range(shown.rowCount())) == [1, 4]
    shown.set_verdict("")
    assert [shown.source_row(n) for n in range(shown.rowCount())] == [5]
    shown.set_verdict(None)
    shown.sort(BatchModel.COLUMNS.index("source"), Qt.SortOrder.DescendingOrder)
    assert [shown.source_row(n) for n in range(shown.rowCount())] == [5, 4, 3, 2, 1, 0]
