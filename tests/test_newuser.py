"""What a new user ran into with only the README and --help (QA pass): the blank form written
into a folder and printable, templates export told how to overwrite, a damaged workbook
explained in Vietnamese only, the annotated list printable, output-folder errors in English."""
from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl

from conftest import SAMPLES, cli

FORM = ["form", "--facility", "SL01", "--name", "Cơ sở Điều trị nghiện ma túy tỉnh Sơn La",
        "--province", "Sơn La", "--month", "01/2022"]


def test_form_out_an_existing_folder_writes_the_default_name_inside(tmp_path):
    folder = tmp_path / "so-trang"
    folder.mkdir()
    r = cli(*FORM, "--out", folder)
    assert r.exit_code == 0, r.output
    assert (folder / "SL01-2022-01.xlsx").is_file()
    assert [p.name for p in folder.iterdir()] == ["SL01-2022-01.xlsx"]
    again = cli(*FORM, "--out", folder)  # the file inside now exists: refused, named
    assert again.exit_code == 2 and "SL01-2022-01.xlsx" in again.output and "Traceback" not in again.output
    assert cli(*FORM, "--out", folder, "--force").exit_code == 0


def test_form_out_under_a_file_is_a_usage_error(tmp_path):
    blocker = tmp_path / "tep"
    blocker.write_text("x")
    r = cli(*FORM, "--out", blocker / "SL01.xlsx")
    assert r.exit_code == 2, r.output
    assert "là một tệp, không phải thư mục" in r.output and "không mong đợi" not in r.output


def test_form_prints_each_sheet_one_page_wide(tmp_path):
    out = tmp_path / "f.xlsx"
    assert cli(*FORM, "--out", out).exit_code == 0
    wb = openpyxl.load_workbook(out)
    for ws in wb.worksheets:
        assert int(ws.page_setup.paperSize) == 9, ws.title  # A4
        assert ws.page_setup.fitToWidth in (None, 1) and ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
    assert wb["BienDong"].print_title_rows == "$1:$1"
    guide = wb["HuongDan"]
    long_lines = [c for c in guide["A"] if isinstance(c.value, str) and len(c.value) > 100]
    assert long_lines  # the numbered instructions: wrapped over A:C, rows tall enough, never cut at the edge
    merged = {str(m) for m in guide.merged_cells.ranges}
    for cell in long_lines:
        assert f"A{cell.row}:C{cell.row}" in merged and cell.alignment.wrap_text
        assert guide.row_dimensions[cell.row].height >= 2 * 15


def test_templates_export_twice_names_the_option_that_overwrites(tmp_path):
    assert cli("templates", "export", tmp_path / "mau").exit_code == 0
    again = cli("templates", "export", tmp_path / "mau")
    assert again.exit_code == 2 and "--force" in again.output
    forced = cli("templates", "export", tmp_path / "mau", "--force")
    assert forced.exit_code == 0, forced.output


def test_a_truncated_workbook_is_explained_in_vietnamese_only(tmp_path):
    data = (SAMPLES / "son-la" / "2021-05.xlsx").read_bytes()
    bad = tmp_path / "2021-05.xlsx"
    bad.write_bytes(data[:5000])
    r = cli("validate", bad)
    assert r.exit_code == 1 and "F002" in r.output
    assert "bị cắt cụt" in r.output and "zip file" not in r.output.lower()


def test_a_corrupt_zip_member_is_explained_in_vietnamese_only(tmp_path):
    """A zip whose directory is fine but one member is corrupt (CRC) reads as F002 in Vietnamese."""
    src = SAMPLES / "son-la" / "2021-05.xlsx"
    bad = tmp_path / "2021-05.xlsx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(bad, "w", zipfile.ZIP_STORED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info.filename))
    raw = bytearray(bad.read_bytes())
    at = raw.find(b"<worksheet")  # inside a stored sheet part: its CRC no longer matches
    raw[at + 1] ^= 0x20
    bad.write_bytes(bytes(raw))
    r = cli("validate", bad)
    assert r.exit_code == 1, r.output
    assert "Traceback" not in r.output and "Bad CRC" not in r.output and "BadZipFile" not in r.output


