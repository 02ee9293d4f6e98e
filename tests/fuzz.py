"""Seeded mutations of real workbooks, for tests/test_fuzz.py (in the suite, ~40 files) and
tests/fuzz_campaign.py (thousands, outside it).

A mutation takes the bytes of a workbook and a random.Random and returns new bytes (and a
short name saying what it did): byte flips, truncation, XML edits inside the zip (cell
references far away or oddly spelt, attributes in single quotes, slices cut or doubled,
DOCTYPE, ODS repetition), odd cell values (control characters, huge numbers, long text,
error values, formulas), and hostile archives (many members, duplicate names, nested
zips). Everything is deterministic for a seed.
"""
from __future__ import annotations

import io
import random
import re
import zipfile
from pathlib import Path

ODD_VALUES = [
    "-1", "1e308", "NaN", "inf", "#REF!", "#DIV/0!", "_x0001_", "_xFFFE_", "=1+1", "=HYPERLINK(\"x\")", "@x",
    "1" + " " * 5000 + "x", " " * 20000, "ệ" * 20000, "１２", "٣", "\u202e12", "0x1F", "1.2.3.4", "99999999999999999999",
    "31/02/2021", "00/00/0000", "2021-13-45", "'1.207", "Tổng cộng", "LC-202103-003", "BB;TN", "",
    "<b>x</b>", "&amp;", "\U0001F600", "BB\u200b", "\ufeffBB", "12/2021", "thang 13 nam 2021",
]
FAR_REFS = [b"XFD1048576", b"xfd1048576", b"A12345678901", b"ZZZZ1", b"A0", b"A-1", b"AAAAAAAAAA1", b"1A"]


def _zip_parts(data: bytes):
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return [(i, z.read(i.filename)) for i in z.infolist()]


