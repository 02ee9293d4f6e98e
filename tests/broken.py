"""A corpus of monthly workbooks for the validation tests: one clean month, then one
defect each, every defect at a known cell.

The workbooks are built here with openpyxl, cell by cell (not with the synthetic
writer), so that each defect is exactly one changed cell, row or sheet. A `Book` is the
plain content of one workbook (lists of rows per sheet); `write_book` writes it.
`CASES` maps a rule code to a function that writes the defective workbook(s) into a
folder and returns the issues expected: [(code, file name, sheet, row, column)].

    python tests/broken.py OUT_DIR    # write the whole corpus, one folder per rule
"""
from __future__ import annotations

import copy
import datetime as dt
import re
import shutil
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

UNIT = "LC01"
UNIT_NAME = "Cơ sở cai nghiện ma túy tỉnh Lai Châu"
PROVINCE = "Lai Châu"
YEAR, MONTH = 2021, 3
CATEGORIES = ("BB", "TN", "HTCC", "XDTTN", "LTTT", "MET")
OPENING = {"BB": 100, "TN": 10, "HTCC": 5, "XDTTN": 30, "LTTT": 20, "MET": 50}
ABSENT = {"BB": 2}
SIGN = {"TIEP_NHAN": 1, "BAT_LAI": 1, "CHUYEN_DEN": 1, "HOAN_THANH": -1, "TRON": -1, "TAM_DINH_CHI": -1,
        "CHUYEN_DI": -1, "TU_VONG": -1, "BO_DIEU_TRI": -1, "RA_KHAC": -1, "CHUYEN_DIEN": -1}
CENSUS_HEADER = ["Diện", "Đầu kỳ", "Cuối kỳ", "Có mặt", "Vắng mặt"]
EVENT_HEADER = ["STT", "Mã học viên", "Họ và tên", "Diện", "Biến động", "Ngày", "Diện mới", "Số lượng", "Ghi chú"]
FIGURE_HEADER = ["Mã", "Nội dung", "Đơn vị", "Giá trị"]
FIGURES = [["KHAM_BENH", "Lượt khám bệnh", "lượt", 3415], ["XN_HIV", "Mẫu xét nghiệm HIV", "mẫu", 97],
           ["HIV_QUAN_LY", "Học viên nhiễm HIV đang quản lý", "người", 8],
           ["DOANH_THU", "Doanh thu lao động trị liệu", "đồng", 426894350]]
# event columns (0-based in a row list)
E_PERSON, E_CAT, E_EVENT, E_DATE, E_NEW, E_COUNT, E_NOTE = 1, 3, 4, 5, 6, 7, 8


@dataclass
class Book:
    """The content of one workbook; the row lists start with their header row."""
    info: list = field(default_factory=list)
    census: list = field(default_factory=list)
    events: list = field(default_factory=list)
    figures: list = field(default_factory=list)
    sheets: dict = field(default_factory=lambda: {"info": "ThongTin", "census": "SiSo", "events": "BienDong",
                                                   "figures": "SoLieu"})
    title_rows: dict = field(default_factory=dict)  # role -> [rows above the header]
    merges: dict = field(default_factory=dict)  # role -> ["A1:E1", ...]

    def copy(self) -> "Book":
        return copy.deepcopy(self)

    def census_row(self, category) -> list:
        return next(r for r in self.census[1:] if r and r[0] == category)

    def closing(self) -> dict:
        return {r[0]: r[2] for r in self.census[1:] if r}


