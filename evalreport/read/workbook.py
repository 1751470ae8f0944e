"""Reading one submitted workbook into a :class:`~evalreport.model.submission.Submission`.

The order is deliberate: the raw bytes are checked first (:mod:`evalreport.read.guard`), then
python-calamine parses the workbook once, the hidden metadata sheet says where every field sits
(positions are never guessed from the form), each value cell is verified against the field code
in column A, and values are read the way the officer meant them (:mod:`evalreport.read.count_values`).
Whatever the file is, the result is a Submission: every failure, expected or not, is a finding.
The file is only ever read, and nothing in it (macros, formulas) is executed.
"""

from __future__ import annotations

import hashlib
import io
import os
from collections.abc import Iterable, Mapping
from datetime import datetime
from pathlib import Path

from python_calamine import CalamineWorkbook, PasswordError, SheetVisibleEnum

from evalreport.form.definition import FormDefinition, available_forms, load_form
from evalreport.form.layout import META_SHEET
from evalreport.form.metadata import SCHEMA_VERSION, MetaError, WorkbookMeta, parse_meta
from evalreport.model.finding import Finding, make_finding
from evalreport.model.period import PeriodError, parse_period
from evalreport.model.submission import CellRef, ChildRating, Provenance, Submission
from evalreport.read.calamine_errors import is_file_failure
from evalreport.read.cell_address import a1, cell_ref, column_index, row_col
from evalreport.read.count_values import MAX_COUNT, parse_count
from evalreport.read.guard import ArchiveCheck, ReadLimits, check_archive
from evalreport.read.rating_values import RatingNormalizer, parse_flag
from evalreport.read.sheet_xml import empty_cell_causes

__all__ = ["read_submission", "read_ingested", "FormsArg"]


FormsArg = FormDefinition | Mapping[str, FormDefinition] | Iterable[FormDefinition] | None
_PROBLEM_RULES = {"blank": "VALUE_BLANK", "text": "VALUE_TEXT", "error_value": "VALUE_ERROR", "date": "VALUE_DATE",
                  "boolean": "VALUE_BOOLEAN", "negative": "VALUE_NEGATIVE", "fraction": "VALUE_FRACTION",
                  "too_large": "VALUE_TOO_LARGE"}


def read_submission(path: str | Path, forms: FormsArg = None, *, limits: ReadLimits | None = None) -> Submission:
    """Read ``path``; never raises for any file content (problems become findings).

    ``forms`` are the forms the file may be (default: every shipped form); ``limits`` bound what
    a hostile or broken file may cost (size, cells, ZIP expansion).
    """
    return read_ingested(path, forms, limits=limits)


def read_ingested(path: str | Path, forms: FormsArg = None, *, limits: ReadLimits | None = None,
                  data: bytes | None = None, sha256: str | None = None,
                  stat: os.stat_result | None = None) -> Submission:
    """:func:`read_submission` for the ingest, which has already read, hashed and archived the file:
    ``data`` (with its ``sha256`` and ``stat`` when known) are those bytes, so the file is read,
    hashed and looked up only once. Internal: not part of the package's public API.
    """
    path = Path(path)
    reader = _Reader(path, forms, limits or ReadLimits(), data, sha256, stat)
    try:
        sub = reader.read()
    except BaseException as exc:  # noqa: BLE001 - the contract is "a finding, never an exception"
        if not is_file_failure(exc):
            raise
        sub = reader.blank()
        sub.findings.append(make_finding("READ_UNEXPECTED", "error",
                                         params={"reason": f"{type(exc).__name__}: {exc}"}, file=path.name))
    sub.findings = [f.with_context(unit=sub.unit_code or None, file=path.name) for f in sub.findings]
    return sub


class _SheetDamaged(Exception):
    """A sheet's XML could not be parsed (calamine parses each sheet only when asked for it)."""


def _sheet_rows(wb: CalamineWorkbook, name: str) -> list[list[object]]:
    try:
        return wb.get_sheet_by_name(name).to_python(skip_empty_area=False)
    except BaseException as exc:  # noqa: BLE001 - calamine raises several error types for damaged XML
        if not is_file_failure(exc):
            raise
        raise _SheetDamaged(f"{name}: {_reason(exc)}") from exc


def _reason(exc: BaseException) -> str:
    """calamine's message, first line only (a panic's message continues with Rust internals)."""
    return str(exc).split("\n", 1)[0].strip() or type(exc).__name__


