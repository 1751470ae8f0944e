"""The workspace configuration file, ``evalreport.yaml``.

It is edited by hand by officers, so every problem is reported with the key it concerns
("evalreport.yaml: key 'root': unit 'X9' is not in the unit list") instead of a traceback, and
the whole file is checked on load: the shape with pydantic, then the references to the outside
world (the unit list exists, the root is in it, forms and their parameters exist).
"""

from __future__ import annotations

import calendar
from dataclasses import fields
from datetime import date
from pathlib import Path
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    field_validator,
    model_validator,
)

from evalreport.form.definition import FormDefinition, FormDefinitionError, available_forms, load_form
from evalreport.form.yaml_loading import read_mapping
from evalreport.model.hierarchy import Hierarchy, load_levels
from evalreport.model.period import Period, PeriodError
from evalreport.model.worded_error import WordedError
from evalreport.read.guard import ReadLimits
from evalreport.render.letterhead import ReportSettings, UnitReportSettings
from evalreport.store.collector_pause import collector_paused
from evalreport.store.unit_list_cache import load_unit_list

__all__ = ["CONFIG_NAME", "Deadline", "OutputOptions", "ReportOptions", "WorkspaceConfig", "WorkspaceConfigError",
           "load_config", "default_config_text"]

CONFIG_NAME = "evalreport.yaml"


class WorkspaceConfigError(WordedError, ValueError):
    """The configuration file is broken: a message key of the wording catalog and its parameters,
    naming the file and each bad key (``CONFIG_PROBLEMS``: one line per problem)."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Deadline(_Model):
    """When submissions for a period are due.

    Either an absolute date in the period's year (``{month: 12, day: 15}``: 15 December, the
    usual annual deadline) or a day of the N-th month after the period ends
    (``{months_after: 1, day: 15}``: day 15 of the next month).
    """

    day: int = Field(ge=1, le=31)
    month: int | None = Field(default=None, ge=1, le=12)
    months_after: int | None = Field(default=None, ge=0, le=24)

    @model_validator(mode="after")
    def _one_anchor(self) -> Deadline:
        if (self.month is None) == (self.months_after is None):
            raise WorkspaceConfigError("CONFIG_DEADLINE_ANCHOR")
        return self

    def due(self, period: Period) -> date:
        if self.month is not None:
            year, month = period.year, self.month
        else:
            last = period.months()[-1]
            total = last.year * 12 + (last.index - 1) + (self.months_after or 0)
            year, month = divmod(total, 12)
            month += 1
        return date(year, month, min(self.day, calendar.monthrange(year, month)[1]))


class OutputOptions(_Model):
    all_levels: bool = False  # also render every non-leaf unit, not only the root
    pdf: bool = False  # also convert outputs to PDF through LibreOffice when installed


class Signer(_Model):
    title: str | None = None  # "Bí thư", "Phó Bí thư"
    name: str | None = None


class UnitReportOptions(_Model):
    """The letterhead settings of the reports (docs/reports.md, "The letterhead"): every key is
    optional, and what is not set is derived from the unit list (render/letterhead.py)."""

    place: str | None = None
    number: str | int | None = None  # 12, or "12-BC/TU"
    signer: Signer = Field(default_factory=Signer)
    signs_for: str | None = None
    issuer: str | None = None
    symbol: str | None = None
    recipients: list[str] | None = None
    preparer: str | None = None

    def settings(self) -> UnitReportSettings:
        return UnitReportSettings(place=self.place, number=None if self.number is None else str(self.number),
                                  signer_title=self.signer.title, signer_name=self.signer.name,
                                  signs_for=self.signs_for, issuer=self.issuer, symbol=self.symbol,
                                  recipients=self.recipients, preparer=self.preparer)


class ReportOptions(UnitReportOptions):
    """Settings for every unit's reports, and ``units: {CODE: {...}}`` overrides per unit."""

    units: dict[str, UnitReportOptions] = Field(default_factory=dict)


