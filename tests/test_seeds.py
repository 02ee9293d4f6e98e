"""Issue 12: every published figure of seeds 004, 003 and 002, read back from the generated
documents, and the comparisons reports make (with the previous period of the same length
and with the same period of the previous year), only where the earlier period is in the data."""
from __future__ import annotations

import datetime as dt

import docx
import pytest

from conftest import SAMPLES, cli, cli_json, copy_samples_config, text_of
from rehabstat.computing.compare import earlier_period, in_data
from rehabstat.documents.comparisons import end_label, phrase, short_label
from rehabstat.common.periods import Period, make_period


def _report(tmp_path_factory, *args):
    out = tmp_path_factory.mktemp("bc")
    res = cli("report", "--out", out, *args)
    assert res.exit_code == 0, res.output
    docs = sorted(out.glob("*.docx"))
    assert len(docs) == 1
    return text_of(docs[0]), res.output, docs[0]


@pytest.fixture(scope="module")
def ha_noi_q2(tmp_path_factory):
    return _report(tmp_path_factory, "--data", SAMPLES / "ha-noi", "--year", "2021", "--quarter", "2",
                   "--province", "Hà Nội")


@pytest.fixture(scope="module")
def cao_bang(tmp_path_factory):
    return _report(tmp_path_factory, "--data", SAMPLES, "--province", "Cao Bằng", "--from", "01/2017", "--to", "06/2020")


# ---------------------------------------------------------------- seed 004, Hà Nội Q2/2021

def test_ha_noi_q2_opens_like_seed_004_with_the_comparison(ha_noi_q2):
    text, output, _ = ha_noi_q2
    assert ("Trong quý II/2021, các cơ sở đang quản lý: 3.121 học viên, so với cuối quý I/2021 giảm 126 học viên. "
            "Trong đó, có mặt tại cơ sở: 3.105 người (bắt buộc 1.915 học viên; tự nguyện 918 học viên; hỗ trợ cắt cơn "
            "03 học viên; lưu trú tạm thời 79 học viên; điều trị Methadone 190 học viên; vắng mặt: 16 người).") in text
    # flows against the previous quarter; Q2/2020 is not in the data: no "cùng kỳ" anywhere, never zeros
    # after the sentence on everyone, the learners' sentence says its base (one base per sentence)
    assert "tiếp nhận 632 học viên vào (không kể bệnh nhân điều trị Methadone), giảm 23% so với quý I/2021; trong đó:" \
        in text
    assert "cùng kỳ" not in text


def test_ha_noi_q2_has_seed_004_education_and_reintegration_paragraph(ha_noi_q2):
    text, _, _ = ha_noi_q2
    assert ("Trong quý, các cơ sở tổ chức giáo dục chuyên đề 1.155 học viên; tổ chức sinh hoạt chuyên đề 384 buổi "
            "cho 11.078 lượt học viên; tổng số học viên đã hoàn thành chương trình giáo dục đủ điều kiện cấp giấy "
            "chứng nhận 813 học viên; tổ chức tư vấn 396 buổi cho 5.274 lượt học viên; tư vấn giáo dục cá biệt 53 "
            "buổi cho 53 học viên.") in text
    assert ("Trong quý, duy trì hoạt động hòa nhập cộng đồng cho 756 lượt học viên; tư vấn hướng nghiệp cho 443 lượt "
            "học viên; tư vấn học nghề 454 học viên; tư vấn giới thiệu việc làm 380 lượt học viên.") in text
    assert text.count("5.274") == 1  # counselling is said once (education), not again under re-integration


def test_ha_noi_q2_department_opening_and_header(ha_noi_q2):
    """The opening names the department (sector preset of the period), not "Hà Nội báo cáo";
    the console says the names are the sector's defaults."""
    text, output, path = ha_noi_q2
    assert ("Sở Lao động - Thương binh và Xã hội báo cáo kết quả công tác cai nghiện ma túy trên địa bàn thành phố "
            "Hà Nội quý II năm 2021, cụ thể như sau:") in text.splitlines()
    header = docx.Document(path).tables[0]
    assert "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI" in " ".join(header.rows[0].cells[0].text.split())
    assert "/BC-LĐTBXH" in header.rows[1].cells[0].text
    assert "mặc định của ngành Lao động - Thương binh và Xã hội" in output
    assert "Hà Nội báo cáo" not in text
    assert text.splitlines()[-1] != "" and "của Sở Lao động - Thương binh và Xã hội./." in text


