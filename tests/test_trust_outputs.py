"""What a command writes can be trusted: a draft says so in every file and in its name, a
file somebody changed is never replaced unasked, a template's typo is an error, a document
is never dated before its period ends. Each test runs the command as a user would, on the
samples (or a copy of them)."""
from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest

from conftest import SAMPLES, cli


@pytest.fixture
def march_twice(tmp_path):
    """Sơn La's year with March sent twice (a copy beside the first)."""
    data = tmp_path / "son-la"
    shutil.copytree(SAMPLES / "son-la", data)
    shutil.copy(data / "2021-03.xlsx", data / "2021-03-lan2.xlsx")
    return data


def _draft_workbook(path: Path):
    wb = openpyxl.load_workbook(path)
    assert wb.properties.category == "DỰ THẢO" and wb.properties.title.startswith("DỰ THẢO")
    for ws in wb.worksheets:
        assert str(ws["A1"].value).startswith("DỰ THẢO"), (path.name, ws.title)
        assert ws.oddHeader.center.text == "DỰ THẢO", (path.name, ws.title)
    return wb


# ---------------------------------------------------------------- drafts

def test_report_draft_says_so_in_every_file_and_name(tmp_path, march_twice):
    out = tmp_path / "out"
    res = cli("report", "--data", march_twice, "--year", "2021", "--force", "--out", out)
    assert res.exit_code == 1, res.output
    assert sorted(p.name for p in out.iterdir()) == ["BC-SL01-2021-DU-THAO.docx", "BC-SL01-2021-DU-THAO.xlsx"]
    wb = _draft_workbook(out / "BC-SL01-2021-DU-THAO.xlsx")
    ws = wb["BienDong"]
    # the table moved down one row, with its print titles and frozen panes
    assert ws["A2"].value == "Cơ sở Điều trị nghiện ma túy tỉnh Sơn La"
    assert ws["A5"].value == "Mã" and ws.print_title_rows == "$5:$5" and ws.freeze_panes == "A6"
    tiep_nhan = next(r for r in ws.iter_rows(min_row=6, values_only=True) if r[0] == "TIEP_NHAN")
    assert tiep_nhan[-3] == 1463  # Cộng HV over 11 of 12 months: the draft's figure, marked as such
    import docx
    document = docx.Document(out / "BC-SL01-2021-DU-THAO.docx")
    assert any(p.text.startswith("DỰ THẢO") for p in document.paragraphs)
    # its properties where every reader looks, the core-properties namespace, and nothing beside it
    # (read with the namespaces spelt out: python-docx's own reading follows docxcompose's prefix)
    import xml.etree.ElementTree as ET
    import zipfile
    core = ET.fromstring(zipfile.ZipFile(out / "BC-SL01-2021-DU-THAO.docx").read("docProps/core.xml"))
    cp = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
    assert (core.findtext(cp + "category"), core.findtext(cp + "keywords")) == ("DỰ THẢO", "DỰ THẢO")
    assert core.findtext("{http://purl.org/dc/elements/1.1/}title").startswith("DỰ THẢO")
    assert not [e.tag for e in core if "custom-properties" in e.tag]


def test_a_draft_never_takes_a_finals_name(tmp_path, march_twice):
    out = tmp_path / "out"
    assert cli("report", "--data", SAMPLES / "son-la", "--year", "2021", "--out", out).exit_code == 0
    final = (out / "BC-SL01-2021.xlsx").read_bytes()
    assert cli("report", "--data", march_twice, "--year", "2021", "--force", "--out", out).exit_code == 1
    assert (out / "BC-SL01-2021.xlsx").read_bytes() == final
    assert (out / "BC-SL01-2021-DU-THAO.xlsx").exists()


def test_batch_draft_marks_every_sheet_and_name(tmp_path, march_twice):
    out = tmp_path / "out"
    res = cli("batch", "--data", march_twice, "--year", "2021", "--force", "--out", out, "--jobs", "1")
    assert res.exit_code == 1, res.output
    assert sorted(p.name for p in out.iterdir()) == ["BC-Son-La-2021-DU-THAO.docx", "BC-Son-La-2021-DU-THAO.xlsx",
                                                      "TongHop-2021-DU-THAO.xlsx"]
    _draft_workbook(out / "BC-Son-La-2021-DU-THAO.xlsx")
    wb = _draft_workbook(out / "TongHop-2021-DU-THAO.xlsx")
    tomtat = wb["TomTat"]
    assert tomtat["A2"].value == "Tỉnh/Thành phố" and tomtat["A3"].value == "Sơn La"
    assert tomtat["I3"].value == "BC-Son-La-2021-DU-THAO.docx"  # the name it has
    with zipfile.ZipFile(out / "TongHop-2021-DU-THAO.xlsx") as zf:  # a chart's data move with the rows
        charts = [zf.read(n).decode() for n in zf.namelist() if n.startswith("xl/charts/chart")]
    for chart in charts:
        assert "$B$3:$B$14" in chart, chart[:500]
    assert wb["SiSoThang"]["A2"].value == "Tháng" and wb["SiSoThang"]["A3"].value is not None


