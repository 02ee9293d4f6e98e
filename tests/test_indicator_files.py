"""`indicators --out`: a draft says DỰ THẢO inside the file, not only in its name; the
file's format is the one its name promises (or the command refuses, exit 2), so that no
output of ours is later taken for a damaged workbook of the user's."""
from __future__ import annotations

import csv
import io
import json
import shutil
import zipfile

import openpyxl
import pytest

from conftest import SAMPLES, cli

FINAL_COLUMNS = ["unit", "level", "period", "indicator", "category", "value", "coverage", "draft"]


@pytest.fixture
def no_december(tmp_path):
    """Sơn La's 2021 without its December workbook: an incomplete year (a draft with --force)."""
    data = tmp_path / "son-la"
    shutil.copytree(SAMPLES / "son-la", data)
    (data / "2021-12.xlsx").unlink()
    return data


def _rows(path):
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def test_a_draft_csv_says_du_thao_in_every_row(tmp_path, no_december):
    res = cli("indicators", "--data", no_december, "--year", "2021", "--force", "--out", tmp_path / "chiso.csv")
    assert res.exit_code == 1, res.output
    assert not (tmp_path / "chiso.csv").exists()
    text = (tmp_path / "chiso-DU-THAO.csv").read_text(encoding="utf-8")
    assert text.splitlines()[0] == ",".join(FINAL_COLUMNS + ["status"])
    rows = _rows(tmp_path / "chiso-DU-THAO.csv")
    assert len(rows) > 100 and {r["status"] for r in rows} == {"DỰ THẢO"}
    closing = next(r for r in rows if (r["indicator"], r["category"]) == ("CUOI_KY", "HV"))
    assert (closing["coverage"], closing["draft"]) == ("11/12 tháng", "True")


def test_a_final_csv_keeps_its_columns_and_never_says_du_thao(tmp_path):
    out = tmp_path / "chiso.csv"
    res = cli("indicators", "--data", SAMPLES / "son-la", "--year", "2021", "--force", "--out", out)
    assert res.exit_code == 0, res.output
    assert out.read_text(encoding="utf-8").splitlines()[0] == ",".join(FINAL_COLUMNS)
    assert "DỰ THẢO" not in out.read_text(encoding="utf-8")
    res = cli("indicators", "--data", SAMPLES / "son-la", "--year", "2021", "--format", "json")
    assert isinstance(json.loads(res.stdout), list) and "status" not in json.loads(res.stdout)[0]


@pytest.mark.parametrize("lang, word", [("vi", "DỰ THẢO"), ("en", "DỰ THẢO (DRAFT)")])
def test_a_draft_json_says_du_thao_at_its_top(tmp_path, no_december, lang, word):
    res = cli("--lang", lang, "indicators", "--data", no_december, "--year", "2021", "--force",
              "--out", tmp_path / "chiso.json")
    assert res.exit_code == 1, res.output
    doc = json.loads((tmp_path / "chiso-DU-THAO.json").read_text(encoding="utf-8"))
    assert doc["status"] == word and doc["notice"].startswith("DỰ THẢO")
    assert {r["status"] for r in doc["rows"]} == {word} and list(doc["rows"][0]) == FINAL_COLUMNS + ["status"]
    closing = next(r for r in doc["rows"] if (r["indicator"], r["category"]) == ("CUOI_KY", "HV"))
    assert closing["draft"] is True and isinstance(closing["value"], int)


def test_a_draft_xlsx_has_the_status_column_too(tmp_path, no_december):
    res = cli("indicators", "--data", no_december, "--year", "2021", "--force", "--out", tmp_path / "chiso.xlsx")
    assert res.exit_code == 1, res.output
    ws = openpyxl.load_workbook(tmp_path / "chiso-DU-THAO.xlsx")["ChiSo"]
    assert str(ws["A1"].value).startswith("DỰ THẢO")
    header = [c.value for c in ws[2]]
    assert header == FINAL_COLUMNS + ["status"]
    assert {r[-1] for r in ws.iter_rows(min_row=3, values_only=True)} == {"DỰ THẢO"}


