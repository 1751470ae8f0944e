"""Rendering: the summary workbook and the narrative Word report of a consolidation result.

Edges only: the numbers, shares and sentences are computed by pure modules
(:mod:`.narrative_context`, :mod:`.sentences`, :mod:`.form_roles`); the writers turn them into
files, atomically.
"""

from __future__ import annotations

from evalreport.render.word.jinja_env import TemplateRenderError, make_jinja_env
from evalreport.render.word.narrative_context import DocumentInfo, build_narrative_context

__all__ = ["DocumentInfo", "TemplateRenderError", "build_narrative_context", "make_jinja_env"]
