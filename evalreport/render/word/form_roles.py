"""What each field of a form plays in a narrative, read from the form definition itself.

A report sentence needs to know which field is "the total", which ones are "the ratings", which
are "the reasons some members were not rated" and so on. Rather than listing DG-NAM's codes here,
the roles are read off the structure the definition already declares: the rating shares (a share
``group``) name the ratings and their denominator (the evaluated members); the share whose
numerator is the evaluated field names the total; other shares over the total are the reasons;
the derived sum of ratings is "good or better"; the deeper-indented fields under the last rating
are its causes; the fields of a section that holds no member count are the kinds of discipline.
A revised form (new regulation, renamed fields) therefore renders without code changes.
"""

from __future__ import annotations

from dataclasses import dataclass

from evalreport.form.definition import FormDefinition, OrganizationsDef, RatingDef, ShareDef

__all__ = ["MemberRoles", "OrgRoles", "member_roles", "org_roles", "share_value", "org_share", "FormRolesError"]


class FormRolesError(ValueError):
    """The form lacks the structure a narrative report needs (it is not an evaluation form)."""


@dataclass(frozen=True)
class MemberRoles:
    total: str
    evaluated: str
    not_evaluated: tuple[str, ...]  # the reasons for total − evaluated, in form order
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


def _single(share: ShareDef) -> tuple[str, str] | None:
    num, den = share.numerator_expr.names, share.denominator_expr.names
    if len(num) == 1 and len(den) == 1 and share.numerator.strip() in num and share.denominator.strip() in den:
        return next(iter(num)), next(iter(den))
    return None


def member_roles(form: FormDefinition) -> MemberRoles:
    """The roles of the member fields of ``form``; raises :class:`FormRolesError` if absent."""
    pairs = {s.code: p for s in form.shares if (p := _single(s))}
    groups = [s.group for s in form.shares if s.group and s.code in pairs]
    if not groups:
        raise FormRolesError(f"{form.code}: no group of rating shares; a narrative report needs one")
    rating_shares = [s for s in form.shares if s.group == groups[0] and s.code in pairs]
    ratings = tuple(pairs[s.code][0] for s in rating_shares)
    evaluated = pairs[rating_shares[0].code][1]
    total = next((den for num, den in pairs.values() if num == evaluated), form.field_codes[0])
    order = {c: i for i, c in enumerate(form.field_codes)}
    not_evaluated = tuple(sorted({num for num, den in pairs.values() if den == total and num != evaluated},
                                 key=lambda c: order.get(c, len(order))))
    good = next((d.code for d in form.derived if d.expression is not None and d.expression.names
                 and d.expression.names <= set(ratings)), None)
    fields = form.fields
    idx = next((i for i, f in enumerate(fields) if f.code == ratings[-1]), None)
    causes: list[str] = []
    if idx is not None:
        for f in fields[idx + 1:]:
            if f.indent <= fields[idx].indent:
                break
            causes.append(f.code)
    member_codes = {total, evaluated, *not_evaluated, *ratings, *causes}
    discipline = tuple(f.code for s in form.sections if not {f.code for f in s.fields} & member_codes
                       for f in s.fields if f.kind != "text")
    shares = {pair: code for code, pair in pairs.items()}
    return MemberRoles(total, evaluated, not_evaluated, ratings, good, tuple(causes), discipline, shares)


def share_value(numerator: int | float | None, denominator: int | float | None) -> float | None:
    """Percent on the 0-100 scale; None when the denominator is zero or a value is missing."""
    if numerator is None or not denominator:
        return None
    return 100.0 * numerator / denominator


def org_share(org: OrganizationsDef, level: str, code: str, values: dict[str, int | None],
              shares: dict[str, float | None]) -> float | None:
    """An organization share for one level: the consolidated value if present, else computed from
    the counts with the share's own numerator and denominator."""
    share = next((s for s in org.shares if s.code == code), None)
    if share is None:
        return None
    key = org.share_code(level, share)
    if key in shares:
        return shares[key]
    ns = {m: values.get(org.field_code(level, m)) for m in org.all_measures}
    for d in org.derived:
        if ns.get(d.measure) is None:
            ns[d.measure] = d.expression.evaluate(ns)
    return share_value(share.numerator_expr.evaluate(ns), share.denominator_expr.evaluate(ns))


@dataclass(frozen=True)
class OrgRoles:
    """The same roles for the measures of rated organizations (``tc_<level>_<measure>``)."""

    total: str
    evaluated: str
    not_rated: tuple[RatingDef, ...]
    ratings: tuple[RatingDef, ...]  # rated ones, best first
    good_or_better: str | None
    shares: dict[tuple[str, str], str]  # (numerator measure, denominator measure) -> share code

    def share_code(self, numerator: str, denominator: str) -> str | None:
        return self.shares.get((numerator, denominator))


def org_roles(org: OrganizationsDef) -> OrgRoles:
    pairs = {s.code: p for s in org.shares if (p := _single(s))}
    rated = tuple(r for r in org.ratings if r.rated)
    group = next((s.group for s in org.shares if s.group and s.code in pairs), None)
    group_dens = [pairs[s.code][1] for s in org.shares if group and s.group == group and s.code in pairs]
    evaluated = group_dens[0] if group_dens else org.measures[0]
    total = next((den for num, den in pairs.values() if num == evaluated), org.measures[0])
    good = next((d.measure for d in org.derived if d.expression.names <= {r.measure for r in rated}), None)
    return OrgRoles(total, evaluated, tuple(r for r in org.ratings if not r.rated), rated, good,
                    {pair: code for code, pair in pairs.items()})
