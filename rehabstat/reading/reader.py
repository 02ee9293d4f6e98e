"""Read monthly workbooks into tidy frames plus a list of issues.

Tolerant in form, strict in meaning (spec/input-format.md): sheet and header names match
without diacritics, the header row is found under title rows, numbers and dates written
the Vietnamese way are read, codes may be labels, totals rows are checked and never added.
Everything that cannot be read becomes an Issue at its cell; nothing raises, nothing is
dropped silently. Learner names are never read; ids stay in memory.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from struct import error as struct_error
from zlib import error as zlib_error

from . import blame, fallback, formula, legacy, safety, sheetxml
from ..common.codes import EVENT_TYPES, FIGURES, category_code, event_code, figure_code, norm_key, unit_code
from ..common.issues import ERROR, WARNING, Count, column_letter, issue, phrase
from ..common.rules import DROPS_ROW
from ..common.values import Bad, display, is_blank, parse_count, parse_date, parse_month, parse_number
from .headers import HEADER_SEARCH_ROWS, TOTAL_WORDS, Header, find_header, locate_header  # noqa: F401

# Cell values repeat (a few category and event labels, the month's dates, headers): each
# distinct value is normalised and looked up once per process. Pure functions of hashable
# cell values (typed: 1, 1.0 and True stay apart); a value that raises Bad is not cached.
_cached = lru_cache(maxsize=1 << 16, typed=True)
norm_key, category_code, event_code, figure_code = (_cached(f) for f in (norm_key, category_code, event_code, figure_code))
parse_date, parse_count = _cached(parse_date), _cached(parse_count)

SHEETS = {
    "info": ("ThongTin", {"thongtin", "thongtinchung", "info", "information", "general"}),
    "census": ("SiSo", {"siso", "census", "sisohocvien"}),
    "events": ("BienDong", {"biendong", "events", "event", "biendonghocvien"}),
    "figures": ("SoLieu", {"solieu", "solieukhac", "figures", "figure", "otherfigures"}),
}
REQUIRED_SHEETS = ("info", "census", "events")
TARGET_SHEETS = {"chitieu", "targets"}  # a targets workbook: skipped, not a monthly workbook

HEADERS = {
    "census": {
        "category": ("dien", "category", "diencainghien", "doituong"),
        "opening": ("dauky", "opening", "sisodauky", "dauthang", "lukedauky", "sodauky", "sohocviendauky"),
        "closing": ("cuoiky", "closing", "sisocuoiky", "cuoithang", "dangquanly", "socuoiky", "sohocviencuoiky"),
        "present": ("comat", "present", "socomat"),
        "absent": ("vangmat", "absent", "sovangmat"),
    },
    "events": {
        "stt": ("stt", "tt", "no"),
        "person": ("mahocvien", "mahv", "ma", "id", "learnerid", "personid", "mabenhnhan", "madoituong"),
        "name": ("hovaten", "hoten", "name", "fullname"),
        "category": ("dien", "category"),
        "event": ("biendong", "loaibiendong", "event", "eventtype", "loai", "hinhthuc", "hinhthucbiendong",
                  "noidungbiendong"),
        "date": ("ngay", "date", "ngaybiendong", "ngayxayra"),
        "new_category": ("dienmoi", "newcategory"),
        "count": ("soluong", "count", "quantity"),
        "note": ("ghichu", "note", "notes"),
    },
    "figures": {
        "code": ("ma", "code", "machitieu", "maso"),
        "label": ("noidung", "content", "label", "chitieu", "description"),
        "measure": ("donvi", "donvitinh", "unit", "measure"),
        "value": ("giatri", "value", "solieu", "soluong"),
    },
}
HEADER_TITLES = {  # how a column is named in messages
    "category": "Diện", "opening": "Đầu kỳ", "closing": "Cuối kỳ", "present": "Có mặt", "absent": "Vắng mặt",
    "stt": "STT", "person": "Mã học viên", "name": "Họ và tên", "event": "Biến động", "date": "Ngày",
    "new_category": "Diện mới", "count": "Số lượng", "note": "Ghi chú",
    "code": "Mã", "label": "Nội dung", "measure": "Đơn vị", "value": "Giá trị",
}
REQUIRED_COLUMNS = {"census": ("category", "opening", "closing"), "events": ("category", "event", "date"),
                    "figures": ("value",)}
INFO_FIELDS = {
    "unit": (("macoso", "madonvi", "unitcode", "facilitycode", "facilityid"), "Mã cơ sở"),
    "unit_name": (("tencoso", "tendonvi", "facilityname", "facility", "coso"), "Tên cơ sở"),
    "province": (("tinhthanhpho", "tinh", "thanhpho", "tinhthanh", "province"), "Tỉnh/Thành phố"),
    "period": (("kybaocao", "thangbaocao", "period", "month", "reportingperiod"), "Kỳ báo cáo"),
}
OPTIONAL_INFO_FIELDS = {  # read when present, never required
    "sent": (("ngaygui", "ngaynop", "ngayguiso", "ngaygui bao cao", "sentdate", "datesent", "submitted"), "Ngày gửi"),
}
CENSUS_FIELDS = ("opening", "closing", "present", "absent")
MAX_COUNT = 10**9  # a count of people or events at or above this is not a count (C001/C005)
MAX_FIGURE = 2**53  # a SoLieu value beyond exact integers (9 million billion đồng) is a typing error
ANNOTATED_SUFFIX = ".kiem-tra.xlsx"  # copies written by `validate --annotate`: never input when scanning a folder


@dataclass
class WorkbookResult:
    """What one workbook gave: plain lists, cheap to pickle between processes."""
    file: str
    status: str = "ok"  # ok | error | skipped | province | outside (a month outside the window: glanced at)
    unit: str | None = None
    unit_name: str | None = None
    province: str | None = None
    sent: object = None  # datetime.date of "Ngày gửi" (optional, for timeliness)
    year: int | None = None
    month: int | None = None
    census: list = field(default_factory=list)  # (sheet, row, category, opening, closing, present, absent)
    events: list = field(default_factory=list)  # (sheet, row, person, category, event, date, new_category, count)
    figures: list = field(default_factory=list)  # (sheet, row, code, label, measure, kind, value)
    totals: list = field(default_factory=list)  # (sheet, row, {field: (value, column)})
    layout: dict = field(default_factory=dict)  # {sheet: {field: letter}}
    issues: list = field(default_factory=list)
    # a province workbook (ThongTin `Cấp` = tỉnh; status 'province'): its period and figures
    level: str = "facility"
    first: tuple | None = None  # (year, month)
    last: tuple | None = None
    pfigures: list = field(default_factory=list)  # (sheet, row, code, label, measure, kind, category, source, value)


# ---------------------------------------------------------------- files


def person_code(value) -> str | None:
    """A learner code as text: a whole number without ".0", spaces around it and NUL
    characters taken away. A NUL is invisible in Excel (an old .xls pads texts with it) and
    pandas before 3 compares texts only up to their first NUL (pd.factorize counts "12\x00"
    and "12" as one value), so a code kept with one would be a different learner here and
    the same one in the checks' groups."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value)
    if "\x00" in text:
        text = text.replace("\x00", "")
    return text.strip() or None

