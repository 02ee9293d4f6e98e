"""Hostile input and safe output: every case made the way it was found.

Files that kill or starve the parser are read in a worker of their own (rehabstat.reading.sandbox)
and become an F-issue of that file only; cell text is bounded before any regex; a file is
opened by its content; what we write can always be written (both report files or none;
no temp file left or read); no learner id in a message we write into a file; file names
that are not UTF-8 are printed escaped. Commands run as child processes where a crash or a
hang would otherwise take the test run down (a generous subprocess timeout, never a timed
assertion).
"""
from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

import broken
from rehabstat.reading.dataset import read_paths
from rehabstat.reading.reader import find_workbooks, read_workbook
from rehabstat.reading.sandbox import Death, map_isolated

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "robust"  # made by make_fixtures.py (LibreOffice)
TIMEOUT = 120  # seconds: a child that takes longer is hanging


def cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "rehabstat", *map(str, args)], capture_output=True,
                          timeout=TIMEOUT, cwd=cwd)


def patch_part(src: Path, dst: Path, part: str, edit, compression=zipfile.ZIP_DEFLATED) -> Path:
    """A copy of a workbook with one zip part changed by edit(bytes) -> bytes."""
    with zipfile.ZipFile(src) as z:
        parts = [(i, z.read(i.filename)) for i in z.infolist()]
    dst.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(dst, "w") as z:
        for info, data in parts:
            info.compress_type = compression
            z.writestr(info, edit(data) if info.filename == part else data)
    return dst


def far_cell(cell: bytes):
    """An extra row holding `cell` at the end of SiSo's sheetData."""
    return lambda xml: xml.replace(b"</sheetData>", b'<row r="20">' + cell + b"</row></sheetData>", 1)


# the cell references the old regex pre-check missed; each makes the parser ask for ~550 GB
FAR_CELLS = {
    "single-quotes": b"<c r='XFD1048576' t='n'><v>1</v></c>",
    "spaces-around-equals": b'<c r = "XFD1048576" t="n"><v>1</v></c>',
    "lowercase": b'<c r="xfd1048576" t="n"><v>1</v></c>',
    "eleven-digit-row": b'<c r="A12345678901" t="n"><v>1</v></c>',
}


# ---------------------------------------------------------------- the sandbox

def test_aborting_and_panicking_files_are_issues_of_their_own(tmp_path):
    data = tmp_path / "nop"
    clean = broken.write_book(data / "2021-03.xlsx", broken.clean_book())
    for name, cell in FAR_CELLS.items():
        patch_part(clean, data / f"{name}.xlsx", "xl/worksheets/sheet2.xml", far_cell(cell))
    shutil.copy(FIXTURES / "truncated-panic.xls", data / "truncated.xls")
    before = {p.name: p.read_bytes() for p in data.iterdir()}
    proc = cli("validate", data, "--format", "json")
    assert proc.returncode == 1
    assert proc.stderr == b""  # no traceback, no Rust backtrace
    doc = json.loads(proc.stdout)
    status = {Path(f["path"]).name: f["status"] for f in doc["files"]}
    codes = {Path(i["file"]).name: i["code"] for i in doc["issues"]}
    assert status == {"2021-03.xlsx": "ok", "truncated.xls": "error", **{f"{n}.xlsx": "error" for n in FAR_CELLS}}
    assert codes == {"truncated.xls": "F002", **{f"{n}.xlsx": "F004" for n in FAR_CELLS}}
    assert {p.name: p.read_bytes() for p in data.iterdir()} == before
    # the clean month gives the same figures beside them as alone
    from rehabstat.computing.indicators import compute
    from rehabstat.common.periods import make_period
    alone, beside = (compute(read_paths([p]), make_period(year=2021, month=3)) for p in (clean, data))
    assert beside.equals(alone) and len(alone) > 20


def test_a_parser_panic_is_caught_in_process_too(monkeypatch):
    """pyo3's PanicException is a BaseException: `except Exception` missed it. The parsers'
    own words only with --debug (REHABSTAT_DEBUG)."""
    monkeypatch.delenv("REHABSTAT_DEBUG", raising=False)
    result = read_workbook(FIXTURES / "truncated-panic.xls")
    assert [i.code for i in result.issues] == ["F002"] and "PanicException" not in result.issues[0].message
    assert result.status == "error"
    monkeypatch.setenv("REHABSTAT_DEBUG", "1")
    assert "PanicException" in read_workbook(FIXTURES / "truncated-panic.xls").issues[0].message


