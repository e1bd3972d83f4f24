"""The registry: one check per code, or one per family that needs its own judgement, and the code table."""

from __future__ import annotations

from dataclasses import replace

import pytest

from diagnostics import catalog
from diagnostics.checks import REGISTRY
from diagnostics.checks.codes import CODES, codes_with
from diagnostics.checks.registry import check
from diagnostics.verdict import PRIORITY
from tests.diagnostics.checks.factory import context, pending


def test_every_registered_code_has_its_metadata_and_the_verdict_follows_the_table() -> None:
    assert set(REGISTRY) <= set(CODES)
    assert tuple(CODES) == PRIORITY
    assert codes_with("lost") == {"TX_FAILED", "TX_DROPPED_REPLACED", "SENT_TO_TOKEN_CONTRACT"}
    assert codes_with("arrived") == {"CONFIRMATIONS_SUFFICIENT"}
    assert all(REGISTRY[code].severity == CODES[code].severity for code in REGISTRY)


def test_a_code_runs_its_family_check_else_the_neutral_one() -> None:
    evm = context(pending(nonce=7))
    finding = REGISTRY["TX_PENDING"].run(evm)
    assert finding is not None and finding.params["nonce"] == 7  # the EVM check: it knows nonces
    tron = replace(evm, network=catalog.network("tron"))
    assert set(REGISTRY["TX_PENDING"].by_family) == {None, "evm", "tron", "bitcoin", "solana"}
    other = replace(evm, network=replace(catalog.network("ethereum"), family="newchain"))
    neutral = REGISTRY["TX_PENDING"].run(other)
    assert neutral is not None and "nonce" not in neutral.params  # a family with no check of its own
    assert REGISTRY["NONCE_GAP"].run(replace(tron, network=replace(tron.network, family="newchain"))) is None


def test_a_code_cannot_be_registered_twice_for_one_family() -> None:
    with pytest.raises(ValueError, match="already raised"):
        check("TX_PENDING", family="evm")(lambda ctx: None)
