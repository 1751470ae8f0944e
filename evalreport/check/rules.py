"""Checking one submission against its form definition: the rules, the child-rating table and
whether the file is the one expected (form, unit, period).

Everything comes from the definition: rule checks are its expressions, messages its vi/en
templates, allowed ratings its rating table. A failed rule quotes both sides term by term with
Vietnamese number formatting ("Tổng số đảng viên 120 ≠ 3 + 2 + 1 + 113 = 119") and points at
the cell of the rule's left-hand field, so the officer can go straight to it. Pure: no I/O.
"""

from __future__ import annotations

import ast
import hashlib
from collections import Counter
from collections.abc import Mapping

from evalreport.form.definition import FormDefinition, RuleDef, Text
from evalreport.form.derived import namespace
from evalreport.form.expressions import Expression
from evalreport.model.finding import Finding, make_finding
from evalreport.model.hierarchy import Hierarchy
from evalreport.model.period import Period
from evalreport.model.submission import ChildRating, Submission
from evalreport.wording.catalog import form_rule_key, phrase

__all__ = ["check", "check_context", "check_submission_identity", "check_rules", "check_ratings"]


# -- quoting both sides of a rule ------------------------------------------------------------

def _signed_terms(node: ast.AST, sign: int = 1) -> list[tuple[int, ast.AST]]:
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub)):
        right_sign = sign if isinstance(node.op, ast.Add) else -sign
        return _signed_terms(node.left, sign) + [(right_sign, node.right)]
    return [(sign, node)]


def _term_tokens(node: ast.AST, ns: Mapping) -> list:
    """A product or quotient shows its factors ("0,2 × 36"); anything else its value."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Mult, ast.Div)):
        sym = " × " if isinstance(node.op, ast.Mult) else " : "
        return _term_tokens(node.left, ns) + [sym] + _term_tokens(node.right, ns)
    return [Expression(ast.unparse(node), node).evaluate(ns)]


def quote(expr: Expression, ns: Mapping) -> list:
    """The expression with values in place of names, term by term, as tokens: operators as text,
    values as numbers (None when unknown) that the catalog formats in the reader's language,
    e.g. ``[3, " + ", 2, " + ", 1, " + ", 113]`` for ``3 + 2 + 1 + 113``."""
    tokens: list = []
    for i, (sign, node) in enumerate(_signed_terms(expr.tree)):
        if i == 0:
            tokens += [] if sign > 0 else ["−"]
        else:
            tokens.append(" + " if sign > 0 else " − ")
        tokens += _term_tokens(node, ns)
    return tokens


def _rule_params(form: FormDefinition, rule: RuleDef, ns: Mapping) -> dict:
    """What a form rule's message quotes (its template is the form's, registered in the catalog)."""
    cmp = rule.comparison
    params = [n for n in _names_in_order(cmp.left.tree) + _names_in_order(cmp.right.tree) if n in form.parameters]
    return {"$template": form_rule_key(form.code, form.version, rule.code),
            "left_terms": quote(cmp.left, ns), "right_terms": quote(cmp.right, ns),
            "param_pct": 100 * form.param(params[0]) if params else None}


def _names_in_order(node: ast.AST) -> list[str]:
    """Names as written, left to right (``ast.walk`` is breadth first and would not be)."""
    if isinstance(node, ast.Name):
        return [node.id]
    return [name for child in ast.iter_child_nodes(node) for name in _names_in_order(child)]


# -- the checks ------------------------------------------------------------------------------

def check_submission_identity(form: FormDefinition, submission: Submission, *, hierarchy: Hierarchy | None = None,
                              expected_period: Period | None = None,
                              expected_unit: str | None = None) -> list[Finding]:
    """Is this the file expected: the form, a known unit, the expected unit and period?"""
    where = {"unit": submission.unit_code, "file": submission.file_name}
    out: list[Finding] = []
    if submission.form_code != form.code:
        out.append(make_finding("FORM_MISMATCH", "error", params={"found": submission.form_code,
                                                                   "expected": form.code}, **where))
    if hierarchy is not None:
        out += _unit_of_period(hierarchy, submission, expected_period or submission.period, where)
    if expected_unit is not None and submission.unit_code != expected_unit:
        out.append(make_finding("UNIT_UNEXPECTED", "error",
                                params={"found": submission.unit_code, "expected": expected_unit}, **where))
    period = submission.period
    if period is not None and expected_period is not None and period != expected_period:
        out.append(make_finding("PERIOD_MISMATCH", "error",
                                params={"found": str(period), "expected": str(expected_period)}, **where))
    elif period is not None and submission.form_code == form.code and period.kind not in form.period_types:
        out.append(make_finding("PERIOD_TYPE", "error", params={"found": str(period), "form": form.code,
                                                                 "types": ", ".join(form.period_types)}, **where))
    return out


def _unit_of_period(hierarchy: Hierarchy, submission: Submission, period: Period | None,
                    where: dict) -> list[Finding]:
    """A unit code not in the list, or (a list with validity dates) not existing in the period."""
    code = submission.unit_code
    tree = hierarchy.at(period) if period is not None else hierarchy
    if code in tree:
        return []
    rows = hierarchy.versions(code) if code is not None else []
    if not rows:
        return [make_finding("UNIT_UNKNOWN", "error", params={"found": code}, **where)]
    successors = ", ".join(f"{hierarchy.name(c)} ({c})" for c in hierarchy.successors(code))
    return [make_finding("UNIT_NOT_IN_PERIOD", "error", **where, params={
        "found": code, "name": rows[-1].name, "period": str(period),
        "validity": "; ".join(r.validity.text() for r in rows),
        "successor": phrase("UNIT_SUCCESSOR", successors=successors) if successors else None,
        "successors": hierarchy.successors(code)})]


def check_rules(form: FormDefinition, submission: Submission, *, previous: Submission | None = None) -> list[Finding]:
    """Evaluate the definition's rules; a rule with a missing value is skipped (already reported)."""
    ns = namespace(form, submission.values)
    scopes = ["submission"]
    if previous is not None:
        scopes.append("previous_period")
        prev_ns = namespace(form, previous.values)
        ns.update({f"prev_{k}": v for k, v in prev_ns.items() if k not in form.parameters})
    failed: dict[str, Finding] = {}
    for rule in form.rules:
        if rule.scope not in scopes or rule.comparison.holds(ns) is not False:
            continue
        failed[rule.code] = _rule_finding(form, rule, ns, submission)
    suppressed_by = {r.code: r.suppressed_by for r in form.rules}
    return [f for code, f in failed.items() if not any(other in failed for other in suppressed_by[code])]


