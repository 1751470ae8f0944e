"""The corpus registry: each bad (or merely unusual) input, how it is made and what it must produce.

A :class:`Case` builds one file in a folder (always starting from a valid workbook written by
:func:`~evalreport.render.workbook.template_writer.fill_template`, then damaged byte by byte, part by part or
cell by cell) and declares its :class:`Expect`: either the values a person would expect to be
read and consolidated, or the finding (rule and severity) that must be reported instead. The
same registry drives the tests, ``python -m tools.selfcheck`` and docs/reliability.md.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from evalreport.form.definition import FormDefinition
from evalreport.form.layout import FormLayout
from evalreport.model.hierarchy import Hierarchy
from evalreport.read.guard import ReadLimits
from evalreport.render.workbook.template_writer import fill_template
from evalreport.wording.numbers import fmt_number
from tools.selfcheck.sample import BASE_VALUES, PERIOD, sample_form, sample_hierarchy

__all__ = ["Case", "Expect", "Builder", "reads", "finding", "register", "CASES"]


@dataclass(frozen=True)
class Expect:
    """``values``: what must be read and enter the totals (None: the file must stay out of them).
    ``rule``/``severity``: a finding that must be among the results (for a readable file, a
    warning or note such as FIELD_MOVED; for a refused one, the error that explains why)."""

    values: Mapping[str, int] | None = None
    rule: str | None = None
    severity: str | None = None

    @property
    def accepted(self) -> bool:
        return self.values is not None

    def describe(self) -> str:
        if self.accepted:
            assert self.values is not None
            text = f"read correctly ({len(self.values)} counts, dv_tong_so = {fmt_number(self.values['dv_tong_so'])})"
            return text + (f"; {self.severity} `{self.rule}`" if self.rule else "")
        return f"{self.severity} `{self.rule}`, not consolidated"


def reads(values: Mapping[str, int] = BASE_VALUES, rule: str | None = None, severity: str = "warning") -> Expect:
    return Expect(values=dict(values), rule=rule, severity=severity if rule else None)


def finding(rule: str, severity: str = "error") -> Expect:
    return Expect(rule=rule, severity=severity)


class Builder:
    """Writes the corpus's files into ``folder``; valid workbooks are the starting point of all."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.work = self.folder / ".work"
        self.work.mkdir(exist_ok=True)
        self.form: FormDefinition = sample_form()
        self.hierarchy: Hierarchy = sample_hierarchy()
        self._cache: dict[tuple, bytes] = {}

    def layout(self, unit: str) -> FormLayout:
        return FormLayout.for_unit(self.form, unit, self.hierarchy)

    def cell(self, unit: str, code: str) -> str:
        return self.layout(unit).cell_map()[code]

    def valid(self, unit: str = "C01", values: Mapping[str, object] = BASE_VALUES, ratings=None, *,
              period: str = PERIOD, form: FormDefinition | None = None, hierarchy: Hierarchy | None = None) -> bytes:
        """The bytes of a filled workbook, as the unit's officer sends it."""
        form, hierarchy = form or self.form, hierarchy or self.hierarchy
        key = (unit, tuple(sorted((k, repr(v)) for k, v in values.items())), repr(ratings), period,
               form.code, form.version, tuple(hierarchy.subtree(hierarchy.root)))
        if key not in self._cache:
            tmp = self.work / f"valid_{len(self._cache)}.xlsx"
            fill_template(form, unit, period, hierarchy, tmp, values, ratings)
            self._cache[key] = tmp.read_bytes()
        return self._cache[key]

    def write(self, name: str, data: bytes) -> Path:
        path = self.folder / name
        path.write_bytes(data)
        return path


BuildFn = Callable[[Builder, str], Path]


@dataclass(frozen=True)
class Case:
    name: str
    title: str  # what the input is, in a few words (docs and the selfcheck table)
    build: BuildFn  # (builder, file name) -> the file written
    expect: Expect
    group: str  # "corpus" (broken or unusual) or "hostile" (an attack on the reader)
    file_name: str = ""
    needs: str | None = None  # "soffice" when LibreOffice must be installed to build it
    limits: ReadLimits | None = None  # read with these limits instead of the defaults
    root: str | None = None  # consolidate under this unit instead of the whole tree


CASES: dict[str, Case] = {}


def register(name: str, title: str, expect: Expect, *, group: str, file_name: str | None = None,
             needs: str | None = None, limits: ReadLimits | None = None,
             root: str | None = None) -> Callable[[BuildFn], BuildFn]:
    def deco(fn: BuildFn) -> BuildFn:
        if name in CASES:
            raise ValueError(f"duplicate corpus case {name}")
        CASES[name] = Case(name, title, fn, expect, group, file_name or f"{name}.xlsx", needs, limits, root)
        return fn
    return deco
