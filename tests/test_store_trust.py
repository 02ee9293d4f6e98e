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


def test_a_refused_workbook_sent_again_is_counted_refused(tmp_path, son_la):
    kho = tmp_path / "kho"
    april = changed_copy(son_la / "2021-04.xlsx", tmp_path / "loi" / "2021-04.xlsx", "SiSo", "C2", 1569)
    first = cli("receive", april, "--store", kho)
    assert first.exit_code == 1 and "1 tệp: 0 đã nhận, 0 phiên bản mới, 0 đã có, 1 bị từ chối." in first.stdout
    again = cli("receive", april, "--store", kho)
    assert again.exit_code == 1, again.output
    assert "1 tệp: 0 đã nhận, 0 phiên bản mới, 0 đã có, 1 bị từ chối." in again.stdout, again.stdout
    # the English summary follows the same counts
    en = cli("--lang", "en", "receive", april, "--store", kho)
    assert en.exit_code == 1 and "1 file: 0 received, 0 new versions, 0 already there, 1 rejected." in en.stdout, en.stdout


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
    assert v_store.stdout.endswith("12 tệp, 6 lỗi, 0 cảnh báo\n")
    # a draft: the folder's months with errors go in (unchecked); the store's refused ones never do
    forced = cli("report", "--store", kho, "--year", 2021, "--out", tmp_path / "f", "--force")
    assert forced.exit_code == 1, forced.output
    assert "sổ các tháng 04/2021 đến 06/2021 có lỗi, không tính vào số liệu" in forced.output