def test_the_format_follows_the_extension(tmp_path):
    data = tmp_path / "son-la"
    shutil.copytree(SAMPLES / "son-la", data)
    res = cli("indicators", "--data", data, "--year", "2021", "--out", data / "chiso.xlsx")
    assert res.exit_code == 0, res.output
    assert zipfile.is_zipfile(data / "chiso.xlsx")
    ws = openpyxl.load_workbook(data / "chiso.xlsx")["ChiSo"]
    assert [c.value for c in ws[1]] == FINAL_COLUMNS[:6]
    res = cli("indicators", "--data", data, "--year", "2021", "--out", tmp_path / "chiso.json")
    assert res.exit_code == 0, res.output
    rows = json.loads((tmp_path / "chiso.json").read_text(encoding="utf-8"))
    assert next(r["value"] for r in rows if (r["indicator"], r["category"]) == ("CUOI_KY", "HV")) == 1477
    # the workbook left in the data folder is ours: the next report reads past it
    res = cli("report", "--data", data, "--year", "2021", "--out", tmp_path / "out")
    assert res.exit_code == 0, res.output
    assert "F001" not in res.output


@pytest.mark.parametrize("lang, fmt, name, says", [
    ("vi", "xlsx", "c.csv", "--format xlsx không hợp với --out"),
    ("vi", "csv", "chiso.xlsx", "--format csv không hợp với --out"),
    ("en", "json", "c.csv", "--format json does not match --out"),
    ("vi", None, "c.xls", "chỉ ghi tệp .csv, .json hoặc .xlsx"),
    ("en", "xlsx", "c.ods", "writes .csv, .json or .xlsx files, not .ods"),
])
def test_a_format_the_name_contradicts_is_a_usage_error(tmp_path, lang, fmt, name, says):
    args = ["--lang", lang, "indicators", "--data", SAMPLES / "son-la", "--year", "2021", "--out", tmp_path / name]
    res = cli(*args, *(["--format", fmt] if fmt else []))
    assert res.exit_code == 2, res.output
    assert says in " ".join(res.output.split()) and "Traceback" not in res.output
    assert list(tmp_path.iterdir()) == []


def test_an_unknown_extension_is_csv_unless_told(tmp_path):
    res = cli("indicators", "--data", SAMPLES / "son-la", "--year", "2021", "--out", tmp_path / "chiso.txt")
    assert res.exit_code == 0, res.output
    assert (tmp_path / "chiso.txt").read_text(encoding="utf-8").startswith(",".join(FINAL_COLUMNS[:6]) + "\n")
    res = cli("indicators", "--data", SAMPLES / "son-la", "--year", "2021", "--format", "json",
              "--out", tmp_path / "chiso")
    assert res.exit_code == 0, res.output
    assert json.loads((tmp_path / "chiso").read_text(encoding="utf-8"))[0]["unit"] == "SL01"


@pytest.mark.parametrize("lang, says", [("vi", "là một thư mục: --out của lệnh indicators là tên tệp kết quả"),
                                        ("en", "is a folder: the --out of indicators names the result file")])
def test_an_out_that_is_a_folder_asks_for_a_file_name(tmp_path, lang, says):
    res = cli("--lang", lang, "indicators", "--data", SAMPLES / "son-la", "--year", "2021", "--out", tmp_path)
    assert res.exit_code == 2, res.output
    text = " ".join(res.output.split())
    assert says in text and "chi-so.csv" in text
    assert list(tmp_path.iterdir()) == []


def test_our_table_saved_as_text_under_a_workbooks_name_is_not_blamed_on_the_user(tmp_path):
    """What `indicators --out D/chiso.xlsx` wrote before the format followed the name (the
    table's text) is ours: a later run over D skips it, never F001 'save it as .xlsx'."""
    data = tmp_path / "son-la"
    shutil.copytree(SAMPLES / "son-la", data)
    table = cli("indicators", "--data", SAMPLES / "son-la", "--year", "2021")
    (data / "chiso.xlsx").write_text(table.stdout, encoding="utf-8")
    as_json = cli("indicators", "--data", SAMPLES / "son-la", "--year", "2021", "--format", "json")
    (data / "chiso-json.xlsx").write_text(as_json.stdout, encoding="utf-8")
    res = cli("report", "--data", data, "--year", "2021", "--out", tmp_path / "out")
    assert res.exit_code == 0, res.output
    assert "F001" not in res.output and (tmp_path / "out" / "BC-SL01-2021.docx").is_file()
    res = cli("validate", data)
    assert res.exit_code == 0 and "F001" not in res.output, res.output
    # replaced by the workbook its name promises, once asked (the ledger never saw it written)
    res = cli("indicators", "--data", data, "--year", "2021", "--out", data / "chiso.xlsx", "--overwrite")
    assert res.exit_code == 0, res.output
    assert zipfile.is_zipfile(data / "chiso.xlsx")
    # any other text named .xlsx is still the file's problem, said as such
    (data / "ghi-chu.xlsx").write_text("unit;ghi chú\n", encoding="utf-8")
    res = cli("validate", data)
    assert res.exit_code == 1 and "F001" in res.output and "ghi-chu.xlsx" in res.output
