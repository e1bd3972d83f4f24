"""Every diagnosis kept on this computer: the case, when, the verdict and the report's JSON, in SQLite.

Each diagnosis is committed on its own (WAL journal), so a crash or a kill loses at most the one in flight.
The schema's version is SQLite's ``user_version``; ``_MIGRATIONS`` take any older file to the current one,
one step at a time, each in a transaction. Nothing secret is written: the engine's guard has already
emptied any field that held a key or seed phrase, and ``add`` checks again before writing.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import platformdirs

from diagnostics import catalog
from diagnostics.errors import DiagnosticsError
from diagnostics.intake.secret import find_secret
from diagnostics.model import Case, Diagnosis, Direction

APP_NAME = "Deposit Doctor"

# Version n's SQL takes a database at version n - 1 to version n.
_MIGRATIONS: dict[int, str] = {
    1: """
        CREATE TABLE diagnoses (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            diagnosed_at TEXT NOT NULL,
            network TEXT NOT NULL,
            tx_hash TEXT NOT NULL,
            address TEXT,
            token TEXT,
            amount TEXT,
            direction TEXT NOT NULL,
            verdict_code TEXT NOT NULL,
            report_json TEXT NOT NULL
        );
    """,
    2: """
        ALTER TABLE diagnoses ADD COLUMN verdict TEXT NOT NULL DEFAULT '';
        ALTER TABLE diagnoses ADD COLUMN severity TEXT NOT NULL DEFAULT 'info';
        CREATE INDEX diagnoses_tx_hash ON diagnoses (tx_hash);
        CREATE INDEX diagnoses_address ON diagnoses (address);
    """,
}
SCHEMA_VERSION = max(_MIGRATIONS)


class HistoryError(DiagnosticsError):
    """The history file cannot be used (unreadable, from a newer app, or not a history at all)."""


@dataclass(frozen=True)
class Entry:
    """One kept diagnosis, as the history list shows it (the report itself is read on demand)."""

    id: int
    diagnosed_at: str  # ISO 8601, UTC
    network: str
    tx_hash: str
    address: str | None
    direction: str
    verdict_code: str
    verdict: str
    severity: str


def default_path() -> Path:
    return platformdirs.user_data_path(APP_NAME, appauthor=False) / "history.sqlite3"


class History:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")  # with WAL: durable at each commit's checkpoint
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise HistoryError(f"the history at {self.path} cannot be used: {exc}") from exc

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def _migrate(self) -> None:
        version = int(self._db.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise HistoryError(f"the history at {self.path} is from a newer Deposit Doctor (schema {version})")
        for step in range(version + 1, SCHEMA_VERSION + 1):
            with self._transaction() as db:
                for statement in filter(str.strip, _MIGRATIONS[step].split(";")):
                    db.execute(statement)
                db.execute(f"PRAGMA user_version = {step}")

    @property
    def schema_version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def add(self, diagnosis: Diagnosis, report_json: str, verdict: str) -> int:
        """Keep one diagnosis; committed before this returns."""
        case = _without_secrets(diagnosis.case)
        with self._transaction() as db:
            cursor = db.execute(
                "INSERT INTO diagnoses (diagnosed_at, network, tx_hash, address, token, amount, direction,"
                " verdict_code, report_json, verdict, severity) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    diagnosis.diagnosed_at.isoformat(),
                    case.network,
                    case.tx_hash.strip(),
                    case.address,
                    case.token,
                    None if case.amount is None else f"{case.amount:f}",
                    case.direction.value,
                    diagnosis.verdict.code,
                    report_json,
                    verdict,
                    diagnosis.verdict.severity.value,
                ),
            )
        return int(cursor.lastrowid or 0)

    def entries(self, search: str = "", limit: int = 1000) -> list[Entry]:
        """The newest first; ``search`` matches part of a hash or an address, without case."""
        pattern = f"%{search.strip().lower()}%"
        rows = self._db.execute(
            "SELECT id, diagnosed_at, network, tx_hash, address, direction, verdict_code, verdict, severity"
            " FROM diagnoses WHERE lower(tx_hash) LIKE ? OR lower(coalesce(address, '')) LIKE ?"
            " ORDER BY id DESC LIMIT ?",
            (pattern, pattern, limit),
        ).fetchall()
        return [Entry(*row) for row in rows]

    def report(self, entry_id: int) -> dict[str, Any]:
        row = self._db.execute("SELECT report_json FROM diagnoses WHERE id = ?", (entry_id,)).fetchone()
        if row is None:
            raise HistoryError(f"no diagnosis {entry_id} in the history")
        return dict(json.loads(row[0]))

    def case(self, entry_id: int) -> Case:
        """The case as it was asked, to diagnose again."""
        row = self._db.execute(
            "SELECT network, tx_hash, address, token, amount, direction FROM diagnoses WHERE id = ?", (entry_id,)
        ).fetchone()
        if row is None:
            raise HistoryError(f"no diagnosis {entry_id} in the history")
        network, tx_hash, address, token, amount, direction = row
        return Case(network, tx_hash, address, token, Decimal(amount) if amount else None, Direction(direction))

    def delete(self, entry_id: int) -> None:
        with self._transaction() as db:
            db.execute("DELETE FROM diagnoses WHERE id = ?", (entry_id,))

    def clear(self) -> None:
        with self._transaction() as db:
            db.execute("DELETE FROM diagnoses")

    def close(self) -> None:
        self._db.close()


def _without_secrets(case: Case) -> Case:
    """The case with any field that looks like a key or seed phrase left out: a second guard at the door."""
    words = catalog.bip39_words()

    def clean(text: str | None, address: bool = False) -> str | None:
        return None if text and find_secret(text, words, address_field=address) else text

    return Case(
        network=case.network,
        tx_hash=clean(case.tx_hash) or "",
        address=clean(case.address, address=True),
        token=clean(case.token),
        amount=case.amount,
        direction=case.direction,
    )
