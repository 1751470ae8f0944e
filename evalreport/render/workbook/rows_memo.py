"""Streamed rows' XML, remembered between runs by content.

A province's rerun after one corrected file writes its summary workbook again, with the 10,888
rows of its completeness sheet, of which a handful changed (the unit's own row and its
ancestors'). Writing a row's XML is cheap, but ten thousand of them are a tenth of such a rerun.
So rows are cut into blocks of :data:`BLOCK`; a block's XML is a pure function of its rows
(values, looks, heights) and of the number of its first row, so it is kept under a digest of
exactly these, and a block seen in the last run is copied instead of written. Nothing can go
stale: a block that differs in anything has another digest. The memo file is a run cache (the
workspace's ``cache/`` folder): a missing, damaged or older one only means writing every block.
"""

from __future__ import annotations

import hashlib
import marshal
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from pathlib import Path

from evalreport import __version__
from evalreport.render.workbook.streamed_rows import BodyRow, rows_xml
from evalreport.render.workbook.xlsx_cells import CellLook
from evalreport.store.atomic import atomic_write_bytes

__all__ = ["RowsMemo", "BLOCK", "MAX_BYTES", "REWRITE_SHARE"]

BLOCK = 256  # rows: one changed row costs writing this many again
FORMAT = 1
REWRITE_SHARE = 0.1  # of a run's blocks new to the memo: above this, the memo is written again
# At most this much XML is kept (a national root's completeness sheet is ~64 MB; a run that
# writes every level's workbook at national scale writes three times that): memory stays bounded,
# and blocks beyond it are written every time, as without a memo.
MAX_BYTES = 128 * 2**20


class RowsMemo:
    """``memo.rows_xml(rows, first_row)`` gives what :func:`.streamed_rows.rows_xml` gives,
    from the blocks known from the last run where it can; ``save`` keeps this run's blocks."""

    def __init__(self, known: dict[bytes, bytes] | None = None) -> None:
        self._known = known or {}
        self._used: dict[bytes, bytes] = {}
        self._size = 0  # bytes of XML in _used
        self.reused = 0  # blocks copied (for tests and benchmarks)

    @classmethod
    def load(cls, path: Path) -> RowsMemo:
        try:
            fmt, version, known = marshal.loads(path.read_bytes())
            if fmt == FORMAT and version == __version__ and isinstance(known, dict):
                return cls(known)
        except (OSError, EOFError, ValueError, TypeError):
            pass  # no memo or a damaged one: every block is written
        return cls()

    def save(self, path: Path) -> None:
        """Keep the blocks of this run (only those: the file does not grow from run to run) when
        more than :data:`REWRITE_SHARE` of them were new: a rerun after a few corrections writes
        nothing and writes those few blocks again next time. A folder that cannot be written
        only costs the next run time."""
        new = len(self._used.keys() - self._known.keys())
        if new <= REWRITE_SHARE * len(self._used):
            return
        try:
            path.parent.mkdir(exist_ok=True)
            atomic_write_bytes(path, marshal.dumps((FORMAT, __version__, self._used)))
        except OSError:
            pass

    def rows_xml(self, rows: Iterable[BodyRow], first_row: int) -> Iterator[tuple[bytes, int]]:
        looks_keys: dict[int, tuple[Sequence[CellLook], tuple]] = {}
        it, r = iter(rows), first_row
        while block := list(islice(it, BLOCK)):
            key = _digest(block, r, looks_keys)
            xml = self._known.get(key) if key is not None else None
            if xml is None:
                xml = b"".join(chunk for chunk, _n in rows_xml(block, r))
            else:
                self.reused += 1
            if key is not None and key not in self._used and self._size + len(xml) <= MAX_BYTES:
                self._used[key] = xml
                self._size += len(xml)
            yield xml, len(block)
            r += len(block)


def _digest(block: list[BodyRow], first_row: int, looks_keys: dict[int, tuple[Sequence[CellLook], tuple]]
            ) -> bytes | None:
    """A digest of everything a block's XML depends on, or None when a value cannot be
    marshalled (such a block is always written)."""
    rows = []
    for values, looks, height in block:
        entry = looks_keys.get(id(looks))
        if entry is None:  # rows share their looks tuple: its style ids are read once
            entry = looks_keys[id(looks)] = (looks, tuple((look.text, look.count) for look in looks))
        rows.append((tuple(values), entry[1], height))
    try:
        data = marshal.dumps((first_row, rows))
    except ValueError:
        return None
    return hashlib.blake2b(data, digest_size=16).digest()
