"""The Diagnose tab: the case form and its buttons, the search as it happens, and the result beside them.

It runs one diagnosis at a time in the engine process (DESIGN rule 6) and says how it went through signals;
the window puts those words in its status bar.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.engine_process import Options
from desktop.widgets.case_form import CaseFormWidget
from desktop.widgets.progress_view import ProgressWidget
from desktop.widgets.result_view import ResultWidget
from desktop.workers import EngineWorker, Job
from diagnostics.intake.draft import CaseDraft
from diagnostics.model import Diagnosis

RESULT_MIN_WIDTH = 300  # logical pixels: the banner's sentence wraps, the buttons still fit
RESULT_ROOM = 720  # logical pixels the result keeps before the form grows to show a hash whole
_LONGEST_HASH = "0x" + "0" * 64  # an EVM TxID; Tron's and Bitcoin's are 64 characters, addresses shorter
QWIDGETSIZE_MAX = (1 << 24) - 1


class DiagnosePage(QSplitter):
    status_said = Signal(str, int)  # (words, milliseconds; 0: until replaced)
    failed = Signal(str)  # the diagnosis could not be made: said in a box too
    finished = Signal()  # a diagnosis ended: done, failed or cancelled

    def __init__(self, engine: EngineWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self.worker: Job | None = None
        self.form = CaseFormWidget()
        self.diagnose_button = QPushButton()
        self.diagnose_button.setDefault(True)
        self.diagnose_button.setEnabled(False)
        self.cancel_button = QPushButton()
        self.cancel_button.setEnabled(False)
        self.progress = ProgressWidget()
        self.result = ResultWidget()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.cancel_button.clicked.connect(self.cancel)
        for edit in self._long_fields():  # left, a long value shows its start: "0x3f…", as on the receipt
            edit.editingFinished.connect(lambda e=edit: e.setCursorPosition(0))
        self.form.validity_changed.connect(lambda ok: self.diagnose_button.setEnabled(ok and self.worker is None))
        left = QWidget()
        column = QVBoxLayout(left)
        column.addWidget(self.form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.diagnose_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch()
        column.addLayout(buttons)
        column.addWidget(self.progress, 1)
        column.addWidget(self.hint)
        column.addStretch(0)  # what the progress strip gives up, once the answer is in
        self._column, self._left = column, left
        self._refit = QTimer(self, singleShot=True, interval=0)  # dies with the page
        self._refit.timeout.connect(self.fit)
        # The result's minimum is set, not taken from its contents: a button appearing in it ("Watch until
        # credited") must not make the window wider than the user left it.
        self.result.setMinimumWidth(RESULT_MIN_WIDTH)
        self.result.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.addWidget(left)
        self.addWidget(self.result)
        self.setChildrenCollapsible(False)
        self.setStretchFactor(0, 0)
        self.setStretchFactor(1, 1)  # the result reads in sentences: it gets the room, and all growth
        self.setSizes([left.minimumSizeHint().width(), 10_000])
        self._user_split = False  # once the user drags the handle, the split is theirs
        self.splitterMoved.connect(lambda *_: setattr(self, "_user_split", True))
        self.retranslate()

    def _long_fields(self) -> tuple[QLineEdit, QLineEdit]:
        return self.form.tx_hash, self.form.address

    def show_draft(self, draft: CaseDraft) -> None:
        """Fill the form from a sample, a file, a batch row or the history, each long value from its start
        (a line edit filled by the program shows the end of its text: half a hash, meaning nothing)."""
        self.form.set_draft(draft)
        for edit in self._long_fields():
            edit.setCursorPosition(0)
        self.fit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self.fit()

    def fit(self) -> None:
        """Side by side where both columns fit; the result below the form where they do not (a small screen,
        or 150 % scaling), so its buttons are never squeezed under their words."""
        layout = self.result.layout()
        result_need = layout.totalMinimumSize().width() if layout is not None else RESULT_MIN_WIDTH
        need = self._left.minimumSizeHint().width() + result_need + 3 * self.handleWidth() + 8
        wanted = Qt.Orientation.Horizontal if self.width() >= need else Qt.Orientation.Vertical
        if wanted != self.orientation():
            self.setOrientation(wanted)
        if wanted == Qt.Orientation.Horizontal and not self._user_split:
            self._give_the_form_room()

    def _give_the_form_room(self) -> None:
        """Where the window is wide, the form grows until a whole hash shows in its field, as long as the
        result keeps ``RESULT_ROOM``; where it is not, the result has the room (it comes first)."""
        edit = self.form.tx_hash
        metrics = edit.fontMetrics()
        longest = max(metrics.horizontalAdvance(e.text()) for e in self._long_fields())
        field_need = max(longest, metrics.horizontalAdvance(_LONGEST_HASH)) + 16  # the frame and text margins
        want = self._left.width() + field_need - edit.width()
        room = self.width() - self.handleWidth()
        left = max(self._left.minimumSizeHint().width(), min(want, room - RESULT_ROOM))
        if abs(left - self._left.width()) > 2:
            self.setSizes([left, room - left])

    def set_strip(self, strip: bool) -> None:
        """Once the answer is in, the list of networks asked shrinks to a strip of a few lines (scrollable);
        while asking it has the column's room."""
        rows = 3 if strip else 0
        self.progress.setMaximumHeight(
            self.progress.fontMetrics().lineSpacing() * rows + 2 * self.progress.frameWidth() + 8
            if strip
            else QWIDGETSIZE_MAX
        )
        self._column.setStretch(self._column.indexOf(self.progress), 0 if strip else 1)
        self._column.setStretch(self._column.count() - 1, 1 if strip else 0)
        self.hint.setVisible(not strip)  # the drop hint is for before; the answer is what matters now

    def set_language(self, language: str) -> None:
        """The report's language (the window's words follow Qt's translators on their own)."""
        self.result.language = self.progress.language = language

    def retranslate(self) -> None:
        self.diagnose_button.setText(self.tr("Diagnose"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.hint.setText(
            self.tr(
                "Drop a transaction file here (text, CSV export, JSON, raw signed transaction), or paste a hash. "
                "Deposit Doctor never needs your private key or seed phrase."
            )
        )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._refit.start()  # the result's words change its width: after it has retranslated
        super().changeEvent(event)

    def diagnose(self, options: Options) -> Job | None:
        if self.worker is not None or not self.form.ready:
            return None
        worker = self._engine.diagnose(self.form.case(), options)
        worker.signals.network_asked.connect(self.progress.on_network_asked)
        worker.signals.network_answered.connect(self.progress.on_network_answered)
        worker.signals.diagnosis_finished.connect(self._on_diagnosis_finished)
        worker.signals.diagnosis_failed.connect(self._on_diagnosis_failed)
        worker.signals.diagnosis_cancelled.connect(self._on_diagnosis_cancelled)
        self.worker = worker
        self.progress.clear_networks()
        self.set_strip(False)
        self.result.show_diagnosis(None)  # the last case's result must not pass for this one's
        self._busy(True)
        self.status_said.emit(self.tr("Asking the networks…"), 0)
        return worker

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()

    def _busy(self, busy: bool) -> None:
        self.diagnose_button.setEnabled(not busy and self.form.ready)
        self.cancel_button.setEnabled(busy)

    def _done(self, message: str) -> None:
        self.worker = None
        self._busy(False)
        self.status_said.emit(message, 10_000)
        self.finished.emit()

    @Slot(object)
    def _on_diagnosis_finished(self, diagnosis: Diagnosis) -> None:
        worker = self.worker
        self.result.show_diagnosis(
            diagnosis, worker.report_json if worker else "", worker.report_data if worker else None
        )
        self.set_strip(True)
        self.fit()
        self._done(self.tr("Diagnosis done."))

    @Slot(str, str)
    def _on_diagnosis_failed(self, kind: str, text: str) -> None:
        prefix = (
            self.tr("Deposit Doctor hit an internal error:") if kind == "internal" else self.tr("Could not diagnose:")
        )
        self._done(f"{prefix} {text}")
        self.failed.emit(f"{prefix} {text}")

    @Slot()
    def _on_diagnosis_cancelled(self) -> None:
        self.progress.mark_unanswered(self.tr("cancelled"))
        self._done(self.tr("Cancelled: nothing was concluded."))
