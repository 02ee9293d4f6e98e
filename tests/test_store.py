"""The department's inbox: receive, versions, approval and lock, audit, the store
as a data source; concurrency and a receive killed with SIGKILL."""
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import openpyxl
import pytest

from conftest import ROOT, cli
from rehabstat.store import Change, Store, load_dataset

MONTHS = [f"2021-{m:02d}.xlsx" for m in range(1, 13)]


def sha(path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def changed_copy(src, dst, sheet, cell, value):
    """A resubmission: the facility's workbook with one cell changed (saved by openpyxl)."""
    wb = openpyxl.load_workbook(src)
    wb[sheet][cell] = value
    dst.parent.mkdir(parents=True, exist_ok=True)
    wb.save(dst)
    return dst


def test_scenario_from_the_command_line(tmp_path, nop):
    kho = tmp_path / "kho"
    # 12 months of Sơn La
    res = cli("receive", *[nop / n for n in MONTHS], "--store", kho)
    assert res.exit_code == 0, res.output
    assert res.stdout.count("đã nhận (phiên bản 1)") == 12
    assert "12 tệp: 12 đã nhận, 0 phiên bản mới, 0 đã có, 0 bị từ chối." in res.stdout

    # March again with one figure changed: a new version, and history shows exactly that change
    march = changed_copy(nop / "2021-03.xlsx", tmp_path / "v2" / "2021-03.xlsx", "so_lieu", "C6", 1142)
    res = cli("receive", march, "--store", kho)
    assert res.exit_code == 0, res.output
    assert "SL01 03/2021 – phiên bản mới 2 (thay phiên bản 1)" in res.stdout
    with Store.open(kho) as store:
        h = store.history("SL01", (2021, 3))
    assert [v.version for v in h.versions] == [1, 2]
    assert len(h.comparisons) == 1
    assert h.comparisons[0].changes == [Change("DIEU_TRI_BENH", "ALL", 1141, 1142)]
    res = cli("history", "--store", kho, "--facility", "SL01", "--month", "03/2021")
    assert res.exit_code == 0, res.output
    assert "Tháng 03/2021: phiên bản 1 → phiên bản 2: 1 số liệu thay đổi" in res.stdout
    assert any(line.split() == ["DIEU_TRI_BENH", "ALL", "1141", "1142"] for line in res.stdout.splitlines())

    # approve Q1; a changed February is refused and logged
    res = cli("approve", "--store", kho, "--facility", "SL01", "--year", 2021, "--quarter", 1)
    assert res.exit_code == 0, res.output
    assert "Đã duyệt 3/3 tháng (quý I năm 2021)." in res.stdout
    february = changed_copy(nop / "2021-02.xlsx", tmp_path / "v2" / "2021-02.xlsx", "SoLieu", "D3", 999)
    res = cli("receive", february, "--store", kho)
    assert res.exit_code == 1
    assert "SL01 02/2021 – bị từ chối: tháng 02/2021 của SL01 đã được duyệt và khóa" in res.stdout
    log = cli("log", "--store", kho, "--facility", "SL01").stdout
    assert "từ chối" in log and "duyệt" in log
    with Store.open(kho) as store:
        actions = [r[3] for r in store.log("SL01")]
        assert actions.count("receive") == 12 and actions.count("new-version") == 1
        assert actions.count("approve") == 3 and actions[-1] == "reject"
        assert store.approved().keys() == {("SL01", 2021, 1), ("SL01", 2021, 2), ("SL01", 2021, 3)}
        # the refused version is kept, and history says what it would have changed
        feb = store.history("SL01", (2021, 2))
        assert [(v.version, v.status) for v in feb.versions] == [(1, "accepted"), (None, "rejected")]
        assert feb.comparisons[0].changes == [Change("DIEU_TRI_BENH", "ALL", 1038, 999)]

    # --store and --data on the same accepted files give identical figures
    accepted = tmp_path / "accepted"
    accepted.mkdir()
    for name in MONTHS:
        shutil.copy(march if name == "2021-03.xlsx" else nop / name, accepted / name)
    shutil.copy(ROOT / "samples" / "son-la" / "rehabstat.toml", kho / "rehabstat.toml")
    from_store = cli("indicators", "--store", kho, "--year", 2021)
    from_data = cli("indicators", "--data", accepted, "--year", 2021)
    assert from_store.exit_code == from_data.exit_code == 0
    assert from_store.stdout == from_data.stdout
    assert "SL01,facility,2021,DIEU_TRI_BENH,ALL," in from_store.stdout
    b1 = cli("batch", "--store", kho, "--year", 2021, "--quarter", 1, "--out", tmp_path / "b1")
    b2 = cli("batch", "--data", accepted, "--year", 2021, "--quarter", 1, "--out", tmp_path / "b2")
    assert b1.exit_code == b2.exit_code == 0, b1.output + b2.output
    assert _sheet(tmp_path / "b1" / "TongHop-2021-Q1.xlsx", "ChiSo") == _sheet(tmp_path / "b2" / "TongHop-2021-Q1.xlsx", "ChiSo")

    # documents and the national workbook say which months are approved
    approved = [row for row in _sheet(tmp_path / "b1" / "TongHop-2021-Q1.xlsx", "PheDuyet") if row[1] == "SL01"]
    assert [c.split(" (")[0] for c in approved[0][3:6]] == ["đã duyệt"] * 3 and approved[0][6] == 3
    assert "PheDuyet" not in openpyxl.load_workbook(tmp_path / "b2" / "TongHop-2021-Q1.xlsx", read_only=True).sheetnames
    res = cli("report", "--store", kho, "--year", 2021, "--out", tmp_path / "bc")
    assert res.exit_code == 0, res.output
    from docx import Document
    text = "\n".join(p.text for p in Document(str(tmp_path / "bc" / "BC-SL01-2021.docx")).paragraphs)
    assert ("Số liệu các tháng 01/2021 đến 03/2021 đã được duyệt và khóa trong kho dữ liệu; "
            "các tháng 04/2021 đến 12/2021 chưa được duyệt.") in text
    text = "\n".join(p.text for p in Document(str(tmp_path / "b1" / "BC-Son-La-2021-Q1.docx")).paragraphs)
    assert "Số liệu của mọi tháng trong kỳ đã được duyệt và khóa trong kho dữ liệu." in text

    # every original byte-identical, and check-store agrees
    with Store.open(kho) as store:
        stored = {sha: store.path(p) for sha, p in store.con.execute("SELECT sha256, path FROM receipts")}
    for src in [nop / n for n in MONTHS] + [march, february]:
        assert stored[sha(src)].read_bytes() == src.read_bytes()
    res = cli("check-store", "--store", kho)
    assert res.exit_code == 0 and "Tệp gốc đúng: 14/14." in res.stdout

    # unlock February: the same refused bytes are now accepted as its version 2
    res = cli("unlock", "--store", kho, "--facility", "SL01", "--year", 2021, "--month", 2, "--reason", "Cơ sở sửa số liệu")
    assert res.exit_code == 0 and "SL01 02/2021: đã mở khóa" in res.stdout
    res = cli("receive", february, "--store", kho)
    assert res.exit_code == 0 and "SL01 02/2021 – phiên bản mới 2 (thay phiên bản 1)" in res.stdout
    with Store.open(kho) as store:
        assert store.con.execute("SELECT count(*) FROM receipts").fetchone()[0] == 14
        assert [r[3] for r in store.log("SL01")][-2:] == ["unlock", "accept"]


def _sheet(path, name):
    ws = openpyxl.load_workbook(path, read_only=True)[name]
    return [row for row in ws.iter_rows(values_only=True)]


def test_same_bytes_twice_is_one_receipt(tmp_path, nop):
    kho = tmp_path / "kho"
    first = nop / "2021-01.xlsx"
    again = tmp_path / "gui-lai" / "thang-1.xlsx"
    again.parent.mkdir()
    shutil.copy(first, again)
    res = cli("receive", first, again, "--store", kho)  # twice in one call, under two names
    assert res.exit_code == 0, res.output
    res2 = cli("receive", first, "--store", kho)
    assert "đã có trong kho (cùng nội dung với biên nhận số 1, phiên bản 1" in res2.stdout
    assert res.stdout.count("đã có trong kho") == 1
    with Store.open(kho) as store:
        assert store.con.execute("SELECT count(*) FROM receipts").fetchone()[0] == 1
        assert [r[3] for r in store.log()] == ["receive", "duplicate", "duplicate"]


def test_rejected_file_is_kept_with_its_annotated_copy(tmp_path, nop):
    kho = tmp_path / "kho"
    cli("receive", nop / "2021-01.xlsx", "--store", kho)
    bad = changed_copy(nop / "2021-02.xlsx", tmp_path / "loi" / "2021-02.xlsx", "SiSo", "C2", 1569)  # BB closing
    res = cli("receive", bad, "--store", kho, "--out", tmp_path / "tra-lai")
    assert res.exit_code == 1
    assert "SL01 02/2021 – bị từ chối: " in res.stdout and "I001" in res.stdout
    # the same refused workbook sent again: kept once, and still exit 1 (the month has no accepted workbook)
    again = cli("receive", bad, "--store", kho)
    assert again.exit_code == 1 and "bản đã bị từ chối" in again.stdout, again.output
    assert cli("receive", nop / "2021-01.xlsx", "--store", kho).exit_code == 0  # an accepted one again: 0
    copies = list((tmp_path / "tra-lai").glob("*.kiem-tra.xlsx"))
    assert [c.name for c in copies] == ["SL01-2021-02-2021-02.kiem-tra.xlsx"]
    assert "KiemTra" in openpyxl.load_workbook(copies[0], read_only=True).sheetnames
    with Store.open(kho) as store:
        row = store.con.execute("SELECT status, reason_code, errors, path FROM receipts WHERE id = 2").fetchone()
        assert row[:2] == ("rejected", "errors") and row[2] >= 1
        assert store.path(row[3]).read_bytes() == bad.read_bytes()
        ds = store.dataset()
    # the rejected month is there as a folder would hold it (rows to check, its errors), never counted
    assert list(zip(ds.files["month"], ds.files["status"])) == [(1, "ok"), (2, "rejected")]
    assert list(ds.census["month"].unique()) == [1, 2]
    res = cli("indicators", "--store", kho, "--from", "01/2021", "--to", "02/2021", "--force")
    assert res.exit_code == 1 and "SL01,facility,2021-01..2021-02,DAU_KY,BB,1592" not in res.stdout
    with Store.open(kho) as store:
        times = store.receipt_times()
    assert times[("SL01", 2021, 1)][0] == times[("SL01", 2021, 1)][1]
    assert times[("SL01", 2021, 2)][0] is not None and times[("SL01", 2021, 2)][1] is None  # sent, never accepted


def test_unreadable_file_is_rejected_and_kept(tmp_path):
    kho = tmp_path / "kho"
    fake = tmp_path / "2021-05.xlsx"
    fake.write_text("không phải sổ tính", encoding="utf-8")
    res = cli("receive", fake, "--store", kho)
    assert res.exit_code == 1 and "F001" in res.stdout
    with Store.open(kho) as store:
        (path,) = store.con.execute("SELECT path FROM receipts").fetchone()
    assert path == f"originals/_khong-ro/{sha(fake)}/2021-05.xlsx" and (kho / path).read_bytes() == fake.read_bytes()


def test_store_gives_the_folders_dataset(tmp_path, ha_noi):
    from rehabstat.reading.dataset import read_paths
    from rehabstat.computing.indicators import compute
    from rehabstat.common.periods import make_period
    kho = tmp_path / "kho"
    with Store.open(kho, create=True) as store:
        outcomes = store.receive([ha_noi])
    assert {o.kind for o in outcomes} == {"received"} and len(outcomes) == 42
    a, b = load_dataset(kho), read_paths([ha_noi])
    for attr in ("census", "events", "figures"):
        x = getattr(a, attr).drop(columns=["file", "person"], errors="ignore").sort_values(["unit", "month", "row"])
        y = getattr(b, attr).drop(columns=["file", "person"], errors="ignore").sort_values(["unit", "month", "row"])
        assert x.reset_index(drop=True).equals(y.reset_index(drop=True)), attr
    # learner ids are kept only as salted hashes, one per id
    ids, hashes = b.events["person"].dropna(), a.events["person"].dropna()
    assert ids.nunique() == hashes.nunique() and not set(ids) & set(hashes)
    for level in ("facility", "province", "national"):
        period = make_period(year=2021, quarter=2)
        assert compute(a, period, level).equals(compute(b, period, level))


def test_append_only_is_enforced(tmp_path, nop):
    kho = tmp_path / "kho"
    cli("receive", nop / "2021-01.xlsx", "--store", kho)
    con = sqlite3.connect(kho / "inbox.sqlite")
    for sql in ("DELETE FROM audit", "UPDATE audit SET who = 'x'", "DELETE FROM receipts",
                "UPDATE receipts SET sha256 = 'x'", "UPDATE events SET count = 2", "DELETE FROM figures"):
        with pytest.raises(sqlite3.DatabaseError):
            con.execute(sql)
    con.close()


def test_usage_errors(tmp_path, nop):
    kho = tmp_path / "kho"
    assert cli("history", "--store", kho, "--facility", "SL01").exit_code == 2  # no store
    cli("receive", nop / "2021-01.xlsx", "--store", kho)
    res = cli("history", "--store", kho, "--facility", "XX99")
    assert res.exit_code == 2 and "Các cơ sở có trong kho: SL01" in res.output
    res = cli("approve", "--store", kho, "--facility", "SL01", "--year", 2021, "--quarter", 1)
    assert res.exit_code == 1 and "SL01 02/2021: chưa có sổ được nhận: không duyệt" in res.stdout
    assert cli("unlock", "--store", kho, "--facility", "SL01", "--year", 2021, "--reason", " ").exit_code == 2
    assert cli("indicators", "--store", kho, "--data", nop, "--year", 2021).exit_code == 2


# ---------------------------------------------------------------- two clerks at once, and SIGKILL

def _run(code, *args):
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code), *map(str, args)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_receives_at_once(tmp_path, nop):
    kho = tmp_path / "kho"
    files = [nop / n for n in MONTHS]
    code = """
        import sys
        from rehabstat.store import Store
        with Store.open(sys.argv[1], create=True) as s:
            for o in s.receive(sys.argv[2:], jobs=1):
                print(o.kind)
    """
    procs = [_run(code, kho, *files), _run(code, kho, *reversed(files))]
    outs = [p.communicate(timeout=300) for p in procs]
    assert all(p.returncode == 0 for p in procs), outs
    kinds = sorted(k for out, _ in outs for k in out.split())
    assert kinds.count("received") == 12 and kinds.count("duplicate") == 12
    with Store.open(kho) as store:
        assert store.con.execute("SELECT count(*), min(version), max(version) FROM receipts").fetchone() == (12, 1, 1)
        assert store.check().clean


