"""The head and foot of a narrative report (the template's ``van_ban`` variables): the
:class:`~evalreport.render.letterhead.Letterhead` of the unit, with the workspace's report settings
and the caller's explicit values (``evalreport report --place``) applied, and the default lines
under "Nơi nhận:" worded here.

Pure, like the rest of the context. The letterhead is Vietnamese data; an English report prints
the same names and translates only the fixed words it derived itself (an officer's setting is
printed as typed).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from evalreport.model.hierarchy import Hierarchy
from evalreport.render.letterhead import ReportSettings, UnitReportSettings, committee_name, letterhead

if TYPE_CHECKING:
    import datetime as dt

__all__ = ["DocumentInfo", "document_head"]


@dataclass
class DocumentInfo:
    """What the Party document format needs besides the numbers. ``settings`` are the workspace's
    (evalreport.yaml ``report:``); the other fields, when given, win over them for this one
    document. Every field has a default an officer can accept and correct in Word."""

    issuer: str | None = None  # issuing committee; default: derived from the unit's name
    parent_issuer: str | None = None  # the line above it; default: the parent's name ("" omits it)
    number: str | None = None  # "12" or "Số 12-BC/ĐU"
    place: str | None = None
    date: dt.date | None = None
    on_behalf: str | None = None  # "T/M BAN THƯỜNG VỤ"
    signer_title: str | None = None  # "BÍ THƯ"
    signer_name: str = ""
    recipients: list[str] | None = None
    extra: dict[str, Any] = field(default_factory=dict)  # e.g. danh_gia_chung, nhiem_vu written by the officer
    settings: ReportSettings | None = None


# Recipient lines and the English for the fixed words the letterhead derives.
_WORDS = {
    "vi": {"to_parent": "để báo cáo", "to_children": "để biết", "archive": "- Lưu Văn phòng.",
           "upper_level": "Cấp ủy cấp trên", "committees": "Các cấp ủy trực thuộc", "cells": "Các chi bộ trực thuộc"},
    "en": {"to_parent": "for reporting", "to_children": "for information", "archive": "- Archive: Office.",
           "upper_level": "Higher-level committee", "committees": "Subordinate Party committees",
           "cells": "Subordinate Party cells"},
}
_ENGLISH = {"T/M BAN THƯỜNG VỤ": "ON BEHALF OF THE STANDING COMMITTEE", "T/M ĐẢNG ỦY": "ON BEHALF OF THE PARTY COMMITTEE",
            "T/M CHI BỘ": "ON BEHALF OF THE PARTY CELL", "BÍ THƯ": "SECRETARY"}


def _given(doc: DocumentInfo) -> UnitReportSettings:
    return UnitReportSettings(place=doc.place, number=doc.number, signer_title=doc.signer_title,
                              signer_name=doc.signer_name or None, signs_for=doc.on_behalf, issuer=doc.issuer,
                              recipients=doc.recipients)


#: Per language, the derived Vietnamese words of a letterhead that it prints otherwise.
_DERIVED: dict[str, dict[str, str]] = {"vi": {}, "en": {**_ENGLISH, "Số ": "No. "}}


def _recipients(h: Hierarchy, code: str, settings: ReportSettings, lang: str) -> list[str]:
    """The parent's committee "để báo cáo" (for the root, a placeholder the officer edits), the
    children's committees "để biết", the archive."""
    words = _WORDS[lang]
    parent = h.unit(code).parent
    upper = committee_name(h, parent, settings.for_unit(parent)) if parent and parent in h else words["upper_level"]
    lines = [f"- {upper} ({words['to_parent']}),"]
    children = h.children(code)
    if children:
        cells = all(h.is_leaf(c) and h.unit(c).level == h.levels.keys[-1] for c in children)
        lines.append(f"- {words['cells' if cells else 'committees']} ({words['to_children']}),")
    return [*lines, words["archive"]]


def document_head(h: Hierarchy, code: str, doc: DocumentInfo, lang: str) -> dict[str, Any]:
    """The ``van_ban`` variables of the letterhead and the signature block (docs/template-context.md)."""
    settings = doc.settings or ReportSettings()
    own = settings.for_unit(code).merged(_given(doc))
    head = letterhead(h, code, own, _recipients(h, code, settings, lang))
    number, signs_for, title = head.number, head.signs_for, head.signer_title
    derived = _DERIVED[lang]  # the derived Vietnamese parts in the report's language; what was set stays as set
    number = number if own.number else number.replace("Số ", derived.get("Số ", "Số "), 1)
    signs_for = signs_for if own.signs_for else derived.get(signs_for, signs_for)
    title = title if own.signer_title else derived.get(title, title)
    superior = doc.parent_issuer.upper() if doc.parent_issuer is not None else head.superior
    return {
        "co_quan_cap_tren": superior, "co_quan_ban_hanh": head.issuer, "so": number, "ky_hieu": head.symbol,
        "dia_diem": head.place, "noi_nhan": list(head.recipients), "thay_mat": signs_for, "chuc_vu": title,
        "nguoi_ky": head.signer_name, "nguoi_lap": head.preparer,
    }
