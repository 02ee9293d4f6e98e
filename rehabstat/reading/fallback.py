"""The second parser of each format, and the parsed workbook as the reader sees it.

calamine (Rust, fast) reads nearly every workbook; when it fails on a file, the parser
made for that format tries before the file is refused: openpyxl for .xlsx/.xlsm (macro
and dialog sheets, a sheet entry without a relationship, UTF-16 XML parts), xlrd for .xls
(every BIFF version, Mac and other code pages calamine lacks) and a streaming reader of
an .ods's content.xml (whitespace between cells, no `mimetype` member). They run where
calamine ran, in the sandbox's worker with its memory cap and time limit, and give what
calamine gives: rows from A1, numbers as float, dates as date (datetime when the cell has
a time of day), empty cells as "".

A sheet whose cells span a rectangle too big to hold densely (one value typed in
XFD1048576 or IV65536) is read from the cells present, by the second parser: a cell far
below or right of the rest of the sheet is a stray (a warning at its cell), not a
reason to build the rectangle.
"""
from __future__ import annotations

import datetime as dt
import re
import zipfile
from dataclasses import dataclass, field

from ..common.issues import Count, column_letter, phrase
from . import safety
from .blame import FileVerdict, is_internal

ROW_GAP = 1000  # empty rows between a table and a stray cell under it
COL_GAP = 50  # empty columns between a table and a stray cell right of it
MAX_DENSE = 2_000_000  # cells of a sheet's rectangle held as rows (a monthly sheet: ~10.000)
MAX_PRESENT = 1_000_000  # cells present in one workbook read by a second parser (repeated ODS cells count each)
MAX_STRAYS = 20  # strays reported one by one on a sheet


@dataclass
class Sheet:
    rows: list
    merges: list = field(default_factory=list)  # [((r0, c0), (r1, c1))] 0-based inclusive
    errors: dict = field(default_factory=dict)  # {(row 1-based, letter): "#REF!"}, what the parser saw
    strays: list = field(default_factory=list)  # [(row 1-based, letter, value)] cells far from the table
    more_strays: int = 0  # strays beyond MAX_STRAYS


class Unreadable(FileVerdict):
    """The second parser could not read the file either; `code`/`values` say why when it
    knows (F003 protected, F014 old format, F015 code page), else it is damaged (F002)."""

    def __init__(self, code: str = "F002", internal: str = "", **values):
        super().__init__(internal)
        self.code = code
        self.values = values
        self.internal = internal


def _too_many_rows(name) -> safety.Refused:
    return safety.Refused("F004", phrase("detail.rows", sheet=name, rows=Count(safety.MAX_ROWS)))


# ---------------------------------------------------------------- calamine

class CalamineBook:
    parser = "calamine"

    def __init__(self, wb):
        self.wb = wb
        self.sheet_names = list(wb.sheet_names)
        self.ignored: list = []

    def sheet(self, index) -> Sheet:
        s = self.wb.get_sheet_by_index(index)
        rows = s.to_python(skip_empty_area=False, nrows=safety.MAX_ROWS + 1)
        if len(rows) > safety.MAX_ROWS:
            raise _too_many_rows(self.sheet_names[index])
        return Sheet(rows, list(s.merged_cell_ranges or []))

    def close(self):
        self.wb.close()


# ---------------------------------------------------------------- sparse cells -> rows

