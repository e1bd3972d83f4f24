"""Diagnoses for the result's tests, made by the engine from recorded facts: no node needed."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from diagnostics.engine import diagnose
from diagnostics.model import Case, ChainHead, Diagnosis, Direction, Found, NetworkFacts, TokenInfo
from tests.diagnostics.checks.factory import DEPOSIT, HASH, mined, usdt_transfer
from tests.diagnostics.report.sample import WHEN, RecordedAdapter, tron_out_of_energy, under_confirmed

FAKE_USDT = TokenInfo("0x5FbDB2315678afecb367f032d93F642f64180aa3", "USDT", 6)

__all__ = ["credited_withdrawal", "fake_token", "tron_out_of_energy", "under_confirmed"]


def fake_token() -> Diagnosis:
    """A look-alike USDT, 9 blocks deep of the 12 Ethereum asks: it will never be credited."""
    tx = mined(
        block_number=23_800_000,
        block_timestamp=int(WHEN.timestamp()) - 120,
        transfers=(usdt_transfer(token=FAKE_USDT),),
    )
    facts = NetworkFacts(
        network="ethereum",
        endpoint="ethereum-rpc.publicnode.com",
        tx=Found(tx),
        head=Found(ChainHead(23_800_008, int(WHEN.timestamp()) - 4)),
        elapsed_seconds=0.1,
        round_trips=1,
    )
    case = Case("ethereum", HASH, DEPOSIT, "USDT", Decimal("250"))
    return diagnose(case, adapters={"evm": RecordedAdapter(facts)}, clock=lambda: WHEN)


def credited_withdrawal() -> Diagnosis:
    """A withdrawal 5 blocks deep where 3 are enough: the money is at the user's address."""
    recorded = under_confirmed()
    case = replace(recorded.case, direction=Direction.WITHDRAWAL, required_confirmations=3, amount=None)
    return diagnose(case, adapters={"evm": RecordedAdapter(recorded.facts.networks[0])}, clock=lambda: WHEN)
