"""The chart part filled per chart into text kept per shape (render/word/chart_slots.py): the
bytes the lxml path writes, and each unit's own names and numbers when units of one shape follow
each other in a process (as an all-levels run's workers render them)."""

from __future__ import annotations

import pytest
from docx import Document
from lxml import etree
from render_support import make_result

from evalreport import parse_period
from evalreport.render.word.chart_slots import chart_part_xml
from evalreport.render.word.charts import CHART_NS, RatingsChart, chart_space_xml, ratings_chart
from evalreport.render.word.form_roles import member_roles
from evalreport.render.word.narrative import render_narrative

_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"c": CHART_NS}


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("rid", ["rId1", None])
def test_the_filled_chart_is_the_lxml_paths_bytes(lang, rid):
    names = ["Chi bộ A & B <1>", " Ấp 2 ", "Đảng bộ\tphường", "=SUM(A1)", "Tổ\u00a0", "x > y", "Ấp\r3", "Ấp 4"]
    labels = ("Hoàn thành xuất sắc", "Hoàn thành tốt ", "A & <B>")
    for n in (1, 2, 7, 8):  # with 8 a name holds a carriage return: written by the lxml path itself
        chart = RatingsChart(tuple(names[:n]), labels, tuple((i, 7 * i, 10**9 - i) for i in range(n)), lang)
        assert chart_part_xml(chart, rid) == chart_space_xml(chart, rid)
    many = ratings_chart([f"Chi bộ {i}" for i in range(60)], [[i, 1, 2] for i in range(60)], labels, lang)
    assert chart_part_xml(many, rid) == chart_space_xml(many, rid)


def _chart(path) -> etree._Element:
    doc = Document(str(path))
    ref = next(doc.element.body.iter(f"{{{CHART_NS}}}chart"))
    return etree.fromstring(doc.part.rels[ref.get(f"{{{_R}}}id")].target_part.blob)


def test_each_unit_of_one_shape_gets_its_own_names_and_numbers(form, four, tmp_path):
    """H01 and H02 have two children each, X01 and X04 three: the second of each pair is filled
    into the text kept for the first; its chart must carry its own categories and values."""
    result = make_result(form, four, parse_period("2021"))
    ratings = member_roles(form).ratings
    for unit in ("H01", "H02", "X01", "X04"):
        space = _chart(render_narrative(result, unit, tmp_path / f"{unit}.docx"))
        children = four.children(unit)
        for k, series in enumerate(space.iter(f"{{{CHART_NS}}}ser")):
            assert [v.text for v in series.findall("c:cat//c:pt/c:v", NS)] == [four.name(c) for c in children]
            assert [int(v.text) for v in series.findall("c:val//c:pt/c:v", NS)] == [
                result.units[c].values[ratings[k]] for c in children]
    assert four.name("C10") in [v.text for v in space.iter(f"{{{CHART_NS}}}v")]  # "A & B <1>", escaped
