"""``python -m tools.selfcheck [--folder DIR] [--only a,b] [--all] [--write-docs docs/reliability.md]``

Builds the corpus of broken, unusual and hostile workbooks, runs each through the reader and a
consolidation, prints the reliability table and exits 1 if any case did not turn out as expected
(a crash, a missing finding, data lost), 0 otherwise.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console

from tools.selfcheck.cases import CASES
from tools.selfcheck.report import failures_table, summary_table, update_docs
from tools.selfcheck.run import run_cases


def main(argv: Sequence[str] | None = None, console: Console | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.selfcheck", description=__doc__.splitlines()[2])
    parser.add_argument("--folder", type=Path, help="build the corpus here and keep it (default: a temp folder)")
    parser.add_argument("--only", help="comma-separated case names")
    parser.add_argument("--all", action="store_true", help="list every case, not only the failures")
    parser.add_argument("--write-docs", type=Path, metavar="MD", help="regenerate the tables of this Markdown file")
    args = parser.parse_args(argv)
    console = console or Console()
    if args.write_docs:
        changed = update_docs(args.write_docs)
        console.print(f"{args.write_docs}: {'updated' if changed else 'already up to date'}")
        return 0
    names = [n.strip() for n in args.only.split(",")] if args.only else list(CASES)
    unknown = [n for n in names if n not in CASES]
    if unknown:
        console.print(f"[red]unknown case(s): {', '.join(unknown)}[/]")
        return 2
    if args.folder:
        outcomes = run_cases(args.folder, names)
    else:
        with tempfile.TemporaryDirectory(prefix="evalreport-selfcheck-") as tmp:
            outcomes = run_cases(tmp, names)
    console.print(summary_table(outcomes))
    failed = [o for o in outcomes if not o.ok]
    if failed or args.all:
        console.print(failures_table(outcomes, everything=args.all))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
