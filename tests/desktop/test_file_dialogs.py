"""Qt's own file dialog in the window's language: on a system that speaks another, the platform's dialog
would not follow the window, so Qt's is used and Qt's translations (and the window's own, for what Qt's
Chinese lacks) put it in Chinese."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QLibraryInfo, QLocale, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel

from desktop.export_dialogs import speaks_system_language
from desktop.main_window import MainWindow
from desktop.settings import AppSettings

QT_TRANSLATIONS = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def _when_shown(seen: dict[str, object], tries: int = 100) -> None:
    """Read the open dialog's labels and close it (the static dialog blocks the test until then)."""
    dialog = QApplication.activeModalWidget()
    if not isinstance(dialog, QFileDialog):
        if tries:
            QTimer.singleShot(50, lambda: _when_shown(seen, tries - 1))
        return
    seen["qt_dialog"] = dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
    for name in ("lookInLabel", "fileTypeLabel", "fileNameLabel"):
        label = dialog.findChild(QLabel, name)
        seen[name] = label.text() if label is not None else None
    dialog.reject()


@pytest.mark.skipif(
    not (QT_TRANSLATIONS / "qtbase_zh_CN.qm").is_file(),
    reason=f"Qt's own Chinese (qtbase_zh_CN.qm) is not in PySide6's translations folder {QT_TRANSLATIONS}",
)
@pytest.mark.skipif(speaks_system_language("zh"), reason="this system speaks Chinese: its own dialog already does")
def test_the_chinese_windows_open_dialog_is_in_chinese(window: MainWindow, settings: AppSettings) -> None:
    settings.language = "zh"
    window.apply_settings()
    seen: dict[str, object] = {}
    QTimer.singleShot(50, lambda: _when_shown(seen))
    window.open_dialog()
    assert seen["qt_dialog"] is True, f"the platform's dialog speaks {QLocale.system().uiLanguages()}, not Chinese"
    assert "查找范围" in str(seen["lookInLabel"]) and "文件类型" in str(seen["fileTypeLabel"]), seen
    assert "文件名称" in str(seen["fileNameLabel"])
