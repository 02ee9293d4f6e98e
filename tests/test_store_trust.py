"""The store as a second source of the same data: what a folder gives, the store gives
(province workbooks, rehabstat.toml, codes however typed, the reasons a month does not
count); a refused workbook sent again is counted as refused."""
import shutil

import pytest

from conftest import SAMPLES, cli
from test_store import changed_copy


@pytest.fixture
def kho_son_la(tmp_path, son_la):
    kho = tmp_path / "kho"
    res = cli("receive", *[son_la / f"2021-{m:02d}.xlsx" for m in range(1, 13)], "--store", kho)
    assert res.exit_code == 0, res.output
    return kho


@pytest.mark.parametrize("typed", ["SL-01", "sl 01", " sl01 ", "SL\u200b01"])
def test_a_code_reads_the_same_in_every_store_command(kho_son_la, typed):
    kho = kho_son_la
    res = cli("history", "--store", kho, "--facility", typed, "--month", "03/2021")
    assert res.exit_code == 0, res.output
    assert res.stdout.startswith("Cơ sở SL01: 1 sổ đã nộp")
    res = cli("approve", "--store", kho, "--facility", typed, "--year", 2021, "--month", 3)
    assert res.exit_code == 0, res.output
    assert "SL01 03/2021: đã duyệt phiên bản 1, khóa" in res.stdout
    res = cli("log", "--store", kho, "--facility", typed)
    assert res.exit_code == 0, res.output
    rows = res.stdout.splitlines()[1:]
    assert len(rows) == 13 and all(" SL01 " in row for row in rows), res.stdout  # 12 receipts, 1 approval
    res = cli("unlock", "--store", kho, "--facility", typed, "--year", 2021, "--month", 3, "--reason", "sửa")
    assert res.exit_code == 0 and "SL01 03/2021: đã mở khóa" in res.stdout, res.output


def test_a_code_reads_the_same_in_the_form(tmp_path, son_la):
    from rehabstat.workbooks.form import default_name, previous_closing
    assert default_name("sl-01", 2021, 4) == "SL01-2021-04.xlsx"
    closing, why = previous_closing(son_la, "sl 01", 2021, 4)
    assert why == "" and closing is not None and sum(closing.values()) > 0, why


def test_a_refused_workbook_sent_again_is_already_there_and_still_refused(tmp_path, son_la):
    kho = tmp_path / "kho"
    april = changed_copy(son_la / "2021-04.xlsx", tmp_path / "loi" / "2021-04.xlsx", "SiSo", "C2", 1569)
    first = cli("receive", april, "--store", kho)
    assert first.exit_code == 1 and "1 tệp: 0 đã nhận, 0 phiên bản mới, 0 đã có, 1 bị từ chối." in first.stdout
    again = cli("receive", april, "--store", kho)
    assert again.exit_code == 1, again.output  # still refused: the corrected copy is awaited
    assert "1 tệp: 0 đã nhận, 0 phiên bản mới, 1 đã có, 0 bị từ chối." in again.stdout, again.stdout
    assert "1 tệp trùng với bản đã bị từ chối và vẫn bị từ chối" in again.stdout
    # the English summary follows the same counts
    en = cli("--lang", "en", "receive", april, "--store", kho)
    assert en.exit_code == 1 and "1 file: 0 received, 0 new versions, 1 already there, 0 rejected." in en.stdout, en.stdout


def _without_paths(text, *roots):
    for root in roots:
        text = text.replace(str(root) + "/", "")
    return text


