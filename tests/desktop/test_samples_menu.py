"""Choosing a sample gives the sample's whole case: the direction (and every field) left from the last case
would change its verdict."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop.main_window import MainWindow
from desktop.sandbox.samples import Sample
from desktop.settings import AppSettings
from diagnostics.intake.draft import CaseDraft
from diagnostics.model import Direction
from tests.desktop.interaction import TX_UNKNOWN

REFUSED = "http://127.0.0.1:9"  # nothing listens: each diagnosis ends at once, and nothing leaves the machine


def test_a_sample_resets_the_direction(qtbot: QtBot, window: MainWindow, settings: AppSettings) -> None:
    settings.set_endpoint("ethereum", REFUSED)
    window.searched_networks = ("ethereum",)
    deposit = Sample("unknown", CaseDraft(TX_UNKNOWN, None, "ethereum"), "NODE_UNAVAILABLE")
    withdrawal = Sample(
        "credited", CaseDraft("0x" + "cd" * 32, None, "ethereum", direction=Direction.WITHDRAWAL), "NODE_UNAVAILABLE"
    )
    menu = window.add_samples([deposit, withdrawal])
    window.form.withdrawal.setChecked(True)
    window.form.address.setText("0xdAC17F958D2ee523a2206206994597C13D831ec7")
    with qtbot.waitSignal(window.worker_finished, timeout=20_000):
        menu.actions()[0].trigger()  # a sample that names no direction: a deposit
    assert window.form.direction() is Direction.DEPOSIT and window.form.address.text() == ""
    assert window.result.diagnosis is not None and window.result.diagnosis.case.direction is Direction.DEPOSIT
    with qtbot.waitSignal(window.worker_finished, timeout=20_000):
        menu.actions()[1].trigger()  # its own direction
    assert window.form.direction() is Direction.WITHDRAWAL
    with qtbot.waitSignal(window.worker_finished, timeout=20_000):
        menu.actions()[0].trigger()
    assert window.form.direction() is Direction.DEPOSIT and window.form.tx_hash.text() == TX_UNKNOWN
