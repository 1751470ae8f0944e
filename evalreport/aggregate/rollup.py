"""Rolling accepted submissions up the hierarchy into totals and shares for every unit.

One bottom-up pass with plain dicts (O(units × fields)), fast enough for a national run of
100,000 cells. The rules of the roll-up:

* a unit with data below it gets the sum of its children's totals ("children");
* a non-leaf unit whose descendants sent nothing but which sent its own workbook uses its own
  values ("own"): a province receiving only district summaries still adds up;
* when both exist the children's sum wins and each field that differs becomes a
  :class:`ReconciliationGap` naming the child(ren) that explain it;
* organization counts ``tc_<level>_<measure>`` = the unit's own ratings table counted by the
  level of the rated child + the children's ``tc_*`` (a summary-only child brings the ``tc_*``
  rows its summary carries);
* derived fields and shares are recomputed from the totals, never summed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from evalreport.form.definition import FormDefinition, OrganizationsDef
from evalreport.form.derived import SharePlan, derive
from evalreport.model.hierarchy import Hierarchy
from evalreport.model.result import ReconciliationGap, UnitTotals
from evalreport.model.submission import ChildRating, Submission
from evalreport.wording.language import LANGS

__all__ = ["Rollup", "UnitRoller", "roll_up", "rating_counts", "org_namespace", "field_label", "field_labels",
           "add_into"]

Values = dict[str, "int | float | None"]


@dataclass
class Rollup:
    units: dict[str, UnitTotals]
    gaps: list[ReconciliationGap] = field(default_factory=list)


def add_into(acc: dict, values: Mapping, keys) -> None:
    """Add ``values`` into ``acc`` key by key; a missing value adds nothing (None + None is None)."""
    for k in keys:
        v = values.get(k)
        if v is not None:
            a = acc.get(k)
            acc[k] = v if a is None else a + v


def rating_counts(org: OrganizationsDef, ratings: list[ChildRating], level_of) -> dict[str, dict[str, int]]:
    """Counts per level of the rated child and per measure, from one unit's ratings table.

    Rows with an unknown rating or an unknown child are not counted (they are errors already).
    """
    out: dict[str, dict[str, int]] = {}
    for row in ratings:
        rating = org.rating(row.rating) if row.rating else None
        level = level_of(row.code)
        if rating is None or level is None:
            continue
        counts = out.setdefault(level, dict.fromkeys(org.measures, 0))
        counts[org.total_measure] += 1
        counts[rating.measure] += 1
        if rating.rated:
            counts[org.rated_measure] += 1
        if row.tsvm and rating.code in org.tsvm.allowed_with:
            counts[org.tsvm.measure] += 1
    return out


def org_namespace(org: OrganizationsDef, counts: Mapping[str, int | None]) -> dict[str, int | float | None]:
    """Measures plus the organization-derived measures (e.g. httnv_tro_len)."""
    ns: dict[str, int | float | None] = dict(counts)
    for d in org.derived:
        ns[d.measure] = d.expression.evaluate(ns)
    return ns


class UnitRoller:
    """Rolls one unit up from its children's totals: the body of :func:`roll_up`, kept as its own
    object so that an update after a few changed files (:mod:`evalreport.aggregate.update`)
    recomputes only the changed units and their ancestors, with exactly the same arithmetic."""

    def __init__(self, form: FormDefinition, hierarchy: Hierarchy):
        self.form, self.hierarchy = form, hierarchy
        self.org = form.organizations
        self.fields = form.field_codes
        self.params = form.param_values
        self.below: dict[str, list[str]] = {}
        self.member_shares = SharePlan(form.shares)
        self.level_shares: dict[str, SharePlan] = {}
        # Units that ceased during the period and need not send this form (evalreport.aggregate.expected).
        self.ended_optional = form.expected != "during" and hierarchy.dated

    def level_of(self, code: str) -> str | None:
        u = self.hierarchy.get(code)
        return u.level if u else None

    def roll(self, code: str, units: Mapping[str, UnitTotals], accepted: Mapping[str, Submission],
             rejected: Mapping[str, Submission], gap_of) -> tuple[UnitTotals, list[ReconciliationGap]]:
        """Totals of ``code`` (its children must be in ``units``) and its reconciliation gaps;
        ``gap_of(child, field)`` returns a child's gap on a field, if any."""
        org, fields, hierarchy = self.org, self.fields, self.hierarchy
        unit = hierarchy.unit(code)
        children = hierarchy.children(code)
        with_data = [c for c in children if units[c].source != "none"]
        sub = accepted.get(code)
        if with_data:
            source = "children"
            values: Values = dict.fromkeys(fields)
            for c in with_data:
                add_into(values, units[c].values, fields)
        elif sub is not None:
            source = "own"
            values = {f: sub.values.get(f) for f in fields}
        else:
            source = "none"
            values = dict.fromkeys(fields)

        tc_keys: list[str] = []
        levels: list[str] = []
        if org is not None:
            levels = self.below.get(unit.level) or self.below.setdefault(unit.level, hierarchy.levels.below(unit.level))
            tc_keys = [org.field_code(lv, m) for lv in levels for m in org.measures]
            values.update(_org_counts(org, tc_keys, source, sub, [units[c].values for c in with_data], self.level_of))
            for lv in levels:
                ns = {m: values.get(org.field_code(lv, m)) for m in org.measures}
                for d in org.derived:
                    ns[d.measure] = values[org.field_code(lv, d.measure)] = d.expression.evaluate(ns)

        gaps: list[ReconciliationGap] = []
        if sub is not None and with_data:
            for f in [*fields, *(k for k in tc_keys if k in sub.values)]:
                own_v, sum_v = sub.values.get(f), values.get(f)
                if own_v is not None and own_v != (sum_v or 0):
                    gaps.append(ReconciliationGap(code, f, own_v, sum_v, _explain(f, children, units, gap_of, rejected)))

        values.update(derive(self.form, values))
        shares = self.member_shares.apply({**self.params, **values})
        for lv in levels:
            plan = self.level_shares.get(lv)
            if plan is None:
                plan = self.level_shares[lv] = SharePlan(org.shares, code_of=lambda s, lv=lv: org.share_code(lv, s))
            plan.apply({m: values.get(org.field_code(lv, m)) for m in org.all_measures}, shares)

        optional = self.ended_optional and source == "none" and hierarchy.ended(code)
        expected = sum(units[c].expected_units for c in children) if children else int(not optional)
        if source == "own":
            covered, missing = expected, []
        elif source == "children":
            covered = sum(units[c].covered_units for c in with_data)
            missing = [m for c in children for m in units[c].missing_units]
        else:
            covered, missing = 0, [] if optional else [code]
        return UnitTotals(code, values, shares, source, covered, expected, missing), gaps