def test_a_refused_month_is_told_as_in_a_folder(tmp_path, son_la):
    """April and May with a census error: the store refuses them (and June, whose opening no
    longer meets May's closing); report --store says what report --data says, word for word."""
    data = tmp_path / "data"
    data.mkdir()
    for m in range(1, 13):
        shutil.copy(son_la / f"2021-{m:02d}.xlsx", data / f"2021-{m:02d}.xlsx")
    changed_copy(son_la / "2021-04.xlsx", data / "2021-04.xlsx", "SiSo", "C2", 1569)
    changed_copy(son_la / "2021-05.xlsx", data / "2021-05.xlsx", "SiSo", "C2", 1569)
    kho = tmp_path / "kho"
    res = cli("receive", data, "--store", kho)
    assert res.exit_code == 1 and "12 tệp: 9 đã nhận, 0 phiên bản mới, 0 đã có, 3 bị từ chối." in res.stdout
    store = cli("report", "--store", kho, "--year", 2021, "--out", tmp_path / "s")
    folder = cli("report", "--data", data, "--year", 2021, "--out", tmp_path / "d")
    assert store.exit_code == folder.exit_code == 1
    assert "sổ các tháng 04/2021 đến 06/2021 có lỗi, không tính vào số liệu" in store.output
    assert "không đọc được" not in store.output
    assert store.output == folder.output
    en_store = cli("--lang", "en", "report", "--store", kho, "--year", 2021, "--out", tmp_path / "s")
    en_folder = cli("--lang", "en", "report", "--data", data, "--year", 2021, "--out", tmp_path / "d")
    assert en_store.output == en_folder.output and "have errors, not counted" in en_store.output
    # validate names the same errors at the same cells
    v_store, v_folder = cli("validate", "--store", kho), cli("validate", data)
    assert v_store.exit_code == v_folder.exit_code == 1
    strip = lambda out: [line.split("(", 1)[-1] if not line.startswith(" ") else line  # noqa: E731
                         for line in out.splitlines()]
    assert strip(v_store.stdout) == strip(v_folder.stdout)
    # the one warning across months says that the months the store refused may hold its cause
    assert v_store.stdout.endswith("12 tệp, 6 lỗi, 1 cảnh báo\n")
    assert "Các tháng 04/2021, 05/2021, 06/2021 của cơ sở không được tính" in v_store.stdout
    # a draft: the folder's months with errors go in (unchecked); the store's refused ones never do
    forced = cli("report", "--store", kho, "--year", 2021, "--out", tmp_path / "f", "--force")
    assert forced.exit_code == 1, forced.output
    assert "sổ các tháng 04/2021 đến 06/2021 có lỗi, không tính vào số liệu" in forced.output


# ---------------------------------------------------------------- province workbooks, rehabstat.toml

@pytest.fixture(scope="module")
def kho_samples(tmp_path_factory):
    """One `receive` of the whole samples folder."""
    kho = tmp_path_factory.mktemp("samples") / "kho"
    res = cli("receive", SAMPLES, "--store", kho)
    assert res.exit_code == 0, res.output
    return kho, res.stdout


def _paragraphs(path):
    import docx
    return [p.text for p in docx.Document(path).paragraphs]


def _all_text(path):
    """Every paragraph of the document, in its tables too."""
    import docx
    doc = docx.Document(path)
    cells = [p.text for t in doc.tables for row in t.rows for c in row.cells for p in c.paragraphs]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def test_province_workbooks_are_kept_with_their_rows(kho_samples, tmp_path):
    kho, said = kho_samples
    for name, period in (("2017", "2017"), ("2018", "2018"), ("2019", "2019"), ("2020-H1", "2020-H1")):
        assert f"cao-bang/tinh/{name}.xlsx: Cao Bằng (sổ cấp tỉnh, kỳ {period}) – đã nhận (phiên bản 1).\n" in said
    assert "nam-dinh/tinh/2019.xlsx: Nam Định (sổ cấp tỉnh, kỳ 2019) – đã nhận (phiên bản 1).\n" in said
    assert "không rõ cơ sở" not in said
    args = ("--province", "Cao Bằng", "--from", "01/2017", "--to", "06/2020", "--level", "province")
    store = cli("indicators", "--store", kho, *args)
    folder = cli("indicators", "--data", SAMPLES, *args)
    assert store.exit_code == folder.exit_code == 0, store.output
    assert store.stdout == folder.stdout
    for row in ("TAP_HUAN,ALL,830", "DAU_TU,ALL,8000000000", "TO_ROI,ALL,27000"):
        assert f"Cao Bằng,province,2017-01..2020-06,{row}\n" in store.stdout
    # the BC: every paragraph of the folder's (training, communication, investment), and the approval's
    s = cli("report", "--store", kho, "--province", "Cao Bằng", "--from", "01/2017", "--to", "06/2020",
            "--out", tmp_path / "s")
    d = cli("report", "--data", SAMPLES, "--province", "Cao Bằng", "--from", "01/2017", "--to", "06/2020",
            "--out", tmp_path / "d")
    assert s.exit_code == d.exit_code == 0, s.output
    a = _paragraphs(tmp_path / "s" / "BC-Cao-Bang-2017-01..2020-06.docx")
    b = _paragraphs(tmp_path / "d" / "BC-Cao-Bang-2017-01..2020-06.docx")
    assert [p for p in a if "duyệt" not in p] == b and len(b) == 40


