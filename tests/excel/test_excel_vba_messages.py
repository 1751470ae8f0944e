"""The panel's own messages for a failed start (Python or evalreport missing) live in the VBA,
because no Python runs to show them: they must say what the wording catalog says, in correct
Vietnamese, once VBA's \\u escapes are decoded."""

from __future__ import annotations

import re
from pathlib import Path

import xlwings

from evalreport.wording.panel_messages import MESSAGES
from tools.panel.workbook_builder import default_bas_path

CODES = ("XL_START_NO_PYTHON", "XL_START_FAILED", "XL_START_FIX", "XL_CONFIRM_CLOSE")


def _vba_u(literal: str) -> str:
    """What the module's U() does at run time: a VBA string literal ("" is a quote), then
    \\uXXXX -> ChrW(&HXXXX)."""
    return re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), literal.replace('""', '"'))


def _messages() -> dict[str, str]:
    bas = default_bas_path().read_text(encoding="ascii")
    return {m.group(1): _vba_u(m.group(2))
            for m in re.finditer(r'Case "(\w+\.\w+)": Message = U\("((?:[^"]|"")*)"\)', bas)}


def test_vba_messages_equal_the_catalog():
    assert _messages() == {f"{c}.{lang}": MESSAGES[c][lang] for c in CODES for lang in ("vi", "en")}


def test_the_vietnamese_start_messages_say_what_happened_and_what_to_do():
    vba = _messages()
    assert vba["XL_START_NO_PYTHON.vi"].startswith("Không tìm thấy Python (")
    assert "Không khởi động được Python hoặc evalreport" in vba["XL_START_FAILED.vi"]
    fix = vba["XL_START_FIX.vi"]
    assert "cai-dat.cmd" in fix and "docs/vi/cai-dat.md" in fix and "docs/vi/bang-dieu-khien.md" in fix
    assert vba["XL_CONFIRM_CLOSE.vi"].startswith("Chốt số liệu kỳ {period}? ")  # VBA puts the period cell in


def test_the_module_uses_only_xlwings_functions_that_exist():
    """PythonFound() looks the interpreter up with xlwings' own GetConfig and FileExists, so it
    sees exactly what RunPython will use; both must stay in the embedded xlwings.bas."""
    xlwings_bas = Path(xlwings.__file__).with_name("xlwings.bas").read_text(encoding="ascii")
    for name in ("GetConfig", "FileExists", "RunPython"):
        assert re.search(rf"^(Public )?Function {name}\(", xlwings_bas, re.M), name
    assert 'GetConfig("SHOW_ERROR_POPUPS", "True") = "False"' in xlwings_bas  # errors go to a sheet "Error"
    assert 'ThisWorkbook.Sheets.Add()' in xlwings_bas and 'ErrorSheet.Name = "Error"' in xlwings_bas
