"""A hand-made ConsolidationResult for rendering tests, so the renderers are tested against numbers
worked out here rather than against the consolidation code they consume."""

from __future__ import annotations

from evalreport.model.result import Completeness, ConsolidationResult, UnitTotals
from evalreport.model.submission import ChildRating, Submission

# Cells' member counts: (tong, mien, moi_ket_nap, chua_dg, duoc_dg, htxsnv, httnv, htnv, khtnv,
#                        kt_ky_luat, kt_cong_chuc, kt_duoi_50, kt_khac, khien_trach, canh_cao, cach_chuc, khai_tru)
CELL_ROWS = {
    "C01": (40, 2, 1, 1, 36, 5, 25, 5, 1, 1, 0, 0, 0, 1, 0, 0, 0),
    "C02": (30, 1, 0, 0, 29, 4, 20, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0),
    "C03": (25, 0, 2, 0, 23, 3, 15, 4, 1, 0, 0, 1, 0, 0, 0, 0, 0),
    "C04": (50, 3, 1, 2, 44, 6, 30, 7, 1, 1, 0, 0, 0, 0, 1, 0, 0),
    "C05": (35, 1, 1, 0, 33, 5, 22, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0),
    "C06": (45, 2, 0, 1, 42, 6, 28, 7, 1, 0, 1, 0, 0, 0, 0, 0, 0),
    "C07": (20, 0, 1, 0, 19, 2, 13, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0),
    "C08": (60, 4, 2, 1, 53, 8, 35, 9, 1, 1, 0, 0, 0, 0, 0, 1, 0),
    "C09": (15, 0, 0, 0, 15, 2, 10, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0),
    "C10": (22, 1, 1, 0, 20, 3, 13, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0),
}

# rating tables: parent -> child -> (rating, tsvm)
RATINGS = {
    "T01": {"H01": ("HTXSNV", True), "H02": ("HTTNV", False)},
    "H01": {"X01": ("HTTNV", False), "X02": ("HTXSNV", False)},
    "H02": {"X03": ("HTTNV", False), "X04": ("HTNV", False)},
    "X01": {"C01": ("HTXSNV", True), "C02": ("HTTNV", False), "C03": ("HTTNV", False)},
    "X02": {"C04": ("HTTNV", False), "C05": ("HTNV", False)},
    "X03": {"C06": ("HTTNV", False), "C07": ("KDG", False)},
    "X04": {"C08": ("HTTNV", False), "C09": ("HTTNV", False), "C10": ("KHTNV", False)},
}


def cell_values(form, row) -> dict[str, int]:
    return dict(zip(form.field_codes, row, strict=True))


def _finish(form, values: dict[str, int | None]) -> tuple[dict, dict]:
    ns = dict(values) | form.param_values
    for d in form.derived:
        values[d.code] = d.expression.evaluate(ns)
        ns[d.code] = values[d.code]
    org = form.organizations
    levels = {k[len("tc_"):-len("_tong_so")] for k in values if k.startswith("tc_") and k.endswith("_tong_so")}
    for level in levels:
        lv = {m: values.get(org.field_code(level, m), 0) for m in org.measures}
        for d in org.derived:
            values[org.field_code(level, d.measure)] = lv[d.measure] = d.expression.evaluate(lv)
    shares = {}
    for s in form.shares:
        num, den = s.numerator_expr.evaluate(ns), s.denominator_expr.evaluate(ns)
        shares[s.code] = None if not den else 100.0 * num / den
    for level in levels:
        lv = {m: values.get(org.field_code(level, m), 0) for m in org.all_measures}
        for s in org.shares:
            num, den = s.numerator_expr.evaluate(lv), s.denominator_expr.evaluate(lv)
            shares[org.share_code(level, s)] = None if not den else 100.0 * num / den
    return values, shares


def make_result(form, hierarchy, period, rows=None, ratings=None, missing=(), previous=None) -> ConsolidationResult:
    """Sum cells up the tree; count each parent's ratings into tc_<level>_<measure> at it and above."""
    rows = CELL_ROWS if rows is None else rows
    ratings = RATINGS if ratings is None else ratings
    org = form.organizations
    raw: dict[str, dict[str, int]] = {c: {f: 0 for f in form.field_codes} for c in hierarchy.subtree(hierarchy.root)}
    for cell, row in rows.items():
        if cell in missing:
            continue
        for code in hierarchy.path(cell):
            for f, v in cell_values(form, row).items():
                raw[code][f] += v
    for parent, table in ratings.items():
        for child, (rating, tsvm) in table.items():
            level = hierarchy.unit(child).level
            measure = org.rating(rating).measure
            for code in hierarchy.path(parent):
                d = raw[code]
                for m, inc in (("tong_so", 1), (measure, 1), ("duoc_danh_gia", int(org.rating(rating).rated)),
                               ("tsvm", int(tsvm))):
                    key = org.field_code(level, m)
                    d[key] = d.get(key, 0) + inc
    units, completeness, accepted = {}, {}, {}
    for code, values in raw.items():
        leaves = hierarchy.leaves(code)
        miss = [c for c in leaves if c in missing]
        vals, shares = _finish(form, dict(values))
        units[code] = UnitTotals(code, vals, shares, "children" if not hierarchy.is_leaf(code) else "own",
                                 len(leaves) - len(miss), len(leaves), miss)
        if not hierarchy.is_leaf(code):
            kids = hierarchy.children(code)
            gone = [c for c in kids if set(hierarchy.leaves(c)) <= set(missing)]
            by_level = {}
            for level in hierarchy.levels.below(hierarchy.unit(code).level):
                at = hierarchy.at_level(level, under=code)
                got = [c for c in at if not set(hierarchy.leaves(c)) <= set(missing)]
                if at:
                    by_level[level] = (len(got), len(at))
            completeness[code] = Completeness(code, kids, [c for c in kids if c not in gone], gone, [], by_level)
            accepted[code] = Submission(form.code, form.version, code, period, {}, kind="template",
                                        ratings=[ChildRating(c, hierarchy.name(c), r, t)
                                                 for c, (r, t) in ratings.get(code, {}).items()])
    return ConsolidationResult(form, period, hierarchy, hierarchy.root, units, completeness=completeness,
                               accepted=accepted, previous=previous)


def write_inputs(form, hierarchy, folder, period: str, rows=None) -> dict:
    """Every unit's own filled template in ``folder``: cells with their counts, the other units with
    their members (the sum of their cells) and the ratings of their children."""
    from evalreport.model.period import parse_period
    from evalreport.render.workbook.template_writer import fill_template

    rows = CELL_ROWS if rows is None else rows
    expected = make_result(form, hierarchy, parse_period(period), rows=rows)
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for code in hierarchy.subtree(hierarchy.root):
        path = folder / f"{code}.xlsx"
        if hierarchy.is_leaf(code):
            fill_template(form, code, period, hierarchy, path, cell_values(form, rows[code]))
        else:
            own = {f: v for f, v in expected.units[code].values.items() if f in form.field_codes}
            ratings = [{"code": c, "rating": r, "tsvm": t} for c, (r, t) in RATINGS[code].items()]
            fill_template(form, code, period, hierarchy, path, own, ratings=ratings)
        out[code] = path
    return out
