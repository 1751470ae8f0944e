"""The run cache: the last full consolidation of a form and period, kept so that a rerun after a
few corrected files updates it (:func:`evalreport.aggregate.update.update_consolidation`)
instead of rebuilding 10,000 submissions from the ledger and rolling them all up again.

What is stored is a *base*: a consolidation plus the ledger state it was made from (unit ->
file id and SHA-256). A run compares the ledger's current state with the base's, updates the
base with the units that differ and renders from that; the base is rewritten only when many
units differ (see :data:`REBASE_SHARE`), so a rerun after one correction reads the cache and
writes nothing. The base's key covers everything else the result depends on (evalreport's
version, the form definition with its parameters, the unit list, the root, the previous
period's state); any difference and the cache is ignored and rebuilt. The cache holds nothing
that is not also in the ledger: deleting the ``cache/`` folder only costs the next run time.

Why ``marshal`` of plain values and not ``pickle`` of the objects: unpickling 10,000
submissions and 10,888 unit totals as objects costs ~0.5 s, more than the rerun may take, and
loading a pickle from a shared folder can run code; ``marshal`` reads plain values only
(tuples, lists, and the values' own dicts, which it rebuilds in C), several times faster.
Submissions are stored as the records of :mod:`evalreport.model.codec`, as in the ledger.
"""

from __future__ import annotations

import hashlib
import marshal
from collections.abc import Mapping
from pathlib import Path

from evalreport import __version__
from evalreport.aggregate.consolidate import ConsolidationParts
from evalreport.aggregate.update import ConsolidationBase
from evalreport.check.intake import UnitIntake
from evalreport.form.definition import FormDefinition
from evalreport.model.codec import submission_from_record, submission_to_record
from evalreport.model.hierarchy import Hierarchy
from evalreport.model.period import Period
from evalreport.model.result import (
    Change,
    Completeness,
    ConsolidationResult,
    QuotaCheck,
    ReconciliationGap,
    UnitTotals,
)
from evalreport.model.submission import Submission
from evalreport.store.atomic import atomic_write_bytes
from evalreport.store.records import findings_from_json, findings_to_json

__all__ = ["CACHE_FOLDER", "REBASE_SHARE", "LedgerState", "cache_key", "load_base", "save_base",
           "state_digest"]

CACHE_FOLDER = "cache"
FORMAT = 3  # 3: submissions as the codec's records
REBASE_SHARE = 0.02  # rewrite the base when more than this share of units (and > 50) differ from it
LedgerState = Mapping[str, tuple[int, str]]  # unit -> (file id, sha256) of its current file


def cache_key(form: FormDefinition, hierarchy_digest: str, root: str, period: Period, previous: str | None) -> str:
    """Everything besides the submissions that a consolidation depends on, as one digest."""
    h = hashlib.sha256()
    for part in (str(FORMAT), __version__, form.model_dump_json(), hierarchy_digest, root, str(period), previous or ""):
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


def state_digest(key: str, state: LedgerState) -> str:
    """Identifies a result: its key and the exact files it was made from."""
    h = hashlib.sha256(key.encode())
    for unit in sorted(state):
        file_id, sha = state[unit]
        h.update(f"{unit}\0{file_id}\0{sha}\n".encode())
    return h.hexdigest()


def _path(folder: Path, form: str, period: Period) -> Path:
    return folder / CACHE_FOLDER / f"{form}_{period}.base"


def save_base(folder: Path, result: ConsolidationResult, key: str, state: LedgerState) -> None:
    """Write ``result`` as the base for its form and period (atomically). A folder that cannot
    be written (a read-only share, a full disk) only means the next run consolidates from
    scratch: the run itself goes on."""
    enc = _Encoder()
    payload = enc.result(result)
    one = enc.one
    target = _path(folder, result.form.code, result.period)
    try:
        data = marshal.dumps((FORMAT, key, {one(u): (file_id, one(sha)) for u, (file_id, sha) in state.items()},
                              payload))
        target.parent.mkdir(exist_ok=True)
        atomic_write_bytes(target, data)
    except (OSError, ValueError):  # ValueError: a value marshal cannot write (a finding's odd detail)
        pass


def load_base(folder: Path, form: FormDefinition, period: Period, hierarchy: Hierarchy, root: str, key: str
              ) -> tuple[ConsolidationBase, dict[str, tuple[int, str]]] | None:
    """The stored base and its ledger state, or None when there is none, it is damaged or it
    does not match ``key`` (then the run consolidates from scratch)."""
    try:
        fmt, stored_key, state, payload = marshal.loads(_path(folder, form.code, period).read_bytes())
        if fmt != FORMAT or stored_key != key:
            return None
        return (_decode(payload, form, period, hierarchy, root), {u: tuple(v) for u, v in state.items()})
    except (OSError, EOFError, ValueError, TypeError, KeyError, IndexError):
        return None


