"""Named cell styles of form workbooks.

A province writes thousands of templates; registering a handful of NamedStyles once per
workbook and assigning them by name keeps openpyxl from building a style object per cell, and
keeps the look (and which cells are locked) in one place.
"""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Protection, Side

__all__ = ["register_styles", "label_style", "protect_a4_portrait", "TITLE", "HEADER", "SECTION", "SUBSECTION", "ANCHOR", "INPUT",
           "INPUT_TEXT", "PREFILLED", "NOTE", "PLAIN", "COUNT_FORMAT"]

TITLE, HEADER, SECTION, SUBSECTION = "er_title", "er_header", "er_section", "er_subsection"
ANCHOR, INPUT, INPUT_TEXT, PREFILLED, NOTE, PLAIN = (
    "er_anchor", "er_input", "er_input_text", "er_prefilled", "er_note", "er_plain")
COUNT_FORMAT = "#,##0"
_MAX_INDENT = 3
_FONT = "Times New Roman"


def label_style(indent: int) -> str:
    return f"er_label_{max(0, min(indent, _MAX_INDENT))}"


def register_styles(wb: Workbook) -> None:
    """Add every named style to ``wb`` (each workbook needs its own bound instances)."""
    thin = Side(style="thin", color="808080")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    locked, unlocked = Protection(locked=True), Protection(locked=False)
    input_fill = PatternFill("solid", fgColor="FFF2CC")
    band = PatternFill("solid", fgColor="D9E1F2")
    styles = [
        NamedStyle(TITLE, font=Font(name=_FONT, size=14, bold=True), protection=locked,
                   alignment=Alignment(vertical="center")),
        NamedStyle(HEADER, font=Font(name=_FONT, size=11, bold=True), fill=band, border=box, protection=locked,
                   alignment=Alignment(horizontal="center", vertical="center", wrap_text=True)),
        NamedStyle(SECTION, font=Font(name=_FONT, size=12, bold=True), protection=locked),
        NamedStyle(SUBSECTION, font=Font(name=_FONT, size=11, bold=True, italic=True), protection=locked),
        NamedStyle(ANCHOR, font=Font(name="Arial", size=7, color="A6A6A6"), protection=locked,
                   alignment=Alignment(vertical="center")),
        NamedStyle(INPUT, font=Font(name=_FONT, size=12), fill=input_fill, border=box, protection=unlocked,
                   number_format=COUNT_FORMAT, alignment=Alignment(horizontal="right", vertical="center")),
        NamedStyle(INPUT_TEXT, font=Font(name=_FONT, size=12), fill=input_fill, border=box, protection=unlocked,
                   number_format="@", alignment=Alignment(vertical="center", wrap_text=True)),
        NamedStyle(PREFILLED, font=Font(name=_FONT, size=12), border=box, protection=locked, number_format="@",
                   alignment=Alignment(vertical="center", wrap_text=True)),
        NamedStyle(NOTE, font=Font(name=_FONT, size=10, italic=True, color="595959"), protection=locked,
                   alignment=Alignment(vertical="center", wrap_text=True)),
        NamedStyle(PLAIN, font=Font(name=_FONT, size=12), protection=locked,
                   alignment=Alignment(vertical="top", wrap_text=True)),
    ]
    styles += [
        NamedStyle(label_style(i), font=Font(name=_FONT, size=12, italic=i >= 2), border=box, protection=locked,
                   alignment=Alignment(vertical="center", wrap_text=True, indent=2 * i))
        for i in range(_MAX_INDENT + 1)
    ]
    for style in styles:
        wb.add_named_style(style)


def protect_a4_portrait(ws) -> None:
    """Sheet protection on, and A4 portrait printing one page wide (as many pages tall as needed):
    the print setup every sheet an officer receives shares."""
    ws.protection.sheet = True
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "portrait"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
