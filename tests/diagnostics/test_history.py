"""The history: written, listed, searched, read back, deleted; migrated from an older schema; never a secret."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from diagnostics.history import _MIGRATIONS, SCHEMA_VERSION, History, HistoryError, HistoryProblem, move_aside
from diagnostics.model import Case, Diagnosis, Direction, Severity, Verdict
from diagnostics.model.facts import Facts

TX = "0x" + "ab" * 32
SEED = "legal winner thank year wave sausage worth useful legal winner thank yellow"


def _diagnosis(
    tx_hash: str = TX, address: str | None = "0xdAC17F958D2ee523a2206206994597C13D831ec7", **case: object
) -> Diagnosis:
    return Diagnosis(
        case=Case("ethereum", tx_hash, address, "USDT", Decimal("250.5"), Direction.WITHDRAWAL, **case),  # type: ignore[arg-type]
        verdict=Verdict("TX_NOT_FOUND", Severity.PROBLEM),
        findings=(),
        facts=Facts(),
        networks=(),
        diagnosed_at=datetime(2026, 11, 23, 12, 0, tzinfo=UTC),
        app_version="test",
    )


def test_write_list_search_read_delete(tmp_path: Path) -> None:
    history = History(tmp_path / "h.sqlite3")
    first = history.add(_diagnosis(), '{"verdict": {"code": "TX_NOT_FOUND"}}', "Not found on Ethereum (ERC-20)")
    second = history.add(_diagnosis("0x" + "cd" * 32, None), "{}", "Not found")
    assert [e.id for e in history.entries()] == [second, first], "newest first"
    entry = history.entries("ABABAB")[0]
    assert (entry.id, entry.verdict_code, entry.severity, entry.direction) == (
        first,
        "TX_NOT_FOUND",
        "problem",
        "withdrawal",
    )
    assert [e.id for e in history.entries("dac17f")] == [first], "an address matches too, without case"
    assert history.report(first) == {"verdict": {"code": "TX_NOT_FOUND"}}
    again = history.case(first)
    assert (again.network, again.tx_hash, again.amount, again.direction) == (
        "ethereum",
        TX,
        Decimal("250.5"),
        Direction.WITHDRAWAL,
    )
    history.delete(first)
    assert [e.id for e in history.entries()] == [second]
    history.clear()
    assert history.entries() == []
    with pytest.raises(HistoryError):
        history.report(first)


def test_kept_across_a_restart(tmp_path: Path) -> None:
    History(tmp_path / "h.sqlite3").add(_diagnosis(), "{}", "x")
    assert len(History(tmp_path / "h.sqlite3").entries()) == 1


def test_an_older_schema_is_migrated_with_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    old = sqlite3.connect(path)
    old.executescript(_MIGRATIONS[1])
    old.execute(
        "INSERT INTO diagnoses (diagnosed_at, network, tx_hash, direction, verdict_code, report_json)"
        " VALUES ('2026-01-01T00:00:00+00:00', 'tron', 'abc', 'deposit', 'TX_FAILED', '{}')"
    )
    old.execute("PRAGMA user_version = 1")
    old.commit()
    old.close()
    history = History(path)
    assert history.schema_version == SCHEMA_VERSION == 3
    (entry,) = history.entries()
    assert (entry.network, entry.verdict_code, entry.verdict, entry.severity) == ("tron", "TX_FAILED", "", "info")
    assert history.case(entry.id).memo is None


def test_the_memo_is_kept_and_read_back(tmp_path: Path) -> None:
    history = History(tmp_path / "h.sqlite3")
    with_memo = history.add(_diagnosis(memo="884512"), "{}", "x")
    without = history.add(_diagnosis(), "{}", "x")
    assert history.case(with_memo).memo == "884512" and history.case(without).memo is None


def test_a_newer_schema_or_a_stranger_file_is_refused(tmp_path: Path) -> None:
    newer = tmp_path / "newer.sqlite3"
    db = sqlite3.connect(newer)
    db.execute("PRAGMA user_version = 99")
    db.close()
    with pytest.raises(HistoryError, match="newer Deposit Doctor"):
        History(newer)
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"not a database at all" * 100)
    with pytest.raises(HistoryError, match="cannot be used"):
        History(garbage)


def test_no_secret_is_ever_written(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    history = History(path)
    history.add(
        _diagnosis(tx_hash=SEED, address="4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"), "{}", "x"
    )
    history.add(_diagnosis(memo=SEED), "{}", "x")  # a seed phrase pasted where the memo goes
    history.close()
    raw = path.read_bytes() + (
        path.with_suffix(".sqlite3-wal").read_bytes() if path.with_suffix(".sqlite3-wal").exists() else b""
    )
    assert b"legal winner" not in raw and b"4c0883a691" not in raw
    assert json.dumps([e.tx_hash for e in History(path).entries()]) == f'["{TX}", ""]'
    assert History(path).case(History(path).entries()[0].id).memo is None


# A history that cannot be used is a HistoryError saying why, never a raw sqlite3 error ----------------------------

ROOT = Path(__file__).resolve().parents[2]


@contextmanager
def _read_only(path: Path) -> Iterator[None]:
    """``path`` made read-only for this process: by its mode, or, for root (whom modes do not stop), by the
    immutable attribute; skipped where neither can be set."""
    if os.geteuid() != 0:
        mode = path.stat().st_mode
        path.chmod(0o555 if path.is_dir() else 0o444)
        try:
            yield
        finally:
            path.chmod(mode)
        return
    if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(path)], check=False).returncode:
        pytest.skip("root, and no immutable attribute here to make a file read-only")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


def _kept(path: Path, count: int = 1, report: str = "{}") -> None:
    history = History(path)
    for _ in range(count):
        history.add(_diagnosis(), report, "x")
    history.close()  # the last connection: the WAL is checkpointed into the file


def test_a_stranger_file_is_damaged_and_can_be_set_aside(tmp_path: Path) -> None:
    garbage = tmp_path / "h.sqlite3"
    garbage.write_bytes(b"not a database at all" * 100)
    with pytest.raises(HistoryError) as refused:
        History(garbage)
    assert refused.value.problem == HistoryProblem.DAMAGED and refused.value.can_move_aside
    assert refused.value.path == garbage and str(garbage) in refused.value.user_message
    assert isinstance(refused.value.__cause__, sqlite3.DatabaseError)


def test_a_file_whose_table_is_broken_is_refused_when_opened(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    _kept(path, 40, report="{" + '"r": "' + "x" * 3000 + '"}')
    data = bytearray(path.read_bytes())
    data[4096:] = b"\xff" * (len(data) - 4096)  # the header and schema page read; every table page is garbage
    path.write_bytes(bytes(data))
    with pytest.raises(HistoryError) as refused:
        History(path)
    assert refused.value.problem == HistoryProblem.DAMAGED


def test_a_read_only_file_is_refused_with_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    _kept(path)
    with _read_only(path), pytest.raises(HistoryError) as refused:
        History(path)
    assert refused.value.problem == HistoryProblem.READ_ONLY and refused.value.can_move_aside


def test_a_folder_that_cannot_be_written_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    with _read_only(folder):
        for path in (folder / "h.sqlite3", folder / "Deposit Doctor" / "h.sqlite3"):  # sqlite's error, then mkdir's
            with pytest.raises(HistoryError) as refused:
                History(path)
            assert refused.value.problem == HistoryProblem.READ_ONLY, refused.value.user_message


@pytest.mark.parametrize("where", ["open", "add"])
def test_a_full_disk_is_said_not_raised(tmp_path: Path, where: str) -> None:
    # A file-size limit stands in for a full disk: the write fails as it would with ENOSPC or a quota.
    path = tmp_path / "h.sqlite3"
    if where == "add":
        _kept(path)
    code = f"""
