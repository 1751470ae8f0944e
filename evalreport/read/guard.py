"""Checks on a submitted file's raw bytes before any spreadsheet parser sees them.

Workbooks come from hundreds of offices by e-mail and USB stick; a few are broken and a few
could be hostile. An .xlsx is a zip of XML parts, so the dangerous cases are zip-level (a zip
bomb, thousands of parts, a member named ``../../x``) and XML-level (entity expansion, external
entities). Everything here runs on bytes already in memory with the standard library, under
configurable :class:`ReadLimits`, and every problem becomes a finding that names the limit or
the situation in plain words. Nothing is extracted to disk and nothing in the file is executed.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from typing import Protocol

from evalreport.model.finding import Finding, make_finding
from evalreport.read.file_kind import text_spreadsheet_rule
from evalreport.read.ods_guard import check_ods, opendocument_kind
from evalreport.read.package_parts import WORKBOOK_RELS, duplicate_names, odd_structure
from evalreport.read.part_memo import PartMemo
from evalreport.read.sheet_extent import SheetExtent
from evalreport.read.stored_zip import MAX_MEMBERS, stored_zip
from evalreport.read.zip_member import Irregular, RawPart, member_span, whole_part

__all__ = ["ReadLimits", "ArchiveCheck", "check_archive", "OLE2_MAGIC", "ZIP_MAGIC"]

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_MB = 1024 * 1024


@dataclass(frozen=True)
class ReadLimits:
    """Limits applied to every submitted file before parsing (all configurable)."""

    max_file_bytes: int = 50 * _MB
    max_parts: int = 2000
    max_part_bytes: int = 256 * _MB  # one part, declared and actually decompressed
    max_total_bytes: int = 512 * _MB  # all parts together, declared and actually decompressed
    max_ratio: float = 200.0  # uncompressed / compressed size of one part...
    ratio_min_bytes: int = 2 * _MB  # ...checked for parts at least this large once decompressed
    xml_head_bytes: int = 16 * 1024  # the XML prolog (where a DOCTYPE would be) must end within this
    # The cell area a sheet spans (last row x last column it names). A spreadsheet parser holds a
    # sheet as a dense grid, so one cell at XFD1048576 in an 11 KB file would ask for 550 GB.
    max_sheet_cells: int = 2_000_000
    # Address space of each worker process that parses (Linux, RLIMIT_AS): a parser that still
    # asks for too much fails in that worker, whose files then become findings, not the run.
    worker_memory_bytes: int = 4096 * _MB


@dataclass
class ArchiveCheck:
    kind: str  # "xlsx" (a zip workbook), "ods" (OpenDocument), "xls" (legacy binary) or "" (not usable)
    findings: list[Finding] = field(default_factory=list)
    zip: zipfile.ZipFile | None = None  # the file as received
    # What a parser should read: the XML parts exactly as the guard decompressed and vetted
    # them, repacked uncompressed (evalreport.read.stored_zip). None for a legacy .xls, or when the
    # parts are too large to hold (over KEEP_BYTES: the parser then reads the file as received).
    vetted: bytes | None = None

    @property
    def ok(self) -> bool:
        return bool(self.kind) and not any(f.is_error for f in self.findings)

    def parts(self) -> zipfile.ZipFile | None:
        """The .xlsx archive to read parts from: the vetted one when there is one."""
        if self.kind != "xlsx":
            return None
        return zipfile.ZipFile(io.BytesIO(self.vetted)) if self.vetted is not None else self.zip



_DTD = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_ELEMENT = re.compile(rb"<[A-Za-z_]")
_DRIVE = re.compile(r"^[A-Za-z]:")
_CHUNK = 256 * 1024
KEEP_BYTES = 16 * _MB  # XML parts held for the parser at most (a form workbook has about 40 KB of them)
_XML_PARTS = (".xml", ".rels", ".vml")
_SHEET_DATA = b"sheetData"  # the grid element of a worksheet (any namespace prefix)
_VETTED = PartMemo()  # parts every file of a period shares are decompressed and scanned once


def check_archive(data: bytes, limits: ReadLimits | None = None, *, file: str | None = None) -> ArchiveCheck:
    """Classify ``data`` and check it against ``limits``; an ``ok`` result may be parsed."""
    limits = limits or ReadLimits()

    def fail(rule: str, **params: object) -> ArchiveCheck:
        return ArchiveCheck("", [make_finding(rule, "error", params=params, file=file)])

    if not data:
        return fail("FILE_EMPTY")
    if len(data) > limits.max_file_bytes:
        return fail("FILE_TOO_LARGE", size=len(data), limit=limits.max_file_bytes)
    if data.startswith(OLE2_MAGIC):
        # An encrypted .xlsx is an OLE2 container holding EncryptionInfo + EncryptedPackage streams
        # (directory entry names are UTF-16LE).
        if "EncryptionInfo".encode("utf-16-le") in data or "EncryptedPackage".encode("utf-16-le") in data:
            return fail("FILE_ENCRYPTED")
        return ArchiveCheck("xls", [make_finding("FILE_LEGACY_XLS", "info", file=file)])
    if not data.startswith(ZIP_MAGIC):
        return fail(text_spreadsheet_rule(data) or "FILE_NOT_ZIP")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        return fail("FILE_CORRUPT", reason=str(exc) or type(exc).__name__)
    if len(infos) > limits.max_parts:
        return fail("LIMIT_PARTS", count=len(infos), limit=limits.max_parts)
    listed = tuple(i.filename for i in infos)
    twice = duplicate_names(listed)
    if twice is not None:  # which of the two a parser reads is its own choice: neither is vetted
        return fail("FILE_STRUCTURE", detail=f"'{twice}' ×2")
    kept: list[tuple[str, bytes, int]] | None = [] if _can_keep(infos) else None
    problem = _check_members(zf, infos, limits, file, data, kept)
    if problem is not None:
        return ArchiveCheck("", [problem])
    names = set(listed)
    if "word/document.xml" in names:
        return fail("FILE_WORD")
    opendocument = opendocument_kind(_head(zf, "mimetype")) if "mimetype" in names else None
    if opendocument == "ods":
        return _ods_check(zf, kept, limits, file)
    if opendocument is not None:
        return fail("FILE_OPENDOCUMENT_OTHER", ext=opendocument)
    if "EncryptedPackage" in names or "EncryptionInfo" in names:
        return fail("FILE_ENCRYPTED")
    if "xl/workbook.xml" not in names:
        return fail("FILE_NOT_WORKBOOK")
    odd = odd_structure(listed, _vetted_part(kept, zf, WORKBOOK_RELS, names))
    if odd is not None:
        return fail("FILE_STRUCTURE", detail=odd)
    return ArchiveCheck("xlsx", [], zf, stored_zip(kept) if kept is not None else None)


def _ods_check(zf: zipfile.ZipFile, kept: list[tuple[str, bytes, int]] | None, limits: ReadLimits,
               file: str | None) -> ArchiveCheck:
    """An .ods whose parts passed the zip and XML checks: its grid measured before any parser
    runs, then (vetted) handed on with its mimetype, which calamine requires."""
    vetted = None
    if kept is not None:
        mimetype = _head(zf, "mimetype")
        vetted = stored_zip([("mimetype", mimetype, zlib.crc32(mimetype)), *kept])
    parts = zipfile.ZipFile(io.BytesIO(vetted)) if vetted is not None else zf
    problem = check_ods(parts, limits.max_sheet_cells, file)
    if problem is not None:
        return ArchiveCheck("", [problem])
    return ArchiveCheck("ods", [make_finding("FILE_ODS_FORMAT", "info", file=file)], zf, vetted)


def _vetted_part(kept: list[tuple[str, bytes, int]] | None, zf: zipfile.ZipFile, name: str,
                 names: set[str]) -> bytes | None:
    """A part the guard has already scanned (and so may be read whole), or None if absent."""
    if name not in names:
        return None
    for member, content, _crc in kept or ():
        if member == name:
            return content
    try:
        return zf.read(name)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError, RuntimeError):
        return b""


def _head(zf: zipfile.ZipFile, name: str) -> bytes:
    """The first bytes of a member that is not XML (so not vetted): no more is decompressed,
    and a damaged member reads as empty."""
    try:
        with zf.open(name) as fh:
            return fh.read(64)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError, RuntimeError):
        return b""


def _can_keep(infos: list[zipfile.ZipInfo]) -> bool:
    """Whether the XML parts can be held and repacked: within :data:`KEEP_BYTES` as declared
    (the guard never decompresses more than a part declares). A name used twice was refused
    before, so every part a parser can reach is among them."""
    xml = [i for i in infos if i.filename.lower().endswith(_XML_PARTS)]
    return (len(xml) <= MAX_MEMBERS
            and sum(i.file_size for i in xml) <= KEEP_BYTES)


def _check_members(zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo], limits: ReadLimits,
                   file: str | None, data: bytes | None = None,
                   kept: list[tuple[str, bytes, int]] | None = None) -> Finding | None:
    """Names, declared sizes and ratios first (cheap), then every XML part streamed once: its
    prolog scanned for DOCTYPE/ENTITY and its real decompressed size counted. With ``kept``,
    each part that passes is added to it as (name, content, CRC-32)."""
    declared_total = 0
    for info in infos:
        name = info.filename
        if _unsafe_name(name):
            return make_finding("ZIP_PATH_TRAVERSAL", "error", params={"part": name}, file=file)
        if info.flag_bits & 0x1:
            return make_finding("FILE_ENCRYPTED", "error", file=file)
        if info.file_size > limits.max_part_bytes:
            return make_finding("LIMIT_PART_SIZE", "error", file=file,
                                params={"part": name, "size": info.file_size, "limit": limits.max_part_bytes})
        declared_total += info.file_size
        if info.file_size >= limits.ratio_min_bytes:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > limits.max_ratio:
                return make_finding("LIMIT_RATIO", "error", file=file,
                                    params={"part": name, "ratio": round(ratio), "limit": round(limits.max_ratio)})
    if declared_total > limits.max_total_bytes:
        return make_finding("LIMIT_TOTAL_SIZE", "error", file=file,
                            params={"size": declared_total, "limit": limits.max_total_bytes})
    real_total = 0
    for info in infos:
        if not info.filename.lower().endswith(_XML_PARTS):
            continue
        chunks: list[bytes] | None = [] if kept is not None else None
        try:
            size, verdict = _scan_xml(zf, info, limits, data, chunks)
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError,
                RuntimeError) as exc:
            return make_finding("FILE_CORRUPT", "error", file=file,
                                params={"reason": f"{info.filename}: {exc or type(exc).__name__}"})
        if isinstance(verdict, SheetExtent):
            return make_finding("LIMIT_SHEET_CELLS", "error", file=file,
                                params={"part": info.filename, "cell": verdict.corner, "size": verdict.area,
                                        "limit": limits.max_sheet_cells})
        if verdict is not None:
            return make_finding(verdict, "error", file=file,
                                params={"part": info.filename, "size": size, "limit": _limit_of(verdict, limits)})
        real_total += size
        if real_total > limits.max_total_bytes:
            return make_finding("LIMIT_TOTAL_SIZE", "error", file=file,
                                params={"size": real_total, "limit": limits.max_total_bytes})
        if kept is not None and chunks is not None:
            kept.append((info.filename, chunks[0] if len(chunks) == 1 else b"".join(chunks), info.CRC))
    return None


def _limit_of(rule: str, limits: ReadLimits) -> int:
    return {"LIMIT_PART_SIZE": limits.max_part_bytes, "XML_PROLOG": limits.xml_head_bytes}.get(rule, 0)


def _unsafe_name(name: str) -> bool:
    if name.startswith(("/", "\\")) or "\x00" in name or (name[1:2] == ":" and _DRIVE.match(name)):
        return True
    return ".." in name and ".." in name.replace("\\", "/").split("/")


def _scan_xml(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limits: ReadLimits,
              data: bytes | None = None, keep: list[bytes] | None = None) -> tuple[int, str | SheetExtent | None]:
    """(bytes decompressed, problem rule or the extent that is too large, or None). Stops as soon
    as a limit is passed, so a part that lies about its size costs at most ``max_part_bytes`` of
    work, and a sheet spanning too many cells is refused before a parser allocates its grid.

    A plain stored or deflated part is decompressed straight from ``data`` (the file's bytes):
    a ``zipfile.open`` per part cost more than the scan itself, and a part no larger than its
    head (most parts) in one step. Anything irregular about the member (its local header,
    method, sizes or CRC) sends it through ``zipfile``, whose errors the caller reports, so every
    outcome is the one ``zipfile`` gives. ``keep`` receives the decompressed chunks (all of them
    when the part passed; either way, no more than the part declares, where both readers stop)."""
    if data is not None:
        try:
            if info.file_size <= limits.xml_head_bytes:  # the whole part is its head
                span = member_span(data, info)  # once per part: the memo's key and the read share it
                key = _VETTED.key(data, info, limits, span)
                known = _VETTED.get(key)
                if known is None:
                    content = whole_part(data, info, span)
                    known = (len(content), _head_check(content, limits, whole=True)[0], content)
                    _VETTED.put(key, known)
                if keep is not None:
                    keep.append(known[2])
                return known[0], known[1]
            return _scan_stream(RawPart(data, info), limits, keep)
        except Irregular:
            if keep is not None:
                keep.clear()
    with zf.open(info) as fh:
        return _scan_stream(fh, limits, keep)


class _Reader(Protocol):
    def read(self, n: int) -> bytes: ...


def _prolog(text: bytes) -> str | int | None:
    """Where the root element starts in ``text`` (an int), ``"XML_DTD"`` when the prolog holds a
    DOCTYPE or an ENTITY, or None when the prolog does not end within ``text``. The whole prolog
    is walked (declaration, comments, processing instructions), so a DOCTYPE after a long
    comment, or a comment that merely contains ``<a``, is judged as a parser would see it."""
    i, n = (3 if text.startswith(b"\xef\xbb\xbf") else 0), len(text)
    while True:
        while i < n and text[i] in b" \t\r\n":
            i += 1
        if i >= n:
            return None
        if text.startswith(b"<?", i):
            end = text.find(b"?>", i + 2)
            if end < 0:
                return None
            i = end + 2
        elif text.startswith(b"<!--", i):
            end = text.find(b"-->", i + 4)
            if end < 0:
                return None
            i = end + 3
        elif text.startswith(b"<!", i):
            return "XML_DTD"  # DOCTYPE, ENTITY, or a CDATA/markup declaration before the root: refused
        else:
            return i


def _head_check(head: bytes, limits: ReadLimits, whole: bool = False
                ) -> tuple[str | SheetExtent | None, SheetExtent | None, bytes]:
    """The checks on a part's first ``xml_head_bytes`` (``whole``: the part entire): (problem,
    the cell extent so far when the part holds a sheet grid, the head as UTF-8 text)."""
    text = head
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = head.decode("utf-16", errors="ignore").encode("utf-8")
    bang = b"!" in text  # one byte is found at memchr speed; "<!" is 30x slower in XML
    if bang and _DTD.search(text):
        return "XML_DTD", None, text
    root = _prolog(text) if bang and b"<!" in text else 0  # only a comment or declaration can hide anything
    if root == "XML_DTD":
        return "XML_DTD", None, text
    if root is None and not whole and len(head) >= limits.xml_head_bytes:
        return "XML_PROLOG", None, text
    # Cell references only count inside a sheet's grid, so only a part that has one is measured
    # (a theme's r="50000" is a gradient's radius, not row 50,000).
    if _SHEET_DATA not in head:
        return None, None, text
    extent = SheetExtent()
    over = extent.feed(head, limits.max_sheet_cells)
    if whole:
        over = extent.finish(limits.max_sheet_cells) or over
    return (extent if over else None), extent, text


def _scan_stream(fh: _Reader, limits: ReadLimits, keep: list[bytes] | None = None) -> tuple[int, str | SheetExtent | None]:
    head = fh.read(limits.xml_head_bytes)
    size = len(head)
    if keep is not None:
        keep.append(head)
    more = fh.read(_CHUNK)
    verdict, grid, text = _head_check(head, limits, whole=not more)
    if verdict is not None:
        return size, verdict
    if more and not _ELEMENT.search(text):
        return size, "XML_PROLOG"
    sheet, extent = grid is not None, grid or SheetExtent()
    tail = head[-len(_SHEET_DATA):]
    while more:
        size += len(more)
        if size > limits.max_part_bytes:
            return size, "LIMIT_PART_SIZE"
        if keep is not None:
            keep.append(more)
        if not sheet and _SHEET_DATA in tail + more:
            sheet = True
        if sheet and extent.feed(more, limits.max_sheet_cells):
            return size, extent
        tail = more[-len(_SHEET_DATA):]
        more = fh.read(_CHUNK)
    if sheet and extent.finish(limits.max_sheet_cells):
        return size, extent
    return size, None
