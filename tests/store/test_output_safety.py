"""Text from submissions and unit lists in outputs: never a formula in a workbook or an export,
never breaking the .docx XML, never able to reach Python internals through a narrative template,
and unit codes never becoming paths outside the outputs folder."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from evalreport import ChildRating, Submission, load_form, load_hierarchy, parse_period
from evalreport.aggregate.consolidate import consolidate
from evalreport.model.finding import findings_frame, make_finding
from evalreport.model.submission import Provenance
from evalreport.render.word.jinja_env import TemplateRenderError
from evalreport.render.word.narrative import render_narrative
from evalreport.render.workbook.summary_workbook import write_summary_workbook
from evalreport.render.workbook.template_batch import make_templates
from evalreport.render.workbook.template_writer import fill_template, template_file_name
from evalreport.store.file_names import safe_part
from tools.selfcheck.sample import BASE_VALUES
from tools.word_templates import RESOURCES_DIR, TEMPLATE_NAMES

FORM = load_form("DG-NAM")
P = parse_period("2021")
INJECTIONS = ['=HYPERLINK("http://evil.invalid","bấm")', "=cmd|' /C calc'!A0", "+1+2", "-3+4", "@SUM(A1)"]
HOSTILE_CODES = ["../../x", "C:\\x", "CON", "..", "/etc/passwd", "a\\..\\..\\b", "NUL.txt", "x:y*?<>|"]


def _tree(names: dict[str, str] | None = None, codes: tuple[str, str, str] = ("X01", "C01", "C02")):
    names = names or {}
    x, c1, c2 = codes
    rows = [("T01", names.get("T01", "Đảng bộ tỉnh Mẫu"), "tinh", ""), ("H01", "Đảng bộ huyện Đông", "huyen", "T01"),
            (x, names.get(x, "Đảng bộ xã An Phú"), "co_so", "H01"), (c1, names.get(c1, "Chi bộ ấp 1"), "chi_bo", x),
            (c2, names.get(c2, "Chi bộ ấp 2"), "chi_bo", x)]
    return load_hierarchy([dict(zip(("ma_don_vi", "ten_don_vi", "cap", "ma_cap_tren"), r, strict=True))
                           for r in rows], strict=True)


def _sub(unit: str, values=None, ratings=(), name: str | None = None) -> Submission:
    file = name or f"{unit}.xlsx"
    return Submission("DG-NAM", FORM.version, unit, P, dict(values or {}), ratings=list(ratings),
                      provenance=Provenance(f"/in/{file}", file, 1, unit))


def _formula_cells(path: Path) -> list[str]:
    """Every formula of every sheet, from the raw XML (what Excel would calculate on opening)."""
    with zipfile.ZipFile(path) as z:
        return [f for n in z.namelist() if n.startswith("xl/worksheets/")
                for f in re.findall(r"<f>(.*?)</f>", z.read(n).decode("utf-8"), re.S)]


def test_findings_exports_never_hold_formulas(tmp_path):
    findings = [make_finding("FILE_EMPTY", "error", unit=code, file=f"{code}.xlsx") for code in INJECTIONS]
    frame = findings_frame(findings)
    frame.to_excel(tmp_path / "f.xlsx", index=False)
    frame.to_csv(tmp_path / "f.csv", index=False)
    assert _formula_cells(tmp_path / "f.xlsx") == []
    ws = load_workbook(tmp_path / "f.xlsx").active
    assert [c.value for c in ws["B"][1:]] == [f"'{code}" for code in INJECTIONS]  # shown, not run
    assert not re.search(r"^[=+\-@]|,[=+\-@]", (tmp_path / "f.csv").read_text(encoding="utf-8"), re.M)


@pytest.fixture
def hostile_result():
    names = {"T01": INJECTIONS[0], "X01": "Đảng bộ <w:p>&amp; \"xã\" </w:t>]]>", "C01": INJECTIONS[1],
             "C02": "Chi bộ A & B <1>"}
    tree = _tree(names)
    ratings = [ChildRating("C01", names["C01"], "HTTNV"), ChildRating("C02", names["C02"], "KDG", reason=INJECTIONS[2])]
    subs = [_sub("C01", BASE_VALUES, name=f"{INJECTIONS[3]}.xlsx"), _sub("C02", BASE_VALUES),
            _sub("X01", {}, ratings)]
    return consolidate(FORM, P, subs, tree), names


def test_summary_workbook_keeps_submitted_text_as_text(hostile_result, tmp_path):
    result, names = hostile_result
    for unit in ("T01", "X01"):
        path = write_summary_workbook(result, unit, tmp_path / f"{unit}.xlsx")
        formulas = _formula_cells(path)
        assert not [f for f in formulas if any(s in f for s in ("HYPERLINK", "cmd", "SUM(A1)", "1+2", "3+4"))]
        texts = [c.value for ws in load_workbook(path) for row in ws.iter_rows() for c in row
                 if isinstance(c.value, str)]
        assert any(names[unit] in t for t in texts)  # the name is there, as text
    assert any(names["C01"] in t for t in texts)


def test_narrative_keeps_the_docx_well_formed(hostile_result, tmp_path):
    result, names = hostile_result
    path = render_narrative(result, "X01", tmp_path / "x01.docx")
    text = "\n".join(p.text for p in Document(str(path)).paragraphs)
    assert names["X01"] in text


@pytest.mark.parametrize("tag", ["{{ ''.__class__.__mro__[1].__subclasses__() }}",
                                 "{{ cycler.__init__.__globals__.os }}",
                                 "{{ so_lieu.__class__.__init__.__globals__ }}",
                                 "{% for c in ().__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}"])
def test_narrative_templates_run_sandboxed(hostile_result, tmp_path, tag):
    result, _ = hostile_result
    edited = tmp_path / "mau.docx"
    d = Document(str(RESOURCES_DIR / TEMPLATE_NAMES["vi"]))
    d.add_paragraph(f"Chèn: {tag}")
    d.save(str(edited))
    with pytest.raises(TemplateRenderError) as info:
        render_narrative(result, "X01", tmp_path / "out.docx", template=edited)
    assert info.value.tag and info.value.tag in tag and "unsafe" in str(info.value)
    assert not (tmp_path / "out.docx").exists()


def test_control_characters_in_names_do_not_break_outputs(tmp_path):
    tree = _tree({"C01": "Chi bộ\x0b ấp 1\x01"})
    result = consolidate(FORM, P, [_sub("C01", BASE_VALUES), _sub("C02", BASE_VALUES)], tree)
    write_summary_workbook(result, "X01", tmp_path / "x.xlsx")
    Document(str(render_narrative(result, "X01", tmp_path / "x.docx")))


def test_unit_codes_never_become_paths_outside_the_folder(tmp_path):
    out = tmp_path / "out"
    before = set(tmp_path.iterdir())
    codes = HOSTILE_CODES[:3]
    tree = _tree(codes=(codes[0], codes[1], codes[2]))
    paths = make_templates(FORM, "2021", tree, out)
    assert len(paths) == len({p.name for p in paths}) == 5
    for p in paths:
        assert p.parent == out and p.exists() and p.resolve().parent == out.resolve()
        assert not any(ch in p.name for ch in "/\\:*?<>|") and ".." not in p.name
    assert set(tmp_path.iterdir()) == before | {out}
    for code in HOSTILE_CODES:
        for name in (template_file_name("DG-NAM", parse_period("2021"), code), safe_part(code) + "_DG-NAM_2021.xlsx"):
            assert not set(name) & set("/\\:*?<>|") and not name.startswith(".")
            assert (out / name).resolve().parent == out.resolve()
        # Windows device names stay names only when nothing before the first dot is CON, NUL, ...
        assert template_file_name("DG-NAM", parse_period("2021"), code).split(".")[0].upper() not in ("CON", "NUL", "PRN", "AUX")


def test_a_workspace_run_with_hostile_codes_writes_only_in_its_outputs(tmp_path):
    from evalreport.store import Workspace

    codes = ("../../x", "C:\\x", "CON")
    tree_rows = [("T01", "Đảng bộ tỉnh Mẫu", "tinh", None), ("H01", "Đảng bộ huyện Đông", "huyen", "T01"),
                 (codes[0], "Đảng bộ xã An Phú", "co_so", "H01"), (codes[1], "Chi bộ ấp 1", "chi_bo", codes[0]),
                 (codes[2], "Chi bộ ấp 2", "chi_bo", codes[0])]
    folder = tmp_path / "ws"
    with Workspace.init(folder, units_rows=tree_rows, forms=["DG-NAM"], workers=1) as ws:
        for i, code in enumerate(codes[1:]):
            fill_template(FORM, code, "2021", ws.hierarchy, ws.inbox / f"c{i}.xlsx", dict(BASE_VALUES))
        report = ws.run("2021", all_levels=True)
        assert report.result.totals()["dv_tong_so"] == 2 * BASE_VALUES["dv_tong_so"]
        out = ws.outputs_dir("2021").resolve()
        assert report.outputs and all(p.resolve().parent == out for p in report.outputs)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ws"]
    assert not any(".." in p.name or "\\" in p.name for p in folder.rglob("*"))
