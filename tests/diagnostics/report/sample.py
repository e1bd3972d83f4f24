"""A fixed diagnosis, made through the engine with a hand-made adapter, for golden report tests."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from diagnostics.engine import diagnose
from diagnostics.model import (
    Case,
    ChainHead,
    ContractCall,
    Diagnosis,
    Found,
    Network,
    NetworkFacts,
    SignedTransaction,
    TokenInfo,
    Transfer,
    TronDetails,
    TxFacts,
    TxStatus,
)
from tests.diagnostics.checks.factory import DEPOSIT, HASH, mined, usdt_transfer

WHEN = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
TRON_USDT = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"
TRON_USER = "TCLBgkbfVkJroVBJVqBEsxtPNQEQMTQCLQ"


class RecordedAdapter:
    """Answers with fixed facts: the report tests are about words, not nodes."""

    family = "evm"
    timeout = 5.0

    def __init__(self, facts: NetworkFacts) -> None:
        self.facts = facts

    def gather(self, network: Network, tx_hash: str, signed: SignedTransaction | None = None) -> NetworkFacts:
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
        elapsed_seconds=0.123,
        round_trips=2,
    )
    case = Case("ethereum", HASH, DEPOSIT, "USDT", Decimal("250"))
    return diagnose(case, adapters={"evm": RecordedAdapter(facts)}, clock=lambda: WHEN)


class TronRecordedAdapter(RecordedAdapter):
    family = "tron"


def tron_out_of_energy() -> Diagnosis:
    """A USDT TRC-20 deposit that ran out of energy, with the recorded mainnet figures of e63a324a…."""
    sender, usdt = "TL24LCps5FKwp3PoU1MvrYrwhi5LU1tHre", TokenInfo(TRON_USDT, "USDT", 6)
    tx = TxFacts(
        tx_hash="e63a324a43aebfe41273db4f7fdfe325b2257b4f5711595a5fc0f8a75cf1b481",
        sender=sender,
        to=TRON_USDT,
        status=TxStatus.FAILED,
        block_number=66_860_010,
        block_timestamp=int(WHEN.timestamp()) - 600,
        intended=(Transfer(sender, TRON_USER, 100_000_000, usdt, how="call"),),
        call=ContractCall(TRON_USDT, "transfer", TRON_USER, 100_000_000, sender, usdt),
        fee=16_500_120,
        result="OUT_OF_ENERGY",
        failure_message="Not enough energy for 'SSTORE' operation executing: curInvokeEnergyLimit[78572]",
        details=TronDetails(fee_limit=16_500_120, energy_used=78_572, energy_fee=16_500_120, energy_penalty=25_905),
    )
    facts = NetworkFacts(
        network="tron",
        endpoint="api.trongrid.io",
        tx=Found(tx),
        head=Found(ChainHead(66_860_210, int(WHEN.timestamp()) - 2, final_number=66_860_192)),
        elapsed_seconds=0.210,
        round_trips=2,
    )
    case = Case("tron", tx.tx_hash, TRON_USER, "USDT", Decimal("100"))
    return diagnose(case, adapters={"tron": TronRecordedAdapter(facts)}, clock=lambda: WHEN)
