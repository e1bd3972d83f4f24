from __future__ import annotations

from diagnostics.checks import REGISTRY, load_checks
from diagnostics.model import Finding, Severity
from diagnostics.verdict import PRIORITY, pick_verdict


def _f(code: str) -> Finding:
    return Finding(code, Severity.INFO)


def test_every_registered_code_has_a_rank() -> None:
    load_checks()
    assert set(REGISTRY) <= set(PRIORITY)
    assert len(PRIORITY) == len(set(PRIORITY))


def test_never_arrives_beats_slow_beats_arrived() -> None:
    assert (
        pick_verdict([_f("CONFIRMATIONS_SUFFICIENT"), _f("TX_CONFIRMED"), _f("ADDRESS_POISONING_SUSPECTED")]).code
        == "ADDRESS_POISONING_SUSPECTED"
    )
    assert pick_verdict([_f("TX_PENDING"), _f("FEE_TOO_LOW"), _f("NETWORK_CONGESTED")]).code == "FEE_TOO_LOW"
    assert pick_verdict([_f("CONFIRMATIONS_SUFFICIENT"), _f("TX_CONFIRMED")]).code == "CONFIRMATIONS_SUFFICIENT"


def test_node_trouble_decides_only_without_a_transaction() -> None:
    assert pick_verdict([_f("NODE_UNAVAILABLE")]).code == "NODE_UNAVAILABLE"
    assert pick_verdict([_f("TX_FAILED"), _f("NODE_OUT_OF_SYNC")]).code == "TX_FAILED"
    assert pick_verdict([_f("TX_NOT_FOUND"), _f("NODE_OUT_OF_SYNC")]).code == "NODE_OUT_OF_SYNC"


def test_input_problems_come_first() -> None:
    assert pick_verdict([_f("TX_NOT_FOUND"), _f("INPUT_INVALID_ADDRESS")]).code == "INPUT_INVALID_ADDRESS"
    assert pick_verdict([]).code == "NO_FINDINGS"
