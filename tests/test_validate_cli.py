"""`rehabstat validate` and `rehabstat form` from the command line: exit codes, the text
and JSON outputs, the annotated copies read back, the blank form read back."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

import broken
from rehabstat.common import rules
from rehabstat.cli import app
from rehabstat.reading.reader import read_workbook
from rehabstat.commands.validate import format_text, to_json, validate_paths

runner = CliRunner()


@pytest.fixture(autouse=True)
def _vietnamese():
    yield
    rules.LANG["value"] = "vi"  # --lang en sets it for the process


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return broken.build_corpus(tmp_path_factory.mktemp("corpus"))


def make_three_broken(d: Path) -> Path:
    """A folder with three broken workbooks of three facilities, as a supervisor gets them:
    a census that does not add up, an event dated in another month, a learner admitted twice."""
    a = broken.clean_book(unit="LC01")
    row = a.census_row("BB")
    row[2] += 1
    row[3] += 1
    broken.write_book(d / "LC01-2021-03.xlsx", a)
    b = broken.clean_book(unit="LC02")
    b.events[3][broken.E_DATE] = dt.date(2021, 4, 5)
    broken.write_book(d / "LC02-2021-03.xlsx", b)
    c = broken.clean_book(unit="LC03")
    broken._append(c, "LC-202103-001", "BB", "TIEP_NHAN", 28)
    broken.write_book(d / "LC03-2021-03.xlsx", c)
    return d


@pytest.fixture
def three_broken(tmp_path):
    return make_three_broken(tmp_path / "nop")


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


# ---------------------------------------------------------------- exit codes

def test_clean_folder_exits_0(corpus):
    folder, _ = corpus["clean"]
    r = run("validate", folder)
    assert r.exit_code == 0, r.output
    assert r.stdout.strip().splitlines()[-1] == "1 tệp, 0 lỗi, 0 cảnh báo"


def test_errors_exit_1(corpus):
    folder, _ = corpus["I001"]
    r = run("validate", folder)
    assert r.exit_code == 1
    assert "SiSo!C2" in r.stdout and "I001" in r.stdout and "lỗi" in r.stdout
    assert r.stdout.strip().splitlines()[-1] == "1 tệp, 1 lỗi, 0 cảnh báo"


def test_warnings_only_exit_0(corpus):
    folder, _ = corpus["P001"]
    r = run("validate", folder)
    assert r.exit_code == 0
    assert "cảnh báo" in r.stdout and r.stdout.strip().endswith("1 tệp, 0 lỗi, 1 cảnh báo")


@pytest.mark.parametrize("args", [
    ["validate"],
    ["validate", "khong-co-thu-muc"],
    ["validate", "{clean}", "--format", "xml"],
    ["validate", "{clean}", "--year", "2021", "--month", "13"],
    ["validate", "{clean}", "--from", "01/2021"],
    ["validate", "{clean}", "--bogus"],
    ["validate", "{clean}", "--config", "khong-co.toml"],
])
def test_usage_errors_exit_2(corpus, args):
    folder, _ = corpus["clean"]
    r = run(*[a.format(clean=folder) for a in args])
    assert r.exit_code == 2, r.output
    assert "Traceback" not in r.output


def test_bad_config_exits_2(corpus, tmp_path):
    folder, _ = corpus["clean"]
    bad = tmp_path / "rehabstat.toml"
    bad.write_text("[registry\n", encoding="utf-8")
    assert run("validate", folder, "--config", bad).exit_code == 2


def test_period_restricts_missing_months(corpus):
    folder, _ = corpus["clean"]
    r = run("validate", folder, "--year", "2021", "--quarter", "1", "--format", "json")
    assert r.exit_code == 0
    doc = json.loads(r.stdout)
    assert [(i["code"], i["message"]) for i in doc["issues"]] == [
        ("X002", "Cơ sở LC01 thiếu sổ tháng 01/2021."), ("X002", "Cơ sở LC01 thiếu sổ tháng 02/2021.")]


# ---------------------------------------------------------------- outputs

def test_json_shape(three_broken, tmp_path):
    (three_broken / "rac.xlsx").write_text("không phải sổ")
    r = run("validate", three_broken, "--format", "json")
    assert r.exit_code == 1
    doc = json.loads(r.stdout)
    assert list(doc) == ["files", "issues"]
    for f in doc["files"]:
        assert list(f) == ["path", "unit", "period", "status"]
        assert f["status"] in ("ok", "warning", "error")
    status = {Path(f["path"]).name: (f["unit"], f["period"], f["status"]) for f in doc["files"]}
    assert status == {"LC01-2021-03.xlsx": ("LC01", "2021-03", "error"),
                      "LC02-2021-03.xlsx": ("LC02", "2021-03", "error"),
                      "LC03-2021-03.xlsx": ("LC03", "2021-03", "warning"),
                      "rac.xlsx": (None, None, "error")}
    for i in doc["issues"]:
        assert list(i) == ["file", "sheet", "row", "column", "field", "code", "severity", "message", "params"]
        assert i["severity"] in ("error", "warning")
    by_code = {i["code"]: i for i in doc["issues"]}
    assert by_code["I001"]["row"] == 2 and by_code["I001"]["column"] == "C" and by_code["I001"]["field"] == "closing"
    assert by_code["F001"]["sheet"] is None and by_code["F001"]["row"] is None and by_code["F001"]["column"] is None
    assert {"X003"} <= set(by_code)  # three facilities send one learner each away, none arrives
    assert by_code["X003"]["file"] is None


def test_text_output_grouped_by_file_and_sheet(three_broken):
    r = run("validate", three_broken)
    lines = r.stdout.splitlines()
    assert any(line.endswith("LC01-2021-03.xlsx (LC01, 03/2021): 1 lỗi, 0 cảnh báo") for line in lines)
    assert "  Trang SiSo" in lines and "  Trang BienDong" in lines
    assert any(line.startswith("    SiSo!C2  I001  lỗi ") for line in lines)
    assert "Toàn bộ dữ liệu" in lines
    assert lines[-1] == "3 tệp, 2 lỗi, 2 cảnh báo"


def test_english(corpus):
    folder, _ = corpus["I001"]
    r = run("--lang", "en", "validate", folder)
    assert r.exit_code == 1
    assert "Category BB: closing is 101" in r.stdout and "  Sheet SiSo" in r.stdout
    assert r.stdout.strip().endswith("1 file, 1 error, 0 warnings")


def test_library_outputs_agree(corpus):
    folder, _ = corpus["I003"]
    result = validate_paths([folder], jobs=1)
    doc = json.loads(to_json(result))
    assert doc["issues"][0]["code"] == "I003" and doc["issues"][0]["column"] == "D"
    assert "SiSo!D2" in format_text(result)


# ---------------------------------------------------------------- annotate

def test_annotated_copy(tmp_path, corpus):
    data = tmp_path / "data"
    for code, sub in (("I001", "lc01"), ("P004", "lc02")):
        src, _ = corpus[code]
        (data / sub).mkdir(parents=True)
        book_path = data / sub / "2021-03.xlsx"
        shutil.copy(src / "2021-03.xlsx", book_path)
    # make the second facility a different unit so that the two are not duplicates
    other = broken.clean_book(unit="LC02")
    broken._append(other, "LC-202103-001", "BB", "TIEP_NHAN", 2)
    broken.write_book(data / "lc02" / "2021-03.xlsx", other)
    before = {p: _sha(p) for p in data.rglob("*.xlsx")}
    out = tmp_path / "kiem-tra"
    r = run("validate", data, "--annotate", out)
    assert r.exit_code == 1, r.output
    assert {p: _sha(p) for p in data.rglob("*.xlsx")} == before  # originals untouched
    copies = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.xlsx"))
    assert copies == ["lc01/2021-03.kiem-tra.xlsx", "lc02/2021-03.kiem-tra.xlsx"]
    assert "Đã ghi: " in r.stderr

    from openpyxl import load_workbook
    wb = load_workbook(out / "lc01" / "2021-03.kiem-tra.xlsx")
    assert wb.sheetnames == ["KiemTra", "ThongTin", "SiSo", "BienDong", "SoLieu"]
    assert wb.active.title == "KiemTra"
    cell = wb["SiSo"]["C2"]
    assert cell.fill.fgColor.rgb.endswith("FFC7CE")  # red: error
    assert cell.comment is not None and cell.comment.text.startswith("[I001] Diện BB: cuối kỳ ghi 101")
    assert cell.value == 101  # the data themselves unchanged
    ks = wb["KiemTra"]
    header = [c.value for c in ks[3]]
    assert header == ["STT", "Trang", "Ô", "Mã", "Mức", "Thông báo"]
    row = [c.value for c in ks[4]]
    assert row[1:5] == ["SiSo", "SiSo!C2", "I001", "lỗi"]
    assert ks["C4"].hyperlink.location == "'SiSo'!C2"

    wb = load_workbook(out / "lc02" / "2021-03.kiem-tra.xlsx")
    cell = wb["BienDong"]["E13"]
    assert cell.fill.fgColor.rgb.endswith("FFEB9C")  # yellow: warning
    assert cell.comment.text.startswith("[P004]")
    assert wb["KiemTra"]["C4"].hyperlink.location == "'BienDong'!E13"

    # the copies are not read back as input when the folder is validated again
    shutil.copytree(out, data / "kiem-tra")
    again = validate_paths([data], jobs=1)
    assert len(again.files) == 2


def test_annotated_copy_reads_back_with_the_same_issues(tmp_path, corpus):
    src, _ = corpus["K001"]
    result = validate_paths([src], jobs=1)
    from rehabstat.workbooks.annotate import annotate
    [w] = annotate(result, tmp_path)
    assert w.marked
    again = validate_paths([w.output], jobs=1)
    assert [(i.code, i.sheet, i.row, i.column) for i in again.issues] == [("K001", "BienDong", 3, "D")]


def test_ods_gets_the_issue_list_only(tmp_path):
    book = broken.clean_book()
    book.census_row("BB")[3] += 1
    src = broken.write_ods(tmp_path / "in" / "m.ods", book)
    before = _sha(src)
    r = run("validate", src.parent, "--annotate", tmp_path / "out")
    assert r.exit_code == 1
    assert "chỉ có danh sách vấn đề" in r.stderr
    from openpyxl import load_workbook
    wb = load_workbook(tmp_path / "out" / "m.kiem-tra.xlsx")
    assert wb.sheetnames == ["KiemTra"]
    assert wb["KiemTra"]["D4"].value == "I003"
    assert _sha(src) == before


# ---------------------------------------------------------------- form

def test_form_reads_back_as_not_filled_in(tmp_path, monkeypatch):
    """A blank form is read exactly (facility, month), and its blank census is not a month
    with nobody held: one F009 ("chưa điền"), no "cuối kỳ ghi 0" on blank cells."""
    monkeypatch.chdir(tmp_path)
    r = run("form", "--facility", "lc01", "--name", broken.UNIT_NAME, "--province", broken.PROVINCE,
            "--month", "02/2021")
    assert r.exit_code == 0, r.output
    path = tmp_path / "LC01-2021-02.xlsx"
    res = read_workbook(path)
    assert [i.code for i in res.issues] == ["F009"] and res.issues[0].sheet == "SiSo"
    assert (res.unit, res.unit_name, res.province, res.year, res.month) == (
        "LC01", broken.UNIT_NAME, broken.PROVINCE, 2021, 2)
    assert res.census == [] and res.events == [] and res.figures == []
    assert [i.code for i in validate_paths([path], jobs=1).issues] == ["F009"]

    from openpyxl import load_workbook
    wb = load_workbook(path)
    assert wb.sheetnames == ["ThongTin", "SiSo", "BienDong", "SoLieu", "HuongDan"]
    ev = wb["BienDong"]
    assert [c.value for c in ev[1]] == broken.EVENT_HEADER
    assert ev.freeze_panes == "A2" and wb["SiSo"].freeze_panes == "A2"
    lists = {str(dv.sqref): dv for dv in ev.data_validations.dataValidation}
    assert lists["D2:D2001 G2:G2001"].formula1 == '"BB,TN,HTCC,XDTTN,LTTT,MET"'
    assert "TIEP_NHAN" in lists["E2:E2001"].formula1 and "CHUYEN_DIEN" in lists["E2:E2001"].formula1
    assert lists["F2:F2001"].type == "date" and ev.column_dimensions["F"].number_format == "dd/mm/yyyy"
    assert wb["SoLieu"]["A2"].value == "KHAM_BENH" and wb["SoLieu"]["D2"].value is None
    assert wb["ThongTin"]["B5"].value == "02/2021"

    assert run("form", "--facility", "lc01", "--name", "x", "--province", "Lai Châu", "--month", "02/2021").exit_code == 2
    assert run("form", "--facility", "lc01", "--name", "x", "--province", "Lai Châu", "--month", "02/2021",
               "--force").exit_code == 0
    assert run("form", "--facility", "lc01", "--name", "x", "--province", "Lai Châu", "--month", "2/21").exit_code == 2


def test_form_with_carried_opening_left_blank_says_closing_is_blank(tmp_path):
    """Đầu kỳ carried over from last month, Cuối kỳ not yet written: C004 at each Cuối kỳ
    cell (blank is not 0), never I001 "cuối kỳ ghi 0"."""
    import shutil
    from conftest import SAMPLES
    shutil.copyfile(SAMPLES / "son-la" / "2021-01.xlsx", tmp_path / "2021-01.xlsx")
    out = tmp_path / "SL01-2021-02.xlsx"
    r = run("form", "--facility", "SL01", "--name", "Cơ sở X", "--province", "Sơn La", "--month", "02/2021",
            "--data", str(tmp_path), "--out", str(out))
    assert r.exit_code == 0, r.output
    issues = validate_paths([out], jobs=1).issues
    assert issues and {i.code for i in issues} == {"C004"}
    assert {(i.sheet, i.column) for i in issues} == {("SiSo", "C")} and len(issues) == 6


def test_form_filled_round_trips(tmp_path):
    data = tmp_path / "data"
    (_, feb), = broken.series([(2021, 2)])
    broken.write_book(data / "2021-02.xlsx", feb)
    out = tmp_path / "LC01-2021-03.xlsx"
    r = run("form", "--facility", "LC01", "--name", broken.UNIT_NAME, "--province", broken.PROVINCE,
            "--month", "03/2021", "--data", data, "--out", out)
    assert r.exit_code == 0, r.output

    from openpyxl import load_workbook
    from rehabstat.workbooks.xlsxout import set_cell
    wb = load_workbook(out)
    siso = wb["SiSo"]
    opening = {siso.cell(row=r, column=1).value: siso.cell(row=r, column=2).value for r in range(2, 8)}
    assert opening == feb.closing()
    events = [("LC-9", "BB", "TIEP_NHAN", dt.datetime(2021, 3, 4), None, None),
              (None, "TN", "HOAN_THANH", dt.datetime(2021, 3, 9), None, 2),
              ("LC-8", "LTTT", "CHUYEN_DIEN", dt.datetime(2021, 3, 11), "BB", None)]
    ev = wb["BienDong"]
    for n, (person, cat, event, date, new, count) in enumerate(events, start=2):
        for col, value in ((1, n - 1), (2, person), (4, cat), (5, event), (6, date), (7, new), (8, count)):
            if value is not None:
                set_cell(ev, n, col, value)
    net = {"BB": 2, "TN": -2, "LTTT": -1}
    for r in range(2, 8):
        cat = siso.cell(row=r, column=1).value
        closing = opening[cat] + net.get(cat, 0)
        set_cell(siso, r, 3, closing)
        set_cell(siso, r, 4, closing)
        set_cell(siso, r, 5, 0)
    set_cell(wb["SoLieu"], 2, 4, 1234)
    wb.save(out)
    result = validate_paths([data, out], jobs=1)
    assert [(i.code, i.message) for i in result.issues] == []
    ds = result.dataset
    mine = ds.events[ds.events["month"] == 3]
    assert sorted(zip(mine["category"], mine["event"], mine["count"])) == [
        ("BB", "TIEP_NHAN", 1), ("LTTT", "CHUYEN_DIEN", 1), ("TN", "HOAN_THANH", 2)]
    assert ds.figures[ds.figures["month"] == 3]["value"].tolist() == [1234]


def test_form_without_previous_month_warns(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    r = run("form", "--facility", "LC01", "--name", "x", "--province", "Lai Châu", "--month", "03/2021", "--data", data,
            "--out", tmp_path / "f.xlsx")
    assert r.exit_code == 0
    assert "không tìm thấy sổ tháng 02/2021" in r.stderr


def test_without_a_period_each_facility_owes_its_own_months(tmp_path):
    """validate with no period: a facility owes the months between its own first and last
    workbook; another facility's years in the same folder are not its gaps (samples/ held 817
    warnings, 810 of them X002 for years a facility never reported in)."""
    import shutil
    from pathlib import Path
    samples = Path(__file__).resolve().parent.parent / "samples"
    shutil.copytree(samples / "son-la", tmp_path / "son-la")
    (tmp_path / "son-la" / "2021-05.xlsx").unlink()
    shutil.copytree(samples / "cao-bang", tmp_path / "cao-bang")
    r = run("validate", tmp_path, "--format", "json")
    doc = json.loads(r.stdout)
    missing = [i["message"] for i in doc["issues"] if i["code"] == "X002"]
    assert missing == ["Cơ sở SL01 thiếu sổ tháng 05/2021."], missing
    # with a period every facility owes every month of it
    r = run("validate", tmp_path, "--year", "2021", "--format", "json")
    missing = {i["message"] for i in json.loads(r.stdout)["issues"] if i["code"] == "X002"}
    assert "Cơ sở SL01 thiếu sổ tháng 05/2021." in missing and len(missing) > 1
