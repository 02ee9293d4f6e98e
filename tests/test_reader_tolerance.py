"""Each tolerance rule of spec/input-format.md, alone on a small workbook, gives the same
figures as the clean workbook and no issue."""
from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest

import broken
from conftest import SAMPLES
from rehabstat.reading.dataset import read_paths
from rehabstat.commands.validate import validate_paths


def _s(v):
    return "" if v is None or pd.isna(v) else v


def summary(ds):
    """What a workbook says, without where it says it."""
    f = ds.files.iloc[0]
    census = sorted(tuple(None if pd.isna(v) else int(v) if k else v for k, v in enumerate(r))
                    for r in ds.census[["category", "opening", "closing", "present", "absent"]].itertuples(index=False))
    events = sorted((_s(r.person), r.category, r.event, r.date, _s(r.new_category), int(r.count))
                    for r in ds.events.itertuples(index=False))
    figures = sorted((r.code, r.value) for r in ds.figures.itertuples(index=False))
    return dict(who=(f["unit"], f["province"], int(f["year"]), int(f["month"])), census=census, events=events,
                figures=figures)


def read_one(path):
    result = validate_paths([path], jobs=1)
    assert [(i.code, i.where, i.message) for i in result.issues] == []
    assert len(result.files) == 1
    return summary(result.dataset)


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    path = broken.write_book(tmp_path_factory.mktemp("clean") / "clean.xlsx", broken.clean_book())
    return summary(read_paths([path], jobs=1))


def _variant(tmp_path, book, name="v.xlsx"):
    return read_one(broken.write_book(tmp_path / name, book))


def test_clean_summary_is_what_was_written(clean):
    assert clean["who"] == ("LC01", "Lai Châu", 2021, 3)
    assert ("BB", 100, 100, 98, 2) in clean["census"]
    assert len(clean["events"]) == 11 and len(clean["figures"]) == 4


@pytest.mark.parametrize("names", [
    {"info": "Thông tin chung", "census": "SĨ SỐ", "events": "bien_dong", "figures": "Số liệu khác"},
    {"info": "THONG TIN", "census": "Si so", "events": "Biến động", "figures": "SO LIEU"},
    {"info": "Info", "census": "Census", "events": "Events", "figures": "Figures"},
])
def test_sheet_names(tmp_path, clean, names):
    book = broken.clean_book()
    book.sheets = names
    assert _variant(tmp_path, book) == clean


@pytest.mark.parametrize("census, events, figures", [
    (["DIỆN", "dau ky", "Cuối Kỳ", "CO MAT", "vắng_mặt"],
     ["TT", "Ma hoc vien", "HO VA TEN", "dien", "BIẾN ĐỘNG", "ngay", "Dien moi", "SO LUONG", "ghi chu"],
     ["MA", "noi dung", "Đơn vị tính", "GIA TRI"]),
    (["Category", "Opening", "Closing", "Present", "Absent"],
     ["No", "Learner id", "Name", "Category", "Event", "Date", "New category", "Count", "Note"],
     ["Code", "Label", "Unit", "Value"]),
])
def test_header_names(tmp_path, clean, census, events, figures):
    book = broken.clean_book()
    book.census[0], book.events[0], book.figures[0] = census, events, figures
    assert _variant(tmp_path, book) == clean


def test_title_rows_and_merged_cells_above_the_header(tmp_path, clean):
    book = broken.clean_book()
    for role, width in (("census", "E"), ("events", "I"), ("figures", "D")):
        book.title_rows[role] = [["SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"], [f"BẢNG {role.upper()} THÁNG 03/2021"], []]
        book.merges[role] = [f"A1:{width}1", f"A2:{width}2"]
    book.title_rows["info"] = [["THÔNG TIN CHUNG"], []]
    assert _variant(tmp_path, book) == clean


def _reorder(rows, order, extra="Ghi chú thêm"):
    out = []
    for n, row in enumerate(rows):
        row = list(row) + [None] * (max(order) + 1 - len(row))
        out.append([row[k] for k in order] + [extra if n == 0 else f"x{n}"])
    return out


def test_columns_reordered_plus_an_extra_column(tmp_path, clean):
    book = broken.clean_book()
    book.census = _reorder(book.census, [4, 2, 0, 3, 1])
    book.events = _reorder(book.events, [5, 3, 8, 4, 0, 7, 1, 6, 2])
    book.figures = _reorder(book.figures, [3, 1, 0, 2])
    assert _variant(tmp_path, book) == clean


def test_numbers_as_vietnamese_text(tmp_path):
    opening = dict(broken.OPENING, BB=1586)
    book = broken.clean_book(opening=opening)
    base = _variant(tmp_path, book, "base.xlsx")
    row = book.census_row("BB")
    row[1:] = [f"{v:,}".replace(",", ".") for v in row[1:]]  # "1.586"
    for r in book.census[2:]:
        r[1:] = [str(v) for v in r[1:]]
    book.figures[1][3] = "3.415"
    book.figures[4][3] = "426.894.350 đồng"
    book.events[3][broken.E_COUNT] = "2"
    assert book.census_row("BB")[1] == "1.586"
    assert _variant(tmp_path, book) == base


