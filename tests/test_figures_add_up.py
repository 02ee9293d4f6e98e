"""Every figure adds up: across levels (province = its facilities, nation = its provinces),
across the 01/07/2025 merger, between what validate and the other commands accept, and
between a document's text and its tables. One test per way it did not (on the samples,
edited the way a clerk would), the general relations as property tests in
test_figures_properties.py."""
from __future__ import annotations

import csv
import io
import json
import shutil

import openpyxl
import pytest

from conftest import SAMPLES, cli, copy_samples_config, text_of


def rows(res) -> list[dict]:
    assert res.exit_code == 0, res.output
    return list(csv.DictReader(io.StringIO(res.stdout)))


def pick(table, indicator, category="ALL", unit=None) -> dict:
    got = [r for r in table if r["indicator"] == indicator and r["category"] == category
           and (unit is None or r["unit"] == unit)]
    assert len(got) == 1, (indicator, category, got)
    return got[0]


def copy_samples(tmp_path, *parts):
    for part in parts:
        shutil.copytree(SAMPLES / part, tmp_path / part)
    copy_samples_config(tmp_path)
    return tmp_path


# ---------------------------------------------------------------- 1. across the 2025 merger

def test_compare_across_the_merger_rolls_the_earlier_period_up_to_the_same_provinces():
    args = ("--data", SAMPLES / "ninh-binh-2025", "--year", "2025", "--level", "province", "--as-of", "31/12/2025")
    q3 = rows(cli("indicators", *args, "--quarter", "3", "--compare", "previous"))
    q2 = rows(cli("indicators", *args, "--quarter", "2"))
    for ind in ("CUOI_KY", "DAU_KY", "TIEP_NHAN", "HOAN_THANH"):
        row = pick(q3, ind, unit="Ninh Bình")
        assert row["earlier_period"] == "2025-Q2"
        assert row["earlier_value"] == pick(q2, ind, unit="Ninh Bình")["value"], ind
    assert pick(q3, "CUOI_KY")["value"] == "165" and pick(q3, "CUOI_KY")["earlier_value"] == "178"
    # the closing of Q2 is the opening of Q3 (same provinces, same day)
    assert pick(q3, "DAU_KY")["value"] == pick(q2, "CUOI_KY")["value"]


def test_bc_across_the_merger_compares_with_the_same_provinces(tmp_path):
    res = cli("report", "--data", SAMPLES / "ninh-binh-2025", "--year", "2025", "--quarter", "3",
              "--province", "Ninh Bình", "--as-of", "31/12/2025", "--out", tmp_path)
    assert res.exit_code == 0, res.output
    text = text_of(tmp_path / "BC-Ninh-Binh-2025-Q3.docx")
    assert "đang quản lý: 165 học viên, so với cuối quý II/2025 giảm 13 học viên" in text
    assert "Lũy kế tháng 06/2025 chuyển sang là 178 học viên" in text
    assert "tăng 109" not in text and "tăng 112%" not in text


# ---------------------------------------------------------------- 2-4. province workbooks and the gate

@pytest.fixture
def bad_province_cell(tmp_path):
    data = copy_samples(tmp_path, "cao-bang")
    book = data / "cao-bang" / "tinh" / "2019.xlsx"
    wb = openpyxl.load_workbook(book)
    assert wb["SoLieu"].cell(row=2, column=1).value == "TAP_HUAN"
    wb["SoLieu"].cell(row=2, column=6, value="hai trăm")
    wb.save(book)
    return data


