"""The app's own case file: what is written reads back the same; odd files say what is wrong."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from diagnostics import catalog
from diagnostics.intake.case_file import read_case_file, write_cases
from diagnostics.intake.draft import CaseDraft, Intake, IntakeProblem
from diagnostics.model import Direction, SignedTransaction

NETWORKS = tuple(catalog.networks().values())
EVM_TX = "0x" + "1a" * 32
TRON_TX = "b2" * 32
TON_TX = "0c" * 32
TON_ADDRESS = "UQAJIIEUC2d7Rdvpg7Lw1K4CWf8pRb-oL5lv1_bKxpFoYqr0"
SIGNED = SignedTransaction(
    tx_hash=EVM_TX,
    sender="0x" + "55" * 20,
    nonce=3,
    chain_id=None,
    to="0xdAC17F958D2ee523a2206206994597C13D831ec7",
    value=0,
    token_recipient="0x" + "44" * 20,
    token_amount=2**70,  # past what a JSON number keeps
)
DRAFTS = (
    CaseDraft(
        tx_hash=EVM_TX,
        address="0x" + "44" * 20,
        network="ethereum",
        token="USDT",
        amount=Decimal("250.50"),
        direction=Direction.WITHDRAWAL,
        time="2024-05-01 10:00",
        source="case 1",
        signed=SIGNED,
    ),
    CaseDraft(tx_hash=TRON_TX, network="tron", source="case 2"),
    CaseDraft(tx_hash=TON_TX, address=TON_ADDRESS, network="ton", token="USDT", memo="884512", source="case 3"),
)


def test_round_trip() -> None:
    text = write_cases(DRAFTS)

    assert read_case_file(text, NETWORKS) == Intake(drafts=DRAFTS)


def test_the_written_form() -> None:
    data = json.loads(write_cases(DRAFTS))

    assert (data["format"], data["version"]) == ("deposit-doctor-cases", 1)
    assert data["cases"][1] == {"tx_hash": TRON_TX, "network": "tron"}
    assert data["cases"][0]["amount"] == "250.50"
    assert data["cases"][0]["signed"]["token_amount"] == str(2**70)
    assert "chain_id" not in data["cases"][0]["signed"]
    assert data["cases"][2]["memo"] == "884512" and "memo" not in data["cases"][0]


@pytest.mark.parametrize(("memo", "read"), [("884512", "884512"), (884512, "884512"), (" 77 ", "77"), ("", None)])
def test_the_memo_is_read_as_text(memo: object, read: str | None) -> None:
    case = {"tx_hash": TON_TX, "network": "ton", "memo": memo}

    assert read_case_file(json.dumps(case), NETWORKS).drafts[0].memo == read


@pytest.mark.parametrize("memo", ["x" * 257, True, ["884512"]])
def test_a_memo_past_any_exchange_s_is_a_bad_field(memo: object) -> None:
    intake = read_case_file(json.dumps({"tx_hash": TON_TX, "memo": memo}), NETWORKS)

    assert intake.drafts[0].memo is None
    assert intake.problems == (IntakeProblem("bad_field", (("case", "1"), ("field", "memo"))),)


def test_a_single_case_and_a_bare_list() -> None:
    case = {"tx_hash": f" {TRON_TX} ", "network": "TRC20", "amount": 12.5, "direction": "Deposit", "address": ""}

    assert read_case_file(json.dumps(case), NETWORKS) == Intake(
        drafts=(
            CaseDraft(
                tx_hash=TRON_TX, network="tron", amount=Decimal("12.5"), direction=Direction.DEPOSIT, source="case 1"
            ),
        )
    )
    assert read_case_file(json.dumps([case, {"tx_hash": EVM_TX}]), NETWORKS).drafts[1] == CaseDraft(
        tx_hash=EVM_TX, source="case 2"
    )


def test_bad_fields_are_left_empty_and_named() -> None:
    cases = [
        {"tx_hash": EVM_TX, "amount": "lots", "direction": "sideways", "network": "Cardano", "signed": {"nonce": 1}},
        {"network": "bsc"},
        "not a case",
    ]

    assert read_case_file(json.dumps(cases), NETWORKS) == Intake(
        drafts=(CaseDraft(tx_hash=EVM_TX, source="case 1"),),
        problems=(
            IntakeProblem("unknown_network", (("name", "Cardano"), ("case", "1"))),
            IntakeProblem("bad_field", (("case", "1"), ("field", "amount"))),
            IntakeProblem("bad_field", (("case", "1"), ("field", "direction"))),
            IntakeProblem("bad_field", (("case", "1"), ("field", "signed"))),
            IntakeProblem("case_no_hash", (("case", "2"),)),
            IntakeProblem("case_no_hash", (("case", "3"),)),
        ),
    )


def test_a_newer_version_is_not_read() -> None:
    text = json.dumps({"format": "deposit-doctor-cases", "version": 2, "cases": [{"tx_hash": EVM_TX}]})

    assert read_case_file(text, NETWORKS) == Intake(problems=(IntakeProblem("unknown_version", (("version", "2"),)),))


def test_invalid_json_says_where() -> None:
    text = '{\n  "format": "deposit-doctor-cases",\n  "version": 1,\n  "cases": [\n    {"tx_hash": }\n  ]\n}'

    assert read_case_file(text, NETWORKS) == Intake(
        problems=(IntakeProblem("bad_json", (("line", "5"), ("column", "17"))),)
    )


@pytest.mark.parametrize("text", ['{"result": []}', '"0xabc"', "42", '{"format": "other", "cases": []}'])
def test_other_json_is_not_cases(text: str) -> None:
    assert read_case_file(text, NETWORKS) == Intake(problems=(IntakeProblem("not_cases"),))
