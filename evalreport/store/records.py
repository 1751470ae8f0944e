"""The ledger's columns of a submission record (:mod:`evalreport.model.codec`) as JSON text, so
the ledger can rebuild a :class:`Submission` exactly as the reader produced it without opening
the workbook again (the inbox may have been cleaned, and re-reading thousands of files for every
run would cost minutes). Only the mapping of record keys to columns lives here; the shapes are
the codec's."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from evalreport.model.codec import (
    findings_from_records,
    findings_to_records,
    submission_from_record,
)
from evalreport.model.finding import Finding
from evalreport.model.submission import Submission

__all__ = ["dumps", "findings_to_json", "findings_from_json", "record_columns", "record_from_row",
           "submission_from_row"]


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


def findings_to_json(findings: list[Finding]) -> str:
    return dumps(findings_to_records(findings)) if findings else "[]"  # most files: none


def findings_from_json(text: str | None) -> list[Finding]:
    return findings_from_records(json.loads(text or "[]"))


def record_columns(record: dict[str, Any]) -> dict[str, str]:
    """The JSON columns the ledger stores for one submission record (an ingest worker makes them,
    so the recording process only writes rows)."""
    return {
        "values_json": dumps(record["values"]),
        "cells_json": dumps(record["cells"]),
        "ratings_json": dumps(record["ratings"]) if record["ratings"] else "[]",
        "findings_json": dumps(record["findings"]) if record["findings"] else "[]",
    }


def record_from_row(row: Any, replaces: str | None = None) -> dict[str, Any]:
    """The submission record of a ``files`` row of the ledger (see :mod:`.ledger`)."""
    return {
        "form": row["form"], "form_version": row["form_version"], "unit": row["unit"], "period": row["period"],
        "values": json.loads(row["values_json"] or "{}"),
        "cells": json.loads(row["cells_json"] or "{}"),
        "ratings": json.loads(row["ratings_json"] or "[]"),
        "provenance": {"path": row["archive_path"] or row["original_name"], "name": row["original_name"],
                       "size": row["size"], "sha256": row["sha256"], "modified": row["file_mtime"]},
        "findings": json.loads(row["findings_json"] or "[]"),
        "kind": row["kind"], "unit_name": row["unit_name"], "replaces": replaces,
    }


def submission_from_row(row: Any, replaces: str | None = None) -> Submission:
    return submission_from_record(record_from_row(row, replaces))
