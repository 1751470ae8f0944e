"""The reliability corpus: every broken, unusual and hostile workbook of the registry is built for
real, read and consolidated, and must turn out exactly as its registry entry says (a correct read
with its values in the totals, or its specific finding and nothing in the totals). Also the
``python -m tools.selfcheck`` entry point and the generated docs table."""

from __future__ import annotations

import io
from dataclasses import fields, replace
from pathlib import Path

import pytest
from corpus.build_corpus import build
from rich.console import Console

from evalreport.read.guard import ReadLimits
from tools.selfcheck import CASES, run_cases
from tools.selfcheck.__main__ import main
from tools.selfcheck.cases import finding
from tools.selfcheck.report import BEGIN, END, LIMIT_HELP, generated_block

pytestmark = pytest.mark.slow  # long fuzzing / the whole corpus: run by .ci/run after the fast suite

DOCS = Path(__file__).resolve().parents[2] / "docs" / "reliability.md"


@pytest.fixture(scope="session")
def outcomes(tmp_path_factory):
    return {o.case.name: o for o in run_cases(tmp_path_factory.mktemp("corpus"))}


def test_the_corpus_is_broad():
    groups = {g: [c for c in CASES.values() if c.group == g] for g in ("corpus", "hostile")}
    assert len(groups["corpus"]) >= 30 and len(groups["hostile"]) >= 10
    assert sum(c.expect.accepted for c in CASES.values()) >= 10  # files that must be read, not refused


@pytest.mark.parametrize("name", list(CASES))
def test_case_turns_out_as_registered(outcomes, name):
    o = outcomes[name]
    if o.status == "skipped":
        pytest.skip(o.detail)
    assert o.status == "pass", o.detail
    assert not o.data_lost


def test_refusals_name_the_limit_and_never_parse(outcomes):
    limits = {f.name for f in fields(ReadLimits)}
    for o in outcomes.values():
        rule = o.case.expect.rule or ""
        if rule.startswith("LIMIT_"):
            from evalreport import read_submission

            sub = read_submission(o.path, limits=o.case.limits)
            f = next(f for f in sub.findings if f.rule == rule)
            named = [name for name in limits if name in f.message("en")]
            assert named and named[0] in f.message("vi"), (o.case.name, f.message("en"))
            assert sub.values == {} and sub.period is None


def test_selfcheck_prints_the_table_and_exits_zero():
    buf = io.StringIO()
    code = main(["--only", "valid_leaf,empty_file,cell_bomb,zip_bomb_ratio"], Console(file=buf, width=120))
    out = buf.getvalue()
    assert code == 0, out
    assert "crashes" in out and "data lost" in out and "4/4" in out


def test_selfcheck_exits_non_zero_when_an_expectation_fails(monkeypatch):
    monkeypatch.setitem(CASES, "empty_file", replace(CASES["empty_file"], expect=finding("FILE_NOT_ZIP")))
    buf = io.StringIO()
    assert main(["--only", "empty_file"], Console(file=buf, width=160)) == 1
    assert "expected error FILE_NOT_ZIP" in buf.getvalue() and "FILE_EMPTY" in buf.getvalue()


def test_build_script_writes_files_and_expectations(tmp_path):
    built = build(tmp_path, ["valid_leaf", "vietnamese_file_name", "path_traversal"])
    assert built["vietnamese_file_name"].name == "Báo cáo  chi bộ ấp 1 .. năm 2021 (bản cuối)..xlsx"
    assert built["vietnamese_file_name"].parent == tmp_path
    expected = (tmp_path / "expected.json").read_text(encoding="utf-8")
    assert '"rule": "ZIP_PATH_TRAVERSAL"' in expected and '"dv_tong_so": 2493' in expected


def test_docs_list_every_limit_and_the_current_registry():
    assert set(LIMIT_HELP) == {f.name for f in fields(ReadLimits)}
    text = DOCS.read_text(encoding="utf-8")
    block = text[text.index(BEGIN): text.index(END) + len(END)]
    assert block == generated_block(), "run: python -m tools.selfcheck --write-docs docs/reliability.md"
