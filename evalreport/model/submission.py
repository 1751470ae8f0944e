"""What a reader makes of one submitted workbook: values by field code, where each came from,
the child-rating table and the file's provenance. Pure data, shared by readers, rules,
consolidation, the ledger and renderers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from evalreport.model.finding import Finding
from evalreport.model.period import Period

__all__ = ["CellRef", "ChildRating", "Provenance", "Submission"]


@dataclass(frozen=True)
class CellRef:
    sheet: str
    cell: str  # A1 style, e.g. "C9"

    def __str__(self) -> str:
        return f"{self.sheet}!{self.cell}"


@dataclass(frozen=True)
class ChildRating:
    """One row of a non-leaf unit's table of direct children."""

    code: str
    name: str
    rating: str | None  # a rating code of the form (HTXSNV, HTTNV, HTNV, KHTNV, KDG) or None if blank
    tsvm: bool = False
    reason: str | None = None
    raw_rating: str | None = None  # what the officer typed, before normalisation
    cell: CellRef | None = None  # the rating cell


@dataclass(frozen=True)
class Provenance:
    path: str
    name: str
    size: int
    sha256: str
    modified: datetime | None = None


@dataclass
class Submission:
    """A submitted workbook as read. ``values`` holds whole numbers (or None for a blank or an
    unreadable cell, which always comes with an error finding)."""

    form_code: str
    form_version: str
    unit_code: str
    period: Period | None  # None only when the file could not be read far enough to know
    values: dict[str, int | None]
    cells: dict[str, CellRef] = field(default_factory=dict)
    ratings: list[ChildRating] = field(default_factory=list)
    provenance: Provenance | None = None
    findings: list[Finding] = field(default_factory=list)
    kind: str = "template"  # "template" (filled by an officer) or "summary" (written by evalreport)
    unit_name: str | None = None
    replaces: str | None = None  # sha256 of the submission this one replaced, if any

    # A submission restored from the run cache (:func:`evalreport.model.codec.submission_from_head`)
    # may arrive without its bulky parts (values, cells, ratings, findings): a rerun after one
    # corrected file reads 100,000 of them and looks inside a handful. They are decoded here, on
    # first access, from the ``_deferred`` (decode, payload) pair; an ordinary submission has
    # every field and never gets here.
    def __getattr__(self, name: str):
        deferred = self.__dict__.pop("_deferred", None)
        if deferred is None:
            raise AttributeError(name)
        decode, payload = deferred
        self.__dict__.update(decode(payload))
        return getattr(self, name)

    def __getstate__(self) -> dict:
        """Pickled (to a render worker) and copied whole: the deferred parts decoded first."""
        if "_deferred" in self.__dict__:
            self.__getattr__("values")
        return self.__dict__

    @property
    def ok(self) -> bool:
        """No error finding: the submission may enter the totals."""
        return not any(f.is_error for f in self.findings)

    @property
    def file_name(self) -> str | None:
        return self.provenance.name if self.provenance else None

    def cell_of(self, code: str) -> CellRef | None:
        return self.cells.get(code)
