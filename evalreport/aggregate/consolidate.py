"""From a pile of submissions to checked, consolidated results for every unit of a subtree.

The pipeline, in order: the intake of each unit's submissions (:mod:`evalreport.check.intake`: keep
this form, period and branch; the newer file replaces the older; check; errors keep a
submission out of the totals); roll the accepted ones up (:mod:`evalreport.aggregate.rollup`); then
completeness, the quota (:mod:`evalreport.aggregate.quota`) and changes against the previous period
(:mod:`evalreport.aggregate.changes`). Every stage is computed unit by unit and kept in
:class:`ConsolidationParts`, and the lists of the result are assembled from those parts in one
fixed order, so that :func:`evalreport.aggregate.update.update_consolidation` can recompute
only what a few changed files touch and still give exactly this function's result.
Pure: submissions come in as objects, a :class:`ConsolidationResult` goes out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from evalreport.aggregate.changes import compare_unit
from evalreport.aggregate.comparison import Comparisons, PreviousMap
from evalreport.aggregate.expected import not_expected
from evalreport.aggregate.quota import Checked, QuotaPlan
from evalreport.aggregate.rollup import UnitRoller, field_labels
from evalreport.check.intake import IntakeContext, UnitIntake, intake_order, intake_unit
from evalreport.form.definition import FormDefinition
from evalreport.model.finding import Finding, make_finding
from evalreport.model.hierarchy import Hierarchy
from evalreport.model.period import Period, parse_period
from evalreport.model.result import Change, Completeness, ConsolidationResult, ReconciliationGap, UnitTotals
from evalreport.model.submission import Submission
from evalreport.wording.catalog import phrase

__all__ = ["consolidate", "consolidate_reusing_checks", "intake_files", "ConsolidationParts", "assemble", "completeness_by_parent"]

ProgressCallback = Callable[[int, int], None]



class _Ticker:
    """Calls ``progress(done, total)`` about a hundred times over the run, not once per unit."""

    def __init__(self, progress: ProgressCallback | None, total: int):
        self.progress, self.total, self.done = progress, max(total, 1), 0
        self.step = max(1, self.total // 100)

    def __call__(self) -> None:
        self.done += 1
        if self.progress is not None and (self.done % self.step == 0 or self.done == self.total):
            self.progress(min(self.done, self.total), self.total)

    def finish(self) -> None:
        if self.progress is not None:
            self.progress(self.total, self.total)


@dataclass
class ConsolidationParts:
    """Every stage's outcome per unit, from which :func:`assemble` builds the result's lists.

    Units with nothing to say have no entry (a national run has 100,000 of them)."""

    intake: dict[str, UnitIntake] = field(default_factory=dict)  # unit code ("" = unidentified)
    gaps: dict[str, list[ReconciliationGap]] = field(default_factory=dict)
    gap_findings: dict[str, list[Finding]] = field(default_factory=dict)
    members: dict[str, Checked] = field(default_factory=dict)  # the members' quota per unit
    organizations: dict[str, Checked] = field(default_factory=dict)  # the organizations' quota per committee
    tree: Checked = field(default_factory=lambda: ([], []))  # the organizations' quota over the tree
    changes: dict[str, tuple[list[Change], list[Finding]]] = field(default_factory=dict)


def consolidate(form: FormDefinition, period: Period | str, submissions: Iterable[Submission],
                hierarchy: Hierarchy, root: str | None = None, *, previous: ConsolidationResult | None = None,
                params: Mapping[str, float] | None = None,
                progress: ProgressCallback | None = None) -> ConsolidationResult:
    """Check and consolidate ``submissions`` for ``period`` over ``root``'s subtree.

    Never raises on bad input: every problem is a finding in the result. ``params`` override
    the form's parameters (quota, outlier threshold); ``previous`` (the previous period's
    result) enables year-over-year changes and continuity rules; ``progress(done, total)``.
    Public: ``period`` may be text ("2025", "2025-11"), parsed here once.
    """
    return consolidate_reusing_checks(form, parse_period(period), submissions, hierarchy, root, previous=previous,
                                      params=params, known_checks=None, progress=progress)


def consolidate_reusing_checks(form: FormDefinition, period: Period, submissions: Iterable[Submission],
                               hierarchy: Hierarchy, root: str | None = None, *,
                               previous: ConsolidationResult | None = None, params: Mapping[str, float] | None = None,
                               known_checks: Mapping[str, list[Finding]] | None = None,
                               progress: ProgressCallback | None = None) -> ConsolidationResult:
    """:func:`consolidate` for a workspace run. ``known_checks`` (SHA-256 -> findings) are
    :func:`evalreport.check.rules.check` results already made for these files with this form and
    unit list (:func:`evalreport.check.rules.check_context`); they are not made again.
    Internal: not part of the package's public API.
    """
    if params:
        form = form.with_parameters(dict(params))
    hierarchy = hierarchy.at(period)
    root = root or hierarchy.root
    subtree = hierarchy.subtree(root)
    subs = list(submissions)
    tick = _Ticker(progress, len(subs) + len(subtree))
    parts = ConsolidationParts()

    parts.intake = intake_files(form, period, subs, hierarchy, root, previous=previous, known_checks=known_checks,
                                tick=tick)
    accepted, blocked = accepted_blocked(parts, subtree)

    roller = UnitRoller(form, hierarchy)
    units: dict[str, UnitTotals] = {}
    gap_of = _gap_lookup(parts)
    for code in hierarchy.bottom_up(root):
        units[code], gaps = roller.roll(code, units, accepted, blocked, gap_of)
        store_gaps(form, hierarchy, parts, code, gaps, units)
        tick()
    quota = QuotaPlan(form, hierarchy, root)
    before = PreviousMap(hierarchy, previous) if previous is not None else None
    for code in subtree:
        store_unit_checks(form, hierarchy, parts, quota, code, units, accepted, before)
    parts.tree = quota.tree(units[root], root in accepted)
    completeness = completeness_by_parent(hierarchy, root, units, set(blocked), not_expected(form, hierarchy, root))
    tick.finish()
    return assemble(form, period, hierarchy, root, units, completeness, parts, previous, (accepted, blocked),
                    before)


def intake_files(form: FormDefinition, period: Period, submissions: Iterable[Submission], hierarchy: Hierarchy,
                 root: str | None, *, previous: ConsolidationResult | None = None,
                 known_checks: Mapping[str, list[Finding]] | None = None,
                 tick: Callable[[], None] | None = None) -> dict[str, UnitIntake]:
    """Unit code -> which of its files counts in ``period`` and what is found in each, judged over
    the period's tree: the first stage of a run, and all that ``evalreport check`` does, so a
    file is judged the same whichever of them reads it. ``root`` None: every unit of the
    period's tree (``check`` has no branch to keep to)."""
    tree = hierarchy.at(period)
    if root is None:
        ctx = IntakeContext(form, period, tree, "", {u.code for u in tree}, {})
    else:
        ctx = intake_context(form, period, tree, root, previous)
    if known_checks:
        ctx.known_checks = known_checks
    by_unit: dict[str, list[Submission]] = {}
    for s in submissions:
        by_unit.setdefault(s.unit_code or "", []).append(s)
    out: dict[str, UnitIntake] = {}
    for unit, items in by_unit.items():
        out[unit] = intake_unit(ctx, items)
        for _ in items if tick is not None else ():
            tick()
    return out


