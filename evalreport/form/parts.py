"""The parts of a form definition, each validated on its own: texts, fields, sections, derived
fields, shares, rules, parameters, and the organizations' rating table with its counts and quota.

:class:`~evalreport.form.definition.FormDefinition` assembles them and checks what spans several
parts (every name an expression uses exists, codes are unique).
"""

from __future__ import annotations

from functools import cached_property
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from evalreport.form.expressions import (
    Comparison,
    Expression,
    parse_comparison,
    parse_expression,
)
from evalreport.wording.language import pick

__all__ = ["Text", "FieldDef", "Section", "DerivedDef", "ShareDef", "RuleDef", "Parameter", "RatingDef", "TsvmDef",
           "OrgDerived", "QuotaDef", "OrganizationsDef"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(_Model):
    """A user-facing text in Vietnamese (the default) and English."""

    vi: str
    en: str

    def get(self, lang: str = "vi") -> str:
        return pick({"vi": self.vi, "en": self.en}, lang)


class FieldDef(_Model):
    code: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    label: Text
    kind: Literal["count", "stock", "flow", "text"] = "count"
    rollup: Literal["sum", "first", "last"] = "last"
    note: Text | None = None
    indent: int = 0


class Section(_Model):
    code: str
    title: Text
    fields: list[FieldDef]


class DerivedDef(_Model):
    code: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    label: Text
    expr: str | None = None
    year_to_date: str | None = None

    @model_validator(mode="after")
    def _one_source(self) -> DerivedDef:
        if (self.expr is None) == (self.year_to_date is None):
            raise ValueError("give exactly one of 'expr' or 'year_to_date'")
        return self

    @cached_property
    def expression(self) -> Expression | None:
        return parse_expression(self.expr) if self.expr else None


class ShareDef(_Model):
    code: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    label: Text
    numerator: str
    denominator: str
    group: str | None = None

    @cached_property
    def numerator_expr(self) -> Expression:
        return parse_expression(self.numerator)

    @cached_property
    def denominator_expr(self) -> Expression:
        return parse_expression(self.denominator)


class RuleDef(_Model):
    code: str = Field(pattern=r"^[A-Z][A-Z0-9_]*$")
    severity: Literal["error", "warning"]
    check: str
    message: Text
    #: The check in words, for the template's instructions ("Tổng số đảng viên phải bằng …").
    explain: Text | None = None
    scope: Literal["submission", "previous_period"] = "submission"
    suppressed_by: list[str] = Field(default_factory=list)

    @cached_property
    def comparison(self) -> Comparison:
        return parse_comparison(self.check)


class Parameter(_Model):
    value: float
    label: Text


class RatingDef(_Model):
    code: str
    label: Text
    measure: str
    rated: bool = True
    reason_required: bool = False


class TsvmDef(_Model):
    label: Text
    allowed_with: list[str]
    measure: str = "tsvm"  # the measure that counts awarded organizations


class OrgDerived(_Model):
    measure: str
    label: Text
    expr: str

    @cached_property
    def expression(self) -> Expression:
        return parse_expression(self.expr)


class QuotaDef(_Model):
    parameter: str
    numerator: str
    denominator: str


class OrganizationsDef(_Model):
    """The child-organization rating table and the tc_<level>_<measure> counts made from it."""

    title: Text
    ratings: list[RatingDef]
    tsvm: TsvmDef
    measures: list[str]
    total_measure: str = "tong_so"  # counts every row of the table
    rated_measure: str = "duoc_danh_gia"  # counts rows whose rating has rated: true
    derived: list[OrgDerived] = Field(default_factory=list)
    shares: list[ShareDef] = Field(default_factory=list)
    quota: QuotaDef | None = None

    def rating(self, code: str) -> RatingDef | None:
        return next((r for r in self.ratings if r.code == code), None)

    @property
    def all_measures(self) -> list[str]:
        return list(self.measures) + [d.measure for d in self.derived]

    @staticmethod
    def field_code(level: str, measure: str) -> str:
        """``tc_<level>_<measure>``, e.g. ``tc_co_so_htxsnv``."""
        return f"tc_{level}_{measure}"

    def share_code(self, level: str, share: ShareDef) -> str:
        return f"ty_le_tc_{level}_{share.code}"

    def measure_label(self, measure: str, lang: str = "vi") -> str:
        """Label of a measure, from the definition wherever it names one (a rating, TSVM, a
        derived measure); the total and rated measures, which no entry labels, have fixed ones."""
        for rating in self.ratings:
            if rating.measure == measure:
                return rating.label.get(lang)
        if measure == self.tsvm.measure:
            return self.tsvm.label.get(lang)
        for d in self.derived:
            if d.measure == measure:
                return d.label.get(lang)
        key = {self.total_measure: "MEASURE_TOTAL", self.rated_measure: "MEASURE_RATED"}.get(measure)
        if key is None:
            return measure
        from evalreport.wording.catalog import text  # words from the catalog, imported when first needed

        return text(key, lang)