def test_escapes_said_once_and_referred_to(ha_noi_q2):
    text, _, _ = ha_noi_q2
    assert "Tổng số trốn trong quý là 02 lượt học viên (bằng quý I/2021)." in text
    assert "các trường hợp học viên trốn trong quý đã nêu tại mục 1." in text


# ---------------------------------------------------------------- seed 003, Cao Bằng 01/2017 - 06/2020

def test_cao_bang_department_bc_has_every_figure_of_seed_003(cao_bang):
    text, output, _ = cao_bang
    # the subject and the opening name the province as seed 003 writes it ("trên địa bàn tỉnh Cao Bằng")
    assert "Kết quả công tác cai nghiện ma túy trên địa bàn tỉnh Cao Bằng từ tháng 01/2017 đến tháng 06/2020" in text
    assert "báo cáo kết quả công tác cai nghiện ma túy trên địa bàn tỉnh Cao Bằng giai đoạn" in text
    for phrase_ in (
            "830 lượt cán bộ",
            "13/13 huyện, thành phố và 199/199 xã, phường, thị trấn với 8.200 lượt người tham dự",
            "+ 27.000 tờ rơi", "+ 2.800 tờ áp phích", "+ 3.850 quyển sổ tay",
            "Từ ngày 01/01/2017 đến ngày 30/06/2020 Cơ sở tiếp nhận 508 học viên vào, trong đó: bắt buộc 252 học viên; "
            "tự nguyện 256 học viên.",
            "tại cộng đồng cho 95 người nghiện ma túy",
            "Từ ngày 01/01/2017 đến ngày 30/06/2020 Cơ sở đã giải quyết cho 356 học viên hoàn thành cai nghiện về tái "
            "hòa nhập cộng đồng, để địa phương, gia đình tiếp tục theo dõi, quản lý, giúp đỡ sau cai nghiện (trong đó: "
            "bắt buộc 114 học viên; tự nguyện 242 học viên).",
            "từ năm 2018 - 2020 là 8 tỷ đồng, trong đó:",
            "- Năm 2018: 300 triệu đồng (ngân sách địa phương);",
            "- Năm 2019: 04 tỷ đồng (ngân sách trung ương hỗ trợ);",
            "- Năm 2020: 3,7 tỷ đồng (ngân sách trung ương hỗ trợ).",
    ):
        assert phrase_ in text, phrase_
    # one facility: "Cơ sở", never "các cơ sở"; discharges said once (after-care), not in part 2 too
    assert "các cơ sở" not in text
    body = "\n".join(p.text for p in docx.Document(cao_bang[2]).paragraphs)
    assert body.count("356") == 1
    # no earlier period of 42 months and no 2013-2016 in the data: nothing compared
    assert "so với" not in text


def test_cao_bang_half_year_compares_with_both_earlier_periods(tmp_path_factory):
    text, _, _ = _report(tmp_path_factory, "--data", SAMPLES, "--province", "Cao Bằng", "--year", "2020", "--half", "1")
    assert ("Trong 6 tháng đầu năm 2020, Cơ sở đang quản lý: 201 học viên, so với cuối năm 2019 tăng 05 học viên, "
            "so với cùng kỳ năm 2019 tăng 42 học viên.") in text
    assert ("tiếp nhận 77 học viên vào, giảm 15,4% so với 6 tháng cuối năm 2019, giảm 2,5% so với cùng kỳ năm 2019; "
            "trong đó:") in text
    # the 2019 province workbook is a year: neither H2 nor H1 of 2019 holds it, so the community
    # figure of H1/2020 (35) is not compared
    assert "cộng đồng cho 35 người nghiện ma túy." in text


def test_cao_bang_year_compares_once(tmp_path_factory):
    text, _, _ = _report(tmp_path_factory, "--data", SAMPLES, "--province", "Cao Bằng", "--year", "2019")
    assert "Cơ sở đang quản lý: 196 học viên, so với cuối năm 2018 tăng 57 học viên." in text
    assert "tiếp nhận 170 học viên vào, tăng 22,3% so với năm 2018; trong đó:" in text
    assert "cùng kỳ" not in text


