"""The narrative .docx: rendered from the shipped template, reopened with python-docx."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from docx import Document
from render_support import CELL_ROWS, make_result

from evalreport import parse_period
from evalreport.render.letterhead import ReportSettings, UnitReportSettings
from evalreport.render.word.jinja_env import TemplateRenderError
from evalreport.render.word.narrative import render_narrative
from evalreport.render.word.narrative_context import DocumentInfo
from tools.word_templates import RESOURCES_DIR, TEMPLATE_NAMES, TEMPLATES_DIR, build_template_bytes

DOC = DocumentInfo(date=dt.date(2022, 1, 7), place="Mẫu", number="12")


def _texts(path: Path) -> tuple[list[str], list[list[list[str]]]]:
    d = Document(str(path))
    return [p.text for p in d.paragraphs], [[[c.text for c in r.cells] for r in t.rows] for t in d.tables]


@pytest.fixture
def result(form, four):
    prev_rows = dict(CELL_ROWS)
    prev_rows["C08"] = (92, 36) + CELL_ROWS["C08"][2:]  # 32 more members, all exempt, a year earlier
    prev = make_result(form, four, parse_period("2020"), rows=prev_rows)
    return make_result(form, four, parse_period("2021"), previous=prev)


def test_shipped_templates_are_the_built_ones():
    for lang, name in TEMPLATE_NAMES.items():
        built = build_template_bytes(lang)
        assert (RESOURCES_DIR / name).read_bytes() == built
        assert (TEMPLATES_DIR / name).read_bytes() == built


def test_province_report_sentences_and_layout(result, tmp_path):
    out = render_narrative(result, None, tmp_path / "T01.docx", doc=DOC)
    paras, tables = _texts(out)
    header = tables[0][0]
    assert header[0] == "TỈNH ỦY MẪU\n*\nSố 12-BC/TU"  # the root has no parent line
    assert header[1] == "ĐẢNG CỘNG SẢN VIỆT NAM\n\nMẫu, ngày 07 tháng 01 năm 2022"
    assert paras[1:3] == ["BÁO CÁO", "KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG TỔ CHỨC ĐẢNG VÀ ĐẢNG VIÊN NĂM 2021"]
    body = "\n".join(paras)
    assert ("Tổng số đảng viên: 342 đồng chí; đảng viên được đánh giá, xếp loại: 314 đồng chí (91,81%).") in body
    assert "không hoàn thành nhiệm vụ: 05 đồng chí (1,59%)." in body
    assert "So với năm 2020: tổng số đảng viên giảm 32 đồng chí; " in body
    assert "Đến thời điểm báo cáo, có 2/2 đảng bộ cấp huyện, 4/4 tổ chức cơ sở đảng và 10/10 chi bộ trực thuộc" in body
    # order of the body as domain.md gives it
    order = ["1. Công tác lãnh đạo", "Đến thời điểm báo cáo", "2. Kết quả đánh giá, xếp loại tổ chức đảng",
             "3. Kết quả đánh giá, xếp loại đảng viên", "4. So sánh với năm 2020", "5. Kết quả theo từng",
             "II. ĐÁNH GIÁ CHUNG", "III. NHIỆM VỤ"]
    positions = [body.index(s) for s in order]
    assert positions == sorted(positions)
    children = tables[1]
    assert children[0][4:8] == ["HTXSNV", "HTTNV", "HTNV", "KHTNV"]
    assert children[1] == ["1", "Đảng bộ huyện Đông", "180", "165", "23", "112", "27", "3", "81,82%", "HTXSNV", "x"]
    assert children[-1][1:9] == ["Cộng", "342", "314", "44", "211", "54", "5", "81,21%"]
    assert len(Document(str(out)).inline_shapes) == 1  # the chart
    assert tables[2][0][1].startswith("T/M BAN THƯỜNG VỤ\nBÍ THƯ")


def test_unit_name_with_xml_characters(result, tmp_path):
    out = render_narrative(result, "C10", tmp_path / "C10.docx", doc=DOC)
    paras, tables = _texts(out)
    assert tables[0][0][0] == "ĐẢNG BỘ THỊ TRẤN CỦ CHI\nCHI BỘ A & B <1>\n*\nSố 12-BC/CB"
    body = "\n".join(paras)
    assert "Chi bộ A & B <1> đã tiến hành kiểm điểm" in body
    assert "Chi bộ A & B <1> không có tổ chức đảng trực thuộc." in body
    assert "Không có đảng viên không hoàn thành nhiệm vụ." in body
    assert "Không có đảng viên bị kỷ luật trong năm 2021." in body
    assert len(tables) == 2 and "5. Kết quả theo từng" not in body  # no child table, no chart
    out = render_narrative(result, "X04", tmp_path / "X04.docx", doc=DOC)
    assert ["3", "Chi bộ A & B <1>", "22", "20", "3", "13", "4", "0", "80,00%", "KHTNV", ""] in _texts(out)[1][1]


def test_increase_and_no_previous(form, four, tmp_path):
    prev_rows = dict(CELL_ROWS)
    prev_rows["C01"] = (35, 2, 1, 1, 31, 5, 20, 5, 1) + CELL_ROWS["C01"][9:]
    prev = make_result(form, four, parse_period("2020"), rows=prev_rows)
    out = render_narrative(make_result(form, four, parse_period("2021"), previous=prev), "X01", tmp_path / "a.docx")
    body = "\n".join(_texts(out)[0])
    assert ("So với năm 2020: tổng số đảng viên tăng 5 đồng chí; đảng viên được đánh giá, xếp loại tăng 5 đồng chí; "
            "số đảng viên hoàn thành tốt nhiệm vụ tăng 5 đồng chí;") in body
    out = render_narrative(make_result(form, four, parse_period("2021")), "X01", tmp_path / "b.docx")
    assert "Chưa có số liệu năm 2020 để so sánh." in _texts(out)[0]


def test_english_report(result, tmp_path):
    out = render_narrative(result, None, tmp_path / "en.docx", lang="en", doc=DOC)
    paras, tables = _texts(out)
    assert tables[0][0][1] == "COMMUNIST PARTY OF VIETNAM\n\nMẫu, 7 January 2022"
    assert paras[1] == "REPORT"
    body = "\n".join(paras)
    assert "Total members: 342; members evaluated: 314 (91.81%)." in body
    assert "Compared with year 2020: total members down 32 members;" in body


# The signature block's words in each language, from the catalog: the recipients, the derived
# signs-for line and title, the number's prefix; and the preparer last under the recipients.
FOOT = {
    "vi": {"number": "Số      -BC/TU", "received": "Nơi nhận:",
           "recipients": ["- Cấp ủy cấp trên (để báo cáo),", "- Các cấp ủy trực thuộc (để biết),", "- Lưu Văn phòng."],
           "signs": "T/M BAN THƯỜNG VỤ\nBÍ THƯ", "preparer": "Người lập biểu: Trần Thị B"},
    "en": {"number": "No.      -BC/TU", "received": "Recipients:",
           "recipients": ["- Higher-level committee (for reporting),", "- Subordinate Party committees (for information),",
                          "- Archive: Office."],
           "signs": "ON BEHALF OF THE STANDING COMMITTEE\nSECRETARY", "preparer": "Prepared by: Trần Thị B"},
}


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("preparer", ["Trần Thị B", ""])
def test_signature_block_and_preparer(result, tmp_path, lang, preparer):
    settings = ReportSettings(defaults=UnitReportSettings(place="Mẫu", preparer=preparer or None))
    out = render_narrative(result, None, tmp_path / "t.docx", lang=lang,
                           doc=DocumentInfo(date=dt.date(2022, 1, 7), settings=settings))
    paras, tables = _texts(out)
    words = FOOT[lang]
    assert tables[0][0][0].endswith("*\n" + words["number"])
    left, right = tables[-1][0]
    lines = left.split("\n")
    assert lines[:4] == [words["received"], *words["recipients"]]
    assert right.startswith(words["signs"])
    if preparer:
        assert lines[4:] == ["", words["preparer"]]  # after a blank line, the last of the left column
    else:
        assert lines[4:] == []
        assert "Trần Thị B" not in "\n".join([*paras, left, right])
    # no word of the other language slipped in
    other = FOOT["en" if lang == "vi" else "vi"]
    assert other["received"] not in left and other["signs"] not in right


def test_officer_text_replaces_the_hints(result, tmp_path):
    out = render_narrative(result, None, tmp_path / "t.docx", context={"danh_gia_chung": "Ưu điểm: đoàn kết & <tốt>."})
    body = "\n".join(_texts(out)[0])
    assert "Ưu điểm: đoàn kết & <tốt>." in body and "[Cán bộ soạn thảo viết: ưu điểm" not in body
    assert "[Cán bộ soạn thảo viết các nhiệm vụ" in body


def test_officer_text_keeps_its_line_breaks_and_tabs(result, tmp_path):
    """docxtpl's listing pass (skipped when the printed text has nothing for it) still turns a
    typed line break into a Word break and a tab into a Word tab."""
    out = render_narrative(result, None, tmp_path / "t.docx",
                           context={"danh_gia_chung": "Ưu điểm:\tđoàn kết\nHạn chế: chậm"})
    para = next(p for p in Document(str(out)).paragraphs if "Ưu điểm:" in p.text)
    assert para.text == "Ưu điểm:\tđoàn kết\nHạn chế: chậm"
    assert para._p.xpath(".//w:br") and para._p.xpath(".//w:tab")


def test_edited_template_error_names_the_tag(result, tmp_path):
    edited = tmp_path / "mau_sua.docx"
    d = Document(str(RESOURCES_DIR / TEMPLATE_NAMES["vi"]))
    d.add_paragraph("Tổng số: {{ so_lieu.dv_tong_so_sai|so }} đồng chí")
    d.save(str(edited))
    with pytest.raises(TemplateRenderError) as info:
        render_narrative(result, None, tmp_path / "x.docx", template=edited)
    err = info.value
    assert err.tag == "{{ so_lieu.dv_tong_so_sai|so }}" and err.template == "mau_sua.docx"
    assert "không có mục 'dv_tong_so_sai'" in str(err) and "Tổng số: {{ so_lieu.dv_tong_so_sai|so }} đồng chí" in str(err)
    assert not (tmp_path / "x.docx").exists()
    d.add_paragraph("{% if dang_vien.khtnv %} có")
    d.save(str(edited))
    with pytest.raises(TemplateRenderError) as info:
        render_narrative(result, None, tmp_path / "x.docx", template=edited)
    assert info.value.tag == "{% if dang_vien.khtnv %}"


def test_an_edited_template_renders(result, tmp_path):
    edited = tmp_path / "mau.docx"
    d = Document(str(RESOURCES_DIR / TEMPLATE_NAMES["vi"]))
    d.add_paragraph("Đảng viên: {{ so_lieu.dv_tong_so|so }}; HTTNV trở lên {{ ty_le.ty_le_httnv_tro_len|tyle }}; "
                    "{{ dang_vien.khtnv|dem(true) }} KHTNV; {{ van_ban.ngay|ngay }}")
    d.save(str(edited))
    out = render_narrative(result, None, tmp_path / "x.docx", template=edited, doc=DOC)
    assert _texts(out)[0][-1] == "Đảng viên: 342; HTTNV trở lên 81,21%; 05 KHTNV; ngày 07 tháng 01 năm 2022"


def test_control_characters_in_a_unit_name(form, tmp_path):
    from evalreport import load_hierarchy

    rows = [("T", "Tỉnh", "tinh", ""), ("H", "Huyện", "huyen", "T"), ("X", "Xã\x0b Một\x01", "co_so", "H"),
            ("C", "Chi bộ\x0b ấp 1\x02", "chi_bo", "X")]
    h = load_hierarchy([dict(zip(("ma_don_vi", "ten_don_vi", "cap", "ma_cap_tren"), r, strict=True)) for r in rows])
    res = make_result(form, h, parse_period("2021"), rows={"C": CELL_ROWS["C01"]}, ratings={"X": {"C": ("HTTNV", False)}})
    out = render_narrative(res, "X", tmp_path / "x.docx")
    paras, tables = _texts(out)  # python-docx parses it: the XML is well formed
    assert tables[1][1][1] == "Chi bộ  ấp 1" and tables[0][0][0].startswith("HUYỆN\nXÃ  MỘT")
