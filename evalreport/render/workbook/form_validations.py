"""The data validations of a form sheet: whole counts in the value cells; in the children's
table a rating from the form's list, the TSVM mark's one word and a reason of at most 500
characters.

Its own module so that the form sheet's writer (:mod:`.template_writer`) stays one idea: what
goes into which cell. An officer typing into a template meets these checks before the reader's.
"""

from __future__ import annotations

from openpyxl.worksheet.cell_range import MultiCellRange
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from evalreport.form.definition import FormDefinition
from evalreport.form.layout import CHILD_COLUMNS, VALUE_COL, FormLayout
from evalreport.read.count_values import MAX_COUNT
from evalreport.wording.catalog import text

__all__ = ["add_validations"]


def add_validations(ws: Worksheet, form: FormDefinition, layout: FormLayout, count_cells: list[str],
                     rating_rows: list[int]) -> None:
    lang = layout.lang
    invalid = text("TPL_INVALID", lang)
    if count_cells:
        dv = DataValidation(type="whole", operator="between", formula1="0", formula2=str(MAX_COUNT),
                            allow_blank=True, showErrorMessage=True, errorTitle=invalid,
                            error=text("TPL_COUNT_ERROR", lang, max=f"{MAX_COUNT:,}".replace(",", ".")),
                            showInputMessage=False)
        dv.sqref = MultiCellRange(_ranges(count_cells))
        ws.add_data_validation(dv)
    org = form.organizations
    if not rating_rows or org is None:
        return
    first, last = rating_rows[0], rating_rows[-1]
    codes = ",".join(r.code for r in org.ratings)
    rating = DataValidation(type="list", formula1=f'"{codes}"', allow_blank=True, showErrorMessage=True,
                            errorTitle=invalid, error=text("TPL_RATING_ERROR", lang), errorStyle="warning")
    rating.add(f"{CHILD_COLUMNS['rating']}{first}:{CHILD_COLUMNS['rating']}{last}")
    tsvm = DataValidation(type="list", formula1=f'"{text("TPL_TSVM_YES", lang)}"', allow_blank=True,
                          showErrorMessage=True, errorStyle="warning")
    tsvm.add(f"{CHILD_COLUMNS['tsvm']}{first}:{CHILD_COLUMNS['tsvm']}{last}")
    reason = DataValidation(type="textLength", operator="lessThanOrEqual", formula1="500", allow_blank=True)
    reason.add(f"{CHILD_COLUMNS['reason']}{first}:{CHILD_COLUMNS['reason']}{last}")
    for dv in (rating, tsvm, reason):
        ws.add_data_validation(dv)


def _ranges(cells: list[str]) -> str:
    """``C9 C10 C11 C15`` -> ``C9:C11 C15`` (one validation object for all count cells)."""
    rows = sorted(int(c[1:]) for c in cells)
    spans: list[list[int]] = []
    for r in rows:
        if spans and r == spans[-1][1] + 1:
            spans[-1][1] = r
        else:
            spans.append([r, r])
    col = VALUE_COL
    return " ".join(f"{col}{a}" if a == b else f"{col}{a}:{col}{b}" for a, b in spans)
