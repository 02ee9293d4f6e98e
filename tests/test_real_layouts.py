"""Workbooks made the way real offices and real software make them: each gives the
figures of the clean original, or a clear issue at the right cell.

The files of tests/fixtures/ are made by tests/fixtures/make_fixtures.py (LibreOffice, GNU
iconv); the others here are written by openpyxl, as the script or clerk of the case would.
"""
from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

import broken
from conftest import cli
from rehabstat.reading import formula, legacy
from rehabstat.reading.dataset import read_paths
from rehabstat.computing.indicators import compute
from rehabstat.computing.indicators import value as indicator
from rehabstat.common.periods import make_period
from rehabstat.commands.validate import validate_paths
from test_reader_tolerance import summary

FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOV_FORMS = ["gov-form.xlsx", "gov-form.lo.xlsx", "gov-form.ods", "gov-form.xls"]
ERROR_FILES = ["errors.xlsx", "errors.ods", "errors.xls"]


def _where(issues):
    return sorted((i.code, i.severity, i.sheet, i.row, i.column) for i in issues)


def _table(ds):
    t = compute(ds, make_period(year=2021, month=3))
    return t.sort_values(list(t.columns[:-1])).reset_index(drop=True)


@pytest.fixture(scope="module")
def original(tmp_path_factory):
    """The clean month every fixture holds (344 admissions, most on aggregated rows)."""
    path = broken.write_book(tmp_path_factory.mktemp("orig") / "clean.xlsx", broken.clean_book(bb_admissions=338))
    ds = read_paths([path], jobs=1)
    assert ds.issues == []
    return summary(ds), _table(ds)


# ---------------------------------------------------------------- government forms

@pytest.mark.parametrize("name", GOV_FORMS)
def test_government_form_reads_as_the_clean_original(name, original):
    """Two- and three-row merged headers, a column-number row, "Tổng cộng" first with SUM
    formulas, Cuối kỳ and DOANH_THU as formulas (without values in gov-form.xlsx, written
    by openpyxl; computed by LibreOffice in the others), apostrophes before numbers and dates."""
    result = validate_paths([FIXTURES / name], jobs=1)
    assert [(i.code, i.where, i.message) for i in result.issues] == []
    assert summary(result.dataset) == original[0]
    table = _table(result.dataset)
    assert table.equals(original[1])
    assert indicator(table, "TIEP_NHAN") == 344  # the merged-down "Số lượng" kept (not 1 per row: 30)
    assert indicator(table, "DOANH_THU") == 426_894_350  # a formula without a value: computed, not dropped
    assert indicator(table, "CUOI_KY", "BB") == 437  # Cuối kỳ = Có mặt + Vắng mặt, never 0


def test_government_form_header_layout():
    from rehabstat.reading.reader import read_workbook
    res = read_workbook(FIXTURES / "gov-form.xls")
    assert res.layout["SiSo"] == {"category": "B", "opening": "C", "closing": "D", "present": "E", "absent": "F"}
    assert res.layout["BienDong"] == {"stt": "A", "person": "B", "name": "C", "category": "D", "event": "E",
                                      "date": "F", "new_category": "G", "count": "H", "note": "I"}
    assert [t[1] for t in res.totals] == [7, 6]  # the totals rows first, under the column numbers
    assert "A" not in {f[2] for f in res.figures} and len(res.figures) == 4  # "A, B, C, D, 1" is not a figure


def test_totals_row_first_is_checked_against_the_rows_below(tmp_path):
    book = broken.clean_book()
    rows = book.census[1:]
    total = ["Tổng cộng"] + [sum(r[k] for r in rows) for k in range(1, 5)]
    total[2] += 1  # Cuối kỳ off by one
    book.census.insert(1, total)
    result = validate_paths([broken.write_book(tmp_path / "m.xlsx", book)], jobs=1)
    assert [(i.code, i.where) for i in result.issues] == [("I004", "SiSo!C2")]
    assert "cộng các dòng dưới được" in result.issues[0].message


