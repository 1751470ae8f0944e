"""evalreport: consolidate Party organizations' evaluation reports up a hierarchy.

Data flows one way: read -> check -> aggregate -> render. The public API is re-exported here.
"""

from __future__ import annotations

__version__ = "0.1.0"  # first: modules imported below read it

from .consolidate import consolidate
from .definition import FormDefinition, FormDefinitionError, available_forms, load_form
from .findings import Finding
from .hierarchy import Hierarchy, HierarchyError, LevelConfig, Unit, load_hierarchy, load_levels
from .periods import Period, PeriodError, parse_period
from .reader import read_submission
from .render.narrative import render_narrative
from .render.summary_workbook import write_summary_workbook
from .result import ConsolidationResult
from .rules import check
from .submission import ChildRating, Submission
from .template_writer import fill_template, make_template, make_templates
from .workspace import Workspace, WorkspaceConfigError, WorkspaceLocked

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
