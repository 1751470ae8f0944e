"""Held ("pending", "Chờ xử lý") files: received, recorded, but kept out of every total until the
officer lets them in.

A file is held when counting it would change figures the officer has already fixed or never
looked at:

* ``closed``: its period (or a period containing it) was closed ("chốt số liệu");
* ``approved``: its unit's current file for that period was approved ("đã duyệt");
* ``other_period``: it reports another period than the inbox it was found in (a period
  subfolder ``inbox/2025/``, or else the period being run) and would change a period that was
  already reported; last year's template filled in and dropped in this year's inbox.

A held file is a ``files`` row with ``held`` set and no ``version``: the ledger's "current"
queries leave it out without knowing about holds. :func:`release` gives it the next version,
exactly as if it had just arrived, unless a reason to hold it still applies.
"""

from __future__ import annotations

import getpass
import json
import sqlite3
from typing import Any

from evalreport.model.finding import Finding, make_finding
from evalreport.model.period import Period, PeriodError, parse_period

__all__ = ["HOLD_RULES", "current_user", "closed_periods", "closing_of", "active_approval", "any_active_approval", "hold_for",
           "release", "held_rows", "held_findings", "inbox_period", "short_time"]

HOLD_RULES = {"closed": "WS_HELD_CLOSED", "approved": "WS_HELD_APPROVED", "other_period": "WS_HELD_OTHER_PERIOD"}


def current_user() -> str:
    """Who closes, reopens or approves: the logged-in user, as the ledger records it."""
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment (a service account): still record the act
        return "?"


def closed_periods(conn: sqlite3.Connection) -> dict[str, sqlite3.Row]:
    """Period -> its closing event, for every period whose last close/reopen event is a close."""
    last: dict[str, sqlite3.Row] = {}
    for row in conn.execute("SELECT * FROM period_events WHERE event IN ('close', 'reopen') ORDER BY id"):
        last[row["period"]] = row
    return {p: r for p, r in last.items() if r["event"] == "close"}


def closing_of(conn: sqlite3.Connection, period: str, closed: dict[str, sqlite3.Row] | None = None
               ) -> sqlite3.Row | None:
    """The closing event that freezes ``period``: its own, or that of a closed period containing
    it (a closed year freezes its months, whose roll-up it is)."""
    closed = closed_periods(conn) if closed is None else closed
    if not closed:  # the usual case: no period closed, nothing to parse
        return None
    if period in closed:
        return closed[period]
    try:
        p = parse_period(period)
    except PeriodError:
        return None
    for code, row in closed.items():
        try:
            if parse_period(code).contains(p):
                return row
        except PeriodError:
            continue
    return None


def active_approval(conn: sqlite3.Connection, form: str, unit: str, period: str) -> sqlite3.Row | None:
    """The approval of the unit's current file, if it has one not withdrawn."""
    return conn.execute(
        "SELECT a.*, f.original_name FROM approvals a JOIN files f ON f.id = a.file_id "
        "WHERE a.form=? AND a.unit=? AND a.period=? AND a.withdrawn_at IS NULL "
        "AND f.replaced_by IS NULL AND f.version IS NOT NULL ORDER BY a.id DESC LIMIT 1",
        (form, unit, period)).fetchone()


def any_active_approval(conn: sqlite3.Connection) -> bool:
    """Is any unit's file approved (not withdrawn)? Usually none is, and an ingest then asks
    :func:`active_approval` about none of its files (one query each)."""
    return conn.execute("SELECT 1 FROM approvals WHERE withdrawn_at IS NULL LIMIT 1").fetchone() is not None


def inbox_period(rel: str) -> Period | None:
    """The period of a period subfolder of the inbox (``2025/…``, ``2025-11/…``), if the file is in one."""
    first, sep, _ = rel.partition("/")
    if not sep:
        return None
    try:
        return parse_period(first)
    except PeriodError:
        return None


def _reported(conn: sqlite3.Connection, period: str) -> bool:
    return conn.execute("SELECT 1 FROM runs WHERE period=? AND status='done' LIMIT 1", (period,)).fetchone() is not None


