"""The control-panel workbook: reproducible build, VBA and buttons extracted with the tools an
auditor would use (olevba, the zip's VML), the panel's cells, names and drop-downs, and
LibreOffice opening it headless."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import pytest
import xlwings
from office_support import has_component, missing_reason
from oletools.olevba import VBA_Parser
from openpyxl import load_workbook

from evalreport.excel.layout import (
    BUTTONS,
    COMPLETENESS_SHEET,
    CONFIG_SHEET,
    FINDINGS_SHEET,
    LANGUAGE_CHOICES,
    PANEL_SHEET,
    PERIOD_BUTTONS,
    PERIOD_SECTION_ROW,
    REASON,
    REPORT_SETTINGS,
    RUN_BUTTONS,
    SETTINGS,
    STATUS,
    action_name,
)
from tools.panel.workbook_builder import WorkbookBuildError, build_workbook, default_bas_path

REPO = Path(__file__).resolve().parents[2]
COMMITTED = REPO / "workbooks" / "evalreport.xlsm"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    return build_workbook(tmp_path_factory.mktemp("panel") / "evalreport.xlsm")


@pytest.fixture(scope="module")
def macros(built) -> dict[str, str]:
    return {name: code for _, _, name, code in VBA_Parser(str(built)).extract_macros()}


def test_same_inputs_give_same_bytes_and_the_committed_workbook_is_current(built, tmp_path):
    again = build_workbook(tmp_path / "again.xlsm")
    assert again.read_bytes() == built.read_bytes()
    assert COMMITTED.read_bytes() == built.read_bytes(), "run: python -m tools.panel"
    with zipfile.ZipFile(built) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2025-01-01T00:00:00Z" in z.read("docProps/core.xml").decode()


def test_every_button_macro_exists_and_calls_its_handler(macros):
    ours = macros["EvalReport.bas"]
    for b in BUTTONS:
        body = re.search(rf"Public Sub {b.macro}\(\)\r\n(.*?)End Sub", ours, re.S)
        assert body, b.macro
        lines = body.group(1).split("\r\n")
        # the interpreter is checked first, and a failed start is reported by the panel
        assert lines[0] == "    If Not PythonFound() Then Exit Sub"
        call = next(line for line in lines if "RunPython" in line)
        assert call.startswith(f'    AfterRun RunPython("import evalreport.excel.handlers as h; h.{b.handler}(')
        assert lines[lines.index(call) - 1] == "    On Error GoTo Failed"
        assert 'ReportStartFailure "XL_START_FAILED", Err.Description' in body.group(1)
    assert len(re.findall(r"^Public Sub ", ours, re.M)) == len(BUTTONS)


def test_period_control_macros_confirm_and_pass_the_selected_rows(macros):
    """“Chốt số liệu” asks first (No changes nothing); the approvals and the admission pass the
    rows selected on the sheet that lists the units or the held files."""
    ours = macros["EvalReport.bas"]

    def body(macro: str) -> str:
        return re.search(rf"Public Sub {macro}\(\)\r\n(.*?)End Sub", ours, re.S).group(1)

    assert '    If Not Confirmed("XL_CONFIRM_CLOSE") Then Exit Sub\r\n    On Error GoTo Failed' in body("ChotSoLieu")
    assert 'h.close_period()")' in body("ChotSoLieu") and 'h.reopen_period()")' in body("MoLaiKy")
    sheets = {m: re.findall(r'h\.(\w+)\(rows=\'" & SelectedRows\(U\("([^"]*)"\)\) & "\'\)"\)', body(m))
              for m in ("DuyetBaoCao", "RutLaiDuyet", "ChapNhanTepCho")}
    assert {m: [(h, _vba_u(name)) for h, name in v] for m, v in sheets.items()} == {
        "DuyetBaoCao": [("approve_units", COMPLETENESS_SHEET)],
        "RutLaiDuyet": [("withdraw_approval", COMPLETENESS_SHEET)],
        "ChapNhanTepCho": [("admit_pending", FINDINGS_SHEET)]}


def _vba_u(literal: str) -> str:
    """What the module's U() makes of "\\uXXXX" at run time."""
    return re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), literal)


def test_the_period_control_buttons_sit_apart_with_their_reason_cell(built):
    ws = load_workbook(built, keep_vba=True)[PANEL_SHEET]
    assert [b.caption('vi') for b in PERIOD_BUTTONS] == [
        "Chốt số liệu", "Mở lại kỳ", "Duyệt báo cáo", "Rút lại duyệt", "Chấp nhận tệp chờ xử lý"]
    assert max(b.row for b in RUN_BUTTONS) < PERIOD_SECTION_ROW < int(REASON.address[1:]) < min(
        b.row for b in PERIOD_BUTTONS)
    assert ws.cell(PERIOD_SECTION_ROW, 2).value.startswith("Chốt số liệu, duyệt báo cáo")
    assert ws[f"B{REASON.address[1:]}"].value == "Lý do" and ws[REASON.address].number_format == "@"
    for b in BUTTONS:  # the button names the action the status messages name
        assert b.caption("vi") == action_name(b.handler, "vi")
        assert ws.cell(b.row, 3).value == b.description("vi")


