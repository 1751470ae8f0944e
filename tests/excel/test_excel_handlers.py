"""Every panel handler driven through xlwings' own Book, built from the JSON that Excel's VBA
client sends (the remote-interpreter engine), on a real workspace; the assertions are on the
actions written back and on the files produced."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest
import xlwings as xw
from excel_support import (
    GOOD,
    PERIOD,
    actions,
    cell_index,
    ensure_remote_engine,
    make_workspace,
    payload_from_workbook,
    value_at,
)

from evalreport.excel import handlers
from evalreport.excel.layout import (
    COMPLETENESS_SHEET,
    DETAIL,
    FINDINGS_SHEET,
    PANEL_SHEET,
    REASON,
    REPORT_SETTINGS,
    STATUS,
)
from evalreport.excel.panel import StatusBarProgress, as_text_cell
from evalreport.model.period import parse_period
from evalreport.render.workbook.template_writer import fill_template, template_file_name

WORKBOOK = Path(__file__).resolve().parents[2] / "workbooks" / "evalreport.xlsm"
PANEL, FINDINGS, COMPLETENESS = 0, 1, 2  # sheet positions in the payload
STAMP = r"^\[\d\d/\d\d/\d{4} \d\d:\d\d:\d\d\] "


@pytest.fixture(autouse=True)
def _licence():
    # The remote-interpreter engine needs XLWINGS_LICENSE_KEY=noncommercial (see
    # ensure_remote_engine). The desktop RunPython path that the panel uses in Excel is
    # BSD-licensed xlwings code and needs no key.
    ensure_remote_engine()


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    return make_workspace(tmp_path_factory.mktemp("excel") / "ws")


def panel_book(tables: dict[str, list[list]] | None = None, **settings) -> xw.Book:
    """The panel as Excel sends it: the settings typed, and ``tables`` ({sheet: rows}) as a
    previous button left them on the findings or completeness sheet (from row 4)."""
    cells = {"C5": settings.get("folder", ""), "C6": settings.get("period", PERIOD), "C7": settings.get("root"),
             "C8": settings.get("form", "DG-NAM"), "C9": settings.get("lang", "Tiếng Việt"),
             REASON.address: settings.get("reason"),
             **{s.address: settings[s.key] for s in REPORT_SETTINGS if s.key in settings}}
    typed = {(PANEL_SHEET, a): v for a, v in cells.items()}
    for sheet, rows in (tables or {}).items():
        typed.update({(sheet, f"{'ABCDEF'[c]}{4 + r}"): v for r, row in enumerate(rows) for c, v in enumerate(row)})
    return xw.Book(json=payload_from_workbook(WORKBOOK, typed))


def status(book) -> str:
    return value_at(book, PANEL, STATUS.address)


def status_color(book) -> str:
    a = [x for x in actions(book, "setFontProperty", PANEL) if x["start_row"] == 11]
    return a[-1]["args"][1]


def table(book, sheet: int) -> list[list]:
    """Rows written below the header (row 4 on)."""
    rows = [a for a in actions(book, "setValues", sheet) if a["start_row"] == 3]
    return rows[-1]["values"] if rows else []


def test_check_inbox_lists_findings_with_file_links_and_completeness(workspace):
    book = panel_book(folder=str(workspace))
    assert handlers.check_inbox(book) is True
    assert re.match(STAMP + "Đã đọc 3 tệp mới; 1/5 đơn vị đã nộp; 2 lỗi, 0 cảnh báo", status(book))
    assert status_color(book) == "#006100"
    assert value_at(book, PANEL, DETAIL.address) == str(workspace / "inbox")
    rows = table(book, FINDINGS)
    assert [r[:5] for r in rows] == [["Lỗi", "", "inbox/ghi chu.xlsx", "", ""],
                                     ["Lỗi", "C02", "inbox/DG-NAM_2026_C02.xlsx", "DG-NAM", "C9"]]
    assert "Tổng số đảng viên 11 ≠" in rows[1][5]
    links = actions(book, "addHyperlink", FINDINGS)
    assert [(a["start_row"], a["start_column"], a["args"][0]) for a in links] == [
        (3, 2, str(workspace / "inbox" / "ghi chu.xlsx")), (4, 2, str(workspace / "inbox" / "DG-NAM_2026_C02.xlsx"))]
    assert all(Path(a["args"][0]).is_file() for a in links)
    assert actions(book, "rangeClear", FINDINGS)[0]["row_count"] > 1000  # old rows are cleared first
    completeness = {r[1]: r for r in table(book, COMPLETENESS)}
    assert {k: v[4] for k, v in completeness.items()} == {
        "X01": "Chưa nộp", "X02": "Chưa nộp", "C01": "Đã nộp, hợp lệ", "C02": "Đã nộp, có lỗi", "C03": "Chưa nộp"}
    assert completeness["C02"] == ["X01", "C02", "Chi bộ khu phố 2", "Chi bộ trực thuộc", "Đã nộp, có lỗi",
                                   "DG-NAM_2026_C02.xlsx; 1 lỗi, 0 cảnh báo"]
    assert value_at(book, COMPLETENESS, "A2").startswith("Kỳ năm 2026 · biểu mẫu DG-NAM · đơn vị T01")


def test_second_check_still_lists_every_problem(workspace):
    book = panel_book(folder=str(workspace))
    assert handlers.check_inbox(book)
    assert re.match(STAMP + "Đã đọc 0 tệp mới; 1/5 đơn vị đã nộp; 2 lỗi", status(book))
    assert len(table(book, FINDINGS)) == 2


def test_consolidate_writes_outputs_and_reports(workspace):
    book = panel_book(folder=str(workspace))
    assert handlers.consolidate(book) is True
    out = workspace / "outputs" / PERIOD
    assert re.match(STAMP + r"Đã tổng hợp DG-NAM kỳ 2026 cho T01: 1/5 đơn vị đã nộp; 2 lỗi, 0 cảnh báo; "
                    r"(\d+) tệp kết quả", status(book))
    n_outputs = int(re.search(r"(\d+) tệp kết quả", status(book)).group(1))
    assert n_outputs >= 2 and value_at(book, PANEL, DETAIL.address) == str(out)
    assert any(p.suffix == ".xlsx" and "T01" in p.name for p in out.iterdir())
    assert any(p.suffix == ".docx" and "T01" in p.name for p in out.iterdir())
    assert [r[1] for r in table(book, FINDINGS)] == ["", "C02"]


def test_write_reports_renders_every_non_leaf_unit(workspace):
    book = panel_book(folder=str(workspace))
    assert handlers.write_reports(book) is True
    names = [p.name for p in (workspace / "outputs" / PERIOD).iterdir()]
    for unit in ("T01", "X01", "X02"):
        assert any(unit in n and n.endswith(".docx") for n in names), (unit, names)


def test_the_letterhead_typed_on_the_panel_reaches_the_root_report(tmp_path):
    from docx import Document

    ws = make_workspace(tmp_path / "ws")
    config = ws / "evalreport.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "report:\n  place: Nơi trong tệp\n  units:\n"
                      "    T01: {signer: {name: Tên trong tệp}}\n", encoding="utf-8")
    before = config.read_bytes()
    # what Excel sends: a number typed into a cell is a float; an empty cell is None
    book = panel_book(folder=str(ws), place="Gia Lai", number=12.0, signer_title="Phó Bí thư", signer_name=None)
    assert handlers.consolidate(book) is True
    report = next((ws / "outputs" / PERIOD).glob("*T01*.docx"))
    head, sign = (Document(str(report)).tables[i].rows[0].cells for i in (0, -1))
    assert head[0].text.split("\n")[-1] == "Số 12-BC/TU" and head[1].paragraphs[-1].text.startswith("Gia Lai, ngày")
    assert sign[1].text.split("\n")[1] == "PHÓ BÍ THƯ" and sign[1].text.split("\n")[-1] == "Tên trong tệp"
    assert config.read_bytes() == before  # the panel never rewrites evalreport.yaml


def test_make_templates_for_every_reporting_unit(tmp_path):
    ws = make_workspace(tmp_path / "ws")
    book = panel_book(folder=str(ws))
    assert handlers.make_templates(book) is True
    made = sorted(p.name for p in (ws / "outputs" / PERIOD / "bieu_mau").iterdir())
    assert len(made) == 5 and all("DG-NAM" in n for n in made)
    assert re.match(STAMP + "Đã tạo 5 biểu mẫu DG-NAM kỳ 2026$", status(book))


def test_open_outputs_opens_the_folder_or_says_to_consolidate_first(tmp_path, monkeypatch):
    opened: list[Path] = []
    monkeypatch.setattr(handlers, "open_folder", opened.append)
    ws = make_workspace(tmp_path / "ws")
    book = panel_book(folder=str(ws))
    assert handlers.open_outputs(book) is False
    assert "Chưa có kết quả kỳ 2026" in status(book) and status_color(book) == "#9c0006"
    assert opened == []
    assert handlers.consolidate(panel_book(folder=str(ws)))
    book = panel_book(folder=str(ws))
    assert handlers.open_outputs(book) is True
    assert opened == [ws / "outputs" / PERIOD]


@pytest.mark.parametrize(("settings", "expected"), [
    ({"folder": ""}, "Chưa nhập “Thư mục làm việc” (ô C5) trên Bảng điều khiển"),
    ({"folder": None}, "Chưa nhập “Thư mục làm việc” (ô C5) trên Bảng điều khiển"),
    ({"folder": "/no/such/folder"}, "Không tìm thấy thư mục làm việc “/no/such/folder”"),
    ({"period": "2025-13"}, "Kỳ báo cáo “2025-13” (ô C6) không hợp lệ"),
    ({"period": None}, "Chưa nhập “Kỳ báo cáo” (ô C6) trên Bảng điều khiển"),
    ({"period": 2025.5}, "Kỳ báo cáo “2025.5” (ô C6) không hợp lệ"),
    # a date is a month: DG-NAM (yearly) says so instead of rejecting "2025-11-01 00:00:00"
    ({"period": datetime(2025, 11, 1)}, "Biểu mẫu DG-NAM không dùng cho kỳ 2025-11"),
    ({"period": datetime(2025, 11, 1), "form": None}, "Chưa nhập “Biểu mẫu” (ô C8)"),
    ({"form": "DV-THANG"}, "Biểu mẫu DV-THANG không dùng cho kỳ 2026"),
    ({"form": "XYZ"}, "Không có biểu mẫu “XYZ”"),
    ({"root": "ZZ9"}, "Mã đơn vị “ZZ9” không có trong danh sách đơn vị"),
])
def test_bad_settings_become_messages_on_the_panel(workspace, settings, expected):
    book = panel_book(**{"folder": str(workspace), **settings})
    assert handlers.check_inbox(book) is False
    assert re.match(STAMP, status(book)) and expected in status(book), status(book)
    assert status_color(book) == "#9c0006"
    assert actions(book, "setValues", FINDINGS) == []  # tables untouched


@pytest.mark.parametrize(("typed", "label"), [
    (2026.0, "năm 2026"),                      # "2026" typed into a General cell
    ("2026", "năm 2026"),
])
def test_a_period_as_excel_gives_it_runs(workspace, typed, label):
    book = panel_book(folder=str(workspace), period=typed)
    assert handlers.check_inbox(book) is True, status(book)
    assert value_at(book, COMPLETENESS, "A2").startswith(f"Kỳ {label} · biểu mẫu DG-NAM")


@pytest.mark.parametrize("typed", [datetime(2026, 3, 1), "03/2026", "2026-03"])
def test_a_month_typed_any_way_excel_keeps_it_is_a_month(workspace, typed):
    book = panel_book(folder=str(workspace), period=typed, form="DV-THANG")
    assert handlers.make_templates(book) is True, status(book)
    assert re.match(STAMP + r"Đã tạo \d+ biểu mẫu DV-THANG kỳ 2026-03$", status(book))


def test_empty_letterhead_cells_and_numbers_as_excel_gives_them(workspace):
    book = panel_book(folder=str(workspace), place=None, number=None, signer_title=None, signer_name=1234.0)
    assert handlers.consolidate(book) is True, status(book)


def test_a_folder_that_is_not_a_workspace(tmp_path):
    book = panel_book(folder=str(tmp_path))
    assert handlers.consolidate(book) is False
    assert "Không mở được thư mục làm việc:" in status(book) and "evalreport.yaml" in status(book)


def test_unexpected_error_inside_a_handler_is_a_message_not_an_exception(workspace, monkeypatch):
    from evalreport.store import Workspace

    def boom(self, *a, **k):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(Workspace, "run", boom)
    book = panel_book(folder=str(workspace))
    assert handlers.consolidate(book) is False
    assert "Tổng hợp không thành công do lỗi không mong đợi (RuntimeError)" in status(book)
    assert value_at(book, PANEL, DETAIL.address).startswith("RuntimeError: disk on fire (test_excel_handlers.py:")


def test_a_busy_workspace_says_so(tmp_path):
    ws_folder = make_workspace(tmp_path / "ws")
    cfg = ws_folder / "evalreport.yaml"
    cfg.write_text(cfg.read_text(encoding="utf-8").replace("lock_timeout: 30", "lock_timeout: 0"), encoding="utf-8")
    from evalreport.store import Workspace

    with Workspace.open(ws_folder) as ws, ws.lock("run 2026"):
        book = panel_book(folder=str(ws_folder))
        assert handlers.consolidate(book) is False
    assert "đang được dùng bởi tiến trình" in status(book) and "'run 2026'" in status(book)


def test_a_ledger_of_a_newer_evalreport_asks_for_an_update(tmp_path):
    import sqlite3

    ws_folder = make_workspace(tmp_path / "ws")
    with sqlite3.connect(ws_folder / "ledger.sqlite") as conn:
        conn.execute("PRAGMA user_version = 99")
    book = panel_book(folder=str(ws_folder))
    assert handlers.check_inbox(book) is False
    assert "phiên bản evalreport mới hơn" in status(book) and "Hãy cập nhật evalreport" in status(book)
    assert value_at(book, PANEL, DETAIL.address) in ("", None)  # worded: no technical detail line


def test_english_panel(workspace):
    book = panel_book(folder=str(workspace), lang="English")
    assert handlers.check_inbox(book)
    assert re.match(STAMP + "Read 0 new files; 1/5 units have reported; 2 errors", status(book))
    assert [a["values"] for a in actions(book, "setValues", FINDINGS) if a["start_row"] == 2] == [
        [["Severity", "Unit", "File", "Sheet", "Cell", "Message"]]]
    assert table(book, FINDINGS)[1][0] == "Error"


def test_without_excel_and_without_a_book_nothing_raises():
    assert handlers.consolidate() is False  # xw.Book.caller() fails outside Excel: logged, not raised


class _App:
    def __init__(self, supported: bool):
        self.supported, self.shown = supported, []

    @property
    def status_bar(self):
        return self.shown[-1] if self.shown else None

    @status_bar.setter
    def status_bar(self, value):
        if not self.supported:
            raise NotImplementedError("no status bar")
        self.shown.append(value)


class _Book:
    def __init__(self, supported: bool = True):
        self.app = _App(supported)


def test_progress_goes_to_the_status_bar_throttled_and_is_released():
    book = _Book()
    progress = StatusBarProgress(book, "Tổng hợp", min_interval=3600)
    progress("read", 0, 200)
    for i in range(1, 200):
        progress("read", i, 200)  # throttled: within the interval only first and last show
    progress("read", 200, 200)
    progress.close()
    assert book.app.shown == ["evalreport – Tổng hợp: read 0/200 (0%)", "evalreport – Tổng hợp: read 200/200 (100%)",
                              False]


def test_progress_on_an_engine_without_status_bar_is_silently_off():
    progress = StatusBarProgress(_Book(supported=False), "Kiểm tra")
    progress("read", 0, 1)
    progress.close()
    assert progress.enabled is False and progress.messages == ["evalreport – Kiểm tra: read 0/1 (0%)"]


def test_text_that_excel_would_take_for_a_formula_is_kept_as_text():
    assert [as_text_cell(v) for v in ("=1+1", "+84", "-", "@x", "Chi bộ A & B <1>", 5)] == [
        "'=1+1", "'+84", "'-", "'@x", "Chi bộ A & B <1>", 5]


def test_approving_closing_and_reopening_from_the_panel(tmp_path):
    ws = make_workspace(tmp_path / "ws")
    assert handlers.check_inbox(panel_book(folder=str(ws)))
    book = panel_book(folder=str(ws))
    assert handlers.approve_units(book, units="C01") is True, status(book)
    assert re.match(STAMP + "Đã duyệt báo cáo của: C01", status(book))
    assert {r[1]: r[4] for r in table(book, COMPLETENESS)}["C01"] == "Đã duyệt"
    book = panel_book(folder=str(ws))
    assert handlers.approve_units(book, units="C02") is False  # a report with errors cannot be approved
    assert "còn lỗi" in status(book)

    book = panel_book(folder=str(ws))
    assert handlers.close_period(book) is True
    assert re.match(STAMP + "Đã chốt số liệu DG-NAM kỳ 2026", status(book))
    book = panel_book(folder=str(ws))
    assert handlers.reopen_period(book) is False and "Cần ghi lý do" in status(book)
    book = panel_book(folder=str(ws))
    assert handlers.reopen_period(book, reason="bổ sung C03") is True
    assert re.match(STAMP + "Đã mở lại kỳ 2026: 0 tệp", status(book))


# -- the period-control buttons, run the way their VBA macros run them ---------------------------
BAS = (Path(__file__).resolve().parents[2] / "workbooks" / "evalreport_panel.bas").read_text(encoding="ascii")


def run_macro(monkeypatch, macro: str, book, rows: str = "") -> None:
    """Run a button's Python command as its VBA macro builds it: the RunPython string of the
    macro in workbooks/evalreport_panel.bas, with ``rows`` where the macro puts what SelectedRows
    read from a table sheet, executed with ``book`` as xlwings' calling book (what RunPython sets)."""
    body = re.search(rf"Public Sub {macro}\(\)(.*?)End Sub", BAS, re.S).group(1)
    command = re.search(r'RunPython\("(.*)"\)', body).group(1)
    command = re.sub(r'" & SelectedRows\(U\("[^"]*"\)\) & "', rows, command)
    monkeypatch.setattr(xw.Book, "caller", staticmethod(lambda: book))
    exec(command, {})  # noqa: S102  # the macro's own Python line


