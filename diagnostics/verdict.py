"""Picking the one headline a diagnosis leads with.

The verdict is the finding that best answers "why hasn't it arrived?", by this priority, highest
first. The order reasons as follows: a problem with what the user typed comes before anything the
chain says; a transaction that can never arrive (failed, sent elsewhere, fake token) comes before one
that is merely slow; slow (stuck, pending, too few confirmations) comes before amount quibbles; and
"it arrived" is the verdict only when nothing else is wrong. Found-state codes and the node codes
exclude each other in practice (a transaction found on a working node is not unavailable), so node
trouble and "not found" sit low: they decide only when the transaction was not seen at all.
"""

from __future__ import annotations

from collections.abc import Sequence

from diagnostics.model import Finding, Severity, Verdict

PRIORITY: tuple[str, ...] = (
    "SECRET_DETECTED",
    "INPUT_INVALID_HASH",
    "ADDRESS_NETWORK_MISMATCH",
    "INPUT_INVALID_ADDRESS",
    "INTERNAL_CHECK_ERROR",
    "NETWORK_MISMATCH",
    "TX_FAILED",
    "TX_DROPPED_REPLACED",
    "ADDRESS_POISONING_SUSPECTED",
    "TOKEN_NOT_OFFICIAL",
    "RECIPIENT_MISMATCH",
    "NO_TRANSFER_TO_ADDRESS",
    "NONCE_GAP",
    "FEE_TOO_LOW",
    "TX_PENDING",
    "CONFIRMATIONS_INSUFFICIENT",
    "AMOUNT_BELOW_MINIMUM",
    "AMOUNT_MISMATCH",
    "INTERNAL_TRANSFER",
    "TOKEN_UNKNOWN",
    "CONFIRMATIONS_SUFFICIENT",
    "TX_CONFIRMED",
    "NODE_UNAVAILABLE",
    "NODE_OUT_OF_SYNC",
    "TX_NOT_FOUND",
    "NETWORK_CONGESTED",
)

NO_FINDINGS = "NO_FINDINGS"


def pick_verdict(findings: Sequence[Finding]) -> Verdict:
    by_code = {f.code: f for f in findings}
    for code in PRIORITY:
        if code in by_code:
            f = by_code[code]
            return Verdict(code=f.code, severity=f.severity, variant=f.variant, params=dict(f.params))
    return Verdict(code=NO_FINDINGS, severity=Severity.INFO)