def test_an_error_in_a_province_workbook_stops_indicators_as_it_stops_report(bad_province_cell):
    data = bad_province_cell
    res = cli("validate", data)
    assert res.exit_code == 1 and "C001" in res.output
    for level in ("province", "national"):
        res = cli("indicators", "--data", data, "--year", "2019", "--level", level)
        assert res.exit_code == 1, res.output
        assert "SoLieu!F2" in res.output and "hai trăm" in res.output and "Traceback" not in res.output
    # --force: the table, with the province's rows marked as drafts
    forced = rows(cli("indicators", "--data", data, "--year", "2019", "--level", "province", "--force"))
    assert all(r["draft"] == "True" for r in forced)
    assert not [r for r in forced if r["indicator"] == "TAP_HUAN"]
    # the facility level does not rest on the province workbook; other periods are not concerned
    assert cli("indicators", "--data", data, "--year", "2019").exit_code == 0
    assert cli("indicators", "--data", data, "--year", "2020", "--half", "1", "--level", "province").exit_code == 0


def test_validate_text_mode_names_a_yearly_province_workbook(bad_province_cell):
    res = cli("validate", bad_province_cell)
    assert res.exit_code == 1, res.output
    assert "2019.xlsx (Cao Bằng, 2019): 1 lỗi" in res.output
    assert "SoLieu!F2" in res.output and "unpack" not in res.output


def test_two_overlapping_province_workbooks_are_an_error_everywhere(tmp_path):
    data = copy_samples(tmp_path, "cao-bang")
    wb = openpyxl.load_workbook(data / "cao-bang" / "tinh" / "2019.xlsx")
    ws = wb["ThongTin"]
    assert ws.cell(row=3, column=1).value == "Kỳ báo cáo"
    ws.cell(row=3, column=2, value="Quý II/2019")
    wb.save(data / "cao-bang" / "tinh" / "2019-Q2.xlsx")
    res = cli("validate", data)
    assert res.exit_code == 1 and res.output.count("X007") == 2, res.output
    res = cli("validate", data, "--format", "json")
    found = json.loads(res.stdout)["issues"]
    assert sorted(i["file"].rsplit("/", 1)[-1] for i in found if i["code"] == "X007") == ["2019-Q2.xlsx", "2019.xlsx"]
    res = cli("indicators", "--data", data, "--year", "2019", "--level", "province")
    assert res.exit_code == 1 and "X007" in res.output
    res = cli("report", "--data", data, "--year", "2019", "--province", "Cao Bằng", "--out", tmp_path / "o")
    assert res.exit_code == 1 and res.output.count("X007") == 2


# ---------------------------------------------------------------- 5. the nation = Σ provinces

def test_national_level_sums_the_province_workbooks_and_recomputes_rates(tmp_path):
    data = copy_samples(tmp_path, "cao-bang", "nam-dinh")
    args = ("indicators", "--data", data, "--year", "2019")
    provinces = rows(cli(*args, "--level", "province"))
    nation = rows(cli(*args, "--level", "national"))
    from rehabstat.common.codes import PROVINCE_FIGURES
    codes = {r["indicator"] for r in provinces if r["indicator"] in PROVINCE_FIGURES or r["indicator"] == "CAI_NGHIEN_GD_CD"}
    assert {"CAI_NGHIEN_GD_CD", "TAP_HUAN", "XA", "CAN_BO"} <= codes
    for code in codes:
        total = sum(float(r["value"]) for r in provinces if r["indicator"] == code and r["category"] == "ALL")
        assert float(pick(nation, code)["value"]) == total, code
    # 199 + 212 communes reached of 199 + 229: from the sums, not an average of the rates
    assert pick(nation, "TY_LE_XA_TUYEN_TRUYEN")["value"] == str(round(411 * 100 / 428, 1)).rstrip("0").rstrip(".")


# ---------------------------------------------------------------- 6. a sentence that states a stock closes

@pytest.fixture(scope="module")
def ha_noi_bc(tmp_path_factory):
    out = tmp_path_factory.mktemp("hn")
    res = cli("report", "--data", SAMPLES / "ha-noi", "--year", "2021", "--quarter", "2", "--province", "Hà Nội",
              "--out", out)
    assert res.exit_code == 0, res.output
    return out / "BC-Ha-Noi-2021-Q2.docx", out / "BC-Ha-Noi-2021-Q2.xlsx"


