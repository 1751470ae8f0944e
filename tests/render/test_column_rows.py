"""A body given column by column (the completeness sheet's) is written byte for byte as rows_xml
writes the same rows one by one, and so reads back as put() would have written it; texts that
need care (escaping, edge white space, control characters, empty text) and values the column
path does not handle go through rows_xml itself."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from evalreport.render.workbook import column_rows
from evalreport.render.workbook.column_rows import ColumnRows
from evalreport.render.workbook.streamed_rows import SheetBody, StreamedWorkbook, rows_xml
from evalreport.render.workbook.xlsx_cells import AMBER_FILL, RED_FILL, CellLook, header_row, look

CENTER, LEFT, RED, AMBER, UNSTYLED = CellLook(3, 4), CellLook(5, 6), CellLook(7, 8), CellLook(9, 10), CellLook(0, 0)


def _by_rows(columns, count: int, first_row: int) -> bytes:
    rows = []
    for k in range(count):
        looks = tuple(lk if isinstance(lk, CellLook) else lk[k] for _, lk in columns)
        rows.append((tuple(values[k] for values, _ in columns), looks, None))
    return b"".join(chunk for chunk, _ in rows_xml(rows, first_row))


def _by_columns(columns, count: int, first_row: int) -> tuple[bytes, int]:
    chunks = list(ColumnRows(columns, count).chunks(first_row))
    return b"".join(c for c, _ in chunks), sum(n for _, n in chunks)


def test_plain_columns_are_the_rows_xml_bytes(monkeypatch):
    monkeypatch.setattr(column_rows, "_CHUNK_ROWS", 4)  # several chunks, the last one short
    n = 10
    columns = [(range(1, n + 1), CENTER), ([f"C{i:02d}" for i in range(n)], CENTER),
               ([f"Chi bộ số {i}" for i in range(n)], LEFT), (["Đã nộp", None] * 5, [CENTER, AMBER] * 5),
               ([None if i % 3 else f"t{i}.xlsx" for i in range(n)], LEFT)]
    got, rows = _by_columns(columns, n, 2)
    assert rows == n
    assert got == _by_rows(columns, n, 2)
    assert got.count(b"<row ") == n and b'<c r="E3" s="5"/>' in got


def test_texts_that_need_care_take_rows_xml_in_their_chunk(monkeypatch):
    monkeypatch.setattr(column_rows, "_CHUNK_ROWS", 2)
    names = ["A & B <1>", " edge ", "ấp\x0b 1", "", "plain", "line\r\nbreak", "x", "y"]
    columns = [(range(8), CENTER), (names, LEFT), ([1.5, 2, None, True, 0, 3, 4, 5], CENTER),
               ([None, "a", None, "b", "c", "d", "e", "f"], UNSTYLED)]
    got, rows = _by_columns(columns, 8, 5)
    assert rows == 8
    assert got == _by_rows(columns, 8, 5)
    assert b"A &amp; B &lt;1&gt;" in got and b'xml:space="preserve"> edge </t>' in got and b"\x0b" not in got


_text = st.one_of(st.none(), st.text(alphabet=st.sampled_from("aá ấ&<>\t\r\n\x0b\x01-=@xyz"), max_size=6))


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_any_columns_are_the_rows_xml_bytes(data):
    n = data.draw(st.integers(1, 7))
    columns = [(list(range(n)), CENTER)]
    for _ in range(data.draw(st.integers(1, 3))):
        values = data.draw(st.lists(_text, min_size=n, max_size=n))
        looks = data.draw(st.one_of(st.sampled_from([CENTER, LEFT, UNSTYLED]),
                                    st.lists(st.sampled_from([CENTER, RED, AMBER]), min_size=n, max_size=n)))
        columns.append((values, looks))
    first = data.draw(st.integers(1, 50))
    assert _by_columns(columns, n, first) == (_by_rows(columns, n, first), n)


def test_a_column_body_reads_back_as_put_writes_it(tmp_path):
    wb = Workbook()
    ws = wb.active
    header_row(ws, 1, ["STT", "Tên", "Trạng thái"])
    center, left = look(ws, align="center"), look(ws, align="left")
    red, amber = look(ws, align="center", fill=RED_FILL), look(ws, align="center", fill=AMBER_FILL)
    names = ["Chi bộ 1", "=SUM(A1)", "Đảng bộ A & B", None]
    columns = [(range(1, 5), center), (names, left), (["Đủ", "Thiếu", "Lỗi", "Đủ"], [center, amber, red, center])]
    StreamedWorkbook(wb, [SheetBody(ws, ColumnRows(columns, 4), first_row=2, count=4, width=3)]).save(tmp_path / "c.xlsx")
    back = load_workbook(tmp_path / "c.xlsx").active
    assert [[c.value for c in row] for row in back.iter_rows(min_row=2)] == \
        [[1, "Chi bộ 1", "Đủ"], [2, "=SUM(A1)", "Thiếu"], [3, "Đảng bộ A & B", "Lỗi"], [4, None, "Đủ"]]
    assert back["B3"].data_type == "s"  # text, never a formula
    assert back["A2"].number_format == "#,##0" and back["C3"].fill.fgColor.rgb.endswith("FFE699")
    assert back["B5"].border.left.style == "thin"  # an empty cell keeps its look
