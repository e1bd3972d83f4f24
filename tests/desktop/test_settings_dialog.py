"""Settings ▸ Test connection: the answer is shown whole at the dialog's own size, in both languages."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from desktop.i18n import Translations
from desktop.settings import AppSettings
from desktop.settings_dialog import SettingsDialog
from desktop.workers import EngineWorker
from diagnostics.model import ChainHead, Found, Unavailable


@pytest.fixture(params=["en", "zh"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    translations = Translations()
    translations.apply(request.param)
    yield request.param
    translations.apply("en")


def _fits(label: QLabel) -> bool:
    QApplication.processEvents()
    widest = max(label.fontMetrics().horizontalAdvance(word) for word in label.text().split())
    return label.heightForWidth(label.width()) <= label.height() and widest <= label.contentsRect().width()


@pytest.mark.parametrize(
    "answer",
    [Found(ChainHead(66, 1_700_000_000)), Unavailable("timeout", "the node did not answer within 10 seconds")],
)
def test_the_answer_fits_at_the_dialogs_default_size(
    qtbot: QtBot, settings: AppSettings, engine: EngineWorker, language: str, answer: object
) -> None:
    settings.language = language
    dialog = SettingsDialog(settings, engine)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    size = dialog.size()
    dialog._on_checked("ethereum", answer)  # what the engine's answer does (tests/desktop/test_main_window.py: real)
    label = dialog.test_result["ethereum"]
    assert label.isVisible() and "Ethereum" in label.text()
    assert _fits(label), (label.text(), label.size())
    assert dialog.width() == size.width()
