"""YAML parsing with libyaml's C parser when PyYAML was built with it (the wheels are).

Every run parses the forms, the level configuration and the workspace configuration; the
pure-Python parser takes ~0.2 s for them, as much as a whole rerun after one corrected file
may cost. Both parsers accept the same documents and raise :class:`yaml.YAMLError`.
"""

from __future__ import annotations

from typing import IO, Any

import yaml

__all__ = ["safe_load"]

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(stream: str | bytes | IO[str] | IO[bytes]) -> Any:
    """``yaml.safe_load`` (plain data only, no Python objects), with the C parser if present."""
    return yaml.load(stream, Loader=_LOADER)  # noqa: S506 - a safe loader (CSafeLoader or SafeLoader)
