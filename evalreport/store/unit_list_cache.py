"""The unit list as plain rows in the workspace's ``cache/`` folder, read instead of the list's
workbook while that workbook is unchanged.

Why: every command opens the workspace, and reading a national unit list (108,856 rows) from
its workbook and checking it row by row took 1.8 s of a 10 s rerun at N = 100,000
(docs/performance.md, "The rerun at 100,000"). The list changes a few times a year; a run
changes one file. So what :func:`~evalreport.model.unit_list.load_hierarchy` made of it (the
units, every row, the problems found, the fingerprint) is kept as ``marshal`` rows, keyed by the
workbook's SHA-256, the level configuration and evalreport's version: any change and the
workbook is read again. Like the run cache, it holds nothing that is not in the workbook:
deleting it only costs the next command time, and one that cannot be read or written is
ignored.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import marshal
from pathlib import Path

from evalreport import __version__
from evalreport.model.codec import findings_from_records, findings_to_records
from evalreport.model.hierarchy import Hierarchy, Unit
from evalreport.model.levels import LevelConfig
from evalreport.model.unit_list import load_hierarchy
from evalreport.model.validity import Validity
from evalreport.store.atomic import atomic_write_bytes
from evalreport.store.result_cache import CACHE_FOLDER

__all__ = ["load_unit_list"]

FORMAT = 1
NAME = "unit_list.rows"


def load_unit_list(folder: Path, source: Path, levels: LevelConfig) -> Hierarchy:
    """``load_hierarchy(source, levels)``, from the cache in ``folder`` when ``source`` is unchanged."""
    try:
        data = source.read_bytes()
    except OSError:
        return load_hierarchy(source, levels)  # its finding says why
    h = hashlib.sha256(data)
    for part in (str(FORMAT), __version__, levels.model_dump_json(), str(source)):
        h.update(b"\0" + part.encode("utf-8"))
    key = h.hexdigest()
    target = folder / CACHE_FOLDER / NAME
    try:
        fmt, stored_key, payload = marshal.loads(target.read_bytes())
        if fmt == FORMAT and stored_key == key:
            return _from_rows(payload, levels, str(source))
    except (OSError, EOFError, ValueError, TypeError, KeyError, IndexError):
        pass
    hierarchy = load_hierarchy(source, levels)
    try:
        blob = marshal.dumps((FORMAT, key, _to_rows(hierarchy)))
        target.parent.mkdir(exist_ok=True)
        atomic_write_bytes(target, blob)
    except (OSError, ValueError):  # ValueError: a value marshal cannot write (an odd extra column's)
        pass
    return hierarchy


def _day(d: dt.date | None) -> int | None:
    if d is not None and type(d) is not dt.date:
        raise ValueError("only plain dates are kept")
    return None if d is None else d.toordinal()


def _to_rows(hierarchy: Hierarchy) -> tuple:
    rows = hierarchy.rows
    index = {id(u): i for i, u in enumerate(rows)}
    plain = [(u.code, u.name, u.level, u.parent, u.row, u.extra,
              (_day(u.validity.start), _day(u.validity.end), u.validity.succeeds) if u.validity.dated else None)
             for u in rows]
    return plain, [index[id(u)] for u in hierarchy], findings_to_records(hierarchy.problems), hierarchy.fingerprint()


def _from_rows(payload: tuple, levels: LevelConfig, source: str) -> Hierarchy:
    plain, unit_index, problems, fingerprint = payload
    undated = Validity()
    day = dt.date.fromordinal
    rows = [Unit(code, name, level, parent, row, extra,
                 undated if v is None else Validity(None if v[0] is None else day(v[0]),
                                                    None if v[1] is None else day(v[1]), tuple(v[2])))
            for code, name, level, parent, row, extra, v in plain]
    return Hierarchy([rows[i] for i in unit_index], levels, findings_from_records(problems), source,
                     fingerprint, rows=rows)
