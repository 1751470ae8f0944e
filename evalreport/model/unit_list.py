"""The unit list, read row by row into a :class:`~evalreport.model.hierarchy.Hierarchy`.

The list is typed by people: trailing spaces, codes typed as numbers, two roots, cycles, unknown
parents, duplicate codes, dates that are not dates. Every problem becomes a finding naming its
row; units that cannot be placed are left out of the tree, and the rest is still usable.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from pathlib import Path

from evalreport.model.finding import Finding, make_finding
from evalreport.model.hierarchy import (
    REQUIRED_COLUMNS,
    Hierarchy,
    HierarchyError,
    Unit,
)
from evalreport.model.levels import LevelConfig, load_levels
from evalreport.model.unit_list_file import cell_text, read_rows
from evalreport.model.validity import (
    VALIDITY_COLUMNS,
    Validity,
    check_successions,
    overlap_finding,
    read_validity,
)
from evalreport.read.calamine_errors import is_file_failure

__all__ = ["load_hierarchy"]

# Control characters (a vertical tab pasted from Word) are not allowed in XML: a name carrying one
# would break every workbook and report it is written into.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

# -- loading ---------------------------------------------------------------------------------

def load_hierarchy(source: str | Path | Sequence[dict], levels: LevelConfig | str | Path = "default",
                   *, strict: bool = False) -> Hierarchy:
    """Load the unit list from .xlsx/.xlsm/.xls/.ods/.csv (or a list of row dicts).

    Every problem becomes a finding in ``Hierarchy.problems`` naming its row; units that cannot
    be placed (unknown parent, cycles) are left out of the tree. With ``strict=True`` any error
    raises :class:`HierarchyError` listing all of them.
    """
    cfg = levels if isinstance(levels, LevelConfig) else load_levels(levels)
    problems: list[Finding] = []
    src_name = None
    if isinstance(source, (str, Path)):
        path = Path(source)
        src_name = str(path)
        try:
            header, rows = read_rows(path)
        except BaseException as exc:  # noqa: BLE001 - any unreadable file becomes one finding
            if not is_file_failure(exc):
                raise
            f = make_finding("HIER_FILE", "error", params={"path": path.name, "reason": str(exc) or type(exc).__name__},
                             file=path.name)
            if strict:
                raise HierarchyError([f]) from None
            return Hierarchy([], cfg, [f], src_name)
    else:
        header = list(dict.fromkeys([*REQUIRED_COLUMNS, *(str(k) for r in source for k in r)]))
        rows = [(i + 2, [r.get(c) for c in header]) for i, r in enumerate(source)]
    fname = Path(src_name).name if src_name else None
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        problems += [make_finding("HIER_MISSING_COLUMN", "error", params={"column": c}, file=fname) for c in missing]
        if strict:
            raise HierarchyError(problems)
        return Hierarchy([], cfg, problems, src_name)
    col = {c: header.index(c) for c in header}

    parsed: list[dict] = []
    for row, values in rows:
        def get(c: str, values=values) -> object:
            i = col[c]
            return values[i] if i < len(values) else None

        code_raw, code_num = cell_text(get("ma_don_vi"))
        parent_raw, parent_num = cell_text(get("ma_cap_tren"))
        extra = {c: get(c) for c in header if c not in REQUIRED_COLUMNS and c}
        parsed.append({
            "row": row, "code_raw": code_raw, "code_num": code_num, "parent_raw": parent_raw,
            "parent_num": parent_num, "name": _CONTROL_CHARACTERS.sub(" ", cell_text(get("ten_don_vi"))[0]).strip(),
            "level": cell_text(get("cap"))[0].strip().lower(), "extra": extra,
        })

    # Leading zeros: codes that are all digits usually share one width; a shorter one stored as
    # a number has lost its zeros (0105 -> 105).
    digit_lengths = [len(p["code_raw"].strip()) for p in parsed
                     if p["code_raw"].strip().isdigit() and not p["code_num"]]
    width = max(set(digit_lengths), key=digit_lengths.count) if digit_lengths else 0

    def clean(raw: str, was_number: bool, row: int) -> str:
        code = re.sub(r"\s+", " ", raw).strip()
        if code != raw and raw.strip():
            problems.append(make_finding("HIER_SPACES", "warning", params={"row": row, "raw": raw, "code": code},
                                         file=fname, row=row))
        if was_number and width and code.isdigit() and len(code) < width:
            fixed = code.zfill(width)
            problems.append(make_finding("HIER_LEADING_ZERO", "warning",
                                         params={"row": row, "raw": code, "code": fixed}, file=fname, row=row))
            return fixed
        return code

    dated = any(c in header for c in VALIDITY_COLUMNS)
    versions: dict[str, list[Unit]] = {}
    for p in parsed:
        row = p["row"]
        code = clean(p["code_raw"], p["code_num"], row)
        if not code:
            problems.append(make_finding("HIER_EMPTY_CODE", "error", params={"row": row}, file=fname, row=row))
            continue
        parent = clean(p["parent_raw"], p["parent_num"], row) or None
        validity = read_validity(p["extra"], row, code, fname, problems) if dated else Validity()
        clash = next((u for u in versions.get(code, ()) if u.validity.overlaps(validity)), None)
        if clash is not None:  # one code, several rows: only with disjoint validity (a unit that moved)
            problems.append(overlap_finding(code, row, validity, clash.row, clash.validity, fname)
                            if validity.dated or clash.validity.dated else
                            make_finding("HIER_DUPLICATE", "error", params={"row": row, "code": code,
                                                                            "first_row": clash.row},
                                         file=fname, row=row, unit=code))
            continue
        if p["level"] not in cfg.keys:
            problems.append(make_finding("HIER_UNKNOWN_LEVEL", "error",
                                         params={"row": row, "code": code, "level": p["level"],
                                                 "levels": ", ".join(cfg.keys)}, file=fname, row=row, unit=code))
            continue
        versions.setdefault(code, []).append(Unit(code, p["name"] or code, p["level"], parent, row, p["extra"],
                                                  validity))

    # Unknown parents (a parent of any time will do: each period's tree places its own rows).
    for code, rows_of_code in list(versions.items()):
        for u in list(rows_of_code):
            if u.parent is not None and u.parent not in versions:
                problems.append(make_finding("HIER_UNKNOWN_PARENT", "error",
                                             params={"row": u.row, "code": u.code, "parent": u.parent},
                                             file=fname, row=u.row, unit=u.code))
                rows_of_code.remove(u)
        if not rows_of_code:
            del versions[code]
    # The tree of any time: each code's latest row (a list without validity: its only row).
    units: dict[str, Unit] = {code: max(rs, key=lambda u: u.validity.end or dt.date.max)
                              for code, rs in versions.items()}
    # Cycles: follow parents; a walk that returns to a unit already on it is a cycle.
    in_cycle: set[str] = set()
    for start in units:
        seen: list[str] = []
        cur: str | None = start
        while cur is not None and cur in units and cur not in seen and cur not in in_cycle:
            seen.append(cur)
            cur = units[cur].parent
        if cur is not None and cur in seen:
            cycle = seen[seen.index(cur):]
            for c in cycle:
                if c not in in_cycle:
                    problems.append(make_finding("HIER_CYCLE", "error",
                                                 params={"row": units[c].row, "code": c,
                                                         "cycle": " → ".join([*cycle, cycle[0]])},
                                                 file=fname, row=units[c].row, unit=c))
            in_cycle.update(cycle)
    # Units under a cycle cannot be placed either.
    def reaches_cycle(code: str) -> bool:
        seen: set[str] = set()
        cur: str | None = code
        while cur is not None and cur in units and cur not in seen:
            if cur in in_cycle:
                return True
            seen.add(cur)
            cur = units[cur].parent
        return False
    for c in [c for c in units if reaches_cycle(c)]:
        del units[c]
    # Level order: a child sits strictly deeper than its parent.
    for u in units.values():
        if u.parent is not None:
            pu = units[u.parent]
            if cfg.index(u.level) <= cfg.index(pu.level):
                problems.append(make_finding("HIER_LEVEL_ORDER", "error",
                                             params={"row": u.row, "code": u.code, "level": u.level,
                                                     "parent": pu.code, "parent_level": pu.level},
                                             file=fname, row=u.row, unit=u.code))
    roots = [u.code for u in units.values() if u.parent is None]
    if len(roots) > 1:
        problems.append(make_finding("HIER_SEVERAL_ROOTS", "error",
                                     params={"count": len(roots), "codes": ", ".join(roots)}, file=fname))
    elif not roots and units:
        problems.append(make_finding("HIER_NO_ROOT", "error", file=fname))
    rows = [u for rs in versions.values() for u in rs if u.code in units]
    rows.sort(key=lambda u: u.row or 0)
    if dated:
        found, _ = check_successions(rows, fname)
        problems += found
    if strict and any(p.is_error for p in problems):
        raise HierarchyError(problems)
    return Hierarchy(units.values(), cfg, problems, src_name, rows=rows)