@pytest.mark.parametrize("form", ["date", "datetime", "serial", "dd/mm/yyyy", "d/m/yyyy", "dd-mm-yyyy", "yyyy-mm-dd"])
def test_date_forms(tmp_path, clean, form):
    book = broken.clean_book()
    for r in book.events[1:]:
        d = r[broken.E_DATE]
        r[broken.E_DATE] = {
            "date": d, "datetime": dt.datetime(d.year, d.month, d.day), "serial": (d - dt.date(1899, 12, 30)).days,
            "dd/mm/yyyy": d.strftime("%d/%m/%Y"), "d/m/yyyy": f"{d.day}/{d.month}/{d.year}",
            "dd-mm-yyyy": d.strftime("%d-%m-%Y"), "yyyy-mm-dd": d.isoformat()}[form]
    assert _variant(tmp_path, book) == clean


def test_day_first_never_month_first(tmp_path):
    book = broken.clean_book()
    book.events[1][broken.E_DATE] = "03/02/2021"  # 3 February, not 2 March: outside the month
    broken.write_book(tmp_path / "m.xlsx", book)
    [i] = validate_paths([tmp_path], jobs=1).issues
    assert (i.code, i.row, i.column) == ("D001", 2, "F") and "03/02/2021" in i.message


LABELS = {"BB": "Bắt buộc", "TN": "tu nguyen", "HTCC": "Hỗ trợ cắt cơn", "XDTTN": "xac dinh tinh trang nghien",
          "LTTT": "Lưu trú tạm thời", "MET": "Methadone"}
EVENT_LABELS = {"TIEP_NHAN": "Tiếp nhận", "HOAN_THANH": "hoan thanh", "TRON": "Trốn", "BAT_LAI": "BẮT LẠI",
                "CHUYEN_DIEN": "Chuyển diện", "BO_DIEU_TRI": "bo dieu tri", "CHUYEN_DI": "Chuyển đi"}


def test_codes_by_label_and_without_diacritics(tmp_path, clean):
    book = broken.clean_book()
    for r in book.census[1:]:
        r[0] = LABELS[r[0]]
    for r in book.events[1:]:
        r[broken.E_CAT] = LABELS[r[broken.E_CAT]]
        r[broken.E_EVENT] = EVENT_LABELS[r[broken.E_EVENT]]
        if r[broken.E_NEW]:
            r[broken.E_NEW] = "cai nghien bat buoc"
    assert _variant(tmp_path, book) == clean


def test_totals_rows_are_checked_not_added(tmp_path, clean):
    book = broken.clean_book()
    rows = book.census[1:]
    book.census.append(["Tổng cộng"] + [sum(r[k] for r in rows) for k in range(1, 5)])
    total = sum(r[broken.E_COUNT] or 1 for r in book.events[1:])
    book.events.append([None, None, "Cộng", None, None, None, None, total, None])
    assert _variant(tmp_path, book) == clean


def test_blank_rows_are_skipped(tmp_path, clean):
    book = broken.clean_book()
    book.census = book.census[:3] + [[]] + book.census[3:] + [[], []]
    book.events = book.events[:2] + [[], [None, None, None, None, None, None, None, None, "   "]] + book.events[2:]
    book.figures = book.figures[:1] + [[]] + book.figures[1:]
    assert _variant(tmp_path, book) == clean


def test_lock_files_and_other_files_are_skipped(tmp_path, clean):
    broken.write_book(tmp_path / "2021-03.xlsx", broken.clean_book())
    (tmp_path / "~$2021-03.xlsx").write_bytes(b"\x00owner")
    (tmp_path / ".~lock.2021-03.xlsx#").write_text(",user,host,01.04.2021 10:00,")
    (tmp_path / "ghi-chu.txt").write_text("nothing")
    (tmp_path / "bao-cao.docx").write_bytes(b"PK\x03\x04")
    assert read_one(tmp_path) == clean


def test_ods(tmp_path, clean):
    assert read_one(broken.write_ods(tmp_path / "m.ods", broken.clean_book())) == clean


_SOFFICE = {"works": None}


