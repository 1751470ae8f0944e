"""Which units of a period's tree are expected to send a form, and how the ceased ones are rated.

A unit that ceased during the period (dissolved, merged) is still in the period's tree: its
parent rates it ("Không đánh giá") and a monthly form wants its last report (the members it
handed over). Whether it must send the form is the form's ``expected`` (``at_end``: no;
``during``: yes), so completeness counts only the expected units and never exceeds 100%.
"""

from __future__ import annotations

from evalreport.form.definition import FormDefinition
from evalreport.model.hierarchy import Hierarchy
from evalreport.wording.catalog import text

__all__ = ["not_expected", "ceased_ratings", "ceased_reason"]



def not_expected(form: FormDefinition, hierarchy: Hierarchy, root: str) -> frozenset[str]:
    """Units of ``root``'s subtree in ``hierarchy`` (a period's tree) that need not send ``form``."""
    if form.expected == "during" or not hierarchy.dated:
        return frozenset()
    return frozenset(c for c in hierarchy.descendants(root) if hierarchy.ended(c))


def ceased_ratings(form: FormDefinition, hierarchy: Hierarchy, parent: str, lang: str = "vi") -> list[dict]:
    """The rating rows a parent's template carries already filled for children that ceased during
    the period: "Không đánh giá" with the reason ("giải thể", "hợp nhất vào …"), so the parent
    need not type them and they count among the organizations not rated."""
    org = form.organizations
    not_rated = next((r.code for r in org.ratings if not r.rated), None) if org is not None else None
    if not_rated is None or not hierarchy.dated or parent not in hierarchy:
        return []
    out = []
    for child in hierarchy.children(parent):
        if hierarchy.ended(child):
            out.append({"code": child, "name": hierarchy.name(child), "rating": not_rated,
                        "reason": ceased_reason(hierarchy, child, lang)})
    return out


def ceased_reason(hierarchy: Hierarchy, code: str, lang: str = "vi") -> str:
    """Why ``code`` ceased, in words: dissolved, merged into, continued as, or split into."""
    successors = hierarchy.successors(code)
    names = ", ".join(hierarchy.name(c) for c in successors)
    if not successors:
        key = "CEASED_DISSOLVED"
    elif len(successors) > 1:
        key = "CEASED_SPLIT"
    elif len([r for r in hierarchy.versions(successors[0]) for p in r.succeeds if p != code]) > 0:
        key = "CEASED_MERGED"
    else:
        key = "CEASED_RENAMED"
    return text(key, lang, names=names)