def test_indicators_xlsx_draft(tmp_path, march_twice):
    res = cli("indicators", "--data", march_twice, "--year", "2021", "--force", "--format", "xlsx",
              "--out", tmp_path / "chiso.xlsx")
    assert res.exit_code == 1
    assert not (tmp_path / "chiso.xlsx").exists()
    wb = _draft_workbook(tmp_path / "chiso-DU-THAO.xlsx")
    assert wb["ChiSo"]["A2"].value == "unit"


def test_a_final_is_not_marked(tmp_path):
    out = tmp_path / "out"
    assert cli("report", "--data", SAMPLES / "son-la", "--year", "2021", "--out", out).exit_code == 0
    wb = openpyxl.load_workbook(out / "BC-SL01-2021.xlsx")
    assert wb.properties.category != "DỰ THẢO" and wb["BienDong"]["A1"].value != "DỰ THẢO"


# ---------------------------------------------------------------- edited files

def test_an_edited_report_is_not_overwritten(tmp_path):
    out = tmp_path / "out"
    args = ("report", "--data", SAMPLES / "son-la", "--year", "2021", "--out", out)
    assert cli(*args).exit_code == 0
    assert cli(*args).exit_code == 0  # what we wrote ourselves is written again
    edited = out / "BC-SL01-2021.docx"
    with zipfile.ZipFile(edited, "a") as zf:  # as Word would: the same file, other bytes
        zf.writestr("customXml/clerk.xml", "<sửa/>")
    before = edited.read_bytes()
    res = cli(*args)
    assert res.exit_code == 2
    assert "BC-SL01-2021.docx" in res.output and "--overwrite" in res.output
    assert edited.read_bytes() == before
    assert cli(*args, "--overwrite").exit_code == 0
    assert edited.read_bytes() != before


def test_a_file_rehabstat_did_not_write_is_not_overwritten(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "BC-SL01-2021.xlsx").write_bytes(b"the clerk's own table")
    res = cli("report", "--data", SAMPLES / "son-la", "--year", "2021", "--out", out)
    assert res.exit_code == 2 and "--overwrite" in res.output
    assert (out / "BC-SL01-2021.xlsx").read_bytes() == b"the clerk's own table"
    assert not (out / "BC-SL01-2021.docx").exists()  # both, or neither


def test_batch_refuses_before_writing_anything(tmp_path):
    out = tmp_path / "out"
    args = ("batch", "--data", SAMPLES / "son-la", "--year", "2021", "--out", out, "--jobs", "1")
    assert cli(*args).exit_code == 0
    national = out / "TongHop-2021.xlsx"
    national.write_bytes(national.read_bytes() + b"\0")
    docx_before = (out / "BC-Son-La-2021.docx").stat().st_mtime_ns
    res = cli(*args)
    assert res.exit_code == 2 and "TongHop-2021.xlsx" in res.output and "--overwrite" in res.output
    assert (out / "BC-Son-La-2021.docx").stat().st_mtime_ns == docx_before
    assert cli(*args, "--overwrite").exit_code == 0


def test_indicators_and_annotate_keep_edited_files(tmp_path):
    target = tmp_path / "chiso.csv"
    args = ("indicators", "--data", SAMPLES / "son-la", "--year", "2021", "--out", target)
    assert cli(*args).exit_code == 0
    target.write_text(target.read_text(encoding="utf-8") + "ghi chú\n", encoding="utf-8")
    res = cli(*args)
    assert res.exit_code == 2 and "chiso.csv" in res.output and "--overwrite" in res.output
    assert target.read_text(encoding="utf-8").endswith("ghi chú\n")
    assert cli(*args, "--overwrite").exit_code == 0


def test_form_force_replaces(tmp_path):
    args = ("form", "--facility", "SL01", "--name", "Cơ sở", "--province", "Sơn La", "--month", "02/2021",
            "--out", tmp_path / "f.xlsx")
    assert cli(*args).exit_code == 0
    (tmp_path / "f.xlsx").write_bytes(b"filled in")
    assert cli(*args).exit_code == 2
    assert cli(*args, "--force").exit_code == 0


# ---------------------------------------------------------------- templates

def _edited_template(tmp_path, old: str, new: str) -> Path:
    assert cli("templates", "export", tmp_path / "mau").exit_code == 0
    src = tmp_path / "mau" / "bc.docx"
    dst = tmp_path / "mau" / "bc-sua.docx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename == "word/document.xml":
                text = data.decode("utf-8")
                assert old in text
                data = text.replace(old, new, 1).encode("utf-8")
            zout.writestr(item, data)
    return dst