def test_the_methadone_sentence_closes_with_transfers_on_both_sides(ha_noi_bc):
    text = text_of(ha_noi_bc[0])
    assert ("kết quả lũy kế tháng 03/2021 chuyển sang 189 bệnh nhân, trong quý vào 25 bệnh nhân (tiếp nhận mới 20; "
            "chuyển đến 05), ra 24 bệnh nhân (bỏ điều trị 15; chuyển đi 05; ra khỏi chương trình 04). Đến ngày "
            "30/06/2021 đang điều trị cho 190 bệnh nhân") in text
    assert 189 + 25 - 24 == 190


def test_the_methadone_sentence_of_seed_000_is_unchanged(tmp_path):
    res = cli("report", "--data", SAMPLES / "son-la", "--year", "2021", "--out", tmp_path)
    assert res.exit_code == 0, res.output
    text = text_of(tmp_path / "BC-SL01-2021.docx")
    assert "chuyển sang 90 bệnh nhân, trong năm vào 52 bệnh nhân, ra 74 bệnh nhân (bỏ điều trị 50; chuyển 15;" in text


# ---------------------------------------------------------------- 7. funds of a province with a facility at a loss

@pytest.fixture(scope="module")
def two_facilities_one_at_a_loss(tmp_path_factory):
    """Sơn La's facility and a copy of it (SL02) whose costs in March 2021 are 2,5 tỷ."""
    data = tmp_path_factory.mktemp("loss")
    shutil.copy(SAMPLES / "son-la" / "rehabstat.toml", data / "rehabstat.toml")
    for code in ("SL01", "SL02"):
        (data / code).mkdir()
        for src in sorted((SAMPLES / "son-la").glob("2021-*.xlsx")):
            wb = openpyxl.load_workbook(src)
            for ws in wb.worksheets:
                for row in ws.iter_rows():
                    for c in row:
                        if code == "SL02" and c.value == "SL01":
                            c.value = "SL02"
                        elif code == "SL02" and c.value == "Cơ sở Điều trị nghiện ma túy tỉnh Sơn La":
                            c.value = "Cơ sở Cai nghiện ma túy số 2 tỉnh Sơn La"
                        elif code == "SL02" and c.value == "CHI_PHI" and src.name == "2021-03.xlsx":
                            ws.cell(row=c.row, column=c.column + 1).value = 2_500_000_000
            wb.save(data / code / src.name)
    return data


def test_funds_are_set_aside_per_facility_and_the_text_says_what_the_workbook_lists(two_facilities_one_at_a_loss,
                                                                                      tmp_path):
    data = two_facilities_one_at_a_loss
    args = ("indicators", "--data", data, "--year", "2021", "--quarter", "1")
    fac = rows(cli(*args))
    prov = rows(cli(*args, "--level", "province"))
    assert int(pick(fac, "LOI_NHUAN", unit="SL02")["value"]) < 0
    assert not [r for r in fac if r["unit"] == "SL02" and r["indicator"] == "TRICH_CCTL"]
    for code in ("TRICH_CCTL", "QUY_KHEN_THUONG", "QUY_PHUC_LOI", "QUY_PHAT_TRIEN", "QUY_DU_PHONG", "LOI_NHUAN"):
        assert int(pick(prov, code)["value"]) == sum(int(r["value"]) for r in fac if r["indicator"] == code), code
    net = int(pick(prov, "LOI_NHUAN")["value"])
    base = int(pick(fac, "LOI_NHUAN", unit="SL01")["value"])
    assert net < 0 < base
    res = cli("report", "--data", data, "--year", "2021", "--quarter", "1", "--province", "Sơn La", "--out", tmp_path)
    assert res.exit_code == 0, res.output
    text = text_of(tmp_path / "BC-Son-La-2021-Q1.docx")
    from rehabstat.common import vnformat as vn
    assert "không có chênh lệch để trích lập" not in text
    assert f"chi phí vượt doanh thu {vn.money(-net)}" in text
    assert f"cơ sở có doanh thu vượt chi phí (cộng {vn.money(base)})" in text
    assert f"cải cách tiền lương là {vn.money(int(pick(prov, 'TRICH_CCTL')['value']))}" in text
    ws = openpyxl.load_workbook(tmp_path / "BC-Son-La-2021-Q1.xlsx")["SoLieuKhac"]
    listed = {r[0]: r[3] for r in ws.iter_rows(values_only=True) if r and r[0]}
    assert listed["LOI_NHUAN"] == net and listed["QUY_CO_SO"] == base
    assert listed["TRICH_CCTL"] == int(pick(prov, "TRICH_CCTL")["value"])


