"""Each network being asked, and its answer as it arrives: the user sees the search, not a frozen window."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyle, QWidget

from diagnostics import catalog
from diagnostics.model import Found, NetworkFacts, NotFound, Unavailable
from diagnostics.report.content import reason_text, strings


class ProgressWidget(QListWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: dict[str, QListWidgetItem] = {}
        self.setWordWrap(True)  # a node's reason is a sentence: wrapped, not behind a scroll bar
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._answers: dict[str, NetworkFacts | None] = {}
        self.language = "en"  # for node failure reasons, which come from the report's translations

    def clear_networks(self) -> None:
        self.clear()
        self._items.clear()
        self._answers.clear()

    @Slot(str)
    def on_network_asked(self, slug: str) -> None:
        item = QListWidgetItem()
        self._items[slug] = item
        self._answers[slug] = None
        self.addItem(item)
        self._render(slug)

    @Slot(object)
    def on_network_answered(self, facts: NetworkFacts) -> None:
        if facts.network not in self._items:
            self.on_network_asked(facts.network)
        self._answers[facts.network] = facts
        self._render(facts.network)

    def mark_unanswered(self, word: str) -> None:
        """After Cancel: the networks still being asked will not answer now."""
        for slug, facts in self._answers.items():
            if facts is None:
                self._items[slug].setText(self._items[slug].text().rsplit(" — ", 1)[0] + f" — {word}")
                self._items[slug].setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MediaStop))

    def answer_text(self, slug: str) -> str:
        item = self._items.get(slug)
        return item.text() if item else ""

    def _render(self, slug: str) -> None:
        item, facts = self._items[slug], self._answers[slug]
        name = catalog.networks()[slug].display_name if slug in catalog.networks() else slug
        style = self.style()
        if facts is None:
            text, icon = self.tr("asking…"), QStyle.StandardPixmap.SP_BrowserReload
        elif facts.skipped:
            text, icon = self.tr("not waited for: found elsewhere"), QStyle.StandardPixmap.SP_MediaSkipForward
        elif isinstance(facts.tx, Found):
            text, icon = self.tr("found"), QStyle.StandardPixmap.SP_DialogApplyButton
        elif isinstance(facts.tx, NotFound):
            text, icon = self.tr("not found"), QStyle.StandardPixmap.SP_DialogCancelButton
        else:
            reason = reason_text(facts.tx, strings(self.language)) if isinstance(facts.tx, Unavailable) else ""
            text, icon = (
                self.tr("could not be asked: {reason}").replace("{reason}", reason),
                (QStyle.StandardPixmap.SP_MessageBoxWarning),
            )
        timing = f" ({round(facts.elapsed_seconds * 1000)} ms)" if facts is not None and not facts.skipped else ""
        item.setText(f"{name} — {text}{timing}")
        item.setIcon(style.standardIcon(icon))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            for slug in self._items:
                self._render(slug)
        super().changeEvent(event)
