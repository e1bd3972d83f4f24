from __future__ import annotations

import json

from diagnostics.report.json import render_json
from tests.diagnostics.report.sample import under_confirmed


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
