"""A benchmark corpus: N filled DG-NAM cell workbooks for a four-level hierarchy sized to N.

Why two ways of writing files: :func:`evalreport.fill_template` (openpyxl) costs ~25 ms a file,
so 100,000 files would take most of an hour. The corpus therefore writes ``distinct`` files
(a few hundred) exactly as the product does, and makes every other file by *cloning* one of
them: the zip's XML parts are copied and only what differs between two cells' workbooks is
rewritten, namely

* the unit code and unit name (header cells of the input sheet and metadata rows),
* the metadata ``fingerprint`` and ``checksum`` rows, recomputed with the product's own
  :func:`~evalreport.form.metadata.meta_rows` for the new unit (so the reader accepts them),
* the value of every count cell (``<c r="C9" ...><v>15</v></c>``), from the cell's own numbers.

Styles, the instructions sheet, data validations, theme and page setup stay byte for byte those
of a real template, so a clone has the size and parts of a file an officer sends back. Values
come from :func:`evalreport.demo.values.cell_year` (every rule holds), so an end-to-end run has
no findings to write except the few it should.
"""

from __future__ import annotations

import io
import math
import os
import random
import re
import zipfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evalreport import fill_template, load_form, load_hierarchy
from evalreport.demo.values import cell_year
from evalreport.form.layout import FormLayout
from evalreport.form.metadata import meta_rows
from evalreport.model.hierarchy import Hierarchy
from evalreport.render.workbook.template_writer import generator_name

__all__ = ["Corpus", "build_units", "write_corpus", "rewrite_file", "FORM", "PERIOD"]

FORM = "DG-NAM"
PERIOD = "2025"
CELLS_PER_WARD = 12
WARDS_PER_DISTRICT = 16
Unit = tuple[str, str, str, str | None]


def build_units(n_cells: int) -> list[Unit]:
    """Province -> districts -> wards -> ``n_cells`` cells, sized like a real province (about 12
    cells a ward, 16 wards a district); codes are hierarchical, names Vietnamese."""
    wards = max(1, math.ceil(n_cells / CELLS_PER_WARD))
    districts = max(1, math.ceil(wards / WARDS_PER_DISTRICT))
    rows: list[Unit] = [("TINH", "Đảng bộ tỉnh Thử Nghiệm", "tinh", None)]
    ward_codes: list[str] = []
    for d in range(districts):
        dcode = f"H{d + 1:03d}"
        rows.append((dcode, f"Đảng bộ huyện Số {d + 1}", "huyen", "TINH"))
        n = wards // districts + (d < wards % districts)
        for x in range(n):
            xcode = f"{dcode}X{x + 1:02d}"
            rows.append((xcode, f"Đảng bộ xã Hòa Bình {d + 1}-{x + 1}", "co_so", dcode))
            ward_codes.append(xcode)
    for w, xcode in enumerate(ward_codes):
        n = n_cells // wards + (w < n_cells % wards)
        rows += [(f"{xcode}C{c + 1:02d}", f"Chi bộ khu phố {c + 1}", "chi_bo", xcode) for c in range(n)]
    return rows


def hierarchy_of(units: list[Unit]) -> Hierarchy:
    return load_hierarchy([{"ma_don_vi": c, "ten_don_vi": n, "cap": lv, "ma_cap_tren": p} for c, n, lv, p in units])


def file_name(unit: str) -> str:
    return f"{FORM}_{PERIOD}_{unit}.xlsx"


@dataclass
class Corpus:
    folder: Path
    units: list[Unit]
    cells: list[str]
    distinct: int  # files written by fill_template; the rest are clones

    def path(self, unit: str) -> Path:
        return self.folder / file_name(unit)

    @property
    def paths(self) -> list[Path]:
        return [self.path(c) for c in self.cells]


