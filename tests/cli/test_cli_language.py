"""The command line speaks Vietnamese to an officer who asked for nothing, English on request.

Every command's ``--help`` and a typical usage error of each (a missing argument or option, a bad
period) are read in both languages: the Vietnamese output holds no common English word, the
English output no Vietnamese letter. Parameter names, type names and a few Vietnamese proper names
(quoted as examples in English help) are not words of the text and are left out of the check.
"""

from __future__ import annotations

import re

import pytest
import typer
from typer.testing import CliRunner

from evalreport.cli import app

# "in" is left out: it is also Vietnamese ("in tổng số": print the totals).
ENGLISH_WORDS = {"the", "and", "of", "to", "is", "not", "for", "with", "or", "a", "an", "on", "be", "no",
                 "Show", "this", "message", "exit", "Missing", "Usage", "Options", "Commands", "Arguments",
                 "Error", "Try", "help", "expected", "received", "required", "default", "Invalid", "value",
                 "such", "option", "argument", "command", "file", "files", "unit", "units", "period", "write",
                 "Write", "Read", "every", "missing", "errors", "workspace", "report", "level", "levels"}
VIETNAMESE_LETTERS = re.compile(r"[ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]", re.I)
# Proper names an English help quotes as they are written in Vietnamese.
NAMES = ("Bí thư", "Nguyễn Văn A", "Số 12-BC/TU")


def _tree() -> list[tuple[tuple[str, ...], object]]:
    """Every command and group of the CLI with its path: (), ("run",), ("template", "make"), ..."""
    out = []

    def walk(command, path):
        out.append((path, command))
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, (*path, name))

    walk(typer.main.get_command(app), ())
    return out


TREE = _tree()
PARAM_NAMES = {p.name for _, c in TREE for p in c.params} | {w for p, _ in TREE for w in p} | {"OPTIONS", "COMMAND", "ARGS", "PERIOD", "FOLDER", "ROOT",
                                                            "OUT", "SOURCE", "FORM"}


def _words(output: str) -> set[str]:
    # option names, type names, quoted values, shown defaults and file names are not words of the text
    output = re.sub(r"--?[\w-]+|<[^>]*>|'[^'\n]*'|\[(?:mặc định|default): [^\]]*\]|\S+\.(?:xlsx|xlsm|xls|ods|csv|docx|yaml|sqlite|zip|py)\b", " ", output)
    for name in NAMES:
        output = output.replace(name, " ")
    return set(re.findall(r"[^\W\d_]+", output)) - PARAM_NAMES


def _invoke(args: list[str], lang: str):
    extra = ["--lang", "en"] if lang == "en" else []
    return CliRunner().invoke(app, [*args, *extra], env={"EVALREPORT_LANG": None, "COLUMNS": "100"})


def _check(output: str, lang: str) -> None:
    if lang == "vi":
        assert not _words(output) & ENGLISH_WORDS, (_words(output) & ENGLISH_WORDS, output)
    else:
        stripped = output
        for name in NAMES:
            stripped = stripped.replace(name, "")
        assert not VIETNAMESE_LETTERS.search(stripped), output


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("path", [p for p, _ in TREE], ids=lambda p: " ".join(p) or "evalreport")
def test_every_help_is_in_the_asked_language(path, lang):
    res = _invoke([*path, "--help"], lang)
    assert res.exit_code == 0, res.output
    _check(res.output, lang)
    assert ("Tùy chọn" if lang == "vi" else "Options") in res.output


def _usage_errors(tmp_path) -> list[list[str]]:
    units = tmp_path / "don_vi.csv"
    units.write_text("ma_don_vi,ten_don_vi,cap,ma_cap_tren\n", encoding="utf-8")
    folder, bad = str(tmp_path), "2025-13"
    return [["rn"], ["run"], ["run", "-p", bad], ["status"], ["status", "-p", bad], ["history"],
            ["history", "C01", "--period", bad], ["init"], ["ingest", "--bogus"], ["check"],
            ["check", folder, "--period", bad], ["consolidate"],
            ["consolidate", folder, "--units", str(units), "--period", bad], ["report"],
            ["report", folder, "--units", str(units), "--period", bad], ["template", "make"],
            ["template", "make", "--form", "DG-NAM", "--units", str(units), "--period", bad],
            ["template", "blank", "--bogus"], ["demo", "--workers", "x"], ["bundle"]]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_usage_errors_are_in_the_asked_language(tmp_path, lang):
    for args in _usage_errors(tmp_path):
        res = _invoke(args, lang)
        assert res.exit_code == 2, (args, res.output)
        _check(res.output, lang)
        if "2025-13" in args:
            assert ("không phải là kỳ báo cáo" if lang == "vi" else "is not a period") in res.output


def test_missing_option_and_panels_in_vietnamese_by_default():
    res = _invoke(["status"], "vi")
    assert "Thiếu tùy chọn '--period'" in res.output and "Lỗi" in res.output and "Cách dùng:" in res.output


def test_the_flag_wins_over_the_variable_and_the_variable_over_the_workspace(tmp_path):
    (tmp_path / "evalreport.yaml").write_text("language: en\n", encoding="utf-8")
    runner = CliRunner()
    res = runner.invoke(app, ["status", "-w", str(tmp_path)], env={"EVALREPORT_LANG": None})
    assert "Missing option" in res.output  # the workspace's language
    res = runner.invoke(app, ["status", "-w", str(tmp_path)], env={"EVALREPORT_LANG": "vi"})
    assert "Thiếu tùy chọn" in res.output  # the variable over the workspace
    res = runner.invoke(app, ["status", "-w", str(tmp_path), "--lang", "en"], env={"EVALREPORT_LANG": "vi"})
    assert "Missing option" in res.output  # the flag over the variable
    res = runner.invoke(app, ["--lang", "en", "status"], env={"EVALREPORT_LANG": None})
    assert "Missing option" in res.output  # the flag before the command


def test_commands_that_declared_lang_still_reject_another_language(tmp_path):
    res = CliRunner().invoke(app, ["template", "blank", "--out", str(tmp_path), "--lang", "fr"])
    assert res.exit_code == 2 and "--lang" in res.output
