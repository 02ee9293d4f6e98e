"""The gate: every scenario that used to print silently wrong figures now gives
the policy's exit code and message, in every command; --force writes drafts (exit 1)."""
import hashlib
import json
import os
import shutil

import docx
import openpyxl
import pytest

from conftest import SAMPLES, cli


def _copy(tmp_path, name="son-la", to="data"):
    dst = tmp_path / to
    shutil.copytree(SAMPLES / name, dst)
    return dst


def _sha(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def _text(path):
    d = docx.Document(str(path))
    parts = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            parts.extend(c.text for c in row.cells)
    return "\n".join(parts)


# ---------------------------------------------------------------- a month sent twice

@pytest.fixture
def dup(tmp_path):
    data = _copy(tmp_path)
    shutil.copyfile(data / "2021-12.xlsx", data / "2021-12 (1).xlsx")
    return data


def test_month_sent_twice_indicators_refuses_and_never_doubles(dup):
    res = cli("indicators", "--data", dup, "--year", "2021")
    assert res.exit_code == 1
    assert res.stdout == ""  # no figure at all, not a doubled one
    assert "trùng" in res.output and "12/2021" in res.output and "--force" in res.output


def test_month_sent_twice_force_never_sums_the_two(dup):
    res = cli("indicators", "--data", dup, "--year", "2021", "--format", "json", "--force")
    assert res.exit_code == 1
    doc = json.loads(res.stdout)
    assert doc["status"] == "DỰ THẢO"
    rows = doc["rows"]
    closing = next(r for r in rows if r["indicator"] == "CUOI_KY" and r["category"] == "HV")
    # December left out (both copies), so the closing census is November's, never 2 × 1.477
    assert closing["value"] != 2954 and closing["value"] != 1477
    assert closing["coverage"] == "11/12 tháng" and closing["draft"] is True
    cert = next(r for r in rows if r["indicator"] == "CHUNG_CHI")
    assert cert["value"] <= 105
    assert "DỰ THẢO" in res.stderr if hasattr(res, "stderr") else "DỰ THẢO" in res.output


def test_month_sent_twice_report_force_is_a_draft_without_impossible_rates(dup, tmp_path):
    out = tmp_path / "out"
    res = cli("report", "--data", dup, "--year", "2021", "--out", out)
    assert res.exit_code == 1 and not out.exists()
    res = cli("report", "--data", dup, "--year", "2021", "--out", out, "--force")
    assert res.exit_code == 1, res.output
    text = _text(out / "BC-SL01-2021-DU-THAO.docx")
    assert "DỰ THẢO" in text and "166,7%" not in text


# ---------------------------------------------------------------- periods with no data

@pytest.mark.parametrize("year", ["2030", "2022"])
def test_report_for_a_year_without_data_writes_nothing(tmp_path, year):
    out = tmp_path / "out"
    for extra in ([], ["--force"]):  # an empty selection is never a document, not even with --force
        res = cli("report", "--data", SAMPLES / "son-la", "--year", year, "--out", out, *extra)
        assert res.exit_code == 1, res.output
        assert f"Không có số liệu cho năm {year}" in res.output
        assert "SL01: 01/2021 đến 12/2021" in res.output  # what the data do hold
        assert not out.exists()


def test_plan_for_a_year_without_last_year_data(tmp_path):
    res = cli("plan", "--data", SAMPLES / "son-la", "--year", "2023", "--targets",
              SAMPLES / "targets" / "son-la-2022.xlsx", "--out", tmp_path / "out")
    assert res.exit_code == 1 and "Không có số liệu cho năm 2022" in res.output
    assert not (tmp_path / "out").exists()


def test_indicators_for_a_period_without_data_and_unknown_units():
    res = cli("indicators", "--data", SAMPLES / "son-la", "--year", "2030")
    assert res.exit_code == 1 and res.stdout == "" and "Không có số liệu" in res.output
    res = cli("indicators", "--data", SAMPLES / "son-la", "--year", "2021", "--facility", "XX99")
    assert res.exit_code == 2 and "XX99" in res.output and "SL01" in res.output
    res = cli("indicators", "--data", SAMPLES / "son-la", "--year", "2021", "--province", "Atlantis")
    assert res.exit_code == 2 and "Sơn La" in res.output


def test_a_month_never_sent_is_missing(tmp_path):
    data = _copy(tmp_path)
    (data / "2021-07.xlsx").unlink()
    res = cli("indicators", "--data", data, "--year", "2021")
    assert res.exit_code == 1 and res.stdout == "" and "thiếu sổ tháng 07/2021" in res.output
    # a period the missing month is not part of is complete
    res = cli("indicators", "--data", data, "--year", "2021", "--half", "1")
    assert res.exit_code == 0 and "SL01,facility,2021-H1,DAU_KY,HV,1659" in res.stdout


# ---------------------------------------------------------------- batch

def test_batch_month_when_a_province_sent_nothing(tmp_path):
    out = tmp_path / "out"
    res = cli("batch", "--data", SAMPLES, "--year", "2021", "--month", "9", "--out", out)
    assert res.exit_code == 1, res.output
    assert "Số liệu đầy đủ" not in res.stdout
    for k in range(1, 8):  # Hà Nội's facilities sent January–June: missing in September, not vanished
        assert f"HN0{k}" in res.stdout
    assert "không gửi sổ nào trong kỳ (thiếu tháng 09/2021)" in res.stdout
    assert (out / "BC-Son-La-2021-09.docx").is_file()  # the complete province still gets its BC
    assert not (out / "TongHop-2021-09.xlsx").exists()


def test_batch_force_writes_drafts_marked_so(tmp_path):
    out = tmp_path / "out"
    res = cli("batch", "--data", SAMPLES, "--year", "2021", "--month", "9", "--out", out, "--force")
    assert res.exit_code == 1
    wb = openpyxl.load_workbook(out / "TongHop-2021-09-DU-THAO.xlsx")
    assert any("DỰ THẢO" in str(c.value) for row in wb["TomTat"].iter_rows() for c in row if c.value)


def test_batch_samples_q2_is_complete(tmp_path):
    res = cli("batch", "--data", SAMPLES, "--year", "2021", "--quarter", "2", "--out", tmp_path)
    assert res.exit_code == 0, res.output
    assert "Số liệu đầy đủ, không có lỗi" in res.stdout


# ---------------------------------------------------------------- validate and errors

def test_validate_a_folder_without_workbooks_is_usage(tmp_path):
    (tmp_path / "empty").mkdir()
    res = cli("validate", tmp_path / "empty")
    assert res.exit_code == 2 and "Không tìm thấy sổ hằng tháng nào" in res.output


def test_indicators_on_data_with_errors_refuses(tmp_path):
    data = _copy(tmp_path)
    wb = openpyxl.load_workbook(data / "2021-02.xlsx")
    ws = wb["SiSo"]
    ws["C2"] = ws["C2"].value + 5  # closing no longer adds up (I001)
    wb.save(data / "2021-02.xlsx")
    assert cli("validate", data).exit_code == 1
    res = cli("indicators", "--data", data, "--year", "2021")
    assert res.exit_code == 1 and res.stdout == "" and "I001" in res.output
    res = cli("indicators", "--data", data, "--year", "2021", "--force")
    assert res.exit_code == 1 and "True" in res.stdout  # every row says draft
    assert res.stdout.splitlines()[0] == "unit,level,period,indicator,category,value,coverage,draft,status"


def test_registry_lifetimes_shrink_what_is_expected(tmp_path):
    data = _copy(tmp_path)
    for m in (10, 11, 12):
        (data / f"2021-{m:02d}.xlsx").unlink()
    assert cli("indicators", "--data", data, "--year", "2021").exit_code == 1
    (data / "rehabstat.toml").write_text((data / "rehabstat.toml").read_text(encoding="utf-8")
                                         + '\n[facility.SL01]\nclosed = "09/2021"\n', encoding="utf-8")
    res = cli("indicators", "--data", data, "--year", "2021")
    assert res.exit_code == 0, res.output


# ---------------------------------------------------------------- defects found on the way

def test_symbol_from_the_name():
    from rehabstat.documents.report import symbol_from_name
    assert symbol_from_name("Cơ sở Cai nghiện ma túy số 1 Hà Nội") == "CSCNMT1"
    assert symbol_from_name("Cơ sở Điều trị nghiện ma túy tỉnh Sơn La") == "CSĐTNMT"
    assert symbol_from_name("Trung tâm Chữa bệnh - Giáo dục - Lao động xã hội tỉnh Cao Bằng") == "TTCBGDLĐXH"


@pytest.mark.parametrize("make", ["monthly", "docx"])
def test_plan_targets_must_be_a_targets_workbook(tmp_path, make):
    if make == "monthly":
        target = SAMPLES / "son-la" / "2021-01.xlsx"
    else:
        target = tmp_path / "chi-tieu.docx"
        docx.Document().save(str(target))
    res = cli("plan", "--data", SAMPLES / "son-la", "--year", "2022", "--targets", target, "--out", tmp_path / "o")
    assert res.exit_code == 2 and "không phải sổ chỉ tiêu (cần trang ChiTieu" in res.output
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize("kind", ["file", "under-file", "read-only"])
def test_output_folder_that_cannot_be_written(tmp_path, kind):
    blocker = tmp_path / "blocker"
    blocker.write_text("x")
    out = {"file": blocker, "under-file": blocker / "sub"}.get(kind)
    if kind == "read-only":
        if os.geteuid() == 0:
            pytest.skip("root writes anywhere")
        out = tmp_path / "ro"
        out.mkdir()
        out.chmod(0o500)
    for args in (["report", "--data", SAMPLES / "son-la", "--year", "2021", "--out", out],
                 ["batch", "--data", SAMPLES / "son-la", "--year", "2021", "--out", out],
                 ["indicators", "--data", SAMPLES / "son-la", "--year", "2021", "--format", "xlsx",
                  "--out", out / "x.xlsx"]):
        res = cli(*args)
        assert res.exit_code == 2, (args, res.output)
        assert "Không ghi được vào thư mục kết quả" in res.output and "không mong đợi" not in res.output


def test_report_into_the_data_folder_does_not_poison_the_next_run(tmp_path):
    data = _copy(tmp_path)
    assert cli("report", "--data", data, "--year", "2021", "--out", data).exit_code == 0
    assert (data / "BC-SL01-2021.xlsx").is_file()
    before = _sha(data)
    res = cli("report", "--data", data, "--year", "2021", "--out", data)
    assert res.exit_code == 0, res.output
    res = cli("indicators", "--data", data, "--year", "2021")
    assert res.exit_code == 0 and "SL01,facility,2021,CUOI_KY,HV,1477" in res.stdout
    assert cli("validate", data).exit_code == 0
    after = _sha(data)
    assert {k for k in before if not k.startswith("BC-")} == {k for k in after if not k.startswith("BC-")}


def test_part_above_its_whole(tmp_path):
    """ARV above HIV+ in one workbook: I005 at the cell (error); certified above trained over
    the period: I006 (warning) and no rate above 100% in the BC."""
    data = _copy(tmp_path)
    wb = openpyxl.load_workbook(data / "2021-05.xlsx")
    ws = wb["SoLieu"]
    rows = {ws.cell(row=r, column=1).value: r for r in range(1, ws.max_row + 1)}
    ws.cell(row=rows["DIEU_TRI_ARV"], column=4).value = (ws.cell(row=rows["HIV_QUAN_LY"], column=4).value or 0) + 3
    wb.save(data / "2021-05.xlsx")
    res = cli("validate", data, "--format", "json")
    assert res.exit_code == 1
    issues = [i for i in json.loads(res.stdout)["issues"] if i["code"] == "I005"]
    assert [(i["file"].endswith("2021-05.xlsx"), i["sheet"], i["row"], i["column"]) for i in issues] == \
        [(True, "SoLieu", rows["DIEU_TRI_ARV"], "D")]

    from rehabstat.documents.report import _share
    assert _share(175, 105) == "" and _share(105, 105) == "100%" and _share(3, 0) == ""


def test_input_files_are_never_changed(dup, tmp_path):
    before = _sha(dup)
    for args in (["indicators", "--data", dup, "--year", "2021", "--force"],
                 ["report", "--data", dup, "--year", "2021", "--out", tmp_path / "o", "--force"],
                 ["validate", dup]):
        cli(*args)
    assert _sha(dup) == before


def test_province_figures_reported_by_some_facilities_say_how_many():
    import pandas as pd
    from rehabstat.commands.batch import annex_rows, partial_figures
    from rehabstat.checking.gate import Facility
    table = pd.DataFrame([("A", "CUOI_KY", "ALL", 10), ("A", "KHAM_BENH", "ALL", 40), ("B", "CUOI_KY", "ALL", 5),
                          ("B", "DOANH_THU", "ALL", 7)], columns=["unit", "indicator", "category", "value"])
    facs = [Facility("A", "Cơ sở A", "P"), Facility("B", "Cơ sở B", "P"), Facility("C", "Cơ sở C", "P")]
    [line] = partial_figures(facs, table)
    assert "(1/2 cơ sở)" in line and "khám" in line.lower() and "doanh thu" in line.lower()
    rows = annex_rows(facs, table)
    c = next(r for r in rows if r["code"] == "C")  # sent nothing usable: blank, "chưa báo cáo", never 0
    assert set(c["cells"]) == {""} and "chưa báo cáo" in c["note"]
    assert rows[-1]["v"]["CUOI_KY"]["ALL"] == 15


def test_blank_present_absent_are_absent_not_zero(tmp_path):
    data = _copy(tmp_path)
    wb = openpyxl.load_workbook(data / "2021-02.xlsx")
    ws = wb["SiSo"]
    for r in range(2, ws.max_row + 1):
        ws.cell(row=r, column=4).value = None
        ws.cell(row=r, column=5).value = None
    wb.save(data / "2021-02.xlsx")
    res = cli("indicators", "--data", data, "--year", "2021", "--month", "2")
    assert res.exit_code == 0, res.output
    assert ",CUOI_KY,HV," in res.stdout and ",CO_MAT," not in res.stdout and ",VANG_MAT," not in res.stdout
    res = cli("indicators", "--data", data, "--year", "2021", "--month", "3")
    assert ",CO_MAT,HV," in res.stdout


@pytest.mark.parametrize("seed", range(6))
def test_indicators_is_right_or_refuses(tmp_path, seed):
    """Random damage to the Sơn La year (a month sent twice, deleted, or replaced by a broken
    file), random period: `indicators` either exits 0 with exactly the clean figures (when the
    damage is outside the period) or exits 1 with nothing on stdout. Never a wrong figure."""
    import random
    rnd = random.Random(seed)
    data = _copy(tmp_path)
    months = list(range(1, 13))
    damage = {}
    for m in rnd.sample(months, 2):
        kind = rnd.choice(["twice", "deleted", "broken"])
        damage[m] = kind
        f = data / f"2021-{m:02d}.xlsx"
        if kind == "twice":
            shutil.copyfile(f, data / f"gui-lai-2021-{m:02d}.xlsx")
        elif kind == "deleted":
            f.unlink()
        else:
            f.write_bytes(b"PK\x03\x04 not really a workbook")
    q = rnd.randint(1, 4)
    args = ("--year", "2021", "--quarter", str(q))
    res = cli("indicators", "--data", data, *args)
    touched = any(3 * (q - 1) < m <= 3 * q for m in damage)
    if touched:
        assert res.exit_code == 1 and res.stdout == "", (damage, q)
    else:
        clean = cli("indicators", "--data", SAMPLES / "son-la", *args)
        assert res.exit_code == 0, (damage, q, res.output)
        assert res.stdout == clean.stdout


def test_a_draft_says_in_the_document_what_is_missing(tmp_path):
    """A facility's --force draft names the missing month under the DỰ THẢO line (a new user
    found only "chưa được kiểm tra" and no word of July)."""
    data = _copy(tmp_path)
    (data / "2021-07.xlsx").unlink()
    out = tmp_path / "out"
    res = cli("report", "--data", data, "--year", "2021", "--out", out, "--force")
    assert res.exit_code == 1
    text = _text(out / "BC-SL01-2021-DU-THAO.docx")
    assert "DỰ THẢO – SỐ LIỆU CHƯA ĐẦY ĐỦ HOẶC CHƯA ĐƯỢC KIỂM TRA" in text
    assert "thiếu sổ tháng 07/2021" in text
    clean = _text(_render_clean(tmp_path))
    assert "DỰ THẢO" not in clean and "thiếu sổ" not in clean


def _render_clean(tmp_path):
    out = tmp_path / "clean"
    assert cli("report", "--data", SAMPLES / "son-la", "--year", "2021", "--out", out).exit_code == 0
    return out / "BC-SL01-2021.docx"


def test_a_duplicate_month_names_its_files(dup):
    res = cli("indicators", "--data", dup, "--year", "2021")
    assert res.exit_code == 1 and "2021-12.xlsx" in res.output and "2021-12 (1).xlsx" in res.output


def test_a_mistyped_facility_code_is_named_not_taken_for_a_second_facility(tmp_path):
    data = _copy(tmp_path)
    wb = openpyxl.load_workbook(data / "2021-02.xlsx")
    ws = wb["ThongTin"]
    cell = next(r[1] for r in ws.iter_rows() if r[0].value and "mã" in str(r[0].value).lower())
    cell.value = "SL1"
    wb.save(data / "2021-02.xlsx")
    res = cli("report", "--data", data, "--year", "2021", "--out", tmp_path / "out")
    assert res.exit_code == 1, res.output
    assert "nhiều mã" in res.output and "SL01" in res.output and "SL1" in res.output and "X005" in res.output
    assert "Chọn --facility" not in res.output


def _two_unreadable(tmp_path):
    data = _copy(tmp_path)
    (data / "2021-03.xlsx").write_bytes((data / "2021-03.xlsx").read_bytes()[:3000])  # cut off
    docx.Document().save(str(data / "2021-05.xlsx"))  # a Word file named .xlsx
    return data


def test_a_forced_draft_counts_only_the_errors_of_counted_workbooks(tmp_path):
    data = _two_unreadable(tmp_path)
    res = cli("report", "--data", data, "--year", "2021", "--force", "--out", tmp_path / "o")
    assert res.exit_code == 1, res.output
    lines = _text(tmp_path / "o" / "BC-SL01-2021-DU-THAO.docx").splitlines()
    assert ("SL01 – Cơ sở Điều trị nghiện ma túy tỉnh Sơn La: sổ các tháng 03/2021, 05/2021 không đọc được, "
            "không tính vào số liệu.") in lines
    assert not [t for t in lines if "lỗi chưa sửa" in t]  # both faulty workbooks are left out, not counted
    wb = openpyxl.load_workbook(data / "2021-02.xlsx")
    wb["SiSo"]["C2"] = wb["SiSo"]["C2"].value + 5  # I001 and I003 in one workbook, counted with --force
    wb.save(data / "2021-02.xlsx")
    res = cli("report", "--data", data, "--year", "2021", "--force", "--out", tmp_path / "o2")
    assert res.exit_code == 1, res.output
    lines = _text(tmp_path / "o2" / "BC-SL01-2021-DU-THAO.docx").splitlines()
    assert [t for t in lines if "lỗi chưa sửa" in t] == ["Số liệu còn 2 lỗi chưa sửa ở 1 sổ (đã tính vào số liệu)."]


@pytest.mark.parametrize("name,problem", [("2021-03.xlsx", "tệp nén bị hỏng hoặc bị cắt cụt"),
                                          ("2021-05.xlsx", "tệp nén không chứa sổ tính")])
@pytest.mark.parametrize("force", [(), ("--force",)])
def test_an_unreadable_targets_file_is_a_usage_problem(tmp_path, name, problem, force):
    bad = _two_unreadable(tmp_path) / name
    out = tmp_path / "o"
    res = cli("plan", "--data", SAMPLES / "son-la", "--year", "2022", "--targets", bad, "--out", out, *force)
    assert res.exit_code == 2, res.output
    assert (f"Không đọc được sổ chỉ tiêu {name} ({problem}): hãy lưu lại tệp dưới dạng .xlsx có trang ChiTieu."
            in res.output)
    assert "rehabstat validate" not in res.output and not out.exists()


def test_a_targets_sheet_without_its_columns_is_not_a_targets_workbook(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.title = "ChiTieu"
    wb.active.append(["Đơn vị", "Năm", "Ghi chú"])
    wb.active.append(["SL01", 2022, "x"])
    wb.save(tmp_path / "ct.xlsx")
    res = cli("plan", "--data", SAMPLES / "son-la", "--year", "2022", "--targets", tmp_path / "ct.xlsx",
              "--out", tmp_path / "o", "--force")
    assert res.exit_code == 2 and "Tệp ct.xlsx không phải sổ chỉ tiêu (cần trang ChiTieu" in res.output
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize("command", ["report", "indicators"])
def test_an_unknown_province_names_the_closest_ones(tmp_path, command):
    res = cli(command, "--data", SAMPLES / "son-la", "--year", "2021", "--province", "Son Laa", "--out", tmp_path / "o")
    assert res.exit_code == 2, res.output
    assert ("Không có cơ sở nào của tỉnh 'Son Laa' trong dữ liệu. Các tỉnh có: Sơn La. Có phải: Sơn La, Long An, "
            "Lào Cai?") in res.output
    res = cli(command, "--data", SAMPLES / "son-la", "--year", "2021", "--province", "Cao Bằng", "--out", tmp_path / "o")
    assert res.exit_code == 2 and "Các tỉnh có: Sơn La.\n" in res.output and "Có phải" not in res.output
    assert not (tmp_path / "o").exists()


def test_form_refuses_an_unknown_province_with_the_closest_names(tmp_path):
    res = cli("form", "--facility", "SL01", "--name", "Cơ sở X", "--province", "Son Laa", "--month", "03/2021",
              "--out", tmp_path / "f")
    assert res.exit_code == 2, res.output
    assert ("'Son Laa' không phải tên tỉnh/thành phố nào; có phải: Sơn La, Long An, Lào Cai? Sổ của cơ sở cần tên "
            "tỉnh đúng: hãy sửa --province.") in res.output
    assert not list(tmp_path.rglob("*.xlsx"))


def test_an_annotate_folder_that_cannot_be_written_names_annotate(tmp_path):
    blocker = tmp_path / "blocker"
    blocker.write_text("x")
    res = cli("validate", SAMPLES / "son-la", "--annotate", blocker / "k")
    assert res.exit_code == 2, res.output
    assert (f"Không ghi được vào thư mục kết quả {blocker / 'k'}: {blocker} là một tệp, không phải thư mục. "
            "Hãy chọn --annotate khác.") in " ".join(res.output.split())
    res = cli("report", "--data", SAMPLES / "son-la", "--year", "2021", "--out", blocker / "k")
    assert res.exit_code == 2 and "Hãy chọn --out khác." in " ".join(res.output.split())
