"""What a found transaction did, worked out once from its facts (DESIGN rule 8).

The checks, the reports, the window and the watch all read this ``Outcome``; none of them works out
again what moved, how deep the transaction is or where it stands, so they cannot disagree.
"""

from __future__ import annotations

from datetime import datetime

from diagnostics.model import Depth, NetworkFacts, Outcome, TxStatus, known


def work_out(facts: NetworkFacts | None, required: int, now: datetime) -> Outcome | None:
    """The outcome of the transaction ``facts`` found, against ``required`` confirmations; ``None`` when
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
        confirmations = max(head.number - tx.block_number + 1, 0)
        depth = Depth(confirmations, required, head.number, tx.block_number, head.final_number)
    return Outcome(facts.network, status, () if tx.failed else asked, asked, depth)
