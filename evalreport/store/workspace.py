"""The :class:`Workspace`: one folder holding an officer's configuration, unit list, received files,
ledger, archive and outputs, and the operations on it. The CLI and the Excel panel are thin
wrappers over these methods (see the package docstring for the stable API)."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from evalreport.model.finding import Finding
from evalreport.model.hierarchy import Hierarchy
from evalreport.model.period import Period, parse_period
from evalreport.store.config import CONFIG_NAME, WorkspaceConfig, default_config_text, load_config
from evalreport.store.holds import HOLD_RULES, closing_of, held_findings, held_rows
from evalreport.store.ingest import IngestReport, ingest_inbox
from evalreport.store.ledger import LEDGER_NAME, Ledger
from evalreport.store.lock import WorkspaceLock
from evalreport.store.period_control import (
    Admitted,
    admit_file,
    approve_units,
    close_period,
    period_events,
    reopen_period,
    withdraw_approvals,
)
from evalreport.store.publish import publish, recover_outputs, staging_folder
from evalreport.store.runner import (
    RunReport,
    Stopwatch,
    consolidate_period,
    published_outputs,
    render_outputs,
    write_manifest,
)
from evalreport.store.status import StatusRow, VersionRow, period_status, unit_history

__all__ = ["Workspace", "SUBFOLDERS"]

Progress = Callable[[str, int, int], None]
SUBFOLDERS = ("inbox", "outputs", "archive")
SAMPLE_UNITS = [
    ("T01", "Đảng bộ tỉnh Mẫu", "tinh", None),
    ("H01", "Đảng bộ huyện Đông", "huyen", "T01"),
    ("X01", "Đảng bộ xã An Phú", "co_so", "H01"),
    ("C01", "Chi bộ ấp 1", "chi_bo", "X01"),
    ("C02", "Chi bộ ấp 2", "chi_bo", "X01"),
]


def _write_units_xlsx(path: Path, rows: Sequence[tuple]) -> None:
    from openpyxl import Workbook

    from evalreport.store.atomic import atomic_path

    wb = Workbook()
    ws = wb.active
    ws.title = "DonVi"
    width = max((len(r) for r in rows), default=4)  # longer rows carry the validity columns
    ws.append(["ma_don_vi", "ten_don_vi", "cap", "ma_cap_tren", "hieu_luc_tu", "hieu_luc_den", "ke_thua"][:width])
    for r in rows:
        ws.append(list(r))
    for row in ws.iter_rows(min_row=2, max_col=1):
        for cell in row:
            cell.number_format = "@"  # codes are text: keep leading zeros
    ws.column_dimensions["B"].width = 40
    with atomic_path(path) as tmp:
        wb.save(tmp)


class Workspace:
    """An evalreport workspace folder. Open with :meth:`open`, create with :meth:`init`."""

    def __init__(self, folder: Path, config: WorkspaceConfig, hierarchy: Hierarchy):
        self.folder = folder
        self.config = config
        self.hierarchy = hierarchy
        self._ledger: Ledger | None = None

    # -- creation and opening -------------------------------------------------------------
    @classmethod
    def open(cls, folder: str | Path) -> Workspace:
        """Open and validate a workspace; raises WorkspaceConfigError naming the bad key."""
        folder = Path(folder).resolve()
        cfg, hierarchy = load_config(folder)
        for name in SUBFOLDERS:
            (folder / name).mkdir(exist_ok=True)
        return cls(folder, cfg, hierarchy)

    @classmethod
    def init(cls, folder: str | Path, *, units: str | Path | None = None, root: str | None = None,
             levels: str = "default", forms: list[str] | None = None, language: str = "vi",
             units_rows: Sequence[tuple] | None = None,
             received_time: str = "ingest", workers: int = 2) -> Workspace:
        """Create the layout. The unit list is copied from ``units`` (kept as the officer's file),
        written from ``units_rows``, or a small sample to edit. An existing config is kept."""
        folder = Path(folder).resolve()
        folder.mkdir(parents=True, exist_ok=True)
        for name in SUBFOLDERS:
            (folder / name).mkdir(exist_ok=True)
        units_name = "don_vi.xlsx"
        if units is not None:
            src = Path(units)
            units_name = "don_vi" + src.suffix.lower()
            if src.resolve() != (folder / units_name).resolve():
                shutil.copyfile(src, folder / units_name)
        elif not (folder / units_name).exists():
            _write_units_xlsx(folder / units_name, units_rows or SAMPLE_UNITS)
        cfg_path = folder / CONFIG_NAME
        if not cfg_path.exists():
            if root is None:
                from evalreport.model.unit_list import load_hierarchy

                h = load_hierarchy(folder / units_name, levels)
                root = h.roots[0] if len(h.roots) == 1 else "?"
            from evalreport.store.atomic import atomic_write_bytes

            atomic_write_bytes(cfg_path, default_config_text(root, units_name, levels, forms, language, received_time,
                                                                workers).encode("utf-8"))
        ws = cls.open(folder)
        ws.ledger  # noqa: B018 - creates the database with its schema
        return ws

    # -- parts -------------------------------------------------------------------------------
    @property
    def ledger(self) -> Ledger:
        if self._ledger is None:
            self._ledger = Ledger(self.folder / LEDGER_NAME)
        return self._ledger

    @property
    def root(self) -> str:
        return self.config.root

    @property
    def inbox(self) -> Path:
        return self.folder / "inbox"

    def outputs_dir(self, period: str | Period) -> Path:
        return self.folder / "outputs" / str(parse_period(period))

    def lock(self, command: str) -> WorkspaceLock:
        return WorkspaceLock(self.folder, command, timeout=self.config.lock_timeout)

    def close(self) -> None:
        if self._ledger is not None:
            self._ledger.close()
            self._ledger = None

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- operations ----------------------------------------------------------------------------
    def ingest(self, progress: Progress | None = None, period: str | Period | None = None) -> IngestReport:
        """Record every new file of inbox/ (under the workspace lock). ``period``: the one the
        officer is working on (files that would change another, reported period are held)."""
        with self.lock("ingest"):
            return ingest_inbox(self.folder, self.config, self.hierarchy, self.ledger, progress,
                                parse_period(period) if period is not None else None)

    def run(self, period: str | Period, all_levels: bool | None = None, progress: Progress | None = None,
            forms: Sequence[str] | None = None, lang: str | None = None) -> RunReport:
        """Ingest, consolidate every configured form of the period, render, write the manifest,
        and publish the outputs and the manifest as one set (:mod:`.publish`)."""
        period = parse_period(period)
        lang = lang or self.config.language
        all_levels = self.config.outputs.all_levels if all_levels is None else all_levels
        command = f"run {period}" + (" --all-levels" if all_levels else "")
        with self.lock(command):
            watch = Stopwatch()
            self.ledger.mark_interrupted()
            recover_outputs(self.folder / "outputs")
            run_id = self.ledger.start_run(str(period), " ".join(sys.argv[1:]) or command)
            staging: Path | None = None
            try:
                codes = list(forms or self.config.forms_for(period))
                report = RunReport(period, run_id, ingest_inbox(self.folder, self.config, self.hierarchy,
                                                                self.ledger, progress, period))
                watch.lap("ingest")
                report.pending = self._pending_of(period, report)
                report.closed = closing_of(self.ledger.conn, str(period))
                if report.closed is not None:  # frozen: the outputs made when it was closed stay as they are
                    self.ledger.finish_run(run_id, "done", {"run_id": run_id, "period": str(period), "closed": True,
                                                            "pending": len(report.pending)})
                    return report
                out_dir = self.outputs_dir(period)
                staging = staging_folder(out_dir.parent, out_dir.name, run_id)
                published = published_outputs(out_dir)
                versions: dict[tuple[str, str], int] = {}
                how: dict[str, dict] = {}
                for code in codes:
                    form = self.config.form(code)
                    current = self.ledger.current_state(code, str(period))
                    result = consolidate_period(form, period, self.ledger, self.hierarchy, self.root, progress,
                                                cache=self.folder, how=how.setdefault(code, {}), current=current)
                    report.results[code] = result
                    versions.update({(code, unit): version for unit, _id, _sha, version in current})
                    watch.lap("consolidate")
                    units = [self.root] + ([u for u in result.hierarchy.non_leaves(self.root) if u != self.root]
                                           if all_levels else [])
                    staged, notes, keys, reused = render_outputs(
                        result, staging, units, lang, self.config.outputs.pdf, progress,
                        self.config.report_settings(), report.pending, workers=self.config.workers,
                        published=published)
                    report.output_keys.update(keys)
                    report.reused += reused
                    report.outputs += [out_dir / p.name for p in staged]
                    report.notes += notes
                    watch.lap("render")
                write_manifest(report, staging, self.folder,
                               {"root": self.root, "language": lang, "all_levels": all_levels,
                                "forms": list(report.results), "notes": report.notes, "versions": versions,
                                "consolidation": how},
                               watch.total())
                publish(staging, out_dir, run_id)
                report.manifest_path = out_dir / "manifest.json"
            except BaseException:
                if staging is not None:  # the old set is whole (publish puts it back); drop the new one
                    shutil.rmtree(staging.parent, ignore_errors=True)
                self.ledger.finish_run(run_id, "failed", None)
                raise
            self.ledger.finish_run(run_id, "done", report.manifest_text or report.manifest)
            return report

    def _pending_of(self, period: Period, report: RunReport) -> list[Finding]:
        """Warnings on the period's held files and on those this run's ingest held for other periods."""
        from evalreport.model.finding import unique_findings

        this_ingest = [f for f in report.ingest.findings if f.rule in HOLD_RULES.values()]
        return unique_findings([*held_findings(held_rows(self.ledger.conn, str(period))), *this_ingest])

    # -- closing, approving, admitting (recorded in the ledger: store/period_control.py) ------------
    def close_period(self, period: str | Period, reason: str | None = None) -> None:
        """Freeze the period's figures and outputs; later files for it are held as pending."""
        with self.lock("close"):
            close_period(self.ledger, str(parse_period(period)), reason)

    def reopen_period(self, period: str | Period, reason: str) -> Admitted:
        """Reopen a closed period (a reason is required) and let its held files in."""
        with self.lock("reopen"):
            return reopen_period(self.ledger, str(parse_period(period)), reason)

    def approve(self, period: str | Period, units: Sequence[str], form: str | None = None,
                reason: str | None = None) -> list[str]:
        """Approve the units' current reports: a newer file is held until the approval is withdrawn."""
        period = parse_period(period)
        with self.lock("approve"):
            return approve_units(self.ledger, form or self.config.forms_for(period)[0], str(period), list(units),
                                 reason)

    def withdraw_approval(self, period: str | Period, units: Sequence[str], form: str | None = None,
                          reason: str | None = None) -> Admitted:
        period = parse_period(period)
        with self.lock("approve"):
            return withdraw_approvals(self.ledger, form or self.config.forms_for(period)[0], str(period),
                                      list(units), reason)

    def admit(self, file: str, reason: str | None = None) -> Admitted:
        """Count a held file (by ledger id, SHA-256 prefix, name or inbox path) in its own period."""
        with self.lock("admit"):
            return admit_file(self.ledger, file, reason)

    def pending(self, period: str | Period | None = None) -> list[Finding]:
        """A warning per held ("Chờ xử lý") file: of one period, or all."""
        return held_findings(held_rows(self.ledger.conn, str(parse_period(period)) if period else None))

    def closing(self, period: str | Period):
        """The event that closed the period (``at``, ``user``, ``reason``), or None when it is open."""
        return closing_of(self.ledger.conn, str(parse_period(period)))

    def events(self, period: str | Period | None = None, unit: str | None = None):
        """Closings, reopenings, approvals and admissions recorded in the ledger."""
        return period_events(self.ledger, str(parse_period(period)) if period else None, unit)

    def result(self, period: str | Period, form: str | None = None):
        """Consolidate from the ledger only (no ingest, no outputs; through the run cache, see
        :mod:`.result_cache`): for scripts and the panel."""
        period = parse_period(period)
        code = form or self.config.forms_for(period)[0]
        return consolidate_period(self.config.form(code), period, self.ledger, self.hierarchy, self.root,
                                  cache=self.folder)

    def status(self, period: str | Period, form: str | None = None) -> list[StatusRow]:
        """Completeness per expected unit for each configured form of the period (reads only)."""
        period = parse_period(period)
        rows: list[StatusRow] = []
        for code in [form] if form else self.config.forms_for(period):
            rows += period_status(self.ledger, self.config.form(code), self.hierarchy.at(period), self.root, period,
                                  self.config.deadline(period))
        return rows

    def history(self, unit: str, form: str | None = None, period: str | None = None) -> list[VersionRow]:
        return unit_history(self.ledger, unit, form, str(parse_period(period)) if period else None)

    def make_templates(self, period: str | Period, form: str | None = None, units: Sequence[str] | None = None,
                       folder: str | Path | None = None, progress: Progress | None = None) -> list[Path]:
        """Fill-in workbooks for the units that report to this workspace (default: every unit
        below the root), written to ``outputs/<period>/bieu_mau/`` unless ``folder`` is given (units
        of one shape cloned from the first one's, see ``template_clone``)."""
        from evalreport.render.workbook.template_clone import TemplateCloner
        from evalreport.render.workbook.template_writer import template_file_name
        from evalreport.store.status import expected_units

        period = parse_period(period)
        code = form or self.config.forms_for(period)[0]
        form_def = self.config.form(code)
        target = Path(folder) if folder else self.outputs_dir(period) / "bieu_mau"
        tree = self.hierarchy.at(period)
        codes = list(units) if units else expected_units(form_def, tree, self.root)
        out = []
        cloner = TemplateCloner(form_def, period, tree, lang=self.config.language,
                                deadline=self.config.deadline(period))
        for i, unit in enumerate(codes):
            if progress:
                progress("templates", i, len(codes))
            out.append(cloner.write(unit, target / template_file_name(code, period, unit)))
        if progress:
            progress("templates", len(codes), len(codes))
        return out
