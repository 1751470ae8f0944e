"""A1 cell addresses of a submitted sheet and zero-based (row, column) positions, both ways.

The reader finds fields by position and reports findings by address; both conversions are cached
because every file of a form uses the same few cells.
"""

from __future__ import annotations

from functools import lru_cache

from evalreport.form.metadata import MetaError
from evalreport.model.submission import CellRef

__all__ = ["column_index", "row_col", "a1", "cell_ref"]


def column_index(letters: str) -> int:
    """``"C"`` -> 2, zero-based."""
    n = 0
    for ch in letters:
        n = n * 26 + (ord(ch.upper()) - 64)
    return n - 1


@lru_cache(maxsize=4096)  # the same few references in every file of a form
def row_col(ref: str) -> tuple[int, int]:
    """``"C9"`` -> (8, 2), zero-based."""
    i = next((k for k, ch in enumerate(ref) if ch.isdigit()), len(ref))
    if i == 0 or i == len(ref) or not ref[:i].isalpha() or not ref[i:].isdigit():
        raise MetaError("bad_cell", ref)
    return int(ref[i:]) - 1, column_index(ref[:i])


@lru_cache(maxsize=4096)  # the same few cells in every file of a form
def a1(row: int, col: int) -> str:
    """(8, 2) -> ``"C9"``."""
    letters = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return f"{letters}{row + 1}"


@lru_cache(maxsize=4096)
def cell_ref(sheet: str, row: int, col: int) -> CellRef:
    """One shared (immutable) reference per cell: the same few in every file of a form."""
    return CellRef(sheet, a1(row, col))
