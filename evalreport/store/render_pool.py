"""Rendering the units' files of a run (summary workbook and Word report of each unit), in
several processes when an all-levels run has many units.

Why: "Xuất báo cáo" and ``run --all-levels`` write two files for every non-leaf unit, 50–80 ms
each unit on one core, while the machine's other cores wait. Each unit's files depend only on
the consolidation result, so the units are shared out over ``workers`` forked processes, which
inherit the result instead of receiving it pickled (at 10,000 cells the result is about 100 MB
of objects). Without ``fork`` (Windows has only spawn; the start method is
:func:`~.worker_process.pool_context`'s) the workers are spawned and each receives the result
once, through its initializer, as the run cache's marshalled record (:mod:`.spawned_job`),
which it decodes before its first unit. Each worker keeps its own prepared Word environment
(compiled template parts, see :mod:`evalreport.render.word.jinja_env`) from one unit to the
next. A few units are not worth starting processes for (fewer than :data:`PARALLEL_MIN_UNITS`
forked, :data:`SPAWN_MIN_UNITS` spawned): they are rendered here, one after the other; either
way the files are the same.

The cyclic collector is paused while a unit's files are made and run once on the young
generations after them (:func:`render_unit`): openpyxl and python-docx make a few hundred
thousand small objects a unit, and the collector, triggered every 700 allocations, walked the
survivors of the unit's half-made workbook again and again (about 2 ms of a ward's 45 ms); the
unit's garbage (workbooks hold cycles: sheet <-> workbook) is all in those generations and is
freed by the one collection.

A unit's file whose content key (:mod:`.output_keys`) equals the one the published manifest
records for it, with the published file's hash unchanged, is not rendered again: the published
file is linked into the staging folder (copied where the disk has no hard links).
"""

from __future__ import annotations

import gc
import hashlib
import os
import shutil
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from evalreport.model.result import ConsolidationResult
from evalreport.render.letterhead import ReportSettings
from evalreport.store.output_keys import UnitDigests, narrative_key, workbook_key
from evalreport.store.worker_process import interrupts_held, pool_context, start_worker

__all__ = ["UnitJob", "UnitOutcome", "Published", "render_units", "PARALLEL_MIN_UNITS", "SPAWN_MIN_UNITS",
           "SPAWN_RESULT_UNITS_PER_UNIT"]

#: Fewer units than this are rendered in the run's own process: starting two workers costs
#: about 0.1 s, what eight units cost on one core.
PARALLEL_MIN_UNITS = 8
#: The same where workers are spawned (Windows): they start about 0.8 s later than forked ones
#: (a new interpreter, the renderers' imports, the result sent and decoded), and at ~25 ms a unit
#: two spawned workers only caught up with one process at about 90 units (docs/performance.md,
#: "Both cores for rendering on Windows"). Decoding the result adds about 0.02 ms per unit of
#: the result, hence one more unit to render per :data:`SPAWN_RESULT_UNITS_PER_UNIT` of it.
SPAWN_MIN_UNITS = 120
SPAWN_RESULT_UNITS_PER_UNIT = 500


@dataclass(frozen=True)
class Published:
    """The outputs folder the run replaces, and per file name the (key, sha256) its manifest
    records: what a unit's unchanged file can be taken from."""

    folder: Path
    files: Mapping[str, tuple[str, str]] = field(default_factory=dict)

    def reuse(self, key: str | None, target: Path) -> bool:
        """Link the published file named like ``target`` into place when its key is ``key`` and
        its bytes are still those the manifest hashed (an officer may have edited it)."""
        known = self.files.get(target.name)
        source = self.folder / target.name
        if key is None or known is None or known[0] != key or not source.is_file():
            return False
        try:
            if hashlib.sha256(source.read_bytes()).hexdigest() != known[1]:
                return False
            try:
                os.link(source, target)
            except OSError:
                shutil.copy2(source, target)
        except OSError:
            return False
        return True


@dataclass(frozen=True)
class UnitJob:
    """What every unit's rendering needs: the result, the staging folder, language, letterhead;
    and, to reuse unchanged files, the subtree digests and the published outputs."""

    result: ConsolidationResult
    staging: Path
    lang: str
    report: ReportSettings | None
    digests: UnitDigests | None = None
    published: Published | None = None


@dataclass
class UnitOutcome:
    """A unit's files in the staging folder, notes for the manifest, each file's content key,
    and how many of the files were reused rather than rendered."""

    paths: list[Path]
    notes: list[str]
    keys: dict[str, str]
    reused: int = 0