def _events(year, month, prefix, bb_admissions=None):
    d = lambda day: dt.date(year, month, day)  # noqa: E731
    admission = ([None, None, "BB", "TIEP_NHAN", d(2), None, bb_admissions, None] if bb_admissions is not None
                 else [f"{prefix}001", "Học viên 0001", "BB", "TIEP_NHAN", d(2), None, None, None])
    rows = [
        admission,
        [f"{prefix}002", "Học viên 0002", "BB", "HOAN_THANH", d(5), None, None, None],
        [None, None, "TN", "TIEP_NHAN", d(8), None, 2, None],
        [f"{prefix}003", "Học viên 0003", "BB", "TRON", d(10), None, None, None],
        [f"{prefix}003", "Học viên 0003", "BB", "BAT_LAI", d(20), None, None, "Quay lại sau 10 ngày"],
        [f"{prefix}004", "Học viên 0004", "LTTT", "CHUYEN_DIEN", d(12), "BB", None, "Có quyết định của tòa"],
        [None, None, "MET", "TIEP_NHAN", d(3), None, 3, None],
        [None, None, "MET", "BO_DIEU_TRI", d(15), None, 1, None],
        [f"{prefix}005", "Học viên 0005", "HTCC", "TIEP_NHAN", d(16), None, None, None],
        [None, None, "XDTTN", "HOAN_THANH", d(25), None, 2, None],
        [f"{prefix}006", "Học viên 0006", "BB", "CHUYEN_DI", d(26), None, None, "Chuyển cơ sở khác"],
    ]
    return [[n] + r for n, r in enumerate(rows, start=1)]


def net_flows(events) -> dict:
    net = {c: 0 for c in CATEGORIES}
    for r in events[1:]:
        if not r:
            continue
        n = r[E_COUNT] or 1
        net[r[E_CAT]] += SIGN[r[E_EVENT]] * n
        if r[E_EVENT] == "CHUYEN_DIEN":
            net[r[E_NEW]] += n
    return net


def recount(book: Book) -> Book:
    """Census closing/present from the opening and the events (absent kept)."""
    net = net_flows(book.events)
    for r in book.census[1:]:
        if r:
            r[2] = r[1] + net[r[0]]
            r[3] = r[2] - r[4]
    return book


