"""The run's render helper process: its jobs' files, their errors, a helper that dies, and a
run with a helper giving the same reports as a run without."""

from __future__ import annotations

import os
import pickle
import sys
import time
from pathlib import Path

import psutil
import pytest
from docx import Document
from workspace_support import CELLS, cell_values, drop, fill_cells, make_workspace

from evalreport.render.word.jinja_env import TemplateRenderError
from evalreport.store import Workspace
from evalreport.store.run_helper import WINDOW, RunHelper

pytestmark = pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="the helper is forked")


def _write_pid(path: Path, delay: float = 0.0) -> None:
    time.sleep(delay)
    path.write_text(str(os.getpid()))


def _fail(message: str) -> None:
    raise ValueError(message)


class _Odd(Exception):
    def __init__(self, a: int, b: int) -> None:  # args do not match __init__: cannot be unpickled
        super().__init__(f"odd {a + b}")


def _fail_oddly() -> None:
    raise _Odd(1, 2)


@pytest.fixture
def helper():
    h = RunHelper.start()
    assert h is not None
    yield h
    h.close()


def test_jobs_run_in_the_helper_process_more_than_a_window_of_them(helper, tmp_path):
    for i in range(3 * WINDOW + 1):
        helper.submit(_write_pid, tmp_path / f"{i}.txt")
    helper.wait()
    pids = {p.read_text() for p in tmp_path.glob("*.txt")}
    assert len(list(tmp_path.glob("*.txt"))) == 3 * WINDOW + 1
    assert pids == {str(helper._process.pid)} and str(os.getpid()) not in pids


def test_a_job_returns_its_value_in_the_order_asked(helper):
    first, second = helper.submit(divmod, 17, 5), helper.submit(os.getpid)
    assert helper.result(second) == helper._process.pid != os.getpid()
    assert helper.result(first) == (3, 2)


def test_a_jobs_error_is_raised_in_the_run(helper, tmp_path):
    helper.submit(_fail, "không ghi được tệp")
    with pytest.raises(ValueError, match="không ghi được tệp"):
        helper.wait()
    helper.submit(_write_pid, tmp_path / "after.txt")  # the helper goes on after a failed job
    helper.wait()
    assert (tmp_path / "after.txt").read_text() == str(helper._process.pid)


def test_an_error_that_cannot_travel_arrives_as_its_text(helper):
    helper.submit(_fail_oddly)
    with pytest.raises(RuntimeError, match="_Odd: odd 3"):
        helper.wait()


def test_a_template_error_travels_whole():
    err = TemplateRenderError("mau.docx", "{{ x }}", {"vi": "sai", "en": "wrong"}, "đoạn {{ x }}", 3, "en")
    back = pickle.loads(pickle.dumps(err))
    assert (back.tag, back.lineno, str(back), back.message("vi")) == (err.tag, 3, str(err), err.message("vi"))


def test_jobs_of_a_helper_that_died_are_done_by_the_run(helper, tmp_path):
    helper.submit(_write_pid, tmp_path / "slow.txt", 1.0)
    helper._process.kill()  # the OOM killer, while the job runs
    helper._process.join()
    for i in range(WINDOW + 1):
        helper.submit(_write_pid, tmp_path / f"{i}.txt")
    assert helper.result(helper.submit(os.getpid)) == os.getpid()
    helper.wait()
    assert {p.read_text() for p in tmp_path.glob("*.txt")} == {str(os.getpid())}
    assert len(list(tmp_path.glob("*.txt"))) == WINDOW + 2


def _docx_text(path: Path) -> list[str]:
    doc = Document(str(path))
    return [p.text for p in doc.paragraphs] + [c.text for t in doc.tables for row in t.rows for c in row.cells]


def test_a_run_with_a_helper_writes_the_same_reports_and_leaves_no_process(tmp_path, monkeypatch):
    sent = []
    submit = RunHelper.submit
    monkeypatch.setattr(RunHelper, "submit", lambda self, fn, *args: sent.append(fn.__name__) or submit(self, fn, *args))
    alone = make_workspace(tmp_path / "alone", workers=1)
    helped = make_workspace(tmp_path / "helped", workers=2)
    for ws in (alone, helped):
        fill_cells(ws)
    a = alone.run("2021")
    b = Workspace.open(helped.folder).run("2021")
    assert [p.name for p in a.outputs] == [p.name for p in b.outputs]
    docx = [p.name for p in a.outputs if p.suffix == ".docx"]
    assert docx == ["DG-NAM_2021_T01_bao_cao.docx"]
    assert _docx_text(alone.outputs_dir("2021") / docx[0]) == _docx_text(helped.outputs_dir("2021") / docx[0])
    # only the run with two workers had a helper
    assert sent == ["scan_workspace_inbox", "write_narrative", "write_findings_table"]
    assert psutil.Process().children(recursive=True) == []


def test_a_run_with_a_helper_and_a_parse_pool_counts_what_a_single_process_counts(tmp_path):
    """20 new files: the parse pool is forked after the helper; both leave with the run."""
    totals = {}
    for workers in (1, 2):
        ws = make_workspace(tmp_path / f"w{workers}", workers=workers)
        fill_cells(ws)
        for c in CELLS:  # a second version of every cell: 20 files to parse
            drop(ws, c, cell_values(33), name=f"ban_sao_{c}.xlsx", mtime=1_800_000_000)
        report = Workspace.open(ws.folder).run("2021")
        assert report.ingest.parsed == 2 * len(CELLS)
        totals[workers] = report.result.totals()
    assert totals[1] == totals[2] and totals[2]["dv_tong_so"] == 33 * len(CELLS)
    assert psutil.Process().children(recursive=True) == []
