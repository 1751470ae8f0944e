"""Form definitions: the one description that templates, reading, rules, aggregation, shares
and rendering are all driven by.

A definition is a YAML file (see ``evalreport/forms/``) validated into typed pydantic models.
Cross-references (every name in an expression is a field, derived field or parameter; codes
are unique) are checked at load time so that a broken definition fails immediately with a
message naming the file, the entry and what is wrong, instead of misbehaving during a run.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError, field_validator, model_validator

from evalreport.form.expressions import (
    ExpressionError,
)
from evalreport.form.parts import (
    DerivedDef,
    FieldDef,
    OrganizationsDef,
    Parameter,
    RatingDef,
    RuleDef,
    Section,
    ShareDef,
    Text,
    _Model,
)
from evalreport.form.roles import RolesDef, check_roles
from evalreport.form.yaml_loading import read_mapping, safe_load
from evalreport.model.worded_error import WordedError
from evalreport.wording.catalog import phrase

__all__ = [
    "Text",
    "FieldDef",
    "DerivedDef",
    "ShareDef",
    "RuleDef",
    "Parameter",
    "RatingDef",
    "OrganizationsDef",
    "FormDefinition",
    "FormDefinitionError",
    "RolesDef",
    "load_form",
    "available_forms",
    "FORMS_DIR",
]

FORMS_DIR = Path(__file__).resolve().parents[1] / "forms"
PeriodType = Literal["year", "quarter", "month"]


class FormDefinitionError(WordedError, ValueError):
    """A form definition file is broken, or no form has the asked code: a message key of the
    wording catalog naming the file and the entry, and its parameters."""


class _FormProblems(WordedError, ValueError):
    """The cross-reference problems of a definition, raised inside validation (pydantic keeps the
    exception, so :func:`_format_validation` words them in the reader's language)."""

    def __init__(self, problems: list[Any]):
        super().__init__("FORM_PROBLEMS", problems=problems)


def _at(where: Any, exc: ExpressionError) -> dict[str, Any]:
    """A worded problem: an expression error at ``where``."""
    return phrase("FORM_PROBLEM_AT", where=where, problem=phrase(exc.key, **exc.params))


class FormDefinition(_Model):
    """One standardized report form (``forms/<CODE>.yaml``): its fields, derived values, shares,
    organization counts, parameters and rules. The form is data, not code, so a new or amended
    form is a YAML file; every stage (template, reader, checks, consolidation, reports) reads
    the same definition. Load with :func:`load_form`."""

    code: str
    version: str
    title: Text
    period_types: list[PeriodType]
    regulation: str | None = None
    parameters: dict[str, Parameter] = Field(default_factory=dict)
    sections: list[Section]
    derived: list[DerivedDef] = Field(default_factory=list)
    shares: list[ShareDef] = Field(default_factory=list)
    organizations: OrganizationsDef | None = None
    roles: RolesDef | None = None  # which field plays which part in a report (form/roles.py)
    rules: list[RuleDef] = Field(default_factory=list)
    # Which units of a period's tree must send this form: those existing at the period's end
    # ("at_end"), or also those that ceased during it ("during": their last report hands over).
    expected: Literal["at_end", "during"] = "at_end"

    @field_validator("version", mode="before")
    @classmethod
    def _version_text(cls, v: object) -> object:
        return str(v) if isinstance(v, (int, float)) else v

    # -- convenient views -------------------------------------------------------------------
    def rolls_up_to(self, period_kind: str) -> bool:
        """Whether a summary for ``period_kind`` is made by rolling this form's months up (a
        monthly form's quarter or year) rather than from submissions for that period."""
        return period_kind not in self.period_types and "month" in self.period_types and period_kind in (
            "quarter", "year")

    @property
    def fields(self) -> list[FieldDef]:
        """Input fields in template order."""
        return [f for s in self.sections for f in s.fields]

    @cached_property
    def field_map(self) -> dict[str, FieldDef]:
        return {f.code: f for f in self.fields}

    @property
    def field_codes(self) -> list[str]:
        return [f.code for f in self.fields]

    def param(self, name: str) -> float:
        return self.parameters[name].value

    @property
    def param_values(self) -> dict[str, float]:
        return {k: p.value for k, p in self.parameters.items()}

    def label(self, code: str, lang: str = "vi") -> str:
        """Label of any field, derived field or share code (falls back to the code)."""
        for item in [*self.fields, *self.derived, *self.shares]:
            if item.code == code:
                return item.label.get(lang)
        return code

    def with_parameters(self, overrides: dict[str, float]) -> FormDefinition:
        """A copy with some parameter values replaced (e.g. from a workspace config)."""
        unknown = set(overrides) - set(self.parameters)
        if unknown:
            raise FormDefinitionError("FORM_PARAMS_UNKNOWN", form=self.code, names=", ".join(sorted(unknown)))
        params = {
            k: p.model_copy(update={"value": float(overrides.get(k, p.value))}) for k, p in self.parameters.items()
        }
        return self.model_copy(update={"parameters": params})

    def iter_rules(self, scope: str = "submission") -> Iterator[RuleDef]:
        return (r for r in self.rules if r.scope == scope)

    # -- cross-reference validation ---------------------------------------------------------
    @model_validator(mode="after")
    def _cross_check(self) -> FormDefinition:
        problems: list[Any] = []  # English text, or a phrase of the catalog
        seen: dict[str, str] = {}
        for kind, codes in (
            ("field", [f.code for f in self.fields]),
            ("derived field", [d.code for d in self.derived]),
            ("share", [s.code for s in self.shares]),
            ("rule", [r.code for r in self.rules]),
        ):
            for code in codes:
                if code in seen:
                    problems.append(f"{kind} '{code}': duplicate code (already used by a {seen[code]})")
                seen[code] = kind
        for f in self.fields:  # months roll up as the field's nature says: a flow is summed, a stock is not
            if (f.kind == "flow") != (f.rollup == "sum") and f.kind in ("flow", "stock"):
                problems.append(f"field '{f.code}': a {f.kind} rolls up by "
                                f"{'sum' if f.kind == 'flow' else 'first (opening) or last (closing)'}, not {f.rollup}")
        known = set(self.field_codes) | set(self.parameters)
        for d in self.derived:
            try:
                if d.expression is not None:
                    _unknown(d.expression.names, known, phrase("FORM_AT_DERIVED", code=d.code), problems)
                elif d.year_to_date not in self.field_map:
                    problems.append(f"derived field '{d.code}': year_to_date refers to unknown field '{d.year_to_date}'")
            except ExpressionError as exc:
                problems.append(_at(phrase("FORM_AT_DERIVED", code=d.code), exc))
            known.add(d.code)
        for s in self.shares:
            try:
                _unknown(s.numerator_expr.names | s.denominator_expr.names, known, phrase("FORM_AT_SHARE", code=s.code),
                         problems)
            except ExpressionError as exc:
                problems.append(_at(phrase("FORM_AT_SHARE", code=s.code), exc))
        check_roles(self, set(self.field_codes) | {d.code for d in self.derived}, problems)
        rule_codes = {r.code for r in self.rules}
        for r in self.rules:
            names_ok = known | ({f"prev_{c}" for c in self.field_codes} if r.scope == "previous_period" else set())
            try:
                _unknown(r.comparison.names, names_ok, phrase("FORM_AT_RULE", code=r.code), problems)
            except ExpressionError as exc:
                problems.append(_at(phrase("FORM_AT_RULE", code=r.code), exc))
            for other in r.suppressed_by:
                if other not in rule_codes:
                    problems.append(f"rule '{r.code}': suppressed_by names unknown rule '{other}'")
        if self.organizations is not None:
            org = self.organizations
            measures = set(org.measures)
            for rating in org.ratings:
                if rating.measure not in measures:
                    problems.append(f"rating '{rating.code}': measure '{rating.measure}' is not in organizations.measures")
            for name in (org.total_measure, org.rated_measure, org.tsvm.measure):
                if name not in measures:
                    problems.append(f"organizations: measure '{name}' is not in organizations.measures")
            for code in org.tsvm.allowed_with:
                if org.rating(code) is None:
                    problems.append(f"organizations.tsvm: allowed_with names unknown rating '{code}'")
            for d in org.derived:
                try:
                    _unknown(d.expression.names, measures, phrase("FORM_AT_ORG_DERIVED", code=d.measure), problems)
                except ExpressionError as exc:
                    problems.append(_at(phrase("FORM_AT_ORG_DERIVED", code=d.measure), exc))
                measures.add(d.measure)
            for s in org.shares:
                try:
                    names = s.numerator_expr.names | s.denominator_expr.names
                    _unknown(names, measures, phrase("FORM_AT_ORG_SHARE", code=s.code), problems)
                except ExpressionError as exc:
                    problems.append(_at(phrase("FORM_AT_ORG_SHARE", code=s.code), exc))
            if org.quota is not None:
                if org.quota.parameter not in self.parameters:
                    problems.append(f"organizations.quota: unknown parameter '{org.quota.parameter}'")
                _unknown({org.quota.numerator, org.quota.denominator}, measures, "organizations.quota", problems)
        if problems:
            raise _FormProblems(problems)
        return self

    @model_validator(mode="after")
    def _register_rule_messages(self) -> FormDefinition:
        """The rules' messages join the message catalog, where their findings are worded."""
        from evalreport.wording.catalog import register_form_rules  # Babel only when a form is loaded

        register_form_rules(self.code, self.version, {r.code: r.message.model_dump() for r in self.rules})
        return self

    def __setstate__(self, state: Any) -> None:
        """A definition unpickled in a helper process (no validators run) registers its rules'
        messages too: that process may write the findings."""
        super().__setstate__(state)
        self._register_rule_messages()


def _unknown(names: frozenset[str] | set[str], known: set[str], where: Any, problems: list[Any]) -> None:
    for name in sorted(set(names) - known):
        problems.append(phrase("FORM_UNKNOWN_NAME", where=where, name=name))


def _format_validation(exc: ValidationError) -> list[Any]:
    """One line per error: pydantic's English, or a phrase of the catalog for a problem raised worded
    (an expression, a cross-reference)."""
    lines: list[Any] = []
    for err in exc.errors():
        loc = ".".join(str(p) for p in err["loc"])
        raised = err.get("ctx", {}).get("error")
        msg = phrase(raised.key, **raised.params) if isinstance(raised, WordedError) else \
            err["msg"].removeprefix("Value error, ")
        lines.append(phrase("FORM_PROBLEM_AT", where=loc, problem=msg) if loc else msg)
    return lines


_CACHE: dict[tuple[str, float], FormDefinition] = {}


def available_forms() -> dict[str, Path]:
    """Form code -> definition file for the forms shipped in the package.

    Cached on the folder's modification time (a form added or removed changes it): readers ask
    for this once per file, and parsing every YAML each time would cost more than the read.
    """
    return dict(_index_forms(FORMS_DIR.stat().st_mtime_ns))


@lru_cache(maxsize=4)
def _index_forms(_folder_mtime: int) -> tuple[tuple[str, Path], ...]:
    out = []
    for path in sorted(FORMS_DIR.glob("*.yaml")):
        with path.open(encoding="utf-8") as fh:
            code = (safe_load(fh) or {}).get("code")
        if code:
            out.append((str(code), path))
    return tuple(out)


def load_form(form: str | Path) -> FormDefinition:
    """Load a form by code (``"DG-NAM"``) or from a YAML file path.

    Raises :class:`FormDefinitionError` naming the file and every broken entry.
    """
    path = Path(form)
    if not path.suffix:
        forms = available_forms()
        if str(form) not in forms:
            raise FormDefinitionError("FORM_UNKNOWN", form=str(form), known=", ".join(forms) or "—")
        path = forms[str(form)]
    if not path.is_file():
        raise FormDefinitionError("FORM_FILE_NOT_FOUND", path=str(path))
    key = (str(path.resolve()), path.stat().st_mtime)
    if key in _CACHE:
        return _CACHE[key]
    data = read_mapping(path, str(path), "FORM_EXPECTED_MAPPING", FormDefinitionError)
    try:
        definition = FormDefinition.model_validate(data)
    except ValidationError as exc:
        raise FormDefinitionError("FORM_INVALID", path=str(path), detail=_format_validation(exc)) from None
    _CACHE[key] = definition
    return definition
