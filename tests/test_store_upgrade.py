"""A store an older rehabstat made is upgraded on opening, and says so once (stderr, in the
chosen language) and in its audit; a copy identical to a refused workbook, sent again, is
"already there" on its line, in the summary and in the log, and still exits 1."""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import openpyxl
import pytest

from conftest import cli
from rehabstat.store import SCHEMA_VERSION, Store
from rehabstat.store.said import of_json

FIXTURES = Path(__file__).parent / "fixtures"


def _version(store: Path) -> int:
    con = sqlite3.connect(store / "inbox.sqlite")
    try:
        return con.execute("PRAGMA user_version").fetchone()[0]
    finally:
        con.close()


@pytest.mark.parametrize("lang, said", [
    ("vi", "đã được nâng cấp từ phiên bản 1 lên 5; phiên bản rehabstat cũ hơn không mở được kho này nữa."),
    ("en", "was upgraded from version 1 to version 5; older versions of rehabstat can no longer open it."),
])
def test_log_upgrades_a_schema_1_store_and_says_so_once(tmp_path, lang, said):
    kho = tmp_path / "kho"
    shutil.copytree(FIXTURES / "store-v1", kho)
    assert _version(kho) == 1 and SCHEMA_VERSION == 5
    first = cli("--lang", lang, "log", "--store", kho)
    assert first.exit_code == 0, first.output
    assert said in first.stderr and str(kho) in first.stderr
    assert said not in first.stdout  # the log itself stays on stdout, as it was
    assert first.stderr.count("\n") == 1
    assert _version(kho) == 5
    second = cli("--lang", lang, "log", "--store", kho)
    assert second.exit_code == 0 and second.stderr == ""
    assert ("nâng cấp" if lang == "vi" else "upgraded") in second.stdout  # the audit's row, in `log`
    with Store.open(kho) as store:
        rows = store.con.execute("SELECT detail_params FROM audit WHERE action = 'upgrade'").fetchall()
    assert [of_json(p).shown("vi") for p, in rows] == ["nâng cấp kho từ phiên bản 1 lên 5"]


def test_report_upgrades_a_schema_4_store(tmp_path):
    kho = tmp_path / "kho"
    shutil.copytree(FIXTURES / "store-v4", kho)
    assert _version(kho) == 4
    res = cli("report", "--store", kho, "--year", "2021", "--quarter", "1", "--out", tmp_path / "bc")
    assert res.exit_code == 0, res.output
    assert res.stderr.count("đã được nâng cấp từ phiên bản 4 lên 5") == 1  # once, however often it is opened
    assert (tmp_path / "bc" / "BC-SL01-2021-Q1.docx").is_file()
    again = cli("report", "--store", kho, "--year", "2021", "--quarter", "1", "--out", tmp_path / "bc2")
    assert again.exit_code == 0 and "nâng cấp" not in again.stderr
    with Store.open(kho) as store:
        assert store.con.execute("SELECT count(*) FROM audit WHERE action = 'upgrade'").fetchone()[0] == 1


def test_a_new_store_is_not_upgraded(tmp_path, son_la):
    res = cli("receive", son_la / "2021-01.xlsx", "--store", tmp_path / "kho")
    assert res.exit_code == 0, res.output
    assert "nâng cấp" not in res.output
    with Store.open(tmp_path / "kho") as store:
        assert store.con.execute("SELECT count(*) FROM audit WHERE action = 'upgrade'").fetchone()[0] == 0


def test_a_refused_copy_sent_again_is_already_there_and_still_exits_1(tmp_path, son_la):
    kho = tmp_path / "kho"
    assert cli("receive", son_la / "2021-01.xlsx", "--store", kho).exit_code == 0
    wb = openpyxl.load_workbook(son_la / "2021-02.xlsx")
    wb["SiSo"]["C2"] = 1569  # BB closing: I001
    bad = tmp_path / "sua" / "2021-02.xlsx"
    bad.parent.mkdir()
    wb.save(bad)
    first = cli("receive", bad, "--store", kho)
    assert first.exit_code == 1
    assert "1 tệp: 0 đã nhận, 0 phiên bản mới, 0 đã có, 1 bị từ chối." in first.stdout
    again = cli("receive", bad, "--store", kho)
    assert again.exit_code == 1, again.output
    assert "SL01 02/2021 – đã có trong kho (cùng nội dung với biên nhận số 2, bản đã bị từ chối" in again.stdout
    assert "1 tệp: 0 đã nhận, 0 phiên bản mới, 1 đã có, 0 bị từ chối." in again.stdout
    assert ("Trong số tệp đã có, 1 tệp trùng với bản đã bị từ chối và vẫn bị từ chối: hãy gửi bản đã sửa lỗi."
            in again.stdout)
    en = cli("--lang", "en", "receive", bad, "--store", kho)
    assert en.exit_code == 1
    assert "1 file: 0 received, 0 new versions, 1 already there, 0 rejected." in en.stdout
    assert "Of the files already there, 1 file is the same as a rejected copy and still rejected" in en.stdout
    log = cli("log", "--store", kho, "--facility", "SL01")
    assert log.exit_code == 0
    with Store.open(kho) as store:
        actions = [r[0] for r in store.con.execute("SELECT action FROM audit WHERE receipt = 2 ORDER BY id")]
    assert actions == ["reject", "duplicate", "duplicate"]
    # the month's accepted copy sent again: already there, no such line, exit 0
    ok = cli("receive", son_la / "2021-01.xlsx", "--store", kho)
    assert ok.exit_code == 0 and "1 đã có, 0 bị từ chối." in ok.stdout and "Trong số tệp đã có" not in ok.stdout
