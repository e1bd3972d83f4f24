from __future__ import annotations

from dataclasses import replace

from diagnostics.model import Facts, NotFound, Unavailable
from tests.diagnostics.checks.factory import context, mined, pending, run


def test_not_found_only_when_every_node_answered() -> None:
    assert run("TX_NOT_FOUND", context(NotFound())) is not None
    assert run("TX_NOT_FOUND", context(Unavailable("timeout"))) is None
    assert run("TX_NOT_FOUND", context(mined())) is None


def test_unavailable_node_carries_its_reason() -> None:
    finding = run("NODE_UNAVAILABLE", context(Unavailable("node.test did not answer within 5 s")))
    assert finding is not None and finding.params["reason"] == Unavailable("node.test did not answer within 5 s")
    assert run("NODE_UNAVAILABLE", context(NotFound())) is None


def test_out_of_sync_by_head_age() -> None:
    assert run("NODE_OUT_OF_SYNC", context(NotFound(), head_age=30)) is None
    finding = run("NODE_OUT_OF_SYNC", context(NotFound(), head_age=600))
    assert finding is not None and finding.params["age_seconds"] == 600 and finding.params["allowed_seconds"] == 120
    assert run("NODE_OUT_OF_SYNC", context(NotFound(), head_age=90, network="bsc")) is not None


def test_not_found_needs_a_fresh_head() -> None:
    assert run("TX_NOT_FOUND", context(NotFound(), head=None)) is None
    stale = context(NotFound(), head_age=3600)
    assert run("TX_NOT_FOUND", stale) is None and run("NODE_OUT_OF_SYNC", stale) is not None


def test_unknown_nonces_or_fees_are_said_only_while_pending() -> None:
    for tx, expected in ((pending(), True), (mined(), False)):
        ctx = context(tx)
        selected = replace(ctx.facts.networks[0], nonces=Unavailable("nonce refused"), fees=Unavailable("fees refused"))
        ctx = replace(ctx, facts=Facts((selected,)))
        assert (run("NODE_UNAVAILABLE", ctx) is not None) is expected