def test_a_year_splits_its_own_surplus_not_the_sum_of_its_quarters_splits(two_facilities_one_at_a_loss):
    data = two_facilities_one_at_a_loss
    year = rows(cli("indicators", "--data", data, "--year", "2021"))
    quarters = [rows(cli("indicators", "--data", data, "--year", "2021", "--quarter", q)) for q in "1234"]
    from rehabstat.computing.indicators.revenue import split_surplus
    for unit in ("SL01", "SL02"):
        revenue = sum(int(pick(q, "DOANH_THU", unit=unit)["value"]) for q in quarters)
        costs = sum(int(pick(q, "CHI_PHI", unit=unit)["value"]) for q in quarters)
        assert int(pick(year, "DOANH_THU", unit=unit)["value"]) == revenue
        expected = split_surplus(revenue, costs, {"salary_reform": 40, "reward": 10, "welfare": 55,
                                                  "development": 25, "reserve": 10})
        got = {r["indicator"]: int(r["value"]) for r in year if r["unit"] == unit and r["indicator"] in expected}
        assert got == expected, unit
    # SL02's first quarter is at a loss: its year sets aside less than its quarters would add up to
    by_quarters = sum(int(r["value"]) for q in quarters for r in q if r["unit"] == "SL02" and r["indicator"] == "TRICH_CCTL")
    in_year = sum(int(r["value"]) for r in year if r["unit"] == "SL02" and r["indicator"] == "TRICH_CCTL")
    assert in_year < by_quarters and by_quarters > 0


# ---------------------------------------------------------------- 8. a blank is not a zero

@pytest.fixture(scope="module")
def present_absent_cleared(tmp_path_factory):
    data = tmp_path_factory.mktemp("blank")
    shutil.copytree(SAMPLES / "ha-noi", data / "ha-noi")
    copy_samples_config(data)
    book = data / "ha-noi" / "HN02" / "2021-06.xlsx"
    wb = openpyxl.load_workbook(book)
    ws = wb["SiSo"]
    assert (ws.cell(row=1, column=4).value, ws.cell(row=1, column=5).value) == ("Có mặt", "Vắng mặt")
    for r in (2, 3):
        ws.cell(row=r, column=4).value = ws.cell(row=r, column=5).value = None
    wb.save(book)
    return data


def test_a_blank_present_or_absent_is_an_issue_at_its_cell(present_absent_cleared):
    res = cli("validate", present_absent_cleared, "--format", "json")
    found = [(i["sheet"], i["row"], i["column"]) for i in json.loads(res.stdout)["issues"] if i["code"] == "C009"]
    assert sorted(found) == [("SiSo", 2, "D"), ("SiSo", 2, "E"), ("SiSo", 3, "D"), ("SiSo", 3, "E")]


def test_a_total_some_facilities_did_not_report_says_so_and_is_never_zero(present_absent_cleared, tmp_path):
    res = cli("report", "--data", present_absent_cleared, "--year", "2021", "--quarter", "2", "--province", "Hà Nội",
              "--out", tmp_path)
    assert res.exit_code == 0, res.output
    text = text_of(tmp_path / "BC-Ha-Noi-2021-Q2.docx")
    assert "có mặt tại cơ sở (số liệu của 6/7 cơ sở): 2.645 người" in text
    assert "vắng mặt (số liệu của 6/7 cơ sở): 13 người" in text
    assert "có mặt (6/7 cơ sở); vắng mặt (6/7 cơ sở)" in text
    hn02 = next(line for line in text.splitlines() if "Cơ sở Cai nghiện ma túy số 2 Hà Nội" in line)
    assert hn02.split(" | ")[-2:] == ["", ""]  # blank, not 0 and 0
    ws = openpyxl.load_workbook(tmp_path / "BC-Ha-Noi-2021-Q2.xlsx")["PhuLuc"]
    row = next(r for r in ws.iter_rows(values_only=True) if r[0] == "HN02")
    assert row[13:17] == (None, None, None, None)


