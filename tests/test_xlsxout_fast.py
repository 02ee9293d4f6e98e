"""xlsxout writes a sheet's cells as one string (issue 16): the bytes must be the ones
openpyxl's own writer gives, whatever the cells hold, or openpyxl must write the sheet."""
from __future__ import annotations

import io
import math

import numpy as np
import openpyxl
from hypothesis import given, settings, strategies as st
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet._writer import WorksheetWriter

from rehabstat.workbooks import xlsxout


def both(ws) -> tuple[bytes, bytes]:
    slow = WorksheetWriter(ws, out=io.BytesIO())
    slow.write()
    fast = WorksheetWriter(ws, out=io.BytesIO())
    fast.write_rows = xlsxout._fast_rows(fast)
    fast.write()
    return slow.read(), fast.read()


TEXT = st.text(alphabet=st.sampled_from(list("aZ09 &<>\"'\r\n\t=+-@ăếĐữ😀\u00a0;/")), max_size=12)
VALUE = st.one_of(st.none(), TEXT, st.integers(-10**15, 10**15),
                  st.floats(allow_nan=True, allow_infinity=True), st.just(np.int64(7)), st.just(np.float64(2.5)))


@settings(max_examples=150, deadline=None)
@given(cells=st.lists(st.tuples(st.integers(1, 30), st.integers(1, 30), VALUE, st.integers(0, 3)), max_size=40),
       heights=st.dictionaries(st.integers(1, 35), st.floats(5, 100, allow_nan=False), max_size=4))
def test_same_bytes_as_openpyxl(cells, heights):
    wb = openpyxl.Workbook()
    ws = wb.active
    styles = xlsxout.Styles(ws)
    kinds = [None, styles.get("b", font=Font(bold=True)), styles.get("f", fill=PatternFill("solid", fgColor="DDEBF7")),
             styles.get("w", alignment=Alignment(wrap_text=True))]
    for r, c, value, k in cells:
        if (r, c) in ws._cells:
            continue
        xlsxout.put(ws, r, c, value, kinds[k])
    for r, h in heights.items():
        ws.row_dimensions[r].height = h
    slow, fast = both(ws)
    assert fast == slow


def test_real_shapes_and_fallbacks():
    wb = openpyxl.Workbook()
    ws = wb.active
    xlsxout.set_cell(ws, 1, 1, "=HYPERLINK(\"http://x\")")  # text, never a formula
    xlsxout.set_cell(ws, 1, 2, " lề ")
    xlsxout.set_cell(ws, 2, 3, 1234567.0)
    xlsxout.set_cell(ws, 3, 1, math.pi)
    ws.merge_cells("A5:D5")
    xlsxout.set_cell(ws, 5, 1, "Tổng hợp").font = Font(bold=True, size=13)
    ws.row_dimensions[9].height = 30  # a row with a height and no cells
    data = xlsxout.sheet_data(ws)
    assert b"<t>=HYPERLINK(\"http://x\")</t>" in data
    assert b'<t xml:space="preserve"> l&#7873; </t>' in data
    assert b'<row r="9" ht="30" customHeight="1"></row>' in data
    slow, fast = both(ws)
    assert fast == slow
    # what the fast writer does not know goes back to openpyxl: a comment, a formula, a date, a bool
    for value in ("comment", "formula", "date", "bool"):
        wb2 = openpyxl.Workbook()
        ws2 = wb2.active
        xlsxout.set_cell(ws2, 1, 1, "x")
        if value == "comment":
            ws2["A1"].comment = Comment("ghi chú", "rehabstat")
        elif value == "formula":
            ws2["B1"] = "=SUM(1,2)"
        elif value == "date":
            import datetime as dt
            ws2["B1"] = dt.date(2021, 6, 30)
        else:
            ws2["B1"] = True
        assert xlsxout.sheet_data(ws2) is None, value
        slow, fast = both(ws2)
        assert fast == slow


ROW = st.lists(st.one_of(st.none(), TEXT, st.integers(-10**9, 10**9), st.floats(allow_nan=True, allow_infinity=True)),
               min_size=1, max_size=6)


def _saved_sheet(rows, bulk: bool, touch: tuple | None = None) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    xlsxout.set_cell(ws, 1, 1, "Tiêu đề")
    xlsxout.write_table(ws, ["Mã", "Tên", "Giá trị", "a", "b", "c"], rows, top=3, wrap=(2,), bulk=bulk)
    xlsxout.set_cell(ws, 3 + len(rows) + 2, 1, "ghi chú dưới bảng")
    if touch:  # a cell of the table made or changed afterwards: the rows become ordinary cells
        ws.cell(row=touch[0], column=touch[1]).font = Font(bold=True)
    out = io.BytesIO()
    with xlsxout._sheets_in_memory():
        wb.save(out)
    import zipfile
    with zipfile.ZipFile(out) as z:
        return z.read("xl/worksheets/sheet1.xml") + z.read("xl/styles.xml")


@settings(max_examples=60, deadline=None)
@given(rows=st.lists(ROW, max_size=12))
def test_bulk_rows_same_bytes_as_cells(rows):
    assert _saved_sheet(rows, bulk=True) == _saved_sheet(rows, bulk=False)


def test_bulk_rows_touched_afterwards_and_odd_values():
    rows = [["HV", "Học viên", 12, 2.5, None, ""], ["MET", " Methadone ", -3, float("nan"), "=1+1", "x"]]
    assert _saved_sheet(rows, bulk=True, touch=(4, 2)) == _saved_sheet(rows, bulk=False, touch=(4, 2))
    sheet = _saved_sheet(rows, bulk=True)
    assert b'<dimension ref="A1:F7"/>' in sheet
    assert b"<t>=1+1</t>" in sheet  # formula-looking text stays text
    # a value the bulk rows do not take (a bool, a numpy number): the table is written cell by cell
    odd = [["HV", True, np.int64(4), 1, 2, 3]]
    assert _saved_sheet(odd, bulk=True) == _saved_sheet(odd, bulk=False)