def find_workbooks(paths) -> list[Path]:
    """Every workbook under the given files/folders, sorted; our own temporary files
    (.~rehabstat-*) and annotated copies (*.kiem-tra.xlsx) skipped in folders (a file named
    explicitly is read); the lock files of Excel and LibreOffice (~$x.xlsx, .~lock.x.xlsx#)
    skipped everywhere, even named by a shell glob (lock_files lists them for a note)."""
    found: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            candidates = sorted(q for q in p.rglob("*") if q.is_file())
            found.extend(q for q in candidates
                         if q.suffix.lower() in safety.WORKBOOK_SUFFIXES and not safety.is_lock_file(q)
                         and not safety.is_temp_file(q)
                         and not q.name.lower().endswith(ANNOTATED_SUFFIX))
        elif p.exists() and not safety.is_lock_file(p):
            found.append(p)
    return found


def lock_files(paths) -> list[Path]:
    """The lock files of Excel (~$x.xlsx) and LibreOffice (.~lock.x.xlsx#) among the given
    files and under the given folders: they are not workbooks (find_workbooks skips them),
    and the console says so."""
    found: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found.extend(sorted(q for q in p.rglob("*") if safety.is_lock_file(q) and q.is_file()))
        elif safety.is_lock_file(p) and p.exists():
            found.append(p)
    return found


LOCK_WHAT = "tệp khóa của Excel/LibreOffice (tệp tạm có khi một sổ đang mở, không phải sổ)"
LOCK_NOTE = f"bỏ qua {LOCK_WHAT}"


def read_workbook(path, window=None) -> WorkbookResult:
    """Read one monthly workbook. Never raises for bad input. `window` ((year, month) first,
    last): a facility's workbook of a month outside it is only glanced at: its ThongTin read
    (who, which month, which province), nothing else (status "outside", no rows, no issues)."""
    path = Path(path)
    result = WorkbookResult(file=str(path))
    try:
        _read(path, result, window)
    except safety.Refused as exc:
        detail = exc.detail or (damaged_words() if exc.code == "F002" else "")
        result.issues.append(issue(exc.code, file=path, detail=detail, version=exc.detail))
    except Unreadable as exc:
        result.issues.append(issue(exc.code, file=path, **exc.values))
    except MemoryError:
        result.issues.append(issue("F004", file=path, detail=phrase("detail.memory")))
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # a Rust panic in the parser (pyo3 PanicException) is a BaseException
        if blame.is_internal(exc):  # our bug (or a library called wrongly): never told as the file's fault
            raise
        text = str(exc)  # what a parser said about the file's bytes: a data problem, not a crash
        code = "F003" if _says_password(text) else \
            "F004" if "limit exceeded" in text.lower() else "F002"  # calamine's own cell limit: a bomb
        result.issues.append(issue(code, file=path, detail=damaged_words(exc)))
    if any(i.severity == ERROR and i.code.startswith("F") for i in result.issues):
        result.status = "error"
    return result


class Uncomputed(str):
    """In a sheet's error map: a formula cell without a computed value that could not be
    evaluated (its text); reported as C008, never read as 0."""


def _assign_roles(names) -> tuple[dict, list]:
    """{role: (index, name)} by sheet name, and [(role, (index, name), (index, name))] for a
    role named twice. A copy's name ("BienDong (2)") takes the role only when no sheet has it exactly."""
    exact: dict[str, list] = {}
    copies: dict[str, list] = {}
    for index, name in enumerate(names):
        key = norm_key(name)
        for role, (_, aliases) in SHEETS.items():
            if key in aliases:
                exact.setdefault(role, []).append((index, name))
            elif key.rstrip("0123456789") in aliases and key != key.rstrip("0123456789"):
                copies.setdefault(role, []).append((index, name))
    by_role, doubles = {}, []
    for role in SHEETS:
        found = exact.get(role) or copies.get(role) or []
        if found:
            by_role[role] = found[0]
        if len(found) > 1:
            doubles.append((role, found[0], found[1]))
    return by_role, doubles


