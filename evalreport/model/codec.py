"""The one codec of a submission and a finding: to and from *records*, plain JSON-able values
(dicts, lists, strings, numbers, None).

Why one: a submission is stored by the ledger (as JSON columns), handed from a parse worker to
the ingest (pickled), and kept in the run cache (marshal). Each of them used to write its own
serialiser by hand and had to be kept in step with :class:`~evalreport.model.submission.Submission`;
now they all store the record this module makes, and a new field is added here once.

A submission's record::

    {"form": str, "form_version": str, "unit": str, "period": "2025" | None,
     "values": {code: int | None}, "cells": {code: "Sheet!C9"},
     "ratings": [{"code", "name", "rating", "tsvm", "reason", "raw_rating", "cell"}],
     "provenance": {"path", "name", "size", "sha256", "modified": ISO text | None} | None,
     "findings": [finding record], "kind": str, "unit_name": str | None, "replaces": str | None}

A finding's record holds :class:`~evalreport.model.finding.Finding`'s fields by name. The ledger
written before this module stored exactly these shapes in its columns, so old rows decode as
they are.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import fields
from datetime import datetime
from typing import Any

from evalreport.model.finding import Finding
from evalreport.model.period import parse_period
from evalreport.model.submission import CellRef, ChildRating, Provenance, Submission

__all__ = ["finding_to_record", "finding_from_record", "findings_to_records", "findings_from_records",
           "submission_to_record", "submission_from_record", "submission_to_head", "submission_from_head",
           "submission_body_from_record"]

_FINDING_FIELDS = tuple(f.name for f in fields(Finding))


def finding_to_record(f: Finding) -> dict[str, Any]:
    return {name: dict(v) if isinstance(v := getattr(f, name), Mapping) else v for name in _FINDING_FIELDS}


def finding_from_record(d: Mapping[str, Any]) -> Finding:
    """A stored finding. Ledgers written before findings were stored as parameters hold worded
    ``messages`` and ``details``: their sentences are kept (as ``$worded``) and shown as they were,
    since their details do not always hold every parameter today's templates need."""
    if "params" not in d:
        d = dict(d)
        params = dict(d.pop("details", None) or {})
        if messages := d.pop("messages", None):
            params["$worded"] = dict(messages)
        d["params"] = params
    return Finding(**{k: v for k, v in d.items() if k in _FINDING_FIELDS})


def findings_to_records(findings: Iterable[Finding]) -> list[dict[str, Any]]:
    return [finding_to_record(f) for f in findings]


def findings_from_records(records: Iterable[Mapping[str, Any]] | None) -> list[Finding]:
    return [finding_from_record(d) for d in records or ()]


def _cell(ref: CellRef | None) -> str | None:
    return None if ref is None else f"{ref.sheet}!{ref.cell}"


def _ref(text: str | None) -> CellRef | None:
    if not text:
        return None
    sheet, _, cell = text.rpartition("!")
    return CellRef(sheet, cell)


def submission_to_record(sub: Submission) -> dict[str, Any]:
    p = sub.provenance
    return {
        "form": sub.form_code, "form_version": sub.form_version, "unit": sub.unit_code,
        "period": str(sub.period) if sub.period else None,
        "values": dict(sub.values),
        "cells": {k: _cell(v) for k, v in sub.cells.items()},
        "ratings": [{"code": r.code, "name": r.name, "rating": r.rating, "tsvm": r.tsvm, "reason": r.reason,
                     "raw_rating": r.raw_rating, "cell": _cell(r.cell)} for r in sub.ratings],
        "provenance": None if p is None else {"path": p.path, "name": p.name, "size": p.size, "sha256": p.sha256,
                                              "modified": p.modified.isoformat() if p.modified else None},
        "findings": findings_to_records(sub.findings),
        "kind": sub.kind, "unit_name": sub.unit_name, "replaces": sub.replaces,
    }


