"""The workbooks print like official tables: A4, one page wide, the header rows repeated on
every page (read back with openpyxl), the national BienDong as one table with a group per
province under one header, a group never split across pages."""
from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from conftest import SAMPLES, cli

TODAY = dt.date(2026, 1, 15)


def _printed(ws) -> tuple:
    """(rows repeated on every page, orientation) after checking A4 and one page wide."""
    assert int(ws.page_setup.paperSize) == 9, ws.title
    # XlsxWriter leaves out fitToWidth="1" (the default); fitToHeight 0: as many pages tall as needed
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth in (None, 1), ws.title
    assert int(ws.page_setup.fitToHeight) == 0, ws.title
    return ws.print_title_rows, ws.page_setup.orientation


@pytest.fixture(scope="module")
def q2(tmp_path_factory):
    out = tmp_path_factory.mktemp("q2")
    res = cli("batch", "--data", SAMPLES, "--year", "2021", "--quarter", "2", "--out", out, "--jobs", "1")
    assert res.exit_code == 0, res.output
    return out


def test_national_biendong_is_one_table_under_one_repeated_header(q2):
    wb = openpyxl.load_workbook(q2 / "TongHop-2021-Q2.xlsx")
    ws = wb["BienDong"]
    assert _printed(ws) == ("$1:$1", "landscape")
    assert ws.freeze_panes == "C2"
    header = [c.value for c in ws[1]]
    assert header == ["Mã", "Chỉ tiêu", "Bắt buộc", "Tự nguyện", "HTCC", "XĐTTN", "LTTT", "Cộng HV", "Methadone",
                      "Tổng cộng"]
    column_a = [ws.cell(row=r, column=1).value for r in range(1, ws.max_row + 1)]
    assert column_a.count("Mã") == 1  # no header repeated inside the sheet: printing repeats row 1
    groups = [r for r, v in enumerate(column_a, start=1) if "(số cơ sở:" in str(v)]
    assert [column_a[r - 1] for r in groups] == ["Hà Nội (số cơ sở: 7)", "Sơn La (số cơ sở: 1)",
                                                  "Toàn quốc (số cơ sở: 8)"]
    assert groups[0] == 2  # right under the header
    merged = {str(m) for m in ws.merged_cells.ranges}
    assert {f"A{r}:J{r}" for r in groups} <= merged and ws.cell(row=2, column=1).font.b
    # Hà Nội's rows, between its group row and Sơn La's
    hn = {ws.cell(row=r, column=1).value: [ws.cell(row=r, column=c).value for c in range(3, 11)]
          for r in range(groups[0] + 1, groups[1])}
    assert hn["CUOI_KY"][-1] == 3121 and hn["DAU_KY"][-1] == 3247 and hn["CUOI_KY"][-2] == 190
    nation = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=10).value for r in range(groups[2] + 1,
                                                                                          ws.max_row + 1)}
    sl = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=10).value for r in range(groups[1] + 1, groups[2])}
    assert nation["CUOI_KY"] == 3121 + sl["CUOI_KY"]
    # three groups of 17 rows do not fit on one landscape page: each starts a page, none is cut
    assert [b.id + 1 for b in ws.row_breaks.brk] == groups[1:]


def test_every_national_sheet_repeats_its_header(q2):
    wb = openpyxl.load_workbook(q2 / "TongHop-2021-Q2.xlsx")
    got = {ws.title: _printed(ws) for ws in wb.worksheets}
    assert got == {"TomTat": ("$1:$1", "landscape"), "BienDong": ("$1:$1", "landscape"),
                   "YTe": ("$1:$3", "landscape"), "HoatDong": ("$1:$3", "landscape"),
                   "TaiChinh": ("$1:$3", "landscape"), "DayDu": ("$1:$1", "landscape"),
                   "SiSoThang": ("$1:$1", "landscape"), "VanDe": ("$1:$1", "landscape"),
                   "ChiSo": ("$1:$1", "portrait")}
    assert wb["TomTat"]["A1"].value == "Tỉnh/Thành phố" and wb["DayDu"]["D1"].value == "04/2021"


