"""What the workbook parser (calamine) does not give, read from the file itself:

- error cells (#REF!, #DIV/0! ...), which calamine reads as empty: from the sheet XML of an
  .xlsx (t="e"), from content.xml of an .ods (calcext:value-type="error"), from the BIFF
  records of an .xls (FORMULA with an error result, BOOLERR);
- formulas of an .xlsx whose value was never computed (files written by scripts: openpyxl
  saves none, XlsxWriter saves 0 and asks for a recalculation), which calamine reads as
  empty: their text, to be evaluated by `formula`;
- merged ranges of an .ods (calamine gives them for .xlsx and .xls only).

Every scan is linear in the part's size (plain find() and non-backtracking patterns over
bounded attribute text) and only runs where the file can hold what it looks for.
"""
from __future__ import annotations

import html
import re
import struct
import zipfile
from dataclasses import dataclass, field

from ..common.issues import column_letter
from .blame import FileVerdict

MAX_PART = 200 * 1024 * 1024


@dataclass
class SheetExtras:
    errors: dict = field(default_factory=dict)  # {(row 1-based, letter): "#REF!"}
    formulas: dict = field(default_factory=dict)  # {(row 0-based, col 0-based): Formula}
    merges: list = field(default_factory=list)  # [((r0, c0), (r1, c1))] 0-based, inclusive
    recalc: bool = False  # the workbook asks for a full recalculation (cached values untrusted)


@dataclass
class Formula:
    text: str | None  # None: a shared formula's follower, see `shared`
    cached: str | None  # the saved value as text; None or "" when never computed
    shared: tuple | None = None  # (si, master row, master col) for followers; si for masters
    si: str | None = None


# ---------------------------------------------------------------- xlsx

_ATTR = re.compile(rb'([\w:]+)="([^"]*)"')
_FORMULA_START = re.compile(rb"<f[\s>/]")


def _col_index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def _split_ref(ref: str) -> tuple[int, int] | None:
    m = re.fullmatch(r"([A-Z]{1,3})(\d{1,7})", ref)
    if not m:
        return None
    return int(m.group(2)) - 1, _col_index(m.group(1))


def xlsx_workbook_recalc(zf: zipfile.ZipFile) -> bool:
    try:
        data = zf.read("xl/workbook.xml")[:2_000_000]
    except KeyError:
        return False
    m = re.search(rb"<calcPr\b[^>]{0,2000}>", data)
    return bool(m and re.search(rb'fullCalcOnLoad="(1|true)"', m.group(0)))


def xlsx_sheet(xml: bytes, errors: bool = True, formulas: bool = True) -> SheetExtras:
    """Error cells and formula cells of one worksheet part."""
    out = SheetExtras()
    if errors and b't="e"' in xml:
        pos = 0
        while True:
            pos = xml.find(b't="e"', pos)
            if pos < 0:
                break
            start = xml.rfind(b"<c", 0, pos)
            end = xml.find(b"</c>", pos)
            pos += 5
            if start < 0 or end < 0:
                continue
            head_end = xml.find(b">", start)
            attrs = dict(_ATTR.findall(xml[start:head_end]))
            if attrs.get(b"t") != b"e" or b"r" not in attrs:
                continue
            body = xml[head_end + 1:end]
            v0 = body.find(b"<v>")
            value = body[v0 + 3:body.find(b"</v>", v0)].decode("utf-8", "replace") if v0 >= 0 else "#N/A"
            ref = _split_ref(attrs[b"r"].decode("ascii", "replace"))
            if ref:
                out.errors[(ref[0] + 1, column_letter(ref[1]))] = html.unescape(value) or "#N/A"
    if formulas and (b"<f>" in xml or b"<f " in xml):
        for m in _FORMULA_START.finditer(xml):
            fpos = m.start()
            start = xml.rfind(b"<c ", 0, fpos)
            end = xml.find(b"</c>", fpos)
            if start < 0 or end < 0:
                continue
            head_end = xml.find(b">", start)
            attrs = dict(_ATTR.findall(xml[start:head_end]))
            ref = _split_ref(attrs.get(b"r", b"").decode("ascii", "replace"))
            if ref is None or attrs.get(b"t") == b"e":
                continue
            f_head_end = xml.find(b">", fpos)
            f_attrs = dict(_ATTR.findall(xml[fpos:f_head_end]))
            if xml[f_head_end - 1:f_head_end] == b"/":
                text, after = None, f_head_end + 1
            else:
                close = xml.find(b"</f>", f_head_end)
                text = html.unescape(xml[f_head_end + 1:close].decode("utf-8", "replace"))
                after = close + 4
            body = xml[after:end]
            v0 = body.find(b"<v>")
            cached = html.unescape(body[v0 + 3:body.find(b"</v>", v0)].decode("utf-8", "replace")) if v0 >= 0 else None
            si = f_attrs.get(b"si", b"").decode() or None
            out.formulas[ref] = Formula(text=text, cached=cached, si=si if f_attrs.get(b"t") == b"shared" else None)
    return out


