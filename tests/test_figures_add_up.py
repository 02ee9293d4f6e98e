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

import docx
import openpyxl
import pytest

from conftest import SAMPLES, cli


def text_of(path) -> str:
    d = docx.Document(path)
    parts = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            parts.append(" | ".join(c.text for c in row.cells))
    return "\n".join(parts)


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
    shutil.copy(SAMPLES / "rehabstat.toml", tmp_path / "rehabstat.toml")
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
