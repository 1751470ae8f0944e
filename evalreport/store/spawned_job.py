"""A render job (:class:`~.render_pool.UnitJob`) as a spawned render worker receives it.

Why: Windows has no ``fork``, so a render worker cannot inherit the run's consolidation result
(about 100 MB of objects at 10,000 cells); it must be sent. Pickling the objects costs seconds
each way. The run cache's codec (:mod:`evalreport.aggregate.result_codec`) already turns a result
into plain values that ``marshal`` writes and reads in C several times faster, submissions' bodies
decoded only when looked into; the worker rebuilds the result from them as an update does
(:func:`~evalreport.aggregate.consolidate.assemble`), and so renders the same files. Only the
rest (form, period, hierarchy, settings, digests, published outputs) is pickled.

``marshal`` reads what this run itself wrote a moment ago, handed to its own worker (never a
file from a shared folder). A result without the codec's parts (a quarter rolled up from
months) is not encodable: :func:`encode_job` returns None and the units are rendered in the
run's process.
"""

from __future__ import annotations

import marshal
import pickle

from evalreport.aggregate.consolidate import assemble
from evalreport.aggregate.result_codec import base_from_record, result_to_record
from evalreport.model.result import ConsolidationResult
from evalreport.store.render_pool import UnitJob

__all__ = ["encode_job", "decode_job"]


def _encodable(result: ConsolidationResult) -> bool:
    """A result with its parts, and a previous period's result that has parts and no previous."""
    prev = result.previous
    return result.parts is not None and (prev is None or (prev.parts is not None and prev.previous is None))


def encode_job(job: UnitJob) -> tuple[bytes, bytes] | None:
    """``job`` as (marshalled records of the result and its previous period's, pickled rest),
    or None when the result cannot be encoded so."""
    result, previous = job.result, job.result.previous
    if not _encodable(result):
        return None
    try:
        records = marshal.dumps((result_to_record(result), None if previous is None else result_to_record(previous)))
    except ValueError:  # a value marshal cannot write (a finding's odd detail)
        return None
    heads = [(r.form, r.period, r.hierarchy, r.root) for r in (result, previous) if r is not None]
    rest = pickle.dumps((heads, job.staging, job.lang, job.report, job.digests, job.published),
                        protocol=pickle.HIGHEST_PROTOCOL)
    return records, rest


def decode_job(records: bytes, rest: bytes) -> UnitJob:
    """The job :func:`encode_job` was given, its result rebuilt from the records."""
    heads, staging, lang, report, digests, published = pickle.loads(rest)
    payloads = marshal.loads(records)
    previous = None
    for (form, period, hierarchy, root), payload in reversed(list(zip(heads, payloads, strict=False))):
        base = base_from_record(payload, form, period, hierarchy, root)
        previous = assemble(form, period, hierarchy, root, base.units, base.completeness, base.parts, previous)
    assert previous is not None
    return UnitJob(previous, staging, lang, report, digests, published)
