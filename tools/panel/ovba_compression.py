"""The MS-OVBA run-length/LZ77 compression that VBA project streams are stored in (MS-OVBA 2.4.1).

oletools can only *decompress*; writing a VBA project from source needs the other direction, and
the algorithm is small enough to keep here rather than depend on a young package. The encoder
follows the specification's algorithm (greedy longest match within the current 4096-byte chunk,
raw chunk when compression does not pay), so its output round-trips through
``oletools.olevba.decompress_stream`` (tested) and any conforming reader.
"""

from __future__ import annotations

__all__ = ["compress", "decompress"]

_CHUNK = 4096
_MAX_COMPRESSED_CHUNK = 4098  # header included


def _bit_count(position: int) -> int:
    """Offset bits of a copy token at ``position`` bytes into the chunk (MS-OVBA 2.4.1.3.19.1)."""
    bits = max((position - 1).bit_length(), 4)
    return min(bits, 12)


def _compress_chunk(data: bytes) -> bytes:
    out = bytearray(b"\x00\x00")
    pos, end = 0, len(data)
    heads: dict[bytes, list[int]] = {}  # 3-byte prefix -> earlier positions (match candidates)
    while pos < end:
        flag_at = len(out)
        out.append(0)
        flags = 0
        for bit in range(8):
            if pos >= end:
                break
            length, offset = 0, 0
            if pos > 0 and pos + 3 <= end:
                bits = _bit_count(pos)
                max_len = (0xFFFF >> bits) + 3
                for cand in reversed(heads.get(data[pos:pos + 3], ())):
                    n = 3
                    limit = min(max_len, end - pos)
                    while n < limit and data[cand + n] == data[pos + n]:
                        n += 1
                    if n > length:
                        length, offset = n, pos - cand
                        if n == limit:
                            break
            step = length if length >= 3 else 1
            if length >= 3:
                bits = _bit_count(pos)
                token = ((offset - 1) << (16 - bits)) | (length - 3)
                out += token.to_bytes(2, "little")
                flags |= 1 << bit
            else:
                out.append(data[pos])
            for p in range(pos, pos + step):
                if p + 3 <= end:
                    heads.setdefault(data[p:p + 3], []).append(p)
            pos += step
        out[flag_at] = flags
    if len(out) > _MAX_COMPRESSED_CHUNK:
        if len(data) < _CHUNK:
            # The specification would pad with zeros, which changes the data; VBA source text
            # always compresses, so refuse rather than corrupt.
            raise ValueError("an incompressible final chunk cannot be stored exactly")
        header = (_CHUNK - 1) | 0x3000  # raw chunk: 4096 bytes verbatim
        return header.to_bytes(2, "little") + data
    header = (len(out) - 3) | 0x3000 | 0x8000
    out[0:2] = header.to_bytes(2, "little")
    return bytes(out)


def compress(data: bytes) -> bytes:
    """A CompressedContainer (signature byte 0x01, then one chunk per 4096 input bytes)."""
    chunks = [_compress_chunk(data[i:i + _CHUNK]) for i in range(0, len(data), _CHUNK)]
    return b"\x01" + b"".join(chunks)


def decompress(container: bytes) -> bytes:
    """The inverse of :func:`compress` (MS-OVBA 2.4.1.3.1); used to read our own output back."""
    if not container or container[0] != 0x01:
        raise ValueError("not an MS-OVBA compressed container (signature byte is not 0x01)")
    out = bytearray()
    pos = 1
    while pos < len(container):
        header = int.from_bytes(container[pos:pos + 2], "little")
        size = (header & 0x0FFF) + 3
        if (header >> 12) & 0x7 != 0b011:
            raise ValueError(f"bad chunk signature at byte {pos}")
        chunk_end = min(pos + size, len(container))
        pos += 2
        start = len(out)
        if not header & 0x8000:
            out += container[pos:pos + _CHUNK]
            pos += _CHUNK
            continue
        while pos < chunk_end:
            flags = container[pos]
            pos += 1
            for bit in range(8):
                if pos >= chunk_end:
                    break
                if not flags & (1 << bit):
                    out.append(container[pos])
                    pos += 1
                    continue
                token = int.from_bytes(container[pos:pos + 2], "little")
                pos += 2
                bits = _bit_count(len(out) - start)
                length = (token & (0xFFFF >> bits)) + 3
                offset = (token >> (16 - bits)) + 1
                for _ in range(length):
                    out.append(out[-offset])
    return bytes(out)
