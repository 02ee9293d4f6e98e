"""The BC and KH built from the samples, read back with python-docx."""
import re
import shutil

import docx
import openpyxl
import pytest

from conftest import SAMPLES, cli, text_of


@pytest.fixture(scope="module")
def son_la_bc(tmp_path_factory):
    out = tmp_path_factory.mktemp("bc")
    res = cli("report", "--data", SAMPLES / "son-la", "--year", "2021", "--out", out)
    assert res.exit_code == 0, res.output
    return out / "BC-SL01-2021.docx", out / "BC-SL01-2021.xlsx"


def test_bc_states_published_figures_in_vietnamese_form(son_la_bc):
    text = text_of(son_la_bc[0])
    assert "Lũy kế năm 2020 chuyển sang là 1.659 học viên, trong đó: bắt buộc 1.586 học viên; tự nguyện 21 học viên; " \
           "hỗ trợ cắt cơn 37 học viên; xác định tình trạng nghiện 15 học viên." in text
    assert "tiếp nhận 1.658 học viên vào, trong đó: bắt buộc 692 học viên; tự nguyện 12 học viên; " \
           "hỗ trợ cắt cơn 485 học viên; xác định tình trạng nghiện 469 học viên." in text
    assert "là 1.816 học viên, trong đó: bắt buộc 847 học viên; tự nguyện 26 học viên; hỗ trợ cắt cơn 460 học viên; " \
           "xác định tình trạng nghiện 483 học viên." in text
    assert "26 lượt học viên, đã bắt quay trở lại 06 học viên" in text
    assert "04 học viên" in text  # suspensions
    assert "lũy kế năm 2020 chuyển sang 90 bệnh nhân, trong năm vào 52 bệnh nhân, ra 74 bệnh nhân " \
           "(bỏ điều trị 50; chuyển 15; ra khỏi chương trình 09)" in text
    assert "đang điều trị cho 68 bệnh nhân" in text
    # zero categories are left out of the sentences (no LTTT in Sơn La's carryover or admissions)
    assert not re.search(r"lưu trú tạm thời 0\b|\b0 học viên", text)


def test_bc_medical_management_education_sections(son_la_bc):
    text = text_of(son_la_bc[0])
    for phrase in ("40.980 lượt", "12.699 ca", "824 lượt học viên", "đờm nghi lao 97 ca", "HIV 1.180 mẫu",
                   "94 học viên", "ARV là 93 học viên (đạt 98,9%)", "89 lượt học viên", "44 vụ thẩm lậu",
                   "2.799 lượt", "263 buổi với 16.180 lượt", "269 buổi/16.259 lượt", "17 buổi/775 lượt",
                   "273 lượt", "105 học viên/03 lớp", "100% học viên được cấp chứng chỉ"):
        assert phrase in text, phrase


def test_bc_revenue_sentence_like_seed_000(son_la_bc):
    text = text_of(son_la_bc[0])
    assert ("Tổng doanh thu qua lao động trong năm 2021 là 5.122.732.200 đồng (đã chi phí là 3.122.732.200 đồng; "
            "ước lợi nhuận là 2.000.000.000 đồng). Trong đó: trích 40% cải cách tiền lương là 800.000.000 đồng; "
            "trích bổ sung các quỹ: quỹ khen thưởng 120.000.000 đồng, quỹ phúc lợi 660.000.000 đồng, quỹ phát triển hoạt "
            "động sự nghiệp 300.000.000 đồng, quỹ dự phòng ổn định thu nhập 120.000.000 đồng.") in text


def test_bc_header_from_config_and_no_personal_data(son_la_bc):
    text = text_of(son_la_bc[0])
    assert "CƠ SỞ ĐIỀU TRỊ\nNGHIỆN MA TÚY" in text and "/BC-CSĐTNTMT" in text  # balanced halves
    assert "KT. GIÁM ĐỐC" in text and "Nguyễn Văn A" in text
    assert not re.search(r"SL-20\d\d-\d+", text)  # learner ids never printed
    assert "Học viên 0" not in text  # placeholder names never printed


