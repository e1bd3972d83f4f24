"""The transaction as a support agent reads it: one summary of the facts, whatever the findings say.

Support's forms ask the same things every time (coin, network, amount, token contract, from, to, TxID,
time); this gathers them once from the facts, so the report's facts table and its message to support
cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from diagnostics.intake.sniff import same_address
from diagnostics.model import Amount, Diagnosis, Found, Network, Transfer, TxStatus


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
    """The summary of the transaction the diagnosis found, or ``None`` when none was found.

    What moved, the status and the depth are the engine's ``Outcome``: this only picks and formats.
    """
    outcome = diagnosis.outcome
    facts = diagnosis.facts.for_network(outcome.network) if outcome is not None else None
    if outcome is None or facts is None or not isinstance(facts.tx, Found):
        return None
    tx = facts.tx.value
    network = next((n for n in diagnosis.networks if n.slug == facts.network), diagnosis.networks[0])
    case = diagnosis.case
    status = "success" if outcome.status == TxStatus.CONFIRMED.value else outcome.status
    transfer = _chosen_transfer(outcome.asked, case.address, case.token, network.native_symbol)
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
    elif tx.call is not None and tx.call.token is not None:  # a failed or approve call: the token it was about
        symbol, contract = tx.call.token.symbol, tx.call.token.contract
    depth = outcome.depth
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
        fee=Amount(tx.fee, network.native_decimals, network.native_symbol) if tx.fee is not None else None,
        result=tx.result,
        confirmations=depth.confirmations if depth is not None else None,
        required=depth.required if depth is not None else _required(diagnosis, network),
    )


def _required(diagnosis: Diagnosis, network: Network) -> int:
    """The requirement the engine worked out, where it did (a secret refused before anything was asked: none)."""
    if diagnosis.requirement is not None:
        return diagnosis.requirement.count
    return diagnosis.case.required_confirmations or network.confirmations
