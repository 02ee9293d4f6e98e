"""rehabstat batch: every province's BC and the national workbook, with completeness.

Test folders are copies of sample files in tmp_path; samples/ is only ever read."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import docx
import openpyxl
import pytest

from conftest import SAMPLES, cli

TODAY = dt.date(2026, 1, 15)


# ---------------------------------------------------------------- helpers

def copy_samples(dst: Path, *parts, drop=()) -> Path:
    """Copy sample folders (e.g. 'ha-noi', 'son-la') into dst, leaving out some files."""
    drop = {Path(d).as_posix() for d in drop}
    for part in parts:
        for f in sorted((SAMPLES / part).rglob("*.xlsx")):
            rel = f.relative_to(SAMPLES)
            if rel.as_posix() in drop:
                continue
            (dst / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(f, dst / rel)
    return dst


def sheet_rows(path, sheet):
    """The sheet's rows, without a draft's first row (DỰ THẢO, xlsxout.mark_draft)."""
    wb = openpyxl.load_workbook(path)
    rows = [list(r) for r in wb[sheet].iter_rows(values_only=True)]
    return wb, wb[sheet], rows[banner(wb[sheet]):]


def banner(ws) -> int:
    """1 when the sheet starts with a draft's row (its rows are one lower), else 0."""
    return 1 if str(ws["A1"].value or "").startswith("DỰ THẢO") else 0


def grouped(path, sheet="BienDong", first=0):
    """{row label: {(group header, sub header): value}} for a sheet with two header rows from
    row `first` + 1 (the group header is merged over its columns)."""
    _, _, rows = sheet_rows(path, sheet)
    rows = rows[first:]
    top, sub = rows[0], rows[1]
    group, heads = None, []
    for a, b in zip(top, sub):
        group = a if a is not None else group
        heads.append((group, b))
    out = {}
    for row in rows[2:]:
        if row[0] is None or str(row[0]).startswith("Ô trống"):  # the end, or the note under the table
            break
        if row[0] == "Mã chỉ tiêu":  # the codes' row under the headers
            continue
        out[row[0]] = {h: v for h, v in zip(heads, row)}
    return out


def blocks(path, sheet="BienDong"):
    """{province: {(indicator label, category label): value}} for the national BienDong: the
    header row, then a block per province (title "Hà Nội (số cơ sở: 7)", a row per indicator)."""
    _, _, rows = sheet_rows(path, sheet)
    out, name, header = {}, None, None
    for row in rows:
        first = row[0]
        if isinstance(first, str) and "(số cơ sở:" in first:
            name = first.split(" (số cơ sở:")[0]
            out[name] = {("Số cơ sở", None): int(first.rsplit(":", 1)[1].strip(" )"))}
        elif first == "Mã":
            header = row
        elif name and header and first:
            for head, value in zip(header[2:], row[2:]):
                out[name][(row[1], head)] = value
    return out


def tidy(path):
    _, _, rows = sheet_rows(path, "ChiSo")
    assert rows[0] == ["Đơn vị", "Cấp", "Kỳ", "Mã chỉ số", "Diện", "Giá trị", "Chỉ số"]
    return {(u, ind, cat): v for u, _, _, ind, cat, v, _ in rows[1:]}


def completeness(path):
    wb, ws, rows = sheet_rows(path, "DayDu")
    header = rows[0]
    grid = {}
    for r, row in enumerate(rows[1:], start=2):
        if row[1] is None:
            break
        for c, title in enumerate(header):
            if title and "/" in str(title):
                grid[(row[1], title)] = (row[c], ws.cell(row=r + banner(ws), column=c + 1).fill.fgColor.rgb[-6:])  # alpha ignored
    return grid, rows


def run(data, tmp_path, name="out", **kw):
    from rehabstat.commands.batch import run_batch
    from rehabstat.common.periods import make_period
    period = kw.pop("period", None) or make_period(year=2021, quarter=2)
    return run_batch(data, period, tmp_path / name, today=TODAY, **kw)


# ---------------------------------------------------------------- the samples, clean

@pytest.fixture(scope="module")
def q2(tmp_path_factory):
    out = tmp_path_factory.mktemp("q2")
    res = cli("batch", "--data", SAMPLES, "--year", "2021", "--quarter", "2", "--out", out, "--jobs", "2")
    return res, out


