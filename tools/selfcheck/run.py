"""Building the corpus and judging what the reader and the consolidation make of each file.

For every case: the file is read with :func:`~evalreport.read_submission` (with the case's
limits, if any), then consolidated alone with :func:`~evalreport.aggregate.consolidate.consolidate`.
It passes when nothing raised, the expected finding is among the results with its severity,
and a file that should be read has exactly the expected values in the consolidated totals
(anything else is "data lost"); a file that should be refused must stay out of the totals.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from evalreport.aggregate.consolidate import consolidate
from evalreport.read.workbook import read_submission
from tools.selfcheck import corpus as _corpus  # noqa: F401 - registers the corpus cases
from tools.selfcheck import hostile as _hostile  # noqa: F401 - registers the hostile cases
from tools.selfcheck import hostile_ods as _hostile_ods  # noqa: F401 - registers the hostile .ods cases
from tools.selfcheck.cases import CASES, Builder, Case
from tools.selfcheck.edits import soffice_path
from tools.selfcheck.sample import PERIOD

__all__ = ["Outcome", "build_case", "build_corpus", "evaluate", "run_cases"]


@dataclass
class Outcome:
    case: Case
    status: str  # "pass", "fail", "crash" or "skipped"
    detail: str = ""
    rules: list[tuple[str, str]] = field(default_factory=list)  # (rule, severity) of every finding
    data_lost: bool = False
    seconds: float = 0.0
    path: Path | None = None

    @property
    def ok(self) -> bool:
        return self.status in ("pass", "skipped")


def _available(case: Case) -> bool:
    return case.needs != "soffice" or soffice_path() is not None


def build_case(builder: Builder, case: Case) -> Path | None:
    """The case's file in the builder's folder, or None when a tool it needs is missing."""
    if not _available(case):
        return None
    return case.build(builder, case.file_name)


def build_corpus(folder: str | Path, names: Iterable[str] | None = None) -> dict[str, Path | None]:
    """Write the files of every case (or of ``names``) into ``folder``: case name -> file."""
    builder = Builder(Path(folder))
    return {n: build_case(builder, CASES[n]) for n in (names or CASES)}


def evaluate(case: Case, path: Path | None, builder: Builder) -> Outcome:
    """Read and consolidate one built file and judge the result against the case's expectation."""
    if path is None:
        return Outcome(case, "skipped", f"needs {case.needs}")
    start = time.perf_counter()
    try:
        sub = read_submission(path, limits=case.limits)
        result = consolidate(builder.form, PERIOD, [sub], builder.hierarchy, case.root)
    except Exception as exc:  # noqa: BLE001 - a crash is exactly what is being counted
        return Outcome(case, "crash", f"{type(exc).__name__}: {exc}", seconds=time.perf_counter() - start,
                       path=path)
    seconds = time.perf_counter() - start
    rules = sorted({(f.rule, f.severity) for f in [*sub.findings, *result.findings]})
    out = Outcome(case, "pass", rules=rules, seconds=seconds, path=path)
    exp = case.expect
    problems = []
    if exp.rule and (exp.rule, exp.severity) not in rules:
        problems.append(f"expected {exp.severity} {exp.rule}")
    if exp.accepted:
        assert exp.values is not None
        errors = [r for r, s in rules if s == "error"]
        if errors:
            problems.append(f"unexpected errors {', '.join(errors)}")
        unit = sub.unit_code
        totals = result.units[unit].values if unit in result.units and unit in result.accepted else {}
        wrong = {k: (v, totals.get(k)) for k, v in exp.values.items() if totals.get(k) != v}
        if wrong:
            out.data_lost = True
            problems.append("values not in the totals: " + ", ".join(f"{k} expected {v}, got {got}"
                                                                     for k, (v, got) in sorted(wrong.items())))
    elif sub.unit_code in result.accepted:
        problems.append("a refused file entered the totals")
    if problems:
        out.status, out.detail = "fail", "; ".join(problems) + f" (found: {', '.join(r for r, _ in rules) or '-'})"
    return out


def run_cases(folder: str | Path, names: Iterable[str] | None = None) -> list[Outcome]:
    """Build and evaluate every case (or ``names``); building failures count as crashes too."""
    builder = Builder(Path(folder))
    outcomes = []
    for name in names or list(CASES):
        case = CASES[name]
        try:
            path = build_case(builder, case)
        except Exception as exc:  # noqa: BLE001 - reported, never hidden
            outcomes.append(Outcome(case, "fail", f"could not build: {type(exc).__name__}: {exc}"))
            continue
        outcomes.append(evaluate(case, path, builder))
    return outcomes
