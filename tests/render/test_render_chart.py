"""The narrative report's chart: a native Word chart whose cached values are the result's numbers.

Reports are rendered, saved and reopened with python-docx; the chart part and its embedded
workbook are read back from the package, and every number is compared with the result it came from.
"""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.shared import Cm
from lxml import etree
from render_support import make_result

from evalreport import parse_period
from evalreport.render.rating_colors import RATING_COLORS
from evalreport.render.word.chart_workbook import chart_workbook_xlsx
from evalreport.render.word.charts import CHART_NS, ratings_chart
from evalreport.render.word.docx_chart import chart_height
from evalreport.render.word.form_roles import member_roles
from evalreport.render.word.narrative import render_narrative

NS = {"c": CHART_NS, "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
      "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}


@pytest.fixture
def result(form, four):
    return make_result(form, four, parse_period("2021"))


def _charts(path: Path) -> list[tuple[etree._Element, object]]:
    """(chartSpace, chart part) for each chart the body's drawings point to, in document order."""
    doc = Document(str(path))
    out = []
    for ref in doc.element.body.iter(f"{{{CHART_NS}}}chart"):
        part = doc.part.rels[ref.get(f"{{{NS['r']}}}id")].target_part
        out.append((etree.fromstring(part.blob), part))
    return out


def _series(space: etree._Element) -> list[dict]:
    return [{"name": s.findtext("c:tx//c:v", namespaces=NS),
             "color": s.find("c:spPr/a:solidFill/a:srgbClr", NS).get("val"),
             "categories": [v.text for v in s.findall("c:cat//c:pt/c:v", NS)],
             "values": [int(v.text) for v in s.findall("c:val//c:pt/c:v", NS)],
             "formula": s.findtext("c:val//c:f", namespaces=NS)}
            for s in space.iter(f"{{{CHART_NS}}}ser")]


def test_root_report_has_a_native_chart_of_the_children(result, form, four, tmp_path):
    out = render_narrative(result, None, tmp_path / "T01.docx")
    charts = _charts(out)
    assert len(charts) == 1
    space, part = charts[0]
    assert part.partname == "/word/charts/chart1.xml"
    assert part.content_type == "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
    roles = member_roles(form)
    children = four.children("T01")
    series = _series(space)
    assert [s["name"] for s in series] == ["Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ",
                                           "Hoàn thành nhiệm vụ", "Không hoàn thành nhiệm vụ"]
    for k, (s, code) in enumerate(zip(series, roles.ratings, strict=True)):
        assert s["categories"] == ["Đảng bộ huyện Đông", "Đảng bộ huyện Tây"]
        assert s["values"] == [result.units[c].values[code] for c in children]
        assert s["color"] == RATING_COLORS[k]
    assert series[0]["values"] == [23, 21]  # worked out by hand: C01-C05 and C06-C10
    assert space.find(".//c:barDir", NS).get("val") == "bar"
    assert space.find(".//c:grouping", NS).get("val") == "stacked"
    assert space.find(".//c:catAx/c:scaling/c:orientation", NS).get("val") == "maxMin"  # first unit on top
    assert "".join(space.find(".//c:valAx/c:title", NS).itertext()) == "Số đảng viên"
    assert space.find(".//c:autoTitleDeleted", NS).get("val") == "1"  # the template's caption titles it
    # the drawing is inline, sized for two bars, and the document has no picture
    doc = Document(str(out))
    (inline,) = doc.inline_shapes
    assert (inline.width, inline.height) == (Cm(15.5), chart_height(2))
    assert not [p for p in doc.part.package.iter_parts() if p.content_type.startswith("image/")]


def test_edit_data_opens_the_same_numbers(result, form, four, tmp_path):
    """Word's "Edit Data" opens the embedded workbook, whose cells are what the formulas name."""
    space, part = _charts(render_narrative(result, "H02", tmp_path / "H02.docx"))[0]
    rid = space.find("c:externalData", NS).get(f"{{{NS['r']}}}id")
    workbook = part.rels[rid]
    assert workbook.reltype == RT.PACKAGE
    assert workbook.target_part.partname == "/word/embeddings/Microsoft_Excel_Worksheet1.xlsx"
    ws = openpyxl.load_workbook(io.BytesIO(workbook.target_part.blob))["Dữ liệu"]
    roles, children = member_roles(form), four.children("H02")
    assert [c.value for c in ws[1]] == ["Đơn vị", "Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ",
                                        "Hoàn thành nhiệm vụ", "Không hoàn thành nhiệm vụ"]
    assert [[c.value for c in row] for row in ws.iter_rows(min_row=2)] == [
        [four.name(c), *(result.units[c].values[r] for r in roles.ratings)] for c in children]
    assert [s["formula"] for s in _series(space)] == ["'Dữ liệu'!$B$2:$B$3", "'Dữ liệu'!$C$2:$C$3",
                                                      "'Dữ liệu'!$D$2:$D$3", "'Dữ liệu'!$E$2:$E$3"]


def test_english_chart(result, tmp_path):
    space, part = _charts(render_narrative(result, None, tmp_path / "en.docx", lang="en"))[0]
    assert [s["name"] for s in _series(space)][0] == "Excellently completed duties"
    assert "".join(space.find(".//c:valAx/c:title", NS).itertext()) == "Members"
    assert space.find("c:lang", NS).get("val") == "en-US"
    workbook = part.rels[space.find("c:externalData", NS).get(f"{{{NS['r']}}}id")].target_part
    assert openpyxl.load_workbook(io.BytesIO(workbook.blob)).sheetnames == ["Data"]


def test_no_chart_without_children_or_when_not_asked(result, tmp_path):
    for unit, chart in (("C10", True), (None, False)):
        out = render_narrative(result, unit, tmp_path / "x.docx", chart=chart)
        doc = Document(str(out))
        assert not _charts(out) and not doc.inline_shapes
        assert not [p for p in doc.part.package.iter_parts() if "chart" in p.partname or "embeddings" in p.partname]


def test_an_officers_template_prints_the_chart_where_it_says(result, tmp_path):
    """Any template: the tag inside a sentence and in a table cell gives two charts with their own
    parts; a template without the tag gets no chart part at all."""
    own = tmp_path / "own.docx"
    d = Document()
    d.add_paragraph("Biểu đồ {{ bieu_do }} như trên.")
    d.add_table(rows=1, cols=1).cell(0, 0).paragraphs[0].add_run("{{ bieu_do }}")
    d.save(str(own))
    out = render_narrative(result, None, tmp_path / "own_out.docx", template=own)
    charts = _charts(out)
    assert [p.partname for _, p in charts] == ["/word/charts/chart1.xml", "/word/charts/chart2.xml"]
    assert all(_series(space)[1]["values"] == [112, 99] for space, _ in charts)
    doc = Document(str(out))
    assert doc.paragraphs[0].text == "Biểu đồ  như trên."  # the drawing sits between the two runs
    ids = [el.get("id") for el in doc.element.body.iter(f"{{{NS['wp']}}}docPr")]
    assert len(set(ids)) == 2
    plain = tmp_path / "plain.docx"
    d = Document()
    d.add_paragraph("{{ don_vi.ten }}")
    d.save(str(plain))
    out = render_narrative(result, None, tmp_path / "plain_out.docx", template=plain)
    assert not [p for p in Document(str(out)).part.package.iter_parts() if "chart" in p.partname]


def test_which_units_get_a_bar():
    labels = ["A", "B"]
    assert ratings_chart(["x", "y"], [[0, 0], [None, None]], labels) is None
    chart = ratings_chart(["x", "y", "z"], [[1, None], [0, 0], [2]], labels)
    assert chart.units == ("x", "z") and chart.counts == ((1, 0), (2, 0))  # short rows padded with zeros
    assert chart.column(0) == (1, 2)
    names = [f"u{i}" for i in range(6)]
    sizes = [[3], [9], [1], [7], [5], [8]]
    assert ratings_chart(names, sizes, ["A"], max_bars=3).units == ("u1", "u3", "u5")  # largest, in table order


def test_chart_height_fits_the_page():
    assert round(chart_height(1).cm, 2) == 6.0
    assert round(chart_height(10).cm, 2) == 9.0
    assert round(chart_height(40).cm, 2) == 22.0


def test_one_colour_a_rating_in_every_output(result, tmp_path):
    """The summary workbook's chart of the children colours each rating as the Word chart does."""
    from evalreport.render.workbook.summary_workbook import write_summary_workbook

    path = write_summary_workbook(result, None, tmp_path / "T01.xlsx")
    with zipfile.ZipFile(path) as z:
        spaces = [etree.fromstring(z.read(n)) for n in sorted(z.namelist()) if n.startswith("xl/charts/chart")]
    stacked = next(sp for sp in spaces if sp.find(".//c:grouping", NS).get("val") == "stacked")
    word = _series(_charts(render_narrative(result, None, tmp_path / "T01.docx"))[0][0])
    assert [s["color"] for s in _series(stacked)] == [s["color"] for s in word] == list(RATING_COLORS[:4])


def test_rendering_does_not_load_a_plotting_library(tmp_path):
    """The report renders in a fresh process (a rerun) without matplotlib (0.6 s to import)."""
    code = (
        "import sys\n"
        "from conftest import FOUR_LEVEL\n"
        "from render_support import make_result\n"
        "from evalreport import load_form, load_hierarchy, parse_period\n"
        "from evalreport.render.word.narrative import render_narrative\n"
        "rows = [dict(zip(('ma_don_vi', 'ten_don_vi', 'cap', 'ma_cap_tren'), r)) for r in FOUR_LEVEL]\n"
        "res = make_result(load_form('DG-NAM'), load_hierarchy(rows), parse_period('2021'))\n"
        f"render_narrative(res, None, {str(tmp_path / 'r.docx')!r})\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'matplotlib'))\n")
    tests = Path(__file__).resolve().parents[1]
    done = subprocess.run([sys.executable, "-c", code], cwd=tests, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
    assert _charts(tmp_path / "r.docx")


def test_a_name_like_a_formula_stays_text_in_the_workbook():
    chart = ratings_chart(["=HYPERLINK(\"x\")", "Chi bộ ấp Chợ"], [[1, 2], [3, 4]], ["A", "B"])
    ws = openpyxl.load_workbook(io.BytesIO(chart_workbook_xlsx(chart)))["Dữ liệu"]
    assert [[c.value for c in row] for row in ws.iter_rows()] == [
        ["Đơn vị", "A", "B"], ["=HYPERLINK(\"x\")", 1, 2], ["Chi bộ ấp Chợ", 3, 4]]
    assert ws["A2"].data_type == "s" and ws.column_dimensions["A"].width == 36


def test_cached_points_are_what_openpyxl_writes_for_them():
    """The caches' points are added to the serialised chart directly; each cache must be what
    openpyxl's StrData/NumData with StrVal/NumVal points writes (escaping, white space kept)."""
    from openpyxl.chart.data_source import NumData, NumVal, StrData, StrVal
    from openpyxl.xml.functions import tostring

    from evalreport.render.word.charts import chart_space_xml

    names = ["Chi bộ A & B <1>", " Ấp 2 ", "Đảng bộ\tphường", "=SUM(A1)"]
    chart = ratings_chart(names, [[3, 0, 1, 2], [1, 1, 1, 1], [10**9, 0, 0, 1], [0, 0, 0, 5]],
                          ["Hoàn thành xuất sắc", "Hoàn thành tốt", "Hoàn thành", "Không hoàn thành "])
    space = etree.fromstring(chart_space_xml(chart, "rId1"))

    def shape(element) -> tuple:  # names without namespace: openpyxl declares the chart's as the default
        return (etree.QName(element).localname, sorted(element.attrib.items()), element.text,
                [shape(child) for child in element])

    def expected(cache, tag: str) -> tuple:
        return shape(etree.fromstring(tostring(cache.to_tree(tagname=tag))))

    for k, series in enumerate(space.iter(f"{{{CHART_NS}}}ser")):
        label, categories = series.find("c:tx//c:strCache", NS), series.find("c:cat//c:strCache", NS)
        values = series.find("c:val//c:numCache", NS)
        assert shape(label) == expected(StrData(ptCount=1, pt=[StrVal(idx=0, v=chart.ratings[k])]), "strCache")
        assert shape(categories) == expected(StrData(ptCount=4, pt=[StrVal(idx=i, v=v) for i, v in enumerate(names)]),
                                             "strCache")
        assert shape(values) == expected(NumData(formatCode="General", ptCount=4,
                                                 pt=[NumVal(idx=i, v=v) for i, v in enumerate(chart.column(k))]),
                                         "numCache")
    assert [v.text for v in space.find(".//c:cat//c:strCache", NS).iter(f"{{{CHART_NS}}}v")] == names