def test_samples_q2_writes_every_province_and_the_national_workbook(q2):
    res, out = q2
    assert res.exit_code == 0, res.output
    for name in ("BC-Ha-Noi-2021-Q2.docx", "BC-Ha-Noi-2021-Q2.xlsx", "BC-Son-La-2021-Q2.docx",
                 "BC-Son-La-2021-Q2.xlsx", "TongHop-2021-Q2.xlsx"):
        assert (out / name).is_file(), name
    assert "Hà Nội" in res.stdout and "Sơn La" in res.stdout and "21/21" in res.stdout
    assert "TongHop-2021-Q2.xlsx" in res.stdout and "giây" in res.stdout
    assert "sổ chỉ tiêu" in res.stdout  # samples/targets/*.xlsx are skipped, not called broken


def test_national_workbook_has_seed_004_and_a_total_row(q2):
    _, out = q2
    path = out / "TongHop-2021-Q2.xlsx"
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[:5] == ["TomTat", "BienDong", "YTe", "HoatDong", "TaiChinh"]
    assert {"DayDu", "SiSoThang", "VanDe", "ChiSo"} <= set(wb.sheetnames)
    table = blocks(path)
    hn = table["Hà Nội"]
    assert hn[("Cuối kỳ (đang quản lý)", "Tổng cộng")] == 3121
    assert hn[("Trong đó: có mặt", "Tổng cộng")] == 3105
    assert hn[("vắng mặt", "Tổng cộng")] == 16
    assert hn[("Đầu kỳ (chuyển sang)", "Tổng cộng")] == 3247
    assert hn[("Cuối kỳ (đang quản lý)", "Methadone")] == 190
    # the national total is Hà Nội + Sơn La, cell by cell, on every family sheet
    assert list(table) == ["Hà Nội", "Sơn La", "Toàn quốc"]
    for head, total in table["Toàn quốc"].items():
        parts = [table[p][head] for p in ("Hà Nội", "Sơn La") if table[p][head] is not None]
        assert total == (sum(parts) if parts else None), head
    assert table["Toàn quốc"][("Số cơ sở", None)] == 8
    for sheet in ("YTe", "HoatDong", "TaiChinh"):
        rows = grouped(path, sheet)
        assert list(rows)[-1] == "Toàn quốc"
        for head, total in rows["Toàn quốc"].items():
            if head[0] == "Tỉnh/Thành phố":
                continue
            parts = [rows[p][head] for p in ("Hà Nội", "Sơn La") if rows[p][head] is not None]
            # a figure no province reported is blank (not 0); else the total of those that did
            assert total == (sum(parts) if parts else None), (sheet, head)
    ws = wb["YTe"]
    column_a = [ws.cell(row=r, column=1).value for r in range(1, ws.max_row + 1)]
    last = column_a.index("Toàn quốc") + 1  # the last row of the table; under it only the note on partial totals
    assert column_a[last:-1] == [None] and column_a[-1].startswith("Ô trống") and ws.cell(row=last, column=1).font.b
    assert ws.freeze_panes == "C4" and ws.cell(row=5, column=3).number_format == "#,##0"  # Sơn La
    assert [ws.cell(row=3, column=c).value for c in (3, 4)] == ["KHAM_BENH", "DIEU_TRI_BENH"]
    assert ws.column_dimensions["A"].width >= 20
    # BienDong's groups of 17 rows do not share a landscape page: a break before Sơn La's and the nation's
    ws = wb["BienDong"]
    titles = [r for r in range(1, ws.max_row + 1) if "(số cơ sở:" in str(ws.cell(row=r, column=1).value)]
    assert [b.id for b in ws.row_breaks.brk] == [r - 1 for r in titles[1:]]
    # the tidy rows agree with the indicator engine (province and national level)
    t = tidy(path)
    assert t[("Hà Nội", "CUOI_KY", "ALL")] == 3121 and t[("VN", "CUOI_KY", "ALL")] == 3121 + t[("Sơn La", "CUOI_KY", "ALL")]


