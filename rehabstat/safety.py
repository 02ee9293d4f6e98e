"""Checks made on a file's bytes before any parser sees it: hostile or broken files are
refused with an issue, in bounded time and memory, and the rest of a folder goes on."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

MAX_FILE_BYTES = 50 * 1024 * 1024  # a monthly workbook is a few hundred KB
MAX_UNCOMPRESSED = 200 * 1024 * 1024  # all parts together, once expanded
MAX_RATIO = 200  # expansion of any one part
MAX_PARTS = 5000
MAX_ROWS = 100_000  # rows read per sheet
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
WORKBOOK_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods"}
_ENTITY = re.compile(rb"<!(DOCTYPE|ENTITY)", re.I)
_ERROR_CELL = re.compile(rb'<c r="([A-Z]+)(\d+)"[^>]*?t="e"[^>]*>(?:<f[^>]*?(?:/>|>.*?</f>))?<v>([^<]*)</v>', re.S)


class Refused(Exception):
    """The file must not be parsed: code is an F-rule, detail says why."""

    def __init__(self, code: str, detail: str = ""):
        super().__init__(detail)
        self.code = code
        self.detail = detail


def is_lock_file(path: Path) -> bool:
    name = path.name
    return name.startswith("~$") or name.startswith(".~lock.") or name.endswith("#")


def precheck(path: Path) -> str:
    """Raise Refused for a file that must not be opened; return its container kind:
    'zip' (xlsx/xlsm/ods) or 'ole' (xls)."""
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
            for info in infos:
                if info.filename.endswith(".xml") or info.filename.endswith(".rels"):
                    with zf.open(info) as part:
                        if _ENTITY.search(part.read(4096)):
                            raise Refused("F004", f"phần '{info.filename}' khai báo DOCTYPE/ENTITY (XML entity bomb)")
            bad = zf.testzip()
            if bad:
                raise Refused("F002", f"phần '{bad}' bị hỏng")
    except zipfile.BadZipFile as exc:
        raise Refused("F002", f"tệp nén bị hỏng hoặc bị cắt cụt: {exc}") from None
    except (OSError, EOFError, zipfile.LargeZipFile, NotImplementedError) as exc:
        raise Refused("F002", str(exc)) from None
    return "zip"


def _ole_is_encrypted(path: Path) -> bool:
    """An encrypted .xlsx is an OLE container holding the 'EncryptionInfo' stream (its name is
    UTF-16 in the directory). An encrypted .xls (FILEPASS record) is reported from the
    parser's own error, see reader."""
    with path.open("rb") as fh:
        data = fh.read(4 * 1024 * 1024)
    return "EncryptionInfo".encode("utf-16-le") in data or "EncryptedPackage".encode("utf-16-le") in data


def xlsx_error_cells(path: Path, sheet_index: int) -> dict[tuple[int, str], str]:
    """Cells holding an Excel error (#REF!, #DIV/0! ...) in sheet number sheet_index (0-based)
    of an .xlsx: calamine reads them as empty, so find them in the sheet XML.
    Returns {(row, column_letter): '#REF!'}."""
    try:
        with zipfile.ZipFile(path) as zf:
            target = _sheet_part(zf, sheet_index)
            if target is None:
                return {}
            with zf.open(target) as part:
                xml = part.read(MAX_UNCOMPRESSED)
    except (zipfile.BadZipFile, KeyError, OSError):
        return {}
    if b't="e"' not in xml:
        return {}
    return {(int(m.group(2)), m.group(1).decode()): m.group(3).decode() for m in _ERROR_CELL.finditer(xml)}


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