class WorkspaceConfig(_Model):
    root: str
    units: str = "don_vi.xlsx"
    levels: str = "default"
    forms: list[str] = Field(default_factory=lambda: ["DG-NAM", "DV-THANG"], min_length=1)
    language: Literal["vi", "en"] = "vi"
    parameters: dict[str, dict[str, float]] = Field(default_factory=dict)
    deadlines: dict[Literal["year", "quarter", "month"], Deadline] = Field(default_factory=lambda: {
        "year": Deadline(month=12, day=15),
        "quarter": Deadline(months_after=1, day=15),
        "month": Deadline(months_after=1, day=15),
    })
    received_time: Literal["ingest", "file"] = "ingest"
    outputs: OutputOptions = Field(default_factory=OutputOptions)
    workers: int = Field(default=2, ge=1, le=64)
    lock_timeout: float = Field(default=30.0, ge=0)
    # Overrides of the pre-parse limits on submitted files (evalreport.read.guard.ReadLimits),
    # e.g. {max_file_bytes: 20971520}; the defaults suit real workbooks.
    read_limits: dict[str, float] = Field(default_factory=dict)
    report: ReportOptions = Field(default_factory=ReportOptions)
    _forms: dict[str, FormDefinition] = PrivateAttr(default_factory=dict)

    @field_validator("read_limits")
    @classmethod
    def _known_limits(cls, value: dict[str, float]) -> dict[str, float]:
        known = {f.name for f in fields(ReadLimits)}
        unknown = sorted(set(value) - known)
        if unknown:
            raise WorkspaceConfigError("CONFIG_LIMITS_UNKNOWN", names=", ".join(unknown), known=", ".join(sorted(known)))
        if any(v <= 0 for v in value.values()):
            raise WorkspaceConfigError("CONFIG_LIMITS_POSITIVE")
        return value

    def limits(self) -> ReadLimits:
        """The pre-parse limits with this workspace's overrides applied."""
        types = {f.name: f.type for f in fields(ReadLimits)}
        return ReadLimits(**{k: (float(v) if types[k] in (float, "float") else int(v))
                             for k, v in self.read_limits.items()})

    def report_settings(self) -> ReportSettings:
        """The letterhead settings of the reports, as the renderers take them."""
        return ReportSettings(self.report.settings(), {code: u.settings() for code, u in self.report.units.items()})

    # -- resolved views (need the workspace folder) -----------------------------------------
    def units_path(self, folder: Path) -> Path:
        p = Path(self.units)
        return p if p.is_absolute() else folder / p

    def form(self, code: str) -> FormDefinition:
        """The form with this workspace's parameter overrides applied (loaded once per workspace:
        a run asks for it once per file)."""
        if code not in self._forms:
            base = load_form(code)
            overrides = self.parameters.get(code)
            self._forms[code] = base.with_parameters(overrides) if overrides else base
        return self._forms[code]

    def forms_for(self, period: Period) -> list[str]:
        """Configured forms whose period types include this period's kind; a period no configured
        form uses is a usage error (PeriodError), not an empty run."""
        found = [c for c in self.forms if period.kind in self.form(c).period_types]
        if not found:
            kinds = {c: "/".join(self.form(c).period_types) for c in self.forms}
            raise PeriodError("PERIOD_NO_FORM", period=str(period), forms=", ".join(f"{c}: {k}" for c, k in kinds.items()))
        return found

    def deadline(self, period: Period) -> date | None:
        d = self.deadlines.get(period.kind)
        return d.due(period) if d else None


def _key(loc: tuple) -> str:
    return ".".join(str(p) for p in loc)


