"""The instructions sheet an officer reads before filling in a form workbook.

Its text is built from the form definition (field codes, checks, ratings) so it never drifts
from what the reader and the rules actually enforce.
"""

from __future__ import annotations

import datetime as dt
import re

from openpyxl.worksheet.worksheet import Worksheet

from evalreport.form.definition import FormDefinition, RuleDef
from evalreport.form.layout import FormLayout
from evalreport.render.workbook.template_styles import PLAIN, SECTION, TITLE, protect_a4_portrait
from evalreport.wording.catalog import text
from evalreport.wording.numbers import fmt_date

__all__ = ["write_instructions"]

_CHARS_PER_LINE = 90


_IDENTIFIER = re.compile(r"[a-z_][a-z0-9_]*")


def _in_words(rule: RuleDef, form: FormDefinition, lang: str) -> str:
    """A rule's check as an officer reads it: the form's own sentence (``explain``) or, for a rule
    that has none, the check with each field code replaced by its label and ``=``/``≤`` for
    ``==``/``<=``; never the bare expression."""
    if rule.explain is not None:
        return rule.explain.get(lang)
    fields = set(form.field_codes)
    words = _IDENTIFIER.sub(lambda m: form.label(m.group(0), lang) if m.group(0) in fields else m.group(0), rule.check)
    return words.replace("==", "=").replace("<=", "≤").replace(">=", "≥").replace("!=", "≠")


def write_instructions(ws: Worksheet, form: FormDefinition, layout: FormLayout, lang: str = "vi",
                       deadline: dt.date | None = None) -> None:
    lines: list[tuple[str, str]] = [(TITLE, text("TPL_HOW_TITLE", lang, code=form.code)), (PLAIN, form.title.get(lang)),
                                    ("", ""), (SECTION, text("TPL_HOW_STEPS", lang))]
    if layout.is_blank:
        lines.append((PLAIN, text("TPL_HOW_BLANK", lang)))
    lines += [(PLAIN, text("TPL_HOW_YELLOW", lang, sheet=layout.sheet))]
    lines += [(PLAIN, text(key, lang)) for key in ("TPL_HOW_COUNTS", "TPL_HOW_LAYOUT", "TPL_HOW_SEND")]
    if deadline is not None:
        lines.append((SECTION, text("TPL_HOW_DEADLINE", lang, date=fmt_date(deadline, lang))))
    errors = [r for scope in ("submission", "previous_period") for r in form.iter_rules(scope) if r.severity == "error"]
    if errors:
        lines += [("", ""), (SECTION, text("TPL_HOW_CHECKS", lang))]
        lines += [(PLAIN, "• " + _in_words(r, form, lang)) for r in errors]
    org = form.organizations
    if org is not None and layout.children is not None:
        lines += [("", ""), (SECTION, text("TPL_HOW_RATINGS", lang))]
        lines += [(PLAIN, f"• {r.code}: {r.label.get(lang)}") for r in org.ratings]
        lines.append((PLAIN, text("TPL_HOW_TSVM", lang, yes=text("TPL_TSVM_YES", lang), label=org.tsvm.label.get(lang),
                                  allowed=", ".join(org.tsvm.allowed_with))))
        need_reason = [r.code for r in org.ratings if r.reason_required]
        if need_reason:
            lines.append((PLAIN, text("TPL_HOW_REASON", lang, codes=", ".join(need_reason))))
    lines += [("", ""), (PLAIN, text("TPL_HOW_PROTECT", lang))]
    for i, (style, line) in enumerate(lines, start=1):
        if not line:
            continue
        cell = ws.cell(row=i, column=1, value=line)
        cell.style = style
        if len(line) > _CHARS_PER_LINE:  # spreadsheet programs do not grow wrapped rows by themselves
            ws.row_dimensions[i].height = 16 * (1 + len(line) // _CHARS_PER_LINE)
    ws.column_dimensions["A"].width = 75  # wider than A4 portrait's text width: LibreOffice clips it
    protect_a4_portrait(ws)