def test_xlwings_standalone_module_is_embedded_unchanged(macros):
    installed = Path(xlwings.__file__).with_name("xlwings.bas").read_bytes().decode("ascii")
    assert macros["xlwings.bas"] == installed
    assert f'XLWINGS_VERSION As String = "{xlwings.__version__}"' in macros["xlwings.bas"]
    assert {"ThisWorkbook.cls", "Sheet1.cls", "Sheet2.cls", "Sheet3.cls", "Sheet4.cls"} <= set(macros)


def test_buttons_are_bound_to_the_macros(built):
    with zipfile.ZipFile(built) as z:
        vml = z.read("xl/drawings/vmlDrawing1.vml").decode("utf-8")
        workbook_xml = z.read("xl/workbook.xml").decode()
    found = re.findall(r"<font[^>]*>([^<]+)</font>.*?<x:FmlaMacro>\[0\]!(\w+)</x:FmlaMacro>", vml, re.S)
    assert found == [(b.caption("vi"), b.macro) for b in BUTTONS]
    assert 'codeName="ThisWorkbook"' in workbook_xml


def test_panel_cells_names_and_drop_downs(built):
    wb = load_workbook(built, keep_vba=True)
    assert wb.sheetnames == [PANEL_SHEET, FINDINGS_SHEET, COMPLETENESS_SHEET, CONFIG_SHEET]
    ws = wb[PANEL_SHEET]
    for s in (*SETTINGS, *REPORT_SETTINGS, STATUS, REASON):
        assert wb.defined_names[s.name].attr_text == f"'{PANEL_SHEET}'!${s.address[0]}${s.address[1:]}"
        assert ws[f"B{s.address[1:]}"].value == s.label("vi")
    assert ws["C6"].value == "2025" and ws["C8"].value == "DG-NAM" and ws["C9"].value == "Tiếng Việt"
    lists = {str(dv.sqref): dv.formula1 for dv in ws.data_validations.dataValidation}
    assert lists["C8"] == '"DG-NAM,DV-THANG"'
    assert lists["C9"] == '"' + ",".join(LANGUAGE_CHOICES) + '"'
    for s in (*SETTINGS, *REPORT_SETTINGS):  # typed 2025-11 or 12 stays text, not a date or a number
        assert ws[s.address].number_format == "@", s.address
    assert _conf_keys(wb) == {"SHOW_ERROR_POPUPS": "False"}


def test_the_english_panel_prints_english_and_drives_the_same_macros_and_cells(built, tmp_path):
    """`python -m tools.panel --lang en`: every word on the panel in English, the language cell
    starting at English; the sheets, defined names, cells and macros those of the Vietnamese one,
    so the handlers and the VBA serve both; the committed English panel is current."""
    from typer.testing import CliRunner

    from tools.panel.__main__ import app

    result = CliRunner().invoke(app, ["--lang", "en", "--out", str(tmp_path / "en.xlsm")])
    assert result.exit_code == 0, result.output
    english = tmp_path / "en.xlsm"
    assert (REPO / "workbooks" / "evalreport_en.xlsm").read_bytes() == english.read_bytes(), \
        "run: python -m tools.panel --lang en"
    vi, en = load_workbook(built, keep_vba=True), load_workbook(english, keep_vba=True)
    assert en.sheetnames == vi.sheetnames
    assert {n: d.attr_text for n, d in en.defined_names.items()} == {n: d.attr_text for n, d in vi.defined_names.items()}
    ws = en[PANEL_SHEET]
    assert ws["B1"].value == "EVALREPORT CONTROL PANEL" and ws["C9"].value == "English"
    assert ws["B6"].value == "Period" and ws["B36"].value == "Reason"
    for s in (*SETTINGS, *REPORT_SETTINGS, REASON):
        assert ws[f"B{s.address[1:]}"].value == s.label("en") != s.label("vi")
    for b in BUTTONS:
        assert ws.cell(b.row, 3).value == b.description("en") != b.description("vi")
    assert en[FINDINGS_SHEET]["A3"].value == "Severity"
    with zipfile.ZipFile(english) as z:
        vml = "".join(z.read(n).decode() for n in z.namelist() if n.endswith(".vml"))
        assert z.read("xl/vbaProject.bin") == zipfile.ZipFile(built).read("xl/vbaProject.bin")
    found = re.findall(r"<font[^>]*>([^<]+)</font>.*?<x:FmlaMacro>\[0\]!(\w+)</x:FmlaMacro>", vml, re.S)
    assert found == [(b.caption("en"), b.macro) for b in BUTTONS]
    assert ("Consolidate", "TongHop") in found


def _conf_keys(wb) -> dict:
    """What xlwings' GetConfigFromSheet reads: column A from A1 down to the first empty cell."""
    conf, keys, row = wb[CONFIG_SHEET], {}, 1
    while conf.cell(row, 1).value:
        keys[conf.cell(row, 1).value] = conf.cell(row, 2).value
        row += 1
    return keys


