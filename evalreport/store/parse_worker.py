"""The per-file work of an ingest, done where it is cheapest: in worker processes.

A province sends thousands of workbooks, and everything that can be done for one file without
the ledger is done here, in parallel: read the bytes once, hash them, copy them into the
archive (from the same bytes, so the copy is exactly what was hashed and parsed), parse, check
the rules, and serialise what the ledger stores. The parent process only writes ledger rows,
while the workers already parse the next files. Forms, configuration and hierarchy reach each
worker once (pool initializer), never per file.
"""

from __future__ import annotations

import hashlib
import os
from collections import deque
from collections.abc import Collection, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evalreport.form.definition import FormDefinition, FormDefinitionError, available_forms, load_form
from evalreport.model.codec import findings_from_records, submission_to_record
from evalreport.model.finding import Finding, make_finding
from evalreport.model.hierarchy import Hierarchy
from evalreport.model.period import Period
from evalreport.model.submission import Provenance, Submission
from evalreport.store.archive import Archive
from evalreport.store.config import WorkspaceConfig
from evalreport.store.records import findings_to_json, record_columns
from evalreport.store.worker_process import interrupts_held, pool_context, start_worker

__all__ = ["Parsed", "parse_files", "submission_status", "check_submission", "PARALLEL_MIN"]

# The parts of a record that the ledger stores only as JSON columns: a parsed file carries them
# as that text alone (its pickle to the recording process was twice the size with both).
_IN_COLUMNS = ("values", "cells", "ratings")
PARALLEL_MIN = 16  # fewer new files than this are parsed in the parent (a pool costs ~0.1 s to start)


@dataclass
class Parsed:
    """One received file after parsing: what the ledger records and the ingest report lists.

    ``record`` is the submission's record (:mod:`evalreport.model.codec`), plain values that cross
    the process boundary cheaply; ``columns`` are its ledger columns, serialised here in the
    worker so that the recording process only writes rows. A parsed file's record leaves out
    what its columns hold (values, cells, ratings), so that they cross once."""

    path: str
    sha256: str | None  # None: the file could not be read at all (nothing recorded)
    archive_path: str | None
    record: dict[str, Any]
    checks: list[Finding] = field(default_factory=list)
    status: str = "unreadable"  # ok | errors | unreadable, or "known" (content already recorded)
    columns: dict[str, Any] = field(default_factory=dict)

    @property
    def findings(self) -> list[Finding]:
        """The reader's findings on the file."""
        return findings_from_records(self.record["findings"])


def submission_status(sub: Submission, checks: list[Finding]) -> str:
    if sub.period is None or not sub.unit_code or not sub.form_code:
        return "unreadable"
    return "errors" if any(f.is_error for f in [*sub.findings, *checks]) else "ok"


def check_submission(form: FormDefinition | None, hierarchy: Hierarchy, sub: Submission) -> list[Finding]:
    """The rules' findings on a file of ``form`` (None: a form the reader already reports as unknown)."""
    from evalreport.check.rules import check

    if form is None or sub.period is None:
        return []
    # the period's tree, as a run checks it: a ward's 2025 ratings list its 2025 cells only
    return check(form, sub, hierarchy=hierarchy.at(sub.period))


class _Context:
    def __init__(self, folder: Path, cfg: WorkspaceConfig, hierarchy: Hierarchy, known: Collection[str]):
        self.archive = Archive(folder / "archive")
        self.cfg, self.hierarchy, self.known = cfg, hierarchy, known
        # Every shipped form, so the reader can name any form a file claims to be.
        self.forms: tuple[FormDefinition, ...] = tuple(load_form(c) for c in available_forms())
        self.limits = cfg.limits()
        self._check_keys: dict[str, str | None] = {}
        self._forms: dict[str, FormDefinition | None] = {}

    def form(self, code: str) -> FormDefinition | None:
        """The workspace's form of this code (None: unknown), from a plain dict: asked for every
        file, and the configuration's own cache is a pydantic private attribute (~4 µs a look-up)."""
        try:
            return self._forms[code]
        except KeyError:
            try:
                found: FormDefinition | None = self.cfg.form(code) if code else None
            except FormDefinitionError:
                found = None
            self._forms[code] = found
            return found

    def check_key(self, form_code: str, period: Period) -> str | None:
        """The context the ingest's check of a file of this form and period was made in (stored
        with it; the run looks checks up by the period's tree)."""
        key = f"{form_code}\0{period}"
        if key not in self._check_keys:
            from evalreport.check.rules import check_context

            form = self.form(form_code)
            self._check_keys[key] = None if form is None else check_context(form, self.hierarchy.at(period))
        return self._check_keys[key]