def test_province_workbook_has_the_annex(q2):
    _, out = q2
    _, ws, rows = sheet_rows(out / "BC-Ha-Noi-2021-Q2.xlsx", "PhuLuc")
    # a title as on the other sheets (the province, what the sheet holds), the header from row 4
    assert rows[0][0] == "Hà Nội" and rows[1][0].startswith("Các cơ sở trong tỉnh") and "quý II năm 2021" in rows[1][0]
    assert rows[3][:3] == ["Mã cơ sở", "Tên cơ sở", "Số tháng có sổ"] and ws.freeze_panes == "D6"
    assert ws.print_title_rows == "$4:$5"
    codes = [r[0] for r in rows[5:12]]
    assert codes == [f"HN0{k}" for k in range(1, 8)]
    total = rows[12]
    assert total[1] == "Tổng cộng" and total[2] == "21/21"
    heads = grouped(out / "BC-Ha-Noi-2021-Q2.xlsx", "PhuLuc", first=3)
    assert heads["HN01"][("Số tháng có sổ", None)] == "3/3"
    closing = ("Cuối kỳ (đang quản lý)", "Tổng cộng")
    assert sum(heads[f"HN0{k}"][closing] for k in range(1, 8)) == 3121 == total[12]
    assert ws.cell(row=13, column=1).font.b or ws.cell(row=13, column=2).font.b


def test_monthly_census_chart_matches_the_engine(q2):
    from rehabstat.computing.indicators import compute, value
    from rehabstat.common.periods import make_period
    from rehabstat.commands.prepare import read as load
    _, out = q2
    wb, ws, rows = sheet_rows(out / "TongHop-2021-Q2.xlsx", "SiSoThang")
    assert len(ws._charts) == 1
    ds, _ = load([SAMPLES / "ha-noi", SAMPLES / "son-la"])
    for (label, total, hv, met), m in zip(rows[1:], (4, 5, 6)):
        nat = compute(ds, make_period(year=2021, month=m), level="national")
        assert label == f"{m:02d}/2021"
        assert total == value(nat, "CUOI_KY", "ALL") and hv == value(nat, "CUOI_KY", "HV")
        assert met == value(nat, "CUOI_KY", "MET")


# ---------------------------------------------------------------- a missing month

def test_missing_month_shows_in_completeness_and_console(tmp_path):
    data = copy_samples(tmp_path / "data", "ha-noi", "son-la", drop=["ha-noi/HN03/2021-05.xlsx"])
    # without --force: exit 1; only the complete province (Sơn La) gets its BC, no national workbook
    res = cli("batch", "--data", data, "--year", "2021", "--quarter", "2", "--out", tmp_path / "plain")
    assert res.exit_code == 1, res.output
    assert "HN03" in res.stdout and "thiếu sổ tháng 05/2021" in res.stdout
    assert (tmp_path / "plain" / "BC-Son-La-2021-Q2.docx").is_file()
    assert not (tmp_path / "plain" / "BC-Ha-Noi-2021-Q2.docx").exists()
    assert not (tmp_path / "plain" / "TongHop-2021-Q2.xlsx").exists()
    assert "Số liệu đầy đủ" not in res.stdout and "chưa lập báo cáo" in res.stdout
    # with --force: every document, as drafts, and the completeness grid; still exit 1
    res = cli("batch", "--data", data, "--year", "2021", "--quarter", "2", "--out", tmp_path / "out", "--force")
    assert res.exit_code == 1, res.output
    assert "DỰ THẢO" in res.stdout
    grid, _ = completeness(tmp_path / "out" / "TongHop-2021-Q2-DU-THAO.xlsx")
    assert grid[("HN03", "05/2021")] == ("thiếu", "FFC7CE")
    assert grid[("HN03", "04/2021")][0] == "đã nhận" and grid[("HN03", "06/2021")][0] == "đã nhận"
    assert grid[("SL01", "05/2021")][0] == "đã nhận"
    # the province's documents are still written, and its annex says what is missing
    assert (tmp_path / "out" / "BC-Ha-Noi-2021-Q2-DU-THAO.docx").is_file()
    assert (tmp_path / "out" / "BC-Son-La-2021-Q2.docx").is_file()  # complete: a final, even beside drafts
    _, _, rows = sheet_rows(tmp_path / "out" / "BC-Ha-Noi-2021-Q2-DU-THAO.xlsx", "PhuLuc")
    hn03 = next(r for r in rows if r[0] == "HN03")
    assert hn03[2] == "2/3" and "thiếu 05/2021" in hn03[-1]
    assert any(r[0] and "HN03" in str(r[0]) and "05/2021" in str(r[0]) for r in rows[13:])