def reason_cleared(book) -> bool:
    r, c = cell_index(REASON.address)
    return any(a["start_row"] == r and a["start_column"] == c and a["values"] in ([[None]], [[""]])
               for a in actions(book, "setValues", PANEL))


def row_of(rows: list[list], column: int, value: str) -> str:
    """The sheet row ("5:5") of the table row whose ``column`` (0-based) holds ``value``."""
    i = next(i for i, r in enumerate(rows) if r[column] == value)
    return f"{4 + i}:{4 + i}"


def test_approve_then_withdraw_the_units_selected_on_the_completeness_sheet(tmp_path, monkeypatch):
    from evalreport.store import Workspace

    folder = make_workspace(tmp_path / "ws")
    checked = panel_book(folder=str(folder))
    assert handlers.check_inbox(checked)
    status_rows = table(checked, COMPLETENESS)

    book = panel_book({COMPLETENESS_SHEET: status_rows}, folder=str(folder), reason="đã đối chiếu số liệu")
    # two areas, one of them the title and header rows, which are not units
    run_macro(monkeypatch, "DuyetBaoCao", book, "1:3," + row_of(status_rows, 1, "C01"))
    assert re.match(STAMP + "Đã duyệt báo cáo của: C01$", status(book)), status(book)
    assert {r[1]: r[4] for r in table(book, COMPLETENESS)}["C01"] == "Đã duyệt"
    assert reason_cleared(book)
    with Workspace.open(folder) as ws:
        assert [(e["event"], e["unit"], e["reason"]) for e in ws.events(PERIOD)] == [
            ("approve", "C01", "đã đối chiếu số liệu")]

    book = panel_book({COMPLETENESS_SHEET: status_rows}, folder=str(folder), reason="nhận bản sửa")
    run_macro(monkeypatch, "RutLaiDuyet", book, row_of(status_rows, 1, "C01"))
    assert re.match(STAMP + "Đã rút lại việc duyệt: C01; 0 tệp", status(book)), status(book)
    assert {r[1]: r[4] for r in table(book, COMPLETENESS)}["C01"] == "Đã nộp, hợp lệ"
    with Workspace.open(folder) as ws:
        assert [(e["event"], e["reason"]) for e in ws.events(PERIOD)][-1] == ("withdraw", "nhận bản sửa")

    # nothing selected on the sheet (the header row, as Excel keeps it when untouched): no change
    book = panel_book({COMPLETENESS_SHEET: status_rows}, folder=str(folder))
    run_macro(monkeypatch, "DuyetBaoCao", book, "1:1")
    assert "Chọn các dòng đơn vị trên trang “Tình hình nộp” trước khi bấm “Duyệt báo cáo”" in status(book)
    with Workspace.open(folder) as ws:
        assert len(ws.events(PERIOD)) == 2


