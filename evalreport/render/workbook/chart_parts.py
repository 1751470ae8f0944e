"""The chart parts of the summary workbooks, serialised once per process for a given chart.

Why: a non-leaf unit's summary workbook has two native charts (members by rating per child
unit, and for the unit itself), and openpyxl serialises each through its descriptor classes,
element by element: about 1 ms of a ward's workbook, for XML that is the same in most
workbooks of a run. A chart's part holds no values, only references into its sheets (sheet
title and cell ranges), its titles and its colours; so the builder of a chart, which knows
what it built the chart from, gives it a key (:func:`keyed`) and the part is written from the
bytes kept for that key (:func:`chart_xml`). A chart without a key is serialised as openpyxl
would. Where a chart sits and how big it is are in the drawing part, written per workbook.
"""

from __future__ import annotations

from collections.abc import Hashable

from openpyxl.chart._chart import ChartBase
from openpyxl.xml.functions import tostring

__all__ = ["keyed", "chart_xml"]

_KEY = "_evalreport_part_key"  # the attribute of a chart that holds its key
_KEPT: dict[Hashable, bytes] = {}
_KEPT_MAX = 256  # a run's charts differ by their number of child units: a few dozen keys


def keyed(chart: ChartBase, *key: Hashable) -> ChartBase:
    """Mark ``chart`` as fully determined by ``key``: everything its builder read (language,
    the form's ratings, sheet titles, the rows referred to)."""
    setattr(chart, _KEY, (type(chart).__name__, *key))
    return chart


def chart_xml(chart: ChartBase) -> bytes:
    """The chart's part (xl/charts/chartN.xml) as openpyxl writes it."""
    key = getattr(chart, _KEY, None)
    if key is None:
        return tostring(chart._write())
    xml = _KEPT.get(key)
    if xml is None:
        xml = tostring(chart._write())
        if len(_KEPT) < _KEPT_MAX:
            _KEPT[key] = xml
    return xml
