"""Workbooks from the wild (tests/fixtures/wild, made by make_wild.py): each valid one read,
with the same figures as the monthly workbook it was rebuilt from, by whichever parser
could read it; each refusal for its real reason, in the user's language; read as every
command reads them (the sandbox's worker), in bounded memory."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from rehabstat.common import rules
from rehabstat.reading import fallback, safety
from rehabstat.reading.dataset import read_paths
from rehabstat.reading.reader import read_workbook

ROOT = Path(__file__).resolve().parents[1]
WILD = ROOT / "tests" / "fixtures" / "wild"
SAMPLE = ROOT / "samples" / "son-la" / "2021-01.xlsx"


def figures(r):
    """What the figures are made of, without where it was read (sheet, row)."""
    return (r.unit, r.province, r.year, r.month, [c[2:] for c in r.census], [e[2:] for e in r.events],
            [f[2:] for f in r.figures])


@pytest.fixture(scope="module")
def original():
    r = read_workbook(SAMPLE)
    assert r.status == "ok" and len(r.events) == 390 and r.census[0][2:4] == ("BB", 1586)
    return figures(r)


@pytest.fixture(scope="module")
def wild():
    """Every fixture read once, in the sandbox's workers (without --debug)."""
    import os
    os.environ.pop("REHABSTAT_DEBUG", None)
    paths = sorted(p for p in WILD.iterdir() if p.suffix in (".xlsx", ".xlsm", ".xls", ".ods"))
    data = read_paths(paths)
    return {Path(r.file).name: r for r in data.results}


READ = {  # file: the codes of the issues it gives (besides none)
    "ods-whitespace.ods": [],
    "ods-no-mimetype.ods": [],
    "macrosheet.xlsm": ["F017"],
    "dialogsheet.xlsx": ["F017"],
    "empty-rid.xlsm": [],
    "utf16.xlsx": [],
    "stray-xfd.xlsx": ["F016"],
    "stray-space.xlsx": ["F016"],
    "stray-iv.xlsx": ["F016"],
    "stray-iv.xls": ["F016"],
    "stray-iv.ods": ["F016"],
    "stray-space.ods": ["F016"],
    "cp10029.xls": [],
    "base.ods": [],
    "base.xls": [],
}


@pytest.mark.parametrize("name", sorted(READ))
def test_valid_workbook_read_with_the_original_figures(wild, original, name):
    r = wild[name]
    assert r.status == "ok", [i.message for i in r.issues]
    assert [i.code for i in r.issues] == READ[name]
    assert figures(r) == original


@pytest.mark.parametrize("name, where", [("stray-xfd.xlsx", ("SoLieu", 1048576, "XFD")),
                                         ("stray-space.xlsx", ("BienDong", 1048576, "A")),
                                         ("stray-iv.xlsx", ("SiSo", 65536, "IV")),
                                         ("stray-iv.xls", ("SiSo", 65536, "IV")),
                                         ("stray-iv.ods", ("SiSo", 65536, "IV")),
                                         ("stray-space.ods", ("BienDong", 1048576, "A"))])
def test_stray_cell_is_a_warning_at_its_cell(wild, name, where):
    [i] = wild[name].issues
    assert (i.code, i.severity, (i.sheet, i.row, i.column)) == ("F016", "warning", where)


def test_ignored_sheets_named_in_a_note(wild):
    [macro] = wild["macrosheet.xlsm"].issues
    [dialog] = wild["dialogsheet.xlsx"].issues
    assert (macro.sheet, dialog.sheet) == ("Macro1", "Dialog1")
    assert "macro Excel 4.0" in macro.message and "hộp thoại" in dialog.message


@pytest.mark.parametrize("name, code, words", [
    ("xor.xls", "F003", "mật khẩu"),
    ("biff2.xls", "F014", "Excel 2.x"),
    ("biff3.xls", "F014", "Excel 3.0"),
    ("biff4.xls", "F014", "Excel 4.0"),
    ("cp8001-biff4.xls", "F015", "8001"),
    ("ole-loop.xls", "F002", "nội dung không đúng cấu trúc sổ tính"),  # calamine ran out of memory on it
])
def test_refused_for_its_real_reason(wild, name, code, words):
    r = wild[name]
    assert r.status == "error"
    [i] = r.issues
    assert i.code == code and words in i.message, i.message


