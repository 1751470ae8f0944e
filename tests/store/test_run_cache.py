"""The run cache: a rerun after a corrected file updates the last full consolidation instead of
redoing it, gives what a consolidation from scratch gives, and falls back to one whenever the
cache does not match or is damaged; a changed unit list is read again."""

from __future__ import annotations

import shutil
import time

from consolidate_support import result_view
from workspace_support import cell_values, drop, fill_cells, make_workspace

from evalreport import parse_period
from evalreport.aggregate.consolidate import consolidate
from evalreport.store import Workspace
from evalreport.store.result_cache import CACHE_FOLDER


def _from_scratch(ws: Workspace, period: str = "2021"):
    form = ws.config.form("DG-NAM")
    return consolidate(form, period, ws.ledger.submissions("DG-NAM", period), ws.hierarchy, ws.root)


def _correct(ws: Workspace, unit: str, total: int) -> None:
    time.sleep(0.01)  # a visibly newer file
    drop(ws, unit, cell_values(total), name=f"DG-NAM_2021_{unit}.xlsx")


def test_a_rerun_updates_the_cached_consolidation_and_equals_a_fresh_one(tmp_path):
    ws = make_workspace(tmp_path / "ws")
    fill_cells(ws)
    first = ws.run("2021")
    assert first.manifest["consolidation"]["DG-NAM"] == {"mode": "full", "changed_units": 10}
    # the full consolidation reused the ingest's rule results: the same as checking again
    assert result_view(first.result) == result_view(_from_scratch(ws))
    assert (ws.folder / CACHE_FOLDER / "DG-NAM_2021.base").is_file()
    before = first.result.units["T01"].values["dv_tong_so"]

    _correct(ws, "C03", 99)
    second = ws.run("2021")
    assert second.manifest["consolidation"]["DG-NAM"] == {"mode": "updated", "changed_units": 1}
    assert second.result.units["T01"].values["dv_tong_so"] == before - 22 + 99  # C03 had 20 + 2 members
    assert result_view(second.result) == result_view(_from_scratch(ws))

    again = Workspace.open(ws.folder).run("2021")  # nothing new: the same base, updated again
    assert again.manifest["consolidation"]["DG-NAM"]["mode"] == "updated"
    assert result_view(again.result) == result_view(second.result)


def test_a_damaged_or_mismatched_cache_means_a_full_consolidation(tmp_path):
    ws = make_workspace(tmp_path / "ws")
    fill_cells(ws)
    ws.run("2021")
    base = ws.folder / CACHE_FOLDER / "DG-NAM_2021.base"
    base.write_bytes(base.read_bytes()[:1000])  # cut short, as by a full disk
    _correct(ws, "C01", 40)
    report = ws.run("2021")
    assert report.manifest["consolidation"]["DG-NAM"]["mode"] == "full"
    assert result_view(report.result) == result_view(_from_scratch(ws))

    cfg = ws.folder / "evalreport.yaml"  # another quota: every stored figure may differ
    cfg.write_text(cfg.read_text(encoding="utf-8") + "parameters:\n  DG-NAM:\n    quota_htxsnv: 0.1\n",
                   encoding="utf-8")
    ws2 = Workspace.open(ws.folder)
    report = ws2.run("2021")
    assert report.manifest["consolidation"]["DG-NAM"]["mode"] == "full"
    assert report.result.form.param("quota_htxsnv") == 0.1
    # the ingest checked against 0.2: its stored results are not reused under another quota
    assert "C02" in {f.unit for f in report.result.findings if f.rule == "DV_QUOTA_HTXSNV"}
    assert result_view(report.result) == result_view(_from_scratch(ws2))


def test_the_unit_list_is_read_again_when_its_file_changes(tmp_path):
    ws = make_workspace(tmp_path / "ws")
    assert Workspace.open(ws.folder).hierarchy.name("C01") != "Chi bộ đổi tên"
    from openpyxl import load_workbook

    units = ws.folder / "don_vi.xlsx"
    wb = load_workbook(units)
    sheet = wb.active
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "C01")
    row[1].value = "Chi bộ đổi tên"
    wb.save(units)
    reopened = Workspace.open(ws.folder)
    assert reopened.hierarchy.name("C01") == "Chi bộ đổi tên"
    assert reopened.hierarchy.fingerprint() != ws.hierarchy.fingerprint()