def test_the_annotated_list_prints_one_page_wide(tmp_path):
    src = tmp_path / "nop"
    src.mkdir()
    wb = openpyxl.load_workbook(SAMPLES / "son-la" / "2021-04.xlsx")
    wb["SiSo"]["C2"] = wb["SiSo"]["C2"].value + 1
    wb.save(src / "2021-04.xlsx")
    r = cli("validate", src, "--annotate", tmp_path / "kt")
    assert r.exit_code == 1, r.output
    ws = openpyxl.load_workbook(tmp_path / "kt" / "2021-04.kiem-tra.xlsx")["KiemTra"]
    assert ws.page_setup.fitToWidth in (None, 1) and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.orientation == "landscape" and ws.print_title_rows == "$3:$3"


def test_output_folder_errors_are_english_with_lang_en(tmp_path):
    blocker = tmp_path / "tep"
    blocker.write_text("x")
    r = cli("--lang", "en", "report", "--data", SAMPLES / "son-la", "--year", "2021", "--out", blocker)
    assert r.exit_code == 2
    assert "is a file, not a folder" in r.output and "Không ghi được" not in r.output


def test_templates_export_into_a_file_is_a_usage_error(tmp_path):
    blocker = tmp_path / "mau"
    blocker.write_text("x")
    r = cli("templates", "export", blocker)
    assert r.exit_code == 2 and "là một tệp, không phải thư mục" in r.output, r.output


def test_a_misspelt_option_suggests_the_closest_first():
    r = cli("report", "--data", SAMPLES / "son-la", "--year", "2021", "--quater", "2")
    assert r.exit_code == 2
    assert "Không có tùy chọn --quater (gần giống: --quarter" in r.output, r.output
    en = cli("--lang", "en", "report", "--data", SAMPLES / "son-la", "--year", "2021", "--quater", "2")
    assert "(did you mean: --quarter" in en.output, en.output


def test_the_batch_table_says_not_counted_not_type(tmp_path):
    """'Loại' reads as 'type' to a clerk; the national workbook says 'Không tính (trùng, lỗi)'."""
    r = cli("batch", "--data", SAMPLES / "son-la", "--year", "2021", "--quarter", "2", "--out", tmp_path)
    assert r.exit_code == 0, r.output
    header = next(line for line in r.output.splitlines() if "Tỉnh/Thành phố" in line)
    assert "Không tính" in header and "Loại" not in header


def test_agency_lines_never_break_inside_a_word_or_a_place_name():
    """Vietnamese spells a two-syllable word as two: 'ỦY BAN NHÂN / DÂN TỈNH SƠN LA' (the Sơn La
    province BC) and 'PHÒNG CẢNH SÁT ĐIỀU / TRA TỘI PHẠM VỀ MA TÚY' (Ninh Bình 2025) read wrong."""
    from rehabstat.common import vnformat as vn
    assert vn.balanced_lines("ỦY BAN NHÂN DÂN TỈNH SƠN LA", 3769, 13) == "ỦY BAN NHÂN DÂN\nTỈNH SƠN LA"
    assert vn.balanced_lines("PHÒNG CẢNH SÁT ĐIỀU TRA TỘI PHẠM VỀ MA TÚY", 3769, 13, bold=True) == \
        "PHÒNG CẢNH SÁT ĐIỀU TRA\nTỘI PHẠM VỀ MA TÚY"
    assert vn.balanced_lines("ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU", 3769, 13) == \
        "ỦY BAN NHÂN DÂN\nTỈNH BÀ RỊA - VŨNG TÀU"


def test_the_province_report_header_reads_uy_ban_nhan_dan(tmp_path):
    import shutil
    data = tmp_path / "data"  # the workbooks alone: the document takes the sector's defaults
    data.mkdir()
    for m in ("04", "05", "06"):
        shutil.copy(SAMPLES / "son-la" / f"2021-{m}.xlsx", data)
    r = cli("batch", "--data", data, "--year", "2021", "--quarter", "2", "--out", tmp_path)
    assert r.exit_code == 0, r.output
    from docx import Document
    left = Document(tmp_path / "BC-Son-La-2021-Q2.docx").tables[0].rows[0].cells[0]
    assert "ỦY BAN NHÂN DÂN\nTỈNH SƠN LA" in left.text, left.text


