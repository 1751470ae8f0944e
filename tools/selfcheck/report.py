"""The reliability table (printed by ``python -m tools.selfcheck``) and the generated part of
docs/reliability.md: the read limits with their defaults, and what each bad input produces."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from rich.table import Table

from evalreport.read.guard import ReadLimits
from tools.selfcheck.cases import CASES
from tools.selfcheck.run import Outcome

__all__ = ["summary_table", "failures_table", "limits_markdown", "cases_markdown", "update_docs",
           "LIMIT_HELP", "BEGIN", "END"]

#: What each limit protects against (kept beside the docs generator; a test checks every limit is here).
LIMIT_HELP = {
    "max_file_bytes": "size of the submitted file on disk",
    "max_parts": "number of parts (zip members) in the workbook",
    "max_part_bytes": "one part, unpacked, as declared and as really decompressed",
    "max_total_bytes": "all parts together, unpacked, declared and real",
    "max_ratio": "unpacked/packed ratio of one part (a zip bomb) ...",
    "ratio_min_bytes": "... checked for parts at least this large when unpacked",
    "xml_head_bytes": "the XML prolog (where a DOCTYPE would be) must end within this many bytes",
    "max_sheet_cells": "cell area a sheet reaches (last row × last column): a parser holds sheets as dense grids",
    "worker_memory_bytes": "memory (address space) of each worker process that parses, on Linux",
}
BEGIN = "<!-- BEGIN GENERATED: python -m tools.selfcheck --write-docs -->"
END = "<!-- END GENERATED -->"


def summary_table(outcomes: list[Outcome]) -> Table:
    table = Table(title="evalreport reliability self-check")
    for col in ("group", "cases tried", "as expected", "crashes", "data lost", "skipped", "slowest (s)"):
        table.add_column(col, justify="left" if col == "group" else "right")
    groups = sorted({o.case.group for o in outcomes})
    for group in [*groups, "total"]:
        rows = [o for o in outcomes if group in ("total", o.case.group)]
        tried = [o for o in rows if o.status != "skipped"]
        crashes = sum(o.status == "crash" for o in rows)
        lost = sum(o.data_lost for o in rows)
        table.add_row(group, str(len(tried)), f"{sum(o.status == 'pass' for o in rows)}/{len(tried)}",
                      f"[{'red' if crashes else 'green'}]{crashes}[/]", f"[{'red' if lost else 'green'}]{lost}[/]",
                      str(len(rows) - len(tried)), f"{max((o.seconds for o in rows), default=0):.2f}",
                      style="bold" if group == "total" else None)
    return table


def failures_table(outcomes: list[Outcome], everything: bool = False) -> Table:
    table = Table(title="cases" if everything else "cases not as expected")
    for col in ("case", "status", "expected", "found / detail"):
        table.add_column(col)
    for o in outcomes:
        if everything or not o.ok:
            found = ", ".join(f"{r} ({s})" for r, s in o.rules) or "-"
            table.add_row(o.case.name, o.status, o.case.expect.describe(), o.detail or found)
    return table


def limits_markdown() -> str:
    defaults = ReadLimits()
    lines = ["| limit | default | what it bounds |", "| --- | --- | --- |"]
    for f in fields(ReadLimits):
        value = getattr(defaults, f.name)
        shown = f"{value:,}".replace(",", " ") if isinstance(value, int) else f"{value:g}"
        lines.append(f"| `{f.name}` | {shown} | {LIMIT_HELP[f.name]} |")
    return "\n".join(lines)


def cases_markdown() -> str:
    lines = ["| group | case | input | outcome |", "| --- | --- | --- | --- |"]
    for c in CASES.values():
        note = " (LibreOffice needed to build it)" if c.needs == "soffice" else ""
        if c.limits is not None:
            changed = {f.name: getattr(c.limits, f.name) for f in fields(ReadLimits)
                       if getattr(c.limits, f.name) != getattr(ReadLimits(), f.name)}
            note += " (read with " + ", ".join(f"`{k}={v}`" for k, v in changed.items()) + ")"
        if c.root:
            note += f" (consolidated under {c.root})"
        lines.append(f"| {c.group} | `{c.name}` | {c.title.replace('|', '/')}{note} | {c.expect.describe()} |")
    return "\n".join(lines)


def generated_block() -> str:
    return (f"{BEGIN}\n\n### Limits\n\n{limits_markdown()}\n\n### What each bad input produces\n\n"
            f"{cases_markdown()}\n\n{END}")


def update_docs(path: Path) -> bool:
    """Replace the generated block of ``path`` (between the markers); True if the file changed."""
    text = path.read_text(encoding="utf-8")
    start, end = text.index(BEGIN), text.index(END) + len(END)
    new = text[:start] + generated_block() + text[end:]
    if new != text:
        path.write_text(new, encoding="utf-8")
    return new != text
