"""The template context of a narrative report: every number, share, label and ready-made
sentence a Word template may use, for one unit of a consolidation result.

Pure: it reads a :class:`~evalreport.model.result.ConsolidationResult` and returns plain dicts, lists,
numbers, strings and dates (no files, no docx objects), so it can be tested exhaustively and
reused by any template. Labels come from the form definition and the level configuration; the
variables are documented in docs/template-context.md.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from evalreport.form.derived import compute_shares, namespace
from evalreport.model.result import Comparison, ConsolidationResult
from evalreport.model.unit_state import UnitState
from evalreport.render.word import sentences as S
from evalreport.render.word.document_head import DocumentInfo, document_head
from evalreport.render.word.form_roles import MemberRoles, member_roles, org_roles
from evalreport.wording.catalog import text
from evalreport.wording.language import language
from evalreport.wording.numbers import fmt_change, fmt_count, fmt_share

__all__ = ["DocumentInfo", "build_narrative_context", "completeness_context", "completeness_sentence", "comparison_reasons"]


def _labels(result: ConsolidationResult, lang: str) -> dict[str, str]:
    form = result.form
    out = {f.code: f.label.get(lang) for f in form.fields}
    out.update({d.code: d.label.get(lang) for d in form.derived})
    out.update({s.code: s.label.get(lang) for s in form.shares})
    return out


def _quota(result: ConsolidationResult, lang: str) -> tuple[float | None, str | None]:
    org = result.form.organizations
    if org is None or org.quota is None:
        return None, None
    limit = result.form.param(org.quota.parameter)
    return limit, fmt_share(limit * 100, lang, 0)


def _members(result: ConsolidationResult, roles: MemberRoles, code: str, lang: str) -> dict[str, Any]:
    form = result.form
    t = result.units[code]
    v, sh = t.values, t.shares

    def item(c: str, den: str | None = None) -> dict[str, Any]:
        share = roles.share(sh, c, den) if den else None
        return {"ma": c, "nhan": S.phrase(form.label(c, lang)), "so": v.get(c), "ty_le": share}

    limit, limit_text = _quota(result, lang)
    good = roles.good_or_better
    within = roles.share(sh, roles.excellent, good) if good else None
    ok = None if limit is None or good is None else (v.get(roles.excellent) or 0) <= limit * (v.get(good) or 0) + 1e-9
    return {
        "tong_so": v.get(roles.total), "duoc_danh_gia": v.get(roles.evaluated),
        "ty_le_duoc_danh_gia": roles.share(sh, roles.evaluated, roles.total),
        "khong_danh_gia": None if v.get(roles.total) is None else (v.get(roles.total) or 0) - (v.get(roles.evaluated) or 0),
        "ly_do": [item(c, roles.total) for c in roles.not_evaluated],
        "xep_loai": [item(c, roles.evaluated) for c in roles.ratings],
        "httnv_tro_len": v.get(good) if good else None,
        "ty_le_httnv_tro_len": roles.share(sh, good, roles.evaluated),
        "ty_le_htxsnv_trong_httnv": within, "han_muc": limit_text, "trong_han_muc": ok,
        "khtnv": v.get(roles.not_completed), "nguyen_nhan": [item(c) for c in roles.not_completed_causes],
        "ky_luat": [item(c) for c in roles.discipline],
        "tong_ky_luat": sum(v.get(c) or 0 for c in roles.discipline),
        "_good_label": S.phrase(form.label(roles.share_code(good, roles.evaluated) or good, lang)) if good else "",
        "_within_label": S.phrase(form.label(roles.share_code(roles.excellent, good) or "", lang)) if good else "",
    }


def _organizations(result: ConsolidationResult, code: str, lang: str, dec: int) -> list[dict[str, Any]]:
    org, roles = result.form.organizations, org_roles(result.form)
    if org is None or roles is None:
        return []
    t = result.units[code]
    limit, limit_text = _quota(result, lang)
    levels = result.hierarchy.levels
    out = []
    for level in levels.below(result.hierarchy.unit(code).level):
        v = {m: t.values.get(org.field_code(level, m)) for m in org.all_measures}
        if not v.get(roles.total):
            continue

        def share(num: str | None, den: str, level: str = level) -> float | None:
            return roles.share(t.shares, level, num, den)

        good = roles.good_or_better
        ratings = [{"ma": r.code, "nhan": S.phrase(r.label.get(lang)), "so": v.get(r.measure) or 0,
                    "ty_le": share(r.measure, roles.evaluated)} for r in roles.ratings]
        best = roles.ratings[0].measure
        ok = None if limit is None or good is None else (v.get(best) or 0) <= limit * (v.get(good) or 0) + 1e-9
        entry = {
            "cap": level, "ten_cap": levels.get(level).plural.get(lang), "tong_so": v.get(roles.total),
            "duoc_danh_gia": v.get(roles.evaluated), "ty_le_duoc_danh_gia": share(roles.evaluated, roles.total),
            "khong_danh_gia": sum(v.get(r.measure) or 0 for r in roles.not_rated),
            "ty_le_khong_danh_gia": share(roles.not_rated[0].measure, roles.total) if roles.not_rated else None,
            "xep_loai": ratings,
            "tsvm": v.get(roles.tsvm),
            "httnv_tro_len": v.get(good) if good else None,
            "ty_le_httnv_tro_len": share(good, roles.evaluated) if good else None,
            "ty_le_htxsnv_trong_httnv": share(best, good) if good else None,
            "han_muc": limit_text, "trong_han_muc": ok,
        }
        share_label = {s.code: S.phrase(s.label.get(lang)) for s in org.shares}
        entry["cau"] = S.organizations(
            entry["ten_cap"], entry["tong_so"],
            S.Item(text("REPORT_RATED", lang), entry["duoc_danh_gia"], entry["ty_le_duoc_danh_gia"]),
            S.Item(S.phrase(roles.not_rated[0].label.get(lang)), entry["khong_danh_gia"], entry["ty_le_khong_danh_gia"])
            if roles.not_rated else None,
            [S.Item(r["nhan"], r["so"], r["ty_le"]) for r in ratings],
            S.Item(org.tsvm.label.get(lang), entry["tsvm"]),
            S.Item(share_label.get(roles.share_code(good, roles.evaluated) or "", ""), entry["httnv_tro_len"],
                   entry["ty_le_httnv_tro_len"]) if good else None,
            S.Item(share_label.get(roles.share_code(best, good) or "", ""), None, entry["ty_le_htxsnv_trong_httnv"])
            if good else None,
            limit_text, ok, lang, dec)
        out.append(entry)
    return out


def completeness_context(result: ConsolidationResult, code: str, lang: str) -> dict[str, Any]:
    """Who under ``code`` sent, by level ("297/300 chi bộ"), and, apart, who sent a file with
    errors (not in the totals) and who sent nothing (the ``day_du`` variables); the same for
    every narrative report (domain.md: never call a unit that sent a file with errors "chưa gửi")."""
    h = result.hierarchy
    comp = result.completeness.get(code)
    levels = []
    for level in h.levels.below(h.unit(code).level):
        if comp is not None and level in comp.by_level:
            got, exp = comp.by_level[level]
        else:
            units = h.at_level(level, under=code)
            got = sum(1 for c in units if c in result.units and result.units[c].source != "none")
            exp = len(units)
        if exp:
            levels.append({"cap": level, "ten_cap": h.levels.get(level).plural.get(lang), "da_gui": got,
                           "tong": exp, "ty_so": f"{got}/{exp}"})
    children = h.children(code)
    missing = list(comp.missing) if comp else [c for c in children if result.units.get(c) is None
                                                or result.units[c].source == "none"]
    # name every unit without data, down to the cells, not only the direct children
    deep = [c for c in result.units[code].missing_units if c != code] if code in result.units else []
    errors = list(comp.with_errors) if comp else []
    received = len(comp.received) if comp else len(children) - len(missing)
    subtree = set(h.subtree(code))
    rejected = set(result.blocked) | set(errors)
    blocked = [c for c in dict.fromkeys([*result.blocked, *errors]) if c in subtree and c != code]
    nothing = [c for c in (deep or missing) if c not in rejected]

    def named(codes: list[str]) -> list[dict[str, str]]:
        return [{"ma": c, "ten": h.name(c)} for c in codes]

    return {"da_gui": received, "tong": len(children), "ty_so": f"{received}/{len(children)}", "theo_cap": levels,
            "thieu": named(missing), "thieu_tat_ca": named(deep or missing), "loi": named(errors),
            "loi_tat_ca": named(blocked), "chua_gui": named(nothing),
            "ten_loi": _noun(h, blocked, lang), "ten_chua_gui": _noun(h, nothing, lang)}


def _noun(h: Any, codes: list[str], lang: str) -> str:
    """What the units are called in a sentence: their level's plural ("chi bộ trực thuộc") when
    they share one, else "đơn vị"."""
    levels = {h.unit(c).level for c in codes}
    if len(levels) == 1:
        return h.levels.get(levels.pop()).plural.get(lang)
    return text("REPORT_UNITS", lang)


def completeness_sentence(comp: dict[str, Any], head_key: str, lang: str) -> str:
    """The ``cau.day_du`` sentence of a :func:`completeness_context`; ``head_key``: the catalog's
    phrase of what was sent ("đã kiểm điểm và gửi kết quả", "đã gửi báo cáo")."""
    return S.completeness([(lv["da_gui"], lv["tong"], lv["ten_cap"]) for lv in comp["theo_cap"]],
                          [m["ten"] for m in comp["loi_tat_ca"]], comp["ten_loi"],
                          [m["ten"] for m in comp["chua_gui"]], comp["ten_chua_gui"], head_key, lang)


def _previous_basis(result: ConsolidationResult, code: str) -> tuple[dict, dict, dict, str, Comparison | None]:
    """(current values, previous values, previous shares, basis, comparison) of the change sentence.

    basis: "same" (both periods cover the same units: a plain fact), "mapped" (the same units
    through merges and foundings: compared in the new units), "common" (over the leaf units with
    data in both periods), "none" (nothing comparable), or "legacy" (no comparison made: the
    previous figures a result carries without a previous consolidation)."""
    current = result.units[code].values
    comparison = result.comparisons.get(code) if result.comparisons else None
    if comparison is None:
        if result.previous is not None and code in result.previous.units \
                and result.previous.units[code].source != "none":
            return current, dict(result.previous.units[code].values), result.previous.units[code].shares, "legacy", None
        return current, {c.field: c.previous for c in result.changes if c.unit == code and c.previous is not None}, \
            {}, "legacy", None
    if comparison.like_for_like:
        return current, comparison.previous, {}, "same", comparison
    if comparison.comparable and set(comparison.reasons) <= {"hierarchy_changed"} and comparison.previous:
        return current, comparison.previous, {}, "mapped", comparison
    if comparison.units_compared:
        return comparison.common_current, comparison.common_previous, {}, "common", comparison
    return current, {}, {}, "none", comparison


def _change(result: ConsolidationResult, roles: MemberRoles, code: str, lang: str, dec: int,
            members: dict) -> dict[str, Any]:
    """The change against the previous period, stated as a plain fact only when both periods
    cover the same units (domain.md "Comparisons must compare like with like")."""
    prev_period = result.previous.period if result.previous else result.period.previous()
    prev_label = prev_period.label(lang)
    current, previous, prev_shares, basis, comparison = _previous_basis(result, code)
    form = result.form
    outliers = {c.field for c in result.changes if c.unit == code and c.outlier}
    items, parts = [], []
    for f in (roles.total, roles.evaluated, *roles.ratings):
        cur, prev = current.get(f), previous.get(f)
        diff = None if cur is None or prev is None else cur - prev
        label = S.phrase(form.label(f, lang))
        if f in roles.ratings:
            label = text("S_RATING_CHANGE_LABEL", lang, label=label)
        items.append({"ma": f, "nhan": label, "hien_tai": cur, "ky_truoc": prev, "chenh_lech": diff,
                      "cum": fmt_change(diff, lang), "bat_thuong": f in outliers})
        parts.append((label, diff, False))
    good = roles.good_or_better
    share_code = roles.share_code(good, roles.evaluated) if good else None
    if share_code and previous:
        # without the previous result's shares, they are computed as aggregation computes them
        prev_share = prev_shares.get(share_code) if prev_shares else \
            compute_shares(form.shares, namespace(form, previous)).get(share_code)
        cur_share = members["ty_le_httnv_tro_len"] if basis != "common" else \
            compute_shares(form.shares, namespace(form, current)).get(share_code)
        diff = None if cur_share is None or prev_share is None else cur_share - prev_share
        parts.append((S.phrase(form.label(share_code, lang)), diff, True))
    has_prev = bool(previous) and any(i["ky_truoc"] is not None for i in items)
    head = None
    if basis in ("mapped", "common"):
        how = [text("S_CHANGE_NEW_UNITS", lang)] if "hierarchy_changed" in comparison.reasons else []
        if basis == "common":
            how.append(text("S_CHANGE_COMMON", lang, n=fmt_count(comparison.units_compared, lang),
                            noun=result.hierarchy.levels.levels[-1].plural.get(lang),
                            both=text("S_BOTH_YEARS" if result.period.kind == "year" else "S_BOTH_PERIODS", lang)))
        head = text("S_CHANGE_HEAD_AS", lang, previous=prev_label, how=", ".join(how))
    sentence = S.change(parts, prev_label, has_prev, lang, dec, head)
    if comparison is not None and basis in ("common", "none"):
        sentence = " ".join(p for p in (sentence if basis == "common" else "",
                                        _raw_figures(result, roles, code, comparison, prev_period, lang)) if p)
    if comparison is not None and (comparison.merged or comparison.founded or comparison.dissolved):
        sentence += text("S_CHANGE_UNITS", lang, merged=fmt_count(comparison.merged, lang),
                         founded=fmt_count(comparison.founded, lang), dissolved=fmt_count(comparison.dissolved, lang))
    return {"co_ky_truoc": has_prev, "ky_truoc": prev_label, "muc": items, "co_so": basis,
            "cung_pham_vi": basis == "same", "ly_do": list(comparison.reasons) if comparison else [],
            "so_don_vi_so_sanh": comparison.units_compared if comparison else None, "cau": sentence}


def comparison_reasons(result: ConsolidationResult, code: str, comparison: Comparison, lang: str) -> str:
    """Why a unit's two periods are not compared directly, in words ("năm 2025 còn 03 đơn vị chưa
    có số liệu được tổng hợp"); the report and the summary workbook say the same."""
    prev_period = result.previous.period if result.previous else result.period.previous()
    missing = len(result.units[code].missing_units)
    return S.join_list([text("S_REASON_" + r.upper(), lang, n=fmt_count(missing, lang),
                             period=result.period.label(lang), previous=prev_period.label(lang))
                        for r in comparison.reasons], lang)


