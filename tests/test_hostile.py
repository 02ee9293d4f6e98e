"""Hostile and broken files: each is refused with exactly one F-issue, within 10 seconds
and 500 MB, read as every command reads it (in the sandbox's worker) from a fresh process,
so that a parser crash or a memory blow-up would show here, not take the test run down;
the rest of a folder is still checked; text that looks like a formula never becomes a
formula in a workbook we write."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import broken
from rehabstat.workbooks.annotate import annotate
from rehabstat.commands.validate import validate_paths

LIMIT_SECONDS = 10
LIMIT_MB = 500
NS = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
END = b"</sheetData></worksheet>"


def _clean(path: Path) -> Path:
    return broken.write_book(path, broken.clean_book())


def _replace_part(src: Path, dst: Path, part: str, writer, level=6) -> Path:
    """Copy a workbook, streaming a new content for one part through writer(fh)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as zout:
        for info in zin.infolist():
            if info.filename == part:
                with zout.open(part, "w", force_zip64=True) as fh:
                    writer(fh)
            else:
                zout.writestr(info, zin.read(info.filename))
    return dst


def make_zip_bomb(d: Path) -> Path:
    """SiSo's XML expands to 210 MB of blanks (compressed ~1000:1), written in 1 MB chunks."""
    def writer(fh):
        fh.write(NS)
        chunk = b" " * (1 << 20)
        for _ in range(210):
            fh.write(chunk)
        fh.write(END)
    return _replace_part(_clean(d / "src-bomb.xlsx"), d / "zip-bomb.xlsx", "xl/worksheets/sheet2.xml", writer, 9)


def make_entity_bomb(d: Path) -> Path:
    lol = ['<!ENTITY lol "lol">'] + [f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">'
                                     for i in range(1, 10)]
    xml = ('<?xml version="1.0"?><!DOCTYPE lolz [' + "".join(lol) + ']>'
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
           '<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>').encode()
    return _replace_part(_clean(d / "src-entity.xlsx"), d / "entity-bomb.xlsx", "xl/worksheets/sheet1.xml",
                         lambda fh: fh.write(xml))


def make_huge_sheet(d: Path, rows=120_000) -> Path:
    """BienDong with 120.000 event rows, the XML generated directly."""
    def writer(fh):
        fh.write(NS)
        fh.write(b'<row r="1"><c r="A1" t="inlineStr"><is><t>Di\xe1\xbb\x87n</t></is></c>'
                 b'<c r="B1" t="inlineStr"><is><t>Bi\xe1\xba\xbfn \xc4\x91\xe1\xbb\x99ng</t></is></c>'
                 b'<c r="C1" t="inlineStr"><is><t>Ng\xc3\xa0y</t></is></c></row>')
        block = []
        for r in range(2, rows + 2):
            block.append(b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>BB</t></is></c>'
                         b'<c r="B%d" t="inlineStr"><is><t>TRON</t></is></c><c r="C%d"><v>44260</v></c></row>'
                         % (r, r, r, r))
            if len(block) == 5000:
                fh.write(b"".join(block))
                block = []
        fh.write(b"".join(block))
        fh.write(END)
    return _replace_part(_clean(d / "src-huge.xlsx"), d / "huge-sheet.xlsx", "xl/worksheets/sheet3.xml", writer, 1)


