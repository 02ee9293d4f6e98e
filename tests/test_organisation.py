"""Today's organisation on the merger sample (samples/ninh-binh-2025): provinces
as of the end of the period, the sector's document defaults, deadlines and timeliness,
the regimes' periods."""
from __future__ import annotations

import datetime as dt
import json
import shutil
from collections import defaultdict

import openpyxl
import pytest

from conftest import SAMPLES, cli, cli_json

NB = SAMPLES / "ninh-binh-2025"
FIGURES = ("DAU_KY", "TIEP_NHAN", "HOAN_THANH", "TRON", "CUOI_KY", "CO_MAT", "VANG_MAT", "KHAM_BENH", "DOANH_THU")


def by_unit(rows):
    out = defaultdict(dict)
    for r in rows:
        out[r["unit"]][(r["indicator"], r["category"])] = r["value"]
    return out


@pytest.fixture(scope="module")
def year_2025():
    args = ("--data", NB, "--year", "2025", "--format", "json")
    return (by_unit(cli_json("indicators", *args, "--level", "province")),
            by_unit(cli_json("indicators", *args, "--level", "facility")))


def test_a_year_spanning_the_merger_is_one_new_province_with_the_sum(year_2025):
    prov, fac = year_2025
    assert list(prov) == ["Ninh Bình"]
    assert set(fac) == {"HNA01", "ND01", "NB01"}
    for ind in FIGURES:
        for cat in ("HV", "ALL", "BB"):
            key = (ind, cat)
            if key in prov["Ninh Bình"]:
                assert prov["Ninh Bình"][key] == sum(fac[u].get(key, 0) for u in fac), key
    assert prov["Ninh Bình"][("CUOI_KY", "ALL")] == 181 and prov["Ninh Bình"][("TIEP_NHAN", "ALL")] == 284


def test_the_first_half_keeps_the_three_old_provinces():
    prov = by_unit(cli_json("indicators", "--data", NB, "--year", "2025", "--half", "1", "--level", "province",
                            "--format", "json"))
    assert sorted(prov) == ["Hà Nam", "Nam Định", "Ninh Bình"]
    assert [prov[p][("CUOI_KY", "ALL")] for p in ("Hà Nam", "Nam Định", "Ninh Bình")] == [45, 77, 56]


def test_as_of_chooses_one_geography_for_both_sides_of_a_comparison():
    # the first half in the geography of 31/12/2025: comparable with the second half
    h1 = by_unit(cli_json("indicators", "--data", NB, "--year", "2025", "--half", "1", "--level", "province",
                          "--as-of", "31/12/2025", "--format", "json"))
    assert list(h1) == ["Ninh Bình"] and h1["Ninh Bình"][("CUOI_KY", "ALL")] == 45 + 77 + 56
    # the year in the old geography: three provinces (each facility by its workbook up to June)
    old = by_unit(cli_json("indicators", "--data", NB, "--year", "2025", "--level", "province",
                           "--as-of", "30/06/2025", "--format", "json"))
    assert sorted(old) == ["Hà Nam", "Nam Định", "Ninh Bình"]
    assert sum(old[p][("CUOI_KY", "ALL")] for p in old) == 181
    res = cli("indicators", "--data", NB, "--year", "2025", "--as-of", "31/02/2025")
    assert res.exit_code == 2 and "--as-of" in res.output


def test_report_of_an_old_province_name_is_the_new_province(tmp_path):
    res = cli("report", "--data", NB, "--year", "2025", "--province", "Tỉnh Nam Định", "--out", tmp_path)
    assert res.exit_code == 0, res.output
    assert (tmp_path / "BC-Ninh-Binh-2025.docx").is_file()
    assert "(Hà Nam, Nam Định) được tính vào tỉnh Ninh Bình" in res.output


def test_reporting_rates_in_indicators(year_2025):
    prov, fac = year_2025
    nb = prov["Ninh Bình"]
    assert (nb[("SO_THANG_CAN", "ALL")], nb[("SO_THANG_GUI", "ALL")], nb[("SO_THANG_DUNG_HAN", "ALL")],
            nb[("SO_THANG_MUON", "ALL")]) == (36, 36, 34, 1)  # HNA01's January has no "Ngày gửi"
    assert nb[("TY_LE_GUI_SO", "ALL")] == 100.0 and nb[("TY_LE_DUNG_HAN", "ALL")] == 94.4
    assert fac["ND01"][("TY_LE_DUNG_HAN", "ALL")] == 100.0 and fac["NB01"][("TY_LE_DUNG_HAN", "ALL")] == 91.7
    assert fac["NB01"][("SO_THANG_MUON", "ALL")] == 1 and fac["HNA01"][("SO_THANG_DUNG_HAN", "ALL")] == 11


