"""Shared fixtures: real anvil nodes and the support cases built on them."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.fixtures.evm_node import BSC_USDT, ETH_USDT, Node

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


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
