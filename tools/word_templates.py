"""Build the default narrative Word templates (DG-NAM, DV-THANG) reproducibly with python-docx.

The template follows the Party's document format (Hướng dẫn 36-HD/VPTW): A4, margins 20/20/30/15
mm, Times New Roman; a two-column header (issuing committee under its parent's name, "*", the
number on the left; "ĐẢNG CỘNG SẢN VIỆT NAM" and the italic place and date on the right); the title
"BÁO CÁO" and the subject in bold capitals; a justified body; "Nơi nhận:" bottom left and the
signature block bottom right. The body holds docxtpl/Jinja tags (documented in
docs/template-context.md), so an officer can edit the wording and layout in Word and rerun.

The letterhead, page, table and foot are shared (:mod:`tools.word_document`); the DV-THANG body
is :mod:`tools.movement_template`. Generated, not hand-made, so the files in ``templates/`` can be
rebuilt byte for byte:
``python -m tools.word_templates``.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

from evalreport.render.word.narrative import REPORT_TEMPLATES, RESOURCES_DIR, TEMPLATE_NAMES
from evalreport.store.atomic import atomic_write_bytes
from evalreport.wording.catalog import text
from evalreport.wording.language import language
from tools import word_document as W
from tools.movement_template import movement_template_bytes

__all__ = ["build_template_bytes", "write_default_templates", "TEMPLATE_NAMES", "REPORT_TEMPLATES", "RESOURCES_DIR",
           "TEMPLATES_DIR"]

TEMPLATES_DIR = Path(__file__).resolve().parents[1] / "templates"

# Static wording of the template. Numbers and sentences come from the context.
TEXT: dict[str, dict[str, str]] = {
    "vi": {
        "party": "ĐẢNG CỘNG SẢN VIỆT NAM",
        "part1": "I. KẾT QUẢ KIỂM ĐIỂM, ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG",
        "s_org": "1. Công tác lãnh đạo, chỉ đạo và tổ chức thực hiện",
        "s_orgs": "2. Kết quả đánh giá, xếp loại tổ chức đảng",
        "no_children": "{{ don_vi.ten }} không có tổ chức đảng trực thuộc.",
        "s_members": "3. Kết quả đánh giá, xếp loại đảng viên",
        "s_change": "4. So sánh với {{ ky.ky_truoc }}",
        "s_table": "5. Kết quả theo từng đơn vị trực thuộc",
        "hint_org": "[Cán bộ soạn thảo bổ sung: thời gian, cách thức tổ chức kiểm điểm, những điểm mới trong năm.]",
        "part2": "II. ĐÁNH GIÁ CHUNG",
        "hint_assess": "[Cán bộ soạn thảo viết: ưu điểm; hạn chế, khuyết điểm và nguyên nhân; bài học kinh nghiệm.]",
        "part3": "III. NHIỆM VỤ, GIẢI PHÁP TRONG THỜI GIAN TỚI",
        "hint_tasks": "[Cán bộ soạn thảo viết các nhiệm vụ, giải pháp trọng tâm.]",
        "received": "Nơi nhận:",
        "preparer": text("REPORT_PREPARER_LINE", "vi", name="{{ van_ban.nguoi_lap }}"),
        "cols": ["STT", "Đơn vị", "Tổng số đảng viên", "Được đánh giá"],
        "col_good": "Tỷ lệ HTTNV trở lên", "col_rating": "Xếp loại tổ chức", "col_tsvm": "TSVM",
        "total": "Cộng",
        "chart_caption": "Biểu đồ: kết quả xếp loại đảng viên theo đơn vị trực thuộc",
    },
    "en": {
        "party": "COMMUNIST PARTY OF VIETNAM",
        "part1": "I. RESULTS OF THE REVIEW, EVALUATION AND RATING",
        "s_org": "1. Direction and organization",
        "s_orgs": "2. Ratings of Party organizations",
        "no_children": "{{ don_vi.ten }} has no subordinate Party organizations.",
        "s_members": "3. Ratings of Party members",
        "s_change": "4. Compared with {{ ky.ky_truoc }}",
        "s_table": "5. Results by subordinate unit",
        "hint_org": "[To be written by the officer: when and how the reviews were held, what was new this year.]",
        "part2": "II. GENERAL ASSESSMENT",
        "hint_assess": "[To be written by the officer: strengths; shortcomings and their causes; lessons.]",
        "part3": "III. TASKS AND MEASURES AHEAD",
        "hint_tasks": "[To be written by the officer: the main tasks and measures.]",
        "received": "Recipients:",
        "preparer": text("REPORT_PREPARER_LINE", "en", name="{{ van_ban.nguoi_lap }}"),
        "cols": ["No.", "Unit", "Members", "Evaluated"],
        "col_good": "Good or better", "col_rating": "Unit rating", "col_tsvm": "TSVM",
        "total": "Total",
        "chart_caption": "Chart: ratings of members by subordinate unit",
    },
}


def _child_table(doc: Document, t: dict[str, str]) -> None:
    heads = [*t["cols"], "{{ cot_xep_loai[0] }}", "{{ cot_xep_loai[1] }}", "{{ cot_xep_loai[2] }}",
             "{{ cot_xep_loai[3] }}", t["col_good"], t["col_rating"], t["col_tsvm"]]
    row_tags = ["{{ r.stt }}", "{{ r.ten }}", "{{ r.tong_so|so }}", "{{ r.duoc_danh_gia|so }}",
                "{{ r.xep_loai[0]|so }}", "{{ r.xep_loai[1]|so }}", "{{ r.xep_loai[2]|so }}", "{{ r.xep_loai[3]|so }}",
                "{{ r.ty_le_httnv_tro_len|tyle }}", "{{ r.danh_gia }}", "{{ 'x' if r.tsvm else '' }}"]
    totals = ["", t["total"], "{{ dang_vien.tong_so|so }}", "{{ dang_vien.duoc_danh_gia|so }}",
              "{{ dang_vien.xep_loai[0].so|so }}", "{{ dang_vien.xep_loai[1].so|so }}",
              "{{ dang_vien.xep_loai[2].so|so }}", "{{ dang_vien.xep_loai[3].so|so }}",
              "{{ dang_vien.ty_le_httnv_tro_len|tyle }}", "", ""]
    widths = [0.8, 3.0, 1.35, 1.35, 1.5, 1.5, 1.45, 1.45, 1.4, 1.5, 1.2]  # 16.5 cm: the A4 text width
    W.unit_table(doc, heads, row_tags, totals, widths)


def _evaluation_bytes(lang: str) -> bytes:
    """The DG-NAM report: organization and member ratings, the change, the table and the chart."""
    t = TEXT[lang]
    doc = W.titled_document(t)
    W.body(doc, t["part1"], bold=True)
    W.body(doc, t["s_org"], bold=True)
    W.body(doc, "{{ cau.mo_dau }}")
    W.officer_part(doc, "to_chuc_thuc_hien", t["hint_org"])
    W.tag(doc, "{%p if cau.day_du %}")
    W.body(doc, "{{ cau.day_du }}")
    W.tag(doc, "{%p endif %}")
    W.body(doc, t["s_orgs"], bold=True)
    W.tag(doc, "{%p if co_don_vi_con %}")
    W.tag(doc, "{%p for c in cau.to_chuc %}")
    W.body(doc, "{{ c }}")
    W.tag(doc, "{%p endfor %}")
    W.tag(doc, "{%p else %}")
    W.body(doc, t["no_children"])
    W.tag(doc, "{%p endif %}")
    W.body(doc, t["s_members"], bold=True)
    for key in ("dang_vien_danh_gia", "dang_vien_xep_loai", "dang_vien_tot", "dang_vien_khtnv", "ky_luat"):
        W.body(doc, f"{{{{ cau.{key} }}}}")
    W.body(doc, t["s_change"], bold=True)
    W.body(doc, "{{ cau.thay_doi }}")
    W.tag(doc, "{%p if co_don_vi_con %}")
    W.body(doc, t["s_table"], bold=True)
    _child_table(doc, t)
    W.tag(doc, "{%p if bieu_do %}")
    chart = W.para(doc, "{{ bieu_do }}", align=WD_ALIGN_PARAGRAPH.CENTER)
    chart.paragraph_format.keep_with_next = True  # the caption never starts the next page alone
    W.para(doc, t["chart_caption"], italic=True, size=12, align=WD_ALIGN_PARAGRAPH.CENTER, after=6)
    W.tag(doc, "{%p endif %}")
    W.tag(doc, "{%p endif %}")
    return W.closed_document(doc, t)


#: The body of each form's report; the letterhead, page and foot are :mod:`tools.word_document`'s.
BUILDERS = {"DG-NAM": _evaluation_bytes, "DV-THANG": movement_template_bytes}


def build_template_bytes(lang: str = "vi", form: str = "DG-NAM") -> bytes:
    """The .docx bytes of the default template of ``form`` in ``lang``; identical on every run."""
    return BUILDERS[form](language(lang))


def write_default_templates(*folders: Path) -> list[Path]:
    """Write every form's template in both languages into each folder (default: templates/ and
    the package's resources)."""
    written = []
    for folder in folders or (TEMPLATES_DIR, RESOURCES_DIR):
        for form, names in REPORT_TEMPLATES.items():
            for lang, name in names.items():
                written.append(atomic_write_bytes(Path(folder) / name, build_template_bytes(lang, form)))
    return written


if __name__ == "__main__":  # pragma: no cover
    for path in write_default_templates():
        print(path)
