"""evalreport: consolidate Party organizations' evaluation reports up a hierarchy.

Data flows one way: read -> check -> aggregate -> render. The public API is re-exported here.
"""

from __future__ import annotations

__version__ = "0.1.0"  # first: modules imported below read it

from evalreport.aggregate.consolidate import consolidate
from evalreport.check.rules import check
from evalreport.form.definition import FormDefinition, FormDefinitionError, available_forms, load_form
from evalreport.model.finding import Finding
from evalreport.model.hierarchy import (
    Hierarchy,
    HierarchyError,
    LevelConfig,
    Unit,
    load_hierarchy,
    load_levels,
)
from evalreport.model.period import Period, PeriodError, parse_period
from evalreport.model.result import ConsolidationResult
from evalreport.model.submission import ChildRating, Submission
from evalreport.read.workbook import read_submission
from evalreport.render.word.narrative import render_narrative
from evalreport.render.workbook.summary_workbook import write_summary_workbook
from evalreport.render.workbook.template_writer import fill_template, make_template, make_templates
from evalreport.store import Workspace, WorkspaceConfigError, WorkspaceLocked

__all__ = [
    "__version__",
    "Workspace",
    "WorkspaceConfigError",
    "WorkspaceLocked",
    "render_narrative",
    "write_summary_workbook",
    "FormDefinition",
    "FormDefinitionError",
    "available_forms",
    "load_form",
    "Finding",
    "Hierarchy",
    "HierarchyError",
    "LevelConfig",
    "Unit",
    "load_hierarchy",
    "load_levels",
    "Period",
    "PeriodError",
    "parse_period",
    "ConsolidationResult",
    "ChildRating",
    "Submission",
    "make_template",
    "fill_template",
    "make_templates",
    "read_submission",
    "check",
    "consolidate",
]
