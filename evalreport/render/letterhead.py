"""The letterhead of a unit's report, as data: who issues it, under which superior line, with which
number symbol, who signs for whom, where and to whom it goes (Hướng dẫn 36-HD/VPTW; domain.md,
"The letterhead, by level").

The issuer of a report is the unit's committee, not the organization ("TỈNH ỦY GIA LAI", not
"ĐẢNG BỘ TỈNH GIA LAI"). The defaults are derived from the organization's name and its place in
the tree, because that is what an officer would write; every part can be overridden, per unit, by
the unit list's optional columns (``ten_cap_uy``, ``ky_hieu``, ``ban_thuong_vu``) and by the
workspace's report settings (:class:`ReportSettings`). Pure: the Word report and the signature
blocks of the workbooks both read the same :class:`Letterhead`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from evalreport.model.hierarchy import Hierarchy

__all__ = ["Letterhead", "ReportSettings", "UnitReportSettings", "letterhead", "committee_of", "committee_name"]


@dataclass(frozen=True)
class UnitReportSettings:
    """What an officer sets for the reports of one unit (every field optional: None means the default)."""

    place: str | None = None  # "Gia Lai" in "Gia Lai, ngày … tháng … năm …"
    number: str | None = None  # the document's number, "12" → "Số 12-BC/TU"
    signer_title: str | None = None  # "BÍ THƯ", "PHÓ BÍ THƯ"
    signer_name: str | None = None
    signs_for: str | None = None  # "T/M BAN THƯỜNG VỤ"
    issuer: str | None = None  # the committee's name as printed
    symbol: str | None = None  # "BC/TU"
    recipients: Sequence[str] | None = None  # the lines under "Nơi nhận:"
    preparer: str | None = None  # "NGƯỜI LẬP BIỂU" of the workbooks
    receiver: str | None = None  # "Đơn vị nhận báo cáo" (default: the parent's committee; set it for the root)

    def merged(self, other: UnitReportSettings | None) -> UnitReportSettings:
        """These settings with ``other``'s values where ``other`` sets one (a unit's over the workspace's)."""
        if other is None:
            return self
        return UnitReportSettings(**{k: (getattr(other, k) if getattr(other, k) is not None else getattr(self, k))
                                     for k in self.__dataclass_fields__})


@dataclass(frozen=True)
class ReportSettings:
    """The workspace's report settings: defaults for every unit, and per-unit overrides."""

    defaults: UnitReportSettings = field(default_factory=UnitReportSettings)
    units: Mapping[str, UnitReportSettings] = field(default_factory=dict)

    def for_unit(self, code: str) -> UnitReportSettings:
        return self.defaults.merged(self.units.get(code))


@dataclass(frozen=True)
class Letterhead:
    """Every printed part of a report's head and foot. ``superior`` is empty for the root."""

    superior: str  # "ĐẢNG BỘ TỈNH GIA LAI" (regular capitals, top left)
    issuer: str  # "HUYỆN ỦY CỦ CHI" (bold capitals)
    number: str  # "Số 12-BC/HU", or "Số      -BC/HU" to be filled in by hand
    symbol: str  # "BC/HU"
    signs_for: str  # "T/M BAN THƯỜNG VỤ"
    signer_title: str  # "BÍ THƯ"
    signer_name: str
    place: str  # "Củ Chi", or dots to be filled in by hand
    recipients: tuple[str, ...]
    preparer: str = ""
    receiver: str = ""  # "TỈNH ỦY GIA LAI": the parent's committee, empty for the root unless set


# (prefix of the organization's name, lower case) → (committee's title, number symbol). The first
# match wins, so longer prefixes come first.
_COMMITTEES: tuple[tuple[str, str, str], ...] = (
    ("đảng bộ thành phố ", "Thành ủy", "BC/TU"),
    ("đảng bộ thị xã ", "Thị ủy", "BC/TU"),
    ("đảng bộ thị trấn ", "Đảng ủy thị trấn", "BC/ĐU"),
    ("đảng bộ tỉnh ", "Tỉnh ủy", "BC/TU"),
    ("đảng bộ huyện ", "Huyện ủy", "BC/HU"),
    ("đảng bộ quận ", "Quận ủy", "BC/QU"),
    ("đảng bộ phường ", "Đảng ủy phường", "BC/ĐU"),
    ("đảng bộ đặc khu ", "Đảng ủy đặc khu", "BC/ĐU"),
    ("đảng bộ xã ", "Đảng ủy xã", "BC/ĐU"),
    ("đảng bộ bộ phận ", "Đảng ủy bộ phận", "BC/ĐU"),
    ("đảng bộ ", "Đảng ủy", "BC/ĐU"),
    ("chi bộ ", "Chi bộ", "BC/CB"),
)
_YES = {"có", "co", "x", "yes", "1", "true"}
_NO = {"không", "khong", "no", "0", "false"}
_BLANK_NUMBER = "Số      -{symbol}"
_BLANK_PLACE = "……………"


