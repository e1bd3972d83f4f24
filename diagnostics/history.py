"""Every diagnosis kept on this computer: the case, when, the verdict and the report's JSON, in SQLite.

Each diagnosis is committed on its own (WAL journal), so a crash or a kill loses at most the one in flight.
The schema's version is SQLite's ``user_version``; ``_MIGRATIONS`` take any older file to the current one,
one step at a time, each in a transaction. Nothing secret is written: the engine's guard has already
emptied any field that held a key or seed phrase, and ``add`` checks again before writing.

Nothing of ``sqlite3`` escapes: a damaged, read-only or full database, or a folder that cannot be made, is a
``HistoryError`` whose ``problem`` says which, so the window can say it and offer to set the file aside
(``move_aside``) and start a new one, or go on with a history kept only for the session (``session_only``).
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from pathlib import Path
from typing import Any

import platformdirs

from diagnostics import catalog
from diagnostics.bounds import BoundsError, load_json
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
    3: """
        ALTER TABLE diagnoses ADD COLUMN memo TEXT;
    """,
}
SCHEMA_VERSION = max(_MIGRATIONS)


class HistoryProblem(StrEnum):
    """What is wrong with a history, as the window words it."""

    DAMAGED = "damaged"  # not a database, or one whose pages are broken
    READ_ONLY = "read_only"  # the file or its folder cannot be written
    FULL = "full"  # the disk is full, or a write failed
    BUSY = "busy"  # another program holds it locked
    NEWER = "newer"  # written by a newer Deposit Doctor
    MISSING = "missing"  # no such diagnosis in it
    UNUSABLE = "unusable"  # anything else SQLite or the system refused


class HistoryError(DiagnosticsError):
    """The history cannot be used, or one thing asked of it cannot be done; ``problem`` says why, ``path`` is
    the file's."""

    def __init__(
        self, user_message: str, problem: HistoryProblem = HistoryProblem.UNUSABLE, path: Path | None = None
    ) -> None:
        super().__init__(user_message)
        self.problem = problem
        self.path = path

    @property
    def can_move_aside(self) -> bool:
        """Whether setting the file aside and starting a new one can help: not when the disk is full, nor when
        another program is using it (it would lose its history under it)."""
        return self.problem not in (HistoryProblem.FULL, HistoryProblem.BUSY, HistoryProblem.MISSING)


# SQLite's primary result codes (the extended code's low byte) and what each means for the user.
_PROBLEMS = {
    sqlite3.SQLITE_CORRUPT: HistoryProblem.DAMAGED,
    sqlite3.SQLITE_NOTADB: HistoryProblem.DAMAGED,
    sqlite3.SQLITE_FORMAT: HistoryProblem.DAMAGED,
    sqlite3.SQLITE_READONLY: HistoryProblem.READ_ONLY,
    sqlite3.SQLITE_PERM: HistoryProblem.READ_ONLY,
    sqlite3.SQLITE_CANTOPEN: HistoryProblem.READ_ONLY,  # a file or folder it may not open or create
    sqlite3.SQLITE_FULL: HistoryProblem.FULL,
    sqlite3.SQLITE_IOERR: HistoryProblem.FULL,  # a write the disk refused: out of space, or a quota
    sqlite3.SQLITE_BUSY: HistoryProblem.BUSY,
    sqlite3.SQLITE_LOCKED: HistoryProblem.BUSY,
}
_ERRNO_PROBLEMS = {
    errno.EACCES: HistoryProblem.READ_ONLY,
    errno.EPERM: HistoryProblem.READ_ONLY,
    errno.EROFS: HistoryProblem.READ_ONLY,
    errno.ENOSPC: HistoryProblem.FULL,
    errno.EDQUOT: HistoryProblem.FULL,
}
_WORDS = {
    HistoryProblem.DAMAGED: "it is damaged, or is no Deposit Doctor history",
    HistoryProblem.READ_ONLY: "it cannot be written (the file or its folder is read-only, or not yours)",
    HistoryProblem.FULL: "it cannot be written (the disk is full, or refused the write)",
    HistoryProblem.BUSY: "another program is using it",
    HistoryProblem.UNUSABLE: "it cannot be opened",
}