def _read(path: Path, result: WorkbookResult, window=None) -> None:
    seen: dict = {}
    kind = safety.precheck(path, seen)
    if seen.get("ours"):
        result.status = "skipped"  # a result rehabstat wrote (e.g. --out was the data folder): never input
        return
    got = _parse(path, seen, result, window)
    if got is None:
        return
    original, by_role, doubles, encoding, loaded, sheets, book = got
    ignored = book.ignored
    if seen.get("odd_sheets") and book.parser == "calamine":
        ignored = _odd_sheets(path)
    for name, what in ignored:
        result.issues.append(issue("F017", file=path, sheet=name, sheet_name=name, kind=_SHEET_KIND[what]()))
    for index, sheet in sheets.items():
        for row, letter, value in sheet.strays:
            result.issues.append(issue("F016", file=path, sheet=original[index], row=row, column=letter,
                                       value=display(value), gap=_gap_words()))
    if kind == "biff" and not any(role in by_role for role in REQUIRED_SHEETS):
        raise safety.Refused("F014", seen["old"])  # one old worksheet, none of the monthly sheets: say what the file is
    if encoding:
        result.issues.append(issue("F010", file=path, encoding=legacy.ENCODING_NAMES[encoding]))
        for index, entry in loaded.items():
            entry[0] = [[legacy.decode_cell(v, encoding) if isinstance(v, str) and not v.isascii() else v for v in row]
                        for row in entry[0]]
    for role, (_, first), (_, second) in doubles:
        result.issues.append(issue("F011", file=path, sheet=second, role_name=SHEETS[role][0], first=first,
                                   second=second))
    extras = _extras(path, kind, seen, {index: original[index] for index, _ in by_role.values()},
                     getattr(book, "parts", None)) \
        if book.parser in ("calamine", "xlrd", "ods-stream") or not seen.get("utf16") else {}
    for index, sheet in sheets.items():
        if sheet.errors:  # error cells the second parser saw itself
            ex = extras.setdefault(index, sheetxml.SheetExtras())
            ex.errors = {**sheet.errors, **ex.errors}
    from . import province
    if "info" in by_role and province.is_province_info(loaded[by_role["info"][0]][0]):
        # a province workbook: figures no facility holds (seeds 003, 002)
        rows_by_role = {}
        for role, (index, name) in by_role.items():
            ex = extras.get(index)
            rows = loaded[index][0]
            if ex and ex.formulas:
                _apply_formulas(rows, ex)
            rows_by_role[role] = (name, rows, ex.errors if ex else {})
        province.read_province(path, result, rows_by_role)
        return
    for role in REQUIRED_SHEETS:
        if role not in by_role:
            result.issues.append(issue("F005", file=path, sheet_name=SHEETS[role][0]))
    for role, (index, name) in by_role.items():
        rows, merges = loaded[index]
        ex = extras.get(index)
        errors = ex.errors if ex else {}
        if ex and ex.formulas:
            _apply_formulas(rows, ex)
        if ex and ex.merges:
            merges = merges + ex.merges
        if role == "info":
            _read_info(path, result, name, rows, errors)
        else:
            _read_table(path, result, role, name, rows, errors, merges)
        if role == "census" and not result.census and not any(i.sheet == name for i in result.issues) \
                and not _zero_total(result, name):
            result.issues.append(issue("F009", file=path, sheet=name, sheet_name=name))
    _period_of_other_month(path, result)


def _period_of_other_month(path: Path, result: WorkbookResult) -> None:
    """Every event dated in one month other than ThongTin's period: the workbook of another
    month with its period left unchanged (or mistyped). One D003 at the period's cell says
    so, in place of a D001 on each of its rows (hundreds, which hide the cause)."""
    place = result.layout.get("_info", {}).get("period")
    if result.year is None or place is None or len(result.events) < 2:
        return
    months = {(e[5].year, e[5].month) for e in result.events}
    sheets = {e[0] for e in result.events}
    if len(months) != 1 or len(sheets) != 1 or months == {(result.year, result.month)}:
        return
    [(year, month)], [sheet] = months, sheets
    rows = {e[1] for e in result.events}
    result.issues = [i for i in result.issues if not (i.code == "D001" and i.sheet == sheet and i.row in rows)]
    result.issues.append(issue("D003", file=path, sheet=place[0], row=place[1], column=place[2], field="period",
                               period=f"{result.month:02d}/{result.year}", dates_month=f"{month:02d}/{year}",
                               count=Count(len(result.events)), sheet_name=sheet))


def _zero_total(result: WorkbookResult, sheet: str) -> bool:
    """A facility with nobody in it this month may leave out every category line and write
    only its "Tổng cộng" row: Đầu kỳ and Cuối kỳ written as 0 there are the census, not a
    sheet left unfilled (a blank is never a zero, so blanks there still say F009)."""
    for t_sheet, _, cells in result.totals:
        if t_sheet != sheet:
            continue
        try:
            if all(parse_count(cells[f][0]) == 0 for f in ("opening", "closing")):
                return True
        except (Bad, KeyError, TypeError, ValueError):
            continue
    return False

_SHEET_KIND = {"macro": lambda: phrase("sheet.macro"), "dialog": lambda: phrase("sheet.dialog")}


def _odd_sheets(path: Path) -> list:
    import zipfile

    from .fallback import xlsx_sheet_kinds
    try:
        with zipfile.ZipFile(path) as zf:
            return [(n, k) for n, k in xlsx_sheet_kinds(zf) if k in _SHEET_KIND]
    except (OSError, KeyError, ValueError, zipfile.BadZipFile):
        return []


