"""Deterministic writer of monthly workbooks and targets workbooks (docs/input-format contract).

``write_month(path, book, style="clean")`` writes the four sheets ThongTin, SiSo, BienDong
and SoLieu exactly as the input spec names them. ``style="messy"`` writes the same data in
every harmless variation the spec's tolerance rules allow (title rows and merged cells above
the header, sheet names and headers without diacritics / in capitals / English aliases,
columns in another order plus an extra column, codes written as labels, numbers and dates as
text, Excel serial dates, blank rows, a correct "Tổng cộng" row). The variations are chosen
by row index, never at random, so the same book always gives the same bytes: the workbook's
properties and the zip entries carry a fixed timestamp.
"""
from __future__ import annotations

import datetime as _dt
import io
import os
import unicodedata
import zipfile
from pathlib import Path
from typing import Iterable

from openpyxl import Workbook
from openpyxl.packaging.core import DocumentProperties
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.xml.functions import tostring

from rehabstat.common.codes import (
    ALL_CATEGORIES,
    CATEGORIES,
    EVENT_TYPES,
    FIGURES,
    category_code,
    event_code,
)

from .model import CensusRow, Event, MonthBook, TargetRow

FIXED_TIME = _dt.datetime(2022, 1, 10, 8, 0, 0)
_ZIP_TIME = (2022, 1, 10, 8, 0, 0)
_EXCEL_EPOCH = _dt.date(1899, 12, 30)
_DATE_FMT = "DD/MM/YYYY"

SHEETS = {"info": "ThongTin", "census": "SiSo", "events": "BienDong", "figures": "SoLieu"}
MESSY_SHEETS = {"info": "Thong tin", "census": "SI SO", "events": "Events", "figures": "so_lieu"}

CENSUS_HEADERS = ("Diện", "Đầu kỳ", "Cuối kỳ", "Có mặt", "Vắng mặt")
EVENT_HEADERS = ("STT", "Mã học viên", "Họ và tên", "Diện", "Biến động", "Ngày", "Diện mới", "Số lượng", "Ghi chú")
FIGURE_HEADERS = ("Mã", "Nội dung", "Đơn vị", "Giá trị")
TARGET_HEADERS = ("Đơn vị", "Năm", "Mã chỉ tiêu", "Nội dung", "Đơn vị tính", "Kế hoạch")
EXTRA_HEADER = "Ghi chú thêm"

# ------------------------------------------------------------------ text helpers


def ascii_vi(text: str) -> str:
    """'Bắt buộc' -> 'Bat buoc' (diacritics removed, đ -> d)."""
    s = text.replace("đ", "d").replace("Đ", "D")
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def vn_int(value: int) -> str:
    """1586 -> '1.586'; -20 -> '-20'."""
    sign = "-" if value < 0 else ""
    return sign + f"{abs(int(value)):,}".replace(",", ".")


def excel_serial(d: _dt.date) -> int:
    return (d - _EXCEL_EPOCH).days


def placeholder_name(person: str | None) -> str | None:
    """A made-up, obviously non-real name: 'Học viên 0123' from the id's last digits."""
    if not person:
        return None
    digits = "".join(ch for ch in person if ch.isdigit())
    return f"Học viên {digits[-4:].rjust(4, '0')}"


def _header(text: str, i: int) -> str:
    """Messy header: alternately without diacritics and in capitals."""
    return ascii_vi(text) if i % 2 == 0 else text.upper()


def _category_text(code: str, i: int) -> str:
    cat = CATEGORIES.get(code)
    if cat is None:  # written as given (unchecked books may hold anything)
        return code
    variants = (
        code,
        cat.short,
        ascii_vi(cat.label).lower(),
        cat.aliases[0] if cat.aliases else cat.label,
    )
    text = variants[i % len(variants)]
    return text if category_code(text) == code else code


def _event_text(code: str, i: int) -> str:
    ev = EVENT_TYPES.get(code)
    if ev is None:
        return code
    first = ev.label.split(",")[0].split("/")[0].strip()
    variants = (code, ev.label, ascii_vi(first).lower(), first.upper())
    text = variants[i % len(variants)]
    return text if event_code(text) == code else code


