"""Ready-made sentences of the membership movement report (DV-THANG).

Like :mod:`.sentences` for the evaluation report: plain numbers and labels in, one sentence out,
reading naturally for zero ("khai trừ: Không"), counts under ten ("03") and a change that cannot
be claimed. The words are the catalog's ``MOVE_*`` messages (:mod:`evalreport.wording.movement_phrases`);
only the assembly is here.
"""

from __future__ import annotations

from collections.abc import Sequence

from evalreport.render.word.sentences import Item
from evalreport.wording.catalog import text
from evalreport.wording.numbers import fmt_change, fmt_count, fmt_share

__all__ = ["count", "change", "membership", "compare"]


def count(n: int | None, lang: str) -> str:
    """A reported category's count: "08", "1.234", "Không" for zero (en: "8", "none")."""
    if n == 0:
        return text("MOVE_ZERO", lang)
    return fmt_count(n, lang)


def change(diff: int, lang: str) -> str:
    """"tăng 09 đồng chí", "giảm 32 đồng chí", "không thay đổi" (en: "up 9 members")."""
    if diff == 0:
        return fmt_change(0, lang)
    word = fmt_change(diff, lang).split(" ")[0]
    return f"{word} {fmt_count(abs(diff), lang)} " + text("MOVE_MEMBERS_NOUN", lang)


def membership(start: int | None, end: int | None, comparable: bool, admitted: Item,
               done: int | None, target: int | None, share: float | None,
               flow_groups: Sequence[Sequence[Item]], lang: str, decimals: int) -> str:
    """"Tổng số đảng viên đầu kỳ 8.940, cuối kỳ 9.295 (tăng 355 đồng chí); trong kỳ kết nạp 449
    đảng viên mới, lũy kế từ đầu năm 1.342/1.200, đạt 111,83% chỉ tiêu năm; chuyển đến: 25, …"."""
    head = text("MOVE_STOCKS", lang, start=fmt_count(start, lang), end=fmt_count(end, lang))
    if comparable and start is not None and end is not None:
        head += text("MOVE_STOCKS_CHANGE", lang, change=change(end - start, lang))
    elif start is not None or end is not None:
        head += text("MOVE_STOCKS_NOT_COMPARABLE", lang)
    n = admitted.count
    admitted_count = count(n, lang) if not n else f"{fmt_count(n, lang)} " + text("MOVE_NEW_MEMBERS_NOUN", lang)
    adm = text("MOVE_ADMITTED", lang, count=admitted_count)
    if done is None:
        adm += ", " + text("MOVE_YEAR_TO_DATE_UNKNOWN", lang)
    elif target:
        adm += ", " + text("MOVE_YEAR_TO_DATE", lang, done=fmt_count(done, lang), target=fmt_count(target, lang),
                                               share=fmt_share(share, lang, decimals))
    else:
        adm += ", " + text("MOVE_YEAR_TO_DATE_NO_TARGET", lang, done=fmt_count(done, lang))
    groups = [", ".join(text("MOVE_FLOW", lang, label=it.label, count=count(it.count, lang)) for it in group)
              for group in flow_groups if group]
    return "; ".join([head, adm, *groups]) + "."


def compare(items: Sequence[tuple[str, int | None, int | None]], previous_label: str, has_previous: bool,
            comparable: bool, lang: str) -> str:
    """items: (label, current, previous). A change is stated only when both periods cover the
    same units; otherwise the previous figures are given with the reason (docs/domain.md)."""
    known = [(label, cur, prev) for label, cur, prev in items if prev is not None]
    if not has_previous or not known:
        return text("MOVE_NO_PREVIOUS", lang, previous=previous_label)
    if not comparable:
        figures = ", ".join(f"{label} {fmt_count(prev, lang)}" for label, _cur, prev in known)
        return text("MOVE_NOT_COMPARABLE", lang, previous=previous_label, figures=figures)
    changes = [f"{label} {change(cur - prev, lang)}" for label, cur, prev in known
               if cur is not None and cur != prev]
    if not changes:
        return text("MOVE_COMPARE_UNCHANGED", lang, previous=previous_label)
    return text("MOVE_COMPARE", lang, previous=previous_label, changes="; ".join(changes))
