"""A province name a user types (an account's scope, an approval) or a workbook writes (the
folder of its originals) is kept as the geography spells it, never as typed; a name that is
no province is refused with the closest names."""
import shutil
import sqlite3

import pytest

from conftest import SAMPLES, cli


def _add(kho, name, province, lang="vi"):
    from typer.testing import CliRunner
    from rehabstat.cli import app
    return CliRunner().invoke(app, ["--lang", lang, "users", "add", name, "--store", str(kho), "--role", "province",
                                    "--province", province, "--password-stdin"], input="mat-khau-dai-12\n")


@pytest.mark.parametrize("typed,kept", [("Sơn Lá", "Sơn La"), ("tinh son la", "Sơn La"),
                                        ("TP. Hà Nội", "Hà Nội"), ("nam dinh", "Nam Định")])
def test_an_account_keeps_the_province_as_the_geography_spells_it(tmp_path, typed, kept):
    kho = tmp_path / "kho"
    res = _add(kho, "tinh", typed)
    assert res.exit_code == 0, res.output
    assert f"(province {kept})" in res.output
    rows = sqlite3.connect(kho / "inbox.sqlite").execute("SELECT name, province FROM users").fetchall()
    assert rows == [("tinh", kept)]
    assert f"tinh       province  {kept}" in cli("users", "list", "--store", kho).output


@pytest.mark.parametrize("lang,words", [
    ("vi", "'Sơn Lam' không phải tên tỉnh/thành phố nào; có phải: Sơn La,"),
    ("en", "'Sơn Lam' is not the name of any province or city; did you mean: Sơn La,"),
])
def test_an_account_for_no_province_is_refused_with_the_closest_names(tmp_path, lang, words):
    kho = tmp_path / "kho"
    assert _add(kho, "ok", "Sơn La").exit_code == 0
    res = _add(kho, "tinh", "Sơn Lam", lang)
    assert res.exit_code == 2, res.output
    assert words in res.output
    assert sqlite3.connect(kho / "inbox.sqlite").execute("SELECT name FROM users").fetchall() == [("ok",)]


@pytest.fixture(scope="module")
def cao_bang_store(tmp_path_factory):
    kho = tmp_path_factory.mktemp("cb") / "kho"
    res = cli("receive", SAMPLES / "cao-bang", "--store", kho)
    assert res.exit_code == 0, res.output
    return kho


def test_approve_reads_the_province_as_the_geography_spells_it(cao_bang_store):
    kho = cao_bang_store
    res = cli("approve", "--store", kho, "--province", "Cao Băng", "--year", "2019")  # a wrong tone mark
    assert res.exit_code == 0, res.output
    assert "Cao Bằng (sổ cấp tỉnh, kỳ 2019): đã duyệt phiên bản 1, khóa" in res.output
    assert "Đã duyệt 12/12 tháng (năm 2019)." in res.output
    con = sqlite3.connect(kho / "inbox.sqlite")
    assert con.execute("SELECT province, period_first, period_last, action FROM province_approvals").fetchall() \
        == [("Cao Bằng", "2019-01", "2019-12", "approve")]
    res = cli("unlock", "--store", kho, "--province", "cao bang", "--year", "2019", "--reason", "sửa số liệu")
    assert res.exit_code == 0, res.output
    assert con.execute("SELECT DISTINCT province FROM province_approvals").fetchall() == [("Cao Bằng",)]


@pytest.mark.parametrize("command", ["approve", "unlock"])
def test_approve_of_no_province_is_refused_with_the_closest_names(cao_bang_store, command):
    extra = ("--reason", "sửa") if command == "unlock" else ()
    res = cli("--lang", "en", command, "--store", cao_bang_store, "--province", "Cao Bang Lam", "--year", "2020", *extra)
    assert res.exit_code == 2, res.output
    assert "'Cao Bang Lam' is not the name of any province or city; did you mean: Cao Bằng," in res.output
    con = sqlite3.connect(cao_bang_store / "inbox.sqlite")
    assert con.execute("SELECT count(*) FROM approvals WHERE year = 2020").fetchone() == (0,)


def test_originals_are_kept_under_the_province_as_the_geography_spells_it(tmp_path):
    # NB01's workbooks write "Tỉnh Ninh Bình", HNA01's late ones "Ninh Bình": one folder
    data = tmp_path / "nb"
    for unit in ("NB01", "HNA01"):
        shutil.copytree(SAMPLES / "ninh-binh-2025" / unit, data / unit)
    import openpyxl
    wb = openpyxl.load_workbook(data / "NB01" / "2025-01.xlsx", read_only=True)
    assert [r[1] for r in wb["ThongTin"].iter_rows(values_only=True) if r[0] == "Tỉnh/Thành phố"] == ["Tỉnh Ninh Bình"]
    kho = tmp_path / "kho"
    res = cli("receive", data, "--store", kho)
    assert res.exit_code == 0, res.output
    folders = sorted(p.relative_to(kho / "originals").as_posix() for p in (kho / "originals").glob("*/*")
                     if not p.parent.name.startswith("_"))
    assert folders == ["Ha-Nam/HNA01", "Ninh-Binh/HNA01", "Ninh-Binh/NB01"]
    paths = sqlite3.connect(kho / "inbox.sqlite").execute(
        "SELECT DISTINCT province, substr(path, 1, instr(substr(path, 11), '/') + 9) FROM receipts "
        "WHERE unit = 'NB01'").fetchall()
    assert paths == [("Tỉnh Ninh Bình", "originals/Ninh-Binh")]  # the workbook's words stay as it wrote them


def test_approve_by_another_spelling_of_the_province_the_workbooks_write(tmp_path):
    # the workbooks write "Đắc Lắc" (an older spelling of Đắk Lắk): approving by either name,
    # or with a wrong mark, finds their facility
    import openpyxl
    data = tmp_path / "dl"
    data.mkdir()
    for month in ("2021-01", "2021-02"):
        wb = openpyxl.load_workbook(SAMPLES / "son-la" / f"{month}.xlsx")
        ws = wb["ThongTin"]
        cells = [row[1] for row in ws.iter_rows() if row[0].value == "Tỉnh/Thành phố"]
        assert len(cells) == 1
        cells[0].value = "Đắc Lắc"
        wb.save(data / f"{month}.xlsx")
    kho = tmp_path / "kho"
    assert cli("receive", data, "--store", kho).exit_code == 0
    res = cli("approve", "--store", kho, "--province", "Đắk Lắk", "--year", "2021", "--month", "1")
    assert res.exit_code == 0 and "SL01 01/2021: đã duyệt phiên bản 1, khóa" in res.output, res.output
    for name in ("Đắc Lắc", "dak lak"):
        res = cli("unlock", "--store", kho, "--province", name, "--year", "2021", "--month", "1", "--reason", "sửa")
        assert res.exit_code == 0 and "SL01 01/2021: " in res.output, res.output
        res = cli("approve", "--store", kho, "--province", name, "--year", "2021", "--month", "1")
        assert res.exit_code == 0 and "SL01 01/2021: đã duyệt phiên bản 1, khóa" in res.output, res.output
    res = cli("approve", "--store", kho, "--province", "Lâm Đồng", "--year", "2021", "--month", "1")
    assert res.exit_code == 2 and "SL01" not in res.output, res.output
