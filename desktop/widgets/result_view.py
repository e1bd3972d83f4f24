"""The result, answer first: a verdict banner coloured by severity with its sentence, the first things to do
now, the message to support (or, said beside its button, why there is none), then the findings to expand,
the transaction's facts with a confirmations bar, explorer links, and the report itself (its HTML, as the PDF
prints it).

A person whose money has not arrived reads the top and stops: nothing they need is behind a tab, a tooltip or
an expander, and no line is cut off at any width the window allows."""

from __future__ import annotations

import json
from html import escape
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication, QPainter, QPalette, QTextOption
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
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
from desktop.widgets.fact_table import Fact, FactTableWidget
from desktop.widgets.wrapped_text import WrappedTextWidget, wrapped_height
from diagnostics.checks.codes import CODES
from diagnostics.model import Diagnosis, Severity
from diagnostics.output import local_zone
from diagnostics.report.content import Report
from diagnostics.report.html import COLOURS, lay_out
from diagnostics.report.json import dumps, report_from_dict, to_dict
from diagnostics.report.transaction import summarize

SEVERITY_ICONS = {  # the standard icons a finding or a kept diagnosis shows, by severity
    "info": QStyle.StandardPixmap.SP_DialogApplyButton,
    "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "problem": QStyle.StandardPixmap.SP_MessageBoxCritical,
    "critical": QStyle.StandardPixmap.SP_MessageBoxCritical,
}


_Index = QModelIndex | QPersistentModelIndex


