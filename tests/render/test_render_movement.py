"""The membership movement report (DV-THANG) written by a workspace run for a month and for a
quarter, reopened with python-docx: the letterhead, the key sentences and numbers, the table of
subordinate units, and the comparison rules."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import THREE_LEVEL
from docx import Document

from evalreport import load_form, load_hierarchy
from evalreport.render.workbook.template_writer import fill_template
from evalreport.store import Workspace
from tools.word_templates import REPORT_TEMPLATES, RESOURCES_DIR, TEMPLATES_DIR, build_template_bytes

OPENING = {"C01": 100, "C02": 200, "C03": 300}
TARGET = 10  # admissions planned for the year, per cell


def month_values(opening: int, month: int) -> dict[str, int]:
    """A consistent month: ``month`` admitted, two transferred in, one out, one died."""
    flows = {"ket_nap": month, "chuyen_den": 2, "chuyen_di": 1, "tu_tran": 1, "xoa_ten": 0, "khai_tru": 0,
             "ra_khoi_dang": 0, "chuyen_chinh_thuc": 1}
    end = opening + month + 2 - 1 - 1
    return {"dau_ky": opening, "cuoi_ky": end, "du_bi_cuoi_ky": 5, **flows, "ket_nap_chi_tieu_nam": TARGET}


def send_months(ws: Workspace, months: range, skip: set[tuple[str, int]] = frozenset(),
                broken: set[tuple[str, int]] = frozenset()) -> None:
    form = load_form("DV-THANG")
    hierarchy = load_hierarchy(ws.folder / "don_vi.xlsx", "three_level")
    for cell, opening in OPENING.items():
        for month in months:
            values = month_values(opening, month)
            opening = values["cuoi_ky"]
            if (cell, month) in skip:
                continue
            if (cell, month) in broken:
                values = {**values, "cuoi_ky": values["cuoi_ky"] + 7}  # the balance rule fails
            fill_template(form, cell, f"2025-{month:02d}", hierarchy,
                          ws.inbox / f"DV-THANG_2025-{month:02d}_{cell}.xlsx", values)


@pytest.fixture
def ws(tmp_path):
    rows = [(c, n, lv, p or None) for c, n, lv, p in THREE_LEVEL]
    ws = Workspace.init(tmp_path / "ws", units_rows=rows, levels="three_level", forms=["DG-NAM", "DV-THANG"], workers=1)
    yield ws
    ws.close()


def _report(ws: Workspace, period: str, lang: str = "vi") -> tuple[str, list[list[list[str]]]]:
    report = ws.run(period, forms=["DV-THANG"], lang=lang)
    [docx] = [p for p in report.outputs if p.suffix == ".docx"]
    assert docx.name == f"DV-THANG_{period}_T01_{'report' if lang == 'en' else 'bao_cao'}.docx"
    d = Document(str(docx))
    return "\n".join(p.text for p in d.paragraphs), [[[c.text for c in r.cells] for r in t.rows] for t in d.tables]


def test_the_shipped_templates_are_the_built_ones():
    for lang, name in REPORT_TEMPLATES["DV-THANG"].items():
        built = build_template_bytes(lang, "DV-THANG")
        assert (RESOURCES_DIR / name).read_bytes() == built == (TEMPLATES_DIR / name).read_bytes()


def test_month_report(ws):
    send_months(ws, range(1, 4))
    ws.run("2025-02", forms=["DV-THANG"])  # February in the ledger: the previous month of March
    body, tables = _report(ws, "2025-03")
    assert tables[0][0][0].startswith("TỈNH ỦY MẪU\n*\nSố ")  # the letterhead of the evaluation report
    assert tables[0][0][1].startswith("ĐẢNG CỘNG SẢN VIỆT NAM")
    assert "BÁO CÁO\nTÌNH HÌNH BIẾN ĐỘNG ĐẢNG VIÊN THÁNG 03 NĂM 2025" in body
    # March: 600 + 3 × (1 + 2) = 609 at the start; 3 × 3 admitted, 6 in, 3 out, 3 died
    assert ("Tổng số đảng viên đầu kỳ 609, cuối kỳ 618 (tăng 09 đồng chí); trong kỳ kết nạp 09 đảng viên mới, "
            "chưa tính được lũy kế từ đầu năm") in body
    assert ("chuyển sinh hoạt đảng đến: 06, chuyển sinh hoạt đảng đi: 03; từ trần: 03; xóa tên: Không, "
            "khai trừ: Không, ra khỏi Đảng: Không; công nhận đảng viên chính thức: 03.") in body
    assert "Đến thời điểm báo cáo, có 2/2 tổ chức cơ sở đảng và 3/3 chi bộ trực thuộc đã gửi báo cáo." in body
    assert "So với tháng 02 năm 2025: số đảng viên cuối kỳ tăng 09 đồng chí; kết nạp đảng viên mới tăng 03 đồng chí." in body
    units = tables[1]
    assert units[0][:6] == ["STT", "Đơn vị", "Đầu kỳ", "Kết nạp", "Cuối kỳ", "Tăng, giảm"]
    assert units[1][1:6] == ["Đảng bộ phường Bến Nghé", "306", "6", "312", "6"]  # tables: plain numbers
    assert units[1][-1] == "Đã nộp, hợp lệ"
    assert units[-1][1:5] == ["Cộng", "609", "9", "618"]


def test_quarter_report_with_year_to_date(ws):
    send_months(ws, range(1, 4))
    body, tables = _report(ws, "2025-Q1")
    assert "TÌNH HÌNH BIẾN ĐỘNG ĐẢNG VIÊN QUÝ I NĂM 2025" in body
    # admitted 1 + 2 + 3 per cell; the target 10 per cell: 18/30 = 60%
    assert ("Tổng số đảng viên đầu kỳ 600, cuối kỳ 618 (tăng 18 đồng chí); trong kỳ kết nạp 18 đảng viên mới, "
            "lũy kế từ đầu năm 18/30, đạt 60,00% chỉ tiêu năm; chuyển sinh hoạt đảng đến: 18") in body
    assert "Chưa có số liệu quý IV năm 2024 để so sánh." in body
    assert tables[1][1][6:9] == ["12", "20", "60,00%"]


def test_missing_and_rejected_units_are_named_apart_and_no_change_is_claimed(ws):
    send_months(ws, range(1, 4), skip={("C03", 3)}, broken={("C02", 3)})
    ws.run("2025-02", forms=["DV-THANG"])
    body, tables = _report(ws, "2025-03")
    assert ("có 1/2 tổ chức cơ sở đảng và 1/3 chi bộ trực thuộc đã gửi báo cáo; 01 chi bộ trực thuộc gửi báo cáo "
            "có lỗi, chưa được tổng hợp: Chi bộ khu phố 2; 01 tổ chức cơ sở đảng chưa gửi: Đảng bộ xã Tân Thông Hội."
            in body)
    assert "(chưa tính tăng, giảm vì số liệu đầu kỳ và cuối kỳ chưa đủ các đơn vị)" in body
    assert "không so sánh tăng, giảm vì hai kỳ không cùng phạm vi đơn vị có số liệu." in body
    assert " tăng " not in body.split("II. ĐÁNH GIÁ CHUNG")[0]
    states = [row[-1] for row in tables[1][1:-1]]
    assert states == ["Thiếu một phần (1/2)", "Chưa nộp"]  # X01: C01 in, C02 rejected


def test_english_report_has_no_vietnamese(ws):
    send_months(ws, range(1, 4))
    body, tables = _report(ws, "2025-Q1", lang="en")
    assert "Members at the start of the period 600, at the end 618 (up 18 members); admitted in the period: " \
           "18 new members, year to date 18/30, 60.00% of the annual target" in body
    words = " ".join([body, *(c for t in tables[1:] for r in t for c in r)])
    vietnamese = re.findall(r"\w*[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]\w*", words, re.I)
    names = {w for _, n, _, _ in THREE_LEVEL for w in n.split()}  # unit names are printed as they are
    assert [w for w in vietnamese if w not in names] == []


def test_the_manifest_no_longer_says_there_is_no_report(ws):
    send_months(ws, range(1, 2))
    report = ws.run("2025-01", forms=["DV-THANG"])
    assert not [n for n in report.notes if "roles" in n]
    assert any(Path(p).suffix == ".docx" for p in report.outputs)