# ---------------------------------------------------------------- duplicate, broken, unknown

@pytest.fixture(scope="module")
def messy(tmp_path_factory):
    """Hà Nội and Sơn La with: HN05's April sent twice (a copy in another folder), HN02's
    June replaced by a text file, and an unreadable file nobody can place."""
    root = tmp_path_factory.mktemp("messy")
    data = copy_samples(root / "data", "ha-noi", "son-la")
    (data / "resent").mkdir()
    shutil.copyfile(SAMPLES / "ha-noi/HN05/2021-04.xlsx", data / "resent" / "HN05 thang 4.xlsx")
    (data / "ha-noi/HN02/2021-06.xlsx").write_text("this is not a workbook", encoding="utf-8")
    (data / "lost.xlsx").write_text("garbage", encoding="utf-8")
    return root, data, run(data, root, jobs=1, force=True)


def test_duplicate_month_is_shown_and_left_out_of_the_figures(messy):
    from rehabstat.reading.dataset import read_paths
    from rehabstat.computing.indicators import compute, value
    from rehabstat.common.periods import make_period
    root, data, result = messy
    assert result.exit_code == 1
    grid, _ = completeness(result.national)
    assert grid[("HN05", "04/2021")] == ("trùng", "F8CBAD")
    # the figures are those of every usable workbook: neither copy of HN05's April
    # (nor HN02's broken June)
    usable = [f for f in sorted((data / "ha-noi").rglob("*.xlsx"))
              if f.relative_to(data).as_posix() not in ("ha-noi/HN05/2021-04.xlsx", "ha-noi/HN02/2021-06.xlsx")]
    expected = compute(read_paths(usable, jobs=1), make_period(year=2021, quarter=2), level="province")
    t = tidy(result.national)
    for ind in ("DAU_KY", "TIEP_NHAN", "HOAN_THANH", "CUOI_KY", "CO_MAT"):
        assert t[("Hà Nội", ind, "ALL")] == value(expected, ind, "ALL"), ind
    hn = next(p for p in result.provinces if p.name == "Hà Nội")
    assert any("HN05" in g and "04/2021" in g and "trùng" in g and "đầu kỳ lấy theo sổ tháng 05/2021" in g
               for g in hn.gaps)
    assert {i.code for i in hn.errors} >= {"X001"}


def test_broken_workbook_is_listed_and_the_rest_is_summed(messy):
    root, data, result = messy
    grid, rows = completeness(result.national)
    assert grid[("HN02", "06/2021")][0] == "có lỗi"  # facility from its folder, month from its name
    assert [Path(f).name for f, _ in result.unattributed] == ["lost.xlsx"]
    assert any(r[1] and str(r[1]).endswith("lost.xlsx") for r in rows)
    hn = next(p for p in result.provinces if p.name == "Hà Nội")
    assert any(g.startswith("HN02") and "06/2021 không đọc được" in g and "cuối kỳ lấy theo sổ tháng 05/2021" in g
               for g in hn.gaps)
    _, _, issues = sheet_rows(result.national, "VanDe")
    assert {r[0] for r in issues[1:] if r[4] == "F001"} == {"2021-06.xlsx", "lost.xlsx"}
    # Sơn La is untouched by Hà Nội's problems
    sl = next(p for p in result.provinces if p.name == "Sơn La")
    assert not sl.gaps and not sl.errors
    from rehabstat.computing.indicators import compute, value
    from rehabstat.common.periods import make_period
    from rehabstat.commands.prepare import read as load
    ds, _ = load(SAMPLES / "son-la")
    alone = compute(ds, make_period(year=2021, quarter=2), level="province")
    t = tidy(result.national)
    for ind in ("DAU_KY", "TIEP_NHAN", "CUOI_KY", "KHAM_BENH", "DOANH_THU"):
        assert t[("Sơn La", ind, "ALL")] == value(alone, ind, "ALL"), ind
    for p in result.provinces:
        assert all(Path(o).is_file() for o in p.outputs) and len(p.outputs) == 2


