"""Update a consolidation after a few units' submissions changed, touching only what they touch.

A province's rerun after one corrected file should not redo 10,000 units' work. A unit's
intake depends only on its own submissions; its totals only on its children's totals and its
own submission; its quota and changes only on its own totals. So after a change to units D,
only D's intake and the totals, gaps, quota and changes of D and their ancestors can differ,
and everything else is taken from the previous result's :class:`ConsolidationParts`.
Completeness depends on which units have data at all, so it is recomputed (for the whole
tree, it is one cheap pass) only when a recomputed unit's source or blocked state changed.

The result equals :func:`evalreport.consolidate` on the full set of submissions, field for field
and in the same order (a property test holds the two together). Pure, like the rest of the core.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence

from .consolidate import (
    ConsolidationParts,
    _completeness,
    _gap_lookup,
    accepted_blocked,
    assemble,
    intake_context,
    store_gaps,
    store_unit_checks,
)
from .intake import intake_unit
from .quota import QuotaPlan
from .result import ConsolidationResult
from .rollup import UnitRoller
from .submission import Submission

__all__ = ["update_consolidation", "UpdateNotPossible"]


class UpdateNotPossible(ValueError):
    """The previous result cannot be updated (made without parts); consolidate from scratch."""


def update_consolidation(old: ConsolidationResult, changed: Mapping[str, Sequence[Submission]], *,
                         previous: ConsolidationResult | None = None) -> ConsolidationResult:
    """``old`` with the submissions of the units in ``changed`` replaced by the given ones.

    ``changed`` maps a unit code to *all* its submissions now (an empty list: it has none any
    more). ``old`` must come from :func:`evalreport.consolidate` (or this function) with the same
    form, period, hierarchy and root, and ``previous`` must be the previous period's result it
    was made with; ``old`` is not modified.
    """
    previous = old.previous if previous is None else previous
    if old.parts is None:
        raise UpdateNotPossible("the previous result carries no parts to update")
    form, period, hierarchy, root = old.form, old.period, old.hierarchy, old.root
    parts: ConsolidationParts = copy.copy(old.parts)
    for name in ("intake", "gaps", "gap_findings", "members", "organizations", "changes"):
        setattr(parts, name, dict(getattr(parts, name)))
    ctx = intake_context(form, period, hierarchy, root, previous)
    for unit, subs in changed.items():
        if subs:
            parts.intake[unit] = intake_unit(ctx, subs)
        else:
            parts.intake.pop(unit, None)

    subtree = hierarchy.subtree(root)
    accepted, blocked = accepted_blocked(parts, subtree)
    dirty: set[str] = set()
    for unit in changed:
        if unit in ctx.in_tree:
            dirty.update(hierarchy.path(unit)[hierarchy.path(unit).index(root):])
    units = dict(old.units)
    roller = UnitRoller(form, hierarchy)
    gap_of = _gap_lookup(parts)
    quota = QuotaPlan(form, hierarchy, root)
    was_blocked = set(old.blocked)
    sources_changed = any((u in old.accepted) != (u in accepted) for u in changed)
    sources_changed |= any((u in was_blocked) != (u in blocked) for u in changed)
    for code in sorted(dirty, key=lambda c: -len(hierarchy.path(c))):  # children before parents
        before = units[code]
        units[code], gaps = roller.roll(code, units, accepted, blocked, gap_of)
        sources_changed |= before.source != units[code].source
        store_gaps(form, hierarchy, parts, code, gaps, units)
        store_unit_checks(form, hierarchy, parts, quota, code, units, accepted, previous)
    parts.tree = quota.tree(units[root], root in accepted)
    completeness = (_completeness(hierarchy, root, units, set(blocked)) if sources_changed
                    else old.completeness)
    return assemble(form, period, hierarchy, root, units, completeness, parts, previous)
