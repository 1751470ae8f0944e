"""Write the demo's inbox: every unit's filled workbooks for two years of DG-NAM and a few months
of DV-THANG, plus a known list of planted problems.

Workbooks are written through :func:`evalreport.render.workbook.template_writer.fill_template`, i.e. exactly the
files an officer gets back from a unit, in worker processes (the slow part is openpyxl). File
modification times are set to plausible receipt dates so the deadline column of ``status``
means something.
"""

from __future__ import annotations

import os
import random
import shutil
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evalreport.demo.province import UnitRow, unit_dicts
from evalreport.demo.values import (
    cell_year,
    month_series,
    previous_ratings,
    previous_year,
    rate_children,
    sum_values,
)
from evalreport.model.period import Period, parse_period

if TYPE_CHECKING:
    from evalreport.model.hierarchy import Hierarchy

__all__ = ["Planted", "DemoPlan", "plan_demo", "write_inbox"]


@dataclass(frozen=True)
class Planted:
    """A problem put into the inbox on purpose, and what the run must say about it."""

    kind: str  # sum_mismatch | text_in_number | duplicate | corrected | continuity | missing | late
    unit: str
    form: str
    period: str
    file: str | None  # inbox-relative path of the file concerned (None when no file was sent)
    rule: str | None  # the finding rule expected; None: any error (the reader's), or none for missing/late


@dataclass
class Job:
    form: str
    unit: str
    period: str
    path: str  # inbox-relative
    values: dict[str, Any]
    ratings: list[dict] | None
    mtime: datetime


@dataclass
class DemoPlan:
    units: list[UnitRow]
    year: int
    months: list[str]
    jobs: list[Job] = field(default_factory=list)
    copies: list[tuple[str, str, datetime]] = field(default_factory=list)  # (source, copy, mtime)
    planted: list[Planted] = field(default_factory=list)


def _name(form: str, period: str, unit: str, suffix: str = "") -> str:
    return f"{period}/{form}_{period}_{unit}{suffix}.xlsx"


def _when(rng: random.Random, start: datetime, days: int) -> datetime:
    return start + timedelta(days=rng.randint(0, days - 1), hours=rng.randint(7, 17), minutes=rng.randint(0, 59))