class PanicException(BaseException):
    """As pyo3 defines it: a Rust panic in calamine, a BaseException of module pyo3_runtime."""


PanicException.__module__ = "pyo3_runtime"


def _behave(item):
    if item == "abort":
        os.abort()
    if item == "hang":
        time.sleep(600)
    if item == "memory":
        return len(bytearray(4 << 30))  # 4 GB: beyond the worker's cap
    if item == "panic":
        raise PanicException("called `Option::unwrap()` on a `None` value")
    if item == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    if item.startswith("slow"):
        time.sleep(0.8)
    return item.upper()


def test_sandbox_replaces_dead_workers_and_keeps_the_order():
    seen = []
    items = ["a", "abort", "b", "hang", "c", "memory", "d", "panic", "e", "kill", "f"]
    out = map_isolated(_behave, items, jobs=2, seconds=1.5, progress=seen.append)
    assert out[0::2] == ["A", "B", "C", "D", "E", "F"]
    assert [d.kind for d in out[1::2]] == ["crash", "time", "memory", "crash", "memory"]
    assert all(isinstance(d, Death) and d.detail for d in out[1::2])
    assert sorted(seen) == sorted(items)


def test_a_worker_holds_its_next_item_and_gives_it_back_when_it_dies():
    """A worker is sent its next item before it answers the current one (it never waits for
    this process between items). When it dies or overruns on the current one, the item it
    held but never began goes to the next worker, with its own full time limit, and the
    results keep their order."""
    items = ["hang", "a", "abort", "b", "c", "kill", "d"]
    out = map_isolated(_behave, items, jobs=1, seconds=1.0)
    assert [o.kind if isinstance(o, Death) else o for o in out] == ["time", "A", "crash", "B", "C", "memory", "D"]
    # each item's limit counts from when the worker begins it, not from when it was sent: two
    # items of 0,8 s under a limit of 1,5 s each (1,6 s from the first item's start)
    out = map_isolated(_behave, ["slow a", "slow b", "slow c"], jobs=1, seconds=1.5)
    assert out == ["SLOW A", "SLOW B", "SLOW C"]


def test_sandbox_hands_out_items_while_meanwhile_runs():
    """meanwhile() (the imports of a report) runs in a thread of its own: the worker is handed
    its next items while it runs (it used to wait for it: ~0,1 s of a month report); a
    worker that dies then is replaced after it; its exception reaches the caller at the end."""
    import threading
    three_done = threading.Event()
    seen = []

    def progress(item):
        seen.append(item)
        if len(seen) >= 3:
            three_done.set()

    waited = []
    items = ["a", "b", "abort", "c", "d"]
    out = map_isolated(_behave, items, jobs=1, seconds=5, progress=progress,
                       meanwhile=lambda: waited.append(three_done.wait(timeout=30)))
    assert waited == [True]  # three items were done while meanwhile() was still running
    assert out[:2] == ["A", "B"] and isinstance(out[2], Death) and out[3:] == ["C", "D"]

    def boom():
        raise RuntimeError("import failed")
    with pytest.raises(RuntimeError, match="import failed"):
        map_isolated(_behave, ["a", "b"], jobs=1, meanwhile=boom)


# ---------------------------------------------------------------- bounded parsing

