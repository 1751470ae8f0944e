"""Ready-made report sentences in Vietnamese and English.

Each function takes plain numbers and labels (already taken from the form definition and the
level configuration) and returns one sentence that reads naturally for zero ("Không có …"), one
and many, and for increase, decrease and no change. The phrases come from the message catalog
(evalreport.wording.sentence_phrases) by key, so this module holds the sentences' structure and
no language's words: a phrase's ``…_ONE`` key is chosen for a count of one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from evalreport.wording.catalog import templates, text
from evalreport.wording.numbers import fmt_change, fmt_count, fmt_number, fmt_share, round_half_up

__all__ = ["Item", "capitalize", "phrase", "join_list", "count_of", "opening", "completeness", "organizations",
           "members_evaluated", "members_ratings", "members_good", "members_not_completed", "discipline", "change"]


ABBREVIATION = re.compile(r"\s*\([A-Z][A-Z0-9]+\)")  # "(HTTNV)"
# a form's labels may be in either language whatever the report's, so both languages' words are cut
_EXCLUDING = re.compile(r",\s*(?:" + "|".join(map(re.escape, templates("S_LABEL_EXCLUDING").values())) + r")\b")


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
    return sep.join(parts[:-1]) + text("S_AND", lang) + parts[-1]


def _n(value: int | None, lang: str) -> str:
    return fmt_count(value, lang)


def _pct(value: float | None, lang: str, decimals: int) -> str:
    return fmt_share(value, lang, decimals)


def _one(key: str, n: int | float | None) -> str:
    """The key of the phrase for a count: ``key + "_ONE"`` for exactly one."""
    return key + "_ONE" if n == 1 else key


def count_of(n: int | None, lang: str) -> str:
    """"08 đồng chí" / "1 member" / "8 members"."""
    return text(_one("S_MEMBERS", n), lang, n=_n(n, lang))


def _item(it: Item, lang: str, decimals: int) -> str:
    """"hoàn thành nhiệm vụ: 4.238 đồng chí (7,49%)"."""
    share = f" ({_pct(it.share, lang, decimals)})" if it.share is not None else ""
    return f"{it.label}: {count_of(it.count, lang)}{share}"


def opening(unit_name: str, title: str, period_label: str, regulation: str | None, has_children: bool,
            lang: str) -> str:
    basis = text("S_OPENING_BASIS_REG", lang, regulation=regulation) if regulation else text("S_OPENING_BASIS", lang)
    who = text("S_OPENING_WHO_CHILDREN" if has_children else "S_OPENING_WHO_SELF", lang)
    return capitalize(text("S_OPENING", lang, basis=basis, unit_name=unit_name, who=who, title=phrase(title),
                           period=period_label))


def completeness(parts: Sequence[tuple[int, int, str]], with_errors: Sequence[str], errors_noun: str,
                 nothing: Sequence[str], nothing_noun: str, head_key: str, lang: str, limit: int = 10) -> str:
    """parts: (received, expected, plural noun) per level below the unit; then, apart, the names
    of the units that sent files with errors (not yet in the totals) and of those that sent
    nothing: "297/300 chi bộ … đã gửi; 02 chi bộ gửi báo cáo có lỗi, chưa được tổng hợp: …; 01
    chi bộ chưa gửi: …"."""
    ratios = [f"{got}/{exp} {noun}" for got, exp, noun in parts if exp]
    if not ratios:
        return ""
    rest = ""
    for key, names, noun in (("S_SENT_WITH_ERRORS", with_errors, errors_noun), ("S_SENT_NOTHING", nothing, nothing_noun)):
        if names:
            shown = ", ".join(names[:limit]) + (text("S_MORE_UNITS", lang, more=len(names) - limit)
                                                if len(names) > limit else "")
            rest += text(key, lang, count=len(names), noun=noun.removesuffix("s") if len(names) == 1 else noun,
                         names=shown)
    return text(head_key, lang, ratios=join_list(ratios, lang), rest=rest)


def _none_sentence(noun: str, labels: Sequence[str], lang: str) -> str:
    if not labels:
        return ""
    quoted = [text("S_QUOTED", lang, label=label) for label in labels]
    joined = join_list(quoted, lang).replace(text("S_AND", lang), text("S_OR", lang))
    return text("S_NONE_RATED", lang, noun=noun, labels=joined)


def organizations(plural: str, total: int | None, rated: Item, not_rated: Item | None, ratings: Sequence[Item],
                  tsvm: Item | None, good: Item | None, within: Item | None, quota_pct: str | None,
                  quota_ok: bool | None, lang: str, decimals: int) -> str:
    """One level of rated organizations: counts, each rating with its share, the exemplary ones,
    good-or-better and the quota view."""
    if not total:
        return text("S_ORG_NONE", lang, plural=plural)
    head = f"{capitalize(plural)}: " + text("S_TOTAL", lang, n=_n(total, lang))
    head += f"; {rated.label} {_n(rated.count, lang)} ({_pct(rated.share, lang, decimals)})"
    if not_rated is not None and not_rated.count:
        head += f"; {not_rated.label} {_n(not_rated.count, lang)}"
        head += f" ({_pct(not_rated.share, lang, decimals)})" if not_rated.share is not None else ""
    listed, zero = [], []
    for it in ratings:
        if it.count:
            listed.append(f"{it.label} {_n(it.count, lang)} ({_pct(it.share, lang, decimals)})")
        else:
            zero.append(it.label)
    if tsvm is not None and tsvm.count and listed and ratings and ratings[0].count:
        listed[0] += text("S_ORG_TSVM", lang, n=_n(tsvm.count, lang), label=tsvm.label)
    sentence = head + "."
    if listed:
        sentence += text("S_RESULTS", lang) + "; ".join(listed) + "."
    sentence += (" " + _none_sentence(plural, zero, lang)) if zero else ""
    if good is not None and good.share is not None:
        sentence += f" {capitalize(good.label)}: {_pct(good.share, lang, decimals)}"
        sentence += _within_quota(within, quota_pct, quota_ok, lang, decimals) + "."
    return sentence