# -- encoding: plain tuples, lists, dicts and strings only -------------------------------------
def _findings(items: list) -> str | None:
    return findings_to_json(items) if items else None


def _checked(pair: tuple[list, list], encode) -> tuple:
    return [encode(x) for x in pair[0]], _findings(pair[1])


class _Encoder:
    def __init__(self) -> None:
        self.subs: list[tuple] = []
        self.index: dict[int, int] = {}
        # One object per distinct text (unit codes, SHA-256s, form codes, as read from files and
        # from the ledger, arrive as many equal strings): marshal writes the others as references,
        # so loading builds ~50,000 fewer strings for a province.
        self._texts: dict[str, str] = {}

    def one(self, text: str) -> str:
        return self._texts.setdefault(text, text)

    def sub(self, s: Submission | None) -> int | None:
        if s is None:
            return None
        i = self.index.get(id(s))
        if i is None:
            rec = submission_to_record(s)
            one = self.one
            for k in ("form", "form_version", "unit", "period", "kind"):
                rec[k] = one(rec[k]) if rec[k] else rec[k]
            if rec["provenance"]:
                rec["provenance"]["sha256"] = one(rec["provenance"]["sha256"])
            i = self.index[id(s)] = len(self.subs)
            self.subs.append(rec)
        return i

    def result(self, r: ConsolidationResult) -> tuple:
        p: ConsolidationParts = r.parts
        one = self.one
        units = [(one(t.code), t.values, t.shares, one(t.source), t.covered_units, t.expected_units, t.missing_units)
                 for t in r.units.values()]
        intake = {one(u): (_findings(x.findings), [self.sub(s) for s in x.rejected], self.sub(x.accepted),
                           self.sub(x.blocked)) for u, x in p.intake.items()}
        completeness = {c: (x.expected, x.received, x.missing, x.with_errors, dict(x.by_level))
                        for c, x in r.completeness.items()}
        gaps = {u: [(g.unit, g.field, g.own_value, g.children_sum, [tuple(e) for e in g.explained_by])
                    for g in gs] for u, gs in p.gaps.items()}

        def qc(q: QuotaCheck) -> tuple:
            return q.scope, q.committee, q.numerator, q.denominator, q.limit, q.level

        def ch(c: Change) -> tuple:
            return c.unit, c.field, c.current, c.previous, c.outlier

        parts = (intake, gaps, {u: _findings(f) for u, f in p.gap_findings.items()},
                 {u: _checked(x, qc) for u, x in p.members.items()},
                 {u: _checked(x, qc) for u, x in p.organizations.items()}, _checked(p.tree, qc),
                 {u: _checked(x, ch) for u, x in p.changes.items()})
        return self.subs, units, completeness, parts


def _decode(payload: tuple, form: FormDefinition, period: Period, hierarchy: Hierarchy, root: str
            ) -> ConsolidationBase:
    subs_raw, units_raw, completeness_raw, parts_raw = payload
    subs = [submission_from_record(rec) for rec in subs_raw]
    units = {row[0]: UnitTotals(*row) for row in units_raw}
    completeness = {c: Completeness(c, *x[:4], {lv: tuple(v) for lv, v in x[4].items()})
                    for c, x in completeness_raw.items()}
    intake_raw, gaps_raw, gap_findings_raw, members_raw, orgs_raw, tree_raw, changes_raw = parts_raw

    def sub(i: int | None) -> Submission | None:
        return None if i is None else subs[i]

    def checked(pairs: dict, cls) -> dict[str, tuple[list, list]]:  # one pass: a province has ~11,000
        return {u: ([cls(*x) for x in got], findings_from_json(found) if found else [])
                for u, (got, found) in pairs.items()}

    parts = ConsolidationParts(
        intake={u: UnitIntake(findings_from_json(f) if f else [], [subs[i] for i in rej], sub(acc), sub(blk))
                for u, (f, rej, acc, blk) in intake_raw.items()},
        gaps={u: [ReconciliationGap(g[0], g[1], g[2], g[3], [tuple(e) for e in g[4]]) for g in gs]
              for u, gs in gaps_raw.items()},
        gap_findings={u: findings_from_json(f) for u, f in gap_findings_raw.items()},
        members=checked(members_raw, QuotaCheck),
        organizations=checked(orgs_raw, QuotaCheck),
        tree=checked({"": tree_raw}, QuotaCheck)[""],
        changes=checked(changes_raw, Change),
    )
    return ConsolidationBase(form, period, hierarchy, root, units, completeness, parts)
