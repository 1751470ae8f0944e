"""Completeness of a period from the ledger alone: who sent a usable file, who sent one with
errors, who is missing, who was late against the configured deadline. It needs no run, so an
officer can check it every morning while files are still arriving.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from evalreport.aggregate.expected import not_expected
from evalreport.form.definition import FormDefinition
from evalreport.model.hierarchy import Hierarchy
from evalreport.model.period import Period
from evalreport.model.unit_state import UnitState
from evalreport.store.holds import active_approval, held_rows
from evalreport.store.ledger import Ledger

__all__ = ["StatusRow", "VersionRow", "expected_units", "period_status", "unit_history"]


@dataclass(frozen=True)
class StatusRow:
    form: str
    unit: str
    name: str
    level: str
    parent: str | None
    state: UnitState  # accepted, rejected, missing, approved, or pending (only held files); late is ``late``
    late: bool = False
    file: str | None = None
    version: int | None = None
    received_at: str | None = None
    deadline: date | None = None
    errors: int = 0
    warnings: int = 0
    pending: tuple[str, ...] = ()  # held files ("Chờ xử lý"), not counted until the officer lets them in
    approved_by: str | None = None
    approved_at: str | None = None


@dataclass(frozen=True)
class VersionRow:
    form: str
    period: str
    version: int | None
    file: str
    received_at: str
    status: str
    sha256: str
    current: bool
    replaced_by_version: int | None
    errors: int
    warnings: int
    held: str | None = None  # why the file is held (closed, approved, other_period), when it is
    state: UnitState = UnitState.REJECTED  # the unit's state while this version is (or was) its current one


def expected_units(form: FormDefinition, hierarchy: Hierarchy, root: str) -> list[str]:
    """Units that must send this form: every leaf, and every non-leaf below the root when the form
    has a table of child ratings (only the parent can rate its children). ``hierarchy``: the
    period's tree; a unit that ceased during it is expected only by forms that say so."""
    unexpected = not_expected(form, hierarchy, root)
    units = [c for c in hierarchy.descendants(root) if c not in unexpected]
    if form.organizations is not None:
        return units
    return [c for c in units if hierarchy.is_leaf(c)]


def _counts(row) -> tuple[int, int]:
    items = json.loads(row["findings_json"] or "[]") + json.loads(row["check_json"] or "[]")
    return (sum(i["severity"] == "error" for i in items), sum(i["severity"] == "warning" for i in items))


def _late(received_at: str | None, deadline: date | None) -> bool:
    if not received_at or deadline is None:
        return False
    return datetime.fromisoformat(received_at).date() > deadline


def period_status(ledger: Ledger, form: FormDefinition, hierarchy: Hierarchy, root: str, period: Period,
                  deadline: date | None) -> list[StatusRow]:
    current = {r["unit"]: r for r in ledger.current(form.code, str(period))}
    held: dict[str, list[str]] = {}
    for h in held_rows(ledger.conn, str(period), form.code):
        held.setdefault(h["unit"], []).append(h["original_name"])
    rows = []
    for code in expected_units(form, hierarchy, root):
        u = hierarchy.unit(code)
        r = current.get(code)
        pending = tuple(held.get(code, ()))
        if r is None:
            rows.append(StatusRow(form.code, code, u.name, u.level, u.parent,
                                  UnitState.PENDING if pending else UnitState.MISSING,
                                  deadline=deadline, late=deadline is not None and date.today() > deadline,
                                  pending=pending))
            continue
        errors, warnings = _counts(r)
        approval = active_approval(ledger.conn, form.code, code, str(period))
        state = state_of_file(r["status"])
        if state == UnitState.ACCEPTED and approval is not None:
            state = UnitState.APPROVED
        rows.append(StatusRow(form.code, code, u.name, u.level, u.parent, state,
                              late=_late(r["received_at"], deadline), file=r["original_name"], version=r["version"],
                              received_at=r["received_at"], deadline=deadline, errors=errors, warnings=warnings,
                              pending=pending, approved_by=approval["approved_by"] if approval else None,
                              approved_at=approval["approved_at"] if approval else None))
    return rows


def state_of_file(status: str) -> UnitState:
    """The state a unit is in when this ledger file is its current one."""
    return UnitState.ACCEPTED if status == "ok" else UnitState.REJECTED


def unit_history(ledger: Ledger, unit: str, form: str | None = None, period: str | None = None) -> list[VersionRow]:
    rows = ledger.versions(unit, form, period)
    version_of = {r["id"]: r["version"] for r in rows}
    out = []
    for r in rows:
        errors, warnings = _counts(r)
        out.append(VersionRow(r["form"], r["period"], r["version"], r["original_name"], r["received_at"], r["status"],
                              r["sha256"], r["replaced_by"] is None and r["version"] is not None,
                              version_of.get(r["replaced_by"]), errors, warnings, r["held"],
                              state_of_file(r["status"])))
    return out
