"""Qt's own dialogs speak the window's language: Qt's qtbase translations, and ours where Qt's file lacks one."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel
from pytestqt.qtbot import QtBot

from desktop.i18n import Translations, qt_translations


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[Translations]:
    translations = Translations()
    assert translations.apply("zh")
    yield translations
    translations.apply("en")  # translators are the application's: never leave one to the next test


def _labels(qtbot: QtBot) -> list[str]:
    dialog = QFileDialog(None, "", "", "PDF (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own dialog: the one these files translate
    qtbot.addWidget(dialog)
    return [label.text() for label in dialog.findChildren(QLabel)]


def test_qt_ships_its_chinese_translations() -> None:
    assert (qt_translations() / "qtbase_zh_CN.qm").is_file()


def test_the_file_dialog_says_look_in_and_files_of_type_in_chinese(qtbot: QtBot, chinese: Translations) -> None:
    labels = _labels(qtbot)
    assert any(text.startswith("查找范围") for text in labels), labels
    assert any(text.startswith("文件类型") for text in labels), labels
    assert any(text.startswith("文件名称") for text in labels), labels  # Qt's own file, still loaded
    assert not [text for text in labels if re.search("[a-z]", re.sub(r"\(&\w\)", "", text), re.I)], labels


def test_english_again_after_a_switch_back(qtbot: QtBot, chinese: Translations) -> None:
    chinese.apply("en")
    assert "&Look in:" in _labels(qtbot)
