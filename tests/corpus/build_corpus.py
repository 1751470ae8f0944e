"""Build the reliability corpus into a folder: ``python tests/corpus/build_corpus.py OUT_DIR``.

Nothing opaque is committed: every bad workbook is made here from a valid template (written by
``fill_template``) and damaged by byte, XML-part or openpyxl edits. The cases and the outcome
each must produce live in ``tools.selfcheck`` (so that ``python -m tools.selfcheck``
works on an installed copy, without tests/); this script writes the files plus
``expected.json`` (case -> file, outcome) for people and other tools to inspect.
Importable by tests: ``from corpus.build_corpus import build``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from tools.selfcheck import CASES, build_corpus


def build(folder: Path, names: list[str] | None = None) -> dict[str, Path | None]:
    """Write the corpus (every case, or ``names``) and its ``expected.json``; case -> file or None
    (None: LibreOffice, needed for that case, is not installed)."""
    built = build_corpus(folder, names)
    registry = {
        name: {"file": path.name if path else None, "group": CASES[name].group, "input": CASES[name].title,
               "outcome": CASES[name].expect.describe(), "rule": CASES[name].expect.rule,
               "severity": CASES[name].expect.severity, "values": CASES[name].expect.values}
        for name, path in built.items()}
    (Path(folder) / "expected.json").write_text(json.dumps(registry, ensure_ascii=False, indent=2), encoding="utf-8")
    return built


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--only", help="comma-separated case names")
    args = parser.parse_args(argv)
    built = build(args.folder, args.only.split(",") if args.only else None)
    skipped = [n for n, p in built.items() if p is None]
    print(f"{len(built) - len(skipped)} files written to {args.folder}" +
          (f"; skipped (no LibreOffice): {', '.join(skipped)}" if skipped else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
