"""The one codec of a submission and a finding: a record is plain JSON, and decoding it gives
back the submission the reader made (values, cells, child ratings, provenance, findings)."""

from __future__ import annotations

import json
from datetime import datetime, timezone

from evalreport.model.codec import (
    finding_from_record,
    finding_to_record,
    submission_from_record,
    submission_to_record,
)
from evalreport.model.finding import make_finding
from evalreport.model.period import parse_period
from evalreport.model.submission import CellRef, ChildRating, Provenance, Submission


def _submission() -> Submission:
    finding = make_finding("FILE_EMPTY", "warning", unit="X01", file="a.xlsx", sheet="S", cell="B3", row=3)
    return Submission(
        "DG-NAM", "2025.1", "X01", parse_period("2021"), {"dv_tong_so": 40, "dv_mien": None},
        cells={"dv_tong_so": CellRef("DG-NAM", "C9"), "dv_mien": CellRef("DG-NAM", "C10")},
        ratings=[ChildRating("C01", "Chi bộ ấp 1", "HTTNV", True, "lý do", "Hoàn thành tốt", CellRef("DG-NAM", "D40")),
                 ChildRating("C02", "Chi bộ ấp 2", None)],
        provenance=Provenance("archive/ab/x.xlsx", "x.xlsx", 9914, "ab" * 32,
                              datetime(2025, 1, 2, 3, 4, 5, tzinfo=timezone.utc)),
        findings=[finding], kind="summary", unit_name="Đảng bộ xã An Phú", replaces="cd" * 32)


def test_a_submission_survives_its_record_through_json():
    sub = _submission()
    record = json.loads(json.dumps(submission_to_record(sub), ensure_ascii=False))
    assert submission_from_record(record) == sub


def test_a_finding_survives_its_record_through_json():
    finding = make_finding("DV_TOTAL_MISMATCH", "error", params={"a": 1, "b": 2}, unit="C01", cell="C9")
    assert finding_from_record(json.loads(json.dumps(finding_to_record(finding)))) == finding


def test_an_unreadable_file_decodes_with_no_identity():
    sub = Submission("", "", "", None, {}, findings=[make_finding("FILE_EMPTY", "error", file="b.xlsx")])
    back = submission_from_record(json.loads(json.dumps(submission_to_record(sub))))
    assert back == sub and back.period is None and not back.ok


def test_a_submission_in_head_and_body_is_the_submission_until_looked_into_and_after():
    import copy
    import marshal
    import pickle

    from evalreport.model.codec import submission_body_from_record, submission_from_head, submission_to_head

    sub = _submission()
    head, body = submission_to_head(sub)
    blob = marshal.dumps((head, marshal.dumps(body)))
    opened = []

    def decode(b):
        opened.append(1)
        return submission_body_from_record(marshal.loads(b))

    def restored():
        h, b = marshal.loads(blob)
        return submission_from_head(h, decode, b)

    back = restored()
    assert (back.unit_code, back.file_name, back.provenance, back.period) == (
        sub.unit_code, sub.file_name, sub.provenance, sub.period)
    assert not opened  # the head alone: values, cells, ratings and findings still encoded
    assert back == sub and back.ok == sub.ok and opened == [1]
    assert pickle.loads(pickle.dumps(restored())) == sub  # as sent to a render worker
    assert copy.deepcopy(restored()) == sub and copy.copy(restored()) == sub
    assert not hasattr(restored(), "no_such_field")
