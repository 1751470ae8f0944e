"""Ingest: bring new files from ``inbox/`` into the ledger and the archive.

The expensive step is parsing, so it is done once per distinct content: an inbox entry whose
(path, size, mtime) was seen before is skipped without reading it, a file whose SHA-256 is
known is recorded as a duplicate without parsing, and only new content is read (in worker
processes when there are many). Order of work for new content, chosen so that a kill at any
moment loses nothing: copy to the archive (atomic, idempotent) -> parse -> record in one
transaction per batch. A file in the inbox is only ever read.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Literal

from ..definition import FormDefinition, FormDefinitionError, available_forms, load_form
from ..findings import Finding, make_finding
from ..hierarchy import Hierarchy
from ..submission import Provenance, Submission
from . import messages as _messages  # noqa: F401 - registers the workspace's messages
from .archive import Archive, sha256_of
from .config import WorkspaceConfig
from .crashpoints import crash_point
from .ledger import Ledger, now_text

__all__ = ["IngestReport", "IngestedFile", "ingest_inbox", "WORKBOOK_SUFFIXES"]

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
BATCH = 200
Progress = Callable[[str, int, int], None]
Outcome = Literal["new", "version", "duplicate", "unchanged", "unreadable"]


@dataclass
class IngestedFile:
    path: str  # relative to inbox/
    sha256: str
    outcome: Outcome
    status: str | None = None  # ok | errors | unreadable (for parsed files)
    form: str | None = None
    unit: str | None = None
    period: str | None = None
    version: int | None = None
    findings: list[Finding] = field(default_factory=list)  # reader + rule findings, and ledger events


@dataclass
class IngestReport:
    files: list[IngestedFile] = field(default_factory=list)
    skipped: int = 0  # inbox entries unchanged since an earlier ingest, not looked at again
    ignored: list[str] = field(default_factory=list)  # not workbooks (by name)

    @property
    def parsed(self) -> int:
        return sum(f.outcome in ("new", "version", "unreadable") for f in self.files)

    def count(self, outcome: Outcome) -> int:
        return sum(f.outcome == outcome for f in self.files)

    @property
    def findings(self) -> list[Finding]:
        return [x for f in self.files for x in f.findings]


@cache
def _known_forms() -> tuple[FormDefinition, ...]:
    """Every shipped form, loaded once per process (the reader would otherwise look them up per file)."""
    return tuple(load_form(code) for code in available_forms())


def _read(path: str) -> Submission:
    """Read one workbook; any unexpected failure still yields a Submission with a finding."""
    from ..reader import read_submission

    try:
        return read_submission(path, _known_forms())
    except Exception as exc:  # noqa: BLE001 - one bad file must never stop an ingest
        p = Path(path)
        finding = make_finding("WS_UNREADABLE", "error", params={"file": p.name, "reason": str(exc)}, file=p.name)
        return Submission(form_code="", form_version="", unit_code="", period=None, values={},
                          provenance=Provenance(path=str(p), name=p.name, size=p.stat().st_size,
                                                sha256=sha256_of(p)), findings=[finding])


def _scan(inbox: Path, report: IngestReport) -> list[tuple[str, Path, os.stat_result]]:
    entries = []
    for p in sorted(inbox.rglob("*")):
        if not p.is_file() or p.name.startswith(("~$", ".")):
            continue
        rel = p.relative_to(inbox).as_posix()
        if p.suffix.lower() not in WORKBOOK_SUFFIXES:
            report.ignored.append(rel)
            continue
        entries.append((rel, p, p.stat()))
    # Oldest first, so that of two files for one unit and period the later one becomes current.
    entries.sort(key=lambda e: (e[2].st_mtime_ns, e[0]))
    return entries


def _status(sub: Submission, checks: list[Finding]) -> str:
    if sub.period is None or not sub.unit_code or not sub.form_code:
        return "unreadable"
    return "errors" if any(f.is_error for f in [*sub.findings, *checks]) else "ok"


def _check(cfg: WorkspaceConfig, hierarchy: Hierarchy, sub: Submission) -> list[Finding]:
    from ..rules import check

    if not sub.form_code or sub.period is None:
        return []
    try:
        form = cfg.form(sub.form_code)
    except FormDefinitionError:
        return []  # the reader already reports a form it does not know
    return check(form, sub, hierarchy=hierarchy)


def ingest_inbox(folder: Path, cfg: WorkspaceConfig, hierarchy: Hierarchy, ledger: Ledger,
                 progress: Progress | None = None) -> IngestReport:
    """Ingest every new file of ``folder/inbox``; see the module docstring for the guarantees."""
    report = IngestReport()
    inbox = folder / "inbox"
    archive = Archive(folder / "archive")
    entries = _scan(inbox, report)
    fresh: list[tuple[str, Path, os.stat_result, str]] = []
    batch_shas: dict[str, str] = {}
    for i, (rel, path, st) in enumerate(entries):
        if progress:
            progress("scan", i, len(entries))
        if ledger.seen(rel, st.st_size, st.st_mtime_ns):
            report.skipped += 1
            continue
        sha = sha256_of(path)
        known = ledger.file_by_sha(sha)
        if known is None and sha in batch_shas:  # first copy is in this ingest; recorded after it
            fresh.append((rel, path, st, sha))
            continue
        if known is not None:
            same_path = any(r["path"] == rel for r in ledger.receipts_of(known["id"]))
            with ledger.transaction() as c:
                ledger.add_receipt(c, rel, st.st_size, st.st_mtime_ns, sha, known["id"], "duplicate")
            report.files.append(_duplicate(rel, sha, known, same_path))
            continue
        batch_shas[sha] = rel
        fresh.append((rel, path, st, sha))
    if progress:
        progress("scan", len(entries), len(entries))

    firsts = [e for e in fresh if batch_shas.get(e[3]) == e[0]]
    for start in range(0, len(firsts), BATCH):
        _ingest_batch(folder, cfg, hierarchy, ledger, archive, firsts[start:start + BATCH], report,
                      progress, start, len(firsts))
    # Later copies of content first seen in this same ingest: duplicates of the just-recorded file.
    for rel, _path, st, sha in (e for e in fresh if batch_shas.get(e[3]) != e[0]):
        known = ledger.file_by_sha(sha)
        assert known is not None
        with ledger.transaction() as c:
            ledger.add_receipt(c, rel, st.st_size, st.st_mtime_ns, sha, known["id"], "duplicate")
        report.files.append(_duplicate(rel, sha, known, False))
    return report


def _duplicate(rel: str, sha: str, known, same_path: bool) -> IngestedFile:
    """A receipt of content already in the ledger; a finding only when it came under another name."""
    item = IngestedFile(rel, sha, "unchanged" if same_path else "duplicate", form=known["form"],
                        unit=known["unit"], period=known["period"], version=known["version"])
    if not same_path:
        item.findings.append(make_finding(
            "WS_DUPLICATE_FILE", "info", unit=known["unit"], file=Path(rel).name,
            params={"file": rel, "original": known["original_name"], "received": known["received_at"]}))
    return item


def _parse_all(cfg: WorkspaceConfig, paths: list[str]) -> list[Submission]:
    if cfg.workers > 1 and len(paths) >= 16:
        with ProcessPoolExecutor(max_workers=cfg.workers) as pool:
            return list(pool.map(_read, paths, chunksize=max(1, len(paths) // (cfg.workers * 4))))
    return [_read(p) for p in paths]


def _ingest_batch(folder: Path, cfg: WorkspaceConfig, hierarchy: Hierarchy, ledger: Ledger, archive: Archive,
                  batch: list[tuple[str, Path, os.stat_result, str]], report: IngestReport,
                  progress: Progress | None, done: int, total: int) -> None:
    archived = {sha: archive.store(path, sha) for _rel, path, _st, sha in batch}
    crash_point("ingest.archived")
    subs = _parse_all(cfg, [str(path) for _rel, path, _st, _sha in batch])
    with ledger.transaction() as c:
        for k, ((rel, _path, st, sha), sub) in enumerate(zip(batch, subs, strict=True)):
            if progress:
                progress("ingest", done + k, total)
            if sub.provenance is None or sub.provenance.sha256 != sha:  # the file changed while we read it
                sub.provenance = Provenance(path=str(_path), name=Path(rel).name, size=st.st_size, sha256=sha,
                                            modified=datetime.fromtimestamp(st.st_mtime).astimezone())
            checks = _check(cfg, hierarchy, sub)
            status = _status(sub, checks)
            received = (datetime.fromtimestamp(st.st_mtime).astimezone().replace(microsecond=0).isoformat()
                        if cfg.received_time == "file" else now_text())
            outcome = ledger.record(c, sub, status=status, archive_path=archived[sha], received_at=received,
                                    checks=checks)
            ledger.add_receipt(c, rel, st.st_size, st.st_mtime_ns, sha, outcome.file_id, "new")
            crash_point("ingest.recorded")
            item = IngestedFile(rel, sha, "unreadable" if status == "unreadable" else
                                ("version" if outcome.replaced else "new"), status=status,
                                form=sub.form_code or None, unit=sub.unit_code or None,
                                period=str(sub.period) if sub.period else None, version=outcome.version,
                                findings=[*sub.findings, *checks])
            if status == "unreadable" and not any(f.is_error for f in item.findings):
                item.findings.append(make_finding("WS_UNREADABLE", "error", params={"file": rel},
                                                  file=Path(rel).name))
            if outcome.replaced:
                item.findings.append(make_finding(
                    "WS_REPLACED", "info", unit=item.unit, file=Path(rel).name,
                    params={"file": rel, "version": outcome.version, "unit": item.unit, "period": item.period,
                            "previous": outcome.replaced_name}))
            report.files.append(item)
    if progress:
        progress("ingest", done + len(batch), total)