def make_truncated(d: Path) -> Path:
    data = _clean(d / "src-trunc.xlsx").read_bytes()
    out = d / "truncated.xlsx"
    out.write_bytes(data[: len(data) // 2])
    return out


def make_text(d: Path) -> Path:
    out = d / "text.xlsx"
    out.write_text("Mã cơ sở;Tên cơ sở\nLC01;Cơ sở Lai Châu\n", encoding="utf-8")
    return out


def make_encrypted(d: Path) -> Path:
    """What Excel writes for a password-protected .xlsx: an OLE compound file holding the
    streams EncryptionInfo and EncryptedPackage (names UTF-16 in the directory). A minimal
    synthetic one: the OLE header, then a directory sector naming the streams."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16 + b"\x3e\x00\x03\x00\xfe\xff\x09\x00"
    header = header.ljust(512, b"\x00")
    entries = b""
    for name in ("Root Entry", "EncryptionInfo", "EncryptedPackage"):
        raw = name.encode("utf-16-le") + b"\x00\x00"
        entries += raw.ljust(64, b"\x00") + len(raw).to_bytes(2, "little") + b"\x02" + b"\x00" * 61
    out = d / "encrypted.xlsx"
    out.write_bytes(header + entries.ljust(512, b"\x00") + os.urandom(4096))
    return out


def make_empty(d: Path) -> Path:
    out = d / "empty.xlsx"
    out.write_bytes(b"")
    return out


HOSTILE = {
    "zip-bomb": (make_zip_bomb, "F004"),
    "entity-bomb": (make_entity_bomb, "F004"),
    "huge-sheet": (make_huge_sheet, "F004"),
    "truncated": (make_truncated, "F002"),
    "text": (make_text, "F001"),
    "encrypted": (make_encrypted, "F003"),
    "empty": (make_empty, "F001"),
}

_CHILD = """
import json, resource, sys, time
from rehabstat.reading.dataset import read_paths
t = time.perf_counter()
r = read_paths([sys.argv[1]]).results[0]
peak = max(resource.getrusage(w).ru_maxrss for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
print(json.dumps({"seconds": time.perf_counter() - t, "status": r.status, "peak_mb": peak / 1024,
                  "issues": [[i.code, i.file, i.sheet, i.message] for i in r.issues]}))
"""


def read_in_child(path: Path) -> dict:
    """The file read as every command reads it (in the sandbox's worker), from a fresh
    interpreter: an abort or a memory blow-up would show here, not take the test run down.
    Adds the peak memory of the largest process (ru_maxrss, MB) and checks that nothing
    reached the terminal (a Rust backtrace, a traceback)."""
    proc = subprocess.run([sys.executable, "-c", _CHILD, str(path)], capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode(errors="replace")[-2000:]
    assert proc.stderr == b"", proc.stderr.decode(errors="replace")[-2000:]
    return json.loads(proc.stdout)


@pytest.fixture(scope="module")
def hostile_dir(tmp_path_factory):
    d = tmp_path_factory.mktemp("hostile")
    src = d / "src"
    src.mkdir()
    files = {}
    for name, (make, code) in HOSTILE.items():
        made = make(src)
        target = d / "folder" / made.name
        target.parent.mkdir(exist_ok=True)
        made.replace(target)
        files[name] = (target, code)
    _clean(d / "folder" / "sach.xlsx")
    return d, files


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_file_refused_quickly_in_bounded_memory(hostile_dir, name, record_property):
    _, files = hostile_dir
    path, code = files[name]
    result = read_in_child(path)
    record_property("seconds", round(result["seconds"], 3))
    record_property("peak_mb", round(result["peak_mb"], 1))
    print(f"{name}: {result['seconds']:.3f} s, peak {result['peak_mb']:.0f} MB, {result['issues']}")
    assert [i[0] for i in result["issues"]] == [code]
    assert result["status"] == "error"
    assert result["seconds"] < LIMIT_SECONDS
    assert result["peak_mb"] < LIMIT_MB


def test_folder_with_hostile_files_still_checks_the_clean_one(hostile_dir):
    d, files = hostile_dir
    result = validate_paths([d / "folder"], jobs=1)
    status = {Path(f["path"]).name: f["status"] for f in result.files}
    assert status.pop("sach.xlsx") == "ok"
    assert set(status.values()) == {"error"} and len(status) == len(HOSTILE)
    by_file = {}
    for i in result.issues:
        by_file.setdefault(Path(i.file).name, []).append(i.code)
    assert by_file == {p.name: [code] for p, code in files.values()}


def test_hostile_files_get_an_issue_list_not_a_copy(hostile_dir, tmp_path):
    d, files = hostile_dir
    result = validate_paths([files["zip-bomb"][0], files["text"][0]], jobs=1)
    written = annotate(result, tmp_path)
    assert [w.marked for w in written] == [False, False]
    from openpyxl import load_workbook
    for w in written:
        assert load_workbook(w.output).sheetnames == ["KiemTra"]


def test_dimension_bomb_read_from_the_cells_present(tmp_path):
    """Two cells far apart would make calamine allocate rows × columns cells (46 GB here):
    the sheet is read from the cells present instead, the far one a stray at its cell, in
    bounded memory."""
    from openpyxl import Workbook
    wb = Workbook()
    wb.active.title = "ThongTin"
    ws = wb.create_sheet("SiSo")
    ws["A1"] = "Diện"
    ws.cell(row=90_000, column=16_000, value=1)
    wb.create_sheet("BienDong")
    wb.save(tmp_path / "sparse.xlsx")
    result = read_in_child(tmp_path / "sparse.xlsx")
    codes = [i[0] for i in result["issues"]]
    assert "F004" not in codes and codes[0] == "F016"
    assert result["peak_mb"] < LIMIT_MB


def test_ods_repeated_cells_bomb_refused(tmp_path):
    """ODS repeats a cell with number-columns-repeated / number-rows-repeated: one tag can
    stand for 200 million cells."""
    out = broken.write_ods_bomb(tmp_path / "ods-bomb.ods", tmp_path)
    result = read_in_child(out)
    assert [i[0] for i in result["issues"]] == ["F004"]
    assert result["peak_mb"] < LIMIT_MB and result["seconds"] < LIMIT_SECONDS


def test_formula_looking_text_stays_text(tmp_path):
    book = broken.clean_book()
    book.events[3][broken.E_NOTE] = '=HYPERLINK("http://x","y")'
    book.events[4][broken.E_CAT] = "=1+1"  # an unknown category: its message quotes the text
    src = broken.write_book(tmp_path / "in" / "m.xlsx", book)
    result = validate_paths([src.parent], jobs=1)
    assert [i.code for i in result.issues] == ["K001"]
    [w] = annotate(result, tmp_path / "out")
    with zipfile.ZipFile(w.output) as z:
        xml = {n: z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("xl/worksheets/sheet")}
    assert xml and not any(re.search(r"<f[ >]", text) for text in xml.values())
    from openpyxl import load_workbook
    wb = load_workbook(w.output)
    assert wb["BienDong"]["I4"].value == '=HYPERLINK("http://x","y")'
    assert wb["BienDong"]["I4"].data_type == "s"
    assert wb["BienDong"]["D5"].value == "=1+1"
    assert all(c.data_type != "f" for row in wb["KiemTra"].iter_rows() for c in row)


def _patched_sheet(tmp_path, sheet_data: bytes, name="noref.xlsx"):
    import re
    import zipfile

    import openpyxl
    base = tmp_path / ("base-" + name)
    wb = openpyxl.Workbook()
    wb.active.title = "SiSo"  # read by the parser (a sheet of no role is never parsed)
    wb.active["A1"] = 1
    wb.save(base)
    with zipfile.ZipFile(base) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts["xl/worksheets/sheet1.xml"] = re.sub(rb"<sheetData>.*</sheetData>", sheet_data,
                                                parts["xl/worksheets/sheet1.xml"], flags=re.S)
    out = tmp_path / name
    with zipfile.ZipFile(out, "w") as o:
        for n, d in parts.items():
            o.writestr(n, d)
    return out


def test_cells_without_r_cannot_reach_far_rows(tmp_path):
    """A cell without r= takes its row from <row r=...>: a far row beside a far column makes
    the parser allocate the dense grid; refused, in the worker."""
    path = _patched_sheet(tmp_path, b'<sheetData><row r="1"><c r="XFD1" t="n"><v>1</v></c></row>'
                                    b'<row r="1048576"><c t="n"><v>7</v></c></row></sheetData>')
    result = read_in_child(path)
    assert "F004" in [i[0] for i in result["issues"]] and result["status"] == "error"


def test_cells_without_r_in_a_normal_sheet_are_read(tmp_path):
    from rehabstat.reading import safety
    path = _patched_sheet(tmp_path, b'<sheetData><row r="1"><c r="C1" t="n"><v>1</v></c></row>'
                                    b'<row r="5000"><c t="n"><v>7</v></c><c t="n"><v>8</v></c></row></sheetData>',
                          name="benign.xlsx")
    assert safety.precheck(path) == "zip"