@pytest.mark.parametrize("row", [["A", "B", "1", "2", "3"], ["(1)", "(2)", "(3)", "(4)", "(5)"], [1, 2, 3, 4, 5]])
def test_column_number_row_under_the_header_is_skipped(tmp_path, row):
    book = broken.clean_book()
    book.census.insert(1, row)
    book.figures.insert(1, ["A", "B", "C", "1"])
    result = validate_paths([broken.write_book(tmp_path / "m.xlsx", book)], jobs=1)
    assert result.issues == []
    assert "A" not in set(result.dataset.figures["code"])


def test_a_data_row_is_not_taken_for_column_numbers(tmp_path):
    book = broken.clean_book()
    book.census = [book.census[0], ["TN", 1, 2, 2, 0]]  # right under the header, small numbers
    book.events = [book.events[0]]
    result = validate_paths([broken.write_book(tmp_path / "m.xlsx", book)], jobs=1)
    assert ("TN", 1, 2, 2, 0) in summary(result.dataset)["census"]


def test_header_merged_down_without_merge_information(tmp_path, original):
    """The same two-row header typed without merging: a blank cell under STT, Mã HV, Số
    lượng takes the text above it only through the block; the group header names no field."""
    book = broken.clean_book(bb_admissions=338)
    top = ["STT", "Mã học viên", "Họ và tên", "Biến động trong tháng", None, None, None, "Số lượng", "Ghi chú"]
    book.events[0] = [None, None, None, "Diện", "Loại", "Ngày", "Diện mới", None, None]
    book.title_rows["events"] = [top]
    result = validate_paths([broken.write_book(tmp_path / "m.xlsx", book)], jobs=1)
    assert result.issues == []
    assert summary(result.dataset) == original[0]


# ---------------------------------------------------------------- a sheet or a column twice

def test_two_sheets_for_one_role_is_an_error_naming_both(tmp_path):
    path = broken.write_book(tmp_path / "m.xlsx", broken.clean_book())
    wb = load_workbook(path)
    copy = wb.copy_worksheet(wb["BienDong"])
    copy.title = "Biến động"
    wb.save(path)
    result = validate_paths([path], jobs=1)
    assert [(i.code, i.sheet) for i in result.issues] == [("F011", "Biến động")]
    assert "'BienDong' và 'Biến động'" in result.issues[0].message
    assert result.files[0]["status"] == "error"


def test_a_copy_named_sheet_alone_is_read(tmp_path, original):
    book = broken.clean_book(bb_admissions=338)
    book.sheets["events"] = "BienDong (2)"
    result = validate_paths([broken.write_book(tmp_path / "m.xlsx", book)], jobs=1)
    assert result.issues == [] and summary(result.dataset) == original[0]


def test_repeated_header_column_is_an_error_naming_both(tmp_path):
    book = broken.clean_book()
    for r in book.events:
        r.append(r[broken.E_DATE] if r is not book.events[0] else "Ngày biến động")
    result = validate_paths([broken.write_book(tmp_path / "m.xlsx", book)], jobs=1)
    assert [(i.code, i.where) for i in result.issues] == [("F012", "BienDong!J1")]
    assert "(F và J)" in result.issues[0].message


def test_repeated_unread_column_is_fine(tmp_path):
    book = broken.clean_book()
    for r in book.events:
        r.append("Ghi chú" if r is book.events[0] else None)
    assert validate_paths([broken.write_book(tmp_path / "m.xlsx", book)], jobs=1).issues == []


# ---------------------------------------------------------------- facility codes

