"""The letterhead of the rendered Word report, reopened with python-docx, at every level of the
four-level fixture against domain.md's table ("The letterhead, by level"), and the workspace's
report settings reaching the reports of a run."""

from __future__ import annotations

import datetime as dt

import pytest
from docx import Document
from render_support import make_result
from workspace_support import fill_cells, make_workspace

from evalreport import parse_period
from evalreport.render.word.narrative import render_narrative
from evalreport.render.word.narrative_context import DocumentInfo
from evalreport.store import Workspace, WorkspaceConfigError

DOC = DocumentInfo(date=dt.date(2026, 1, 7))


def _head(path):
    """(left column's lines, right column's first run, signature column's lines, recipients)."""
    d = Document(str(path))
    left, right = d.tables[0].rows[0].cells
    sign_left, sign_right = d.tables[-1].rows[0].cells
    return left, right.paragraphs[0].runs[0], sign_right.text.split("\n"), sign_left.text.split("\n")[1:]


@pytest.mark.parametrize("code, superior, issuer, number, signs_for, to_parent", [
    ("T01", None, "TỈNH ỦY MẪU", "Số      -BC/TU", "T/M BAN THƯỜNG VỤ", "- Cấp ủy cấp trên (để báo cáo),"),
    ("H01", "ĐẢNG BỘ TỈNH MẪU", "HUYỆN ỦY ĐÔNG", "Số      -BC/HU", "T/M BAN THƯỜNG VỤ", "- Tỉnh ủy Mẫu (để báo cáo),"),
    ("X01", "ĐẢNG BỘ HUYỆN ĐÔNG", "ĐẢNG ỦY XÃ AN PHÚ", "Số      -BC/ĐU", "T/M ĐẢNG ỦY", "- Huyện ủy Đông (để báo cáo),"),
    ("C01", "ĐẢNG BỘ XÃ AN PHÚ", "CHI BỘ ẤP 1", "Số      -BC/CB", "T/M CHI BỘ", "- Đảng ủy xã An Phú (để báo cáo),"),
])
def test_letterhead_by_level(form, four, tmp_path, code, superior, issuer, number, signs_for, to_parent):
    out = render_narrative(make_result(form, four, parse_period("2021")), code, tmp_path / f"{code}.docx", doc=DOC)
    left, party, signature, recipients = _head(out)
    lines = [p for p in left.paragraphs if p.text]
    if superior:
        assert lines[0].text == superior and not any(r.bold for r in lines[0].runs)  # regular capitals
        lines = lines[1:]
    assert [p.text for p in lines] == [issuer, "*", number]
    assert all(r.bold for r in lines[0].runs)
    assert (party.text, party.bold, party.underline) == ("ĐẢNG CỘNG SẢN VIỆT NAM", True, True)
    assert signature[:2] == [signs_for, "BÍ THƯ"]
    assert recipients[0] == to_parent and recipients[-1] == "- Lưu Văn phòng."


def test_workspace_report_settings_reach_the_run_and_a_unit_override_wins(tmp_path):
    ws = make_workspace(tmp_path / "ws")
    fill_cells(ws)
    config = ws.folder / "evalreport.yaml"
    config.write_text(config.read_text(encoding="utf-8") + """
report:
  place: Mẫu
  signer: {title: Bí thư}
  units:
    H01:
      place: Đông
      number: 7
      signer: {title: Phó Bí thư, name: Trần Văn B}
      recipients: ["- Ban Tổ chức Tỉnh ủy (để báo cáo),", "- Lưu Văn phòng Huyện ủy."]
""", encoding="utf-8")
    ws.close()
    ws = Workspace.open(tmp_path / "ws")
    report = ws.run("2021", all_levels=True)
    ws.close()
    docs = {p.name.split("_")[2]: p for p in report.outputs if p.suffix == ".docx"}
    root = Document(str(docs["T01"]))
    assert root.tables[0].rows[0].cells[1].paragraphs[-1].text.startswith("Mẫu, ngày ")
    district = Document(str(docs["H01"]))
    left, right = district.tables[0].rows[0].cells
    assert left.text.split("\n")[-1] == "Số 7-BC/HU"
    assert right.paragraphs[-1].text.startswith("Đông, ngày ")
    sign_left, sign_right = district.tables[-1].rows[0].cells
    assert sign_right.text.split("\n")[:2] == ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"]
    assert sign_right.text.split("\n")[-1] == "Trần Văn B"
    assert sign_left.text.split("\n")[1:] == ["- Ban Tổ chức Tỉnh ủy (để báo cáo),", "- Lưu Văn phòng Huyện ủy."]
    other = Document(str(docs["H02"]))  # no override: the workspace's place, the default number
    assert other.tables[0].rows[0].cells[0].text.split("\n")[-1] == "Số      -BC/HU"
    assert other.tables[0].rows[0].cells[1].paragraphs[-1].text.startswith("Mẫu, ngày ")


@pytest.mark.parametrize("block, message", [
    ("report:\n  signer: {titel: Bí thư}\n", "key 'report.signer.titel': unknown key"),
    ("report:\n  units: {Z9: {place: X}}\n", "key 'report.units.Z9': unit 'Z9' is not in the unit list"),
    ("report:\n  recipients: nobody\n", "key 'report.recipients': the value must be a list"),
])
def test_bad_report_settings_name_the_key(tmp_path, block, message):
    ws = make_workspace(tmp_path / "ws")
    ws.close()
    config = ws.folder / "evalreport.yaml"
    config.write_text(config.read_text(encoding="utf-8") + block, encoding="utf-8")
    with pytest.raises(WorkspaceConfigError, match=message):
        Workspace.open(ws.folder)