def test_every_report_workbook_sheet_repeats_its_header(q2):
    wb = openpyxl.load_workbook(q2 / "BC-Ha-Noi-2021-Q2.xlsx")
    got = {ws.title: _printed(ws) for ws in wb.worksheets}
    assert got == {"BienDong": ("$4:$4", "landscape"), "PhuLuc": ("$4:$5", "landscape"),
                   "SoLieuKhac": ("$4:$4", "portrait"), "ChiSo": ("$4:$4", "portrait")}
    assert wb["BienDong"]["A4"].value == "Mã" and wb["ChiSo"]["A4"].value == "Đơn vị"


def test_store_batch_approvals_sheet_prints_with_its_header(tmp_path):
    kho = tmp_path / "kho"
    assert cli("receive", SAMPLES / "son-la", "--store", kho).exit_code == 0
    assert cli("approve", "--store", kho, "--facility", "SL01", "--year", "2021", "--quarter", "1").exit_code == 0
    res = cli("batch", "--store", kho, "--year", "2021", "--quarter", "1", "--out", tmp_path / "out", "--jobs", "1")
    assert res.exit_code == 0, res.output
    ws = openpyxl.load_workbook(tmp_path / "out" / "TongHop-2021-Q1.xlsx")["PheDuyet"]
    assert _printed(ws) == ("$1:$1", "landscape")
    assert [c.value for c in ws[1]][:4] == ["Tỉnh/Thành phố", "Mã cơ sở", "Tên cơ sở", "01/2021"]
    cell = ws["D2"]
    assert ws["B2"].value == "SL01" and cell.value.startswith("đã duyệt (bản 1, ") and cell.alignment.wrap_text
    assert ws.row_dimensions[2].height >= 2 * 15  # its two lines shown, not cut
    assert ws["G2"].value == 3


def test_many_provinces_are_kept_whole_across_pages(tmp_path):
    """Eight provinces of one month: several groups share a page, a break only ever falls
    right before a group row."""
    from rehabstat.commands.batch import run_batch
    from rehabstat.common.periods import make_period
    from rehabstat.synth.national import generate_national
    generate_national(tmp_path / "data", facilities=12, provinces=8, months=1, scale=0.05, jobs=1)
    run_batch(tmp_path / "data", make_period(year=2021, month=1), tmp_path / "out", today=TODAY, force=True)
    ws = openpyxl.load_workbook(tmp_path / "out" / "TongHop-2021-01.xlsx")["BienDong"]
    assert _printed(ws) == ("$1:$1", "landscape")
    groups = [r for r in range(1, ws.max_row + 1) if "(số cơ sở:" in str(ws.cell(row=r, column=1).value)]
    assert len(groups) == 9 and ws.cell(row=groups[-1], column=1).value == "Toàn quốc (số cơ sở: 12)"
    breaks = [b.id + 1 for b in ws.row_breaks.brk]  # the first row of each new page
    assert breaks and set(breaks) <= set(groups[1:])
    assert len(breaks) < len(groups) - 1  # not a page per province: groups share a page where they fit


def test_tomtat_notes_wrap_within_the_table_so_the_page_is_not_shrunk(q2):
    """The notes under the summary (one of ~300 characters) are wrapped within columns A:N:
    a single overflowing line would widen what fits on the page and print the table small."""
    ws = openpyxl.load_workbook(q2 / "TongHop-2021-Q2.xlsx")["TomTat"]
    assert ws.cell(row=1, column=14).value == "Tỷ lệ gửi đúng hạn (%)"
    notes = [r for r in range(1, ws.max_row + 1) if str(ws.cell(row=r, column=1).value or "").startswith(
        ("Tổng hợp quý II năm 2021", "Tỷ lệ gửi sổ ="))]
    assert len(notes) == 2 and len(ws.cell(row=notes[1], column=1).value) > 250
    merged = {str(m) for m in ws.merged_cells.ranges}
    for r in notes:
        assert f"A{r}:N{r}" in merged and ws.cell(row=r, column=1).alignment.wrap_text
    assert ws.row_dimensions[notes[1]].height >= 2 * 15  # two lines at least across A:N
