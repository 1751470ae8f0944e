"""Assemble an offline install: ``OUT/wheels/*.whl`` (evalreport and every dependency for the
target), ``OUT/evalreport.xlsm`` (the panel), ``OUT/cai-dat.cmd`` and ``OUT/cai-dat.sh``, the
officer's guide, and ``OUT.zip`` holding the folder.

No registry ships Python's own installer, so the bundle cannot carry it; the guide names the
Python to install and the scripts refuse any other.
"""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from evalreport.install.download import (
    BundleError,
    build_own_wheel,
    close_over_markers,
    download_dependencies,
)
from evalreport.install.scripts import write_install_scripts
from evalreport.install.target import Target

__all__ = ["Bundle", "build_bundle", "STEPS", "GUIDE_NAME", "WORKBOOK_NAME", "ENGLISH_WORKBOOK_NAME"]

WORKBOOK_NAME = "evalreport.xlsm"
ENGLISH_WORKBOOK_NAME = "evalreport_en.xlsm"  # the same panel in English, shipped beside it when built
GUIDE_NAME = "huong-dan-cai-dat.md"
# Step codes, in order; the CLI shows them as a progress bar (wording in wording/install_messages).
STEPS = ("BUNDLE_STEP_OWN_WHEEL", "BUNDLE_STEP_DOWNLOAD", "BUNDLE_STEP_CLOSE", "BUNDLE_STEP_FILES",
         "BUNDLE_STEP_ZIP")


@dataclass
class Bundle:
    folder: Path
    zip_path: Path
    target: Target
    wheels: list[Path] = field(default_factory=list)
    added_for_target: list[str] = field(default_factory=list)  # requirements pip left out (markers)

    @property
    def size_mb(self) -> float:
        return sum(p.stat().st_size for p in self.folder.rglob("*") if p.is_file()) / 1e6


def _zip(folder: Path, zip_path: Path) -> None:
    """The folder under its own name inside the archive, so unzipping gives one folder."""
    tmp = zip_path.with_name(zip_path.name + ".part")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                info = zipfile.ZipInfo.from_file(path, Path(folder.name) / path.relative_to(folder))
                info.compress_type = zipfile.ZIP_DEFLATED
                with path.open("rb") as src, archive.open(info, "w") as dst:
                    shutil.copyfileobj(src, dst, 1 << 20)
    tmp.replace(zip_path)


def build_bundle(out: Path, source: Path, workbook: Path, target: Target,
                 progress: Callable[[str], None] | None = None) -> Bundle:
    """Build the bundle in ``out`` (created; must be absent or empty) and ``out``.zip.

    ``source`` is evalreport's source tree (its wheel is built from it, and its
    ``docs/vi/cai-dat.md`` becomes the bundle's guide); ``progress(step)`` is called as each of
    :data:`STEPS` starts."""
    step = progress or (lambda _code: None)
    if not (source / "pyproject.toml").is_file():
        raise BundleError("BUNDLE_NO_SOURCE", source=source)
    if not workbook.is_file():
        raise BundleError("BUNDLE_NO_WORKBOOK", workbook=workbook)
    if out.exists() and any(out.iterdir()):
        raise BundleError("BUNDLE_OUT_NOT_EMPTY", folder=out)
    wheels = out / "wheels"
    wheels.mkdir(parents=True, exist_ok=True)
    bundle = Bundle(out, out.with_name(out.name + ".zip"), target)

    step(STEPS[0])
    own = build_own_wheel(source, wheels)
    step(STEPS[1])
    download_dependencies([str(own)], wheels, target)
    step(STEPS[2])
    bundle.added_for_target = close_over_markers(wheels, target)
    step(STEPS[3])
    shutil.copy2(workbook, out / WORKBOOK_NAME)
    english = source / "workbooks" / ENGLISH_WORKBOOK_NAME
    if english.is_file():
        shutil.copy2(english, out / ENGLISH_WORKBOOK_NAME)
    write_install_scripts(out)
    guide = source / "docs" / "vi" / "cai-dat.md"
    if guide.is_file():
        shutil.copy2(guide, out / GUIDE_NAME)
    step(STEPS[4])
    _zip(out, bundle.zip_path)
    bundle.wheels = sorted(wheels.glob("*.whl"))
    return bundle
