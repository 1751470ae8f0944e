"""A unit's state in a period: the one vocabulary of domain.md ("A unit's state in a period").

Why one enum: the status table, history, the summary workbook, the narrative, the findings
workbook and the Excel panel used to name the same state with different words ("có lỗi",
"chưa gửi", "chưa nhận"), and a report even called a unit that sent a file with errors "chưa
gửi". Every output now asks :func:`evalreport.wording.catalog.text` for ``state.key``.
"""

from __future__ import annotations

from enum import Enum

__all__ = ["UnitState"]


class UnitState(str, Enum):
    """The value is the stable code (stored, compared, shown by ``--json``); ``key`` names the
    words in the wording catalog. ``late`` is orthogonal to the others (a late file is also
    accepted or rejected)."""

    ACCEPTED = "accepted"  # received, passed every error rule, in the totals
    REJECTED = "rejected"  # received, an error keeps it out of the totals until corrected
    MISSING = "missing"  # nothing received
    LATE = "late"  # received after the deadline
    PENDING = "pending"  # held: a closed period, or found in another period's inbox
    APPROVED = "approved"  # accepted and approved by the receiving level

    def __str__(self) -> str:
        return self.value

    @property
    def key(self) -> str:
        """The wording catalog's key of this state's words ("STATE_ACCEPTED")."""
        return "STATE_" + self.name
