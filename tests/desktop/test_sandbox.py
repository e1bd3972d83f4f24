"""The sandbox: it starts, every sample gives its intended verdict in the window, and nothing outlives it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from pytestqt.qtbot import QtBot

from desktop.main_window import MainWindow
from desktop.sandbox.samples import NETWORKS, Sandbox
from desktop.settings import AppSettings
from diagnostics.chains import adapters
from diagnostics.engine import diagnose
from diagnostics.model import Direction

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.timeout(120)
def test_every_sample_gives_its_verdict_and_every_node_stops(
    qtbot: QtBot, window: MainWindow, settings: AppSettings
) -> None:
    sandbox = Sandbox()
    try:
        for slug, url in sandbox.endpoints.items():
            settings.set_endpoint(slug, url)
        window.searched_networks = NETWORKS
        menu = window.add_samples(sandbox.samples)
        assert len(menu.actions()) == len(sandbox.samples) >= 10
        expected = {s.key for s in sandbox.samples}
        assert {"credited", "too_few_confirmations", "low_tip", "nonce_gap", "failed", "out_of_energy"} <= expected
        assert {"wrong_network", "fake_usdt", "look_alike", "unknown"} <= expected
        bitcoin = {"btc_credited", "btc_too_few_confirmations", "btc_low_fee", "btc_replaced", "btc_look_alike"}
        assert bitcoin <= expected
        solana = {"sol_credited", "sol_new_token_account", "sol_failed", "sol_look_alike", "sol_not_final"}
        assert solana | {"sol_processed", "sol_sent_for_tron"} <= expected
        ton = {"ton_credited", "ton_no_memo", "ton_wrong_memo", "ton_bounced", "ton_failed", "ton_sent_for_tron"}
        assert ton <= expected
        # Every sample has its own name in the menu, never its raw key.
        assert all(a.text() and a.text() != s.key for a, s in zip(menu.actions(), sandbox.samples, strict=True))
        for action, sample in zip(menu.actions(), sandbox.samples, strict=True):
            with qtbot.waitSignal(window.worker_finished, timeout=20_000):
                action.trigger()
            report = window.result.report
            assert report is not None and report.verdict_code == sample.expected, sample.key
            if sample.key == "ton_sent_for_tron":  # the verdict names where the USDT really went
                assert "TON" in report.verdict, report.verdict
    finally:
        sandbox.stop()
    for node in (sandbox.eth, sandbox.bsc):
        assert node.process.poll() is not None, "anvil stopped"
    with pytest.raises(requests.ConnectionError):
        requests.post(sandbox.tron.url + "/wallet/getnowblock", timeout=2)
    with pytest.raises(requests.ConnectionError):
        requests.get(sandbox.btc.base_url + "/blocks/tip/height", timeout=2)
    with pytest.raises(requests.ConnectionError):
        requests.post(sandbox.sol.url, json={"jsonrpc": "2.0", "id": 1, "method": "getHealth"}, timeout=2)
    with pytest.raises(requests.ConnectionError):
        requests.get(sandbox.ton.url + "/api/v3/masterchainInfo", timeout=2)
    assert not sandbox._heartbeat.is_alive() or (
        sandbox._heartbeat.join(5) is None and not sandbox._heartbeat.is_alive()
    )


def test_without_anvil_the_sandbox_says_how_to_get_it() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "desktop.main", "--sandbox"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env={**os.environ, "ANVIL_BIN": "/nonexistent/anvil", "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )
    assert run.returncode == 2 and "the sandbox needs anvil" in run.stderr and "scripts/setup" in run.stderr


def _children(pid: int) -> set[int]:
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True, check=False)
    return {int(p) for p in out.stdout.split()}


@pytest.mark.timeout(120)
def test_deposit_doctor_sandbox_leaves_no_process_behind() -> None:
    app = subprocess.Popen(
        [sys.executable, "-m", "desktop.main", "--sandbox"],
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert app.stderr is not None
    assert "starting local chains" in app.stderr.readline()
    started: set[int] = set()
    deadline = time.monotonic() + 60
    while len(started) < 3 and time.monotonic() < deadline:  # two anvils and the engine process
        started |= _children(app.pid)
        time.sleep(0.2)
    assert len(started) >= 3, started
    time.sleep(1)
    app.send_signal(signal.SIGTERM)
    assert app.wait(timeout=30) == 0
    deadline = time.monotonic() + 10  # multiprocessing's resource tracker leaves once its pipe closes
    while (alive := {pid for pid in started if Path(f"/proc/{pid}").exists()}) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert alive == set(), "every process the sandbox started is gone"


@pytest.mark.timeout(180)
def test_the_low_tip_sample_stays_stuck_over_hundreds_of_heartbeats() -> None:
    """Before, full blocks raised BNB Smart Chain's base fee until the queue could no longer pay (about 3 minutes
    in), the heartbeat died and the samples changed verdict. 300 ticks are 15 simulated minutes of heartbeat."""
    sandbox = Sandbox()
    try:
        sandbox._stopping.set()  # the test beats itself, faster than the wall clock
        low = next(s for s in sandbox.samples if s.key == "low_tip")
        for _ in range(300):
            sandbox.tick()
        d = diagnose(
            low.case.to_case("bsc", Direction.DEPOSIT),
            adapters=adapters(sandbox.endpoints),
            search=(),
        )
        assert d.verdict.code == "FEE_TOO_LOW"
    finally:
        sandbox.stop()
