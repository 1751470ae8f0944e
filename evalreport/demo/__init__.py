"""``evalreport demo``: a synthetic province, end to end, through a real workspace.

It builds a four-level unit list with Vietnamese names (:mod:`.province`), fills every unit's
workbooks for two years of DG-NAM and a few months of DV-THANG with plausible numbers
(:mod:`.values`, :mod:`.generate`), merges two cells and founds one between the two years
(:func:`.province.reorganize`, so the report compares "tính theo đơn vị hành chính mới"), plants a handful of known problems, then runs the monthly
and the annual pipeline exactly as an officer would (:class:`evalreport.Workspace`). The report
says which planted problem each finding detects, and :meth:`DemoReport.unexplained` lists any
finding that no planted problem explains (a test keeps it empty).
"""

from __future__ import annotations

import random
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from evalreport.demo.generate import DemoPlan, Planted, plan_demo, write_inbox
from evalreport.demo.province import SIZES, Reorganization, build_units, reorganize
from evalreport.model.worded_error import WordedError

if TYPE_CHECKING:  # the workspace is imported when the demo runs, so ``evalreport --help`` stays fast
    from evalreport.model.finding import Finding
    from evalreport.store.ingest import IngestReport
    from evalreport.store.runner import RunReport

__all__ = ["run_demo", "DemoReport", "DemoError", "SIZES", "Planted"]

MARKER = ".evalreport-demo"
Progress = Callable[[str, int, int], None]
# Planted problems whose unit's data is missing from the totals, so ancestors may show
# reconciliation gaps and changes against last year as a consequence.
_YEAR = 2025
_PROPAGATES = {"sum_mismatch", "text_in_number", "missing", "continuity"}


class DemoError(WordedError, RuntimeError):
    """The demo cannot start in the asked folder or size; worded by the catalog where shown."""


@dataclass
class DemoReport:
    folder: Path
    size: str
    plan: DemoPlan
    files_written: int
    reorganization: Reorganization  # the merger and the founded cell between the two years
    ingest: IngestReport | None = None
    runs: dict[str, RunReport] = field(default_factory=dict)

    @property
    def planted(self) -> list[Planted]:
        return self.plan.planted

    @property
    def findings(self) -> list[Finding]:
        """Ledger events of the ingest, then every run's findings."""
        events = [f for f in self.ingest.findings if f.rule.startswith("WS_")] if self.ingest else []
        return events + [f for r in self.runs.values() for f in r.findings]

    def detected(self, p: Planted) -> list[Finding]:
        """The findings that report planted problem ``p`` (ledger events come from the ingest)."""
        name = Path(p.file or "").name
        if p.kind in ("duplicate", "corrected"):
            pool = self.ingest.findings if self.ingest else []
        else:
            run = self.runs.get(p.period)
            pool = run.findings if run else []
        return [f for f in pool if p.file and f.file == name and (f.rule == p.rule if p.rule else f.is_error)]

    def how_reported(self, p: Planted, lang: str = "vi") -> str | None:
        """How the run made ``p`` visible, in ``lang``: finding rules, the completeness, or the
        status; None if not."""
        from evalreport.wording.catalog import text

        if p.kind == "missing":
            res = self.runs[p.period].results.get(p.form) if p.period in self.runs else None
            return text("CLI_DEMO_SEEN_MISSING", lang) if res is not None and p.unit in res.missing else None
        if p.kind == "late":
            from evalreport.store.workspace import Workspace

            with Workspace.open(self.folder) as ws:
                late = {r.unit for r in ws.status(p.period) if r.late and r.state != "missing"}
            return text("CLI_DEMO_SEEN_LATE", lang) if p.unit in late else None
        hits = self.detected(p)
        return ", ".join(sorted({f.rule for f in hits})) if hits else None

    def unexplained(self) -> list[Finding]:
        """Findings about units that are neither planted problems nor their ancestors."""
        h = self.runs[next(iter(self.runs))].result.hierarchy  # type: ignore[union-attr]
        allowed = {p.unit for p in self.planted}
        for p in self.planted:
            if p.kind in _PROPAGATES:
                allowed.update(h.path(p.unit))
        return [f for f in self.findings if f.unit not in allowed]


def _prepare(folder: Path) -> None:
    if folder.exists() and any(folder.iterdir()):
        if not (folder / MARKER).exists():
            raise DemoError("DEMO_NOT_DEMO_FOLDER", folder=str(folder))
        shutil.rmtree(folder)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / MARKER).write_text("Created by 'evalreport demo'; rerunning the demo replaces this folder.\n",
                                 encoding="utf-8")


def run_demo(folder: str | Path = "demo", size: str = "small", seed: int = 2025, workers: int = 2,
             progress: Progress | None = None, all_levels: bool = False) -> DemoReport:
    """Create ``folder`` as a workspace with a synthetic province and run every period."""
    if size not in SIZES:
        raise DemoError("DEMO_SIZE_UNKNOWN", size=size, sizes=", ".join(SIZES))
    folder = Path(folder).resolve()
    _prepare(folder)
    spec = SIZES[size]
    units, reorg = reorganize(build_units(spec, random.Random(seed)), _YEAR)
    plan = plan_demo(units, spec.months, seed, _YEAR)
    from evalreport.store.workspace import Workspace

    ws = Workspace.init(folder, units_rows=units, root=units[0][0], received_time="file", workers=workers)
    try:
        written = write_inbox(plan, ws.inbox, workers=workers, progress=progress)
        report = DemoReport(folder, size, plan, written, reorg, ingest=ws.ingest(progress=progress))
        for period in [*plan.months, str(plan.year)]:
            report.runs[period] = ws.run(period, all_levels=all_levels, progress=progress)
    finally:
        ws.close()
    return report
