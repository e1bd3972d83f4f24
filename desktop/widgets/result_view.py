"""The result: a verdict banner coloured by severity, the findings to expand, the transaction's facts with a
confirmations bar, explorer links, and the report itself (its HTML, as the PDF prints it)."""

from __future__ import annotations

import json
from html import escape

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics, QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.watch import WATCHABLE
from diagnostics.model import Diagnosis
from diagnostics.output import local_zone
from diagnostics.report.content import Report
from diagnostics.report.html import COLOURS, lay_out
from diagnostics.report.json import render_json, report_from_dict
from diagnostics.report.transaction import summarize

SEVERITY_ICONS = {  # the standard icons a finding or a kept diagnosis shows, by severity
    "info": QStyle.StandardPixmap.SP_DialogApplyButton,
    "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "problem": QStyle.StandardPixmap.SP_MessageBoxCritical,
    "critical": QStyle.StandardPixmap.SP_MessageBoxCritical,
}


class _WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped text: Qt's tree sizes rows for one line, which cuts sentences off."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        view = self.parent()
        assert isinstance(view, QTreeWidget)
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        width = max(80, view.columnWidth(0) - view.indentation() * (depth + 1) - _ICON_ROOM)
        flags = int(Qt.TextFlag.TextWordWrap)
        text = QFontMetrics(option.font).boundingRect(0, 0, width, 1_000_000, flags, str(index.data() or ""))
        base = super().sizeHint(option, index)
        return QSize(base.width(), max(base.height(), text.height() + 4))


_ICON_ROOM = 24


def _findings_tree() -> QTreeWidget:
    tree = QTreeWidget()
    tree.setHeaderHidden(True)
    # Explanations are sentences: wrapped to the panel's width, never cut off with "…".
    tree.setWordWrap(True)
    tree.setTextElideMode(Qt.TextElideMode.ElideNone)
    tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    tree.setItemDelegate(_WrappingDelegate(tree))
    tree.header().sectionResized.connect(tree.scheduleDelayedItemsLayout)
    return tree


class ResultWidget(QWidget):
    export_requested = Signal()
    watch_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.diagnosis: Diagnosis | None = None
        self.report: Report | None = None
        self.report_json = ""
        self.language = "en"
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.RichText)
        self.banner.setMargin(10)
        self.confirmations_label = QLabel()
        self.confirmations = QProgressBar()
        self.confirmations.setFormat("%v / %m")
        self.findings = _findings_tree()
        self.facts = QTreeWidget()
        self.facts.setColumnCount(2)
        self.facts.setHeaderHidden(True)
        self.facts.setRootIsDecorated(False)
        self.report_view = QTextBrowser()
        self.report_view.setOpenExternalLinks(True)
        self.links = QLabel()
        self.links.setOpenExternalLinks(True)
        self.links.setWordWrap(True)
        self.links.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.findings, "")
        self.tabs.addTab(self.facts, "")
        self.tabs.addTab(self.report_view, "")
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self.copy_support_message)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.export_requested)
        self.watch_button = QPushButton()
        self.watch_button.clicked.connect(self.watch_requested)
        bar = QHBoxLayout()
        bar.addWidget(self.confirmations_label)
        bar.addWidget(self.confirmations, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.watch_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(bar)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.links)
        layout.addLayout(buttons)
        self.retranslate()
        self.show_diagnosis(None)

    def retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("Findings"))
        self.tabs.setTabText(1, self.tr("The transaction"))
        self.tabs.setTabText(2, self.tr("Report"))
        self.confirmations_label.setText(self.tr("Confirmations"))
        self.copy_button.setText(self.tr("Copy message to support"))
        self.export_button.setText(self.tr("Export…"))
        self.watch_button.setText(self.tr("Watch until credited"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_language(self, language: str) -> None:
        """A fresh diagnosis is said again in ``language``; a reopened report stays as it was kept."""
        self.language = language
        if self.diagnosis is not None:
            self.show_diagnosis(self.diagnosis)

    def show_diagnosis(self, diagnosis: Diagnosis | None, report_json: str = "") -> None:
        """``report_json`` is the engine's JSON of it, in the window's language, when it came with one."""
        if diagnosis is None:
            self.show_report(None)
            return
        if not report_json or json.loads(report_json).get("language") != self.language:
            report_json = render_json(diagnosis, self.language, tz=local_zone())
        self.show_report(report_from_dict(json.loads(report_json)), report_json, diagnosis)

    def show_report(self, report: Report | None, report_json: str = "", diagnosis: Diagnosis | None = None) -> None:
        """Show ``report``; without its ``diagnosis`` (a report reopened from the history) there is no
        confirmations bar, since the chain may have moved on since."""
        self.diagnosis, self.report, self.report_json = diagnosis, report, report_json
        has = report is not None
        for widget in (self.banner, self.tabs, self.copy_button, self.export_button, self.links):
            widget.setVisible(has)
        # Only a live diagnosis of a transaction on its way can be watched (not a report reopened as kept).
        self.watch_button.setVisible(diagnosis is not None and diagnosis.verdict.code in WATCHABLE)
        self.confirmations.setVisible(False)
        self.confirmations_label.setVisible(False)
        if report is None:
            return
        background, text = COLOURS.get(report.verdict_severity, COLOURS["info"])
        self.banner.setStyleSheet(f"background: {background}; color: {text}; border-radius: 4px;")
        self.banner.setText(f"<b style='font-size: 14pt'>{escape(report.verdict)}</b><br>{escape(report.summary)}")
        self._fill_findings(report)
        self.facts.clear()
        for label, value in report.transaction or report.case:
            QTreeWidgetItem(self.facts, [label, value])
        self.facts.resizeColumnToContents(0)
        self.report_view.setHtml(lay_out(report))
        links = " · ".join(f"<a href='{escape(link.url)}'>{escape(link.label)}</a>" for link in report.links)
        self.links.setText(links)
        summary = summarize(diagnosis) if diagnosis else None
        if summary is not None and summary.confirmations is not None and summary.required:
            self.confirmations.setRange(0, summary.required)
            self.confirmations.setValue(min(summary.confirmations, summary.required))
            self.confirmations.setFormat(f"{summary.confirmations} / {summary.required}")
            self.confirmations.setVisible(True)
            self.confirmations_label.setVisible(True)
        self.copy_button.setEnabled(report.support_needed)
        self.copy_button.setToolTip(report.support_message)

    def _fill_findings(self, report: Report) -> None:
        self.findings.clear()
        labels = report.labels
        for f in report.findings:
            top = QTreeWidgetItem(self.findings, [f"{f.title}  [{f.code}]"])
            top.setIcon(0, self.style().standardIcon(SEVERITY_ICONS.get(f.severity, SEVERITY_ICONS["info"])))
            QTreeWidgetItem(top, [f.explanation])
            if f.evidence:
                evidence = QTreeWidgetItem(top, [labels["evidence"]])
                for row in f.evidence:
                    QTreeWidgetItem(evidence, [f"{row.label}{labels['colon']}{row.value}"])
            if f.next_steps:
                steps = QTreeWidgetItem(top, [labels["next_steps"]])
                for step in f.next_steps:
                    QTreeWidgetItem(steps, [f"→ {step}"])
            top.setExpanded(f.code == report.verdict_code)

    def copy_support_message(self) -> None:
        if self.report is not None:
            QGuiApplication.clipboard().setText(self.report.support_message)