def test_facility_code_variants_are_one_facility(tmp_path):
    typed = ["LC01", "LC 01", "LC-01", "lc01", "LC\u200b01", "\ufeffLC01", " LC–01 "]
    months = broken.series([(2021, m) for m in range(1, len(typed) + 1)])
    for k, (_, book) in enumerate(months):
        book.info[0][1] = typed[k]
        broken.write_book(tmp_path / f"2021-{k + 1:02d}.xlsx", book)
    result = validate_paths([tmp_path], jobs=1)
    assert result.issues == []
    assert list(result.dataset.files["unit"]) == ["LC01"] * len(typed)
    res = cli("indicators", "--data", tmp_path, "--from", "01/2021", "--to", "07/2021", "--facility", "lc-01")
    assert res.exit_code == 0, res.output
    assert "LC01,facility,2021-01..2021-07,TIEP_NHAN,ALL,49" in res.stdout  # 7 a month, one facility
    assert "LC01,facility,2021-01..2021-07,SO_THANG_GUI,ALL,7" in res.stdout


def test_one_facility_under_two_codes_is_an_error_at_the_code_cell(tmp_path):
    months = broken.series([(2021, 1), (2021, 2), (2021, 3)])
    for k, (_, book) in enumerate(months):
        if k == 2:
            book.info[0][1] = "LC02"  # a typing error: the same name and province
        broken.write_book(tmp_path / f"2021-{k + 1:02d}.xlsx", book)
    result = validate_paths([tmp_path], jobs=1)
    x005 = [i for i in result.issues if i.code == "X005"]
    assert [(Path(i.file).name, i.where) for i in x005] == [("2021-03.xlsx", "ThongTin!B1")]
    assert "LC02" in x005[0].message and "LC01" in x005[0].message
    assert cli("validate", tmp_path).exit_code == 1


# ---------------------------------------------------------------- formulas without values

def _script_book(tmp_path, closing_formula):
    """A clean month whose Cuối kỳ of BB is a formula, written by openpyxl (no value saved)."""
    path = broken.write_book(tmp_path / "m.xlsx", broken.clean_book())
    wb = load_workbook(path)
    wb["SiSo"]["C2"] = closing_formula
    wb.save(path)
    return path


@pytest.mark.parametrize("text", ["=D2+E2", "=SUM(D2:E2)", "=(D2*2+E2*2)/2", "=+D2-(-E2)", "=SUM(D2,E2)"])
def test_formula_without_value_is_computed(tmp_path, text):
    result = validate_paths([_script_book(tmp_path, text)], jobs=1)
    assert result.issues == []
    assert summary(result.dataset)["census"][0][:3] == ("BB", 100, 100)


@pytest.mark.parametrize("text", ["=ThongTin!B1", "=VLOOKUP(A2,A2:E7,3,0)", '=D2&"x"', "=C2+1"])
def test_formula_that_cannot_be_computed_is_an_error_never_0(tmp_path, text):
    result = validate_paths([_script_book(tmp_path, text)], jobs=1)
    assert [(i.code, i.where) for i in result.issues] == [("C008", "SiSo!C2")]
    assert "chưa có giá trị đã tính: mở tệp bằng Excel hoặc LibreOffice rồi lưu lại" in result.issues[0].message
    assert result.has_errors


def test_formula_failing_when_computed_is_an_error_cell(tmp_path):
    result = validate_paths([_script_book(tmp_path, "=D2/0")], jobs=1)
    assert [(i.code, i.where) for i in result.issues] == [("C003", "SiSo!C2")]
    assert "#DIV/0!" in result.issues[0].message


def test_placeholder_values_of_a_recalculate_on_load_workbook_are_not_trusted(tmp_path):
    """XlsxWriter saves 0 as every formula's value and asks Excel to recalculate on load."""
    path = _script_book(tmp_path, "=D2+E2")
    with zipfile.ZipFile(path) as z:
        parts = {i.filename: z.read(i.filename) for i in z.infolist()}
    sheet = next(n for n in parts if n.startswith("xl/worksheets/") and b"D2+E2" in parts[n])
    parts[sheet] = parts[sheet].replace(b"<f>D2+E2</f><v></v>", b"<f>D2+E2</f><v>0</v>")
    parts["xl/workbook.xml"] = re.sub(rb"<calcPr[^>]*/>", b'<calcPr calcId="0" fullCalcOnLoad="1"/>',
                                      parts["xl/workbook.xml"])
    assert b"<v>0</v>" in parts[sheet] and b"fullCalcOnLoad" in parts["xl/workbook.xml"]
    with zipfile.ZipFile(path, "w") as z:
        for n, data in parts.items():
            z.writestr(n, data)
    result = validate_paths([path], jobs=1)
    assert result.issues == [] and summary(result.dataset)["census"][0][:3] == ("BB", 100, 100)


