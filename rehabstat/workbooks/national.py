"""The national workbook of a batch (TongHop-<period>.xlsx).

Sheets:
  TomTat     one row per province: facilities, months received / expected, missing,
             excluded, errors, warnings, its BC file
  BienDong   census and flows: one header row (code, indicator, the categories) repeated on
             every printed page, then a group per province and one for the nation (a row
             naming it, a row per indicator), a group never split across pages
  YTe        medical figures
  HoatDong   management, education, re-integration, vocational training
  TaiChinh   labour revenue, surplus and funds (đồng)
  DayDu      completeness: facility × month, "đã nhận" / "thiếu" / "trùng" / "có lỗi"
             in colour, with a legend, the registry facilities that sent nothing and the
             workbooks that could not be attributed
  SiSoThang  the national census at each month's end, with a native line chart
  VanDe      every data issue of the period (file, sheet, cell, code, message)
  ChiSo      the tidy indicator rows (province and national levels), Vietnamese headers

A row per province (alphabetical) and a bold national total row ("Toàn quốc"), numbers
as #,##0, headers frozen, columns sized. Every sheet prints on A4 (book.print_setup):
landscape where wide, one page wide, header rows repeated, header rows tall enough for
their wrapped titles, page breaks between provinces where a sheet runs long. Written with
XlsxWriter (book.py): a value read from a workbook is never written as a formula; saved atomically.
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

from ..common.codes import ALL_CATEGORIES, FIGURES, REVENUE_INDICATORS
from ..common.periods import Period

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


def finish_national(wb, path: Path, provinces, expected: dict | None = None, draft: bool = False) -> Path:
    """Save the workbook of build_national to `path`, with the name of each province's BC, or
    why it has none, in TomTat's column I: the BC written, else `expected` (the name it will
    have: the workbook is written while the provinces are rendered), else the reason."""
    ws = wb["TomTat"]
    for r, p in enumerate(provinces, start=2):
        value, st = ws.cells.get((r, 9), (None, None))
        ws.put(r, 9, _bc_name(p, expected), st)
    return wb.save(path, draft=draft)


def _bc_name(p, expected: dict | None = None) -> str:
    written = next((Path(o).name for o in p.outputs if str(o).endswith(".docx")), None)
    return written or p.failure or (expected or {}).get(p.name) or p.note or ""


def build_national(*, period: Period, provinces, table, national, monthly, issues, unattributed,
                   today: dt.date | None = None, draft: bool = False, deadline: dict | None = None,
                   reporting=(), approved: dict | None = None, learner_ids=frozenset()):
    """The national workbook (a book.Book), not yet saved (finish_national saves it);
    `provinces` are batch.ProvinceResult, `table` the province-level indicator table,
    `national` the national one, `monthly` the monthly census [(year, month, {HV, MET, ALL})].
    A message quoting one of `learner_ids` is written with the id masked (issues.mask_ids)."""
    from ..common.issues import mask_ids, masked
    from .book import Book
    issues = masked(issues, learner_ids)
    unattributed = [(f, mask_ids(message, learner_ids)) for f, message in unattributed]
    values = _values(table)
    total = _values(national)
    names = [p.name for p in provinces if p.name in values or p.facilities]
    wb = Book()
    _summary(wb.sheet("TomTat"), provinces, period, issues, today or dt.date.today(), draft, deadline)
    _categories(wb.sheet("BienDong"), names, values, total, provinces)
    for sheet, title, codes in FAMILIES:
        _family(wb.sheet(sheet), title, codes, names, values, total, provinces)
    _completeness(wb.sheet("DayDu"), provinces, period, unattributed, deadline)
    _monthly(wb.sheet("SiSoThang"), monthly, period)
    _issues(wb.sheet("VanDe"), issues, provinces)
    _tidy(wb.sheet("ChiSo"), table, national, reporting)
    if approved is not None:  # the data came from a store: which months are approved
        _approvals(wb.sheet("PheDuyet", wb.sheetnames.index("DayDu") + 1), provinces, period, approved)
    return wb


def _approvals(ws, provinces, period: Period, approved: dict) -> None:
    """Sheet PheDuyet: facility × month, "đã duyệt" (with the version and the day) for every
    month locked in the store; blank: not approved."""
    from ..common.vnformat import local_time
    from .book import fill, fit_row, style
    fixed = ("Tỉnh/Thành phố", "Mã cơ sở", "Tên cơ sở")
    months = period.months
    for c, title in enumerate(fixed + tuple(f"{m:02d}/{y}" for y, m in months) + ("Số tháng đã duyệt",), start=1):
        _header(ws, 1, c, title)
    done = style(fill=fill("C6EFCE"), alignment=_styles()["center"], border=_styles()["border"])  # wrapped
    r = 2
    for p in provinces:
        for fac in p.facilities:
            ws.put(r, 1, p.name)
            ws.put(r, 2, fac.unit)
            ws.put(r, 3, fac.name or "")
            n = 0
            for k, (y, m) in enumerate(months):
                got = approved.get((fac.unit, y, m))
                if got is not None:
                    at, _who, version = got
                    ws.put(r, len(fixed) + 1 + k, f"đã duyệt (bản {version}, {local_time(at)[:10]})", done)
                    n += 1
            _number(ws, r, len(fixed) + len(months) + 1, n)
            r += 1
    ws.freeze = (2, len(fixed) + 1)
    last = len(fixed) + len(months) + 1
    widths = {1: 18, 2: 11, 3: 38, last: 11, **{c: 13 for c in range(len(fixed) + 1, last)}}
    _widths(ws, widths, last=last)
    for row in range(2, r):  # "đã duyệt (bản 2, 10/07/2021)" on two lines in its narrow column
        fit_row(ws, row, widths)
    _printable(ws, (1, 1), last, widths, 11, header_rows=(1,))


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
    from .book import alignment, border, fill, font, style
    from .xlsxout import HEADER_FILL
    return {
        "bold": font(bold=True), "title": style(font=font(bold=True, size=13)),
        "fill": fill(HEADER_FILL), "total_fill": fill("F2F2F2"),
        "center": alignment("center", "center", wrap=True), "border": border("BFBFBF"),
        "header": style(font=font(bold=True), fill=fill(HEADER_FILL), alignment=alignment("center", "center", wrap=True),
                        border=border("BFBFBF")),
    }


def _header(ws, row, col, text, span=1, rows=1):
    """A header cell (bold, filled, centred, bordered), merged over `span` columns and `rows` rows."""
    style = _styles()["header"]
    for r in range(row, row + rows):
        for c in range(col, col + span):
            ws.put(r, c, text if (r, c) == (row, col) else None, style)
    if span > 1 or rows > 1:
        ws.merge(row, col, row + rows - 1, col + span - 1)


def _number(ws, row, col, value, fmt="#,##0"):
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and not value.is_integer():
        fmt = "#,##0.0"
    ws.put(row, col, value, _number_style(fmt))


@lru_cache(maxsize=None)
def _number_style(fmt: str):
    from .book import number_format, style
    return style(number_format=number_format(fmt))


def _widths(ws, widths: dict, default=11.0, last=None):
    last = last or ws.max_column
    for c in range(1, last + 1):
        ws.widths[c] = widths.get(c, default)


def _bold_row(ws, row, last_col):
    st = _styles()
    ws.restyle_row(row, last_col, font=st["bold"], fill=st["total_fill"])


def _facility_count(provinces) -> dict:
    return {p.name: sum(1 for f in p.facilities if not f.sent_nothing) for p in provinces}


# ---------------------------------------------------------------- sheets

def _summary(ws, provinces, period: Period, issues, today: dt.date, draft: bool = False, deadline=None):
    from ..common.issues import ERROR
    from ..computing.timeliness import counts as timely
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
        ws.put(r, 1, p.name)
        for k, v in enumerate(counts):
            _number(ws, r, 2 + k, v)
            sums[k] += v
        ws.put(r, 9, _bc_name(p))  # set by finish_national
        _rates(ws, r, timely(p.facilities, deadline), deadline)
        r += 1
    ws.put(r, 1, NATION_LABEL)
    errors = sum(1 for i in issues if i.severity == ERROR)  # with the workbooks of no known province
    sums[5:] = [errors, len(issues) - errors]
    for k, v in enumerate(sums):
        _number(ws, r, 2 + k, v)
    _rates(ws, r, timely([f for p in provinces for f in p.facilities], deadline), deadline)
    _bold_row(ws, r, len(header))
    from .book import alignment, fit_row, font, style
    widths = {1: 22, 6: 14, 9: 34, 13: 13, 14: 13}
    notes = [(f"Tổng hợp {period.label}; lập ngày {today:%d/%m/%Y} bằng rehabstat.", font()),
             ("Tỷ lệ gửi sổ = sổ tháng đã gửi / sổ tháng cần có; tỷ lệ gửi đúng hạn = sổ gửi đến hạn "
              "(Ngày gửi trên trang ThongTin, hạn trong [deadline] của rehabstat.toml) / sổ tháng cần có."
              + ("" if deadline else " Chưa có [deadline]: không biết sổ nào đúng hạn hay muộn, các cột gửi đúng "
                                     "hạn, gửi muộn và tỷ lệ đúng hạn để trống."), font())]
    if draft:
        notes.append(("DỰ THẢO – SỐ LIỆU CHƯA ĐẦY ĐỦ HOẶC CÒN LỖI (xem trang DayDu và VanDe): "
                      "không dùng làm số liệu chính thức.", font(bold=True, color="C00000")))
    for row, (note, f) in enumerate(notes, start=r + 2):
        # wrapped within the table's width: one long line would make the page fit it, the table tiny
        ws.put(row, 1, note, style(font=f, alignment=alignment(vertical="top", wrap=True)))
        ws.merge(row, 1, row, len(header))
        fit_row(ws, row, widths, default=11, spans={1: len(header)})
    ws.freeze = (2, 2)
    _widths(ws, widths, default=11, last=len(header))
    _printable(ws, (1, 1), len(header), widths, 11, header_rows=(1,))


def _rates(ws, r, c, deadline=None):
    """Columns 10-14 of TomTat: sent, on time, late, reporting rate, rate on time (blank when not
    known: without a [deadline] no month is on time or late, and 0 would say it is)."""
    for k, key in enumerate(("SO_THANG_GUI", "SO_THANG_DUNG_HAN", "SO_THANG_MUON", "TY_LE_GUI_SO", "TY_LE_DUNG_HAN")):
        value = c[key] if deadline or key in ("SO_THANG_GUI", "TY_LE_GUI_SO") else None
        if value is not None:
            _number(ws, r, 10 + k, value, "0.0" if key.startswith("TY_LE") else "#,##0")


BLOCK_WIDTHS = {1: 17, 2: 33}  # code, label; then the categories
CATEGORY_WIDTH = 11


def _categories(ws, names, values, total, provinces):
    """One header row (Mã, Chỉ tiêu, the categories), repeated on every printed page; then a
    group per province and one for the nation: a row naming it across the table ("Hà Nội (số
    cơ sở: 7)") and a row per indicator. A group is never split across pages: one that would
    not fit on what is left of the page starts the next."""
    from ..common.codes import ALWAYS_ROWS, TABLE_ROWS
    from .book import alignment, fill, font, style
    st = _styles()
    rows = [(ind, label, bold) for ind, label, bold in TABLE_ROWS
            if ind in ALWAYS_ROWS or any(v.get((ind, c), 0) for v in values.values() for c in ALL_CATEGORIES)]
    counts = _facility_count(provinces)
    last = 2 + len(CATEGORY_COLUMNS)
    widths = {**BLOCK_WIDTHS, **{c: CATEGORY_WIDTH for c in range(3, last + 1)}}
    for c, text in enumerate(("Mã", "Chỉ tiêu") + tuple(label for _, label in CATEGORY_COLUMNS), start=1):
        _header(ws, 1, c, text)
    _fit_header(ws, 1, widths)
    group = style(font=font(bold=True, size=12), fill=fill("F2F2F2"), alignment=alignment("left", "center"),
                  border=st["border"])
    r = 2
    groups = []
    for name in names + [None]:
        v = values.get(name, {}) if name else total.get("VN", {})
        groups.append((r, r + 1 + len(rows)))
        n = counts.get(name, 0) if name else sum(counts.values())
        ws.put(r, 1, f"{name or NATION_LABEL} (số cơ sở: {n})", group)
        for c in range(2, last + 1):
            ws.put(r, c, None, group)
        ws.merge(r, 1, r, last)
        ws.heights[r] = 20
        r += 1
        for ind, label, bold in rows:
            ws.put(r, 1, ind)
            ws.put(r, 2, label)
            for k, (cat, _) in enumerate(CATEGORY_COLUMNS):
                if (ind, cat) in v:  # a figure no workbook reported stays blank: a blank is not a zero
                    _number(ws, r, 3 + k, v[(ind, cat)])
            if bold:
                _bold_row(ws, r, last)
            r += 1
    ws.freeze = (2, 3)
    _widths(ws, widths, default=CATEGORY_WIDTH, last=last)
    landscape = _printable(ws, (1, 1), last, widths, CATEGORY_WIDTH)
    _break_between(ws, groups, landscape, last)


def _fit_header(ws, row, widths, default=11.0, spans=None):
    from .book import fit_row
    fit_row(ws, row, widths, default=default, bold=True, spans=spans)


def _printable(ws, title_rows, last, widths, default, header_rows=(), extra_width=0.0, landscape=None):
    """Print setup of a national sheet, and its header rows made tall enough."""
    from .book import print_setup
    for row in header_rows:
        _fit_header(ws, row, widths, default)
    return print_setup(ws, title_rows=title_rows, last_col=last, extra_width=extra_width, landscape=landscape)


def _province_rows(ws, keys, names, values, total, provinces, first: int = 3):
    """From row `first`: one row per province (name, number of facilities, the figures `keys`
    = [(indicator, category)] from column 3), then the bold national row; headers frozen."""
    counts = _facility_count(provinces)
    for r, name in enumerate(names + [None], start=first):
        v = values.get(name, {}) if name else total.get("VN", {})
        ws.put(r, 1, name or NATION_LABEL)
        _number(ws, r, 2, counts.get(name, 0) if name else sum(counts.values()))
        for k, key in enumerate(keys):
            if key in v:  # a figure no workbook reported stays blank: a blank is not a zero
                _number(ws, r, 3 + k, v[key])
        if name is None:
            _bold_row(ws, r, 2 + len(keys))
    ws.freeze = (first, 3)


def _family(ws, title, codes, names, values, total, provinces):
    """A row per province; three header rows: the figure's label, its unit, its code (in a
    row of its own, in small type, never wrapped)."""
    from .book import alignment, font
    _header(ws, 1, 1, "Tỉnh/Thành phố", rows=2)
    _header(ws, 1, 2, "Số cơ sở", rows=2)
    money = ws.title == "TaiChinh"
    base = 16 if money else 12
    widths = {1: 20, 2: 8}
    for k, code in enumerate(codes):
        fig = FIGURES.get(code)
        label, measure = (fig.label, fig.measure) if fig else REVENUE_LABELS.get(code, (code, ""))
        _header(ws, 1, 3 + k, label)
        _header(ws, 2, 3 + k, measure or "")
        widths[3 + k] = max(base, round(len(code) * 0.85) + 2)  # the code fits in small type
    _header(ws, 3, 1, "Mã chỉ tiêu", span=2)  # the codes' row, under the headers
    for k, code in enumerate(codes):
        _header(ws, 3, 3 + k, code)
    ws.restyle_row(3, 2 + len(codes), font=font(size=8, color="595959"),
                   alignment=alignment("center", "center", shrink=True))
    _province_rows(ws, [(code, "ALL") for code in codes], names, values, total, provinces, first=4)
    last = 2 + len(codes)
    note = _partial_note(codes, names, values, total, provinces)
    if note:  # under the table, printed: a national total of only some provinces says so
        from .book import fit_row, style
        row = 4 + len(names) + 2
        ws.put(row, 1, note, style(font=font(italic=True), alignment=alignment(vertical="top", wrap=True)))
        ws.merge(row, 1, row, last)  # within the table's width
        fit_row(ws, row, widths, default=base, spans={1: last})
    _widths(ws, widths, default=base, last=last)
    _printable(ws, (1, 3), last, widths, base, header_rows=(1, 2))


def _partial_note(codes, names, values, total, provinces) -> str:
    """"Toàn quốc" of a figure that some provinces with facilities did not report (blank in
    their row) covers the others only: the sentence saying which figures and how many provinces."""
    counts = _facility_count(provinces)
    expected = [n for n in names if counts.get(n, 0)]
    partial = []
    for code in codes:
        if (code, "ALL") not in total.get("VN", {}):
            continue
        have = [n for n in expected if (code, "ALL") in values.get(n, {})]
        if len(have) < len(expected):
            fig = FIGURES.get(code)
            label = fig.label if fig else REVENUE_LABELS.get(code, (code, ""))[0]
            partial.append(f"{label[:1].lower()}{label[1:]} ({len(have)}/{len(expected)} tỉnh)")  # ARV stays ARV
    if not partial:
        return ""
    return ("Ô trống: tỉnh không có cơ sở nào báo cáo số liệu đó. Dòng Toàn quốc chỉ gồm các tỉnh có báo cáo: "
            + "; ".join(partial) + ".")


LATE_FILL = "FFD966"  # a workbook received after its deadline (legend: "muộn N ngày")


def _completeness(ws, provinces, period: Period, unattributed, deadline=None):
    from .book import fill, fit_row, style
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
    status_style = {s: style(alignment=st["center"], border=st["border"], fill=fill(color))
                    for s, color in STATUS_FILL.items()}
    plain_status = style(alignment=st["center"], border=st["border"])
    late_style = style(alignment=st["center"], border=st["border"], fill=fill(LATE_FILL))
    r = 2
    province_rows = []
    for p in provinces:
        first_row = r
        for fac in p.facilities:
            ws.put(r, 1, p.name)
            ws.put(r, 2, fac.unit)
            ws.put(r, 3, fac.name or ("(chưa gửi sổ nào)" if fac.sent_nothing else ""))
            for k, ym in enumerate(months):
                status = fac.cells.get(ym, "")
                late = fac.late.get(ym) if status != "thiếu" else None
                if late:  # received, after the deadline: said and coloured whatever else is true of it
                    text = f"muộn {late} ngày" if status == "đã nhận" else f"{status}, muộn {late} ngày"
                    ws.put(r, len(fixed) + 1 + k, text, late_style)
                else:
                    ws.put(r, len(fixed) + 1 + k, status, status_style.get(status, plain_status))
            for k, status in enumerate(("đã nhận", "thiếu", "trùng", "có lỗi")):
                _number(ws, r, first_tail + k, len(fac.months(status)))
            late_n = sum(1 for ym, d in fac.late.items() if d and fac.cells.get(ym) != "thiếu")
            on_time = sum(1 for ym, d in fac.late.items() if d == 0)
            _number(ws, r, first_tail + 4, late_n)
            if deadline:
                _number(ws, r, first_tail + 5, on_time)
            r += 1
        province_rows.append((first_row, r))
    ws.freeze = (2, len(fixed) + 1)
    bold = style(font=st["bold"])
    r += 1
    ws.put(r, 1, "Chú giải", bold)
    for status, meaning in STATUS_MEANING.items():
        r += 1
        ws.put(r, 2, status, status_style[status])
        ws.put(r, 3, meaning)
        fit_row(ws, r, {2: 11}, default=200)  # "chưa đến hạn" wraps in its narrow column
    r += 1
    ws.put(r, 2, "muộn N ngày", late_style)
    ws.put(r, 3, "đã nhận nhưng gửi sau hạn ([deadline] trong rehabstat.toml; Ngày gửi trên trang ThongTin)"
             + ("" if deadline else " – chưa có [deadline] nên không xét"))
    silent = [(p.name, f.unit) for p in provinces for f in p.facilities if f.sent_nothing and f.registered]
    r += 2
    ws.put(r, 1, "Cơ sở trong danh sách (rehabstat.toml) chưa gửi sổ nào trong kỳ:", bold)
    if silent:
        for name, unit in silent:
            r += 1
            ws.put(r, 1, name)
            ws.put(r, 2, unit)
    else:
        r += 1
        ws.put(r, 2, "không có" if any(f.registered for p in provinces for f in p.facilities)
                 else "không có danh sách cơ sở ([registry] trong rehabstat.toml)")
    if unattributed:
        r += 2
        ws.put(r, 1, "Sổ không đọc được, không xác định được cơ sở hoặc tháng:", bold)
        for f, message in unattributed:
            r += 1
            ws.put(r, 2, str(f))
            ws.put(r, 4, message)
    widths = {1: 18, 2: 11, 3: 38}
    last = max(first_tail + len(tail) - 1, 4)
    _widths(ws, widths, default=10, last=last)
    landscape = _printable(ws, (1, 1), last, widths, 10, header_rows=(1,))
    _break_between(ws, province_rows, landscape, last)


def _monthly(ws, monthly, period: Period):
    header = ("Tháng", "Đang quản lý (tổng cộng)", "Học viên (HV)", "Methadone")
    for c, title in enumerate(header, start=1):
        _header(ws, 1, c, title)
    for r, (y, m, v) in enumerate(monthly, start=2):
        ws.put(r, 1, f"{m:02d}/{y}")
        _number(ws, r, 2, v["ALL"])
        _number(ws, r, 3, v["HV"])
        _number(ws, r, 4, v["MET"])
    ws.freeze = (2, 1)
    widths = {1: 10, 2: 16, 3: 14, 4: 12}
    _widths(ws, widths, last=4)
    # the chart (14 cm, about 75 column units) beside the table, from row 2: on the first
    # page whatever the number of months, never across a page break
    _printable(ws, (1, 1), 4, widths, 11, header_rows=(1,), extra_width=2 * 11 + 75, landscape=True)
    if monthly:
        last = len(monthly)  # the data rows, 1..last (0-indexed: row 0 is the header)

        def chart(wb):
            made = wb.add_chart({"type": "line"})
            for col in (1, 2, 3):
                made.add_series({"name": [ws.title, 0, col], "categories": [ws.title, 1, 0, last, 0],
                                 "values": [ws.title, 1, col, last, col]})
            made.set_title({"name": f"Số người đang quản lý cuối tháng, {period.label}"})
            made.set_x_axis({"name": "tháng"})
            made.set_y_axis({"name": "người", "num_format": "#,##0"})
            made.set_size({"width": round(14 / 2.54 * 96), "height": round(8 / 2.54 * 96)})  # 14 × 8 cm
            return made
        ws.charts.append(("F2", chart))


def _issues(ws, issues, provinces):
    from ..common.issues import ERROR, sort_key
    from .book import write_table
    rows = [(Path(i.file).name if i.file else "", str(i.file or ""), i.sheet or "",
             f"{i.column or ''}{i.row or ''}", i.code, "lỗi" if i.severity == ERROR else "cảnh báo", i.text("vi"))
            for i in sorted(issues, key=sort_key)]
    write_table(ws, ["Tệp", "Đường dẫn", "Trang", "Ô", "Mã", "Mức", "Nội dung"], rows,
                widths={1: 16, 2: 30, 3: 10, 4: 7, 5: 7, 6: 9, 7: 70}, wrap=(2, 7))


TIDY_HEADER = ("Đơn vị", "Cấp", "Kỳ", "Mã chỉ số", "Diện", "Giá trị", "Chỉ số")


def indicator_label(code: str) -> str:
    """The Vietnamese name of an indicator code, for a reader of the tidy sheets."""
    return _labels().get(code, code)


@lru_cache(maxsize=None)
def _labels() -> dict:
    from ..common.codes import TABLE_ROWS
    out = {ind: label for ind, label, _ in TABLE_ROWS}
    out.update({code: fig.label for code, fig in FIGURES.items()})
    out.update({code: label for code, (label, _) in REVENUE_LABELS.items()})
    out["TRON_NGUOI"] = "Trốn (số người)"
    out.update({"SO_THANG_GUI": "Sổ tháng đã gửi", "SO_THANG_DUNG_HAN": "Sổ tháng gửi đúng hạn",
                "SO_THANG_MUON": "Sổ tháng gửi muộn", "TY_LE_GUI_SO": "Tỷ lệ gửi sổ (%)",
                "TY_LE_DUNG_HAN": "Tỷ lệ gửi đúng hạn (%)", "SO_THANG_CAN": "Sổ tháng cần có"})
    from ..common.codes import PROVINCE_DERIVED, PROVINCE_FIGURES
    out.update({code: fig.label for code, fig in {**PROVINCE_FIGURES, **PROVINCE_DERIVED}.items()})
    return out


def tidy_rows(table, extra=()):
    """The tidy indicator rows for a sheet: the six columns as they are, and the indicator's
    Vietnamese name in a seventh; `extra`: more rows of the same six columns, after them."""
    rows = table.to_numpy(dtype=object).tolist()  # Python int / float / str, as .item() would give
    rows += [list(r) for r in extra]
    return [(r[0], LEVEL_VI.get(r[1], r[1]), *r[2:], indicator_label(r[3])) for r in rows]


# the level of a unit in the Vietnamese sheets (the csv/json of `indicators` keep the codes)
LEVEL_VI = {"facility": "cơ sở", "province": "tỉnh", "national": "toàn quốc"}


def _tidy(ws, table, national, reporting=()):
    """The tidy rows with Vietnamese headers, then the reporting rates (`reporting`)."""
    import pandas as pd
    from .book import write_table
    both = pd.concat([table, national], ignore_index=True)
    rows = tidy_rows(both, reporting)  # then the reporting rates (timeliness)
    write_table(ws, list(TIDY_HEADER), rows, widths={1: 13, 2: 9, 3: 9, 4: 18, 5: 7, 6: 13, 7: 29})


def _break_between(ws, groups, landscape, last):
    """Page breaks between provinces, only where the sheet runs long: a province that would
    not fit on what is left of the page starts a new one. `groups`: [(first row, end row)]."""
    from .book import page_break_before, rows_per_page
    per_page = rows_per_page(ws, landscape, last) - 1  # the repeated header row
    used = 1
    for first, end in groups:
        size = end - first
        if used > 1 and used + size > per_page:
            page_break_before(ws, first)
            used = 1
        used += size
