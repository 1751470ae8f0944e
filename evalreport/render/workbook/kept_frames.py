"""The frame of a streamed sheet (everything but its body rows), serialised once per shape.

Why: the completeness, findings and children sheets of every non-leaf unit's summary workbook
have their body rows streamed (:mod:`.streamed_rows`), but their frame still went through
openpyxl's sheet writer per unit: properties, views, columns, the header row's cells, filter,
conditional formats, print setup, about 3 ms a unit for the three sheets. That frame is the
same for every unit of a language and form but for a few references that name the last row
(the filter's range, the conditional formats' range); the dimension is set by the streaming.

So the sheet's writer declares, once the sheet is built in full as always, what its frame
depends on (:func:`declare_frame`: a key, and the references that vary, as they are set on
the sheet). At save time (:func:`frame_xml`) the first sheet of a key has its frame serialised
and cut at those references (each must occur exactly once, as an attribute value); the second
is serialised too and compared byte for byte with the kept pieces joined with its references;
from the third on the frame is those pieces, with the differential styles (conditional formats'
fills) the writer would have added to the workbook's table added in the same order.

Never a wrong part, as :mod:`.kept_sheets` does: only for workbooks prepared from the process's
style table (part of the key), sheets without drawings, images, tables, hyperlinks or comments;
a check that failed drops the key for the process; a workbook whose differential styles differ
from the recorded ones before the sheet is written gets its frame serialised.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from openpyxl.worksheet.worksheet import Worksheet

from evalreport.render.workbook.style_table import prepared_from

__all__ = ["declare_frame", "frame_xml"]

_KEYS = 128
_DECLARED = "_evalreport_frame_key"  # set on a sheet: (key, objects held, varying references)


@dataclass
class _Entry:
    holds: tuple  # the objects whose ids are in the key
    pieces: list[bytes] | None = None  # the frame, cut at its references
    order: list[int] | None = None  # which reference goes after each piece but the last
    dxfs_before: tuple = ()  # the workbook's differential styles before the frame was written
    dxfs_added: tuple = ()  # those its writing added
    verified: bool = False
    dropped: bool = False

    def fill(self, refs: tuple[str, ...]) -> bytes:
        assert self.pieces is not None and self.order is not None
        out = [self.pieces[0]]
        for i, piece in zip(self.order, self.pieces[1:], strict=True):
            out += [refs[i].encode(), piece]
        return b"".join(out)

    def record(self, frame: bytes, refs: tuple[str, ...], before: tuple, after: tuple) -> None:
        if self.dropped:
            return
        if self.pieces is None:
            cut = _cut(frame, refs)
            self.dxfs_before, self.dxfs_added = before, after[len(before):]
            self.dropped = cut is None
            if cut is not None:
                self.pieces, self.order = cut
        elif not self.verified:
            self.verified = (self.fill(refs) == frame and before == self.dxfs_before
                             and after[len(before):] == self.dxfs_added)
            self.dropped = not self.verified


def _cut(frame: bytes, refs: tuple[str, ...]) -> tuple[list[bytes], list[int]] | None:
    """``frame`` in pieces around each reference, written as an attribute value (``="ref"``)
    exactly once, with the index of the reference between each two pieces; None if one is not."""
    spans = []
    for i, ref in enumerate(refs):
        quoted = f'="{ref}"'.encode()
        if frame.count(quoted) != 1:
            return None
        start = frame.index(quoted) + 2
        spans.append((start, start + len(ref), i))
    pieces, order, pos = [], [], 0
    for start, end, i in sorted(spans):
        if start < pos:
            return None
        pieces.append(frame[pos:start])
        order.append(i)
        pos = end
    pieces.append(frame[pos:])
    return pieces, order


_ENTRIES: dict[tuple, _Entry] = {}


def declare_frame(ws: Worksheet, key: tuple, holds: tuple, refs: tuple[str, ...]) -> None:
    """Say that the frame of ``ws`` (built in full) depends only on ``key`` (ids of ``holds``
    included), the style table ``ws``'s workbook was prepared from, and ``refs``: the references
    set on the sheet, that vary from unit to unit."""
    setattr(ws, _DECLARED, (key, holds, refs))


def frame_xml(ws: Worksheet, write: Callable[[], bytes]) -> bytes:
    """The frame of ``ws``: ``write()`` (openpyxl's writer), or the kept pieces joined with the
    sheet's references once checked."""
    declared = getattr(ws, _DECLARED, None)
    table = prepared_from(ws.parent)
    if declared is None or table is None or ws._charts or ws._images or ws._tables or ws._hyperlinks \
            or ws._comments or ws.legacy_drawing is not None:
        return write()
    key, holds, refs = declared
    full_key = (id(table), *map(id, holds), key, ws.title)
    entry = _ENTRIES.get(full_key)
    if entry is None:
        if len(_ENTRIES) >= _KEYS:
            return write()
        entry = _ENTRIES[full_key] = _Entry((table, *holds))
    dxfs = ws.parent._differential_styles
    before = tuple(dxfs.styles)
    if entry.verified and not entry.dropped and before == entry.dxfs_before:
        for dxf in entry.dxfs_added:  # what writing its conditional formats adds, in order
            dxfs.append(dxf)
        return entry.fill(refs)
    frame = write()
    entry.record(frame, refs, before, tuple(dxfs.styles))
    return frame
