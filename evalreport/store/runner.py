"""One run for one period: consolidate the ledger's current submissions, render, and record a
manifest that says exactly which inputs made which outputs.

Outputs are rendered into a staging folder and published as one set with the manifest
(:mod:`.publish`), so a run killed at any moment leaves the previous outputs or the new ones,
whole; ``manifest.json`` names the run that produced the files next to it.
"""

from __future__ import annotations

import hashlib
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evalreport.form.definition import FormDefinition
from evalreport.model.finding import Finding, unique_findings
from evalreport.model.hierarchy import Hierarchy
from evalreport.model.period import Period
from evalreport.model.result import ConsolidationResult
from evalreport.render.letterhead import ReportSettings
from evalreport.store.atomic import atomic_write_bytes
from evalreport.store.collector_pause import collector_paused
from evalreport.store.crashpoints import crash_point
from evalreport.store.file_names import safe_part
from evalreport.store.ingest import IngestReport
from evalreport.store.ledger import Ledger
from evalreport.store.records import dumps
from evalreport.wording.catalog import text

if TYPE_CHECKING:
    from evalreport.store.render_pool import Published

__all__ = ["RunReport", "consolidate_period", "consolidate_rolled_up", "render_outputs", "published_outputs"]

Progress = Callable[[str, int, int], None]


@dataclass
class RunReport:
    """What ``Workspace.run`` did. ``results`` maps form code to its consolidation result."""

    period: Period
    run_id: int
    ingest: IngestReport
    results: dict[str, ConsolidationResult] = field(default_factory=dict)
    outputs: list[Path] = field(default_factory=list)
    manifest_path: Path | None = None
    manifest: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # e.g. "no PDF: LibreOffice is not installed"
    manifest_text: str = field(default="", repr=False)  # manifest.json as written
    # Held ("Chờ xử lý") files the officer must decide on: of this period, and those of this ingest
    pending: list[Finding] = field(default_factory=list)
    closed: Any = None  # the closing event when the period is closed: nothing was consolidated or written
    output_keys: dict[str, str] = field(default_factory=dict)  # file name -> content key (units' files)
    reused: int = 0  # units' files taken unchanged from the published outputs instead of rendered

    @property
    def result(self) -> ConsolidationResult | None:
        """The result of the first form run for the period (the usual single-form case)."""
        return next(iter(self.results.values()), None)

    @property
    def findings(self) -> list[Finding]:
        """Ledger events of this ingest (duplicates, replacements), the reader's findings on files
        of this ingest that could not be identified, and every finding of the consolidations."""
        # A file that could not be identified belongs to no period's consolidation; it arrived in
        # this run, so its reader findings are shown here or the officer would never see them.
        events = [f for f in self.ingest.findings if f.rule.startswith("WS_")]
        events += [x for f in self.ingest.files if f.outcome == "unreadable" for x in f.findings]
        return unique_findings([*events, *self.pending, *(f for r in self.results.values() for f in r.findings)])


def consolidate_period(form: FormDefinition, period: Period, ledger: Ledger, hierarchy: Hierarchy, root: str,
                       progress: Progress | None = None, with_previous: bool = True,
                       cache: Path | None = None, how: dict[str, Any] | None = None,
                       current: list[tuple[str, int, str, int]] | None = None) -> ConsolidationResult:
    """Consolidate the current versions of ``form`` for ``period``; the previous period's result,
    rebuilt from the ledger when it has data, feeds the year-over-year / month-to-month checks.

    With ``cache`` (a workspace folder), the last full consolidation kept there is updated with
    the units whose current file changed since (:mod:`.result_cache`), which gives the same
    result as consolidating everything again. ``how`` (if given) receives how it was made:
    ``{"mode": "full" | "updated", "changed_units": n}``, for the run's manifest. ``current`` is
    the period's :meth:`~.ledger.Ledger.current_state` when the caller already has it (a run
    needs it for the manifest's versions too). A monthly form's quarter or year is rolled up
    from its months (:func:`consolidate_rolled_up`)."""
    if form.rolls_up_to(period.kind):
        return consolidate_rolled_up(form, period, ledger, hierarchy, root, progress, cache, how)
    previous, prev_digest = None, None
    prev_period = period.previous()
    if with_previous and ledger.has_period(form.code, str(prev_period)):
        previous, prev_digest, _ = _consolidated(form, prev_period, ledger, hierarchy, root, None, None, cache, None,
                                                 digest=True)
    result, _, mode = _consolidated(form, period, ledger, hierarchy, root, previous, prev_digest, cache, progress,
                                    current=current)
    if how is not None:
        how.update(mode)
    return result


