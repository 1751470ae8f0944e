"""A zip archive of parts already decompressed, written uncompressed ("stored").

The archive guard decompresses and vets every XML part of a submitted workbook. Handing the
spreadsheet parser those same bytes, repacked without compression, means the parser
decompresses nothing (the work is not done twice) and can only ever see parts the guard has
vetted: no lying size, irregular header or unvetted member of the original reaches it.
Pure: bytes in, bytes out.
"""

from __future__ import annotations

import struct
from collections.abc import Iterable

__all__ = ["stored_zip", "MAX_MEMBERS"]

MAX_MEMBERS = 0xFFFF  # beyond this (and beyond 4 GB) a zip needs ZIP64 records; not written here
_LOCAL = struct.Struct("<4s5H3L2H")
_CENTRAL = struct.Struct("<4s6H3L5H2L")
_END = struct.Struct("<4s4H2LH")
_VERSION = 20  # 2.0: what a stored member with a UTF-8 name needs
_UTF8 = 0x800  # general purpose flag: the name is UTF-8
_DATE = 0x21  # 1980-01-01, the zip epoch (time 00:00)


def stored_zip(members: Iterable[tuple[str, bytes, int]]) -> bytes:
    """The archive of ``(name, content, crc32)`` members, in the order given. ``crc32`` is the
    content's CRC-32 (already known to the caller, who checked it while decompressing)."""
    pieces: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for name, content, crc in members:
        try:
            raw, flags = name.encode("ascii"), 0
        except UnicodeEncodeError:
            raw, flags = name.encode("utf-8"), _UTF8
        size = len(content)
        header = _LOCAL.pack(b"PK\x03\x04", _VERSION, flags, 0, 0, _DATE, crc, size, size, len(raw), 0)
        pieces += (header, raw, content)
        central.append(_CENTRAL.pack(b"PK\x01\x02", _VERSION, _VERSION, flags, 0, 0, _DATE, crc, size, size,
                                     len(raw), 0, 0, 0, 0, 0, offset) + raw)
        offset += len(header) + len(raw) + size
    if len(central) > MAX_MEMBERS or offset > 0xFFFF_FFFF:
        raise ValueError("too large for a zip without ZIP64 records")
    directory = b"".join(central)
    end = _END.pack(b"PK\x05\x06", 0, 0, len(central), len(central), len(directory), offset, 0)
    return b"".join([*pieces, directory, end])