def _gap_words():
    from .fallback import COL_GAP, ROW_GAP
    return phrase("detail.gap", rows=Count(ROW_GAP), columns=Count(COL_GAP))


def _parse(path: Path, seen: dict, result: WorkbookResult, window=None):
    """The sheets the reader needs, by calamine or, when it fails on the file (or the file is
    one calamine cannot hold: an old BIFF, a sheet spanning millions of cells), by the
    format's second parser (fallback): (names, roles, doubles, encoding, {index: [rows,
    merges]}, {index: Sheet}, book); None for a workbook that is not a monthly one."""
    first = None
    if not (seen.get("sparse") or seen.get("old") or seen.get("utf16")):
        try:
            book = fallback.CalamineBook(safety.open_workbook(path, seen, result.issues))
            return _load_sheets(book, result, window)
        except (safety.Refused, MemoryError, KeyboardInterrupt, SystemExit):
            raise
        except BaseException as exc:  # noqa: BLE001 - a Rust panic is a BaseException
            if blame.is_internal(exc):  # our bug: the second parser would hide it (or blame the file)
                raise
            first = exc
            if _says_password(str(exc)):
                raise safety.Refused("F003") from None
            if "limit exceeded" in str(exc).lower():  # calamine's own cell limit: a bomb
                raise safety.Refused("F004", f"{type(exc).__name__}: {display(str(exc))}") from None
            result.issues[:] = [i for i in result.issues if i.code != "F013"]
    safety.note_renamed(path, seen, result.issues)
    try:
        book = fallback.second(path, seen)
        return _load_sheets(book, result, window)
    except (safety.Refused, MemoryError, KeyboardInterrupt, SystemExit):
        raise
    except fallback.Unreadable as exc:
        if seen.get("old") and exc.code == "F002":
            raise safety.Refused("F014", seen["old"]) from None
        raise _unreadable(exc.code, first, exc, **exc.values) from None
    except BaseException as exc:  # noqa: BLE001 - the second parser failed too: the file is damaged
        if blame.is_internal(exc):
            raise
        if seen.get("old"):
            raise safety.Refused("F014", seen["old"]) from None
        raise _unreadable("F002", first, exc) from None


class Unreadable(blame.FileVerdict):
    """A file neither parser could read: `code` and `values` for its issue."""

    def __init__(self, code, values):
        super().__init__(code)
        self.code, self.values = code, values


def _unreadable(code, first, second, **values) -> Unreadable:
    if code == "F002":
        values["detail"] = damaged_words(first, second)
    return Unreadable(code, values)


def damaged_words(*errors):
    """F002's detail (words of the catalogue); the parsers' own words only with --debug."""
    import os
    if os.environ.get("REHABSTAT_DEBUG"):
        return phrase("detail.damaged_debug", errors="; ".join(
            display(e.internal) if isinstance(e, fallback.Unreadable) else f"{type(e).__name__}: {display(str(e))}"
            for e in errors if e is not None))
    return phrase("detail.damaged")


def _says_password(text: str) -> bool:
    return any(w in text.lower() for w in ("password", "encrypt", "filepass"))


def _load_sheets(book, result: WorkbookResult, window=None):
    loaded: dict[int, list] = {}
    sheets: dict = {}

    def load(index):
        if index not in loaded:
            sheet = book.sheet(index)
            sheets[index] = sheet
            loaded[index] = [sheet.rows, sheet.merges]
        return loaded[index]

    try:
        original = list(book.sheet_names)
        names = original
        by_role, doubles = _assign_roles(names)
        if not by_role and any(norm_key(n) in TARGET_SHEETS for n in names):
            result.status = "skipped"  # a targets workbook (ChiTieu) beside the data: not a monthly workbook
            return None
        glanced = window is not None and "info" in by_role and _left_as_is(names, load(by_role["info"][0])[0])
        if glanced and _outside(result, by_role["info"], load, None, window):
            return None  # a month outside the window, told by ThongTin alone: no other sheet parsed
        encoding = _legacy_encoding(names, by_role, load)
        if encoding:  # roles by the decoded names; issues keep the names the file has
            by_role, doubles = _assign_roles([_sheet_name(n, encoding) for n in original])
            by_role = {role: (index, original[index]) for role, (index, _) in by_role.items()}
            doubles = [(role, (i, original[i]), (j, original[j])) for role, (i, _), (j, _) in doubles]
        if window is not None and "info" in by_role and not glanced and _outside(result, by_role["info"], load, encoding,
                                                                                  window):
            return None  # a month outside the window: who and when only
        for index, _ in by_role.values():
            load(index)
    finally:
        book.close()
    return original, by_role, doubles, encoding, loaded, sheets, book


def _left_as_is(names, info_rows) -> bool:
    """Whether every sheet name and every text of ThongTin stay as they are under each legacy
    decoder: then whatever encoding the workbook turns out to use, its roles and its ThongTin
    are these, and a glance at ThongTin needs none of the sheets _legacy_encoding would parse."""
    def same(text):
        return text.isascii() or all(legacy.decode_cell(text, e) == text for e in legacy.DECODERS)
    return all(same(n) for n in names) and all(same(v) for row in info_rows for v in row if v.__class__ is str)


def _sheet_name(name: str, encoding: str) -> str:
    """A sheet's name in a legacy-encoded workbook: decoded only when it is legacy text; a
    name already Unicode ("Thông tin" renamed in a recent Excel while the cells stay .VnTime)
    is kept, though decoding would change its Latin-1 letters ("ô" is TCVN3's "ụ")."""
    if _assign_roles([name])[0]:
        return name
    return legacy.decode_cell(name, encoding)


