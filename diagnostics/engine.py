"""The one place that orchestrates I/O: ask the adapters, run every check, pick the verdict."""

from __future__ import annotations

import traceback
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import UTC, datetime

from diagnostics import __version__, catalog
from diagnostics.chains.adapter import ChainAdapter
from diagnostics.checks import REGISTRY, load_checks
from diagnostics.checks.registry import CheckContext
from diagnostics.intake.sniff import hash_fits_family, hash_form, normalize_address, normalize_hash
from diagnostics.model import Case, Diagnosis, Facts, Finding, Severity
from diagnostics.verdict import PRIORITY, pick_verdict

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(tz=UTC)


def run_checks(ctx: CheckContext) -> tuple[Finding, ...]:
    """Every registered check; one that crashes becomes an internal finding and the rest carry on."""
    findings = []
    for code, registered in REGISTRY.items():
        try:
            finding = registered.run(ctx)
        except Exception as exc:  # a check bug must not cost the user the rest of the diagnosis
            detail = traceback.format_exception_only(exc)[-1].strip()
            finding = Finding("INTERNAL_CHECK_ERROR", Severity.WARNING, params={"check": code, "error": detail})
        if finding is not None:
            findings.append(finding)
    return tuple(sorted(findings, key=lambda f: PRIORITY.index(f.code) if f.code in PRIORITY else len(PRIORITY)))


def diagnose(case: Case, *, adapters: Mapping[str, ChainAdapter], clock: Clock = utc_now) -> Diagnosis:
    """Diagnose ``case``; an unknown network raises ``InputError``, everything else is a finding."""
    load_checks()
    network = catalog.network(case.network)
    address = normalize_address(case.address) if case.address is not None else None
    case = replace(case, network=network.slug, address=address)
    now = clock()
    facts = Facts()
    if hash_fits_family(hash_form(case.tx_hash), network.family):
        tx_hash = normalize_hash(case.tx_hash, network.family)
        facts = Facts((adapters[network.family].gather(network, tx_hash),))
    findings = run_checks(CheckContext(case=case, network=network, facts=facts, now=now))
    return Diagnosis(
        case=case,
        verdict=pick_verdict(findings),
        findings=findings,
        facts=facts,
        networks=(network,),
        diagnosed_at=now,
        app_version=__version__,
    )