def test_indicators_province_level_carry_the_province_workbook():
    rows = cli_json("indicators", "--data", SAMPLES / "cao-bang", "--from", "01/2017", "--to", "06/2020",
                    "--level", "province", "--format", "json")
    got = {(r["indicator"], r["category"]): r["value"] for r in rows}
    assert got[("TIEP_NHAN", "BB")] == 252 and got[("TIEP_NHAN", "TN")] == 256
    assert got[("HOAN_THANH", "BB")] == 114 and got[("HOAN_THANH", "TN")] == 242
    assert got[("CAI_NGHIEN_CONG_DONG", "ALL")] == 95 and got[("TAP_HUAN", "ALL")] == 830
    assert got[("TUYEN_TRUYEN_XA", "ALL")] == 199 and got[("XA", "ALL")] == 199  # stocks: the last workbook's
    assert got[("TO_ROI", "ALL")] == 27000 and got[("AP_PHICH", "ALL")] == 2800 and got[("SO_TAY", "ALL")] == 3850
    assert got[("DAU_TU", "ALL")] == 8_000_000_000


def test_province_workbook_straddling_the_range_is_left_out_and_said(tmp_path_factory):
    text, output, _ = _report(tmp_path_factory, "--data", SAMPLES / "cao-bang", "--province", "Cao Bằng",
                              "--from", "07/2019", "--to", "06/2020")
    assert "Sổ cấp tỉnh Cao Bằng kỳ 2019 chỉ nằm một phần trong kỳ báo cáo" in output
    assert "3,7 tỷ đồng" in text and "04 tỷ" not in text  # only the 2020-H1 workbook counts
    assert "130 lượt cán bộ" in text


# ---------------------------------------------------------------- seed 002, Nam Định 2019

def test_nam_dinh_bc_2019_compares_every_target(tmp_path_factory):
    text, _, _ = _report(tmp_path_factory, "--data", SAMPLES, "--province", "Nam Định", "--year", "2019",
                         "--targets", SAMPLES / "targets" / "nam-dinh-2019.xlsx")
    table = [line for line in text.splitlines() if line[:2].rstrip(" |").isdigit() and line.count(" | ") == 5]
    rows = {line.split(" | ")[1]: line.split(" | ")[3:] for line in table}
    assert rows["Xã, phường, thị trấn được tuyên truyền về phòng, chống ma túy (trên 90%)"] == ["90", "92,6", "102,9%"]
    assert rows["Đội ngũ làm công tác dự phòng, điều trị nghiện được tập huấn"] == ["100", "100", "100%"]
    assert rows["Cai nghiện tại gia đình, cộng đồng"] == ["300", "312", "104%"]
    assert rows["Tiếp nhận cai nghiện bắt buộc"] == ["90", "94", "104,4%"]
    assert rows["Vận động cai nghiện tự nguyện"] == ["200", "208", "104%"]
    assert rows["Học viên cai nghiện bắt buộc được tư vấn học nghề, đào tạo nghề"] == ["60", "62", "103,3%"]
    # "điều trị ... cho 250 người" (Giao Thủy) + 50 (Nam Trực): patients of the year, carried over + admitted
    assert rows["Điều trị nghiện bằng thuốc Methadone"] == ["300", "313", "104,3%"]
    assert len(rows) == 7  # the province's own targets only: its facilities' rows are parts of them
    assert "kế hoạch 90%, thực hiện 92,6%" in text


# ---------------------------------------------------------------- machines: indicators --compare

