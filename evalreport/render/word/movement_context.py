"""The template context of the membership movement report (DV-THANG), for a month, a quarter or
a year, for one unit of a consolidation result.

Pure, like :mod:`.narrative_context`: plain values out of a
:class:`~evalreport.model.result.ConsolidationResult`. Which fields are the stocks, the flows and
the target is the form's ``roles.movement``; admissions year to date and their share of the target
are the derived field and share the form declares on them (computed in aggregation, never here).
The letterhead and the completeness are the evaluation report's (:mod:`.document_head`,
:func:`.narrative_context.completeness_context`).

A change is claimed only over the same units (docs/domain.md, "Comparisons must compare like
with like"): start against end only when no unit below lacks data in the period, and against
the previous period only when neither period lacks any.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from evalreport.form.definition import FormDefinition
from evalreport.form.roles import MovementRolesDef, find_share
from evalreport.model.result import ConsolidationResult
from evalreport.model.unit_state import UnitState
from evalreport.render.word import movement_sentences as M
from evalreport.render.word.document_head import DocumentInfo, document_head
from evalreport.render.word.form_roles import FormRolesError
from evalreport.render.word.narrative_context import completeness_context, completeness_sentence
from evalreport.render.word.sentences import Item, phrase
from evalreport.wording.catalog import text
from evalreport.wording.language import language

__all__ = ["build_movement_context", "has_movement_report"]

# How the flows read in the sentence, groups separated by ";": transfers, deaths, removals,
# confirmations. A flow not named here forms a group of its own, in the form's order.
_FLOW_GROUPS = (("chuyen_den", "chuyen_di"), ("tu_tran",), ("xoa_ten", "khai_tru", "ra_khoi_dang"))


def has_movement_report(form: FormDefinition) -> bool:
    return form.roles is not None and form.roles.movement is not None


def _roles(form: FormDefinition) -> MovementRolesDef:
    if not has_movement_report(form):
        raise FormRolesError("RENDER_NO_MOVEMENT_ROLES", form=form.code)
    return form.roles.movement  # type: ignore[union-attr]


def _year_to_date(form: FormDefinition, roles: MovementRolesDef) -> tuple[str | None, str | None, str | None]:
    """(admission flow, its year-to-date field, the share of the target): the declared share
    whose denominator is the target and whose numerator accumulates a flow from January."""
    for d in form.derived:
        if d.year_to_date in roles.flows and roles.target:
            share = find_share(form.shares, d.code, roles.target)
            return d.year_to_date, d.code, share.code if share else None
    return (roles.flows[0] if roles.flows else None), None, None


def _groups(flows: list[str]) -> list[list[str]]:
    known = [[c for c in g if c in flows] for g in _FLOW_GROUPS]
    placed = {c for g in known for c in g}
    return [g for g in known if g] + [[c] for c in flows if c not in placed]


def _complete(result: ConsolidationResult | None, code: str) -> bool:
    """Whether every unit under ``code`` has data in ``result``'s period."""
    t = result.units.get(code) if result is not None else None
    return t is not None and t.source != "none" and not t.missing_units


def _state(result: ConsolidationResult, code: str, lang: str) -> str:
    """The unit's state in the words of docs/domain.md; a unit whose data comes from its own
    children, some of which are missing, says how many cells are in."""
    t = result.units.get(code)
    if code in result.blocked:
        return text(UnitState.REJECTED.key, lang)
    if t is None or t.source == "none":
        return text(UnitState.MISSING.key, lang)
    if t.missing_units:
        return text("STATE_PARTIAL", lang, got=t.covered_units, expected=t.expected_units)
    return text(UnitState.ACCEPTED.key, lang)


def _children(result: ConsolidationResult, code: str, roles: MovementRolesDef,
              fields: tuple[str | None, str | None, str | None], lang: str) -> list[dict[str, Any]]:
    """One row per direct child; ``fields``: (admission flow, year to date, share of the target)."""
    h = result.hierarchy
    admitted, ytd, share = fields
    rows = []
    for i, child in enumerate(h.children(code), start=1):
        t = result.units.get(child)
        v, sh = (t.values, t.shares) if t else ({}, {})
        start, end = v.get(roles.opening), v.get(roles.closing)
        rows.append({
            "stt": i, "ma": child, "ten": h.name(child), "trang_thai": _state(result, child, lang),
            "dau_ky": start, "cuoi_ky": end, "ket_nap": v.get(admitted) if admitted else None,
            "chenh_lech": end - start if _complete(result, child) and start is not None and end is not None else None,
            "luy_ke": v.get(ytd) if ytd else None, "chi_tieu": v.get(roles.target) if roles.target else None,
            "ty_le_chi_tieu": sh.get(share) if share else None,
        })
    return rows