KILL_POINTS = {  # killed at the second file's call of this method
    "in-transaction": "_audit",  # its receipt and rows are inserted, not committed
    "before-placing": "_place",  # staged in tmp/ and read, not yet in its place
}


@pytest.mark.parametrize("point", sorted(KILL_POINTS))
def test_receive_killed_mid_way_leaves_a_consistent_store(tmp_path, nop, point):
    kho = tmp_path / "kho"
    files = [nop / n for n in MONTHS[:3]]
    method = KILL_POINTS[point]
    code = f"""
        import os, signal, sys
        from rehabstat.store import Store, inbox
        calls = []
        real = inbox.Store.{method}
        def patched(self, *a, **k):
            calls.append(1)
            if len(calls) == 2:
                os.kill(os.getpid(), signal.SIGKILL)
            return real(self, *a, **k)
        inbox.Store.{method} = patched
        with Store.open(sys.argv[1], create=True) as s:
            s.receive(sys.argv[2:], jobs=1)
    """
    proc = _run(code, kho, *files)
    proc.communicate(timeout=300)
    assert proc.returncode == -9
    res = cli("check-store", "--store", kho)
    assert res.exit_code == 1, res.output  # the staged copies the killed receive left are named
    assert "còn lại từ một lần nhận bị ngắt; xóa bằng: rehabstat check-store" in res.stdout
    assert "Cơ sở dữ liệu: toàn vẹn. Tệp gốc đúng: 1/1." in res.stdout
    if point == "in-transaction":  # February's original is in place, its receipt is not
        assert "không có biên nhận" in res.stdout
    else:
        assert "tệp tạm" in res.stdout and "không có biên nhận" not in res.stdout
    res = cli("receive", *files, "--store", kho)
    assert res.exit_code == 0, res.output
    assert "SL01 02/2021 – đã nhận (phiên bản 1)" in res.stdout and res.stdout.count("đã có trong kho") == 1
    res = cli("check-store", "--store", kho)
    assert res.exit_code == 0 and "Tệp gốc đúng: 3/3." in res.stdout and "không có biên nhận" not in res.stdout