def _registry(forms: FormsArg) -> dict[str, list[FormDefinition]]:
    if forms is None:
        items: Iterable[FormDefinition] = (load_form(code) for code in available_forms())
    elif isinstance(forms, FormDefinition):
        items = [forms]
    elif isinstance(forms, Mapping):
        items = forms.values()
    else:
        items = forms
    out: dict[str, list[FormDefinition]] = {}
    for f in items:
        out.setdefault(f.code, []).append(f)
    return out


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


class _Reader:
    def __init__(self, path: Path, forms: FormsArg, limits: ReadLimits, data: bytes | None = None,
                 sha256: str | None = None, stat: os.stat_result | None = None):
        self.path, self.forms, self.limits = path, forms, limits
        self.data, self.sha256, self.stat = data, sha256, stat
        self.findings: list[Finding] = []
        self.provenance: Provenance | None = None
        self.meta: WorkbookMeta | None = None
        self.grid: list[list[object]] = []
        self._anchors: dict[str, list[tuple[int, int]]] | None = None

    # -- outcome helpers ---------------------------------------------------------------------
    def blank(self) -> Submission:
        m = self.meta
        return Submission(form_code=m.form_code if m else "", form_version=m.form_version if m else "",
                          unit_code=m.unit_code if m else "", period=None, values={},
                          provenance=self.provenance, findings=list(self.findings),
                          kind=m.kind if m else "template", unit_name=m.unit_name if m else None)

    def fail(self, rule: str, **params: object) -> Submission:
        self.findings.append(make_finding(rule, "error", params=params, file=self.path.name))
        return self.blank()

    # -- the steps -----------------------------------------------------------------------------
    def read(self) -> Submission:
        try:
            st = self.stat if self.stat is not None else self.path.stat()
            if self.data is None and st.st_size > self.limits.max_file_bytes:
                self.provenance = self._provenance(st, None)
                return self.fail("FILE_TOO_LARGE", size=st.st_size, limit=self.limits.max_file_bytes)
            data = self.path.read_bytes() if self.data is None else self.data
        except OSError as exc:
            return self.fail("FILE_UNREADABLE", name=self.path.name, reason=exc.strerror or str(exc))
        self.provenance = self._provenance(st, data)
        guard = check_archive(data, self.limits, file=self.path.name)
        self.findings += guard.findings
        if not guard.ok:
            return self.blank()
        try:  # the parts the guard vetted, when it could hold them (then nothing is decompressed twice)
            wb = CalamineWorkbook.from_filelike(io.BytesIO(guard.vetted if guard.vetted is not None else data))
        except PasswordError:
            return self.fail("FILE_ENCRYPTED")
        except BaseException as exc:  # noqa: BLE001 - calamine raises several error types for bad files
            if not is_file_failure(exc):
                raise
            return self.fail("FILE_CORRUPT", reason=_reason(exc))
        if META_SHEET not in wb.sheet_names:
            return self.fail("META_MISSING")
        try:
            meta_rows = _sheet_rows(wb, META_SHEET)
            self.meta = parse_meta(meta_rows)
        except _SheetDamaged as exc:
            return self.fail("FILE_CORRUPT", reason=str(exc))
        except MetaError as exc:
            return self.fail("META_EDITED", reason=exc.reason)
        form = self._form()
        if form is None:
            return self.blank()
        if not self._layout_matches(form, wb):
            return self.blank()
        try:
            self.grid = _sheet_rows(wb, self.meta.input_sheet)
        except _SheetDamaged as exc:
            return self.fail("FILE_CORRUPT", reason=str(exc))
        return self._submission(form, guard)

    def _provenance(self, st, data: bytes | None) -> Provenance:
        if data is None and self.sha256:
            digest = self.sha256
        elif data is None:
            h = hashlib.sha256()
            with self.path.open("rb") as fh:
                for chunk in iter(lambda: fh.read(1 << 20), b""):
                    h.update(chunk)
            digest = h.hexdigest()
        else:
            digest = self.sha256 or hashlib.sha256(data).hexdigest()
        size = st.st_size if data is None else len(data)
        return Provenance(str(self.path), self.path.name, size, digest, datetime.fromtimestamp(st.st_mtime))

    def _form(self) -> FormDefinition | None:
        meta = self.meta
        assert meta is not None
        if meta.schema_version != SCHEMA_VERSION:
            self.fail("META_SCHEMA", version=meta.schema_version, expected=SCHEMA_VERSION)
            return None
        registry = _registry(self.forms)
        candidates = registry.get(meta.form_code)
        if not candidates:
            self.fail("FORM_UNKNOWN", form=meta.form_code, known=", ".join(sorted(registry)) or "-")
            return None
        form = next((f for f in candidates if f.version == meta.form_version), None)
        if form is None:
            self.fail("FORM_VERSION_UNKNOWN", form=meta.form_code, version=meta.form_version,
                      expected=", ".join(f.version for f in candidates))
        return form

    def _layout_matches(self, form: FormDefinition, wb: CalamineWorkbook) -> bool:
        meta = self.meta
        assert meta is not None
        expected = set(form.field_codes)
        missing = sorted(expected - set(meta.fields))
        extra = sorted(c for c in meta.fields if c not in expected and not _is_tc(form, c))
        other_sheet = sorted(c for c, (sheet, _) in meta.fields.items() if sheet != meta.input_sheet)
        if missing or extra or other_sheet:
            detail = "; ".join(p for p in (
                f"thiếu/missing {', '.join(missing)}" if missing else "",
                f"lạ/unknown {', '.join(extra)}" if extra else "",
                f"sai trang/wrong sheet {', '.join(other_sheet)}" if other_sheet else "") if p)
            self.fail("META_LAYOUT", form=form.code, version=form.version, detail=detail)
            return False
        if meta.input_sheet not in wb.sheet_names:
            self.fail("SHEET_MISSING", sheet=meta.input_sheet)
            return False
        for sm in wb.sheets_metadata:
            if sm.name == meta.input_sheet and sm.visible != SheetVisibleEnum.Visible:
                self.findings.append(make_finding("SHEET_HIDDEN", "warning", params={"sheet": sm.name},
                                                  sheet=sm.name))
        return True

    # -- values ------------------------------------------------------------------------------
    def _at(self, row: int, col: int) -> object:
        if 0 <= row < len(self.grid) and 0 <= col < len(self.grid[row]):
            v = self.grid[row][col]
            return None if v == "" else v
        return None

    def _anchor(self, code: str, column: int | None = None) -> tuple[int, int] | None:
        """Where the text ``code`` now sits (after inserted rows or columns), if anywhere."""
        if self._anchors is None:
            self._anchors = {}
            for r, row in enumerate(self.grid):
                for c, v in enumerate(row):
                    if isinstance(v, str) and v:
                        self._anchors.setdefault(v.strip(), []).append((r, c))
        hits = self._anchors.get(code, [])
        if column is not None:
            hits = [h for h in hits if h[1] == column] or hits
        return hits[0] if hits else None

    def _submission(self, form: FormDefinition, guard: ArchiveCheck) -> Submission:
        meta = self.meta
        assert meta is not None
        sheet = meta.input_sheet
        values: dict[str, int | None] = {}
        cells: dict[str, CellRef] = {}
        empty: dict[str, str] = {}
        for code, (_, ref) in meta.fields.items():
            pos = self._locate(code, ref, form, sheet)
            if pos is None:
                values[code] = None
                continue
            cells[code] = cell_ref(sheet, *pos)
            raw = self._at(*pos)
            if raw is None or (isinstance(raw, str) and not raw.strip()):
                empty[code] = cells[code].cell
                continue
            value, problem = parse_count(raw)
            if problem is not None:
                self._value_finding(form, code, problem, raw, sheet, cells[code].cell)
            values[code] = value
        parts = guard.parts() if empty else None
        causes = empty_cell_causes(parts, sheet, empty.values()) if parts is not None else {}
        for code, cell in empty.items():
            cause = causes.get(cell)
            if cause == "formula":
                self._value_finding(form, code, "formula", None, sheet, cell)
            elif cause is not None:
                self._value_finding(form, code, "error_value", cause, sheet, cell)
            elif code in form.field_map:
                self._value_finding(form, code, "blank", None, sheet, cell)
            else:
                continue  # a blank tc_* count: not reported, the consolidator counts from below
            values[code] = None
        ratings = self._ratings(form, sheet)
        unit_code, unit_name, period = self._identity(form, sheet)
        return Submission(form_code=form.code, form_version=form.version, unit_code=unit_code, period=period,
                          values=values, cells=cells, ratings=ratings, provenance=self.provenance,
                          findings=self.findings, kind=meta.kind, unit_name=unit_name)

    def _label(self, form: FormDefinition, code: str) -> dict[str, str]:
        """The field's label in both languages, for the finding to quote in either."""
        f = form.field_map.get(code)
        return f.label.model_dump() if f else {"vi": code, "en": code}

    def _locate(self, code: str, ref: str, form: FormDefinition, sheet: str) -> tuple[int, int] | None:
        row, col = row_col(ref)
        if _text(self._at(row, 0)) == code:
            return row, col
        found = self._anchor(code, 0)
        params = {"code": code, "label": self._label(form, code), "expected": ref}
        if found is None:
            self.findings.append(make_finding("FIELD_MISSING", "error", params=params, sheet=sheet, cell=ref))
            return None
        pos = (found[0], found[1] + col)
        self.findings.append(make_finding("FIELD_MOVED", "warning", params={**params, "actual": a1(*pos)},
                                          sheet=sheet, cell=a1(*pos)))
        return pos

    def _value_finding(self, form: FormDefinition, code: str, problem: str, raw: object, sheet: str,
                       cell: str) -> None:
        rule = "VALUE_FORMULA" if problem == "formula" else _PROBLEM_RULES[problem]
        params = {"code": code, "label": self._label(form, code), "raw": "" if raw is None else str(raw), "cell": cell,
                  "max": f"{MAX_COUNT:,}".replace(",", ".")}
        self.findings.append(make_finding(rule, "error", params=params, sheet=sheet, cell=cell))

    def _ratings(self, form: FormDefinition, sheet: str) -> list[ChildRating]:
        meta = self.meta
        assert meta is not None
        if meta.child_first_row is None or form.organizations is None:
            return []
        cols = {k: column_index(v) for k, v in meta.child_columns.items() if v.isalpha()}
        if set(cols) < {"code", "name", "rating", "tsvm", "reason"}:
            self.findings.append(make_finding("META_EDITED", "error", params={"reason": "child_columns"}))
            return []
        normalizer = RatingNormalizer(form.organizations)
        out = []
        base = dict(cols)
        for i, (code, name) in enumerate(meta.children):
            row = meta.child_first_row - 1 + i
            cols = base
            if code and _text(self._at(row, cols["code"])) != code:
                found = self._anchor(code, cols["code"])
                if found is None:
                    self.findings.append(make_finding("CHILD_MISSING", "error", params={"code": code, "name": name},
                                                      sheet=sheet, row=row + 1))
                    continue
                self.findings.append(make_finding("CHILD_MOVED", "warning",
                                                  params={"code": code, "expected": row + 1, "actual": found[0] + 1},
                                                  sheet=sheet, row=found[0] + 1))
                row = found[0]
                cols = {k: c + found[1] - base["code"] for k, c in base.items()}  # inserted columns, too
            raw_rating = _text(self._at(row, cols["rating"])) or None
            tsvm_raw = self._at(row, cols["tsvm"])
            reason = _text(self._at(row, cols["reason"])) or None
            if not code:  # a free row of a blank template
                code = _text(self._at(row, cols["code"]))
                name = _text(self._at(row, cols["name"]))
                if not code and not (raw_rating or tsvm_raw or reason):
                    continue
            tsvm = parse_flag(tsvm_raw)
            rating_cell = a1(row, cols["rating"])
            if tsvm is None:
                self.findings.append(make_finding("CHILD_TSVM_UNREADABLE", "warning",
                                                  params={"code": code, "raw": _text(tsvm_raw)},
                                                  sheet=sheet, cell=a1(row, cols["tsvm"])))
            out.append(ChildRating(code=code, name=_text(self._at(row, cols["name"])) or name,
                                   rating=normalizer.code(raw_rating) if raw_rating else None, tsvm=bool(tsvm),
                                   reason=reason, raw_rating=raw_rating, cell=CellRef(sheet, rating_cell)))
        return out

    def _identity(self, form: FormDefinition, sheet: str):
        meta = self.meta
        assert meta is not None
        header = {k: row_col(v) for k, v in meta.header_cells.items() if v}
        unit_code = meta.unit_code or (_text(self._at(*header["unit_code"])) if "unit_code" in header else "")
        unit_name = meta.unit_name or (_text(self._at(*header["unit_name"])) if "unit_name" in header else "")
        if not unit_code:
            self.findings.append(make_finding("UNIT_MISSING", "error", sheet=sheet, cell=meta.header_cells.get("unit_code")))
        raw_period = meta.period or (_text(self._at(*header["period"])) if "period" in header else "")
        period = None
        try:
            period = parse_period(raw_period.lower().removeprefix("năm").strip())
            if period.kind not in form.period_types:
                raise PeriodError(period.kind)
        except PeriodError:
            period = None
            self.findings.append(make_finding("PERIOD_INVALID", "error",
                                              params={"raw": raw_period, "types": ", ".join(form.period_types)},
                                              sheet=sheet, cell=meta.header_cells.get("period")))
        return unit_code, unit_name or None, period


def _is_tc(form: FormDefinition, code: str) -> bool:
    org = form.organizations
    if org is None or not code.startswith("tc_"):
        return False
    return any(code.endswith(f"_{m}") and len(code) > len(f"tc__{m}") for m in org.measures)
