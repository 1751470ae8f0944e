"""The Excel control panel: a workbook whose buttons run evalreport through xlwings.

``handlers`` holds the functions the buttons call; ``panel`` reads the settings and writes the
results back; ``workbook_builder`` (with ``vba_project``, ``cfb_writer`` and ``ovba_compression``)
rebuilds ``workbooks/evalreport.xlsm`` from the VBA kept as text. See docs/excel-guide.md.
"""

from __future__ import annotations

from .workbook_builder import WorkbookBuildError, build_workbook

__all__ = ["build_workbook", "WorkbookBuildError"]
