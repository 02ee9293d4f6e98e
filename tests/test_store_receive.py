"""Receiving a folder as a user does it: a Ctrl-C at the worst moment, two copies of one month
in one receive, annotated copies that never overwrite each other, a rehabstat.toml named on its
own, every file of a folder accounted for."""
import shutil
from pathlib import Path

import openpyxl
import pytest

from conftest import cli


# ---------------------------------------------------------------- Ctrl-C as a COMMIT ends

class _CommitThenCtrlC:
    """The store's connection, but the `n`-th COMMIT of a receipt is done and then Ctrl-C
    comes (the signal lands after SQLite committed, before Python returned)."""

    def __init__(self, con, n):
        self._con, self._n = con, n

    def __getattr__(self, name):
        return getattr(self._con, name)

    def execute(self, sql, *args):
        if sql == "BEGIN IMMEDIATE":
            self._receipt = False
        if sql.startswith("INSERT INTO receipts"):
            self._receipt = True
        cur = self._con.execute(sql, *args)
        if sql == "COMMIT" and getattr(self, "_receipt", False):
            self._n -= 1
            if self._n == 0:
                raise KeyboardInterrupt
        return cur


def test_ctrl_c_just_after_a_commit_is_a_clean_stop_that_counts_it(tmp_path, nop, monkeypatch):
    from rehabstat.store import inbox
    real = inbox.connect_upgrading
    monkeypatch.setattr(inbox, "connect_upgrading", lambda db: (lambda c, u: (_CommitThenCtrlC(c, 3), u))(*real(db)))
    kho = tmp_path / "kho"
    res = cli("receive", nop, "--store", kho)
    assert res.exit_code == 130, res.output
    assert "Lỗi nội bộ" not in res.output and "no transaction" not in res.output
    # the third receipt was committed whole: it is counted as received
    assert "Đã dừng theo yêu cầu (Ctrl-C): 3 tệp đã vào kho trước khi dừng" in res.output
    monkeypatch.setattr(inbox, "connect_upgrading", real)
    check = cli("check-store", "--store", kho)
    assert check.exit_code == 0, check.output
    again = cli("receive", nop, "--store", kho)
    assert again.exit_code == 0, again.output
    assert "12 tệp: 9 đã nhận, 0 phiên bản mới, 3 đã có, 0 bị từ chối." in again.output


# ---------------------------------------------------------------- two copies of one month in one receive

def corrected_may(folder):
    """The clerk's corrected May beside the first one: SoLieu D2 (KHAM_BENH) 3184 -> 3185."""
    target = folder / "2021-05 (sửa).xlsx"
    wb = openpyxl.load_workbook(folder / "2021-05.xlsx")
    assert wb["SoLieu"]["D2"].value == 3184
    wb["SoLieu"]["D2"] = 3185
    wb.save(target)
    return target


def kham_benh(res) -> str:
    return next(line for line in res.stdout.splitlines() if ",KHAM_BENH,ALL," in line)


