"""The body of the default membership movement report (DV-THANG), for ``tools/word_templates.py``.

The letterhead, page, unit table and signature block are the evaluation report's
(:mod:`tools.word_document`); only the sections differ: membership and its movement, the
comparison with the previous period, the table of subordinate units, then the officer's
assessment and tasks. The tags are documented in docs/template-context.md.
"""

from __future__ import annotations

from evalreport.wording.catalog import text
from tools import word_document as W

__all__ = ["movement_template_bytes", "TEXT"]

# Static wording of the template. Numbers and sentences come from the context.
TEXT: dict[str, dict[str, str | list[str]]] = {
    "vi": {
        "party": "ĐẢNG CỘNG SẢN VIỆT NAM",
        "part1": "I. TÌNH HÌNH BIẾN ĐỘNG ĐẢNG VIÊN",
        "s_members": "1. Số lượng và biến động đảng viên",
        "s_change": "2. So sánh với {{ ky.ky_truoc }}",
        "s_table": "3. Số liệu theo từng đơn vị trực thuộc",
        "hint_org": "[Cán bộ soạn thảo bổ sung: công tác phát triển đảng viên, quản lý đảng viên trong kỳ.]",
        "part2": "II. ĐÁNH GIÁ CHUNG",
        "hint_assess": "[Cán bộ soạn thảo viết: ưu điểm; hạn chế và nguyên nhân.]",
        "part3": "III. NHIỆM VỤ TRONG THỜI GIAN TỚI",
        "hint_tasks": "[Cán bộ soạn thảo viết các nhiệm vụ trọng tâm.]",
        "received": "Nơi nhận:",
        "preparer": text("REPORT_PREPARER_LINE", "vi", name="{{ van_ban.nguoi_lap }}"),
        "cols": ["STT", "Đơn vị", "Đầu kỳ", "Kết nạp", "Cuối kỳ", "Tăng, giảm", "Lũy kế kết nạp", "Chỉ tiêu năm",
                 "Đạt (%)", "Tình trạng"],
        "total": "Cộng",
    },
    "en": {
        "party": "COMMUNIST PARTY OF VIETNAM",
        "part1": "I. MOVEMENT OF PARTY MEMBERSHIP",
        "s_members": "1. Membership and its movement",
        "s_change": "2. Compared with {{ ky.ky_truoc }}",
        "s_table": "3. Figures by subordinate unit",
        "hint_org": "[To be written by the officer: admissions work and the management of members in the period.]",
        "part2": "II. GENERAL ASSESSMENT",
        "hint_assess": "[To be written by the officer: strengths; shortcomings and their causes.]",
        "part3": "III. TASKS AHEAD",
        "hint_tasks": "[To be written by the officer: the main tasks.]",
        "received": "Recipients:",
        "preparer": text("REPORT_PREPARER_LINE", "en", name="{{ van_ban.nguoi_lap }}"),
        "cols": ["No.", "Unit", "Start", "Admitted", "End", "Change", "Admitted year to date", "Annual target",
                 "Achieved (%)", "State"],
        "total": "Total",
    },
}


def _unit_table(doc, t: dict) -> None:
    row = ["{{ r.stt }}", "{{ r.ten }}", "{{ r.dau_ky|so }}", "{{ r.ket_nap|so }}", "{{ r.cuoi_ky|so }}",
           "{{ r.chenh_lech|so }}", "{{ r.luy_ke|so }}", "{{ r.chi_tieu|so }}", "{{ r.ty_le_chi_tieu|tyle }}",
           "{{ r.trang_thai }}"]
    totals = ["", t["total"], "{{ bien_dong.dau_ky|so }}", "{{ bien_dong.ket_nap|so }}", "{{ bien_dong.cuoi_ky|so }}",
              "{{ bien_dong.chenh_lech|so }}", "{{ bien_dong.luy_ke|so }}", "{{ bien_dong.chi_tieu|so }}",
              "{{ bien_dong.ty_le_chi_tieu|tyle }}", ""]
    widths = [0.8, 3.8, 1.4, 1.3, 1.4, 1.3, 1.4, 1.3, 1.3, 2.5]  # 16.5 cm: the A4 text width
    W.unit_table(doc, list(t["cols"]), row, totals, widths)


def movement_template_bytes(lang: str) -> bytes:
    """The .docx bytes of the DV-THANG report in ``lang`` ("vi" or "en"); identical on every run."""
    t = TEXT[lang]
    doc = W.titled_document(t)
    W.body(doc, t["part1"], bold=True)
    W.body(doc, t["s_members"], bold=True)
    W.body(doc, "{{ cau.mo_dau }}")
    W.tag(doc, "{%p if cau.day_du %}")
    W.body(doc, "{{ cau.day_du }}")
    W.tag(doc, "{%p endif %}")
    W.body(doc, "{{ cau.bien_dong }}")
    W.officer_part(doc, "to_chuc_thuc_hien", t["hint_org"])
    W.body(doc, t["s_change"], bold=True)
    W.body(doc, "{{ cau.so_sanh }}")
    W.tag(doc, "{%p if co_don_vi_con %}")
    W.body(doc, t["s_table"], bold=True)
    _unit_table(doc, t)
    W.tag(doc, "{%p endif %}")
    return W.closed_document(doc, t)
