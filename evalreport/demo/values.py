"""Plausible numbers for the demo province, drawn from a seeded generator.

The shapes follow published provincial results: about nine in ten rated members are "good or
better", excellent members stay within the 20% quota of good-or-better, a few members do not
complete their duties (each with a cause, the disciplined ones with a kind of discipline), and
organizations are rated by their parent with the same quota. Every file generated here is
internally consistent, so the only findings a demo run shows are the ones planted on purpose.

This module knows the meaning of DG-NAM's and DV-THANG's fields (it invents data for them),
which is why their codes appear here and nowhere in the engine.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence

__all__ = ["cell_year", "previous_year", "sum_values", "rate_children", "previous_ratings", "month_series",
           "KHTNV_CAUSES", "DISCIPLINE"]

KHTNV_CAUSES = [("dv_khtnv_ky_luat", 0.35), ("dv_khtnv_cong_chuc", 0.2), ("dv_khtnv_duoi_50", 0.2),
                ("dv_khtnv_khac", 0.25)]
DISCIPLINE = [("dv_kl_khien_trach", 0.6), ("dv_kl_canh_cao", 0.3), ("dv_kl_cach_chuc", 0.05),
              ("dv_kl_khai_tru", 0.05)]
NEW_CELL_REASON = "Chi bộ mới thành lập, chưa đủ thời gian đánh giá"


def _weighted(rng: random.Random, items: Sequence[tuple[str, float]]) -> str:
    return rng.choices([c for c, _ in items], [w for _, w in items])[0]


def _binomial(rng: random.Random, n: int, p: float) -> int:
    return sum(rng.random() < p for _ in range(n))


def _quota_cap(good: int) -> int:
    """Most excellent members allowed among ``good`` good-or-better (the 20% quota, exact)."""
    return good // 5


def cell_year(rng: random.Random, codes: Sequence[str]) -> dict[str, int]:
    """One cell's DG-NAM counts; every rule holds."""
    v = dict.fromkeys(codes, 0)
    total = rng.randint(12, 48)
    mien = _binomial(rng, total, 0.05)
    moi = rng.choice([0, 0, 0, 1, 1, 2])
    chua = 1 if rng.random() < 0.1 else 0
    evaluated = total - mien - moi - chua
    khtnv = 1 if rng.random() < 0.08 else 0
    htnv = _binomial(rng, evaluated - khtnv, 0.05)
    good = evaluated - khtnv - htnv
    htxsnv = min(_quota_cap(good), round(good * rng.uniform(0.08, 0.19)))
    v.update(dv_tong_so=total, dv_mien=mien, dv_moi_ket_nap=moi, dv_chua_danh_gia=chua, dv_duoc_danh_gia=evaluated,
             dv_htxsnv=htxsnv, dv_httnv=good - htxsnv, dv_htnv=htnv, dv_khtnv=khtnv)
    for _ in range(khtnv):
        cause = _weighted(rng, KHTNV_CAUSES)
        v[cause] += 1
        if cause == "dv_khtnv_ky_luat":
            v[_weighted(rng, DISCIPLINE)] += 1
    return v


def previous_year(rng: random.Random, current: Mapping[str, int]) -> dict[str, int]:
    """Last year's counts of the same cell: the same people, a member more or fewer, a rating
    moved between excellent and good. Small moves, so no year-over-year outlier appears."""
    v = dict(current)
    if rng.random() < 0.3 and v["dv_httnv"] > 0:
        v["dv_tong_so"] += 1 if rng.random() < 0.5 else -1
        delta = v["dv_tong_so"] - current["dv_tong_so"]
        v["dv_duoc_danh_gia"] += delta
        v["dv_httnv"] += delta
    if rng.random() < 0.3:
        good = v["dv_htxsnv"] + v["dv_httnv"]
        if v["dv_htxsnv"] > 0 and rng.random() < 0.5:
            v["dv_htxsnv"] -= 1
        elif v["dv_htxsnv"] < _quota_cap(good):
            v["dv_htxsnv"] += 1
        v["dv_httnv"] = good - v["dv_htxsnv"]
    return v


def sum_values(parts: Sequence[Mapping[str, int]], codes: Sequence[str]) -> dict[str, int]:
    return {c: sum(p.get(c, 0) for p in parts) for c in codes}


def rate_children(rng: random.Random, children: Sequence[tuple[str, str]]) -> list[dict]:
    """A parent's ratings of its direct children (code, name), within the organizations' quota."""
    out = []
    good: list[dict] = []
    for code, name in children:
        row: dict = {"code": code, "name": name, "rating": "HTTNV", "tsvm": False, "reason": None}
        r = rng.random()
        if r < 0.02 and len(children) > 3:
            row.update(rating="KDG", reason=NEW_CELL_REASON)
        elif r < 0.03:
            row["rating"] = "KHTNV"
        elif r < 0.10:
            row["rating"] = "HTNV"
        else:
            good.append(row)
        out.append(row)
    cap = min(_quota_cap(len(good)), round(len(good) * rng.uniform(0.1, 0.2)))
    for row in rng.sample(good, cap):
        row.update(rating="HTXSNV", tsvm=rng.random() < 0.5)
    return out


def previous_ratings(rng: random.Random, current: Sequence[dict]) -> list[dict]:
    """Last year's ratings: the same, except a few good/completed swapped."""
    out = [dict(r) for r in current]
    for r in out:
        if r["rating"] == "HTTNV" and rng.random() < 0.02:
            r["rating"] = "HTNV"
        elif r["rating"] == "HTNV" and rng.random() < 0.1:
            r["rating"] = "HTTNV"
    return out


# Monthly movements as (field, every how many months a cell has one). A cell's events fall on
# months set by its index, spread evenly over the cells, so the totals of a ward or district are
# steady from month to month, as real admissions plans are; random draws would make
# month-to-month outliers that no planted problem explains.
_EVENTS = [("ket_nap", 2, 0), ("chuyen_den", 10, 3), ("chuyen_di", 10, 7), ("tu_tran", 30, 11),
           ("xoa_ten", 100, 37), ("khai_tru", 200, 53), ("ra_khoi_dang", 200, 97)]  # (field, every, offset)


def month_series(rng: random.Random, start: int, months: list[int], index: int) -> list[dict[str, int]]:
    """Cell number ``index``'s DV-THANG values for the given months: closing stock of one month is
    the opening stock of the next, and each month's closing stock follows from its movements."""
    series = []
    dau = start
    du_bi = min(dau, rng.choice([1, 2, 2, 3, 3, 4]))
    target = rng.randint(3, 8)
    for month in months:
        v = {code: int((month + index + offset) % every == 0) for code, every, offset in _EVENTS}
        outflow = v["chuyen_di"] + v["tu_tran"] + v["xoa_ten"] + v["khai_tru"] + v["ra_khoi_dang"]
        cuoi = dau + v["ket_nap"] + v["chuyen_den"] - outflow
        # Members admitted a year ago finish probation now; admissions are steady, so conversions
        # match this month's admissions and the probationary stock stays level.
        v["chuyen_chinh_thuc"] = min(du_bi, v["ket_nap"])
        du_bi = min(cuoi, du_bi + v["ket_nap"] - v["chuyen_chinh_thuc"])
        v.update(dau_ky=dau, cuoi_ky=cuoi, du_bi_cuoi_ky=du_bi, ket_nap_chi_tieu_nam=target)
        series.append(v)
        dau = cuoi
    return series
