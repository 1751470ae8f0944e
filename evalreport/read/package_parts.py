"""Which parts of a workbook a parser reads, and whether they are plainly where they should be.

The archive guard can only vouch for bytes it has looked at. A parser finds a workbook's sheets,
shared strings and styles through ``xl/_rels/workbook.xml.rels``, not by file extension, and when
two members share a name the one it picks is its own choice. So a sheet stored as
``xl/worksheets/sheet1.bin``, or a second ``sheet1.xml`` behind the first, would reach the parser
unvetted. Excel never writes either; such a file is refused as having an unusual structure, and
the officer is asked to save it again in Excel. Pure: names and bytes in, a reason out.
"""

from __future__ import annotations

import posixpath
import re
from functools import lru_cache
from html import unescape

__all__ = ["odd_structure", "WORKBOOK_RELS", "parsed_targets"]

WORKBOOK_RELS = "xl/_rels/workbook.xml.rels"
_RELATIONSHIP = re.compile(r"<(?:\w+:)?Relationship\b([^>]*)>")
_ATTR = re.compile(r"""\b(Id|Type|Target|TargetMode)\s*=\s*["']([^"']*)["']""")
# Relationship types whose targets the parser reads as XML (by the type name's last segment).
_PARSED_TYPES = ("worksheet", "chartsheet", "dialogsheet", "macrosheet", "xlmacrosheet", "xlintlmacrosheet",
                 "sharedstrings", "styles", "theme")


def _key(name: str) -> str:
    return name.replace("\\", "/").lower()


def duplicate_names(names: list[str] | tuple[str, ...]) -> str | None:
    """The first member name used twice (also when written with other capitals or ``\\``)."""
    return _first_twice(tuple(names))


# Every file of a period has the same member names and the same workbook relationships, so both
# verdicts below are looked up, not recomputed, for all but the first file. They are pure
# functions of exactly these names and bytes, so a cached verdict is the one a new computation gives.
@lru_cache(maxsize=64)
def _first_twice(names: tuple[str, ...]) -> str | None:
    seen: set[str] = set()
    for name in names:
        key = _key(name)
        if key in seen:
            return name
        seen.add(key)
    return None


def parsed_targets(rels: str) -> list[str]:
    """The members the workbook's relationships send a parser to read as XML."""
    out = []
    for m in _RELATIONSHIP.finditer(rels):
        attrs = {k: unescape(v) for k, v in _ATTR.findall(m.group(1))}
        kind = attrs.get("Type", "").rsplit("/", 1)[-1].lower()
        target = attrs.get("Target", "")
        if attrs.get("TargetMode", "").lower() == "external" or kind not in _PARSED_TYPES or not target:
            continue
        out.append(target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target)))
    return out


def odd_structure(names: list[str] | tuple[str, ...], rels: bytes | None) -> str | None:
    """Why the package is not plainly laid out (a short technical detail), or None.

    ``rels``: the content of :data:`WORKBOOK_RELS`, already vetted by the guard."""
    if rels is not None and len(rels) > _CACHED_RELS_BYTES:
        return _odd_structure(tuple(names), rels)
    return _cached_odd_structure(tuple(names), rels)


_CACHED_RELS_BYTES = 64 * 1024  # a workbook's relationships are under 1 KB; a larger part is not held


def _odd_structure(names: tuple[str, ...], rels: bytes | None) -> str | None:
    twice = duplicate_names(names)
    if twice is not None:
        return f"'{twice}' ×2"
    if rels is None:
        return None
    present = set(names)
    for target in parsed_targets(rels.decode("utf-8", errors="replace")):
        if not target.lower().endswith(".xml") or target not in present:
            return f"'{target}'"
    return None


_cached_odd_structure = lru_cache(maxsize=64)(_odd_structure)