def _legacy_encoding(names, by_role, load) -> str | None:
    """TCVN3 or VNI when decoding the workbook's sheet names and header cells makes strictly
    more of them match (and the workbook as it is lacks a sheet, a column or a ThongTin
    field); None otherwise, and always when no text could be in either encoding."""
    def score(decode, encoding=None):
        roles, _ = _assign_roles([_sheet_name(n, encoding) if encoding else n for n in names])
        total, complete = len(roles), all(r in roles for r in REQUIRED_SHEETS)
        for role, (index, _) in roles.items():
            rows, merges = load(index)
            head = [[decode(v) if isinstance(v, str) else v for v in row] for row in rows[:HEADER_SEARCH_ROWS + 12]]
            if role == "info":
                keys = {norm_key(row[0]) for row in head if row and isinstance(row[0], str)} | {
                    norm_key(v) for row in head for v in row[:3] if isinstance(v, str)}
                got = sum(1 for aliases, _ in INFO_FIELDS.values() if keys & set(aliases))
                complete &= got == len(INFO_FIELDS)
            else:
                got_cols = locate_header(head, HEADERS[role], merges).cols
                got = len(got_cols)
                complete &= all(f in got_cols for f in REQUIRED_COLUMNS[role])
            total += got
        return total, complete

    texts = list(names)
    for index, _ in by_role.values():
        for row in load(index)[0][:HEADER_SEARCH_ROWS + 2]:
            texts += [v for v in row if v.__class__ is str]
    if not legacy.may_be_legacy("".join(texts)):
        return None
    plain, complete = score(lambda t: t)
    if complete:
        return None
    best, choice = plain, None
    for encoding in legacy.DECODERS:
        got, _ = score(lambda t, e=encoding: legacy.decode_cell(t, e) if not t.isascii() else t, encoding)
        if got > best:
            best, choice = got, encoding
    return choice


def _extras(path: Path, kind: str, seen: dict, wanted: dict[int, str], parts: dict | None = None) -> dict:
    """{sheet index: SheetExtras} for the sheets read: error cells, formulas without a
    computed value, merged ranges of an .ods (see sheetxml)."""
    import zipfile
    out: dict = {}
    try:
        if kind == "ole":
            by_name = sheetxml.xls_errors(path, list(wanted.values()))
            for index, name in wanted.items():
                if name in by_name:
                    out[index] = sheetxml.SheetExtras(errors=by_name[name])
            return out
        scanned = seen.get("scanned", False)
        error_parts, formula_parts = seen.get("error_parts", set()), seen.get("formula_parts", set())
        if scanned and not error_parts and not formula_parts and not seen.get("ods"):
            return out  # nothing calamine leaves out can be in the file
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            if "content.xml" in names and "xl/workbook.xml" not in names:
                return sheetxml.ods_extras(zf, set(wanted))
            for index in wanted:
                part = safety._sheet_part(zf, index) if parts is None else parts.get(index)
                if part is None:
                    continue
                errors, formulas = (not scanned or part in error_parts), (not scanned or part in formula_parts)
                if errors or formulas:
                    out[index] = sheetxml.xlsx_extras(zf, part, errors, formulas)
    except (OSError, KeyError, ValueError, IndexError, EOFError, NotImplementedError, struct_error, zlib_error,
            zipfile.BadZipFile):
        pass  # a container odd in a way calamine accepted: its cells as calamine read them
    return out


def _apply_formulas(rows, ex) -> None:
    """Formula cells without a computed value (or in a workbook that asks for a full
    recalculation) get the value the formula gives where it is plain arithmetic or SUM over
    the sheet's own cells; an Excel error goes to the error map; anything else becomes
    Uncomputed in the error map (C008), never 0."""
    need = {k: f for k, f in ex.formulas.items() if not f.cached or ex.recalc}
    if not need:
        return
    masters = {f.si: (k, f.text) for k, f in ex.formulas.items() if f.si is not None and f.text}

    def formula_text(r, c):
        f = ex.formulas.get((r, c))
        if f is None or (f.cached and not ex.recalc):
            return None
        if f.text is not None:
            return f.text
        master = masters.get(f.si)
        if master is None:
            return "?"
        (mr, mc), text = master
        try:
            return formula.shift(text, r - mr, c - mc)
        except formula.CannotEvaluate:
            return "?"

    def value(r, c):
        return rows[r][c] if r < len(rows) and c < len(rows[r]) else None

    sheet = formula.Sheet(value, formula_text, lambda r, c: ex.errors.get((r + 1, column_letter(c))))
    results = {}
    for (r, c), f in sorted(need.items()):
        where = (r + 1, column_letter(c))
        try:
            results[(r, c)] = formula.as_number(sheet.evaluate(r, c))
        except formula.ExcelError as exc:
            ex.errors[where] = exc.code
        except (formula.CannotEvaluate, ArithmeticError, ValueError, RecursionError):
            if f.cached and f.cached not in ("0", "") and ex.recalc:
                continue  # a saved value other than a script's placeholder 0: trusted
            ex.errors[where] = Uncomputed(f.text or formula_text(r, c) or "")
    for (r, c), v in results.items():
        if r >= len(rows):
            continue
        row = rows[r]
        if c >= len(row):
            row.extend([""] * (c + 1 - len(row)))
        row[c] = v


# ---------------------------------------------------------------- ThongTin