def test_old_format_says_save_as_xlsx(wild):
    [i] = wild["biff3.xls"].issues
    assert "lưu lại dưới dạng .xlsx" in i.message and "1997" in i.message


def test_fuzzed_xls_is_damaged_in_plain_words(wild):
    """calamine panics on it (the seed was chosen so); the message says the file is damaged,
    in Vietnamese, without the parsers' words."""
    r = wild["fuzzed.xls"]
    assert r.status == "error"
    [i] = [i for i in r.issues if i.code.startswith("F")]
    assert i.code == "F002"
    assert "nội dung không đúng cấu trúc sổ tính" in i.message
    assert "Panic" not in i.message and "Error" not in i.message and "xlrd" not in i.message


def test_parser_words_only_with_debug(tmp_path):
    code = ("from rehabstat.reading.reader import read_workbook as r;"
            f"print(r({str(WILD / 'fuzzed.xls')!r}).issues[0].message)")
    env = {k: v for k, v in __import__("os").environ.items() if k != "REHABSTAT_DEBUG"}
    plain = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env).stdout
    debug = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**env, "REHABSTAT_DEBUG": "1"}).stdout
    assert "PanicException" not in plain and "PanicException" in debug


def test_messages_in_english(monkeypatch):
    monkeypatch.delenv("REHABSTAT_DEBUG", raising=False)
    monkeypatch.setitem(rules.LANG, "value", "en")
    old = read_workbook(WILD / "biff2.xls").issues[0].message
    assert old.startswith("The file is in an Excel format older than 1997 (Excel 2.x)") and "save as .xlsx" in old
    page = read_workbook(WILD / "cp8001-biff4.xls").issues[0].message
    assert "code page Quattro Pro (8001)" in page
    damaged = read_workbook(WILD / "fuzzed.xls").issues
    assert [i.message for i in damaged if i.code == "F002"] in ([], [
        "The file cannot be read (its content does not follow the workbook format). It may be damaged or "
        "incompletely downloaded; send it again."])
    [stray] = read_workbook(WILD / "stray-xfd.xlsx").issues
    assert stray.message.startswith("A cell holding '7' lies far from the table")
    [macro] = read_workbook(WILD / "macrosheet.xlsm").issues
    assert macro.message == "Sheet 'Macro1' is an Excel 4.0 macro sheet, not a worksheet; it was ignored."


# ---------------------------------------------------------------- the second parsers give what calamine gives

@pytest.mark.parametrize("name, parser", [("samples/son-la/2021-01.xlsx", fallback.OpenpyxlBook),
                                          ("tests/fixtures/wild/base.xls", fallback.XlrdBook),
                                          ("tests/fixtures/wild/base.ods", fallback.OdsBook),
                                          ("tests/fixtures/gov-form.xlsx", fallback.OpenpyxlBook),
                                          ("tests/fixtures/gov-form.xls", fallback.XlrdBook),
                                          ("tests/fixtures/gov-form.ods", fallback.OdsBook),
                                          ("tests/fixtures/errors.xls", fallback.XlrdBook),
                                          ("tests/fixtures/errors.ods", fallback.OdsBook),
                                          ("tests/fixtures/gov-form.lo.xlsx", fallback.OpenpyxlBook),
                                          ("tests/fixtures/vni.xlsx", fallback.OpenpyxlBook),
                                          ("tests/fixtures/robust/clean.xls", fallback.XlrdBook),
                                          ("tests/fixtures/robust/clean.ods", fallback.OdsBook),
                                          ("samples/cao-bang/CB01/2017-01.xlsx", fallback.OpenpyxlBook),
                                          ("samples/ha-noi/HN01/2021-01.xlsx", fallback.OpenpyxlBook),
                                          ("samples/nam-dinh/NDCS/2019-01.xlsx", fallback.OpenpyxlBook),
                                          ("samples/ninh-binh-2025/HNA01/2025-01.xlsx", fallback.OpenpyxlBook),
                                          ("samples/cao-bang/tinh/2019.xlsx", fallback.OpenpyxlBook),
                                          ("samples/targets/son-la-2022.xlsx", fallback.OpenpyxlBook)])
