"""The case form: direction, network, hash, address, token and amount, checked as the user types; the memo
(tag, comment) where the network or the chosen exchange tells its users apart by one."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from diagnostics import catalog
from diagnostics.intake.draft import CaseDraft
from diagnostics.intake.secret import find_secret
from diagnostics.intake.sniff import networks_for_address, networks_for_hash
from diagnostics.intake.text import read_text
from diagnostics.intake.validate import FieldProblem, FormCheck, check_form, parse_amount
from diagnostics.model import AUTO_DETECT, Case, Direction, Network, SignedTransaction

_ERROR_STYLE = "color: #a4262c;"


def _field(widget: QLineEdit) -> tuple[QWidget, QLabel]:
    """A line edit with its problem shown under it (hidden while there is none).

    The problem's line is kept free while hidden, so a problem appearing as the user types does not push the
    fields below down under their cursor (a second line, in a narrow window, still may)."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    problem = QLabel()
    problem.setStyleSheet(_ERROR_STYLE)
    problem.setWordWrap(True)
    metrics = QFontMetrics(problem.font())
    # "中": a Chinese line is drawn from a fallback font, often taller than the Latin one.
    problem.setMinimumHeight(max(metrics.lineSpacing(), metrics.boundingRect("Ag中").height()))
    policy = problem.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    problem.setSizePolicy(policy)
    problem.hide()
    layout.addWidget(widget)
    layout.addWidget(problem)
    return box, problem