def xlsx_extras(zf: zipfile.ZipFile, part: str, errors: bool, formulas: bool) -> SheetExtras:
    with zf.open(part) as fh:
        xml = fh.read(MAX_PART)
    out = xlsx_sheet(xml, errors, formulas)
    if out.formulas:
        out.recalc = xlsx_workbook_recalc(zf)
    return out


# ---------------------------------------------------------------- ods

_ODS_TAG = re.compile(rb"<table:(table|table-row|table-cell|covered-table-cell)(?=[\s/>])([^>]*)>")
_ODS_NUM = {k: re.compile(rb'table:' + k + rb'="(\d{1,9})"') for k in
            (b"number-rows-repeated", b"number-columns-repeated", b"number-columns-spanned", b"number-rows-spanned")}


def _num(attrs: bytes, key: bytes) -> int:
    m = _ODS_NUM[key].search(attrs)
    return int(m.group(1)) if m else 1


def ods_extras(zf: zipfile.ZipFile, want: set[int]) -> dict[int, SheetExtras]:
    """Merged ranges and error cells of the tables numbered in `want` (0-based)."""
    with zf.open("content.xml") as fh:
        xml = fh.read(MAX_PART)
    has_errors = b'value-type="error"' in xml
    if b"-spanned=" not in xml and not has_errors:
        return {}
    out: dict[int, SheetExtras] = {}
    table = -1
    row = col = next_row = 0
    cur: SheetExtras | None = None
    for m in _ODS_TAG.finditer(xml):
        tag, attrs = m.group(1), m.group(2)
        if tag == b"table":
            table += 1
            row = col = next_row = 0
            cur = out.setdefault(table, SheetExtras()) if table in want else None
            continue
        if cur is None:
            continue
        if tag == b"table-row":
            row, col = next_row, 0
            next_row = row + _num(attrs, b"number-rows-repeated")
            continue
        repeat = _num(attrs, b"number-columns-repeated")
        if tag == b"table-cell" and row < 1_048_576:
            if b"-spanned=" in attrs:
                cs, rs = _num(attrs, b"number-columns-spanned"), _num(attrs, b"number-rows-spanned")
                if cs > 1 or rs > 1:
                    cur.merges.append(((row, col), (row + rs - 1, col + cs - 1)))
            if has_errors and b'value-type="error"' in attrs:
                close = xml.find(b"</table:table-cell>", m.end())
                seg = xml[m.end():close] if close >= 0 else b""
                text = re.sub(rb"<[^>]*>", b"", seg).decode("utf-8", "replace").strip() or "#N/A"
                for k in range(min(repeat, 1000)):
                    cur.errors[(row + 1, column_letter(col + k))] = html.unescape(text)
        col += repeat
    return out


# ---------------------------------------------------------------- xls (BIFF8 in an OLE container)

XLS_ERRORS = {0x00: "#NULL!", 0x07: "#DIV/0!", 0x0F: "#VALUE!", 0x17: "#REF!", 0x1D: "#NAME?", 0x24: "#NUM!",
              0x2A: "#N/A", 0x2B: "#GETTING_DATA"}
_END = 0xFFFFFFFE


class Damaged(FileVerdict, ValueError):
    """An OLE container whose sector chains loop."""