def test_province_workbooks_have_versions_approval_and_lock(tmp_path):
    import openpyxl
    kho = tmp_path / "kho"
    assert cli("receive", SAMPLES / "cao-bang", "--store", kho).exit_code == 0
    v2 = tmp_path / "v2" / "2017.xlsx"
    v2.parent.mkdir()
    wb = openpyxl.load_workbook(SAMPLES / "cao-bang" / "tinh" / "2017.xlsx")
    assert wb["SoLieu"]["A2"].value == "TAP_HUAN" and wb["SoLieu"]["F2"].value == 210
    wb["SoLieu"]["F2"] = 211
    wb.save(v2)
    res = cli("receive", v2, "--store", kho)
    assert res.exit_code == 0 and "Cao Bằng (sổ cấp tỉnh, kỳ 2017) – phiên bản mới 2 (thay phiên bản 1)." in res.stdout
    table = cli("indicators", "--store", kho, "--province", "Cao Bằng", "--year", 2017, "--level", "province").stdout
    assert "Cao Bằng,province,2017,TAP_HUAN,ALL,211\n" in table
    res = cli("approve", "--store", kho, "--province", "cao bang", "--year", 2017)
    assert res.exit_code == 0, res.output
    assert "Cao Bằng (sổ cấp tỉnh, kỳ 2017): đã duyệt phiên bản 2, khóa\n" in res.stdout
    assert "Sổ cấp tỉnh: đã duyệt 1/1.\n" in res.stdout
    wb["SoLieu"]["F2"] = 212
    v3 = tmp_path / "v3" / "2017.xlsx"
    v3.parent.mkdir()
    wb.save(v3)
    res = cli("receive", v3, "--store", kho)
    assert res.exit_code == 1
    assert "Cao Bằng (sổ cấp tỉnh, kỳ 2017) – bị từ chối: sổ cấp tỉnh Cao Bằng kỳ 2017 đã được duyệt và khóa" in res.stdout
    assert '--province "Cao Bằng" --from 01/2017 --to 12/2017 --reason' in res.stdout
    log = cli("log", "--store", kho, "--province", "Cao Bằng").stdout.splitlines()
    mine = [line for line in log if "sổ cấp tỉnh, kỳ 2017" in line]
    assert [line.split()[4] for line in mine] == ["nhận", "phiên", "duyệt", "từ"], mine  # receive, new version, approve, reject
    assert "2017.xlsx: phiên bản 2 (thay phiên bản 1)" in mine[1]
    res = cli("unlock", "--store", kho, "--province", "Cao Bằng", "--year", 2017, "--reason", "sửa tập huấn")
    assert res.exit_code == 0 and "Cao Bằng (sổ cấp tỉnh, kỳ 2017): đã mở khóa" in res.stdout
    res = cli("receive", v3, "--store", kho)
    assert res.exit_code == 0 and "Cao Bằng (sổ cấp tỉnh, kỳ 2017) – phiên bản mới 3 (thay phiên bản 2)." in res.stdout
    check = cli("check-store", "--store", kho)
    assert check.exit_code == 0
    assert "Tệp gốc đúng: 48/48.\nTrong kho: 6 sổ cấp tỉnh, 1 phiên bản tệp cấu hình.\n" in check.stdout
    en = cli("--lang", "en", "check-store", "--store", kho)
    assert "In the store: 6 province workbooks, 1 version of the configuration file.\n" in en.stdout


def test_rehabstat_toml_travels_with_the_data(kho_samples, tmp_path):
    kho, said = kho_samples
    assert said.startswith(f"{SAMPLES / 'rehabstat.toml'}: tệp cấu hình – đã lưu vào kho (phiên bản 1).\n")
    assert not (kho / "rehabstat.toml").exists()
    args = ("--year", 2021, "--quarter", 2, "--level", "province")
    store, folder = cli("indicators", "--store", kho, *args), cli("indicators", "--data", SAMPLES, *args)
    assert store.exit_code == folder.exit_code == 0, store.output
    assert store.stdout == folder.stdout
    log = cli("log", "--store", kho).stdout
    assert [line.split()[4:6] for line in log.splitlines() if "rehabstat.toml phiên bản 1" in line] == [["cấu", "hình"]]