def test_two_copies_of_a_month_in_one_receive_are_a_duplicate_as_in_a_folder(tmp_path, son_la, nop):
    shutil.copy(son_la / "rehabstat.toml", nop)
    corrected_may(nop)
    kho = tmp_path / "kho"
    res = cli("receive", nop, "--store", kho)
    assert res.exit_code == 1, res.output
    assert (f"{nop / '2021-05 (sửa).xlsx'}: SL01 05/2021 – bị từ chối: X001 – cơ sở SL01 tháng 05/2021 có hai sổ "
            "trong cùng lần nhận này (sổ kia: 2021-05.xlsx); không sổ nào được nhận làm số liệu của tháng. Chỉ giữ "
            "một sổ cho mỗi tháng rồi nhận lại.") in res.stdout
    assert f"{nop / '2021-05.xlsx'}: SL01 05/2021 – bị từ chối: X001 – cơ sở SL01 tháng 05/2021 có hai sổ" in res.stdout
    assert "– phiên bản mới" not in res.stdout
    assert "13 tệp: 11 đã nhận, 0 phiên bản mới, 0 đã có, 2 bị từ chối." in res.stdout
    # --store says what --data says, word for word, with the same exit code
    for command in (("indicators", "--year", "2021"), ("indicators", "--year", "2021", "--force")):
        data, store = cli(*command, "--data", nop), cli(*command, "--store", kho)
        assert (store.exit_code, store.output) == (data.exit_code, data.output)
    data = cli("indicators", "--year", "2021", "--data", nop)
    assert data.exit_code == 1
    assert ("có hai sổ cho tháng 05/2021 (trùng: 05/2021: 2021-05 (sửa).xlsx, 2021-05.xlsx), không tính vào số "
            "liệu") in data.output
    en = cli("--lang", "en", "history", "--store", kho, "--facility", "SL01", "--month", "05/2021")
    assert ("X001 – facility SL01 has two workbooks for 05/2021 in this receive (the other: 2021-05.xlsx); neither "
            "is taken as the month's data. Keep one workbook per month and receive again.") in en.stdout
    # the same folder again: still two, still refused, still exit 1
    again = cli("receive", nop, "--store", kho)
    assert again.exit_code == 1 and again.stdout.count("bị từ chối: X001") == 2, again.output
    # the wrong one removed: the one left is May's version, as the folder now counts it
    (nop / "2021-05.xlsx").unlink()
    fixed = cli("receive", nop, "--store", kho)
    assert fixed.exit_code == 0, fixed.output
    assert f"{nop / '2021-05 (sửa).xlsx'}: SL01 05/2021 – đã nhận (phiên bản 1)." in fixed.stdout
    data, store = cli("indicators", "--year", "2021", "--data", nop), cli("indicators", "--year", "2021", "--store", kho)
    assert store.exit_code == data.exit_code == 0 and store.stdout == data.stdout
    assert kham_benh(store) == "SL01,facility,2021,KHAM_BENH,ALL,40981"
    assert cli("check-store", "--store", kho).exit_code == 0


def test_an_earlier_version_stays_when_two_new_copies_come_together(tmp_path, son_la, nop):
    kho = tmp_path / "kho"
    assert cli("receive", nop, "--store", kho).exit_code == 0
    later = tmp_path / "later"
    later.mkdir()
    shutil.copy(nop / "2021-05.xlsx", later / "2021-05.xlsx")
    corrected_may(later)
    (later / "2021-05.xlsx").unlink()
    # the version received before, and a corrected one beside it: the corrected one is not taken
    both = tmp_path / "both"
    both.mkdir()
    shutil.copy(nop / "2021-05.xlsx", both)
    shutil.copy(later / "2021-05 (sửa).xlsx", both)
    res = cli("receive", both, "--store", kho)
    assert res.exit_code == 1, res.output
    assert f"{both / '2021-05.xlsx'}: SL01 05/2021 – đã có trong kho" in res.stdout
    assert (f"{both / '2021-05 (sửa).xlsx'}: SL01 05/2021 – bị từ chối: X001 – cơ sở SL01 tháng 05/2021 có hai sổ "
            "trong cùng lần nhận này (sổ kia: 2021-05.xlsx); không sổ nào được nhận làm số liệu của tháng (phiên "
            "bản 1 nhận trước đó vẫn là số liệu của tháng).") in res.stdout
    assert kham_benh(cli("indicators", "--year", "2021", "--store", kho)) == "SL01,facility,2021,KHAM_BENH,ALL,40980"


def test_a_copy_accepted_before_its_twin_came_is_refused_again(tmp_path, son_la, nop, monkeypatch):
    """A receive large enough to be read in several runs: May in a/ is taken before May in b/
    is read; once b/ comes, neither is May's version."""
    from rehabstat.store import inbox
    monkeypatch.setattr(inbox, "CHUNK_FILES", 1)
    (tmp_path / "a").mkdir(), (tmp_path / "b").mkdir()
    shutil.copy(nop / "2021-05.xlsx", tmp_path / "a")
    corrected_may(tmp_path / "a").rename(tmp_path / "b" / "2021-05.xlsx")
    kho = tmp_path / "kho"
    res = cli("receive", tmp_path / "a", tmp_path / "b", "--store", kho)
    assert res.exit_code == 1, res.output
    assert res.stdout.count("SL01 05/2021 – bị từ chối: X001") == 2
    assert f"(sổ kia: {tmp_path / 'b' / '2021-05.xlsx'})" in res.stdout  # one name, two folders: by path
    log = cli("log", "--store", kho)
    assert "2021-05.xlsx: phiên bản 1" in log.stdout and log.stdout.count("từ chối") == 2
    res = cli("indicators", "--year", "2021", "--month", "5", "--store", kho)
    assert res.exit_code == 1 and "có hai sổ cho tháng 05/2021" in res.output
    assert cli("check-store", "--store", kho).exit_code == 0


