"""A ledger written before the submission codec (model/codec.py) still opens: its rows, as the
previous code wrote them (copied from a ledger.sqlite it made), decode to the same submissions
and findings, and a run over it consolidates them."""

from __future__ import annotations

from evalreport.store.ledger import Ledger
from evalreport.store.records import findings_from_json

CELLS = ('{"dv_tong_so": "DG-NAM!C9", "dv_mien": "DG-NAM!C10"}')
OLD_ROWS = [
    # (sha256, original_name, form, unit, unit_name, period, status, findings_json, values_json, cells_json,
    #  ratings_json, version)
    ("a" * 64, "DG-NAM_2021_C01.xlsx", "DG-NAM", "C01", "Chi bộ ấp 1", "2021", "ok", "[]",
     '{"dv_mien": 1, "dv_tong_so": 20}', CELLS, "[]", 1),
    ("b" * 64, "DG-NAM_2021_X01.xlsx", "DG-NAM", "X01", "Đảng bộ xã An Phú", "2021", "ok", "[]",
     '{"dv_mien": 2, "dv_tong_so": 40}', CELLS,
     '[{"cell": "DG-NAM!D40", "code": "C01", "name": "Chi bộ ấp 1", "rating": "HTTNV", "raw_rating": '
     '"Hoàn thành tốt", "reason": null, "tsvm": true}]', 1),
    ("c" * 64, "broken.xlsx", None, None, None, None, "unreadable",
     '[{"cell": null, "details": {}, "file": "broken.xlsx", "messages": {"en": "The file is not an Excel '
     'workbook (.xlsx)", "vi": "Tệp không phải là sổ tính Excel (.xlsx)"}, "row": null, "rule": "FILE_NOT_ZIP", '
     '"severity": "error", "sheet": null, "unit": null}]', "{}", "{}", "[]", None),
]


def test_rows_written_by_the_previous_code_decode(tmp_path):
    with Ledger(tmp_path / "ledger.sqlite") as ledger, ledger.transaction() as c:
        for sha, name, form, unit, unit_name, period, status, found, values, cells, ratings, version in OLD_ROWS:
            c.execute("INSERT INTO files(sha256, size, original_name, archive_path, received_at, file_mtime, form,"
                      " form_version, unit, unit_name, period, kind, status, findings_json, check_json, values_json,"
                      " cells_json, ratings_json, version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                      (sha, 9914, name, f"archive/{sha[:2]}/{sha}.xlsx", "2026-12-04T19:25:34+00:00",
                       "2023-11-14T22:13:20", form, "2025.1" if form else None, unit, unit_name, period,
                       "template", status, found, "[]", values, cells, ratings, version))
    with Ledger(tmp_path / "ledger.sqlite") as ledger:
        c01, x01 = ledger.submissions("DG-NAM", "2021")
        assert (c01.unit_code, c01.values, str(c01.cell_of("dv_tong_so"))) == ("C01", {"dv_mien": 1, "dv_tong_so": 20},
                                                                                "DG-NAM!C9")
        assert c01.provenance.name == "DG-NAM_2021_C01.xlsx" and c01.provenance.modified.year == 2023
        (rating,) = x01.ratings
        assert (rating.code, rating.rating, rating.tsvm, rating.raw_rating, str(rating.cell)) == (
            "C01", "HTTNV", True, "Hoàn thành tốt", "DG-NAM!D40")
        (finding,) = [f for row in ledger.unreadable() for f in findings_from_json(row["findings_json"])]
        assert (finding.rule, finding.file, finding.message("vi")) == (
            "FILE_NOT_ZIP", "broken.xlsx", "Tệp không phải là sổ tính Excel (.xlsx)")
