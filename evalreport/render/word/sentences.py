"""Ready-made report sentences in Vietnamese and English.

Each function takes plain numbers and labels (already taken from the form definition and the
level configuration) and returns one sentence that reads naturally for zero ("Không có …"), one
and many, and for increase, decrease and no change. Kept apart from the context builder so the
wording of every sentence can be read, and reviewed, in one place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from evalreport.wording.numbers import fmt_change, fmt_count, fmt_number, fmt_share, round_half_up

__all__ = ["Item", "capitalize", "phrase", "join_list", "count_of", "opening", "completeness", "organizations",
           "members_evaluated", "members_ratings", "members_good", "members_not_completed", "discipline", "change"]


ABBREVIATION = re.compile(r"\s*\([A-Z][A-Z0-9]+\)")  # "(HTTNV)"
_EXCLUDING = re.compile(r",\s*(?:không kể|excluding)\b")


@dataclass(frozen=True)
class Item:
    """A labelled count with an optional share, e.g. ("hoàn thành nhiệm vụ", 4238, 7.49)."""

    label: str
    count: int | None
    share: float | None = None


def capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def phrase(label: str) -> str:
    """A form label as it reads inside a sentence: "Hoàn thành tốt nhiệm vụ (HTTNV), không kể
    HTXSNV" -> "hoàn thành tốt nhiệm vụ"; "trong đó: lý do khác" -> "lý do khác"."""
    text = label.split(": ", 1)[1] if ": " in label else label
    text = ABBREVIATION.sub("", text)
    text = _EXCLUDING.split(text)[0].strip()
    first, _, rest = text.partition(" ")
    if first.isupper() and len(first) > 1:  # an abbreviation like "HTXSNV" keeps its capitals
        return text
    return first[:1].lower() + first[1:] + (" " + rest if rest else "")


def join_list(parts: Sequence[str], lang: str, sep: str = ", ") -> str:
    """"a, b và c" / "a, b and c"."""
    parts = [p for p in parts if p]
    if len(parts) <= 1:
        return "".join(parts)
    conj = " và " if lang != "en" else " and "
    return sep.join(parts[:-1]) + conj + parts[-1]


def _n(value: int | None, lang: str) -> str:
    return fmt_count(value, lang)


def _pct(value: float | None, lang: str, decimals: int) -> str:
    return fmt_share(value, lang, decimals)


def count_of(n: int | None, lang: str, noun_vi: str = "đồng chí", noun_en: tuple[str, str] = ("member", "members")) -> str:
    """"08 đồng chí" / "1 member" / "8 members"."""
    if lang == "en":
        return f"{fmt_number(n, 'en')} {noun_en[0] if n == 1 else noun_en[1]}"
    return f"{_n(n, lang)} {noun_vi}".rstrip()


def _item(it: Item, lang: str, decimals: int) -> str:
    """"hoàn thành nhiệm vụ: 4.238 đồng chí (7,49%)"."""
    share = f" ({_pct(it.share, lang, decimals)})" if it.share is not None else ""
    return f"{it.label}: {count_of(it.count, lang)}{share}"


def opening(unit_name: str, title: str, period_label: str, regulation: str | None, has_children: bool,
            lang: str) -> str:
    if lang == "en":
        basis = f"Pursuant to Regulation {regulation} and the guidance of the higher level, " if regulation else ""
        who = "directed its subordinate organizations to hold their reviews and compiled" if has_children \
            else "held its review and compiled"
        return capitalize(f"{basis}{unit_name} {who} the {phrase(title)} for {period_label}.")
    basis = f"Thực hiện Quy định số {regulation} và hướng dẫn của cấp trên, " if regulation else \
        "Thực hiện hướng dẫn của cấp trên, "
    who = "đã lãnh đạo, chỉ đạo các tổ chức đảng trực thuộc tiến hành kiểm điểm và tổng hợp" if has_children \
        else "đã tiến hành kiểm điểm và tổng hợp"
    return f"{basis}{unit_name} {who} {phrase(title)} {period_label}."


