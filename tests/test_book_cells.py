"""book.py writes each cell with XlsxWriter's writer of its type: what a cell holds after
the save, for every kind of value a table may bring (bulk rows and single cells alike)."""
from __future__ import annotations

import math

import numpy as np
from openpyxl import load_workbook

from rehabstat.workbooks.book import Book, write_table


def _saved(tmp_path, rows, cells=()):
    book = Book()
    ws = book.sheet("Bang")
    write_table(ws, ["Mã", "Nội dung", "Giá trị"], rows, top=1)
    for (r, c), value in cells:
        ws.put(r, c, value)
    out = book.save(tmp_path / "bang.xlsx")
    return load_workbook(out)["Bang"]


def test_every_kind_of_value_is_written_as_what_it_is(tmp_path):
    long_text = "x" * 40000
    rows = [
        ["CONG_THUC", "=HYPERLINK(\"http://x\")", 1659],       # formula-looking text stays text
        ["TRONG", "", 12],                                        # "" is a blank cell
        ["DIEU_KHIEN", "Kết quả\x00 năm\x1b 2021", math.nan],     # control characters replaced; NaN blank
        ["VO_HAN", long_text, math.inf],                          # cut at Excel's 32 767; inf blank
        ["DUNG_SAI", True, np.int64(692)],                        # a bool; numpy's int as a number
        ["TIEN", None, 5122732200],
        ["PHAN", "nửa", 12.5],                                    # not whole: one decimal
    ]
    ws = _saved(tmp_path, rows, cells=[((7, 2), "ô riêng"), ((3, 3), 7)])
    got = [[ws.cell(r, c).value for c in (1, 2, 3)] for r in range(2, 9)]
    assert got == [
        ["CONG_THUC", "=HYPERLINK(\"http://x\")", 1659],
        ["TRONG", None, 7],
        ["DIEU_KHIEN", "Kết quả\ufffd năm\ufffd 2021", None],
        ["VO_HAN", "x" * 32767, None],
        ["DUNG_SAI", True, 692],
        ["TIEN", "ô riêng", 5122732200],
        ["PHAN", "nửa", 12.5],
    ]
    assert ws.cell(2, 2).data_type == "s"  # text, not a formula
    assert ws.cell(3, 3).value == 7 and ws.cell(3, 3).number_format == "General"  # a put() cell replaces the row's
    assert ws.cell(2, 3).number_format == "#,##0"
    assert ws.cell(7, 3).number_format == "#,##0"
    assert ws.cell(8, 3).number_format == "#,##0.0"
    assert type(ws.cell(6, 3).value) is int
