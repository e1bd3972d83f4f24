from __future__ import annotations

from dataclasses import replace

from diagnostics.model import Direction, Severity, Verdict
from diagnostics.report.text import render_text
from tests.diagnostics.report.sample import under_confirmed


def test_text_leads_with_the_verdict() -> None:
    text = render_text(under_confirmed())
    assert text.startswith("Verdict: Waiting for confirmations (5/12, about 1 min 24 s more)")


def test_withdrawal_that_arrived_is_not_told_the_exchange_will_credit_it() -> None:
    d = under_confirmed()
    arrived = replace(
        d,
        case=replace(d.case, direction=Direction.WITHDRAWAL),
        verdict=Verdict("CONFIRMATIONS_SUFFICIENT", Severity.INFO),
    )
    assert render_text(arrived).startswith("Verdict: Arrived — the funds are at your address")
    deposit = replace(arrived, case=d.case)
    assert render_text(deposit).startswith("Verdict: Arrived at your deposit address — the exchange should credit it")


def test_a_node_asked_over_plain_http_is_warned_about() -> None:
    from dataclasses import replace  # noqa: PLC0415

    from diagnostics.model import Facts  # noqa: PLC0415
    from diagnostics.report.text import render_text  # noqa: PLC0415
    from tests.diagnostics.report.sample import under_confirmed  # noqa: PLC0415

    d = under_confirmed()
    d = replace(d, facts=Facts(tuple(replace(n, unencrypted=True) for n in d.facts.networks)))
    assert "asked over plain http: anyone on the way could read and change its answers" in render_text(d)
    assert "明文 http" in render_text(d, "zh")
