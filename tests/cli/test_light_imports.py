"""Short commands start fast: ``evalreport --help``, ``status`` and ``history`` must not import the
heavy libraries of reading and rendering (each costs tenths of a second at every start). Checked
in fresh processes, since this test session has long imported them all."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from workspace_support import fill_cells, make_workspace

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("pandas", "openpyxl", "docx", "docxtpl", "lxml", "jinja2", "xlsxwriter")
# Run the CLI in-process, then report which heavy modules it imported.
CLI = ("import atexit, json, sys\n"
       "heavy = {heavy!r}\n"
       "atexit.register(lambda: print(json.dumps([m for m in heavy if m in sys.modules]), file=sys.stderr))\n"
       "from evalreport.cli import app\n"
       "sys.argv = ['evalreport', *sys.argv[1:]]\n"
       "app()\n")


def _run(code: str, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=120)


def _imported_by_cli(*args: str) -> list[str]:
    res = _run(CLI.format(heavy=HEAVY), *args)
    assert res.returncode == 0, res.stderr
    return json.loads(res.stderr.strip().splitlines()[-1])


def test_importing_the_package_and_the_cli_imports_no_heavy_library():
    res = _run("import json, sys, evalreport, evalreport.cli, evalreport.store\n"
               f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))")
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout) == []


def test_help_imports_no_heavy_library():
    assert _imported_by_cli("--help") == []


def test_status_and_history_import_neither_pandas_nor_word_nor_jinja(tmp_path):
    ws = make_workspace(tmp_path / "ws")
    fill_cells(ws)
    ws.ingest()
    ws.close()
    for args in (["status", "-w", str(ws.folder), "-p", "2021"], ["history", "-w", str(ws.folder), "C01"]):
        imported = _imported_by_cli(*args)
        assert not {"pandas", "docx", "docxtpl", "jinja2"} & set(imported), (args, imported)


def test_a_public_name_still_loads_its_module_on_first_use():
    res = _run("import evalreport\n"
               "from evalreport import consolidate, Workspace\n"
               "print(consolidate.__module__, Workspace.__module__)")
    assert res.returncode == 0, res.stderr
    assert res.stdout.split() == ["evalreport.aggregate.consolidate", "evalreport.store.workspace"]
