"""Reading what officers type in the child-rating table.

The drop-down offers rating codes, but workbooks get edited in other programs and typed by hand:
``htxsnv``, ``Hoàn thành xuất sắc nhiệm vụ``, ``hoan thanh xuat sac nhiem vu`` (no diacritics),
``HTXSNV – Hoàn thành…``. All of them mean the same rating. The accepted spellings come from the
form definition (codes and labels in both languages); anything else is kept as typed and left
for the rules to report.
"""

from __future__ import annotations

import re
import unicodedata

from evalreport.form.definition import OrganizationsDef

__all__ = ["fold", "RatingNormalizer", "parse_flag"]

_NON_WORD = re.compile(r"[^0-9a-z]+")
_YES = {"co", "x", "yes", "y", "1", "true", "v", "tsvm", "tsvm tieu bieu", "dat", "co tsvm"}
_NO = {"", "khong", "no", "n", "0", "false", "khong dat"}


def fold(text: str) -> str:
    """Lower case, without diacritics or punctuation: ``"Hoàn thành  tốt!"`` -> ``"hoan thanh tot"``."""
    text = unicodedata.normalize("NFD", str(text)).replace("đ", "d").replace("Đ", "D")
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn").lower()
    text = text.replace("\u0111", "d")
    return _NON_WORD.sub(" ", text).strip()


class RatingNormalizer:
    """Maps any accepted spelling of a rating to its code."""

    def __init__(self, org: OrganizationsDef):
        self._map: dict[str, str] = {}
        for r in org.ratings:
            for spelling in (r.code, r.label.vi, r.label.en, f"{r.code} {r.label.vi}", f"{r.code} {r.label.en}"):
                self._map.setdefault(fold(spelling), r.code)
        self._codes = {fold(r.code): r.code for r in org.ratings}

    def code(self, raw: object) -> str | None:
        """The rating code, or None when ``raw`` is not a recognisable rating."""
        key = fold(str(raw))
        if key in self._map:
            return self._map[key]
        first = key.split(" ", 1)[0] if key else ""
        return self._codes.get(first)


def parse_flag(raw: object) -> bool | None:
    """A yes/no cell (the TSVM column): True, False, or None when it says neither."""
    if raw is None or isinstance(raw, bool):
        return bool(raw)
    if isinstance(raw, (int, float)):
        return raw == 1 if raw in (0, 1) else None
    if str(raw).strip() in ("✓", "✔", "☑", "☒"):
        return True
    key = fold(str(raw))
    if key in _YES:
        return True
    if key in _NO:
        return False
    return None
