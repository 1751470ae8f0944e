"""The first half of a consolidation, one unit at a time: which of a unit's submissions counts.

For the submissions carrying one unit code: drop those of another form, period or branch
(each becomes a finding); of several files for the unit, the newer replaces the older (a
finding says so); check the one that remains; errors keep it out of the totals, warnings do
not. Nothing here looks at another unit, which is what lets an update after one corrected file
redo the intake of that unit alone (:mod:`evalreport.aggregate.update`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from evalreport.check.rules import check, check_submission_identity
from evalreport.form.definition import FormDefinition
from evalreport.model.finding import Finding, has_errors, make_finding
from evalreport.model.hierarchy import Hierarchy
from evalreport.model.period import Period
from evalreport.model.submission import Submission

__all__ = ["UnitIntake", "IntakeContext", "intake_unit", "intake_order"]



@dataclass
class UnitIntake:
    """What the intake decided for the submissions of one unit code ("" for files that could
    not be identified at all)."""

    findings: list[Finding] = field(default_factory=list)
    rejected: list[Submission] = field(default_factory=list)  # other form/period/branch, replaced, or with errors
    accepted: Submission | None = None  # in the totals
    blocked: Submission | None = None  # the chosen file, kept out by its errors


@dataclass
class IntakeContext:
    form: FormDefinition
    period: Period
    hierarchy: Hierarchy
    root: str
    in_tree: set[str]
    previous_accepted: Mapping[str, Submission]  # the previous period's accepted submissions
    # SHA-256 -> the findings of check() made for that file in this same form and unit list
    # (evalreport.check.rules.check_context), e.g. by the ingest: reused when no previous period counts.
    known_checks: Mapping[str, list[Finding]] = field(default_factory=dict)


def intake_unit(ctx: IntakeContext, subs: Sequence[Submission]) -> UnitIntake:
    """Decide among the submissions of one unit code (in the order they were given)."""
    out = UnitIntake()
    candidates: list[tuple[int, Submission]] = []
    for i, s in enumerate(subs):
        if not (s.form_code and s.unit_code and s.period) and has_errors(s.findings):
            # The reader could not tell what the file is; its own findings say why.
            out.findings += [_located(f, s) for f in s.findings]
            out.rejected.append(s)
            continue
        wrong = check_submission_identity(ctx.form, s, hierarchy=ctx.hierarchy, expected_period=ctx.period)
        if not wrong and s.unit_code not in ctx.in_tree:
            wrong = [_other_branch(ctx.hierarchy, ctx.root, s)]
        if wrong:
            out.findings += [*wrong, *(_located(f, s) for f in s.findings)]
            out.rejected.append(s)
            continue
        candidates.append((i, s))
    if not candidates:
        return out
    # The newer file (modified time, then the order given) replaces the older.
    candidates.sort(key=lambda t: (_when(t[1]), t[0]))
    chosen = candidates[-1][1]
    for _, old in candidates[:-1]:
        out.rejected.append(old)
        out.findings.append(_replaced(ctx.hierarchy, ctx.period, chosen, old, len(candidates)))
    unit = chosen.unit_code
    own = [_located(f, chosen) for f in chosen.findings]
    previous = ctx.previous_accepted.get(unit)
    known = (ctx.known_checks.get(chosen.provenance.sha256) if previous is None and chosen.provenance is not None
             else None)
    # The identity check above passed for this period, so check() finds exactly what a check
    # without an expected period found in the same context.
    own += list(known) if known is not None else check(ctx.form, chosen, hierarchy=ctx.hierarchy,
                                                       expected_period=ctx.period, previous=previous)
    out.findings += own
    if has_errors(own):
        out.blocked = chosen
        out.rejected.append(chosen)
    else:
        out.accepted = chosen
    return out


def intake_order(subtree_index: Mapping[str, int], keys) -> list[str]:
    """The order results are listed in: units of the subtree top-down, then other unit codes
    alphabetically, then files with no unit code."""
    inside = sorted((k for k in keys if k in subtree_index), key=subtree_index.__getitem__)
    return inside + sorted(k for k in keys if k not in subtree_index and k) + ([""] if "" in keys else [])


def _when(s: Submission) -> float:
    m = s.provenance.modified if s.provenance else None
    return m.timestamp() if m is not None else float("-inf")


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
