"""The instructions sheet of a level's summary workbooks, serialised once per process.

Why: every summary workbook carries its form's instructions sheet (what an officer reads before
filling the form in), and for the units of one level its text is the same: it depends on the
form, the language, the form sheet's name, whether the unit has children and the deadline, never
on the unit's numbers. Building it cell by cell and serialising it cost about 1 ms a unit of an
all-levels run. So the sheet's part is kept per key; a later workbook gets a stand-in sheet
(title, protection and print setup, no cells) whose part is the kept bytes.

Never a wrong part: keeping is only for workbooks prepared from the process's style table
(:func:`~.style_table.prepared_from`, part of the key), where the same styles have the same ids;
the first workbook of a key records the part, the second is built in full too and its part
compared byte for byte, and only after they are equal is a stand-in used (a difference drops
the key for the process).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from evalreport.form.definition import FormDefinition
from evalreport.form.layout import FormLayout
from evalreport.render.workbook.style_table import prepared_from
from evalreport.render.workbook.template_instructions import write_instructions
from evalreport.render.workbook.template_styles import protect_a4_portrait

__all__ = ["instructions_sheet", "kept_part", "keep_part", "on_serialised", "record_part"]

_KEPT_KEYS = 64


@dataclass
class _Entry:
    form: FormDefinition  # held: the key has its id
    table: object  # the style table the part's ids come from (held for its id too)
    xml: bytes | None = None  # the recorded part
    verified: bool = False  # a second full build gave the same bytes
    dropped: bool = False  # it did not: built in full from now on

    def record(self, xml: bytes) -> None:
        """The part serialised for a sheet built in full: recorded, or compared with the recorded one."""
        if self.xml is None:
            self.xml = xml
        elif not self.verified:
            self.verified = self.xml == xml
            self.dropped = not self.verified


_ENTRIES: dict[tuple, _Entry] = {}
# Set on a sheet: the kept part of a stand-in, or the entry its serialised part records or checks.
_KEPT, _RECORD = "_evalreport_kept_part", "_evalreport_record_part"


def instructions_sheet(wb: Workbook, form: FormDefinition, layout: FormLayout, lang: str,
                       deadline: dt.date | None) -> Worksheet:
    """``wb``'s instructions sheet, as :func:`~.template_instructions.write_instructions` writes it
    (a stand-in whose part is kept, once that has been checked)."""
    ws = wb.create_sheet(layout.instructions_sheet)
    table = prepared_from(wb)
    if table is None:
        write_instructions(ws, form, layout, lang, deadline)
        return ws
    key = (id(table), id(form), lang, layout.instructions_sheet, layout.sheet, layout.is_blank,
           layout.children is not None, deadline)
    entry = _ENTRIES.get(key)
    if entry is None and len(_ENTRIES) < _KEPT_KEYS:
        entry = _ENTRIES[key] = _Entry(form, table)
    if entry is None or entry.dropped or entry.form is not form or entry.table is not table:
        write_instructions(ws, form, layout, lang, deadline)
    elif entry.verified and entry.xml is not None:
        protect_a4_portrait(ws)  # what the sheet's settings say elsewhere (a printed sheet's fit)
        keep_part(ws, entry.xml)
    else:
        write_instructions(ws, form, layout, lang, deadline)
        on_serialised(ws, entry.record)
    return ws


def keep_part(ws: Worksheet, xml: bytes) -> None:
    """Make ``ws`` a stand-in: the writer writes ``xml`` as its part, not its cells."""
    setattr(ws, _KEPT, xml)


def on_serialised(ws: Worksheet, record: Callable[[bytes], None]) -> None:
    """Have ``record`` called with the part the writer serialises for ``ws`` (built in full)."""
    setattr(ws, _RECORD, record)


def kept_part(ws: Worksheet) -> bytes | None:
    """The kept part of a stand-in sheet, or None."""
    return getattr(ws, _KEPT, None)


def record_part(ws: Worksheet, xml: bytes) -> None:
    """The part the writer serialised for ``ws``, handed to what :func:`on_serialised` set."""
    record = getattr(ws, _RECORD, None)
    if record is not None:
        record(xml)
