"""Property-based tests of the rules and the aggregation, on generated consistent submissions for
the self-check's two-branch hierarchy (plus a fifth cell, C05, under X01): totals do not depend on
the order of the files nor on how a cell's members are split between two cells; every parent is
the sum of its children; shares stay in [0, 100] or are None; largest-remainder shares add up to
exactly 100; a consistent submission passes the rules and a changed total breaks exactly its rule."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evalreport import ChildRating, Submission, parse_period
from evalreport.aggregate.consolidate import consolidate
from evalreport.check.rules import check
from evalreport.model.submission import Provenance
from evalreport.wording.numbers import largest_remainder
from tools.selfcheck.sample import sample_form, sample_hierarchy

pytestmark = pytest.mark.slow  # long fuzzing / the whole corpus: run by .ci/run after the fast suite

FORM = sample_form()
TREE = sample_hierarchy((("C05", "Chi bộ ấp 5", "chi_bo", "X01"),))
P = parse_period("2021")
LEAVES = TREE.leaves(TREE.root)
PARENTS = TREE.non_leaves(TREE.root)
FIELDS = FORM.field_codes
PROPS = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                 suppress_health_check=[HealthCheck.too_slow])


def _parts(draw, total: int, n: int) -> list[int]:
    cuts = sorted(draw(st.lists(st.integers(0, total), min_size=n - 1, max_size=n - 1)))
    return [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]


@st.composite
def members(draw, small: bool = False) -> dict[str, int]:
    """Counts satisfying every error rule and both equality warnings."""
    top = 30 if small else 400
    mien, moi, chua = (draw(st.integers(0, top // 10)) for _ in range(3))
    htxs, htt, ht, kht = (draw(st.integers(0, top)) for _ in range(4))
    ky_luat, cong_chuc, duoi_50, khac = _parts(draw, kht, 4)
    kl = _parts(draw, ky_luat, 4)
    duoc = htxs + htt + ht + kht
    return dict(zip(FIELDS, [mien + moi + chua + duoc, mien, moi, chua, duoc, htxs, htt, ht, kht, ky_luat, cong_chuc,
                             duoi_50, khac, *kl], strict=True))


def _split(draw, v: dict[str, int]) -> tuple[dict[str, int], dict[str, int]]:
    """Two consistent submissions whose sum is ``v`` (every independent part split, the rest derived)."""
    a = {k: draw(st.integers(0, v[k])) for k in ("dv_mien", "dv_moi_ket_nap", "dv_chua_danh_gia", "dv_htxsnv",
                                                 "dv_httnv", "dv_htnv", "dv_kl_khien_trach", "dv_kl_canh_cao",
                                                 "dv_kl_cach_chuc", "dv_kl_khai_tru", "dv_khtnv_cong_chuc",
                                                 "dv_khtnv_duoi_50", "dv_khtnv_khac")}
    a["dv_khtnv_ky_luat"] = sum(a[k] for k in ("dv_kl_khien_trach", "dv_kl_canh_cao", "dv_kl_cach_chuc",
                                               "dv_kl_khai_tru"))
    a["dv_khtnv"] = sum(a[k] for k in ("dv_khtnv_ky_luat", "dv_khtnv_cong_chuc", "dv_khtnv_duoi_50", "dv_khtnv_khac"))
    a["dv_duoc_danh_gia"] = sum(a[k] for k in ("dv_htxsnv", "dv_httnv", "dv_htnv", "dv_khtnv"))
    a["dv_tong_so"] = sum(a[k] for k in ("dv_mien", "dv_moi_ket_nap", "dv_chua_danh_gia", "dv_duoc_danh_gia"))
    return a, {k: v[k] - a[k] for k in FIELDS}


@st.composite
def rating_rows(draw, parent: str) -> list[ChildRating]:
    rows = []
    for child in TREE.children(parent):
        code = draw(st.sampled_from([r.code for r in FORM.organizations.ratings]))
        rows.append(ChildRating(child, TREE.name(child), code, tsvm=code == "HTXSNV" and draw(st.booleans()),
                                reason="Mới thành lập" if code == "KDG" else None))
    return rows


def _sub(unit: str, values: dict[str, int], ratings=(), n: int = 0) -> Submission:
    prov = Provenance(f"/in/{unit}_{n}.xlsx", f"{unit}_{n}.xlsx", 1, f"{unit}{n}")
    return Submission("DG-NAM", FORM.version, unit, P, dict(values), ratings=list(ratings), provenance=prov)


@st.composite
def batches(draw) -> list[Submission]:
    """Submissions of some leaves (others missing) and the rating tables of some parents."""
    present = draw(st.lists(st.sampled_from(LEAVES), unique=True, min_size=1))
    subs = [_sub(c, draw(members())) for c in present]
    raters = draw(st.lists(st.sampled_from(PARENTS), unique=True))
    return subs + [_sub(p, {}, draw(rating_rows(p))) for p in raters]


def _totals(result) -> dict[str, dict]:
    return {u: (t.values, t.shares, t.source) for u, t in result.units.items()}


@PROPS
@given(subs=batches(), order=st.randoms(use_true_random=False))
def test_totals_do_not_depend_on_the_order_of_files(subs, order):
    shuffled = list(subs)
    order.shuffle(shuffled)
    assert _totals(consolidate(FORM, P, subs, TREE)) == _totals(consolidate(FORM, P, shuffled, TREE))


@PROPS
@given(data=st.data())
def test_splitting_a_cells_members_across_two_cells_keeps_every_total(data):
    whole = data.draw(members())
    a, b = _split(data.draw, whole)
    zeros = dict.fromkeys(FIELDS, 0)
    others = [_sub(c, data.draw(members(small=True))) for c in ("C02", "C03", "C04")]
    one = consolidate(FORM, P, [_sub("C01", whole), _sub("C05", zeros), *others], TREE)
    two = consolidate(FORM, P, [_sub("C01", a), _sub("C05", b), *others], TREE)
    assert not [f for f in two.findings if f.is_error]
    for unit in ("X01", "H01", "T01"):
        assert one.units[unit].values == two.units[unit].values
        assert one.units[unit].shares == two.units[unit].shares


@PROPS
@given(subs=batches())
def test_every_parent_is_the_sum_of_its_children_and_shares_are_percentages(subs):
    result = consolidate(FORM, P, subs, TREE)
    assert not [f for f in result.findings if f.is_error]
    for unit, t in result.units.items():
        for share, value in t.shares.items():
            assert value is None or 0.0 <= value <= 100.0, (unit, share, value)
        if t.source != "children":
            continue
        for f in FIELDS:  # a rating table sent without the unit's own counts has None for them
            known = [result.units[c].values[f] for c in TREE.children(unit) if result.units[c].source != "none"]
            known = [v for v in known if v is not None]
            assert t.values[f] == (sum(known) if known else None), (unit, f)
    # organizations: the root counts every rating given anywhere, by the rated unit's level and measure
    org = FORM.organizations
    root = result.units[TREE.root].values
    given_ratings = [(TREE.unit(r.code).level, r) for s in subs for r in s.ratings]
    for level in {lv for lv, _ in given_ratings}:
        mine = [r for lv, r in given_ratings if lv == level]
        assert root[org.field_code(level, "tong_so")] == len(mine)
        assert root[org.field_code(level, "tsvm")] == sum(r.tsvm for r in mine)
        for rating in org.ratings:
            assert root[org.field_code(level, rating.measure)] == sum(r.rating == rating.code for r in mine)


@PROPS
@given(values=members())
def test_a_consistent_submission_passes_and_a_changed_total_breaks_its_rule(values):
    assert [f.rule for f in check(FORM, _sub("C01", values), hierarchy=TREE, expected_period=P)
            if f.is_error] == []
    broken = {**values, "dv_tong_so": values["dv_tong_so"] + 1}
    errors = [f.rule for f in check(FORM, _sub("C01", broken), hierarchy=TREE, expected_period=P) if f.is_error]
    assert errors == ["DV_TONG_SO"]


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(values=st.lists(st.one_of(st.none(), st.integers(0, 10**7)), min_size=1, max_size=8),
       decimals=st.integers(0, 3))
def test_largest_remainder_shares_add_up_to_exactly_100(values, decimals):
    shares = largest_remainder(values, decimals)
    total = sum(v or 0 for v in values)
    if total == 0:
        assert shares == [None] * len(values)
        return
    assert sum(Decimal(str(s)) for s in shares) == 100
    step = Decimal(1).scaleb(-decimals)
    for v, s in zip(values, shares, strict=True):
        exact = Decimal(v or 0) * 100 / Decimal(total)
        assert 0 <= Decimal(str(s)) <= 100 and abs(Decimal(str(s)) - exact) < step
