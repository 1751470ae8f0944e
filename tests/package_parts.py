"""The parts of a zip package (a workbook, a Word report), by name, for tests that compare two
files part for part: the parts of a workbook a package embeds (a chart's data) are listed as
``"<member>:<part>"``, because the embedded file's own zip headers carry its save time."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

#: A package's core properties record when it was written: two files made a second apart differ there.
SAVE_TIME = ("docProps/core.xml",)


def package_parts(source: Path | bytes, skip: tuple[str, ...] = SAVE_TIME) -> dict[str, bytes]:
    """Every part of ``source`` but those named in ``skip`` (skipped in embedded workbooks too)."""
    found: dict[str, bytes] = {}
    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            if name in skip:
                continue
            part = package.read(name)
            if name.endswith(".xlsx"):
                found.update({f"{name}:{n}": p for n, p in package_parts(part, skip).items()})
            else:
                found[name] = part
    return found