def intake_context(form: FormDefinition, period: Period, hierarchy: Hierarchy, root: str,
                   previous: ConsolidationResult | None) -> IntakeContext:
    prev_accepted = previous.accepted if previous is not None and previous.period == period.previous() else {}
    return IntakeContext(form, period, hierarchy, root, set(hierarchy.subtree(root)), prev_accepted)


def accepted_blocked(parts: ConsolidationParts, subtree: list[str]) -> tuple[dict[str, Submission],
                                                                             dict[str, Submission]]:
    """Unit -> accepted submission and unit -> blocked submission, both in subtree order."""
    accepted: dict[str, Submission] = {}
    blocked: dict[str, Submission] = {}
    intake = parts.intake
    for code in subtree:
        got = intake.get(code)
        if got is not None:
            if got.accepted is not None:
                accepted[code] = got.accepted
            elif got.blocked is not None:
                blocked[code] = got.blocked
    return accepted, blocked


def _gap_lookup(parts: ConsolidationParts):
    def gap_of(child: str, field_code: str) -> ReconciliationGap | None:
        return next((g for g in parts.gaps.get(child, ()) if g.field == field_code), None)
    return gap_of


def store_gaps(form: FormDefinition, hierarchy: Hierarchy, parts: ConsolidationParts, code: str,
               gaps: list[ReconciliationGap], units: Mapping[str, UnitTotals]) -> None:
    parts.gaps.pop(code, None)
    parts.gap_findings.pop(code, None)
    if gaps:
        parts.gaps[code] = gaps
        parts.gap_findings[code] = [_gap_finding(form, hierarchy, g, units) for g in gaps]


def store_unit_checks(form: FormDefinition, hierarchy: Hierarchy, parts: ConsolidationParts, quota: QuotaPlan,
                      code: str, units: Mapping[str, UnitTotals], accepted: Mapping[str, Submission],
                      before: PreviousMap | None) -> None:
    """The quota and change checks of one unit, stored (or cleared) in ``parts``; ``before``: the
    previous period's units mapped onto this period's (a unit not comparable has no change)."""
    for store, got in ((parts.members, quota.members(code, units[code])),
                       (parts.organizations, quota.organizations(code, accepted.get(code))),
                       (parts.changes, compare_unit(form, hierarchy, units[code], before.totals(code),
                                                    before.previous.period) if before is not None else ([], []))):
        if got[0] or got[1]:
            store[code] = got
        else:
            store.pop(code, None)