def _outside(result: WorkbookResult, info, load, encoding, window) -> bool:
    """Whether a facility's workbook is of a month outside `window`, from its ThongTin alone;
    if so `result` says who and when (status "outside"). A province workbook, or a ThongTin
    that does not say its month plainly, is read in full."""
    from . import province
    index, name = info
    rows = load(index)[0]
    if encoding:
        rows = [[legacy.decode_cell(v, encoding) if isinstance(v, str) and not v.isascii() else v for v in row]
                for row in rows]
    if province.is_province_info(rows):
        return False
    glance = WorkbookResult(file=result.file)
    _read_info(Path(result.file), glance, name, rows, {})
    if glance.year is None or glance.month is None or glance.unit is None:
        return False
    if window[0] <= (glance.year, glance.month) <= window[1]:
        return False
    for fld in ("unit", "unit_name", "province", "year", "month", "sent"):
        setattr(result, fld, getattr(glance, fld, None))
    result.status = "outside"
    result.issues.clear()  # what opening it said (a renamed file ...) concerns a month nobody asked for
    return True


def _read_info(path, result: WorkbookResult, sheet, rows, errors) -> None:
    found: dict[str, tuple[object, int, str]] = {}
    lookup = {alias: fld for fld, (aliases, _) in (INFO_FIELDS | OPTIONAL_INFO_FIELDS).items() for alias in aliases}
    for r, row in enumerate(rows):
        cells = [(c, v) for c, v in enumerate(row) if not is_blank(v)]
        if not cells:
            continue
        fld = lookup.get(norm_key(cells[0][1]))
        if fld and fld not in found:
            value_cell = cells[1] if len(cells) > 1 else (cells[0][0] + 1, None)
            found[fld] = (value_cell[1], r + 1, column_letter(value_cell[0]))
    for fld, (aliases, title) in INFO_FIELDS.items():
        if fld not in found or is_blank(found[fld][0]):
            row, col = (found[fld][1], found[fld][2]) if fld in found else (None, None)
            result.issues.append(issue("F007", file=path, sheet=sheet, row=row, column=col, field=fld, field_name=title))
            continue
        value, row, col = found[fld]
        result.layout.setdefault("_info", {})[fld] = (sheet, row, col)
        if (row, col) in errors:
            code, values = _cell_problem(errors[(row, col)])
            result.issues.append(issue(code, file=path, sheet=sheet, row=row, column=col, field=fld, **values))
            continue
        if fld == "period":
            try:
                result.year, result.month = parse_month(value)
            except Bad:
                result.issues.append(issue("F008", file=path, sheet=sheet, row=row, column=col, field=fld,
                                           field_name=title, value=display(value),
                                           hint=phrase("hint.month")))
        elif fld == "unit":
            result.unit = unit_code(value) or None
            if result.unit is None:
                result.issues.append(issue("F007", file=path, sheet=sheet, row=row, column=col, field=fld,
                                           field_name=title))
        else:
            setattr(result, fld, " ".join(str(value).split()))
    sent = found.get("sent")
    if sent is not None and not is_blank(sent[0]) and (sent[1], sent[2]) not in errors:
        from ..common.values import parse_date
        try:
            result.sent = parse_date(sent[0])
        except Bad:
            result.issues.append(issue("R001", file=path, sheet=sheet, row=sent[1], column=sent[2], field="sent",
                                       value=display(sent[0])))
    if result.province and result.year and "province" in found:
        _check_province(path, result, sheet, found["province"][1], found["province"][2])


def _check_province(path, result: WorkbookResult, sheet, row, col) -> None:
    """G001: a province name that is neither one of the 63 (before 01/07/2025) nor one of
    the 34 (from then); G002: a workbook of a month from 07/2025 that still names a
    province merged into another (it is read, and counted in the new province)."""
    from ..common.periods import month_end
    from ..settings.geography import geography
    geo = geography()
    r = geo.resolve(result.province, month_end(result.year, result.month))
    if r.province is None:
        near = geo.closest(result.province)
        result.issues.append(issue("G001", file=path, sheet=sheet, row=row, column=col, field="province",
                                   value=result.province, near=", ".join(near) or "-"))
    elif r.old is not None:
        result.issues.append(issue("G002", file=path, sheet=sheet, row=row, column=col, field="province",
                                   value=result.province, new=phrase("geo.full", kind=r.province.kind,
                                                                     name=r.province.name),
                                   date=f"{geo.effective:%d/%m/%Y}"))


# ---------------------------------------------------------------- tables

UNREAD_COLUMNS = ("stt", "name", "note")  # read by no figure: an error cell there is a warning


def _cell_problem(value) -> tuple[str, dict]:
    """The issue for a cell of the error map: C008 for a formula never computed, else C003."""
    if isinstance(value, Uncomputed):
        return "C008", {"value": display(value)}
    return "C003", {"value": value}