def test_indicators_never_overwrite_a_data_workbook(tmp_path):
    """`--out` one letter off (the data file instead of a new one) replaced a facility's
    January workbook with the indicator table, exit 0."""
    import shutil
    data = tmp_path / "data"
    shutil.copytree(SAMPLES / "son-la", data)
    before = (data / "2021-01.xlsx").read_bytes()
    for fmt in (["--format", "xlsx"], []):
        r = cli("indicators", "--data", data, "--year", "2021", *fmt, "--out", data / "2021-01.xlsx")
        assert r.exit_code == 2 and "Không ghi đè" in r.output, r.output
    r = cli("indicators", "--data", data, "--year", "2021", "--format", "csv", "--out", data / "2021-01.xlsx")
    assert r.exit_code == 2 and "không hợp với --out" in r.output, r.output  # CSV text is never named .xlsx
    assert (data / "2021-01.xlsx").read_bytes() == before
    ours = tmp_path / "chi-so.xlsx"  # our own result may be written again
    for _ in range(2):
        r = cli("indicators", "--data", data, "--year", "2021", "--format", "xlsx", "--out", ours)
        assert r.exit_code == 0, r.output


def test_approving_an_approved_quarter_again_is_not_a_failure(tmp_path):
    """`approve` twice (the officer is not sure it went through) said 'Đã duyệt 0/3 tháng' and
    exit 1, though --help says exit 1 means a month without a workbook."""
    kho = tmp_path / "kho"
    months = [SAMPLES / "son-la" / f"2021-0{m}.xlsx" for m in (1, 2, 3)]
    assert cli("receive", *months, "--store", kho).exit_code == 0
    first = cli("approve", "--store", kho, "--facility", "SL01", "--year", 2021, "--quarter", 1)
    assert first.exit_code == 0, first.output
    again = cli("approve", "--store", kho, "--facility", "SL01", "--year", 2021, "--quarter", 1)
    assert again.exit_code == 0, again.output
    assert "Đã duyệt 0/3 tháng (quý I năm 2021); 3 tháng đã duyệt từ trước." in again.output
    half = cli("approve", "--store", kho, "--facility", "SL01", "--year", 2021, "--half", 1)
    assert half.exit_code == 1 and "chưa có sổ được nhận" in half.output  # 04-06: nothing received


def test_help_paragraphs_are_not_broken_where_the_docstring_wraps():
    from typer.testing import CliRunner
    from rehabstat.cli import app
    out = CliRunner().invoke(app, ["report", "--help"], env={"COLUMNS": "200"}).output
    assert "mã thoát 1, liệt kê điều cần sửa" in out, out
    out = CliRunner().invoke(app, ["indicators", "--help"], env={"COLUMNS": "200"}).output
    assert "sổ trùng, sổ có lỗi" in out, out
    assert "Ví dụ: rehabstat indicators --data" in out  # the example keeps its paragraph


def test_a_national_total_of_some_provinces_says_so(tmp_path):
    """Hà Nội's workbooks carry no medical figures: 'Toàn quốc 10.327 lượt khám' was Sơn La's
    alone, unmarked, beside Hà Nội's blank."""
    r = cli("batch", "--data", SAMPLES, "--year", "2021", "--quarter", "2", "--out", tmp_path)
    assert r.exit_code == 0, r.output
    wb = openpyxl.load_workbook(tmp_path / "TongHop-2021-Q2.xlsx")
    rows = [[c for c in row if c is not None] for row in wb["YTe"].iter_rows(values_only=True)]
    assert ["Toàn quốc", 8, 10327, 3233, 225, 25, 341, 98, 96] in rows
    notes = [row[0] for row in rows if row and str(row[0]).startswith("Ô trống")]
    assert len(notes) == 1 and "lượt khám bệnh (1/2 tỉnh)" in notes[0] and "học viên điều trị ARV (1/2 tỉnh)" in notes[0]
    assert not any(str(row[0]).startswith("Ô trống") for row in wb["BienDong"].iter_rows(values_only=True) if row[0])


