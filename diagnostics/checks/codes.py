"""Every finding code's metadata in one table (DESIGN rule 8): the verdict, the report and the watch read it.

The order is the verdict's priority, highest first (``diagnostics.verdict`` says why it runs this way).
``support`` is empty where a message to the exchange's support can help, else the key of what the report
says instead. ``watch`` is ``"wait"`` where watching the transaction is worth it (it may still arrive) and
``"lost"`` where it never will; ``"arrived"`` marks the one code that ends a watch well.
"""

from __future__ import annotations

from dataclasses import dataclass

from diagnostics.model import Severity


@dataclass(frozen=True)
class CodeInfo:
    severity: Severity
    support: str = ""
    watch: str = ""


_C, _P, _W, _I = Severity.CRITICAL, Severity.PROBLEM, Severity.WARNING, Severity.INFO

CODES: dict[str, CodeInfo] = {
    "SECRET_DETECTED": CodeInfo(_C, support="support_not_needed_secret"),
    "UNSUPPORTED_NETWORK": CodeInfo(_P, support="support_not_needed_unsupported"),
    "INPUT_INVALID_HASH": CodeInfo(_P, support="support_not_needed_input"),
    "ADDRESS_NETWORK_MISMATCH": CodeInfo(_P),
    "INPUT_INVALID_ADDRESS": CodeInfo(_P, support="support_not_needed_input"),
    "NETWORK_MISMATCH": CodeInfo(_P),
    "NETWORK_NOT_SUPPORTED_BY_EXCHANGE": CodeInfo(_P),
    "TX_FAILED": CodeInfo(_C, watch="lost"),
    "TX_DROPPED_REPLACED": CodeInfo(_C, watch="lost"),
    "SENT_TO_TOKEN_CONTRACT": CodeInfo(_C, support="support_not_needed_token_contract", watch="lost"),
    "ADDRESS_POISONING_SUSPECTED": CodeInfo(_C),
    "TOKEN_NOT_OFFICIAL": CodeInfo(_C),
    "RECIPIENT_MISMATCH": CodeInfo(_P),
    "NO_TRANSFER_TO_ADDRESS": CodeInfo(_P),
    "AMOUNT_BELOW_MINIMUM": CodeInfo(_P),
    "MEMO_MISSING": CodeInfo(_P),
    "NODE_OUT_OF_SYNC": CodeInfo(_W, support="support_not_needed_retry", watch="wait"),
    "NONCE_GAP": CodeInfo(_P, watch="wait"),
    "FEE_TOO_LOW": CodeInfo(_P, watch="wait"),
    "TX_PENDING": CodeInfo(_W, support="support_not_needed_wait", watch="wait"),
    "CONFIRMATIONS_INSUFFICIENT": CodeInfo(_W, support="support_not_needed_wait", watch="wait"),
    "AMOUNT_MISMATCH": CodeInfo(_W),
    "INTERNAL_TRANSFER": CodeInfo(_W),
    "TOKEN_UNKNOWN": CodeInfo(_W),
    "CONFIRMATIONS_SUFFICIENT": CodeInfo(_I, watch="arrived"),
    "TX_CONFIRMED": CodeInfo(_I),
    "NODE_UNAVAILABLE": CodeInfo(_W, support="support_not_needed_retry"),
    "TX_NOT_FOUND": CodeInfo(_P),
    "NETWORK_CONGESTED": CodeInfo(_W),
    "INTERNAL_CHECK_ERROR": CodeInfo(_W),  # the engine's own: a check crashed
}


def codes_with(watch: str) -> frozenset[str]:
    """The codes whose ``watch`` is ``watch``."""
    return frozenset(code for code, info in CODES.items() if info.watch == watch)
