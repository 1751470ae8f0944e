"""Templates cloned from one written template per shape are the files the writer would write."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from package_parts import package_parts

from evalreport import load_hierarchy, make_template, make_templates, read_submission
from evalreport.form.layout import FormLayout
from evalreport.model.period import parse_period
from evalreport.render.workbook.template_clone import TemplateCloner

ODD_NAMES = ["Chi bộ A & B <số 1>", "  Chi bộ Đồng Tâm  ", 'Chi bộ "Ấp Mới" > ấp cũ',
             "Chi bộ " + "khu phố rất dài " * 12, "=SUM(A1) khu phố", "Chi bộ Nguyễn Thị Định"]


def _tree():
    """Two wards with three cells each (one shape of unit with children), leaves with names that
    need escaping, diacritics, outer spaces, a formula-like text and a name long enough to wrap."""
    rows = [{"ma_don_vi": "TINH", "ten_don_vi": "Đảng bộ tỉnh Thử & Nghiệm", "cap": "tinh", "ma_cap_tren": ""},
            {"ma_don_vi": "H01", "ten_don_vi": "Đảng bộ huyện <Một>", "cap": "huyen", "ma_cap_tren": "TINH"}]
    names = iter(["Chi bộ khu phố 7", "Chi bộ khu phố 8", *ODD_NAMES, "Chi bộ khu phố 9"])
    for x in (1, 2, 3):
        rows.append({"ma_don_vi": f"X{x}", "ten_don_vi": f"Đảng bộ xã Hòa Bình {x}", "cap": "co_so",
                     "ma_cap_tren": "H01"})
        for c in (1, 2, 3):
            rows.append({"ma_don_vi": f"X{x}C{c}", "ten_don_vi": next(names), "cap": "chi_bo", "ma_cap_tren": f"X{x}"})
    return load_hierarchy(rows, "default", strict=True)


@pytest.fixture
def written(tmp_path, form):
    h = _tree()
    cloner = TemplateCloner(form, parse_period("2025"), h.at(parse_period("2025")))
    cloned, plain = tmp_path / "cloned", tmp_path / "plain"
    for unit in h:
        cloner.write(unit.code, cloned / f"{unit.code}.xlsx")
        make_template(form, unit.code, "2025", h, plain / f"{unit.code}.xlsx")
    return h, cloner, cloned, plain


def test_cloned_templates_are_the_writers_files(written, form):
    h, cloner, cloned, plain = written
    # after the first unit of a shape and the second (written both ways and compared), every leaf
    # but the one whose long name wraps differently, and the third ward, went through cloning
    assert cloner.cloned == 7
    for unit in h:
        a, b = cloned / f"{unit.code}.xlsx", plain / f"{unit.code}.xlsx"
        assert package_parts(a) == package_parts(b), unit.code
        ra, rb = read_submission(a, [form]), read_submission(b, [form])
        assert (ra.unit_code, ra.unit_name, ra.period, ra.values, ra.ratings, ra.kind) == \
               (rb.unit_code, rb.unit_name, rb.period, rb.values, rb.ratings, rb.kind)
        assert ra.unit_code == unit.code
        assert [f.rule for f in ra.findings] == [f.rule for f in rb.findings]  # blank: "value missing" only


def test_odd_names_survive(written):
    h, _, cloned, _ = written
    for unit in h:
        wb = load_workbook(cloned / f"{unit.code}.xlsx")
        assert wb.worksheets[0]["C2"].value == unit.code
        assert wb.worksheets[0]["C3"].value == unit.name


def test_filled_clone_is_ingested_with_its_values(written, form, tmp_path):
    h, _, cloned, _ = written
    for code in ("X3C3", "X2"):  # a cloned leaf and a cloned unit with children
        layout = FormLayout.for_unit(form, code, h)
        wb = load_workbook(cloned / f"{code}.xlsx")
        ws = wb.worksheets[0]
        values = {f.code: 10 + i for i, f in enumerate(layout.fields)}
        for f in layout.fields:
            ws[f.cell] = values[f.code]
        filled = tmp_path / f"filled_{code}.xlsx"
        wb.save(filled)
        sub = read_submission(filled, [form])
        assert sub.unit_code == code and sub.values == values


def test_make_templates_clones_and_falls_back(tmp_path, form, four):
    """The batch writes the same parts as one make_template per unit, whichever path each took."""
    paths = make_templates(form, "2021", four, tmp_path / "batch")
    for path in paths:
        code = read_submission(path, [form]).unit_code
        assert package_parts(path) == package_parts(make_template(form, code, "2021", four, tmp_path / "one" / path.name))
