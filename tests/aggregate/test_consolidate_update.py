"""An update after a few changed units equals a consolidation from scratch, field for field.

The four-level tree of test_consolidate (with own summaries that differ from their children, so
there are reconciliation gaps, and a previous year, so there are changes and outliers) is
consolidated, then random units get new numbers, lose their file, get a newer second file, a
file with errors, a file of another period, or a ratings table that breaks the quota;
``update_consolidation`` on the old result must give exactly what ``consolidate`` gives on the
whole new set, including the order of every list.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from consolidate_support import CELLS, four_level_submissions, members, result_view, sub
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evalreport import parse_period
from evalreport.aggregate.consolidate import consolidate
from evalreport.aggregate.update import UpdateNotPossible, update_consolidation

P2020, P2021 = parse_period("2020"), parse_period("2021")
X01_OWN = members(76, 4, 3, 1, 11, 50, 6, 1)
H01_OWN = members(131, 7, 4, 2, 18, 89, 9, 2)
EDITS = ("numbers", "withdrawn", "newer_file", "errors", "wrong_period", "many_excellent")


def _base(form, four):
    return four_level_submissions(form, four, own={"X01": X01_OWN, "H01": H01_OWN})


def _previous(form, four):
    subs = [sub(form, s.unit_code, s.values, period=P2020) for s in four_level_submissions(form, four)]
    return consolidate(form, P2020, subs, four, params={"outlier_threshold": 0.2})


def _edit(form, four, kind: str, unit: str, current: list, salt: int) -> list:
    """The unit's submissions after one officer's action."""
    base = next((s for s in current if s.unit_code == unit), None) or sub(form, unit, {})
    stamp = datetime(2022, 1, 10 + salt, tzinfo=timezone.utc)
    values = members(40 + salt, 2, 1, 1, 5, 25, 5, 1) if unit in CELLS else dict(base.values)
    if kind == "numbers":
        return [sub(form, unit, values, _rows(base), name=f"{unit}_v{salt}", sha=f"{unit}{salt}",
                    hierarchy=four)]
    if kind == "withdrawn":
        return []
    if kind == "newer_file":
        newer = sub(form, unit, values, _rows(base), name=f"{unit}_new{salt}", sha=f"n{unit}{salt}", modified=stamp,
                    hierarchy=four)
        return [*current, newer]
    if kind == "errors":
        broken = {**values, "dv_tong_so": (values.get("dv_tong_so") or 0) + 7} if values else {"dv_tong_so": -1}
        return [sub(form, unit, broken, _rows(base), name=f"{unit}_err{salt}", sha=f"e{unit}{salt}", hierarchy=four)]
    if kind == "wrong_period":
        return [sub(form, unit, values, period=P2020, name=f"{unit}_2020", sha=f"p{unit}{salt}")]
    rows = [(c, "HTXSNV", False, None) for c in four.children(unit)]  # everyone excellent: the quota breaks
    return [sub(form, unit, base.values, rows, name=f"{unit}_q{salt}", sha=f"q{unit}{salt}", hierarchy=four)]


def _rows(s):
    return [(r.code, r.rating, r.tsvm, r.reason) for r in s.ratings]


def _grouped(subs) -> dict[str, list]:
    out: dict[str, list] = {}
    for s in subs:
        out.setdefault(s.unit_code, []).append(s)
    return out


@settings(max_examples=40, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_an_update_equals_a_consolidation_from_scratch(form, four, data):
    previous = _previous(form, four)
    current = _grouped(_base(form, four))
    old = consolidate(form, P2021, [s for v in current.values() for s in v], four, previous=previous,
                      params={"outlier_threshold": 0.2})
    units = sorted(four.subtree("T01")) + ["ZZ9"]  # a code the unit list does not know
    for step in range(data.draw(st.integers(1, 3))):
        changed = {}
        for unit in data.draw(st.lists(st.sampled_from(units), min_size=1, max_size=3, unique=True)):
            kind = data.draw(st.sampled_from(EDITS if unit in four.non_leaves("T01") else EDITS[:5]))
            changed[unit] = _edit(form, four, kind, unit, current.get(unit, []), step)
        current.update(changed)
        new = update_consolidation(old, changed)
        full = consolidate(old.form, P2021, [s for v in current.values() for s in v], four, previous=previous)
        assert result_view(new) == result_view(full)
        old = new


def test_the_old_result_is_left_as_it_was(form, four):
    old = consolidate(form, P2021, _base(form, four), four)
    before = result_view(old)
    new = update_consolidation(old, {"C01": [sub(form, "C01", members(99, 4, 3, 2, 10, 70, 9, 1), name="C01b")]})
    assert result_view(old) == before
    assert new.units["T01"].values["dv_tong_so"] == old.units["T01"].values["dv_tong_so"] - 30 + 99
    assert new.units["H02"] is old.units["H02"]  # another branch: not recomputed


def test_a_result_without_parts_cannot_be_updated(form, four):
    old = consolidate(form, P2021, _base(form, four), four)
    old.parts = None
    with pytest.raises(UpdateNotPossible):
        update_consolidation(old, {})
