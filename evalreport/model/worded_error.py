"""The base of exceptions an officer may read: a message key and its parameters, like a finding.

Why: a broken ``evalreport.yaml``, a busy workspace or an unknown period reach the command line
and the Excel panel, which speak the officer's language; the code that raises does not know that
language. So the exception holds the wording catalog's key and plain parameters, and each edge
asks :meth:`WordedError.message` in its language. ``str(exc)`` stays English, for developers,
logs and tracebacks.
"""

from __future__ import annotations

from typing import Any

__all__ = ["WordedError"]


class WordedError(Exception):
    """An error worded by the catalog where it is shown: ``key`` and ``params``."""

    def __init__(self, key: str, /, **params: Any):
        self.key, self.params = key, params
        super().__init__(key)

    def message(self, lang: str = "vi") -> str:
        """What an officer reads, in ``lang``."""
        from evalreport.wording.catalog import text  # words at the edge; the CLI starts without Babel

        return text(self.key, lang, **self.params)

    def __str__(self) -> str:
        return self.message("en")

    def __reduce__(self) -> tuple:
        """Pickled whole (key, parameters and attributes) whatever the subclass's ``__init__``
        takes, so the error survives a worker process."""
        return _restore, (type(self),), dict(self.__dict__)


def _restore(cls: type[WordedError]) -> WordedError:
    return cls.__new__(cls)