def _made(job: UnitJob, key: str | None, target: Path, render: Callable[[], object], out: UnitOutcome) -> None:
    if key is not None:
        out.keys[target.name] = key
    if job.published is not None and job.published.reuse(key, target):
        out.reused += 1
    else:
        render()
    out.paths.append(target)


def render_unit(job: UnitJob, unit: str) -> UnitOutcome:
    """:func:`_render_unit` with the collector paused, then run over what the unit left. (Not
    :func:`~.collector_pause.collector_paused`: that one freezes what its block made, which here
    is the unit's garbage, and unfreezes the result a forked worker must leave untouched.)"""
    enabled = gc.isenabled()
    gc.disable()
    try:
        out = _render_unit(job, unit)
    finally:
        if enabled:
            gc.enable()
    gc.collect(1)
    return out


def _render_unit(job: UnitJob, unit: str) -> UnitOutcome:
    """Write ``unit``'s summary workbook and (when the form has one) its Word report into the
    staging folder, or link in the published ones whose content key is unchanged."""
    from evalreport.render.word.form_roles import FormRolesError
    from evalreport.render.word.movement_context import build_movement_context, has_movement_report
    from evalreport.render.word.narrative import template_for, write_narrative
    from evalreport.render.word.narrative_context import DocumentInfo, build_narrative_context
    from evalreport.render.workbook.summary_workbook import write_summary_workbook
    from evalreport.store.runner import output_names

    result = job.result
    build_context = build_movement_context if has_movement_report(result.form) else build_narrative_context
    workbook, narrative = (job.staging / name for name in output_names(result.form.code, result.period, unit,
                                                                           job.lang))
    out = UnitOutcome([], [], {})
    try:
        context = build_context(result, unit, job.lang, DocumentInfo(settings=job.report))
    except FormRolesError as exc:  # this form has no narrative report
        out.notes.append(exc.message(job.lang))
        context = None
    settings = job.report.for_unit(unit) if job.report else None
    _made(job, workbook_key(job.digests, unit, job.lang, settings), workbook,
          lambda: write_summary_workbook(result, unit, workbook, lang=job.lang, report=settings), out)
    if context is not None:
        _made(job, narrative_key(context, template_for(context, None, job.lang), job.lang), narrative,
              lambda: write_narrative(context, narrative, None, job.lang), out)
    return out


_JOB: list[UnitJob] = []  # the job a forked worker inherited, or a spawned one decoded


def _init_worker() -> None:
    start_worker()


def _init_spawned(records: bytes, rest: bytes) -> None:
    start_worker()
    from evalreport.store.spawned_job import decode_job

    _JOB[:] = [decode_job(records, rest)]


def _render_inherited(unit: str) -> UnitOutcome:
    return render_unit(_JOB[0], unit)


def render_units(job: UnitJob, units: list[str], workers: int) -> Iterator[UnitOutcome]:
    """Each unit's :func:`render_unit` outcome, in the order of ``units``, as they are done."""
    context = pool_context()
    forked = context.get_start_method() == "fork"
    payload = None
    if workers > 1 and not forked and (
            len(units) >= SPAWN_MIN_UNITS + len(job.result.units) // SPAWN_RESULT_UNITS_PER_UNIT):
        from evalreport.store.spawned_job import encode_job

        payload = encode_job(job)
    if workers <= 1 or len(units) < PARALLEL_MIN_UNITS or (not forked and payload is None):
        for unit in units:
            yield render_unit(job, unit)
        return
    if payload is not None:
        yield from _over_pool(ProcessPoolExecutor(max_workers=workers, mp_context=context,
                                                  initializer=_init_spawned, initargs=payload), units, workers)
        return
    _JOB[:] = [job]
    # Every object alive now (the result above all) goes to the collector's permanent generation:
    # a forked worker's collections then never write into those objects' headers, which would
    # copy the pages holding them into the worker.
    gc.freeze()
    try:
        yield from _over_pool(ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_init_worker),
                              units, workers)
    finally:
        gc.unfreeze()
        _JOB.clear()


def _over_pool(pool: ProcessPoolExecutor, units: list[str], workers: int) -> Iterator[UnitOutcome]:
    try:
        chunk = max(1, min(8, len(units) // (workers * 4)))
        with interrupts_held():  # the workers are started by the first submissions
            done = pool.map(_render_inherited, units, chunksize=chunk)
        yield from done
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
