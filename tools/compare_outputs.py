"""Compare two output trees of ``evalreport demo`` by what an officer reads.

For every .xlsx: each sheet's cell values (calamine); for every .docx: the paragraphs' and tables'
text (python-docx); manifest.json and findings are compared through their workbooks. Run-specific
values (timestamps, run ids, durations, absolute paths) are masked. Used to show that a refactoring
left the demo's outputs unchanged:

    python -m tools.compare_outputs OLD_DEMO/outputs NEW_DEMO/outputs
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

_MASKS = [
    (re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?(\.\d+)?"), "<time>"),
    (re.compile(r"\b\d{2}/\d{2}/\d{4}( \d{2}:\d{2})?"), "<date>"),
    (re.compile(r"ngày \d+ tháng \d+ năm \d+"), "<ngày>"),
    (re.compile(r"/work/[^\s'\"]*"), "<path>"),
]


def _mask(value: object) -> str:
    text = "" if value is None else str(value)
    for pattern, repl in _MASKS:
        text = pattern.sub(repl, text)
    return text


def xlsx_text(path: Path) -> list[str]:
    from python_calamine import CalamineWorkbook

    wb = CalamineWorkbook.from_path(str(path))
    lines = []
    for name in wb.sheet_names:
        for r, row in enumerate(wb.get_sheet_by_name(name).to_python()):
            for c, value in enumerate(row):
                if value not in ("", None):
                    lines.append(f"{name}!R{r + 1}C{c + 1}={_mask(value)}")
    return lines


def docx_text(path: Path) -> list[str]:
    import docx

    doc = docx.Document(str(path))
    lines = [_mask(p.text) for p in doc.paragraphs if p.text.strip()]
    for t in doc.tables:
        for row in t.rows:
            lines.append(" | ".join(_mask(c.text) for c in row.cells))
    return lines


def tree_text(root: Path) -> dict[str, list[str]]:
    out = {}
    for path in sorted(root.rglob("*")):
        rel = str(path.relative_to(root))
        if path.suffix == ".xlsx":
            out[rel] = xlsx_text(path)
        elif path.suffix == ".docx":
            out[rel] = docx_text(path)
    return out


def main(argv: list[str]) -> int:
    old, new = tree_text(Path(argv[0])), tree_text(Path(argv[1]))
    differ = 0
    for name in sorted(set(old) | set(new)):
        if old.get(name) != new.get(name):
            differ += 1
            a, b = old.get(name, []), new.get(name, [])
            print(f"DIFFERS {name}: {len(a)} vs {len(b)} lines")
            for x, y in zip(a, b, strict=False):
                if x != y:
                    print(f"   - {x}\n   + {y}")
                    break
    print(f"{len(set(old) | set(new))} files compared, {differ} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