def test_indicators_compare_json_is_valid_json_with_null_for_no_change(tmp_path):
    """`indicators --compare --format json` wrote NaN (not JSON: strict parsers refuse it) where
    the earlier value was 0 or missing; now null."""
    import json
    res = cli("indicators", "--data", SAMPLES / "son-la", "--year", "2021", "--quarter", "2", "--compare", "previous",
              "--format", "json")
    assert res.exit_code == 0, res.output
    assert "NaN" not in res.stdout
    rows = json.loads(res.stdout, parse_constant=lambda c: (_ for _ in ()).throw(ValueError(c)))
    assert any(r["change_pct"] is None for r in rows) and any(isinstance(r["change_pct"], (int, float)) for r in rows)


def test_indicators_compare_leaves_an_unreported_earlier_figure_blank():
    """A province workbook's figure (AP_PHICH ...) that no workbook reported for the earlier
    period is blank there, not 0; a flow of events with no event then is 0."""
    res = cli("indicators", "--data", SAMPLES / "cao-bang", "--year", "2020", "--half", "1", "--level", "province",
              "--compare", "year")
    assert res.exit_code == 0, res.output
    rows = {tuple(line.split(",")[3:5]): line.split(",") for line in res.stdout.splitlines()[1:]}
    assert rows[("AP_PHICH", "ALL")][6:] == ["2019-H1", "", "", ""]
    assert rows[("TIEP_NHAN", "ALL")][6:] == ["2019-H1", "79", "-2", "-2.5"]
    assert rows[("TRON", "ALL")][6:] == ["2019-H1", "0", "0", ""]


def test_form_out_without_xlsx_is_a_folder_and_an_unknown_province_is_refused(tmp_path, monkeypatch):
    """`form --out form1` wrote a file named form1 (no .xlsx: Excel does not open it on a
    double-click); now a folder, the default name inside. A province form for a province that
    does not exist is a usage error (exit 2) with the closest names."""
    monkeypatch.chdir(tmp_path)
    res = cli("form", "--facility", "SL01", "--name", "Cơ sở", "--province", "Sơn La", "--month", "01/2022",
              "--out", "form1")
    assert res.exit_code == 0, res.output
    assert (tmp_path / "form1" / "SL01-2022-01.xlsx").is_file()
    res = cli("form", "--level", "province", "--province", "Nam Định", "--period", "2019", "--out", "p")
    assert res.exit_code == 0 and (tmp_path / "p" / "Nam-Dinh-2019.xlsx").is_file()
    res = cli("form", "--level", "province", "--province", "Atlantis", "--period", "2019")
    assert res.exit_code == 2 and "'Atlantis' không phải tên tỉnh/thành phố nào" in res.output
    assert not list(tmp_path.glob("Atlantis*"))


def test_indicators_csv_writes_whole_figures_as_whole_numbers():
    """A province workbook's figure read as 500.0 was written 500.0 in the csv (the json said 500)."""
    res = cli("indicators", "--data", SAMPLES / "cao-bang", "--year", "2020", "--half", "1", "--level", "province")
    assert res.exit_code == 0, res.output
    rows = {tuple(line.split(",")[3:5]): line.split(",")[5] for line in res.stdout.splitlines()[1:]}
    assert rows[("AP_PHICH", "ALL")] == "500" and rows[("DAU_TU", "ALL")] == "3700000000"
    res = cli("report", "--data", SAMPLES / "ha-noi", "--year", "2021")
    assert res.exit_code == 2 and "(HN01, HN02, HN03, HN04, HN05, HN06, HN07)." in res.output  # all seven: no "..."


def test_document_settings_notes_in_english(tmp_path):
    """The notes on the preset agency and the missing signer (settings/sector.py) are said in
    English under --lang en, and stay Vietnamese without it."""
    args = ["report", "--data", SAMPLES, "--province", "Hà Nội", "--year", "2021", "--quarter", "2",
            "--out", tmp_path]
    en = cli(*args, "--lang", "en")
    assert en.exit_code == 0, en.output
    assert ("Note: The agency, signer and recipients are the defaults of the Labour, Invalids and Social Affairs "
            "sector (periods ending before 01/03/2025); change them in [document] of rehabstat.toml") in en.output
    assert "Note: No signer's name (document.signer_name in rehabstat.toml)" in en.output
    assert "mặc định của" not in en.output and "Chưa có họ tên" not in en.output
    vi = cli(*args)
    assert vi.exit_code == 0, vi.output
    assert "Lưu ý: Cơ quan, người ký và nơi nhận theo mặc định của ngành Lao động" in vi.output
    assert "sửa trong [document] của rehabstat.toml nếu khác." in vi.output
    assert "Chưa có họ tên người ký (document.signer_name trong rehabstat.toml)" in vi.output


