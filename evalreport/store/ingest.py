"""Ingest: bring new files from ``inbox/`` into the ledger and the archive.

The expensive step is parsing, so it is done once per distinct content: an inbox entry whose
(path, size, mtime) was seen before is skipped without reading it, a file whose SHA-256 is
known is recorded as a duplicate without parsing, and only new content is read: read once,
hashed, archived, parsed and checked in worker processes (:mod:`.parse_worker`) while this
process records the files before them. Order of work for new content, chosen so that a kill at
any moment loses nothing: copy to the archive (atomic, idempotent) -> parse -> record in one
transaction per batch. A file in the inbox is only ever read.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Literal

from evalreport.model.finding import Finding, make_finding
from evalreport.model.hierarchy import Hierarchy
from evalreport.model.period import Period
from evalreport.read.file_kind import WORKBOOK_SUFFIXES
from evalreport.store.config import WorkspaceConfig
from evalreport.store.crashpoints import crash_point
from evalreport.store.holds import HOLD_RULES, any_active_approval, closed_periods, hold_for
from evalreport.store.ledger import Ledger, Receipt, now_text
from evalreport.store.parse_worker import PARALLEL_MIN, Parsed, parse_files

__all__ = ["InboxScan", "IngestReport", "IngestedFile", "ingest_inbox", "scan_inbox",
           "WORKBOOK_SUFFIXES"]

BATCH = 200
Progress = Callable[[str, int, int], None]
Outcome = Literal["new", "version", "duplicate", "unchanged", "unreadable", "held"]


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


Entry = tuple[str, str, os.stat_result]  # (path relative to inbox/, absolute path, its stat)


@dataclass
class InboxScan:
    """What an ingest starts from: the inbox's workbooks not seen before (oldest first), how
    many were, and the entries that are not workbooks."""

    fresh: list[Entry]
    skipped: int
    ignored: list[str]
    total: int  # workbooks found
    # Entries never read: links, devices, pipes (path relative to inbox/, the finding).
    refused: list[tuple[str, Finding]] = field(default_factory=list)


def scan_inbox(inbox: Path, ledger: Ledger) -> InboxScan:
    """Every workbook under ``inbox`` (recursively, not through linked folders) whose (path,
    size, mtime) the ledger has no receipt of, oldest first, so that of two files for one unit
    and period the later one becomes current.

    ``os.scandir`` rather than ``Path.rglob``: a national inbox holds 100,000 entries, and path
    objects cost more than the walk. Same selection and order as ``sorted(inbox.rglob("*"))``.

    Nothing is followed: a symbolic link (to a file outside the workspace, or a loop), a device
    or a pipe is never opened and becomes a finding instead (``FILE_LINK``); a folder that cannot
    be listed is skipped, so no entry can stop the scan."""
    entries: list[Entry] = []
    ignored: list[tuple[list[str], str]] = []
    refused: list[tuple[str, Finding]] = []

    def walk(folder: str, prefix: str) -> None:
        try:
            with os.scandir(folder) as it:
                found = list(it)
        except OSError:  # a folder the officer cannot read either (or gone): skipped, as rglob does
            return
        for e in found:
            name = e.name
            try:
                st = e.stat(follow_symlinks=False)
            except OSError:  # gone since it was listed: nothing to take in
                continue
            if stat.S_ISDIR(st.st_mode):
                walk(e.path, prefix + name + "/")
                continue
            if name.startswith(("~$", ".")):
                continue
            if not stat.S_ISREG(st.st_mode):  # a link, device, pipe or socket: never read
                refused.append((prefix + name, make_finding("FILE_LINK", "error", params={"file": prefix + name},
                                                            file=name)))
                continue
            dot = name.rfind(".")  # os.path.splitext's suffix (a leading dot was skipped above)
            if dot < 0 or name[dot:].lower() not in WORKBOOK_SUFFIXES:
                ignored.append(((prefix + name).split("/"), prefix + name))
                continue
            entries.append((prefix + name, e.path, st))

    if inbox.is_dir():
        walk(str(inbox), "")
    seen = ledger.receipt_keys() if entries else set()
    fresh = [e for e in entries if (e[0], e[2].st_size, e[2].st_mtime_ns) not in seen]
    fresh.sort(key=lambda e: (e[2].st_mtime_ns, e[0]))
    return InboxScan(fresh, len(entries) - len(fresh), [rel for _parts, rel in sorted(ignored)], len(entries),
                     sorted(refused, key=lambda r: r[0].split("/")))


def ingest_inbox(folder: Path, cfg: WorkspaceConfig, hierarchy: Hierarchy, ledger: Ledger,
                 progress: Progress | None = None, period: Period | None = None) -> IngestReport:
    """Ingest every new file of ``folder/inbox``; see the module docstring for the guarantees.
    ``period``: the period being run, the inbox's period for files outside a period subfolder
    (:func:`.holds.hold_for` holds files that would change another, already reported period)."""
    scan = scan_inbox(folder / "inbox", ledger)
    report = IngestReport(skipped=scan.skipped, ignored=scan.ignored)
    report.files += [IngestedFile(rel, "", "unreadable", status="unreadable", findings=[f]) for rel, f in scan.refused]
    fresh = scan.fresh
    if progress:
        progress("scan", scan.total, scan.total)
    if not fresh:
        return report
    # A rerun brings a few files: asking the ledger about each beats loading 10,000 SHAs.
    known = ledger.known_shas() if len(fresh) >= PARALLEL_MIN else ledger.sha_lookup()
    first_of: dict[str, str] = {}  # sha -> the path that brought it first in this ingest
    parsed = parse_files(folder, cfg, hierarchy, [p for _rel, p, _st in fresh], len(fresh), known)
    _record_all(cfg, ledger, report, fresh, parsed, first_of, progress, period)
    if progress:
        progress("ingest", len(fresh), len(fresh))
    return report


def _record_all(cfg: WorkspaceConfig, ledger: Ledger, report: IngestReport, fresh: list[Entry],
                parsed: Iterator[Parsed], first_of: dict[str, str], progress: Progress | None,
                period: Period | None = None) -> None:
    """Record the parsed files in order, one transaction per :data:`BATCH`."""
    # Asked once: nothing closes a period or approves a file while the ingest holds the workspace.
    holding = (period, closed_periods(ledger.conn), any_active_approval(ledger.conn))
    try:
        for start in range(0, len(fresh), BATCH):
            batch = fresh[start:start + BATCH]
            results = [next(parsed) for _ in batch]
            crash_point("ingest.archived")
            now = now_text()  # one clock reading per transaction: the batch is received together
            with ledger.transaction() as c:
                receipts: list[Receipt] = []
                for k, ((rel, path, st), res) in enumerate(zip(batch, results, strict=True)):
                    if progress:
                        progress("ingest", start + k, len(fresh))
                    _ingest_one(c, cfg, ledger, report, rel, path, st, res, first_of, now, receipts, holding)
                ledger.add_receipts(c, receipts)
    finally:
        parsed.close()  # shuts the worker pool down now, also when recording failed


def _ingest_one(c, cfg: WorkspaceConfig, ledger: Ledger, report: IngestReport, rel: str, path: str,
                st: os.stat_result, res: Parsed, first_of: dict[str, str], now: str,
                receipts: list[Receipt], holding: tuple[Period | None, dict, bool] = (None, {}, True)) -> None:
    """Record one parsed file (or its receipt, when its content is already in the ledger); its
    receipt joins ``receipts``, which the caller writes in the same transaction (a path occurs
    once per ingest, so no pending receipt can be the earlier receipt of ``rel``)."""
    sha = res.sha256
    if sha is None:  # could not even be read: nothing to record, it is tried again next time
        report.files.append(IngestedFile(rel, "", "unreadable", status="unreadable", findings=res.findings))
        return
    if res.status == "known" or sha in first_of:
        row = ledger.file_by_sha(sha)
        assert row is not None
        same_path = any(r["path"] == rel for r in ledger.receipts_of(row["id"]))
        receipts.append((rel, st.st_size, st.st_mtime_ns, sha, now, row["id"], "duplicate"))
        report.files.append(_duplicate(rel, sha, row, same_path and sha not in first_of))
        return
    first_of[sha] = rel
    rec = res.record
    if rec["provenance"] is None:
        rec["provenance"] = {"path": path, "name": os.path.basename(rel), "size": st.st_size, "sha256": sha,
                             "modified": datetime.fromtimestamp(st.st_mtime).astimezone().isoformat()}
    received = (datetime.fromtimestamp(st.st_mtime).astimezone().replace(microsecond=0).isoformat()
                if cfg.received_time == "file" else now)
    held = None
    if res.status != "unreadable" and rec["form"] and rec["unit"] and rec["period"]:
        held = hold_for(c, rec["form"], rec["unit"], rec["period"], rel, *holding)
    outcome = ledger.record(c, rec, status=res.status, archive_path=res.archive_path, received_at=received,
                            checks=res.checks, columns=res.columns, held=held)
    receipts.append((rel, st.st_size, st.st_mtime_ns, sha, now, outcome.file_id, "new"))
    crash_point("ingest.recorded")
    status = res.status
    name = os.path.basename(rel)
    item = IngestedFile(rel, sha, "unreadable" if status == "unreadable" else
                        ("held" if held else "version" if outcome.replaced else "new"), status=status,
                        form=rec["form"] or None, unit=rec["unit"] or None,
                        period=rec["period"] or None, version=outcome.version,
                        findings=[*res.findings, *res.checks])
    if status == "unreadable" and not any(f.is_error for f in item.findings):
        item.findings.append(make_finding("WS_UNREADABLE", "error", params={"file": rel}, file=name))
    if held:
        item.findings.append(make_finding(HOLD_RULES[held[0]], "warning", unit=item.unit, file=name,
                                          params={"id": outcome.file_id, **held[1]}))
    if outcome.replaced:
        item.findings.append(make_finding(
            "WS_REPLACED", "info", unit=item.unit, file=name,
            params={"file": rel, "version": outcome.version, "unit": item.unit, "period": item.period,
                    "previous": outcome.replaced_name}))
    report.files.append(item)


def _duplicate(rel: str, sha: str, known, same_path: bool) -> IngestedFile:
    """A receipt of content already in the ledger; a finding only when it came under another name."""
    item = IngestedFile(rel, sha, "unchanged" if same_path else "duplicate", form=known["form"],
                        unit=known["unit"], period=known["period"], version=known["version"])
    if not same_path:
        item.findings.append(make_finding(
            "WS_DUPLICATE_FILE", "info", unit=known["unit"], file=Path(rel).name,
            params={"file": rel, "original": known["original_name"], "received": known["received_at"]}))
    return item
