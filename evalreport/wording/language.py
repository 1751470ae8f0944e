"""Which of the two languages a request means, and picking a text of a vi/en pair.

Kept free of heavy imports (no Babel) so that form definitions and the CLI can use it cheaply.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["LANGS", "language", "pick"]

LANGS = ("vi", "en")


def language(lang: str | None) -> str:
    """The catalog language for a requested one: English when asked, Vietnamese otherwise."""
    return "en" if lang == "en" else "vi"


def pick(texts: Mapping[str, str], lang: str | None) -> str:
    """The text of ``lang`` from a ``{"vi": ..., "en": ...}`` pair (Vietnamese when missing)."""
    return texts.get(language(lang)) or texts.get("vi") or next(iter(texts.values()), "")