def test_rules_at_receipt_meet_the_stored_months(tmp_path, nop):
    """A month received alone is checked among the stored months (ids hashed on both sides):
    its issues are those that validating the three workbooks together gives it."""
    from rehabstat.commands.validate import validate_paths
    kho = tmp_path / "kho"
    cli("receive", nop / "2021-01.xlsx", nop / "2021-02.xlsx", "--store", kho)
    res = cli("receive", nop / "2021-03.xlsx", "--store", kho)
    assert res.exit_code == 0 and "SL01 03/2021 – đã nhận (phiên bản 1)." in res.stdout
    together = validate_paths([nop / f"2021-0{m}.xlsx" for m in (1, 2, 3)])
    expected = sorted(i.code for i in together.issues if i.file == str(nop / "2021-03.xlsx"))
    with Store.open(kho) as store:
        got = sorted(r[0] for r in store.con.execute("SELECT code FROM issues WHERE receipt = 3"))
    assert got == expected
def test_not_a_monthly_workbook_is_skipped_not_stored(tmp_path):
    kho = tmp_path / "kho"
    targets = ROOT / "samples" / "targets" / "son-la-2022.xlsx"
    res = cli("receive", targets, "--store", kho)
    assert res.exit_code == 0 and "son-la-2022.xlsx: bỏ qua – không phải sổ hằng tháng" in res.stdout
    with Store.open(kho) as store:
        assert store.con.execute("SELECT count(*) FROM receipts").fetchone()[0] == 0
        assert [r[3] for r in store.log()] == ["skip"]
    assert not (kho / "originals").exists()


