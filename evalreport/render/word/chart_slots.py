"""The chart part of a report, written per chart into text kept per shape.

Why: an all-levels run draws one chart per non-leaf unit (888 at N = 10,000), and
:func:`.charts.chart_space_xml` copies the lxml skeleton, sets its ranges, adds one element pair
per cached point (40 units and 4 ratings make 360) and serialises the tree: about 0.6 ms a chart.
All of that but the points' text is the same for every chart of one shape (the ratings, the
language, the number of units, the workbook relationship). So, per shape and process, that
path's own output with empty caches is kept, cut where each cache's points go; a chart is then
that text with its points in the slots, written as lxml writes them (``<c:pt idx="i"><c:v>…``,
``&``, ``<`` and ``>`` escaped, ``xml:space="preserve"`` on text with white space at an end, as
openpyxl's ``whitespace`` sets it).

The kept text is checked once per shape against the lxml path on a chart whose names need
escaping and keeping white space; a shape whose check fails, and any chart with a character
lxml would refuse or write as a character reference, goes through :func:`.charts.chart_space_xml`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from openpyxl.compat.strings import safe_string

from evalreport.render.word.charts import RatingsChart, chart_space_xml

__all__ = ["chart_part_xml"]

#: Anything but the characters lxml writes as they are or as &amp; &lt; &gt; (a carriage return
#: is written as a character reference, control characters are refused).
_UNUSUAL = re.compile("[^\t\n\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_CACHE_END = re.compile(r"</(?:([\w.-]+):)?(?:strCache|numCache)>")


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@lru_cache(maxsize=64)
def _slots(ratings: tuple[str, ...], lang: str, units: int, workbook_rid: str | None
           ) -> tuple[tuple[str, ...], str] | None:
    """The chart of this shape with empty caches, cut before each cache's end (name, categories
    and values of each series, in document order), and the chart elements' prefix; None when
    filling it would not give the lxml path's bytes."""
    probe = RatingsChart(tuple(f" {i} & <é> " if i % 2 else f"Ấp {i}" for i in range(units)), ratings,
                         tuple(tuple(range(i, i + len(ratings))) for i in range(units)), lang)
    empty = chart_space_xml(probe, workbook_rid, points=False).decode("utf-8")
    ends = list(_CACHE_END.finditer(empty))
    if len(ends) != 3 * len(ratings) or len({m.group(1) for m in ends}) != 1:
        return None
    cuts = [0, *(m.start() for m in ends), len(empty)]
    pieces = tuple(empty[a:b] for a, b in zip(cuts, cuts[1:], strict=False))
    prefix = f"{ends[0].group(1)}:" if ends[0].group(1) else ""
    if _filled(pieces, prefix, probe).encode("utf-8") != chart_space_xml(probe, workbook_rid):
        return None
    return pieces, prefix


def _points(values: tuple[object, ...], prefix: str) -> str:
    """The cache's points as lxml writes the elements :func:`.charts._add_points` adds."""
    out = []
    for i, value in enumerate(values):
        shown = safe_string(value)
        stripped = shown.strip()
        space = ' xml:space="preserve"' if stripped and shown != stripped else ""
        out.append(f'<{prefix}pt idx="{i}"><{prefix}v{space}>{_escaped(shown)}</{prefix}v></{prefix}pt>')
    return "".join(out)


def _filled(pieces: tuple[str, ...], prefix: str, chart: RatingsChart) -> str:
    units = _points(chart.units, prefix)  # the same categories in every series
    out = [pieces[0]]
    for k, label in enumerate(chart.ratings):
        out += [_points((label,), prefix), pieces[3 * k + 1], units, pieces[3 * k + 2],
                _points(chart.column(k), prefix), pieces[3 * k + 3]]
    return "".join(out)


def chart_part_xml(chart: RatingsChart, workbook_rid: str | None = None) -> bytes:
    """:func:`.charts.chart_space_xml`'s bytes for ``chart``, filled into text kept per shape."""
    if any(_UNUSUAL.search(name) for name in (*chart.units, *chart.ratings)) or any(
            type(v) is not int for row in chart.counts for v in row):
        return chart_space_xml(chart, workbook_rid)
    slots = _slots(chart.ratings, chart.lang, len(chart.units), workbook_rid)
    if slots is None:
        return chart_space_xml(chart, workbook_rid)
    return _filled(*slots, chart).encode("utf-8")
