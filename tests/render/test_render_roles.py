"""Reports read the roles the form declares and the shares the consolidation computed: a form
whose fields are renamed and no longer indented or grouped renders the same report, and every
share the narrative prints is the result's own."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from docx import Document
from render_support import make_result

from evalreport import load_form, parse_period
from evalreport.form.definition import FORMS_DIR
from evalreport.render.word.narrative import render_narrative
from evalreport.render.word.narrative_context import DocumentInfo, build_narrative_context
from evalreport.wording.numbers import fmt_share

DOC = DocumentInfo(date=dt.date(2022, 1, 7))


def _renamed_form(tmp_path: Path):
    """DG-NAM with every member field renamed (dv_* -> m_*), no indentation and no share groups:
    nothing left to infer the roles from but the ``roles`` section."""
    text = (FORMS_DIR / "dg_nam.yaml").read_text(encoding="utf-8")
    text = re.sub(r"\bdv_", "m_", text)
    text = re.sub(r"\n\s+indent: \d+", "", text)
    text = re.sub(r"\n\s+group: \w+", "", text)
    path = tmp_path / "renamed.yaml"
    path.write_text(text, encoding="utf-8")
    return load_form(path)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_renamed_fields_with_declared_roles_render_the_same_report(form, four, tmp_path, lang):
    renamed = _renamed_form(tmp_path)
    assert renamed.field_codes[0] == "m_tong_so" and not any(f.indent for f in renamed.fields)
    period = parse_period("2021")
    original, other = make_result(form, four, period), make_result(renamed, four, period)
    for code in ("T01", "H02", "X04"):
        a = build_narrative_context(original, code, lang, DOC)
        b = build_narrative_context(other, code, lang, DOC)
        assert b["cau"] == a["cau"]
        assert b["cot_xep_loai"] == a["cot_xep_loai"]
    docs = [render_narrative(r, None, tmp_path / f"{name}.docx", lang=lang, doc=DOC)
            for name, r in (("a", original), ("b", other))]
    texts = [[p.text for p in Document(str(d)).paragraphs] for d in docs]
    assert texts[0] == texts[1] and any("44" in t for t in texts[1])


def test_the_narrative_prints_the_consolidated_shares(form, four):
    """Each share is taken from result.shares(unit): replace the result's shares with markers and
    the context carries exactly the markers (nothing is recomputed from the counts)."""
    result = make_result(form, four, parse_period("2021"))
    shares = result.shares("T01")
    marked = {code: 10.0 + i / 8 for i, code in enumerate(sorted(shares))}
    shares.update(marked)
    ctx = build_narrative_context(result, "T01", "vi", DOC)
    dv = ctx["dang_vien"]
    assert dv["ty_le_duoc_danh_gia"] == marked["ty_le_duoc_danh_gia"]
    assert [i["ty_le"] for i in dv["ly_do"]] == [marked[c] for c in ("ty_le_mien", "ty_le_moi_ket_nap",
                                                                     "ty_le_chua_danh_gia")]
    assert [i["ty_le"] for i in dv["xep_loai"]] == [marked[c] for c in ("ty_le_htxsnv", "ty_le_httnv",
                                                                        "ty_le_htnv", "ty_le_khtnv")]
    assert dv["ty_le_httnv_tro_len"] == marked["ty_le_httnv_tro_len"]
    assert dv["ty_le_htxsnv_trong_httnv"] == marked["ty_le_htxsnv_trong_httnv"]
    for level in ctx["to_chuc"]:
        cap = level["cap"]
        assert level["ty_le_duoc_danh_gia"] == marked[f"ty_le_tc_{cap}_duoc_danh_gia"]
        assert [r["ty_le"] for r in level["xep_loai"]] == [marked[f"ty_le_tc_{cap}_{m}"]
                                                           for m in ("htxsnv", "httnv", "htnv", "khtnv")]
        assert level["ty_le_httnv_tro_len"] == marked[f"ty_le_tc_{cap}_httnv_tro_len"]
        assert level["ty_le_htxsnv_trong_httnv"] == marked[f"ty_le_tc_{cap}_htxsnv_trong_httnv"]
    for child in ctx["don_vi_con"]:
        assert child["ty_le_httnv_tro_len"] == result.shares(child["ma"])["ty_le_httnv_tro_len"]
    # and the sentences print them, only formatted
    assert f"({fmt_share(marked['ty_le_duoc_danh_gia'], 'vi', 2)})" in ctx["cau"]["dang_vien_danh_gia"]
