"""Which LibreOffice components this machine has.

Debian splits LibreOffice into packages: a machine may have Calc without Writer, and then
``soffice --convert-to pdf`` of a .docx fails. Tests that convert a document skip, with the reason,
unless the component they need is installed (CI installs both)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

# A library each component ships in LibreOffice's program folder (Linux, Windows, macOS names).
_COMPONENT_LIBRARIES = {"writer": ("libswlo.so", "swlo.dll", "libswlo.dylib"),
                        "calc": ("libsclo.so", "sclo.dll", "libsclo.dylib")}


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def has_component(name: str) -> bool:
    exe = soffice()
    if exe is None:
        return False
    program = Path(os.path.realpath(exe)).parent
    return any((program / lib).exists() for lib in _COMPONENT_LIBRARIES[name])


def missing_reason(name: str) -> str:
    if soffice() is None:
        return "LibreOffice (soffice) is not installed"
    return f"LibreOffice {name.capitalize()} is not installed (soffice alone cannot convert this file)"
