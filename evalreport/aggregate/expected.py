"""Which units of a period's tree are expected to send a form.

A unit that ceased during the period (dissolved, merged) is still in the period's tree: its
parent rates it ("Không đánh giá") and a monthly form wants its last report (the members it
handed over). Whether it must send the form is the form's ``expected`` (``at_end``: no;
``during``: yes), so completeness counts only the expected units and never exceeds 100%.
"""

from __future__ import annotations

from evalreport.form.definition import FormDefinition
from evalreport.model.hierarchy import Hierarchy

__all__ = ["not_expected"]


def not_expected(form: FormDefinition, hierarchy: Hierarchy, root: str) -> frozenset[str]:
    """Units of ``root``'s subtree in ``hierarchy`` (a period's tree) that need not send ``form``."""
    if form.expected == "during" or not hierarchy.dated:
        return frozenset()
    return frozenset(c for c in hierarchy.descendants(root) if hierarchy.ended(c))
