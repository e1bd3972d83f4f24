"""The sandbox's Samples menu: each classic case, ready to diagnose, named in the window's language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QMenu, QWidget

if TYPE_CHECKING:
    from desktop.sandbox.samples import Sample


class SamplesMenu(QMenu):
    sample_chosen = Signal(object)  # Sample

    def __init__(self, samples: list[Sample], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._samples = list(samples)
        self._actions = []
        for sample in self._samples:
            action = self.addAction(sample.key)
            action.triggered.connect(lambda _=False, chosen=sample: self.sample_chosen.emit(chosen))
            self._actions.append(action)
        self.retranslate()

    def names(self) -> dict[str, str]:
        return {
            "credited": self.tr("Credited (Ethereum USDT)"),
            "too_few_confirmations": self.tr("Too few confirmations"),
            "low_tip": self.tr("Stuck under a low tip (BNB Smart Chain)"),
            "nonce_gap": self.tr("Nonce gap"),
            "failed": self.tr("Failed transfer (revert)"),
            "out_of_energy": self.tr("Tron OUT_OF_ENERGY"),
            "tron_credited": self.tr("Credited (Tron USDT)"),
            "btc_credited": self.tr("Credited (Bitcoin)"),
            "btc_too_few_confirmations": self.tr("Too few confirmations (Bitcoin)"),
            "btc_low_fee": self.tr("Stuck under a low fee, RBF (Bitcoin)"),
            "btc_replaced": self.tr("Replaced by fee (Bitcoin)"),
            "btc_look_alike": self.tr("Look-alike address (Bitcoin)"),
            "wrong_network": self.tr("Wrong network: sent on BEP-20 for an ERC-20 deposit"),
            "fake_usdt": self.tr("Fake USDT"),
            "look_alike": self.tr("Look-alike address (poisoning)"),
            "unknown": self.tr("Unknown hash"),
            "sol_credited": self.tr("Credited (Solana USDT)"),
            "sol_new_token_account": self.tr("Credited to a new token account (Solana)"),
            "sol_failed": self.tr("Failed transfer: insufficient funds (Solana)"),
            "sol_look_alike": self.tr("Look-alike address (Solana)"),
            "sol_not_final": self.tr("Confirmed, not yet finalized (Solana)"),
            "sol_processed": self.tr("Processed, not yet confirmed (Solana)"),
            "sol_sent_for_tron": self.tr("Wrong network: USDT sent on Solana for a Tron deposit address"),
            "ton_credited": self.tr("Credited with its comment (TON USDT)"),
            "ton_no_memo": self.tr("Sent without its comment (TON USDT)"),
            "ton_wrong_memo": self.tr("Sent with the wrong comment (TON USDT)"),
            "ton_bounced": self.tr("Bounced transfer (TON)"),
            "ton_failed": self.tr("Failed jetton transfer: compute phase (TON)"),
            "ton_sent_for_tron": self.tr("Wrong network: USDT sent on TON for a Tron deposit address"),
        }

    def retranslate(self) -> None:
        """Built once, renamed on every language switch (before, the menu kept the words it was made with)."""
        self.setTitle(self.tr("&Samples"))
        names = self.names()
        for sample, action in zip(self._samples, self._actions, strict=True):
            action.setText(names.get(sample.key, sample.key))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