def test_bc_workbook_has_same_figures(son_la_bc):
    wb = openpyxl.load_workbook(son_la_bc[1])
    ws = wb["BienDong"]
    # a title, then the table as in the document: a row per indicator, a column per category
    assert ws["A1"].value == "Cơ sở Điều trị nghiện ma túy tỉnh Sơn La" and ws["A1"].font.b
    assert "năm 2021" in ws["A2"].value
    header = [c.value for c in ws[4]]
    assert header[:3] == ["Mã", "Chỉ tiêu", "Bắt buộc"] and header[-3:] == ["Cộng HV", "Methadone", "Tổng cộng"]
    rows = {r[0]: dict(zip(header, r)) for r in ws.iter_rows(min_row=5, values_only=True) if r[0]}
    assert rows["DAU_KY"]["Cộng HV"] == 1659 and rows["DAU_KY"]["Chỉ tiêu"] == "Đầu kỳ (chuyển sang)"
    assert rows["TIEP_NHAN"]["Cộng HV"] == 1658
    assert rows["HOAN_THANH"]["Bắt buộc"] == 847
    assert rows["CUOI_KY"]["Methadone"] == 68
    assert rows["CUOI_KY"]["Tổng cộng"] == 1477 + 68
    assert ws.print_title_rows == "$4:$4" and int(ws.page_setup.paperSize) == 9
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth in (None, 1)
    other = {r[0]: r[3] for r in wb["SoLieuKhac"].iter_rows(min_row=5, values_only=True)}
    assert other["DOANH_THU"] == 5122732200 and other["QUY_PHUC_LOI"] == 660000000


def test_changed_split_changes_funds_which_still_add_up(tmp_path):
    data = tmp_path / "son-la"
    shutil.copytree(SAMPLES / "son-la", data)
    toml = (data / "rehabstat.toml").read_text(encoding="utf-8")
    toml = re.sub(r"salary_reform = 40", "salary_reform = 35", toml)
    toml = re.sub(r"reward = 10\n", "reward = 12.5\n", toml)
    toml = re.sub(r"welfare = 55\n", "welfare = 52.5\n", toml)
    (data / "rehabstat.toml").write_text(toml, encoding="utf-8")
    res = cli("indicators", "--data", data, "--year", "2021", "--format", "json")
    assert res.exit_code == 0, res.output
    import json
    d = {r["indicator"]: r["value"] for r in json.loads(res.stdout) if r["category"] == "ALL"}
    assert d["TRICH_CCTL"] == 700_000_000
    assert d["QUY_KHEN_THUONG"] == 162_500_000 and d["QUY_PHUC_LOI"] == 682_500_000
    parts = ("TRICH_CCTL", "QUY_KHEN_THUONG", "QUY_PHUC_LOI", "QUY_PHAT_TRIEN", "QUY_DU_PHONG")
    assert sum(d[k] for k in parts) == d["LOI_NHUAN"] == 2_000_000_000


@pytest.mark.parametrize("content,key", [
    ("[revenue]\nreward = 50\n", "100"),
    ("[document]\nsigner = 'x'\n", "document.signer"),
    ("[revenue]\nwelfare = 'nhiều'\n", "revenue.welfare"),
    ("[document\n", "TOML"),
])
def test_bad_config_is_exit_2_naming_the_key(tmp_path, content, key):
    cfg = tmp_path / "rehabstat.toml"
    cfg.write_text(content, encoding="utf-8")
    res = cli("report", "--data", SAMPLES / "son-la", "--year", "2021", "--config", cfg, "--out", tmp_path / "o")
    assert res.exit_code == 2 and key in res.output and "Traceback" not in res.output
    assert not (tmp_path / "o").exists()


def _broken_copy(tmp_path):
    data = tmp_path / "son-la"
    shutil.copytree(SAMPLES / "son-la", data)
    path = data / "2021-05.xlsx"
    wb = openpyxl.load_workbook(path)
    ws = next(s for s in wb.worksheets if s.title.lower().replace(" ", "") in ("biendong", "events"))
    ws.cell(row=ws.max_row, column=6).value = "ba mươi tháng năm"  # an unreadable date
    wb.save(path)
    return data


