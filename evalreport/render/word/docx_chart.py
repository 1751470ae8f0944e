"""Print a :class:`.charts.RatingsChart` where a Word template says ``{{ bieu_do }}``.

:class:`InlineChart` works like docxtpl's ``InlineImage``, so the tag behaves the same in the
shipped template and in any template an officer made: printed, it closes the run the tag sits in
and opens one holding an inline drawing whose graphic is the chart (``<c:chart r:id=…>``). The
chart part (``word/charts/chartN.xml``) and its embedded workbook are added to the package, and
related from the part being rendered (body, header or footer), only when the tag is printed: a
template without the tag gets no orphan part, one that prints it twice gets two charts.
"""

from __future__ import annotations

from xml.sax.saxutils import quoteattr

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part
from docx.shared import Cm, Length
from docxtpl import DocxTemplate

from evalreport.render.word.chart_slots import chart_part_xml
from evalreport.render.word.chart_workbook import chart_workbook_xlsx
from evalreport.render.word.charts import CHART_NS, RatingsChart
from evalreport.wording.catalog import text

__all__ = ["InlineChart", "chart_height"]

_WORKBOOK_RID = "rId1"  # the chart part's only relationship
_NS = {"wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
       "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
       "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}


def chart_height(bars: int) -> Length:
    """Room for the bars (about 0.55 cm each), the value axis and a two-line legend; at least
    6 cm, at most 22 cm so that the chart and its caption fit the A4 text height."""
    return Cm(min(22.0, max(6.0, 3.5 + 0.55 * bars)))


class InlineChart:
    """The value of ``bieu_do``: truthy, and printed by Jinja as the run XML of the chart."""

    def __init__(self, tpl: DocxTemplate, chart: RatingsChart, width: Length = Cm(15.5),
                 height: Length | None = None) -> None:
        self.tpl, self.chart = tpl, chart
        self.width, self.height = width, height or chart_height(len(chart.units))

    def _add_parts(self) -> str:
        """Add the chart and workbook parts, related from the part being rendered; its rId."""
        source = self.tpl.current_rendering_part
        package = source.package
        chart_part = Part(package.next_partname("/word/charts/chart%d.xml"), CT.DML_CHART,
                          chart_part_xml(self.chart, _WORKBOOK_RID), package)
        rid = source.relate_to(chart_part, RT.CHART)
        workbook = Part(package.next_partname("/word/embeddings/Microsoft_Excel_Worksheet%d.xlsx"),
                        CT.SML_SHEET, chart_workbook_xlsx(self.chart), package)
        chart_part.load_rel(RT.PACKAGE, workbook, _WORKBOOK_RID)
        return rid

    def __html__(self) -> str:
        rid = self._add_parts()
        # ids are renumbered by docxtpl in the body; this one keeps them unique in headers too
        self.tpl.docx_ids_index += 1
        shape_id, lang = self.tpl.docx_ids_index, self.chart.lang
        # the drawing's name (Word's selection pane) and its alternative text (screen readers)
        name, alt = text("CHART_NAME", lang), text("CHART_ALT", lang)
        inline = (
            f'<wp:inline distT="0" distB="0" distL="0" distR="0" xmlns:wp="{_NS["wp"]}">'
            f'<wp:extent cx="{int(self.width)}" cy="{int(self.height)}"/>'
            '<wp:effectExtent l="0" t="0" r="0" b="0"/>'
            f'<wp:docPr id="{shape_id}" name={quoteattr(name)} descr={quoteattr(alt)}/>'
            '<wp:cNvGraphicFramePr/>'
            f'<a:graphic xmlns:a="{_NS["a"]}"><a:graphicData uri="{CHART_NS}">'
            f'<c:chart xmlns:c="{CHART_NS}" xmlns:r="{_NS["r"]}" r:id="{rid}"/>'
            '</a:graphicData></a:graphic></wp:inline>')
        return f'</w:t></w:r><w:r><w:drawing>{inline}</w:drawing></w:r><w:r><w:t xml:space="preserve">'

    __str__ = __html__