def test_batch_summary_counts_warnings_by_code(messy):
    root, data, result = messy
    assert result.codes("error")["X001"] == 2 and result.codes("error")["F001"] == 2
    assert all(i.code != "X002" or "HN02" not in i.message for i in result.issues)  # the broken file says it


# ---------------------------------------------------------------- registry: who sent nothing

def test_registry_facility_that_sent_nothing(tmp_path):
    data = copy_samples(tmp_path / "data", "ha-noi")
    (data / "rehabstat.toml").write_text('[registry]\n"TP. Hà Nội" = ["HN01", "HN02", "HN03", "HN04", "HN05", '
                                         '"HN06", "HN07", "HN08"]\n', encoding="utf-8")
    from rehabstat.common.periods import make_period
    result = run(data, tmp_path, period=make_period(year=2021, month=6), force=True)
    assert result.exit_code == 1
    [hn] = result.provinces
    assert hn.name == "Hà Nội" and len(hn.facilities) == 8
    assert any(g.startswith("HN08") and "không gửi sổ nào" in g for g in hn.gaps)
    grid, rows = completeness(result.national)
    assert grid[("HN08", "06/2021")][0] == "thiếu"
    i = next(k for k, r in enumerate(rows) if r[0] and "chưa gửi sổ nào" in str(r[0]))
    assert rows[i + 1][1] == "HN08"


# ---------------------------------------------------------------- periods, jobs, usage

def test_period_across_years(tmp_path):
    res = cli("batch", "--data", SAMPLES / "son-la", "--from", "11/2020", "--to", "02/2021", "--out", tmp_path,
              "--force")
    assert res.exit_code == 1, res.output  # 11/2020 and 12/2020 were never sent
    assert "11/2020 đến 12/2020" in res.stdout
    path = tmp_path / "TongHop-2020-11..2021-02-DU-THAO.xlsx"
    assert (tmp_path / "BC-Son-La-2020-11..2021-02-DU-THAO.docx").is_file()
    grid, _ = completeness(path)
    assert [grid[("SL01", m)][0] for m in ("11/2020", "12/2020", "01/2021", "02/2021")] == \
        ["thiếu", "thiếu", "đã nhận", "đã nhận"]
    from rehabstat.computing.indicators import compute, value
    from rehabstat.common.periods import make_period
    from rehabstat.commands.prepare import read as load
    ds, _ = load(SAMPLES / "son-la")
    expected = compute(ds, make_period(start="01/2021", end="02/2021"), level="province")
    t = tidy(path)
    for ind in ("DAU_KY", "TIEP_NHAN", "CUOI_KY"):
        assert t[("Sơn La", ind, "ALL")] == value(expected, ind, "ALL")


def test_jobs_1_and_2_give_the_same_figures(q2, tmp_path):
    _, out2 = q2
    res = cli("batch", "--data", SAMPLES, "--year", "2021", "--quarter", "2", "--out", tmp_path, "--jobs", "1")
    assert res.exit_code == 0, res.output
    for sheet in ("BienDong", "YTe", "HoatDong", "TaiChinh", "DayDu", "SiSoThang", "ChiSo"):
        assert sheet_rows(tmp_path / "TongHop-2021-Q2.xlsx", sheet)[2] == \
            sheet_rows(out2 / "TongHop-2021-Q2.xlsx", sheet)[2], sheet


@pytest.mark.parametrize("args", [
    ["--data", "no-such-folder", "--year", "2021"],
    ["--data", str(SAMPLES), "--year", "2021", "--quarter", "5"],
    ["--data", str(SAMPLES)],
    ["--data", str(SAMPLES), "--year", "2021", "--jobs", "0"],
    ["--data", str(SAMPLES / "targets" / "none"), "--year", "2021"],
])
def test_usage_errors_exit_2(args, tmp_path):
    (tmp_path / "empty").mkdir()
    args = [str(tmp_path / "empty") if a.endswith("none") else a for a in args]  # a folder without workbooks
    res = cli("batch", *args, "--out", tmp_path / "out")
    assert res.exit_code == 2, res.output
    assert "Traceback" not in res.output and not (tmp_path / "out").exists()


