"""evalreport: consolidate Party organizations' evaluation reports up a hierarchy.

Data flows one way: read -> check -> aggregate -> render. The public API is re-exported here,
lazily (PEP 562): ``import evalreport`` costs almost nothing, and each name imports its module
(with pandas, openpyxl, docxtpl ... behind it) on first use, so ``evalreport --help``,
``evalreport status`` and the Excel panel's light handlers start fast.

Verbs: ``load_*`` a definition (form, unit list, levels), ``parse_period``, ``read_submission`` a
received workbook, ``check_submission`` one, ``consolidate`` many; ``make_*``/``fill_template``
write fill-in workbooks, ``write_summary_workbook`` and ``render_narrative`` write the reports.
A :class:`Workspace` runs all of it for a folder, month after month.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from evalreport.lazy_exports import lazy_getattr

__version__ = "0.1.0"

# Public name -> the module defining it (``module:attribute`` where the names differ). Static, so
# the lazy lookup below needs no import scan. ``check`` is published as ``check_submission``: the
# subpackage ``evalreport.check`` is bound to that attribute as soon as anything imports it.
_EXPORTS: dict[str, str] = {
    "Workspace": "evalreport.store.workspace",
    "WorkspaceConfigError": "evalreport.store.config",
    "WorkspaceLocked": "evalreport.store.lock",
    "render_narrative": "evalreport.render.word.narrative",
    "write_summary_workbook": "evalreport.render.workbook.summary_workbook",
    "FormDefinition": "evalreport.form.definition",
    "FormDefinitionError": "evalreport.form.definition",
    "available_forms": "evalreport.form.definition",
    "load_form": "evalreport.form.definition",
    "Finding": "evalreport.model.finding",
    "Hierarchy": "evalreport.model.hierarchy",
    "HierarchyError": "evalreport.model.hierarchy",
    "LevelConfig": "evalreport.model.hierarchy",
    "Unit": "evalreport.model.hierarchy",
    "load_hierarchy": "evalreport.model.unit_list",
    "load_levels": "evalreport.model.hierarchy",
    "Period": "evalreport.model.period",
    "PeriodError": "evalreport.model.period",
    "parse_period": "evalreport.model.period",
    "ConsolidationResult": "evalreport.model.result",
    "ChildRating": "evalreport.model.submission",
    "Submission": "evalreport.model.submission",
    "make_template": "evalreport.render.workbook.template_writer",
    "fill_template": "evalreport.render.workbook.template_writer",
    "make_templates": "evalreport.render.workbook.template_batch",
    "read_submission": "evalreport.read.workbook",
    "check_submission": "evalreport.check.rules:check",
    "consolidate": "evalreport.aggregate.consolidate",
}

__all__ = [  # literal, so linters and type checkers read it; a test keeps it equal to _EXPORTS
    "__version__",
    "Workspace", "WorkspaceConfigError", "WorkspaceLocked", "render_narrative", "write_summary_workbook",
    "FormDefinition", "FormDefinitionError", "available_forms", "load_form", "Finding", "Hierarchy",
    "HierarchyError", "LevelConfig", "Unit", "load_hierarchy", "load_levels", "Period", "PeriodError",
    "parse_period", "ConsolidationResult", "ChildRating", "Submission", "make_template", "fill_template",
    "make_templates", "read_submission", "check_submission", "consolidate",
]

if TYPE_CHECKING:  # what type checkers and IDEs see; at run time __getattr__ imports on demand
    from evalreport.aggregate.consolidate import consolidate
    from evalreport.check.rules import check as check_submission
    from evalreport.form.definition import FormDefinition, FormDefinitionError, available_forms, load_form
    from evalreport.model.finding import Finding
    from evalreport.model.hierarchy import (
        Hierarchy,
        HierarchyError,
        LevelConfig,
        Unit,
        load_levels,
    )
    from evalreport.model.period import Period, PeriodError, parse_period
    from evalreport.model.result import ConsolidationResult
    from evalreport.model.submission import ChildRating, Submission
    from evalreport.model.unit_list import load_hierarchy
    from evalreport.read.workbook import read_submission
    from evalreport.render.word.narrative import render_narrative
    from evalreport.render.workbook.summary_workbook import write_summary_workbook
    from evalreport.render.workbook.template_batch import make_templates
    from evalreport.render.workbook.template_writer import fill_template, make_template
    from evalreport.store.config import WorkspaceConfigError
    from evalreport.store.lock import WorkspaceLocked
    from evalreport.store.workspace import Workspace


__getattr__ = lazy_getattr(__name__, _EXPORTS, globals())


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})
