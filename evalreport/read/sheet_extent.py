"""The cell area a spreadsheet parser will allocate for a worksheet, measured from its XML.

python-calamine holds a sheet as a dense grid from A1 to the last row and column any cell
reaches, so the guard must know that corner before the parser runs. Positions are computed the
way the parser computes them: a ``<row>`` without ``r`` is the row after the previous one, a
``<c>`` without ``r`` is the column after the previous cell of its row (the first column at the
start of a row), and a cell's own ``r`` wins. A sheet of 300,000 rows without numbers and one
cell in column XFD is thus a 5-billion-cell grid, although no reference in it says so. The
``<dimension ref>`` the sheet declares counts as well.

The XML arrives in chunks; a chunk whose rows and cells all carry ``r`` as their first attribute
(what Excel writes) is measured with a few C-speed scans, any other chunk tag by tag. The
regular case is the one every file pays for, so it builds as few Python objects as it can.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["SheetExtent"]

# Any row, cell or dimension start tag, with any namespace prefix, and its attributes.
_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(row|c|dimension)(?=[\s/>])([^>]*)")
_ATTR_R = re.compile(rb"""(?:^|\s)r\s*=\s*["']([^"']*)["']""")
_ATTR_REF = re.compile(rb"""(?:^|\s)ref\s*=\s*["']([^"']*)["']""")
_CELL_REF = re.compile(rb"\$?([A-Za-z]{1,3})\$?([0-9]{1,9})")
_ROW_NUM = re.compile(rb"[0-9]{1,9}")
# The regular case: every row and cell tag starts with r="..." (searched for one that does not:
# one C-level scan that builds nothing, where counting both kinds of tag built two lists).
_IRREGULAR_ROW = re.compile(rb'<row(?=[\s/>])(?! r="[0-9]{1,9}")')
_IRREGULAR_CELL = re.compile(rb'<c(?=[\s/>])(?! r="[A-Z]{1,3}[0-9]{1,9}")')
# A prefixed tag holds ":row", ":c" or ":dimension" before a space, "/" or ">": that is searched for
# first (at the speed of a one-byte scan), the whole tag only when it is there.
_PREFIX_HINT = re.compile(rb":(?:row|c|dimension)[\s/>]")
_PREFIXED = re.compile(rb"<[A-Za-z_][\w.-]*:(?:row|c|dimension)[\s/>]")
_ROW_R = re.compile(rb'<row r="([0-9]{1,9})"')
_CELL_R = re.compile(rb'<c r="([A-Z]{1,3})([0-9]{1,9})"')
_DIMENSION = re.compile(rb"<dimension(?=[\s/>])([^>]*)")


@lru_cache(maxsize=4096)  # a form's sheets use a few dozen columns; the regular scan asks for each
def _column(letters: bytes) -> int:
    col = 0
    for ch in letters.upper():
        col = col * 26 + ch - 64
    return col


class SheetExtent:
    """The last row and column a worksheet's cells reach (its area as a dense grid)."""

    def __init__(self) -> None:
        self.rows = self.cols = 1
        self._row = 0  # the current <row>'s number (0: before the first)
        self._col = 0  # the column of the previous cell in the current row
        self._carry = b""  # an unfinished tag at the end of the previous chunk

    @property
    def area(self) -> int:
        return self.rows * self.cols

    @property
    def corner(self) -> str:
        letters, n = "", self.cols
        while n:
            n, rem = divmod(n - 1, 26)
            letters = chr(65 + rem) + letters
        return f"{letters}{self.rows}"

    def feed(self, chunk: bytes, limit: int) -> bool:
        """Account for ``chunk`` (the next bytes of the part); True once the area passes ``limit``."""
        text = self._carry + chunk
        cut = text.rfind(b"<")
        if cut >= 0:
            text, self._carry = text[:cut], text[cut:]
        else:
            self._carry = b""
        if not self._regular(text):
            self._tags(text)
        return self.area > limit

    def finish(self, limit: int) -> bool:
        """Account for the part's last bytes; True when the area passes ``limit``."""
        text, self._carry = self._carry, b""
        self._tags(text)
        return self.area > limit

    def _regular(self, text: bytes) -> bool:
        """Measure ``text`` quickly when every row and cell in it carries ``r`` first; False when
        it does not (then nothing was changed)."""
        if (_IRREGULAR_ROW.search(text) or _IRREGULAR_CELL.search(text)
                or (_PREFIX_HINT.search(text) and _PREFIXED.search(text))):
            return False
        rows = _ROW_R.findall(text)
        cells = _CELL_R.findall(text)
        for attrs in _DIMENSION.findall(text):  # every sheet Excel writes declares one, near its start
            self._dimension(attrs)
        if rows:
            self._row = int(rows[-1])
            self.rows = max(self.rows, max(map(int, rows)))
        if cells:
            letters, numbers = zip(*cells, strict=True)  # C-level loops from here: no generator step per cell
            self.rows = max(self.rows, max(map(int, numbers)))
            self.cols = max(self.cols, max(map(_column, set(letters))))
        last_cell, last_row = text.rfind(b"<c r="), text.rfind(b"<row r=")
        if cells and last_cell > last_row:
            self._col = _column(cells[-1][0])
        elif rows:
            self._col = 0
        return True

    def _tags(self, text: bytes) -> None:
        for m in _TAG.finditer(text):
            name, attrs = m.group(1), m.group(2)
            if name == b"row":
                r = _ATTR_R.search(attrs)
                num = _ROW_NUM.fullmatch(r.group(1).strip()) if r else None
                self._row = int(num.group(0)) if num else self._row + 1
                self._col = 0
                self.rows = max(self.rows, self._row)
            elif name == b"c":
                r = _ATTR_R.search(attrs)
                ref = _CELL_REF.fullmatch(r.group(1).strip()) if r else None
                if ref:
                    self._col = _column(ref.group(1))
                    self.rows = max(self.rows, int(ref.group(2)))
                else:
                    self._col += 1
                    self.rows = max(self.rows, self._row or 1)
                self.cols = max(self.cols, self._col)
            else:
                self._dimension(attrs)

    def _dimension(self, attrs: bytes) -> None:
        """The corners of a ``<dimension ref="A1:K55">`` count as cells."""
        rows, cols = (_corner_cached if len(attrs) <= _CACHED_ATTRS_BYTES else _corner)(attrs)
        self.rows = max(self.rows, rows)
        self.cols = max(self.cols, cols)


def _corner(attrs: bytes) -> tuple[int, int]:
    """The last row and column (0: none) the ``ref`` of a ``<dimension>`` tag's attributes names."""
    rows = cols = 0
    ref = _ATTR_REF.search(attrs)
    for corner in (ref.group(1).split(b":") if ref else ()):
        cell = _CELL_REF.fullmatch(corner.strip())
        if cell:
            rows = max(rows, int(cell.group(2)))
            cols = max(cols, _column(cell.group(1)))
    return rows, cols


# The sheets of a period's files declare the same few dimensions: looked up, not parsed again
# (a pure function of the bytes; a long attribute list is parsed, not held).
_CACHED_ATTRS_BYTES = 256
_corner_cached = lru_cache(maxsize=256)(_corner)
