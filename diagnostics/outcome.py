"""What a found transaction did, worked out once from its facts (DESIGN rule 8).

The checks, the reports, the window and the watch all read this ``Outcome``; none of them works out
again what moved, how deep the transaction is or where it stands, so they cannot disagree.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from diagnostics.intake.sniff import same_address
from diagnostics.model import (
    Case,
    DepositRule,
    Depth,
    ExchangeProfile,
    Network,
    NetworkFacts,
    Outcome,
    Requirement,
    TxStatus,
    known,
)


def work_out(facts: NetworkFacts | None, required: Requirement, now: datetime) -> Outcome | None:
    """The outcome of the transaction ``facts`` found, against the ``required`` confirmations; ``None`` when
    those facts hold no transaction.

    A confirmed transaction moved what the chain recorded; one still waiting will move what it asks; a
    failed one moved nothing, though it asked for something (which the report still names).
    """
    tx = known(facts.tx) if facts is not None else None
    if facts is None or tx is None:
        return None
    status = tx.status.value
    if tx.pending and tx.expires_at is not None and tx.expires_at < now.timestamp():
        status = "expired"  # (Tron) past its expiration a transaction can no longer enter a block
    # Value moved inside contract calls counts as moved once a trace has shown it.
    internal = known(tx.internal) or ()
    recorded = (*tx.transfers, *internal) if tx.status is TxStatus.CONFIRMED else tx.intended
    asked = tuple(t for t in recorded if t.how != "change")
    head = known(facts.head)
    depth = None
    if tx.block_number is not None and not tx.failed and head is not None:
        # In a block is one confirmation, even when the head was read a moment before that block arrived.
        confirmations = max(head.number - tx.block_number + 1, 1)
        depth = Depth(
            confirmations, required.count, head.number, tx.block_number, head.final_number, required.by, required.unlock
        )
    return Outcome(facts.network, status, () if tx.failed else asked, asked, depth)


def coin_of(case: Case, outcome: Outcome | None, network: Network) -> str | None:
    """The coin the case is about: the one the user named, else what moved to their address, else what moved."""
    if case.token:
        return case.token.strip().upper()
    if outcome is None:
        return None
    mine = [t for t in outcome.asked if same_address(t.recipient, case.address)]
    first = next(iter(mine or outcome.asked), None)
    if first is None:
        return None
    symbol = network.native_symbol if first.token is None else first.token.symbol
    return symbol.upper() if symbol else None


def deposit_rule(exchange: ExchangeProfile | None, coin: str | None, network: Network) -> DepositRule | None:
    return exchange.rule(coin, network.slug) if exchange is not None and coin else None


def requirement(network: Network, case: Case, user: Mapping[str, int], rule: DepositRule | None) -> Requirement:
    """The confirmations a deposit on ``network`` needs, most specific first: given with the case, the user's
    own setting, the chosen exchange's published figure, else the network's usual one."""
    unlock = rule.unlock_confirmations if rule is not None else None
    if case.required_confirmations:
        return Requirement(case.required_confirmations, "case", unlock)
    if network.slug in user:
        return Requirement(user[network.slug], "user", unlock)
    if rule is not None and rule.confirmations:
        return Requirement(rule.confirmations, "exchange", unlock)
    return Requirement(network.confirmations, "network", unlock)