def test_help_has_an_example():
    res = cli("batch", "--help")
    assert res.exit_code == 0 and "Ví dụ: rehabstat batch" in res.output


# ---------------------------------------------------------------- pieces

def test_month_from_name_and_ranges():
    from rehabstat.commands.batch import month_from_name, month_ranges
    assert month_from_name("x/HN03/2021-05.xlsx") == (2021, 5)
    assert month_from_name("so 05.2021 HN03.xlsx") == (2021, 5)
    assert month_from_name("202112.xlsx") == (2021, 12)
    assert month_from_name("bao cao.xlsx") is None
    assert month_ranges([(2021, 7), (2021, 8), (2021, 9), (2021, 12), (2022, 1), (2021, 3)]) == \
        "03/2021, 07/2021 đến 09/2021, 12/2021 đến 01/2022"


def test_formula_looking_names_and_province_name_variants(tmp_path):
    """A hostile facility name stays text; "TP. Hà Nội" and "Hà Nội" are one province."""
    data = copy_samples(tmp_path / "data", "ha-noi/HN01", "ha-noi/HN02")
    for f in sorted((data / "ha-noi/HN01").rglob("*.xlsx")):
        wb = openpyxl.load_workbook(f)
        for row in wb["ThongTin"].iter_rows():
            label = str(row[0].value or "")
            if "Tên" in label:
                row[1].value = '=HYPERLINK("http://x","y")'
                row[1].data_type = "s"
            elif "Tỉnh" in label:
                row[1].value = "TP. Hà Nội"
        wb.save(f)
    result = run(data, tmp_path)
    assert [p.name for p in result.provinces] == ["Hà Nội"]
    assert [f.unit for f in result.provinces[0].facilities] == ["HN01", "HN02"]
    ws = openpyxl.load_workbook(result.national)["DayDu"]
    cell = ws.cell(row=2, column=3)
    assert cell.value == '=HYPERLINK("http://x","y")' and cell.data_type == "s"
    assert list(blocks(result.national)) == ["Hà Nội", "Toàn quốc"]
    ws = openpyxl.load_workbook(result.provinces[0].outputs[1])["PhuLuc"]
    assert ws.cell(row=6, column=2).data_type == "s"


def test_unusable_template_still_writes_the_national_workbook(tmp_path):
    bad = tmp_path / "mau.docx"
    bad.write_text("not a docx", encoding="utf-8")
    res = cli("batch", "--data", SAMPLES / "son-la", "--year", "2021", "--month", "3", "--out", tmp_path / "out",
              "--template", bad)
    assert res.exit_code == 2, res.output
    assert (tmp_path / "out" / "TongHop-2021-03.xlsx").is_file()
    assert not list((tmp_path / "out").glob("BC-*")) and "Traceback" not in res.output


def test_batch_province_bc_compares_with_the_previous_quarter(q2):
    """Issue 12: a batch BC compares as `report --province` does (the batch reads every month)."""
    _, out = q2
    text = "\n".join(p.text for p in docx.Document(out / "BC-Ha-Noi-2021-Q2.docx").paragraphs)
    assert "các cơ sở đang quản lý: 3.121 học viên, so với cuối quý I/2021 giảm 126 học viên." in text
    assert "cùng kỳ" not in text  # Q2/2020 is not in the samples


def test_vietnamese_sheets_say_the_level_in_vietnamese_and_the_period_once(q2):
    """ChiSo of the national and the province workbooks: 'Cấp' is tỉnh / toàn quốc (the csv/json
    of `indicators` keep the codes); a sheet's title names the period once ("quý II năm 2021",
    not "quý II năm 2021 (2021-Q2)")."""
    _, out = q2
    _, _, rows = sheet_rows(out / "TongHop-2021-Q2.xlsx", "ChiSo")
    assert {r[1] for r in rows[1:]} == {"tỉnh", "toàn quốc"}
    wb = openpyxl.load_workbook(out / "BC-Ha-Noi-2021-Q2.xlsx")
    ws = wb["ChiSo"]
    levels = {ws.cell(row=r, column=2).value for r in range(5, ws.max_row + 1)}
    assert levels == {"tỉnh"}
    assert wb["BienDong"]["A2"].value == "Biến động học viên và người điều trị theo diện, số liệu quý II năm 2021"
    assert "(2021-Q2)" not in str(wb["ChiSo"]["A2"].value)
    note = [c.value for c in openpyxl.load_workbook(out / "TongHop-2021-Q2.xlsx")["TomTat"]["A"] if c.value]
    assert any(str(v).startswith("Tổng hợp quý II năm 2021; lập ngày") for v in note)