def _raw_figures(result: ConsolidationResult, roles: MemberRoles, code: str, comparison: Comparison,
                 prev_period: Any, lang: str) -> str:
    """Both periods' totals as they are, with why they are not compared directly."""
    cur = result.units[code].values.get(roles.total)
    prev = None
    if comparison.previous:
        prev = comparison.previous.get(roles.total)
    elif result.previous is not None and code in result.previous.units:
        prev = result.previous.units[code].values.get(roles.total)
    reasons = comparison_reasons(result, code, comparison, lang)
    return text("S_CHANGE_RAW", lang, label=S.capitalize(S.phrase(result.form.label(roles.total, lang))),
                period=result.period.label(lang), current=S.count_of(cur, lang), previous=prev_period.label(lang),
                before=S.count_of(prev, lang) if prev is not None else fmt_count(None, lang), reasons=reasons)


def _children(result: ConsolidationResult, roles: MemberRoles, code: str, lang: str,
              comp: dict) -> list[dict[str, Any]]:
    h, form = result.hierarchy, result.form
    own = result.accepted.get(code)
    given = {r.code: r for r in own.ratings} if own else {}
    missing = {m["ma"] for m in comp["thieu"]}
    errors = {m["ma"] for m in comp["loi"]}
    states = {state: text(state.key, lang) for state in UnitState}
    rows = []
    for i, child in enumerate(h.children(code), start=1):
        t = result.units.get(child)
        v = t.values if t else {}
        sh = t.shares if t else {}
        rating = given.get(child)
        rdef = form.organizations.rating(rating.rating) if rating and rating.rating and form.organizations else None
        rows.append({
            "stt": i, "ma": child, "ten": h.name(child),
            "trang_thai": states[UnitState.REJECTED if child in errors else UnitState.MISSING if child in missing
                                 else UnitState.ACCEPTED],
            "tong_so": v.get(roles.total), "duoc_danh_gia": v.get(roles.evaluated),
            "xep_loai": [v.get(c) for c in roles.ratings],
            "ty_le_httnv_tro_len": roles.share(sh, roles.good_or_better, roles.evaluated),
            "danh_gia": rdef.code if rdef else "", "danh_gia_ten": rdef.label.get(lang) if rdef else "",
            "tsvm": bool(rating.tsvm) if rating else False,
        })
    return rows


