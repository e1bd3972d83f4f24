"""The adapter contract: what every chain family's adapter does, each against its own local node.

One set of tests, parametrized over a small harness per family that knows how to start the family's node,
make a confirmed and a pending transaction, name a hash no one has, and stand up a node that misbehaves.
A new family (DESIGN rule 4) adds a harness here and passes the same tests.

The contract (DESIGN rules 2 and 3): every lookup is ``Found``, ``NotFound`` or ``Unavailable``, and no
exception leaves ``gather``. ``NotFound`` only comes from a node that answered in full, with its newest block.
A node that cannot be used, whatever way it fails, is ``Unavailable`` with a key a report can put into words,
within a hard deadline (two rounds of requests at most, each bounded by the timeout), and the process survives
any answer (a hostile nesting is run in a child process, so that a regression kills the child, not pytest).
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from abc import ABC, abstractmethod
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from time import perf_counter
from typing import ClassVar

import pytest

from desktop.sandbox.anvil import Anvil, free_port
from desktop.sandbox.chain import Chain
from desktop.sandbox.esplora_node import EsploraNode
from desktop.sandbox.solana_node import LAMPORTS, SolanaNode
from desktop.sandbox.ton_node import TESTNET, TonNode, account
from desktop.sandbox.tron_node import SUN, TronNode
from diagnostics import catalog
from diagnostics.chains import adapters
from diagnostics.chains.adapter import (
    MAX_ANSWER_BYTES,
    MAX_NESTING,
    check_answer,
    nesting,
    parse_json,
    wrong_network,
)
from diagnostics.model import Found, NetworkFacts, NotFound, TxStatus, Unavailable
from tests.fixtures.rpc_server import RpcServer

ROOT = Path(__file__).resolve().parents[3]
FAULT_TIMEOUT = 1.0  # seconds: short, so the cases that wait for it keep the suite fast
DEADLINE = 2 * FAULT_TIMEOUT + 0.5  # two rounds at most, each bounded by the timeout, and some slack
STALE = 1_600_000_000  # 2020-09-13: a head years old


class Harness(ABC):
    """One chain family's local node and the cases the contract asks of it."""

    family: ClassVar[str]
    slug: ClassVar[str]  # the network the cases are asked on
    unknown: ClassVar[str]  # a hash in the family's form that no node knows
    wrong_network_key: ClassVar[str]
    # Sequential rounds of requests each case takes, as measured: what the contract holds each family to.
    round_trips: ClassVar[dict[str, int]]
    # Ways a node answers the transaction lookups "unknown" but cannot show its newest block.
    half_answers: ClassVar[tuple[str, ...]]

    url = ""  # the healthy node, once started

    @abstractmethod
    def start(self) -> None: ...

    @abstractmethod
    def stop(self) -> None: ...

    @abstractmethod
    def confirmed(self) -> str:
        """A transaction in a block of the healthy node."""

    @abstractmethod
    def pending(self) -> str:
        """A transaction the healthy node holds, waiting for a block."""

    @abstractmethod
    def faulty(self, fault: str) -> AbstractContextManager[str]:
        """A node that misbehaves (the shared server's faults, and "huge" and "nested"); yields its URL."""

    @abstractmethod
    def other_network(self) -> AbstractContextManager[str]:
        """A working node of another chain or network than ``slug``'s."""

    @abstractmethod
    def stale(self, timestamp: int) -> AbstractContextManager[str]:
        """A working node whose newest block is from ``timestamp``."""

    @abstractmethod
    def half_answer(self, how: str) -> AbstractContextManager[str]:
        """A node that says it does not know ``unknown`` but cannot show its newest block (see ``half_answers``)."""


