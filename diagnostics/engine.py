"""The one place that orchestrates I/O: ask the adapters, run every check, pick the verdict."""

from __future__ import annotations

import math
import queue
import threading
import traceback
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from time import perf_counter

from diagnostics import __version__, catalog
from diagnostics.chains import adapters as build_adapters
from diagnostics.chains.adapter import ChainAdapter, unavailable
from diagnostics.checks import REGISTRY, load_checks
from diagnostics.checks.codes import CODES
from diagnostics.checks.registry import CheckContext
from diagnostics.errors import CancelledError, InputError
from diagnostics.intake.secret import find_secret
from diagnostics.intake.sniff import networks_for_address, networks_for_hash, normalize_address, normalize_hash
from diagnostics.model import (
    AUTO_DETECT,
    Case,
    Diagnosis,
    Facts,
    Finding,
    Found,
    Hints,
    Network,
    NetworkFacts,
)
from diagnostics.outcome import coin_of, deposit_rule, requirement, work_out
from diagnostics.request import Request
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
            severity = CODES["INTERNAL_CHECK_ERROR"].severity
            finding = Finding("INTERNAL_CHECK_ERROR", severity, params={"check": code, "error": detail})
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
    fields = {
        "tx_hash": (case.tx_hash, False),
        "address": (case.address, True),
        "token": (case.token, False),
        "memo": (case.memo, False),
    }
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


# How long the chosen network has on its own before every other candidate is asked too: long enough that
# a healthy node's "found" spares the others the question, short enough that a dead one costs little.
HEAD_START_SECONDS = 1.0
_GRACE_SECONDS = 0.5
_CANCEL_POLL_SECONDS = 0.05


@dataclass(frozen=True)
class ProbeEvent:
    """One step of the search, as it happens: ``facts`` is ``None`` when ``network`` is being asked."""

    network: str
    facts: NetworkFacts | None = None


Progress = Callable[[ProbeEvent], None]


def diagnose(
    case: Case,
    *,
    adapters: Mapping[str, ChainAdapter],
    clock: Clock = utc_now,
    search: Iterable[str] | None = None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    confirmations: Mapping[str, int] | None = None,
    head_start: float = HEAD_START_SECONDS,
) -> Diagnosis:
    """Diagnose ``case``; an unknown network raises ``InputError``, everything else is a finding.

    The chosen network is asked first; when it does not know the hash (or Auto-detect was chosen),
    every other network the hash can belong to is asked side by side. ``search`` limits those others
    to the slugs given (``()``: the chosen network only); ``progress`` hears each network asked and
    each answer as it arrives, from the thread that asked. Setting ``cancel`` stops the wait at once
    and raises ``CancelledError`` (requests already sent finish alone, in daemon threads).
    ``confirmations`` are the user's own requirements by network slug (their settings), over the chosen
    exchange's published figures (``case.exchange``) and the profiles' defaults. ``head_start`` is how long the
    chosen network is waited for alone; an infinite one (a batch's) waits for its answer: other networks are asked
    only when it does not know the hash, so a busy moment never sends every case to every network.
    """
    load_checks()
    case = guard(case)
    user = confirmations or {}
    everywhere = tuple(catalog.networks().values())
    exchange = catalog.exchange(case.exchange) if case.exchange else None
    chosen = None if catalog.is_auto(case.network) else catalog.network(case.network)
    if case.refused is not None:
        network = chosen or everywhere[0]
        return _refused(replace(case, network=_slug(chosen)), network, chosen, clock())
    address = normalize_address(case.address) if case.address is not None else None
    case = replace(case, network=_slug(chosen), address=address)
    now = clock()
    signed = case.signed
    # A signed transaction names its chain (EIP-155): it cannot be anywhere else.
    reachable = tuple(
        n
        for n in everywhere
        if (n.family in adapters or (chosen and n.slug == chosen.slug))  # a chosen one without says so
        and (signed is None or signed.chain_id is None or n.chain_id == signed.chain_id)
    )
    first, others = plan_search(case.tx_hash, chosen, reachable, search)
    hints = Hints(signed, address)
    facts = Facts(_Search(case.tx_hash, adapters, progress, hints, cancel).run(first, others, head_start))
    asked = {n.slug: n for n in (first, *others) if n is not None}
    located = facts.located
    # The network the checks judge: where the transaction is, else the one chosen, else the signed
    # transaction's chain, else the address's.
    guesses = (
        *(n for n in reachable if signed and n.chain_id == signed.chain_id),
        *networks_for_address(address or "", everywhere),
    )
    network = asked[located.network] if located else chosen or next(iter(guesses), everywhere[0])
    profiles = tuple({n.slug: n for n in (network, chosen, *asked.values()) if n is not None}.values())
    # What moved, how deep and where it stands: worked out here once, for every reader (DESIGN rule 8). The
    # exchange's rule depends on the coin, which is what moved: the depth is then measured against its figure.
    moved = work_out(located, requirement(network, case, user, None), now)
    coin = coin_of(case, moved, network)
    rule = deposit_rule(exchange, coin, network)
    required = requirement(network, case, user, rule)
    outcome = work_out(located, required, now)
    ctx = CheckContext(
        case=case,
        network=network,
        facts=facts,
        now=now,
        chosen=chosen,
        profiles=profiles,
        outcome=outcome,
        exchange=exchange,
        coin=coin,
        rule=rule,
        requirement=required,
    )
    findings = run_checks(ctx)
    return Diagnosis(
        case=case,
        verdict=pick_verdict(findings),
        findings=findings,
        facts=facts,
        networks=profiles,
        diagnosed_at=now,
        app_version=__version__,
        outcome=outcome,
        exchange=exchange,
        requirement=required,
    )


