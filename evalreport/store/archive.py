"""The content-addressed archive: a copy of every received file under ``archive/<sha[:2]>/<sha>``.

Officers clean their inbox, rename files and overwrite them with corrections; the archive keeps
the exact bytes each report was built from, so any run can be rebuilt and audited later. The
inbox file itself is only ever read.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
from pathlib import Path

from evalreport.read.file_kind import WORKBOOK_SUFFIXES

__all__ = ["Archive", "sha256_of"]

_CHUNK = 1 << 20


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            h.update(chunk)
    return h.hexdigest()


class Archive:
    def __init__(self, folder: Path):
        self.folder = folder
        self._root = str(folder.parent)  # store_bytes runs once per file: no path objects there

    def relative(self, sha256: str, suffix: str) -> str:
        """Archive path relative to the workspace folder's parent of ``archive/`` (POSIX style)."""
        suffix = suffix.lower() if suffix.lower() in WORKBOOK_SUFFIXES else ".xlsx"
        return f"{self.folder.name}/{sha256[:2]}/{sha256}{suffix}"

    def store(self, source: Path, sha256: str) -> str:
        """Copy ``source`` into the archive (idempotent) and return its relative path.

        Written to a temporary name and renamed, so a killed ingest never leaves a half copy
        under a content address. Unlike reports, copies are not fsynced one by one (that would
        double the cost of an ingest): the ledger row that names a copy is committed after it,
        and the original stays in the inbox until the officer removes it.
        """
        rel = self.relative(sha256, source.suffix)
        target = self.folder.parent / rel
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(f".{target.name}.tmp")
            try:
                shutil.copyfile(source, tmp)
                os.replace(tmp, target)
            finally:
                tmp.unlink(missing_ok=True)
        return rel

    def store_bytes(self, data: bytes, sha256: str, suffix: str) -> str:
        """:meth:`store` from bytes already read (and hashed) by the caller: the copy is exactly
        the content that was hashed and parsed, and the file is read once.

        Same guarantees as :meth:`store` (a temporary name renamed into place, idempotent), in
        the fewest system calls, as an ingest stores every new file: five (exists, open, write,
        close, rename), where buffered files, a ``mkdir`` per file and an ``unlink`` after the
        rename made eleven."""
        rel = self.relative(sha256, suffix)
        target = os.path.join(self._root, rel)
        if os.path.exists(target):
            return rel
        folder, name = os.path.split(target)
        tmp = os.path.join(folder, f".{name}.{os.getpid()}.tmp")
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
        try:
            fd = os.open(tmp, flags, 0o666)
        except FileNotFoundError:  # the first file of its two-letter folder
            os.makedirs(folder, exist_ok=True)
            fd = os.open(tmp, flags, 0o666)
        try:
            try:
                view = memoryview(data)
                while view:
                    view = view[os.write(fd, view):]
            finally:
                os.close(fd)
            os.replace(tmp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        return rel

    def store_stream(self, fd: int, suffix: str) -> tuple[str, str]:
        """Copy the open file ``fd`` into the archive while hashing it, never holding it whole:
        for a file too large to read (over ``max_file_bytes``). Returns (SHA-256, relative
        path); the copy is exactly the content hashed, whatever happens to the source meanwhile."""
        self.folder.mkdir(parents=True, exist_ok=True)
        tmp = self.folder / f".incoming.{os.getpid()}.tmp"
        h = hashlib.sha256()
        try:
            with tmp.open("wb") as out:
                while chunk := os.read(fd, _CHUNK):
                    h.update(chunk)
                    out.write(chunk)
            sha = h.hexdigest()
            rel = self.relative(sha, suffix)
            target = self.folder.parent / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(tmp, target)
        finally:
            tmp.unlink(missing_ok=True)
        return sha, rel

    def path(self, relative: str) -> Path:
        return self.folder.parent / relative