def _xml_text(text: str) -> bytes:
    """Text as openpyxl writes it in an inline string: escaped, non-ASCII as character references."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return escaped.encode("ascii", "xmlcharrefreplace")


# -- worker side -------------------------------------------------------------------------------
_W: dict[str, Any] = {}


def _init(units: list[Unit], seed: int) -> None:
    _W["h"] = hierarchy_of(units)
    _W["form"] = load_form(FORM)
    _W["seed"] = seed
    _W["bases"] = {}


def _values(unit: str, salt: int = 0) -> dict[str, int]:
    return cell_year(random.Random(f"{_W['seed']}:{unit}:{salt}"), _W["form"].field_codes)


def _identity(unit: str) -> dict[bytes, bytes]:
    """The strings of ``unit``'s workbook that differ between cells (old text -> new text)."""
    layout = FormLayout.for_unit(_W["form"], unit, _W["h"], "vi")
    rows = meta_rows(layout, period=PERIOD, kind="template", generator=generator_name())
    by_key = {r[0]: r[1] for r in rows}
    return {k: _xml_text(by_key[k]) for k in ("unit_code", "unit_name", "fingerprint", "checksum")}


def _write_distinct(args: tuple[str, str]) -> str:
    folder, unit = args
    fill_template(_W["form"], unit, PERIOD, _W["h"], Path(folder) / file_name(unit), _values(unit))
    return unit


def _base(folder: str, unit: str) -> tuple[list[tuple[zipfile.ZipInfo, bytes]], dict[bytes, bytes], dict[str, str]]:
    """A distinct file's parts, decompressed once per worker, with its identity strings."""
    if unit not in _W["bases"]:
        with zipfile.ZipFile(Path(folder) / file_name(unit)) as zf:
            parts = [(info, zf.read(info)) for info in zf.infolist()]
        cells = FormLayout.for_unit(_W["form"], unit, _W["h"], "vi").cell_map()
        _W["bases"][unit] = (parts, _identity(unit), cells)
    return _W["bases"][unit]


def clone_bytes(folder: str, base: str, unit: str, values: dict[str, int]) -> bytes:
    """``base``'s workbook rewritten to be ``unit``'s, holding ``values``."""
    parts, old, cells = _base(folder, base)
    new = _identity(unit)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, data in parts:
            if info.filename.startswith("xl/worksheets/"):
                for key, text in old.items():
                    data = data.replace(b"<t>" + text + b"</t>", b"<t>" + new[key] + b"</t>")
                for code, ref in cells.items():
                    if code in values:
                        data = re.sub(rb'(<c r="' + ref.encode() + rb'"[^>]*><v>)[^<]*(</v>)',
                                      rb"\g<1>" + str(values[code]).encode() + rb"\g<2>", data, count=1)
            zf.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _write_clone(args: tuple[str, str, str]) -> str:
    folder, base, unit = args
    data = clone_bytes(folder, base, unit, _values(unit))
    tmp = Path(folder) / f".{unit}.tmp"
    tmp.write_bytes(data)
    os.replace(tmp, Path(folder) / file_name(unit))
    return unit


def rewrite_file(corpus: Corpus, unit: str, salt: int, seed: int = 7) -> dict[str, int]:
    """Give ``unit``'s file new numbers (as when an officer sends a correction); returns them."""
    _init(corpus.units, seed)
    values = _values(unit, salt)
    base = corpus.cells[0]
    data = clone_bytes(str(corpus.folder), base, unit, values)
    corpus.path(unit).write_bytes(data)
    return values


def write_corpus(folder: Path, n: int, *, distinct: int = 300, workers: int = 2, seed: int = 7) -> Corpus:
    """Write ``n`` cell workbooks into ``folder`` (``distinct`` through fill_template, the rest cloned)."""
    folder.mkdir(parents=True, exist_ok=True)
    units = build_units(n)
    cells = [u[0] for u in units if u[2] == "chi_bo"]
    distinct = min(distinct, len(cells))
    firsts = cells[:distinct]
    with ProcessPoolExecutor(max_workers=workers, initializer=_init, initargs=(units, seed)) as pool:
        list(pool.map(_write_distinct, [(str(folder), u) for u in firsts], chunksize=8))
        clones = [(str(folder), firsts[i % distinct], u) for i, u in enumerate(cells[distinct:])]
        list(pool.map(_write_clone, clones, chunksize=64))
    return Corpus(folder, units, cells, distinct)
