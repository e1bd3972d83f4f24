"""A diagnosis in a worker: progress and the result arrive by signals; cancel is heard at once."""

from __future__ import annotations

import time

from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot

from desktop.workers import DiagnosisWorker
from diagnostics.chains import adapters
from diagnostics.model import Case, Diagnosis, NetworkFacts
from tests.fixtures.evm_node import Node
from tests.fixtures.rpc_server import RpcServer

UNKNOWN = "0x" + "ab" * 32


def test_worker_reports_progress_then_the_diagnosis(qtbot: QtBot, eth: Node) -> None:
    tx = eth.chain.send(eth.usdt, "transfer", eth.chain.deposit, 5 * eth.unit)
    eth.chain.wait(tx)
    worker = DiagnosisWorker(Case("ethereum", tx), lambda: adapters({"ethereum": eth.url}), search=())
    asked: list[str] = []
    answered: list[NetworkFacts] = []
    worker.signals.network_asked.connect(asked.append)
    worker.signals.network_answered.connect(answered.append)
    with qtbot.waitSignal(worker.signals.diagnosis_finished, timeout=10_000) as finished:
        QThreadPool.globalInstance().start(worker)
    diagnosis = finished.args[0]
    assert isinstance(diagnosis, Diagnosis) and diagnosis.verdict.code == "CONFIRMATIONS_INSUFFICIENT"
    assert asked == ["ethereum"] and [a.network for a in answered] == ["ethereum"]


def test_cancel_is_heard_while_a_node_hangs(qtbot: QtBot) -> None:
    with RpcServer("hang") as dead:
        worker = DiagnosisWorker(Case("ethereum", UNKNOWN), lambda: adapters({"ethereum": dead.url}, timeout=30))
        with qtbot.waitSignal(worker.signals.network_asked, timeout=5_000):
            QThreadPool.globalInstance().start(worker)
        started = time.perf_counter()
        with qtbot.waitSignal(worker.signals.diagnosis_cancelled, timeout=2_000):
            worker.cancel()
        assert time.perf_counter() - started < 0.5 and worker.cancelled


def test_an_unknown_network_fails_in_words(qtbot: QtBot) -> None:
    worker = DiagnosisWorker(Case("etherium", UNKNOWN), adapters)
    with qtbot.waitSignal(worker.signals.diagnosis_failed, timeout=5_000) as failed:
        QThreadPool.globalInstance().start(worker)
    assert failed.args[0] == "input" and "did you mean 'ethereum'" in failed.args[1]