def test_a_period_inside_a_warning_is_in_the_readers_language():
    """I006 sums a year: the year is named in the message's language, its code kept in JSON."""
    en = cli("validate", SAMPLES / "ninh-binh-2025", "--lang", "en")
    [line] = [x for x in en.output.splitlines() if " I006 " in x]
    assert "Facility NB01, year 2025: CHUNG_CHI (6) exceeds DAY_NGHE (4)" in line and "năm" not in line
    vi = cli("validate", SAMPLES / "ninh-binh-2025")
    [line] = [x for x in vi.output.splitlines() if " I006 " in x]
    assert "Cơ sở NB01, năm 2025: Học viên được cấp chứng chỉ (6)" in line


def test_form_help_offers_only_the_levels_form_accepts():
    from typer.testing import CliRunner
    from rehabstat.cli import app
    for lang in ("vi", "en"):
        out = CliRunner().invoke(app, ["form", "--help", "--lang", lang], env={"COLUMNS": "200"}).output
        [line] = [x for x in out.splitlines() if "--level" in x and "│" in x]
        assert "facility|province" in line and "national" not in line
    out = CliRunner().invoke(app, ["indicators", "--help"], env={"COLUMNS": "200"}).output
    assert "facility|province|national" in out


def test_tomtat_leaves_on_time_and_late_blank_without_a_deadline(tmp_path):
    """No [deadline]: no month is known to be on time or late; a 0 would say it is."""
    res = cli("batch", "--data", SAMPLES / "son-la", "--year", 2021, "--out", tmp_path / "a")
    assert res.exit_code == 0, res.output
    ws = openpyxl.load_workbook(tmp_path / "a" / "TongHop-2021.xlsx")["TomTat"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][9:] == ("Sổ tháng đã gửi", "Gửi đúng hạn", "Gửi muộn", "Tỷ lệ gửi sổ (%)", "Tỷ lệ gửi đúng hạn (%)")
    assert rows[1][9:] == (12, None, None, 100, None)
    assert any(r[0] and "Chưa có [deadline]" in r[0] and "để trống" in r[0] for r in rows)
    res = cli("batch", "--data", SAMPLES / "ninh-binh-2025", "--year", 2025, "--quarter", 3, "--out", tmp_path / "b")
    assert res.exit_code == 0, res.output
    ws = openpyxl.load_workbook(tmp_path / "b" / "TongHop-2025-Q3.xlsx")["TomTat"]
    assert list(ws.iter_rows(min_row=2, max_row=2, values_only=True))[0][9:] == (9, 9, 0, 100, 100)


def test_a_data_folder_without_a_workbook_is_a_usage_error_naming_it_for_every_command(tmp_path):
    # the wrong folder given: exit 2 and the folder named, the same for indicators as for report
    folder = tmp_path / "nop"
    folder.mkdir()
    (folder / "ghi-chu.txt").write_text("sổ gửi sau")
    for args in (["indicators", "--data", folder, "--year", "2021"],
                 ["report", "--data", folder, "--year", "2021", "--out", tmp_path / "out"],
                 ["plan", "--data", folder, "--year", "2022", "--targets", SAMPLES / "targets" / "son-la-2022.xlsx",
                  "--out", tmp_path / "out"]):
        r = cli(*args)
        assert r.exit_code == 2, r.output
        assert f"Không tìm thấy sổ hằng tháng nào (.xlsx, .xlsm, .xls, .ods) trong {folder}." in r.output
    r = cli("indicators", "--data", folder, "--year", "2021", "--lang", "en")
    assert r.exit_code == 2 and f"No monthly workbook (.xlsx, .xlsm, .xls, .ods) found in {folder}." in r.output
    assert not (tmp_path / "out").exists()