def test_evaluator():
    cells = {(0, 0): 2, (0, 1): 3.5, (1, 0): "x", (1, 1): None}
    formulas = {(2, 0): "SUM(A1:B2)*2", (2, 1): "A3/4-1", (3, 0): "A2+1", (3, 1): "B3+B4"}
    sheet = formula.Sheet(lambda r, c: cells.get((r, c)), lambda r, c: formulas.get((r, c)), lambda r, c: None)
    assert sheet.evaluate(2, 0) == 11 and formula.as_number(sheet.evaluate(2, 1)) == 1.75
    with pytest.raises(formula.CannotEvaluate):
        sheet.evaluate(3, 0)  # text in arithmetic
    with pytest.raises(formula.CannotEvaluate):
        sheet.evaluate(3, 1)  # circular
    assert formula.shift("SUM(B2:B$5)+$C1", 2, 1) == "SUM(C4:C$5)+$C3"
    many = formula.Sheet(lambda r, c: 1, lambda r, c: "SUM(B1:B1000)" if c == 0 else None, lambda r, c: None,
                         budget=20_000)
    assert [many.evaluate(r, 0) for r in range(19)] == [1000] * 19  # the budget's worth of cells visited...
    with pytest.raises(formula.CannotEvaluate):
        many.evaluate(20, 0)  # ...then no more: a file cannot make the evaluation slow
    deep = formula.Sheet(lambda r, c: 1, lambda r, c: f"A{r + 2}+1" if r < 5000 else None, lambda r, c: None)
    with pytest.raises(formula.CannotEvaluate):
        deep.evaluate(0, 0)  # 5.000 formulas nested
    assert formula.as_number(formula.Sheet(lambda r, c: None, lambda r, c: "0.1+0.2" if (r, c) == (0, 0) else None,
                                           lambda r, c: None).evaluate(0, 0)) == 0.3


# ---------------------------------------------------------------- error cells

EXPECTED_ERRORS = [("C003", "error", "BienDong", 3, "B"), ("C003", "error", "SiSo", 3, "C"),
                   ("C003", "error", "SoLieu", 3, "A"), ("C003", "error", "SoLieu", 4, "C")]


@pytest.mark.parametrize("name", ERROR_FILES)
def test_error_cells_in_every_format_and_column(name):
    """#DIV/0! in Cuối kỳ, #REF! in Mã học viên, #N/A in SoLieu's Mã, #VALUE! in its Đơn vị:
    saved by LibreOffice as .xlsx, .ods and .xls."""
    result = validate_paths([FIXTURES / name], jobs=1)
    assert _where(result.issues) == EXPECTED_ERRORS
    by_cell = {i.where: i.message for i in result.issues}
    assert "#DIV/0!" in by_cell["SiSo!C3"] and "#REF!" in by_cell["BienDong!B3"] and "#N/A" in by_cell["SoLieu!A3"]
    assert cli("validate", FIXTURES / name).exit_code == 1


def test_error_cell_in_an_unread_column_is_a_warning_and_the_row_counts(tmp_path, original):
    path = broken.write_book(tmp_path / "m.xlsx", broken.clean_book(bb_admissions=338))
    broken.put_excel_error(path, 3, "I6", "#REF!")  # Ghi chú of an event row
    result = validate_paths([path], jobs=1)
    assert _where(result.issues) == [("C003", "warning", "BienDong", 6, "I")]
    assert summary(result.dataset) == original[0]


# ---------------------------------------------------------------- TCVN3 and VNI

@pytest.mark.parametrize("name,encoding", [("tcvn3.xlsx", "TCVN3"), ("vni.xlsx", "VNI"),
                                           ("tcvn3-unicode-sheets.xlsx", "TCVN3")])  # sheets renamed in Unicode