def _date_value(d: _dt.date, i: int) -> object:
    if not isinstance(d, _dt.date):
        return d
    k = i % 6
    if k == 0:
        return d
    if k == 1:
        return d.strftime("%d/%m/%Y")
    if k == 2:
        return f"{d.day}/{d.month}/{d.year}"
    if k == 3:
        return d.strftime("%d-%m-%Y")
    if k == 4:
        return d.isoformat()
    return excel_serial(d)


def _number_value(v: int, i: int, money: bool = False) -> object:
    if isinstance(v, bool) or not isinstance(v, int):
        return v
    if money:
        return f"{vn_int(v)} đồng" if i % 2 == 0 else vn_int(v)
    if abs(v) >= 1000 and i % 2 == 0:
        return vn_int(v)
    if i % 5 == 3:
        return str(v)
    return v


def _count(ev: Event) -> object:
    """Số lượng: written for aggregated rows only (and for broken person rows, as given)."""
    return None if ev.person and ev.count == 1 else ev.count


# ------------------------------------------------------------------ sheet helpers


def _set(ws, row: int, col: int, value: object) -> None:
    if value is None or value == "":
        return
    cell = ws.cell(row=row, column=col, value=value)
    if isinstance(value, (_dt.date, _dt.datetime)):
        cell.number_format = _DATE_FMT


def _bold_row(ws, row: int, ncols: int) -> None:
    for c in range(1, ncols + 1):
        ws.cell(row=row, column=c).font = Font(bold=True)


def _titles(ws, lines: Iterable[str | None], ncols: int) -> int:
    """Title rows above the header, the first merged across the table. Returns the next row."""
    r = 1
    for k, text in enumerate(lines):
        if text:
            ws.cell(row=r, column=1, value=text)
            ws.cell(row=r, column=1).font = Font(bold=True)
            ws.cell(row=r, column=1).alignment = Alignment(horizontal="center")
            if ncols > 1 and k < 2:
                ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncols)
        r += 1
    return r


def _widths(ws, widths: Iterable[int]) -> None:
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w


def _default_prepared_on(book: MonthBook) -> _dt.date:
    if book.prepared_on is not None:
        return book.prepared_on
    y, m = (book.year + 1, 1) if book.month == 12 else (book.year, book.month + 1)
    return _dt.date(y, m, 5)


def _ordered_census(book: MonthBook) -> list[tuple[str, CensusRow]]:
    known = [(c, book.census[c]) for c in ALL_CATEGORIES if c in book.census]
    extra = [(c, r) for c, r in book.census.items() if c not in ALL_CATEGORIES]
    return known + extra


def _validate(book: MonthBook) -> None:
    """Refuse a book that breaks the contract (write_month(..., check=False) writes it anyway)."""
    for ev in book.events:
        if ev.category not in CATEGORIES or ev.event not in EVENT_TYPES:
            raise ValueError(f"unknown code in {ev}")
        if ev.category not in EVENT_TYPES[ev.event].allowed:
            raise ValueError(f"{ev.event} is not allowed for {ev.category}: {ev}")
        if ev.event == "CHUYEN_DIEN" and (ev.new_category not in CATEGORIES or ev.new_category == ev.category):
            raise ValueError(f"a category change needs another Diện mới: {ev}")
        if ev.person is not None and ev.count != 1:
            raise ValueError(f"a person-level row stands for one event: {ev}")
        if ev.count < 1:
            raise ValueError(f"count must be >= 1: {ev}")
        if (ev.date.year, ev.date.month) != (book.year, book.month):
            raise ValueError(f"date outside {book.period}: {ev}")
    for cat, row in book.census.items():
        if row.present + row.absent != row.closing:
            raise ValueError(f"{cat}: present + absent != closing")


# ------------------------------------------------------------------ clean style


