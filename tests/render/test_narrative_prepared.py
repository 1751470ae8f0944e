"""The Word template prepared once per process (render/word/prepared_template.py): a later unit's
report is the report plain docxtpl writes, part for part; an edited template file is prepared
afresh; a template whose headers or properties carry tags is rendered by plain docxtpl."""

from __future__ import annotations

import io
import os
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from docx import Document
from package_parts import package_parts
from render_support import make_result

from evalreport import parse_period
from evalreport.render.word import narrative
from evalreport.render.word.narrative import render_narrative
from tools.word_templates import RESOURCES_DIR, TEMPLATE_NAMES


def _text(path: Path) -> list[str]:
    d = Document(str(path))
    return [p.text for p in d.paragraphs] + [c.text for t in d.tables for r in t.rows for c in r.cells]


@pytest.fixture
def result(form, four):
    return make_result(form, four, parse_period("2021"))


def _nonleaf(result) -> list[str]:
    h = result.hierarchy
    return [u for u in h.subtree(result.root) if h.children(u)]


def _png() -> bytes:
    """A 1 × 1 grey PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\x80")) + chunk(b"IEND", b""))


def _officer_template(path: Path) -> Path:
    """The shipped template as an officer might extend it: a header and a footer without tags,
    a picture (a part of its own, a drawing whose id docxtpl renumbers) and a line that prints
    a value."""
    d = Document(str(RESOURCES_DIR / TEMPLATE_NAMES["vi"]))
    d.sections[0].header.paragraphs[0].text = "ĐẢNG CỘNG SẢN VIỆT NAM"
    d.sections[0].footer.paragraphs[0].text = "Lưu hành nội bộ"
    d.add_picture(io.BytesIO(_png()))
    d.add_paragraph("Đơn vị: {{ don_vi.ten }}")
    d.save(str(path))
    return path


@pytest.mark.parametrize("lang, officer", [("vi", False), ("en", False), ("vi", True)])
def test_a_later_unit_through_the_prepared_template_is_plain_docxtpls_report(result, tmp_path, monkeypatch, lang,
                                                                             officer):
    template = _officer_template(tmp_path / "mau.docx") if officer else None
    first, *later = _nonleaf(result)
    render_narrative(result, first, tmp_path / "first.docx", template, lang)  # prepares the template
    prepared = {u: render_narrative(result, u, tmp_path / f"prepared_{u}.docx", template, lang) for u in later}
    assert narrative.prepared_template(template or narrative.default_template(lang)) is not None
    monkeypatch.setattr(narrative, "prepared_template", lambda path: None)
    for unit, path in prepared.items():
        plain = render_narrative(result, unit, tmp_path / f"plain_{unit}.docx", template, lang)
        assert zipfile.ZipFile(path).namelist() == zipfile.ZipFile(plain).namelist()
        assert package_parts(path, skip=()) == package_parts(plain, skip=())
        assert _text(path) == _text(plain)
    texts = {u: _text(p) for u, p in prepared.items()}
    assert len({tuple(t) for t in texts.values()}) == len(texts)  # each unit its own values
    assert any(n.startswith("word/charts/") for n in zipfile.ZipFile(next(iter(prepared.values()))).namelist())


def _template(path: Path, line: str) -> Path:
    """The shipped template with ``line`` added, its parts stored uncompressed (so that lines of
    one length make files of one size)."""
    d = Document(str(RESOURCES_DIR / TEMPLATE_NAMES["vi"]))
    d.add_paragraph(line)
    saved = io.BytesIO()
    d.save(saved)
    with zipfile.ZipFile(saved) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as stored:
        for info in source.infolist():
            stored.writestr(zipfile.ZipInfo(info.filename, info.date_time), source.read(info))
    return path


def test_an_edited_template_file_is_not_served_from_a_stale_preparation(result, tmp_path):
    template = _template(tmp_path / "mau.docx", "Bản A: {{ don_vi.ten }}")
    first, second = _nonleaf(result)[:2]

    def printed(unit: str) -> list[str]:
        out = render_narrative(result, unit, tmp_path / f"{unit}.docx", template=template)
        return [p for p in _text(out) if p.startswith("Bản")]

    assert printed(first) == [f"Bản A: {result.hierarchy.name(first)}"]
    stamp = template.stat()
    _template(template, "Bản B: {{ don_vi.ten }}")
    os.utime(template, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))  # the same time stamp
    assert template.stat().st_size == stamp.st_size  # and the same size: only the content tells
    assert printed(second) == [f"Bản B: {result.hierarchy.name(second)}"]


def test_tags_in_a_header_and_the_properties_fall_back_to_plain_docxtpl(result, tmp_path):
    template = tmp_path / "mau_dau_trang.docx"
    d = Document(str(RESOURCES_DIR / TEMPLATE_NAMES["vi"]))
    d.sections[0].header.paragraphs[0].text = "Đầu trang: {{ don_vi.ten }}"
    d.core_properties.title = "Báo cáo {{ don_vi.ma }}"
    d.save(str(template))
    for unit in _nonleaf(result)[:3]:  # the first prepares, the later ones would be served prepared
        out = Document(str(render_narrative(result, unit, tmp_path / f"{unit}.docx", template=template)))
        assert out.sections[0].header.paragraphs[0].text == f"Đầu trang: {result.hierarchy.name(unit)}"
        assert out.core_properties.title == f"Báo cáo {unit}"


def _tables_template(path: Path) -> Path:
    """The shipped template with three tables docxtpl's ``fix_tables`` must mend or weigh: a grid
    one column wider than its rows, a row of cells repeated per child (``{%tc``), one merged cell."""
    d = Document(str(RESOURCES_DIR / TEMPLATE_NAMES["vi"]))
    wide = d.add_table(rows=2, cols=3)
    wide.cell(0, 0).text, wide.cell(1, 1).text = "{{ don_vi.ten }}", "x"
    for tr in wide._tbl.tr_lst:
        tr.remove(tr.tc_lst[-1])  # rows of two cells in a grid of three columns
    looped = d.add_table(rows=1, cols=3)
    for cell, line in zip(looped.rows[0].cells, ["{%tc for c in don_vi_con %}", "{{ c.ten }}", "{%tc endfor %}"],
                          strict=True):
        cell.text = line
    merged = d.add_table(rows=2, cols=3)
    merged.cell(0, 0).merge(merged.cell(0, 1))
    merged.cell(1, 2).text = "{{ don_vi.ma }}"
    d.save(str(path))
    return path


def test_tables_docxtpl_mends_are_mended_through_the_prepared_template(result, tmp_path, monkeypatch):
    template = _tables_template(tmp_path / "bang.docx")
    units = _nonleaf(result)
    prepared = {u: render_narrative(result, u, tmp_path / f"prepared_{u}.docx", template) for u in units}
    assert narrative.prepared_template(template) is not None
    monkeypatch.setattr(narrative, "prepared_template", lambda path: None)
    for unit, path in prepared.items():
        plain = render_narrative(result, unit, tmp_path / f"plain_{unit}.docx", template)
        assert package_parts(path, skip=()) == package_parts(plain, skip=())
        tables = Document(str(path)).tables[-3:]
        children = len(result.hierarchy.children(unit))
        # the grids as docxtpl mends them: two columns; one per child; the merged table's three
        assert [len(t._tbl.tblGrid.gridCol_lst) for t in tables] == [2, children, 3]
