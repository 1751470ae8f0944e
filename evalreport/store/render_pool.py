"""Rendering the units' files of a run (summary workbook and Word report of each unit), in
several processes when an all-levels run has many units.

Why: "Xuất báo cáo" and ``run --all-levels`` write two files for every non-leaf unit, 50–80 ms
each unit on one core, while the machine's other cores wait. Each unit's files depend only on
the consolidation result, so the units are shared out over ``workers`` forked processes, which
inherit the result instead of receiving it pickled (at 10,000 cells the result is about 100 MB
of objects). Each worker keeps its own prepared Word environment (compiled template parts, see
:mod:`evalreport.render.word.jinja_env`) from one unit to the next. A few units are not worth
starting processes for, and without ``fork`` (Windows) the units are rendered here, one after
the other; either way the files are the same.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from evalreport.model.result import ConsolidationResult
from evalreport.render.letterhead import ReportSettings
from evalreport.store.worker_process import interrupts_held, start_worker

__all__ = ["UnitJob", "render_units", "PARALLEL_MIN_UNITS"]

#: Fewer units than this are rendered in the run's own process: starting two workers costs
#: about 0.1 s, what eight units cost on one core.
PARALLEL_MIN_UNITS = 8


@dataclass(frozen=True)
class UnitJob:
    """What every unit's rendering needs: the result, the staging folder, language, letterhead."""

    result: ConsolidationResult
    staging: Path
    lang: str
    report: ReportSettings | None


def render_unit(job: UnitJob, unit: str) -> tuple[list[Path], list[str]]:
    """Write ``unit``'s summary workbook and (when the form has one) its Word report into the
    staging folder; the files written and notes for the manifest."""
    from evalreport.render.word.form_roles import FormRolesError
    from evalreport.render.word.movement_context import build_movement_context, has_movement_report
    from evalreport.render.word.narrative import write_narrative
    from evalreport.render.word.narrative_context import DocumentInfo, build_narrative_context
    from evalreport.render.workbook.summary_workbook import write_summary_workbook
    from evalreport.store.runner import output_names

    result = job.result
    build_context = build_movement_context if has_movement_report(result.form) else build_narrative_context
    workbook, narrative = (job.staging / name for name in output_names(result.form.code, result.period, unit,
                                                                           job.lang))
    notes: list[str] = []
    try:
        context = build_context(result, unit, job.lang, DocumentInfo(settings=job.report))
    except FormRolesError as exc:  # this form has no narrative report
        notes.append(str(exc))
        context = None
    if context is not None:
        write_narrative(context, narrative, None, job.lang)
    write_summary_workbook(result, unit, workbook, lang=job.lang,
                           report=job.report.for_unit(unit) if job.report else None)
    return ([workbook, narrative] if context is not None else [workbook]), notes


_JOB: list[UnitJob] = []  # the job a forked worker inherited


def _init_worker() -> None:
    start_worker()


def _render_inherited(unit: str) -> tuple[list[Path], list[str]]:
    return render_unit(_JOB[0], unit)


def render_units(job: UnitJob, units: list[str], workers: int) -> Iterator[tuple[list[Path], list[str]]]:
    """Each unit's :func:`render_unit` outcome, in the order of ``units``, as they are done."""
    if workers <= 1 or len(units) < PARALLEL_MIN_UNITS or "fork" not in multiprocessing.get_all_start_methods():
        for unit in units:
            yield render_unit(job, unit)
        return
    _JOB[:] = [job]
    try:
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"),
                                   initializer=_init_worker)
        try:
            chunk = max(1, min(8, len(units) // (workers * 4)))
            with interrupts_held():  # the workers are forked by the first submission
                done = pool.map(_render_inherited, units, chunksize=chunk)
            yield from done
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
    finally:
        _JOB.clear()
