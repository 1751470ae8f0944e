"""The message catalog: every message the code can raise exists in both languages with the same
placeholders, and a finding is worded from its rule and parameters wherever it is shown."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import evalreport
from evalreport.form.definition import available_forms, load_form
from evalreport.model.finding import make_finding
from evalreport.store.records import findings_from_json, findings_to_json
from evalreport.wording.catalog import describe, form_rule_key, keys, placeholders, templates, text

PACKAGE = Path(evalreport.__file__).parent
# the builders of the shipped Word templates: their words are the catalog's too
TEMPLATE_BUILDERS = [PACKAGE.parent / "tools" / name for name in ("word_templates.py", "word_document.py",
                                                                 "movement_template.py")]
UPPER_SNAKE = re.compile(r"^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$")
# UPPER_SNAKE literals that are not messages: a new one must be classified here or get its words.
NOT_MESSAGES = {"INTERPRETER_WIN", "INTERPRETER_MAC"}  # xlwings.conf keys (install/xlwings_conf.py)


def _codes_in_source() -> dict[str, str]:
    """Every UPPER_SNAKE string literal outside the wording package that is not a Python name of
    the package (names, attributes, ``__all__`` entries, ``getattr`` names), an environment
    variable or an Excel defined name: the message keys and rule codes the code can emit."""
    literals: dict[str, str] = {}
    names: set[str] = set()
    for path in [*PACKAGE.rglob("*.py"), *TEMPLATE_BUILDERS]:
        if path.is_relative_to(PACKAGE) and path.relative_to(PACKAGE).parts[0] == "wording":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Name):
                names.add(node.id)
            elif isinstance(node, ast.Attribute):
                names.add(node.attr)
            elif isinstance(node, ast.Call) and getattr(node.func, "id", "") == "getattr":
                names.add(getattr(node.args[1], "value", ""))  # getattr(os, "O_BINARY", 0)
            elif isinstance(node, ast.Call) and getattr(node.func, "id", "") == "_one" and node.args \
                    and isinstance(node.args[0], ast.Constant):  # the phrase for a count of one
                literals.setdefault(node.args[0].value + "_ONE", str(path.relative_to(PACKAGE.parent)))
            elif isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "__all__" for t in node.targets):
                names.update(ast.literal_eval(node.value))
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) and UPPER_SNAKE.match(node.value):
                literals.setdefault(node.value, str(path.relative_to(PACKAGE.parent)))
    return {code: where for code, where in literals.items()
            if code not in names | NOT_MESSAGES and not code.startswith(("EVALREPORT_", "ER_"))}


def _form_rule_codes() -> dict[str, str]:
    """Rule code -> catalog key of every rule of the shipped forms."""
    out = {}
    for code in available_forms():
        form = load_form(code)
        out.update({r.code: form_rule_key(form.code, form.version, r.code) for r in form.rules})
    return out


def test_every_code_used_in_the_code_has_both_languages_with_the_same_placeholders():
    rules = _form_rule_codes()
    used = _codes_in_source()
    assert len(used) > 100  # the scan sees the code (reader, checks, aggregation, store, panel, reports)
    missing = {code: where for code, where in used.items() if templates(code) is None and code not in rules}
    assert missing == {}
    for key in [*keys(), *rules.values()]:
        texts = templates(key)
        assert set(texts) == {"vi", "en"} and all(texts.values()) or key in {"S_OPENING_BASIS"}, key
        assert placeholders(texts["vi"]) == placeholders(texts["en"]), key


def test_a_finding_holds_no_sentences_and_is_worded_in_the_language_asked():
    f = make_finding("VALUE_TOO_LARGE", "error", sheet="DG-NAM", cell="D9",
                     params={"cell": "D9", "label": {"vi": "Tổng số đảng viên", "en": "Total members"},
                             "raw": "1e9", "max": "1.000.000"})
    stored = findings_to_json([f])
    assert "Tổng số đảng viên" in stored and "lớn bất thường" not in stored  # labels yes, sentences no
    [back] = findings_from_json(stored)
    assert back == f
    assert describe(back) == "Ô D9 (“Tổng số đảng viên”) có số 1e9 lớn bất thường (trên 1.000.000); hãy kiểm tra lại"
    assert describe(back, "en") == "Cell D9 (“Total members”) holds 1e9, implausibly large (over 1.000.000); check it"


def test_numbers_and_nested_phrases_are_formatted_per_language():
    params = {"unit_name": "Chi bộ A", "label": {"vi": "Tổng số", "en": "Total"}, "own": 2495,
              "children_sum": 2493, "difference": 2,
              "explanation": {"$key": "RECON_EXPLAINED_BY", "items": [
                  {"$key": "RECON_MISSING_CHILD", "child": "C1", "child_name": "Chi bộ 1",
                   "value": {"$key": "RECON_FILE_VALUE", "value": 1234}}]}}
    vi = text("RECONCILIATION", "vi", **params)
    en = text("RECONCILIATION", "en", **params)
    assert "là 2.495" in vi and "tệp bị lỗi ghi 1.234" in vi
    assert "as 2,495" in en and "says 1,234" in en


def test_a_ledger_written_with_worded_messages_is_still_read():
    old = ('[{"rule": "DV_TONG_SO", "severity": "error", "messages": {"vi": "Tổng số sai", "en": "Total wrong"},'
           ' "unit": "C01", "file": "C01.xlsx", "sheet": "DG-NAM", "cell": "D8", "row": null,'
           ' "details": {"left": 120, "right": 119}}]')
    [f] = findings_from_json(old)
    assert (f.rule, f.unit, f.cell, f.params["left"]) == ("DV_TONG_SO", "C01", "D8", 120)
    assert (describe(f), describe(f, "en")) == ("Tổng số sai", "Total wrong")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_an_unknown_key_shows_itself_rather_than_failing(lang):
    assert text("NO_SUCH_RULE", lang, a=1) == "NO_SUCH_RULE: a=1"