def test_a_file_too_big_is_refused_and_logged_not_stored(tmp_path, nop, monkeypatch):
    import rehabstat.reading.safety
    monkeypatch.setattr(rehabstat.reading.safety, "MAX_FILE_BYTES", 1000)
    kho = tmp_path / "kho"
    res = cli("receive", nop / "2021-01.xlsx", "--store", kho)
    assert res.exit_code == 1
    assert "bị từ chối: tệp 21.132 byte, quá lớn cho một sổ hằng tháng; không lưu vào kho." in res.stdout
    with Store.open(kho) as store:
        assert store.con.execute("SELECT count(*) FROM receipts").fetchone()[0] == 0
        assert [r[3] for r in store.log()] == ["reject"]


def test_sent_day_kept_and_none_where_thongtin_has_none(tmp_path):
    """Timeliness: the store keeps ThongTin's "Ngày gửi"; a workbook without one has none, as
    in the folder (the day it came into the store is not the day it was sent)."""
    import datetime as dt
    from rehabstat.reading.dataset import read_paths
    folder = ROOT / "samples" / "ninh-binh-2025"
    kho = tmp_path / "kho"
    with Store.open(kho, create=True) as store:
        assert {o.kind for o in store.receive([folder])} == {"received"}
        ds = store.dataset()
    got = {(u, y, m): s for u, y, m, s in zip(ds.files["unit"], ds.files["year"], ds.files["month"], ds.files["sent"])}
    read = read_paths([folder]).files
    given = {(u, y, m): s for u, y, m, s in zip(read["unit"], read["year"], read["month"], read["sent"])}
    assert len(got) == len(given) == 36
    with_day = {k for k, s in given.items() if isinstance(s, dt.date)}
    assert with_day and len(with_day) < 36
    assert all(got[k] == given[k] for k in with_day)
    assert all(got[k] is None for k in set(given) - with_day)