def _read_table(path, result: WorkbookResult, role, sheet, rows, errors, merges=()) -> None:
    header = locate_header(rows, HEADERS[role], merges)
    cols = header.cols
    header_row = header.last
    result.layout[sheet] = {fld: column_letter(c) for fld, c in cols.items()}
    result.layout.setdefault("_roles", {})[role] = sheet
    missing = [f for f in REQUIRED_COLUMNS[role] if f not in cols]
    if role == "figures" and "code" not in cols and "label" not in cols:
        missing.append("code")
    for fld in missing:
        result.issues.append(issue("F006", file=path, sheet=sheet, row=None if header_row is None else header_row + 1,
                                   field=fld, sheet_name=sheet, column_name=HEADER_TITLES[fld]))
    doubled = [d for d in header.duplicates if d[0] not in UNREAD_COLUMNS]
    for fld, first, second in doubled:
        result.issues.append(issue("F012", file=path, sheet=sheet, row=header_row + 1, column=column_letter(second),
                                   field=fld, sheet_name=sheet, column_name=HEADER_TITLES[fld],
                                   first=column_letter(first), second=column_letter(second)))
    if missing or doubled:
        return
    parse_row = {"census": _census_row, "events": _event_row, "figures": _figure_row}[role]
    first_col = min(cols.values())
    items = list(cols.items())
    letters = {fld: column_letter(c) for fld, c in items}
    data_cols = [c for fld, c in items if fld not in ("stt", "note")]
    fast = _event_fast(result, cols, first_col) if role == "events" and not errors and result.year is not None \
        else None
    events = result.events
    for r in range(header.data_start, len(rows)):
        row = rows[r]
        if fast is not None:
            record = fast(row)
            if record is not None:  # a plain, valid event row: exactly what the lines below would append
                events.append((sheet, r + 1) + record)
                continue
        n = len(row)
        excel_row = r + 1
        row_errors = {fld: errors[(excel_row, letters[fld])] for fld, _ in items
                      if (excel_row, letters[fld]) in errors} if errors else {}
        first = row[data_cols[0]] if data_cols[0] < n else None  # most rows: a value in the first data column
        if not row_errors and is_blank(first) and all(c >= n or is_blank(row[c]) for c in data_cols[1:]):
            continue
        lead = row[first_col] if first_col < n else None
        if is_blank(lead):  # "Tổng cộng" under any heading, or merged over STT and Diện
            lead = next((v for v in row if not is_blank(v)), None)
        if isinstance(lead, str) and norm_key(lead) in TOTAL_WORDS:
            for fld, value in row_errors.items():
                code, values = _cell_problem(value)
                result.issues.append(issue(code, file=path, sheet=sheet, row=excel_row, column=letters[fld],
                                           field=fld, **values))
            result.totals.append((sheet, excel_row, {fld: (row[c] if c < n else None, letters[fld]) for fld, c in items
                                                     if fld not in row_errors}))
            continue
        cells = {fld: (row[c] if c < n else None) for fld, c in items}
        ctx = _Row(path, result, sheet, excel_row, cols, row_errors)
        for fld in UNREAD_COLUMNS:
            if fld in row_errors:
                code, values = _cell_problem(row_errors[fld])
                ctx.result.issues.append(issue(code, file=path, sheet=sheet, row=excel_row, column=letters[fld],
                                               field=fld, severity=WARNING, **values))
        parse_row(ctx, cells)


def _event_fast(result: WorkbookResult, cols, first_col):
    """The common case of a BienDong row without a single issue, read without building the
    row's context: returns (person, category, event, date, new_category, count), or None
    when anything is unusual, a blank row or a total row included (the row then goes
    through _read_table's general lines and _event_row, which say what). Called for every
    event row before anything else: each date is judged once per workbook, not per row."""
    year, month, today = result.year, result.month, dt.date.today()
    allowed = {(c, e) for e, t in EVENT_TYPES.items() for c in t.allowed}
    ic, ie, idate = cols["category"], cols["event"], cols["date"]
    ip, inew, icount = cols.get("person", -1), cols.get("new_category", -1), cols.get("count", -1)
    widest = max(ic, ie, idate)
    in_month: dict = {}  # a date read -> itself when in the workbook's month and not after today, else None

    def fast(row):
        n = len(row)
        if n <= widest:
            return None
        lead = row[first_col]  # what _read_table tells a total row by ("Tổng cộng" under any heading)
        if lead is None or lead.__class__ is str:
            if is_blank(lead):
                lead = next((v for v in row if not is_blank(v)), None)
            if isinstance(lead, str) and norm_key(lead) in TOTAL_WORDS:
                return None
        category = category_code(row[ic])  # None for a blank or unknown value
        event = event_code(row[ie])
        if category is None or event is None or (category, event) not in allowed:
            return None
        try:
            date = parse_date(row[idate])  # Bad for a blank or unreadable value
        except Bad:
            return None
        kept = in_month.get(date, False)
        if kept is False:
            kept = in_month[date] = None if date.year != year or date.month != month or date > today else date
        if kept is None:
            return None
        person = row[ip] if 0 <= ip < n else None
        if person.__class__ is str and "\x00" not in person:  # most codes: person_code's text case, inline
            person = person.strip() or None
        elif person is not None:
            person = None if is_blank(person) else person_code(person)
        raw = row[icount] if 0 <= icount < n else None
        count = 1
        if raw is not None and raw != "" and not is_blank(raw):
            try:
                count = parse_count(raw)
            except Bad:
                return None
            if not 1 <= count < MAX_COUNT or (person is not None and count != 1):
                return None
        new_category = None
        if event == "CHUYEN_DIEN":
            new_category = category_code(row[inew]) if 0 <= inew < n else None
            if new_category is None or new_category == category:
                return None
        return person, category, event, date, new_category, count

    return fast


class _Row:
    """One data row being read: knows where its cells are, to put issues on them."""

    def __init__(self, path, result, sheet, row, cols, errors):
        self.path, self.result, self.sheet, self.row, self.cols, self.errors = path, result, sheet, row, cols, errors
        self.failed = False

    def add(self, code, fld=None, **values):
        column = column_letter(self.cols[fld]) if fld in self.cols else None
        self.result.issues.append(issue(code, file=self.path, sheet=self.sheet, row=self.row, column=column,
                                        field=fld, **values))
        if code in DROPS_ROW:
            self.failed = True

    def error_value(self, fld):
        if fld in self.errors:
            code, values = _cell_problem(self.errors[fld])
            self.add(code, fld, **values)
            return True
        return False

    def count(self, fld, value, blank=0):
        """A whole, non-negative count; blank is `blank`."""
        if self.error_value(fld):
            return None
        if is_blank(value):
            return blank
        try:
            n = parse_count(value)
            if n >= MAX_COUNT:  # no facility holds a billion people: a typing error, and beyond int64
                raise Bad(value)
        except Bad:
            # a number with a fraction is a number: told so, not "not a number"
            self.add("C010" if _fraction(value) else "C001", fld, field_name=HEADER_TITLES[fld], value=display(value))
            return None
        if n < 0:
            self.add("C002", fld, field_name=HEADER_TITLES[fld], value=n)
            return None
        return n

    def category(self, fld, value, required=True):
        if self.error_value(fld):
            return None
        if is_blank(value):
            if required:
                self.add("C004", fld, field_name=HEADER_TITLES[fld])
            return None
        code = category_code(value)
        if code is None:
            self.add("K001", fld, value=display(value))
        return code