def _clean(wb: Workbook, book: MonthBook) -> None:
    ws = wb.active
    ws.title = SHEETS["info"]
    info = (
        ("Mã cơ sở", book.unit),
        ("Tên cơ sở", book.unit_name),
        ("Tỉnh/Thành phố", book.province),
        ("Kỳ báo cáo", f"{book.month:02d}/{book.year:04d}"),
        ("Người lập biểu", book.preparer),
        ("Ngày lập", _default_prepared_on(book)),
    ) + ((("Ngày gửi", book.sent_on),) if book.sent_on else ())
    for r, (k, v) in enumerate(info, start=1):
        _set(ws, r, 1, k)
        _set(ws, r, 2, v)
        ws.cell(row=r, column=1).font = Font(bold=True)
    _widths(ws, (18, 48))

    ws = wb.create_sheet(SHEETS["census"])
    for c, h in enumerate(CENSUS_HEADERS, start=1):
        _set(ws, 1, c, h)
    _bold_row(ws, 1, len(CENSUS_HEADERS))
    for r, (cat, row) in enumerate(_ordered_census(book), start=2):
        for c, v in enumerate((cat, row.opening, row.closing, row.present, row.absent), start=1):
            ws.cell(row=r, column=c, value=v)
    _widths(ws, (10, 10, 10, 10, 10))

    ws = wb.create_sheet(SHEETS["events"])
    for c, h in enumerate(EVENT_HEADERS, start=1):
        _set(ws, 1, c, h)
    _bold_row(ws, 1, len(EVENT_HEADERS))
    for i, ev in enumerate(book.events, start=1):
        r = i + 1
        values = (
            i,
            ev.person,
            placeholder_name(ev.person),
            ev.category,
            ev.event,
            ev.date,
            ev.new_category,
            _count(ev),
            ev.note or None,
        )
        for c, v in enumerate(values, start=1):
            _set(ws, r, c, v)
    _widths(ws, (6, 16, 16, 8, 14, 12, 9, 9, 30))

    ws = wb.create_sheet(SHEETS["figures"])
    for c, h in enumerate(FIGURE_HEADERS, start=1):
        _set(ws, 1, c, h)
    _bold_row(ws, 1, len(FIGURE_HEADERS))
    for r, (code, value) in enumerate(book.figures, start=2):
        fig = FIGURES.get(code)
        for c, v in enumerate((code, fig.label if fig else code, fig.measure if fig else None, value), start=1):
            ws.cell(row=r, column=c, value=v)
        ws.cell(row=r, column=4).number_format = "#,##0"
    _widths(ws, (16, 40, 8, 16))


# ------------------------------------------------------------------ messy style