def _soffice_convert(src: Path, fmt: str, out_dir: Path) -> Path | None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or _SOFFICE["works"] is False:
        return None
    profile = out_dir / "lo-profile"
    try:
        subprocess.run([soffice, "--headless", f"-env:UserInstallation={profile.as_uri()}", "--convert-to", fmt,
                        "--outdir", str(out_dir), str(src)], capture_output=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    out = out_dir / (src.stem + "." + fmt)
    _SOFFICE["works"] = out.exists()  # e.g. Writer installed without Calc: skip the other format at once
    return out if out.exists() else None


@pytest.mark.parametrize("fmt", ["xls", "ods"])
def test_converted_by_libreoffice(tmp_path, clean, fmt):
    src = broken.write_book(tmp_path / "src" / "m.xlsx", broken.clean_book())
    out = _soffice_convert(src.resolve(), fmt, (tmp_path / "out").resolve())
    if out is None:
        pytest.skip(f"LibreOffice Calc cannot convert to .{fmt} here")
    assert read_one(out) == clean


def test_synthetic_messy_style_reads_like_clean(tmp_path):
    """The sample writer's "messy" style (every harmless variation at once)."""
    writer = pytest.importorskip("rehabstat.synth.writer")
    from rehabstat.synth.model import CensusRow, Event, MonthBook
    d = dt.date
    book = MonthBook("LC01", broken.UNIT_NAME, broken.PROVINCE, 2021, 3,
                     census={"BB": CensusRow(1586, 1587, 1580, 7), "TN": CensusRow(21, 20, 20, 0),
                             "MET": CensusRow(90, 90, 90, 0), "LTTT": CensusRow(0, 0, 0, 0)},
                     events=[Event("BB", "TIEP_NHAN", d(2021, 3, 2), person="A1"),
                             Event("BB", "TIEP_NHAN", d(2021, 3, 3), count=3),
                             Event("BB", "HOAN_THANH", d(2021, 3, 9), count=2),
                             Event("BB", "TRON", d(2021, 3, 10), person="A2"),
                             Event("BB", "BAT_LAI", d(2021, 3, 21), person="A2"),
                             Event("TN", "CHUYEN_DIEN", d(2021, 3, 12), person="A3", new_category="BB"),
                             Event("BB", "CHUYEN_DI", d(2021, 3, 12), count=2),
                             Event("MET", "TIEP_NHAN", d(2021, 3, 13), count=2),
                             Event("MET", "BO_DIEU_TRI", d(2021, 3, 14)),
                             Event("MET", "CHUYEN_DI", d(2021, 3, 15))],
                     figures=[("KHAM_BENH", 3415), ("DOANH_THU", 5122732200), ("CHI_PHI", 3122732200)])
    a = read_one(writer.write_month(tmp_path / "clean.xlsx", book, style="clean"))
    b = read_one(writer.write_month(tmp_path / "messy.xlsx", book, style="messy"))
    assert [r for r in a["census"] if r[1:] != (0, 0, 0, 0)] == b["census"]
    assert (a["who"], a["events"], a["figures"]) == (b["who"], b["events"], b["figures"])
    assert read_one(writer.write_month(tmp_path / "form.xlsx", book, style="form")) == a  # government form


def test_fast_and_careful_event_paths_agree(tmp_path, monkeypatch):
    """The reader reads a plain BienDong row on a fast path (reader._event_fast) and every
    other row through _event_row, which says what is wrong. The two must never disagree:
    with the fast path switched off, every workbook of the samples and of the defect corpus
    gives the same events and the same issues."""
    import broken
    from rehabstat.reading import reader
    from rehabstat.reading.reader import find_workbooks, read_workbook
    files = find_workbooks([SAMPLES])
    for name, case in broken.CASES.items():
        folder = tmp_path / name
        folder.mkdir()
        case(folder)
        files += find_workbooks([folder])
    fast = [(r.events, r.issues) for r in map(read_workbook, files)]
    monkeypatch.setattr(reader, "_event_fast", lambda *args: None)
    careful = [(r.events, r.issues) for r in map(read_workbook, files)]
    assert len(files) > 80 and sum(len(e) for e, _ in fast) > 5_000  # not vacuous
    assert fast == careful


@pytest.mark.parametrize("style", ["messy", "clean"])
def test_a_facility_with_nobody_writes_only_a_zero_total(tmp_path, style):
    """The messy layout leaves out all-zero categories: a month with nobody in it is a SiSo
    holding only "Tổng cộng 0". That is a census of 0 (no F009), and the same figures as the
    clean layout's zero lines."""
    from rehabstat.synth.model import CensusRow, MonthBook
    from rehabstat.synth.writer import write_month
    book = MonthBook("DB01", "Cơ sở Cai nghiện ma túy số 1 tỉnh Điện Biên", "Điện Biên", 2021, 6,
                     census={"TN": CensusRow(opening=0, closing=0, present=0, absent=0)})
    got = read_one(write_month(tmp_path / f"{style}.xlsx", book, style=style))
    assert got["who"] == ("DB01", "Điện Biên", 2021, 6)
    assert got["events"] == [] and all(r[1:3] == (0, 0) for r in got["census"])


def test_a_blank_total_alone_is_still_a_sheet_not_filled(tmp_path):
    from rehabstat.synth.model import CensusRow, MonthBook
    from rehabstat.synth.writer import write_month
    import openpyxl
    book = MonthBook("DB01", "Cơ sở Cai nghiện ma túy số 1 tỉnh Điện Biên", "Điện Biên", 2021, 6,
                     census={"TN": CensusRow(opening=0, closing=0, present=0, absent=0)})
    path = write_month(tmp_path / "messy.xlsx", book, style="messy")
    wb = openpyxl.load_workbook(path)
    ws = wb["SI SO"]
    total = next(r for r in ws.iter_rows() if r[0].value == "Tổng cộng")
    for cell in total[1:5]:
        cell.value = None
    wb.save(path)
    result = validate_paths([path], jobs=1)
    assert [i.code for i in result.issues] == ["F009"]