@pytest.mark.parametrize("old, new, named, near", [
    ("n.CUOI_KY.HV }}", "n.CUOI_KY.HVV }}", "n.CUOI_KY.HVV", "n.CUOI_KY.HV"),
    ("n.CUOI_KY.HV }}", "v.CUOI_KY.HVV }}", "v.CUOI_KY.HVV", "v.CUOI_KY.HV"),
    ("n.CUOI_KY.HV }}", "n.CUOI_KI.HV }}", "n.CUOI_KI", "n.CUOI_KY"),
    ("n.CUOI_KY.HV }}", "doc.subjekt }}", "doc.subjekt", "doc.subject"),
])
def test_a_template_typo_is_an_error(tmp_path, old, new, named, near):
    template = _edited_template(tmp_path, old, new)
    out = tmp_path / "out"
    res = cli("report", "--data", SAMPLES / "son-la", "--year", "2021", "--out", out, "--template", template)
    assert res.exit_code == 2, res.output
    assert f"'{named}'" in res.output and near in res.output
    assert not out.exists() or not any(out.iterdir())


# ---------------------------------------------------------------- dates

@pytest.mark.parametrize("args, date, earliest", [
    (("--year", "2021"), "05/01/2021", "01/01/2022"),
    (("--year", "2021"), "31/12/2021", "01/01/2022"),
    (("--year", "2021", "--quarter", "2"), "15/06/2021", "01/07/2021"),
])
def test_a_report_dated_before_its_period_ends_is_refused(tmp_path, args, date, earliest):
    out = tmp_path / "out"
    res = cli("report", "--data", SAMPLES / "son-la", *args, "--date", date, "--out", out)
    assert res.exit_code == 2
    assert date in res.output and earliest in res.output
    assert not out.exists()


def test_a_report_dated_after_its_period_is_written(tmp_path):
    res = cli("report", "--data", SAMPLES / "son-la", "--year", "2021", "--date", "01/01/2022", "--out", tmp_path)
    assert res.exit_code == 0, res.output


def test_a_plan_dated_before_the_year_it_reports_ends_is_refused(tmp_path):
    res = cli("plan", "--data", SAMPLES / "son-la", "--year", "2022", "--targets", SAMPLES / "targets" / "son-la-2022.xlsx",
              "--date", "20/12/2021", "--out", tmp_path / "out")
    assert res.exit_code == 2 and "01/01/2022" in res.output


# ---------------------------------------------------------------- names that are not what they claim

def _with_province(folder: Path, month_file: str, name: str) -> None:
    """Write `name` as the province on ThongTin of one workbook (as a clerk's typo would)."""
    wb = openpyxl.load_workbook(folder / month_file)
    ws = wb["ThongTin"]
    cell = next(c for row in ws.iter_rows() for c in row if c.value == "Sơn La")
    cell.value = name
    wb.save(folder / month_file)


@pytest.mark.parametrize("name, near", [("Sơn Lam", "Sơn La"), ("Tinh Son Lam", "Sơn La"), ("Xứ Đoài", "Đồng Nai")])
def test_a_misspelt_province_is_an_error(tmp_path, name, near):
    data = tmp_path / "son-la"
    shutil.copytree(SAMPLES / "son-la", data)
    _with_province(data, "2021-06.xlsx", name)
    res = cli("validate", data)
    assert res.exit_code == 1
    assert "ThongTin!B3  G001  lỗi" in res.output and f"Có phải: {near}" in res.output
    out = tmp_path / "out"
    res = cli("batch", "--data", data, "--year", "2021", "--month", "6", "--out", out, "--jobs", "1")
    assert res.exit_code == 1
    assert "Số liệu đầy đủ" not in res.output and "sổ tháng 06/2021 có lỗi" in res.output
    assert "tính riêng dưới tên này" not in res.output and "lỗi G001" in res.output
    assert not out.exists() or not any(out.iterdir())
    res = cli("batch", "--data", data, "--year", "2021", "--month", "6", "--out", out, "--jobs", "1", "--force")
    assert res.exit_code == 1
    # the facility stays in the province its other workbooks name: no BC of a province that is none
    assert sorted(p.name for p in out.iterdir()) == ["BC-Son-La-2021-06-DU-THAO.docx", "BC-Son-La-2021-06-DU-THAO.xlsx",
                                                      "TongHop-2021-06-DU-THAO.xlsx"]


def test_a_province_named_in_the_new_geography_is_no_error(tmp_path):
    data = tmp_path / "son-la"
    shutil.copytree(SAMPLES / "son-la", data)
    _with_province(data, "2021-06.xlsx", "Tỉnh  SƠN LA")
    assert cli("validate", data).exit_code == 0


