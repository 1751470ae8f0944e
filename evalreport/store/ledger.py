"""The submission ledger: an SQLite database recording every file the workspace ever received.

Why SQLite: it is in the standard library, needs no server on an office PC, and its transactions
make a run killed at any moment leave either the old state or the new one. WAL mode lets
``status`` and ``history`` read while a run writes.

Model:

* ``files``: one row per distinct content (SHA-256). What the reader made of it (form, unit,
  period, values, child ratings, cell addresses, findings) is stored as JSON so Submissions can
  be rebuilt without the workbook. Files of one (form, unit, period) are numbered ``version``
  1, 2, ...; the newest is current and older ones point to it through ``replaced_by``; they stay
  queryable for ``history``.
* ``receipts``: every time a file was seen in the inbox (path, size, mtime, hash). Same bytes
  under another name are recorded here as a duplicate and never counted twice; an unchanged
  (path, size, mtime) is not even hashed again.
* ``runs``: one row per ``run`` with its manifest (inputs, outputs, parameters, timings).

The schema version is ``PRAGMA user_version``; :data:`MIGRATIONS` brings any older ledger up to
date, one transaction per step.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from evalreport.model.finding import Finding
from evalreport.model.submission import Submission
from evalreport.model.worded_error import WordedError
from evalreport.store.records import (
    dumps,
    findings_from_json,
    findings_to_json,
    record_columns,
    submission_from_row,
)

__all__ = ["Ledger", "LedgerError", "RecordOutcome", "Receipt", "MIGRATIONS", "now_text"]

LEDGER_NAME = "ledger.sqlite"
# One receipts row: (path, size, mtime_ns, sha256, seen_at, file_id, outcome)
Receipt = tuple[str, int, int, str, str, int, str]

MIGRATIONS: list[list[str]] = [
    [  # 1: files, receipts, runs
        """CREATE TABLE files (
            id INTEGER PRIMARY KEY,
            sha256 TEXT NOT NULL UNIQUE,
            size INTEGER NOT NULL,
            original_name TEXT NOT NULL,
            archive_path TEXT,
            received_at TEXT NOT NULL,
            file_mtime TEXT,
            form TEXT, form_version TEXT, unit TEXT, unit_name TEXT, period TEXT, kind TEXT,
            status TEXT NOT NULL CHECK (status IN ('ok', 'errors', 'unreadable')),
            findings_json TEXT NOT NULL DEFAULT '[]',
            check_json TEXT NOT NULL DEFAULT '[]',
            values_json TEXT NOT NULL DEFAULT '{}',
            cells_json TEXT NOT NULL DEFAULT '{}',
            ratings_json TEXT NOT NULL DEFAULT '[]',
            version INTEGER,
            replaced_by INTEGER REFERENCES files(id),
            UNIQUE (form, unit, period, version)
        )""",
        "CREATE INDEX files_by_period ON files(form, period, unit)",
        "CREATE INDEX files_by_unit ON files(unit)",
        """CREATE TABLE receipts (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL,
            size INTEGER NOT NULL,
            mtime_ns INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            seen_at TEXT NOT NULL,
            file_id INTEGER NOT NULL REFERENCES files(id),
            outcome TEXT NOT NULL CHECK (outcome IN ('new', 'duplicate'))
        )""",
        "CREATE INDEX receipts_by_path ON receipts(path, size, mtime_ns)",
        """CREATE TABLE runs (
            id INTEGER PRIMARY KEY,
            period TEXT NOT NULL,
            command TEXT,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            status TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed')),
            manifest_json TEXT
        )""",
    ],
    [  # 2: current() joins each file to the version it replaced; without this index that join
        # scans the table once per file (10,000 files: minutes)
        "CREATE INDEX files_by_replaced_by ON files(replaced_by)",
    ],
    [  # 3: a run reads which file is current per unit from the index alone, not the 10,000 stored rows
        "CREATE INDEX files_current ON files(form, period, unit, id, sha256, version) "
        "WHERE replaced_by IS NULL AND version IS NOT NULL",
    ],
    [  # 4: the context (form with parameters, unit list) check_json was made in; a run reuses it then
        "ALTER TABLE files ADD COLUMN check_key TEXT",
    ],
    [  # 5: held (pending) files, approvals, closing and reopening of periods (see :mod:`.holds`).
        # A held file keeps ``version`` NULL, so every "current" query above leaves it out unchanged.
        "ALTER TABLE files ADD COLUMN held TEXT",
        "ALTER TABLE files ADD COLUMN held_json TEXT",
        "CREATE INDEX files_held ON files(period, form, unit) WHERE held IS NOT NULL",
        """CREATE TABLE approvals (
            id INTEGER PRIMARY KEY,
            file_id INTEGER NOT NULL REFERENCES files(id),
            form TEXT NOT NULL, unit TEXT NOT NULL, period TEXT NOT NULL,
            approved_at TEXT NOT NULL, approved_by TEXT NOT NULL,
            withdrawn_at TEXT, withdrawn_by TEXT, reason TEXT
        )""",
        "CREATE INDEX approvals_by_unit ON approvals(form, period, unit)",
        """CREATE TABLE period_events (
            id INTEGER PRIMARY KEY,
            period TEXT NOT NULL,
            event TEXT NOT NULL CHECK (event IN ('close', 'reopen', 'approve', 'withdraw', 'admit')),
            at TEXT NOT NULL,
            user TEXT NOT NULL,
            reason TEXT,
            form TEXT, unit TEXT,
            file_id INTEGER REFERENCES files(id)
        )""",
        "CREATE INDEX period_events_by_period ON period_events(period, id)",
    ],
]


class LedgerError(WordedError, RuntimeError):
    """The ledger cannot be used by this evalreport (written by a newer one). An officer meets it on
    opening a workspace that a colleague's newer evalreport has already used, so it is worded by the
    catalog with what to do (update evalreport); ``str()`` is the English line for logs."""


def now_text(precise: bool = False) -> str:
    """Local time with its UTC offset, to the second (what officers read in ``history``), or to
    the microsecond for run records (which must order runs that follow each other closely)."""
    now = datetime.now().astimezone()
    return (now if precise else now.replace(microsecond=0)).isoformat()


@dataclass(frozen=True)
class RecordOutcome:
    file_id: int
    version: int | None
    replaced: int | None  # id of the version this one replaced
    replaced_name: str | None = None


class _ShaLookup(Collection[str]):
    """The SHA-256 of every recorded file, asked of the ledger as needed (see ``sha_lookup``)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __contains__(self, sha256: object) -> bool:
        return self.conn.execute("SELECT 1 FROM files WHERE sha256=?", (sha256,)).fetchone() is not None

    def __iter__(self) -> Iterator[str]:
        return (r[0] for r in self.conn.execute("SELECT sha256 FROM files"))

    def __len__(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM files").fetchone()[0])


class Ledger:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.conn = sqlite3.connect(str(self.path), timeout=60, isolation_level=None)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA foreign_keys=ON")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self._migrate()

    # -- plumbing --------------------------------------------------------------------------
    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All writes go through here: everything inside commits together or not at all."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        current = self.schema_version
        if current > len(MIGRATIONS):
            self.conn.close()  # nothing to do with a ledger we cannot read; free the file
            raise LedgerError("LEDGER_NEWER", path=str(self.path), found=current, known=len(MIGRATIONS))
        for number, steps in enumerate(MIGRATIONS[current:], start=current + 1):
            with self.transaction() as c:
                for sql in steps:
                    c.execute(sql)
                c.execute(f"PRAGMA user_version = {number}")

    def integrity(self) -> str:
        return str(self.conn.execute("PRAGMA integrity_check").fetchone()[0])

    # -- receipts ----------------------------------------------------------------------------
    def seen(self, path: str, size: int, mtime_ns: int) -> bool:
        """Whether this exact inbox entry (path, size, mtime) was already ingested."""
        return self.conn.execute("SELECT 1 FROM receipts WHERE path=? AND size=? AND mtime_ns=? LIMIT 1",
                                 (path, size, mtime_ns)).fetchone() is not None

    def receipt_keys(self) -> set[tuple[str, int, int]]:
        """Every (path, size, mtime) ever ingested, in one query: a rerun over a large inbox
        tests each entry against this set instead of querying once per file."""
        return {(r[0], r[1], r[2]) for r in self.conn.execute("SELECT path, size, mtime_ns FROM receipts")}

    def known_shas(self) -> set[str]:
        return {r[0] for r in self.conn.execute("SELECT sha256 FROM files")}

    def sha_lookup(self) -> Collection[str]:
        """``sha in ledger.sha_lookup()`` asks the ledger one SHA at a time: for the few new files of
        a rerun, cheaper than loading every SHA (:meth:`known_shas`, ~10 ms at 10,000 files)."""
        return _ShaLookup(self.conn)

    def file_by_sha(self, sha256: str) -> sqlite3.Row | None:
        return self.conn.execute("SELECT * FROM files WHERE sha256=?", (sha256,)).fetchone()

    def add_receipt(self, c: sqlite3.Connection, path: str, size: int, mtime_ns: int, sha256: str,
                    file_id: int, outcome: str) -> None:
        self.add_receipts(c, [(path, size, mtime_ns, sha256, now_text(), file_id, outcome)])

    def add_receipts(self, c: sqlite3.Connection, receipts: Sequence[Receipt]) -> None:
        """Several receipts in one statement (an ingest writes one per file, a batch at a time)."""
        c.executemany("INSERT INTO receipts(path, size, mtime_ns, sha256, seen_at, file_id, outcome) "
                      "VALUES (?,?,?,?,?,?,?)", receipts)

    # -- files ---------------------------------------------------------------------------------
    def record(self, c: sqlite3.Connection, rec: dict[str, Any], *, status: str, archive_path: str | None,
               received_at: str, checks: Sequence[Finding] = (), columns: dict[str, Any] | None = None,
               held: tuple[str, dict[str, Any]] | None = None) -> RecordOutcome:
        """Insert a parsed file, given as its submission record (:mod:`evalreport.model.codec`);
        when its (form, unit, period) already has a current version the new file becomes the next
        version and the old one is marked ``replaced_by`` it. ``columns``: the record's JSON
        columns already made (:func:`.records.record_columns`, by an ingest worker), with
        ``check_json`` and ``check_key``. ``held``: (reason, its parameters) when the file must
        be held as pending (:func:`.holds.hold_for`): it is stored without a version and replaces
        nothing until :func:`.holds.release` lets it in."""
        prov = rec["provenance"]
        assert prov is not None, "the reader always sets provenance"
        key = (rec["form"] or None, rec["unit"] or None, rec["period"] or None)
        previous = None
        version = None
        if status != "unreadable" and all(key) and held is None:
            # The newest version is the current one (only this method and holds.release number
            # and replace versions), so one lookup on the (form, unit, period, version) index gives both.
            newest = c.execute("SELECT id, original_name, version, replaced_by FROM files WHERE form=? AND unit=? "
                               "AND period=? AND version IS NOT NULL ORDER BY version DESC LIMIT 1", key).fetchone()
            version = 1 + (newest["version"] if newest else 0)
            previous = newest if newest is not None and newest["replaced_by"] is None else None
        if columns is None:
            columns = {**record_columns(rec), "check_json": findings_to_json(list(checks))}
        cur = c.execute(
            "INSERT INTO files(sha256, size, original_name, archive_path, received_at, file_mtime, form, form_version,"
            " unit, unit_name, period, kind, status, findings_json, check_json, values_json, cells_json,"
            " ratings_json, version, check_key, held, held_json) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (prov["sha256"], prov["size"], prov["name"], archive_path, received_at, prov["modified"], key[0],
             rec["form_version"] or None, key[1], rec["unit_name"], key[2], rec["kind"], status,
             columns["findings_json"], columns["check_json"], columns["values_json"], columns["cells_json"],
             columns["ratings_json"], version, columns.get("check_key"), held[0] if held else None,
             dumps(held[1]) if held else None))
        file_id = int(cur.lastrowid or 0)
        if previous is not None:
            c.execute("UPDATE files SET replaced_by=? WHERE id=?", (file_id, previous["id"]))
        return RecordOutcome(file_id, version, previous["id"] if previous else None,
                             previous["original_name"] if previous else None)

    def current(self, form: str, period: str) -> list[sqlite3.Row]:
        """The current version of each unit's file for one form and period (those in totals)."""
        return self.conn.execute(
            "SELECT f.*, p.sha256 AS replaces_sha FROM files f "
            "LEFT JOIN files p ON p.replaced_by = f.id "
            "WHERE f.form=? AND f.period=? AND f.replaced_by IS NULL AND f.version IS NOT NULL "
            "ORDER BY f.unit", (form, period)).fetchall()

    def submissions(self, form: str, period: str) -> list[Submission]:
        return [submission_from_row(r, r["replaces_sha"]) for r in self.current(form, period)]

    def current_state(self, form: str, period: str) -> list[tuple[str, int, str, int]]:
        """(unit, file id, sha256, version) of each current file: what a run's cache compares,
        without reading the stored values (a few milliseconds for 10,000 units)."""
        return self.conn.execute(
            "SELECT unit, id, sha256, version FROM files "
            "WHERE form=? AND period=? AND replaced_by IS NULL AND version IS NOT NULL", (form, period)).fetchall()

    def stored_checks(self, form: str, period: str, check_key: str) -> dict[str, list[Finding]]:
        """SHA-256 -> the ingest's check findings of each current file checked in ``check_key``'s
        context (:func:`evalreport.check.rules.check_context`)."""
        return {sha: findings_from_json(text) if text != "[]" else [] for sha, text in self.conn.execute(
            "SELECT sha256, check_json FROM files WHERE form=? AND period=? AND replaced_by IS NULL "
            "AND version IS NOT NULL AND check_key=?", (form, period, check_key))}

    def submissions_of(self, form: str, period: str, units: list[str]) -> list[Submission]:
        """The current submissions of some units only (a rerun after a few corrected files)."""
        out: list[Submission] = []
        for start in range(0, len(units), 500):
            chunk = units[start:start + 500]
            rows = self.conn.execute(
                "SELECT f.*, p.sha256 AS replaces_sha FROM files f LEFT JOIN files p ON p.replaced_by = f.id "
                "WHERE f.form=? AND f.period=? AND f.replaced_by IS NULL AND f.version IS NOT NULL "
                f"AND f.unit IN ({','.join('?' * len(chunk))}) ORDER BY f.unit", (form, period, *chunk)).fetchall()
            out += [submission_from_row(r, r["replaces_sha"]) for r in rows]
        return out

    def has_period(self, form: str, period: str) -> bool:
        return self.conn.execute("SELECT 1 FROM files WHERE form=? AND period=? LIMIT 1",
                                 (form, period)).fetchone() is not None

    def versions(self, unit: str, form: str | None = None, period: str | None = None) -> list[sqlite3.Row]:
        sql = "SELECT * FROM files WHERE unit=?"
        args: list[Any] = [unit]
        if form:
            sql += " AND form=?"
            args.append(form)
        if period:
            sql += " AND period=?"
            args.append(period)
        return self.conn.execute(sql + " ORDER BY form, period, version", args).fetchall()

    def unreadable(self) -> list[sqlite3.Row]:
        return self.conn.execute("SELECT * FROM files WHERE status='unreadable' ORDER BY id").fetchall()

    def receipts_of(self, file_id: int) -> list[sqlite3.Row]:
        return self.conn.execute("SELECT * FROM receipts WHERE file_id=? ORDER BY id", (file_id,)).fetchall()

    def counts(self) -> dict[str, int]:
        row = self.conn.execute("SELECT (SELECT COUNT(*) FROM files), (SELECT COUNT(*) FROM receipts), "
                                "(SELECT COUNT(*) FROM runs)").fetchone()
        return {"files": row[0], "receipts": row[1], "runs": row[2]}

    # -- runs ------------------------------------------------------------------------------------
    def start_run(self, period: str, command: str) -> int:
        with self.transaction() as c:
            cur = c.execute("INSERT INTO runs(period, command, started_at, status) VALUES (?,?,?, 'running')",
                            (period, command, now_text(precise=True)))
            return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, status: str, manifest: dict[str, Any] | str | None) -> None:
        """``manifest``: the run's manifest, or its JSON text already written to manifest.json."""
        text = manifest if isinstance(manifest, str) or manifest is None else dumps(manifest)
        with self.transaction() as c:
            c.execute("UPDATE runs SET finished_at=?, status=?, manifest_json=? WHERE id=?",
                      (now_text(precise=True), status, text, run_id))

    def mark_interrupted(self) -> int:
        """Runs still 'running' when the lock is free were killed; record them as failed."""
        with self.transaction() as c:
            return c.execute("UPDATE runs SET status='failed', finished_at=? WHERE status='running'",
                             (now_text(),)).rowcount

    def runs(self, period: str | None = None) -> list[sqlite3.Row]:
        if period:
            return self.conn.execute("SELECT * FROM runs WHERE period=? ORDER BY id", (period,)).fetchall()
        return self.conn.execute("SELECT * FROM runs ORDER BY id").fetchall()
