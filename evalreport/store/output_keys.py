"""Content keys of a run's per-unit outputs: a rerun reuses a published file whose key is unchanged.

Why: after one corrected file, an all-levels run ("Xuất báo cáo", ``run --all-levels``) used to
render every non-leaf unit's summary workbook and Word report again, although only the changed
unit's ancestors' figures differ. Each output now gets a key, a SHA-256 of everything its
rendering reads; the manifest records it next to the file's hash (:func:`.runner.write_manifest`)
and the next run links the published file into its staging folder instead of rendering it when
the key and the file's hash both still match (:mod:`.render_pool`). The published set stays
complete and is swapped as one, as before (:mod:`.publish`).

What a key covers, and why it cannot miss a change:

* the code and data of the installed package (every file under ``evalreport/``: renderer,
  wording, Word templates, forms): any upgrade or edit renders everything again;
* the summary workbook: the language, the unit's report settings (letterhead, signers), the
  form, period, unit list and root, the findings of no unit, and a digest of the unit's subtree
  in the consolidation result (every unit below: totals, completeness, submissions as read,
  findings, changes, reconciliation gaps, quota checks, comparisons, and the same of the previous
  period) — the workbook shows nothing of units outside the subtree;
* the Word report: its whole context (the plain values the template is rendered with), which
  includes the date printed on the report. A report rendered on an earlier day is therefore
  rendered again: what the officer signs carries the day of the run, as a fresh run would print.
  The workbook prints no date (its place-and-date line is left for the signer), so it is reused
  across days; only its file properties keep the earlier save time.

Anything that cannot be put in canonical form gives no key (``None``): that output is rendered.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import hashlib
import json
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path, PurePath
from typing import Any

from evalreport.model.result import ConsolidationResult
from evalreport.model.submission import Submission

__all__ = ["UnitDigests", "canonical", "package_fingerprint", "unit_digests", "workbook_key", "narrative_key",
           "pdf_key"]

_PACKAGE = Path(__file__).resolve().parents[1]


@lru_cache(maxsize=1)
def package_fingerprint() -> str:
    """A digest of every file of the installed package (code, wording, templates, forms)."""
    h = hashlib.sha256()
    for path in sorted(p for p in _PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        h.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0")
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def _plain(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {"@": type(obj).__name__, **{f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)
                                             if f.compare and f.name != "previous"}}
    if isinstance(obj, enum.Enum):
        return obj.value
    if isinstance(obj, (dt.date, dt.datetime, dt.time, PurePath)):
        return str(obj)
    if isinstance(obj, (set, frozenset)):
        return sorted(canonical(x) for x in obj)
    if isinstance(obj, Mapping):
        return {str(k): v for k, v in obj.items()}
    if hasattr(obj, "model_dump"):  # pydantic models: forms, levels
        return obj.model_dump(mode="json")
    if type(obj).__str__ is not object.__str__ and type(obj).__module__.startswith("evalreport."):
        return str(obj)  # value types of the model (Period)
    raise TypeError(f"no canonical form for {type(obj).__name__}")


def canonical(obj: Any) -> str:
    """``obj`` as JSON with sorted keys; dataclasses by their compared fields (a result's
    ``previous`` is left to :func:`unit_digests`). Raises TypeError for anything else."""
    return json.dumps(obj, sort_keys=True, default=_plain, ensure_ascii=False, separators=(",", ":"))


def _sha(*parts: str) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return h.hexdigest()


@dataclasses.dataclass(frozen=True)
class UnitDigests:
    """Per unit, a digest of its subtree's slice of a result; ``common``: what every unit shares."""

    common: str
    subtree: Mapping[str, str]


def _slices(result: ConsolidationResult) -> tuple[dict[str, list[Any]], list[Any]]:
    """Every piece of ``result`` that belongs to one unit, by unit; the rest (no unit, or a unit
    outside the unit list) in the second list."""
    h = result.hierarchy
    own: dict[str, list[Any]] = {u.code: [] for u in h}
    rest: list[Any] = []

    def put(unit: str | None, kind: str, item: Any) -> None:
        (own[unit] if unit in own else rest).append((kind, item))

    for code, totals in result.units.items():
        put(code, "totals", totals)
    for code, comp in result.completeness.items():
        put(code, "completeness", comp)
    for code, sub in result.accepted.items():
        put(code, "accepted", _submission(sub))
    for sub in result.rejected:
        put(sub.unit_code, "rejected", _submission(sub))
    for f in result.findings:
        put(f.unit, "finding", f)
    for c in result.changes:
        put(c.unit, "change", c)
    for g in result.reconciliation:
        put(g.unit, "gap", g)
    for q in result.quota:  # a check of no committee is over the whole tree: the root's
        put(q.committee or result.root, "quota", q)
    for code, comp in (result.comparisons or {}).items():
        put(code, "comparison", comp)
    for code in result.blocked:
        put(code, "blocked", code)
    return own, rest


def _submission(sub: Submission) -> Any:
    """A submission as read from a file: the file (its hash) and what the checks added; the cell
    references, the bulk of it, follow from the file's bytes and the reader (in the package)."""
    if sub.provenance is None:
        return sub
    return ["submission", sub.unit_code, sub.kind, sub.form_version, sub.unit_name, sub.replaces, sub.provenance,
            sub.values, sub.ratings, sub.findings]


def unit_digests(result: ConsolidationResult) -> UnitDigests | None:
    """Subtree digests of every unit of ``result`` (and of its previous period's result, folded
    in unit by unit), in one pass up the tree; None when a piece has no canonical form."""
    try:
        return _digests(result, with_previous=True)
    except (TypeError, ValueError):
        return None


def _digests(result: ConsolidationResult, with_previous: bool) -> UnitDigests:
    h = result.hierarchy
    own, rest = _slices(result)
    before = _digests(result.previous, False) if with_previous and result.previous is not None else None
    common = _sha(canonical([result.form, str(result.period), h.fingerprint(), result.root, rest]),
                  before.common if before else "-")
    subtree: dict[str, str] = {}
    order = [u.code for u in h]
    depth: dict[str, int] = {}
    for code in order:
        depth[code] = len(h.path(code))
    for code in sorted(order, key=lambda c: -depth[c]):  # children before parents
        kids = [subtree[c] for c in h.children(code)]
        subtree[code] = _sha(canonical(own[code]), before.subtree.get(code, "-") if before else "-", *kids)
    return UnitDigests(common, subtree)


def workbook_key(digests: UnitDigests | None, unit: str, lang: str, report: Any) -> str | None:
    """The summary workbook's key (None: render it)."""
    if digests is None or unit not in digests.subtree:
        return None
    try:
        settings = canonical(report)
    except (TypeError, ValueError):
        return None
    return _sha("workbook", package_fingerprint(), lang, settings, digests.common, digests.subtree[unit])


def narrative_key(context: Mapping[str, Any], template: Path, lang: str) -> str | None:
    """The Word report's key, from its rendering context (None: render it)."""
    try:
        values = canonical(context)
    except (TypeError, ValueError):
        return None
    return _sha("narrative", package_fingerprint(), lang, _file_digest(template), values)


@lru_cache(maxsize=8)
def _file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def pdf_key(source_key: str | None) -> str | None:
    """The key of a PDF converted from a file whose key is ``source_key``: the PDF shows nothing
    its source does not (None: convert it)."""
    return None if source_key is None else _sha("pdf", source_key)