def _previous(result: ConsolidationResult, code: str, roles: MovementRolesDef, admitted: str | None,
              lang: str) -> tuple[str, str]:
    """(the previous period's label, the comparison sentence)."""
    prev = result.previous
    label = (prev.period if prev is not None else result.period.previous()).label(lang)
    codes = [roles.closing] + ([admitted] if admitted else [])
    cur = result.units[code].values
    old = prev.units[code].values if prev is not None and code in prev.units else {}
    same_units = prev is not None and prev.hierarchy.fingerprint() == result.hierarchy.fingerprint()
    comparable = same_units and _complete(result, code) and _complete(prev, code)
    items = [(phrase(result.form.label(c, lang)), cur.get(c), old.get(c)) for c in codes]
    return label, M.compare(items, label, bool(old), comparable, lang)


def build_movement_context(result: ConsolidationResult, unit_code: str | None = None, lang: str = "vi",
                           doc: DocumentInfo | None = None) -> dict[str, Any]:
    """The context of the DV-THANG report (docs/template-context.md, "The movement report") for
    ``unit_code`` (default: the root); raises :class:`.FormRolesError` for a form without
    ``roles.movement``."""
    lang = language(lang)
    doc = doc or DocumentInfo()
    code = unit_code or result.root
    h, form = result.hierarchy, result.form
    roles = _roles(form)
    unit = h.unit(code)
    parent = h.get(unit.parent) if unit.parent else None
    dec = int(form.param_values.get("share_decimals", 2))
    period_label = result.period.label(lang)
    title = form.title.get(lang)
    t = result.units[code]
    v, sh = t.values, t.shares
    admitted, ytd, share = _year_to_date(form, roles)
    flows = [c for c in roles.flows if c != admitted]
    complete = _complete(result, code)

    completeness = completeness_context(result, code, lang)
    ytd_value = v.get(ytd) if ytd else None
    movement = {
        "dau_ky": v.get(roles.opening), "cuoi_ky": v.get(roles.closing), "so_sanh_duoc": complete,
        "chenh_lech": (v.get(roles.closing) - v.get(roles.opening)) if complete and v.get(roles.closing) is not None
        and v.get(roles.opening) is not None else None,
        "ket_nap": v.get(admitted) if admitted else None, "luy_ke": ytd_value,
        "chi_tieu": v.get(roles.target) if roles.target else None, "ty_le_chi_tieu": sh.get(share) if share else None,
        "luong": [{"ma": c, "nhan": phrase(form.label(c, lang)), "so": v.get(c)} for c in flows],
    }
    prev_label, compare = _previous(result, code, roles, admitted, lang)
    has_children = not h.is_leaf(code)
    sentences = {
        "mo_dau": text("MOVE_OPENING", lang, unit=unit.name, title=phrase(title), period=period_label),
        "day_du": completeness_sentence(completeness, "S_RECEIVED_REPORTS", lang),
        "bien_dong": M.membership(
            movement["dau_ky"], movement["cuoi_ky"], complete,
            Item(phrase(form.label(admitted, lang)) if admitted else "", movement["ket_nap"]),
            ytd_value, movement["chi_tieu"], movement["ty_le_chi_tieu"],
            [[Item(phrase(form.label(c, lang)), v.get(c)) for c in g] for g in _groups(flows)], lang, dec),
        "so_sanh": compare,
    }
    context: dict[str, Any] = {
        "lang": lang, "so_le": dec,
        "don_vi": {"ma": code, "ten": unit.name, "cap": unit.level, "ten_cap": h.levels.get(unit.level).label.get(lang)},
        "cap_tren": {"ma": parent.code, "ten": parent.name} if parent else None,
        "ky": {"ma": result.period.code, "ten": period_label, "loai": result.period.kind, "ky_truoc": prev_label},
        "bieu_mau": {"ma": form.code, "phien_ban": form.version, "ten": title, "quy_dinh": form.regulation or ""},
        "van_ban": {
            **document_head(h, code, doc, lang),
            "ngay": doc.date or dt.date.today(), "tieu_de": text("MOVE_TITLE", lang),
            "trich_yeu": text("MOVE_SUBJECT", lang, title=phrase(title), period=period_label),
        },
        "so_lieu": dict(v), "ty_le": dict(sh),
        "day_du": completeness,
        "bien_dong": movement,
        "co_don_vi_con": has_children,
        "don_vi_con": _children(result, code, roles, (admitted, ytd, share), lang) if has_children else [],
        "cau": sentences,
        "to_chuc_thuc_hien": "", "danh_gia_chung": "", "nhiem_vu": "",
    }
    context.update(doc.extra)
    return context
