"""Why a cell that a fast reader sees as empty is empty, from the sheet's XML.

python-calamine returns an empty value both for a truly blank cell and for a formula that has no
cached result (a file written by a script and never opened in Excel) or an error value such as
``#REF!``. Those must not be read as "blank" (let alone as zero), so for the few value cells that
come back empty the reader asks this module, which looks only at the one sheet part's XML with a
regular expression (no DOM, no entity expansion; the archive guard has already vetted the part).
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterable
from html import unescape

__all__ = ["empty_cell_causes", "sheet_part"]

_SHEET = re.compile(r'<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"[^>]*?\b\w+:id="([^"]*)"|'
                    r'<(?:\w+:)?sheet\b[^>]*?\b\w+:id="([^"]*)"[^>]*?\bname="([^"]*)"')
_REL = re.compile(r'<Relationship\b[^>]*?\bId="([^"]*)"[^>]*?\bTarget="([^"]*)"|'
                  r'<Relationship\b[^>]*?\bTarget="([^"]*)"[^>]*?\bId="([^"]*)"')
_CELL = re.compile(rb'<(?:\w+:)?c\b([^>]*?)(/>|>(.*?)</(?:\w+:)?c>)', re.S)
_REF = re.compile(rb'\br="([A-Z]+[0-9]+)"')
_TYPE = re.compile(rb'\bt="([a-zA-Z]+)"')
_FORMULA = re.compile(rb'<(?:\w+:)?f\b')
_VALUE = re.compile(rb'<(?:\w+:)?v>(.*?)</(?:\w+:)?v>', re.S)


def sheet_part(zf: zipfile.ZipFile, sheet_name: str) -> str | None:
    """The zip member holding ``sheet_name``'s XML, from workbook.xml and its relationships."""
    workbook = zf.read("xl/workbook.xml").decode("utf-8", errors="replace")
    rels = zf.read("xl/_rels/workbook.xml.rels").decode("utf-8", errors="replace")
    rid = None
    for m in _SHEET.finditer(workbook):
        name, r = (m.group(1), m.group(2)) if m.group(1) is not None else (m.group(4), m.group(3))
        if unescape(name) == sheet_name:
            rid = r
            break
    if rid is None:
        return None
    for m in _REL.finditer(rels):
        ident, target = (m.group(1), m.group(2)) if m.group(1) is not None else (m.group(4), m.group(3))
        if ident == rid:
            target = unescape(target)
            return target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
    return None


def empty_cell_causes(zf: zipfile.ZipFile, sheet_name: str, refs: Iterable[str]) -> dict[str, str]:
    """For cells in ``refs``: ``"formula"`` (a formula without a cached value) or the error text
    (``"#REF!"``) when the XML shows one; cells that are truly blank are left out."""
    wanted = {r.encode("ascii") for r in refs}
    if not wanted:
        return {}
    part = sheet_part(zf, sheet_name)
    if part is None or part not in zf.namelist():
        return {}
    xml = zf.read(part)
    out: dict[str, str] = {}
    for m in _CELL.finditer(xml):
        ref = _REF.search(m.group(1))
        if ref is None or ref.group(1) not in wanted:
            continue
        body = m.group(3) or b""
        kind = _TYPE.search(m.group(1))
        value = _VALUE.search(body)
        cached = value.group(1).strip() if value else b""
        if kind is not None and kind.group(1) == b"e":
            out[ref.group(1).decode()] = cached.decode("utf-8", errors="replace") or "#ERROR"
        elif _FORMULA.search(body) and not cached:
            out[ref.group(1).decode()] = "formula"
    return out
