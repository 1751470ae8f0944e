"""Ways of damaging a valid workbook, as the bad inputs of the corpus need: re-zipping with parts
replaced, added or dropped; editing cells with openpyxl the way another program would; rewriting
size fields of a zip's headers; converting with LibreOffice; encrypting with a password.

Everything works on bytes or on a file in the corpus folder; nothing here is used on a real
submission (submitted files are never modified).
"""

from __future__ import annotations

import io
import os
import shutil
import struct
import subprocess
import tempfile
import zipfile
from collections.abc import Callable, Mapping
from pathlib import Path

from openpyxl import Workbook, load_workbook

__all__ = ["rezip", "zip_members", "edit_workbook", "read_part", "set_declared_size", "soffice_convert",
           "encrypt_workbook", "soffice_path"]


def rezip(data: bytes, *, replace: Mapping[str, bytes] | None = None, add: Mapping[str, bytes] | None = None,
          drop: tuple[str, ...] = (), compresslevel: int | None = None) -> bytes:
    """A copy of the zip ``data`` with parts replaced, added (in order, after the others) or dropped."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=compresslevel) as dst:
        for info in src.infolist():
            if info.filename in drop:
                continue
            dst.writestr(info.filename, (replace or {}).get(info.filename, src.read(info.filename)))
        for name, content in (add or {}).items():
            dst.writestr(name, content)
    return out.getvalue()


def zip_members(members: Mapping[str, bytes], *, stored_first: str | None = None) -> bytes:
    """A zip of ``members``; ``stored_first`` is written first, uncompressed (an ODF ``mimetype``)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        if stored_first is not None:
            z.writestr(zipfile.ZipInfo(stored_first), members[stored_first], compress_type=zipfile.ZIP_STORED)
        for name, content in members.items():
            if name != stored_first:
                z.writestr(name, content)
    return out.getvalue()


def read_part(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(name)


def edit_workbook(path: Path, edit: Callable[[Workbook], None]) -> Path:
    """Open ``path`` with openpyxl (as another program would), apply ``edit``, save in place."""
    wb = load_workbook(path)
    edit(wb)
    wb.save(path)
    return path


def set_declared_size(data: bytes, name: str, size: int) -> bytes:
    """Rewrite the uncompressed size a zip declares for ``name`` (local header and central
    directory) without touching its data: a zip that lies about what it holds."""
    buf = bytearray(data)
    encoded = name.encode("utf-8")
    for sig, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (i := buf.find(sig, start)) >= 0:
            start = i + 4
            name_at = i + (30 if sig == b"PK\x03\x04" else 46)
            name_len = struct.unpack_from("<H", buf, i + (26 if sig == b"PK\x03\x04" else 28))[0]
            if bytes(buf[name_at:name_at + name_len]) == encoded:
                struct.pack_into("<I", buf, i + offset, size)
    return bytes(buf)


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def soffice_convert(path: Path, fmt: str, out_dir: Path, timeout: float = 180) -> Path | None:
    """``soffice --headless --convert-to fmt`` with a private profile (so it cannot collide with
    another LibreOffice running at the same time); None when LibreOffice is missing or fails."""
    soffice = soffice_path()
    if soffice is None:
        return None
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="evalreport-lo-") as profile:
        cmd = [soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore",
               "--convert-to", fmt, "--outdir", str(out_dir), str(path)]
        try:
            subprocess.run(cmd, check=False, capture_output=True, timeout=timeout,
                           env={**os.environ, "HOME": profile})
        except (OSError, subprocess.SubprocessError):
            return None
    target = out_dir / f"{path.stem}.{fmt.split(':')[0]}"
    return target if target.exists() and target.stat().st_size else None


def encrypt_workbook(data: bytes, password: str) -> bytes:
    """The workbook as Excel saves it with "Encrypt with password": an OLE2 compound file holding
    EncryptionInfo and EncryptedPackage streams. Real (Agile) encryption with msoffcrypto-tool when
    installed (it comes with oletools, a test dependency); otherwise the same container built with
    the project's own compound-file writer around unencrypted bytes, which a reader must refuse
    just the same (it cannot know the difference without the password)."""
    try:
        from msoffcrypto.format.ooxml import OOXMLFile
    except ImportError:
        from tools.panel.cfb_writer import write_compound_file

        info = struct.pack("<HHI", 4, 4, 0x40) + b"<encryption/>"
        return write_compound_file({"EncryptionInfo": info,
                                    "EncryptedPackage": struct.pack("<Q", len(data)) + data})
    out = io.BytesIO()
    OOXMLFile(io.BytesIO(data)).encrypt(password, out)
    return out.getvalue()
