"""The four-level fixture's submissions, built in memory (see tests/aggregate/test_consolidate.py
for the numbers worked out by hand)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import write_units_csv

from evalreport import ChildRating, Submission, load_hierarchy, parse_period
from evalreport.aggregate.consolidate import consolidate
from evalreport.model.submission import Provenance

P2021 = parse_period("2021")

CELLS = {
    "C01": (30, 2, 1, 0, 4, 20, 2, 1), "C02": (25, 1, 0, 1, 3, 18, 2, 0), "C03": (20, 0, 2, 0, 4, 12, 2, 0),
    "C04": (40, 3, 1, 1, 5, 27, 2, 1), "C05": (15, 0, 0, 0, 2, 12, 1, 0), "C06": (50, 4, 2, 1, 6, 33, 3, 1),
    "C07": (35, 1, 1, 0, 5, 25, 3, 0), "C08": (28, 2, 0, 0, 4, 20, 2, 0), "C09": (22, 1, 1, 1, 3, 14, 2, 0),
    "C10": (18, 0, 1, 0, 2, 13, 1, 1),
}
# Each non-leaf unit rates its direct children: (child, rating, tsvm, reason).
RATINGS = {
    "X01": [("C01", "HTXSNV", True, None), ("C02", "HTTNV", False, None), ("C03", "HTNV", False, None)],
    "X02": [("C04", "HTTNV", False, None), ("C05", "HTTNV", False, None)],
    "X03": [("C06", "HTTNV", False, None), ("C07", "KDG", False, "Mới thành lập")],
    "X04": [("C08", "HTTNV", False, None), ("C09", "HTTNV", False, None), ("C10", "KHTNV", False, None)],
    "H01": [("X01", "HTXSNV", True, None), ("X02", "HTTNV", False, None)],
    "H02": [("X03", "HTTNV", False, None), ("X04", "HTNV", False, None)],
    "T01": [("H01", "HTXSNV", False, None), ("H02", "HTTNV", False, None)],
}


def members(tong, mien, moi, chua, htxs, htt, ht, kht) -> dict[str, int]:
    return {
        "dv_tong_so": tong, "dv_mien": mien, "dv_moi_ket_nap": moi, "dv_chua_danh_gia": chua,
        "dv_duoc_danh_gia": tong - mien - moi - chua, "dv_htxsnv": htxs, "dv_httnv": htt, "dv_htnv": ht,
        "dv_khtnv": kht, "dv_khtnv_ky_luat": 0, "dv_khtnv_cong_chuc": 0, "dv_khtnv_duoi_50": 0,
        "dv_khtnv_khac": kht, "dv_kl_khien_trach": 0, "dv_kl_canh_cao": 0, "dv_kl_cach_chuc": 0, "dv_kl_khai_tru": 0,
    }


def sub(form, unit, values=None, ratings=(), *, period=P2021, modified=None, name=None, sha="x", replaces=None,
        hierarchy=None):
    prov = Provenance(path=f"/in/{name or unit}.xlsx", name=f"{name or unit}.xlsx", size=1, sha256=sha,
                      modified=modified)
    rows = [ChildRating(code=c, name=hierarchy.name(c) if hierarchy else c, rating=r, tsvm=t, reason=why)
            for c, r, t, why in ratings]
    return Submission(form_code="DG-NAM", form_version=form.version, unit_code=unit, period=period,
                      values=dict(values or {}), ratings=rows, provenance=prov, replaces=replaces)


def four_level_submissions(form, four, *, skip=(), own=None):
    """Every cell's counts and every non-leaf unit's ratings table (own member counts blank,
    except where ``own`` gives them)."""
    own = own or {}
    out = [sub(form, c, members(*v)) for c, v in CELLS.items() if c not in skip]
    out += [sub(form, u, own.get(u), r, hierarchy=four) for u, r in RATINGS.items() if u not in skip]
    return out


def result_view(r) -> dict:
    """Everything a renderer or a caller reads from a result, in order."""
    return {
        "units": r.units, "completeness": r.completeness, "quota": r.quota, "gaps": r.reconciliation,
        "changes": r.changes, "blocked": r.blocked,
        "findings": [(f.rule, f.severity, f.unit, f.file, f.sheet, f.cell, f.row, f.params)
                     for f in r.findings],
        "accepted": [(u, s.file_name) for u, s in r.accepted.items()],
        "rejected": [(s.unit_code, s.file_name) for s in r.rejected],
    }


def consolidated_cells(form, units, folder: Path, period: str = "2021", over_quota=frozenset()):
    """The consolidation of a unit list ``units`` ((code, name, level, parent) rows, root first)
    whose cells (level ``chi_bo``) each report a member count of their own; the cells of a unit in
    ``over_quota`` rate too many members excellent (a quota finding each)."""
    hierarchy = load_hierarchy(write_units_csv(folder / "units.csv", units))
    subs = []
    for i, (code, _name, level, parent) in enumerate(units):
        if level != "chi_bo":
            continue
        total = 20 + 7 * i
        values = dict.fromkeys(form.field_codes, 0)
        values.update(dv_tong_so=total, dv_duoc_danh_gia=total - 2, dv_htxsnv=2, dv_httnv=total - 6, dv_htnv=2)
        if parent in over_quota:
            values.update(dv_htxsnv=total - 6, dv_httnv=2)
        subs.append(Submission(form.code, form.version, code, period, values,
                               provenance=Provenance(f"inbox/{code}.xlsx", f"{code}.xlsx", 9_900, f"{i:064x}",
                                                     dt.datetime(2025, 12, 10, 9, 30))))
    return consolidate(form, period, subs, hierarchy, root=units[0][0])