def test_huge_and_pathological_cells_are_refused_at_their_cell(tmp_path):
    """A Sĩ số cell "1" + 40.000 spaces + "x", a date of 200.000 spaces (ending in a digit),
    a 1 MB category and a 20 kB count: each an issue at its cell, in a run that would hang
    for minutes on a backtracking regex. (Excel and openpyxl stop at 32.767 characters; a
    generated file need not: the long values are put into the sheet XML.)"""
    long = {b"LONG_CENSUS": b"1" + b" " * 40_000 + b"x", b"LONG_DATE": b" " * 200_000 + b"1",
            b"LONG_CATEGORY": b"BB" + "ệ".encode() * 350_000, b"LONG_COUNT": b"1" + b" " * 20_000 + b"2"}
    book = broken.clean_book()
    book.census[1][2] = "LONG_CENSUS"  # SiSo C2
    book.events[2][broken.E_DATE] = "LONG_DATE"  # BienDong F3
    book.events[3][broken.E_CAT] = "LONG_CATEGORY"  # BienDong D4
    book.events[4][broken.E_COUNT] = "LONG_COUNT"  # BienDong H5

    def lengthen(xml):
        for marker, value in long.items():
            xml = xml.replace(b"<t>" + marker + b"</t>", b'<t xml:space="preserve">' + value + b"</t>")
        return xml

    src = broken.write_book(tmp_path / "src.xlsx", book)
    stored = zipfile.ZIP_STORED  # not compressed: 200.000 spaces would be refused as a zip bomb
    path = patch_part(src, tmp_path / "mid.xlsx", "xl/worksheets/sheet2.xml", lengthen, stored)
    path = patch_part(path, tmp_path / "nop" / "2021-03.xlsx", "xl/worksheets/sheet3.xml", lengthen, stored)
    from rehabstat.commands.validate import validate_paths
    found = {(i.sheet, f"{i.column}{i.row}", i.code) for i in validate_paths([path.parent]).issues}
    assert {("SiSo", "C2", "C001"), ("BienDong", "F3", "C007"), ("BienDong", "D4", "K001"),
            ("BienDong", "H5", "C005")} <= found


def test_ods_repetition_in_single_quotes_is_bounded(tmp_path):
    """number-rows-repeated='1000000' (single quotes: the old pre-check's regex missed it)
    reached 2,9 GB; now F004 within the worker's memory cap."""
    src = broken.write_ods(tmp_path / "src.ods", broken.clean_book())
    bomb = (b"<table:table-row table:number-rows-repeated='1000000'><table:table-cell "
            b"office:value-type='float' office:value='1'/></table:table-row>")
    sep = b'</table:table><table:table table:name="BienDong">'
    out = patch_part(src, tmp_path / "nop" / "bomb.ods", "content.xml", lambda x: x.replace(sep, bomb + sep))
    child = ("import json, resource, sys\nfrom rehabstat.reading.dataset import read_paths\n"
             "r = read_paths([sys.argv[1]]).results[0]\n"
             "peak = max(resource.getrusage(w).ru_maxrss for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))\n"
             "print(json.dumps([[i.code for i in r.issues], peak / 1024]))")
    proc = subprocess.run([sys.executable, "-c", child, str(out)], capture_output=True, timeout=TIMEOUT)
    codes, peak_mb = json.loads(proc.stdout)
    assert codes == ["F004"] and peak_mb < 500


# ---------------------------------------------------------------- opened by content

@pytest.mark.parametrize("source, name", [("clean.xls", "2021-03.xlsx"), ("clean.ods", "2021-03.xlsx"),
                                          ("clean.ods", "2021-03.xls"), ("clean.xlsx", "2021-03.xls"),
                                          ("clean.xlsx", "2021-03.ods")])
def test_a_workbook_named_as_another_format_is_read_by_its_content(tmp_path, source, name):
    original = FIXTURES / source if source != "clean.xlsx" else broken.write_book(tmp_path / source,
                                                                                    broken.clean_book())
    renamed = tmp_path / "nop" / name
    renamed.parent.mkdir()
    shutil.copy(original, renamed)
    want, got = read_paths([original]), read_paths([renamed])
    assert got.issues and [i.code for i in got.issues] == ["F013"] and got.issues[0].severity == "warning"
    assert source[-4:].lstrip(".") in got.issues[0].message and not want.issues
    cols = ["category", "event", "date", "count", "person"]
    assert got.events[cols].equals(want.events[cols]) and len(got.events) == 11
    assert got.census.drop(columns="file").equals(want.census.drop(columns="file"))


# ---------------------------------------------------------------- what we write

