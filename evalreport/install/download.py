"""Fetch wheels with pip, run as a subprocess of the current interpreter.

pip has no supported Python API, and a subprocess uses the index, mirrors and certificates the
developer configured for pip, exactly as ``pip download`` typed by hand would. Only binary
wheels are taken: an officer's PC has no compiler.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from evalreport.install.closure import foreign_wheels, read_wheels, unmet_requirements
from evalreport.install.target import Target
from evalreport.wording.catalog import text

__all__ = ["BundleError", "build_own_wheel", "download_dependencies", "close_over_markers"]

# What pyproject.toml builds the wheel from.
_WHEEL_SOURCES = ("pyproject.toml", "README.md", "LICENSE", "evalreport")
MAX_ROUNDS = 10  # a dependency chain of Windows-only packages deeper than this is not expected


class BundleError(Exception):
    """A bundle could not be built: a message key and its parameters, worded when shown."""

    def __init__(self, rule: str, /, **params: object) -> None:
        self.rule, self.params = rule, params
        super().__init__(self.message("en"))

    def message(self, lang: str = "vi") -> str:
        return text(self.rule, lang, **self.params)


def _pip(args: list[str], failure: str) -> None:
    done = subprocess.run([sys.executable, "-m", "pip", *args], capture_output=True, text=True)
    if done.returncode != 0:
        detail = "\n".join((done.stderr or done.stdout).strip().splitlines()[-12:])
        raise BundleError(failure, code=done.returncode, detail=detail)


def build_own_wheel(source: Path, dest: Path) -> Path:
    """evalreport's wheel from its source tree (``pip wheel --no-deps``) into ``dest``.

    Built from a clean copy of what the wheel is made of: setuptools' ``build/`` folder in a
    checkout keeps modules deleted since the last build and would ship them, and the copy leaves
    no ``build/`` or ``*.egg-info`` litter in the developer's tree."""
    with tempfile.TemporaryDirectory(prefix="evalreport-wheel-") as tmp:
        clean = Path(tmp) / "src"
        clean.mkdir()
        for name in _WHEEL_SOURCES:
            if (source / name).is_dir():
                shutil.copytree(source / name, clean / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
            elif (source / name).is_file():
                shutil.copy2(source / name, clean / name)
        before = set(dest.glob("evalreport-*.whl"))
        _pip(["wheel", "--no-deps", "--quiet", "--wheel-dir", str(dest), str(clean)], "BUNDLE_BUILD_FAILED")
    built = sorted(set(dest.glob("evalreport-*.whl")) - before) or sorted(dest.glob("evalreport-*.whl"))
    return built[-1]


def download_dependencies(requirements: list[str], dest: Path, target: Target, *, no_deps: bool = False) -> None:
    """``pip download`` binary wheels of ``requirements`` for ``target`` into ``dest``."""
    args = ["download", "--only-binary=:all:", "--quiet", "--dest", str(dest), *target.pip_options()]
    _pip(args + (["--no-deps"] if no_deps else []) + requirements, "BUNDLE_DOWNLOAD_FAILED")


def close_over_markers(dest: Path, target: Target) -> list[str]:
    """Download, one level at a time, what the target's markers require and pip left out (pip
    evaluated them for this machine), until every requirement is met. Returns what was added."""
    added: list[str] = []
    for _ in range(MAX_ROUNDS):
        unmet = unmet_requirements(read_wheels(dest), target)
        if not unmet:
            break
        wanted = [str(r) for r in unmet]
        download_dependencies(wanted, dest, target, no_deps=True)
        added += wanted
    else:
        unmet = unmet_requirements(read_wheels(dest), target)
        if unmet:
            raise BundleError("BUNDLE_UNMET", rounds=MAX_ROUNDS, target=target.label,
                              missing=", ".join(str(r) for r in unmet))
    foreign = foreign_wheels(read_wheels(dest), target)
    if foreign:
        raise BundleError("BUNDLE_FOREIGN", target=target.label, wheels=", ".join(p.name for p in foreign))
    return added
