from __future__ import annotations

from dataclasses import replace

from diagnostics import catalog
from diagnostics.checks.registry import CheckContext
from diagnostics.model import ChainHead, Facts, Found, NotFound, Term, Unavailable
from tests.diagnostics.checks.factory import context, mined, pending, run

TRON_ADDRESS = "TCLBgkbfVkJroVBJVqBEsxtPNQEQMTQCLQ"


def test_not_found_only_when_every_node_answered() -> None:
    assert run("TX_NOT_FOUND", context(NotFound())) is not None
    assert run("TX_NOT_FOUND", context(Unavailable("timeout"))) is None
    assert run("TX_NOT_FOUND", context(mined())) is None


def test_unavailable_node_carries_its_reason() -> None:
    finding = run("NODE_UNAVAILABLE", context(Unavailable("node.test did not answer within 5 s")))
    assert finding is not None and finding.params["reason"] == Unavailable("node.test did not answer within 5 s")
    assert run("NODE_UNAVAILABLE", context(NotFound())) is None


def test_out_of_sync_by_head_age() -> None:
    assert run("NODE_OUT_OF_SYNC", context(NotFound(), head_age=30)) is None
    finding = run("NODE_OUT_OF_SYNC", context(NotFound(), head_age=600))
    assert finding is not None and finding.params["age_seconds"] == 600 and finding.params["allowed_seconds"] == 120
    assert run("NODE_OUT_OF_SYNC", context(NotFound(), head_age=90, network="bsc")) is not None


def test_not_found_needs_a_fresh_head() -> None:
    assert run("TX_NOT_FOUND", context(NotFound(), head=None)) is None
    stale = context(NotFound(), head_age=3600)
    assert run("TX_NOT_FOUND", stale) is None and run("NODE_OUT_OF_SYNC", stale) is not None


def test_unknown_replacement_or_fees_are_said_only_while_pending() -> None:
    for tx, expected in ((pending(), True), (mined(), False)):
        ctx = context(tx)
        selected = replace(
            ctx.facts.networks[0], replacement=Unavailable("nonce refused"), fees=Unavailable("fees refused")
        )
        ctx = replace(ctx, facts=Facts((selected,)))
        assert (run("NODE_UNAVAILABLE", ctx) is not None) is expected


def _found_elsewhere(where: str, chosen: str | None, **case: object) -> CheckContext:
    """The transaction found on ``where`` after ``chosen`` (``None``: Auto-detect) said it does not know it."""
    found = context(mined(), network=where, **case)
    asked = [found.facts.networks[0]]
    if chosen is not None:
        asked.insert(0, replace(found.facts.networks[0], network=chosen, tx=NotFound()))
    # Every network asked, as the engine lists them: the chosen one (or ethereum) first, not the found one.
    profiles = tuple(n for n in catalog.networks().values())
    return replace(
        found,
        facts=Facts(tuple(asked)),
        chosen=catalog.network(chosen) if chosen else None,
        profiles=profiles,
        case=replace(found.case, network=chosen or "auto"),
    )


def test_network_mismatch_variants() -> None:
    recipient = mined().transfers[0].recipient
    same = run("NETWORK_MISMATCH", _found_elsewhere("bsc", "ethereum", address=recipient))
    assert same is not None and same.variant == "same_address" and same.network == "bsc"
    assert same.params == {"expected": "Ethereum (ERC-20)", "found": "BNB Smart Chain (BEP-20)", "address": recipient}
    other = run("NETWORK_MISMATCH", _found_elsewhere("bsc", "ethereum", address="0x" + "12" * 20))
    assert other is not None and other.variant == ""
    tron = run("NETWORK_MISMATCH", _found_elsewhere("ethereum", "tron", address=TRON_ADDRESS))
    assert tron is not None and tron.variant == "other_family"


def test_auto_detect_mismatches_only_when_the_address_names_one_network() -> None:
    recipient = mined().transfers[0].recipient
    assert run("NETWORK_MISMATCH", _found_elsewhere("bsc", None, address=recipient)) is None
    finding = run("NETWORK_MISMATCH", _found_elsewhere("ethereum", None, address=TRON_ADDRESS))
    assert finding is not None and finding.params["expected"] == "Tron (TRC-20)"
    assert finding.variant == "other_family"
    # A 0x address with the transaction on Tron: the address names a family, not one network.
    evm = run("NETWORK_MISMATCH", _found_elsewhere("tron", None, address=recipient))
    assert evm is not None and evm.variant == "other_family" and evm.params["expected"] == Term("family_evm")
    assert run("NETWORK_MISMATCH", context(mined())) is None  # found where it was looked for


def test_once_found_only_its_own_network_can_be_unavailable() -> None:
    ctx = _found_elsewhere("bsc", "ethereum")
    dead = replace(ctx.facts.networks[0], tx=Unavailable("timeout"), head=Unavailable("timeout"))
    assert run("NODE_UNAVAILABLE", replace(ctx, facts=Facts((dead, ctx.facts.networks[1])))) is None


def test_a_stale_node_on_any_network_keeps_not_found_unsaid() -> None:
    fresh = context(NotFound())
    stale_bsc = replace(
        fresh.facts.networks[0], network="bsc", head=Found(ChainHead(5, int(fresh.now.timestamp()) - 86_400))
    )
    ctx = replace(fresh, facts=Facts((fresh.facts.networks[0], stale_bsc)), profiles=(catalog.network("bsc"),))
    assert run("TX_NOT_FOUND", ctx) is None
    lagging = run("NODE_OUT_OF_SYNC", ctx)
    assert lagging is not None and lagging.network == "bsc" and lagging.params["age_seconds"] == 86_400
