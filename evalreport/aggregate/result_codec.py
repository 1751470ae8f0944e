"""The one codec of a consolidation result: to and from plain values, for the run cache
(:mod:`evalreport.store.result_cache`), which keeps the last full consolidation of a period so
that a rerun updates it (:func:`evalreport.aggregate.update.update_parts`).

What is kept is what an update needs, unit by unit (:class:`ConsolidationParts`, totals,
completeness); submissions are written once each and referred to by their index, as the
head and body of :func:`evalreport.model.codec.submission_to_head`: the body (values, cells,
ratings, findings: most of the bytes) as its own ``marshal`` string, decoded only when the
submission is looked into. A rerun after one corrected file at N = 100,000 thus makes 100,000
small heads instead of 100,000 submissions' dicts (5 s -> see docs/performance.md, "The rerun at
100,000"). Bases written before (records as dicts) are still read. Unit totals, gaps and checks are positional tuples in their
dataclasses' field order: there are tens of thousands of them, and a tuple loads several times
faster than a dict.
"""

from __future__ import annotations

import marshal
from typing import Any

from evalreport.aggregate.consolidate import ConsolidationParts
from evalreport.aggregate.update import ConsolidationBase
from evalreport.check.intake import UnitIntake
from evalreport.form.definition import FormDefinition
from evalreport.model.codec import (
    findings_from_records,
    findings_to_records,
    submission_body_from_record,
    submission_from_head,
    submission_from_record,
    submission_to_head,
)
from evalreport.model.finding import Finding
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

__all__ = ["result_to_record", "base_from_record"]


def _findings(items: list[Finding]) -> list[dict[str, Any]] | None:
    return findings_to_records(items) if items else None


def _checked(pair: tuple[list, list], encode) -> tuple:
    return [encode(x) for x in pair[0]], _findings(pair[1])


def result_to_record(result: ConsolidationResult) -> tuple:
    """``result`` as plain values (tuples, lists, dicts, strings, numbers) that
    :func:`base_from_record` turns back into the base an update starts from."""
    return _Encoder().result(result)


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
            head, body = submission_to_head(s)
            one = self.one
            head = tuple(one(x) if isinstance(x, str) else x for x in head[:7]) + (
                None if head[7] is None else head[7][:3] + (one(head[7][3]), head[7][4]),)
            i = self.index[id(s)] = len(self.subs)
            self.subs.append((head, marshal.dumps(body)))
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


def base_from_record(payload: tuple, form: FormDefinition, period: Period, hierarchy: Hierarchy, root: str
            ) -> ConsolidationBase:
    subs_raw, units_raw, completeness_raw, parts_raw = payload
    subs = [submission_from_head(rec[0], _decode_body, rec[1]) if isinstance(rec, tuple)
            else submission_from_record(rec)  # a base written before heads and bodies
            for rec in subs_raw]
    units = {row[0]: UnitTotals(*row) for row in units_raw}
    completeness = {c: Completeness(c, *x[:4], {lv: tuple(v) for lv, v in x[4].items()})
                    for c, x in completeness_raw.items()}
    intake_raw, gaps_raw, gap_findings_raw, members_raw, orgs_raw, tree_raw, changes_raw = parts_raw

    def sub(i: int | None) -> Submission | None:
        return None if i is None else subs[i]

    def checked(pairs: dict, cls) -> dict[str, tuple[list, list]]:  # one pass: a province has ~11,000
        return {u: ([cls(*x) for x in got], findings_from_records(found))
                for u, (got, found) in pairs.items()}

    parts = ConsolidationParts(
        intake={u: UnitIntake(findings_from_records(f), [subs[i] for i in rej], sub(acc), sub(blk))
                for u, (f, rej, acc, blk) in intake_raw.items()},
        gaps={u: [ReconciliationGap(g[0], g[1], g[2], g[3], [tuple(e) for e in g[4]]) for g in gs]
              for u, gs in gaps_raw.items()},
        gap_findings={u: findings_from_records(f) for u, f in gap_findings_raw.items()},
        members=checked(members_raw, QuotaCheck),
        organizations=checked(orgs_raw, QuotaCheck),
        tree=checked({"": tree_raw}, QuotaCheck)[""],
        changes=checked(changes_raw, Change),
    )
    return ConsolidationBase(form, period, hierarchy, root, units, completeness, parts)


def _decode_body(blob: bytes) -> dict[str, Any]:
    return submission_body_from_record(marshal.loads(blob))