def unwritable_book(folder: Path) -> Path:
    """A SoLieu custom code holding a control character (_x0001_, as Excel escapes it) and
    U+FFFE, and a label holding U+FFFF: read as they are, unwritable into .xlsx/.docx."""
    book = broken.clean_book()
    book.figures.append(["CUSTOM_x0001_AFFFE", "Chỉ tiêu lạ FFFF", "lượt", 5])
    path = broken.write_book(folder / "src" / "2021-03.xlsx", book)
    sheet = "xl/worksheets/sheet4.xml"
    return patch_part(path, folder / "nop" / "2021-03.xlsx", sheet,
                      lambda x: x.replace(b"AFFFE", b"A\xef\xbf\xbe").replace(b" FFFF", b" \xef\xbf\xbf"))


def test_report_with_unwritable_characters_writes_both_files(tmp_path):
    src = unwritable_book(tmp_path)
    assert read_workbook(src).figures[-1][2] == "CUSTOM\x01A\ufffe"
    out = tmp_path / "out"
    proc = cli("report", "--data", src.parent, "--year", "2021", "--month", "3", "--out", out)
    assert proc.returncode == 0, proc.stderr.decode()
    assert sorted(p.name for p in out.iterdir()) == ["BC-LC01-2021-03.docx", "BC-LC01-2021-03.xlsx"]
    assert "\ufffd" in (proc.stdout + proc.stderr).decode()  # the note
    from openpyxl import load_workbook
    codes = [c.value for c in load_workbook(out / "BC-LC01-2021-03.xlsx")["SoLieuKhac"]["A"]]
    assert "CUSTOM\ufffdA\ufffd" in codes


def test_report_writes_neither_file_when_one_fails(tmp_path, monkeypatch, son_la):
    from rehabstat.commands import report as service
    from rehabstat.common.periods import make_period

    def broken_writer(ctx, table, out, unit, period, **kwargs):
        Path(out).write_bytes(b"half")
        raise OSError("disk full")

    monkeypatch.setattr(service, "write_report_workbook", broken_writer)
    out = tmp_path / "out"
    from rehabstat.common.errors import OutputError
    with pytest.raises(OutputError, match="Không ghi được vào thư mục kết quả .*out: lỗi hệ thống: disk full"):
        service.make_report(son_la, make_period(year=2021, month=6), out=out)  # said, not a traceback
    assert list(out.iterdir()) == []


def test_an_annotated_copy_holds_a_message_quoting_a_control_character(tmp_path):
    """K001 quotes the Diện cell 'X\x01' (Excel's _x0001_): the comment cannot hold it."""
    from openpyxl import load_workbook

    from rehabstat.workbooks.annotate import annotate
    from rehabstat.commands.validate import validate_paths
    book = broken.clean_book()
    book.events[2][broken.E_CAT] = "X_x0001_"
    path = broken.write_book(tmp_path / "nop" / "2021-03.xlsx", book)
    result = validate_paths([path.parent])
    assert [(i.code, i.row) for i in result.issues] == [("K001", 3)] and "\x01" in result.issues[0].message
    [copy] = annotate(result, tmp_path / "kiem-tra")
    assert "'X\ufffd'" in load_workbook(copy.output)["BienDong"]["D3"].comment.text


def test_batch_writes_the_national_workbook_whatever_a_value_holds(tmp_path):
    from rehabstat.commands.batch import run_batch
    from rehabstat.common.periods import make_period
    src = unwritable_book(tmp_path)
    result = run_batch(src.parent, make_period(year=2021, month=3), tmp_path / "out", jobs=1, today=dt.date(2022, 1, 5))
    from openpyxl import load_workbook
    assert load_workbook(result.national).sheetnames[0]
    assert [p.exists() for prov in result.provinces for p in prov.outputs] == [True, True]


def test_temp_files_are_never_input(tmp_path):
    data = tmp_path / "nop"
    broken.write_book(data / "2021-03.xlsx", broken.clean_book())
    (data / ".~rehabstat-k2j3h4.xlsx").write_bytes(b"PK\x03\x04 half a workbook")
    assert [p.name for p in find_workbooks([data])] == ["2021-03.xlsx"]


