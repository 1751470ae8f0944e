"""Reading a zip member straight from the archive's bytes, for the regular case only.

The archive guard decompresses every XML part of every submitted workbook; going through
``zipfile.ZipFile.open`` for each costs more than the decompression itself. These readers take
the member's bytes from the file directly when the member is plain (its local header agrees with
the central directory, stored or deflated, no encryption) and read back exactly what
``zipfile`` would; anything else raises :class:`Irregular`, and the caller then uses ``zipfile``,
so every outcome (and every error message) stays the one ``zipfile`` gives.
"""

from __future__ import annotations

import struct
import zipfile
import zlib

__all__ = ["Irregular", "RawPart", "member_span", "whole_part"]


class Irregular(Exception):
    """The member is not a plain stored or deflated part that reads back cleanly."""


_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")
_UNSUPPORTED_FLAGS = 0x1 | 0x20 | 0x40  # encrypted, compressed patch, strong encryption


class RawPart:
    """Reads one member like ``ZipFile.open(info).read(n)`` does (raises :class:`Irregular`
    where ``zipfile`` would raise or differ)."""

    def __init__(self, data: bytes, info: zipfile.ZipInfo) -> None:
        begin, end = member_span(data, info)
        self._body = memoryview(data)[begin:end]
        self._left = info.file_size
        self._crc = 0
        self._expected_crc = info.CRC
        self._inflate = zlib.decompressobj(-15) if info.compress_type == zipfile.ZIP_DEFLATED else None

    def read(self, n: int) -> bytes:
        n = min(n, self._left)
        if n <= 0:
            return b""
        if self._inflate is None:
            out = bytes(self._body[:n])
            self._body = self._body[n:]
        else:
            try:
                out = self._inflate.decompress(self._body, n)
            except zlib.error:
                raise Irregular from None
            self._body = self._inflate.unconsumed_tail
        if len(out) != n:
            raise Irregular
        self._left -= n
        self._crc = zlib.crc32(out, self._crc)
        if self._left == 0 and self._crc != self._expected_crc:
            raise Irregular
        return out


def member_span(data: bytes, info: zipfile.ZipInfo) -> tuple[int, int]:
    """Where the member's compressed bytes lie in ``data``, when its local header agrees with
    the central directory and its method is stored or deflated (else :class:`Irregular`)."""
    start = info.header_offset
    header = data[start:start + _LOCAL_HEADER.size]
    if len(header) != _LOCAL_HEADER.size or info.flag_bits & _UNSUPPORTED_FLAGS:
        raise Irregular
    fields = _LOCAL_HEADER.unpack(header)
    if fields[0] != b"PK\x03\x04" or info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise Irregular
    name_end = start + _LOCAL_HEADER.size + fields[10]
    raw = data[name_end - fields[10]:name_end]
    try:  # an ASCII name reads the same in both encodings, and ASCII decodes fastest
        name = raw.decode("ascii") if raw.isascii() else raw.decode("utf-8" if fields[3] & 0x800 else "cp437")
    except UnicodeDecodeError:
        raise Irregular from None
    begin = name_end + fields[11]
    end = begin + info.compress_size
    limit = getattr(info, "_end_offset", None)  # newer Pythons refuse overlapping members
    if name != info.orig_filename or end > len(data) or (limit is not None and end > limit):
        raise Irregular
    if info.compress_type == zipfile.ZIP_STORED and info.compress_size != info.file_size:
        raise Irregular
    return begin, end


def whole_part(data: bytes, info: zipfile.ZipInfo, span: tuple[int, int] | None = None) -> bytes:
    """The member's content in one step: what ``RawPart(data, info).read(file_size)`` returns
    (or :class:`Irregular`), for a part small enough to be read whole. ``span``: what
    :func:`member_span` gave for it, when the caller has it already."""
    begin, end = span if span is not None else member_span(data, info)
    if info.file_size == 0:
        return b""  # as RawPart.read, which reads nothing (and so checks no CRC) for an empty part
    if info.compress_type == zipfile.ZIP_STORED:
        out = data[begin:end]
    else:
        try:
            out = zlib.decompressobj(-15).decompress(memoryview(data)[begin:end], info.file_size)
        except zlib.error:
            raise Irregular from None
    if len(out) != info.file_size or zlib.crc32(out) != info.CRC:
        raise Irregular
    return out
