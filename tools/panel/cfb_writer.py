"""A minimal writer of Compound File Binary files (MS-CFB, version 3), the container of vbaProject.bin.

olefile reads and patches compound files but cannot create one, and the packages that can are
young; a VBA project needs only the simple subset written here: one level of storages, small
streams, no timestamps (so equal inputs give equal bytes). Streams under 4096 bytes go to the
mini stream, as the specification requires. Read back by olefile/olevba in the tests.
"""

from __future__ import annotations

import struct
from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = ["write_compound_file"]

_SECTOR = 512
_MINI = 64
_CUTOFF = 4096
_FREE, _END, _FATSECT, _NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
_STORAGE, _STREAM, _ROOT = 1, 2, 5
_RED, _BLACK = 0, 1


@dataclass
class _Entry:
    name: str
    kind: int
    data: bytes = b""
    children: list[_Entry] = field(default_factory=list)
    sid: int = 0
    left: int = _NOSTREAM
    right: int = _NOSTREAM
    child: int = _NOSTREAM
    color: int = _BLACK
    start: int = _END


def _sort_key(name: str) -> tuple[int, str]:
    """MS-CFB 2.6.4: shorter names first, then code-unit comparison of the upper-cased names."""
    return (len(name), name.upper())


def _tree(entries: list[_Entry], depth: int, max_depth: list[int]) -> int:
    """Link a sorted list into a balanced binary tree; returns the root's id."""
    if not entries:
        return _NOSTREAM
    mid = len(entries) // 2
    node = entries[mid]
    node.color = depth  # temporarily the depth; colored once the whole tree is known
    max_depth[0] = max(max_depth[0], depth)
    node.left = _tree(entries[:mid], depth + 1, max_depth)
    node.right = _tree(entries[mid + 1:], depth + 1, max_depth)
    return node.sid


def _link(storage: _Entry) -> None:
    kids = sorted(storage.children, key=lambda e: _sort_key(e.name))
    max_depth = [0]
    storage.child = _tree(kids, 0, max_depth)
    # Median splitting fills every level but the last, so all nil links sit at the last two
    # depths: black above the deepest level and red on it is a valid red-black tree.
    full = len(kids) == (1 << (max_depth[0] + 1)) - 1
    for k in kids:
        k.color = _RED if (k.color == max_depth[0] and max_depth[0] > 0 and not full) else _BLACK
        _link(k)


def _dir_entry(e: _Entry) -> bytes:
    name = e.name.encode("utf-16-le") + b"\x00\x00"
    if len(name) > 64:
        raise ValueError(f"compound-file entry name too long: {e.name!r}")
    return struct.pack(
        "<64sHBBIII16sIQQIQ",
        name, len(name), e.kind, e.color, e.left, e.right, e.child,
        b"\x00" * 16, 0, 0, 0, e.start, len(e.data),
    )


def _empty_entry() -> bytes:
    return struct.pack("<64sHBBIII16sIQQIQ", b"", 0, 0, 0, _NOSTREAM, _NOSTREAM, _NOSTREAM,
                       b"\x00" * 16, 0, 0, 0, 0, 0)


def _chain(fat: list[int], start: int, count: int) -> None:
    for i in range(count):
        fat[start + i] = start + i + 1 if i + 1 < count else _END


def write_compound_file(tree: Mapping[str, bytes | Mapping[str, bytes]]) -> bytes:
    """Bytes of a compound file holding ``tree``: name -> stream bytes, or name -> {name: bytes}."""
    root = _Entry("Root Entry", _ROOT)
    for name, value in tree.items():
        if isinstance(value, Mapping):
            root.children.append(_Entry(name, _STORAGE,
                                        children=[_Entry(n, _STREAM, bytes(d)) for n, d in value.items()]))
        else:
            root.children.append(_Entry(name, _STREAM, bytes(value)))
    entries: list[_Entry] = []

    def number(e: _Entry) -> None:
        e.sid = len(entries)
        entries.append(e)
        for k in e.children:
            number(k)

    number(root)
    _link(root)
    streams = [e for e in entries if e.kind == _STREAM]

    # Mini stream: small streams packed in 64-byte mini sectors.
    mini = bytearray()
    minifat: list[int] = []
    for e in streams:
        if len(e.data) < _CUTOFF and e.data:
            n = -(-len(e.data) // _MINI)
            e.start = len(minifat)
            minifat.extend([0] * n)
            _chain(minifat, e.start, n)
            mini += e.data + b"\x00" * (n * _MINI - len(e.data))
    root.data = bytes(mini)

    def sectors(n_bytes: int) -> int:
        return -(-n_bytes // _SECTOR)

    n_dir = sectors(len(entries) * 128)
    n_minifat = sectors(len(minifat) * 4)
    n_mini = sectors(len(mini))
    big = [e for e in streams if len(e.data) >= _CUTOFF]
    n_big = sum(sectors(len(e.data)) for e in big)
    n_fat = 1
    while n_fat * (_SECTOR // 4) < n_fat + n_dir + n_minifat + n_mini + n_big:
        n_fat += 1
    if n_fat > 109:
        raise ValueError("compound file too large for a header-only DIFAT")
    total = n_fat + n_dir + n_minifat + n_mini + n_big
    fat = [_FREE] * (n_fat * (_SECTOR // 4))
    for i in range(n_fat):
        fat[i] = _FATSECT
    pos = n_fat
    dir_start = pos
    _chain(fat, pos, n_dir)
    pos += n_dir
    minifat_start = pos if n_minifat else _END
    _chain(fat, pos, n_minifat)
    pos += n_minifat
    root.start = pos if n_mini else _END
    _chain(fat, pos, n_mini)
    pos += n_mini
    body = bytearray()
    for e in big:
        n = sectors(len(e.data))
        e.start = pos
        _chain(fat, pos, n)
        pos += n
        body += e.data + b"\x00" * (n * _SECTOR - len(e.data))
    assert pos == total

    directory = b"".join(_dir_entry(e) for e in entries)
    directory += _empty_entry() * (n_dir * 4 - len(entries))
    minifat_bytes = struct.pack(f"<{len(minifat)}I", *minifat)
    minifat_bytes += struct.pack("<I", _FREE) * (n_minifat * (_SECTOR // 4) - len(minifat))
    difat = list(range(n_fat)) + [_FREE] * (109 - n_fat)
    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII109I",
        bytes.fromhex("D0CF11E0A1B11AE1"), b"\x00" * 16, 0x003E, 0x0003, 0xFFFE, 9, 6, b"\x00" * 6,
        0, n_fat, dir_start, 0, _CUTOFF, minifat_start, n_minifat, _END, 0, *difat,
    )
    pad = lambda b: b + b"\x00" * (-len(b) % _SECTOR)  # noqa: E731
    return (header + struct.pack(f"<{len(fat)}I", *fat) + directory + minifat_bytes
            + pad(bytes(mini)) + bytes(body))