def hold_for(conn: sqlite3.Connection, form: str, unit: str, period: str, rel: str, run_period: Period | None,
             closed: dict[str, sqlite3.Row], approvals: bool = True) -> tuple[str, dict[str, Any]] | None:
    """Why a newly received file for (form, unit, period) found at ``rel`` in the inbox must be
    held, with the finding's parameters; None when it may count at once. ``approvals``: False
    when the ledger holds no active approval at all (:func:`any_active_approval`)."""
    name = rel.rsplit("/", 1)[-1]
    base = {"file": name, "unit": unit, "period": period}
    closing = closing_of(conn, period, closed)
    if closing is not None:
        return "closed", {**base, "closed_at": short_time(closing["at"]), "closed_by": closing["user"]}
    approval = active_approval(conn, form, unit, period) if approvals else None
    if approval is not None:
        return "approved", {**base, "approved_file": approval["original_name"],
                            "approved_at": short_time(approval["approved_at"]), "approved_by": approval["approved_by"]}
    try:
        own = parse_period(period)
    except PeriodError:
        return None
    folder = inbox_period(rel)
    if folder is not None:  # the officer sorted it into a period's folder: any other period is a surprise
        if not folder.contains(own):
            return "other_period", {**base, "inbox_period": str(folder)}
    elif run_period is not None and not run_period.contains(own) and _reported(conn, period):
        return "other_period", {**base, "inbox_period": str(run_period)}
    return None


def release(c: sqlite3.Connection, file_id: int, *, other_period_too: bool = False) -> str | None:
    """Let a held file in: it becomes the next version of its unit's file for its period and
    replaces the current one. Returns the reason it stays held instead (the period is still
    closed, or the unit's current file is approved), or None when it now counts. A file held
    for another period is let in only with ``other_period_too`` (the officer admitted it)."""
    row = c.execute("SELECT * FROM files WHERE id=?", (file_id,)).fetchone()
    if row is None or row["held"] is None:
        return None
    if row["held"] == "other_period" and not other_period_too:
        return "other_period"
    closing = closing_of(c, row["period"])
    reason, params = None, json.loads(row["held_json"] or "{}")
    if closing is not None:
        reason = "closed"
        params.update(closed_at=short_time(closing["at"]), closed_by=closing["user"])
    else:
        approval = active_approval(c, row["form"], row["unit"], row["period"])
        if approval is not None:
            reason = "approved"
            params.update(approved_file=approval["original_name"], approved_at=short_time(approval["approved_at"]),
                          approved_by=approval["approved_by"])
    if reason is not None:
        c.execute("UPDATE files SET held=?, held_json=? WHERE id=?", (reason, json.dumps(params, ensure_ascii=False),
                                                                      file_id))
        return reason
    key = (row["form"], row["unit"], row["period"])
    newest = c.execute("SELECT id, version, replaced_by FROM files WHERE form=? AND unit=? AND period=? "
                       "AND version IS NOT NULL ORDER BY version DESC LIMIT 1", key).fetchone()
    c.execute("UPDATE files SET version=?, held=NULL, held_json=NULL WHERE id=?",
              (1 + (newest["version"] if newest else 0), file_id))
    if newest is not None and newest["replaced_by"] is None:
        c.execute("UPDATE files SET replaced_by=? WHERE id=?", (file_id, newest["id"]))
    return None


def held_rows(conn: sqlite3.Connection, period: str | None = None, form: str | None = None) -> list[sqlite3.Row]:
    """Held files, oldest first (the order they are let in), of one period (and form) or all."""
    sql, args = "SELECT * FROM files WHERE held IS NOT NULL", []
    if period is not None:
        sql += " AND period=?"
        args.append(period)
    if form is not None:
        sql += " AND form=?"
        args.append(form)
    return conn.execute(sql + " ORDER BY id", args).fetchall()


def held_findings(rows: list[sqlite3.Row]) -> list[Finding]:
    """One warning per held file, naming why (and both periods when it is in another's inbox)."""
    return [make_finding(HOLD_RULES[r["held"]], "warning", unit=r["unit"], file=r["original_name"],
                         params={"id": r["id"], **json.loads(r["held_json"] or "{}")}) for r in rows]


def short_time(stamp: str) -> str:
    """``2026-12-04T20:10:49+07:00`` as an officer reads it: ``04/12/2026 20:10``."""
    try:
        from datetime import datetime

        return datetime.fromisoformat(stamp).strftime("%d/%m/%Y %H:%M")
    except (TypeError, ValueError):
        return str(stamp)
