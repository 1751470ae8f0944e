from pathlib import Path

import pytest
import yaml

from evalreport import FormDefinitionError, load_form
from evalreport.form.definition import FORMS_DIR
from evalreport.form.expressions import ExpressionError, parse_comparison, parse_expression

DOMAIN_MEMBER_FIELDS = [
    "dv_tong_so", "dv_mien", "dv_moi_ket_nap", "dv_chua_danh_gia", "dv_duoc_danh_gia", "dv_htxsnv", "dv_httnv",
    "dv_htnv", "dv_khtnv", "dv_khtnv_ky_luat", "dv_khtnv_cong_chuc", "dv_khtnv_duoi_50", "dv_khtnv_khac",
    "dv_kl_khien_trach", "dv_kl_canh_cao", "dv_kl_cach_chuc", "dv_kl_khai_tru",
]


def test_shipped_forms_match_domain(form, monthly_form):
    assert form.field_codes == DOMAIN_MEMBER_FIELDS
    assert [d.code for d in form.derived][0] == "dv_httnv_tro_len"
    assert form.organizations.measures == ["tong_so", "khong_danh_gia", "duoc_danh_gia", "htxsnv", "httnv",
                                           "htnv", "khtnv", "tsvm"]
    assert form.param("quota_htxsnv") == 0.2
    assert monthly_form.field_map["ket_nap"].rollup == "sum"
    assert monthly_form.field_map["dau_ky"].rollup == "first"
    assert monthly_form.field_map["cuoi_ky"].rollup == "last"
    assert monthly_form.period_types == ["month"]


def _broken(tmp_path: Path, mutate) -> Path:
    data = yaml.safe_load((FORMS_DIR / "dg_nam.yaml").read_text(encoding="utf-8"))
    mutate(data)
    path = tmp_path / "broken.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_unknown_field_in_expression(tmp_path):
    def m(d):
        d["rules"][0]["check"] = "dv_tong_so == dv_mien + dv_khong_co"
    with pytest.raises(FormDefinitionError) as exc:
        load_form(_broken(tmp_path, m))
    assert "broken.yaml" in str(exc.value) and "rule 'DV_TONG_SO'" in str(exc.value) and "dv_khong_co" in str(exc.value)


def test_duplicate_code(tmp_path):
    def m(d):
        d["sections"][0]["fields"].append(dict(d["sections"][0]["fields"][0]))
    with pytest.raises(FormDefinitionError, match="field 'dv_tong_so': duplicate code"):
        load_form(_broken(tmp_path, m))


def test_bad_severity(tmp_path):
    def m(d):
        d["rules"][1]["severity"] = "fatal"
    with pytest.raises(FormDefinitionError, match=r"rules\.1\.severity"):
        load_form(_broken(tmp_path, m))


def test_code_is_rejected(tmp_path):
    def m(d):
        d["shares"][0]["numerator"] = "__import__('os').system('echo hi')"
    with pytest.raises(FormDefinitionError, match="share 'ty_le_duoc_danh_gia'.*not allowed"):
        load_form(_broken(tmp_path, m))


def test_unknown_form_code():
    with pytest.raises(FormDefinitionError, match="Form 'XX' is not supported.*DG-NAM"):
        load_form("XX")


def test_expressions_quote_terms():
    c = parse_comparison("dv_tong_so == dv_mien + dv_moi_ket_nap + dv_chua_danh_gia + dv_duoc_danh_gia")
    ns = {"dv_tong_so": 120, "dv_mien": 3, "dv_moi_ket_nap": 2, "dv_chua_danh_gia": 1, "dv_duoc_danh_gia": 113}
    assert c.holds(ns) is False
    assert c.right.quote_terms(ns) == "3 + 2 + 1 + 113" and c.right.evaluate(ns) == 119
    assert parse_expression("a - b - (c + d)").quote_terms({"a": 9, "b": 1, "c": 2, "d": 3}) == "9 − 1 − 5"
    assert parse_comparison("a <= 0.2 * b").holds({"a": 7, "b": 35}) is True
    assert parse_expression("a / b").evaluate({"a": 1, "b": 0}) is None
    assert parse_expression("a + b").evaluate({"a": 1}) is None
    for bad in ["a.b", "f(x)", "a if b else c", "a ** 2", "'x'", "[a]"]:
        with pytest.raises(ExpressionError):
            parse_expression(bad)
    with pytest.raises(ExpressionError, match="one comparison"):
        parse_comparison("a < b < c")


def test_a_flow_must_roll_up_by_sum(tmp_path):
    """How months roll into a quarter is data; a flow declared to take its last month would
    silently drop two months of admissions."""
    data = yaml.safe_load((FORMS_DIR / "dv_thang.yaml").read_text(encoding="utf-8"))
    data["sections"][1]["fields"][0]["rollup"] = "last"  # ket_nap, a flow
    path = tmp_path / "broken.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(FormDefinitionError, match="field 'ket_nap': a flow rolls up by sum, not last"):
        load_form(path)


def test_a_broken_expression_is_worded_for_the_forms_author_in_either_language(tmp_path):
    def m(d):
        d["rules"][0]["check"] = "dv_tong_so = dv_mien"
        d["shares"][0]["numerator"] = "__import__('os')"
    with pytest.raises(FormDefinitionError) as exc:
        load_form(_broken(tmp_path, m))
    vi = exc.value.message("vi")
    assert "định nghĩa biểu mẫu không hợp lệ" in vi and "quy tắc 'DV_TONG_SO': 'dv_tong_so = dv_mien': sai cú pháp" in vi
    assert "tỷ lệ 'ty_le_duoc_danh_gia'" in vi and "không được dùng Call" in vi
    assert "rule 'DV_TONG_SO': 'dv_tong_so = dv_mien': syntax error" in str(exc.value)  # English for developers