def _messy(wb: Workbook, book: MonthBook) -> None:
    period = f"{book.month:02d}/{book.year:04d}"
    agency = book.unit_name.upper()

    # ThongTin: a merged title, a blank row, fields without diacritics / in capitals.
    ws = wb.active
    ws.title = MESSY_SHEETS["info"]
    r = _titles(ws, ("THÔNG TIN CHUNG", None), 2)
    period_value: object = f"{book.year:04d}-{book.month:02d}" if book.month % 2 else _dt.date(book.year, book.month, 1)
    info = (
        ("Ma co so", book.unit),
        ("TÊN CƠ SỞ", book.unit_name),
        ("Tinh/Thanh pho", book.province),
        ("KỲ BÁO CÁO", period_value),
        ("Nguoi lap bieu", book.preparer),
        ("Ngày lập", _default_prepared_on(book).strftime("%d/%m/%Y")),
    ) + ((("Ngay gui", book.sent_on.strftime("%d/%m/%Y")),) if book.sent_on else ())
    for k, v in info:
        _set(ws, r, 1, k)
        _set(ws, r, 2, v)
        if isinstance(v, _dt.date):
            ws.cell(row=r, column=2).number_format = "MM/YYYY"
        r += 1
    _widths(ws, (18, 48))

    # SiSo: three title rows; Diện first (so "Tổng cộng" is the first cell), the numbers
    # in another order, an extra column; all-zero categories left out; a blank row; totals.
    ws = wb.create_sheet(MESSY_SHEETS["census"])
    cols = ("category", "closing", "opening", "absent", "present", "extra")
    names = {"category": "Diện", "opening": "Đầu kỳ", "closing": "Cuối kỳ", "present": "Có mặt", "absent": "Vắng mặt", "extra": EXTRA_HEADER}
    r = _titles(ws, (agency, f"SĨ SỐ HỌC VIÊN THÁNG {period}", None), len(cols))
    for c, key in enumerate(cols, start=1):
        _set(ws, r, c, _header(names[key], c) if key != "extra" else EXTRA_HEADER)
    _bold_row(ws, r, len(cols))
    r += 1
    rows = [(cat, row) for cat, row in _ordered_census(book) if (row.opening, row.closing, row.present, row.absent) != (0, 0, 0, 0)]
    totals = {"opening": 0, "closing": 0, "present": 0, "absent": 0}
    for i, (cat, row) in enumerate(rows):
        values = {
            "category": _category_text(cat, i + 1) if cat in CATEGORIES else cat,
            "opening": _number_value(row.opening, i),
            "closing": _number_value(row.closing, i + 1),
            "present": _number_value(row.present, i),
            "absent": _number_value(row.absent, i + 2),
            "extra": "có học viên nằm viện" if row.absent and i == 0 else None,
        }
        for key in totals:
            totals[key] += getattr(row, key)
        for c, key in enumerate(cols, start=1):
            _set(ws, r, c, values[key])
        r += 1
        if i == 1:
            r += 1  # a blank row between data rows
    _set(ws, r, 1, "Tổng cộng")
    for c, key in enumerate(cols, start=1):
        if key in totals:
            _set(ws, r, c, totals[key])
    _bold_row(ws, r, len(cols))
    _widths(ws, (22, 10, 10, 10, 10, 22))

    # BienDong: two title rows; columns reordered plus an extra one; labels for codes,
    # dates in every accepted form, numbers as text now and then, blank rows.
    ws = wb.create_sheet(MESSY_SHEETS["events"])
    cols = ("stt", "date", "category", "event", "count", "person", "new_category", "name", "note", "extra")
    names = dict(zip(("stt", "person", "name", "category", "event", "date", "new_category", "count", "note"), EVENT_HEADERS))
    names["extra"] = EXTRA_HEADER
    r = _titles(ws, (agency, f"BIẾN ĐỘNG HỌC VIÊN THÁNG {period}"), len(cols))
    for c, key in enumerate(cols, start=1):
        _set(ws, r, c, _header(names[key], c) if key != "extra" else EXTRA_HEADER)
    _bold_row(ws, r, len(cols))
    r += 1
    for i, ev in enumerate(book.events):
        values = {
            "stt": i + 1,
            "date": _date_value(ev.date, i),
            "category": _category_text(ev.category, i),
            "event": _event_text(ev.event, i + 1),
            "count": (str(ev.count) if i % 3 == 1 else ev.count) if _count(ev) is not None else None,
            "person": ev.person,
            "new_category": _category_text(ev.new_category, i + 2) if ev.new_category else None,
            "name": placeholder_name(ev.person),
            "note": ev.note or None,
            "extra": "x" if i % 11 == 4 else None,
        }
        for c, key in enumerate(cols, start=1):
            _set(ws, r, c, values[key])
        r += 1
        if i % 9 == 8:
            r += 1  # blank row
    _widths(ws, (6, 12, 20, 18, 9, 16, 12, 16, 30, 14))

    # SoLieu: three title rows; headers in capitals / without diacritics; money as text.
    ws = wb.create_sheet(MESSY_SHEETS["figures"])
    cols = ("label", "code", "value", "measure", "extra")
    names = {"code": "Mã", "label": "Nội dung", "measure": "Đơn vị", "value": "Giá trị", "extra": EXTRA_HEADER}
    r = _titles(ws, (agency, f"SỐ LIỆU KHÁC THÁNG {period}", None), len(cols))
    for c, key in enumerate(cols, start=1):
        _set(ws, r, c, _header(names[key], c) if key != "extra" else EXTRA_HEADER)
    _bold_row(ws, r, len(cols))
    r += 1
    for i, (code, value) in enumerate(book.figures):
        fig = FIGURES.get(code)
        money = fig is not None and fig.measure == "đồng"
        values = {
            "code": code,
            "label": fig.label if fig else code,
            "measure": fig.measure if fig else None,
            "value": _number_value(int(value), i, money=money) if isinstance(value, (int, float)) and float(value).is_integer() else value,
            "extra": None,
        }
        for c, key in enumerate(cols, start=1):
            _set(ws, r, c, values[key])
        r += 1
        if i == 4:
            r += 1
    _widths(ws, (40, 16, 22, 8, 14))


# ------------------------------------------------------------------ government-form style


def _merged_header(ws, cells: dict, merges: Iterable[str]) -> None:
    for (r, c), text in cells.items():
        ws.cell(row=r, column=c, value=text).font = Font(bold=True)
        ws.cell(row=r, column=c).alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for rng in merges:
        ws.merge_cells(rng)