def test_close_then_reopen_the_period_with_the_reason_typed_on_the_panel(tmp_path, monkeypatch):
    from evalreport.store import Workspace

    folder = make_workspace(tmp_path / "ws")
    book = panel_book(folder=str(folder), reason="đã gửi báo cáo lên Tỉnh ủy")
    run_macro(monkeypatch, "ChotSoLieu", book)
    assert re.match(STAMP + "Đã chốt số liệu DG-NAM kỳ 2026", status(book)), status(book)
    assert reason_cleared(book)
    with Workspace.open(folder) as ws:
        closing = ws.closing(PERIOD)
        assert closing is not None and closing["reason"] == "đã gửi báo cáo lên Tỉnh ủy"

    # no reason typed: nothing changes, and the panel says where to type it
    book = panel_book(folder=str(folder))
    run_macro(monkeypatch, "MoLaiKy", book)
    assert f"ghi vào ô “Lý do” ({REASON.address}) rồi bấm lại nút; chưa có gì thay đổi" in status(book)
    assert status_color(book) == "#9c0006"
    with Workspace.open(folder) as ws:
        assert ws.closing(PERIOD) is not None

    book = panel_book(folder=str(folder), reason="Chi bộ ấp Chợ gửi bản sửa")
    run_macro(monkeypatch, "MoLaiKy", book)
    assert re.match(STAMP + "Đã mở lại kỳ 2026: 0 tệp được đưa vào tổng hợp", status(book)), status(book)
    with Workspace.open(folder) as ws:
        assert ws.closing(PERIOD) is None
        assert [(e["event"], e["reason"]) for e in ws.events(PERIOD)][-1] == ("reopen", "Chi bộ ấp Chợ gửi bản sửa")