def test_log_approve_unlock_of_a_mistyped_facility_or_province_are_refused(tmp_path, nop):
    kho = tmp_path / "kho"
    assert cli("receive", nop / "2021-01.xlsx", nop / "2021-02.xlsx", "--store", kho).exit_code == 0
    res = cli("log", "--store", kho, "--facility", "SL1")  # one digit short: not an empty audit
    assert res.exit_code == 2 and res.stdout == ""
    assert "Kho không có sổ nào của cơ sở SL1. Các cơ sở có trong kho: SL01." in res.output
    res = cli("log", "--store", kho, "--province", "Son Laa")
    assert res.exit_code == 2 and "'Son Laa' không phải tên tỉnh/thành phố nào; có phải: Sơn La" in res.output
    res = cli("log", "--store", kho, "--province", "Hà Nam", "--lang", "en")  # a province, none of it here
    assert res.exit_code == 2 and "The store holds no facility of province 'Hà Nam'. Provinces: Sơn La." in res.output
    for args in (["--facility", "sl-01"], ["--province", "son la"]):
        res = cli("log", "--store", kho, *args)
        assert res.exit_code == 0 and res.stdout.count("SL01") == 2, res.output
    for command in (["approve"], ["unlock", "--reason", "sửa"]):  # the same words for approval and unlock
        res = cli(*command, "--store", kho, "--province", "Son Laa", "--year", "2021", "--month", "1")
        assert res.exit_code == 2 and "'Son Laa' không phải tên tỉnh/thành phố nào; có phải: Sơn La" in res.output


def test_a_refused_receive_makes_no_store(tmp_path, nop):
    """A path that does not exist, or a folder without a workbook: exit 2, and no empty store
    is left where --store pointed (a mistyped --store would otherwise become a new store)."""
    empty = tmp_path / "trong"
    empty.mkdir()
    (empty / "ghi-chu.txt").write_text("chưa có sổ")
    for args, said in (([nop / "2021-01.xlsx", tmp_path / "khong-co.xlsx"], f"Không tìm thấy: {tmp_path / 'khong-co.xlsx'}"),
                       ([empty], f"Không có sổ nào (.xlsx, .xlsm, .xls, .ods) trong {empty}.")):
        res = cli("receive", *args, "--store", tmp_path / "kho")
        assert res.exit_code == 2 and said in res.output, res.output
        assert not (tmp_path / "kho").exists()
    assert cli("receive", nop / "2021-01.xlsx", "--store", tmp_path / "kho").exit_code == 0
    assert (tmp_path / "kho" / "inbox.sqlite").is_file()
