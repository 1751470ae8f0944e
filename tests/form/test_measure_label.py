"""One label per organization measure, in the workbook's tc_* rows and in findings alike."""

from __future__ import annotations

from evalreport.aggregate.rollup import field_label
from evalreport.form.layout import FormLayout


def test_one_label_for_a_measure_in_the_workbook_and_in_messages(form, four):
    org = form.organizations
    layout = FormLayout.for_unit(form, "T01", four)
    tc_total = next(f for f in layout.fields if f.group == "tc" and f.code.endswith("_tong_so"))
    assert tc_total.label == org.measure_label("tong_so") == "Tổng số tổ chức đảng"
    assert field_label(form, four, tc_total.code).endswith(": Tổng số tổ chức đảng")
    assert org.measure_label("duoc_danh_gia", "en") == "Rated"
    assert org.measure_label("htxsnv") == "Hoàn thành xuất sắc nhiệm vụ"


def test_labels_follow_the_declared_measure_names(form):
    """A form that calls its total measure otherwise still gets the total's label."""
    org = form.organizations.model_copy(update={"total_measure": "tat_ca"})
    assert org.measure_label("tat_ca", "en") == "Total organizations"
