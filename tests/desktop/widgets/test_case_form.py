"""The form checks what is typed as it is typed, and says why under the field."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from desktop.widgets.case_form import CaseFormWidget
from diagnostics.intake.draft import CaseDraft
from diagnostics.model import Direction

TX = "0x" + "ab" * 32
TRON_ADDRESS = "TCLBgkbfVkJroVBJVqBEsxtPNQEQMTQCLQ"
EVM_ADDRESS = "0xdAC17F958D2ee523a2206206994597C13D831ec7"


def form(qtbot: QtBot) -> CaseFormWidget:
    widget = CaseFormWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_a_short_hash_says_how_long_it_is(qtbot: QtBot) -> None:
    f = form(qtbot)
    qtbot.keyClicks(f.tx_hash, "0x1234")
    assert f.hash_problem.isVisible() and "this has 4" in f.hash_problem.text()
    assert not f.ready
    f.tx_hash.setText(TX)
    assert not f.hash_problem.isVisible() and f.ready


def test_an_address_pasted_as_the_hash(qtbot: QtBot) -> None:
    f = form(qtbot)
    f.tx_hash.setText(EVM_ADDRESS)
    assert "is an address" in f.hash_problem.text()


def test_a_tron_address_with_ethereum_chosen(qtbot: QtBot) -> None:
    f = form(qtbot)
    f.network.setCurrentIndex(f.network.findData("ethereum"))
    f.tx_hash.setText(TX)
    f.address.setText(TRON_ADDRESS)
    assert "a Tron (T…) address" in f.address_problem.text() and f.address_problem.isVisible()
    assert f.ready  # an address problem is explained by the diagnosis, not a reason to refuse it
    f.network.setCurrentIndex(f.network.findData("tron"))
    assert not f.address_problem.isVisible()


def test_a_bad_checksum_is_shown(qtbot: QtBot) -> None:
    f = form(qtbot)
    f.network.setCurrentIndex(f.network.findData("ethereum"))
    f.address.setText(EVM_ADDRESS[:-1] + "C")
    assert "checksum" in f.address_problem.text()


SEED = "legal winner thank year wave sausage worth useful legal winner thank yellow"


def test_a_seed_phrase_is_taken_out_of_the_field_and_its_undo_history(qtbot: QtBot) -> None:
    f = form(qtbot)
    f.tx_hash.setText(TX)
    f.address.insert(SEED)  # as a paste does: into the field's undo history
    assert f.address.text() == "" and not f.address.isUndoAvailable()
    f.address.undo()
    assert f.address.text() == ""  # nothing to bring back
    assert f.address.placeholderText() == "•••• (seed phrase removed)"
    assert f.secret_problem.isVisible() and "seed phrase" in f.secret_problem.text()
    assert f.ready and f.case().address is None  # nothing secret is left to refuse
    f.address.setText(EVM_ADDRESS)  # the field is the user's again
    assert not f.secret_problem.isVisible() and "removed" not in f.address.placeholderText()


def test_a_key_in_the_token_or_amount_field_is_taken_out_too(qtbot: QtBot) -> None:
    f = form(qtbot)
    f.tx_hash.setText(TX)
    f.token.insert("5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ")
    assert f.token.text() == "" and not f.token.isUndoAvailable() and f.secret_problem.isVisible()
    assert f.token.placeholderText() == "•••• (private key removed)"
    f.amount.insert(SEED)
    assert f.amount.text() == "" and not f.amount.isUndoAvailable()
    assert not f.amount_problem.isVisible()  # not "write the amount as a number": it is gone


def test_a_problem_appearing_does_not_move_the_fields_below(qtbot: QtBot) -> None:
    f = form(qtbot)
    f.resize(700, f.sizeHint().height())
    qtbot.waitExposed(f)

    def tops() -> list[int]:
        f.layout().activate()
        return [edit.mapTo(f, edit.rect().topLeft()).y() for edit in (f.address, f.token, f.amount)]

    before = tops()
    f.tx_hash.setText("0x1234")
    assert f.hash_problem.isVisible()
    f.address.setText(EVM_ADDRESS[:-1] + "C")
    assert f.address_problem.isVisible()
    assert tops() == before


def test_reset_clears_every_field_direction_and_problem(qtbot: QtBot) -> None:
    f = form(qtbot)
    f.withdrawal.setChecked(True)
    f.network.setCurrentIndex(f.network.findData("tron"))
    f.exchange.setCurrentIndex(1)
    f.tx_hash.insert("0x1234")
    f.address.insert(SEED)
    f.token.insert("USDT")
    f.amount.insert("lots")
    assert f.hash_problem.isVisible() and f.amount_problem.isVisible() and f.secret_problem.isVisible()
    changes: list[bool] = []
    f.validity_changed.connect(changes.append)
    f.reset()
    assert [e.text() for e in (f.tx_hash, f.address, f.token, f.amount)] == ["", "", "", ""]
    assert not any(e.isUndoAvailable() for e in (f.tx_hash, f.address, f.token, f.amount))
    assert f.direction() is Direction.DEPOSIT and f.network.currentIndex() == 0 and f.exchange.currentIndex() == 0
    assert not any(p.isVisible() for p in (f.hash_problem, f.address_problem, f.amount_problem, f.secret_problem))
    assert "removed" not in f.address.placeholderText() and not f.ready and changes == []


def test_enter_asks_to_diagnose_only_when_ready(qtbot: QtBot) -> None:
    f = form(qtbot)
    asked: list[bool] = []
    f.diagnose_requested.connect(lambda: asked.append(True))
    qtbot.keyClick(f.tx_hash, Qt.Key.Key_Return)
    assert asked == []
    f.tx_hash.setText(TX)
    qtbot.keyClick(f.tx_hash, Qt.Key.Key_Return)
    assert asked == [True]


def test_the_case_and_a_draft(qtbot: QtBot) -> None:
    f = form(qtbot)
    f.set_draft(CaseDraft(TX, TRON_ADDRESS, "tron", "USDT", Decimal("250.5"), Direction.WITHDRAWAL))
    case = f.case(required_confirmations=30)
    assert (case.network, case.tx_hash, case.address, case.token) == ("tron", TX, TRON_ADDRESS, "USDT")
    assert case.amount == Decimal("250.5") and case.direction is Direction.WITHDRAWAL
    assert case.required_confirmations == 30
    f.amount.setText("lots")
    assert f.amount_problem.isVisible() and not f.ready
    assert f.network.itemText(0) == "Auto-detect"


def test_a_bad_amount_disables_diagnose_until_it_is_fixed(qtbot: QtBot) -> None:
    f = form(qtbot)
    changes: list[bool] = []
    f.validity_changed.connect(changes.append)
    f.tx_hash.setText(TX)
    f.amount.setText("25o")
    assert not f.ready and f.amount_problem.isVisible()
    f.amount.setText("250")
    assert f.ready and not f.amount_problem.isVisible()
    f.amount.setText("1.250,5")  # 1250.5 or 1.2505? Refused, not guessed
    assert not f.ready
    assert changes == [True, False, True, False]


def test_an_explorer_link_pasted_as_the_hash(qtbot: QtBot) -> None:
    f = form(qtbot)
    f.tx_hash.setText(f"https://tronscan.org/#/transaction/{'ab' * 32}")
    assert f.tx_hash.text() == "ab" * 32 and f.network.currentData() == "tron" and f.ready


TON_ADDRESS = "UQAJIIEUC2d7Rdvpg7Lw1K4CWf8pRb-oL5lv1_bKxpFoYqr0"
TON_TX = "0c" * 32


def _memo_row_shown(f: CaseFormWidget) -> bool:
    return f._form.isRowVisible(f.memo) and f.memo.isVisible()


def test_the_memo_field_appears_only_for_memo_networks(qtbot: QtBot) -> None:
    f = form(qtbot)
    assert not _memo_row_shown(f)
    f.network.setCurrentIndex(f.network.findData("ethereum"))
    assert not _memo_row_shown(f)
    f.network.setCurrentIndex(f.network.findData("ton"))
    assert _memo_row_shown(f)
    label = f._form.labelForField(f.memo)
    assert isinstance(label, QLabel) and label.text() == "Memo / Tag / Comment"
    # Bitget publishes that USDT on TON needs no memo (its own address per user): the field goes.
    f.set_exchange("bitget")
    assert not _memo_row_shown(f)
    f.set_exchange("binance")
    assert _memo_row_shown(f)
    # Auto-detect: a TON address (or a hash only TON writes) shows it; a Tron address does not.
    f.network.setCurrentIndex(0)
    f.address.setText(TON_ADDRESS)
    assert _memo_row_shown(f)
    f.address.setText(TRON_ADDRESS)
    assert not _memo_row_shown(f)


def test_the_memo_goes_into_the_case_and_the_draft_and_comes_back(qtbot: QtBot) -> None:
    f = form(qtbot)
    f.set_draft(CaseDraft(TON_TX, TON_ADDRESS, "ton", "USDT", memo="884512"))
    assert f.memo.text() == "884512" and _memo_row_shown(f)
    assert f.case().memo == "884512" and f.draft().memo == "884512"
    f.memo.setText("  884513 ")
    assert f.case().memo == "884513"
    # A memo hidden with its network is no part of the case (the text stays, should TON be chosen again).
    f.network.setCurrentIndex(f.network.findData("tron"))
    assert f.case().memo is None and f.draft().memo is None and f.memo.text() == "  884513 "


def test_reset_clears_the_memo(qtbot: QtBot) -> None:
    f = form(qtbot)
    f.network.setCurrentIndex(f.network.findData("ton"))
    f.memo.insert("884512")
    f.reset()
    assert f.memo.text() == "" and not f.memo.isUndoAvailable() and not _memo_row_shown(f)


def test_a_seed_phrase_in_the_memo_is_taken_out(qtbot: QtBot) -> None:
    f = form(qtbot)
    f.network.setCurrentIndex(f.network.findData("ton"))
    f.tx_hash.setText(TON_TX)
    f.memo.setText(SEED)
    assert f.memo.text() == "" and f.secret_problem.isVisible() and "removed" in f.memo.placeholderText()
    assert f.case().memo is None


def test_enter_in_the_memo_asks_to_diagnose(qtbot: QtBot) -> None:
    f = form(qtbot)
    f.network.setCurrentIndex(f.network.findData("ton"))
    f.tx_hash.setText(TON_TX)
    asked: list[bool] = []
    f.diagnose_requested.connect(lambda: asked.append(True))
    qtbot.keyClick(f.memo, Qt.Key.Key_Return)
    assert asked == [True]


def test_solana_and_ton_fields_say_what_their_network_writes(qtbot: QtBot) -> None:
    f = form(qtbot)
    f.network.setCurrentIndex(f.network.findData("solana"))
    f.tx_hash.setText("ab" * 32)
    said = f.hash_problem.text()
    assert "Solana transaction signature has 87 or 88" in said and "this has 64" in said
    f.address.setText("abc")
    assert "not a complete Solana address" in f.address_problem.text()
    f.address.setText(TON_ADDRESS)
    assert "This is a TON address; it cannot receive" in f.address_problem.text()
    f.network.setCurrentIndex(f.network.findData("ton"))
    f.tx_hash.setText("ab" * 31)
    assert "TON transaction hash has 64 hex characters, or 44 in base64" in f.hash_problem.text()
    f.address.setText(TON_ADDRESS[:-1] + "1")  # its CRC fails
    assert "not a complete TON address" in f.address_problem.text()
    f.network.setCurrentIndex(f.network.findData("tron"))
    f.tx_hash.setText("DE3Mw-FVKr_lxZx1jwNf7IF5K4E2ZbWq5IgKgSxSQEw=")
    assert "This is a TON transaction hash" in f.hash_problem.text()
    f.tx_hash.setText("5" * 88)
    assert "Solana transaction signature: choose Solana (SPL)" in f.hash_problem.text()
