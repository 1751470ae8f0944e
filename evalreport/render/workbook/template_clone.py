"""Fill-in templates for many units by cloning one written template per shape.

Why: before a period the office writes a template for every unit, and openpyxl spends ~15 ms
building and serializing each styled workbook although units of one shape (same form, period,
layout rows, row heights, deadline) differ only in a handful of text cells: the unit's code and
name, the head and signature lines, the children listed for a unit with children, and the
metadata rows that record them (fingerprint and checksum included). So the first unit of a shape
is written by the ordinary writer (:func:`build_form_workbook`), and every later unit of that
shape gets the same zip with only those cells' text replaced; the styles, theme, instructions
sheet, validations and page setup are the very bytes of a real template.

Never a wrong file: the slots are located in the prepared template by their exact text, and each
must occur exactly once in its sheet (otherwise that shape is not cloned); the second unit of a
shape is written both ways and its parts compared byte for byte before any clone is trusted;
units whose templates carry more than their identity (children pre-rated because they ceased,
control characters the writer strips) and any unexpected error fall back to the writer.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from evalreport.aggregate.expected import ceased_ratings
from evalreport.form.definition import FormDefinition
from evalreport.form.layout import FormLayout
from evalreport.form.metadata import meta_rows
from evalreport.model.hierarchy import Hierarchy
from evalreport.model.period import Period
from evalreport.render.letterhead import UnitReportSettings
from evalreport.render.workbook.form_blocks import form_blocks
from evalreport.render.workbook.template_writer import build_form_workbook, generator_name, unit_row_lines
from evalreport.store.atomic import atomic_write_bytes

__all__ = ["TemplateCloner"]

#: The sheets holding unit-specific text, in the order :func:`build_form_workbook` creates them
#: (input sheet first, then instructions, then metadata); openpyxl names the parts by that order.
_PARTS = {"in": "xl/worksheets/sheet1.xml", "meta": "xl/worksheets/sheet3.xml"}
_STAMPED = "docProps/core.xml"
_INLINE = re.compile(rb'<c r="[A-Z]+[0-9]+"[^>]*t="inlineStr"><is>(<t(?: xml:space="preserve")?>[^<]*</t>)</is></c>')
_BLOCK_SLOTS = ("issuer", "receiver", "date", "signs_for", "signer_title", "signer_name", "preparer_name")
_META_SLOTS = ("unit_code", "unit_name", "fingerprint", "checksum")


def _text_element(text: str) -> bytes:
    """``<t>`` as openpyxl writes an inline string: escaped, non-ASCII as character references,
    ``xml:space="preserve"`` when the text has outer whitespace."""
    stripped = text.strip()
    space = b' xml:space="preserve"' if stripped and stripped != text else b""
    body = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return b"<t" + space + b">" + body.encode("ascii", "xmlcharrefreplace") + b"</t>"


@dataclass
class _Shape:
    """A prepared template: its zip members, the unit-specific parts cut at their slots."""

    members: list[tuple[zipfile.ZipInfo, bytes | list[bytes | str]]]
    verified: bool = False

    def clone(self, slots: dict[str, str]) -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
            for info, data in self.members:
                if isinstance(data, list):
                    data = b"".join(x if isinstance(x, bytes) else _text_element(slots[x]) for x in data)
                zf.writestr(info, data)
        return out.getvalue()


def _prepare(data: bytes, slots: dict[str, str]) -> _Shape | None:
    """The shape of a written template; None when a slot's text is not found exactly once."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        members: list[tuple[zipfile.ZipInfo, bytes | list[bytes | str]]] = [(i, zf.read(i)) for i in zf.infolist()]
    for part, name in _PARTS.items():
        wanted = {_text_element(t): s for s, t in slots.items() if s.startswith(part + ":")}
        if len(wanted) != sum(1 for s in slots if s.startswith(part + ":")):
            return None  # two slots with the same text: which cell is which is ambiguous
        index = next((k for k, (info, _) in enumerate(members) if info.filename == name), None)
        if index is None:
            return None
        xml = members[index][1]
        assert isinstance(xml, bytes)
        pieces: list[bytes | str] = []
        seen: set[str] = set()
        pos = 0
        for m in _INLINE.finditer(xml):
            slot = wanted.get(m.group(1))
            if slot is None:
                continue
            if slot in seen:
                return None
            seen.add(slot)
            pieces += [xml[pos:m.start(1)], slot]
            pos = m.end(1)
        if len(seen) != len(wanted):
            return None
        pieces.append(xml[pos:])
        members[index] = (members[index][0], pieces)
    return _Shape(members)


