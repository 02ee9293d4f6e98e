"""Cheap checks made on a file's bytes before the parser sees it, and the parser opened by
the file's content.

The parser itself runs in a worker process with a memory cap and a time limit
(rehabstat.reading.sandbox): whatever a crafted sheet makes it do (abort on a huge allocation,
panic, loop) ends that worker only, and the file becomes an F-issue. What is checked here
is what costs almost nothing and keeps the worker from even starting on an obvious bomb:
the file's size and kind, the zip directory (member count, expanded sizes, expansion
ratio) and entity declarations at the head of every XML part."""
from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from pathlib import Path

from ..common.issues import phrase
from .blame import FileVerdict

MAX_FILE_BYTES = 50 * 1024 * 1024  # a monthly workbook is a few hundred KB
MAX_UNCOMPRESSED = 200 * 1024 * 1024  # all parts together, once expanded
MAX_RATIO = 200  # expansion of any one part
MAX_PARTS = 5000
MAX_ROWS = 100_000  # rows read per sheet
_CHUNK = 1024 * 1024
_HEAD = 64 * 1024  # an XML part's prolog (where a DOCTYPE can be) is in its first bytes
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
OUTPUT_MARK = b"rehabstat-output"  # in the keywords of what rehabstat writes (workbooks.xlsxout)
WORKBOOK_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods"}
FORMAT_SUFFIXES = {"xlsx": (".xlsx", ".xlsm"), "ods": (".ods",), "xls": (".xls",)}
_ENTITY = re.compile(rb"<!(DOCTYPE|ENTITY)", re.I)
_ROOT = re.compile(rb"<[A-Za-z_]")  # the first element: no DOCTYPE can follow it
BIFF_BOF = {b"\x09\x00\x04\x00": "Excel 2.x", b"\x09\x02\x06\x00": "Excel 3.0", b"\x09\x04\x06\x00": "Excel 4.0"}
MAX_DENSE = 2_000_000  # a sheet's rectangle (rows x columns) that calamine may hold densely
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref="([A-Z]{1,3})?(\d{1,7})?(?::([A-Z]{1,3})(\d{1,7}))?"')
_ERROR_CELL = re.compile(rb'<c r="([A-Z]+)(\d+)"[^>]*?t="e"[^>]*>(?:<f[^>]*?(?:/>|>.*?</f>))?<v>([^<]*)</v>', re.S)


class Refused(FileVerdict):
    """The file must not be parsed: code is an F-rule, detail says why."""

    def __init__(self, code: str, detail: str = ""):
        super().__init__(detail)
        self.code = code
        self.detail = detail


def is_lock_file(path: Path) -> bool:
    name = path.name
    return name.startswith("~$") or name.startswith(".~lock.") or name.endswith("#")


def is_temp_file(path: Path) -> bool:
    """A file we are writing (xlsxout.atomic_path, render): never input, even when a killed
    run left one behind."""
    name = path.name
    return name.startswith(".~rehabstat-") or (name.startswith(".") and name.endswith(".tmp"))


