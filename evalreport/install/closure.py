"""Is a folder of wheels complete for a target? Every ``Requires-Dist`` of every wheel whose
marker holds on the target (and of the extras asked for) must be met by a wheel in the folder,
and every wheel must install on the target.

This is the check pip cannot make when it downloads for another platform (see
:mod:`evalreport.install.target`); :mod:`evalreport.install.download` uses the unmet
requirements it returns to fetch what is missing until none are.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from email.parser import HeaderParser
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name, parse_wheel_filename
from packaging.version import Version

from evalreport.install.target import Target

__all__ = ["Wheel", "read_wheels", "unmet_requirements", "foreign_wheels"]


@dataclass(frozen=True)
class Wheel:
    path: Path
    name: str  # canonical
    version: Version
    requires: tuple[Requirement, ...]
    tags: frozenset


def _metadata(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        name = next(n for n in archive.namelist()
                    if n.count("/") == 1 and n.endswith(".dist-info/METADATA"))
        return archive.read(name).decode("utf-8")


def read_wheels(folder: Path) -> dict[str, Wheel]:
    """The wheels in ``folder`` by canonical project name."""
    wheels: dict[str, Wheel] = {}
    for path in sorted(folder.glob("*.whl")):
        name, version, _build, wheel_tags = parse_wheel_filename(path.name)
        headers = HeaderParser().parsestr(_metadata(path))
        requires = tuple(Requirement(r) for r in headers.get_all("Requires-Dist") or [])
        wheels[name] = Wheel(path, name, version, requires, frozenset(wheel_tags))
    return wheels


def _applies(req: Requirement, environment: dict[str, str], extra: str) -> bool:
    return req.marker is None or req.marker.evaluate({**environment, "extra": extra})


def unmet_requirements(wheels: dict[str, Wheel], target: Target,
                       roots: tuple[str, ...] = ("evalreport",)) -> list[Requirement]:
    """Requirements reachable from ``roots`` (default: evalreport, or every wheel if it is
    absent) that no wheel satisfies, each with the marker removed; a wheel of the wrong version
    counts as unmet."""
    environment = target.marker_environment()
    start = [canonicalize_name(r) for r in roots if canonicalize_name(r) in wheels] or list(wheels)
    todo: list[tuple[str, str]] = [(name, "") for name in start]
    seen: set[tuple[str, str]] = set()
    unmet: dict[str, Requirement] = {}
    while todo:
        name, extra = todo.pop()
        if (name, extra) in seen:
            continue
        seen.add((name, extra))
        for req in wheels[name].requires:
            if not _applies(req, environment, extra):
                continue
            dep = canonicalize_name(req.name)
            have = wheels.get(dep)
            if have is None or not req.specifier.contains(have.version, prereleases=True):
                plain = Requirement(str(req))
                plain.marker = None
                unmet[str(plain)] = plain
                continue
            todo += [(dep, "")] + [(dep, canonicalize_name(e)) for e in req.extras]
    return list(unmet.values())


def foreign_wheels(wheels: dict[str, Wheel], target: Target) -> list[Path]:
    """Wheels that the target's pip would refuse (e.g. a Linux build in a Windows bundle)."""
    supported = target.supported_tags()
    return [w.path for w in wheels.values() if not (w.tags & supported)]