def test_report_refuses_bad_data_and_force_marks_draft(tmp_path):
    data = _broken_copy(tmp_path)
    out = tmp_path / "out"
    res = cli("report", "--data", data, "--year", "2021", "--out", out)
    assert res.exit_code == 1
    assert "C007" in res.output and "2021-05.xlsx" in res.output
    assert not out.exists() or not any(out.iterdir())  # nothing half-written
    res = cli("report", "--data", data, "--year", "2021", "--out", out, "--force")
    assert res.exit_code == 1, res.output  # a draft is written, but the data are still not clean
    assert "DỰ THẢO" in text_of(out / "BC-SL01-2021-DU-THAO.docx") and "DỰ THẢO" in res.output


def test_report_for_a_province_sums_its_facilities(tmp_path):
    res = cli("report", "--data", SAMPLES / "ha-noi", "--year", "2021", "--quarter", "2", "--province", "Hà Nội",
              "--out", tmp_path)
    assert res.exit_code == 0, res.output
    docs = list(tmp_path.glob("BC-*.docx"))
    assert len(docs) == 1
    text = text_of(docs[0])
    assert "Kết quả công tác cai nghiện ma túy trên địa bàn thành phố Hà Nội quý II năm 2021" in text  # as the seeds write it
    assert "3.121" in text and "3.105" in text


def test_bc_with_targets_and_kh_plan(tmp_path):
    res = cli("report", "--data", SAMPLES / "son-la", "--year", "2021", "--out", tmp_path,
              "--targets", SAMPLES / "targets" / "son-la-2022.xlsx")
    assert res.exit_code == 0, res.output
    res = cli("plan", "--data", SAMPLES / "son-la", "--year", "2022", "--targets",
              SAMPLES / "targets" / "son-la-2022.xlsx", "--out", tmp_path)
    assert res.exit_code == 0, res.output
    text = text_of(tmp_path / "KH-SL01-2022.docx")
    assert "KẾ HOẠCH" in text and "Phần I" in text and "Phần II" in text
    assert "1.659" in text and "1.658" in text  # part I: the results of 2021
    assert "700" in text and "5.000.000.000" in text  # part II: the 2022 targets
    assert "Kính gửi" not in text


def test_unknown_target_code_is_an_issue(tmp_path):
    from rehabstat.synth.writer import write_targets
    path = tmp_path / "ct.xlsx"
    try:
        write_targets(path, [("SL01", 2022, "TIEP_NHAN_XX", "Sai mã", "người", 10)])
    except Exception:  # noqa: BLE001
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "ChiTieu"
        ws.append(["Đơn vị", "Năm", "Mã chỉ tiêu", "Nội dung", "Đơn vị tính", "Kế hoạch"])
        ws.append(["SL01", 2022, "TIEP_NHAN_XX", "Sai mã", "người", 10])
        wb.save(path)
    from rehabstat.computing.targets import read_targets
    rows, issues = read_targets(path)
    assert rows == [] and [(i.code, i.row, i.column) for i in issues] == [("T001", 2, "C")]


def test_bc_targets_table_and_sentences(tmp_path):
    from rehabstat.synth.model import TargetRow
    from rehabstat.synth.writer import write_targets
    path = tmp_path / "chi-tieu-2021.xlsx"
    write_targets(path, [TargetRow("SL01", 2021, "TIEP_NHAN_BB", "Tiếp nhận cai nghiện bắt buộc", "người", 800),
                         TargetRow("SL01", 2021, "DAY_NGHE", "Dạy nghề cho học viên", "người", 100)])
    res = cli("report", "--data", SAMPLES / "son-la", "--year", "2021", "--out", tmp_path, "--targets", path)
    assert res.exit_code == 0, res.output
    text = text_of(tmp_path / "BC-SL01-2021.docx")
    assert "Tiếp nhận cai nghiện bắt buộc: kế hoạch 800 người, thực hiện 692 người, đạt 86,5%, chưa đạt kế hoạch" in text
    assert "Dạy nghề cho học viên: kế hoạch 100 người, thực hiện 105 người, đạt 105% kế hoạch" in text
    assert "Tiếp nhận cai nghiện bắt buộc | người | 800 | 692 | 86,5%" in text  # the table row


def test_targets_of_another_year_are_reported_not_silently_ignored(tmp_path):
    res = cli("report", "--data", SAMPLES / "son-la", "--year", "2021", "--out", tmp_path, "--targets",
              SAMPLES / "targets" / "son-la-2022.xlsx")
    assert res.exit_code == 0
    assert "không có chỉ tiêu năm 2021 cho SL01" in res.output and "2022" in res.output
