"""The unit list, read once per change of the file rather than once per run.

A province's unit list has 10,000 rows; reading and validating it takes ~0.2 s, as much as a
whole rerun after one corrected file may cost. The validated units are kept in
``cache/units.base`` (``marshal`` of plain tuples: loading it runs no code) under a key made
of the file's name, size and modification time, the level configuration and evalreport's
version; any difference and the file is read again.
"""

from __future__ import annotations

import json
import marshal
from pathlib import Path

from evalreport import __version__
from evalreport.model.hierarchy import Hierarchy, LevelConfig, Unit, load_hierarchy
from evalreport.store.atomic import atomic_write_bytes
from evalreport.store.frozen_restore import restore
from evalreport.store.records import findings_from_json, findings_to_json
from evalreport.store.result_cache import CACHE_FOLDER

__all__ = ["load_units"]

FORMAT = 3


def load_units(folder: Path, units: Path, levels: LevelConfig) -> Hierarchy:
    """The hierarchy of ``units`` (see :func:`evalreport.model.hierarchy.load_hierarchy`), cached."""
    st = units.stat()
    key = f"{FORMAT}|{__version__}|{units.name}|{st.st_size}|{st.st_mtime_ns}|{levels.model_dump_json()}"
    cache = folder / CACHE_FOLDER / "units.base"
    try:
        stored_key, rows, problems, source, fingerprint, orders = marshal.loads(cache.read_bytes())
        if stored_key == key:
            return Hierarchy([restore(Unit, code=c, name=n, level=lv, parent=p, row=r,
                                      extra=json.loads(x) if x else {}) for c, n, lv, p, r, x in rows],
                             levels, findings_from_json(problems), source, fingerprint, orders)
    except (OSError, EOFError, ValueError, TypeError):
        pass  # no cache or a damaged one: read the file
    hierarchy = load_hierarchy(units, levels)
    try:
        rows = [(u.code, u.name, u.level, u.parent, u.row, json.dumps(u.extra, ensure_ascii=False) if u.extra else None)
                for u in hierarchy]
        orders = {root: hierarchy.descendants(root) for root in hierarchy.roots}  # what a run walks first
        data = marshal.dumps((key, rows, findings_to_json(hierarchy.problems), hierarchy.source,
                              hierarchy.fingerprint(), orders))
        cache.parent.mkdir(exist_ok=True)
        atomic_write_bytes(cache, data)
    except (OSError, TypeError, ValueError):
        pass  # an odd extra column value or a read-only folder: no cache, same result
    return hierarchy
