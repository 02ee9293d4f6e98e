"""What users print: workbooks on A4 in the page counts the README states, Word documents
whose header lines never wrap badly and whose tables have room inside their cells."""
from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import openpyxl
import pytest
from docx import Document
from docx.oxml.ns import qn

from conftest import cli
from rehabstat.common import vnformat as vn
from rehabstat.workbooks.xlsxout import longest_word, wrapped_lines

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def _print_pages():
    spec = importlib.util.spec_from_file_location("print_pages", ROOT / "docs" / "print_pages.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


# ---------------------------------------------------------------- line breaking

def test_agency_lines_break_in_balanced_halves():
    assert vn.balanced_lines("CƠ SỞ ĐIỀU TRỊ NGHIỆN MA TÚY", 3769, 13, bold=True) == "CƠ SỞ ĐIỀU TRỊ\nNGHIỆN MA TÚY"
    assert vn.balanced_lines("UBND TỈNH SƠN LA", 3769, 13) == "UBND TỈNH SƠN LA"  # fits: unchanged
    # nearly as even, and the way clerks break it: before "VÀ", not inside "THƯƠNG BINH"
    assert vn.balanced_lines("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI TỈNH SƠN LA", 3769, 13) == \
        "SỞ LAO ĐỘNG - THƯƠNG BINH\nVÀ XÃ HỘI TỈNH SƠN LA"
    assert vn.balanced_lines("SỞ LAO ĐỘNG - THƯƠNG BINH\nVÀ XÃ HỘI", 3769, 13) == "SỞ LAO ĐỘNG - THƯƠNG BINH\nVÀ XÃ HỘI"
    text = "CƠ SỞ CAI NGHIỆN MA TÚY SỐ 2 THÀNH PHỐ HỒ CHÍ MINH THUỘC SỞ LAO ĐỘNG"
    lines = vn.balanced_lines(text, 3769, 13, bold=True).split("\n")
    # four lines: three would break the city's name ("HỒ CHÍ / MINH"), which no clerk writes
    assert " ".join(lines) == text and len(lines) == 4 and "THÀNH PHỐ HỒ CHÍ MINH" in lines
    widths = [vn.text_width(line, 13, bold=True) for line in lines]
    assert max(widths) <= 3769 and min(widths) > 0.45 * max(widths)  # the name's line sets the measure
    # a measure we can trust: Times New Roman bold capitals (Adobe metrics), 13 pt
    assert vn.text_width("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, bold=True) == pytest.approx(5424, abs=10)


def test_agency_line_breaks_reach_the_document(tmp_path):
    res = cli("report", "--data", SAMPLES / "son-la", "--year", "2021", "--out", tmp_path)
    assert res.exit_code == 0, res.output
    doc = Document(tmp_path / "BC-SL01-2021.docx")
    left = doc.tables[0].rows[0].cells[0].paragraphs
    agency = next(p for p in left if "NGHIỆN" in p.text)
    assert agency.text == "CƠ SỞ ĐIỀU TRỊ\nNGHIỆN MA TÚY"
    assert len(agency._p.findall(".//" + qn("w:br"))) == 1


def test_wrapped_cells_never_break_a_word():
    assert wrapped_lines("Lượt khám bệnh", 20) == 1
    assert wrapped_lines("Lượt khám bệnh", 12) == 2
    assert wrapped_lines("KHAM_BENH", 5) == 1  # a code longer than the line keeps a line of its own
    assert longest_word("Methadone", bold=True) > 10  # the column that used to print "Methadon/e"


# ---------------------------------------------------------------- tables in the documents

def test_tables_of_figures_have_room_inside_their_cells(tmp_path):
    res = cli("plan", "--data", SAMPLES / "son-la", "--year", "2022", "--targets",
              SAMPLES / "targets" / "son-la-2022.xlsx", "--out", tmp_path)
    assert res.exit_code == 0, res.output
    doc = Document(tmp_path / "KH-SL01-2022.docx")
    bordered = [t for t in doc.tables if t.style.name == "Table Grid"]
    assert len(bordered) >= 2
    for t in bordered:
        mar = t._tbl.tblPr.find(qn("w:tblCellMar"))
        assert all(int(mar.find(qn(f"w:{s}")).get(qn("w:w"))) >= 100 for s in ("left", "right"))
    plan = next(t for t in bordered if t.rows[0].cells[3].text.startswith("Kế hoạch"))
    money = next(r.cells[3].text for r in plan.rows if r.cells[1].text.startswith("Doanh thu"))
    assert money == "5.000.000.000"
    width = int(plan.rows[1].cells[3]._tc.tcPr.find(qn("w:tcW")).get(qn("w:w")))
    assert vn.text_width(money, 12) + 2 * 100 < width  # the amount clear of both borders


# ---------------------------------------------------------------- the workbooks

def test_kh_workbook_has_its_targets(tmp_path):
    res = cli("plan", "--data", SAMPLES / "son-la", "--year", "2022", "--targets",
              SAMPLES / "targets" / "son-la-2022.xlsx", "--out", tmp_path)
    assert res.exit_code == 0, res.output
    wb = openpyxl.load_workbook(tmp_path / "KH-SL01-2022.xlsx")
    assert wb.sheetnames[:3] == ["BienDong", "SoLieuKhac", "ChiTieu"]
    ws = wb["ChiTieu"]
    assert ws["A1"].value == "Cơ sở Điều trị nghiện ma túy tỉnh Sơn La"
    assert [c.value for c in ws[4]] == ["Mã chỉ tiêu", "Nội dung", "Đơn vị tính", "Kế hoạch năm 2022",
                                        "Kết quả năm 2021"]
    rows = {r[0]: r for r in ws.iter_rows(min_row=5, values_only=True)}
    assert rows["DOANH_THU"][3:] == (5000000000, 5122732200)
    assert rows["HOAN_THANH"][3:] == (1800, 1816)
    for sheet in wb:
        assert int(sheet.page_setup.paperSize) == 9 and sheet.page_setup.fitToWidth in (None, 1), sheet.title
        assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.print_title_rows, sheet.title
    headers = [c.value for c in wb["ChiSo"][4]]
    assert headers == ["Đơn vị", "Cấp", "Kỳ", "Mã chỉ số", "Diện", "Giá trị", "Chỉ số"]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is needed to print")
def test_samples_print_in_the_page_counts_the_readme_states(tmp_path):
    pp = _print_pages()
    expected = pp.expected_counts()
    wanted = {"TongHop-2021-Q2.xlsx", "BC-SL01-2021.xlsx"}
    assert wanted <= set(expected)
    results = pp.render(tmp_path, only=wanted)
    assert {Path(k).name: pages for k, (pages, _) in results.items()} == {k: expected[k] for k in wanted}