def _same_parts(a: bytes, b: bytes) -> bool:
    """Every part the same but the creation time (openpyxl stamps the second of writing)."""
    with zipfile.ZipFile(io.BytesIO(a)) as za, zipfile.ZipFile(io.BytesIO(b)) as zb:
        names = za.namelist()
        return names == zb.namelist() and all(za.read(n) == zb.read(n) for n in names if n != _STAMPED)


class TemplateCloner:
    """Writes the templates of one form and period for many units of one tree (``hierarchy``
    already taken at ``period``), cloning where a unit's shape has been written before."""

    def __init__(self, form: FormDefinition, period: Period, hierarchy: Hierarchy, *, lang: str = "vi",
                 deadline: dt.date | None = None) -> None:
        self.form, self.period, self.hierarchy, self.lang, self.deadline = form, period, hierarchy, lang, deadline
        self._shapes: dict[object, _Shape | None] = {}  # None: a shape not cloned
        self.cloned = 0  # how many files were cloned (for benchmarks and tests)

    def write(self, code: str, target: str | Path, report: UnitReportSettings | None = None) -> Path:
        """``code``'s template at ``target``, the same parts as :func:`make_template` would write."""
        ratings = ceased_ratings(self.form, self.hierarchy, code, self.lang)
        unit = None if ratings else self._slots(code, report)
        if unit is None:
            return atomic_write_bytes(target, self._plain(code, report, ratings))
        key, slots = unit
        if key not in self._shapes:  # first unit of its shape: written, then prepared for cloning
            data = self._plain(code, report, None)
            try:
                self._shapes[key] = _prepare(data, slots)
            except Exception:  # noqa: BLE001 - a shape that cannot be prepared is written by the writer
                self._shapes[key] = None
            return atomic_write_bytes(target, data)
        shape = self._shapes[key]
        if shape is not None and shape.verified:
            data = self._clone(shape, slots)
            if data is not None:
                self.cloned += 1
                return atomic_write_bytes(target, data)
        data = self._plain(code, report, None)
        if shape is not None and not shape.verified:  # second: trust clones only if this one is the writer's
            clone = self._clone(shape, slots)
            shape.verified = clone is not None and _same_parts(clone, data)
            if not shape.verified:
                self._shapes[key] = None
        return atomic_write_bytes(target, data)

    @staticmethod
    def _clone(shape: _Shape, slots: dict[str, str]) -> bytes | None:
        try:
            return shape.clone(slots)
        except Exception:  # noqa: BLE001 - never a wrong file: the unit is written by the writer instead
            return None

    def _plain(self, code: str, report: UnitReportSettings | None, ratings: list | None) -> bytes:
        wb = build_form_workbook(self.form, code, self.period, self.hierarchy, lang=self.lang,
                                 deadline=self.deadline, ratings=ratings or None, report=report)
        out = io.BytesIO()
        wb.save(out)
        return out.getvalue()

    def _slots(self, code: str, report: UnitReportSettings | None) -> tuple[object, dict[str, str]] | None:
        """The unit's shape (everything the writer puts in the workbook that is not a slot) and
        its slots' text (empty slots write no cell, so which are empty is part of the shape)."""
        layout = FormLayout.for_unit(self.form, code, self.hierarchy, self.lang)
        blocks = form_blocks(self.form.code, self.period.label(self.lang), self.hierarchy, code, report, self.lang)
        rows = meta_rows(layout, period=str(self.period), kind="template", generator=generator_name())
        slots = {"in:code": layout.unit_code, "in:name": layout.unit_name}
        slots.update((f"in:{k}", getattr(blocks, k)) for k in _BLOCK_SLOTS)
        masked_rows = []
        for i, row in enumerate(rows):
            if row[0] in _META_SLOTS:
                slots[f"meta:{row[0]}"] = row[1]
                row = [row[0], ""]
            elif row[0] == "child":
                slots[f"meta:child_code:{i}"], slots[f"meta:child_name:{i}"] = row[1], row[2]
                row = [row[0], "", ""]
            masked_rows.append(tuple(row))
        children = layout.children
        if children is not None:
            for r in children.rows:
                slots[f"in:child_code:{r.row}"], slots[f"in:child_name:{r.row}"] = r.code, r.name
            children = dataclasses.replace(children, rows=tuple(
                dataclasses.replace(r, code="", name="") for r in children.rows))
        if any(ILLEGAL_CHARACTERS_RE.search(t) for t in slots.values()):
            return None  # the writer strips these from some cells and not others
        slots = {k: v for k, v in slots.items() if v}
        masked_blocks = dataclasses.replace(blocks, **{k: "" for k in _BLOCK_SLOTS})
        shape = (repr(dataclasses.replace(layout, unit_code="", unit_name="", children=children)),
                 repr(masked_blocks), tuple(masked_rows), unit_row_lines(layout, blocks), tuple(sorted(slots)))
        return shape, slots
