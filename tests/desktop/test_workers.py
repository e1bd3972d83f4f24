"""The engine process: diagnoses, progress and cancel arrive as signals; a dead child is replaced."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.engine_process import Options
from desktop.workers import EngineWorker, Job
from diagnostics.model import Case, Diagnosis, Found, NetworkFacts
from tests.fixtures.evm_node import Node
from tests.fixtures.rpc_server import RpcServer

UNKNOWN = "0x" + "ab" * 32


def test_a_diagnosis_reports_progress_then_its_verdict(qtbot: QtBot, engine: EngineWorker, eth: Node) -> None:
    tx = eth.chain.send(eth.usdt, "transfer", eth.chain.deposit, 5 * eth.unit)
    eth.chain.wait(tx)
    asked: list[str] = []
    answered: list[NetworkFacts] = []
    job = engine.diagnose(Case("ethereum", tx), Options(endpoints={"ethereum": [eth.url]}, language="zh"))
    job.signals.network_asked.connect(asked.append)
    job.signals.network_answered.connect(answered.append)
    with qtbot.waitSignal(job.signals.diagnosis_finished, timeout=20_000) as finished:
        pass
    diagnosis = finished.args[0]
    assert isinstance(diagnosis, Diagnosis) and diagnosis.verdict.code == "CONFIRMATIONS_INSUFFICIENT"
    assert asked[0] == "ethereum" and answered[0].network == "ethereum" and isinstance(answered[0].tx, Found)
    assert job.description.startswith("等待确认"), "the verdict comes in the window's language"


def test_cancel_is_heard_while_a_node_hangs(qtbot: QtBot, engine: EngineWorker) -> None:
    with RpcServer("hang") as dead:
        job = engine.diagnose(Case("ethereum", UNKNOWN), Options(endpoints={"ethereum": [dead.url]}, timeout=30))
        with qtbot.waitSignal(job.signals.network_asked, timeout=20_000):
            pass
        started = time.perf_counter()
        with qtbot.waitSignal(job.signals.diagnosis_cancelled, timeout=3_000):
            job.cancel()
        assert time.perf_counter() - started < 0.5


def test_an_unknown_network_fails_in_words(qtbot: QtBot, engine: EngineWorker) -> None:
    job = engine.diagnose(Case("etherium", UNKNOWN), Options())
    with qtbot.waitSignal(job.signals.diagnosis_failed, timeout=20_000) as failed:
        pass
    assert failed.args[0] == "input" and "did you mean 'ethereum'" in failed.args[1]


def test_files_are_read_in_the_engine(qtbot: QtBot, engine: EngineWorker, tmp_path: Path) -> None:
    export = tmp_path / "history.csv"
    export.write_text("TxID,Network\n" + UNKNOWN + ",BSC\n")
    job = engine.read([export, tmp_path / "missing.csv"])
    with qtbot.waitSignal(job.signals.intake_read, timeout=20_000) as read:
        pass
    intake = read.args[0]
    assert [d.network for d in intake.drafts] == ["bsc"]
    assert [p.key for p in intake.problems] == ["unreadable"]


def test_a_child_that_dies_is_replaced_and_its_jobs_fail(qtbot: QtBot) -> None:
    own = EngineWorker()
    try:
        with RpcServer("hang") as dead:
            job = own.diagnose(Case("ethereum", UNKNOWN), Options(endpoints={"ethereum": [dead.url]}, timeout=30))
            with qtbot.waitSignal(job.signals.network_asked, timeout=20_000):
                pass
            with qtbot.waitSignal(job.signals.diagnosis_failed, timeout=5_000) as failed:
                own._process.kill()  # what a crash in a C extension would do
        assert failed.args == ["internal", "the diagnosis process stopped unexpectedly"]
        again = own.diagnose(Case("etherium", UNKNOWN), Options())
        with qtbot.waitSignal(again.signals.diagnosis_failed, timeout=20_000) as second:
            pass
        assert second.args[0] == "input"
    finally:
        own.stop()


def test_the_form_never_waits_behind_a_batch(qtbot: QtBot, engine: EngineWorker, eth: Node) -> None:
    with RpcServer("hang") as dead:
        stuck = [
            engine.diagnose(
                Case("ethereum", "0x" + f"{i:064x}"),
                Options(endpoints={"ethereum": [dead.url]}, timeout=30, progress=False, lane="batch"),
            )
            for i in range(1, 21)
        ]
        started = time.perf_counter()
        job = engine.diagnose(Case("ethereum", UNKNOWN), Options(endpoints={"ethereum": [eth.url]}))
        with qtbot.waitSignal(job.signals.diagnosis_finished, timeout=10_000):
            pass
        assert time.perf_counter() - started < 3, "answered beside the batch, not after it"
        waiting = stuck[-1]  # still queued behind the eight that hang
        started = time.perf_counter()
        with qtbot.waitSignal(waiting.signals.diagnosis_cancelled, timeout=3_000):
            waiting.cancel()
        assert time.perf_counter() - started < 0.5, "a queued job is dropped at once"
        for other in stuck[:-1]:
            other.cancel()


def test_a_device_or_a_folder_is_not_read(qtbot: QtBot, engine: EngineWorker, tmp_path: Path) -> None:
    job = engine.read([Path("/dev/zero"), tmp_path])
    with qtbot.waitSignal(job.signals.intake_read, timeout=20_000) as read:
        pass
    assert [p.key for p in read.args[0].problems] == ["not_a_file", "not_a_file", "no_case"][
        : len(read.args[0].problems)
    ]
    assert read.args[0].problems[0].key == "not_a_file" and read.args[0].problems[1].key == "not_a_file"


def test_a_child_that_keeps_dying_is_not_restarted_for_ever(qtbot: QtBot) -> None:
    own = EngineWorker()
    try:
        for _ in range(3):
            process = own._process
            job = own.diagnose(Case("etherium", UNKNOWN), Options())
            with qtbot.waitSignal(job.signals.diagnosis_failed, timeout=20_000):
                process.kill()
        assert own.broken
        late = own.diagnose(Case("ethereum", UNKNOWN), Options())
        with qtbot.waitSignal(late.signals.diagnosis_failed, timeout=2_000) as failed:
            pass
        assert failed.args[0] == "internal" and "keeps stopping" in failed.args[1]
    finally:
        own.stop()


def test_a_flood_of_batch_rows_is_handed_on_a_few_at_a_time_in_order(engine: EngineWorker, qtbot: QtBot) -> None:
    """The runner can finish a hundred rows at once: the window's thread gets them in slices, the end last."""
    job = Job(engine, 10_000)  # a batch job the child never heard of: the flood below is all it gets
    engine._jobs[job.number] = job
    engine._batches.add(job.number)
    seen: list[int] = []

    def slow(_job: int, row: int, *_: object) -> None:
        time.sleep(0.002)  # a row's repaint and history write
        seen.append(row)

    engine.row_finished.connect(slow)
    ended: list[int] = []
    engine.batch_done.connect(ended.append)
    for row in range(200):
        engine._on_received(("row", job.number, row, None, "no", ""))
    engine._on_received(("batch_done", job.number))
    assert seen == []  # nothing handed on inside the flood itself
    QApplication.processEvents()
    assert 0 < len(seen) < 50, "one turn of the event loop handles a slice, not the flood"
    qtbot.waitUntil(lambda: ended == [job.number], timeout=10_000)
    assert seen == list(range(200)), "in order, every one, before the batch's end"
