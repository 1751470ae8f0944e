"""From a pile of submissions to checked, consolidated results for every unit of a subtree.

The pipeline, in order: keep only submissions of this form, period and branch (the others are
findings); resolve duplicates (the newer file replaces the older, and a finding says so);
check each remaining submission (errors keep it out of the totals, warnings do not); roll the
accepted ones up (:mod:`evalreport.rollup`); then completeness, the quota
(:mod:`evalreport.quota`) and changes against the previous period (:mod:`evalreport.changes`).
Pure: submissions come in as objects, a :class:`ConsolidationResult` goes out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from .changes import compare_periods
from .definition import FormDefinition
from .findings import Finding, has_errors, make_finding
from .hierarchy import Hierarchy
from .messages import register_messages, render_message
from .periods import Period, parse_period
from .quota import quota_checks
from .result import Completeness, ConsolidationResult, ReconciliationGap, UnitTotals
from .rollup import field_label, roll_up
from .rules import check, check_submission_identity
from .submission import Submission
from .vnformat import fmt_number

__all__ = ["consolidate"]

ProgressCallback = Callable[[int, int], None]

register_messages({
    "UNIT_OTHER_BRANCH": {
        "vi": "Tệp của {unit_name} ({unit}) thuộc nhánh {branch}, không nằm trong {root_name}; không tổng hợp vào đây",
        "en": "The file of {unit_name} ({unit}) belongs to {branch}, outside {root_name}; it is not consolidated here",
    },
    "SUBMISSION_REPLACED": {
        "vi": "{unit_name} gửi {count} tệp cho kỳ {period}: dùng tệp mới hơn '{new_file}', thay cho tệp '{old_file}'",
        "en": "{unit_name} sent {count} files for period {period}: the newer '{new_file}' replaces '{old_file}'",
    },
    "RECONCILIATION": {
        "vi": "{unit_name} tự báo cáo \"{label}\" là {own}, nhưng cộng từ các đơn vị trực thuộc được {children_sum} (chênh {difference}); {explanation}",
        "en": "{unit_name} reports \"{label}\" as {own}, but its subordinate units add up to {children_sum} (difference {difference}); {explanation}",
    },
    "RECON_MISSING_CHILD": {
        "vi": "{child_name} ({child}) chưa có số liệu hợp lệ{value}",
        "en": "{child_name} ({child}) has no usable data{value}",
    },
    "RECON_CHILD_GAP": {
        "vi": "{child_name} ({child}) tự báo cáo {own} nhưng cấp dưới của đơn vị này cộng lại {children_sum}",
        "en": "{child_name} ({child}) reports {own} but its own subordinate units add up to {children_sum}",
    },
    "RECON_EXPLAINED_BY": {"vi": "chênh lệch do: {items}", "en": "explained by: {items}"},
    "RECON_UNEXPLAINED": {
        "vi": "các đơn vị trực thuộc đều đã có số liệu, đề nghị rà soát lại số tự báo cáo",
        "en": "every subordinate unit has sent data; please review the reported figure",
    },
    "RECON_FILE_VALUE": {"vi": " (tệp bị lỗi ghi {value})", "en": " (its file with errors says {value})"},
})


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


def _when(s: Submission) -> float:
    m = s.provenance.modified if s.provenance else None
    return m.timestamp() if m is not None else float("-inf")


def consolidate(form: FormDefinition, period: Period | str, submissions: Iterable[Submission],
                hierarchy: Hierarchy, root: str | None = None, *, previous: ConsolidationResult | None = None,
                params: Mapping[str, float] | None = None,
                progress: ProgressCallback | None = None) -> ConsolidationResult:
    """Check and consolidate ``submissions`` for ``period`` over ``root``'s subtree.

    Never raises on bad input: every problem is a finding in the result. ``params`` override
    the form's parameters (quota, outlier threshold); ``previous`` (the previous period's
    result) enables year-over-year changes and continuity rules.
    """
    if params:
        form = form.with_parameters(dict(params))
    period = parse_period(period)
    root = root or hierarchy.root
    subtree = hierarchy.subtree(root)
    in_tree = set(subtree)
    subs = list(submissions)
    tick = _Ticker(progress, len(subs) + len(subtree))
    findings: list[Finding] = []
    rejected: list[Submission] = []

    # 1. Keep this form, period and branch.
    by_unit: dict[str, list[tuple[int, Submission]]] = {}
    for i, s in enumerate(subs):
        if not (s.form_code and s.unit_code and s.period) and has_errors(s.findings):
            # The reader could not tell what the file is; its own findings say why.
            findings += [_located(f, s) for f in s.findings]
            rejected.append(s)
            tick()
            continue
        wrong = check_submission_identity(form, s, hierarchy=hierarchy, expected_period=period)
        if not wrong and s.unit_code not in in_tree:
            wrong = [_other_branch(hierarchy, root, s)]
        if wrong:
            findings += [*wrong, *(_located(f, s) for f in s.findings)]
            rejected.append(s)
            tick()
            continue
        by_unit.setdefault(s.unit_code, []).append((i, s))

    # 2. Duplicates: the newer file (modified time, then order given) replaces the older.
    chosen: dict[str, Submission] = {}
    for unit, items in by_unit.items():
        items.sort(key=lambda t: (_when(t[1]), t[0]))
        newest = items[-1][1]
        chosen[unit] = newest
        for _, old in items[:-1]:
            rejected.append(old)
            tick()
            findings.append(_replaced(hierarchy, period, newest, old, len(items)))

    # 3. Check; errors keep a submission out of the totals.
    prev_accepted = previous.accepted if previous is not None and previous.period == period.previous() else {}
    accepted: dict[str, Submission] = {}
    blocked: dict[str, Submission] = {}
    order = {c: i for i, c in enumerate(subtree)}
    for unit in sorted(chosen, key=order.__getitem__):
        s = chosen[unit]
        own = [_located(f, s) for f in s.findings]
        own += check(form, s, hierarchy=hierarchy, expected_period=period, previous=prev_accepted.get(unit))
        findings += own
        if has_errors(own):
            blocked[unit] = s
            rejected.append(s)
        else:
            accepted[unit] = s
        tick()

    # 4. Roll up, then everything measured on the totals.
    rolled = roll_up(form, hierarchy, root, accepted, blocked, tick=tick)
    findings += [_gap_finding(form, hierarchy, g, rolled.units) for g in rolled.gaps]
    completeness = _completeness(hierarchy, root, rolled.units, set(blocked))
    quotas, quota_findings = quota_checks(form, hierarchy, root, rolled.units, accepted)
    findings += quota_findings
    changes = []
    if previous is not None:
        changes, change_findings = compare_periods(form, hierarchy, root, rolled.units, previous.units,
                                                   previous.period)
        findings += change_findings
    tick.finish()
    return ConsolidationResult(
        form=form, period=period, hierarchy=hierarchy, root=root, units=rolled.units, completeness=completeness,
        quota=quotas, reconciliation=rolled.gaps, changes=changes, findings=findings, accepted=accepted,
        rejected=rejected, previous=previous, blocked=list(blocked),
    )


def _located(f: Finding, s: Submission) -> Finding:
    return f.with_context(unit=s.unit_code, file=s.file_name)


def _other_branch(hierarchy: Hierarchy, root: str, s: Submission) -> Finding:
    path = hierarchy.path(s.unit_code)
    branch = path[1] if len(path) > 1 and path[0] != root else path[0]
    return make_finding("UNIT_OTHER_BRANCH", "error", unit=s.unit_code, file=s.file_name,
                        params={"unit": s.unit_code, "unit_name": hierarchy.name(s.unit_code),
                                "branch": hierarchy.name(branch), "root_name": hierarchy.name(root)})


def _replaced(hierarchy: Hierarchy, period: Period, new: Submission, old: Submission, count: int) -> Finding:
    declared = old.provenance is not None and new.replaces == old.provenance.sha256
    return make_finding("SUBMISSION_REPLACED", "info" if declared else "warning", unit=new.unit_code,
                        file=old.file_name,
                        params={"unit_name": hierarchy.name(new.unit_code), "count": count, "period": str(period),
                                "new_file": new.file_name or "", "old_file": old.file_name or ""})


def _gap_finding(form: FormDefinition, hierarchy: Hierarchy, gap: ReconciliationGap,
                 units: Mapping[str, UnitTotals]) -> Finding:
    messages = {}
    for lang in ("vi", "en"):
        items = []
        for child, _field, value in gap.explained_by:
            base = {"child": child, "child_name": hierarchy.name(child)}
            if units[child].source == "none":
                extra = render_message("RECON_FILE_VALUE", {"value": fmt_number(value, lang)})[lang] if value is not None else ""
                items.append(render_message("RECON_MISSING_CHILD", {**base, "value": extra})[lang])
            else:
                items.append(render_message("RECON_CHILD_GAP", {
                    **base, "own": fmt_number(value, lang),
                    "children_sum": fmt_number(units[child].values.get(gap.field), lang)})[lang])
        explanation = (render_message("RECON_EXPLAINED_BY", {"items": "; ".join(items)})[lang] if items
                       else render_message("RECON_UNEXPLAINED", {})[lang])
        messages[lang] = render_message("RECONCILIATION", {
            "unit_name": hierarchy.name(gap.unit), "label": field_label(form, hierarchy, gap.field, lang),
            "own": fmt_number(gap.own_value, lang), "children_sum": fmt_number(gap.children_sum, lang),
            "difference": fmt_number(gap.difference, lang), "explanation": explanation})[lang]
    return make_finding("RECONCILIATION", "warning", messages=messages, unit=gap.unit,
                        params={"field": gap.field, "own": gap.own_value, "children_sum": gap.children_sum,
                                "explained_by": [c for c, _, _ in gap.explained_by]})


def _completeness(hierarchy: Hierarchy, root: str, units: Mapping[str, UnitTotals],
                  blocked: set[str]) -> dict[str, Completeness]:
    """Per parent: which direct children are received, and "received/expected" per level below.

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
        children = hierarchy.children(code)
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