def _census_row(ctx: _Row, cells) -> None:
    """A blank is never a zero: a category line with no number at all is a template line not
    filled (skipped; F009 when the whole sheet is so); a blank Đầu kỳ or Cuối kỳ beside other
    numbers is C004; blank Có mặt / Vắng mặt stay blank (not reported), never 0."""
    if all(is_blank(cells.get(f)) for f in CENSUS_FIELDS if f in ctx.cols) and not any(
            f in ctx.errors for f in CENSUS_FIELDS):
        return
    category = ctx.category("category", cells.get("category"))
    numbers = {fld: ctx.count(fld, cells.get(fld), blank=None) if fld in ctx.cols else None for fld in CENSUS_FIELDS}
    for fld in ("opening", "closing"):
        if numbers[fld] is None and is_blank(cells.get(fld)) and fld not in ctx.errors:
            ctx.add("C004", fld, field_name=HEADER_TITLES[fld])
            ctx.failed = True
    if category is None or ctx.failed:
        return
    ctx.result.census.append((ctx.sheet, ctx.row, category, *(numbers[f] for f in CENSUS_FIELDS)))


def _fraction(value) -> bool:
    try:
        return isinstance(parse_number(value), float)
    except Bad:
        return False


def _event_row(ctx: _Row, cells) -> None:
    res = ctx.result
    category = ctx.category("category", cells.get("category"))
    raw_event = cells.get("event")
    event = None
    if not ctx.error_value("event"):
        if is_blank(raw_event):
            ctx.add("C004", "event", field_name=HEADER_TITLES["event"])
        else:
            event = event_code(raw_event)
            if event is None:
                ctx.add("K002", "event", value=display(raw_event))
    date = None
    raw_date = cells.get("date")
    if not ctx.error_value("date"):
        if is_blank(raw_date):
            ctx.add("C004", "date", field_name=HEADER_TITLES["date"])
        else:
            try:
                date = parse_date(raw_date)
            except Bad:
                ctx.add("C007", "date", value=display(raw_date))
    person = None if ctx.error_value("person") else cells.get("person")
    person = None if is_blank(person) else person_code(person)
    raw_count = cells.get("count")
    count = 1
    if not ctx.error_value("count") and not is_blank(raw_count):
        try:
            count = parse_count(raw_count)
            if not 1 <= count < MAX_COUNT:
                raise Bad(raw_count)
        except Bad:
            ctx.add("C005", "count", value=display(raw_count))
        else:
            if person is not None and count != 1:
                ctx.add("C006", "count", value=count)
    new_category = None
    if event is not None and category is not None:
        if category not in EVENT_TYPES[event].allowed:
            ctx.add("K003", "event", event=event, category=category)
        if event == "CHUYEN_DIEN":
            new_category = ctx.category("new_category", cells.get("new_category"), required=False)
            if new_category is None and not ctx.failed:
                ctx.add("K004", "new_category" if "new_category" in ctx.cols else "event")
            elif new_category == category:
                ctx.add("K005", "new_category", category=category)
    if date is not None and res.year is not None:
        if (date.year, date.month) != (res.year, res.month):
            ctx.add("D001", "date", value=date.strftime("%d/%m/%Y"), period=f"{res.month:02d}/{res.year}")
        elif date > dt.date.today():
            ctx.add("D002", "date", value=date.strftime("%d/%m/%Y"))
    if ctx.failed or category is None or event is None or date is None:
        return
    res.events.append((ctx.sheet, ctx.row, person, category, event, date, new_category, count))


def _figure_row(ctx: _Row, cells) -> None:
    raw_code, label = cells.get("code"), cells.get("label")
    raw_value = cells.get("value")
    if any([ctx.error_value(fld) for fld in ("code", "label", "measure", "value")]):
        return
    if is_blank(raw_value):
        return  # a catalogue line left empty: nothing reported this month
    try:
        value = parse_number(raw_value)
        if abs(value) >= MAX_FIGURE:
            raise Bad(raw_value)
    except Bad:
        ctx.add("C001", "value", field_name=HEADER_TITLES["value"], value=display(raw_value))
        return
    if value < 0:
        ctx.add("C002", "value", field_name=HEADER_TITLES["value"], value=value)
        return
    code = figure_code(raw_code) if not is_blank(raw_code) else None
    label = None if is_blank(label) else " ".join(str(label).split())
    if code is not None:
        fig = FIGURES[code]
        ctx.result.figures.append((ctx.sheet, ctx.row, code, label or fig.label,
                                   cells.get("measure") or fig.measure, fig.kind, value))
        return
    if is_blank(raw_code) and label is None:
        ctx.add("C004", "code", field_name=HEADER_TITLES["code"])
        return
    custom = str(raw_code).strip().upper() if not is_blank(raw_code) else label
    measure = cells.get("measure")
    ctx.result.figures.append((ctx.sheet, ctx.row, custom, label or custom,
                               None if is_blank(measure) else str(measure), "flow", value))