def _ole_stream(data: bytes, names=("Workbook", "Book")) -> bytes | None:
    """The named stream of an OLE compound file (regular sectors only: a workbook stream is
    far above the 4 KB mini-stream cutoff). None when the container is odd."""
    if len(data) < 512:
        return None
    shift = struct.unpack_from("<H", data, 0x1E)[0]
    if shift not in (9, 12):
        return None
    size = 1 << shift
    nsect = (len(data) - size) // size

    def sector(n):
        off = (n + 1) * size
        return data[off:off + size]

    difat = list(struct.unpack_from("<109I", data, 0x4C))
    nxt, guard = struct.unpack_from("<I", data, 0x44)[0], 0
    while nxt < nsect and guard < nsect:
        ints = struct.unpack(f"<{size // 4}I", sector(nxt))
        difat.extend(ints[:-1])
        nxt, guard = ints[-1], guard + 1
    fat: list[int] = []
    for s in difat:
        if s < nsect:
            fat.extend(struct.unpack(f"<{size // 4}I", sector(s)))

    def chain(start):
        out, n, seen = [], start, set()
        while n < len(fat) and n < nsect:
            if n in seen:  # a chain that comes back on itself: the container is damaged
                raise Damaged(f"sector {n} twice in a chain")
            seen.add(n)
            out.append(sector(n))
            n = fat[n]
        return b"".join(out)

    directory = chain(struct.unpack_from("<I", data, 0x30)[0])
    cutoff = struct.unpack_from("<I", data, 0x38)[0]
    root_start = None
    for off in range(0, len(directory) - 127, 128):
        entry = directory[off:off + 128]
        nlen = min(struct.unpack_from("<H", entry, 64)[0], 64)
        name = entry[:max(0, nlen - 2)].decode("utf-16-le", "replace")
        start, length = struct.unpack_from("<I", entry, 116)[0], struct.unpack_from("<I", entry, 120)[0]
        if entry[66] == 5:
            root_start = start
        if entry[66] == 2 and name in names:
            if length >= cutoff:
                return chain(start)[:length]
            if root_start is None:  # small streams live in the root's mini stream
                return None
            mini = chain(root_start)
            msize = 1 << struct.unpack_from("<H", data, 0x20)[0]
            raw = chain(struct.unpack_from("<I", data, 0x3C)[0])
            minifat = struct.unpack(f"<{len(raw) // 4}I", raw[:len(raw) // 4 * 4])
            out, n, steps = [], start, 0
            while n < len(minifat) and steps <= len(minifat):
                out.append(mini[n * msize:(n + 1) * msize])
                n, steps = minifat[n], steps + 1
            return b"".join(out)[:length]
    return None


def xls_errors(path, sheet_names: list[str]) -> dict[str, dict]:
    """{sheet name: {(row, letter): '#REF!'}} for the error cells of an .xls."""
    with open(path, "rb") as fh:
        data = fh.read(MAX_PART)
    stream = _ole_stream(data)
    if not stream:
        return {}
    sheets = []  # (offset, name)
    pos, n = 0, len(stream)
    while pos + 4 <= n:
        rtype, rlen = struct.unpack_from("<HH", stream, pos)
        body = stream[pos + 4:pos + 4 + rlen]
        if rtype == 0x0085 and len(body) >= 8:
            offset = struct.unpack_from("<I", body, 0)[0]
            cch, high = body[6], body[7]
            raw = body[8:8 + cch * (2 if high & 1 else 1)]
            name = raw.decode("utf-16-le" if high & 1 else "latin-1", "replace")
            sheets.append((offset, name))
        elif rtype == 0x000A:  # EOF of the globals
            break
        pos += 4 + rlen
    out: dict[str, dict] = {}
    for offset, name in sheets:
        found = {}
        pos = offset
        while pos + 4 <= n:
            rtype, rlen = struct.unpack_from("<HH", stream, pos)
            body = stream[pos + 4:pos + 4 + rlen]
            pos += 4 + rlen
            if rtype == 0x000A:
                break
            if rtype == 0x0006 and len(body) >= 14 and body[6] == 2 and body[12:14] == b"\xff\xff":
                rw, col = struct.unpack_from("<HH", body, 0)
                found[(rw + 1, column_letter(col))] = XLS_ERRORS.get(body[8], "#N/A")
            elif rtype == 0x0205 and len(body) >= 8 and body[7] == 1:
                rw, col = struct.unpack_from("<HH", body, 0)
                found[(rw + 1, column_letter(col))] = XLS_ERRORS.get(body[6], "#N/A")
        if found:
            out[name] = found
    return out
