"""The install scripts a bundle carries, from ``evalreport/resources/install/``.

They are shipped as package data (not generated strings) so they can be read, reviewed and run
as they are. ``cai-dat.cmd`` is written with CRLF line ends: cmd.exe mis-jumps to labels in a
batch file with bare LF ends.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

__all__ = ["WINDOWS_SCRIPT", "POSIX_SCRIPT", "write_install_scripts"]

WINDOWS_SCRIPT = "cai-dat.cmd"
POSIX_SCRIPT = "cai-dat.sh"


def _text(name: str) -> str:
    return resources.files("evalreport").joinpath("resources", "install", name).read_text(encoding="utf-8")


def write_install_scripts(folder: Path) -> list[Path]:
    """Write both scripts into ``folder`` (a bundle may be carried to either kind of PC)."""
    windows = folder / WINDOWS_SCRIPT
    windows.write_bytes(_text(WINDOWS_SCRIPT).replace("\r\n", "\n").replace("\n", "\r\n").encode("utf-8"))
    posix = folder / POSIX_SCRIPT
    posix.write_bytes(_text(POSIX_SCRIPT).replace("\r\n", "\n").encode("utf-8"))
    posix.chmod(0o755)
    return [windows, posix]
