"""Publishing a run's outputs as one set: the period's folder is swapped, never edited in place.

Why: an officer sends the summary workbook, the Word report, the findings and the manifest
upward together; a run killed while files were renamed one by one used to leave a new workbook
beside an old report. Now every output (and the manifest) is written into a staging folder,
``outputs/.staging-run-<id>/<period>/``; files of the old folder that this run does not write
(the fill-in templates in ``bieu_mau/``, reports of levels not rendered this time) are linked in;
then the old folder is renamed aside (``outputs/.old-run-<id>/<period>``) and the staged one
renamed into place. Each rename of a directory is atomic; the moment between the two, when the
period has no folder, is repaired by :func:`recover_outputs` at the start of the next run (under
the workspace lock): the old set comes back. So the folder an officer opens in Explorer keeps its
name and holds the whole old set or the whole new set.

On Windows a file open in Word or Excel cannot be renamed, nor can the folder holding it: the
publish stops with :class:`OutputsInUse` and the old set stays (or is put back) whole.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from evalreport.store.crashpoints import crash_point
from evalreport.wording.catalog import text

__all__ = ["STAGING_PREFIX", "OLD_PREFIX", "OutputsInUse", "staging_folder", "publish", "recover_outputs"]

STAGING_PREFIX = ".staging-run-"
OLD_PREFIX = ".old-run-"


class OutputsInUse(PermissionError):
    """The previous outputs could not be replaced because a file of them is open in another
    program (Windows). ``path`` is that file when it could be found, else the folder."""

    def __init__(self, path: Path, folder: Path):
        super().__init__(f"cannot replace the outputs in {folder}: {path} is open in another program")
        self.path, self.folder = path, folder

    def message(self, lang: str) -> str:
        if self.path == self.folder:
            return text("PUBLISH_FOLDER_IN_USE", lang).format(folder=self.folder)
        return text("PUBLISH_FILE_IN_USE", lang).format(file=self.path.name, folder=self.folder)


def staging_folder(outputs: Path, name: str, run_id: int) -> Path:
    """Where run ``run_id`` writes the new set of ``outputs/<name>`` (created empty)."""
    staging = outputs / f"{STAGING_PREFIX}{run_id}" / name
    staging.mkdir(parents=True, exist_ok=True)
    return staging


def publish(staging: Path, target: Path, run_id: int) -> None:
    """Replace the folder ``target`` by ``staging`` (see the module docstring)."""
    if target.is_dir():
        _carry_over(target, staging)
    crash_point("publish.before_swap")
    old = target.parent / f"{OLD_PREFIX}{run_id}" / target.name
    moved_aside = False
    if target.exists():
        old.parent.mkdir(exist_ok=True)
        try:
            os.replace(target, old)
        except PermissionError as exc:
            shutil.rmtree(old.parent, ignore_errors=True)
            raise OutputsInUse(_file_in_use(target, exc), target) from exc
        moved_aside = True
        crash_point("publish.old_moved")
    try:
        os.replace(staging, target)
    except OSError as exc:
        if moved_aside:
            os.replace(old, target)  # the old set back, whole
            shutil.rmtree(old.parent, ignore_errors=True)
        if isinstance(exc, PermissionError):
            raise OutputsInUse(target, target) from exc
        raise
    crash_point("publish.new_in_place")
    shutil.rmtree(old.parent, ignore_errors=True)
    shutil.rmtree(staging.parent, ignore_errors=True)


def recover_outputs(outputs: Path) -> None:
    """After a killed run (called under the workspace lock): put back an old set that was moved
    aside but not replaced, then remove what was left aside or staged."""
    if not outputs.is_dir():
        return
    for aside in outputs.glob(f"{OLD_PREFIX}*"):
        for old in aside.iterdir():
            if not (outputs / old.name).exists():
                os.replace(old, outputs / old.name)
        shutil.rmtree(aside, ignore_errors=True)
    for leftover in [*outputs.glob(f"{STAGING_PREFIX}*"), *outputs.glob(f"*/{STAGING_PREFIX}*")]:
        shutil.rmtree(leftover, ignore_errors=True)  # the second pattern: staging of earlier versions


def _carry_over(old: Path, new: Path) -> None:
    """Entries of ``old`` that the run did not write, into ``new``: hard links where the disk
    allows (no copy, and nothing in the old folder changes), copies elsewhere (FAT USB sticks)."""
    for src in old.iterdir():
        if src.name.startswith(STAGING_PREFIX):
            continue
        dst = new / src.name
        if src.is_dir() and not src.is_symlink():
            if dst.exists() and not dst.is_dir():
                continue
            dst.mkdir(exist_ok=True)
            _carry_over(src, dst)
        elif not dst.exists():
            try:
                os.link(src, dst)
            except OSError:
                try:
                    shutil.copy2(src, dst)
                except PermissionError as exc:  # Windows: open in a program that denies reading
                    raise OutputsInUse(src, old) from exc


def _file_in_use(folder: Path, exc: OSError) -> Path:
    """The file that keeps ``folder`` from being renamed: the one the error names, else the first
    one that cannot be opened for writing (Word and Excel deny that while a file is open)."""
    named = Path(exc.filename) if exc.filename else None
    if named is not None and named.is_file():
        return named
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            try:
                with open(path, "ab"):
                    pass
            except PermissionError:
                return path
    return folder