_CTX: dict[str, _Context] = {}


def _init(folder: Path, cfg: WorkspaceConfig, hierarchy: Hierarchy, known: set[str]) -> None:
    start_worker()
    _CTX["ctx"] = _Context(folder, cfg, hierarchy, known)
    limit_memory(_CTX["ctx"].limits.worker_memory_bytes)


def limit_memory(limit: int) -> None:
    """Cap this process's address space (Linux): a parser asking for a huge grid then fails here
    at once, in this worker, instead of swapping the machine and being killed with the run."""
    try:
        import resource
    except ImportError:  # Windows: no such limit; the guard's limits alone apply
        return
    if not hasattr(resource, "RLIMIT_AS"):
        return
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    try:
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ValueError, OSError):  # below what is already mapped, or not allowed: keep the default
        pass


class _Changed(Exception):
    """The file's size or modification time changed while it was read."""


def _read(path: str, limit: int, archive: Archive) -> tuple[bytes | None, os.stat_result, str, str | None]:
    """(bytes, status, SHA-256, archive path) of the file, from one open file in five system
    calls (a buffered ``read_bytes`` and a separate ``stat`` made ten). A file over ``limit``
    (``max_file_bytes``) is hashed and archived as a stream and never held in memory: its bytes
    come back as None (the reader only reports its size); a hostile 10 GB file must not take a
    worker's memory down, and the ingest with it."""
    # Never through a link put in place since the scan, and never blocking on a pipe.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
                 | getattr(os, "O_NONBLOCK", 0))
    try:
        stat = os.fstat(fd)
        if stat.st_size > limit:
            sha, archived = archive.store_stream(fd, Path(path).suffix)
            return None, stat, sha, archived
        chunks = []
        while chunk := os.read(fd, max(stat.st_size + 1, 1 << 16)):  # +1: the empty read is the end
            chunks.append(chunk)
        after = os.fstat(fd)
    finally:
        os.close(fd)
    data = chunks[0] if len(chunks) == 1 else b"".join(chunks)
    now = os.stat(path)  # still there, and still the same file?
    if (len(data) != stat.st_size or _signature(after) != _signature(stat) or _signature(now) != _signature(stat)):
        raise _Changed(path)
    return data, stat, hashlib.sha256(data).hexdigest(), None


def _signature(st: os.stat_result) -> tuple[int, int, int]:
    return st.st_size, st.st_mtime_ns, st.st_ino


def _not_read(path: str, rule: str, reason: str = "") -> Parsed:
    """A file that could not be taken in: a finding, nothing recorded (it is tried again)."""
    name = os.path.basename(path)
    finding = make_finding(rule, "error", params={"file": name, "reason": reason}, file=name)
    return Parsed(path, None, None, submission_to_record(Submission("", "", "", None, {}, findings=[finding])))


def _parse(path: str, ctx: _Context | None = None) -> Parsed:
    from evalreport.read.workbook import read_ingested

    ctx = ctx or _CTX["ctx"]
    name = os.path.basename(path)
    try:
        data, stat, sha, archived = _read(path, ctx.limits.max_file_bytes, ctx.archive)
    except FileNotFoundError:
        return _not_read(path, "FILE_VANISHED")
    except _Changed:
        return _not_read(path, "FILE_CHANGED")
    except OSError as exc:
        return _not_read(path, "FILE_UNREADABLE_OS", exc.strerror or str(exc))
    if sha in ctx.known:  # content already in the ledger: a receipt, no parsing
        return Parsed(path, sha, None, {}, status="known")
    if data is not None:
        archived = ctx.archive.store_bytes(data, sha, os.path.splitext(name)[1])
    try:
        sub = read_ingested(path, ctx.forms, limits=ctx.limits, data=data, sha256=sha, stat=stat)
    except Exception as exc:  # noqa: BLE001 - one bad file must never stop an ingest
        finding = make_finding("WS_UNREADABLE", "error", params={"file": name, "reason": str(exc)}, file=name)
        sub = Submission("", "", "", None, {}, provenance=Provenance(path, name, stat.st_size, sha),
                         findings=[finding])
    checks = check_submission(ctx.form(sub.form_code), ctx.hierarchy, sub)
    return _parsed(path, sha, archived, sub, checks, submission_status(sub, checks),
                   ctx.check_key(sub.form_code, sub.period) if sub.form_code and sub.period else None)