# ---------------------------------------------------------------- annotated copies never overwrite

def test_annotated_copies_of_two_files_of_one_name_are_both_kept(tmp_path, son_la):
    """Two different broken workbooks named x.xlsx, from two folders, received one after the
    other: each has its own annotated copy, named in its line; a file in --out is never replaced."""
    import hashlib
    for folder, month, size in (("a", "2021-03", 3000), ("b", "2021-04", 5000)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.xlsx").write_bytes((son_la / f"{month}.xlsx").read_bytes()[:size])
    kho = tmp_path / "kho"
    first = cli("receive", tmp_path / "a", "--store", kho)
    assert first.exit_code == 1 and "Bản đánh dấu lỗi gửi lại cơ sở: " + str(kho / "kiem-tra" / "x.kiem-tra.xlsx") \
        in first.stdout, first.output
    before = hashlib.sha256((kho / "kiem-tra" / "x.kiem-tra.xlsx").read_bytes()).hexdigest()
    second = cli("receive", tmp_path / "b", "--store", kho)
    theirs = hashlib.sha256((tmp_path / "b" / "x.xlsx").read_bytes()).hexdigest()[:8]
    other = kho / "kiem-tra" / f"x-{theirs}.kiem-tra.xlsx"
    assert second.exit_code == 1 and f"Bản đánh dấu lỗi gửi lại cơ sở: {other}" in second.stdout, second.output
    assert hashlib.sha256((kho / "kiem-tra" / "x.kiem-tra.xlsx").read_bytes()).hexdigest() == before
    assert sorted(p.name for p in (kho / "kiem-tra").iterdir()) == [other.name, "x.kiem-tra.xlsx"]
    # the user's own file of that name in --out stays as it is
    out = tmp_path / "tra-lai"
    out.mkdir()
    (out / "x.kiem-tra.xlsx").write_bytes(b"mine")
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "x.xlsx").write_bytes((son_la / "2021-05.xlsx").read_bytes()[:4000])
    third = cli("receive", tmp_path / "c", "--store", kho, "--out", out)
    assert third.exit_code == 1
    assert (out / "x.kiem-tra.xlsx").read_bytes() == b"mine"
    made = [p for p in out.iterdir() if p.name != "x.kiem-tra.xlsx"]
    assert len(made) == 1 and f"Bản đánh dấu lỗi gửi lại cơ sở: {made[0]}" in third.stdout


# ---------------------------------------------------------------- a configuration file named on its own

def test_a_rehabstat_toml_named_on_its_own_is_the_configuration(tmp_path, son_la):
    kho = tmp_path / "kho"
    res = cli("receive", son_la / "rehabstat.toml", "--store", kho)
    assert res.exit_code == 0, res.output
    assert f"{son_la / 'rehabstat.toml'}: tệp cấu hình – đã lưu vào kho (phiên bản 1)." in res.stdout
    assert "– bị từ chối" not in res.stdout and not (kho / "kiem-tra").exists()
    assert cli("log", "--store", kho).stdout.count("\n") == 2  # the heading and the configuration, no receipt
    # with the workbooks of its folder, as when the folder is received
    again = cli("receive", son_la / "rehabstat.toml", son_la / "2021-01.xlsx", "--store", kho)
    assert again.exit_code == 0 and "1 tệp: 1 đã nhận" in again.stdout, again.output


