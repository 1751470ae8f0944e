"""Monthly forms over time (DV-THANG): continuity between months, roll-up of months into
quarters and years, and admissions year to date against the annual target.

How each field moves through time is data: ``FieldDef.rollup`` says sum (flows such as
admissions), first (opening stocks) or last (closing stocks); a derived field with
``year_to_date: <field>`` accumulates that field from January. The continuity rule is the
form's ``previous_period`` rule (``dau_ky == prev_cuoi_ky``). Pure functions over per-period
value dicts or submissions; :func:`roll_up_results` makes a quarter's or year's consolidation
result from the months' results, which is how a workspace runs DV-THANG for 2025-Q4.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from evalreport.aggregate.consolidate import completeness_by_parent
from evalreport.check.rules import check_rules
from evalreport.form.definition import FormDefinition
from evalreport.form.derived import SharePlan, derive
from evalreport.model.finding import Finding, make_finding
from evalreport.model.hierarchy import Hierarchy
from evalreport.model.period import Period
from evalreport.model.result import ConsolidationResult, UnitTotals
from evalreport.model.submission import Submission
from evalreport.wording.catalog import phrase, text
from evalreport.wording.language import LANGS
from evalreport.wording.numbers import fmt_number, fmt_share

__all__ = ["MonthlyValues", "check_continuity", "roll_up_months", "months_missing", "year_to_date",
           "period_values", "progress_text", "roll_up_results"]

Number = int | float
MonthlyValues = Mapping[Period, Mapping[str, "int | None"]]


def check_continuity(form: FormDefinition, submissions: Iterable[Submission]) -> list[Finding]:
    """For each unit, each month against the month before it (when both were submitted).

    A gap in the series is not checked across: the opening of March cannot be compared with
    the closing of January.
    """
    by_unit: dict[str, dict[Period, Submission]] = {}
    for s in submissions:
        if s.period is not None and s.form_code == form.code:
            by_unit.setdefault(s.unit_code, {})[s.period] = s
    out: list[Finding] = []
    for periods in by_unit.values():
        for period in sorted(periods):
            before = periods.get(period.previous())
            if before is None:
                continue
            current = periods[period]
            out += [f for f in check_rules(form, current, previous=before)
                    if any(r.code == f.rule and r.scope == "previous_period" for r in form.rules)]
    return out


def _months(monthly: MonthlyValues, target: Period, through: Period | None = None) -> list[Period]:
    months = target.months()
    if through is not None:
        months = [m for m in months if m <= through]
    return [m for m in months if m in monthly]


def months_missing(monthly: MonthlyValues, target: Period) -> list[Period]:
    """Months of ``target`` with no values: the roll-up of a quarter or year is then partial."""
    return [m for m in target.months() if m not in monthly]


def roll_up_months(form: FormDefinition, monthly: MonthlyValues, target: Period) -> dict[str, int | None]:
    """The values of a quarter or year from its months, field by field as the definition says.

    ``sum`` adds the months present; ``first`` takes the earliest month present, ``last`` the
    latest. A field no month has is None.
    """
    months = _months(monthly, target)
    out: dict[str, int | None] = {}
    for f in form.fields:
        present = [monthly[m].get(f.code) for m in months if monthly[m].get(f.code) is not None]
        if not present:
            out[f.code] = None
        elif f.rollup == "sum":
            out[f.code] = sum(present)
        elif f.rollup == "first":
            out[f.code] = present[0]
        else:
            out[f.code] = present[-1]
    return out


def year_to_date(form: FormDefinition, monthly: MonthlyValues, through: Period) -> dict[str, int | None]:
    """Every ``year_to_date`` derived field: its source summed from January to ``through``'s end."""
    year = Period(through.year, "year")
    last = through.months()[-1]
    months = _months(monthly, year, last)
    out: dict[str, int | None] = {}
    for d in form.derived:
        if d.year_to_date is None:
            continue
        present = [monthly[m].get(d.year_to_date) for m in months if monthly[m].get(d.year_to_date) is not None]
        out[d.code] = sum(present) if present else None
    return out


def period_values(form: FormDefinition, monthly: MonthlyValues, period: Period
                  ) -> tuple[dict[str, Number | None], dict[str, float | None]]:
    """Values (rolled up, derived, year to date) and shares of one month, quarter or year."""
    values: dict[str, Number | None] = dict(roll_up_months(form, monthly, period))
    values.update(derive(form, values))
    values.update(year_to_date(form, monthly, period))
    shares = SharePlan(form.shares).apply({**form.param_values, **values})
    return values, shares


def progress_text(done: Number | None, target: Number | None, lang: str = "vi") -> str:
    """``342/300, đạt 114%`` (en: ``342/300, 114% achieved``); "–" without a target."""
    if done is None or not target:
        return "–"
    pct = fmt_share(100.0 * done / target, lang, decimals=0)
    ratio = f"{fmt_number(done, lang)}/{fmt_number(target, lang)}"
    return text("PROGRESS", lang, ratio=ratio, pct=pct)


