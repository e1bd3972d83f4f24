"""A fixed diagnosis, made through the engine with a hand-made adapter, for golden report tests."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from diagnostics.engine import diagnose
from diagnostics.model import Case, ChainHead, Diagnosis, Found, Network, NetworkFacts, NonceState
from tests.diagnostics.checks.factory import DEPOSIT, HASH, mined, usdt_transfer

WHEN = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


class RecordedAdapter:
    """Answers with fixed facts: the report tests are about words, not nodes."""

    family = "evm"

    def __init__(self, facts: NetworkFacts) -> None:
        self.facts = facts

    def gather(self, network: Network, tx_hash: str) -> NetworkFacts:
        return self.facts


def under_confirmed() -> Diagnosis:
    tx = mined(
        block_number=23_800_000,
        block_timestamp=int(WHEN.timestamp()) - 40,
        transfers=(usdt_transfer(amount=249_500_000),),
    )
    facts = NetworkFacts(
        network="ethereum",
        endpoint="ethereum-rpc.publicnode.com",
        tx=Found(tx),
        head=Found(ChainHead(23_800_004, int(WHEN.timestamp()) - 4)),
        nonces=Found(NonceState(8, 8)),
        elapsed_seconds=0.123,
        round_trips=2,
    )
    case = Case("ethereum", HASH, DEPOSIT, "USDT", Decimal("250"))
    return diagnose(case, adapters={"evm": RecordedAdapter(facts)}, clock=lambda: WHEN)
