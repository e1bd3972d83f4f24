"""Where the transaction is, and whether the nodes asked could be trusted to say."""

from __future__ import annotations

from diagnostics.checks.registry import CheckContext, check
from diagnostics.intake.sniff import address_form
from diagnostics.model import Evidence, Finding, Found, NetworkFacts, NotFound, Term, Unavailable, known

# A head older than this many block times (and at least a minute) means the node has stopped following
# the chain: a normal chain misses a slot or two, never ten in a row.
_STALE_BLOCKS = 10
_STALE_FLOOR_SECONDS = 60


def stale_head(ctx: CheckContext, facts: NetworkFacts | None = None) -> tuple[int, float] | None:
    """(age, allowed) in seconds when a node's newest block is too old to trust: the judged network's
    node, or the one that gave ``facts``, measured by its own network's block time."""
    facts = facts or ctx.selected
    network = ctx.profile(facts.network) if facts else None
    head = known(facts.head) if facts else None
    if head is None or network is None:
        return None
    age = int(ctx.now.timestamp()) - head.timestamp
    allowed = max(_STALE_FLOOR_SECONDS, _STALE_BLOCKS * network.block_time_seconds)
    return (age, allowed) if age > allowed else None


@check("TX_NOT_FOUND")
def not_found(ctx: CheckContext) -> Finding | None:
    asked = ctx.facts.networks
    # Unknown is not absent: one node that could not answer in full, or that is behind the chain, keeps
    # this from being said at all.
    answered = all(isinstance(n.tx, NotFound) and isinstance(n.head, Found) for n in asked)
    if not asked or not answered or any(stale_head(ctx, n) for n in asked) or ctx.replaced:
        return None  # a node behind the chain may simply not have reached the transaction yet
    evidence = tuple(
        Evidence(
            "network_answer", Term("not_found"), n.network, n.head.value.number if isinstance(n.head, Found) else None
        )
        for n in asked
    )
    # The raw transaction the user gave: its nonce is still free, so it was never broadcast.
    free = ctx.replacement if ctx.replacement is not None and ctx.replacement.nonce is not None else None
    if free is not None:
        evidence += (
            ctx.evidence("nonce", free.nonce),
            ctx.evidence("sender_mined_count", free.mined_count),
            ctx.evidence("sender_pending_count", free.pending_count),
        )
    return ctx.finding(
        "TX_NOT_FOUND",
        variant="never_broadcast" if free else "searched" if len(asked) > 1 else "",
        evidence=evidence,
        nonce=free.nonce if free else None,
        mined_count=free.mined_count if free else None,
        networks=tuple(ctx.name_of(n.network) for n in asked),
        count=len(asked),
    )


@check("NODE_UNAVAILABLE")
def node_unavailable(ctx: CheckContext) -> Finding | None:
    evidence = []
    dead = []
    located = ctx.facts.located
    # Once the transaction is found, only its own network's silence matters: a hash names one transaction.
    for n in (located,) if located else ctx.facts.networks:
        # Fees and replacements matter only while the transaction waits; then not knowing them is worth saying.
        waiting = isinstance(n.tx, Found) and n.tx.value.pending
        lookups = (n.tx, n.head, n.replacement, n.fees) if waiting else (n.tx, n.head)
        reasons = [x for x in lookups if isinstance(x, Unavailable)]
        if reasons:
            dead.append(ctx.name_of(n.network))
            evidence.append(Evidence("node_unavailable", reasons[0], n.network))
    if not dead:
        return None
    # Not found where the user chose, by a node that answered in full, while others could not be asked: say
    # what is known (not there), and what is not (the rest), rather than "the node did not answer".
    chosen = ctx.facts.for_network(ctx.chosen.slug) if ctx.chosen and not located else None
    answered = chosen is not None and isinstance(chosen.tx, NotFound) and isinstance(chosen.head, Found)
    return ctx.finding(
        "NODE_UNAVAILABLE",
        variant="chosen_not_found" if answered else "",
        network=evidence[0].network,
        evidence=tuple(evidence),
        networks=tuple(dead),
        reason=evidence[0].value,
        chosen=ctx.chosen.display_name if answered and ctx.chosen else None,
    )


@check("NETWORK_MISMATCH")
def network_mismatch(ctx: CheckContext) -> Finding | None:
    located = ctx.facts.located
    if located is None:
        return None
    found_on, expected = ctx.network, ctx.expected
    family = address_form(ctx.case.address).family if ctx.case.address else None
    meant: str | Term
    if expected is not None and expected.slug != found_on.slug:
        meant, meant_family = expected.display_name, expected.family
    elif expected is None and ctx.chosen is None and family is not None and family != found_on.family:
        meant, meant_family = Term(f"family_{family.value}"), family.value  # Auto-detect: the address says
    else:
        return None
    tx = ctx.tx
    evidence = [
        Evidence("network_expected", meant, expected.slug if expected else None),
        ctx.evidence("network_found", found_on.display_name, tx.block_number if tx else None),
    ]
    asked_expected = ctx.facts.for_network(expected.slug) if expected else None
    if asked_expected is not None and not asked_expected.skipped:
        evidence.append(Evidence("network_answer", _answer(asked_expected), asked_expected.network))
    if meant_family != found_on.family:
        variant = "other_family"
    elif ctx.moved_to_address() and ctx.address:
        variant = "same_address"  # an EVM address is the same account on every EVM chain: the key holder has it
        evidence.append(ctx.evidence("funds_at", ctx.address))
    else:
        variant = ""
    recipients = [t.recipient for t in ctx.moved()]
    if variant != "same_address" and recipients:
        evidence.append(ctx.evidence("sent_to", recipients[0]))
    return ctx.finding(
        "NETWORK_MISMATCH",
        variant=variant,
        evidence=tuple(evidence),
        expected=meant,
        found=found_on.display_name,
        address=ctx.address or "",
    )


def _answer(facts: NetworkFacts) -> Term | Unavailable:
    if isinstance(facts.tx, Found):
        return Term("found")
    return Term("not_found") if isinstance(facts.tx, NotFound) else facts.tx


@check("NODE_OUT_OF_SYNC")
def node_out_of_sync(ctx: CheckContext) -> Finding | None:
    located = ctx.facts.located
    # Found: only its own node's lag matters. Not found: any node behind the chain makes "not found" unsure.
    behind = [n for n in ((located,) if located else ctx.facts.networks) if stale_head(ctx, n)]
    if not behind:
        return None
    lagging = behind[0]
    stale, head = stale_head(ctx, lagging), known(lagging.head)
    outcome = ctx.outcome
    if stale is None or head is None:
        return None
    depth = outcome.depth if outcome is not None and outcome.network == lagging.network else None
    if depth is not None and depth.confirmations >= depth.required:
        return None  # a lagging node can only under-count: the requirement is met all the same
    age, allowed = stale
    return ctx.finding(
        "NODE_OUT_OF_SYNC",
        network=lagging.network,
        evidence=(
            Evidence("head_block", head.number, lagging.network, head.number),
            Evidence("head_age_seconds", age, lagging.network, head.number),
        ),
        age_seconds=age,
        allowed_seconds=int(allowed),
    )