def roll_up_results(period: Period, monthly: Mapping[Period, ConsolidationResult]) -> ConsolidationResult:
    """The result of a quarter or year of a monthly form, rolled up from its months' results.

    ``monthly`` holds a consolidated result for every month of ``period`` and for the earlier
    months of its year that have data (they feed year to date only); all share one form,
    hierarchy and root. Each unit's totals are rolled up from the months it has data for, as the
    form's ``rollup`` declares, so the root's closing stock is its last month's and its flows
    the months' sum. A unit that lacks some month of the period is a finding, and it counts as
    received only with every month; year to date needs every month from January.
    """
    months = period.months()
    last = monthly[months[-1]]
    form, hierarchy, root = last.form, last.hierarchy, last.root
    subtree = hierarchy.subtree(root)
    year_months = [m for m in Period(period.year, "year").months() if m <= months[-1]]
    ytd_codes = [d.code for d in form.derived if d.year_to_date is not None]
    plan = SharePlan(form.shares)
    units: dict[str, UnitTotals] = {}
    gaps: dict[str, list[Period]] = {}
    for code in subtree:
        have = {m: r.units[code] for m, r in monthly.items() if m in year_months and r.units[code].source != "none"}
        values: dict[str, Number | None] = dict(roll_up_months(form, {m: have[m].values for m in have}, period))
        values.update(derive(form, values))
        if all(m in have for m in year_months):
            values.update(year_to_date(form, {m: t.values for m, t in have.items()}, period))
        else:
            values.update(dict.fromkeys(ytd_codes))
        inside = [m for m in months if m in have]
        if inside and len(inside) < len(months):
            gaps[code] = [m for m in months if m not in have]
        units[code] = UnitTotals(
            code, values, plan.apply({**form.param_values, **values}),
            have[inside[-1]].source if inside else "none",
            min(monthly[m].units[code].covered_units for m in months), last.units[code].expected_units,
            _highest(hierarchy, _ordered_union([monthly[m].units[code].missing_units for m in months], subtree)))
    blocked = _ordered_union([monthly[m].blocked for m in months], subtree)
    accepted = {c: s for m in months for c, s in monthly[m].accepted.items()}  # the latest month's file wins
    received = {c: t if c not in gaps else UnitTotals(c, {}, {}, "none") for c, t in units.items()}
    findings = [f for m in months for f in monthly[m].findings]
    findings += _missing_month_findings(hierarchy, root, period, gaps)
    findings += _year_to_date_findings(form, root, year_months, monthly, ytd_codes)
    return ConsolidationResult(
        form=form, period=period, hierarchy=hierarchy, root=root, units=units,
        completeness=completeness_by_parent(hierarchy, root, received, set(blocked)),
        findings=findings, accepted={c: accepted[c] for c in subtree if c in accepted},
        rejected=[s for m in months for s in monthly[m].rejected], blocked=blocked)


def _ordered_union(lists: Iterable[Iterable[str]], order: list[str]) -> list[str]:
    seen = {c for items in lists for c in items}
    return [c for c in order if c in seen]


def _lower_first(label: str) -> str:
    """A label inside a sentence: "Kết nạp lũy kế" -> "kết nạp lũy kế"."""
    return label[:1].lower() + label[1:]


def _highest(hierarchy: Hierarchy, codes: list[str]) -> list[str]:
    """``codes`` without those below another of them: a month with no data at all lists the
    root itself, which then stands for every unit below it that another month lacks."""
    chosen = set(codes)

    def covered(code: str) -> bool:
        parent = hierarchy.unit(code).parent
        while parent is not None:
            if parent in chosen:
                return True
            parent = hierarchy.unit(parent).parent
        return False

    return [c for c in codes if not covered(c)]


def _months_phrase(months: list[Period]) -> dict:
    """Months of one year as the catalog writes them: ``tháng 10, 11 năm 2025`` / ``2025-10, 2025-11``."""
    return phrase("MONTHS", months=[str(m) for m in months])


def _missing_month_findings(hierarchy: Hierarchy, root: str, period: Period, gaps: Mapping[str, list[Period]]) -> list[Finding]:
    """One warning per unit that lacks some month of ``period`` but has others, except a unit
    whose parent lacks the same months (the parent's finding says it)."""
    out = []
    for code, missing in gaps.items():
        parent = hierarchy.unit(code).parent
        if code != root and parent in gaps and set(missing) <= set(gaps[parent]):
            continue
        present = [m for m in period.months() if m not in missing]
        out.append(make_finding("MONTH_MISSING", "warning", unit=code, params={
            "unit": code, "unit_name": hierarchy.name(code), "missing": [str(m) for m in missing],
            "missing_months": _months_phrase(missing), "present": _months_phrase(present), "period": str(period)}))
    return out


def _year_to_date_findings(form: FormDefinition, root: str, year_months: list[Period],
                           monthly: Mapping[Period, ConsolidationResult], ytd_codes: list[str]) -> list[Finding]:
    """An info finding when the root lacks months from January on, so year to date stays empty."""
    missing = [m for m in year_months if m not in monthly or monthly[m].units[root].source == "none"]
    if not missing or not ytd_codes:
        return []
    fields = {lang: ", ".join(_lower_first(form.label(c, lang)) for c in ytd_codes) for lang in LANGS}
    return [make_finding("YEAR_TO_DATE_INCOMPLETE", "info", unit=root, params={
        "fields": fields, "missing": [str(m) for m in missing], "missing_months": _months_phrase(missing)})]
