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
from diagnostics.errors import InputError
from diagnostics.intake.secret import find_secret
from diagnostics.intake.sniff import hash_fits_family, hash_form, normalize_address, normalize_hash
from diagnostics.model import Case, Diagnosis, Facts, Finding, Network, Severity
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


def guard(case: Case) -> Case:
    """The case with any field that holds a secret emptied, and ``refused`` saying which and what kind.

    Runs before anything else reads the case (DESIGN rule 7): a secret is never looked up, stored, logged
    or rendered. A network name that holds one cannot even be resolved, and is refused as such.
    """
    words = catalog.bip39_words()
    if find_secret(case.network, words) is not None:
        raise InputError("the network name looks like a private key or seed phrase: it was refused and not used")
    fields = {"tx_hash": (case.tx_hash, False), "address": (case.address, True), "token": (case.token, False)}
    found = {
        name: kind
        for name, (text, is_address) in fields.items()
        if (kind := find_secret(text, words, address_field=is_address))
    }
    if not found:
        return case  # (a caller may already have refused a field: the CLI scrubs its arguments first)
    field, kind = next(iter(found.items()))
    # Every field that holds one is emptied, not only the first: the report shows the others.
    blank: dict[str, object] = {name: "" if name == "tx_hash" else None for name in found}
    return replace(case, refused=case.refused or (field, kind.value), **blank)  # type: ignore[arg-type]


def diagnose(case: Case, *, adapters: Mapping[str, ChainAdapter], clock: Clock = utc_now) -> Diagnosis:
    """Diagnose ``case``; an unknown network raises ``InputError``, everything else is a finding."""
    load_checks()
    case = guard(case)
    network = catalog.network(case.network)
    if case.refused is not None:
        return _refused(replace(case, network=network.slug), network, clock())
    address = normalize_address(case.address) if case.address is not None else None
    case = replace(case, network=network.slug, address=address)
    now = clock()
    facts = Facts()
    if hash_fits_family(hash_form(case.tx_hash), network.family):
        tx_hash = normalize_hash(case.tx_hash, network.family)
        facts = Facts((adapters[network.family].gather(network, tx_hash),))
    findings = run_checks(CheckContext(case=case, network=network, facts=facts, now=now))
    return _diagnosis(case, network, findings, facts, now)


def _refused(case: Case, network: Network, now: datetime) -> Diagnosis:
    """A case holding a secret gets one finding and no lookup at all."""
    ctx = CheckContext(case=case, network=network, facts=Facts(), now=now)
    finding = REGISTRY["SECRET_DETECTED"].run(ctx)
    return _diagnosis(case, network, (finding,) if finding else (), Facts(), now)


def _diagnosis(case: Case, network: Network, findings: tuple[Finding, ...], facts: Facts, now: datetime) -> Diagnosis:
    return Diagnosis(
        case=case,
        verdict=pick_verdict(findings),
        findings=findings,
        facts=facts,
        networks=(network,),
        diagnosed_at=now,
        app_version=__version__,
    )
