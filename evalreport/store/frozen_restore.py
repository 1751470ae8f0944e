"""Frozen dataclass instances rebuilt from stored values that were valid instances (a cache's).

A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``, about three
times slower than filling the instance's dict, and the run caches rebuild tens of thousands of
them (100,000 units of a national unit list, 10,000 provenances of a province's run cache) on
every run. Only for values that came from instances: nothing here checks them.
"""

from __future__ import annotations

from typing import Any, TypeVar

__all__ = ["restore"]

T = TypeVar("T")


def restore(cls: type[T], **fields: Any) -> T:
    """An instance of ``cls`` holding ``fields`` exactly, without calling ``__init__``."""
    obj = object.__new__(cls)
    obj.__dict__.update(fields)
    return obj
