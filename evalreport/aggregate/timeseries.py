"""Monthly forms over time (DV-THANG): continuity between months, roll-up of months into
quarters and years, and admissions year to date against the annual target.

How each field moves through time is data: ``FieldDef.rollup`` says sum (flows such as
admissions), first (opening stocks) or last (closing stocks); a derived field with
``year_to_date: <field>`` accumulates that field from January. The continuity rule is the
form's ``previous_period`` rule (``dau_ky == prev_cuoi_ky``). Pure functions over per-period
value dicts or submissions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from evalreport.check.rules import check_rules
from evalreport.form.definition import FormDefinition
from evalreport.form.derived import SharePlan, derive
from evalreport.model.finding import Finding
from evalreport.model.period import Period
from evalreport.model.submission import Submission
from evalreport.wording.numbers import fmt_number, fmt_share

__all__ = ["MonthlyValues", "check_continuity", "roll_up_months", "months_missing", "year_to_date",
           "period_values", "progress_text"]

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
    return f"{ratio}, đạt {pct}" if lang != "en" else f"{ratio}, {pct} achieved"
