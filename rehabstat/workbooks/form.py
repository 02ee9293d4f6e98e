"""`rehabstat form`: the blank monthly workbook a facility fills.

    wb = build_form("SL01", "Cơ sở ...", "Sơn La", 2021, 2, opening={"BB": 1586, ...})
    write_form(Path("SL01-2021-02.xlsx"), wb)

Four sheets exactly as spec/input-format.md names them (ThongTin, SiSo, BienDong,
SoLieu) and a "HuongDan" sheet after them; drop-down lists for categories and event
types, dates restricted to the month, whole numbers where counts go, frozen headers.
Errors prevented at the source are cheaper than errors found. No formulas: a formula's
result is not stored by the writer, so a reader would see an empty cell.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..common.codes import ALL_CATEGORIES, CATEGORIES, EVENT_TYPES, FIGURES, unit_code
from ..common.periods import month_end

CENSUS_HEADERS = ("Diện", "Đầu kỳ", "Cuối kỳ", "Có mặt", "Vắng mặt")
EVENT_HEADERS = ("STT", "Mã học viên", "Họ và tên", "Diện", "Biến động", "Ngày", "Diện mới", "Số lượng", "Ghi chú")
FIGURE_HEADERS = ("Mã", "Nội dung", "Đơn vị", "Giá trị")
EVENT_ROWS = 2000  # rows of BienDong that carry the drop-downs and formats
DATE_FORMAT = "dd/mm/yyyy"
COUNT_FORMAT = "#,##0"

INSTRUCTIONS = (
    "HƯỚNG DẪN ĐIỀN SỔ THEO DÕI HẰNG THÁNG",
    "",
    "1. ThongTin: kiểm tra mã cơ sở, tên cơ sở, tỉnh/thành phố và kỳ báo cáo (tháng/năm); ghi người lập biểu, "
    "điện thoại, ngày lập.",
    "2. SiSo: mỗi diện một dòng. Đầu kỳ = số học viên đang quản lý đầu ngày 01 của tháng (bằng Cuối kỳ tháng trước); "
    "Cuối kỳ = số đang quản lý cuối ngày cuối tháng; Có mặt + Vắng mặt = Cuối kỳ.",
    "3. BienDong: mỗi biến động một dòng (tiếp nhận, hoàn thành, trốn, bắt lại, chuyển đi, chuyển diện...). "
    "Chọn Diện và Biến động trong danh sách thả xuống; Ngày ghi ngày/tháng/năm và phải nằm trong tháng báo cáo.",
    "   Có Mã học viên thì mỗi dòng là một người và để trống Số lượng. Không có mã thì có thể ghi Số lượng (số nguyên ≥ 1) "
    "cho một dòng gộp nhiều người.",
    "   Chuyển diện (CHUYEN_DIEN): ghi Diện cũ ở cột Diện và diện mới ở cột Diện mới.",
    "4. Cuối kỳ mỗi diện phải bằng Đầu kỳ + các biến động tăng − các biến động giảm trong tháng.",
    "5. SoLieu: ghi Giá trị cho các chỉ tiêu có số liệu trong tháng; để trống nếu không có. Tiền ghi bằng đồng.",
    "6. Không đổi tên trang, không xóa dòng tiêu đề. Kiểm tra trước khi gửi: rehabstat validate <tệp>.",
)


def month_of(text: str) -> tuple[int, int]:
    """'02/2021' (or '2021-02') → (2021, 2); raises PeriodError (a ValueError) that says why."""
    from ..common.values import Bad, parse_month
    try:
        return parse_month(str(text).strip())
    except Bad:
        from ..common.errors import PeriodError
        raise PeriodError.said("period.bad_month", option="--month", text=text) from None


def default_name(facility: str, year: int, month: int) -> str:
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in unit_code(facility))
    return f"{safe}-{year:04d}-{month:02d}.xlsx"


def build_form(facility: str, name: str, province: str, year: int, month: int, opening: dict | None = None):
    """The blank workbook (a book.Book). opening: {category: Đầu kỳ} to pre-fill."""
    from .book import Book, alignment, fit_row, font, number_format, print_setup, style

    bold = style(font=font(bold=True))
    first = dt.date(year, month, 1)
    last = month_end(year, month)
    count = style(number_format=number_format(COUNT_FORMAT))

    wb = Book()
    # ThongTin
    ws = wb.sheet("ThongTin")
    header(ws, ("Mục", "Giá trị"), (20, 56))
    info = (("Mã cơ sở", unit_code(facility)), ("Tên cơ sở", name.strip()), ("Tỉnh/Thành phố", province.strip()),
            ("Kỳ báo cáo", f"{month:02d}/{year:04d}"), ("Người lập biểu", None), ("Điện thoại", None),
            ("Ngày lập", None))
    for r, (label, value) in enumerate(info, start=2):
        ws.put(r, 1, label, bold)
        if value is not None:
            ws.put(r, 2, value)
    ws.put(8, 2, None, style(number_format=number_format(DATE_FORMAT)))
    ws.put(10, 1, "Xem hướng dẫn ở trang HuongDan (sau trang SoLieu).", style(font=font(italic=True)))

    # SiSo
    ws = wb.sheet("SiSo")
    header(ws, CENSUS_HEADERS, (12, 12, 12, 12, 12))
    for r, code in enumerate(ALL_CATEGORIES, start=2):
        ws.put(r, 1, code)
        for c in range(2, 6):
            ws.put(r, c, None, count)
        if opening is not None:
            ws.put(r, 2, int(opening.get(code, 0)), count)
    last_row = 1 + len(ALL_CATEGORIES)
    listing(ws, f"A2:A{last_row}", ALL_CATEGORIES, "Diện", "Chọn một diện: " + ", ".join(ALL_CATEGORIES))
    whole(ws, f"B2:E{last_row}", 0, "Số người")

    # BienDong
    ws = wb.sheet("BienDong")
    header(ws, EVENT_HEADERS, (6, 16, 22, 9, 16, 12, 10, 10, 30))
    end = EVENT_ROWS + 1
    listing(ws, f"D2:D{end} G2:G{end}", ALL_CATEGORIES, "Diện", "Chọn một diện: " + ", ".join(ALL_CATEGORIES))
    listing(ws, f"E2:E{end}", EVENT_TYPES, "Biến động", "Chọn một loại biến động (xem trang HuongDan).")
    validation(ws, f"F2:F{end}", {"validate": "date", "criteria": "between", "minimum": _serial(first),
                                  "maximum": _serial(last), "error_title": "Ngày",
                                  "error_message": f"Ngày phải nằm trong tháng báo cáo "
                                                   f"({first:%d/%m/%Y} - {last:%d/%m/%Y})."})
    whole(ws, f"H2:H{end}", 1, "Số lượng")
    ws.column_styles[6] = style(number_format=number_format(DATE_FORMAT))
    ws.column_styles[8] = style(number_format=number_format("0"))
    ws.column_styles[2] = style(number_format=number_format("@"))  # ids are text: keep leading zeros

    # SoLieu
    ws = wb.sheet("SoLieu")
    header(ws, FIGURE_HEADERS, (18, 44, 10, 18))
    for r, fig in enumerate(FIGURES.values(), start=2):
        ws.put(r, 1, fig.code)
        ws.put(r, 2, fig.label)
        ws.put(r, 3, fig.measure)
        ws.put(r, 4, None, count)
    validation(ws, f"D2:D{1 + len(FIGURES)}", {"validate": "decimal", "criteria": ">=", "value": 0,
                                                "error_title": "Giá trị", "error_message": "Hãy nhập một số không âm."})

    # HuongDan (after the four sheets: the reader ignores it)
    ws = wb.sheet("HuongDan")
    guide_widths = {1: 16, 2: 36, 3: 40}
    wrapped = style(alignment=alignment(vertical="top", wrap=True))
    r = 1
    for line in INSTRUCTIONS:
        if line and r == 1:
            ws.put(r, 1, line, style(font=font(bold=True, size=12)))
        elif line:  # over the three columns, wrapped: printed whole, never cut at the page edge
            ws.put(r, 1, line, wrapped)
            ws.merge(r, 1, r, 3)
            fit_row(ws, r, guide_widths, spans={1: 3})
        r += 1
    r += 1
    for c, title in enumerate(("Mã diện", "Diện"), start=1):
        ws.put(r, c, title, bold)
    for code in ALL_CATEGORIES:
        r += 1
        ws.put(r, 1, code)
        ws.put(r, 2, CATEGORIES[code].short)
    r += 2
    for c, title in enumerate(("Mã biến động", "Biến động", "Ảnh hưởng đến sĩ số của Diện"), start=1):
        ws.put(r, c, title, bold)
    for code, ev in EVENT_TYPES.items():
        r += 1
        ws.put(r, 1, code)
        ws.put(r, 2, ev.label)
        effect = "giảm Diện, tăng Diện mới" if code == "CHUYEN_DIEN" else ("tăng" if ev.sign > 0 else "giảm")
        if ev.allowed == frozenset({"MET"}):
            effect += " (chỉ MET)"
        elif "MET" not in ev.allowed:
            effect += " (không áp dụng cho MET)"
        ws.put(r, 3, effect)
    ws.widths.update(guide_widths)
    for ws in wb.sheets:  # A4, one page wide, the header row on every page
        print_setup(ws, title_rows=None if ws.title in ("ThongTin", "HuongDan") else (1, 1))
    return wb


def validation(ws, ref: str, options: dict) -> None:
    """A validation on the ranges of `ref` ("D2:D9 G2:G9"): blanks allowed, an error shown,
    no input message."""
    from xlsxwriter.utility import xl_cell_to_rowcol
    ranges = ref.split()
    first, _, last = ranges[0].partition(":")
    r1, c1 = xl_cell_to_rowcol(first)
    r2, c2 = xl_cell_to_rowcol(last or first)
    options = {"ignore_blank": True, "show_error": True, "show_input": False, **options}
    if len(ranges) > 1:
        options["multi_range"] = ref
    ws.validations.append(((r1 + 1, c1 + 1, r2 + 1, c2 + 1), options))


def listing(ws, ref, options, title, prompt) -> None:
    """A drop-down list of `options` on `ref`."""
    validation(ws, ref, {"validate": "list", "source": list(options), "error_title": title, "error_message": prompt,
                         "input_title": title, "input_message": prompt})


def whole(ws, ref, minimum, title) -> None:
    """Whole numbers from `minimum` on `ref`."""
    validation(ws, ref, {"validate": "integer", "criteria": ">=", "value": minimum, "error_title": title,
                         "error_message": f"Hãy nhập số nguyên từ {minimum} trở lên."})


def header(ws, titles, widths):
    """Row 1 of a form sheet: bold titles on the header fill, centred and wrapped; column
    widths; the header frozen (both forms, facility and province, use it)."""
    from .book import HEADING
    for c, title in enumerate(titles, start=1):
        ws.put(1, c, title, HEADING)
    for c, width in enumerate(widths, start=1):
        ws.widths[c] = width
    ws.freeze = (2, 1)


def _serial(d: dt.date) -> int:
    return (d - dt.date(1899, 12, 30)).days


def previous_closing(data, facility: str, year: int, month: int, jobs=None) -> tuple[dict | None, str]:
    """The closing census of the month before, read from the data folder:
    ({category: closing}, "") or (None, why not)."""
    from ..reading.dataset import read_paths
    py, pm = (year - 1, 12) if month == 1 else (year, month - 1)
    unit = unit_code(facility)
    ds = read_paths([data], jobs=jobs)
    files = ds.files
    mine = files[(files["unit"] == unit) & (files["year"] == py) & (files["month"] == pm)]
    label = f"{pm:02d}/{py}"
    if mine.empty:
        return None, f"không tìm thấy sổ tháng {label} của cơ sở {unit} trong {data}"
    ok = mine[mine["status"] == "ok"]
    if ok.empty:
        return None, f"sổ tháng {label} của cơ sở {unit} có lỗi ({mine['file'].iloc[0]}); chạy rehabstat validate"
    if len(mine) > 1:
        return None, f"có {len(mine)} sổ tháng {label} của cơ sở {unit}: " + ", ".join(mine["file"])
    census = ds.census[ds.census["file"] == ok["file"].iloc[0]]
    closing = census.groupby("category")["closing"].sum()
    return {c: int(closing.get(c, 0) or 0) for c in ALL_CATEGORIES}, ""


def write_form(out: Path, wb, force: bool = False) -> Path:
    """Save atomically; refuse to replace an existing file unless force."""
    out = Path(out)
    if out.exists() and not force:
        raise FileExistsError(str(out))
    return wb.save(out, output=False)


PROVINCE_HEADERS = ("Mã", "Nội dung", "Đơn vị", "Diện", "Nguồn", "Giá trị")
PROVINCE_INSTRUCTIONS = (
    "HƯỚNG DẪN ĐIỀN SỔ CẤP TỈNH (số liệu không thuộc cơ sở cai nghiện nào)",
    "",
    "1. ThongTin: giữ Cấp = tỉnh; ghi Tỉnh/Thành phố và Kỳ báo cáo: một tháng (06/2020), một quý (Quý II/2020), "
    "6 tháng (6 tháng đầu năm 2020) hoặc một năm (2019).",
    "2. SoLieu: ghi Giá trị cho các chỉ tiêu có số liệu trong kỳ; để trống nếu không có. Số tồn (SAU_CAI_CU_TRU, "
    "NGHIEN_CO_HO_SO, MET_CONG_DONG, CAN_BO, CAN_BO_TAP_HUAN, HUYEN, XA, TUYEN_TRUYEN_HUYEN, TUYEN_TRUYEN_XA) "
    "là số tại cuối kỳ; các số còn lại là số phát sinh trong kỳ.",
    "3. Diện (không bắt buộc): chia một chỉ tiêu theo diện (BB, TN, ...): mỗi diện một dòng cùng Mã.",
    "4. Nguồn (không bắt buộc): nguồn vốn của DAU_TU (ví dụ: ngân sách trung ương hỗ trợ); mỗi nguồn một dòng. "
    "Tiền ghi bằng đồng.",
    "5. Báo cáo một giai đoạn cộng các sổ cấp tỉnh có kỳ nằm trọn trong giai đoạn; mỗi kỳ chỉ gửi một sổ.",
)


def build_province_form(province: str, period: str):
    """The blank province workbook (spec/input-format.md, "The province workbook"):
    ThongTin with `Cấp` = tỉnh, SoLieu with every province code, HuongDan."""
    from ..common.codes import PROVINCE_FIGURES
    from ..reading.province import parse_period
    from ..common.values import Bad
    from .book import Book, font, number_format, style
    try:
        parse_period(period)
    except Bad:
        from ..common.errors import PeriodError
        raise PeriodError.said("form.bad_period", period=period) from None
    bold = style(font=font(bold=True))

    wb = Book()
    ws = wb.sheet("ThongTin")
    header(ws, ("Mục", "Giá trị"), (20, 40))
    for r, (label, value) in enumerate((("Cấp", "tỉnh"), ("Tỉnh/Thành phố", province.strip()),
                                        ("Kỳ báo cáo", period.strip()), ("Người lập biểu", None),
                                        ("Điện thoại", None), ("Ngày lập", None)), start=2):
        ws.put(r, 1, label, bold)
        if value is not None:
            ws.put(r, 2, value)
    ws.put(7, 2, None, style(number_format=number_format(DATE_FORMAT)))
    ws = wb.sheet("SoLieu")
    header(ws, PROVINCE_HEADERS, (24, 52, 10, 8, 30, 18))
    count = style(number_format=number_format(COUNT_FORMAT))
    for r, fig in enumerate(PROVINCE_FIGURES.values(), start=2):
        ws.put(r, 1, fig.code)
        ws.put(r, 2, fig.label)
        ws.put(r, 3, fig.measure)
        ws.put(r, 6, None, count)
    end = 1 + len(PROVINCE_FIGURES) + 40  # room for rows by Diện or Nguồn
    validation(ws, f"D2:D{end}", {"validate": "list", "source": list(ALL_CATEGORIES), "error_title": "Diện",
                                  "error_message": "Chọn một diện: " + ", ".join(ALL_CATEGORIES)})
    validation(ws, f"F2:F{end}", {"validate": "decimal", "criteria": ">=", "value": 0, "error_title": "Giá trị",
                                  "error_message": "Hãy nhập một số không âm."})
    ws = wb.sheet("HuongDan")
    for r, line in enumerate(PROVINCE_INSTRUCTIONS, start=1):
        if line:
            ws.put(r, 1, line, style(font=font(bold=True, size=12)) if r == 1 else None)
    return wb
