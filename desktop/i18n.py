"""The window's language: Qt translation files for every window string, Qt's own for its standard dialogs.

Sources are ``resources/translations/deposit_doctor_<locale>.ts`` (lupdate extracts them from ``self.tr``
calls); ``scripts/setup`` builds the ``.qm`` files Qt loads, beside them. Report text is translated
by ``diagnostics.report.locale`` instead, since the CLI needs it without Qt.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

# Report language -> Qt locale name of the window's translations ("en" needs none: the sources are English).
QT_LOCALES = {"en": "", "zh": "zh_CN"}

# Qt's own dialogs are translated by Qt's qtbase_<locale>.qm, but Qt 6 renamed a few of its strings and the
# shipped Chinese file still has only the old ones ("Look in:", not "&Look in:"): the file dialog said "Look
# in:" and "Files of type:" in English. Ours carries them in Qt's own context, so lupdate keeps them in our .ts.
QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)


def translations_folder() -> Path:
    return Path(str(resources.files("diagnostics.resources").joinpath("translations")))


def qt_translations() -> Path:
    """Qt's own translations (qtbase_zh_CN.qm …), as shipped inside PySide6."""
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


class Translations:
    """The translators installed on the application; switching language swaps them (widgets hear
    ``QEvent.LanguageChange`` and retranslate themselves)."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self._loaded: dict[str, list[QTranslator]] = {}  # by locale: switching back and forth loads once

    def apply(self, language: str) -> bool:
        """Install ``language``'s translations; ``False`` when its file is missing (the window stays English)."""
        app = QCoreApplication.instance()
        assert app is not None
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed.clear()
        locale = QT_LOCALES.get(language, "")
        if not locale:
            return True
        if locale not in self._loaded:
            ours = QTranslator(app)
            if not ours.load(f"deposit_doctor_{locale}", str(translations_folder())):
                return False
            qt = QTranslator(app)
            # Ours is installed last, so it is asked first: its QFileDialog gaps fill what Qt's file lacks.
            self._loaded[locale] = ([qt] if qt.load(QLocale(locale), "qtbase", "_", str(qt_translations())) else []) + [
                ours
            ]
        self._installed = list(self._loaded[locale])
        for translator in self._installed:
            app.installTranslator(translator)
        return True
