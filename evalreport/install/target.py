"""The platform a bundle is for: its wheel tags and how its environment markers evaluate.

``pip download --platform`` picks wheels for the target but judges environment markers by the
machine it runs on, so a Windows bundle built on Linux silently lacks the Windows-only
dependencies (pywin32 for xlwings, colorama for Click/Typer). Describing the target's marker
environment here lets :mod:`evalreport.install.closure` find what pip left out.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from packaging import tags
from packaging.markers import default_environment

__all__ = ["Target"]

# Platform-tag prefix -> (os_name, sys_platform, platform_system).
_SYSTEMS = {
    "win": ("nt", "win32", "Windows"),
    "macosx": ("posix", "darwin", "Darwin"),
    "manylinux": ("posix", "linux", "Linux"),
    "musllinux": ("posix", "linux", "Linux"),
    "linux": ("posix", "linux", "Linux"),
}
# Platform-tag suffix -> platform_machine as that OS reports it.
_MACHINES = {"win_amd64": "AMD64", "win32": "x86", "win_arm64": "ARM64"}


@dataclass(frozen=True)
class Target:
    """``platform`` is a wheel platform tag (``win_amd64``) or None for this machine;
    ``python_version`` is ``"3.11"``-style."""

    platform: str | None
    python_version: str

    @classmethod
    def this_machine(cls) -> Target:
        return cls(None, f"{sys.version_info[0]}.{sys.version_info[1]}")

    @property
    def is_this_machine(self) -> bool:
        return self.platform is None

    @property
    def label(self) -> str:
        return f"{self.platform or 'this-machine'}-py{self.python_version}"

    def pip_options(self) -> list[str]:
        """What ``pip download`` needs to fetch wheels for the target (nothing for this machine)."""
        if self.is_this_machine:
            return []
        return ["--platform", self.platform, "--python-version", self.python_version,
                "--implementation", "cp"]

    def marker_environment(self) -> dict[str, str]:
        """PEP 508 marker variables as they evaluate on the target's CPython."""
        if self.is_this_machine:
            return dict(default_environment())
        prefix = next((p for p in _SYSTEMS if self.platform.startswith(p)), None)
        if prefix is None:
            raise ValueError(f"unknown platform tag {self.platform!r}")
        os_name, sys_platform, system = _SYSTEMS[prefix]
        machine = _MACHINES.get(self.platform) or self.platform.rsplit("_", 1)[-1]
        if self.platform.endswith("x86_64"):
            machine = "x86_64"
        full = f"{self.python_version}.0"
        return {
            "implementation_name": "cpython", "implementation_version": full,
            "os_name": os_name, "platform_machine": machine, "platform_python_implementation": "CPython",
            "platform_release": "", "platform_system": system, "platform_version": "",
            "python_full_version": full, "python_version": self.python_version, "sys_platform": sys_platform,
        }

    def supported_tags(self) -> set[tags.Tag]:
        """Wheel tags the target's pip would accept."""
        if self.is_this_machine:
            return set(tags.sys_tags())
        version = tuple(int(p) for p in self.python_version.split("."))[:2]
        platforms = [self.platform]
        return set(tags.cpython_tags(version, platforms=platforms)) | set(
            tags.compatible_tags(version, interpreter=f"cp{version[0]}{version[1]}", platforms=platforms))