def diagnose_request(
    request: Request,
    *,
    adapters: Mapping[str, ChainAdapter] | None = None,
    clock: Clock = utc_now,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    head_start: float = HEAD_START_SECONDS,
) -> Diagnosis:
    """``request`` diagnosed, with adapters built from its endpoints unless the caller shares its own (a batch
    shares one set across its cases, with their connections, rate limits and shared reads)."""
    given = adapters
    if given is None:
        given = build_adapters(
            request.endpoints,
            timeout=request.timeout,
            tron_api_key=request.tron_api_key,
            ton_api_key=request.ton_api_key,
        )
    return diagnose(
        request.effective_case,
        adapters=given,
        clock=clock,
        search=request.search,
        progress=progress,
        cancel=cancel,
        confirmations=request.confirmations,
        head_start=head_start,
    )


def _slug(chosen: Network | None) -> str:
    return chosen.slug if chosen else AUTO_DETECT


def plan_search(
    tx_hash: str, chosen: Network | None, everywhere: Sequence[Network], search: Iterable[str] | None
) -> tuple[Network | None, tuple[Network, ...]]:
    """(the network to ask first, the others to ask if it does not know the hash), by the hash's form."""
    candidates = networks_for_hash(tx_hash, everywhere)
    first = next((n for n in candidates if chosen is not None and n.slug == chosen.slug), None)
    allowed = None if search is None else set(search)
    others = tuple(n for n in candidates if n is not first and (allowed is None or n.slug in allowed))
    return first, others


