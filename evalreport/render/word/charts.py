"""The chart of a narrative report as DrawingML: members by rating, one stacked bar per child unit.

A native chart, not a picture: Word and LibreOffice draw it from the values cached in the chart
part, it prints sharp at any size, the officer can restyle it in Word, and it costs milliseconds
(a matplotlib PNG cost about 0.9 s a report, its import included: most of a rerun's rendering).

The chartSpace XML is built with openpyxl's chart classes, the ones the summary workbook's chart
uses, so the element order follows the schema without hand-written XML; that costs about 5 ms, so
it is built once per process for a set of ratings and copied for every chart (an all-levels run
draws one per unit), with only its ranges and counts set per chart; the cached points,
one element pair a value, are added to the serialised tree directly, as those classes write them. Every value is written
twice on purpose: as a cache (what Word and LibreOffice draw) and in a small embedded workbook the
cache's formulas point to (what Word opens on "Edit Data"; without it Word reports the data as
unavailable; :mod:`.chart_workbook`). Pure: data in, bytes out; :mod:`.docx_chart` puts the bytes
into a document.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from lxml import etree
from openpyxl.chart import BarChart
from openpyxl.chart.axis import ChartLines
from openpyxl.chart.chartspace import ChartContainer, ChartSpace
from openpyxl.chart.data_source import (
    AxDataSource,
    NumData,
    NumDataSource,
    NumRef,
    StrData,
    StrRef,
)
from openpyxl.chart.legend import Legend
from openpyxl.chart.plotarea import PlotArea
from openpyxl.chart.series import Series, SeriesLabel
from openpyxl.chart.shapes import GraphicalProperties
from openpyxl.chart.text import RichText
from openpyxl.compat.strings import safe_string
from openpyxl.drawing.line import LineProperties
from openpyxl.drawing.text import CharacterProperties, Font, Paragraph, ParagraphProperties
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.xml.functions import tostring, whitespace

from evalreport.render.rating_colors import rating_color
from evalreport.wording.catalog import text
from evalreport.wording.language import language

__all__ = ["RatingsChart", "ratings_chart", "chart_space_xml", "CHART_NS", "CHART_FONT"]

CHART_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"
_DRAWING_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CHART_FONT = "Times New Roman"  # the report's font (HD 36); it has every Vietnamese glyph
_PT_COUNT, _PT, _V, _F = (f"{{{CHART_NS}}}{tag}" for tag in ("ptCount", "pt", "v", "f"))
_REFS = (f"{{{CHART_NS}}}strRef", f"{{{CHART_NS}}}numRef")


@dataclass(frozen=True)
class RatingsChart:
    """What the chart shows, in drawing order (first unit at the top, as in the report's table)."""

    units: tuple[str, ...]  # the categories: child unit names
    ratings: tuple[str, ...]  # the series: rating labels, best first
    counts: tuple[tuple[int, ...], ...]  # counts[i][k]: members of units[i] rated ratings[k]
    lang: str = "vi"

    @property
    def axis_title(self) -> str:
        return text("CHART_AXIS", self.lang)

    @property
    def sheet(self) -> str:
        """The embedded workbook's sheet, which the cached values' formulas name."""
        return text("CHART_SHEET", self.lang)

    def column(self, k: int) -> tuple[int, ...]:
        """The values of series ``k`` (one rating), one per unit."""
        return tuple(row[k] for row in self.counts)


def ratings_chart(names: Sequence[str], series: Sequence[Sequence[int | None]], labels: Sequence[str],
                  lang: str = "vi", max_bars: int = 40) -> RatingsChart | None:
    """``series[i][k]`` is the count of rating ``k`` in unit ``names[i]``; None when nothing to draw.

    Units without a rated member get no bar. Beyond ``max_bars`` units only the ``max_bars``
    largest are drawn, still in the table's order (the table in the report lists them all).
    """
    width = len(labels)
    rows = [(n, tuple(v or 0 for v in [*s[:width], *[None] * (width - len(s))]))
            for n, s in zip(names, series, strict=True)]
    rows = [r for r in rows if sum(r[1])]
    if not rows or not labels:
        return None
    if len(rows) > max_bars:
        keep = set(sorted(range(len(rows)), key=lambda i: -sum(rows[i][1]))[:max_bars])
        rows = [r for i, r in enumerate(rows) if i in keep]
    return RatingsChart(tuple(n for n, _ in rows), tuple(labels), tuple(c for _, c in rows),
                        language(lang))


def _ref(chart: RatingsChart, col: int, first: int, last: int) -> str:
    letter = get_column_letter(col)
    cells = f"${letter}${first}" + (f":${letter}${last}" if last != first else "")
    return f"{quote_sheetname(chart.sheet)}!{cells}"


def _strings(chart: RatingsChart, col: int, first: int, values: Sequence[str]) -> StrRef:
    """A reference with its cache's count; the points are added to the tree (:func:`_add_points`)."""
    return StrRef(f=_ref(chart, col, first, first + len(values) - 1), strCache=StrData(ptCount=len(values)))


def _numbers(chart: RatingsChart, col: int, values: Sequence[int]) -> NumRef:
    """A reference with its cache's format and count; the points are added to the tree."""
    return NumRef(f=_ref(chart, col, 2, 1 + len(values)), numCache=NumData(formatCode="General", ptCount=len(values)))


def _add_points(tree: etree._Element, chart: RatingsChart) -> None:
    """The cached values, added to the serialised chart as openpyxl's StrVal and NumVal write
    them (``<c:pt idx="0"><c:v>…</c:v></c:pt>``, the same text conversion and white-space
    flag): serialising one object per value was most of the chart's cost (40 units and 4
    ratings make 360 points). The caches come in document order: each series' name, its
    categories, its values."""
    points: list[Sequence[object]] = []
    for k, label in enumerate(chart.ratings):
        points += [(label,), chart.units, chart.column(k)]
    caches = list(tree.iter(f"{{{CHART_NS}}}strCache", f"{{{CHART_NS}}}numCache"))
    for cache, values in zip(caches, points, strict=True):
        if int(cache.find(_PT_COUNT).get("val")) != len(values):
            raise ValueError(f"chart cache of {cache.find(_PT_COUNT).get('val')} points given {len(values)}")
        for i, value in enumerate(values):
            shown = etree.SubElement(etree.SubElement(cache, _PT, idx=str(i)), _V)
            shown.text = safe_string(value)
            whitespace(shown)


def _font(size: int, bold: bool = False) -> CharacterProperties:
    return CharacterProperties(sz=size * 100, b=bold, latin=Font(typeface=CHART_FONT), cs=Font(typeface=CHART_FONT))


def _text(size: int) -> RichText:
    """Text properties of a chart element (no text of its own)."""
    props = _font(size)
    return RichText(p=[Paragraph(pPr=ParagraphProperties(defRPr=props), endParaRPr=props, r=[])])


def _line(color: str) -> GraphicalProperties:
    return GraphicalProperties(ln=LineProperties(solidFill=color))


@lru_cache(maxsize=16)
def _skeleton(ratings: tuple[str, ...], lang: str) -> etree._Element:
    """The chart of ``ratings`` for one unit, without its cached points: built through
    openpyxl's classes once per process and language (about 5 ms), copied for every chart.
    Only the formulas' ranges and the caches' counts depend on the units (:func:`_fit`)."""
    chart = RatingsChart(("",), ratings, ((0,) * len(ratings),), lang)
    bar = BarChart()
    bar.type, bar.grouping, bar.overlap, bar.gapWidth, bar.varyColors = "bar", "stacked", 100, 60, False
    categories = _strings(chart, 1, 2, chart.units)
    for k, label in enumerate(chart.ratings):
        color = rating_color(k)
        series = Series(idx=k, order=k, tx=SeriesLabel(strRef=_strings(chart, k + 2, 1, [label])),
                        cat=AxDataSource(strRef=categories),
                        val=NumDataSource(numRef=_numbers(chart, k + 2, chart.column(k))), invertIfNegative=False)
        # a thin white edge between the segments of a bar
        series.graphicalProperties = GraphicalProperties(solidFill=color, ln=LineProperties(solidFill="FFFFFF", w=6350))
        bar.series.append(series)
    units, values = bar.x_axis, bar.y_axis  # in a horizontal bar chart the category axis is vertical
    units.delete = values.delete = False  # omitted, newer Office hides the axis
    units.scaling.orientation = "maxMin"  # first unit at the top, as in the table
    units.axPos, units.majorTickMark, units.txPr, units.spPr = "l", "none", _text(9), _line("BFBFBF")
    values.axPos, values.crosses, values.crossBetween = "b", "max", "between"  # ... values at the bottom
    values.title = chart.axis_title
    values.title.tx.rich.p[0].pPr = ParagraphProperties(defRPr=_font(9, bold=True))
    values.number_format, values.majorTickMark, values.txPr = "#,##0", "out", _text(9)
    values.majorGridlines = ChartLines(spPr=_line("D9D9D9"))
    values.spPr = _line("BFBFBF")
    space = ChartSpace(
        lang=text("CHART_LANG_TAG", chart.lang), roundedCorners=False,
        # no title: the template prints a caption under the chart
        chart=ChartContainer(autoTitleDeleted=True, plotArea=PlotArea(_charts=[bar]),
                             legend=Legend(legendPos="b", overlay=False, txPr=_text(9)), plotVisOnly=True,
                             dispBlanksAs="gap"),
        spPr=GraphicalProperties(noFill=True, ln=LineProperties(noFill=True)), txPr=_text(9))
    # through bytes: openpyxl builds lxml or ElementTree elements depending on its environment
    return etree.fromstring(tostring(space.to_tree()))


def _fit(tree: etree._Element, chart: RatingsChart) -> None:
    """Point the skeleton's references at ``chart``'s cells and give its caches their counts,
    as :func:`_strings` and :func:`_numbers` build them; in document order each series has its
    name (one cell), its categories (the units) and its values."""
    n = len(chart.units)
    expected = []
    for k in range(len(chart.ratings)):
        expected += [(_ref(chart, k + 2, 1, 1), 1), (_ref(chart, 1, 2, 1 + n), n), (_ref(chart, k + 2, 2, 1 + n), n)]
    refs = list(tree.iter(*_REFS))
    for ref, (formula, count) in zip(refs, expected, strict=True):
        ref.find(_F).text = formula
        ref.find("*/" + _PT_COUNT).set("val", str(count))


def chart_space_xml(chart: RatingsChart, workbook_rid: str | None = None, *, points: bool = True) -> bytes:
    """The chart part (``word/charts/chartN.xml``); ``workbook_rid`` is the chart part's
    relationship to its embedded workbook, if it has one. Without ``points``, the caches are
    left empty (what :mod:`.chart_slots` fills per chart)."""
    tree = copy.deepcopy(_skeleton(chart.ratings, chart.lang))
    _fit(tree, chart)
    if points:
        _add_points(tree, chart)
    if workbook_rid:  # openpyxl writes this id without its namespace
        data = etree.SubElement(tree, f"{{{CHART_NS}}}externalData")
        data.set(f"{{{_REL_NS}}}id", workbook_rid)
        etree.SubElement(data, f"{{{CHART_NS}}}autoUpdate").set("val", "0")
    etree.cleanup_namespaces(tree, top_nsmap={"a": _DRAWING_NS, "r": _REL_NS})  # declared once, at the top
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8", standalone=True)
