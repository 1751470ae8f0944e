"""Regenerate the .ods and .xls fixtures (needs LibreOffice): a DG-NAM workbook filled for the
first cell of the four-level test hierarchy, saved by LibreOffice as .ods and as .xls. They are
committed so the reading tests run where LibreOffice is not installed.

    PYTHONPATH=. python tests/data/make_ods_xls.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).parent
sys.path[:0] = [str(HERE.parent), str(HERE.parents[1])]

from workspace_support import CELLS, _form, _hierarchy, cell_values  # noqa: E402

from evalreport.render.workbook.template_writer import fill_template  # noqa: E402
from tools.selfcheck.edits import soffice_convert  # noqa: E402


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / f"DG-NAM_2021_{CELLS[0]}.xlsx"
        fill_template(_form(), CELLS[0], "2021", _hierarchy(), src, cell_values(20))
        for fmt in ("ods", "xls"):
            out = soffice_convert(src, fmt, Path(tmp) / fmt)
            if out is None:
                raise SystemExit("LibreOffice conversion failed")
            (HERE / out.name).write_bytes(out.read_bytes())
            print(HERE / out.name, out.stat().st_size)


if __name__ == "__main__":
    main()
