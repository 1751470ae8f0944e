"""Many fill-in workbooks at once: the units a batch is for (``--under``, ``--level``), one file per
unit under names made from codes only, and the blank canonical templates of the shipped forms."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from evalreport.form.definition import FormDefinition, available_forms, load_form
from evalreport.model.hierarchy import Hierarchy
from evalreport.model.period import Period, parse_period
from evalreport.render.letterhead import ReportSettings
from evalreport.render.workbook.template_clone import TemplateCloner
from evalreport.render.workbook.template_writer import (
    _save,
    build_form_workbook,
    template_file_name,
)

__all__ = ["select_units", "make_templates", "write_blank_templates"]


def select_units(hierarchy: Hierarchy, *, under: str | None = None, level: str | None = None) -> list[str]:
    """The children of ``under``, or every unit of ``level`` (under ``under`` if given), or all units."""
    if level is not None:
        if level not in hierarchy.levels.keys:
            raise ValueError(f"unknown level '{level}'; levels: {', '.join(hierarchy.levels.keys)}")
        return hierarchy.at_level(level, under)
    if under is not None:
        return hierarchy.children(under)
    return [u.code for u in hierarchy]


def make_templates(form: FormDefinition, period: Period | str | int, hierarchy: Hierarchy, folder: str | Path, *,
                   under: str | None = None, level: str | None = None, lang: str = "vi",
                   deadline: dt.date | None = None, report: ReportSettings | None = None) -> list[Path]:
    """Templates for :func:`select_units` ``(hierarchy, under, level)`` in the period's tree, one file
    each in ``folder`` (units of one shape cloned from the first one's, see ``template_clone``)."""
    period = parse_period(period)  # public: the one place a text period becomes a Period
    hierarchy = hierarchy.at(period)
    codes = select_units(hierarchy, under=under, level=level)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    root = folder.resolve()
    out: list[Path] = []
    used: set[str] = set()
    cloner = TemplateCloner(form, period, hierarchy, lang=lang, deadline=deadline)
    for code in codes:
        name = template_file_name(form.code, period, code)
        if name in used:  # two codes that sanitize alike ("A/1", "A_1") must not overwrite each other
            name = f"{name[:-5]}_{hashlib.sha1(code.encode('utf-8')).hexdigest()[:8]}.xlsx"
        used.add(name)
        target = folder / name
        if target.resolve().parent != root:  # defence in depth; names are already sanitized
            raise ValueError(f"unsafe file name for unit {code!r}")
        out.append(cloner.write(code, target, report.for_unit(code) if report is not None else None))
    return out


def write_blank_templates(folder: str | Path, lang: str = "vi") -> list[Path]:
    """One blank canonical template per shipped form (``templates/<FORM>.xlsx`` in the repository)."""
    out = []
    for code in available_forms():
        form = load_form(code)
        out.append(_save(build_form_workbook(form, None, None, None, lang=lang), Path(folder) / f"{code}.xlsx"))
    return out