def plan_demo(units: list[UnitRow], months: int, seed: int, year: int = 2025) -> DemoPlan:
    """Everything the inbox will contain, decided up front (reproducible from ``seed``)."""
    from evalreport.form.definition import load_form
    from evalreport.model.unit_list import load_hierarchy

    rng = random.Random(seed)
    h = load_hierarchy(unit_dicts(units))
    trees = {y: h.at(Period(y, "year")) for y in (year - 1, year)}
    dg = load_form("DG-NAM").field_codes
    plan = DemoPlan(units, year, [str(Period(year, "month", m)) for m in range(13 - months, 13)])
    leaves = trees[year].leaves(h.root)
    before = trees[year - 1].leaves(h.root)
    succeeds = {r[0]: [c.strip() for c in r[6].split(",")] for r in units if len(r) > 6 and r[6]}
    # Each planted problem gets its own cell, spread over the province; cells that exist in one
    # year only (the merger, the founded cell) are left alone, so their findings stay explained.
    bad = rng.sample([c for c in leaves if c in before], 7)
    sum_cell, text_cell, dup_cell, fix_cell, cont_cell, missing_cell, late_cell = bad

    values: dict[int, dict[str, dict[str, int]]] = {year: {}, year - 1: {}}
    for code in leaves:
        if code not in succeeds:
            values[year][code] = cell_year(rng, dg)
    for code in before:
        current = values[year].get(code)
        values[year - 1][code] = previous_year(rng, current) if current else cell_year(rng, dg)
    for code, olds in succeeds.items():  # a merged cell keeps its predecessors' members
        values[year][code] = sum_values([values[year - 1][c] for c in olds], dg)
    ratings: dict[int, dict[str, list[dict]]] = {year: {}, year - 1: {}}
    for y in (year - 1, year):
        t = trees[y]
        for code in t.bottom_up(h.root):
            if not t.is_leaf(code):
                values[y][code] = sum_values([values[y][c] for c in t.children(code)], dg)
    for code in trees[year].non_leaves(h.root):
        ratings[year][code] = rate_children(rng, [(c, h.name(c)) for c in trees[year].children(code)])
        kids = trees[year - 1].children(code)
        ratings[year - 1][code] = previous_ratings(rng, ratings[year][code]) \
            if list(kids) == list(trees[year].children(code)) else rate_children(rng, [(c, h.name(c)) for c in kids])

    for y in (year - 1, year):
        base = datetime(y, 12, 1)
        t = trees[y]
        for code in t.descendants(h.root):
            if y == year and code == missing_cell:
                continue
            leaf = t.is_leaf(code)
            when = _when(rng, base, 10) if leaf else _when(rng, base + timedelta(days=11), 3)
            plan.jobs.append(Job("DG-NAM", code, str(y), _name("DG-NAM", str(y), code), dict(values[y][code]),
                                 None if leaf else ratings[y][code], when))
    cur = {j.unit: j for j in plan.jobs if j.period == str(year)}
    p = str(year)
    j = cur[sum_cell]
    j.values["dv_tong_so"] += 1  # a total that does not add up
    plan.planted.append(Planted("sum_mismatch", sum_cell, "DG-NAM", p, j.path, "DV_TONG_SO"))
    j = cur[text_cell]
    j.values["dv_htnv"] = "hai" if j.values["dv_htnv"] == 2 else "mười"  # text typed in a number cell
    plan.planted.append(Planted("text_in_number", text_cell, "DG-NAM", p, j.path, None))
    copy = _name("DG-NAM", p, dup_cell, " (1)")
    plan.copies.append((cur[dup_cell].path, copy, cur[dup_cell].mtime + timedelta(hours=2)))
    plan.planted.append(Planted("duplicate", dup_cell, "DG-NAM", p, copy, "WS_DUPLICATE_FILE"))
    j = cur[fix_cell]
    wrong = Job("DG-NAM", fix_cell, p, _name("DG-NAM", p, fix_cell, "_ban_dau"), dict(j.values), None,
                j.mtime - timedelta(days=2))
    wrong.values["dv_httnv"] += 1  # first sent with a slip, then corrected
    plan.jobs.append(wrong)
    j.path = _name("DG-NAM", p, fix_cell, "_da_sua")
    plan.planted.append(Planted("corrected", fix_cell, "DG-NAM", p, j.path, "WS_REPLACED"))
    plan.planted.append(Planted("missing", missing_cell, "DG-NAM", p, None, None))
    j = cur[late_cell]
    j.mtime = datetime(year, 12, 20, 9, 30)
    plan.planted.append(Planted("late", late_cell, "DG-NAM", p, j.path, None))

    for index, code in enumerate(leaves):
        series = month_series(rng, values[year][code]["dv_tong_so"], [int(m[-2:]) for m in plan.months], index)
        for month, v in zip(plan.months, series, strict=True):
            m = int(month[-2:])
            recv = datetime(year + (m == 12), m % 12 + 1, 1)
            plan.jobs.append(Job("DV-THANG", code, month, _name("DV-THANG", month, code), v, None,
                                 _when(rng, recv, 12)))
    last = next(j for j in plan.jobs if j.form == "DV-THANG" and j.unit == cont_cell and j.period == plan.months[-1])
    last.values["dau_ky"] += 2  # opening stock does not continue last month's closing stock
    last.values["cuoi_ky"] += 2
    plan.planted.append(Planted("continuity", cont_cell, "DV-THANG", plan.months[-1], last.path, "DV_NOI_TIEP"))
    return plan


_WORKER: dict[str, Any] = {}


def _init_worker(units: list[UnitRow]) -> None:
    from evalreport.form.definition import load_form
    from evalreport.model.unit_list import load_hierarchy

    _WORKER["h"] = load_hierarchy(unit_dicts(units))
    _WORKER["forms"] = {code: load_form(code) for code in ("DG-NAM", "DV-THANG")}


def _write(args: tuple[str, Job]) -> str:
    from evalreport.render.workbook.template_writer import fill_template

    inbox, job = args
    h: Hierarchy = _WORKER["h"]
    target = Path(inbox) / job.path
    period = parse_period(job.period)  # each period's tree: a ward's 2024 form lists its 2024 cells
    fill_template(_WORKER["forms"][job.form], job.unit, period, h.at(period), target, job.values, ratings=job.ratings)
    return job.path


def write_inbox(plan: DemoPlan, inbox: Path, workers: int = 2, progress=None) -> int:
    """Write every job's workbook and the planted copies; returns the number of files."""
    for sub in {Path(j.path).parent for j in plan.jobs}:
        (inbox / sub).mkdir(parents=True, exist_ok=True)
    args = [(str(inbox), j) for j in plan.jobs]
    done = 0
    if workers > 1 and len(args) > 20:
        from concurrent.futures import ProcessPoolExecutor  # here: `evalreport --help` imports this module

        with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(plan.units,)) as pool:
            for _ in pool.map(_write, args, chunksize=16):
                done += 1
                if progress and done % 20 == 0:
                    progress("generate", done, len(args))
    else:
        _init_worker(plan.units)
        for a in args:
            _write(a)
            done += 1
            if progress:
                progress("generate", done, len(args))
    for j in plan.jobs:
        ts = j.mtime.timestamp()
        os.utime(inbox / j.path, (ts, ts))
    for src, copy, when in plan.copies:
        shutil.copyfile(inbox / src, inbox / copy)
        os.utime(inbox / copy, (when.timestamp(), when.timestamp()))
    if progress:
        progress("generate", len(args), len(args))
    return len(args) + len(plan.copies)
