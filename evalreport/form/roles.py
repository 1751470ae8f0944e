"""The ``roles:`` section of a form definition: which field plays which part in a report.

A report sentence needs to know which field is "the total", which are "the ratings" (best
first), which are "the reasons some members were not rated", and so on. These roles used to be
guessed from the order and indentation of the fields; a revised form that moved or renamed a
field then rendered the wrong numbers without any error. They are now declared, checked at load
time like every other cross-reference, and the renderers only read them.

Every share a report prints for a role (the evaluated over the total, each rating over the
evaluated, ...) must be declared in the form's ``shares`` so that aggregation computes it once;
a role without its share is a load error, not a share quietly recomputed while rendering.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

if TYPE_CHECKING:  # pragma: no cover
    from evalreport.form.definition import FormDefinition, OrganizationsDef, ShareDef

__all__ = ["MemberRolesDef", "OrganizationRolesDef", "MovementRolesDef", "RolesDef", "find_share", "check_roles"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class MemberRolesDef(_Model):
    """Members of an evaluation form (DG-NAM)."""

    total: str  # everyone on the roll
    evaluated: str  # those rated
    not_evaluated: list[str] = Field(default_factory=list)  # the reasons total − evaluated, as listed
    ratings: list[str] = Field(min_length=1)  # best first; the last is "not completed"
    good_or_better: str | None = None  # a derived sum of the best ratings
    causes: list[str] = Field(default_factory=list)  # the "of which" parts of the last rating
    discipline: list[str] = Field(default_factory=list)  # the kinds of discipline

    @property
    def excellent(self) -> str:
        return self.ratings[0]

    @property
    def not_completed(self) -> str:
        return self.ratings[-1]

    def required_shares(self) -> list[tuple[str, str, str]]:
        """(role key, numerator, denominator) of every share the reports print for these roles."""
        out = [("evaluated", self.evaluated, self.total)]
        out += [("not_evaluated", c, self.total) for c in self.not_evaluated]
        out += [("ratings", c, self.evaluated) for c in self.ratings]
        if self.good_or_better:
            out += [("good_or_better", self.good_or_better, self.evaluated),
                    ("good_or_better", self.excellent, self.good_or_better)]
        return out


class OrganizationRolesDef(_Model):
    """Rated organizations. Their total, rated and exemplary measures and their ratings (best
    first, ``rated: false`` for "not rated") are already declared in ``organizations:``; only
    the derived "good or better" measure is named here."""

    good_or_better: str | None = None


class MovementRolesDef(_Model):
    """Membership movement (DV-THANG): stocks at both ends, the flows between them, the target."""

    opening: str
    closing: str
    flows: list[str] = Field(min_length=1)
    target: str | None = None


class RolesDef(_Model):
    members: MemberRolesDef | None = None
    organizations: OrganizationRolesDef | None = None
    movement: MovementRolesDef | None = None


def find_share(shares: Iterable[ShareDef], numerator: str, denominator: str) -> ShareDef | None:
    """The declared share whose numerator and denominator are exactly these two names."""
    return next((s for s in shares if s.numerator.strip() == numerator and s.denominator.strip() == denominator),
                None)


def check_roles(form: FormDefinition, known: set[str], problems: list[str]) -> None:
    """Append a problem, naming the ``roles`` key, for every role that names an unknown field or
    lacks the share the reports print for it."""
    roles = form.roles
    if roles is None:
        return
    if roles.members is not None:
        m = roles.members
        for key in ("total", "evaluated", "not_evaluated", "ratings", "good_or_better", "causes", "discipline"):
            _known(f"roles.members.{key}", getattr(m, key), known, problems)
        _shares("roles.members", m.required_shares(), form.shares, known, problems)
    if roles.organizations is not None:
        _check_organizations(form.organizations, roles.organizations, problems)
    if roles.movement is not None:
        kinds = {f.code: f.kind for f in form.fields}
        mv = roles.movement
        for key, want in (("opening", "stock"), ("closing", "stock"), ("flows", "flow"), ("target", None)):
            for code in _codes(getattr(mv, key)):
                if code not in kinds:
                    problems.append(f"roles.movement.{key}: unknown field '{code}'")
                elif want and kinds[code] != want:
                    problems.append(f"roles.movement.{key}: field '{code}' is a {kinds[code]}, not a {want}")


def _check_organizations(org: OrganizationsDef | None, roles: OrganizationRolesDef, problems: list[str]) -> None:
    if org is None:
        problems.append("roles.organizations: the form has no 'organizations' table")
        return
    good = roles.good_or_better
    if good is not None and good not in org.all_measures:
        problems.append(f"roles.organizations.good_or_better: unknown measure '{good}'")
        return
    rated = [r.measure for r in org.ratings if r.rated]
    needed = [("evaluated", org.rated_measure, org.total_measure)]
    needed += [("ratings", m, org.rated_measure) for m in rated]
    if good and rated:
        needed += [("good_or_better", good, org.rated_measure), ("good_or_better", rated[0], good)]
    _shares("roles.organizations", needed, org.shares, set(org.all_measures), problems, "organizations.shares")


def _codes(value: str | Sequence[str] | None) -> list[str]:
    return [] if value is None else [value] if isinstance(value, str) else list(value)


def _known(where: str, value: str | Sequence[str] | None, known: set[str], problems: list[str]) -> None:
    for code in _codes(value):
        if code not in known:
            problems.append(f"{where}: unknown field '{code}'")


def _shares(where: str, needed: list[tuple[str, str, str]], shares: Sequence[ShareDef], known: set[str],
            problems: list[str], section: str = "shares") -> None:
    for key, num, den in needed:
        if num in known and den in known and find_share(shares, num, den) is None:
            problems.append(f"{where}.{key}: no share in '{section}' has numerator '{num}' and denominator "
                            f"'{den}'; the reports print it")