def _parsed(path: str, sha: str, archived: str | None, sub: Submission, checks: list[Finding], status: str,
            check_key: str | None) -> Parsed:
    """The hand-off of a parsed file: its record and the ledger columns made from it here."""
    record = submission_to_record(sub)
    columns: dict[str, Any] = record_columns(record)
    columns["check_json"] = findings_to_json(checks)
    columns["check_key"] = check_key
    for key in _IN_COLUMNS:  # they cross to the recording process once, as their columns' text
        del record[key]
    return Parsed(path, sha, archived, record, checks, status, columns)


def parse_files(folder: Path, cfg: WorkspaceConfig, hierarchy: Hierarchy, paths: Iterable[str],
                count: int, known: Collection[str] = frozenset()) -> Iterator[Parsed]:
    """Parse ``paths`` in order, in ``cfg.workers`` processes when there are enough of them.
    A file whose SHA-256 is in ``known`` (already in the ledger) is hashed but not parsed
    (``status == "known"``). ``known`` is copied into a set for the worker processes; parsed here,
    it is asked as it is (e.g. :meth:`~.ledger.Ledger.sha_lookup`).

    Results are yielded as they come (in input order), so the caller records early files while
    later ones are still being parsed, and memory holds a few chunks, not the whole inbox.

    A worker that dies (a parser aborting on a hostile file, the memory limit, a signal) does
    not stop the ingest: the files it may have been working on are parsed again one at a time
    in a fresh pool, and a file that kills a worker on its own becomes a finding, recorded with
    its SHA-256 so that no later ingest tries it again.
    """
    if cfg.workers <= 1 or count < PARALLEL_MIN:
        ctx = _Context(folder, cfg, hierarchy, known)
        for path in paths:
            yield _parse(path, ctx)
        return
    size = max(1, min(32, count // (cfg.workers * 8)))
    pool = _Pool(folder, cfg, hierarchy, set(known))
    try:
        yield from pool.run(_chunks(paths, size), window=cfg.workers * 2)
    finally:
        pool.close()


def _chunks(paths: Iterable[str], size: int) -> Iterator[list[str]]:
    chunk: list[str] = []
    for path in paths:
        chunk.append(path)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _parse_chunk(paths: list[str]) -> list[Parsed]:
    return [_parse(p) for p in paths]


class _Pool:
    """A process pool that is replaced when one of its workers dies."""

    def __init__(self, folder: Path, cfg: WorkspaceConfig, hierarchy: Hierarchy, known: set[str]):
        self._args = (folder, cfg, hierarchy, known)
        self._workers = cfg.workers
        self._pool: ProcessPoolExecutor | None = None

    def _submit(self, paths: list[str]) -> Future:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=self._workers, mp_context=pool_context(),
                                             initializer=_init, initargs=self._args)
        with interrupts_held():  # the workers are forked by a submission
            return self._pool.submit(_parse_chunk, paths)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def _broken(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def run(self, chunks: Iterator[list[str]], window: int) -> Iterator[Parsed]:
        pending: deque[tuple[list[str], Future]] = deque()
        while True:
            while len(pending) < window and (chunk := next(chunks, None)) is not None:
                pending.append((chunk, self._submit(chunk)))
            if not pending:
                return
            chunk, future = pending.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:
                lost = [p for c in [chunk, *(c for c, _f in pending)] for p in c]
                pending.clear()
                self._broken()
                yield from self._one_at_a_time(lost)
                continue
            yield from results

    def _one_at_a_time(self, paths: list[str]) -> Iterator[Parsed]:
        """Each file alone, so that a worker's death names its file."""
        for path in paths:
            try:
                yield self._submit([path]).result()[0]
            except BrokenProcessPool:
                self._broken()
                yield _crashed(path, Archive(self._args[0] / "archive"))


def _crashed(path: str, archive: Archive) -> Parsed:
    """The file that stopped a worker: archived and recorded as unreadable (never parsed again)."""
    name = os.path.basename(path)
    try:
        with open(path, "rb") as fh:
            data = fh.read()
        stat = os.stat(path)
    except FileNotFoundError:
        return _not_read(path, "FILE_VANISHED")
    except OSError as exc:
        return _not_read(path, "FILE_UNREADABLE_OS", exc.strerror or str(exc))
    sha = hashlib.sha256(data).hexdigest()
    archived = archive.store_bytes(data, sha, os.path.splitext(name)[1])
    finding = make_finding("READ_CRASHED", "error", params={"file": name}, file=name)
    sub = Submission("", "", "", None, {}, provenance=Provenance(path, name, stat.st_size, sha), findings=[finding])
    return _parsed(path, sha, archived, sub, [], "unreadable", None)