class EvmHarness(Harness):
    """A real anvil that mines only when asked (so a transaction can wait), and a relay or fault server."""

    family = "evm"
    slug = "ethereum"
    unknown = "0x" + "cd" * 32
    wrong_network_key = "wrong_chain"
    # A confirmed transfer whose receipt carries its block's time (anvil, geth 1.14+) needs no second round.
    round_trips: ClassVar[dict[str, int]] = {"confirmed": 1, "pending": 2, "unknown": 1}
    half_answers = ("head_null",)

    def start(self) -> None:
        self.anvil = Anvil(1, ("--no-mining",))
        self.url = self.anvil.url
        self.chain = Chain(self.url)

    def stop(self) -> None:
        self.anvil.stop()

    def confirmed(self) -> str:
        tx = self.chain.pay(self.chain.deposit, 10**18)
        self.chain.mine()
        return tx

    def pending(self) -> str:
        return self.chain.pay(self.chain.deposit, 10**18)

    @contextmanager
    def faulty(self, fault: str) -> Iterator[str]:
        with RpcServer(fault) as server:
            yield server.url

    @contextmanager
    def other_network(self) -> Iterator[str]:
        with Anvil(5) as goerli_like:
            yield goerli_like.url

    @contextmanager
    def stale(self, timestamp: int) -> Iterator[str]:
        with Anvil(1, ("--timestamp", str(timestamp))) as old:
            yield old.url

    @contextmanager
    def half_answer(self, how: str) -> Iterator[str]:
        with RpcServer("relay", upstream=self.url, overrides={"eth_getBlockByNumber": None}) as relay:
            yield relay.url


class TronHarness(Harness):
    """The local java-tron HTTP node."""

    family = "tron"
    slug = "tron"
    unknown = "ab" * 32
    wrong_network_key = "wrong_network"
    round_trips: ClassVar[dict[str, int]] = {"confirmed": 2, "pending": 2, "unknown": 1}
    half_answers = ("head_500",)
    sender, user = "TL24LCps5FKwp3PoU1MvrYrwhi5LU1tHre", "TCLBgkbfVkJroVBJVqBEsxtPNQEQMTQCLQ"

    def start(self) -> None:
        self.node = TronNode()
        self.url = self.node.url

    def stop(self) -> None:
        self.node.stop()

    def confirmed(self) -> str:
        return self.node.trx_transfer(self.sender, self.user, 5 * SUN).txid

    def pending(self) -> str:
        return self.node.trc20_transfer(self.sender, self.user, SUN, pending=True).txid

    @contextmanager
    def faulty(self, fault: str) -> Iterator[str]:
        with TronNode(fault=fault) as node:
            yield node.url

    @contextmanager
    def other_network(self) -> Iterator[str]:
        with TronNode(network="nile") as nile:
            yield nile.url

    @contextmanager
    def stale(self, timestamp: int) -> Iterator[str]:
        with TronNode() as node:
            node.head_time_ms = timestamp * 1000
            yield node.url

    @contextmanager
    def half_answer(self, how: str) -> Iterator[str]:
        with TronNode() as node:
            node.fault_paths["wallet/getnowblock"] = 500
            yield node.url


class BitcoinHarness(Harness):
    """The local Esplora node (mempool.space's API)."""

    family = "bitcoin"
    slug = "bitcoin"
    unknown = "ab" * 32
    wrong_network_key = "wrong_network"
    # A confirmed transaction needs nothing the first round did not ask: one round.
    round_trips: ClassVar[dict[str, int]] = {"confirmed": 1, "pending": 2, "unknown": 1}
    # "wrong_base": the server's root, not its /api: every path is a 404, as a typo in the URL gives.
    half_answers = ("head_500", "wrong_base")

    def start(self) -> None:
        self.node = EsploraNode()
        self.url = self.node.base_url

    def stop(self) -> None:
        self.node.stop()

    def _pay(self, confirm_at: int | None) -> str:
        source = self.node.fund(self.node.new_address(), 200_000)
        return self.node.send([source], [(self.node.new_address(), 100_000)], confirm_at=confirm_at)

    def confirmed(self) -> str:
        return self._pay(confirm_at=self.node.tip)

    def pending(self) -> str:
        return self._pay(confirm_at=None)

    @contextmanager
    def faulty(self, fault: str) -> Iterator[str]:
        with EsploraNode(fault=fault, with_recorded=False) as node:
            yield node.base_url

    @contextmanager
    def other_network(self) -> Iterator[str]:
        with EsploraNode(network="testnet", with_recorded=False) as testnet:
            yield testnet.base_url

    @contextmanager
    def stale(self, timestamp: int) -> Iterator[str]:
        with EsploraNode(tip_time=timestamp, with_recorded=False) as node:
            yield node.base_url

    @contextmanager
    def half_answer(self, how: str) -> Iterator[str]:
        with EsploraNode(with_recorded=False) as node:
            if how == "head_500":
                node.fault_paths["blocks"] = 500
                yield node.base_url
            else:
                yield node.url