def consolidate_rolled_up(form: FormDefinition, period: Period, ledger: Ledger, hierarchy: Hierarchy, root: str,
                          progress: Progress | None = None, cache: Path | None = None,
                          how: dict[str, Any] | None = None) -> ConsolidationResult:
    """A monthly form's quarter or year: every month of it, and the earlier months of its year
    that the ledger has (for year to date), consolidated as a monthly run would, then rolled up
    unit by unit (:func:`evalreport.aggregate.timeseries.roll_up_results`)."""
    from evalreport.aggregate.timeseries import roll_up_results

    months = period.months()
    monthly = {m: consolidate_period(form, m, ledger, hierarchy, root, progress, cache=cache)
               for m in Period(period.year, "year").months()
               if m <= months[-1] and (m in months or ledger.has_period(form.code, str(m)))}
    if how is not None:
        how.update({"mode": "rolled_up", "months": [str(m) for m in monthly]})
    return roll_up_results(period, monthly)


def _consolidated(form: FormDefinition, period: Period, ledger: Ledger, hierarchy: Hierarchy, root: str,
                  previous: ConsolidationResult | None, prev_digest: str | None, cache: Path | None,
                  progress: Progress | None, digest: bool = False,
                  current: list[tuple[str, int, str, int]] | None = None
                  ) -> tuple[ConsolidationResult, str | None, dict[str, Any]]:
    """The result, its state digest (only if ``digest``: the next period's cache key needs it)
    and how it was made."""
    with collector_paused():  # hundreds of thousands of acyclic objects are made here
        result, key, state, how = _consolidate_or_update(form, period, ledger, hierarchy, root, previous,
                                                         prev_digest, cache, progress, current)
    from evalreport.store.result_cache import state_digest

    return result, state_digest(key, state) if digest else None, how


def _consolidate_or_update(form: FormDefinition, period: Period, ledger: Ledger, hierarchy: Hierarchy, root: str,
                           previous: ConsolidationResult | None, prev_digest: str | None, cache: Path | None,
                           progress: Progress | None, current: list[tuple[str, int, str, int]] | None
                           ) -> tuple[ConsolidationResult, str, dict, dict[str, Any]]:
    from evalreport.aggregate.consolidate import consolidate_reusing_checks
    from evalreport.aggregate.update import update_parts
    from evalreport.store.result_cache import REBASE_SHARE, cache_key, load_base, save_base

    hierarchy = hierarchy.at(period)  # the period's tree keys the cache and checks the files
    cb = None
    if progress is not None:
        def cb(done: int, total: int, *_: Any) -> None:
            progress(f"consolidate {form.code}", done, total)
    state: dict[str, tuple[int, str]] = {}
    for unit, file_id, sha, _version in (ledger.current_state(form.code, str(period)) if current is None
                                         else current):
        state[unit] = (file_id, sha) if unit not in state else (-1, "several")  # never equal to a base
    key = cache_key(form, hierarchy.fingerprint(), root, period, prev_digest)
    base = load_base(cache, form, period, hierarchy, root, key) if cache is not None else None
    if base is not None:
        stored_base, base_state, outdated = base
        changed = sorted([u for u, now in state.items() if base_state.get(u) != now]
                         + [u for u in base_state if u not in state])
        if len(changed) <= max(50, REBASE_SHARE * len(state)) and not any(state[u][0] < 0 for u in changed
                                                                            if u in state):
            subs: dict[str, list] = {u: [] for u in changed}
            for s in ledger.submissions_of(form.code, str(period), [u for u in changed if u in state]):
                subs[s.unit_code].append(s)
            if progress is not None:
                progress(f"consolidate {form.code}", 1, 1)
            result = update_parts(stored_base, subs, previous=previous)
            if outdated:  # once: the current format reads faster (an updated base equals a full one)
                save_base(cache, result, key, state)
            return result, key, state, {"mode": "updated", "changed_units": len(changed)}
    from evalreport.check.rules import check_context

    known = ledger.stored_checks(form.code, str(period), check_context(form, hierarchy))
    result = consolidate_reusing_checks(form, period, ledger.submissions(form.code, str(period)), hierarchy, root,
                                        previous=previous, known_checks=known, progress=cb)
    if cache is not None:
        save_base(cache, result, key, state)
    return result, key, state, {"mode": "full", "changed_units": len(state)}


