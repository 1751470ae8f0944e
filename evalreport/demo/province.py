"""A synthetic province: a four-level unit list with plausible Vietnamese names.

The places are invented (combinations of common place-name syllables), so the demo never
looks like the data of a real Party committee. Codes are hierarchical (``H01``, ``H01X03``,
``H01X03C07``) so an officer reading the outputs can tell where a unit sits.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

__all__ = ["SIZES", "DemoSize", "build_units"]


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


def build_units(size: DemoSize, rng: random.Random) -> list[tuple[str, str, str, str | None]]:
    """Rows ``(ma_don_vi, ten_don_vi, cap, ma_cap_tren)``, root first, parents before children."""
    used: set[str] = set()
    province = _place(rng, used)
    rows: list[tuple[str, str, str, str | None]] = [("TINH", f"Đảng bộ tỉnh {province}", "tinh", None)]
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