def test_second_parser_reads_what_calamine_reads(name, parser, monkeypatch):
    """The same result (figures and issues, at the same cells) whichever parser read the file."""
    path = ROOT / name
    first = read_workbook(path)
    from python_calamine import CalamineError  # what calamine raises on a file it cannot read
    monkeypatch.setattr(fallback, "CalamineBook", lambda wb: (_ for _ in ()).throw(CalamineError("first failed")))
    used = []
    sheet = parser.sheet
    monkeypatch.setattr(parser, "sheet", lambda self, index: used.append(index) or sheet(self, index))
    second = read_workbook(path)
    assert used or first.status == "skipped"
    assert first.issues == second.issues
    assert (first.census, first.events, first.figures, first.totals) == \
        (second.census, second.events, second.figures, second.totals)
    assert first.status == second.status
    assert (first.unit, first.year, first.month, first.pfigures) == (second.unit, second.year, second.month,
                                                                     second.pfigures)


def test_sparse_grid_keeps_the_table_and_names_the_strays():
    cells = {(0, 0): "Diện", (0, 1): "Đầu kỳ", (1, 0): "BB", (1, 1): 5.0, (1_048_575, 16_383): 7.0}
    sheet = fallback.grid(cells, "SiSo")
    assert sheet.rows == [["Diện", "Đầu kỳ"], ["BB", 5.0]]
    assert sheet.strays == [(1_048_576, "XFD", 7.0)]


def test_a_table_too_long_is_still_refused():
    cells = {(r, 0): 1.0 for r in range(safety.MAX_ROWS + 5)}
    with pytest.raises(safety.Refused) as exc:
        fallback.grid(cells, "BienDong")
    assert exc.value.code == "F004"


def test_cli_debug_shows_the_parsers_words(tmp_path):
    """`validate` of a damaged file: Vietnamese (or English) words, the parsers' own only with --debug."""
    def run(*args):
        return subprocess.run([sys.executable, "-m", "rehabstat", *args, "validate", str(WILD / "fuzzed.xls")],
                              capture_output=True, text=True, timeout=120,
                              env={k: v for k, v in __import__("os").environ.items() if k != "REHABSTAT_DEBUG"})
    plain, english, debug = run(), run("--lang", "en"), run("--debug")
    assert plain.returncode == english.returncode == debug.returncode == 1
    assert "nội dung không đúng cấu trúc sổ tính" in plain.stdout and "Panic" not in plain.stdout + plain.stderr
    assert "its content does not follow the workbook format" in english.stdout and "Panic" not in english.stdout
    assert "PanicException" in debug.stdout


def test_macro_sheet_before_the_data_keeps_every_cell_in_place():
    """An ignored sheet first in the workbook: error cells and formulas are still looked for
    in each data sheet's own part, found at the same cells as in the workbook without it."""
    plain = read_workbook(ROOT / "tests" / "fixtures" / "errors.xlsx")
    macro = read_workbook(WILD / "macrosheet-first.xlsm")
    where = [(i.code, i.sheet, i.row, i.column) for i in plain.issues]
    assert where and {c for c, *_ in where} == {"C003"}
    assert [(i.code, i.sheet, i.row, i.column) for i in macro.issues] == [("F017", "Macro1", None, None)] + where
    assert (macro.census, macro.events, macro.figures) == (plain.census, plain.events, plain.figures)


def test_second_ods_parser_counts_repeated_cells(tmp_path):
    """A repeated cell stands for as many cells as it repeats: the streaming reader stops at
    a million (the hostile ODS of tests/test_hostile.py, given to it directly)."""
    import broken
    out = broken.write_ods_bomb(tmp_path / "ods-bomb.ods", tmp_path)
    with pytest.raises(safety.Refused) as exc:
        fallback.OdsBook(out)
    assert exc.value.code == "F004"