def assemble(form: FormDefinition, period: Period, hierarchy: Hierarchy, root: str, units: dict[str, UnitTotals],
             completeness: dict[str, Completeness], parts: ConsolidationParts,
             previous: ConsolidationResult | None,
             accepted_and_blocked: tuple[dict[str, Submission], dict[str, Submission]] | None = None,
             before: PreviousMap | None = None) -> ConsolidationResult:
    """The result's lists from ``parts``, always in the same order: intake findings unit by unit
    (:func:`evalreport.check.intake.intake_order`), reconciliation bottom-up, then quota and changes
    top-down. ``accepted_and_blocked``: :func:`accepted_blocked` of these parts, if the caller
    has it; ``before``: the :class:`PreviousMap` of ``previous``, if the caller has it."""
    if before is None and previous is not None:
        before = PreviousMap(hierarchy, previous)
    subtree = hierarchy.subtree(root)
    index = {c: i for i, c in enumerate(subtree)}
    findings: list[Finding] = []
    rejected: list[Submission] = []
    for key in intake_order(index, parts.intake):
        got = parts.intake[key]
        findings += got.findings
        rejected += got.rejected
    accepted, blocked = accepted_and_blocked or accepted_blocked(parts, subtree)
    bottom_up = [c for c in hierarchy.bottom_up(root) if c in parts.gaps]
    gaps = [g for c in bottom_up for g in parts.gaps[c]]
    findings += [f for c in bottom_up for f in parts.gap_findings[c]]
    quota_parts = [parts.members[c] for c in subtree if c in parts.members]
    quota_parts += [parts.organizations[c] for c in subtree if c in parts.organizations]
    quota_parts.append(parts.tree)
    findings += [f for p in quota_parts for f in p[1]]
    change_parts = [parts.changes[c] for c in subtree if c in parts.changes]
    findings += [f for p in change_parts for f in p[1]]
    return ConsolidationResult(
        form=form, period=period, hierarchy=hierarchy, root=root, units=units, completeness=completeness,
        quota=[q for p in quota_parts for q in p[0]], reconciliation=gaps,
        changes=[c for p in change_parts for c in p[0]], findings=findings, accepted=accepted,
        rejected=rejected, previous=previous, blocked=list(blocked), parts=parts,
        comparisons=Comparisons(before, units, root) if before is not None else {},
    )


def _gap_finding(form: FormDefinition, hierarchy: Hierarchy, gap: ReconciliationGap,
                 units: Mapping[str, UnitTotals]) -> Finding:
    items = []
    for child, _field, value in gap.explained_by:
        base = {"child": child, "child_name": hierarchy.name(child)}
        if units[child].source == "none":
            items.append(phrase("RECON_MISSING_CHILD", **base,
                                value=phrase("RECON_FILE_VALUE", value=value) if value is not None else None))
        else:
            items.append(phrase("RECON_CHILD_GAP", **base, own=value,
                                children_sum=units[child].values.get(gap.field)))
    explanation = phrase("RECON_EXPLAINED_BY", items=items) if items else phrase("RECON_UNEXPLAINED")
    return make_finding("RECONCILIATION", "warning", unit=gap.unit, params={
        "field": gap.field, "unit_name": hierarchy.name(gap.unit), "label": field_labels(form, hierarchy, gap.field),
        "own": gap.own_value, "children_sum": gap.children_sum, "difference": gap.difference,
        "explained_by": [c for c, _, _ in gap.explained_by], "explanation": explanation})


def completeness_by_parent(hierarchy: Hierarchy, root: str, units: Mapping[str, UnitTotals],
                           blocked: set[str], unexpected: frozenset[str] = frozenset()) -> dict[str, Completeness]:
    """Per parent: which direct children are received, and "received/expected" per level below;
    ``unexpected`` units (ceased during the period, see :mod:`.expected`) are in neither count.

    A unit counts as received when it or something below it sent usable data, or when an
    ancestor's own summary (used because nothing below it was sent) covers it.
    """
    subtree = hierarchy.subtree(root)
    covered: dict[str, bool] = {}
    summary_cover: set[str] = set()
    for code in subtree:  # parents before children
        parent = hierarchy.unit(code).parent
        if code != root and parent is not None and (units[parent].source == "own" or parent in summary_cover):
            summary_cover.add(code)
        covered[code] = units[code].source != "none" or code in summary_cover
    per_level: dict[str, dict[str, list[int]]] = {}
    out: dict[str, Completeness] = {}
    for code in reversed(subtree):  # children before parents
        children = [c for c in hierarchy.children(code) if c not in unexpected]
        counts: dict[str, list[int]] = {}
        for c in children:
            level = hierarchy.unit(c).level
            got_exp = counts.setdefault(level, [0, 0])
            got_exp[0] += covered[c]
            got_exp[1] += 1
            for lv, (g, e) in per_level.pop(c, {}).items():
                acc = counts.setdefault(lv, [0, 0])
                acc[0] += g
                acc[1] += e
        per_level[code] = counts
        if children:
            received = [c for c in children if covered[c]]
            out[code] = Completeness(code, children, received, [c for c in children if not covered[c]],
                                     [c for c in children if c in blocked],
                                     {lv: (g, e) for lv, (g, e) in counts.items()})
    return dict(reversed(list(out.items())))