class _Search:
    """Networks asked side by side, each in its own daemon thread and under its own deadline.

    A network that has not answered by its deadline is ``Unavailable`` and is no longer waited for; once one
    network knows the transaction, the rest are not waited for either (a hash names one transaction on one
    chain). Daemon threads, so an abandoned request never keeps the program from exiting.
    """

    def __init__(
        self,
        tx_hash: str,
        adapters: Mapping[str, ChainAdapter],
        progress: Progress | None,
        hints: Hints,
        cancel: threading.Event | None,
    ) -> None:
        self._hash = tx_hash
        self._hints = hints
        self._cancel = cancel or threading.Event()
        self._adapters = adapters
        self._progress = progress or (lambda event: None)
        self._answers: queue.SimpleQueue[tuple[str, NetworkFacts]] = queue.SimpleQueue()
        self._asked: dict[str, Network] = {}
        self._running: dict[str, tuple[float, float]] = {}  # slug -> (started, deadline)
        self._done: dict[str, NetworkFacts] = {}

    def run(self, first: Network | None, others: Sequence[Network], head_start: float) -> tuple[NetworkFacts, ...]:
        order = [n.slug for n in (first, *others) if n is not None]
        if first is not None:
            self._ask(first)
            adapter = self._adapters.get(first.family)
            alone = min(head_start, adapter.timeout if adapter else 0)
            # An infinite head start waits for the chosen network's own answer (bounded by its deadline).
            if self._wait(None if math.isinf(head_start) else perf_counter() + alone):
                return self._finish(order)
        for network in others:
            self._ask(network)
        self._wait(None)
        return self._finish(order)

    def _ask(self, network: Network) -> None:
        started = perf_counter()
        self._asked[network.slug] = network
        self._progress(ProbeEvent(network.slug))
        adapter = self._adapters.get(network.family)
        if adapter is None:
            missing = unavailable("no_adapter", "Deposit Doctor cannot ask {network} here", network=network.name)
            self._running[network.slug] = (started, started)
            self._record(network.slug, NetworkFacts(network.slug, "", tx=missing, head=missing))
            return
        tx_hash = normalize_hash(self._hash, network.family)
        # Two rounds of requests, each under the adapter's timeout, and a little for threads to hand over.
        self._running[network.slug] = (started, started + 2 * adapter.timeout + _GRACE_SECONDS)

        def gather() -> None:
            try:
                facts = adapter.gather(network, tx_hash, self._hints)
            except Exception as exc:  # an adapter must not raise (DESIGN rule 3); if one does, it is a reason
                detail = traceback.format_exception_only(exc)[-1].strip()
                failed = unavailable("other", "{host} could not be used: {error}", host=network.name, error=detail)
                facts = NetworkFacts(network.slug, "", tx=failed, head=failed, elapsed_seconds=perf_counter() - started)
            self._answers.put((network.slug, facts))

        threading.Thread(target=gather, name=f"probe-{network.slug}", daemon=True).start()

    def _wait(self, until: float | None) -> bool:
        """Take answers until every network asked has one or ``until`` passes; ``True`` once one found it."""
        while self._running:
            deadline = min(d for _, d in self._running.values())
            limit = deadline if until is None else min(deadline, until)
            if self._cancel.is_set():
                raise CancelledError("the diagnosis was stopped")
            try:  # in short slices, so a cancel is heard within one
                slug, facts = self._answers.get(timeout=min(_CANCEL_POLL_SECONDS, max(0.0, limit - perf_counter())))
            except queue.Empty:
                self._expire()
                if until is not None and perf_counter() >= until:
                    return False
                continue
            if self._take(slug, facts):
                return True
        return False

    def _take(self, slug: str, facts: NetworkFacts) -> bool:
        """Record an answer; ``True`` when it found the transaction."""
        if slug not in self._running:
            return False  # it came after its deadline: already said to be unavailable
        self._record(slug, replace(facts, network=slug))
        return isinstance(facts.tx, Found)

    def _record(self, slug: str, facts: NetworkFacts) -> None:
        del self._running[slug]
        self._done[slug] = facts
        self._progress(ProbeEvent(slug, facts))

    def _expire(self) -> None:
        now = perf_counter()
        for slug, (started, deadline) in list(self._running.items()):
            if now >= deadline:
                late = unavailable("no_answer", "no complete answer within {seconds} s", seconds=f"{now - started:.1f}")
                self._record(slug, NetworkFacts(slug, "", tx=late, head=late, elapsed_seconds=now - started))

    def _finish(self, order: Sequence[str]) -> tuple[NetworkFacts, ...]:
        while self._running:  # answers already in count as answers, not as "not waited for"
            try:
                self._take(*self._answers.get_nowait())
            except queue.Empty:
                break
        if self._running:  # only once one network found the transaction: the rest are not waited for
            found = next(f for f in self._done.values() if isinstance(f.tx, Found))
            name = self._asked[found.network].display_name
            now = perf_counter()
            for slug, (started, _) in list(self._running.items()):
                skipped = unavailable("skipped", "the transaction was found on {network} first", network=name)
                self._record(
                    slug, NetworkFacts(slug, "", tx=skipped, head=skipped, elapsed_seconds=now - started, skipped=True)
                )
        return tuple(self._done[slug] for slug in order if slug in self._done)


def _refused(case: Case, network: Network, chosen: Network | None, now: datetime) -> Diagnosis:
    """A case holding a secret gets one finding and no lookup at all."""
    ctx = CheckContext(case=case, network=network, facts=Facts(), now=now, chosen=chosen, profiles=(network,))
    finding = REGISTRY["SECRET_DETECTED"].run(ctx)
    findings = (finding,) if finding else ()
    return Diagnosis(case, pick_verdict(findings), findings, Facts(), (network,), now, __version__)