def grid(cells: dict, name: str) -> Sheet:
    """Rows from A1 (each as wide as the widest) of the cells present {(r, c): value}
    (0-based; blank cells left out). When the rectangle is too big to hold, the cells far
    below or right of the rest are strays, left out of the rows."""
    if not cells:
        return Sheet([])
    strays: list = []
    height = max(r for r, _ in cells) + 1
    width = max(c for _, c in cells) + 1
    if height > safety.MAX_ROWS or height * width > MAX_DENSE:
        keep_rows = _before_gap(sorted({r for r, _ in cells}), ROW_GAP)
        keep_cols = _before_gap(sorted({c for r, c in cells if r <= keep_rows}), COL_GAP)
        for (r, c) in sorted(cells):
            if r > keep_rows or c > keep_cols:
                strays.append((r + 1, column_letter(c), cells.pop((r, c))))
        if not cells:
            return Sheet([], strays=strays[:MAX_STRAYS], more_strays=max(0, len(strays) - MAX_STRAYS))
        height = max(r for r, _ in cells) + 1
        width = max(c for _, c in cells) + 1
        if height > safety.MAX_ROWS:
            raise _too_many_rows(name)
        if height * width > MAX_DENSE:
            raise safety.Refused("F004", phrase("detail.sheet_size", sheet=name, rows=Count(height), columns=Count(width)))
    rows = [[""] * width for _ in range(height)]
    for (r, c), v in cells.items():
        rows[r][c] = v
    return Sheet(rows, strays=strays[:MAX_STRAYS], more_strays=max(0, len(strays) - MAX_STRAYS))


def _before_gap(sorted_values: list, gap: int) -> int:
    """The last value before the first jump of more than `gap`."""
    last = sorted_values[0]
    for v in sorted_values[1:]:
        if v - last > gap:
            break
        last = v
    return last


