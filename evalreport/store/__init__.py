"""Workspaces: the folder an officer runs evalreport in, month after month.

Layout (created by ``evalreport init FOLDER`` or :meth:`Workspace.init`)::

    FOLDER/
      evalreport.yaml   configuration (root unit, unit list, forms, language, parameters, deadlines)
      don_vi.xlsx       the unit list
      inbox/            received workbooks, as sent (only ever read)
      archive/          a content-addressed copy of every received file: archive/<sha[:2]>/<sha>.xlsx
      outputs/<period>/ summary workbooks, narrative reports, findings, manifest.json
      ledger.sqlite     the submission ledger (every file, every version, every run)

Stable Python API (used by the CLI and by the Excel panel, :mod:`evalreport.excel`)::

    ws = Workspace.open(folder)                 # validates evalreport.yaml; WorkspaceConfigError names the key
    ws.ingest(progress=None) -> IngestReport    # new files of inbox/ into ledger + archive
    ws.run(period, all_levels=None, progress=None, forms=None, lang=None) -> RunReport
        # ingest, consolidate each configured form of the period (or ``forms``), render, manifest;
        # all_levels/lang default to the config's; .results {form: ConsolidationResult},
        # .result (first form), .findings, .outputs, .manifest_path, .manifest, .notes, .ingest
    ws.status(period, form=None) -> list[StatusRow]   # per expected unit: accepted / rejected / missing (UnitState), late
    ws.history(unit, form=None, period=None) -> list[VersionRow]   # every version of the unit's files
    ws.make_templates(period, form=None, units=None, folder=None) -> list[Path]
    ws.outputs_dir(period) -> Path
    ws.result(period, form=None) -> ConsolidationResult   # from the ledger only, nothing written
    ws.close()                                  # or use ``with Workspace.open(folder) as ws:``

``progress`` callbacks are called as ``progress(stage, done, total)``. Errors: WorkspaceConfigError
(bad evalreport.yaml, names the key), WorkspaceLocked (busy), PeriodError (no configured form for
the period), OutputsInUse (a PermissionError: an output is open in another program; the
previous outputs are kept whole). Every write happens
under the workspace lock (:class:`WorkspaceLocked` says who holds it after
``lock_timeout`` seconds); reads (status, history, result) do not wait for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from evalreport.lazy_exports import lazy_getattr

# Lazy (PEP 562), like the package root: importing one store module (atomic, file_names) must not
# import the whole pipeline behind Workspace, nor close an import cycle through the renderers.
_EXPORTS: dict[str, str] = {
    "Workspace": "evalreport.store.workspace",
    "WorkspaceConfig": "evalreport.store.config",
    "WorkspaceConfigError": "evalreport.store.config",
    "IngestReport": "evalreport.store.ingest",
    "IngestedFile": "evalreport.store.ingest",
    "RunReport": "evalreport.store.runner",
    "StatusRow": "evalreport.store.status",
    "VersionRow": "evalreport.store.status",
    "Ledger": "evalreport.store.ledger",
    "LedgerError": "evalreport.store.ledger",
    "WorkspaceLock": "evalreport.store.lock",
    "WorkspaceLocked": "evalreport.store.lock",
}

__all__ = ["Workspace", "WorkspaceConfig", "WorkspaceConfigError", "IngestReport", "IngestedFile", "RunReport",
           "StatusRow", "VersionRow", "Ledger", "LedgerError", "WorkspaceLock", "WorkspaceLocked"]

if TYPE_CHECKING:
    from evalreport.store.config import WorkspaceConfig, WorkspaceConfigError
    from evalreport.store.ingest import IngestedFile, IngestReport
    from evalreport.store.ledger import Ledger, LedgerError
    from evalreport.store.lock import WorkspaceLock, WorkspaceLocked
    from evalreport.store.runner import RunReport
    from evalreport.store.status import StatusRow, VersionRow
    from evalreport.store.workspace import Workspace


__getattr__ = lazy_getattr(__name__, _EXPORTS, globals())
