"""The engine's own duties: a crashing check is contained, the clock is read once, bad hashes skip I/O."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from diagnostics.checks import REGISTRY, Check, load_checks
from diagnostics.checks.registry import CheckContext
from diagnostics.engine import diagnose
from diagnostics.model import Case, Finding, Network, NetworkFacts, Severity
from tests.diagnostics.report.sample import RecordedAdapter, under_confirmed


def _explode(ctx: CheckContext) -> Finding | None:
    raise ZeroDivisionError("boom")


def test_a_crashing_check_becomes_an_internal_finding(monkeypatch: pytest.MonkeyPatch) -> None:
    load_checks()
    monkeypatch.setitem(REGISTRY, "TEST_EXPLODES", Check("TEST_EXPLODES", Severity.INFO, {None: _explode}))
    d = under_confirmed()
    internal = [f for f in d.findings if f.code == "INTERNAL_CHECK_ERROR"]
    assert len(internal) == 1 and "boom" in str(internal[0].params["error"])
    assert "CONFIRMATIONS_INSUFFICIENT" in d.codes()


def test_clock_is_read_once() -> None:
    reads = []

    def clock() -> datetime:
        reads.append(1)
        return datetime(2026, 1, 1, tzinfo=UTC)

    class NoAdapter:
        family = "evm"

        def gather(self, network: Network, tx_hash: str, sender: str | None = None) -> NetworkFacts:
            raise AssertionError("a malformed hash must not be looked up")

    d = diagnose(Case("ethereum", "0x1234"), adapters={"evm": NoAdapter()}, clock=clock)
    assert reads == [1] and d.verdict.code == "INPUT_INVALID_HASH"
    assert isinstance(RecordedAdapter, type)
