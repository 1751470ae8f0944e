"""Package parts that every summary workbook or Word report of a run repeats, deflated once per
process (both packages are zip files, so both writers use it).

Why: of a ward's 22 package parts, 14 are the very same bytes in every unit's workbook of a
level (theme, styles, workbook part and its relations, content types, charts, drawings, the
instructions sheet: about 40 KB of XML), and ``zipfile`` deflated each of them again for every
unit, setting up a compressor per part. So a part's deflated bytes are kept, keyed by its bytes
(equal bytes, equal deflate output: the same level, the same zlib), and written into the
package as they are: the archive gets exactly the local header, data and central directory
entry ``ZipFile.writestr`` gives it.

Only parts the caller expects to repeat are offered (:func:`write_part` with ``keep=True``), and
at most ``_KEPT`` are kept, so a run's unit-specific sheets never fill the process's memory.
"""

from __future__ import annotations

import time
import zipfile
import zlib

__all__ = ["write_part"]

_KEPT = 128  # distinct parts kept per process (a run's languages and levels need a few dozen)
_LARGEST = 1 << 20  # larger parts are written the ordinary way (and are not expected to repeat)

# (part bytes, deflate level) -> (CRC-32, deflated bytes)
_DEFLATED: dict[tuple[bytes, int], tuple[int, bytes]] = {}


def write_part(archive: zipfile.ZipFile, name: str, data: bytes | str, *, keep: bool = True) -> None:
    """``archive.writestr(name, data)``, with the deflated bytes of a repeating part (``keep``)
    taken from the process's store (deflated and stored the first time)."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    level = archive.compresslevel
    if (not keep or archive.compression != zipfile.ZIP_DEFLATED or not archive._seekable
            or len(data) > _LARGEST or isinstance(level, bool) or not isinstance(level, int | None)):
        archive.writestr(name, data)
        return
    key = (data, -1 if level is None else level)
    entry = _DEFLATED.get(key)
    if entry is None:
        compressor = zlib.compressobj(key[1], zlib.DEFLATED, -15)  # as zipfile deflates
        entry = (zlib.crc32(data), compressor.compress(data) + compressor.flush())
        if len(_DEFLATED) < _KEPT:
            _DEFLATED[key] = entry
    _write_deflated(archive, name, data, *entry)


def _write_deflated(archive: zipfile.ZipFile, name: str, data: bytes, crc: int, deflated: bytes) -> None:
    """What ``writestr`` does for a seekable archive (CPython 3.11's ``_open_to_write`` and
    ``_ZipWriteFile.close``), the header written once with its final sizes and CRC."""
    if not archive.fp:
        raise ValueError("Attempt to write to ZIP archive that was already closed")
    if archive._writing:
        raise ValueError("Can't write to ZIP archive while an open writing handle exists.")
    info = zipfile.ZipInfo(filename=name, date_time=time.localtime(time.time())[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    info._compresslevel = archive.compresslevel
    info.external_attr = 0o600 << 16  # ?rw-------
    info.flag_bits = 0x00
    info.file_size, info.compress_size, info.CRC = len(data), len(deflated), crc
    with archive._lock:
        archive.fp.seek(archive.start_dir)
        info.header_offset = archive.fp.tell()
        archive._writecheck(info)
        archive._didModify = True
        archive.fp.write(info.FileHeader(False))
        archive.fp.write(deflated)
        archive.start_dir = archive.fp.tell()
        archive.filelist.append(info)
        archive.NameToInfo[info.filename] = info
