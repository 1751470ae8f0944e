"""Verdicts on XML parts already vetted in this process, keyed by their exact compressed bytes.

Every unit's file is written from the same template, so most of its parts (theme, styles, the
instructions sheet, workbook, relationships, content types) are byte for byte those of every
other file of the period: 8 of the 11 parts of a form workbook. The guard would decompress and
scan each of them again for every file. Decompression is deterministic, so a part whose name,
method, declared size and CRC, and compressed bytes all equal those of a part already vetted
under the same limits has the same content and the same verdict; this memo returns both
without decompressing. The key is the compressed bytes themselves, not a checksum a file
declares, so a hostile part cannot borrow another part's verdict.

Bounded: only parts whose decompressed size fits one prolog window (``xml_head_bytes``) are
kept, at most :data:`CAPACITY` of them; when it is full, the entries never asked for again
(each unit's own sheets and properties) are dropped and the shared ones stay.
docs/performance.md ("One vetting per distinct part") has the figure that keeps it.
"""

from __future__ import annotations

import zipfile
from typing import Any

__all__ = ["PartMemo", "CAPACITY"]

CAPACITY = 512
Key = tuple[Any, ...]
Entry = tuple[int, Any, bytes]  # (bytes decompressed, verdict, content)


class PartMemo:
    """A bounded map from a part's identity (name, method, sizes, CRC, limits, compressed bytes)
    to what vetting it gave."""

    def __init__(self, capacity: int = CAPACITY) -> None:
        self._capacity = capacity
        self._entries: dict[Key, list[Any]] = {}  # key -> [times asked again, entry]

    def key(self, data: bytes, info: zipfile.ZipInfo, limits: object, span: tuple[int, int]) -> Key:
        """The part's identity; ``span`` is where its compressed bytes lie in ``data``
        (:func:`evalreport.read.zip_member.member_span`, which the caller has already computed,
        so an irregular part, which ``zipfile`` judges instead, never gets this far)."""
        begin, end = span
        return (info.filename, info.compress_type, info.file_size, info.CRC, limits, data[begin:end])

    def get(self, key: Key) -> Entry | None:
        slot = self._entries.get(key)
        if slot is None:
            return None
        slot[0] += 1
        return slot[1]

    def put(self, key: Key, entry: Entry) -> None:
        if len(self._entries) >= self._capacity:
            self._entries = {k: v for k, v in self._entries.items() if v[0]}
            if len(self._entries) >= self._capacity:
                return  # every kept part is shared: keep those rather than this one
        self._entries[key] = [0, entry]
