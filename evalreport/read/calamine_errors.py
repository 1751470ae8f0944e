"""Which failures inside python-calamine are the file's fault.

calamine is Rust: on some damaged files (a legacy .xls cut short by an interrupted copy) it
panics, and python-calamine raises the panic as ``PanicException``, a ``BaseException``. An
``except Exception`` lets it through, and one such file in an inbox, or as the unit list, would
stop a whole run. Every reader of officers' files therefore catches ``BaseException`` and asks
this module whether to turn it into a finding or to let it go on (Ctrl+C, SystemExit).
"""

from __future__ import annotations

__all__ = ["is_file_failure"]


def is_file_failure(exc: BaseException) -> bool:
    """True for any error and for a Rust panic in calamine; False for interruptions and exits."""
    return isinstance(exc, Exception) or type(exc).__name__ == "PanicException"
