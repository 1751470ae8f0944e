"""Submissions and findings as JSON, so the ledger can rebuild a :class:`Submission` exactly as
the reader produced it without opening the workbook again (the inbox may have been cleaned,
and re-reading thousands of files for every run would cost minutes)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from evalreport.model.finding import Finding
from evalreport.model.period import parse_period
from evalreport.model.submission import CellRef, ChildRating, Provenance, Submission

__all__ = ["findings_to_json", "findings_from_json", "submission_payload", "submission_from_row"]


def _default(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    return str(value)


# One encoder for every column: ``json.dumps`` with options builds a new one on each call, and an
# ingest serialises five columns for every file.
_ENCODER = json.JSONEncoder(ensure_ascii=False, default=_default, sort_keys=True)


def dumps(value: Any) -> str:
    return _ENCODER.encode(value)


def _finding_dict(f: Finding) -> dict[str, Any]:
    return {"rule": f.rule, "severity": f.severity, "params": dict(f.params), "unit": f.unit, "file": f.file,
            "sheet": f.sheet, "cell": f.cell, "row": f.row}


def findings_to_json(findings: list[Finding]) -> str:
    return dumps([_finding_dict(f) for f in findings]) if findings else "[]"  # most files: none


def findings_from_json(text: str | None) -> list[Finding]:
    return [_finding(d) for d in json.loads(text or "[]")]


def _finding(d: dict[str, Any]) -> Finding:
    """A stored finding. Ledgers written before findings were stored as parameters hold worded
    ``messages`` and ``details``: their sentences are kept (as ``$worded``) and shown as they were,
    since their details do not always hold every parameter today's templates need."""
    if "params" in d:
        return Finding(**d)
    d = dict(d)
    params = dict(d.pop("details", None) or {})
    messages = d.pop("messages", None)
    if messages:
        params["$worded"] = dict(messages)
    return Finding(**d, params=params)


def _cell(ref: CellRef | None) -> str | None:
    return None if ref is None else f"{ref.sheet}!{ref.cell}"


def _ref(text: str | None) -> CellRef | None:
    if not text:
        return None
    sheet, _, cell = text.rpartition("!")
    return CellRef(sheet, cell)


# A run rebuilds every current submission of a period from the ledger (100,000 at national
# scale), and their field codes, cell references and periods are the same few values over and
# over. They are immutable, so one object of each is shared: a rebuilt submission holds its own
# dicts but no copies of these (about half its memory before).
_SHARED: dict[Any, Any] = {}
_SHARED_MAX = 200_000  # a bound against hostile variety; the cache starts again when it is full


def _shared(key: Any, make: Any) -> Any:
    value = _SHARED.get(key)
    if value is None:
        if len(_SHARED) >= _SHARED_MAX:
            _SHARED.clear()
        value = _SHARED[key] = make()
    return value


def _code(text: str) -> str:
    return _shared(("code", text), lambda: text)


def _shared_ref(text: str | None) -> CellRef | None:
    return _shared(("ref", text), lambda: _ref(text)) if text else None


def submission_payload(sub: Submission) -> dict[str, str]:
    """The JSON columns the ledger stores for one parsed submission."""
    ratings = [{"code": r.code, "name": r.name, "rating": r.rating, "tsvm": r.tsvm, "reason": r.reason,
                "raw_rating": r.raw_rating, "cell": _cell(r.cell)} for r in sub.ratings]
    return {
        "values_json": dumps(sub.values),
        "cells_json": dumps({k: _cell(v) for k, v in sub.cells.items()}),
        "ratings_json": dumps(ratings) if ratings else "[]",
        "findings_json": findings_to_json(sub.findings),
    }


def submission_from_row(row: Any, replaces: str | None = None) -> Submission:
    """Rebuild a Submission from a ``files`` row of the ledger (see :mod:`.ledger`)."""
    ratings = [ChildRating(code=r["code"], name=r["name"], rating=r["rating"], tsvm=bool(r["tsvm"]),
                           reason=r["reason"], raw_rating=r["raw_rating"], cell=_ref(r["cell"]))
               for r in json.loads(row["ratings_json"] or "[]")]
    modified = datetime.fromisoformat(row["file_mtime"]) if row["file_mtime"] else None
    prov = Provenance(path=row["archive_path"] or row["original_name"], name=row["original_name"],
                      size=row["size"], sha256=row["sha256"], modified=modified)
    return Submission(
        form_code=row["form"] or "",
        form_version=row["form_version"] or "",
        unit_code=row["unit"] or "",
        period=_shared(("period", row["period"]), lambda: parse_period(row["period"])) if row["period"] else None,
        values={_code(k): v for k, v in json.loads(row["values_json"] or "{}").items()},
        cells={_code(k): ref for k, v in json.loads(row["cells_json"] or "{}").items() if (ref := _shared_ref(v))},
        ratings=ratings,
        provenance=prov,
        findings=findings_from_json(row["findings_json"]),
        kind=row["kind"] or "template",
        unit_name=row["unit_name"],
        replaces=replaces,
    )