# pydantic's error types an officer meets in a hand-edited file, and the catalog's words for them;
# any other type is shown with pydantic's own (English) sentence.
_PYDANTIC_KEYS = {
    "missing": "CONFIG_MISSING", "extra_forbidden": "CONFIG_UNKNOWN_KEY", "literal_error": "CONFIG_NOT_ONE_OF",
    "greater_than_equal": "CONFIG_TOO_SMALL", "less_than_equal": "CONFIG_TOO_LARGE", "too_short": "CONFIG_EMPTY",
    "int_parsing": "CONFIG_NOT_NUMBER", "int_from_float": "CONFIG_NOT_NUMBER", "float_parsing": "CONFIG_NOT_NUMBER",
    "bool_parsing": "CONFIG_NOT_YES_NO", "string_type": "CONFIG_NOT_TEXT", "list_type": "CONFIG_NOT_LIST",
    "dict_type": "CONFIG_NOT_MAPPING", "model_type": "CONFIG_NOT_MAPPING",
}


def _pydantic_problem(error: Any) -> dict[str, Any]:
    """The catalog's phrase for one pydantic error of the configuration."""
    from evalreport.wording.catalog import phrase

    cause = (error.get("ctx") or {}).get("error")
    if isinstance(cause, WordedError):  # raised by a validator of this module
        return phrase(cause.key, **cause.params)
    ctx = error.get("ctx") or {}
    key = _PYDANTIC_KEYS.get(error["type"], "CONFIG_INVALID")
    return phrase(key, limit=ctx.get("ge", ctx.get("le", "")), expected=ctx.get("expected", ""),
                  detail=error["msg"].removeprefix("Value error, "))


def _problems(problems: list[tuple[str, dict[str, Any]]]) -> WorkspaceConfigError:
    """One error listing ``(key, problem phrase)`` pairs, one line each."""
    from evalreport.wording.catalog import phrase

    return WorkspaceConfigError("CONFIG_PROBLEMS", problems=[
        phrase("CONFIG_KEY_PROBLEM", file=CONFIG_NAME, setting=key, problem=problem) for key, problem in problems])


def _worded(exc: Exception) -> Any:
    """A caught error as a phrase parameter: its key when it has one, else its text."""
    from evalreport.wording.catalog import phrase

    return phrase(exc.key, **exc.params) if isinstance(exc, WordedError) else str(exc)


def load_config(folder: str | Path) -> tuple[WorkspaceConfig, Hierarchy]:
    """Read and fully validate ``folder/evalreport.yaml``; return it with the loaded hierarchy.

    Raises :class:`WorkspaceConfigError` with one line per problem, each naming the key.
    """
    folder = Path(folder)
    path = folder / CONFIG_NAME
    if not path.is_file():
        raise WorkspaceConfigError("CONFIG_NOT_WORKSPACE", path=str(path), name=CONFIG_NAME, folder=str(folder))
    data = read_mapping(path, CONFIG_NAME, "CONFIG_EXPECTED_MAPPING", WorkspaceConfigError)
    try:
        cfg = WorkspaceConfig.model_validate(data)
    except ValidationError as exc:
        raise _problems([(_key(e["loc"]), _pydantic_problem(e)) for e in exc.errors()]) from None
    from evalreport.wording.catalog import phrase

    problems: list[tuple[str, dict[str, Any]]] = []

    def bad(key: str, message: str, /, **params: Any) -> None:
        problems.append((key, phrase(message, **params)))

    known_forms = available_forms()
    for i, code in enumerate(cfg.forms):
        if code not in known_forms and not Path(code).suffix:
            bad(f"forms.{i}", "FORM_UNKNOWN", form=code, known=", ".join(known_forms))
    for code in cfg.parameters:
        if code not in cfg.forms:
            bad(f"parameters.{code}", "CONFIG_PARAMS_FORM_NOT_LISTED", form=code)
            continue
        try:
            cfg.form(code)
        except FormDefinitionError as exc:
            names = ", ".join(load_form(code).parameters) if code in known_forms else ""
            bad(f"parameters.{code}", "CONFIG_WITH_KNOWN" if names else "CONFIG_AS_IS", problem=_worded(exc),
                known=names)
    try:
        levels = load_levels(cfg.levels)
    except (OSError, ValueError) as exc:
        bad("levels", "CONFIG_LEVELS_BAD", levels=cfg.levels, detail=_worded(exc))
        raise _problems(problems) from None
    units = cfg.units_path(folder)
    if not units.is_file():
        bad("units", "CONFIG_UNITS_NOT_FOUND", units=cfg.units, folder=str(folder))
        raise _problems(problems)
    with collector_paused():  # a unit list of 100,000 units is as many acyclic objects
        hierarchy = load_unit_list(folder, units, levels)
    errors = [p for p in hierarchy.problems if p.is_error]
    if errors:
        bad("units", "CONFIG_UNITS_ERRORS", units=cfg.units, count=len(errors),
            detail=[phrase(p.rule, **p.params) for p in errors[:5]])
    if cfg.root not in hierarchy:
        bad("root", "CONFIG_UNIT_NOT_LISTED", unit=cfg.root, units=cfg.units)
    for code in cfg.report.units:
        if code not in hierarchy:
            bad(f"report.units.{code}", "CONFIG_UNIT_NOT_LISTED", unit=code, units=cfg.units)
    if problems:
        raise _problems(problems)
    return cfg, hierarchy