def test_our_own_outputs_in_the_data_are_not_targets(tmp_path):
    data = tmp_path / "son-la"
    shutil.copytree(SAMPLES / "son-la", data)
    assert cli("report", "--data", data, "--year", "2021", "--out", data).exit_code == 0  # BC-SL01-2021.xlsx beside
    res = cli("batch", "--data", data, "--year", "2021", "--out", tmp_path / "out", "--jobs", "1")
    assert res.exit_code == 0, res.output
    assert "sổ chỉ tiêu" not in res.output
    assert "Đã đọc 12 sổ hằng tháng (bỏ qua 1 tệp kết quả do rehabstat lập)." in res.output
    shutil.copy(SAMPLES / "targets" / "son-la-2022.xlsx", data)
    res = cli("batch", "--data", data, "--year", "2021", "--out", tmp_path / "out2", "--jobs", "1")
    assert "(bỏ qua 1 sổ chỉ tiêu và 1 tệp kết quả do rehabstat lập)" in res.output


def test_an_unreadable_file_is_named_whatever_the_exit_code(tmp_path):
    data = tmp_path / "son-la"
    shutil.copytree(SAMPLES / "son-la", data)
    (data / "2021-03-sua.xlsx").write_bytes((data / "2021-03.xlsx").read_bytes()[:3000])  # cut off
    for args in (("batch", "--out", tmp_path / "b", "--jobs", "1"), ("report", "--out", tmp_path / "r"),
                 ("indicators",)):
        res = cli(*args, "--data", data, "--year", "2021", "--quarter", "2")
        assert res.exit_code == 0, res.output  # the quarter is complete
        assert "2021-03-sua.xlsx" in res.output and "hãy gửi lại tệp" in res.output, args
    res = cli("report", "--data", data, "--year", "2021", "--quarter", "1", "--out", tmp_path / "r1")
    assert res.exit_code == 1 and "2021-03-sua.xlsx" in res.output


def test_lock_files_are_skipped_with_a_note_everywhere(tmp_path):
    data = tmp_path / "nd"
    shutil.copytree(SAMPLES / "son-la", data)
    (data / "~$2021-03.xlsx").write_bytes(b"\x0bNguyen Van A" + b"\0" * 150)  # Excel's owner file: 165 bytes
    (data / ".~lock.2021-04.xlsx#").write_text("Nguyen Van A,may-1,2021-04-30T08:00;", encoding="utf-8")
    globbed = sorted(data.glob("*.xlsx")) + [data / ".~lock.2021-04.xlsx#"]  # what `receive nd/*.xlsx` passes
    res = cli("receive", *globbed, "--store", tmp_path / "kho")
    assert res.exit_code == 0, res.output
    assert "~$2021-03.xlsx: bỏ qua – tệp khóa của Excel/LibreOffice" in res.output
    assert ".~lock.2021-04.xlsx#: bỏ qua" in res.output and "12 đã nhận" in res.output
    res = cli("validate", *globbed)
    assert res.exit_code == 0, res.output
    assert "bỏ qua tệp khóa của Excel/LibreOffice" in res.output and "~$2021-03.xlsx" in res.output
    res = cli("report", "--data", data, "--year", "2021", "--out", tmp_path / "out")
    assert res.exit_code == 0 and "bỏ qua tệp khóa" in res.output


# ---------------------------------------------------------------- checks across months

def _across(res) -> list[str]:
    return sorted(line.strip() for line in res.output.splitlines() if any(c in line for c in (" P001 ", " P002 ", " I006 ")))


def test_warnings_across_months_say_when_a_month_does_not_count(tmp_path, march_twice):
    res = cli("validate", march_twice)
    lines = _across(res)
    assert lines  # April's and May's people whose March is in neither copy
    assert all("Tháng 03/2021 của cơ sở không được tính" in line for line in lines), lines
    clean = _across(cli("validate", SAMPLES / "son-la"))
    assert all("không được tính" not in line for line in clean)


def test_store_and_data_give_the_same_warnings_across_months(tmp_path):
    data = tmp_path / "son-la"
    shutil.copytree(SAMPLES / "son-la", data)
    wb = openpyxl.load_workbook(data / "2021-04.xlsx")
    wb["SiSo"].cell(row=2, column=3).value += 7  # April's closing off by 7: I001, April refused by the store
    wb.save(data / "2021-04.xlsx")
    res = cli("receive", data, "--store", tmp_path / "kho")
    assert "2021-04.xlsx: SL01 04/2021 – bị từ chối" in res.output
    from_data = _across(cli("validate", data))
    from_store = _across(cli("validate", "--store", tmp_path / "kho"))
    assert from_data and from_data == from_store
    assert all("04/2021" in line and "không được tính" in line for line in from_store), from_store
