"""Render the narrative Word report of one unit with docxtpl.

Any .docx can serve as the template: the default one (built by
``tools/word_templates.py``, shipped in ``evalreport/resources``) or a copy an officer edited
in Word. The context is :func:`.narrative_context.build_narrative_context` plus the chart
(``bieu_do``: a native Word chart, :mod:`.docx_chart`); the environment is the sandboxed,
autoescaping one of :mod:`.jinja_env`, so text from submissions cannot break the document and a
template mistake is reported with its tag. A template is prepared once per process and content
(:mod:`.prepared_template`: an all-levels run renders it for every non-leaf unit); what the
preparation cannot reproduce goes through plain docxtpl.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate, Listing, RichText
from jinja2 import TemplateError
from jinja2.sandbox import SecurityError

from evalreport.model.result import ConsolidationResult
from evalreport.render.word import sentences as S
from evalreport.render.word.charts import ratings_chart
from evalreport.render.word.docx_chart import InlineChart
from evalreport.render.word.jinja_env import make_jinja_env, template_error
from evalreport.render.word.movement_context import build_movement_context, has_movement_report
from evalreport.render.word.narrative_context import DocumentInfo, build_narrative_context
from evalreport.render.word.prepared_template import ReportTemplate, prepared_template
from evalreport.store.atomic import atomic_path
from evalreport.wording.language import language

__all__ = ["render_narrative", "write_narrative", "default_template", "template_for", "RESOURCES_DIR", "TEMPLATE_NAMES",
           "REPORT_TEMPLATES"]

#: The shipped Word templates (built by ``tools/word_templates.py``), per form, one per language.
RESOURCES_DIR = Path(__file__).resolve().parents[2] / "resources"
REPORT_TEMPLATES = {
    "DG-NAM": {"vi": "DG-NAM_bao_cao.docx", "en": "DG-NAM_report_en.docx"},
    "DV-THANG": {"vi": "DV-THANG_bao_cao.docx", "en": "DV-THANG_report_en.docx"},
}
TEMPLATE_NAMES = REPORT_TEMPLATES["DG-NAM"]


def default_template(lang: str = "vi", form: str = "DG-NAM") -> Path:
    return RESOURCES_DIR / REPORT_TEMPLATES[form][language(lang)]


def template_for(ctx: dict[str, Any], template: str | Path | None = None, lang: str = "vi") -> Path:
    """The .docx a context is rendered with: ``template``, else the shipped one of its form."""
    if template:
        return Path(template)
    form = ctx.get("bieu_mau", {}).get("ma")
    return default_template(lang, form if form in REPORT_TEMPLATES else "DG-NAM")


def _chart(tpl: DocxTemplate, context: dict[str, Any]) -> InlineChart | None:
    if "dang_vien" not in context:  # only the evaluation report has the ratings chart
        return None
    rows = context["don_vi_con"]
    labels = [S.capitalize(i["nhan"]) for i in context["dang_vien"]["xep_loai"]]
    chart = ratings_chart([r["ten"] for r in rows], [r["xep_loai"] for r in rows], labels, context["lang"])
    return InlineChart(tpl, chart) if chart else None


def _source_of(tpl: DocxTemplate) -> str:
    """The Jinja source docxtpl was rendering when it failed (for locating the faulty tag)."""
    part = tpl.current_rendering_part
    xml = tpl.get_xml() if part is None or part is tpl.docx._part else tpl.get_part_xml(part)
    return re.sub(r"<w:p([ >])", r"\n<w:p\1", tpl.patch_xml(xml))


def render_narrative(result: ConsolidationResult, unit_code: str | None, path: str | Path,
                     template: str | Path | None = None, lang: str = "vi", *, doc: DocumentInfo | None = None,
                     chart: bool = True, context: dict[str, Any] | None = None) -> Path:
    """Write the narrative report of ``unit_code`` (default: the root) to ``path`` atomically:
    the evaluation report, or for a form with ``roles.movement`` (DV-THANG) the movement report.

    ``template`` is any .docx with docxtpl tags (default: the shipped one for ``lang``); ``doc``
    carries the document's number, place, date, signer and recipients; ``context`` adds or
    overrides variables (e.g. ``danh_gia_chung``). Raises :class:`~.jinja_env.TemplateRenderError`
    naming the tag when the template is wrong.
    """
    build = build_movement_context if has_movement_report(result.form) else build_narrative_context
    ctx = build(result, unit_code, lang, doc)
    return write_narrative(ctx, path, template, lang, chart=chart, context=context)


def write_narrative(ctx: dict[str, Any], path: str | Path, template: str | Path | None = None, lang: str = "vi",
                    *, chart: bool = True, context: dict[str, Any] | None = None) -> Path:
    """The half of :func:`render_narrative` after :func:`build_narrative_context`: the chart and
    the document, from the context's plain values alone (a run hands this half to its render
    helper process, which never sees the consolidation result)."""
    template_path = template_for(ctx, template, lang)
    prepared = prepared_template(template_path) if _plain_values(context) else None
    tpl: DocxTemplate | None = None
    if prepared is not None:
        try:
            tpl = _rendered(prepared.unit(), ctx, chart, context)
        except (TemplateError, SecurityError):
            tpl = None  # docxtpl's own path below meets it again and reports it with its source
    if tpl is None:
        tpl = ReportTemplate(str(template_path))
        try:
            _rendered(tpl, ctx, chart, context)
        except (TemplateError, SecurityError) as exc:
            raise template_error(exc, _source_of(tpl), template_path.name, lang) from None
    target = Path(path)
    with atomic_path(target) as tmp:
        tpl.save(str(tmp))
    return target


def _rendered(tpl: DocxTemplate, ctx: dict[str, Any], chart: bool, context: dict[str, Any] | None) -> DocxTemplate:
    ctx = dict(ctx)
    ctx["bieu_do"] = _chart(tpl, ctx) if chart else None
    ctx.update(context or {})
    tpl.render(ctx, make_jinja_env(), autoescape=True)
    return tpl


def _plain_values(context: dict[str, Any] | None) -> bool:
    """Whether the caller's values can go through the prepared template: docxtpl's pictures and
    sub-documents belong to the package of the template they were made for."""
    return not any(type(v).__module__.startswith("docxtpl") and not isinstance(v, (RichText, Listing))
                   for v in (context or {}).values())
