"""The run cache: the last full consolidation of a form and period, kept so that a rerun after a
few corrected files updates it (:func:`evalreport.aggregate.update.update_consolidation`)
instead of rebuilding 10,000 submissions from the ledger and rolling them all up again.

What is stored is a *base*: a consolidation plus the ledger state it was made from (unit ->
file id and SHA-256). A run compares the ledger's current state with the base's, updates the
base with the units that differ and renders from that; the base is rewritten only when many
units differ (see :data:`REBASE_SHARE`), so a rerun after one correction reads the cache and
writes nothing. The base's key covers everything else the result depends on (evalreport's
version, the form definition with its parameters, the unit list, the root, the previous
period's state); any difference and the cache is ignored and rebuilt. The cache holds nothing
that is not also in the ledger: deleting the ``cache/`` folder only costs the next run time.

Why ``marshal`` of plain values and not ``pickle`` of the objects: unpickling 10,000
submissions and 10,888 unit totals as objects costs ~0.5 s, more than the rerun may take, and
loading a pickle from a shared folder can run code; ``marshal`` reads plain values only
(tuples, lists, and the values' own dicts, which it rebuilds in C), several times faster.
Submissions are stored as heads and marshalled bodies (:mod:`evalreport.aggregate.result_codec`),
the bodies decoded only for the submissions a rerun looks into. A base of format 3 (submissions
as whole records) is still read; the run rewrites it in the current format once
(:attr:`StoredBase.outdated`).
"""

from __future__ import annotations

import hashlib
import marshal
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

from evalreport import __version__
from evalreport.aggregate.result_codec import base_from_record, result_to_record
from evalreport.aggregate.update import ConsolidationBase
from evalreport.form.definition import FormDefinition
from evalreport.model.hierarchy import Hierarchy
from evalreport.model.period import Period
from evalreport.model.result import ConsolidationResult
from evalreport.store.atomic import atomic_write_bytes

__all__ = ["CACHE_FOLDER", "REBASE_SHARE", "LedgerState", "StoredBase", "cache_key", "load_base", "save_base",
           "state_digest"]

CACHE_FOLDER = "cache"
FORMAT = 4  # 3: submissions as the codec's records; 4: as heads and marshalled bodies
READABLE = (3, 4)
KEY_FORMAT = "3"  # in the key: what a base holds (not how) is unchanged since format 3
REBASE_SHARE = 0.02  # rewrite the base when more than this share of units (and > 50) differ from it
LedgerState = Mapping[str, tuple[int, str]]  # unit -> (file id, sha256) of its current file


def cache_key(form: FormDefinition, hierarchy_digest: str, root: str, period: Period, previous: str | None) -> str:
    """Everything besides the submissions that a consolidation depends on, as one digest."""
    h = hashlib.sha256()
    for part in (KEY_FORMAT, __version__, form.model_dump_json(), hierarchy_digest, root, str(period), previous or ""):
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


def state_digest(key: str, state: LedgerState) -> str:
    """Identifies a result: its key and the exact files it was made from."""
    h = hashlib.sha256(key.encode())
    for unit in sorted(state):
        file_id, sha = state[unit]
        h.update(f"{unit}\0{file_id}\0{sha}\n".encode())
    return h.hexdigest()


def _path(folder: Path, form: str, period: Period) -> Path:
    return folder / CACHE_FOLDER / f"{form}_{period}.base"


def save_base(folder: Path, result: ConsolidationResult, key: str, state: LedgerState) -> None:
    """Write ``result`` as the base for its form and period (atomically). A folder that cannot
    be written (a read-only share, a full disk) only means the next run consolidates from
    scratch: the run itself goes on."""
    payload = result_to_record(result)
    target = _path(folder, result.form.code, result.period)
    try:
        data = marshal.dumps((FORMAT, key, {u: (file_id, sha) for u, (file_id, sha) in state.items()},
                              payload))
        target.parent.mkdir(exist_ok=True)
        atomic_write_bytes(target, data)
    except (OSError, ValueError):  # ValueError: a value marshal cannot write (a finding's odd detail)
        pass


class StoredBase(NamedTuple):
    base: ConsolidationBase
    state: dict[str, tuple[int, str]]  # the ledger state it was made from
    outdated: bool  # written in an older format: worth writing again


def load_base(folder: Path, form: FormDefinition, period: Period, hierarchy: Hierarchy, root: str, key: str
              ) -> StoredBase | None:
    """The stored base and its ledger state, or None when there is none, it is damaged or it
    does not match ``key`` (then the run consolidates from scratch)."""
    try:
        fmt, stored_key, state, payload = marshal.loads(_path(folder, form.code, period).read_bytes())
        if fmt not in READABLE or stored_key != key:
            return None
        return StoredBase(base_from_record(payload, form, period, hierarchy, root),
                          {u: tuple(v) for u, v in state.items()}, fmt != FORMAT)
    except (OSError, EOFError, ValueError, TypeError, KeyError, IndexError):
        return None