def clean_book(year=YEAR, month=MONTH, unit=UNIT, province=PROVINCE, opening=None, bb_admissions=None,
               events=None) -> Book:
    opening = dict(OPENING if opening is None else opening)
    prefix = f"{unit[:2]}-{year}{month:02d}-"
    book = Book(
        info=[["Mã cơ sở", unit], ["Tên cơ sở", UNIT_NAME if unit == UNIT else f"{UNIT_NAME} ({unit})"],
              ["Tỉnh/Thành phố", province],
              ["Kỳ báo cáo", f"{month:02d}/{year}"], ["Người lập biểu", "Cán bộ thống kê"],
              ["Ngày lập", dt.date(year + month // 12, month % 12 + 1, 5)]],
        census=[list(CENSUS_HEADER)] + [[c, opening.get(c, 0), 0, 0, ABSENT.get(c, 0)] for c in CATEGORIES],
        events=[list(EVENT_HEADER)] + (events if events is not None else _events(year, month, prefix, bb_admissions)),
        figures=[list(FIGURE_HEADER)] + [list(f) for f in FIGURES],
    )
    return recount(book)


def series(months, unit=UNIT, province=PROVINCE, bb_admissions=None) -> list[tuple[tuple[int, int], Book]]:
    """Consecutive books: each month opens with the closing of the book before it."""
    out, opening = [], None
    for k, (y, m) in enumerate(months):
        book = clean_book(y, m, unit=unit, province=province, opening=opening,
                          bb_admissions=None if bb_admissions is None else bb_admissions[k])
        out.append(((y, m), book))
        opening = book.closing()
    return out


def write_book(path, book: Book) -> Path:
    from openpyxl import Workbook

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb = Workbook()
    wb.remove(wb.active)
    for role in ("info", "census", "events", "figures"):
        name = book.sheets.get(role)
        if name is None:
            continue
        ws = wb.create_sheet(name)
        r0 = 0
        for title in book.title_rows.get(role, []):
            r0 += 1
            for c, v in enumerate(title, start=1):
                _put(ws, r0, c, v)
        for r, row in enumerate(getattr(book, role), start=r0 + 1):
            for c, v in enumerate(row or [], start=1):
                _put(ws, r, c, v)
        for rng in book.merges.get(role, []):
            ws.merge_cells(rng)
    wb.save(path)
    return path


def write_ods_bomb(path, tmp) -> Path:
    """A clean ODS with one tag that stands for 200 million cells (a row repeated 200.000
    times, each with a cell repeated 1.000 times) before its BienDong sheet."""
    src = write_ods(Path(tmp) / "src.ods", clean_book())
    with zipfile.ZipFile(src) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    bomb = (b'<table:table-row table:number-rows-repeated="200000"><table:table-cell office:value-type="float" '
            b'office:value="1" table:number-columns-repeated="1000"/></table:table-row>')
    parts["content.xml"] = parts["content.xml"].replace(b'</table:table><table:table table:name="BienDong">',
                                                        bomb + b'</table:table><table:table table:name="BienDong">')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return Path(path)

def write_ods(path, book: Book) -> Path:
    """The same book as an OpenDocument spreadsheet (.ods), written by hand: the
    mimetype, a manifest and content.xml with one table per sheet."""
    from xml.sax.saxutils import escape, quoteattr

    def cell(v):
        if v is None:
            return "<table:table-cell/>"
        if isinstance(v, bool):
            v = int(v)
        if isinstance(v, (dt.date, dt.datetime)):
            iso = v.isoformat() if isinstance(v, dt.datetime) else v.isoformat()
            return (f'<table:table-cell office:value-type="date" office:date-value="{iso}">'
                    f"<text:p>{v:%d/%m/%Y}</text:p></table:table-cell>")
        if isinstance(v, (int, float)):
            return (f'<table:table-cell office:value-type="float" office:value="{v}">'
                    f"<text:p>{v}</text:p></table:table-cell>")
        return f'<table:table-cell office:value-type="string"><text:p>{escape(str(v))}</text:p></table:table-cell>'

    tables = []
    for role in ("info", "census", "events", "figures"):
        name = book.sheets.get(role)
        if name is None:
            continue
        rows = list(book.title_rows.get(role, [])) + list(getattr(book, role))
        body = "".join("<table:table-row>" + "".join(cell(v) for v in (row or [None])) + "</table:table-row>"
                       for row in rows)
        tables.append(f"<table:table table:name={quoteattr(name)}>{body}</table:table>")
    content = ('<?xml version="1.0" encoding="UTF-8"?>'
               '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
               "<office:body><office:spreadsheet>" + "".join(tables) +
               "</office:spreadsheet></office:body></office:document-content>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>'
                '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
                'manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return path


def _put(ws, row, col, value):
    if value is None:
        return
    cell = ws.cell(row=row, column=col)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"  # text is text, even "=HYPERLINK(...)"
    elif isinstance(value, (dt.date, dt.datetime)):
        cell.number_format = "DD/MM/YYYY"


def put_excel_error(path, sheet_index: int, ref: str, error="#REF!") -> Path:
    """Replace cell `ref` of sheet number sheet_index (1-based) by an Excel error cell
    (t="e"), as Excel writes a failed formula."""
    path = Path(path)
    part = f"xl/worksheets/sheet{sheet_index}.xml"
    with zipfile.ZipFile(path) as zin:
        items = [(i, zin.read(i.filename)) for i in zin.infolist()]
    out = path.with_suffix(".tmp")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info, data in items:
            if info.filename == part:
                text = data.decode("utf-8")
                new, n = re.subn(rf'<c r="{ref}"[^>]*?(/>|>.*?</c>)', f'<c r="{ref}" t="e"><v>{error}</v></c>', text)
                assert n == 1, f"cell {ref} not found in {part}"
                data = new.encode("utf-8")
            zout.writestr(info, data)
    out.replace(path)
    return path


# ---------------------------------------------------------------- the defects

def _one(folder, book, expected, name="2021-03.xlsx"):
    write_book(Path(folder) / name, book)
    return [(code, name, sheet, row, col) for code, sheet, row, col in expected]


def _set_event(book, row, col, value):
    book.events[row - 1][col] = value


def case_F005(d):
    b = clean_book()
    b.sheets["events"] = None
    return _one(d, b, [("F005", None, None, None)])


def case_F006(d):
    b = clean_book()
    b.census[0][2] = "Cuối"
    return _one(d, b, [("F006", "SiSo", 1, None)])


def case_F007(d):
    b = clean_book()
    b.info[2][1] = None
    return _one(d, b, [("F007", "ThongTin", 3, "B")])


def case_F008(d):
    b = clean_book()
    b.info[3][1] = "tháng mười"
    return _one(d, b, [("F008", "ThongTin", 4, "B")])


def case_C001(d):
    b = clean_book()
    b.census_row("BB")[1] = "một trăm"
    return _one(d, b, [("C001", "SiSo", 2, "B")])


def case_C010(d):
    b = clean_book()
    b.census_row("TN")[3] = 7.5  # Có mặt: half a person
    return _one(d, b, [("C010", "SiSo", 3, "D")])


def case_C002(d):
    b = clean_book()
    b.census_row("BB")[4] = -2
    return _one(d, b, [("C002", "SiSo", 2, "E")])


def case_C003(d):
    b = clean_book()
    path = Path(d) / "2021-03.xlsx"
    write_book(path, b)
    put_excel_error(path, 2, "C3")
    return [("C003", "2021-03.xlsx", "SiSo", 3, "C")]


def case_C004(d):
    b = clean_book()
    _set_event(b, 4, E_DATE, None)
    return _one(d, b, [("C004", "BienDong", 4, "F")])


def case_C005(d):
    b = clean_book()
    _set_event(b, 4, E_COUNT, 0)
    return _one(d, b, [("C005", "BienDong", 4, "H")])


def case_C006(d):
    b = clean_book()
    _set_event(b, 2, E_COUNT, 2)
    return _one(d, b, [("C006", "BienDong", 2, "H")])


def case_C007(d):
    b = clean_book()
    _set_event(b, 5, E_DATE, "31/02/2021")
    return _one(d, b, [("C007", "BienDong", 5, "F")])


def case_K001(d):
    b = clean_book()
    _set_event(b, 3, E_CAT, "ABC")
    return _one(d, b, [("K001", "BienDong", 3, "D")])


def case_K002(d):
    b = clean_book()
    _set_event(b, 3, E_EVENT, "nhập viện")
    return _one(d, b, [("K002", "BienDong", 3, "E")])


def case_K003(d):
    b = clean_book()
    _set_event(b, 9, E_EVENT, "TRON")  # MET patients do not escape
    return _one(d, b, [("K003", "BienDong", 9, "E")])


def case_K004(d):
    b = clean_book()
    _set_event(b, 7, E_NEW, None)
    return _one(d, b, [("K004", "BienDong", 7, "G")])


def case_K005(d):
    b = clean_book()
    _set_event(b, 7, E_NEW, "LTTT")
    return _one(d, b, [("K005", "BienDong", 7, "G")])


def case_D001(d):
    b = clean_book()
    _set_event(b, 3, E_DATE, dt.date(2021, 4, 5))
    return _one(d, b, [("D001", "BienDong", 3, "F")])


def case_D003(d):
    # March's workbook sent as April's: the period left unchanged in a copy, the other way round
    b = clean_book()
    b.info[3][1] = "04/2021"
    return _one(d, b, [("D003", "ThongTin", 4, "B")])


def case_D002(d):
    today = dt.date.today()
    y, m = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
    events = [[1, None, None, "BB", "TIEP_NHAN", dt.date(y, m, 15), None, 1, None]]
    b = clean_book(y, m, events=events)
    name = f"{y}-{m:02d}.xlsx"
    return _one(d, b, [("D002", "BienDong", 2, "F")], name=name)


def case_I001(d):
    b = clean_book()
    row = b.census_row("BB")
    row[2] += 1
    row[3] += 1  # present follows, so that only the stock-flow identity breaks
    return _one(d, b, [("I001", "SiSo", 2, "C")])


def case_I002(d):
    (_, feb), (_, mar) = series([(2021, 2), (2021, 3)])
    write_book(Path(d) / "2021-02.xlsx", feb)
    row = mar.census_row("TN")
    row[1] += 5
    recount(mar)
    write_book(Path(d) / "2021-03.xlsx", mar)
    return [("I002", "2021-03.xlsx", "SiSo", 3, "B")]


def case_I003(d):
    b = clean_book()
    b.census_row("BB")[3] += 1
    return _one(d, b, [("I003", "SiSo", 2, "D")])


def case_I004(d):
    b = clean_book()
    rows = [r for r in b.census[1:]]
    total = ["Tổng cộng"] + [sum(r[k] for r in rows) for k in range(1, 5)]
    total[2] += 10
    b.census += [[], total]  # a blank row, then the totals row (row 9)
    return _one(d, b, [("I004", "SiSo", 9, "C")])


def _append(b, person, category, event, day, count=None):
    n = len(b.events)
    b.events.append([n, person, None, category, event, dt.date(YEAR, MONTH, day), None, count, None])
    recount(b)
    return n + 1  # its Excel row


def case_P001(d):
    b = clean_book()
    row = _append(b, "LC-202103-001", "BB", "BAT_LAI", 28)  # admitted on the 2nd, never escaped
    return _one(d, b, [("P001", "BienDong", row, "E")])


def case_P002(d):
    b = clean_book()
    row = _append(b, "LC-202103-002", "BB", "TRON", 28)  # discharged on the 5th
    return _one(d, b, [("P002", "BienDong", row, "E")])


def case_P003(d):
    b = clean_book()
    row = _append(b, "LC-202103-001", "BB", "TIEP_NHAN", 28)  # admitted on the 2nd, still held
    return _one(d, b, [("P003", "BienDong", row, "E")])


def case_P004(d):
    b = clean_book()
    row = _append(b, "LC-202103-001", "BB", "TIEP_NHAN", 2)  # row 2 again
    return _one(d, b, [("P004", "BienDong", row, "E")])


def case_X001(d):
    b = clean_book()
    write_book(Path(d) / "2021-03.xlsx", b)
    write_book(Path(d) / "2021-03-sua.xlsx", b)
    return [("X001", "2021-03.xlsx", None, None, None), ("X001", "2021-03-sua.xlsx", None, None, None)]


def case_X002(d):
    for (y, m), book in series([(2021, 1), (2021, 3)]):  # March opens with January's closing
        write_book(Path(d) / f"{y}-{m:02d}.xlsx", book)
    return [("X002", None, None, None, None)]


def case_X003(d):
    for unit in ("LC01", "LC02"):  # both send one learner away, neither receives one
        write_book(Path(d) / unit / "2021-03.xlsx", clean_book(unit=unit))
    return [("X003", None, None, None, None)]


def case_O001(d):
    months = [(2021, m) for m in range(1, 9)]
    for (y, m), book in series(months, bb_admissions=[5, 6, 5, 7, 6, 5, 40, 6]):
        write_book(Path(d) / f"{y}-{m:02d}.xlsx", book)
    return [("O001", "2021-07.xlsx", "BienDong", 2, "E")]


CASES = {name[5:]: fn for name, fn in sorted(globals().items()) if name.startswith("case_")}


def clean_folder(d, months=None) -> list[Path]:
    """Several consecutive clean months of one facility."""
    months = months or [(2021, m) for m in range(1, 9)]
    return [write_book(Path(d) / f"{y}-{m:02d}.xlsx", b) for (y, m), b in series(months)]


def build_corpus(root) -> dict[str, tuple[Path, list]]:
    """Every case in its own folder under root: {code: (folder, expected)}; plus 'clean'."""
    root = Path(root)
    out = {}
    folder = root / "clean"
    write_book(folder / "2021-03.xlsx", clean_book())
    out["clean"] = (folder, [])
    for code, fn in CASES.items():
        folder = root / code
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        out[code] = (folder, fn(folder))
    return out


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "broken-corpus")
    for code, (folder, expected) in build_corpus(target).items():
        print(code, folder, expected)