def test_another_configuration_file_named_is_a_usage_error(tmp_path, son_la):
    mine = tmp_path / "cau-hinh.toml"
    mine.write_bytes((son_la / "rehabstat.toml").read_bytes())
    kho = tmp_path / "kho"
    res = cli("--lang", "en", "receive", mine, "--store", kho)
    assert res.exit_code == 2
    assert (f"{mine} is a configuration file, not a workbook. For the store to use it, receive the folder that "
            f"holds it (named rehabstat.toml) or use --config {mine}.") in res.output
    assert not kho.exists()  # refused before a store is made
    # a folder's rehabstat.toml that --config overrides: not the configuration, so not taken either
    res = cli("receive", son_la / "rehabstat.toml", "--store", kho, "--config", mine)
    assert res.exit_code == 2 and "là tệp cấu hình, không phải sổ" in res.output and not kho.exists()


# ---------------------------------------------------------------- every file of a folder accounted for

def test_every_file_of_a_folder_is_accounted_for(tmp_path, son_la):
    k3 = tmp_path / "k3"
    (k3 / "con").mkdir(parents=True)
    for m in (1, 2, 3):
        shutil.copy(son_la / f"2021-0{m}.xlsx", k3)
    shutil.copy(son_la / "2021-04.xlsx", k3 / "2021-04")  # the extension lost on the way
    shutil.copy(son_la / "rehabstat.toml", k3 / "con" / "rehabstat.toml")  # a subfolder's
    (k3 / "ghi-chu.txt").write_text("gửi kèm sổ tháng 4\n", encoding="utf-8")
    kho = tmp_path / "kho"
    res = cli("receive", k3, "--store", kho)
    assert res.exit_code == 0, res.output
    assert (f"{k3 / '2021-04'}: bỏ qua – có vẻ là một sổ nhưng tên tệp không có đuôi .xlsx, .xlsm, .xls hoặc .ods "
            "(--data cũng bỏ qua tệp này); không lưu vào kho. Đổi tên thành 2021-04.xlsx rồi nhận lại.") in res.stdout
    assert (f"{k3 / 'con' / 'rehabstat.toml'}: bỏ qua – tệp cấu hình không dùng cho lần nhận này (chỉ tệp "
            "rehabstat.toml của thư mục được nhận, hoặc --config, được dùng, như với --data); không lưu vào kho.") \
        in res.stdout
    assert (f"{k3 / 'ghi-chu.txt'}: bỏ qua – không phải sổ (chỉ nhận tệp .xlsx, .xlsm, .xls, .ods); không lưu vào "
            "kho.") in res.stdout
    assert "6 tệp: 3 đã nhận, 0 phiên bản mới, 0 đã có, 0 bị từ chối, 3 bỏ qua." in res.stdout
    # --data does not count April either: the store agrees with it
    data, store = cli("indicators", "--year", "2021", "--data", k3), cli("indicators", "--year", "2021", "--store", kho)
    assert (store.exit_code, store.output) == (data.exit_code, data.output)
    # named on its own, the file without an extension is a workbook, as before
    one = cli("receive", k3 / "2021-04", "--store", kho)
    assert one.exit_code == 0 and "SL01 04/2021 – đã nhận (phiên bản 1" in one.stdout, one.output


def test_the_samples_folder_names_its_subfolders_configuration_files(tmp_path, son_la):
    samples = son_la.parent
    res = cli("--lang", "en", "receive", samples, "--store", tmp_path / "kho")
    for sub in sorted(p.parent.name for p in samples.glob("*/rehabstat.toml")):
        assert (f"{samples / sub / 'rehabstat.toml'}: skipped – a configuration file this receive does not use (only "
                "the rehabstat.toml of the folder received, or --config, is used, as with --data); not stored.") \
            in res.stdout, res.output
    assert f"{samples / 'README.md'}: skipped – not a workbook" in res.stdout


def test_ctrl_c_while_the_lines_are_printed_says_the_receive_was_done(tmp_path, nop, monkeypatch):
    from rehabstat.store import inbox
    real = inbox.Outcome.line

    def line(self, lang=None):
        if self.source.endswith("2021-03.xlsx"):
            raise KeyboardInterrupt
        return real(self, lang)
    monkeypatch.setattr(inbox.Outcome, "line", line)
    kho = tmp_path / "kho"
    res = cli("--lang", "en", "receive", nop, "--store", kho)
    assert res.exit_code == 130, res.output
    assert (f"Stopped at your request (Ctrl-C) after the receive was done: 12 files went into the store, each whole; "
            f"the list of files was not printed in full: see rehabstat log --store {kho}.") in res.output