def members_evaluated(total: Item, evaluated: Item, reasons: Sequence[Item], lang: str, decimals: int) -> str:
    def count(n: int | None) -> str:
        return text("S_MEMBER_TOTAL", lang, n=_n(n, lang))

    sentence = f"{capitalize(total.label)}: {count(total.count)}; {evaluated.label}: " \
               f"{count(evaluated.count)} ({_pct(evaluated.share, lang, decimals)})."
    gap = (total.count or 0) - (evaluated.count or 0)
    if total.count and gap <= 0:
        return sentence + text("S_ALL_EVALUATED", lang)
    parts = [_item(r, lang, decimals) for r in reasons if r.count]
    if gap > 0 and parts:
        sentence += text("S_NOT_EVALUATED", lang, count=count_of(gap, lang)) + "; ".join(parts) + "."
    return sentence


def members_ratings(ratings: Sequence[Item], skip_zero_of: str | None, lang: str, decimals: int) -> str:
    """Each rating with its share; a zero rating becomes "Không có đảng viên xếp loại …" (except
    ``skip_zero_of``, which has a sentence of its own)."""
    listed = [_item(it, lang, decimals) for it in ratings if it.count]
    zero = [it.label for it in ratings if not it.count and it.label != skip_zero_of]
    sentence = (text("S_RATINGS", lang) + "; ".join(listed) + ".").strip() if listed else ""
    none = _none_sentence(text("S_MEMBER_NOUN", lang), zero, lang)
    return " ".join(p for p in (sentence, none) if p)


def members_good(good: Item | None, within: Item | None, quota_pct: str | None, quota_ok: bool | None,
                 lang: str, decimals: int) -> str:
    if good is None or good.share is None:
        return ""
    sentence = f"{capitalize(good.label)}: {_pct(good.share, lang, decimals)} ({count_of(good.count, lang)})"
    return sentence + _within_quota(within, quota_pct, quota_ok, lang, decimals) + "."


def _within_quota(within: Item | None, quota_pct: str | None, quota_ok: bool | None, lang: str,
                  decimals: int) -> str:
    """"; tỷ lệ HTXSNV trên số HTTNV trở lên: 13,77% (trong mức tối đa 20%)", or "" without a share."""
    if within is None or within.share is None:
        return ""
    shown = f"; {within.label}: {_pct(within.share, lang, decimals)}"
    if quota_pct:
        shown += text("S_QUOTA_WITHIN" if quota_ok else "S_QUOTA_ABOVE", lang, pct=quota_pct)
    return shown


def members_not_completed(label: str, count: int | None, causes: Sequence[Item], lang: str) -> str:
    if not count:
        return text("S_NC_NONE", lang, label=label)
    parts = [f"{c.label}: {_n(c.count, lang)}" for c in causes if c.count]
    head = text(_one("S_NC_HEAD", count), lang, members=count_of(count, lang), label=label)
    return capitalize(head) + (text("S_NC_PARTS", lang, parts="; ".join(parts)) if parts else ".")


def discipline(kinds: Sequence[Item], period_label: str, lang: str) -> str:
    total = sum(k.count or 0 for k in kinds)
    if not total:
        return text("S_DISC_NONE", lang, period=period_label)
    parts = [f"{k.label} {_n(k.count, lang)}" for k in kinds if k.count]
    return text(_one("S_DISC", total), lang, period=period_label, members=count_of(total, lang),
                parts=", ".join(parts))


def change(items: Sequence[tuple[str, float | int | None, bool]], previous_label: str, has_previous: bool,
           lang: str, decimals: int, head: str | None = None) -> str:
    """items: (label, difference, is_share). Shares change in percentage points; the items that did
    not change are named together at the end. ``head``: what the changes follow ("So với năm
    2024, so sánh trên 297 chi bộ có số liệu cả hai năm: "), the plain "So với năm 2024: " by
    default."""
    if not has_previous:
        return text("S_CHANGE_NO_PREVIOUS", lang, previous=previous_label)
    changed, same = [], []
    for label, diff, is_share in items:
        if diff is None:
            continue
        d = round_half_up(float(diff), decimals) if is_share else diff
        if d == 0:
            same.append(label)
        elif is_share:
            word = fmt_change(d, lang).split(" ")[0]
            changed.append(f"{label} {word} {fmt_number(abs(d), lang, decimals)} {text('S_PERCENTAGE_POINTS', lang)}")
        else:
            changed.append(f"{label} {fmt_change(d, lang, text(_one('S_MEMBER_UNIT', abs(d)), lang))}")
    if not changed:
        if head is not None:
            return head + text("S_CHANGE_ALL_SAME", lang) + "."
        return text("S_CHANGE_NONE", lang, previous=previous_label)
    if len(same) > 2:  # a long list of unchanged items reads badly; name them only when few
        changed.append(text("S_CHANGE_OTHERS_SAME", lang))
    elif same:
        changed.append(f"{join_list(same, lang)} {fmt_change(0, lang)}")
    return (head or text("S_CHANGE_HEAD", lang, previous=previous_label)) + "; ".join(changed) + "."