def _form(wb: Workbook, book: MonthBook) -> None:
    """The layout of a government form made by a script (openpyxl saves no formula values):
    headers of two and three rows with merged cells, a column-number row, the "Tổng cộng"
    row first with SUM formulas, Cuối kỳ = Có mặt + Vắng mặt as a formula, the value of the
    ThongTin fields two columns right of their label."""
    period = f"{book.month:02d}/{book.year:04d}"
    ws = wb.active
    ws.title = SHEETS["info"]
    _titles(ws, (book.unit_name.upper(), "THÔNG TIN CHUNG", None), 3)
    info = (("Mã cơ sở", book.unit), ("Tên cơ sở", book.unit_name), ("Tỉnh/Thành phố", book.province),
            ("Kỳ báo cáo", period), ("Người lập biểu", book.preparer), ("Ngày lập", _default_prepared_on(book)))
    for r, (k, v) in enumerate(info, start=4):
        _set(ws, r, 1, k)
        _set(ws, r, 3, v)
    _widths(ws, (18, 4, 48))

    ws = wb.create_sheet(SHEETS["census"])
    _titles(ws, (f"SĨ SỐ HỌC VIÊN THÁNG {period}", None), 6)
    _merged_header(ws, {(3, 1): "STT", (3, 2): "Diện", (3, 3): "Đầu kỳ", (3, 4): "Cuối kỳ", (4, 4): "Tổng số",
                        (4, 5): "Trong đó", (5, 5): "Có mặt", (5, 6): "Vắng mặt"},
                   ("A3:A5", "B3:B5", "C3:C5", "D3:F3", "D4:D5", "E4:F4"))
    for c, label in enumerate(("A", "B", "1", "2", "3", "4"), start=1):
        _set(ws, 6, c, label)
    rows = _ordered_census(book)
    first, last = 8, 8 + max(len(rows), 1) - 1
    _set(ws, 7, 1, "Tổng cộng")
    ws.merge_cells("A7:B7")
    for c in "CDEF":
        ws[f"{c}7"] = f"=SUM({c}{first}:{c}{last})"
    _bold_row(ws, 7, 6)
    for i, (cat, row) in enumerate(rows):
        r = first + i
        for c, v in enumerate((i + 1, cat, row.opening, f"=E{r}+F{r}", row.present, row.absent), start=1):
            ws.cell(row=r, column=c, value=v)
    _widths(ws, (6, 10, 10, 10, 10, 10))

    ws = wb.create_sheet(SHEETS["events"])
    _titles(ws, (f"BIẾN ĐỘNG HỌC VIÊN THÁNG {period}", None), 9)
    _merged_header(ws, {(3, 1): "STT", (3, 2): "Mã HV", (3, 3): "Họ tên", (3, 4): "Biến động trong tháng",
                        (4, 4): "Diện", (4, 5): "Loại biến động", (4, 6): "Ngày", (4, 7): "Diện mới",
                        (3, 8): "Số lượng", (3, 9): "Ghi chú"},
                   ("A3:A4", "B3:B4", "C3:C4", "D3:G3", "H3:H4", "I3:I4"))
    for c in range(1, 10):
        _set(ws, 5, c, f"({c})")
    first, last = 7, 7 + max(len(book.events), 1) - 1
    _set(ws, 6, 1, "Tổng cộng")
    ws.merge_cells("A6:C6")
    ws["H6"] = f"=SUM(H{first}:H{last})"
    _bold_row(ws, 6, 9)
    for i, ev in enumerate(book.events):
        values = (i + 1, ev.person, placeholder_name(ev.person), ev.category, ev.event, ev.date, ev.new_category,
                  ev.count, ev.note or None)
        for c, v in enumerate(values, start=1):
            _set(ws, first + i, c, v)
    _widths(ws, (6, 16, 16, 8, 14, 12, 9, 9, 30))

    ws = wb.create_sheet(SHEETS["figures"])
    _titles(ws, (f"SỐ LIỆU KHÁC THÁNG {period}", None), 5)
    _merged_header(ws, {(3, c): h for c, h in enumerate(("STT",) + FIGURE_HEADERS, start=1)}, ())
    for c, label in enumerate(("A", "B", "C", "D", "1"), start=1):
        _set(ws, 4, c, label)
    for i, (code, value) in enumerate(book.figures):
        fig = FIGURES.get(code)
        for c, v in enumerate((i + 1, code, fig.label if fig else code, fig.measure if fig else None, value), start=1):
            _set(ws, 5 + i, c, v)
    _widths(ws, (6, 16, 40, 8, 16))


