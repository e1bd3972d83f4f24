"""The HTML report: what the window shows and the PDF prints."""

from __future__ import annotations

from dataclasses import replace

from diagnostics.report.html import render_html
from tests.diagnostics.report.sample import tron_out_of_energy, under_confirmed


def test_values_are_escaped() -> None:
    d = under_confirmed()
    hostile = replace(d, case=replace(d.case, token="<script>alert(1)</script>"))
    html = render_html(hostile)
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_everything_a_support_agent_needs_is_there() -> None:
    html = render_html(tron_out_of_energy(), "en")
    for needed in (
        "The transaction ran out of energy",  # the verdict's explanation
        "e63a324a43aebfe41273db4f7fdfe325b2257b4f5711595a5fc0f8a75cf1b481",  # TxID
        "TL24LCps5FKwp3PoU1MvrYrwhi5LU1tHre",  # from
        "TCLBgkbfVkJroVBJVqBEsxtPNQEQMTQCLQ",  # deposit address
        "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",  # token contract
        "100 USDT",  # the amount it tried to send, in the token's decimals
        "https://tronscan.org/#/transaction/e63a324a",  # explorer link
        "Message to support",
        "api.trongrid.io",  # data source
    ):
        assert needed in html, needed
    assert 'lang="zh-CN"' in render_html(tron_out_of_energy(), "zh")