import resource, signal, sys
from pathlib import Path
from tests.diagnostics.test_history import _diagnosis
from diagnostics.history import History, HistoryError
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (8192, resource.RLIM_INFINITY))
try:
    History(Path({str(path)!r})).add(_diagnosis(), "x" * 100_000, "x")
except HistoryError as exc:
    print(exc.problem, exc.can_move_aside)
"""
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT, check=False
    )
    assert run.returncode == 0 and run.stdout.split() == ["full", "False"], run.stderr[-800:]


def test_after_a_refused_write_the_history_goes_on(tmp_path: Path) -> None:
    history = History(tmp_path / "h.sqlite3")
    history.add(_diagnosis(), "{}", "x")
    pages = history._db.execute("PRAGMA page_count").fetchone()[0]
    history._db.execute(f"PRAGMA max_page_count = {pages}")  # SQLite's own "database or disk is full"
    with pytest.raises(HistoryError) as refused:
        history.add(_diagnosis(), "x" * 100_000, "x")
    assert refused.value.problem == HistoryProblem.FULL and not refused.value.can_move_aside
    assert len(history.entries()) == 1, "the failed add left nothing half-written"
    history._db.execute("PRAGMA max_page_count = 1000000")
    history.add(_diagnosis(), "{}", "x")  # no transaction left open by the failed one
    assert len(history.entries()) == 2


def test_rows_that_do_not_read_back_are_damaged_not_a_crash(tmp_path: Path) -> None:
    history = History(tmp_path / "h.sqlite3")
    first = history.add(_diagnosis(), "{}", "x")
    history._db.execute("UPDATE diagnoses SET report_json = ?, direction = 'sideways'", ("[" * 100_000,))
    for read in (history.report, history.case):
        with pytest.raises(HistoryError) as refused:
            read(first)
        assert refused.value.problem == HistoryProblem.DAMAGED
    with pytest.raises(HistoryError) as missing:
        history.report(first + 1)
    assert missing.value.problem == HistoryProblem.MISSING and not missing.value.can_move_aside


def test_every_method_wraps_sqlite_errors(tmp_path: Path) -> None:
    history = History(tmp_path / "h.sqlite3")
    history._db.close()  # any sqlite3 error at all: a closed database is the easiest to make
    calls = [
        lambda: history.add(_diagnosis(), "{}", "x"),
        history.entries,
        lambda: history.report(1),
        lambda: history.case(1),
        lambda: history.delete(1),
        history.clear,
        lambda: history.schema_version,
    ]
    for call in calls:
        with pytest.raises(HistoryError):
            call()


def test_move_aside_keeps_the_old_history_whole_and_a_new_one_starts(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    history = History(path)
    history.add(_diagnosis(), "{}", "x")  # still in the WAL: the WAL must move with the file
    assert path.with_name("history.sqlite3-wal").exists()
    when = datetime(2026, 11, 23, 12, 0, 5)
    aside = move_aside(path, when)
    history.close()
    assert aside.name == "history.set-aside-20261123-120005.sqlite3"
    assert not path.exists() and not path.with_name("history.sqlite3-wal").exists()
    assert len(History(aside).entries()) == 1, "nothing in the old history was lost"
    assert History(path).entries() == []
    assert move_aside(path, when).name == "history.set-aside-20261123-120005-2.sqlite3", "never over another"


def test_a_session_only_history_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    history = History(path, session_only=True)
    history.add(_diagnosis(), '{"a": 1}', "x")
    assert [e.tx_hash for e in history.entries()] == [TX] and history.report(1) == {"a": 1}
    assert list(tmp_path.iterdir()) == []
