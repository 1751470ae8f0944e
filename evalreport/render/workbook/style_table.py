"""A style table prepared once per process for the summary workbooks of many units.

Why: an all-levels run writes a summary workbook for every non-leaf unit, and each started from
an empty openpyxl style table, so every font, fill, border, alignment and named style was hashed
into it again (about a quarter of a ward's workbook). The fonts and fills of two units' workbooks
are the same ones; only the cells differ. So the first workbook of a purpose is remembered
(:func:`remember`): its style lists and the caches of resolved styles kept for it
(:func:`style_cache`); every later workbook of that purpose (:func:`prepared_workbook`) starts
from copies of them.

Why that is safe: openpyxl's style lists only grow (a style's index never changes), and a cached
style array is only indexes into those lists. A workbook that starts from a copy of the lists holds
the same style at every remembered index, so the copied caches are right for it; what it adds
later is its own (the copies are not shared). The named styles are the same objects in every copy:
openpyxl reads them when writing and never changes them after they are added.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from weakref import WeakKeyDictionary

from openpyxl import Workbook
from openpyxl.styles.colors import COLOR_INDEX
from openpyxl.styles.differential import DifferentialStyleList
from openpyxl.styles.named_styles import NamedStyleList
from openpyxl.styles.stylesheet import write_stylesheet
from openpyxl.styles.table import TableStyleList
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.xml.functions import tostring

__all__ = ["style_cache", "prepared_workbook", "prepared_from", "remember", "stylesheet_xml"]

# The workbook's style lists (IndexedList: a list and a dict from style to index).
_LISTS = ("_fonts", "_fills", "_borders", "_alignments", "_protections", "_number_formats", "_cell_styles")

# Per workbook: named caches of styles resolved in that workbook's lists (e.g. put()'s options ->
# the style array they give).
_CACHES: WeakKeyDictionary[Workbook, dict[str, dict]] = WeakKeyDictionary()


@dataclass
class _Table:
    lists: dict[str, IndexedList]
    named: list
    date_formats: dict
    timedelta_formats: dict
    caches: dict[str, dict]
    # what a workbook's style table added to this one (and its conditional formats' styles) ->
    # its styles part
    stylesheets: dict[tuple, bytes] = field(default_factory=dict)


_PREPARED: dict[str, _Table] = {}
_ORIGIN: WeakKeyDictionary[Workbook, _Table] = WeakKeyDictionary()  # a prepared workbook -> its table
_STYLESHEETS_KEPT = 32


def style_cache(wb: Workbook, name: str) -> dict:
    """The cache ``name`` of styles resolved in ``wb``'s style lists (valid for ``wb`` only)."""
    caches = _CACHES.get(wb)
    if caches is None:
        caches = _CACHES[wb] = {}
    cache = caches.get(name)
    if cache is None:
        cache = caches[name] = {}
    return cache


def _copy(items: IndexedList) -> IndexedList:
    """A copy without hashing each style again (a dict copy keeps the stored hashes)."""
    out = IndexedList()
    list.extend(out, items)
    out._dict = dict(items._dict)
    out.clean = items.clean
    return out


def remember(wb: Workbook, purpose: str) -> None:
    """Keep ``wb``'s style lists and caches as the start of later workbooks of ``purpose`` (the
    first one only: later ones would not add much)."""
    if purpose in _PREPARED:
        return
    _PREPARED[purpose] = _Table(lists={name: _copy(getattr(wb, name)) for name in _LISTS},
                                named=list(wb._named_styles), date_formats=dict(wb._date_formats),
                                timedelta_formats=dict(wb._timedelta_formats),
                                caches={k: dict(v) for k, v in _CACHES.get(wb, {}).items()})


def prepared_workbook(purpose: str) -> Workbook | None:
    """A new workbook whose style table starts as the remembered one of ``purpose`` (named styles
    included), or None before one was remembered in this process."""
    table = _PREPARED.get(purpose)
    if table is None:
        return None
    wb = _PreparedWorkbook(table)
    _CACHES[wb] = {k: dict(v) for k, v in table.caches.items()}
    _ORIGIN[wb] = table
    return wb


def prepared_from(wb: Workbook) -> object | None:
    """The remembered table ``wb`` was prepared from (the same object for every workbook
    prepared from it, kept for the process), or None: style ids given in one workbook prepared
    from a table are the same in every other prepared from it, as long as each adds the same
    styles in the same order."""
    return _ORIGIN.get(wb)


class _PreparedWorkbook(Workbook):
    """A workbook whose style table starts as ``table``: openpyxl's default one is not built
    first only to be replaced (its "Normal" named style copies a font and a border through XML,
    a fortieth of a ward's workbook)."""

    def __init__(self, table: _Table) -> None:
        self._prepared_from = table
        super().__init__()

    def _setup_styles(self) -> None:
        table = self._prepared_from
        for name, items in table.lists.items():
            setattr(self, name, _copy(items))
        self._named_styles = NamedStyleList(table.named)
        self._date_formats = dict(table.date_formats)
        self._timedelta_formats = dict(table.timedelta_formats)
        # the rest of openpyxl's _setup_styles (3.1), as it makes them
        self._colors = COLOR_INDEX
        self._table_styles = TableStyleList()
        self._differential_styles = DifferentialStyleList()


def stylesheet_xml(wb: Workbook) -> bytes:
    """``wb``'s styles part (xl/styles.xml), as openpyxl writes it. Serialising the style table
    is the largest single cost of saving a ward's workbook (about 3 ms), and the workbooks prepared
    from one table mostly add the same styles to it: the part is kept per what was added (the
    styles themselves, compared by value), so an equal table gets the very same bytes."""
    table = _ORIGIN.get(wb)
    if table is None or len(wb._named_styles) != len(table.named) or wb._table_styles.tableStyle:
        return tostring(write_stylesheet(wb))
    key = (*(tuple(getattr(wb, name)[len(base):]) for name, base in table.lists.items()),
           tuple(wb._differential_styles.styles), tuple(wb._colors), wb._table_styles.defaultTableStyle,
           wb._table_styles.defaultPivotStyle)
    xml = table.stylesheets.get(key)
    if xml is None:
        xml = tostring(write_stylesheet(wb))
        if len(table.stylesheets) < _STYLESHEETS_KEPT:
            table.stylesheets[key] = xml
    return xml