def completeness(parts: Sequence[tuple[int, int, str]], missing: Sequence[str], missing_noun: str,
                 lang: str, limit: int = 10) -> str:
    """parts: (received, expected, plural noun) per level below the unit; missing: names of the
    direct children that sent nothing."""
    ratios = [f"{got}/{exp} {noun}" for got, exp, noun in parts if exp]
    if not ratios:
        return ""
    shown = list(missing[:limit])
    more = len(missing) - len(shown)
    if lang == "en":
        text = f"By the time of this report, {join_list(ratios, lang)} had held their review and sent their results."
        if missing:
            names = ", ".join(shown) + (f" and {more} more" if more else "")
            noun = missing_noun.removesuffix("s") if len(missing) == 1 else missing_noun
            text += f" Not yet received from {len(missing)} {noun}: {names}."
        return text
    text = f"Đến thời điểm báo cáo, có {join_list(ratios, lang)} đã kiểm điểm và gửi kết quả."
    if missing:
        names = ", ".join(shown) + (f" và {more} đơn vị khác" if more else "")
        text += f" Còn {_n(len(missing), lang)} {missing_noun} chưa gửi kết quả: {names}."
    return text


def _none_sentence(noun: str, labels: Sequence[str], lang: str) -> str:
    if not labels:
        return ""
    if lang == "en":
        quoted = [f"“{label}”" for label in labels]
        return f"No {noun} fell in the category {join_list(quoted, lang).replace(' and ', ' or ')}."
    return f"Không có {noun} xếp loại {join_list(list(labels), lang).replace(' và ', ' hoặc ')}."


def organizations(plural: str, total: int | None, rated: Item, not_rated: Item | None, ratings: Sequence[Item],
                  tsvm: Item | None, good: Item | None, within: Item | None, quota_pct: str | None,
                  quota_ok: bool | None, lang: str, decimals: int) -> str:
    """One level of rated organizations: counts, each rating with its share, the exemplary ones,
    good-or-better and the quota view."""
    if not total:
        return (f"There are no {plural} to rate." if lang == "en" else f"Không có {plural} thuộc diện đánh giá.")
    num = (lambda v: fmt_number(v, "en")) if lang == "en" else (lambda v: _n(v, lang))
    head = f"{capitalize(plural)}: " + (f"total {num(total)}" if lang == "en" else f"tổng số {num(total)}")
    head += f"; {rated.label} {num(rated.count)} ({_pct(rated.share, lang, decimals)})"
    if not_rated is not None and not_rated.count:
        head += f"; {not_rated.label} {num(not_rated.count)}"
    listed, zero = [], []
    for it in ratings:
        if it.count:
            listed.append(f"{it.label} {num(it.count)} ({_pct(it.share, lang, decimals)})")
        else:
            zero.append(it.label)
    if tsvm is not None and tsvm.count and listed and ratings and ratings[0].count:
        extra = (f", of which {num(tsvm.count)} recognized as “{tsvm.label}”" if lang == "en"
                 else f", trong đó {num(tsvm.count)} tổ chức đạt “{tsvm.label}”")
        listed[0] += extra
    text = head + "."
    if listed:
        text += (" Results: " if lang == "en" else " Kết quả: ") + "; ".join(listed) + "."
    text += (" " + _none_sentence(plural, zero, lang)) if zero else ""
    if good is not None and good.share is not None:
        text += f" {capitalize(good.label)}: {_pct(good.share, lang, decimals)}"
        text += _within_quota(within, quota_pct, quota_ok, lang, decimals) + "."
    return text


def members_evaluated(total: Item, evaluated: Item, reasons: Sequence[Item], lang: str, decimals: int) -> str:
    # English labels already say "members"; Vietnamese ones read better with "đồng chí" after the count
    count = (lambda n: fmt_number(n, "en")) if lang == "en" else (lambda n: count_of(n, lang))
    text = f"{capitalize(total.label)}: {count(total.count)}; {evaluated.label}: " \
           f"{count(evaluated.count)} ({_pct(evaluated.share, lang, decimals)})."
    gap = (total.count or 0) - (evaluated.count or 0)
    if total.count and gap <= 0:
        return text + (" Every member was evaluated." if lang == "en" else " Tất cả đảng viên đều được đánh giá, xếp loại.")
    parts = [_item(r, lang, decimals) for r in reasons if r.count]
    if gap > 0 and parts:
        text += (f" Not evaluated: {count_of(gap, lang)}, namely " if lang == "en"
                 else f" Số không đánh giá, xếp loại: {count_of(gap, lang)}, gồm: ") + "; ".join(parts) + "."
    return text


def members_ratings(ratings: Sequence[Item], skip_zero_of: str | None, lang: str, decimals: int) -> str:
    """Each rating with its share; a zero rating becomes "Không có đảng viên xếp loại …" (except
    ``skip_zero_of``, which has a sentence of its own)."""
    listed = [_item(it, lang, decimals) for it in ratings if it.count]
    zero = [it.label for it in ratings if not it.count and it.label != skip_zero_of]
    text = ((" Ratings: " if lang == "en" else "Kết quả xếp loại: ") + "; ".join(listed) + ".").strip() if listed else ""
    none = _none_sentence("member" if lang == "en" else "đảng viên", zero, lang)
    return " ".join(p for p in (text, none) if p)