def roll_up(form: FormDefinition, hierarchy: Hierarchy, root: str, accepted: Mapping[str, Submission],
            rejected: Mapping[str, Submission] | None = None, tick=None) -> Rollup:
    """Totals, shares and coverage for every unit of ``root``'s subtree.

    ``rejected`` (unit -> a submission kept out by errors) only serves to explain gaps: a
    parent's own total often includes the number its child sent in a file that had errors.
    """
    rejected = rejected or {}
    roller = UnitRoller(form, hierarchy)
    units: dict[str, UnitTotals] = {}
    gaps: list[ReconciliationGap] = []
    gap_index: dict[tuple[str, str], ReconciliationGap] = {}
    for code in hierarchy.bottom_up(root):
        units[code], own_gaps = roller.roll(code, units, accepted, rejected, lambda c, f: gap_index.get((c, f)))
        for gap in own_gaps:
            gaps.append(gap)
            gap_index[(code, gap.field)] = gap
        if tick is not None:
            tick()
    return Rollup(units, gaps)


def _org_counts(org: OrganizationsDef, keys: list[str], source: str, sub: Submission | None,
                children_values: list[Mapping], level_of) -> Values:
    if source == "none":
        return dict.fromkeys(keys)
    if source == "own" and sub is not None and any(k in sub.values for k in keys):
        # A summary written by evalreport: its tc_* rows carry the levels deeper than its children;
        # its own ratings (the children's level) travel in its ratings table.
        own: Values = {k: sub.values.get(k) for k in keys}
        for level, counts in rating_counts(org, sub.ratings, level_of).items():
            for m, n in counts.items():
                if own.get(org.field_code(level, m)) is None:
                    own[org.field_code(level, m)] = n
        return own
    out: Values = dict.fromkeys(keys)
    if sub is not None:
        for level, counts in rating_counts(org, sub.ratings, level_of).items():
            for m, n in counts.items():
                out[org.field_code(level, m)] = n
    for cv in children_values:
        add_into(out, cv, keys)
    return out


def _explain(f: str, children: list[str], units: Mapping[str, UnitTotals], gap_of,
             rejected: Mapping[str, Submission]) -> list[tuple[str, str, int | None]]:
    """Children that explain a gap on ``f``: those with no usable data, and those whose own
    summary of ``f`` already differs from their own children's sum."""
    out: list[tuple[str, str, int | None]] = []
    for c in children:
        if units[c].source == "none":
            out.append((c, f, rejected[c].values.get(f) if c in rejected else None))
        elif (gap := gap_of(c, f)) is not None:
            out.append((c, f, gap.own_value))
    return out


def field_labels(form: FormDefinition, hierarchy: Hierarchy, code: str) -> dict[str, str]:
    """The label of ``code`` in both languages, for a finding to quote in either."""
    return {lang: field_label(form, hierarchy, code, lang) for lang in LANGS}


def field_label(form: FormDefinition, hierarchy: Hierarchy, code: str, lang: str = "vi") -> str:
    """Label of a field, derived field, share or ``tc_<level>_<measure>`` count."""
    org = form.organizations
    if org is not None and code.startswith("tc_"):
        for level in hierarchy.levels.levels:
            prefix = f"tc_{level.key}_"
            measure = code[len(prefix):]
            if code.startswith(prefix) and measure in org.all_measures:
                return f"{level.plural.get(lang)}: {org.measure_label(measure, lang)}"
    return form.label(code, lang)