# ------------------------------------------------------------------ saving


def _save(wb: Workbook, path: str | os.PathLike) -> Path:
    """Save with fixed properties and fixed zip timestamps: same book, same bytes."""
    props: DocumentProperties = wb.properties
    props.creator = "rehabstat synth"
    props.lastModifiedBy = "rehabstat synth"
    props.created = FIXED_TIME
    buf = io.BytesIO()
    wb.save(buf)  # openpyxl stamps 'modified' with the current time; rewritten below
    props.modified = FIXED_TIME
    core = tostring(props.to_tree())
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = core if info.filename == "docProps/core.xml" else zin.read(info.filename)
            zi = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zout.writestr(zi, data)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(out.getvalue())
    os.replace(tmp, path)
    return path


def write_month(path: str | os.PathLike, book: MonthBook, style: str = "clean", *, check: bool = True) -> Path:
    """Write one monthly workbook. ``style`` is "clean", "messy" or "form" (a government
    form made by a script: merged multi-row headers, column numbers, totals first, formulas
    without saved values).

    ``check=False`` writes a book that breaks the contract as it is (to test the checks).
    """
    if check:
        _validate(book)
    wb = Workbook()
    if style == "clean":
        _clean(wb, book)
    elif style == "messy":
        _messy(wb, book)
    elif style == "form":
        _form(wb, book)
    else:
        raise ValueError(f"unknown style {style!r} (clean | messy | form)")
    return _save(wb, path)


def write_targets(path: str | os.PathLike, rows: Iterable[TargetRow | tuple]) -> Path:
    """Write the yearly targets workbook: one sheet ChiTieu."""
    wb = Workbook()
    ws = wb.active
    ws.title = "ChiTieu"
    for c, h in enumerate(TARGET_HEADERS, start=1):
        _set(ws, 1, c, h)
    _bold_row(ws, 1, len(TARGET_HEADERS))
    for r, row in enumerate(rows, start=2):
        if not isinstance(row, TargetRow):
            row = TargetRow(*row)
        for c, v in enumerate((row.unit, row.year, row.code, row.label, row.measure, row.plan), start=1):
            _set(ws, r, c, v)
        ws.cell(row=r, column=6).number_format = "#,##0"
    _widths(ws, (14, 8, 18, 52, 12, 16))
    return _save(wb, path)


PROVINCE_HEADERS = ("Mã", "Nội dung", "Đơn vị", "Diện", "Nguồn", "Giá trị")


def write_province(path: str | os.PathLike, book) -> Path:
    """Write a province workbook (spec/input-format.md, "The province workbook"): sheets
    ThongTin (Cấp = tỉnh, Tỉnh/Thành phố, Kỳ báo cáo) and SoLieu. ``book``: a
    model.ProvinceBook."""
    from rehabstat.common.codes import PROVINCE_FIGURES
    wb = Workbook()
    ws = wb.active
    ws.title = SHEETS["info"]
    for r, (k, v) in enumerate((("Cấp", "tỉnh"), ("Tỉnh/Thành phố", book.province), ("Kỳ báo cáo", book.period),
                                ("Người lập biểu", book.preparer)), start=1):
        _set(ws, r, 1, k)
        _set(ws, r, 2, v)
        ws.cell(row=r, column=1).font = Font(bold=True)
    _widths(ws, (18, 30))
    ws = wb.create_sheet(SHEETS["figures"])
    for c, h in enumerate(PROVINCE_HEADERS, start=1):
        _set(ws, 1, c, h)
    _bold_row(ws, 1, len(PROVINCE_HEADERS))
    for r, (code, category, source, value) in enumerate(book.figures, start=2):
        fig = PROVINCE_FIGURES.get(code)
        for c, v in enumerate((code, fig.label if fig else code, fig.measure if fig else None, category, source, value),
                              start=1):
            _set(ws, r, c, v)
        ws.cell(row=r, column=6).number_format = "#,##0"
    _widths(ws, (22, 48, 8, 6, 28, 16))
    return _save(wb, path)


__all__ = ["write_month", "write_targets", "write_province", "ascii_vi", "vn_int", "excel_serial", "placeholder_name", "MonthBook", "Event", "CensusRow", "TargetRow"]