def output_names(form_code: str, period: Period, unit: str, lang: str) -> tuple[str, str]:
    """(summary workbook, narrative) names. The workbook is named like the unit's own template
    (``DG-NAM_2025_TINH.xlsx``) because it is that unit's submission to the next level."""
    from evalreport.render.workbook.template_writer import template_file_name  # openpyxl: only when rendering

    xlsx = template_file_name(form_code, period, unit)
    return xlsx, xlsx.removesuffix(".xlsx") + f"_{text('FILE_REPORT', lang)}.docx"


def render_outputs(result: ConsolidationResult, staging: Path, units: list[str], lang: str,
                   pdf: bool = False, progress: Progress | None = None,
                   report: ReportSettings | None = None, pending: list[Finding] = (),
                   workers: int = 1, published: Published | None = None
                   ) -> tuple[list[Path], list[str], dict[str, str], int]:
    """Render summary workbook and narrative for ``units`` plus a findings workbook into the
    run's ``staging`` folder (published later, as one set: :func:`.publish.publish`).
    ``report``: the workspace's letterhead settings; ``workers``: processes rendering the units'
    files when there are many units (:func:`~.render_pool.render_units`).

    ``pending``: warnings on held files, listed in the findings workbook too. ``published``: the
    outputs this run replaces, whose units' files are reused where their content key is
    unchanged (:mod:`.output_keys`).

    Returns the written files, notes for the manifest (e.g. why no PDF was made), the units'
    files' content keys by file name, and how many of those files were reused."""
    from evalreport.render.pdf import PdfUnavailable, convert_to_pdf
    from evalreport.render.workbook.findings_table import write_findings_table
    from evalreport.store.output_keys import unit_digests
    from evalreport.store.render_pool import UnitJob, render_units

    code, period = result.form.code, result.period
    staged: list[Path] = []
    notes: list[str] = []
    keys: dict[str, str] = {}
    reused = 0
    # Keys only when several units are rendered: the subtree digests cost about 0.05 ms a unit of
    # the tree, as much as the root's files themselves, which change whenever anything does.
    digests = unit_digests(result) if len(units) > 1 else None
    job = UnitJob(result, staging, lang, report, digests, published)
    for i, done in enumerate(render_units(job, units, workers)):
        if progress:
            progress(f"render {code}", i, len(units))
        staged += done.paths
        notes += done.notes
        keys.update(done.keys)
        reused += done.reused
        crash_point("render.staged")
    findings = staging / f"{safe_part(code)}_{safe_part(period)}_{text('FILE_FINDINGS', lang)}.xlsx"
    write_findings_table(unique_findings([*pending, *result.findings]), findings, lang)
    staged.append(findings)
    if pdf:
        try:
            pdfs, pdf_keys, pdf_reused = _pdfs(staged, staging, keys, published, convert_to_pdf)
        except PdfUnavailable as exc:
            notes.append(exc.message(lang))
        else:
            staged += pdfs
            keys.update(pdf_keys)
            reused += pdf_reused
    if progress:
        progress(f"render {code}", len(units), len(units))
    crash_point("render.before_publish")
    return staged, sorted(set(notes)), keys, reused


