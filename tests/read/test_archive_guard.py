"""Hostile and broken files: each is a specific finding before any parser runs, never an exception."""

from __future__ import annotations

import io
import zipfile

import pytest

from evalreport import fill_template, read_submission
from evalreport.read.guard import OLE2_MAGIC, ReadLimits, check_archive

BILLION_LAUGHS = (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
                  b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
                  b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>\n')
XXE = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'


@pytest.fixture
def good(tmp_path, form, four) -> bytes:
    values = {c: 1 for c in form.field_codes}
    return fill_template(form, "C01", "2021", four, tmp_path / "good.xlsx", values).read_bytes()


def _rezip(data: bytes, *, replace: dict[str, bytes] | None = None, add: dict[str, bytes] | None = None,
           compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", compression) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, (replace or {}).get(info.filename, src.read(info.filename)))
        for name, content in (add or {}).items():
            dst.writestr(name, content)
    return out.getvalue()


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in members.items():
            z.writestr(name, content)
    return out.getvalue()


def _sheet(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read("xl/worksheets/sheet1.xml")


def _cases(good: bytes) -> dict[str, tuple[bytes, str]]:
    sheet = _sheet(good)
    body = sheet.split(b"?>", 1)[1] if sheet.startswith(b"<?xml") else sheet
    return {
        "empty": (b"", "FILE_EMPTY"),
        "not_a_zip": (b"ma_don_vi,ten_don_vi\nC01,Chi bo\n", "FILE_NOT_ZIP"),
        "truncated": (good[: len(good) // 2], "FILE_CORRUPT"),
        "docx": (_zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"}), "FILE_WORD"),
        "odt": (_zip({"mimetype": b"application/vnd.oasis.opendocument.text",
                      "content.xml": b"<office:document-content/>"}), "FILE_OPENDOCUMENT_OTHER"),
        "ods_without_manifest": (_zip({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
                                       "content.xml": b"<office:document-content/>"}), "FILE_STRUCTURE"),
        "html_as_xls": (b"\xef\xbb\xbf<html xmlns:x='urn:schemas-microsoft-com:office:excel'><body><table>"
                        b"<tr><td>C01</td></tr></table></body></html>", "FILE_HTML"),
        "xml_spreadsheet": (b'<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?><Workbook '
                            b'xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet><Table/></Worksheet>'
                            b'</Workbook>', "FILE_XML_SPREADSHEET"),
        "zip_of_photos": (_zip({"a.jpg": b"\xff\xd8\xff"}), "FILE_NOT_WORKBOOK"),
        "encrypted": (OLE2_MAGIC + b"\0" * 100 + "EncryptionInfo".encode("utf-16-le") + b"\0" * 100,
                      "FILE_ENCRYPTED"),
        "bomb": (_rezip(good, add={"xl/media/pad.xml": b"<a>" + b"0" * (8 * 1024 * 1024) + b"</a>"}), "LIMIT_RATIO"),
        "billion_laughs": (_rezip(good, replace={"xl/worksheets/sheet1.xml": BILLION_LAUGHS + body}), "XML_DTD"),
        "xxe": (_rezip(good, replace={"xl/workbook.xml": XXE + b"<workbook/>"}), "XML_DTD"),
        "long_prolog": (_rezip(good, replace={"xl/styles.xml": b'<?xml version="1.0"?>' + b" " * 40_000 + b"<a/>"}),
                        "XML_PROLOG"),
        "traversal": (_rezip(good, add={"../../evil.xml": b"<a/>"}), "ZIP_PATH_TRAVERSAL"),
        "absolute": (_rezip(good, add={"/etc/cron.d/x": b"x"}), "ZIP_PATH_TRAVERSAL"),
    }


def test_each_bad_file_gives_its_finding(good):
    for name, (data, rule) in _cases(good).items():
        result = check_archive(data, file=f"{name}.xlsx")
        assert not result.ok, name
        assert [f.rule for f in result.findings] == [rule], name
        assert result.findings[0].severity == "error" and result.findings[0].file == f"{name}.xlsx"


def test_reader_returns_the_same_finding_and_never_raises(tmp_path, good):
    for name, (data, rule) in _cases(good).items():
        path = tmp_path / f"{name}.xlsx"
        path.write_bytes(data)
        sub = read_submission(path)
        assert [f.rule for f in sub.findings] == [rule], name
        assert sub.values == {} and not sub.ok and sub.provenance.size == len(data)


def test_good_file_passes(good):
    result = check_archive(good)
    assert result.ok and result.kind == "xlsx" and result.findings == []


def test_limits_are_configurable_and_named(tmp_path, good):
    def rule(limits: ReadLimits) -> tuple[str, str]:
        f = check_archive(good, limits).findings[0]
        return f.rule, f.message()

    assert rule(ReadLimits(max_parts=3))[0] == "LIMIT_PARTS"
    assert "max_parts" in rule(ReadLimits(max_parts=3))[1]
    assert rule(ReadLimits(max_file_bytes=1000)) [0] == "FILE_TOO_LARGE"
    assert rule(ReadLimits(max_part_bytes=1000))[0] == "LIMIT_PART_SIZE"
    assert "max_total_bytes" in rule(ReadLimits(max_total_bytes=5000))[1]
    assert rule(ReadLimits(max_ratio=2, ratio_min_bytes=1000))[0] == "LIMIT_RATIO"
    path = tmp_path / "big.xlsx"
    path.write_bytes(good)
    sub = read_submission(path, limits=ReadLimits(max_file_bytes=100))
    assert [f.rule for f in sub.findings] == ["FILE_TOO_LARGE"] and sub.provenance.sha256


def test_legacy_xls_is_noted_and_passed_on():
    result = check_archive(OLE2_MAGIC + b"\0" * 512 + "Workbook".encode("utf-16-le"))
    assert result.kind == "xls" and result.ok
    assert [(f.rule, f.severity) for f in result.findings] == [("FILE_LEGACY_XLS", "info")]


def test_garbage_ole2_through_the_reader(tmp_path):
    path = tmp_path / "old.xls"
    path.write_bytes(OLE2_MAGIC + b"\0" * 600)
    sub = read_submission(path)
    assert [f.rule for f in sub.findings] == ["FILE_LEGACY_XLS", "FILE_CORRUPT"]


def test_vietnamese_messages(good):
    f = check_archive(b"").findings[0]
    assert f.message() == "Tệp rỗng (0 byte): hãy gửi lại tệp Excel đã lưu đầy đủ"
    assert "empty" in f.message("en")


def _with_declared_crc(data: bytes, name: str, crc: int) -> bytes:
    """``data`` with the CRC-32 that its local header and central directory declare for
    ``name`` replaced by ``crc`` (a forger copying a vetted part's declaration)."""
    import struct

    out = bytearray(data)
    struct.pack_into("<L", out, zipfile.ZipFile(io.BytesIO(data)).getinfo(name).header_offset + 14, crc)
    pos = data.find(b"PK\x01\x02")
    while pos >= 0:  # central directory entries: the name starts 46 bytes in, the CRC 16
        if data[pos + 46:pos + 46 + len(name)] == name.encode():
            struct.pack_into("<L", out, pos + 16, crc)
        pos = data.find(b"PK\x01\x02", pos + 4)
    return bytes(out)


def test_a_part_is_judged_on_its_own_bytes_after_an_identical_declaration_was_vetted(good):
    """Files of one period share most parts, and the guard vets a shared part once; a part
    that declares the same name, size and CRC as a vetted one but holds other bytes is still
    judged on its own content (here: refused, never accepted on the earlier verdict)."""
    assert check_archive(good).ok
    theme = "xl/theme/theme1.xml"
    original = zipfile.ZipFile(io.BytesIO(good)).getinfo(theme)
    content = zipfile.ZipFile(io.BytesIO(good)).read(theme)
    hostile = XXE + content[len(XXE):]  # same size, a DOCTYPE in its prolog
    forged = _with_declared_crc(_rezip(good, replace={theme: hostile}), theme, original.CRC)
    result = check_archive(forged)
    assert not result.ok
    assert {f.rule for f in result.findings} & {"XML_DTD", "FILE_CORRUPT"}
    honest = _rezip(good, replace={theme: hostile})
    assert [f.rule for f in check_archive(honest).findings] == ["XML_DTD"]
    again = check_archive(good)  # and the shared parts still come out exactly as vetted the first time
    assert again.ok and again.vetted == check_archive(good).vetted


def test_the_package_layout_is_judged_on_each_files_own_names_and_relationships(good):
    """The verdict on a package's layout is reused across a period's files, which share names
    and relationships; a file whose relationships or member names differ is still judged on its
    own (here: refused), and the good file afterwards still passes."""
    rels_name = "xl/_rels/workbook.xml.rels"
    assert check_archive(good).ok
    rels = zipfile.ZipFile(io.BytesIO(good)).read(rels_name)
    elsewhere = _rezip(good, replace={rels_name: rels.replace(b"worksheets/sheet1.xml", b"worksheets/sheet9.xml")})
    assert [f.rule for f in check_archive(elsewhere).findings] == ["FILE_STRUCTURE"]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename.replace("sheet1.xml", "sheet1.bin"), src.read(info))
    renamed = out.getvalue()
    assert [f.rule for f in check_archive(renamed).findings] == ["FILE_STRUCTURE"]
    assert check_archive(good).ok
