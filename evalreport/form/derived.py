"""Derived fields and shares computed from counts, exactly as the form definition declares them.

Shared by rule checking (a rule may name a derived field), consolidation (derived values are
recomputed from summed counts, never summed themselves, so ``dv_httnv_tro_len`` stays equal to
``dv_htxsnv + dv_httnv`` at every level) and the monthly time series.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping

from evalreport.form.definition import FormDefinition, ShareDef

__all__ = ["percent", "derive", "namespace", "compute_shares", "SharePlan"]

Number = int | float


def percent(numerator: Number | None, denominator: Number | None) -> float | None:
    """``100 * numerator / denominator``, unrounded; None ("no value") for a zero or missing side."""
    if numerator is None or not denominator:
        return None
    return 100.0 * numerator / denominator


def _whole(value: Number | None) -> Number | None:
    """Integral floats (``7.0``) back to ints so counts stay counts."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def derive(form: FormDefinition, values: Mapping[str, Number | None]) -> dict[str, Number | None]:
    """The form's expression-derived fields computed from ``values`` (and the parameters).

    Year-to-date fields need several periods and are left to :mod:`evalreport.aggregate.timeseries`.
    A derived field whose inputs are missing is None.
    """
    ns: dict[str, Number | None] = {**form.param_values, **values}
    out: dict[str, Number | None] = {}
    for d in form.derived:
        if d.expression is None:
            continue
        out[d.code] = ns[d.code] = _whole(d.expression.evaluate(ns))
    return out


def namespace(form: FormDefinition, values: Mapping[str, Number | None]) -> dict[str, Number | None]:
    """Parameters, values and derived fields in one mapping, the names rules and shares may use."""
    ns: dict[str, Number | None] = {**form.param_values, **values}
    ns.update(derive(form, values))
    return ns


class SharePlan:
    """Shares prepared once and applied to many units: a national run computes millions."""

    def __init__(self, shares: Iterable[ShareDef], code_of=lambda s: s.code):
        self._items = [(code_of(s), _simple(s.numerator_expr.tree), s.numerator_expr.evaluate,
                        _simple(s.denominator_expr.tree), s.denominator_expr.evaluate) for s in shares]

    def apply(self, ns: Mapping[str, Number | None], out: dict[str, float | None] | None = None
              ) -> dict[str, float | None]:
        """Each share as an unrounded percent; None for a zero denominator or a missing value."""
        out = {} if out is None else out
        get = ns.get
        for code, num_name, num_fn, den_name, den_fn in self._items:
            num = get(num_name) if num_name else num_fn(ns)
            den = get(den_name) if den_name else den_fn(ns)
            out[code] = None if num is None or not den else 100.0 * num / den
        return out


def _simple(tree: ast.AST) -> str | None:
    return tree.id if isinstance(tree, ast.Name) else None


def compute_shares(shares: Iterable[ShareDef], ns: Mapping[str, Number | None],
                   code_of=lambda s: s.code) -> dict[str, float | None]:
    """Each share as an unrounded percent; None for a zero denominator or a missing value."""
    return SharePlan(shares, code_of).apply(ns)