class CaseFormWidget(QWidget):
    diagnose_requested = Signal()
    validity_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._words = catalog.bip39_words()
        self._networks = list(catalog.networks().values())
        self.deposit = QRadioButton()
        self.withdrawal = QRadioButton()
        self.deposit.setChecked(True)
        self._direction = QButtonGroup(self)
        self._direction.addButton(self.deposit)
        self._direction.addButton(self.withdrawal)
        self.network = QComboBox()
        self.network.addItem("", AUTO_DETECT)
        for network in self._networks:
            self.network.addItem(network.display_name, network.slug)
        # The exchange the deposit goes to: its own rules (confirmations, minimum, networks) then apply.
        self.exchange = QComboBox()
        self.exchange.addItem("", None)
        for profile in catalog.exchanges().values():
            self.exchange.addItem(profile.name, profile.slug)
        self.tx_hash = QLineEdit()
        self.address = QLineEdit()
        self.token = QLineEdit()
        self.amount = QLineEdit()
        # The memo, tag or comment the exchange gave with its address: shown only where one is needed.
        self.memo = QLineEdit()
        hash_box, self.hash_problem = _field(self.tx_hash)
        address_box, self.address_problem = _field(self.address)
        amount_box, self.amount_problem = _field(self.amount)
        self.secret_problem = QLabel()
        self.secret_problem.setStyleSheet(_ERROR_STYLE + "font-weight: bold;")
        self.secret_problem.setWordWrap(True)
        self.secret_problem.hide()
        directions = QWidget()
        row = QHBoxLayout(directions)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.deposit)
        row.addWidget(self.withdrawal)
        row.addStretch()
        self._form = QFormLayout(self)
        self._labels = [QLabel() for _ in range(8)]
        fields = (directions, self.exchange, self.network, hash_box, address_box, self.memo, self.token, amount_box)
        for label, field in zip(self._labels, fields, strict=True):
            self._form.addRow(label, field)
        self._form.addRow(self.secret_problem)
        for edit in (self.tx_hash, self.address, self.memo, self.token, self.amount):
            edit.textChanged.connect(self._on_changed)
            edit.returnPressed.connect(self._on_return_pressed)
        self.network.currentIndexChanged.connect(self._on_changed)
        self.exchange.currentIndexChanged.connect(self._on_changed)  # its memo networks show the Memo field
        self._check = check_form(None, "", "", self._words)  # empty: not ready until a hash is typed
        self._was_ready = False
        self._signed: SignedTransaction | None = None  # from a dropped raw transaction, while its hash stays
        # Fields a secret was taken out of, and what it was: the field says so until the user types there again.
        self._removed: dict[QLineEdit, str] = {}
        self._form.setRowVisible(self.memo, False)  # no network needs one until one is chosen or typed
        self.retranslate()

    def reset(self) -> None:
        """Every field back to how a new window shows it: empty, a deposit, Auto-detect, no exchange, no
        problem said (a sample chosen, a new case). Nothing of the last case survives, not even in undo."""
        self._removed.clear()
        self._signed = None
        for edit in (self.tx_hash, self.address, self.memo, self.token, self.amount):
            edit.blockSignals(True)
            edit.setText("")  # (setText also empties the field's undo history)
            edit.blockSignals(False)
        self.deposit.setChecked(True)
        self.exchange.setCurrentIndex(0)  # (the window keeps the choice in its settings: heard, not blocked)
        self.network.blockSignals(True)
        self.network.setCurrentIndex(0)
        self.network.blockSignals(False)
        self.retranslate()  # the placeholders a removed secret changed
        self._on_changed()

    def retranslate(self) -> None:
        for label, text in zip(
            self._labels,
            (
                self.tr("Direction"),
                self.tr("Exchange"),
                self.tr("Network"),
                self.tr("Transaction hash (TxID)"),
                self.tr("Address"),
                self.tr("Memo / Tag / Comment"),
                self.tr("Token (optional)"),
                self.tr("Amount (optional)"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.deposit.setText(self.tr("Deposit"))
        self.withdrawal.setText(self.tr("Withdrawal"))
        self.network.setItemText(0, self.tr("Auto-detect"))
        self.exchange.setItemText(0, self.tr("Not listed / not sure"))
        self.tx_hash.setPlaceholderText(self.tr("0x… or 64 hex characters"))
        self.address.setPlaceholderText(self.tr("The deposit address (for a withdrawal: your receiving address)"))
        self.memo.setPlaceholderText(
            self.tr("The memo the exchange's deposit page gives beside its address (TON: the comment)")
        )
        self.token.setPlaceholderText(self.tr("e.g. USDT"))
        self.amount.setPlaceholderText(self.tr("e.g. 250.5"))
        for edit, kind in self._removed.items():
            edit.setPlaceholderText(self._removed_text(kind))
        self._show(self._check)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_exchange(self, slug: str | None) -> None:
        """Pick the exchange (a slug the catalog knows), or "Not listed / not sure" for anything else."""
        self.exchange.setCurrentIndex(max(0, self.exchange.findData(slug)) if slug else 0)

    def chosen_network(self) -> Network | None:
        slug = self.network.currentData()
        return None if slug == AUTO_DETECT else catalog.network(slug)

    def memo_needed(self) -> bool:
        """Whether the Memo field is shown: the chosen network needs a memo (TON, or one of the chosen exchange's
        memo networks for this token); with Auto-detect, every network the address (or else the hash) can be on
        does."""
        chosen = self.chosen_network()
        exchange, token = self.exchange.currentData(), self.token.text().strip() or None
        if chosen is not None:
            candidates: tuple[Network, ...] = (chosen,)
        elif self.address.text().strip():
            candidates = networks_for_address(self.address.text(), self._networks)
        else:
            candidates = networks_for_hash(self.tx_hash.text(), self._networks)
        return bool(candidates) and all(catalog.needs_memo(n.slug, exchange, token) for n in candidates)

    def memo_value(self) -> str | None:
        """The memo typed, while the field is shown: a memo hidden with its network is not the case's."""
        return (self.memo.text().strip() or None) if self.memo_needed() else None

    def amount_value(self) -> Decimal | None:
        text = self.amount.text().strip()
        if not text:
            return None
        try:
            return parse_amount(text)
        except ValueError:
            return None

    @property
    def ready(self) -> bool:
        amount_ok = not self.amount.text().strip() or self.amount_value() is not None
        return self._check.ready and amount_ok

    def _on_changed(self) -> None:
        if "://" in self.tx_hash.text() and self._take_link(self.tx_hash.text()):
            return  # the fields were set from the link; their own change signals did the rest
        self._take_secrets_out()
        self._check = check_form(
            self.chosen_network(), self.tx_hash.text(), self.address.text(), self._words, self.token.text()
        )
        self._form.setRowVisible(self.memo, self.memo_needed())
        self._show(self._check)
        if self.ready != self._was_ready:  # the state before this change, whichever field changed
            self._was_ready = self.ready
            self.validity_changed.emit(self.ready)

    def _take_secrets_out(self) -> None:
        """A key or seed phrase is taken out of its field at once, and out of the field's undo history: left
        there it would stay readable on screen (and to anyone behind the user) after it was refused."""
        typed_again = [edit for edit in self._removed if edit.text()]  # the field is the user's again
        for edit in typed_again:
            del self._removed[edit]
        if typed_again:
            self.retranslate()  # its own placeholder back
        fields = {"tx_hash": self.tx_hash, "address": self.address, "token": self.token}
        while True:
            check = check_form(None, self.tx_hash.text(), self.address.text(), self._words, self.token.text())
            if check.secret is not None:
                edit, kind = fields[check.secret.detail], check.secret.key
            elif (found := find_secret(self.amount.text(), self._words)) is not None:
                edit, kind = self.amount, found.value
            elif (found := find_secret(self.memo.text(), self._words)) is not None:
                edit, kind = self.memo, found.value
            else:
                return
            edit.blockSignals(True)
            edit.setText("")  # (setText also empties the undo history, where the secret would still be)
            edit.blockSignals(False)
            self._removed[edit] = kind
            edit.setPlaceholderText(self._removed_text(kind))

    def _removed_text(self, kind: str) -> str:
        what = self.tr("seed phrase removed") if kind == "seed_phrase" else self.tr("private key removed")
        return f"•••• ({what})"

    def _take_link(self, text: str) -> bool:
        """An explorer link pasted as the hash: its hash (and its network) are what was meant."""
        drafts = read_text(text, self._networks).drafts
        if len(drafts) != 1:
            return False
        draft = drafts[0]
        if draft.network is not None:
            self.network.setCurrentIndex(max(0, self.network.findData(draft.network)))
        self.tx_hash.setText(draft.tx_hash)
        if draft.address and not self.address.text().strip():
            self.address.setText(draft.address)
        return True

    def _on_return_pressed(self) -> None:
        if self.ready:
            self.diagnose_requested.emit()

    def _show(self, check: FormCheck) -> None:
        empty_hash = check.tx_hash is not None and check.tx_hash.key == "empty"
        self._say(self.hash_problem, None if empty_hash else self._hash_text(check.tx_hash))
        self._say(self.address_problem, self._address_text(check.address))
        bad_amount = bool(self.amount.text().strip()) and self.amount_value() is None
        self._say(self.amount_problem, self.tr("Write the amount as a number, e.g. 250.5") if bad_amount else None)
        self._say(self.secret_problem, self._secret_text() if self._removed or check.secret else None)

    @staticmethod
    def _say(label: QLabel, text: str | None) -> None:
        label.setText(text or "")
        label.setVisible(bool(text))

    def _hash_text(self, problem: FieldProblem | None) -> str | None:
        if problem is None:
            return None
        texts = {
            "evm_address": self.tr("This is an address (0x + 40 characters), not a transaction hash."),
            "address": self.tr("This is an address, not a transaction hash."),
            "wrong_length": self.tr("A transaction hash has 64 hex characters (after 0x); this has {n}."),
            "not_hex": self.tr("A transaction hash has only 0-9 and a-f."),
            "bare_hex64": self.tr("This network's hashes start with 0x."),
            "evm": self.tr("This network's transaction ids have no 0x."),
            # A form only one family writes, with another network chosen: it says where it belongs.
            "base58_signature": self.tr(
                "This is a Solana transaction signature: choose Solana (SPL), or Auto-detect, to check it."
            ),
            "base64_hash": self.tr("This is a TON transaction hash (base64): choose TON, or Auto-detect, to check it."),
        }
        # How the chosen network's own family writes a transaction's id, for any form it does not take.
        families = {
            "solana": self.tr(
                "A Solana transaction signature has 87 or 88 letters and digits (Base58, as Solscan shows it), "
                "no 0x; this has {n}."
            ),
            "ton": self.tr(
                "A TON transaction hash has 64 hex characters, or 44 in base64 (as Tonviewer and Tonscan show "
                "it); this has {n}."
            ),
        }
        # (TON's hash with a 0x is said as such: the same hash without it is one.)
        general = ("evm_address", "address", "evm") if problem.family == "ton" else ("evm_address", "address")
        own = families.get(problem.family) if problem.key not in general else None
        if own is not None:
            return own.replace("{n}", problem.detail)
        text = texts.get(problem.key, self.tr("This is not a transaction hash of the selected network."))
        digits = int(problem.detail) - (2 if self.tx_hash.text().strip()[:2].lower() == "0x" else 0)
        return text.replace("{n}", str(digits))

    def _address_text(self, problem: FieldProblem | None) -> str | None:
        if problem is None:
            return None
        families = {
            "evm": self.tr("an EVM (0x…) address"),
            "tron": self.tr("a Tron (T…) address"),
            "bitcoin": self.tr("a Bitcoin address"),
            "solana": self.tr("a Solana address"),
            "ton": self.tr("a TON address"),
        }
        # Problems a family words its own way (TON's testnet; what a whole Solana or TON address looks like).
        own = {
            ("testnet", "ton"): self.tr("This is a TON testnet address: test coins are worth nothing on mainnet."),
            ("malformed", "solana"): self.tr(
                "This is not a complete Solana address: one has 32 to 44 letters and digits (Base58)."
            ),
            ("malformed", "ton"): self.tr(
                "This is not a complete TON address: one has 48 characters (EQ… or UQ…), or is 0: and 64 hex "
                "characters; a character may be wrong."
            ),
        }.get((problem.key, problem.family))
        if own is not None:
            return own
        texts = {
            "checksum": self.tr("The capital letters do not match the address's checksum: check it for a typo."),
            "base58check": self.tr("This Tron address fails its check digits: a character is wrong."),
            "bech32": self.tr("This Bitcoin address fails its check (bech32): a character is wrong."),
            "testnet": self.tr("This is a Bitcoin testnet address: test coins are worth nothing on mainnet."),
            "malformed": self.tr("This is not a complete address."),
            "wrong_family": self.tr("This is {family}; it cannot receive on the selected network."),
        }
        family = families.get(problem.detail, self.tr("an address of another network"))
        return texts.get(problem.key, texts["malformed"]).replace("{family}", family)

    def _secret_text(self) -> str:
        return self.tr(
            "That looked like a private key or seed phrase, and it was removed from the form. Never enter it "
            "anywhere: nobody, support included, needs it. It was not used, stored or sent. Enter the "
            "transaction hash and address instead."
        )

    def direction(self) -> Direction:
        return Direction.WITHDRAWAL if self.withdrawal.isChecked() else Direction.DEPOSIT

    def case(self, required_confirmations: int | None = None) -> Case:
        return Case(
            network=self.network.currentData(),
            tx_hash=self.tx_hash.text(),
            address=self.address.text().strip() or None,
            token=self.token.text().strip() or None,
            amount=self.amount_value(),
            direction=self.direction(),
            required_confirmations=required_confirmations,
            signed=self._signed if self._signed and self._signed.tx_hash == self.tx_hash.text().strip() else None,
            exchange=self.exchange.currentData(),
            memo=self.memo_value(),
        )

    def draft(self) -> CaseDraft:
        """The form as a case to save (the app's case file), Auto-detect as no network."""
        case = self.case()
        return CaseDraft(
            tx_hash=case.tx_hash.strip(),
            address=case.address,
            network=None if case.network == AUTO_DETECT else case.network,
            token=case.token,
            amount=case.amount,
            direction=case.direction,
            signed=case.signed,
            memo=case.memo,
        )

    def set_draft(self, draft: CaseDraft) -> None:
        """Fill the form from a dropped or opened case; fields the draft lacks are cleared, not kept."""
        if draft.network is not None:
            self.network.setCurrentIndex(max(0, self.network.findData(draft.network)))
        if draft.direction is not None:
            (self.withdrawal if draft.direction is Direction.WITHDRAWAL else self.deposit).setChecked(True)
        self.tx_hash.setText(draft.tx_hash)
        self.address.setText(draft.address or "")
        self.token.setText(draft.token or "")
        self.amount.setText(f"{draft.amount:f}" if draft.amount is not None else "")
        self.memo.setText(draft.memo or "")
        self._signed = draft.signed