def committee_of(name: str) -> tuple[str, str] | None:
    """("TỈNH ỦY GIA LAI", "BC/TU") for "Đảng bộ tỉnh Gia Lai": the issuing committee and its
    number symbol derived from an organization's name; None when the name follows no known pattern."""
    found = _committee(name)
    return (found[0].upper(), found[1]) if found else None


def _committee(name: str) -> tuple[str, str] | None:
    """("Tỉnh ủy Gia Lai", "BC/TU"): the committee in running text, as "Nơi nhận:" prints it."""
    clean = re.sub(r"\s+", " ", name).strip()
    lower = clean.lower()
    for prefix, title, symbol in _COMMITTEES:
        if lower.startswith(prefix):
            return f"{title} {clean[len(prefix):]}", symbol
    return None


def committee_name(hierarchy: Hierarchy, code: str, settings: UnitReportSettings | None = None) -> str:
    """The committee of ``code`` in running text ("Huyện ủy Phước Bình"), for the recipient lines
    of the reports it receives or sends: the setting, the unit list's ``ten_cap_uy``, the name's
    committee, else the organization's name."""
    unit = hierarchy.unit(code)
    found = _committee(unit.name)
    return ((settings.issuer if settings else None) or _text((unit.extra or {}).get("ten_cap_uy"))
            or (found[0] if found else unit.name))


def _has_standing_committee(unit_extra: Mapping[str, object], level_index: int, depth: int) -> bool:
    """``ban_thuong_vu`` of the unit list when given; otherwise the levels above the base
    organizations (province, district) have one and the others do not."""
    given = str(unit_extra.get("ban_thuong_vu") or "").strip().lower()
    if given in _YES:
        return True
    if given in _NO:
        return False
    return level_index < depth - 2


def letterhead(hierarchy: Hierarchy, code: str, settings: UnitReportSettings | None = None,
               recipients: Sequence[str] = ()) -> Letterhead:
    """The letterhead of ``code``'s reports. ``recipients`` are the default lines under "Nơi nhận:"
    (the caller words them); ``settings`` (the workspace's for this unit) override any part."""
    s = settings or UnitReportSettings()
    unit = hierarchy.unit(code)
    parent = hierarchy.get(unit.parent) if unit.parent else None
    extra = unit.extra or {}
    keys = list(hierarchy.levels.keys)
    level_index = keys.index(unit.level) if unit.level in keys else len(keys) - 1

    derived = _issuer_and_symbol(hierarchy, code)
    issuer = s.issuer or derived[0]
    symbol = s.symbol or _text(extra.get("ky_hieu")) or derived[1]
    if s.signs_for:
        signs_for = s.signs_for
    elif symbol == "BC/CB":
        signs_for = "T/M CHI BỘ"
    elif _has_standing_committee(extra, level_index, len(keys)):
        signs_for = "T/M BAN THƯỜNG VỤ"
    else:
        signs_for = "T/M ĐẢNG ỦY"
    number = _number(s.number, symbol)
    return Letterhead(
        superior=parent.name.upper() if parent else "",
        issuer=issuer.upper(),
        number=number,
        symbol=symbol,
        signs_for=signs_for.upper(),
        signer_title=(s.signer_title or "BÍ THƯ").upper(),
        signer_name=s.signer_name or "",
        place=s.place or _BLANK_PLACE,
        recipients=tuple(s.recipients) if s.recipients is not None else tuple(recipients),
        preparer=s.preparer or "",
        receiver=(s.receiver or (_issuer_and_symbol(hierarchy, parent.code)[0] if parent else "")).upper(),
    )


def _number(given: str | None, symbol: str) -> str:
    """"Số 12-BC/TU" from "12"; a full number as typed ("Số 12-BC/TU", "12-BC/TU") is kept."""
    text = (given or "").strip()
    if not text:
        return _BLANK_NUMBER.format(symbol=symbol)
    if re.match(r"(số|no\.)\s", text, re.IGNORECASE):
        return text
    return f"Số {text}" if "/" in text else f"Số {text}-{symbol}"


def _issuer_and_symbol(hierarchy: Hierarchy, code: str) -> tuple[str, str]:
    """(issuing committee, number symbol) of ``code`` from the unit list (``ten_cap_uy``) or its
    name; the receiver of a unit's report is its parent's."""
    unit = hierarchy.unit(code)
    keys = list(hierarchy.levels.keys)
    is_leaf_level = unit.level == keys[-1] if unit.level in keys else True
    derived = committee_of(unit.name) or (f"CHI BỘ {unit.name}".upper() if is_leaf_level else unit.name.upper(),
                                         "BC/CB" if is_leaf_level else "BC/ĐU")
    return _text((unit.extra or {}).get("ten_cap_uy")) or derived[0], derived[1]


def _text(value: object) -> str:
    return str(value).strip() if value not in (None, "") else ""
