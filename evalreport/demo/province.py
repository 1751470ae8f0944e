"""A synthetic province: a four-level unit list with plausible Vietnamese names.

The places are invented (combinations of common place-name syllables), so the demo never
looks like the data of a real Party committee. Codes are hierarchical (``H01``, ``H01X03``,
``H01X03C07``) so an officer reading the outputs can tell where a unit sits.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

__all__ = ["SIZES", "DemoSize", "build_units", "reorganize", "unit_dicts", "Reorganization", "UnitRow"]

# (ma_don_vi, ten_don_vi, cap, ma_cap_tren[, hieu_luc_tu, hieu_luc_den, ke_thua])
UnitRow = tuple


@dataclass(frozen=True)
class Reorganization:
    """What changed in the unit list at the start of the demo year (docs/units-over-time.md)."""

    merged_from: tuple[str, str]  # two cells of one ward, last valid on 31/12 of the year before
    merged_into: str  # the cell they became on 1/1 of the demo year
    founded: str  # a cell founded on 1/1 of the demo year


@dataclass(frozen=True)
class DemoSize:
    districts: int
    wards: int  # total, spread over the districts
    cells: int  # total, spread over the wards
    months: int  # DV-THANG months before the end of the demo year


SIZES: dict[str, DemoSize] = {
    "tiny": DemoSize(districts=2, wards=4, cells=12, months=2),
    "small": DemoSize(districts=3, wards=30, cells=300, months=3),
    "province": DemoSize(districts=15, wards=250, cells=3000, months=3),
}

_FIRST = ["An", "Bình", "Cẩm", "Đông", "Gia", "Hòa", "Hưng", "Kim", "Long", "Minh", "Ngọc", "Phú", "Quang",
          "Sơn", "Tân", "Thạch", "Thanh", "Thuận", "Trung", "Vĩnh", "Xuân", "Yên", "Hải", "Lạc", "Phước"]
_SECOND = ["Lạc", "Hòa", "Thành", "Phú", "Lợi", "Sơn", "Hưng", "Thịnh", "Mỹ", "Đức", "Hải", "Bình", "Tiến",
           "Khánh", "Lâm", "Nghĩa", "Phong", "Quý", "Tường", "Vinh", "An", "Điền", "Giang", "Hà", "Xuyên"]
_DISTRICT_KINDS = [("huyện", 0.7), ("thị xã", 0.2), ("thành phố", 0.1)]
_WARD_KINDS = [("Đảng bộ xã", 0.6), ("Đảng bộ phường", 0.2), ("Đảng bộ thị trấn", 0.08),
               ("Đảng bộ Cơ quan", 0.06), ("Đảng bộ Bệnh viện", 0.06)]
_VILLAGE = ["thôn", "ấp", "khu phố", "tổ dân phố", "bản"]
_AGENCY_CELLS = ["Chi bộ Trường Tiểu học", "Chi bộ Trường THCS", "Chi bộ Trạm Y tế", "Chi bộ Quân sự",
                 "Chi bộ Công an", "Chi bộ Hợp tác xã", "Chi bộ Văn phòng"]


def _pick(rng: random.Random, weighted: list[tuple[str, float]]) -> str:
    return rng.choices([w for w, _ in weighted], [p for _, p in weighted])[0]


def _spread(total: int, parts: int, rng: random.Random) -> list[int]:
    """``total`` split into ``parts`` near-equal whole numbers (at least 1 each), shuffled."""
    base, extra = divmod(total, parts)
    sizes = [base + (i < extra) for i in range(parts)]
    rng.shuffle(sizes)
    return sizes


def _place(rng: random.Random, used: set[str]) -> str:
    for _ in range(1000):
        name = f"{rng.choice(_FIRST)} {rng.choice(_SECOND)}"
        if name not in used and name.split()[0] != name.split()[1]:
            used.add(name)
            return name
    name = f"{rng.choice(_FIRST)} {len(used) + 1}"
    used.add(name)
    return name


def build_units(size: DemoSize, rng: random.Random) -> list[UnitRow]:
    """Rows ``(ma_don_vi, ten_don_vi, cap, ma_cap_tren)``, root first, parents before children."""
    used: set[str] = set()
    province = _place(rng, used)
    rows: list[UnitRow] = [("TINH", f"Đảng bộ tỉnh {province}", "tinh", None)]
    wards_per_district = _spread(size.wards, size.districts, rng)
    cells_per_ward = _spread(size.cells, size.wards, rng)
    w = 0
    for d, n_wards in enumerate(wards_per_district, start=1):
        dcode = f"H{d:02d}"
        rows.append((dcode, f"Đảng bộ {_pick(rng, _DISTRICT_KINDS)} {_place(rng, used)}", "huyen", "TINH"))
        for x in range(1, n_wards + 1):
            xcode = f"{dcode}X{x:02d}"
            kind = _pick(rng, _WARD_KINDS)
            rows.append((xcode, f"{kind} {_place(rng, used)}", "co_so", dcode))
            village = rng.choice(_VILLAGE)
            agencies = rng.sample(_AGENCY_CELLS, k=min(len(_AGENCY_CELLS), max(0, cells_per_ward[w] // 4)))
            for c in range(1, cells_per_ward[w] + 1):
                name = agencies[c - 1 - (cells_per_ward[w] - len(agencies))] \
                    if c > cells_per_ward[w] - len(agencies) else f"Chi bộ {village} {c}"
                rows.append((f"{xcode}C{c:02d}", name, "chi_bo", xcode))
            w += 1
    return rows


def reorganize(rows: list[UnitRow], year: int) -> tuple[list[UnitRow], Reorganization]:
    """The unit list over two years: in the ward with the most cells, its first two cells merge
    into a new cell on 1 January of ``year`` and a cell is founded the same day, so the demo shows
    a comparison "tính theo đơn vị hành chính mới". Other rows keep four columns (always valid)."""
    cells: dict[str, list[UnitRow]] = {}
    for r in rows:
        if r[2] == "chi_bo":
            cells.setdefault(r[3], []).append(r)
    ward = max(cells, key=lambda w: len(cells[w]))  # the first of the largest wards
    old1, old2 = cells[ward][0], cells[ward][1]
    n = len(cells[ward])
    merged, founded = f"{ward}C{n + 1:02d}", f"{ward}C{n + 2:02d}"
    end, start = f"31/12/{year - 1}", f"01/01/{year}"
    out: list[UnitRow] = []
    for r in rows:
        out.append((*r, None, end, None) if r in (old1, old2) else r)
        if r is cells[ward][-1]:
            out.append((merged, f"{old1[1]} - {old2[1].rsplit(' ', 1)[-1]}", "chi_bo", ward, start, None,
                        f"{old1[0]}, {old2[0]}"))
            out.append((founded, "Chi bộ Doanh nghiệp", "chi_bo", ward, start, None, None))
    return out, Reorganization((old1[0], old2[0]), merged, founded)


def unit_dicts(rows: list[UnitRow]) -> list[dict]:
    """The rows as :func:`evalreport.model.unit_list.load_hierarchy` reads them."""
    names = ("ma_don_vi", "ten_don_vi", "cap", "ma_cap_tren", "hieu_luc_tu", "hieu_luc_den", "ke_thua")
    return [dict(zip(names, r, strict=False)) for r in rows]
