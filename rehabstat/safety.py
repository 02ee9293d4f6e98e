"""Checks made on a file's bytes before any parser sees it: hostile or broken files are
refused with an issue, in bounded time and memory, and the rest of a folder goes on."""
from __future__ import annotations

import html
import re
import zipfile
import zlib
from pathlib import Path

MAX_FILE_BYTES = 50 * 1024 * 1024  # a monthly workbook is a few hundred KB
MAX_UNCOMPRESSED = 200 * 1024 * 1024  # all parts together, once expanded
MAX_RATIO = 200  # expansion of any one part
MAX_PARTS = 5000
MAX_ROWS = 100_000  # rows read per sheet
MAX_CELLS = 4_000_000  # a sheet's dense area (rows × columns) that the parser would allocate
_CHUNK = 1024 * 1024
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
WORKBOOK_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods"}
_ENTITY = re.compile(rb"<!(DOCTYPE|ENTITY)", re.I)
_XLSX_CELL = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?c\b[^>/]*?\sr="([A-Z]{1,3})(\d{1,7})"[^>/]*>')
# _XLSX_CELL without the namespace prefix: it starts with a literal, so the regex engine
# jumps from "<c" to "<c" instead of trying every tag. Where the data holds no b":c" no
# prefixed tag (<x:c ...>) can match, and the two find exactly the same cells.
_XLSX_CELL_PLAIN = re.compile(rb'<c\b[^>/]*?\sr="([A-Z]{1,3})(\d{1,7})"[^>/]*>')
# value cells with no r="..." (legal, rare: Excel and LibreOffice always write r): their row
# comes from the enclosing <row r="...">, their column from the cell before them
_XLSX_CELL_NOREF = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?c(?=[\s>])(?![^>]*\sr=")[^>/]*>')
_XLSX_ROW = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?row(?=[\s>/])([^>]*)>')
_XLSX_ROW_NUMBER = re.compile(rb'\sr="(\d{1,9})"')
_ODS_TAG = re.compile(rb"<table:(table-row|table-cell|covered-table-cell|table)(?=[\s/>])([^>]*?)(/?)>")
_ODS_ROWS = re.compile(rb'number-rows-repeated="(\d+)"')
_ODS_COLS = re.compile(rb'number-columns-repeated="(\d+)"')
_ODS_NAME = re.compile(rb'table:name="([^"]*)"')


class Refused(Exception):
    """The file must not be parsed: code is an F-rule, detail says why."""

    def __init__(self, code: str, detail: str = ""):
        super().__init__(detail)
        self.code = code
        self.detail = detail


def is_lock_file(path: Path) -> bool:
    name = path.name
    return name.startswith("~$") or name.startswith(".~lock.") or name.endswith("#")


def precheck(path: Path, seen: dict | None = None) -> str:
    """Raise Refused for a file that must not be opened; return its container kind:
    'zip' (xlsx/xlsm/ods) or 'ole' (xls). With a dict `seen`, a zip's scan also records
    seen["error_parts"] (parts holding 't="e"', Excel error cells), seen["formula_parts"]
    (parts holding formulas) and seen["scanned"], so that the reader reads a sheet's XML a
    second time (sheetxml) only where it can hold what calamine does not give."""
    size = path.stat().st_size
    if size == 0:
        raise Refused("F001", "tệp rỗng")
    if size > MAX_FILE_BYTES:
        raise Refused("F004", f"tệp {size // (1024 * 1024)} MB, vượt giới hạn {MAX_FILE_BYTES // (1024 * 1024)} MB")
    with path.open("rb") as fh:
        head = fh.read(8)
    if head.startswith(OLE_MAGIC):
        if _ole_is_encrypted(path):
            raise Refused("F003")
        return "ole"
    if not head.startswith(ZIP_MAGIC):
        raise Refused("F001", "nội dung không phải sổ tính")
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_PARTS:
                raise Refused("F004", f"{len(infos)} phần trong tệp nén")
            total = 0
            for info in infos:
                total += info.file_size
                if info.file_size > 1_000_000 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                    raise Refused("F004", f"phần '{info.filename}' giãn nở {info.file_size // max(info.compress_size, 1)} lần (zip bomb)")
            if total > MAX_UNCOMPRESSED:
                raise Refused("F004", f"giải nén ra {total // (1024 * 1024)} MB, vượt giới hạn (zip bomb)")
            names = {i.filename for i in infos}
            if not ({"xl/workbook.xml", "content.xml"} & names or any(n.endswith("workbook.xml") for n in names)):
                raise Refused("F001", "tệp nén không chứa sổ tính")
            sheet_names = _xlsx_sheet_names(zf, names)
            if seen is not None and "content.xml" in names:
                seen["ods"] = True  # merged ranges and error cells are read from content.xml (reader)
            for info in infos:  # one streaming pass: CRC of every part, entities, sheet extents
                _scan_part(zf, info, sheet_names.get(info.filename, info.filename), seen)
            if seen is not None:
                seen["scanned"] = True  # error_parts / formula_parts are complete
    except zipfile.BadZipFile as exc:
        raise Refused("F002", f"tệp nén bị hỏng hoặc bị cắt cụt: {exc}") from None
    except (OSError, EOFError, zipfile.LargeZipFile, NotImplementedError, zlib.error) as exc:
        raise Refused("F002", f"{type(exc).__name__}: {exc}") from None
    return "zip"


def _xlsx_sheet_names(zf: zipfile.ZipFile, names: set) -> dict[str, str]:
    """{'xl/worksheets/sheet2.xml': 'SiSo'} for messages; {} when the parts are odd."""
    if "xl/workbook.xml" not in names or "xl/_rels/workbook.xml.rels" not in names:
        return {}
    try:
        wb = zf.read("xl/workbook.xml")[:1_000_000].decode("utf-8", "replace")
        rels = zf.read("xl/_rels/workbook.xml.rels")[:1_000_000].decode("utf-8", "replace")
    except (KeyError, zipfile.BadZipFile, OSError, EOFError, zlib.error):
        return {}
    targets = {}
    for rel in re.findall(r"<Relationship\b[^>]*>", rels):
        rid, target = re.search(r'\bId="([^"]+)"', rel), re.search(r'\bTarget="([^"]+)"', rel)
        if rid and target:
            t = target.group(1).lstrip("/")
            targets[rid.group(1)] = t if t.startswith("xl/") else "xl/" + t
    out = {}
    for tag in re.findall(r"<sheet\b[^>]*>", wb):
        name, rid = re.search(r'\bname="([^"]*)"', tag), re.search(r'\br:id="([^"]+)"', tag)
        if name and rid and rid.group(1) in targets:
            out[targets[rid.group(1)]] = html.unescape(name.group(1))
    return out


def _scan_part(zf: zipfile.ZipFile, info: zipfile.ZipInfo, sheet: str, seen: dict | None = None) -> None:
    """Read one part in chunks (zipfile checks its CRC at the end): refuse entity
    declarations anywhere in XML, and sheets whose cells would make the parser allocate a
    huge dense grid (cells far apart, too many rows) — calamine aborts the whole process
    when such an allocation fails, so this must be found before it opens the file."""
    name = info.filename
    is_xml = name.endswith((".xml", ".rels"))
    kind = "xlsx" if name.startswith("xl/worksheets/") and name.endswith(".xml") else \
        "ods" if name == "content.xml" else None
    extent = _Extent(sheet) if kind else None
    tail = edge = b""
    with zf.open(info) as part:
        while True:
            chunk = part.read(_CHUNK)
            if not chunk:
                break
            if seen is not None:
                if b't="e"' in chunk or b't="e"' in edge + chunk[:4]:
                    seen.setdefault("error_parts", set()).add(name)
                if b"<f>" in chunk or b"<f " in chunk or b"<f" in edge + chunk[:3]:  # formulas (reader: values?)
                    seen.setdefault("formula_parts", set()).add(name)
            edge = chunk[-4:]
            if not is_xml:
                continue
            data = tail + chunk
            if _ENTITY.search(data):
                raise Refused("F004", f"phần '{name}' khai báo DOCTYPE/ENTITY (XML entity bomb)")
            if extent is None:
                tail = data[-16:]
                continue
            cut = data.rfind(b">") + 1
            extent.feed(data[:cut], kind)
            tail = data[cut:][-4096:]
    if extent is not None:
        extent.finish()


class _Extent:
    """Rows and columns a sheet's value cells span, counted from its XML as it streams."""

    def __init__(self, name: str):
        self.name = name
        self.rows = 0  # ods: rows before the current one
        self.max_row = 0
        self.max_col = 0
        self.cells = 0
        self.col = 0  # ods: next column of the current row
        self.row_repeat = 1

    def feed(self, data: bytes, kind: str) -> None:
        if kind == "xlsx":  # value cells only: a self-closed <c .../> holds nothing
            found = (_XLSX_CELL if b":c" in data else _XLSX_CELL_PLAIN).findall(data)
            if b"<c>" in data or _XLSX_CELL_NOREF.search(data):
                self._feed_unreferenced(data)
            if not found:
                return
            letters, numbers = zip(*found)
            self.cells += len(found)
            self.max_col = max(self.max_col, max(_col_number(c) for c in set(letters)))
            # compared as numbers: "0000001" (zero-padded, as long as any) is not above "999999"
            self.max_row = max(self.max_row, max(map(int, set(numbers))))
            self._check_running()
            return
        for m in _ODS_TAG.finditer(data):
            tag, attrs = m.group(1), m.group(2)
            if tag == b"table":
                self._end_ods_row()
                self.check()  # the previous table
                self.rows = self.max_row = self.max_col = self.cells = 0
                name = _ODS_NAME.search(attrs)
                self.name = html.unescape(name.group(1).decode("utf-8", "replace")) if name else self.name
            elif tag == b"table-row":
                self._end_ods_row()
                rep = _ODS_ROWS.search(attrs)
                self.row_repeat = int(rep.group(1)) if rep else 1
                self.col = 0
            else:
                rep = _ODS_COLS.search(attrs)
                n = int(rep.group(1)) if rep else 1
                if b"value-type" in attrs:  # a cell with a value (empty cells carry none)
                    self.cells += n * self.row_repeat
                    self.max_col = max(self.max_col, self.col + n)
                    self.max_row = max(self.max_row, self.rows + self.row_repeat)
                self.col += n
            self._check_running()

    def _end_ods_row(self):
        self.rows += self.row_repeat
        self.row_repeat, self.col = 0, 0

    def _feed_unreferenced(self, data: bytes) -> None:
        """Bound what cells without r= can reach: rows up to the largest <row r=...> plus the
        rows in this chunk (a row without r follows the one before), columns up to the largest
        explicit one plus the number of such cells (each is one column right of the last)."""
        loose = len(_XLSX_CELL_NOREF.findall(data))
        rows = _XLSX_ROW.findall(data)
        numbers = [int(m.group(1)) for attrs in rows for m in [_XLSX_ROW_NUMBER.search(attrs)] if m]
        self.cells += loose
        self.max_row = max(self.max_row, max(numbers, default=0) + len(rows) - len(numbers), len(rows))
        self.max_col = max(self.max_col, 1) + loose
        self._check_running()

    def _check_running(self):
        if self.cells > MAX_CELLS or self.max_row > MAX_ROWS:
            self.check()

    def finish(self):
        self._end_ods_row()
        self.check()

    def check(self):
        if self.max_row > MAX_ROWS:
            raise Refused("F004", f"trang '{self.name}' có hơn {MAX_ROWS:,} dòng".replace(",", "."))
        if self.cells > MAX_CELLS or self.max_row * self.max_col > MAX_CELLS:
            raise Refused("F004", f"trang '{self.name}' trải trên {self.max_row:,} dòng × {self.max_col:,} cột".replace(",", "."))


def _col_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def _ole_is_encrypted(path: Path) -> bool:
    """An encrypted .xlsx is an OLE container holding the 'EncryptionInfo' stream (its name is
    UTF-16 in the directory). An encrypted .xls (FILEPASS record) is reported from the
    parser's own error, see reader."""
    with path.open("rb") as fh:
        data = fh.read(4 * 1024 * 1024)
    return "EncryptionInfo".encode("utf-16-le") in data or "EncryptedPackage".encode("utf-16-le") in data


def _sheet_part(zf: zipfile.ZipFile, sheet_index: int) -> str | None:
    wb = zf.read("xl/workbook.xml").decode("utf-8", "replace")
    rels = zf.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
    ids = re.findall(r'<sheet\b[^>]*?r:id="([^"]+)"', wb)
    if sheet_index >= len(ids):
        return None
    m = re.search(r'<Relationship\b[^>]*?Id="%s"[^>]*?Target="([^"]+)"' % re.escape(ids[sheet_index]), rels) or \
        re.search(r'<Relationship\b[^>]*?Target="([^"]+)"[^>]*?Id="%s"' % re.escape(ids[sheet_index]), rels)
    if not m:
        return None
    target = m.group(1).lstrip("/")
    return target if target.startswith("xl/") else "xl/" + target


def is_rehabstat_output(path: Path) -> bool:
    """A workbook that rehabstat itself wrote as a result (a BC's .xlsx, the national workbook,
    an annotated copy): its docProps/core.xml keywords carry xlsxout.OUTPUT_MARK. Such a file
    found in a data folder (e.g. `report --out` pointed at the data) is never read as input."""
    try:
        with zipfile.ZipFile(path) as zf:
            info = zf.getinfo("docProps/core.xml")
            if info.file_size > 65536:
                return False
            return b"rehabstat-output" in zf.read(info)
    except (KeyError, OSError, zipfile.BadZipFile, RuntimeError, ValueError, NotImplementedError):
        return False
