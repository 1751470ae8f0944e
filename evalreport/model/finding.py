"""Findings: the structured report of everything wrong with an input.

Like pandera's and frictionless' error reports, a finding is data, not an exception: it names
the unit, file, sheet, cell and rule with the rule's parameters, and says whether it blocks the
submission (error) or is only listed (warning). It holds no sentences: the message catalog
(:func:`evalreport.wording.catalog.describe`) words it where it is shown, in the language asked.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

__all__ = ["Finding", "Severity", "make_finding", "has_errors", "findings_frame", "findings_rows", "FINDING_COLUMNS",
           "unique_findings"]

Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True)
class Finding:
    """One problem (or note) found in a file, a unit list or a consolidation: the rule that found
    it, how serious it is (``error`` keeps the file out of the totals, ``warning``, ``info``),
    where (unit, file, sheet, cell, row) and its message in each language, so an officer can act
    on it without reading code. :meth:`message` gives the text in one language."""

    rule: str
    severity: Severity
    params: Mapping[str, Any] = field(default_factory=dict)
    unit: str | None = None
    file: str | None = None
    sheet: str | None = None
    cell: str | None = None
    row: int | None = None

    def message(self, lang: str = "vi") -> str:
        """The catalog's wording of this finding: only a delegation to
        :func:`~evalreport.wording.catalog.describe`, kept because exception texts, logs and tests
        ask a finding for its message; edges that show findings call ``describe`` themselves."""
        from evalreport.wording.catalog import describe

        return describe(self, lang)

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def location(self) -> str:
        """``file › sheet!cell`` (whatever parts are known)."""
        parts = [p for p in (self.file, f"{self.sheet}!{self.cell}" if self.sheet and self.cell else self.sheet) if p]
        if self.row is not None and not self.cell:
            parts.append(f"row {self.row}")
        return " › ".join(parts)

    def to_dict(self, lang: str = "vi") -> dict[str, Any]:
        d = asdict(self)
        d["params"] = dict(self.params)
        d["message"] = self.message(lang)
        return d

    def with_context(self, **kw: Any) -> Finding:
        """A copy with unit/file/... filled in where they were unknown."""
        current = {k: getattr(self, k) for k in ("unit", "file", "sheet", "cell", "row")}
        update = {k: v for k, v in kw.items() if current.get(k) is None and v is not None}
        return self if not update else Finding(**{**asdict(self), **update})


def make_finding(rule: str, severity: Severity, *, params: Mapping[str, Any] | None = None,
                 **where: Any) -> Finding:
    """Build a finding of ``rule`` with its parameters (worded later by the catalog)."""
    return Finding(rule=rule, severity=severity, params=dict(params or {}), **where)


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.is_error for f in findings)


FINDING_COLUMNS = ("severity", "unit", "file", "sheet", "cell", "row", "rule", "message")


def findings_rows(findings: Iterable[Finding], lang: str = "vi") -> list[list[Any]]:
    """One row per finding in :data:`FINDING_COLUMNS` order, formula-like text made inert
    (what :func:`findings_frame` holds, for writers that do not need pandas)."""
    return [[_inert(getattr(f, c, None) if c != "message" else f.message(lang)) for c in FINDING_COLUMNS]
            for f in findings]


def findings_frame(findings: Iterable[Finding], lang: str = "vi"):
    """A pandas DataFrame with one row per finding (for tables, .xlsx and .csv exports)."""
    import pandas as pd

    return pd.DataFrame(findings_rows(findings, lang), columns=list(FINDING_COLUMNS))


def _inert(value: Any) -> Any:
    """Text that Excel would run as a formula when the export is opened (a file named
    ``=HYPERLINK(…).xlsx``, a unit code typed as ``=1+2``) gets a leading apostrophe: pandas writes
    such strings to .xlsx as formulas, and Excel evaluates them in .csv files."""
    if isinstance(value, str) and value.startswith(("=", "+", "-", "@", "\t", "\r")):
        return "'" + value
    return value


def unique_findings(findings: Iterable[Finding]) -> list[Finding]:
    """``findings`` in order without repeats: the same finding reaches a list from several
    sources (an unreadable file's ingest, its ledger row, a consolidation), and the officer
    should read it once. Two findings are the same when rule, place and English text agree."""
    seen: set[tuple] = set()
    out = []
    for f in findings:
        key = (f.rule, f.unit, f.file, f.sheet, f.cell, f.message("en"))
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out
