"""Lazy re-exports (PEP 562) for package ``__init__`` modules.

A package that re-exports names eagerly imports every module behind them, and with those
pandas, openpyxl, docxtpl...: ``evalreport --help`` and ``evalreport status`` then pay for the
whole pipeline, and importing one small module of the package can close an import cycle.
A package instead lists ``name -> "module"`` (or ``"module:attribute"`` where the names
differ) and sets ``__getattr__ = lazy_getattr(__name__, _EXPORTS, globals())``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, MutableMapping
from importlib import import_module
from typing import Any

__all__ = ["lazy_getattr"]


def lazy_getattr(package: str, exports: Mapping[str, str],
                 namespace: MutableMapping[str, Any]) -> Callable[[str], Any]:
    """A module ``__getattr__`` importing the module behind an exported name on first use; the
    value is then stored in ``namespace`` (the package's globals), so later lookups are plain."""

    def __getattr__(name: str) -> Any:
        target = exports.get(name)
        if target is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        module, _, attribute = target.partition(":")
        value = getattr(import_module(module), attribute or name)
        namespace[name] = value
        return value

    return __getattr__
