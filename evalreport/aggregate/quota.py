"""The HTXSNV quota: the number rated excellent must not exceed a share (a parameter, 20% under
Regulations 132 and 124) of those rated good or better.

It is checked where the rating is decided, per rating committee (each parent on its own
ratings table, and each unit's members), and for the whole tree. Which counts and which
parameter are data: organizations take ``organizations.quota``; members take the form's rule
that compares a count with that same parameter times another count
(``dv_htxsnv <= quota_htxsnv * dv_httnv_tro_len``).
"""

from __future__ import annotations

from collections.abc import Mapping

from evalreport.aggregate.rollup import org_namespace, rating_counts
from evalreport.form.definition import FormDefinition, RuleDef, Text
from evalreport.model.finding import Finding, make_finding
from evalreport.model.hierarchy import Hierarchy
from evalreport.model.result import QuotaCheck, UnitTotals
from evalreport.model.submission import Submission

__all__ = ["QuotaPlan", "member_quota_rule", "quota_checks"]



def member_quota_rule(form: FormDefinition) -> RuleDef | None:
    """The rule ``count <= parameter * count`` using the organizations' quota parameter."""
    if form.organizations is None or form.organizations.quota is None:
        return None
    param = form.organizations.quota.parameter
    return next((r for r in form.iter_rules() if r.comparison.op == "<=" and param in r.comparison.right.names), None)


def _measure_label(form: FormDefinition, measure: str) -> Text:
    org = form.organizations
    return Text(vi=org.measure_label(measure, "vi"), en=org.measure_label(measure, "en"))


def _field_label(form: FormDefinition, names) -> Text:
    codes = [n for n in names if n not in form.parameters]
    return Text(vi=", ".join(form.label(c, "vi") for c in codes), en=", ".join(form.label(c, "en") for c in codes))


def _finding(code: str, check: QuotaCheck, unit_name: str, labels: Mapping[str, Text]) -> Finding:
    params = {"numerator": check.numerator, "denominator": check.denominator, "unit_name": unit_name,
              "ratio": check.ratio, "limit": check.limit, "limit_pct": 100 * check.limit,
              **{k: t.model_dump() for k, t in labels.items()}}
    return make_finding(code, "warning", params=params, unit=check.committee)


Checked = tuple[list[QuotaCheck], list[Finding]]


class QuotaPlan:
    """The quota checks of one form over one hierarchy, unit by unit, so that an update after a
    few changed files recomputes only the units whose totals changed."""

    def __init__(self, form: FormDefinition, hierarchy: Hierarchy, root: str):
        self.form, self.hierarchy, self.root = form, hierarchy, root
        self.rule = member_quota_rule(form)
        self.org = form.organizations
        if self.rule is not None:
            self.member_param = self.org.quota.parameter
            self.member_labels = {"num_label": _field_label(form, self.rule.comparison.left.names),
                                  "den_label": _field_label(form, self.rule.comparison.right.names)}
        self.q = self.org.quota if self.org is not None else None
        if self.q is not None:
            self.org_labels = {"num_label": _measure_label(form, self.q.numerator),
                               "den_label": _measure_label(form, self.q.denominator)}

    def _level_text(self, level: str) -> Text:
        return self.hierarchy.levels.get(level).plural

    def _level_of(self, code: str) -> str | None:
        u = self.hierarchy.get(code)
        return u.level if u else None

    def members(self, code: str, t: UnitTotals) -> Checked:
        """The members' quota on one unit's totals (for the root also as the whole tree's)."""
        checks: list[QuotaCheck] = []
        findings: list[Finding] = []
        rule = self.rule
        if rule is None or t.source == "none":
            return checks, findings
        param = self.member_param
        ns = {**self.form.param_values, **t.values}  # the totals already hold the derived fields
        num = rule.comparison.left.evaluate(ns)
        den = rule.comparison.right.evaluate({**ns, param: 1})
        if num is None or den is None:
            return checks, findings
        for committee in ([code, None] if code == self.root else [code]):
            qc = QuotaCheck("members", committee, int(num), int(den), self.form.param(param))
            checks.append(qc)
            if not qc.ok and committee is not None and t.source == "children":
                findings.append(_finding("QUOTA_MEMBERS", qc, self.hierarchy.name(code), self.member_labels))
        return checks, findings

    def organizations(self, code: str, sub: Submission | None) -> Checked:
        """The organizations' quota on the ratings table a committee decided."""
        checks: list[QuotaCheck] = []
        findings: list[Finding] = []
        q, org = self.q, self.org
        if q is None or sub is None or not sub.ratings:
            return checks, findings
        for level, counts in rating_counts(org, sub.ratings, self._level_of).items():
            ns = org_namespace(org, counts)
            qc = QuotaCheck("organizations", code, int(ns[q.numerator] or 0), int(ns[q.denominator] or 0),
                            self.form.param(q.parameter), level)
            checks.append(qc)
            if not qc.ok:
                findings.append(_finding("QUOTA_ORGANIZATIONS", qc, self.hierarchy.name(code),
                                         {**self.org_labels, "level": self._level_text(level)}))
        return checks, findings

    def tree(self, root_totals: UnitTotals, root_accepted: bool) -> Checked:
        """The organizations' quota over the whole tree, from the root's ``tc_*`` counts."""
        checks: list[QuotaCheck] = []
        findings: list[Finding] = []
        q, org, h, root = self.q, self.org, self.hierarchy, self.root
        if q is None:
            return checks, findings
        # The level the root rates itself is already its committee check; the tree adds the rest.
        root_rates = {h.unit(c).level for c in h.children(root)} if root_accepted else set()
        for level in h.levels.below(h.unit(root).level):
            num = root_totals.values.get(org.field_code(level, q.numerator))
            den = root_totals.values.get(org.field_code(level, q.denominator))
            if num is None or den is None:
                continue
            qc = QuotaCheck("organizations", None, int(num), int(den), self.form.param(q.parameter), level)
            checks.append(qc)
            if not qc.ok and level not in root_rates:
                f = _finding("QUOTA_ORGANIZATIONS_TREE", qc, h.name(root),
                             {**self.org_labels, "level": self._level_text(level)})
                findings.append(f.with_context(unit=root))
        return checks, findings


def quota_checks(form: FormDefinition, hierarchy: Hierarchy, root: str, units: Mapping[str, UnitTotals],
                 accepted: Mapping[str, Submission]) -> tuple[list[QuotaCheck], list[Finding]]:
    """Quota checks per committee and for the whole tree, with a warning for each one exceeded.

    Members of a unit whose totals come straight from its own submission were already warned
    about by the rule itself, so only summed totals get a finding here.
    """
    plan = QuotaPlan(form, hierarchy, root)
    subtree = hierarchy.subtree(root)
    parts = [plan.members(c, units[c]) for c in subtree]
    parts += [plan.organizations(c, accepted.get(c)) for c in subtree]
    parts.append(plan.tree(units[root], root in accepted))
    return [c for p in parts for c in p[0]], [f for p in parts for f in p[1]]
