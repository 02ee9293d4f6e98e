"""The national workbook of a batch (TongHop-<period>.xlsx).

Sheets:
  TomTat     one row per province: facilities, months received / expected, missing,
             excluded, errors, warnings, its BC file
  BienDong   census and flows by category (two header rows: indicator, category)
  YTe        medical figures
  HoatDong   management, education, re-integration, vocational training
  TaiChinh   labour revenue, surplus and funds (đồng)
  DayDu      completeness: facility × month, "đã nhận" / "thiếu" / "trùng" / "có lỗi"
             in colour, with a legend, the registry facilities that sent nothing and the
             workbooks that could not be attributed
  SiSoThang  the national census at each month's end, with a native line chart
  VanDe      every data issue of the period (file, sheet, cell, code, message)
  ChiSo      the tidy indicator rows (province and national levels), for machines

A row per province (alphabetical) and a bold national total row ("Toàn quốc"), numbers
as #,##0, headers frozen, columns sized. Every string goes through xlsxout.set_cell (a
value read from a workbook is never written as a formula); saved atomically.
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

from .codes import ALL_CATEGORIES, FIGURES, REVENUE_INDICATORS
from .periods import Period

NATION_LABEL = "Toàn quốc"
CATEGORY_COLUMNS = (("BB", "Bắt buộc"), ("TN", "Tự nguyện"), ("HTCC", "HTCC"), ("XDTTN", "XĐTTN"),
                    ("LTTT", "LTTT"), ("HV", "Cộng HV"), ("MET", "Methadone"), ("ALL", "Tổng cộng"))
FAMILIES = (
    ("YTe", "Y tế", ("KHAM_BENH", "DIEU_TRI_BENH", "SANG_LOC_LAO", "MAU_DOM_LAO", "XN_HIV", "HIV_QUAN_LY",
                     "DIEU_TRI_ARV")),
    ("HoatDong", "Quản lý, giáo dục, dạy nghề, tái hòa nhập",
     ("VI_PHAM", "THAM_LAU", "THAM_GAP", "REN_LUYEN_BUOI", "REN_LUYEN_LUOT", "GIAO_DUC_BUOI", "GIAO_DUC_LUOT",
      "TU_VAN_BUOI", "TU_VAN_LUOT", "TU_VAN_VIEC_LAM", "DAY_NGHE_LOP", "DAY_NGHE", "CHUNG_CHI")),
    ("TaiChinh", "Lao động trị liệu", ("DOANH_THU", "CHI_PHI") + REVENUE_INDICATORS),
)
REVENUE_LABELS = {
    "LOI_NHUAN": ("Chênh lệch thu chi", "đồng"), "TRICH_CCTL": ("Trích cải cách tiền lương", "đồng"),
    "QUY_KHEN_THUONG": ("Quỹ khen thưởng", "đồng"), "QUY_PHUC_LOI": ("Quỹ phúc lợi", "đồng"),
    "QUY_PHAT_TRIEN": ("Quỹ phát triển hoạt động sự nghiệp", "đồng"),
    "QUY_DU_PHONG": ("Quỹ dự phòng ổn định thu nhập", "đồng"),
}
STATUS_FILL = {  # completeness colours
    "đã nhận": "C6EFCE", "thiếu": "FFC7CE", "trùng": "F8CBAD", "có lỗi": "FFEB9C", "chưa đến hạn": "E7E6E6",
}
STATUS_MEANING = {
    "đã nhận": "đã nhận sổ, không có lỗi: tính vào số liệu",
    "thiếu": "không có sổ của tháng này",
    "trùng": "có hai sổ (hoặc hơn) cho cùng tháng: không tính, giữ lại một sổ rồi chạy lại",
    "có lỗi": "sổ có lỗi (xem trang VanDe hoặc rehabstat validate): không tính vào số liệu",
    "chưa đến hạn": "tháng chưa kết thúc",
}


def write_national(path: Path, *, period: Period, provinces, table, national, monthly, issues, unattributed,
                   today: dt.date | None = None, draft: bool = False, deadline: dict | None = None,
                   reporting=(), learner_ids=frozenset()) -> Path:
    """Write the national workbook; `provinces` are batch.ProvinceResult, `table` the
    province-level indicator table, `national` the national one, `monthly` the monthly
    census [(year, month, {HV, MET, ALL})]. A message quoting one of `learner_ids` is
    written with the id masked (issues.mask_ids)."""
    import openpyxl
    from .issues import mask_ids, masked
    from .xlsxout import save
    issues = masked(issues, learner_ids)
    unattributed = [(f, mask_ids(message, learner_ids)) for f, message in unattributed]
    values = _values(table)
    total = _values(national)
    names = [p.name for p in provinces if p.name in values or p.facilities]
    wb = openpyxl.Workbook()
    _summary(wb.active, provinces, period, issues, today or dt.date.today(), draft, deadline)
    _categories(wb.create_sheet("BienDong"), names, values, total, provinces)
    for sheet, title, codes in FAMILIES:
        _family(wb.create_sheet(sheet), title, codes, names, values, total, provinces)
    _completeness(wb.create_sheet("DayDu"), provinces, period, unattributed, deadline)
    _monthly(wb.create_sheet("SiSoThang"), monthly, period)
    _issues(wb.create_sheet("VanDe"), issues, provinces)
    _tidy(wb.create_sheet("ChiSo"), table, national, reporting)
    return save(wb, path)


# ---------------------------------------------------------------- helpers

def _values(table) -> dict:
    """{unit: {(indicator, category): value}}."""
    out: dict = {}
    for unit, ind, cat, value in zip(table["unit"], table["indicator"], table["category"], table["value"]):
        value = value.item() if hasattr(value, "item") else value
        out.setdefault(unit, {})[(ind, cat)] = out.get(unit, {}).get((ind, cat), 0) + value
    return out


@lru_cache(maxsize=None)
def _styles():
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from .xlsxout import HEADER_FILL
    thin = Side(style="thin", color="BFBFBF")
    return {
        "bold": Font(bold=True), "title": Font(bold=True, size=13),
        "fill": PatternFill("solid", fgColor=HEADER_FILL), "total_fill": PatternFill("solid", fgColor="F2F2F2"),
        "center": Alignment(horizontal="center", vertical="center", wrap_text=True),
        "border": Border(left=thin, right=thin, top=thin, bottom=thin),
    }


def _sheet_styles(ws):
    """The shared cell styles of one sheet (xlsxout.Styles), made on first use."""
    from .xlsxout import Styles
    styles = ws.__dict__.get("_rehabstat_styles")
    if styles is None:
        styles = ws._rehabstat_styles = Styles(ws)
    return styles


def _header(ws, row, col, text, span=1, rows=1):
    from openpyxl.styles.cell_style import StyleArray
    from .xlsxout import set_cell
    st = _styles()
    style = _sheet_styles(ws).get("header", font=st["bold"], fill=st["fill"], alignment=st["center"],
                                  border=st["border"])
    set_cell(ws, row, col, text)
    if span > 1 or rows > 1:
        ws.merge_cells(start_row=row, start_column=col, end_row=row + rows - 1, end_column=col + span - 1)
    for r in range(row, row + rows):
        for c in range(col, col + span):
            ws.cell(row=r, column=c)._style = StyleArray(style)  # font, fill, alignment, border


def _number(ws, row, col, value, fmt="#,##0"):
    from .xlsxout import put
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and not value.is_integer():
        fmt = "#,##0.0"
    return put(ws, row, col, value, _sheet_styles(ws).get(("num", fmt), number_format=fmt))


def _widths(ws, widths: dict, default=11.0, last=None):
    from openpyxl.utils import get_column_letter
    last = last or ws.max_column
    for c in range(1, last + 1):
        ws.column_dimensions[get_column_letter(c)].width = widths.get(c, default)


def _bold_row(ws, row, last_col):
    from .xlsxout import restyle
    st = _styles()
    restyle((ws.cell(row=row, column=c) for c in range(1, last_col + 1)), font=st["bold"], fill=st["total_fill"])


def _facility_count(provinces) -> dict:
    return {p.name: sum(1 for f in p.facilities if not f.sent_nothing) for p in provinces}


# ---------------------------------------------------------------- sheets

def _summary(ws, provinces, period: Period, issues, today: dt.date, draft: bool = False, deadline=None):
    from .issues import ERROR
    from .timeliness import counts as timely
    from .xlsxout import set_cell
    ws.title = "TomTat"
    header = ("Tỉnh/Thành phố", "Số cơ sở", "Sổ tháng đã nhận", "Sổ tháng cần có", "Thiếu", "Không tính (trùng, lỗi)",
              "Lỗi", "Cảnh báo", "Báo cáo (BC)", "Sổ tháng đã gửi", "Gửi đúng hạn", "Gửi muộn", "Tỷ lệ gửi sổ (%)",
              "Tỷ lệ gửi đúng hạn (%)")
    for c, title in enumerate(header, start=1):
        _header(ws, 1, c, title)
    r = 2
    sums = [0] * 7
    for p in provinces:
        counts = (sum(1 for f in p.facilities if not f.sent_nothing), p.count("đã nhận"), p.expected,
                  p.count("thiếu"), p.excluded, len(p.errors), len(p.warnings))
        set_cell(ws, r, 1, p.name)
        for k, v in enumerate(counts):
            _number(ws, r, 2 + k, v)
            sums[k] += v
        docx = next((Path(o).name for o in p.outputs if str(o).endswith(".docx")), p.failure or p.note or "")
        set_cell(ws, r, 9, docx)
        _rates(ws, r, timely(p.facilities, deadline))
        r += 1
    set_cell(ws, r, 1, NATION_LABEL)
    errors = sum(1 for i in issues if i.severity == ERROR)  # with the workbooks of no known province
    sums[5:] = [errors, len(issues) - errors]
    for k, v in enumerate(sums):
        _number(ws, r, 2 + k, v)
    _rates(ws, r, timely([f for p in provinces for f in p.facilities], deadline))
    _bold_row(ws, r, len(header))
    set_cell(ws, r + 2, 1, f"Tổng hợp {period.label} ({period.code}); lập ngày {today:%d/%m/%Y} bằng rehabstat.")
    set_cell(ws, r + 3, 1, "Tỷ lệ gửi sổ = sổ tháng đã gửi / sổ tháng cần có; tỷ lệ gửi đúng hạn = sổ gửi đến hạn "
                           "(Ngày gửi trên trang ThongTin, hạn trong [deadline] của rehabstat.toml) / sổ tháng cần có."
             + ("" if deadline else " Chưa có [deadline]: không tính được tỷ lệ đúng hạn."))
    if draft:
        from openpyxl.styles import Font
        set_cell(ws, r + 4, 1, "DỰ THẢO – SỐ LIỆU CHƯA ĐẦY ĐỦ HOẶC CÒN LỖI (xem trang DayDu và VanDe): "
                                "không dùng làm số liệu chính thức.").font = Font(bold=True, color="C00000")
    ws.freeze_panes = "B2"
    _widths(ws, {1: 22, 6: 14, 9: 34, 13: 13, 14: 13}, default=11, last=len(header))


def _rates(ws, r, c):
    """Columns 10-14 of TomTat: sent, on time, late, reporting rate, rate on time (blank when not known)."""
    for k, key in enumerate(("SO_THANG_GUI", "SO_THANG_DUNG_HAN", "SO_THANG_MUON", "TY_LE_GUI_SO", "TY_LE_DUNG_HAN")):
        value = c[key]
        if value is not None:
            _number(ws, r, 10 + k, value, "0.0" if key.startswith("TY_LE") else "#,##0")


def _categories(ws, names, values, total, provinces):
    from .report import ALWAYS_ROWS, TABLE_ROWS
    rows = [(ind, label) for ind, label, _ in TABLE_ROWS
            if ind in ALWAYS_ROWS or any(v.get((ind, c), 0) for v in values.values() for c in ALL_CATEGORIES)]
    _header(ws, 1, 1, "Tỉnh/Thành phố", rows=2)
    _header(ws, 1, 2, "Số cơ sở", rows=2)
    col = 3
    for ind, label in rows:
        _header(ws, 1, col, label, span=len(CATEGORY_COLUMNS))
        for k, (_, cat_label) in enumerate(CATEGORY_COLUMNS):
            _header(ws, 2, col + k, cat_label)
        col += len(CATEGORY_COLUMNS)
    keys = [(ind, cat) for ind, _ in rows for cat, _ in CATEGORY_COLUMNS]
    _province_rows(ws, keys, names, values, total, provinces)
    _widths(ws, {1: 22, 2: 8}, default=10, last=2 + len(keys))


def _province_rows(ws, keys, names, values, total, provinces):
    """From row 3: one row per province (name, number of facilities, the figures `keys`
    = [(indicator, category)] from column 3), then the bold national row; headers frozen."""
    from .xlsxout import set_cell
    counts = _facility_count(provinces)
    for r, name in enumerate(names + [None], start=3):
        v = values.get(name, {}) if name else total.get("VN", {})
        set_cell(ws, r, 1, name or NATION_LABEL)
        _number(ws, r, 2, counts.get(name, 0) if name else sum(counts.values()))
        for k, key in enumerate(keys):
            if key in v:  # a figure no workbook reported stays blank: a blank is not a zero
                _number(ws, r, 3 + k, v[key])
        if name is None:
            _bold_row(ws, r, 2 + len(keys))
    ws.freeze_panes = "C3"


def _family(ws, title, codes, names, values, total, provinces):
    _header(ws, 1, 1, "Tỉnh/Thành phố", rows=2)
    _header(ws, 1, 2, "Số cơ sở", rows=2)
    for k, code in enumerate(codes):
        fig = FIGURES.get(code)
        label, measure = (fig.label, fig.measure) if fig else REVENUE_LABELS.get(code, (code, ""))
        _header(ws, 1, 3 + k, label)
        _header(ws, 2, 3 + k, f"{measure} ({code})" if measure else code)
    _province_rows(ws, [(code, "ALL") for code in codes], names, values, total, provinces)
    money = ws.title == "TaiChinh"
    _widths(ws, {1: 22, 2: 8}, default=17 if money else 13, last=2 + len(codes))
    ws.row_dimensions[1].height = 45


LATE_FILL = "FFD966"  # a workbook received after its deadline (legend: "muộn N ngày")


def _completeness(ws, provinces, period: Period, unattributed, deadline=None):
    from openpyxl.styles import PatternFill
    from .xlsxout import put, set_cell
    st = _styles()
    months = period.months
    fixed = ("Tỉnh/Thành phố", "Mã cơ sở", "Tên cơ sở")
    for c, title in enumerate(fixed, start=1):
        _header(ws, 1, c, title)
    for k, (y, m) in enumerate(months):
        _header(ws, 1, len(fixed) + 1 + k, f"{m:02d}/{y}")
    tail = ("Đã nhận", "Thiếu", "Trùng", "Có lỗi", "Gửi muộn", "Đúng hạn")
    first_tail = len(fixed) + len(months) + 1
    for k, title in enumerate(tail):
        _header(ws, 1, first_tail + k, title)
    fills = {s: PatternFill("solid", fgColor=color) for s, color in STATUS_FILL.items()}
    styles = _sheet_styles(ws)
    status_style = {s: styles.get(("status", s), alignment=st["center"], border=st["border"], fill=fills[s])
                    for s in fills}
    plain_status = styles.get(("status", None), alignment=st["center"], border=st["border"])
    late_style = styles.get(("status", "late"), alignment=st["center"], border=st["border"],
                            fill=PatternFill("solid", fgColor=LATE_FILL))
    r = 2
    for p in provinces:
        for fac in p.facilities:
            set_cell(ws, r, 1, p.name)
            set_cell(ws, r, 2, fac.unit)
            set_cell(ws, r, 3, fac.name or ("(chưa gửi sổ nào)" if fac.sent_nothing else ""))
            for k, ym in enumerate(months):
                status = fac.cells.get(ym, "")
                late = fac.late.get(ym) if status != "thiếu" else None
                if late:  # received, after the deadline: said and coloured whatever else is true of it
                    text = f"muộn {late} ngày" if status == "đã nhận" else f"{status}, muộn {late} ngày"
                    put(ws, r, len(fixed) + 1 + k, text, late_style)
                else:
                    put(ws, r, len(fixed) + 1 + k, status, status_style.get(status, plain_status))
            for k, status in enumerate(("đã nhận", "thiếu", "trùng", "có lỗi")):
                _number(ws, r, first_tail + k, len(fac.months(status)))
            late_n = sum(1 for ym, d in fac.late.items() if d and fac.cells.get(ym) != "thiếu")
            on_time = sum(1 for ym, d in fac.late.items() if d == 0)
            _number(ws, r, first_tail + 4, late_n)
            if deadline:
                _number(ws, r, first_tail + 5, on_time)
            r += 1
    ws.freeze_panes = ws.cell(row=2, column=len(fixed) + 1)
    r += 1
    set_cell(ws, r, 1, "Chú giải").font = st["bold"]
    for status, meaning in STATUS_MEANING.items():
        r += 1
        cell = set_cell(ws, r, 2, status)
        cell.fill, cell.alignment, cell.border = fills[status], st["center"], st["border"]
        set_cell(ws, r, 3, meaning)
    r += 1
    cell = set_cell(ws, r, 2, "muộn N ngày")
    cell.fill, cell.alignment, cell.border = PatternFill("solid", fgColor=LATE_FILL), st["center"], st["border"]
    set_cell(ws, r, 3, "đã nhận nhưng gửi sau hạn ([deadline] trong rehabstat.toml; Ngày gửi trên trang ThongTin)"
             + ("" if deadline else " – chưa có [deadline] nên không xét"))
    silent = [(p.name, f.unit) for p in provinces for f in p.facilities if f.sent_nothing and f.registered]
    r += 2
    set_cell(ws, r, 1, "Cơ sở trong danh sách (rehabstat.toml) chưa gửi sổ nào trong kỳ:").font = st["bold"]
    if silent:
        for name, unit in silent:
            r += 1
            set_cell(ws, r, 1, name)
            set_cell(ws, r, 2, unit)
    else:
        r += 1
        set_cell(ws, r, 2, "không có" if any(f.registered for p in provinces for f in p.facilities)
                 else "không có danh sách cơ sở ([registry] trong rehabstat.toml)")
    if unattributed:
        r += 2
        set_cell(ws, r, 1, "Sổ không đọc được, không xác định được cơ sở hoặc tháng:").font = st["bold"]
        for f, message in unattributed:
            r += 1
            set_cell(ws, r, 2, str(f))
            set_cell(ws, r, 4, message)
    _widths(ws, {1: 18, 2: 11, 3: 38}, default=10, last=max(first_tail + len(tail) - 1, 4))


def _monthly(ws, monthly, period: Period):
    from openpyxl.chart import LineChart, Reference
    from .xlsxout import set_cell
    header = ("Tháng", "Đang quản lý (tổng cộng)", "Học viên (HV)", "Methadone")
    for c, title in enumerate(header, start=1):
        _header(ws, 1, c, title)
    for r, (y, m, v) in enumerate(monthly, start=2):
        set_cell(ws, r, 1, f"{m:02d}/{y}")
        _number(ws, r, 2, v["ALL"])
        _number(ws, r, 3, v["HV"])
        _number(ws, r, 4, v["MET"])
    ws.freeze_panes = "A2"
    _widths(ws, {1: 10, 2: 16, 3: 14, 4: 12}, last=4)
    if monthly:
        chart = LineChart()
        chart.title = f"Số người đang quản lý cuối tháng, {period.label}"
        chart.y_axis.title = "người"
        chart.x_axis.title = "tháng"
        chart.y_axis.numFmt = "#,##0"
        chart.height, chart.width = 9, 18
        data = Reference(ws, min_col=2, max_col=4, min_row=1, max_row=len(monthly) + 1)
        chart.add_data(data, titles_from_data=True)
        chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=len(monthly) + 1))
        ws.add_chart(chart, "F2")


def _issues(ws, issues, provinces):
    from .issues import ERROR, sort_key
    from .xlsxout import write_table
    rows = [(Path(i.file).name if i.file else "", str(i.file or ""), i.sheet or "",
             f"{i.column or ''}{i.row or ''}", i.code, "lỗi" if i.severity == ERROR else "cảnh báo", i.message)
            for i in sorted(issues, key=sort_key)]
    write_table(ws, ["Tệp", "Đường dẫn", "Trang", "Ô", "Mã", "Mức", "Nội dung"], rows,
                widths={1: 16, 2: 36, 3: 10, 4: 7, 5: 7, 6: 10, 7: 90})


def _tidy(ws, table, national, reporting=()):
    import pandas as pd
    from .xlsxout import write_table
    both = pd.concat([table, national], ignore_index=True)
    # object array -> Python int / float / str, the same as .item() row by row, at once
    rows = [tuple(r) for r in both.to_numpy(dtype=object).tolist()] + [tuple(r) for r in reporting]
    write_table(ws, list(both.columns), rows,
                widths={1: 18, 2: 10, 3: 18, 4: 18, 5: 9, 6: 16})
