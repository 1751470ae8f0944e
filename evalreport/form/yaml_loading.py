"""YAML parsing with libyaml's C parser when PyYAML was built with it (the wheels are).

Every run parses the forms, the level configuration and the workspace configuration; the
pure-Python parser takes ~0.2 s for them, as much as a whole rerun after one corrected file
may cost. Both parsers accept the same documents and raise :class:`yaml.YAMLError`.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any

import yaml

__all__ = ["safe_load", "read_mapping"]

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(stream: str | bytes | IO[str] | IO[bytes]) -> Any:
    """``yaml.safe_load`` (plain data only, no Python objects), with the C parser if present."""
    return yaml.load(stream, Loader=_LOADER)  # noqa: S506 - a safe loader (CSafeLoader or SafeLoader)


def read_mapping(path: Path, name: str, expected: str, error: type[Exception]) -> dict:
    """The YAML file ``path``, which must hold a mapping at the top level. A parse error or another
    shape raises ``error`` (a :class:`~evalreport.model.worded_error.WordedError`) naming ``name``
    (the file as the officer knows it) and, for a wrong shape, what was ``expected`` (a message
    key of the wording catalog)."""
    try:
        data = safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise error("YAML_INVALID", file=name, detail=str(exc)) from None
    if not isinstance(data, dict):
        raise error("YAML_NOT_MAPPING", file=name, expected={"$key": expected})
    return data