# A run rebuilds every current submission of a period (100,000 at national scale), and their
# field codes, cell references and periods are the same few values over and over. They are
# immutable, so one object of each is shared: a rebuilt submission holds its own dicts but no
# copies of these (7.6 -> 2.1 KB a submission when this was measured).
_CODES: dict[str, str] = {}
_REFS: dict[str, CellRef] = {}
_PERIODS: dict[str, Any] = {}
_SHARED_MAX = 100_000  # a bound against hostile variety; a table starts again when it is full


def _one(table: dict, key: str, make: Any) -> Any:
    if len(table) >= _SHARED_MAX:
        table.clear()
    value = table[key] = make(key)
    return value


def _codes(mapping: Mapping[str, Any]) -> dict[str, Any]:
    get = _CODES.get
    return {get(k) or _one(_CODES, k, str): v for k, v in mapping.items()}


def _refs(mapping: Mapping[str, str | None]) -> dict[str, CellRef]:
    code, ref = _CODES.get, _REFS.get
    return {code(k) or _one(_CODES, k, str): ref(v) or _one(_REFS, v, _ref) for k, v in mapping.items() if v}


def submission_from_record(d: Mapping[str, Any]) -> Submission:
    per, prov = d.get("period"), d.get("provenance")
    return Submission(
        form_code=d.get("form") or "",
        form_version=d.get("form_version") or "",
        unit_code=d.get("unit") or "",
        period=(_PERIODS.get(per) or _one(_PERIODS, per, parse_period)) if per else None,
        provenance=None if prov is None else Provenance(
            prov["path"], prov["name"], prov["size"], prov["sha256"],
            datetime.fromisoformat(prov["modified"]) if prov.get("modified") else None),
        kind=d.get("kind") or "template",
        unit_name=d.get("unit_name"),
        replaces=d.get("replaces"),
        **submission_body_from_record(d),
    )


# -- a submission in two parts: a head read at once, a body decoded when first needed ----------
# The run cache keeps 100,000 submissions of which a rerun reads the file names, hashes and
# dates of all (the manifest, the completeness sheet) but the values, cells and ratings of a
# handful; the body is kept encoded (``encode_body`` by the caller, e.g. marshal) until then.

_BODY = ("values", "cells", "ratings", "findings")


def submission_to_head(sub: Submission) -> tuple[tuple, dict[str, Any]]:
    """(head, body): the head a tuple of the record's small fields, the body a record holding
    the rest (values, cells, ratings, findings); :func:`submission_from_head` takes them back."""
    rec = submission_to_record(sub)
    p = rec["provenance"]
    head = (rec["form"], rec["form_version"], rec["unit"], rec["period"], rec["kind"], rec["unit_name"],
            rec["replaces"], None if p is None else (p["path"], p["name"], p["size"], p["sha256"], p["modified"]))
    return head, {k: rec[k] for k in _BODY}


def submission_body_from_record(d: Mapping[str, Any]) -> dict[str, Any]:
    """A body record (see :func:`submission_to_head`) as the submission's attributes."""
    return {
        "values": _codes(d.get("values") or {}),
        "cells": _refs(d.get("cells") or {}),
        "ratings": [ChildRating(code=r["code"], name=r["name"], rating=r["rating"], tsvm=bool(r["tsvm"]),
                                reason=r["reason"], raw_rating=r["raw_rating"], cell=_ref(r["cell"]))
                    for r in d.get("ratings") or ()],
        "findings": findings_from_records(d.get("findings")),
    }


def submission_from_head(head: tuple, decode_body: Any, body: Any) -> Submission:
    """The submission of ``head``, its body decoded by ``decode_body(body)`` (a mapping of
    :func:`submission_body_from_record`'s attributes) on first access; equal, field for
    field, to the submission that was encoded."""
    form, version, unit, per, kind, unit_name, replaces, prov = head
    sub = Submission.__new__(Submission)
    sub.__dict__.update(
        form_code=form or "", form_version=version or "", unit_code=unit or "",
        period=(_PERIODS.get(per) or _one(_PERIODS, per, parse_period)) if per else None,
        provenance=None if prov is None else Provenance(
            prov[0], prov[1], prov[2], prov[3], datetime.fromisoformat(prov[4]) if prov[4] else None),
        kind=kind or "template", unit_name=unit_name, replaces=replaces, _deferred=(decode_body, body))
    return sub