_WRITER = """
import sys, time
from pathlib import Path
from rehabstat.workbooks.xlsxout import atomic_path
with atomic_path(Path(sys.argv[1]) / "TongHop.xlsx") as tmp:
    tmp.write_bytes(b"PK half")
    print("writing", flush=True)
    time.sleep(60)
"""


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_during_a_write_leaves_no_temp_file(tmp_path, signum):
    proc = subprocess.Popen([sys.executable, "-c", _WRITER, str(tmp_path)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    assert proc.stdout.readline() == b"writing\n"
    assert [p.name[:12] for p in tmp_path.iterdir()] == [".~rehabstat-"]
    proc.send_signal(signum)
    proc.wait(timeout=TIMEOUT)
    assert proc.returncode != 0
    assert list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------- learner ids

def test_a_learner_id_quoted_in_a_message_is_masked_in_every_file_we_write(tmp_path):
    """The clerk pasted learner LC-202103-003's id into the Diện column of another row, and
    learner LC-202103-006's id into the Diện column of their own (and only) row."""
    from openpyxl import load_workbook

    from rehabstat.workbooks.annotate import annotate
    from rehabstat.commands.batch import run_batch
    from rehabstat.common.periods import make_period
    from rehabstat.commands.validate import format_text, validate_paths
    book = broken.clean_book()
    pid = book.events[4][broken.E_PERSON]
    book.events[2][broken.E_CAT] = pid  # BienDong D3
    own = book.events[11][broken.E_PERSON]
    assert own == "LC-202103-006" and sum(r[broken.E_PERSON] == own for r in book.events) == 1
    book.events[11][broken.E_CAT] = own  # BienDong D12
    data = tmp_path / "nop"
    broken.write_book(data / "2021-03.xlsx", book)

    result = validate_paths([data], jobs=1)
    k001 = [(i.code, i.sheet, i.column, i.row) for i in result.issues if i.code == "K001"]
    assert k001 == [("K001", "BienDong", "D", 3), ("K001", "BienDong", "D", 12)]
    assert pid in format_text(result) and own in format_text(result)  # the console shows them to the supervisor
    [copy] = annotate(result, tmp_path / "kiem-tra")
    wb = load_workbook(copy.output)
    for cell in ("D3", "D12"):
        assert "Diện '[mã học viên]' không hợp lệ" in wb["BienDong"][cell].comment.text

    batch = run_batch(data, make_period(year=2021, month=3), tmp_path / "out", jobs=1, today=dt.date(2022, 1, 5),
                      force=True)  # the data have errors: the national workbook is a draft
    vande = [row for row in load_workbook(batch.national)["VanDe"].iter_rows(values_only=True)]
    assert any("Diện '[mã học viên]' không hợp lệ" in str(row[-1]) for row in vande)
    # the annotated copy is the clerk's own workbook (ids and all): our comments and list carry none
    ours = [c.comment.text for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.comment]
    ours += [c.value for row in wb["KiemTra"].iter_rows() for c in row if isinstance(c.value, str)]
    assert ours and not any(pid in text or own in text for text in ours)
    for f in (tmp_path / "out").rglob("*.*"):  # the national workbook, the province's BC .docx and .xlsx
        with zipfile.ZipFile(f) as z:
            text = b"".join(z.read(n) for n in z.namelist())
            assert pid.encode() not in text and own.encode() not in text, f


# ---------------------------------------------------------------- file names

def test_file_names_that_are_not_utf8_are_reported_escaped(tmp_path):
    data = tmp_path / "nop"
    clean = broken.write_book(data / "src.xlsx", broken.clean_book())
    raw = os.fsencode(data) + b"/th\xe1ng-3.xlsx"  # Latin-1 "tháng", as an old archive tool writes it
    os.rename(clean, raw)
    patch_part(FIXTURES / "clean.ods", Path(os.fsdecode(os.fsencode(data) + b"/x\xff.ods")), "content.xml",
               lambda x: x[: len(x) // 2])
    proc = cli("validate", data, "--format", "json")
    text = proc.stdout.decode("utf-8")  # valid UTF-8
    doc = json.loads(text)
    assert proc.stderr == b""
    assert sorted((Path(f["path"]).name, f["status"]) for f in doc["files"]) == [
        ("th\\xe1ng-3.xlsx", "ok"), ("x\\xff.ods", "error")]
    from rehabstat.commands.validate import format_text, validate_paths
    text = format_text(validate_paths([data]))
    assert "x\\xff.ods" in text.encode("utf-8").decode("utf-8")
