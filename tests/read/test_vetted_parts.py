"""The parser reads what the archive guard vetted: the XML parts repacked uncompressed
(stored_zip), with the same Submission as from the file as received; and the failures found
on the way (a panic inside calamine, a zip version zipfile does not know, a damaged mimetype)
are findings, not exceptions."""

from __future__ import annotations

import hashlib
import io
import struct
import zipfile
import zlib

import pytest

from evalreport import ChildRating, fill_template, read_submission
from evalreport.form.metadata import _checksum
from evalreport.read import guard as guard_module
from evalreport.read import workbook as reader_module
from evalreport.read.guard import ReadLimits, check_archive
from evalreport.read.stored_zip import stored_zip
from evalreport.store.records import dumps, findings_to_json


@pytest.fixture
def good(tmp_path, form, four) -> bytes:
    values = {c: i + 1 for i, c in enumerate(form.field_codes)}
    return fill_template(form, "C01", "2021", four, tmp_path / "good.xlsx", values).read_bytes()


@pytest.fixture
def ward(tmp_path, form, four) -> bytes:
    values = {c: 3 for c in form.field_codes}
    ratings = [ChildRating("C01", "", "HTXSNV", tsvm=True), ChildRating("C02", "", None, raw_rating="hoan thanh")]
    return fill_template(form, "X01", "2021", four, tmp_path / "ward.xlsx", values, ratings).read_bytes()


def _xml_parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {i.filename: z.read(i) for i in z.infolist() if i.filename.endswith((".xml", ".rels"))}


def _same(a, b) -> bool:
    fields = ("form_code", "form_version", "unit_code", "period", "values", "cells", "ratings", "kind", "unit_name")
    return (all(getattr(a, f) == getattr(b, f) for f in fields)
            and [(f.rule, f.cell, f.params) for f in a.findings] == [(f.rule, f.cell, f.params) for f in b.findings])


def test_stored_zip_reads_back_with_zipfile_names_and_crcs():
    members = [("a.xml", b"<a/>"), ("xl/đơn vị.xml", "<b>Chi bộ</b>".encode()), ("empty.xml", b"")]
    data = stored_zip((n, c, zlib.crc32(c)) for n, c in members)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.testzip() is None
        assert [(i.filename, i.compress_type, i.file_size) for i in z.infolist()] == [
            (n, zipfile.ZIP_STORED, len(c)) for n, c in members]
        assert [z.read(n) for n, _ in members] == [c for _, c in members]


def test_the_vetted_archive_holds_every_xml_part_exactly_and_nothing_else(good):
    media = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(media, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        dst.writestr("xl/media/image1.png", b"\x89PNG" + bytes(100))
    result = check_archive(media.getvalue())
    assert result.ok and result.vetted is not None
    assert _xml_parts(result.vetted) == _xml_parts(good)
    with zipfile.ZipFile(io.BytesIO(result.vetted)) as z:
        assert "xl/media/image1.png" not in z.namelist()
        assert {i.compress_type for i in z.infolist()} == {zipfile.ZIP_STORED}


@pytest.mark.parametrize("method", [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])
def test_reading_the_vetted_parts_gives_the_submission_of_the_file_itself(tmp_path, ward, method, monkeypatch):
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(ward)) as src, zipfile.ZipFile(out, "w", method) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info))
    path = tmp_path / "x01.xlsx"
    path.write_bytes(out.getvalue())
    fast = read_submission(path)
    assert fast.values["dv_tong_so"] == 3 and [r.rating for r in fast.ratings] == ["HTXSNV", None, None]
    real = guard_module.check_archive
    monkeypatch.setattr(reader_module, "check_archive",
                        lambda *a, **k: _without_vetted(real(*a, **k)))
    assert _same(fast, read_submission(path))