class SolanaHarness(Harness):
    """The local Solana JSON-RPC node, whose transactions LiteSVM executes."""

    family = "solana"
    slug = "solana"
    unknown = "5" * 88  # Base58 of 64 bytes: a signature no node has
    wrong_network_key = "wrong_network"
    # One batch asks for the transaction, its status, the head (the Clock sysvar), the finalized slot and the
    # genesis hash: every case is one round.
    round_trips: ClassVar[dict[str, int]] = {"confirmed": 1, "pending": 1, "unknown": 1}
    half_answers = ("clock_refused",)

    def start(self) -> None:
        self.node = SolanaNode()
        self.url = self.node.url
        self.sender = self.node.wallet(10 * LAMPORTS)
        self.user = self.node.wallet()

    def stop(self) -> None:
        self.node.stop()

    def confirmed(self) -> str:
        return self.node.pay_sol(self.sender, self.user.pubkey(), LAMPORTS // 10)

    def pending(self) -> str:
        return self.node.pay_sol(self.sender, self.user.pubkey(), LAMPORTS // 10, level="processed")

    @contextmanager
    def faulty(self, fault: str) -> Iterator[str]:
        with SolanaNode(fault=fault) as node:
            yield node.url

    @contextmanager
    def other_network(self) -> Iterator[str]:
        with SolanaNode(network="devnet") as devnet:
            yield devnet.url

    @contextmanager
    def stale(self, timestamp: int) -> Iterator[str]:
        with SolanaNode(head_time=timestamp) as node:
            yield node.url

    @contextmanager
    def half_answer(self, how: str) -> Iterator[str]:
        with SolanaNode() as node:
            node.fault_methods["getAccountInfo"] = -32005  # "Node is unhealthy" (behind): no head to show
            yield node.url


class TonHarness(Harness):
    """The local toncenter v3 node."""

    family = "ton"
    slug = "ton"
    unknown = "ab" * 32
    wrong_network_key = "wrong_global_id"
    # A sent transfer is followed to where its message went: two rounds; a waiting or unknown one needs one.
    round_trips: ClassVar[dict[str, int]] = {"confirmed": 2, "pending": 1, "unknown": 1}
    half_answers = ("head_500",)

    def start(self) -> None:
        self.node = TonNode()
        self.url = self.node.url

    def stop(self) -> None:
        self.node.stop()

    def confirmed(self) -> str:
        return self.node.send_ton(account("contract-a"), account("contract-b"), 10**9, "contract")

    def pending(self) -> str:
        return self.node.send_ton(account("contract-a"), account("contract-b"), 10**9, pending=True)

    @contextmanager
    def faulty(self, fault: str) -> Iterator[str]:
        with TonNode(fault=fault) as node:
            yield node.url

    @contextmanager
    def other_network(self) -> Iterator[str]:
        with TonNode(global_id=TESTNET) as testnet:
            yield testnet.url

    @contextmanager
    def stale(self, timestamp: int) -> Iterator[str]:
        with TonNode(head_time=timestamp) as node:
            yield node.url

    @contextmanager
    def half_answer(self, how: str) -> Iterator[str]:
        with TonNode() as node:
            node.fault_paths["masterchainInfo"] = 500
            yield node.url


HARNESSES: dict[str, type[Harness]] = {
    h.family: h for h in (EvmHarness, TronHarness, BitcoinHarness, SolanaHarness, TonHarness)
}


@pytest.fixture(scope="module", params=list(HARNESSES))
def harness(request: pytest.FixtureRequest) -> Iterator[Harness]:
    running = HARNESSES[request.param]()
    running.start()
    yield running
    running.stop()


def gather(harness: Harness, url: str, tx_hash: str, timeout: float = 5.0) -> tuple[NetworkFacts, float]:
    """The family's adapter, from the registry, asked about ``tx_hash`` at ``url`` alone: its facts, every
    lookup checked to be one of the three kinds, and the seconds it took."""
    adapter = adapters({harness.slug: url}, timeout=timeout)[harness.family]
    started = perf_counter()
    facts = adapter.gather(catalog.network(harness.slug), tx_hash)  # an exception here breaks the contract
    elapsed = perf_counter() - started
    assert isinstance(facts, NetworkFacts) and facts.network == harness.slug
    for lookup in (facts.tx, facts.head, facts.fees, facts.replacement):
        assert lookup is None or isinstance(lookup, Found | NotFound | Unavailable), lookup
    return facts, elapsed


def unavailable(facts: NetworkFacts) -> Unavailable:
    """The transaction's lookup, which must say the node could not be used (never "not found")."""
    assert isinstance(facts.tx, Unavailable), f"expected Unavailable, got {facts.tx!r}"
    assert facts.tx.reason
    return facts.tx


def test_every_family_has_a_harness() -> None:
    assert set(adapters()) == set(HARNESSES)
    assert {catalog.network(h.slug).family for h in HARNESSES.values()} == set(HARNESSES)


# --- a working node ---------------------------------------------------------------------------------


def test_confirmed_transaction_is_found(harness: Harness) -> None:
    facts, _ = gather(harness, harness.url, harness.confirmed())
    assert isinstance(facts.tx, Found) and facts.tx.value.status is TxStatus.CONFIRMED
    assert facts.tx.value.block_number is not None
    assert isinstance(facts.head, Found) and facts.head.value.number >= facts.tx.value.block_number
    assert facts.round_trips == harness.round_trips["confirmed"] <= 2


def test_pending_transaction_is_found_pending(harness: Harness) -> None:
    facts, _ = gather(harness, harness.url, harness.pending())
    assert isinstance(facts.tx, Found) and facts.tx.value.status is TxStatus.PENDING
    assert facts.tx.value.pending and facts.tx.value.block_number is None
    assert isinstance(facts.head, Found)
    assert facts.round_trips == harness.round_trips["pending"] <= 2


def test_unknown_hash_is_not_found_from_a_node_that_answered_in_full(harness: Harness) -> None:
    facts, _ = gather(harness, harness.url, harness.unknown)
    assert isinstance(facts.tx, NotFound)
    assert isinstance(facts.head, Found)
    assert facts.round_trips == harness.round_trips["unknown"] == 1


def test_stale_head_is_reported_as_the_node_said(harness: Harness) -> None:
    """The adapter only reports the head; judging it stale is the checks' part."""
    with harness.stale(STALE) as url:
        facts, _ = gather(harness, url, harness.unknown)
    assert isinstance(facts.head, Found) and facts.head.value.timestamp == STALE
    assert isinstance(facts.tx, NotFound)


# --- a node that cannot be used is Unavailable, never NotFound ---------------------------------------------


def test_nothing_listening(harness: Harness) -> None:
    facts, elapsed = gather(harness, f"http://127.0.0.1:{free_port()}", harness.unknown, FAULT_TIMEOUT)
    assert unavailable(facts).key == "connect" and isinstance(facts.head, Unavailable)
    assert elapsed < DEADLINE


@pytest.mark.parametrize("fault", ["hang", "drip"])
def test_node_that_never_finishes_is_dropped_at_the_deadline(harness: Harness, fault: str) -> None:
    """A hanging node is caught by the read timeout; a dripping one never trips it (each byte comes in time),
    so only the round's own deadline ends it."""
    with harness.faulty(fault) as url:
        facts, elapsed = gather(harness, url, harness.unknown, FAULT_TIMEOUT)
    assert unavailable(facts).key == "timeout"
    assert elapsed < DEADLINE, f"{fault}: {elapsed:.2f} s, the deadline is {DEADLINE} s"


@pytest.mark.parametrize(("fault", "key"), [("429", "http_429"), ("500", "http_5xx"), ("garbage", "not_api")])
def test_http_failures_have_their_key(harness: Harness, fault: str, key: str) -> None:
    with harness.faulty(fault) as url:
        facts, elapsed = gather(harness, url, harness.unknown, FAULT_TIMEOUT)
    assert unavailable(facts).key == key and isinstance(facts.head, Unavailable)
    assert elapsed < DEADLINE


def test_node_of_another_chain_or_network(harness: Harness) -> None:
    with harness.other_network() as url:
        facts, _ = gather(harness, url, harness.unknown)
    assert unavailable(facts).key == harness.wrong_network_key
    assert isinstance(facts.head, Unavailable) and facts.head.key == harness.wrong_network_key


def test_node_that_cannot_show_its_head_says_nothing_is_missing(harness: Harness) -> None:
    for how in harness.half_answers:
        with harness.half_answer(how) as url:
            facts, _ = gather(harness, url, harness.unknown, FAULT_TIMEOUT)
        assert isinstance(facts.head, Unavailable), how
        assert unavailable(facts) == facts.head, how  # why the head is missing is why "not found" cannot be said


def test_huge_answer_is_refused_unread(harness: Harness) -> None:
    """Several MB where a node answers a few kB: refused once the limit is passed, before any parsing."""
    with harness.faulty("huge") as url:
        facts, elapsed = gather(harness, url, harness.unknown, FAULT_TIMEOUT)
    assert unavailable(facts).key == "not_api" and isinstance(facts.head, Unavailable)
    assert elapsed < DEADLINE


_NESTED_CHILD = """
import sys
from tests.diagnostics.chains.test_contract import HARNESSES, gather

harness = HARNESSES[sys.argv[1]]()
sys.setrecursionlimit(100_000)  # what py_ecc sets when web3 is imported: the parser would overflow the C stack
with harness.faulty("nested") as url:
    facts, _ = gather(harness, url, harness.unknown, 1.0)
print(facts.tx.key, facts.head.key)
"""


def test_deeply_nested_answer_is_refused_and_the_process_survives(harness: Harness) -> None:
    child = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(_NESTED_CHILD), harness.family],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert child.returncode == 0, f"the process died ({child.returncode}): {child.stderr[-2000:]}"
    assert child.stdout.split() == ["not_api", "not_api"], child.stdout + child.stderr[-2000:]


# --- the guard every adapter's session reads answers through ---------------------------------------------


def test_nesting_is_counted_outside_strings_without_parsing() -> None:
    assert nesting(b"[" * 300_000) == 300_000  # counted, never parsed: no recursion, nothing to overflow
    assert nesting(b'{"a": [1, {"b": []}]}') == 4
    assert nesting(b'{"a": "[[[[{{{{"}') == 1  # brackets in strings are text
    assert nesting(b'["\\"[[[[", "\\\\", [[]]]') == 3  # an escaped quote stays in its string; \\ ends none
    assert nesting(b"<html><body>502 Bad Gateway</body></html>") == 0
    assert nesting(b"") == 0


def test_answers_are_checked_before_parsing() -> None:
    with pytest.raises(ValueError, match="nested"):
        check_answer(b"[" * (MAX_NESTING + 1))
    with pytest.raises(ValueError, match="larger"):
        check_answer(b" " * (MAX_ANSWER_BYTES + 1))
    with pytest.raises(ValueError, match="nested"):
        parse_json("[" * 300_000)
    assert parse_json(b'{"a": "[[[[[[["}') == {"a": "[[[[[[["}


def test_only_another_block_id_makes_another_network() -> None:
    """Block 0's id is compared only when the node gave one: a page, an empty answer or an error leaves the
    question to the other lookups (a pruned node has no block 0), and is never reported as another network."""
    bitcoin, testnet = catalog.network("bitcoin"), "000000000933ea01ad0ee984209779baaec3ced90fa3f408719526f8d77f4943"
    other = wrong_network("node", "Bitcoin", bitcoin, testnet)
    assert other is not None and other.key == "wrong_network" and dict(other.params)["got"] == testnet[:16]
    assert other.reason == "node serves another Bitcoin network (its first block is 000000000933ea01…), not Bitcoin"
    assert bitcoin.genesis_hash is not None
    assert wrong_network("node", "Bitcoin", bitcoin, "0x" + bitcoin.genesis_hash.upper()) is None
    for unreadable in ("<html><head><title>Bad Gateway</title></head></html>", "", None, {}, testnet[:-1]):
        assert wrong_network("node", "Bitcoin", bitcoin, unreadable) is None, unreadable
    assert wrong_network("node", "EVM", catalog.network("ethereum"), testnet) is None  # told apart by chain id
