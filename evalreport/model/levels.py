"""Configured levels of a hierarchy (``evalreport/levels/*.yaml``): their keys, labels and order.

Levels are configuration, never code: a four-level province and a three-level one after the 2025
reform use the same program.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict

from evalreport.form.definition import Text
from evalreport.form.yaml_loading import safe_load

__all__ = ["Level", "LevelConfig", "load_levels", "LEVELS_DIR"]

LEVELS_DIR = Path(__file__).resolve().parents[1] / "levels"


class Level(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    key: str
    label: Text
    plural: Text


class LevelConfig(BaseModel):
    """The ordered levels of a hierarchy, root first."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str = "custom"
    levels: list[Level]

    @property
    def keys(self) -> list[str]:
        return [lv.key for lv in self.levels]

    def index(self, key: str) -> int:
        return self.keys.index(key)

    def get(self, key: str) -> Level:
        return self.levels[self.index(key)]

    def below(self, key: str) -> list[str]:
        """Level keys strictly below ``key``."""
        return self.keys[self.index(key) + 1:]


def load_levels(name_or_path: str | Path = "default") -> LevelConfig:
    """Load a level configuration: ``"default"`` (four levels), ``"three_level"`` or a YAML path."""
    path = Path(name_or_path)
    if not path.suffix:
        path = LEVELS_DIR / f"{name_or_path}.yaml"
    return LevelConfig.model_validate(safe_load(path.read_text(encoding="utf-8")))