def test_the_config_sheet_holds_only_keys_with_a_value(tmp_path):
    """xlwings takes a key from the sheet even when its value is empty, which would hide the
    officer's own %USERPROFILE%\\.xlwings\\xlwings.conf (written by cai-dat.cmd)."""
    path = build_workbook(tmp_path / "p.xlsm", conf={"INTERPRETER_WIN": r"C:\Py\pythonw.exe", "PYTHONPATH": ""})
    assert _conf_keys(load_workbook(path, keep_vba=True)) == {
        "SHOW_ERROR_POPUPS": "False", "INTERPRETER_WIN": r"C:\Py\pythonw.exe"}


def test_build_refuses_a_module_without_a_buttons_macro(tmp_path):
    bas = default_bas_path().read_text(encoding="ascii").replace("Public Sub TongHop()", "Public Sub Other()")
    (tmp_path / "broken.bas").write_text(bas, encoding="ascii")
    with pytest.raises(WorkbookBuildError, match="TongHop"):
        build_workbook(tmp_path / "x.xlsm", bas_path=tmp_path / "broken.bas")
    assert not (tmp_path / "x.xlsm").exists()


@pytest.mark.parametrize(("old", "new"), [
    ('h.approve_units(rows=', 'h.approve_unit(rows='),     # a typo in the handler's name
    ('h.close_period()', 'h.reopen_period()'),             # another handler than the button's
    ('h.admit_pending(rows=', 'h.admit_pending_all(rows='),
])
def test_build_refuses_a_macro_that_does_not_call_its_handler(tmp_path, old, new):
    bas = default_bas_path().read_text(encoding="ascii")
    assert old in bas
    (tmp_path / "wrong.bas").write_text(bas.replace(old, new, 1), encoding="ascii")
    with pytest.raises(WorkbookBuildError, match=r"does not call evalreport\.excel\.handlers\."):
        build_workbook(tmp_path / "x.xlsm", bas_path=tmp_path / "wrong.bas")


def test_a_macro_may_pass_arguments_to_its_handler(tmp_path):
    bas = default_bas_path().read_text(encoding="ascii").replace(
        'h.reopen_period()")', 'h.reopen_period(reason=\'x\')")')
    (tmp_path / "args.bas").write_text(bas, encoding="ascii")
    assert build_workbook(tmp_path / "x.xlsm", bas_path=tmp_path / "args.bas").is_file()


def test_build_script_builds_the_same_workbook(built, tmp_path):
    from typer.testing import CliRunner

    from tools.panel.__main__ import app

    result = CliRunner().invoke(app, ["--out", str(tmp_path / "cli.xlsm")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "cli.xlsm").read_bytes() == built.read_bytes()


def _soffice(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    profile = (cwd / "lo-profile").as_uri()  # a private profile: parallel runs do not collide
    return subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", *args],
                          cwd=cwd, capture_output=True, text=True, timeout=180)


@pytest.mark.skipif(not has_component("calc"), reason=missing_reason("calc"))
def test_libreoffice_converts_the_panel_to_pdf(built, tmp_path):
    done = _soffice(["--convert-to", "pdf", "--outdir", str(tmp_path), str(built)], tmp_path)
    pdf = tmp_path / "evalreport.pdf"
    assert done.returncode == 0 and pdf.is_file(), done.stderr
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 5000


@pytest.mark.skipif(not has_component("calc"), reason=missing_reason("calc"))
def test_libreoffice_imports_our_vba_project_and_saves_it_back(built, tmp_path):
    """LibreOffice parses vbaProject.bin (dir stream, compression) on load and writes its own on
    save: our module surviving the round trip shows a second, independent reader accepts it."""
    out = tmp_path / "out"
    done = _soffice(["--convert-to", "xlsm:Calc MS Excel 2007 VBA XML", "--outdir", str(out), str(built)], tmp_path)
    assert done.returncode == 0, done.stderr
    code = {n: c for _, _, n, c in VBA_Parser(str(out / "evalreport.xlsm")).extract_macros()}
    for b in BUTTONS:
        assert f"h.{b.handler}(" in code["EvalReport.bas"]
    assert "Public Function RunPython" in code["xlwings.bas"]


def test_prefilled_panel_for_a_ward(tmp_path):
    path = build_workbook(tmp_path / "ward.xlsm", prefill={"folder": r"D:\BaoCao\X01", "period": "2025-Q3", "root": "X01"})
    ws = load_workbook(path, keep_vba=True)[PANEL_SHEET]
    assert [ws["C5"].value, ws["C6"].value, ws["C7"].value, ws["C8"].value] == [r"D:\BaoCao\X01", "2025-Q3", "X01",
                                                                                 "DG-NAM"]
    with pytest.raises(WorkbookBuildError, match="unknown settings: colour"):
        build_workbook(tmp_path / "x.xlsm", prefill={"colour": "red"})
