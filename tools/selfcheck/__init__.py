"""Reliability self-check: a corpus of broken, unusual and hostile workbooks, each with the outcome
it must produce, run through the reader and a consolidation.

``python -m tools.selfcheck`` builds the corpus in a temporary folder and prints a table:
cases tried, outcomes as expected, crashes (must be 0) and data lost (must be 0); it exits non-zero
when any expectation fails. The same registry (:data:`CASES`) drives the test suite
(tests/test_corpus.py) and the table of docs/reliability.md, so the three cannot drift apart.
"""

from __future__ import annotations

from tools.selfcheck.cases import CASES, Case, Expect
from tools.selfcheck.run import Outcome, build_corpus, evaluate, run_cases

__all__ = ["CASES", "Case", "Expect", "Outcome", "build_corpus", "evaluate", "run_cases"]