def test_parts_compressed_in_a_way_calamine_cannot_are_read_from_the_vetted_archive(tmp_path, ward, monkeypatch):
    """bzip2 is a valid zip method that calamine's zip reader lacks: the file as received was
    "damaged" (FILE_CORRUPT); its vetted parts, which the guard decompressed, read normally."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(ward)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_BZIP2) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info))
    path = tmp_path / "x01.xlsx"
    path.write_bytes(out.getvalue())
    assert read_submission(path).values["dv_tong_so"] == 3
    real = guard_module.check_archive
    monkeypatch.setattr(reader_module, "check_archive", lambda *a, **k: _without_vetted(real(*a, **k)))
    assert [f.rule for f in read_submission(path).findings] == ["FILE_CORRUPT"]


def _without_vetted(result):
    result.vetted = None
    return result


def test_no_repack_over_the_holding_limit_and_a_name_twice_is_refused(good, monkeypatch):
    assert check_archive(good).vetted is not None
    monkeypatch.setattr(guard_module, "KEEP_BYTES", 1000)
    big = check_archive(good)
    assert big.ok and big.vetted is None
    monkeypatch.undo()
    twice = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(twice, "w") as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info))
        with pytest.warns(UserWarning):
            dst.writestr("docProps/app.xml", b"<Properties/>")
    result = check_archive(twice.getvalue())  # which copy a parser reads is its choice: refused
    assert [f.rule for f in result.findings] == ["FILE_STRUCTURE"] and "docProps/app.xml" in result.findings[0].message("vi")


def test_empty_cells_are_explained_from_the_vetted_parts(tmp_path, form, four):
    values = {c: 1 for c in form.field_codes}
    values[form.field_codes[0]] = None
    path = fill_template(form, "C01", "2021", four, tmp_path / "blank.xlsx", values)
    sub = read_submission(path, form)
    assert [f.rule for f in sub.findings] == ["VALUE_BLANK"]


def test_a_zip_version_zipfile_does_not_know_is_a_corrupt_file(good):
    data = bytearray(good)
    central = data.rfind(b"PK\x01\x02")
    struct.pack_into("<H", data, central + 6, 148)  # "version needed to extract": 14.8
    (f,) = check_archive(bytes(data), file="x.xlsx").findings
    assert f.rule == "FILE_CORRUPT" and "14.8" in f.message("en")


def test_a_damaged_mimetype_member_is_not_an_exception():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("mimetype", b"application/vnd.oasis.opendocument.spreadsheet" * 10)
        z.writestr("content.xml", b"<office:document-content/>")
    data = bytearray(out.getvalue())
    start = data.find(b"mimetype") + len(b"mimetype")
    data[start:start + 8] = b"\xff" * 8  # the deflate stream no longer inflates
    (f,) = check_archive(bytes(data)).findings
    assert f.rule == "FILE_NOT_WORKBOOK"


class PanicException(BaseException):
    """What python-calamine raises for a Rust panic (a BaseException, named like this)."""


def test_a_panic_inside_calamine_is_a_corrupt_file_and_an_interrupt_is_not_swallowed(tmp_path, good, monkeypatch):
    path = tmp_path / "good.xlsx"
    path.write_bytes(good)

    def panic(_source):
        raise PanicException("range end index 116 out of range\nnote: run with RUST_BACKTRACE=1")

    monkeypatch.setattr(reader_module.CalamineWorkbook, "from_filelike", panic)
    (f,) = read_submission(path).findings
    assert f.rule == "FILE_CORRUPT" and "range end index 116 out of range;" in f.message("en")

    def interrupted(_source):
        raise KeyboardInterrupt

    monkeypatch.setattr(reader_module.CalamineWorkbook, "from_filelike", interrupted)
    with pytest.raises(KeyboardInterrupt):
        read_submission(path)


def test_a_part_no_larger_than_its_head_is_checked_as_the_stream_checks_it(good):
    sheet = _xml_parts(good)["xl/worksheets/sheet1.xml"]
    far = sheet.replace(b"</sheetData>", b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>')
    data = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, far if info.filename == "xl/worksheets/sheet1.xml" else src.read(info))
    whole = check_archive(data.getvalue()).findings  # the part fits in the head: one step
    streamed = check_archive(data.getvalue(), ReadLimits(xml_head_bytes=256)).findings  # read in pieces
    assert [(f.rule, f.params["cell"]) for f in whole] == [(f.rule, f.params["cell"]) for f in streamed] == [
        ("LIMIT_SHEET_CELLS", "XFD1048576")]
    empty = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(empty, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info))
        dst.writestr("customXml/item1.xml", b"")
    assert check_archive(empty.getvalue()).ok


def _old_checksum(rows) -> str:  # the row-by-row form the metadata checksum was defined with
    h = hashlib.sha256()
    for row in rows:
        cells = list(row)
        while cells and cells[-1] == "":
            cells.pop()
        h.update("\x1f".join(cells).encode("utf-8"))
        h.update(b"\x1e")
    return h.hexdigest()


def test_metadata_checksum_is_the_one_files_carry():
    rows = [["form_code", "DG-NAM"], ["child", "C01", "Chi bộ 1", "", ""], [], ["", "x"], ["unit_name", "Đảng bộ"]]
    assert _checksum(rows) == _old_checksum(rows)
    assert _checksum([]) == _old_checksum([]) == hashlib.sha256(b"").hexdigest()


def test_ledger_json_is_what_json_dumps_wrote():
    import json
    from datetime import datetime

    from evalreport.store.records import _default

    for value in ({"b": 1, "a": [1, {"đ": None}]}, {"at": datetime(2025, 1, 2, 3, 4)}, [], {}):
        assert dumps(value) == json.dumps(value, ensure_ascii=False, default=_default, sort_keys=True)
    assert findings_to_json([]) == "[]"
