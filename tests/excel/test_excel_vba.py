"""The VBA-project writer: MS-OVBA compression, the compound file, the obfuscated PROJECT values,
each checked against an independent reader (oletools/olefile) or Excel-written data."""

from __future__ import annotations

import io
import os
import re
import zipfile
from pathlib import Path

import olefile
import pytest
import xlwings
from hypothesis import given, settings
from hypothesis import strategies as st
from oletools.olevba import VBA_Parser, decompress_stream

from tools.panel.cfb_writer import write_compound_file
from tools.panel.ovba_compression import compress, decompress
from tools.panel.vba_project import VbaModule, build_vba_project, decrypt_data, encrypt_data, module_from_bas

XLWINGS_DIR = Path(xlwings.__file__).parent
SOURCE_LIKE = st.text(alphabet="Sub EndFunctionDim As String\r\n \"'()=&_.,0123456789abcxyz", max_size=12000)


def _olevba_decompress(data: bytes) -> bytes:
    return bytes(decompress_stream(bytearray(data)))


def test_compression_round_trips_through_olevba_on_xlwings_module():
    source = (XLWINGS_DIR / "xlwings.bas").read_bytes()
    packed = compress(source)
    assert _olevba_decompress(packed) == source
    assert decompress(packed) == source
    assert len(packed) < len(source) // 2  # it really compresses (copy tokens, not only literals)


@settings(max_examples=60, deadline=None)
@given(SOURCE_LIKE)
def test_compression_round_trips_any_source_text(text):
    data = text.encode("cp1252")
    assert _olevba_decompress(compress(data)) == data


@pytest.mark.parametrize("size", [0, 1, 3, 4095, 4096, 4097, 8192, 12289])
def test_chunk_boundaries_including_incompressible_full_chunks(size):
    full, tail = divmod(size, 4096)
    data = os.urandom(4096 * full) + b"abc" * (tail // 3) + b"x" * (tail % 3)
    assert _olevba_decompress(compress(data)) == data


def test_incompressible_short_tail_is_refused_rather_than_padded():
    with pytest.raises(ValueError, match="incompressible"):
        compress(os.urandom(4000))


def test_compound_file_read_back_by_olefile():
    tree = {"PROJECT": b"p" * 100, "PROJECTwm": b"w", "VBA": {
        "dir": os.urandom(700), "big": os.urandom(9000), "edge": b"e" * 4096, "small": b"s" * 4095}}
    ole = olefile.OleFileIO(io.BytesIO(write_compound_file(tree)))
    assert sorted("/".join(p) for p in ole.listdir()) == [
        "PROJECT", "PROJECTwm", "VBA/big", "VBA/dir", "VBA/edge", "VBA/small"]
    for name, data in tree["VBA"].items():
        assert ole.openstream(f"VBA/{name}").read() == data
    assert ole.openstream("PROJECT").read() == tree["PROJECT"]


def test_decrypt_reads_the_values_excel_wrote_into_xlwings_quickstart():
    with zipfile.ZipFile(XLWINGS_DIR / "quickstart_standalone.xlsm") as z:
        project = olefile.OleFileIO(io.BytesIO(z.read("xl/vbaProject.bin"))).openstream("PROJECT").read()
    values = dict(re.findall(r'(CMG|DPB|GC)="([0-9A-F]+)"', project.decode("cp1252")))
    assert decrypt_data(values["CMG"]) == bytes(4)      # not protected
    assert decrypt_data(values["DPB"]) == b"\x00"       # no password
    assert decrypt_data(values["GC"]) == b"\xff"        # visible


@pytest.mark.parametrize("seed", [0, 1, 6, 0x7F, 0xFF])
def test_encrypt_round_trips_with_every_ignored_length(seed):
    pid = "{5CF9CDAB-B77B-4FE4-BD7E-D29900070E1B}"
    assert decrypt_data(encrypt_data(b"\x00\x00\x00\x00", pid, seed)) == bytes(4)
    assert decrypt_data(encrypt_data(b"\xff", pid, seed)) == b"\xff"


def test_project_is_source_only_and_olevba_extracts_every_module():
    mods = [VbaModule("ThisWorkbook", "document"), VbaModule("Sheet1", "document"),
            module_from_bas('Attribute VB_Name = "M"\r\nSub A()\r\n    RunPython "x"\r\nEnd Sub\r\n'),
            VbaModule("K", "class", "Public Value As Long\n")]
    data = build_vba_project(mods)
    assert data == build_vba_project(mods)  # deterministic
    ole = olefile.OleFileIO(io.BytesIO(data))
    assert ole.openstream("VBA/_VBA_PROJECT").read() == b"\xcc\x61\xff\xff\x00\x00\x00"
    project = ole.openstream("PROJECT").read().decode("cp1252")
    assert "Document=ThisWorkbook/&H00000000" in project and "Module=M" in project and "Class=K" in project
    code = {name: text for _, _, name, text in VBA_Parser("p.bin", data=data).extract_macros()}
    assert set(code) == {"ThisWorkbook.cls", "Sheet1.cls", "M.bas", "K.cls"}
    assert 'Sub A()\r\n    RunPython "x"\r\nEnd Sub' in code["M.bas"]
    assert 'Attribute VB_Base = "0{00020819-0000-0000-C000-000000000046}"' in code["ThisWorkbook.cls"]


def test_document_modules_match_what_excel_writes():
    """Our generated ThisWorkbook/Sheet1 modules are byte-identical to those in xlwings' quickstart."""
    theirs = {name: text for _, _, name, text in VBA_Parser(str(XLWINGS_DIR / "quickstart_standalone.xlsm"))
              .extract_macros()}
    ours = {name: text for _, _, name, text in VBA_Parser("p.bin", data=build_vba_project(
        [VbaModule("ThisWorkbook", "document"), VbaModule("Sheet1", "document")])).extract_macros()}
    assert ours["ThisWorkbook.cls"] == theirs["ThisWorkbook.cls"]
    assert ours["Sheet1.cls"] == theirs["Sheet1.cls"]


def test_bas_without_name_attribute_is_rejected():
    with pytest.raises(ValueError, match="VB_Name"):
        module_from_bas("Sub A()\nEnd Sub\n")