def _rule_finding(form: FormDefinition, rule: RuleDef, ns: Mapping, submission: Submission) -> Finding:
    cmp = rule.comparison
    names = _names_in_order(cmp.left.tree) + _names_in_order(cmp.right.tree)
    cell = next((submission.cells[n] for n in names if n in submission.cells), None)
    details = {n: ns.get(n) for n in dict.fromkeys(names)}
    details.update({"left": cmp.left.evaluate(ns), "right": cmp.right.evaluate(ns)}, **_rule_params(form, rule, ns))
    return make_finding(rule.code, rule.severity, params=details,
                        unit=submission.unit_code, file=submission.file_name,
                        sheet=cell.sheet if cell else None, cell=cell.cell if cell else None)


def check_ratings(form: FormDefinition, submission: Submission, *, hierarchy: Hierarchy | None = None) -> list[Finding]:
    """The table of direct children: allowed ratings, TSVM, reasons, duplicates, the right children."""
    org = form.organizations
    if org is None:
        return []
    unit = submission.unit_code
    known_unit = hierarchy is not None and unit in hierarchy
    unit_name = hierarchy.name(unit) if known_unit else (submission.unit_name or unit)
    allowed = ", ".join(r.code for r in org.ratings)
    out: list[Finding] = []

    def add(code: str, severity: str, row: ChildRating, labels: Mapping[str, Text] | None = None, **params) -> None:
        """``labels`` are placeholders whose text differs by language (rating and TSVM labels)."""
        ref = row.cell
        params = {"child": row.code, "child_name": row.name, "unit_name": unit_name, **params,
                  **{k: t.model_dump() for k, t in (labels or {}).items()}}
        out.append(make_finding(code, severity, params=params, unit=unit,
                                file=submission.file_name, sheet=ref.sheet if ref else None,
                                cell=ref.cell if ref else None))

    for row in submission.ratings:
        rating = org.rating(row.rating) if row.rating else None
        if rating is None:
            if row.rating or (row.raw_rating and row.raw_rating.strip()):
                add("RATING_UNKNOWN", "error", row, raw=(row.raw_rating or row.rating or "").strip(), allowed=allowed)
            else:
                add("RATING_BLANK", "error", row, allowed=allowed)
            continue
        if row.tsvm and rating.code not in org.tsvm.allowed_with:
            add("TSVM_NOT_ALLOWED", "error", row, {"tsvm": org.tsvm.label}, rating=rating.code,
                allowed=", ".join(org.tsvm.allowed_with))
        if rating.reason_required and not (row.reason and row.reason.strip()):
            add("RATING_REASON_MISSING", "warning", row, {"rating_label": rating.label})
    counts = Counter(r.code for r in submission.ratings)
    first = {}
    for row in submission.ratings:
        first.setdefault(row.code, row)
    for code, n in counts.items():
        if n > 1:
            add("RATING_DUPLICATE", "error", first[code], count=n)
    if known_unit:
        children = hierarchy.children(unit)
        child_set = set(children)
        for code in children:
            if code not in counts:
                missing = ChildRating(code=code, name=hierarchy.name(code), rating=None)
                add("RATING_CHILD_MISSING", "error", missing)
        for code, row in first.items():
            if code not in child_set:
                add("RATING_NOT_CHILD", "error", row)
    return out


def check(form: FormDefinition, submission: Submission, *, hierarchy: Hierarchy | None = None,
          expected_period: Period | None = None, expected_unit: str | None = None,
          previous: Submission | None = None) -> list[Finding]:
    """All findings for one submission (not including the reader's own, kept on the submission).

    A submission of another form is only reported as such: its values mean nothing here.
    """
    found = check_submission_identity(form, submission, hierarchy=hierarchy, expected_period=expected_period,
                                      expected_unit=expected_unit)
    if submission.form_code != form.code:
        return found
    found += check_rules(form, submission, previous=previous)
    found += check_ratings(form, submission, hierarchy=hierarchy)
    return found


def check_context(form: FormDefinition, hierarchy: Hierarchy | None) -> str:
    """A digest of everything :func:`check` depends on besides the submission and the previous
    period: the form (with its parameters) and the unit list. Findings stored with it (by an
    ingest) can stand in for a new check in the same context."""
    h = hashlib.sha256(form.model_dump_json().encode())
    h.update(b"\0" + (hierarchy.fingerprint() if hierarchy is not None else "").encode())
    return h.hexdigest()
