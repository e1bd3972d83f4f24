"""Hand-made facts for check unit tests: no node, no network."""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from diagnostics import catalog
from diagnostics.chains.abi import intended_transfers
from diagnostics.chains.evm import decode_status
from diagnostics.checks import REGISTRY, load_checks
from diagnostics.checks.registry import CheckContext
from diagnostics.model import (
    Case,
    ChainHead,
    EvmDetails,
    Facts,
    FeeContext,
    Finding,
    Found,
    Lookup,
    NetworkFacts,
    NonceState,
    NotFound,
    Replacement,
    Requirement,
    TokenInfo,
    Transfer,
    TxFacts,
    TxStatus,
)
from diagnostics.outcome import work_out

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
USDT = "0xdAC17F958D2ee523a2206206994597C13D831ec7"
DEPOSIT = "0xD3D35a1B2c3d4e5F60718293a4B5C6D7e8F0beEf"
SENDER = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"
HASH = "0x" + "12" * 32
USDT_INFO = TokenInfo(USDT, "USDT", 6)

load_checks()


def usdt_transfer(to: str = DEPOSIT, amount: int = 250_000_000, token: TokenInfo = USDT_INFO) -> Transfer:
    return Transfer(SENDER, to, amount, token, 0, how="log")


EVM_DETAILS = EvmDetails(
    nonce=7,
    value=0,
    gas_limit=60_000,
    tx_type=2,
    max_fee=30 * 10**9,
    max_priority_fee=10**9,
    gas_used=45_000,
    effective_gas_price=20 * 10**9,
    receipt_status=1,
)


_DETAIL_FIELDS = {f.name for f in fields(EvmDetails)}


def mined(**changes: Any) -> TxFacts:
    """A confirmed USDT transfer, changed as a node could have said otherwise.

    EVM detail fields (``nonce``, ``gas_used``, ``max_fee`` …) change the details; ``status`` is the
    receipt's (1, 0, or ``None`` before Byzantium) and decides the core status as the adapter does; a
    ``call`` (with ``call_token``) or ``value`` also changes what the transaction asks to move.
    """
    details = replace(EVM_DETAILS, **{k: changes.pop(k) for k in list(changes) if k in _DETAIL_FIELDS})
    if "status" in changes and not isinstance(changes["status"], TxStatus):
        details = replace(details, receipt_status=changes.pop("status"))
    if details.receipt_status is not None or details.gas_used is not None:
        changes.setdefault("status", decode_status(details.receipt_status, details.gas_used or 0, details.gas_limit))
    token = changes.pop("call_token", None)
    if changes.get("call") is not None and token is not None:
        changes["call"] = replace(changes["call"], token=token)
    if "call" in changes or details.value:
        changes.setdefault("intended", intended_transfers(SENDER, USDT, details.value, changes.get("call")))
    changes.setdefault("opaque_call", changes.get("call") is None and details.input_size > 0)
    base = TxFacts(
        tx_hash=HASH,
        sender=SENDER,
        to=USDT,
        status=TxStatus.CONFIRMED,
        block_number=100,
        block_timestamp=int(NOW.timestamp()) - 60,
        fee=45_000 * 20 * 10**9,
        transfers=(usdt_transfer(),),
        intended=(replace(usdt_transfer(), how="call", index=None),),
        details=details,
    )
    return replace(base, **changes)


def pending(**changes: Any) -> TxFacts:
    return mined(
        **{
            "status": TxStatus.PENDING,
            "gas_used": None,
            "effective_gas_price": None,
            "receipt_status": None,
            "block_number": None,
            "block_timestamp": None,
            "fee": None,
            "transfers": (),
            **changes,
        }
    )


def context(
    tx: TxFacts | Lookup[TxFacts] | None = None,
    *,
    head: int | None = 120,
    nonces: tuple[int, int] | None = (7, 8),
    fees: FeeContext | None = None,
    network: str = "ethereum",
    head_age: int = 5,
    replacement: Replacement | None = None,
    **case: Any,
) -> CheckContext:
    """The context the engine would build for these facts: ``nonces`` are the sender's (latest, pending),
    which an EVM adapter puts on a pending transaction and turns into its replacement fact."""
    if isinstance(tx, TxFacts) and tx.pending and nonces and isinstance(tx.details, EvmDetails):
        state = NonceState(*nonces)
        tx = replace(tx, details=replace(tx.details, sender_nonces=state))
        nonce = tx.details.nonce
        replacement = replacement or Replacement(nonce < state.latest, "nonce", None, nonce, *nonces)
    lookup: Lookup[TxFacts] = Found(tx) if isinstance(tx, TxFacts) else (tx if tx is not None else NotFound())
    facts = NetworkFacts(
        network=network,
        endpoint="node.test",
        tx=lookup,
        head=Found(ChainHead(head, int(NOW.timestamp()) - head_age)) if head is not None else NotFound(),
        fees=Found(fees) if fees else NotFound(),
        replacement=Found(replacement) if replacement else None,
    )
    if "amount" in case and case["amount"] is not None:
        case["amount"] = Decimal(str(case["amount"]))
    profile = catalog.network(network)
    case_ = Case(network, case.pop("tx_hash", HASH), **case)
    return CheckContext(
        case=case_,
        network=profile,
        facts=Facts((facts,)),
        now=NOW,
        chosen=profile,
        outcome=work_out(facts, Requirement(case_.required_confirmations or profile.confirmations, "network"), NOW),
    )


def run(code: str, ctx: CheckContext) -> Finding | None:
    return REGISTRY[code].run(ctx)
