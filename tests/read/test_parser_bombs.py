"""Files that pass a naive pre-parse check but make the parser ask for a huge grid or read a part
nobody vetted. On an unguarded reader they abort the whole process (SIGABRT), so each is read in a
child process under a memory limit: the test process survives whatever happens."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tools.selfcheck.cases import CASES, Builder

_CHILD = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
from evalreport import read_submission
print(",".join(sorted({f.rule for f in read_submission(sys.argv[1]).findings})))
"""
ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(not hasattr(os, "fork") or sys.platform == "darwin",
                                reason="RLIMIT_AS is enforced on Linux")


@pytest.fixture(scope="module")
def builder(tmp_path_factory):
    return Builder(tmp_path_factory.mktemp("bombs"))


@pytest.mark.parametrize("name", ["cell_bomb_rows_without_numbers", "cell_bomb_dimension",
                                  "sheet_with_odd_extension_twice", "sheet_with_odd_extension",
                                  "duplicate_member", "doctype_after_long_comment"])
def test_refused_before_the_parser_runs(builder, name):
    case = CASES[name]
    path = case.build(builder, case.file_name)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", _CHILD, str(path)], capture_output=True, text=True, env=env,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert case.expect.rule in done.stdout.strip().split(","), done.stdout