def _abbreviation(label: str) -> str:
    """Column heading for a rating: its abbreviation in the label ("(HTXSNV)"), else the label."""
    found = S.ABBREVIATION.search(label)
    return found.group(0).strip(" ()") if found else S.phrase(label)


def build_narrative_context(result: ConsolidationResult, unit_code: str | None = None, lang: str = "vi",
                            doc: DocumentInfo | None = None) -> dict[str, Any]:
    """The documented context (docs/template-context.md) for ``unit_code`` (default: the root)."""
    lang = language(lang)
    doc = doc or DocumentInfo()
    code = unit_code or result.root
    h, form = result.hierarchy, result.form
    unit = h.unit(code)
    parent = h.get(unit.parent) if unit.parent else None
    dec = int(form.param_values.get("share_decimals", 2))
    period_label = result.period.label(lang)
    has_children = not h.is_leaf(code)
    roles = member_roles(form)  # once: it reads the whole form

    members = _members(result, roles, code, lang)
    organizations = _organizations(result, code, lang, dec) if has_children else []
    completeness = completeness_context(result, code, lang)
    change = _change(result, roles, code, lang, dec, members)
    children = _children(result, roles, code, lang, completeness) if has_children else []

    child_level = h.unit(h.children(code)[0]).level if has_children else None
    child_plural = h.levels.get(child_level).plural.get(lang) if child_level else text("REPORT_UNITS", lang)
    title = form.title.get(lang)
    unchanged_items = [i for i in members["xep_loai"]]
    sentences = {
        "mo_dau": S.opening(unit.name, title, period_label, form.regulation, has_children, lang),
        "day_du": completeness_sentence(completeness, "S_RECEIVED", lang),
        "to_chuc": [o["cau"] for o in organizations],
        "dang_vien_danh_gia": S.members_evaluated(
            S.Item(S.phrase(form.label(roles.total, lang)), members["tong_so"]),
            S.Item(S.phrase(form.label(roles.evaluated, lang)), members["duoc_danh_gia"], members["ty_le_duoc_danh_gia"]),
            [S.Item(i["nhan"], i["so"], i["ty_le"]) for i in members["ly_do"]], lang, dec),
        "dang_vien_xep_loai": S.members_ratings([S.Item(i["nhan"], i["so"], i["ty_le"]) for i in unchanged_items],
                                                unchanged_items[-1]["nhan"] if unchanged_items else None, lang, dec),
        "dang_vien_tot": S.members_good(
            S.Item(members.pop("_good_label"), members["httnv_tro_len"], members["ty_le_httnv_tro_len"]),
            S.Item(members.pop("_within_label"), None, members["ty_le_htxsnv_trong_httnv"]),
            members["han_muc"], members["trong_han_muc"], lang, dec),
        "dang_vien_khtnv": S.members_not_completed(
            S.phrase(form.label(roles.not_completed, lang)), members["khtnv"],
            [S.Item(i["nhan"], i["so"]) for i in members["nguyen_nhan"]], lang),
        "ky_luat": S.discipline([S.Item(i["nhan"], i["so"]) for i in members["ky_luat"]], period_label, lang),
        "thay_doi": change["cau"],
    }
    if has_children and not organizations:
        sentences["to_chuc"] = [text("S_NO_ORG_RATINGS", lang)]
    context: dict[str, Any] = {
        "lang": lang, "so_le": dec,
        "don_vi": {"ma": code, "ten": unit.name, "cap": unit.level, "ten_cap": h.levels.get(unit.level).label.get(lang)},
        "cap_tren": {"ma": parent.code, "ten": parent.name} if parent else None,
        "ky": {"ma": result.period.code, "ten": period_label, "ky_truoc": change["ky_truoc"]},
        "bieu_mau": {"ma": form.code, "phien_ban": form.version, "ten": title, "quy_dinh": form.regulation or ""},
        "van_ban": {
            **document_head(h, code, doc, lang),
            "ngay": doc.date or dt.date.today(), "tieu_de": text("REPORT_TITLE", lang), "trich_yeu": f"{title} {period_label}",
        },
        "so_lieu": dict(result.units[code].values), "ty_le": dict(result.units[code].shares),
        "nhan": _labels(result, lang),
        "day_du": completeness, "to_chuc": organizations, "dang_vien": members, "thay_doi": change,
        "co_don_vi_con": has_children, "don_vi_con": children, "cap_con": child_plural,
        "cot_xep_loai": [_abbreviation(form.label(c, lang)) for c in roles.ratings],
        "cau": sentences,
        "to_chuc_thuc_hien": "", "danh_gia_chung": "", "nhiem_vu": "",
    }
    context.update(doc.extra)
    return context