def test_indicators_compare_previous_and_year():
    rows = cli_json("indicators", "--data", SAMPLES / "ha-noi", "--year", "2021", "--quarter", "2", "--level",
                    "province", "--format", "json", "--compare", "previous")
    closing = next(r for r in rows if r["indicator"] == "CUOI_KY" and r["category"] == "ALL")
    assert closing == {"unit": "Hà Nội", "level": "province", "period": "2021-Q2", "indicator": "CUOI_KY",
                       "category": "ALL", "value": 3121, "earlier_period": "2021-Q1", "earlier_value": 3247,
                       "change": -126, "change_pct": -3.9}
    rows = cli_json("indicators", "--data", SAMPLES / "ha-noi", "--year", "2021", "--quarter", "2", "--level",
                    "province", "--format", "json", "--compare", "year")
    closing = next(r for r in rows if r["indicator"] == "CUOI_KY" and r["category"] == "ALL")
    assert closing["earlier_period"] is None and closing["earlier_value"] is None and closing["change"] is None
    res = cli("indicators", "--data", SAMPLES / "ha-noi", "--year", "2021", "--compare", "last")
    assert res.exit_code == 2 and "--compare" in res.output


def test_indicators_compare_year_on_cao_bang_facility():
    rows = cli_json("indicators", "--data", SAMPLES / "cao-bang", "--year", "2020", "--half", "1", "--format", "json",
                    "--compare", "year")
    adm = next(r for r in rows if r["indicator"] == "TIEP_NHAN" and r["category"] == "HV")
    assert (adm["unit"], adm["value"], adm["earlier_period"], adm["earlier_value"], adm["change"]) == \
        ("CB01", 77, "2019-H1", 79, -2)
    assert adm["change_pct"] == -2.5


# ---------------------------------------------------------------- the comparison module

def test_earlier_periods_and_labels():
    q2 = make_period(year=2021, quarter=2)
    assert earlier_period(q2, "previous").code == "2021-Q1" and earlier_period(q2, "year").code == "2020-Q2"
    y = make_period(year=2021)
    assert earlier_period(y, "previous").code == "2020" == earlier_period(y, "year").code
    jan = make_period(year=2021, month=1)
    assert earlier_period(jan, "previous").code == "2020-12"
    h1 = make_period(year=2020, half=1)
    assert earlier_period(h1, "previous").code == "2019-H2"
    rng = make_period(start="01/2017", end="06/2020")
    assert earlier_period(rng, "previous").code == "2013-07..2016-12"
    assert short_label(earlier_period(q2, "previous")) == "quý I/2021"
    assert end_label(earlier_period(q2, "previous")) == "cuối quý I/2021"
    assert end_label(earlier_period(h1, "previous")) == "cuối năm 2019"
    assert end_label(Period((2019, 2), (2019, 5), "x")) == "ngày 31/05/2019"


def test_phrases():
    assert phrase("CUOI_KY", "ALL", 3121, 3247, kind="previous", label="quý I/2021",
                  end="cuối quý I/2021") == "so với cuối quý I/2021 giảm 126 học viên"
    assert phrase("TIEP_NHAN", "HV", 1800, 1600, kind="year", label="cùng kỳ năm 2020") == \
        "tăng 12,5% so với cùng kỳ năm 2020"
    assert phrase("TIEP_NHAN", "HV", 5, 0, kind="year", label="cùng kỳ năm 2020") == \
        "tăng 05 học viên so với cùng kỳ năm 2020"
    assert phrase("CUOI_KY", "MET", 68, 68, kind="year", label="cùng kỳ năm 2020") == \
        "không thay đổi so với cùng kỳ năm 2020"


def test_in_data_needs_every_month_of_every_facility():
    from rehabstat.commands.prepare import read as load
    ds, _ = load(SAMPLES / "ha-noi")
    units = [f"HN0{i}" for i in range(1, 8)]
    assert in_data(ds, make_period(year=2021, quarter=1), units)
    assert not in_data(ds, make_period(year=2020, quarter=2), units)
    less = ds.without_files([f for f in ds.files["file"] if f.endswith("HN05/2021-02.xlsx")])
    assert not in_data(less, make_period(year=2021, quarter=1), units)
    assert in_data(less, make_period(year=2021, quarter=1), ["HN01"])


# ---------------------------------------------------------------- the province workbook

def test_province_periods():
    from rehabstat.reading.province import parse_period
    assert parse_period("Quý II/2020") == ((2020, 4), (2020, 6))
    assert parse_period("6 tháng đầu năm 2020") == ((2020, 1), (2020, 6))
    assert parse_period("6 tháng cuối năm 2019") == ((2019, 7), (2019, 12))
    assert parse_period("2019") == parse_period(2019) == parse_period("Năm 2019") == ((2019, 1), (2019, 12))
    assert parse_period("06/2020") == ((2020, 6), (2020, 6))


