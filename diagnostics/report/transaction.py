"""The transaction as a support agent reads it: one summary of the facts, whatever the findings say.

Support's forms ask the same things every time (coin, network, amount, token contract, from, to, TxID,
time); this gathers them once from the facts, so the report's facts table and its message to support
cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from diagnostics.intake.sniff import same_address
from diagnostics.model import Amount, Diagnosis, Found, Network, NetworkFacts, Transfer, TxFacts


@dataclass(frozen=True)
class TxSummary:
    network: Network
    tx_hash: str
    status: str  # a Term key: "success", "failed", "pending", "expired"
    sender: str
    to: str | None
    block: int | None = None
    timestamp: int | None = None
    recipient: str | None = None
    symbol: str | None = None
    contract: str | None = None
    amount: Amount | None = None
    fee: Amount | None = None
    result: str | None = None
    confirmations: int | None = None
    required: int | None = None


def _found(diagnosis: Diagnosis) -> tuple[NetworkFacts, TxFacts] | None:
    for facts in diagnosis.facts.networks:
        if isinstance(facts.tx, Found):
            return facts, facts.tx.value
    return None


def _moved(tx: TxFacts) -> tuple[Transfer, ...]:
    """What moved, or, while pending or after failing, what the transaction asked to move."""
    if not tx.pending and not tx.failed:
        return tx.transfers
    intended = [Transfer(tx.sender, tx.to, tx.value)] if tx.value and tx.to else []
    call = tx.call
    if call and call.target and call.amount is not None and call.method != "approve":
        intended.append(Transfer(call.source or tx.sender, call.target, call.amount, tx.call_token))
    return tuple(intended)


def _chosen_transfer(
    transfers: tuple[Transfer, ...], address: str | None, token: str | None, native: str
) -> Transfer | None:
    """The transfer the case is about: to the user's address and of their coin, as far as either is known."""
    to_address = [t for t in transfers if same_address(t.recipient, address)] or list(transfers)

    def symbol(t: Transfer) -> str:
        return native if t.token is None else (t.token.symbol or "")

    wanted = [t for t in to_address if token and symbol(t).upper() == token.strip().upper()]
    chosen = wanted or to_address
    return chosen[0] if chosen else None


def summarize(diagnosis: Diagnosis) -> TxSummary | None:
    """The summary of the transaction the diagnosis found, or ``None`` when none was found."""
    found = _found(diagnosis)
    if found is None:
        return None
    facts, tx = found
    network = next((n for n in diagnosis.networks if n.slug == facts.network), diagnosis.networks[0])
    case = diagnosis.case
    status = "pending" if tx.pending else "failed" if tx.failed else "success"
    if tx.pending and tx.expires_at is not None and tx.expires_at < diagnosis.diagnosed_at.timestamp():
        status = "expired"  # Tron drops what misses its expiration: it will never be "pending" again
    transfer = _chosen_transfer(_moved(tx), case.address, case.token, network.native_symbol)
    amount = symbol = contract = recipient = None
    if transfer is not None:
        recipient = transfer.recipient
        token = transfer.token
        if token is None:
            symbol, amount = (
                network.native_symbol,
                Amount(transfer.amount, network.native_decimals, network.native_symbol),
            )
        else:
            symbol, contract = token.symbol, token.contract
            amount = (
                Amount(transfer.amount, token.decimals, token.symbol or "?") if token.decimals is not None else None
            )
    elif tx.call_token is not None:  # a failed or approve call: the token it was about
        symbol, contract = tx.call_token.symbol, tx.call_token.contract
    fee = tx.fee_paid
    head = facts.head.value.number if isinstance(facts.head, Found) else None
    depth = head - tx.block_number + 1 if head is not None and tx.block_number is not None else None
    return TxSummary(
        network=network,
        tx_hash=tx.tx_hash,
        status=status,
        sender=tx.sender,
        to=tx.to,
        block=tx.block_number,
        timestamp=tx.block_timestamp,
        recipient=recipient,
        symbol=symbol,
        contract=contract,
        amount=amount,
        fee=Amount(fee, network.native_decimals, network.native_symbol) if fee is not None else None,
        result=tx.result,
        confirmations=max(depth, 0) if depth is not None and not tx.failed else None,
        required=case.required_confirmations or network.confirmations,
    )