def test_legacy_encodings_are_decoded_with_a_note(name, encoding, original):
    result = validate_paths([FIXTURES / name], jobs=1)
    assert [(i.code, i.severity) for i in result.issues] == [("F010", "warning")]
    assert encoding in result.issues[0].message
    assert summary(result.dataset) == original[0]
    assert result.dataset.files.iloc[0]["unit_name"] == broken.UNIT_NAME


def test_unicode_workbook_is_never_decoded(tmp_path):
    book = broken.clean_book()
    book.sheets["events"] = "Sự kiện"  # not a BienDong name in any encoding: decoding cannot help
    book.info[1][1] = "Cơ sở Hòa Bình, Cà Mau, Tây Ninh"  # Latin-1 letters a decoder would change
    result = validate_paths([broken.write_book(tmp_path / "m.xlsx", book)], jobs=1)
    assert [i.code for i in result.issues] == ["F005"]
    assert result.dataset.files.iloc[0]["unit_name"] == "Cơ sở Hòa Bình, Cà Mau, Tây Ninh"


LETTERS = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"


def test_legacy_tables_round_trip_every_vietnamese_letter():
    assert legacy.decode_vni(legacy.encode_vni(LETTERS)) == LETTERS
    assert legacy.decode_vni(legacy.encode_vni(LETTERS.upper())) == LETTERS.upper()
    assert legacy.decode_tcvn3(legacy.encode_tcvn3(LETTERS)) == LETTERS
    assert legacy.decode_tcvn3(legacy.encode_tcvn3("ĂÂÊÔƠƯĐ")) == "ĂÂÊÔƠƯĐ"
    assert legacy.decode_tcvn3("SÜ sè") == "Sĩ số" and legacy.decode_tcvn3("Cai nghiÖn b¾t buéc") == "Cai nghiện bắt buộc"
    assert legacy.encode_vni("Xin chào các bạn") == "Xin chaøo caùc baïn"  # a published VNI example
    assert legacy.decode_vni("Cai nghieän baét buoäc") == "Cai nghiện bắt buộc"


@pytest.mark.skipif(shutil.which("iconv") is None, reason="GNU iconv not installed")
def test_tcvn3_table_matches_gnu_iconv():
    text = LETTERS + "ĂÂÊÔƠƯĐ"
    out = subprocess.run(["iconv", "-f", "utf-8", "-t", "TCVN5712-1"], input=text.encode(), capture_output=True)
    if out.returncode != 0:
        pytest.skip("iconv has no TCVN5712-1")
    assert out.stdout.decode("latin-1") == legacy.encode_tcvn3(text)


# ---------------------------------------------------------------- apostrophes

def test_leading_apostrophe_is_not_part_of_the_value():
    from rehabstat.common.values import parse_count, parse_date, parse_number
    assert parse_number("'1.207") == 1207 and parse_count("’12") == 12
    assert parse_date("'05/03/2021") == dt.date(2021, 3, 5)


def test_two_row_census_header_with_trong_do_in_the_text():
    """"Cuối kỳ" merged over "Tổng số | Trong đó: Có mặt | Trong đó: Vắng mặt"."""
    from rehabstat.reading.reader import HEADERS, locate_header
    rows = [["BÁO CÁO SĨ SỐ", "", "", "", ""],
            ["Diện", "Đầu kỳ", "Cuối kỳ", "", ""],
            ["", "", "Tổng số", "Trong đó: Có mặt", "Trong đó: Vắng mặt"],
            ["BB", 100, 100, 98, 2]]
    merges = [((0, 0), (0, 4)), ((1, 0), (2, 0)), ((1, 1), (2, 1)), ((1, 2), (1, 4))]
    header = locate_header(rows, HEADERS["census"], merges)
    assert header.cols == {"category": 0, "opening": 1, "closing": 2, "present": 3, "absent": 4}
    assert (header.first, header.last, header.data_start) == (1, 2, 3) and header.duplicates == []