def default_config_text(root: str, units: str = "don_vi.xlsx", levels: str = "default",
                        forms: list[str] | None = None, language: str = "vi", received_time: str = "ingest",
                        workers: int = 2) -> str:
    """The commented configuration ``evalreport init`` writes (comments say what each key does)."""
    forms = forms or ["DG-NAM", "DV-THANG"]
    return f"""\
# evalreport workspace configuration. Every key is checked when a command starts;
# a mistake is reported with the key's name.

root: {root}                 # code of the unit this workspace consolidates for (in the unit list)
units: {units}         # unit list: ma_don_vi, ten_don_vi, cap, ma_cap_tren
levels: {levels}             # "default" (4 levels), "three_level", or a path to a levels YAML
forms: [{", ".join(forms)}]
language: {language}                 # vi or en, for reports and messages

# Rule parameters per form, overriding the form definition (e.g. the 20% HTXSNV quota).
parameters:
  DG-NAM:
    quota_htxsnv: 0.20

# When submissions are due. month: a fixed month of the period's year;
# months_after: day N of the M-th month after the period ends.
deadlines:
  year: {{month: 12, day: 15}}
  quarter: {{months_after: 1, day: 15}}
  month: {{months_after: 1, day: 15}}

# When a file counts as received: "ingest" (when evalreport first saw it in inbox/) or
# "file" (the file's modified time, e.g. when attachments were saved with their dates).
received_time: {received_time}

outputs:
  all_levels: false         # also write reports for every non-leaf unit, not only the root
  pdf: false                # also convert to PDF through LibreOffice when it is installed

workers: {workers}                  # processes used to read workbooks
lock_timeout: 30            # seconds a second run waits for the first before giving up

# Limits checked on every received file before it is parsed (docs/reliability.md lists them);
# a file over a limit gets a finding naming it. Override only what you need, e.g.
#   read_limits: {{max_file_bytes: 20971520, max_parts: 500}}
read_limits: {{}}

# Đầu và cuối báo cáo Word (docs/reports.md, "The letterhead"). Để trống thì dùng mặc định theo
# danh sách đơn vị: cấp ủy ban hành, ký hiệu số, "T/M ...". Có thể ghi riêng cho từng đơn vị.
# Bỏ dấu "#" ở các dòng cần dùng, ví dụ:
# report:
#   place: Gia Lai                 # chung cho mọi báo cáo: "Gia Lai, ngày ... tháng ... năm ..."
#   units:                         # riêng từng đơn vị (mã trong danh sách đơn vị)
#     {root}:
#       number: 12                 # "Số 12-BC/TU"; để trống để ghi tay
#       signer: {{title: Bí thư, name: Nguyễn Văn A}}
#       signs_for: T/M BAN THƯỜNG VỤ   # mặc định theo cấp
#       recipients: ["- Ban Tổ chức Trung ương (để báo cáo),", "- Lưu Văn phòng Tỉnh ủy."]
"""