def test_admit_the_held_file_selected_on_the_findings_sheet(tmp_path, monkeypatch):
    from evalreport.store import Workspace

    folder = make_workspace(tmp_path / "ws")
    with Workspace.open(folder) as ws:  # last year's report sorted into this year's inbox folder
        (ws.inbox / PERIOD).mkdir()
        fill_template(ws.config.form("DG-NAM"), "C03", "2025", ws.hierarchy,
                      ws.inbox / PERIOD / template_file_name("DG-NAM", parse_period("2025"), "C03"), GOOD)
    checked = panel_book(folder=str(folder))
    assert handlers.check_inbox(checked)
    findings = table(checked, FINDINGS)
    held = next(r for r in findings if r[1] == "C03")
    assert held[2] == "DG-NAM_2025_C03.xlsx" and "được giữ chờ xử lý" in held[5], held

    book = panel_book({FINDINGS_SHEET: findings}, folder=str(folder), reason="báo cáo năm 2025 gửi muộn")
    run_macro(monkeypatch, "ChapNhanTepCho", book, row_of(findings, 1, "C03"))
    assert re.match(STAMP + "1 tệp được đưa vào tổng hợp, 0 tệp vẫn chờ xử lý$", status(book)), status(book)
    with Workspace.open(folder) as ws:
        assert ws.pending() == []
        assert {r.unit: r.state for r in ws.status("2025", "DG-NAM")}["C03"] == "accepted"
        assert [(e["event"], e["unit"], e["reason"]) for e in ws.events("2025")] == [
            ("admit", "C03", "báo cáo năm 2025 gửi muộn")]