def _pdfs(staged: list[Path], staging: Path, keys: dict[str, str], published: Published | None,
          convert: Callable[[Path, Path], Path]) -> tuple[list[Path], dict[str, str], int]:
    """The PDF of each staged Word report: the published one when the report's content key is
    unchanged (:func:`~.output_keys.pdf_key`, its bytes as the manifest hashed them), else
    converted again (LibreOffice, seconds a file). Returns the PDFs, their keys and how many
    were reused."""
    from evalreport.store.output_keys import pdf_key

    pdfs: list[Path] = []
    pdf_keys: dict[str, str] = {}
    reused = 0
    for source in [p for p in staged if p.suffix == ".docx"]:
        target = staging / f"{source.stem}.pdf"
        key = pdf_key(keys.get(source.name))
        if key is not None:
            pdf_keys[target.name] = key
        if published is not None and published.reuse(key, target):
            reused += 1
            pdfs.append(target)
        else:
            pdfs.append(convert(source, staging))
    return pdfs, pdf_keys, reused


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_manifest(report: RunReport, staging: Path, folder: Path, extra: dict[str, Any],
                   timings: dict[str, float]) -> dict[str, Any]:
    """The run manifest: inputs (version, hash), outputs (hash), parameters, timings, counts.

    ``report.outputs`` are the files' published paths (named relative to the workspace
    ``folder``); they are still in ``staging``, where the manifest is written too."""
    inputs = {}
    params = {}
    for code, res in report.results.items():
        params[code] = dict(res.form.param_values)
        inputs[code] = [{"unit": s.unit_code, "file": s.file_name, "sha256": s.provenance.sha256 if s.provenance else None,
                         "version": extra.get("versions", {}).get((code, s.unit_code)), "replaces": s.replaces}
                        for s in sorted(res.accepted.values(), key=lambda s: s.unit_code)] + [
            {"unit": s.unit_code, "file": s.file_name, "sha256": s.provenance.sha256 if s.provenance else None,
             "version": extra.get("versions", {}).get((code, s.unit_code)), "rejected": True}
            for s in res.rejected]
    outputs = [{"path": p.relative_to(folder).as_posix(), "sha256": file_sha256(staging / p.name),
                "size": (staging / p.name).stat().st_size,
                **({"key": report.output_keys[p.name]} if p.name in report.output_keys else {})}
               for p in report.outputs]
    counts = Counter(f.severity for f in report.findings)
    manifest = {
        "run_id": report.run_id, "period": str(report.period), **{k: v for k, v in extra.items() if k != "versions"},
        "ingest": {"new": report.ingest.count("new"), "versions": report.ingest.count("version"),
                   "duplicates": report.ingest.count("duplicate"), "unreadable": report.ingest.count("unreadable"),
                   "skipped_unchanged": report.ingest.skipped},
        "parameters": params, "inputs": inputs, "outputs": outputs,
        "render": {"files": len(report.output_keys), "reused": report.reused},
        "findings": {"error": counts.get("error", 0), "warning": counts.get("warning", 0),
                     "info": counts.get("info", 0)},
        "timings": {k: round(v, 3) for k, v in timings.items()},
    }
    report.manifest_text = dumps(manifest)
    atomic_write_bytes(staging / "manifest.json", report.manifest_text.encode("utf-8"))
    report.manifest = manifest
    return manifest


class Stopwatch:
    """Seconds spent per stage (a stage may be entered several times, once per form)."""

    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self._start = self._last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = self.laps.get(name, 0.0) + now - self._last
        self._last = now

    def total(self) -> dict[str, float]:
        return {**self.laps, "total": time.perf_counter() - self._start}


def published_outputs(folder: Path) -> Published:
    """The outputs folder a run replaces, with the (key, sha256) its manifest records per file
    (none when there is no readable manifest: then every file is rendered)."""
    import json

    from evalreport.store.render_pool import Published

    files: dict[str, tuple[str, str]] = {}
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        for entry in manifest.get("outputs", []):
            if entry.get("key") and entry.get("sha256"):
                files[Path(entry["path"]).name] = (entry["key"], entry["sha256"])
    except (OSError, ValueError, AttributeError, TypeError):
        files = {}
    return Published(folder, files)
