"""Shared fixtures: real anvil nodes and the support cases built on them."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pytest

from diagnostics.chains import adapters
from diagnostics.engine import diagnose
from diagnostics.model import Case, Diagnosis
from diagnostics.report.json import render_json
from diagnostics.report.text import render_text
from tests.fixtures.anvil import Anvil
from tests.fixtures.chain import Chain

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ETH_USDT = "0xdAC17F958D2ee523a2206206994597C13D831ec7"
BSC_USDT = "0x55d398326f99059fF775485246999027B3197955"


class Node:
    """A running anvil with a chain helper and USDT at its real address, funded for the sender."""

    def __init__(self, network: str, chain_id: int, usdt: str, decimals: int, args: tuple[str, ...] = ()) -> None:
        self.network = network
        self.anvil = Anvil(chain_id, args)
        self.url = self.anvil.url
        self.chain = Chain(self.url)
        self.usdt = usdt
        self.decimals = decimals
        self.unit = 10**decimals
        if "--no-mining" not in args:
            self.chain.place_token(usdt, "USDT", decimals)
            self.chain.mint(usdt, self.chain.sender, 1_000_000 * self.unit)

    def diagnose(self, tx_hash: str, **case: Any) -> Diagnosis:
        return diagnose_on(self.url, self.network, tx_hash, **case)

    def stop(self) -> None:
        self.anvil.stop()


def diagnose_on(
    url: str, network: str, tx_hash: str, clock: Any = None, timeout: float = 5.0, **case: Any
) -> Diagnosis:
    """Diagnose a case with ``network`` pointed at the node at ``url``."""
    kwargs = {"clock": clock} if clock else {}
    endpoints = adapters({network: url}, timeout=timeout)
    diagnosis = diagnose(Case(network, tx_hash, **case), adapters=endpoints, search=(), **kwargs)
    assert_renders(diagnosis)
    return diagnosis


def assert_renders(diagnosis: Diagnosis) -> None:
    """Every real diagnosis must render in full: no placeholder left unfilled, JSON that parses."""
    text = render_text(diagnosis)
    assert not re.search(r"\{[a-z_]+\}", text), text
    assert json.loads(render_json(diagnosis))["verdict"]["code"] == diagnosis.verdict.code


@pytest.fixture
def eth() -> Iterator[Node]:
    node = Node("ethereum", 1, ETH_USDT, 6)
    yield node
    node.stop()


@pytest.fixture
def bsc() -> Iterator[Node]:
    node = Node("bsc", 56, BSC_USDT, 18)
    yield node
    node.stop()


def fixed_clock(when: datetime) -> Any:
    return lambda: when
