"""The chart parts of the summary workbooks, made once per process for a given chart.

Why: a non-leaf unit's summary workbook has two native charts (members by rating per child
unit, and for the unit itself), and openpyxl builds each from a few hundred descriptor objects
and serialises it element by element: about 2 ms of a ward's workbook, for XML that is the same
in most workbooks of a run. A chart's part holds no values, only references into its sheets
(sheet title and cell ranges), its titles and its colours; so the builder of a chart gives it a
key, everything it builds the chart from (:func:`chart_for`), and the part is written from the
bytes kept for that key (:func:`chart_xml`). Once a key's part is kept, the chart is not built
at all: the sheet gets a stand-in that says only where the chart goes and how big it is, what
the drawing part (written per workbook) needs. A chart without a key is serialised as openpyxl
would.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from openpyxl.chart._chart import ChartBase
from openpyxl.xml.functions import tostring

__all__ = ["chart_for", "chart_xml"]

_KEY = "_evalreport_part_key"  # the attribute of a chart that holds its key
_KEPT: dict[Hashable, bytes] = {}
_KEPT_MAX = 256  # a run's charts differ by their number of child units: a few dozen keys


class _KeptChart(ChartBase):
    """A chart whose part is kept: its size (cm) and, once added to a sheet, its anchor; all the
    drawing and the package's manifest read of a chart (ChartBase's own set-up is skipped)."""

    def __init__(self, key: Hashable, width: float, height: float) -> None:  # noqa: D107
        setattr(self, _KEY, key)
        self.width, self.height = width, height

    def _write(self) -> None:
        raise AssertionError("a kept chart's part is written from its bytes")


def chart_for(build: Callable[[], ChartBase], key: tuple[Hashable, ...], width: float, height: float) -> ChartBase:
    """The chart ``build()`` makes (with ``width`` and ``height`` in cm), marked with ``key``,
    which must hold everything ``build`` reads; or its stand-in once a part is kept for ``key``."""
    if key in _KEPT:
        return _KeptChart(key, width, height)
    chart = build()
    chart.width, chart.height = width, height
    setattr(chart, _KEY, key)
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