def precheck(path: Path, seen: dict | None = None) -> str:
    """Raise Refused for a file that must not be opened; return its container kind:
    'zip' (xlsx/xlsm/ods) or 'ole' (xls). With a dict `seen`: seen["format"] is what the
    content is ('xlsx', 'ods', 'xls'), whatever the name says (seen["ods"] for an .ods);
    seen["error_parts"] and seen["formula_parts"] the worksheet parts holding 't="e"' (Excel
    error cells) or formulas, and seen["scanned"], so that the reader reads a sheet's XML a
    second time only where it can hold what calamine does not give."""
    seen = {} if seen is None else seen
    size = path.stat().st_size
    if size == 0:
        raise Refused("F001", phrase("detail.empty"))
    if size > MAX_FILE_BYTES:
        raise Refused("F004", phrase("detail.too_big", size=size // (1024 * 1024), limit=MAX_FILE_BYTES // (1024 * 1024)))
    with path.open("rb") as fh:
        head = fh.read(8)
    if head.startswith(OLE_MAGIC):
        if _ole_is_encrypted(path):
            raise Refused("F003")
        seen["format"] = "xls"
        _scan_biff(path, seen)
        return "ole"
    if head[:4] in BIFF_BOF:  # Excel 2.x-4.0: a bare BIFF stream, no OLE container
        seen["format"] = "xls"
        seen["old"] = BIFF_BOF[head[:4]]
        return "biff"
    if not head.startswith(ZIP_MAGIC):
        if our_table_text(path):  # our indicators table saved under a workbook's name: ours, never the user's fault
            seen["ours"] = True
            return "text"
        raise Refused("F001", phrase("detail.not_spreadsheet"))
    with path.open("rb") as fh:
        data = fh.read()  # at most MAX_FILE_BYTES: its parts are read from memory (_open_part)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_PARTS:
                raise Refused("F004", phrase("detail.parts", count=len(infos)))
            total = 0
            for info in infos:
                total += info.file_size
                if info.file_size > 1_000_000 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                    raise Refused("F004", phrase("detail.part_expands", name=info.filename,
                                                  ratio=info.file_size // max(info.compress_size, 1)))
            if total > MAX_UNCOMPRESSED:
                raise Refused("F004", phrase("detail.unpacks_to", size=total // (1024 * 1024)))
            names = {i.filename for i in infos}
            if "content.xml" in names and not any(n.endswith("workbook.xml") for n in names):
                seen["format"] = "ods"
            elif "xl/workbook.xml" in names or any(n.endswith("workbook.xml") for n in names):
                seen["format"] = "xlsx"
            else:
                raise Refused("F001", phrase("detail.archive_no_sheet"))
            if seen["format"] == "ods":
                seen["ods"] = True
            for info in infos:
                _scan_part(zf, data, info, seen)
            seen["scanned"] = True  # error_parts / formula_parts are complete
    except zipfile.BadZipFile:  # Python's own words ("File is not a zip file") are English: not for the user
        raise Refused("F002", phrase("detail.archive_broken")) from None
    except (OSError, EOFError, zipfile.LargeZipFile, NotImplementedError, zlib.error):
        raise Refused("F002", phrase("detail.cannot_unpack")) from None
    return "zip"


class _Inflated:
    """One part of an archive held in memory, inflated as it is read: what zf.open gives
    (read(n), then b"" at the end), without its file seeks and lock on every read (~40 µs a
    part, and a workbook has a dozen). Held to the directory's word as zipfile holds it: the
    part ends at its declared size or where its data end, whichever comes first; there its
    CRC must match, else it is damaged (BadZipFile, as zipfile says), and so is a part that
    would inflate beyond its declared size (read no further) or whose compressed data end
    inside their stream (EOFError)."""

    def __init__(self, raw: memoryview, info: zipfile.ZipInfo):
        self._raw, self._size, self._crc_wanted = raw, info.file_size, info.CRC
        self._z = zlib.decompressobj(-15) if info.compress_type == zipfile.ZIP_DEFLATED else None
        self._pending = raw  # deflated: the compressed bytes not yet given to the decompressor
        self._pos = self._out = self._crc = 0  # stored: where the next read starts
        self._name = info.filename
        self._done = False

    def read(self, n: int = -1) -> bytes:
        """Up to n bytes (all that is left when n < 0), fewer only at the part's end: read on
        until then within one call, as zipfile does, so that a part read once in full is
        checked at its end in that same call."""
        pieces, size = [], 0
        while n < 0 or size < n:
            piece = self._read1(_CHUNK if n < 0 else n - size)
            if not piece:
                break
            pieces.append(piece)
            size += len(piece)
        return pieces[0] if len(pieces) == 1 else b"".join(pieces)

    def _read1(self, n: int) -> bytes:
        if self._done:
            return b""
        left = self._size - self._out
        want = min(n, left + 1)  # one byte more than the part may hold tells a part that would hold more
        if self._z is None:
            chunk = bytes(self._raw[self._pos:self._pos + want])
            self._pos += len(chunk)
            ended = self._pos >= len(self._raw)
        else:
            # with its input used up the decompressor may still hold inflated bytes: asked again
            # (with what is pending, even nothing), it gives them at most `want` at a time
            chunk = self._z.decompress(self._pending, want)
            self._pending = self._z.unconsumed_tail
            ended = self._z.eof
            if not chunk and not ended:
                raise EOFError(f"{self._name!r}: its compressed data end before the end of its stream")
        if len(chunk) > left:
            raise zipfile.BadZipFile(f"{self._name!r} inflates beyond its declared size")
        self._out += len(chunk)
        self._crc = zlib.crc32(chunk, self._crc)
        if self._out == self._size or ended or not chunk:  # the part's end: where zipfile checks its CRC
            self._done = True
            if self._crc != self._crc_wanted:
                raise zipfile.BadZipFile(f"Bad CRC-32 for file {self._name!r}")
        return chunk

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def _open_part(zf: zipfile.ZipFile, data: bytes, info: zipfile.ZipInfo):
    """The part read from `data` (the whole file) when its local header is what zipfile's
    reader checks it to be (its signature, its name as the directory gives it) and it is
    plainly stored or deflated; zipfile's own reader for anything else (encrypted, another
    method, a header out of place or naming another part), which says what is wrong."""
    at = info.header_offset
    if info.flag_bits & 0x61 or info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) \
            or at + 30 > len(data) or data[at:at + 4] != ZIP_MAGIC:
        return zf.open(info)
    flags, = struct.unpack_from("<H", data, at + 6)
    name_len, extra_len = struct.unpack_from("<HH", data, at + 26)
    name = bytes(data[at + 30:at + 30 + name_len])
    try:
        same = name.decode("utf-8" if flags & 0x800 else "cp437") == info.orig_filename
    except UnicodeDecodeError:
        same = False
    start = at + 30 + name_len + extra_len
    if not same or start + info.compress_size > len(data):
        return zf.open(info)
    return _Inflated(memoryview(data)[start:start + info.compress_size], info)


def _scan_part(zf: zipfile.ZipFile, data_all: bytes, info: zipfile.ZipInfo, seen: dict) -> None:
    """Refuse entity declarations in an XML part's prolog (read from its first bytes only);
    note worksheets holding error cells or formulas (read in full, with a substring test:
    for the reader's second look at a sheet's XML), and whether the workbook is one rehabstat
    wrote (is_rehabstat_output, told by the core properties read here anyway)."""
    name = info.filename
    sheet = name.startswith("xl/worksheets/") and name.endswith(".xml")
    if not (name.endswith((".xml", ".rels")) or sheet):
        return
    with _open_part(zf, data_all, info) as part:
        data = part.read(_HEAD)
        if data[:2] in (b"\xff\xfe", b"\xfe\xff", b"<\x00", b"\x00<"):  # UTF-16: the same checks on its text
            _scan_utf16(name, data + part.read(), seen)
            return
        if name == "content.xml" and seen.get("format") == "ods":
            data += part.read()
            if _ods_far(data):
                seen["sparse"] = True
        if sheet:
            at = data.find(b"dimension ", 0, 4096)
            if at > 0:
                _note_extent(_DIMENSION.match(data, data.rfind(b"<", 0, at)), seen)
        elif name == "xl/_rels/workbook.xml.rels" and (b"acrosheet" in data or b"ialogsheet" in data):
            seen["odd_sheets"] = True  # Excel 4.0 macro or dialog sheets: named in a note when ignored
        elif name == "docProps/core.xml" and info.file_size <= _HEAD and OUTPUT_MARK in data:
            seen["ours"] = True
        root = _ROOT.search(data)
        if _ENTITY.search(data, 0, root.start() if root else len(data)):
            raise Refused("F004", phrase("detail.entity", name=name))
        edge = b""
        while data:
            if not root:  # a prolog longer than _HEAD (padding): look on until the first element
                root = _ROOT.search(edge + data)
                if _ENTITY.search(edge + data, 0, root.start() if root else len(edge + data)):
                    raise Refused("F004", phrase("detail.entity", name=name))
            if sheet:
                if b't="e"' in data or b't="e"' in edge + data[:5]:
                    seen.setdefault("error_parts", set()).add(name)
                if b"<f>" in data or b"<f " in data or b"<f" in edge + data[:3]:  # formulas: values saved?
                    seen.setdefault("formula_parts", set()).add(name)
            elif root:
                break
            edge = data[-16:]
            data = part.read(_CHUNK)


def xml_text(data: bytes) -> bytes:
    """An XML part as UTF-8 bytes, whatever encoding it was saved in (UTF-16 with its BOM)."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16").encode("utf-8")
    if data[:2] in (b"<\x00", b"\x00<"):
        return data.decode("utf-16-le" if data[0] == 60 else "utf-16-be").encode("utf-8")
    return data


def _scan_utf16(name: str, data: bytes, seen: dict) -> None:
    """An XML part saved in UTF-16 (Excel can): its prolog checked for entities like any
    other's; calamine cannot read such a part, the second parser (openpyxl) does."""
    if len(data) > MAX_UNCOMPRESSED // 2:
        raise Refused("F004", phrase("detail.part_too_big", name=name))
    try:
        text = xml_text(data[:len(data) // 2 * 2])
    except UnicodeDecodeError:
        raise Refused("F002", phrase("detail.xml_unreadable")) from None
    root = _ROOT.search(text)
    if _ENTITY.search(text, 0, root.start() if root else len(text)):
        raise Refused("F004", phrase("detail.entity", name=name))
    seen["utf16"] = True
    if name.startswith("xl/worksheets/"):
        _note_extent(_DIMENSION.search(text, 0, 4096), seen)
        if b't="e"' in text:
            seen.setdefault("error_parts", set()).add(name)
        if b"<f>" in text or b"<f " in text:
            seen.setdefault("formula_parts", set()).add(name)


def _note_extent(m, seen: dict) -> None:
    """seen["sparse"] when a sheet's <dimension> spans more cells than a dense read may
    hold (one value typed in XFD1048576): the cells present are then read, not the rectangle."""
    if not m or not m.group(4):
        return
    from .sheetxml import _col_index
    rows = int(m.group(4)) - int(m.group(2) or 1) + 1
    cols = _col_index(m.group(3).decode()) - _col_index((m.group(1) or b"A").decode()) + 1
    if rows > MAX_ROWS or rows * cols > MAX_DENSE:
        seen["sparse"] = True


def _scan_biff(path: Path, seen: dict) -> None:
    """In an .xls: FILEPASS (a password, XOR or RC4: F003 whatever the parser would say) and
    each sheet's DIMENSIONS (seen["sparse"] as for an .xlsx). Record headers are never
    encrypted, so they can be walked in a protected file too."""
    from .sheetxml import Damaged, _ole_stream
    with path.open("rb") as fh:
        data = fh.read(MAX_FILE_BYTES)
    try:
        stream = _ole_stream(data)
    except Damaged:  # calamine would follow the loop until it runs out of memory
        raise Refused("F002") from None
    except (struct.error, IndexError, ValueError):
        return
    if not stream:
        return
    offsets, pos, n = [], 0, len(stream)
    while pos + 4 <= n:
        rtype, rlen = struct.unpack_from("<HH", stream, pos)
        if rtype == 0x002F:
            raise Refused("F003")
        if rtype == 0x0085 and rlen >= 4:
            offsets.append(struct.unpack_from("<I", stream, pos + 4)[0])
        elif rtype == 0x000A:
            break
        pos += 4 + rlen
    for offset in offsets[:1000]:
        pos = offset
        for _ in range(64):  # DIMENSIONS comes among a sheet's first records
            if pos + 4 > n:
                break
            rtype, rlen = struct.unpack_from("<HH", stream, pos)
            if rtype == 0x0200 and rlen >= 8:
                if rlen >= 14:  # BIFF8: 32-bit rows
                    r0, r1, c0, c1 = struct.unpack_from("<IIHH", stream, pos + 4)
                else:
                    r0, r1, c0, c1 = struct.unpack_from("<HHHH", stream, pos + 4)
                if r1 - r0 > MAX_ROWS or (r1 - r0) * max(0, c1 - c0) > MAX_DENSE:
                    seen["sparse"] = True
                break
            if rtype == 0x000A:
                break
            pos += 4 + rlen


_ODS_REPEAT = re.compile(rb'number-(rows|columns)-repeated="(\d{3,9})"')


def _ods_far(xml: bytes) -> bool:
    """Whether an .ods holds a value beyond a long run of empty rows or columns (a stray
    cell in row 1.048.576): calamine would hold the whole rectangle. LibreOffice ends every
    row and table with such a run, followed by nothing holding a value."""
    for m in _ODS_REPEAT.finditer(xml):
        rows = m.group(1) == b"rows"
        if int(m.group(2)) < (1000 if rows else 50):
            continue
        start = xml.rfind(b"<", 0, m.start())
        if not xml.startswith(b"<table:table-row" if rows else (b"<table:table-cell", b"<table:covered-table-cell"),
                              start):
            continue  # column styles (table:table-column) repeat too
        head_end = xml.find(b">", m.end())
        if head_end < 0:
            return False
        if xml[head_end - 1:head_end] == b"/":
            after = head_end + 1
        else:
            close = xml.find(b"</table:table-row>" if rows else b"</table:table-cell>", head_end)
            after = len(xml) if close < 0 else close
        stop = xml.find(b"</table:table>" if rows else b"</table:table-row>", after)
        seg = xml[after:len(xml) if stop < 0 else stop]
        if b"value-type=" in seg or b"<text:p" in seg:
            return True
    return False


def note_renamed(path: Path, seen: dict, issues: list | None) -> None:
    """F013 when the file's name says another format than its content."""
    real = seen.get("format")
    suffix = path.suffix.lower()
    if real is not None and suffix not in FORMAT_SUFFIXES[real] and issues is not None:
        from ..common.issues import issue
        issues.append(issue("F013", file=path, suffix=suffix or phrase("detail.no_suffix"), real="." + real))


def _utf8(name: str) -> bool:
    """False for a name holding the bytes of a non-UTF-8 file name (lone surrogates): the
    parser is then given the open file, not the name."""
    try:
        name.encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False


def open_workbook(path: Path, seen: dict, issues: list | None = None):
    """The parser on the file's content (precheck's seen["format"]), whatever its name says:
    an .xls saved as .xlsx opens as the .xls it is; `issues` gets a warning saying so."""
    from python_calamine import CalamineWorkbook
    real = seen.get("format")
    suffix = path.suffix.lower()
    name = str(path)
    if (real is None or suffix in FORMAT_SUFFIXES[real]) and (name.isascii() or _utf8(name)):
        return CalamineWorkbook.from_path(name)
    note_renamed(path, seen, issues)
    with path.open("rb") as fh:
        return CalamineWorkbook.from_filelike(fh)


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


_OUR_TABLE = re.compile(rb'(?:\xef\xbb\xbf)?(?:unit,level,period,indicator,category,value\b'
                        rb'|\[\s*\{\s*"unit":\s*"[^"]*",\s*"level":\s*"[^"]*",\s*"period":)')


def our_table_text(path: Path) -> bool:
    """The file is the text of our `indicators` table (CSV or JSON, by its first bytes): what
    `indicators --out chiso.xlsx` wrote before the format followed the name. Left in a data
    folder it is ours to skip, not a damaged workbook of the user's."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(256)
    except OSError:
        return False
    return _OUR_TABLE.match(head) is not None


def is_rehabstat_output(path: Path) -> bool:
    """A workbook that rehabstat itself wrote as a result (a BC's .xlsx, the national workbook,
    an annotated copy): its docProps/core.xml keywords carry xlsxout.OUTPUT_MARK. Such a file
    found in a data folder (e.g. `report --out` pointed at the data) is never read as input;
    nor is our indicators table saved as text under a workbook's name (our_table_text)."""
    if our_table_text(path):
        return True
    try:
        with zipfile.ZipFile(path) as zf:
            info = zf.getinfo("docProps/core.xml")
            if info.file_size > 65536:
                return False
            return OUTPUT_MARK in zf.read(info)
    except (KeyError, OSError, zipfile.BadZipFile, RuntimeError, ValueError, NotImplementedError):
        return False
