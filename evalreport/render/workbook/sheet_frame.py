"""The frame of a saved sheet (properties, views, print setup, merged ranges), each element
serialised once per process for a given value.

Why: an all-levels run saves nine sheets per non-leaf unit, and openpyxl turns each sheet's
settings into XML through its descriptor classes, element by element, although most of them are
the same in every sheet of a kind (the overview's views, margins and page setup are those of every
other overview). :class:`FrameWriter` is openpyxl's sheet writer whose settings elements come
from a cache keyed by their value (:func:`value_key`: every attribute and child element the
serialisation reads, with its type, so 1 and 1.0 or True and 1 stay apart), and whose merged
ranges are written without a cell range object per range. The XML is the same as openpyxl's.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from lxml.etree import Element, SubElement
from openpyxl.descriptors.serialisable import Serialisable
from openpyxl.worksheet._writer import WorksheetWriter

__all__ = ["FrameWriter", "value_key"]

_PLAIN = (str, int, float, bool, type(None))
_KEPT: dict[Hashable, Any] = {}
_KEPT_MAX = 512


class _NoKey(Exception):
    """A value that is not plain data: its element is serialised every time."""


def value_key(obj: object) -> Hashable:
    """A key equal for two objects exactly when openpyxl serialises them alike (see the module
    docstring); raises _NoKey for an object of an unknown kind."""
    if isinstance(obj, Serialisable):
        return (type(obj), *[value_key(getattr(obj, a)) for a in (*obj.__attrs__, *obj.__elements__)])
    if isinstance(obj, (list, tuple)):
        return (type(obj), *map(value_key, obj))
    if type(obj) in _PLAIN:
        return type(obj), obj
    raise _NoKey


def _element(obj: Serialisable) -> Any:
    """``obj.to_tree()``, from the cache when an equal value was serialised before. The element
    is only ever written out, never attached to a tree, so one can be written many times."""
    try:
        key = value_key(obj)
    except _NoKey:
        return obj.to_tree()
    found = _KEPT.get(key)
    if found is None:
        found = obj.to_tree()
        if len(_KEPT) < _KEPT_MAX:
            _KEPT[key] = found
    return found


class FrameWriter(WorksheetWriter):
    """openpyxl's sheet writer (3.1), the settings elements cached (see the module docstring);
    each method keeps openpyxl's condition for writing the element at all."""

    def write_properties(self) -> None:
        self.xf.send(_element(self.ws.sheet_properties))

    def write_views(self) -> None:
        self.xf.send(_element(self.ws.views))

    def write_format(self) -> None:
        self.ws.sheet_format.outlineLevelCol = self.ws.column_dimensions.max_outline
        self.xf.send(_element(self.ws.sheet_format))

    def write_protection(self) -> None:
        if self.ws.protection:
            self.xf.send(_element(self.ws.protection))

    def write_print(self) -> None:
        if self.ws.print_options:
            self.xf.send(_element(self.ws.print_options))

    def write_margins(self) -> None:
        if self.ws.page_margins:
            self.xf.send(_element(self.ws.page_margins))

    def write_page(self) -> None:
        if self.ws.page_setup:
            self.xf.send(_element(self.ws.page_setup))

    def write_merged_cells(self) -> None:
        merged = self.ws.merged_cells
        if merged:
            ranges = [str(ref) for ref in merged]
            el = Element("mergeCells", {"count": str(len(ranges))})
            for ref in ranges:
                SubElement(el, "mergeCell", {"ref": ref})
            self.xf.send(el)
