"""The history: written, listed, searched, read back, deleted; migrated from an older schema; never a secret."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from diagnostics.history import _MIGRATIONS, SCHEMA_VERSION, History, HistoryError
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
    assert history.schema_version == SCHEMA_VERSION == 2
    (entry,) = history.entries()
    assert (entry.network, entry.verdict_code, entry.verdict, entry.severity) == ("tron", "TX_FAILED", "", "info")


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
    history.close()
    raw = path.read_bytes() + (
        path.with_suffix(".sqlite3-wal").read_bytes() if path.with_suffix(".sqlite3-wal").exists() else b""
    )
    assert b"legal winner" not in raw and b"4c0883a691" not in raw
    assert json.dumps([e.tx_hash for e in History(path).entries()]) == '[""]'
