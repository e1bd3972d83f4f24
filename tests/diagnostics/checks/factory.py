"""Hand-made facts for check unit tests: no node, no network."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from diagnostics import catalog
from diagnostics.checks import REGISTRY, load_checks
from diagnostics.checks.registry import CheckContext
from diagnostics.model import (
    Case,
    ChainHead,
    Facts,
    FeeMarket,
    Finding,
    Found,
    Lookup,
    NetworkFacts,
    NonceState,
    NotFound,
    TokenInfo,
    Transfer,
    TxFacts,
)

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
USDT = "0xdAC17F958D2ee523a2206206994597C13D831ec7"
DEPOSIT = "0xD3D35a1B2c3d4e5F60718293a4B5C6D7e8F0beEf"
SENDER = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"
HASH = "0x" + "12" * 32
USDT_INFO = TokenInfo(USDT, "USDT", 6)

load_checks()


def usdt_transfer(to: str = DEPOSIT, amount: int = 250_000_000, token: TokenInfo = USDT_INFO) -> Transfer:
    return Transfer(SENDER, to, amount, token, 0)


def mined(**changes: Any) -> TxFacts:
    base = TxFacts(
        tx_hash=HASH,
        sender=SENDER,
        to=USDT,
        nonce=7,
        value=0,
        gas_limit=60_000,
        tx_type=2,
        max_fee=30 * 10**9,
        max_priority_fee=10**9,
        block_number=100,
        block_timestamp=int(NOW.timestamp()) - 60,
        status=1,
        gas_used=45_000,
        effective_gas_price=20 * 10**9,
        transfers=(usdt_transfer(),),
    )
    return replace(base, **changes)


def pending(**changes: Any) -> TxFacts:
    return mined(
        block_number=None,
        block_timestamp=None,
        status=None,
        gas_used=None,
        effective_gas_price=None,
        transfers=(),
        **changes,
    )


def context(
    tx: TxFacts | Lookup[TxFacts] | None = None,
    *,
    head: int | None = 120,
    nonces: tuple[int, int] | None = (7, 8),
    fees: FeeMarket | None = None,
    network: str = "ethereum",
    head_age: int = 5,
    **case: Any,
) -> CheckContext:
    lookup: Lookup[TxFacts] = Found(tx) if isinstance(tx, TxFacts) else (tx if tx is not None else NotFound())
    facts = NetworkFacts(
        network=network,
        endpoint="node.test",
        tx=lookup,
        head=Found(ChainHead(head, int(NOW.timestamp()) - head_age)) if head is not None else NotFound(),
        nonces=Found(NonceState(*nonces)) if nonces else NotFound(),
        fees=Found(fees) if fees else NotFound(),
    )
    if "amount" in case and case["amount"] is not None:
        case["amount"] = Decimal(str(case["amount"]))
    return CheckContext(
        case=Case(network, case.pop("tx_hash", HASH), **case),
        network=catalog.network(network),
        facts=Facts((facts,)),
        now=NOW,
        chosen=catalog.network(network),
    )


def run(code: str, ctx: CheckContext) -> Finding | None:
    return REGISTRY[code].run(ctx)