# ---------------------------------------------------------------- batch: documents and the national workbook

@pytest.fixture(scope="module")
def batch_2025(tmp_path_factory):
    from rehabstat.commands.batch import run_batch
    from rehabstat.common.periods import make_period
    out = tmp_path_factory.mktemp("b2025")
    res = run_batch(NB, make_period(year=2025, half=2), out / "h2", today=dt.date(2026, 2, 1), jobs=1)
    return res, out


def docx_text(path):
    import docx
    d = docx.Document(path)
    # a line break inside a paragraph (the agency lines are broken in balanced halves) reads as a space
    parts = [p.text.replace("\n", " ") for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            parts.extend("\n".join(p.text.replace("\n", " ") for p in c.paragraphs) for c in row.cells)
    return "\n".join(parts)


def test_h2_bc_without_configuration_is_the_police_sector(batch_2025):
    res, out = batch_2025
    assert [p.name for p in res.provinces] == ["Ninh Bình"]
    text = docx_text(out / "h2" / "BC-Ninh-Binh-2025-H2.docx")
    assert "THƯƠNG BINH" not in text.upper()  # no Labour-sector agency ("lao động trị liệu" is therapy)
    assert "CÔNG AN TỈNH NINH BÌNH" in text and "PHÒNG CẢNH SÁT ĐIỀU TRA TỘI PHẠM VỀ MA TÚY" in text
    assert "/BC-PC04" in text and "TRƯỞNG PHÒNG" in text
    assert "[Họ và tên người ký]" in text  # a name nobody configured: a placeholder, never invented
    # H2 lies after the merger: no "(gồm ...)" needed
    assert "gồm các tỉnh" not in text
    assert any("Chưa có họ tên người ký" in n.shown("vi") for n in res.notes)


def test_a_2024_bc_without_configuration_is_the_labour_sector(tmp_path):
    """A Ninh Bình facility's first quarter of 2024 (the sample's generator): the Labour sector's agencies."""
    from rehabstat.synth.national import Facility, _Province
    from rehabstat.synth.writer import write_month
    data = tmp_path / "nb2024"
    fac = Facility("NB01", "Cơ sở Cai nghiện ma túy tỉnh Ninh Bình", "Ninh Bình", "cs", 30,
                   ["BB", "TN", "HTCC", "XDTTN", "LTTT"], False, False, 0, "NB01")
    for _, books in _Province([fac], seed=2024, year=2024, months=3, scale=1.0).books():
        for book in books:
            write_month(data / f"{book.period}.xlsx", book, "clean")
    res = cli("report", "--data", data, "--year", "2024", "--quarter", "1", "--out", tmp_path / "out")
    assert res.exit_code == 0, res.output
    text = docx_text(tmp_path / "out" / "BC-NB01-2024-Q1.docx")
    assert "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI TỈNH NINH BÌNH" in text
    assert "Sở Lao động - Thương binh và Xã hội tỉnh Ninh Bình (để báo cáo)" in text
    assert "CÔNG AN" not in text.upper()
    assert "ngành Lao động - Thương binh và Xã hội" in res.output  # the console says whose defaults these are


def test_full_year_bc_names_the_merged_province_once(tmp_path):
    res = cli("report", "--data", NB, "--year", "2025", "--province", "Ninh Bình", "--out", tmp_path)
    assert res.exit_code == 0, res.output
    text = docx_text(tmp_path / "BC-Ninh-Binh-2025.docx")
    phrase = "tỉnh Ninh Bình (gồm các tỉnh Hà Nam, Nam Định, Ninh Bình trước ngày 01/07/2025)"
    assert text.count(phrase) == 1


def test_national_workbook_shows_on_time_late_missing_and_rates(tmp_path):
    """The sample less ND01's October: the national workbook (a draft, --force) shows it missing."""
    from rehabstat.commands.batch import run_batch
    from rehabstat.common.periods import make_period
    data = tmp_path / "data"
    shutil.copytree(NB, data)
    (data / "ND01" / "2025-10.xlsx").unlink()
    res = run_batch(data, make_period(year=2025), tmp_path / "out", today=dt.date(2026, 2, 1), jobs=1, force=True)
    assert res.exit_code == 1 and res.national is not None  # a missing month: written as a draft
    wb = openpyxl.load_workbook(res.national)
    assert wb["TomTat"]["A1"].value.startswith("DỰ THẢO")  # a draft's first row on every sheet
    rows = [list(r) for r in wb["TomTat"].iter_rows(min_row=2, values_only=True)]
    head = rows[0]
    nb = dict(zip(head, rows[1]))
    assert nb["Tỉnh/Thành phố"] == "Ninh Bình"
    assert (nb["Sổ tháng cần có"], nb["Sổ tháng đã gửi"], nb["Gửi đúng hạn"], nb["Gửi muộn"], nb["Thiếu"]) == \
        (36, 35, 33, 1, 1)
    assert nb["Tỷ lệ gửi sổ (%)"] == 97.2 and nb["Tỷ lệ gửi đúng hạn (%)"] == 91.7
    ws = wb["DayDu"]
    grid = {}
    header = [c.value for c in ws[2]]
    for r in range(3, 6):
        unit = ws.cell(row=r, column=2).value
        for c, title in enumerate(header, start=1):
            if title and "/" in str(title):
                cell = ws.cell(row=r, column=c)
                grid[(unit, title)] = (cell.value, cell.fill.fgColor.rgb[-6:])  # alpha ignored
    from rehabstat.workbooks.national import LATE_FILL, STATUS_FILL
    assert grid[("NB01", "03/2025")] == ("muộn 13 ngày", LATE_FILL)
    assert grid[("ND01", "10/2025")] == ("thiếu", STATUS_FILL["thiếu"])
    assert grid[("NB01", "04/2025")] == ("đã nhận", STATUS_FILL["đã nhận"])
    tidy = {(r[0], r[3]): r[5] for r in wb["ChiSo"].iter_rows(min_row=3, values_only=True)}
    assert tidy[("Ninh Bình", "TY_LE_DUNG_HAN")] == 91.7 and tidy[("VN", "TY_LE_GUI_SO")] == 97.2
    # the province BC's workbook: its indicator rows, then its facilities' reporting counts and rates
    chiso = [r for r in openpyxl.load_workbook(tmp_path / "out" / "BC-Ninh-Binh-2025-DU-THAO.xlsx")["ChiSo"]
             .iter_rows(values_only=True) if r[0] == "Ninh Bình"]
    assert [(r[3], r[5]) for r in chiso[-6:]] == [("SO_THANG_CAN", 36), ("SO_THANG_GUI", 35),
                                                  ("SO_THANG_DUNG_HAN", 33), ("SO_THANG_MUON", 1),
                                                  ("TY_LE_GUI_SO", 97.2), ("TY_LE_DUNG_HAN", 91.7)]
    assert ("CUOI_KY", "ALL") in {(r[3], r[4]) for r in chiso[:-6]} and chiso[-1][6]
    # the province BC says who was late
    text = docx_text(tmp_path / "out" / "BC-Ninh-Binh-2025-DU-THAO.docx")
    assert "NB01 – Cơ sở Cai nghiện ma túy tỉnh Ninh Bình: gửi muộn sổ tháng 03/2025 (13 ngày)." in text
    assert "gửi đúng hạn 33/36 (91,7%), gửi muộn 1 sổ, 1 sổ không ghi ngày gửi" in text


# ---------------------------------------------------------------- configuration

def test_preset_and_overrides(tmp_path):
    from rehabstat.settings.config import load_config
    from rehabstat.common.periods import make_period
    from rehabstat.settings.sector import document_settings
    q1 = make_period(year=2025, quarter=1)  # ends 31/03/2025: police
    jan = make_period(year=2025, month=1)  # ends 31/01/2025: Labour
    s, _ = document_settings({}, jan, "province", "Nam Định")
    assert s["parent_agency"] == "Ủy ban nhân dân tỉnh Nam Định" and s["agency"].startswith("Sở Lao động")
    s, _ = document_settings({}, q1, "facility", "Nam Định", "Cơ sở X")
    assert s["parent_agency"] == "Công an tỉnh Nam Định" and "agency" not in s
    s, warn = document_settings({"preset": "lao-dong", "signer_name": "Trần Văn B", "agency": "Sở Y"}, q1,
                                "province", "TP. Hà Nội")
    assert s["parent_agency"] == "Ủy ban nhân dân thành phố Hà Nội" and s["agency"] == "Sở Y"
    assert s["signer_name"] == "Trần Văn B" and "preset" not in s and warn == []
    s, warn = document_settings({}, q1, "province", "Hà Tây")
    assert s["parent_agency"] == "Công an [TÊN TỈNH]" and any("[TÊN TỈNH]" in w.shown("vi") for w in warn)
    (tmp_path / "rehabstat.toml").write_text('[document]\npreset = "bo-y-te"\n', encoding="utf-8")
    from rehabstat.settings.config import ConfigError
    with pytest.raises(ConfigError, match="document.preset"):
        load_config([tmp_path])
    (tmp_path / "rehabstat.toml").write_text('[deadline]\nday = 40\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="deadline.day"):
        load_config([tmp_path])
    (tmp_path / "rehabstat.toml").write_text('[deadline]\nday = 15\nquarter_day = 20\n', encoding="utf-8")
    assert load_config([tmp_path]).deadline == {"day": 15, "quarter_day": 20}


def test_due_dates():
    from rehabstat.computing.timeliness import days_late, due_date
    d = {"day": 15, "quarter_day": 20}
    assert due_date(2025, 2, d) == dt.date(2025, 3, 15) and due_date(2025, 3, d) == dt.date(2025, 4, 20)
    assert due_date(2025, 12, d) == dt.date(2026, 1, 20) and due_date(2025, 1, {"day": 31}) == dt.date(2025, 2, 28)
    assert due_date(2025, 1, {}) is None
    assert days_late(dt.date(2025, 4, 28), dt.date(2025, 4, 15)) == 13
    assert days_late(dt.date(2025, 4, 15), dt.date(2025, 4, 15)) == 0 and days_late(None, dt.date(2025, 4, 15)) is None


def test_unknown_province_in_a_workbook_is_an_error_with_the_closest_names(tmp_path):
    src = NB / "NB01" / "2025-08.xlsx"
    wb = openpyxl.load_workbook(src)
    for row in wb["ThongTin"].iter_rows():
        if row[0].value == "Tỉnh/Thành phố":
            row[1].value = "Ninh Bìnhh"
    wb.save(tmp_path / "2025-08.xlsx")
    res = cli("validate", tmp_path, "--format", "json")
    assert res.exit_code == 1  # a name that is no province: an error, the month "with errors" for the gate
    out = json.loads(res.stdout)
    g = [i for i in out["issues"] if i["code"] == "G001"]
    assert len(g) == 1 and g[0]["severity"] == "error" and g[0]["row"] == 3 and g[0]["column"] == "B" and "Ninh Bình" in g[0]["message"]


def test_nine_months_period():
    from rehabstat.common.periods import make_period
    p = make_period(year=2025, months=9)
    assert (p.first, p.last, p.code, p.label) == ((2025, 1), (2025, 9), "2025-01..2025-09", "9 tháng đầu năm 2025")
    assert make_period(year=2025, half=2).label == "6 tháng cuối năm 2025"
    assert make_period(start="01/2025", end="09/2025").label == "9 tháng đầu năm 2025"


def test_registry_of_the_new_province_covers_facilities_writing_old_names(tmp_path):
    from rehabstat.checking.checks import run_checks
    from rehabstat.settings.config import Config
    from rehabstat.reading.dataset import read_paths
    from rehabstat.common.periods import make_period
    ds = read_paths([NB / "ND01", NB / "NB01"])
    new = Config(registry={"Ninh Bình": ["HNA01", "ND01", "NB01"]})
    issues = run_checks(ds, period=make_period(year=2025, half=2), today=dt.date(2026, 2, 1), config=new)
    assert not [i for i in issues if i.code == "X004"]
    old = Config(registry={"Nam Định": ["ND01"], "Ninh Bình": ["NB01"]})  # the 2024 registry, before the merger
    issues = run_checks(ds, period=make_period(year=2025, half=2), today=dt.date(2026, 2, 1), config=old)
    assert not [i for i in issues if i.code == "X004"]
    stranger = Config(registry={"Ninh Bình": ["NB01"]})
    issues = run_checks(ds, period=make_period(year=2025, half=2), today=dt.date(2026, 2, 1), config=stranger)
    assert [(i.code, i.unit) for i in issues if i.code == "X004"] == [("X004", "ND01")]


def test_form_refuses_a_province_name_that_is_no_province_and_warns_on_one_no_longer_one(tmp_path):
    res = cli("form", "--facility", "ND01", "--name", "Cơ sở X", "--province", "Nam Đinhh", "--month", "08/2025",
              "--out", tmp_path / "a.xlsx")
    assert res.exit_code == 2 and "'Nam Đinhh' không phải tên tỉnh/thành phố nào; có phải: Nam Định" in res.output
    assert not (tmp_path / "a.xlsx").exists()
    res = cli("form", "--facility", "ND01", "--name", "Cơ sở X", "--province", "Nam Định", "--month", "08/2025",
              "--out", tmp_path / "b.xlsx")
    assert res.exit_code == 0 and "đã sáp nhập vào tỉnh Ninh Bình" in res.output
    res = cli("form", "--facility", "ND01", "--name", "Cơ sở X", "--province", "Nam Định", "--month", "06/2025",
              "--out", tmp_path / "c.xlsx")
    assert res.exit_code == 0 and "Cảnh báo" not in res.output
