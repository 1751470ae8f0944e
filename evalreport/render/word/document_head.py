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
from evalreport.wording.catalog import text

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


def _given(doc: DocumentInfo) -> UnitReportSettings:
    return UnitReportSettings(place=doc.place, number=doc.number, signer_title=doc.signer_title,
                              signer_name=doc.signer_name or None, signs_for=doc.on_behalf, issuer=doc.issuer,
                              recipients=doc.recipients)


#: The words :func:`~evalreport.render.letterhead.letterhead` derives (Vietnamese data: the
#: catalog's Vietnamese of these keys), by the key that prints them in a report's language.
_DERIVED_KEYS = {text(key, "vi"): key for key in ("REPORT_FOR_STANDING_COMMITTEE", "REPORT_FOR_PARTY_COMMITTEE",
                                                   "REPORT_FOR_PARTY_CELL", "REPORT_SECRETARY")}
_NUMBER_PREFIX = text("REPORT_NUMBER_PREFIX", "vi")  # how letterhead() begins a number it made


def _derived(words: str, lang: str) -> str:
    key = _DERIVED_KEYS.get(words)
    return text(key, lang) if key else words


def _recipients(h: Hierarchy, code: str, settings: ReportSettings, lang: str) -> list[str]:
    """The parent's committee "để báo cáo" (for the root, a placeholder the officer edits), the
    children's committees "để biết", the archive."""
    parent = h.unit(code).parent
    upper = committee_name(h, parent, settings.for_unit(parent)) if parent and parent in h \
        else text("REPORT_UPPER_LEVEL", lang)
    lines = [text("REPORT_TO_PARENT", lang, committee=upper)]
    children = h.children(code)
    if children:
        cells = all(h.is_leaf(c) and h.unit(c).level == h.levels.keys[-1] for c in children)
        lines.append(text("REPORT_TO_CHILDREN", lang,
                          committees=text("REPORT_CHILD_CELLS" if cells else "REPORT_CHILD_COMMITTEES", lang)))
    return [*lines, text("REPORT_ARCHIVE", lang)]


def document_head(h: Hierarchy, code: str, doc: DocumentInfo, lang: str) -> dict[str, Any]:
    """The ``van_ban`` variables of the letterhead and the signature block (docs/template-context.md)."""
    settings = doc.settings or ReportSettings()
    own = settings.for_unit(code).merged(_given(doc))
    head = letterhead(h, code, own, _recipients(h, code, settings, lang))
    number, signs_for, title = head.number, head.signs_for, head.signer_title
    # the derived Vietnamese parts in the report's language; what was set stays as set
    number = number if own.number else number.replace(_NUMBER_PREFIX, text("REPORT_NUMBER_PREFIX", lang), 1)
    signs_for = signs_for if own.signs_for else _derived(signs_for, lang)
    title = title if own.signer_title else _derived(title, lang)
    superior = doc.parent_issuer.upper() if doc.parent_issuer is not None else head.superior
    return {
        "co_quan_cap_tren": superior, "co_quan_ban_hanh": head.issuer, "so": number, "ky_hieu": head.symbol,
        "dia_diem": head.place, "noi_nhan": list(head.recipients), "thay_mat": signs_for, "chuc_vu": title,
        "nguoi_ky": head.signer_name, "nguoi_lap": head.preparer,
    }
