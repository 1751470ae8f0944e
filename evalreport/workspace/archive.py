"""The content-addressed archive: a copy of every received file under ``archive/<sha[:2]>/<sha>``.

Officers clean their inbox, rename files and overwrite them with corrections; the archive keeps
the exact bytes each report was built from, so any run can be rebuilt and audited later. The
inbox file itself is only ever read.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

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

    def relative(self, sha256: str, suffix: str) -> str:
        """Archive path relative to the workspace folder's parent of ``archive/`` (POSIX style)."""
        suffix = suffix.lower() if suffix.lower() in (".xlsx", ".xlsm", ".xls", ".ods") else ".xlsx"
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
        the content that was hashed and parsed, and the file is read once."""
        rel = self.relative(sha256, suffix)
        target = self.folder.parent / rel
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
            try:
                tmp.write_bytes(data)
                os.replace(tmp, target)
            finally:
                tmp.unlink(missing_ok=True)
        return rel

    def path(self, relative: str) -> Path:
        return self.folder.parent / relative
