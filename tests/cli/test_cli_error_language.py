"""Errors an officer meets before or instead of a run (a busy workspace, a broken evalreport.yaml,
a period that is not one or that no form uses) are said in Vietnamese by default and in English
with ``--lang en``, from the wording catalog; the exceptions' English ``str()`` is for developers."""

from __future__ import annotations

import sqlite3

import pytest
from typer.testing import CliRunner
from workspace_support import edit_config

from evalreport.cli import app
from evalreport.cli.workspace import console
from evalreport.store import WorkspaceLock


@pytest.fixture
def invoke(monkeypatch):
    monkeypatch.setattr(console, "width", 300)

    def run(*args: str):
        res = CliRunner().invoke(app, list(args), env={"EVALREPORT_LANG": None, "COLUMNS": "300"})
        return res.exit_code, " ".join(res.output.split())  # rich may wrap a long line

    return run


@pytest.mark.parametrize("lang, words", [
    (None, "Thư mục làm việc đang được dùng bởi tiến trình"),
    ("en", "The workspace is in use by process"),
])
def test_a_locked_workspace(ws, invoke, lang, words):
    edit_config(ws.folder, "lock_timeout: 30", "lock_timeout: 0")
    with WorkspaceLock(ws.folder, "run 2021"):
        code, out = invoke("run", "-w", str(ws.folder), "--period", "2021", "-q", *(["--lang", lang] if lang else []))
    assert code == 3 and words in out and "'run 2021'" in out, out


@pytest.mark.parametrize("lang, words", [
    (None, "evalreport.yaml: khóa 'workers': giá trị phải là một số"),
    ("en", "evalreport.yaml: key 'workers': the value must be a number"),
])
def test_a_broken_configuration(ws, invoke, lang, words):
    edit_config(ws.folder, "workers: 1", "workers: many")
    code, out = invoke("status", "-w", str(ws.folder), "--period", "2021", *(["--lang", lang] if lang else []))
    assert code == 2 and words in out, out


@pytest.mark.parametrize("lang, words", [
    (None, "khóa 'lock_timeot': khóa không được hỗ trợ (kiểm tra chính tả)"),
    ("en", "key 'lock_timeot': unknown key (check its spelling)"),
])
def test_every_problem_of_the_configuration_is_worded(ws, invoke, lang, words):
    edit_config(ws.folder, "lock_timeout: 30", "lock_timeot: 30")
    edit_config(ws.folder, "root: T01", "root: X9")
    code, out = invoke("status", "-w", str(ws.folder), "--period", "2021", *(["--lang", lang] if lang else []))
    assert code == 2 and words in out, out


@pytest.mark.parametrize("lang, words", [
    (None, "đây không phải là thư mục làm việc của evalreport"),
    ("en", "not an evalreport workspace"),
])
def test_a_folder_that_is_not_a_workspace(tmp_path, invoke, lang, words):
    code, out = invoke("status", "-w", str(tmp_path), "--period", "2021", *(["--lang", lang] if lang else []))
    assert code == 2 and words in out, out


@pytest.mark.parametrize("lang, words", [
    (None, "'2021-13' không phải là kỳ báo cáo"),
    ("en", "'2021-13' is not a period"),
])
def test_a_period_that_is_not_one(ws, invoke, lang, words):
    code, out = invoke("run", "-w", str(ws.folder), "--period", "2021-13", "-q", *(["--lang", lang] if lang else []))
    assert code == 2 and words in out, out


@pytest.mark.parametrize("lang, words", [
    (None, "Không có biểu mẫu nào trong cấu hình được báo cáo theo kỳ như 2021-11"),
    ("en", "No configured form is reported for periods like 2021-11"),
])
def test_a_period_no_configured_form_uses(ws, invoke, lang, words):
    code, out = invoke("run", "-w", str(ws.folder), "--period", "2021-11", "-q", *(["--lang", lang] if lang else []))
    assert code == 2 and words in out, out


def test_the_workspace_language_words_its_errors(ws, invoke):
    """Without --lang, a workspace configured in English hears its period errors in English."""
    edit_config(ws.folder, "language: vi", "language: en")
    code, out = invoke("run", "-w", str(ws.folder), "--period", "2021-11", "-q")
    assert code == 2 and "No configured form is reported" in out, out


@pytest.mark.parametrize("lang, words", [
    (None, "đã được ghi bởi một phiên bản evalreport mới hơn phiên bản đang cài (cấu trúc sổ số 99, "
           "phiên bản này chỉ đọc được đến số {known}); chưa có gì bị thay đổi. Hãy cập nhật evalreport"),
    ("en", "the ledger has schema version 99, newer than this evalreport understands ({known}); nothing was "
           "changed. Update evalreport"),
])
def test_a_ledger_written_by_a_newer_evalreport(ws, invoke, lang, words):
    """A colleague's newer evalreport has used the workspace: the officer is told to update, in
    their language, and the ledger is left as it was."""
    from evalreport.store.ledger import MIGRATIONS

    ws.close()
    with sqlite3.connect(ws.folder / "ledger.sqlite") as conn:
        conn.execute("PRAGMA user_version = 99")
    code, out = invoke("status", "-w", str(ws.folder), "--period", "2021", *(["--lang", lang] if lang else []))
    assert code == 3 and words.format(known=len(MIGRATIONS)) in out, out
    with sqlite3.connect(ws.folder / "ledger.sqlite") as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 99


@pytest.mark.parametrize("lang, words", [
    (None, "định nghĩa biểu mẫu không hợp lệ: quy tắc 'DV_TONG_SO': 'dv_tong_so = dv_mien': sai cú pháp"),
    ("en", "invalid form definition: rule 'DV_TONG_SO': 'dv_tong_so = dv_mien': syntax error"),
])
def test_a_form_definition_with_a_broken_check(tmp_path, invoke, lang, words):
    """A form's author trying a definition file hears what is wrong with its expressions in their language."""
    import yaml

    from evalreport.form.definition import available_forms

    data = yaml.safe_load(available_forms()["DG-NAM"].read_text(encoding="utf-8"))
    data["rules"][0]["check"] = "dv_tong_so = dv_mien"
    form = tmp_path / "broken.yaml"
    form.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    code, out = invoke("template", "make", "--form", str(form), "--units", str(tmp_path / "none.xlsx"),
                       "--period", "2025", *(["--lang", lang] if lang else []))
    assert code == 2 and words in out, out
