"""The unit list kept as plain rows in the workspace's cache: opening the workspace again gives
the very hierarchy the list's file gives (units, every dated row, the problems found, the
fingerprint the run cache is keyed by); a changed, damaged or unwritable cache only means the
file is read again."""

from __future__ import annotations

from pathlib import Path

from evalreport.model.levels import load_levels
from evalreport.model.period import parse_period
from evalreport.model.unit_list import load_hierarchy
from evalreport.store.result_cache import CACHE_FOLDER
from evalreport.store.unit_list_cache import load_unit_list

LIST = """ma_don_vi,ten_don_vi,cap,ma_cap_tren,hieu_luc_tu,hieu_luc_den,ke_thua,ghi_chu
T01,Tỉnh,tinh,,,,,
H01,Huyện 1,huyen,T01,,,,ghi chú
X01 ,Xã 1,co_so,H01,,31/12/2022,,
X02,Xã 2,co_so,H01,01/01/2023,,X01,
C01,Chi bộ 1,chi_bo,X01,,31/12/2022,,
C01,Chi bộ 1,chi_bo,X02,01/01/2023,,,
"""


def _view(h):
    return ([(u, u.extra) for u in h], [(u, u.extra) for u in h.rows], h.problems, h.fingerprint(),
            [(p, [(u.code, u.parent) for u in h.at(parse_period(p))]) for p in ("2022", "2023")])


def _write(folder: Path, text: str = LIST) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / "don_vi.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_cached_unit_list_is_the_hierarchy_its_file_gives(tmp_path):
    path = _write(tmp_path)
    levels = load_levels("default")
    read = load_hierarchy(path, levels)
    assert [p.rule for p in read.problems] == ["HIER_SPACES"] and read.dated
    first = load_unit_list(tmp_path, path, levels)
    assert (tmp_path / CACHE_FOLDER).is_dir()
    again = load_unit_list(tmp_path, path, levels)
    assert _view(first) == _view(read) == _view(again)


def test_a_changed_list_or_a_damaged_cache_means_the_file_is_read_again(tmp_path):
    path = _write(tmp_path)
    levels = load_levels("default")
    load_unit_list(tmp_path, path, levels)
    _write(tmp_path, LIST.replace("Huyện 1", "Huyện Một"))
    assert load_unit_list(tmp_path, path, levels).name("H01") == "Huyện Một"
    for damaged in (b"", b"\x00garbage", (tmp_path / CACHE_FOLDER / "unit_list.rows").read_bytes()[:100]):
        for cached in (tmp_path / CACHE_FOLDER).iterdir():
            cached.write_bytes(damaged)
        assert _view(load_unit_list(tmp_path, path, levels)) == _view(load_hierarchy(path, levels))


def test_a_cache_that_cannot_be_written_still_gives_the_list(tmp_path):
    path = _write(tmp_path)
    (tmp_path / CACHE_FOLDER).write_text("not a folder")
    levels = load_levels("default")
    assert _view(load_unit_list(tmp_path, path, levels)) == _view(load_hierarchy(path, levels))