def _error(path: Path, exc: sqlite3.Error | OSError | ValueError) -> HistoryError:
    """``exc`` as a ``HistoryError`` that says what it means for the history at ``path``."""
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        problem = _PROBLEMS.get(code & 0xFF, HistoryProblem.UNUSABLE) if isinstance(code, int) else None
        if problem is None:  # no code: a DatabaseError is about the file's contents, anything else about its use
            problem = HistoryProblem.DAMAGED if type(exc) is sqlite3.DatabaseError else HistoryProblem.UNUSABLE
        detail = str(exc)
    elif isinstance(exc, OSError):
        problem = _ERRNO_PROBLEMS.get(exc.errno or 0, HistoryProblem.UNUSABLE)
        detail = exc.strerror or str(exc)
    else:  # a row whose contents do not read back: written by something else, or broken
        problem, detail = HistoryProblem.DAMAGED, str(exc)
    return HistoryError(f"the history at {path} cannot be used: {_WORDS[problem]} ({detail})", problem, path)


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


# SQLite's files beside the database, which belong to it, then the database: a WAL left behind alone could be
# replayed into the new history started at its place.
_COMPANIONS = ("-wal", "-shm", "")


def move_aside(path: Path, now: datetime | None = None) -> Path:
    """Set the history at ``path`` aside, renamed with the date (``history.set-aside-20261123-120000.sqlite3``)
    with its ``-wal`` and ``-shm`` files, so nothing in it is lost and a new history can start at ``path``.
    Returns the new name; ``HistoryError`` if it cannot be renamed."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.stem}.set-aside-{stamp}{path.suffix}")
    number = 1
    while any(Path(f"{aside}{end}").exists() for end in _COMPANIONS):
        number += 1
        aside = path.with_name(f"{path.stem}.set-aside-{stamp}-{number}{path.suffix}")
    moved: list[str] = []
    try:
        for end in _COMPANIONS:
            if Path(f"{path}{end}").exists():
                Path(f"{path}{end}").rename(f"{aside}{end}")
                moved.append(end)
    except OSError as exc:
        for end in moved:  # all or nothing: a database apart from its WAL is a damaged one
            Path(f"{aside}{end}").rename(f"{path}{end}")
        raise _error(path, exc) from exc
    return aside


class History:
    def __init__(self, path: Path | None = None, *, session_only: bool = False) -> None:
        """The history at ``path`` (the platform's data folder by default); ``session_only``: one in memory,
        forgotten when the app closes, for a window whose history file cannot be used (``path`` then says
        only where the file would be)."""
        self.path = path or default_path()
        self.session_only = session_only
        with self._guarded():
            if session_only:
                self._db = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            try:
                self._db.execute("PRAGMA journal_mode=WAL")
                self._db.execute("PRAGMA synchronous=NORMAL")  # with WAL: durable at each commit's checkpoint
                self._migrate()
                # What the window reads first: a file whose header reads but whose table is broken fails here,
                # where the window can offer to set it aside, not in the middle of drawing its list.
                self._db.execute("SELECT id, verdict, severity FROM diagnoses ORDER BY id DESC LIMIT 1").fetchall()
                self._check_writable()
            except BaseException:
                self._db.close()
                raise

    def _check_writable(self) -> None:
        """Refuse a file that can be read but not written, now rather than at the first diagnosis kept: a write
        begun and rolled back, which SQLite refuses at once on a read-only file and which touches no disk."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        finally:
            self._db.execute("ROLLBACK")

    @contextmanager
    def _guarded(self) -> Iterator[None]:
        """SQLite's and the system's errors as ``HistoryError``: nothing of ``sqlite3`` leaves this class."""
        try:
            yield
        except (sqlite3.Error, OSError) as exc:
            raise _error(self.path, exc) from exc

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
            self._db.execute("COMMIT")
        except BaseException:
            if self._db.in_transaction:  # also after a COMMIT the disk refused: the next add must start afresh
                self._db.execute("ROLLBACK")
            raise

    def _migrate(self) -> None:
        version = int(self._db.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise HistoryError(
                f"the history at {self.path} is from a newer Deposit Doctor (schema {version})",
                HistoryProblem.NEWER,
                self.path,
            )
        for step in range(version + 1, SCHEMA_VERSION + 1):
            with self._transaction() as db:
                for statement in filter(str.strip, _MIGRATIONS[step].split(";")):
                    db.execute(statement)
                db.execute(f"PRAGMA user_version = {step}")

    @property
    def schema_version(self) -> int:
        with self._guarded():
            return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def add(self, diagnosis: Diagnosis, report_json: str, verdict: str) -> int:
        """Keep one diagnosis; committed before this returns."""
        case = _without_secrets(diagnosis.case)
        with self._guarded(), self._transaction() as db:
            cursor = db.execute(
                "INSERT INTO diagnoses (diagnosed_at, network, tx_hash, address, token, amount, direction,"
                " verdict_code, report_json, verdict, severity, memo) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
                    case.memo,
                ),
            )
        return int(cursor.lastrowid or 0)

    def entries(self, search: str = "", limit: int = 1000) -> list[Entry]:
        """The newest first; ``search`` matches part of a hash or an address, without case."""
        pattern = f"%{search.strip().lower()}%"
        with self._guarded():
            rows = self._db.execute(
                "SELECT id, diagnosed_at, network, tx_hash, address, direction, verdict_code, verdict, severity"
                " FROM diagnoses WHERE lower(tx_hash) LIKE ? OR lower(coalesce(address, '')) LIKE ?"
                " ORDER BY id DESC LIMIT ?",
                (pattern, pattern, limit),
            ).fetchall()
        return [Entry(*row) for row in rows]

    def report(self, entry_id: int) -> dict[str, Any]:
        with self._guarded():
            row = self._db.execute("SELECT report_json FROM diagnoses WHERE id = ?", (entry_id,)).fetchone()
        if row is None:
            raise HistoryError(f"no diagnosis {entry_id} in the history", HistoryProblem.MISSING, self.path)
        try:
            # Bounded like any file from outside: a history is a file another program can have written.
            data = load_json(row[0])
        except (ValueError, BoundsError) as exc:
            raise _error(self.path, ValueError(f"diagnosis {entry_id}'s report does not read back: {exc}")) from exc
        if not isinstance(data, dict):
            raise _error(self.path, ValueError(f"diagnosis {entry_id}'s report is not a report"))
        return data

    def case(self, entry_id: int) -> Case:
        """The case as it was asked, to diagnose again."""
        with self._guarded():
            row = self._db.execute(
                "SELECT network, tx_hash, address, token, amount, direction, memo FROM diagnoses WHERE id = ?",
                (entry_id,),
            ).fetchone()
        if row is None:
            raise HistoryError(f"no diagnosis {entry_id} in the history", HistoryProblem.MISSING, self.path)
        network, tx_hash, address, token, amount, direction, memo = row
        try:
            return Case(
                network,
                tx_hash,
                address,
                token,
                Decimal(amount) if amount else None,
                Direction(direction),
                memo=memo if isinstance(memo, str) else None,
            )
        except (ValueError, TypeError, InvalidOperation) as exc:
            raise _error(self.path, ValueError(f"diagnosis {entry_id}'s case does not read back: {exc}")) from exc

    def delete(self, entry_id: int) -> None:
        with self._guarded(), self._transaction() as db:
            db.execute("DELETE FROM diagnoses WHERE id = ?", (entry_id,))

    def clear(self) -> None:
        with self._guarded(), self._transaction() as db:
            db.execute("DELETE FROM diagnoses")

    def close(self) -> None:
        with self._guarded():
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
        memo=clean(case.memo),
    )