class _WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped text, a long address or hash in a sentence broken where it must be: Qt's
    tree sizes rows for one line and breaks lines only at spaces, which cut sentences off at the right."""

    def _text_width(self, index: _Index) -> int:
        view = self.parent()
        assert isinstance(view, QTreeWidget)
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        return max(80, view.columnWidth(0) - view.indentation() * (depth + 1) - _ICON_ROOM)

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:  # noqa: N802
        text = wrapped_height(str(index.data() or ""), option.font, self._text_width(index))
        base = super().sizeHint(option, index)
        return QSize(base.width(), max(base.height(), text + 4))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        text, item.text = item.text, ""
        style = item.widget.style() if item.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, item.widget)
        room = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, item, item.widget)
        selected = bool(item.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        wrap = QTextOption(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        wrap.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        painter.save()
        painter.setFont(item.font)
        painter.setPen(item.palette.color(role))
        painter.drawText(QRectF(room.adjusted(2, 0, -2, 0)), text, wrap)
        painter.restore()


_ICON_ROOM = 24


_WHOLE = frozenset({"tx_hash", "from", "to", "called_contract", "token", "address"})  # report row keys
_FIRST_STEPS = 3  # what to do now, on the result itself; the rest is in the findings


def can_still_be_credited(verdict_code: str) -> bool:
    """Whether confirmations still count towards the money arriving: not for a transaction that failed, went
    to a token contract, moved a fake token, went to someone else … (the code table's "lost" and every
    problem a watch cannot wait out). A bar saying "9 / 12" there would promise what will never happen."""
    info = CODES.get(verdict_code)
    if info is None or info.watch == "lost":
        return False
    return info.watch in ("wait", "arrived") or info.severity in (Severity.INFO, Severity.WARNING)


def facts_of(report: Report) -> list[Fact]:
    """The facts tab's rows: the transaction's when one was found, else the case as entered."""
    if report.transaction:
        keyed = list(zip(report.transaction_keys, report.transaction, strict=True))
    else:
        keys = {report.labels[key]: key for key in ("tx_hash", "address")}
        keyed = [(keys.get(label, ""), (label, value)) for label, value in report.case]
    facts = []
    for key, (label, value) in keyed:
        whole = key in _WHOLE and value != report.labels["none"]
        # The token row reads "USDT — 0xdAC1…": its button copies the contract, which is what forms ask for.
        facts.append(Fact(label, value, whole, value.rsplit(" — ", 1)[-1] if key == "token" else value))
    return facts


def _scrolled(widget: QWidget) -> QScrollArea:
    """``widget`` scrolling down, never sideways: its rows wrap to the width instead."""
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    return area


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
        self.report_data: dict[str, Any] = {}  # the report's JSON, parsed (once, by whoever had it first)
        self.language = "en"
        self.banner = WrappedTextWidget(rich=True)
        self.banner.document().setDocumentMargin(10)
        self.next_steps = WrappedTextWidget(rich=True)
        self.confirmations_label = QLabel()
        self.confirmations = QProgressBar()
        self.confirmations.setFormat("%v / %m")
        self.findings = _findings_tree()
        self.facts = FactTableWidget()
        self.report_view = QTextBrowser()
        self.report_view.setOpenExternalLinks(True)
        self.links = WrappedTextWidget(rich=True)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.findings, "")
        self.tabs.addTab(_scrolled(self.facts), "")
        self.tabs.addTab(self.report_view, "")
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self.copy_support_message)
        # Why there is no message to support ("the transaction failed: send again"), said where it is looked for.
        self.support_note = WrappedTextWidget()
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.export_requested)
        self.watch_button = QPushButton()
        self.watch_button.clicked.connect(self.watch_requested)
        # Its room is kept while it is hidden: appearing, it must not widen the window under the user.
        policy = self.watch_button.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.watch_button.setSizePolicy(policy)
        self._lay_out()
        self.retranslate()
        self.show_diagnosis(None)

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.confirmations_label)
        bar.addWidget(self.confirmations, 1)
        support = QHBoxLayout()
        support.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignTop)
        support.addWidget(self.support_note, 1)
        support.addStretch(0)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.watch_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.next_steps)
        layout.addLayout(bar)
        layout.addLayout(support)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.links)
        layout.addLayout(buttons)

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

    def show_diagnosis(
        self, diagnosis: Diagnosis | None, report_json: str = "", data: dict[str, Any] | None = None
    ) -> None:
        """``report_json`` is the engine's JSON of it, when it came with one, and ``data`` that JSON already
        parsed (the engine's reader parses it once; it is not parsed again here). A report in another language
        than the window's is made again from the diagnosis, as data, and written out once."""
        if diagnosis is None:
            self.show_report(None)
            return
        if data is None and report_json:
            data = json.loads(report_json)  # a watch's re-check comes as text only
        if data is None or data.get("language") != self.language:
            data = to_dict(diagnosis, self.language, tz=local_zone())
            report_json = dumps(data)
        self.show_report(report_from_dict(data), report_json, diagnosis, data)

    def show_report(
        self,
        report: Report | None,
        report_json: str = "",
        diagnosis: Diagnosis | None = None,
        data: dict[str, Any] | None = None,
    ) -> None:
        """Show ``report`` (``data``: its JSON, parsed); without its ``diagnosis`` (a report reopened from the
        history) there is no confirmations bar, since the chain may have moved on since."""
        self.diagnosis, self.report, self.report_json = diagnosis, report, report_json
        self.report_data = data or {}
        has = report is not None
        for widget in (self.banner, self.tabs, self.copy_button, self.export_button, self.links):
            widget.setVisible(has)
        self.next_steps.setVisible(False)
        self.support_note.setVisible(False)
        # Only a live diagnosis of a transaction on its way can be watched (not a report reopened as kept).
        self.watch_button.setVisible(diagnosis is not None and diagnosis.verdict.code in WATCHABLE)
        self.confirmations.setVisible(False)
        self.confirmations_label.setVisible(False)
        if report is None:
            return
        background, text = COLOURS.get(report.verdict_severity, COLOURS["info"])
        self.banner.setStyleSheet(f"QTextBrowser {{ background: {background}; color: {text}; border-radius: 4px; }}")
        self.banner.setText(f"<b style='font-size: 14pt'>{escape(report.verdict)}</b><br>{escape(report.summary)}")
        self._say_next_steps(report)
        self._fill_findings(report)
        self.facts.set_facts(facts_of(report))
        self.report_view.setHtml(lay_out(report))
        links = " · ".join(f"<a href='{escape(link.url)}'>{escape(link.label)}</a>" for link in report.links)
        self.links.setText(links)
        summary = summarize(diagnosis) if diagnosis else None
        have, required = (summary.confirmations, summary.required) if summary else (None, None)
        if have is not None and required and can_still_be_credited(report.verdict_code):
            self.confirmations.setRange(0, required)
            self.confirmations.setValue(min(have, required))
            self.confirmations.setFormat(f"{have} / {required}")
            self.confirmations.setVisible(True)
            self.confirmations_label.setVisible(True)
        self.copy_button.setEnabled(report.support_needed)
        self.copy_button.setToolTip(report.support_message)
        self.support_note.setText("" if report.support_needed else report.support_message)
        self.support_note.setVisible(not report.support_needed)

    def _say_next_steps(self, report: Report) -> None:
        """The verdict's first steps, on the result itself: what a worried person came for."""
        deciding = next((f for f in report.findings if f.code == report.verdict_code), None)
        steps = deciding.next_steps[:_FIRST_STEPS] if deciding else ()
        if steps:
            items = "".join(f"<li>{escape(step)}</li>" for step in steps)
            self.next_steps.setText(f"<b>{escape(report.labels['next_steps'])}</b><ol>{items}</ol>")
        self.next_steps.setVisible(bool(steps))

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
