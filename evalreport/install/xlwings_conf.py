"""Point xlwings at the Python the install script just set up, in the user's xlwings.conf.

The panel's standalone VBA module reads ``%USERPROFILE%\\.xlwings\\xlwings.conf`` when the
workbook's own ``xlwings.conf`` sheet has no ``INTERPRETER_WIN`` row (the panel ships without
one: a row, even with an empty value, would win over this file), so writing the key here
makes every copy of the panel find evalreport without the officer typing a path. Other keys the
officer (or xlwings) already wrote are kept; only keys with a value are written, because an
empty value would override a sheet setting with nothing. Run by ``cai-dat.cmd`` / ``cai-dat.sh``
as ``python -m evalreport.install.xlwings_conf`` with the freshly installed interpreter.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

__all__ = ["user_config_file", "interpreter_setting", "write_user_config"]


def user_config_file(platform: str = sys.platform, home: Path | None = None) -> Path:
    """Where xlwings reads its user settings on ``platform`` (the same paths as ``xlwings.USER_CONFIG_FILE``)."""
    home = home or Path.home()
    if platform.startswith("darwin"):
        return home / "Library" / "Containers" / "com.microsoft.Excel" / "Data" / "xlwings.conf"
    return home / ".xlwings" / "xlwings.conf"


def interpreter_setting(executable: str = sys.executable, platform: str = sys.platform) -> tuple[str, str]:
    """The key and value naming this interpreter. On Windows it is ``pythonw.exe`` beside
    ``python.exe``, so a button click does not flash a console window."""
    if platform.startswith("win"):
        exe = Path(executable)
        windowless = exe.with_name("pythonw.exe")
        return "INTERPRETER_WIN", str(windowless if windowless.exists() else exe)
    return "INTERPRETER_MAC", executable


def write_user_config(settings: dict[str, str], path: Path) -> Path:
    """Set ``settings`` in xlwings' ``"KEY","VALUE"`` file at ``path``, keeping its other lines."""
    kept: list[str] = []
    if path.exists():
        keys = {f'"{key.upper()}"' for key in settings}
        for line in path.read_text(errors="replace").splitlines():
            if line.strip() and line.split(",")[0].strip().upper() not in keys:
                kept.append(line)
    kept += [f'"{key}","{value}"' for key, value in settings.items() if value]
    path.parent.mkdir(parents=True, exist_ok=True)
    # xlwings' VBA reads the file in the system code page, as xlwings itself writes it.
    path.write_text("\n".join(kept) + "\n")
    return path


def main() -> None:  # pragma: no cover - exercised through the install script
    key, value = interpreter_setting()
    path = write_user_config({key: value}, user_config_file(home=Path(os.path.expanduser("~"))))
    print(f"{key} = {value}")
    print(f"→ {path}")


if __name__ == "__main__":  # pragma: no cover
    main()