def test_province_form_is_read_back_and_bad_cells_are_issues(tmp_path):
    import openpyxl
    from rehabstat.commands.validate import validate_paths
    target = tmp_path / "tinh.xlsx"
    res = cli("form", "--level", "province", "--province", "Cao Bằng", "--period", "Quý II/2020", "--out", target)
    assert res.exit_code == 0, res.output
    wb = openpyxl.load_workbook(target)
    ws = wb["SoLieu"]
    codes = {ws.cell(row=r, column=1).value: r for r in range(2, ws.max_row + 1)}
    ws.cell(row=codes["TAP_HUAN"], column=6, value=120)
    ws.cell(row=codes["DAU_TU"], column=6, value="ba tỷ")
    ws.cell(row=codes["CAI_NGHIEN_CONG_DONG"], column=4, value="BBX")
    ws.cell(row=codes["CAI_NGHIEN_CONG_DONG"], column=6, value=12)
    wb.save(target)
    result = validate_paths([target])
    assert [f["unit"] for f in result.files] == ["Cao Bằng"] and result.files[0]["period"] == "2020-Q2"
    got = sorted((i.code, i.sheet, i.row, i.column) for i in result.issues)
    assert got == [("C001", "SoLieu", codes["DAU_TU"], "F"), ("K001", "SoLieu", codes["CAI_NGHIEN_CONG_DONG"], "D")]
    assert cli("form", "--level", "province", "--province", "Cao Bằng", "--period", "quý 7").exit_code == 2


def test_validate_samples_has_no_error():
    res = cli("validate", SAMPLES)
    assert res.exit_code == 0, res.output[-2000:]
    assert ", 0 lỗi," in res.output


def test_a_bad_province_workbook_concerns_only_its_province_and_period(tmp_path):
    """An error in Cao Bằng's 2019 province workbook refuses Cao Bằng's 2019 BC (exit 1, the cell named),
    not Hà Nội's nor Cao Bằng's first half of 2020; it is never a 'broken workbook of unknown facility'."""
    import shutil
    import openpyxl
    for part in ("cao-bang", "ha-noi"):
        shutil.copytree(SAMPLES / part, tmp_path / part)
    copy_samples_config(tmp_path)
    book = tmp_path / "cao-bang" / "tinh" / "2019.xlsx"
    wb = openpyxl.load_workbook(book)
    wb["SoLieu"].cell(row=2, column=6, value="abc")
    wb.save(book)
    res = cli("report", "--data", tmp_path, "--province", "Cao Bằng", "--year", "2019", "--out", tmp_path / "o")
    assert res.exit_code == 1 and "SoLieu!F2" in res.output and "không rõ cơ sở" not in res.output
    assert not (tmp_path / "o" / "BC-Cao-Bang-2019.docx").exists()
    for args in (("--province", "Hà Nội", "--year", "2021", "--quarter", "2"),
                 ("--province", "Cao Bằng", "--year", "2020", "--half", "1")):
        res = cli("report", "--data", tmp_path, *args, "--out", tmp_path / "o")
        assert res.exit_code == 0, res.output


def test_overlapping_province_workbooks_are_never_summed(tmp_path):
    import shutil
    shutil.copytree(SAMPLES / "cao-bang", tmp_path / "cao-bang")
    copy_samples_config(tmp_path)
    shutil.copy(tmp_path / "cao-bang" / "tinh" / "2019.xlsx", tmp_path / "cao-bang" / "tinh" / "2019 gui lai.xlsx")
    res = cli("report", "--data", tmp_path, "--province", "Cao Bằng", "--year", "2019", "--out", tmp_path / "o")
    assert res.exit_code == 1 and res.output.count("X007") == 2 and "trùng kỳ" in res.output
    res = cli("report", "--data", tmp_path, "--province", "Cao Bằng", "--year", "2019", "--out", tmp_path / "o",
              "--force")
    text = text_of(tmp_path / "o" / "BC-Cao-Bang-2019-DU-THAO.docx")
    assert "DỰ THẢO" in text and "250 lượt cán bộ" not in text and "500 lượt" not in text