def test_known_checks_stand_in_for_a_new_check_only_without_a_previous_period(form, four):
    from consolidate_support import four_level_submissions, sub

    from evalreport.aggregate.consolidate import consolidate_reusing_checks
    from evalreport.model.finding import make_finding

    subs = [s if s.unit_code != "C01" else sub(form, "C01", s.values, sha="c01") for s in four_level_submissions(form, four)]
    c01 = next(s for s in subs if s.unit_code == "C01")
    marker = make_finding("CHECKED_AT_INGEST", "info", params={"note": "checked"}, unit="C01")
    known = {c01.provenance.sha256: [marker]}
    got = consolidate_reusing_checks(form, parse_period("2021"), subs, four, known_checks=known)
    assert [f.rule for f in got.findings if f.unit == "C01"] == ["CHECKED_AT_INGEST"]
    previous = consolidate(form, "2020", [sub(form, s.unit_code, s.values, period=parse_period("2020"))
                                         for s in subs], four)
    again = consolidate_reusing_checks(form, parse_period("2021"), subs, four, previous=previous, known_checks=known)
    assert "CHECKED_AT_INGEST" not in {f.rule for f in again.findings}


def test_a_workspace_whose_cache_cannot_be_written_still_runs(tmp_path):
    ws = make_workspace(tmp_path / "ws")
    fill_cells(ws)
    if (ws.folder / CACHE_FOLDER).is_dir():
        shutil.rmtree(ws.folder / CACHE_FOLDER)
    (ws.folder / CACHE_FOLDER).write_text("not a folder")  # as a folder nobody may write to
    reopened = Workspace.open(ws.folder)
    for _ in range(2):
        report = reopened.run("2021")
        assert report.manifest["consolidation"]["DG-NAM"]["mode"] == "full"
        assert result_view(report.result) == result_view(_from_scratch(reopened))


def test_a_rerun_after_one_corrected_file_writes_what_a_run_from_scratch_writes(tmp_path):
    import shutil

    from tools.compare_outputs import tree_text

    ws = make_workspace(tmp_path / "ws")
    fill_cells(ws)
    ws.run("2021")
    _correct(ws, "C03", 99)
    updated = ws.run("2021")
    assert updated.manifest["consolidation"]["DG-NAM"]["mode"] == "updated"
    seen = tree_text(updated.outputs[0].parent)
    shutil.rmtree(ws.folder / CACHE_FOLDER)  # no cache: the next run consolidates everything again
    scratch = Workspace.open(ws.folder).run("2021")
    assert scratch.manifest["consolidation"]["DG-NAM"]["mode"] == "full"
    again = tree_text(scratch.outputs[0].parent)
    assert seen.keys() == again.keys() and len(seen) >= 3
    run_ids = (f"#{updated.run_id}", f"#{scratch.run_id}")  # each run names itself
    for name, lines in seen.items():
        assert [x.replace(*run_ids) for x in lines] == again[name], name


def _as_format_3(base) -> None:
    """Rewrite a base as evalreport wrote it before submissions had heads and bodies: format 3,
    every submission a whole record of :mod:`evalreport.model.codec`."""
    import marshal

    fmt, key, state, (subs, units, completeness, parts) = marshal.loads(base.read_bytes())
    assert fmt == 4
    records = []
    for (form, version, unit, period, kind, unit_name, replaces, prov), body in subs:
        records.append({"form": form, "form_version": version, "unit": unit, "period": period, "kind": kind,
                        "unit_name": unit_name, "replaces": replaces,
                        "provenance": None if prov is None else dict(zip(("path", "name", "size", "sha256",
                                                                          "modified"), prov, strict=True)),
                        **marshal.loads(body)})
    base.write_bytes(marshal.dumps((3, key, state, (records, units, completeness, parts))))


def test_a_base_written_before_is_still_read_and_then_written_anew(tmp_path):
    ws = make_workspace(tmp_path / "ws")
    fill_cells(ws)
    ws.run("2021")
    base = ws.folder / CACHE_FOLDER / "DG-NAM_2021.base"
    _as_format_3(base)
    old = base.read_bytes()
    _correct(ws, "C03", 99)
    report = Workspace.open(ws.folder).run("2021")
    assert report.manifest["consolidation"]["DG-NAM"] == {"mode": "updated", "changed_units": 1}
    assert result_view(report.result) == result_view(_from_scratch(ws))
    assert base.read_bytes() != old  # written again, in the current format, with C03's new file
    _correct(ws, "C01", 41)
    again = Workspace.open(ws.folder).run("2021")
    assert again.manifest["consolidation"]["DG-NAM"] == {"mode": "updated", "changed_units": 1}
    scratch = _from_scratch(ws)
    assert result_view(again.result) == result_view(scratch)
    # the submissions themselves, read from the base's heads and bodies, equal the ledger's
    assert again.result.accepted == scratch.accepted and again.result.rejected == scratch.rejected