def _as_calamine(value):
    """A value as calamine gives it: numbers float, a midnight datetime a date."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return float(value)
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        return value.date()
    return value


class _Counter:
    def __init__(self):
        self.n = 0

    def add(self, k=1):
        self.n += k
        if self.n > MAX_PRESENT:
            raise safety.Refused("F004", phrase("detail.cells", cells=Count(MAX_PRESENT)))


# ---------------------------------------------------------------- xlsx / xlsm: openpyxl

_SHEET_TAG = re.compile(rb"<(?:\w+:)?sheet\b([^>]*)>")
_REL_TAG = re.compile(rb"<(?:\w+:)?Relationship\b([^>]*)>")
_ATTR = re.compile(rb'([\w:]+)\s*=\s*"([^"]*)"')
SHEET_KINDS = {"macrosheet": "macro", "xlmacrosheet": "macro", "xlintlmacrosheet": "macro", "dialogsheet": "dialog",
               "chartsheet": "chart"}


def xlsx_sheet_kinds(zf: zipfile.ZipFile) -> list[tuple[str, str]]:
    """[(sheet name, kind)] in the workbook's order: kind 'work', 'macro' (Excel 4.0),
    'dialog', 'chart', or 'none' (an entry without a relationship, such as a VBA module's)."""
    wb = safety.xml_text(zf.read("xl/workbook.xml"))
    try:
        rels = safety.xml_text(zf.read("xl/_rels/workbook.xml.rels"))
    except KeyError:
        rels = b""
    return [(name, kind) for name, kind, _ in _sheet_entries(wb, rels)]


def _sheet_entries(wb: bytes, rels: bytes) -> list[tuple[str, str, str | None]]:
    """[(name, kind, part)]: xlsx_sheet_kinds with each sheet's part in the zip."""
    import html
    types, targets = {}, {}
    for m in _REL_TAG.finditer(rels):
        a = dict(_ATTR.findall(m.group(1)))
        rid = a.get(b"Id", b"")
        types[rid] = a.get(b"Type", b"").decode("utf-8", "replace").rsplit("/", 1)[-1].lower()
        target = html.unescape(a.get(b"Target", b"").decode("utf-8", "replace"))
        targets[rid] = target.lstrip("/") if target.startswith("/") else "xl/" + target
    out = []
    for m in _SHEET_TAG.finditer(wb):
        a = {k.split(b":")[-1] if k != b"r:id" else k: v for k, v in _ATTR.findall(m.group(1))}
        name = html.unescape(a.get(b"name", b"").decode("utf-8", "replace"))
        rid = a.get(b"r:id") or next((v for k, v in a.items() if k.endswith(b":id")), b"")
        kind = types.get(rid) if rid else None
        out.append((name, "none" if kind is None else SHEET_KINDS.get(kind, "work"), targets.get(rid)))
    return out


class OpenpyxlBook:
    parser = "openpyxl"

    def __init__(self, path):
        import warnings

        import openpyxl
        self.fh = open(path, "rb")  # a file object: openpyxl would refuse the name of an .xlsx saved as .xls
        try:
            with zipfile.ZipFile(self.fh) as zf:
                wb = safety.xml_text(zf.read("xl/workbook.xml"))
                try:
                    rels = safety.xml_text(zf.read("xl/_rels/workbook.xml.rels"))
                except KeyError:
                    rels = b""
                entries = _sheet_entries(wb, rels)
                kinds = [(n, k) for n, k, _ in entries]
                parts = {n: part for n, k, part in entries if k == "work" and part}
                self.merges = _xlsx_merges(zf, parts)
            self.fh.seek(0)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # "invalid specification ... will be removed", styles
                self.wb = openpyxl.load_workbook(self.fh, read_only=True, data_only=True, keep_links=False)
        except BaseException:
            self.fh.close()
            raise
        present = set(self.wb.sheetnames)
        self.sheet_names = [n for n, k in kinds if k == "work" and n in present]
        self.parts = {i: parts.get(n) for i, n in enumerate(self.sheet_names)}  # for sheetxml's second look
        self.ignored = [(n, k) for n, k in kinds if k in ("macro", "dialog")]
        self.counter = _Counter()

    def sheet(self, index) -> Sheet:
        name = self.sheet_names[index]
        ws = self.wb[name]
        ws.reset_dimensions()  # the <dimension> element may span far more than the cells present
        cells, errors = {}, {}
        for r, row in enumerate(ws.iter_rows()):
            for cell in row:
                v = getattr(cell, "value", None)
                if v is None or v == "":
                    continue
                c = cell.column - 1
                if cell.data_type == "e":
                    errors[(r + 1, column_letter(c))] = str(v)
                    continue
                self.counter.add()
                cells[(r, c)] = _as_calamine(v)
        out = grid(cells, name)
        out.errors = errors
        out.merges = self.merges.get(name, [])
        return out

    def close(self):
        try:
            self.wb.close()
        finally:
            self.fh.close()


_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?ref="([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})"')


def _col(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n - 1


def _xlsx_merges(zf: zipfile.ZipFile, parts: dict) -> dict:
    """{sheet name: merged ranges} (read-only openpyxl does not give them)."""
    out = {}
    for name, part in parts.items():
        try:
            with zf.open(part) as fh:
                xml = safety.xml_text(fh.read(200 * 1024 * 1024))
        except KeyError:
            continue
        found = [((int(m.group(2)) - 1, _col(m.group(1))), (int(m.group(4)) - 1, _col(m.group(3))))
                 for m in _MERGE.finditer(xml)]
        if found:
            out[name] = found
    return out


# ---------------------------------------------------------------- xls (BIFF2-8): xlrd

CODEPAGE_NAMES = {8001: "Quattro Pro (8001)", 10029: "Mac Central Europe (10029)", 10000: "Mac Roman (10000)"}
BIFF_NAMES = {20: "Excel 2.x", 21: "Excel 2.x", 30: "Excel 3.0", 40: "Excel 4.0", 45: "Excel 4.0", 50: "Excel 5/95",
              70: "Excel 95", 80: "Excel 97-2003"}


class XlrdBook:
    parser = "xlrd"

    def __init__(self, path):
        import os

        import xlrd
        with open(path, "rb") as fh:
            data = fh.read(safety.MAX_FILE_BYTES + 1)
        log = open(os.devnull, "w")
        try:
            self.book = self._open(xlrd, data, log, None)
        except xlrd.XLRDError as exc:
            text = str(exc)
            if "encrypted" in text.lower():
                raise Unreadable("F003", text) from None
            raise Unreadable("F002", f"XLRDError: {text}") from None
        except LookupError as exc:  # a code page Python has no codec for
            page = _codepage(data)
            try:
                self.book = self._open(xlrd, data, log, "cp1252")
            except (LookupError, xlrd.XLRDError) as again:  # damaged beyond its code page
                raise Unreadable("F002", f"{type(again).__name__}: {again}") from None
            if self.book.biff_version < 80:  # text in that code page: it cannot be read right
                self.book.release_resources()
                raise Unreadable("F015", f"LookupError: {exc}",
                                 encoding=CODEPAGE_NAMES.get(page, f"code page {page}")) from None
            # BIFF8 keeps its text in Unicode: the code page only names it
        finally:
            log.close()
        self.sheet_names = list(self.book.sheet_names())
        self.ignored: list = []
        self.counter = _Counter()

    @staticmethod
    def _open(xlrd, data, log, override):
        for formatting in (True, False):  # formatting_info gives the merged ranges; some files only open without
            try:
                book = xlrd.open_workbook(file_contents=data, formatting_info=formatting, on_demand=True,
                                          ragged_rows=True, logfile=log, encoding_override=override)
            except NotImplementedError:
                continue
            except (xlrd.XLRDError, LookupError):
                raise
            except (KeyboardInterrupt, SystemExit, MemoryError):
                raise
            except BaseException as exc:  # noqa: BLE001 - a damaged stream: xlrd raises struct/Index/Assertion errors
                if is_internal(exc):  # xlrd called wrongly, or our bug: not the file's
                    raise
                if formatting:
                    continue
                raise Unreadable("F002", f"{type(exc).__name__}: {exc}") from None
            return book
        raise Unreadable("F002", "xlrd: no way to open")

    @property
    def biff(self) -> int:
        return self.book.biff_version

    def sheet(self, index) -> Sheet:
        import xlrd
        sh = self.book.sheet_by_index(index)
        cells, errors = {}, {}
        mode = self.book.datemode
        for r in range(sh.nrows):
            types, values = sh.row_types(r), sh.row_values(r)
            for c, (t, v) in enumerate(zip(types, values)):
                if t in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK) or v == "":
                    continue
                if t == xlrd.XL_CELL_ERROR:
                    errors[(r + 1, column_letter(c))] = xlrd.error_text_from_code.get(v, "#N/A")
                    continue
                if t == xlrd.XL_CELL_DATE:
                    try:
                        v = _as_calamine(xlrd.xldate.xldate_as_datetime(v, mode))
                    except (ValueError, OverflowError, xlrd.xldate.XLDateError):
                        pass
                elif t == xlrd.XL_CELL_BOOLEAN:
                    v = bool(v)
                elif t == xlrd.XL_CELL_NUMBER:
                    v = float(v)
                self.counter.add()
                cells[(r, c)] = v
        out = grid(cells, sh.name)
        out.errors = errors
        out.merges = [((rlo, clo), (rhi - 1, chi - 1)) for rlo, rhi, clo, chi in getattr(sh, "merged_cells", [])]
        self.book.unload_sheet(index)
        return out

    def close(self):
        self.book.release_resources()


def _codepage(data: bytes) -> int | None:
    """The CODEPAGE record's value in a BIFF stream (in an OLE container or raw)."""
    from . import sheetxml
    stream = sheetxml._ole_stream(data, ("Workbook", "Book")) if data.startswith(safety.OLE_MAGIC) else data
    if not stream:
        return None
    pos = 0
    for _ in range(2000):
        if pos + 4 > len(stream):
            break
        rtype, rlen = int.from_bytes(stream[pos:pos + 2], "little"), int.from_bytes(stream[pos + 2:pos + 4], "little")
        if rtype == 0x0042 and rlen >= 2:
            return int.from_bytes(stream[pos + 4:pos + 6], "little")
        if rtype == 0x000A:
            break
        pos += 4 + rlen
    return None


# ---------------------------------------------------------------- ods: content.xml, streamed

_T = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_O = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_X = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_DURATION = re.compile(r"-?PT?(?:(\d+)D)?T?(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?")


class OdsBook:
    parser = "ods-stream"

    def __init__(self, path):
        self.path = path
        self.sheet_names = []
        self.tables: list[dict] = []
        self.ignored: list = []
        self._parse()

    def _parse(self):
        import xml.etree.ElementTree as ET
        counter = _Counter()
        with zipfile.ZipFile(self.path) as zf, zf.open("content.xml") as fh:
            depth = 0  # tables inside tables (a cell's subtable) are not sheets
            cells = None
            row = col = 0
            pending: list = []  # (column, value) of the row being read
            for event, el in ET.iterparse(fh, events=("start", "end")):
                tag = el.tag
                if event == "start":
                    if tag == _T + "table":
                        depth += 1
                        if depth == 1:
                            self.sheet_names.append(el.get(_T + "name") or f"Sheet{len(self.sheet_names) + 1}")
                            cells = {}
                            self.tables.append(cells)
                            row = 0
                    continue
                if tag == _T + "table":
                    depth -= 1
                    el.clear()
                elif depth != 1:
                    continue
                elif tag == _T + "table-row":
                    repeat = _int(el.get(_T + "number-rows-repeated"))
                    if pending:  # a repeated row repeats its values (LibreOffice writes equal rows so)
                        counter.add(len(pending) * repeat)
                        for k in range(repeat):
                            for c, v in pending:
                                cells[(row + k, c)] = v
                        pending = []
                    row += repeat
                    col = 0
                    el.clear()
                elif tag in (_T + "table-cell", _T + "covered-table-cell"):
                    repeat = _int(el.get(_T + "number-columns-repeated"))
                    value = _ods_value(el) if tag == _T + "table-cell" else None
                    if value is not None and value != "":
                        counter.add(repeat)
                        pending.extend((col + k, value) for k in range(repeat))
                    col += repeat
                    el.clear()

    def sheet(self, index) -> Sheet:
        return grid(dict(self.tables[index]), self.sheet_names[index])

    def close(self):
        self.tables = []


def _int(text) -> int:
    try:
        return max(1, min(int(text), 1 << 20)) if text else 1
    except ValueError:
        return 1


def _ods_value(el):
    kind = el.get(_O + "value-type")
    if kind in ("float", "percentage", "currency"):
        try:
            return float(el.get(_O + "value"))
        except (TypeError, ValueError):
            return _ods_text(el)
    if kind == "date":
        text = el.get(_O + "date-value") or ""
        try:
            if len(text) <= 10:
                return dt.date.fromisoformat(text)
            return _as_calamine(dt.datetime.fromisoformat(text))
        except ValueError:
            return _ods_text(el)
    if kind == "time":
        m = _DURATION.fullmatch(el.get(_O + "time-value") or "")
        if m:
            d, h, mi, s = (float(g) if g else 0.0 for g in m.groups())
            return dt.timedelta(days=d, hours=h, minutes=mi, seconds=s)
        return _ods_text(el)
    if kind == "boolean":
        return (el.get(_O + "boolean-value") or "").lower() == "true"
    return _ods_text(el)


def _ods_text(cell) -> str:
    return "\n".join(_inline(p) for p in cell if p.tag in (_X + "p", _X + "h"))


def _inline(el) -> str:
    out = [el.text or ""]
    for child in el:
        tag = child.tag
        if tag == _X + "s":
            out.append(" " * _int(child.get(_X + "c")))
        elif tag == _X + "tab":
            out.append("\t")
        elif tag == _X + "line-break":
            out.append("\n")
        elif tag != _O + "annotation":
            out.append(_inline(child))
        out.append(child.tail or "")
    return "".join(out)


# ---------------------------------------------------------------- choosing

def second(path, seen: dict):
    """The second parser for the file's format (precheck's seen["format"])."""
    real = seen.get("format")
    if real == "xlsx":
        return OpenpyxlBook(path)
    if real == "xls":
        return XlrdBook(path)
    if real == "ods":
        return OdsBook(path)
    raise Unreadable("F002", f"no second parser for {real}")
