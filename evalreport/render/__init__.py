"""Rendering: the summary workbook and the narrative Word report of a consolidation result.

Edges only: the numbers, shares and sentences are computed by pure modules
(:mod:`.narrative_context`, :mod:`.sentences`, :mod:`.form_roles`); the writers turn them into
files, atomically.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from evalreport.lazy_exports import lazy_getattr

# Lazy: the workbook writers and the store import modules of this package without wanting jinja2.
_EXPORTS = {"DocumentInfo": "evalreport.render.word.narrative_context",
            "build_narrative_context": "evalreport.render.word.narrative_context",
            "TemplateRenderError": "evalreport.render.word.jinja_env",
            "make_jinja_env": "evalreport.render.word.jinja_env"}

__all__ = ["DocumentInfo", "TemplateRenderError", "build_narrative_context", "make_jinja_env"]

if TYPE_CHECKING:
    from evalreport.render.word.jinja_env import TemplateRenderError, make_jinja_env
    from evalreport.render.word.narrative_context import DocumentInfo, build_narrative_context

__getattr__ = lazy_getattr(__name__, _EXPORTS, globals())
