"""The words of a unit's state (evalreport.model.unit_state.UnitState), by key: the table of
domain.md, used by every output that shows a state."""

from __future__ import annotations

__all__ = ["MESSAGES"]

MESSAGES: dict[str, dict[str, str]] = {
    "STATE_ACCEPTED": {"vi": "Đã nộp, hợp lệ", "en": "Accepted"},
    "STATE_REJECTED": {"vi": "Đã nộp, có lỗi", "en": "Rejected"},
    "STATE_MISSING": {"vi": "Chưa nộp", "en": "Missing"},
    "STATE_LATE": {"vi": "Nộp muộn", "en": "Late"},
    "STATE_PENDING": {"vi": "Chờ xử lý", "en": "Pending"},
    "STATE_APPROVED": {"vi": "Đã duyệt", "en": "Approved"},
    "STATE_AND_LATE": {"vi": "{state} (nộp muộn)", "en": "{state} (late)"},
    # a non-leaf unit whose own figures are in but some units below it are not
    "STATE_PARTIAL": {"vi": "Thiếu một phần ({got}/{expected})", "en": "Incomplete ({got}/{expected})"},
}
