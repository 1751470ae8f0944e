"""A run's outputs are published as one set: killed at any rename (in a subprocess, SIGKILL at a
named crash point), the period's folder holds the whole old set or the whole new set once the
next run has started, and that run completes; a report open in Word/Excel (simulated: the rename
raises PermissionError, as on Windows) keeps the old set whole and says so in one message."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner
from workspace_support import cell_values, drop, fill_cells, ledger_integrity, spawn_run

from evalreport.cli import app
from evalreport.store.publish import OLD_PREFIX, STAGING_PREFIX, recover_outputs


def snapshot(folder: Path) -> dict[str, str]:
    """Relative path -> SHA-256 of every file below ``folder`` (empty if there is none)."""
    if not folder.is_dir():
        return {}
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def assert_whole_set(files: dict[str, str], folder: Path) -> int:
    """The files agree with the manifest beside them (every output listed, with its hash), and
    the templates carried over are there; returns the manifest's run id."""
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    listed = {o["path"].rsplit("/", 1)[-1]: o["sha256"] for o in manifest["outputs"]}
    assert {k: v for k, v in files.items() if "/" not in k and k != "manifest.json"} == listed
    assert any(k.startswith("bieu_mau/") for k in files)
    return manifest["run_id"]


@pytest.fixture
def ws(ws):
    """conftest's workspace, run once (the old set, with fill-in templates beside it), and a
    corrected file waiting in its inbox for the next run."""
    fill_cells(ws)
    ws.run("2021")
    ws.make_templates("2021", units=["C01", "C02"])
    drop(ws, "C01", cell_values(50), name="C01_sua.xlsx")
    return ws


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
@pytest.mark.parametrize("point", ["render.before_publish", "publish.before_swap", "publish.old_moved",
                                   "publish.new_in_place"])
def test_a_run_killed_at_any_rename_leaves_the_old_set_or_the_new_set(ws, point):
    outputs = ws.folder / "outputs"
    out = ws.outputs_dir("2021")
    old = snapshot(out)
    old_run = assert_whole_set(old, out)

    proc = spawn_run(ws.folder, "ws.run('2021')", point)
    _, err = proc.communicate(timeout=180)
    assert proc.returncode == -signal.SIGKILL, err
    assert ledger_integrity(ws.folder) == "ok"
    staged = [snapshot(p) for p in outputs.glob(f"{STAGING_PREFIX}*/2021")]
    visible = snapshot(out)
    if point == "publish.old_moved":  # between the two renames: the folder is aside, not gone
        assert visible == {} and [snapshot(p) for p in outputs.glob(f"{OLD_PREFIX}*/2021")] == [old]
    elif point == "publish.new_in_place":  # the staged set has become the folder
        assert staged == [] and visible != old
    else:
        assert visible == old and len(staged) == 1

    recover_outputs(outputs)  # what the next run does first, under the workspace lock
    now = snapshot(out)
    if point == "publish.new_in_place":
        assert now == visible and assert_whole_set(now, out) > old_run  # the killed run's whole set
    else:
        assert now == old
    assert sorted(p.name for p in outputs.iterdir()) == ["2021"]

    again = ws.run("2021")
    assert again.result.totals()["dv_tong_so"] == sum(range(20, 30)) - 20 + 50
    final = snapshot(out)
    assert assert_whole_set(final, out) == again.run_id
    assert {k: v for k, v in final.items() if k.startswith("bieu_mau/")} == \
        {k: v for k, v in old.items() if k.startswith("bieu_mau/")}
    assert sorted(p.name for p in outputs.iterdir()) == ["2021"]


@pytest.mark.parametrize("which", ["old", "new"])
def test_a_report_open_in_word_keeps_the_old_set_and_says_so_once(ws, monkeypatch, which):
    """Windows refuses to rename a folder holding a file open in Word or Excel; here either
    rename of the swap is made to fail that way."""
    out = ws.outputs_dir("2021")
    old = snapshot(out)
    docx = out / "DG-NAM_2021_T01_bao_cao.docx"
    real_replace = os.replace

    def replace(src, dst, *args, **kwargs):
        src = Path(src)
        if (which == "old" and src == out) or (which == "new" and dst == out and src.parent.name.startswith(STAGING_PREFIX)):
            raise PermissionError(13, "The process cannot access the file because it is being used by another process",
                                  str(docx if which == "old" else src))
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", replace)
    res = CliRunner().invoke(app, ["run", "--period", "2021", "--workspace", str(ws.folder), "--quiet"])
    monkeypatch.undo()
    assert res.exit_code == 3 and isinstance(res.exception, SystemExit), res.exception
    assert "Traceback" not in res.output
    assert res.output.count("Không thay được báo cáo vì") == 1
    if which == "old":
        assert "tệp DG-NAM_2021_T01_bao_cao.docx đang mở trong Word/Excel; hãy đóng tệp rồi chạy lại" in res.output
    assert snapshot(out) == old
    assert sorted(p.name for p in (ws.folder / "outputs").iterdir()) == ["2021"]
    assert ws.ledger.runs("2021")[-1]["status"] == "failed"
    again = ws.run("2021")  # closed: the next run replaces the set
    assert assert_whole_set(snapshot(out), out) == again.run_id
