"""The ``roles:`` section: declared in the form YAML, checked at load time with a message naming
the key, never inferred from the order or indentation of the fields."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from evalreport import FormDefinitionError, load_form
from evalreport.form.definition import FORMS_DIR


def _variant(tmp_path: Path, mutate, name: str = "dg_nam.yaml") -> Path:
    data = yaml.safe_load((FORMS_DIR / name).read_text(encoding="utf-8"))
    mutate(data)
    path = tmp_path / f"variant_{name}"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_roles_are_read_from_the_yaml(form, monthly_form):
    members = form.roles.members
    assert (members.total, members.evaluated) == ("dv_tong_so", "dv_duoc_danh_gia")
    assert members.ratings == ["dv_htxsnv", "dv_httnv", "dv_htnv", "dv_khtnv"]  # best first
    assert members.not_evaluated == ["dv_mien", "dv_moi_ket_nap", "dv_chua_danh_gia"]
    assert members.good_or_better == "dv_httnv_tro_len"
    assert members.causes == ["dv_khtnv_ky_luat", "dv_khtnv_cong_chuc", "dv_khtnv_duoi_50", "dv_khtnv_khac"]
    assert members.discipline == ["dv_kl_khien_trach", "dv_kl_canh_cao", "dv_kl_cach_chuc", "dv_kl_khai_tru"]
    assert form.roles.organizations.good_or_better == "httnv_tro_len"
    movement = monthly_form.roles.movement
    assert (movement.opening, movement.closing, movement.target) == ("dau_ky", "cuoi_ky", "ket_nap_chi_tieu_nam")
    assert "ket_nap" in movement.flows and monthly_form.roles.members is None


@pytest.mark.parametrize(("mutate", "message"), [
    (lambda d: d["roles"]["members"]["ratings"].append("dv_xuat_sac"),
     "roles.members.ratings: unknown field 'dv_xuat_sac'"),
    (lambda d: d["roles"]["members"].pop("total"), r"roles\.members\.total: Field required"),
    (lambda d: d["roles"]["members"].update(causes="dv_khtnv_khac"), r"roles\.members\.causes"),
    (lambda d: d["roles"]["members"].update(extra_role="dv_mien"), r"roles\.members\.extra_role"),
    # a rating whose share the reports print is not declared in `shares`
    (lambda d: d.update(shares=[s for s in d["shares"] if s["code"] != "ty_le_htnv"]),
     "roles.members.ratings: no share in 'shares' has numerator 'dv_htnv' and denominator 'dv_duoc_danh_gia'"),
    (lambda d: d["roles"]["organizations"].update(good_or_better="tot"),
     "roles.organizations.good_or_better: unknown measure 'tot'"),
])
def test_a_bad_roles_section_names_the_key(tmp_path, mutate, message):
    with pytest.raises(FormDefinitionError, match=message) as exc:
        load_form(_variant(tmp_path, mutate))
    assert "variant_dg_nam.yaml" in str(exc.value)


def test_movement_roles_are_checked_against_the_field_kinds(tmp_path):
    def mutate(d):
        d["roles"]["movement"]["flows"] = ["ket_nap", "cuoi_ky"]
    with pytest.raises(FormDefinitionError, match="roles.movement.flows: field 'cuoi_ky' is a stock, not a flow"):
        load_form(_variant(tmp_path, mutate, "dv_thang.yaml"))


def test_a_form_without_roles_still_loads(tmp_path):
    form = load_form(_variant(tmp_path, lambda d: d.pop("roles")))
    assert form.roles is None and form.field_codes[0] == "dv_tong_so"
