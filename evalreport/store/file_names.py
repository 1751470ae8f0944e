"""Output file names built from codes, never from free text, and never able to leave their folder.

Unit codes come from a unit list typed by people; a code such as ``../../x``, ``C:\\x`` or
``NUL.txt`` must not become a path outside the outputs folder or a Windows device name. Every
writer (templates, reports, workspace runs) names its files through this one module.
"""

from __future__ import annotations

import re

__all__ = ["safe_part", "unit_file_name"]

_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


def safe_part(text: object) -> str:
    """One name part: anything outside ``[A-Za-z0-9_-]`` becomes ``_`` (so no dots, slashes or
    drive letters), never empty, at most 80 characters."""
    return (_UNSAFE.sub("_", str(text)).strip("_") or "_")[:80]


def unit_file_name(form_code: str, period: object, unit_code: str, suffix: str = "", ext: str = ".xlsx") -> str:
    """``<FORM>_<period>_<code>[_<suffix>]<ext>``, e.g. ``DG-NAM_2025_T01_bao_cao.docx``."""
    parts = [safe_part(p) for p in (form_code, period, unit_code)]
    if suffix:
        parts.append(safe_part(suffix))
    return "_".join(parts) + ext