def test_national_workbook_written_beside_the_render_workers_names_each_bc(tmp_path):
    """With 4+ provinces the national workbook is written while the workers render the
    provinces, with the name each BC will have; a province whose BC could not be written
    (here: a folder where its .docx goes) gets, in TomTat's column I, why (written again)."""
    data = tmp_path / "data"
    provinces = {"LC01": "Lai Châu", "DB01": "Điện Biên", "HG01": "Hà Giang", "YB01": "Yên Bái"}
    for code, province in provinces.items():
        wb = openpyxl.load_workbook(SAMPLES / "son-la" / "2021-01.xlsx")
        ws = wb["ThongTin"]
        ws["B1"], ws["B2"], ws["B3"] = code, f"Cơ sở cai nghiện {province}", province
        (data / code).mkdir(parents=True)
        wb.save(data / code / "2021-01.xlsx")
    out = tmp_path / "out"
    (out / "BC-Ha-Giang-2021-01.docx").mkdir(parents=True)  # Hà Giang's BC cannot be written
    res = cli("batch", "--data", data, "--year", "2021", "--month", "1", "--out", out, "--jobs", "2")
    assert res.exit_code in (0, 1), res.output
    ws = openpyxl.load_workbook(out / "TongHop-2021-01.xlsx")["TomTat"]
    column = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=9).value for r in range(2, 6)}
    assert column["Lai Châu"] == "BC-Lai-Chau-2021-01.docx" and (out / "BC-Lai-Chau-2021-01.docx").is_file()
    assert column["Yên Bái"] == "BC-Yen-Bai-2021-01.docx" and (out / "BC-Yen-Bai-2021-01.docx").is_file()
    assert column["Hà Giang"].startswith("Không ghi được") and "thư mục cùng tên" in column["Hà Giang"], column
    assert not (out / "BC-Ha-Giang-2021-01.xlsx").exists()  # both files, or neither
    assert "Hà Giang" in res.output and "Traceback" not in res.output


def test_the_batch_builds_its_summary():
    """What `rehabstat batch` prints at the end is built by the batch (commands/batch.py); the
    command line only prints it."""
    from rehabstat.commands.batch import BatchResult, SummaryLine, SummaryTable, batch_summary
    from rehabstat.common.periods import make_period
    empty = BatchResult(period=make_period(year=2021, quarter=2), out=Path("bao-cao"), workbooks=2,
                        skipped=["samples/targets/son-la-2022.xlsx"], elapsed=1.25)
    said = batch_summary(empty)
    assert all(isinstance(x, SummaryLine) for x in said)
    assert [x.text for x in said] == [
        "Đã đọc 1 sổ hằng tháng (bỏ qua 1 sổ chỉ tiêu).",
        "[yellow]Không có sổ nào của kỳ này.[/]",
        "Chưa ghi bảng tổng hợp toàn quốc: số liệu chưa đầy đủ hoặc còn lỗi (--force: ghi bản DỰ THẢO kèm tình "
        "hình gửi sổ).",
        "[bold red]Số liệu chưa đầy đủ hoặc còn lỗi[/] (mã thoát 1): chỉ lập báo cáo của tỉnh có số liệu đầy đủ. "
        "Thời gian: 1,3 giây.",
    ]
    broken = BatchResult(period=make_period(year=2021), out=Path("x"), template_error="mẫu hỏng")
    said = batch_summary(broken)
    assert [x.text for x in said if x.stderr] == ["[bold red]Lỗi mẫu văn bản:[/] mẫu hỏng"]
    assert said[-1].text.startswith("[bold red]Chưa lập được báo cáo tỉnh[/]")
    assert not any(isinstance(x, SummaryTable) for x in said)