# ---------------------------------------------------------------- 9. the reporting rows compared and listed

def test_compare_fills_the_reporting_rows_and_the_bc_workbook_lists_them(ha_noi_bc):
    table = rows(cli("indicators", "--data", SAMPLES / "ha-noi", "--year", "2021", "--quarter", "2", "--level",
                     "province", "--compare", "previous"))
    reporting = [r for r in table if r["indicator"].startswith(("SO_THANG_", "TY_LE_GUI", "TY_LE_DUNG"))]
    assert reporting and all(r["earlier_period"] == "2021-Q1" and r["earlier_value"] != "" for r in reporting)
    assert pick(table, "SO_THANG_CAN")["earlier_value"] == "21"
    ws = openpyxl.load_workbook(ha_noi_bc[1])["ChiSo"]
    listed = {(r[3], r[4]): r[5] for r in ws.iter_rows(values_only=True) if r and r[3]}
    for r in reporting:
        assert float(listed[(r["indicator"], "ALL")]) == float(r["value"]), r["indicator"]


# ---------------------------------------------------------------- 10. one base per sentence and table

def test_a_province_bc_says_the_base_of_each_sentence_and_table(ha_noi_bc):
    text = text_of(ha_noi_bc[0])
    assert "các cơ sở đang quản lý: 3.121 học viên" in text and "điều trị Methadone 190 học viên" in text
    assert "Lũy kế tháng 03/2021 chuyển sang là 3.058 học viên (không kể bệnh nhân điều trị Methadone)" in text
    assert "tiếp nhận 632 học viên vào (không kể bệnh nhân điều trị Methadone)" in text
    assert "Đơn vị tính: người (học viên các diện, kể cả bệnh nhân điều trị Methadone)" in text
    total = next(line for line in text.splitlines() if line.startswith(" | Tổng cộng | 21/21"))
    assert total.split(" | ")[3:5] == ["3.247", "652"]  # everyone, as its label says: 3.058 + 189, 632 + 20


def test_batch_holds_back_only_the_province_whose_workbook_has_an_error(bad_province_cell, tmp_path):
    data = bad_province_cell
    shutil.copytree(SAMPLES / "nam-dinh", data / "nam-dinh")
    res = cli("batch", "--data", data, "--year", "2019", "--out", tmp_path / "o")
    assert res.exit_code == 1, res.output
    assert "không đọc được" not in res.output and "C001" in res.output  # its province's error, not an unknown file
    assert (tmp_path / "o" / "BC-Nam-Dinh-2019.docx").exists()
    assert not (tmp_path / "o" / "BC-Cao-Bang-2019.docx").exists()
    # indicators of another province do not wait on Cao Bằng's workbook either
    for selection in (("--province", "Nam Định"), ("--facility", "NDCS")):
        assert cli("indicators", "--data", data, "--year", "2019", "--level", "province", *selection).exit_code == 0
    res = cli("batch", "--data", data, "--year", "2019", "--out", tmp_path / "f", "--force")
    assert "DỰ THẢO" in text_of(tmp_path / "f" / "BC-Cao-Bang-2019-DU-THAO.docx")
    assert "DỰ THẢO" not in text_of(tmp_path / "f" / "BC-Nam-Dinh-2019.docx")
    assert not (tmp_path / "f" / "BC-Cao-Bang-2019.docx").exists()  # a draft never takes a final's name
