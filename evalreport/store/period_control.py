"""The officer's decisions about a period, each recorded in the ledger with who and when:
closing it ("chốt số liệu"), reopening it, approving a unit's report ("duyệt") or withdrawing the
approval, and admitting a file held for another period. What they change is only which files are
held (:mod:`.holds`); the consolidation reads the ledger as always.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from evalreport.store.holds import active_approval, closed_periods, current_user, held_rows, release
from evalreport.store.ledger import Ledger, now_text

__all__ = ["PeriodActionError", "Admitted", "add_event", "close_period", "reopen_period", "approve_units",
           "withdraw_approvals", "admit_file", "period_events"]


class PeriodActionError(ValueError):
    """A decision that cannot be taken (message code of :mod:`evalreport.wording.period_messages`
    and its parameters), e.g. approving a unit whose file has errors."""

    def __init__(self, code: str, **params: object):
        super().__init__(code)
        self.code, self.params = code, params

    def message(self, lang: str = "vi") -> str:
        from evalreport.wording.catalog import text

        return text(self.code, lang, **self.params)


@dataclass(frozen=True)
class Admitted:
    """What letting held files in did: the ids now counted, and those still held (with why)."""

    counted: list[int]
    still_held: list[tuple[int, str]]


def add_event(c: sqlite3.Connection, period: str, event: str, reason: str | None = None, *,
              form: str | None = None, unit: str | None = None, file_id: int | None = None) -> None:
    c.execute("INSERT INTO period_events(period, event, at, user, reason, form, unit, file_id) "
              "VALUES (?,?,?,?,?,?,?,?)", (period, event, now_text(), current_user(), reason, form, unit, file_id))


def _release_all(c: sqlite3.Connection, rows: list[sqlite3.Row], admit: bool = False) -> Admitted:
    counted, held = [], []
    for r in rows:
        why = release(c, r["id"], other_period_too=admit)
        (held.append((r["id"], why)) if why else counted.append(r["id"]))
    return Admitted(counted, held)


def close_period(ledger: Ledger, period: str, reason: str | None = None) -> None:
    """Freeze the period: from now on every file for it is held (:func:`.holds.hold_for`)."""
    with ledger.transaction() as c:
        if period in closed_periods(c):
            raise PeriodActionError("PERIOD_ALREADY_CLOSED", period=period)
        add_event(c, period, "close", reason)


def reopen_period(ledger: Ledger, period: str, reason: str) -> Admitted:
    """Reopen a closed period and let its held files in (those not held for another reason)."""
    if not (reason or "").strip():
        raise PeriodActionError("PERIOD_REASON_NEEDED", period=period)
    with ledger.transaction() as c:
        if period not in closed_periods(c):
            raise PeriodActionError("PERIOD_NOT_CLOSED", period=period)
        add_event(c, period, "reopen", reason)
        return _release_all(c, [r for r in held_rows(c, period) if r["held"] == "closed"])


def approve_units(ledger: Ledger, form: str, period: str, units: list[str], reason: str | None = None) -> list[str]:
    """Approve each unit's current file; only an accepted file (no error) can be approved."""
    done = []
    with ledger.transaction() as c:
        for unit in units:
            row = c.execute("SELECT id, status FROM files WHERE form=? AND unit=? AND period=? AND replaced_by IS NULL "
                            "AND version IS NOT NULL", (form, unit, period)).fetchone()
            if row is None:
                raise PeriodActionError("APPROVE_NOTHING", unit=unit, form=form, period=period)
            if row["status"] != "ok":
                raise PeriodActionError("APPROVE_ERRORS", unit=unit, form=form, period=period)
            if active_approval(c, form, unit, period) is not None:
                continue
            c.execute("INSERT INTO approvals(file_id, form, unit, period, approved_at, approved_by, reason) "
                      "VALUES (?,?,?,?,?,?,?)", (row["id"], form, unit, period, now_text(), current_user(), reason))
            add_event(c, period, "approve", reason, form=form, unit=unit, file_id=row["id"])
            done.append(unit)
    return done


def withdraw_approvals(ledger: Ledger, form: str, period: str, units: list[str], reason: str | None = None
                       ) -> Admitted:
    """Withdraw the units' approvals and let in the files held back by them."""
    rows: list[sqlite3.Row] = []
    with ledger.transaction() as c:
        for unit in units:
            approval = active_approval(c, form, unit, period)
            if approval is None:
                raise PeriodActionError("APPROVE_NONE", unit=unit, form=form, period=period)
            c.execute("UPDATE approvals SET withdrawn_at=?, withdrawn_by=?, reason=coalesce(?, reason) WHERE id=?",
                      (now_text(), current_user(), reason, approval["id"]))
            add_event(c, period, "withdraw", reason, form=form, unit=unit, file_id=approval["file_id"])
            rows += [r for r in held_rows(c, period, form) if r["unit"] == unit and r["held"] == "approved"]
        return _release_all(c, rows)


def admit_file(ledger: Ledger, file: str, reason: str | None = None) -> Admitted:
    """Admit held files named by ledger id, SHA-256 prefix, file name or inbox path: the officer
    saw them and wants them counted in the period they report (if it is open and not approved)."""
    with ledger.transaction() as c:
        rows = [r for r in held_rows(c) if _names(c, r, file)]
        if not rows:
            raise PeriodActionError("ADMIT_NOTHING", file=file)
        for r in rows:
            add_event(c, r["period"], "admit", reason, form=r["form"], unit=r["unit"], file_id=r["id"])
        return _release_all(c, rows, admit=True)


def _names(c: sqlite3.Connection, row: sqlite3.Row, key: str) -> bool:
    key = key.strip().replace("\\", "/")
    if key.isdigit() and int(key) == row["id"]:
        return True
    if len(key) >= 8 and row["sha256"].startswith(key.lower()):
        return True
    name = key.rsplit("/", 1)[-1]
    if name == row["original_name"]:
        return True
    return any(r[0] == key or r[0].endswith("/" + key) for r in
               c.execute("SELECT path FROM receipts WHERE file_id=?", (row["id"],)))


def period_events(ledger: Ledger, period: str | None = None, unit: str | None = None) -> list[sqlite3.Row]:
    """The recorded decisions, oldest first: of a period, of a unit, or all."""
    sql, args = "SELECT e.*, f.original_name FROM period_events e LEFT JOIN files f ON f.id = e.file_id WHERE 1=1", []
    if period is not None:
        sql += " AND e.period=?"
        args.append(period)
    if unit is not None:
        sql += " AND (e.unit=? OR e.unit IS NULL)"
        args.append(unit)
    return ledger.conn.execute(sql + " ORDER BY e.id", args).fetchall()