def test_a_new_rehabstat_toml_is_a_new_version(tmp_path, son_la):
    data = tmp_path / "nop"
    data.mkdir()
    for m in (1, 2, 3):
        shutil.copy(son_la / f"2021-{m:02d}.xlsx", data)
    (data / "rehabstat.toml").write_text('[document]\nsigner_name = "Nguyễn Văn A"\n', encoding="utf-8")
    kho = tmp_path / "kho"
    assert cli("receive", data, "--store", kho).exit_code == 0
    again = cli("receive", data, "--store", kho)  # the same: no new version, nothing said
    assert again.exit_code == 0 and "cấu hình" not in again.stdout
    (data / "rehabstat.toml").write_text('[document]\nsigner_name = "Trần Thị B"\n', encoding="utf-8")
    res = cli("receive", data, "--store", kho)
    assert f"{data / 'rehabstat.toml'}: tệp cấu hình – phiên bản mới 2 (thay phiên bản 1).\n" in res.stdout
    en = cli("--lang", "en", "receive", data, "--store", kho)
    assert "cấu hình" not in en.stdout
    (data / "rehabstat.toml").unlink()
    res = cli("report", "--store", kho, "--year", 2021, "--quarter", 1, "--out", tmp_path / "bc")
    assert res.exit_code == 0, res.output
    assert "Trần Thị B" in _all_text(tmp_path / "bc" / "BC-SL01-2021-Q1.docx")
    other = tmp_path / "other.toml"
    other.write_text('[document]\nsigner_name = "Lê Văn C"\n', encoding="utf-8")  # --config still decides
    res = cli("report", "--store", kho, "--config", other, "--year", 2021, "--quarter", 1, "--out", tmp_path / "c")
    assert "Lê Văn C" in _all_text(tmp_path / "c" / "BC-SL01-2021-Q1.docx")
    with __import__("rehabstat.store", fromlist=["Store"]).Store.open(kho) as store:
        assert store.con.execute("SELECT count(*) FROM configs").fetchone()[0] == 2
        with pytest.raises(Exception, match="configurations are kept"):
            store.con.execute("DELETE FROM configs")


def test_a_store_of_the_first_schema_is_migrated_and_its_province_workbooks_completed(tmp_path):
    """A store made before province workbooks were kept: opened, it gains the new tables; its
    province workbook (a receipt without rows) is named by check-store and completed when
    received again."""
    import hashlib
    import sqlite3
    from rehabstat.store import schema
    kho = tmp_path / "kho"
    kho.mkdir()
    src = SAMPLES / "cao-bang" / "tinh" / "2017.xlsx"
    sha = hashlib.sha256(src.read_bytes()).hexdigest()
    path = f"originals/_khong-ro/{sha}/2017.xlsx"
    (kho / path).parent.mkdir(parents=True)
    shutil.copy(src, kho / path)
    con = sqlite3.connect(kho / "inbox.sqlite", isolation_level=None)
    for statement in schema._statements(schema.SCHEMA):  # the first schema, as the earlier rehabstat made it
        con.execute(statement)
    con.execute("INSERT INTO meta VALUES ('salt', '00112233445566778899aabbccddeeff')")
    con.execute("INSERT INTO receipts (sha256, size, original_name, path, province, received_at, received_by, status, "
                "version, errors, warnings, read_status, layout) VALUES (?, ?, '2017.xlsx', ?, 'Cao Bằng', "
                "'2021-01-05T01:00:00+00:00', 'clerk', 'accepted', 1, 0, 0, 'province', '{}')",
                (sha, src.stat().st_size, path))
    con.execute("PRAGMA user_version = 1")
    con.close()
    check = cli("check-store", "--store", kho)
    assert check.exit_code == 0, check.output
    assert ("Lưu ý: 1 sổ cấp tỉnh nhận trước khi kho giữ số liệu của sổ cấp tỉnh (2017.xlsx) chưa có số liệu trong kho; "
            f"nhận lại các tệp đó (rehabstat receive TỆP... --store {kho}) để bổ sung.") in check.stdout
    with sqlite3.connect(kho / "inbox.sqlite") as c:
        assert c.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    res = cli("receive", src, "--store", kho)
    assert res.exit_code == 0, res.output
    assert "Đã bổ sung số liệu của sổ cấp tỉnh vào biên nhận đó." in res.stdout
    assert "Cao Bằng (sổ cấp tỉnh, kỳ 2017) – đã có trong kho" in res.stdout
    check = cli("check-store", "--store", kho)
    assert "chưa có số liệu" not in check.stdout and "Trong kho: 1 sổ cấp tỉnh" in check.stdout
    with sqlite3.connect(kho / "inbox.sqlite") as c:
        assert c.execute("SELECT count(*) FROM pfigures").fetchone()[0] > 0
        assert c.execute("SELECT code, value FROM pfigures WHERE code = 'TAP_HUAN'").fetchone() == ("TAP_HUAN", 210)
    again = cli("receive", src, "--store", kho)  # once only
    assert "Đã bổ sung" not in again.stdout
