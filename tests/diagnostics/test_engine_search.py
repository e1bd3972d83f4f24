"""Finding a transaction wherever it is: every network on its own local node at once (issue 4's acceptance)."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from decimal import Decimal

import pytest

from diagnostics import catalog
from diagnostics.chains import adapters as real_adapters
from diagnostics.cli import main
from diagnostics.engine import ProbeEvent, diagnose
from diagnostics.errors import CancelledError
from diagnostics.intake.sniff import networks_for_hash
from diagnostics.model import Case, Diagnosis, Finding, Found, NotFound, Term, Unavailable
from diagnostics.report.text import render_text
from tests.fixtures.diagnosis import assert_renders
from tests.fixtures.networks import AllNetworks
from tests.fixtures.rpc_server import RpcServer

TRON_SENDER = "TL24LCps5FKwp3PoU1MvrYrwhi5LU1tHre"
TRON_USER = "TCLBgkbfVkJroVBJVqBEsxtPNQEQMTQCLQ"
UNKNOWN = "0x" + "cd" * 32
EVERY = list(catalog.networks())
# A 0x hash is an EVM hash or a Tron id pasted with 0x; never a Bitcoin txid (those are bare hex).
HEX_0X = [n.slug for n in networks_for_hash(UNKNOWN, catalog.networks().values())]


@pytest.fixture(scope="module")
def nets() -> Iterator[AllNetworks]:
    world = AllNetworks()
    yield world
    world.stop()


@pytest.fixture(scope="module")
def bsc_usdt(nets: AllNetworks) -> str:
    """250 USDT (18 decimals on BSC) to the deposit address, on BNB Smart Chain, well confirmed."""
    bsc = nets.bsc
    tx: str = bsc.chain.send(bsc.usdt, "transfer", bsc.chain.deposit, 250 * bsc.unit)
    bsc.chain.wait(tx)
    bsc.chain.mine(30)
    return tx


@pytest.fixture(scope="module")
def eth_usdt(nets: AllNetworks) -> str:
    """USDT sent on Ethereum (ERC-20), well confirmed: the deposit the exchange expected on TRC-20."""
    eth = nets.eth
    tx: str = eth.chain.send(eth.usdt, "transfer", eth.chain.deposit, 100 * eth.unit)
    eth.chain.wait(tx)
    eth.chain.mine(20)
    return tx


@pytest.fixture(scope="module")
def tron_usdt(nets: AllNetworks) -> str:
    return nets.tron.trc20_transfer(TRON_SENDER, TRON_USER, 250_000_000).txid


def finding(d: Diagnosis, code: str) -> Finding:
    return next(f for f in d.findings if f.code == code)


def answers(d: Diagnosis) -> dict[str, str]:
    def state(n: object) -> str:
        tx = n.tx
        return "found" if isinstance(tx, Found) else "not_found" if isinstance(tx, NotFound) else "unavailable"

    return {n.network: state(n) for n in d.facts.networks}


def test_bsc_transfer_with_ethereum_chosen_is_a_network_mismatch(nets: AllNetworks, bsc_usdt: str) -> None:
    d = nets.diagnose(bsc_usdt, "ethereum", address=nets.bsc.chain.deposit, token="USDT", amount=Decimal(250))
    assert_renders(d)
    assert d.verdict.code == "NETWORK_MISMATCH" and d.verdict.variant == "same_address"
    assert (
        d.verdict.params["found"] == "BNB Smart Chain (BEP-20)" and d.verdict.params["expected"] == "Ethereum (ERC-20)"
    )
    # Every other network was asked, side by side, and answered.
    assert answers(d)["ethereum"] == "not_found" and answers(d)["bsc"] == "found"
    assert set(answers(d)) == set(HEX_0X) and d.facts.networks[0].network == "ethereum"
    assert all(n.skipped or answers(d)[n.network] != "unavailable" for n in d.facts.networks)
    # Decoded with BSC's own token table: 18-decimal USDT, and BSC's confirmation count.
    assert "AMOUNT_MISMATCH" not in d.codes() and "TOKEN_NOT_OFFICIAL" not in d.codes()
    assert "CONFIRMATIONS_SUFFICIENT" in d.codes()
    assert finding(d, "CONFIRMATIONS_SUFFICIENT").network == "bsc"
    text = render_text(d)
    assert "Sent on BNB Smart Chain (BEP-20), not on Ethereum (ERC-20)" in text
    assert "250 USDT" in text and "wrong-network deposit recovery" in text
    assert "bscscan.com/tx/" in text
    evidence = {e.label: e.value for e in finding(d, "NETWORK_MISMATCH").evidence}
    assert evidence["funds_at"] == nets.bsc.chain.deposit and evidence["network_answer"] == Term("not_found")


def test_tron_hash_with_ethereum_chosen_names_tron(nets: AllNetworks, tron_usdt: str) -> None:
    d = nets.diagnose(tron_usdt, "ethereum", address=nets.eth.chain.deposit)
    assert_renders(d)
    assert d.verdict.code == "NETWORK_MISMATCH" and d.verdict.variant == "other_family"
    assert d.verdict.params["found"] == "Tron (TRC-20)"
    assert answers(d)["ethereum"] == "not_found" and answers(d)["tron"] == "found"
    assert "ADDRESS_NETWORK_MISMATCH" not in d.codes()  # the 0x address fits the network chosen


def test_the_same_hash_with_0x_is_found_on_tron_too(nets: AllNetworks, tron_usdt: str) -> None:
    d = nets.diagnose("0x" + tron_usdt, "bsc")
    assert d.verdict.code == "NETWORK_MISMATCH" and d.facts.located and d.facts.located.network == "tron"


@pytest.mark.parametrize("where", ["bsc", "tron", "ethereum"])
def test_auto_detect_finds_each(nets: AllNetworks, where: str, bsc_usdt: str, tron_usdt: str, eth_usdt: str) -> None:
    tx, address = {
        "bsc": (bsc_usdt, nets.bsc.chain.deposit),
        "tron": (tron_usdt, TRON_USER),
        "ethereum": (eth_usdt, nets.eth.chain.deposit),
    }[where]
    d = nets.diagnose(tx, address=address, token="USDT")
    assert_renders(d)
    assert d.facts.located is not None and d.facts.located.network == where
    assert "NETWORK_MISMATCH" not in d.codes() and d.verdict.code in (
        "CONFIRMATIONS_SUFFICIENT",
        "CONFIRMATIONS_INSUFFICIENT",
    )
    assert d.case.network == "auto" and "Network: Auto-detect" in render_text(d)


def test_auto_detect_with_a_tron_address_catches_erc20_sent_for_trc20(nets: AllNetworks, eth_usdt: str) -> None:
    d = nets.diagnose(eth_usdt, "auto", address=TRON_USER, token="USDT")
    assert d.verdict.code == "NETWORK_MISMATCH" and d.verdict.variant == "other_family"
    assert d.verdict.params == {"expected": "Tron (TRC-20)", "found": "Ethereum (ERC-20)", "address": ""}


def test_tron_address_with_an_erc20_network_is_an_address_network_mismatch(nets: AllNetworks, eth_usdt: str) -> None:
    d = nets.diagnose(eth_usdt, "erc20", address=TRON_USER)
    assert d.verdict.code == "ADDRESS_NETWORK_MISMATCH" and d.verdict.variant == "tron"


def test_found_on_the_chosen_network_asks_no_other(nets: AllNetworks, bsc_usdt: str) -> None:
    events: list[ProbeEvent] = []
    d = nets.diagnose(bsc_usdt, "bsc", address=nets.bsc.chain.deposit, progress=events.append)
    assert [n.network for n in d.facts.networks] == ["bsc"]
    assert [(e.network, e.facts is None) for e in events] == [("bsc", True), ("bsc", False)]


def test_not_found_anywhere_lists_every_network_asked(nets: AllNetworks) -> None:
    events: list[ProbeEvent] = []
    d = nets.diagnose(UNKNOWN, "ethereum", progress=events.append)
    assert d.verdict.code == "TX_NOT_FOUND" and d.verdict.variant == "searched"
    assert set(answers(d)) == set(HEX_0X) and set(answers(d).values()) == {"not_found"}
    # A 0x hash is an EVM or a Tron one: Bitcoin, Solana and TON hashes are written otherwise.
    hex_families = [n for n in catalog.networks().values() if n.family in {"evm", "tron"}]
    assert d.verdict.params["count"] == len(HEX_0X) == len(hex_families)
    # Progress: each network is announced, then answered, once, in that order.
    for network in HEX_0X:
        mine = [e.facts is None for e in events if e.network == network]
        assert mine == [True, False], network
    text = render_text(d)
    assert f"Not found on any of the {len(HEX_0X)} networks asked" in text
    for network in catalog.networks().values():
        assert (network.display_name in text) is (network.slug in HEX_0X)
    bare = nets.diagnose(UNKNOWN[2:], "ethereum")  # bare hex: a Bitcoin txid and a TON hash as well
    hexless = {n.slug for n in catalog.networks().values() if n.family == "solana"}  # Base58 signatures only
    assert set(answers(bare)) == set(EVERY) - hexless and bare.verdict.params["count"] == len(EVERY) - len(hexless)
    assert all(n.elapsed_seconds > 0 for n in d.facts.networks)


def test_a_dead_network_changes_no_found_verdict_and_costs_no_more_than_its_timeout(
    nets: AllNetworks, bsc_usdt: str
) -> None:
    timeout = 1.5
    alive = nets.diagnose(bsc_usdt, "ethereum", address=nets.bsc.chain.deposit, timeout=timeout)
    with RpcServer("hang") as dead:
        started = time.perf_counter()
        d = nets.diagnose(
            bsc_usdt, "ethereum", address=nets.bsc.chain.deposit, timeout=timeout, replace={"polygon": dead.url}
        )
        took = time.perf_counter() - started
    assert d.verdict == alive.verdict
    assert took < timeout, "found on BSC: the hanging network is not waited for"
    polygon = d.facts.for_network("polygon")
    assert polygon is not None and polygon.skipped and "NODE_UNAVAILABLE" not in d.codes()
    assert "not waited for" in render_text(d)


def test_a_dead_chosen_network_still_lets_the_others_find_it(nets: AllNetworks, bsc_usdt: str) -> None:
    timeout = 3.0
    with RpcServer("hang") as dead:
        started = time.perf_counter()
        d = nets.diagnose(
            bsc_usdt, "ethereum", address=nets.bsc.chain.deposit, timeout=timeout, replace={"ethereum": dead.url}
        )
        took = time.perf_counter() - started
    assert d.verdict.code == "NETWORK_MISMATCH" and d.facts.located and d.facts.located.network == "bsc"
    assert took < timeout, "the others start after a short head start, not after the chosen one's timeout"


def test_a_dead_network_keeps_not_found_inconclusive_within_its_timeout(nets: AllNetworks) -> None:
    timeout = 1.0
    with RpcServer("hang") as dead:
        started = time.perf_counter()
        d = nets.diagnose(UNKNOWN, "auto", timeout=timeout, replace={"avalanche": dead.url})
        took = time.perf_counter() - started
    assert d.verdict.code == "NODE_UNAVAILABLE" and "TX_NOT_FOUND" not in d.codes()
    assert answers(d)["avalanche"] == "unavailable"
    assert {v for k, v in answers(d).items() if k != "avalanche"} == {"not_found"}
    assert finding(d, "NODE_UNAVAILABLE").params["networks"] == ("Avalanche C-Chain",)
    # One round under the timeout; the engine's own cap (two rounds and a grace) is never reached.
    assert timeout <= took < 2 * timeout
    reason = d.facts.for_network("avalanche").tx  # type: ignore[union-attr]
    assert isinstance(reason, Unavailable) and "did not answer within 1 s" in reason.reason


def test_an_adapter_that_never_returns_is_cut_at_the_engines_deadline(nets: AllNetworks) -> None:
    """Even an adapter that ignores its own timeout cannot hold the verdict: the engine stops waiting."""
    release = threading.Event()

    class Stuck:
        family = "tron"
        timeout = 0.2

        def gather(self, network: object, tx_hash: str, sender: object = None) -> object:
            release.wait(30)
            raise RuntimeError("released")

    chosen = real_adapters(nets.endpoints, timeout=2.0)
    started = time.perf_counter()
    d = diagnose(Case("ethereum", UNKNOWN), adapters={"evm": chosen["evm"], "tron": Stuck()})  # type: ignore[dict-item]
    took = time.perf_counter() - started
    release.set()
    assert answers(d)["tron"] == "unavailable" and took < 2.0
    tron = d.facts.for_network("tron")
    assert tron is not None and isinstance(tron.tx, Unavailable) and "no complete answer" in tron.tx.reason


def test_cli_points_every_network_at_a_local_node(
    nets: AllNetworks, bsc_usdt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    rpc = [f"--rpc={slug}={url}" for slug, url in nets.endpoints.items()]
    args = ["diagnose", "--tx", bsc_usdt, "--network", "usdt-erc20", "--address", nets.bsc.chain.deposit, *rpc]
    assert main([*args, "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["verdict"]["code"] == "NETWORK_MISMATCH"
    assert {n["network"] for n in report["networks"]} == set(HEX_0X)
    assert all(n["endpoint"].startswith("127.0.0.1:") for n in report["networks"] if n["state"] != "skipped")
    assert report["support_message"].startswith("Hello, I made a deposit on the wrong network")
    assert main([*args, "--lang", "zh"]) == 0
    assert "您好，我的充值转错了网络，申请找回。" in capsys.readouterr().out


def test_cli_auto_detect_is_the_default_and_no_search_needs_a_network(
    nets: AllNetworks, tron_usdt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    rpc = [f"--rpc={slug}={url}" for slug, url in nets.endpoints.items()]
    assert main(["diagnose", "--tx", tron_usdt, "--address", TRON_USER, *rpc, "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    facts = {row["key"]: row["value"] for row in report["transaction"]}
    assert report["case"]["network"] == "auto" and facts["network"] == "Tron (TRC-20)"
    assert main(["diagnose", "--tx", tron_usdt, "--no-search", *rpc]) == 2
    assert "--no-search asks one network only" in capsys.readouterr().err


def test_cancel_stops_the_wait_at_once(nets: AllNetworks) -> None:
    stop = threading.Event()
    with RpcServer("hang") as dead:
        threading.Timer(0.3, stop.set).start()
        started = time.perf_counter()
        with pytest.raises(CancelledError):
            diagnose(
                Case("ethereum", UNKNOWN),
                adapters=real_adapters({**nets.endpoints, "ethereum": dead.url}, timeout=10),
                cancel=stop,
            )
        took = time.perf_counter() - started
    assert 0.3 <= took < 0.6


def test_auto_detect_with_a_0x_address_and_a_tron_transaction(nets: AllNetworks, tron_usdt: str) -> None:
    d = nets.diagnose(tron_usdt, "auto", address=nets.eth.chain.deposit)
    assert d.verdict.code == "NETWORK_MISMATCH" and d.verdict.variant == "other_family"
    assert d.verdict.params["expected"] == Term("family_evm")
    assert "not on an EVM network" in render_text(d)


def test_chosen_network_with_a_tron_address_and_a_tron_transaction(nets: AllNetworks, tron_usdt: str) -> None:
    d = nets.diagnose(tron_usdt, "ethereum", address=TRON_USER)
    assert d.verdict.code == "ADDRESS_NETWORK_MISMATCH"
    assert render_text(d).startswith("Verdict: The address does not belong to Ethereum (ERC-20)")
    mismatch = finding(d, "NETWORK_MISMATCH")
    assert mismatch.variant == "other_family", "a Tron address is no 0x account: no same-address recovery"


def test_a_malformed_port_is_an_unavailable_endpoint_not_a_hang(nets: AllNetworks) -> None:
    started = time.perf_counter()
    d = nets.diagnose(UNKNOWN, "ethereum", replace={"ethereum": "http://127.0.0.1:99999"}, timeout=1)
    assert time.perf_counter() - started < 1.5
    assert answers(d)["ethereum"] == "unavailable" and d.verdict.code == "NODE_UNAVAILABLE"
    assert finding(d, "NODE_UNAVAILABLE").network == "ethereum"