def _rezip(parts, compression=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for info, body in parts:
            info = zipfile.ZipInfo(info.filename, date_time=info.date_time) if isinstance(info, zipfile.ZipInfo) \
                else zipfile.ZipInfo(info)
            info.compress_type = compression
            z.writestr(info, body)
    return buf.getvalue()


def _xml_part(parts, rnd, prefer=(b"<sheetData", b"<table:table ")):
    xml = [k for k, (_, body) in enumerate(parts) if any(p in body[:200_000] for p in prefer)]
    xml = xml or [k for k, (i, _) in enumerate(parts) if i.filename.endswith(".xml")]
    return rnd.choice(xml) if xml else None


# ---------------------------------------------------------------- mutations on bytes

def flip_bytes(data: bytes, rnd: random.Random):
    b = bytearray(data)
    n = rnd.choice([1, 2, 8, 64])
    for _ in range(n):
        k = rnd.randrange(len(b))
        b[k] ^= 1 << rnd.randrange(8)
    return bytes(b), f"flip{n}"


def truncate(data: bytes, rnd: random.Random):
    cut = rnd.randrange(1, len(data))
    return data[:cut], f"cut{cut}"


# ---------------------------------------------------------------- XML edits inside the zip

def _edit_xml(data: bytes, rnd: random.Random, edit, name):
    try:
        parts = _zip_parts(data)
    except Exception:  # noqa: BLE001 - an earlier mutation broke the zip: mutate its bytes instead
        return flip_bytes(data, rnd)
    k = _xml_part(parts, rnd)
    if k is None:
        return flip_bytes(data, rnd)
    info, body = parts[k]
    parts[k] = (info, edit(body, rnd))
    return _rezip(parts, rnd.choice([zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED])), f"{name}:{info.filename}"


def _far_ref(body: bytes, rnd):
    refs = list(re.finditer(rb'\br="([A-Z]+\d+)"', body))
    if not refs:
        return body.replace(b'table:number-rows-repeated="', b"table:number-rows-repeated='9999999' x=\"", 1)
    m = rnd.choice(refs)
    ref = rnd.choice(FAR_REFS)
    spelling = rnd.choice([b'r="%s"' % ref, b"r='%s'" % ref, b'r = "%s"' % ref, b'r="%s"' % ref.lower()])
    return body[:m.start()] + spelling + body[m.end():]


def _single_quotes(body: bytes, rnd):
    return re.sub(rb'(\s[\w:]+)="([^"<>]*)"', lambda m: m.group(1) + b"='" + m.group(2) + b"'", body)


def _cut_slice(body: bytes, rnd):
    a = rnd.randrange(len(body))
    return body[:a] + body[a + rnd.randrange(1, 200):]


def _double_slice(body: bytes, rnd):
    a = rnd.randrange(len(body))
    b = min(len(body), a + rnd.randrange(1, 2000))
    return body[:b] + body[a:b] * rnd.choice([2, 50]) + body[b:]


def _doctype(body: bytes, rnd):
    decl = b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    m = re.search(rb"<[A-Za-z]", body)
    return body[:m.start()] + decl + body[m.start():] if m else decl + body


def _repeat(body: bytes, rnd):
    n = rnd.choice([b"1000000", b"99999999", b"16384"])
    if b"<table:table-row" in body:
        q = rnd.choice([b'"', b"'"])
        return body.replace(b"<table:table-row", b"<table:table-row table:number-rows-repeated=" + q + n + q, 1)
    return body.replace(b"<row ", b'<row spans="1:16384" ', 1)


XML_EDITS = {"far-ref": _far_ref, "single-quotes": _single_quotes, "cut-slice": _cut_slice,
             "double-slice": _double_slice, "doctype": _doctype, "repeat": _repeat}


def xml_edit(data: bytes, rnd: random.Random):
    name = rnd.choice(sorted(XML_EDITS))
    return _edit_xml(data, rnd, XML_EDITS[name], name)


ODD_NUMBERS = ["-1", "1e308", "-0", "1E+20", "99999999999999999999", "0.000001", "4294967296", "1.5"]


def odd_value(data: bytes, rnd: random.Random):
    """A cell's text (inline or shared string, ODS paragraph) replaced by an odd value, or
    a number cell's <v> by an odd number (text in a number's <v> is a damaged file)."""
    numeric = rnd.random() < 0.25
    value = rnd.choice(ODD_NUMBERS if numeric else ODD_VALUES).encode("utf-8")
    value = value.replace(b"&", b"&amp;").replace(b"<", b"&lt;")
    spot = rb"<(v)>([^<]*)</v>" if numeric else rb"<(t|text:p)(?: [^>]*)?>([^<]*)</\1>"

    def edit(body, rnd):
        spots = list(re.finditer(spot, body))
        if not spots:
            return body
        m = rnd.choice(spots)
        return body[:m.start(2)] + value + body[m.end(2):]
    return _edit_xml(data, rnd, edit, f"odd:{value[:20]!r}")


# ---------------------------------------------------------------- hostile archives

def hostile_archive(data: bytes, rnd: random.Random):
    try:
        parts = _zip_parts(data)
    except Exception:  # noqa: BLE001 - an earlier mutation broke the zip: mutate its bytes instead
        return truncate(data, rnd)
    kind = rnd.choice(["many-members", "duplicate-name", "nested-zip", "no-workbook", "huge-blank"])
    if kind == "many-members":
        parts += [(f"x/{k}.xml", b"<a/>") for k in range(rnd.choice([100, 6000]))]
    elif kind == "duplicate-name":
        k = _xml_part(parts, rnd) or 0
        parts.append((parts[k][0].filename, b"<worksheet/>"))
    elif kind == "nested-zip":
        parts.append(("xl/embeddings/inner.zip", data))
    elif kind == "no-workbook":
        parts = [p for p in parts if not p[0].filename.endswith(("workbook.xml", "content.xml"))]
    else:
        k = _xml_part(parts, rnd) or 0
        parts[k] = (parts[k][0], parts[k][1].replace(b"</sheetData>", b" " * 3_000_000 + b"</sheetData>"))
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns of the duplicate name
        return _rezip(parts), f"archive:{kind}"


MUTATIONS = [flip_bytes, truncate, xml_edit, xml_edit, odd_value, odd_value, odd_value, hostile_archive]


def mutate(data: bytes, rnd: random.Random):
    """One or two mutations in a row: (bytes, description)."""
    names = []
    for _ in range(rnd.choice([1, 1, 1, 2])):
        data, name = rnd.choice(MUTATIONS)(data, rnd)
        names.append(name)
    return data, "+".join(names)


def make_corpus(sources: list[Path], out: Path, count: int, seed: int) -> dict[Path, str]:
    """`count` mutated workbooks under out/ (named by number and source suffix, some with
    the wrong suffix on purpose): {path: 'source: mutation'}."""
    rnd = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    made = {}
    blobs = [(s, s.read_bytes()) for s in sources]
    for k in range(count):
        src, data = rnd.choice(blobs)
        mutated, what = mutate(data, rnd)
        suffix = src.suffix if rnd.random() < 0.9 else rnd.choice([".xlsx", ".xls", ".ods"])
        path = out / f"m{k:05d}{suffix}"
        path.write_bytes(mutated)
        made[path] = f"{src.name}: {what}"
    return made
