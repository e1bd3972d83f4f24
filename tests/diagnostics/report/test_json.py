from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from diagnostics.model import Diagnosis
from diagnostics.report.content import build_report
from diagnostics.report.json import render_json, report_from_dict
from tests.diagnostics.report.sample import tron_out_of_energy, under_confirmed


def test_json_follows_the_output_contract() -> None:
    data = json.loads(render_json(under_confirmed()))
    assert {"verdict", "case", "findings", "facts"} <= set(data)
    assert set(data["verdict"]) >= {"code", "title"}
    for finding in data["findings"]:
        assert set(finding) >= {"code", "severity", "title", "explanation", "evidence", "next_steps"}
    assert data["case"]["amount"] == "250"
    transfer = data["facts"]["networks"][0]["tx"]["value"]["transfers"][0]
    assert transfer["amount"] == 249_500_000 and transfer["token"]["decimals"] == 6
    assert [f["code"] for f in data["findings"]] == ["CONFIRMATIONS_INSUFFICIENT", "AMOUNT_MISMATCH", "TX_CONFIRMED"]


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("make", [under_confirmed, tron_out_of_energy])
def test_a_kept_json_gives_back_the_same_report(make: Callable[[], Diagnosis], language: str) -> None:
    diagnosis = make()
    kept = json.loads(render_json(diagnosis, language))
    assert report_from_dict(kept) == build_report(diagnosis, language)
