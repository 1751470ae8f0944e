"""The roles a report reads, as the form definition declares them (``roles:``, see
:mod:`evalreport.form.roles`), with the codes of the shares that go with them.

Nothing is inferred here: the fields come from the ``roles`` section, the shares from the
consolidation result (computed once, in aggregation, under the code the form declares). The
load-time check guarantees that every share asked for below is declared, so a report never
computes one itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from evalreport.form.definition import FormDefinition, OrganizationsDef, RatingDef
from evalreport.form.roles import find_share
from evalreport.model.worded_error import WordedError

__all__ = ["MemberRoles", "OrgRoles", "member_roles", "org_roles", "FormRolesError"]

Shares = Mapping[str, "float | None"]


class FormRolesError(WordedError, ValueError):
    """The form declares no roles for a narrative report (it is not an evaluation form). Worded
    where it is reported (a run's manifest notes), in the workspace's language; still a
    ValueError for callers that only ask whether a form has a report."""


@dataclass(frozen=True)
class MemberRoles:
    total: str
    evaluated: str
    not_evaluated: tuple[str, ...]  # the reasons for total − evaluated, in report order
    ratings: tuple[str, ...]  # best first; the last is "not completed"
    good_or_better: str | None
    not_completed_causes: tuple[str, ...]
    discipline: tuple[str, ...]
    shares: dict[tuple[str, str], str]  # (numerator, denominator) -> share code

    @property
    def not_completed(self) -> str:
        return self.ratings[-1]

    @property
    def excellent(self) -> str:
        return self.ratings[0]

    def share_code(self, numerator: str, denominator: str) -> str | None:
        return self.shares.get((numerator, denominator))

    def share(self, shares: Shares, numerator: str | None, denominator: str) -> float | None:
        """The consolidated share numerator / denominator from a unit's ``shares``."""
        code = self.shares.get((numerator, denominator)) if numerator else None
        return shares.get(code) if code else None


def member_roles(form: FormDefinition) -> MemberRoles:
    """The declared member roles of ``form``; raises :class:`FormRolesError` if it declares none."""
    declared = form.roles.members if form.roles else None
    if declared is None:
        raise FormRolesError("RENDER_NO_MEMBER_ROLES", form=form.code)
    shares = {}
    for _key, num, den in declared.required_shares():
        share = find_share(form.shares, num, den)
        if share is not None:
            shares[(num, den)] = share.code
    return MemberRoles(declared.total, declared.evaluated, tuple(declared.not_evaluated), tuple(declared.ratings),
                       declared.good_or_better, tuple(declared.causes), tuple(declared.discipline), shares)


@dataclass(frozen=True)
class OrgRoles:
    """The same roles for the measures of rated organizations (``tc_<level>_<measure>``)."""

    org: OrganizationsDef
    total: str
    evaluated: str
    not_rated: tuple[RatingDef, ...]
    ratings: tuple[RatingDef, ...]  # rated ones, best first
    good_or_better: str | None
    tsvm: str

    def share_code(self, numerator: str, denominator: str) -> str | None:
        share = find_share(self.org.shares, numerator, denominator)
        return share.code if share else None

    def share(self, shares: Shares, level: str, numerator: str | None, denominator: str) -> float | None:
        """The consolidated share of one level (``ty_le_tc_<level>_<code>``) from a unit's ``shares``."""
        share = find_share(self.org.shares, numerator, denominator) if numerator else None
        return shares.get(self.org.share_code(level, share)) if share else None


def org_roles(form: FormDefinition) -> OrgRoles | None:
    """The organization roles of ``form``, or None when it has no ratings table."""
    org = form.organizations
    if org is None:
        return None
    declared = form.roles.organizations if form.roles else None
    return OrgRoles(org, org.total_measure, org.rated_measure, tuple(r for r in org.ratings if not r.rated),
                    tuple(r for r in org.ratings if r.rated), declared.good_or_better if declared else None,
                    org.tsvm.measure)