def members_good(good: Item | None, within: Item | None, quota_pct: str | None, quota_ok: bool | None,
                 lang: str, decimals: int) -> str:
    if good is None or good.share is None:
        return ""
    text = f"{capitalize(good.label)}: {_pct(good.share, lang, decimals)} ({count_of(good.count, lang)})"
    return text + _within_quota(within, quota_pct, quota_ok, lang, decimals) + "."


def _within_quota(within: Item | None, quota_pct: str | None, quota_ok: bool | None, lang: str,
                  decimals: int) -> str:
    """"; tỷ lệ HTXSNV trên số HTTNV trở lên: 13,77% (trong mức tối đa 20%)", or "" without a share."""
    if within is None or within.share is None:
        return ""
    text = f"; {within.label}: {_pct(within.share, lang, decimals)}"
    if quota_pct:
        if lang == "en":
            text += f" ({'within' if quota_ok else 'above'} the limit of {quota_pct})"
        else:
            text += f" ({'trong' if quota_ok else 'vượt'} mức tối đa {quota_pct})"
    return text


def members_not_completed(label: str, count: int | None, causes: Sequence[Item], lang: str) -> str:
    if not count:
        return (f"No member fell in the category “{label}”." if lang == "en" else f"Không có đảng viên {label}.")
    parts = [f"{c.label}: {fmt_number(c.count, 'en') if lang == 'en' else _n(c.count, lang)}" for c in causes if c.count]
    if lang == "en":
        text = f"{capitalize(count_of(count, lang))} {'was' if count == 1 else 'were'} in the category “{label}”"
        return text + (f", of which {'; '.join(parts)}." if parts else ".")
    text = f"Có {count_of(count, lang)} {label}"
    return text + (f", trong đó: {'; '.join(parts)}." if parts else ".")


def discipline(kinds: Sequence[Item], period_label: str, lang: str) -> str:
    total = sum(k.count or 0 for k in kinds)
    if not total:
        return f"No member was disciplined in {period_label}." if lang == "en" else \
            f"Không có đảng viên bị kỷ luật trong {period_label}."
    parts = [f"{k.label} {fmt_number(k.count, 'en') if lang == 'en' else _n(k.count, lang)}" for k in kinds if k.count]
    if lang == "en":
        return f"In {period_label}, {count_of(total, lang)} {'was' if total == 1 else 'were'} disciplined: {', '.join(parts)}."
    return f"Trong {period_label}, có {count_of(total, lang)} bị kỷ luật: {', '.join(parts)}."


def change(items: Sequence[tuple[str, float | int | None, bool]], previous_label: str, has_previous: bool,
           lang: str, decimals: int) -> str:
    """items: (label, difference, is_share). Shares change in percentage points; the items that did
    not change are named together at the end."""
    if not has_previous:
        return f"There are no figures for {previous_label} to compare with." if lang == "en" else \
            f"Chưa có số liệu {previous_label} để so sánh."
    changed, same = [], []
    for label, diff, is_share in items:
        if diff is None:
            continue
        d = round_half_up(float(diff), decimals) if is_share else diff
        if d == 0:
            same.append(label)
        elif is_share:
            word = fmt_change(d, lang).split(" ")[0]
            unit = "percentage points" if lang == "en" else "điểm phần trăm"
            changed.append(f"{label} {word} {fmt_number(abs(d), lang, decimals)} {unit}")
        else:
            unit = ("member" if abs(d) == 1 else "members") if lang == "en" else "đồng chí"
            changed.append(f"{label} {fmt_change(d, lang, unit)}")
    if not changed:
        return f"Compared with {previous_label}, the main figures are unchanged." if lang == "en" else \
            f"So với {previous_label}, các số liệu chính không thay đổi."
    if len(same) > 2:  # a long list of unchanged items reads badly; name them only when few
        changed.append("the other figures are unchanged" if lang == "en" else "các số liệu khác không thay đổi")
    elif same:
        changed.append(f"{join_list(same, lang)} {fmt_change(0, lang)}")
    head = f"Compared with {previous_label}: " if lang == "en" else f"So với {previous_label}: "
    return head + "; ".join(changed) + "."
