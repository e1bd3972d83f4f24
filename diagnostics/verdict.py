"""Picking the one headline a diagnosis leads with.

The verdict is the finding that best answers "why hasn't it arrived?", by this priority, highest
first. The order reasons as follows: a problem with what the user typed comes before anything the
chain says; a transaction that can never arrive (failed, sent elsewhere, fake token) comes before one
that is merely slow; slow (stuck, pending, too few confirmations) comes before amount quibbles; and
"it arrived" is the verdict only when nothing else is wrong. A node that is behind the chain outranks
every "slow" code, because it may show a mined transaction as pending or short of confirmations, but
not the "never arrives" codes, which only a mined transaction can raise. A node that could not answer
and "not found" sit low: they decide only when the transaction was not seen at all. A crashed check
decides only when nothing else was found. The order itself is the code table's (``checks/codes.py``).
"""

from __future__ import annotations

from collections.abc import Sequence

from diagnostics.checks.codes import CODES
from diagnostics.model import Finding, Severity, Verdict

PRIORITY: tuple[str, ...] = tuple(CODES)  # the table is written in this order

NO_FINDINGS = "NO_FINDINGS"


def pick_verdict(findings: Sequence[Finding]) -> Verdict:
    by_code = {f.code: f for f in findings}
    for code in PRIORITY:
        if code in by_code:
            f = by_code[code]
            return Verdict(code=f.code, severity=f.severity, variant=f.variant, params=dict(f.params))
    return Verdict(code=NO_FINDINGS, severity=Severity.INFO)
