"""The store commands (receive, history, approve, unlock, log, check-store) in English with
--lang en: every line, on real-looking Sơn La workbooks; the Vietnamese unchanged by default;
and --lang never changes what the store keeps."""
import json
import re
import shutil
import sqlite3

import openpyxl
import pytest

from conftest import ROOT, cli
from rehabstat.common.issues import _Missing
from rehabstat.common.rules import RULES

# a Vietnamese letter with a diacritic (Latin-1 supplement, Latin extended, Vietnamese block)
VI_LETTER = re.compile(r"[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]")  # not × ÷
NAMES = ("Sơn La",)  # names of provinces and facilities may keep their letters


from test_store import changed_copy  # noqa: E402 - a resubmission: one cell changed


@pytest.fixture
def files(tmp_path, son_la):
    """Jan-Apr as sent, March resent with one figure changed, April with a census error, February
    changed (refused once February is locked), and a file that is no workbook."""
    nop = tmp_path / "nop"
    nop.mkdir()
    for m in (1, 2, 3):
        shutil.copy(son_la / f"2021-{m:02d}.xlsx", nop / f"2021-{m:02d}.xlsx")
    return {
        "months": [nop / f"2021-{m:02d}.xlsx" for m in (1, 2, 3)],
        "march": changed_copy(son_la / "2021-03.xlsx", tmp_path / "v2" / "2021-03.xlsx", "so_lieu", "C6", 1142),
        "april": changed_copy(son_la / "2021-04.xlsx", tmp_path / "loi" / "2021-04.xlsx", "SiSo", "C2", 1569),
        "february": changed_copy(son_la / "2021-02.xlsx", tmp_path / "v2" / "2021-02.xlsx", "SoLieu", "D3", 999),
        "junk": _junk(tmp_path / "rac" / "x.xlsx"),
    }


def _junk(path):
    path.parent.mkdir()
    path.write_bytes(b"not a workbook at all")
    return path


def _session(lang, kho, f):
    """Every store command on one store; [(command, exit code, stdout+stderr)]."""
    out = []

    def run(*args):
        res = cli("--lang", lang, *args)
        out.append((args[0], res.exit_code, res.output))
        return res

    run("receive", *f["months"], "--store", kho)
    run("receive", f["months"][0], "--store", kho)  # the same bytes again
    run("receive", f["march"], "--store", kho)  # a resent month
    run("receive", f["april"], "--store", kho)  # a workbook with errors
    run("receive", f["junk"], "--store", kho)  # no workbook at all
    run("approve", "--store", kho, "--facility", "SL01", "--year", 2021, "--quarter", 1)
    run("approve", "--store", kho, "--province", "Sơn La", "--year", 2021, "--month", 1)  # again
    run("approve", "--store", kho, "--facility", "SL01", "--year", 2021, "--month", 5)  # no workbook
    run("receive", f["february"], "--store", kho)  # a locked month
    run("history", "--store", kho, "--facility", "SL01")
    run("unlock", "--store", kho, "--facility", "SL01", "--year", 2021, "--month", 2, "--reason", "Corrected figures")
    run("unlock", "--store", kho, "--facility", "SL01", "--year", 2021, "--month", 6, "--reason", "No reason")
    run("receive", f["february"], "--store", kho)  # accepted after the unlock
    run("log", "--store", kho)
    run("check-store", "--store", kho)
    return out


def _no_vietnamese(text, allowed=NAMES):
    for name in sorted(allowed, key=len, reverse=True):
        text = text.replace(name, "")
    return [line for line in text.splitlines() if VI_LETTER.search(line)]


def test_every_store_command_in_english(tmp_path, files):
    kho = tmp_path / "kho"
    out = _session("en", kho, files)
    assert [(cmd, code) for cmd, code, _ in out] == [
        ("receive", 0), ("receive", 0), ("receive", 0), ("receive", 1), ("receive", 1), ("approve", 0),
        ("approve", 0), ("approve", 1), ("receive", 1), ("history", 0), ("unlock", 0), ("unlock", 1),
        ("receive", 0), ("log", 0), ("check-store", 0)]
    text = [o for _, _, o in out]
    assert f"{files['months'][0]}: SL01 01/2021 – received (version 1).\n" in text[0]
    assert text[0].endswith("3 files: 3 received, 0 new versions, 0 already there, 0 rejected.\n")
    assert f"{files['months'][0]}: SL01 01/2021 – already in the store (same content as receipt 1, version 1, received " \
        in text[1] and "); not received again.\n" in text[1]
    assert "1 file: 0 received, 0 new versions, 1 already there, 0 rejected." in text[1]
    assert f"{files['march']}: SL01 03/2021 – new version 2 (replaces version 1).\n" in text[2]
    assert "1 file: 0 received, 1 new version, 0 already there, 0 rejected." in text[2]
    assert (f"{files['april']}: SL01 04/2021 – rejected: 2 errors – I001 SiSo!C2: Category BB: closing is 1,569 but "
            "opening 1,590 + in 102 − out 71 = 1,621 (off by -52) | I003 SiSo!D2: Category BB: present 1,613 + "
            "absent 8 = 1,621, not the closing 1,569. Annotated copy to send back to the facility: ") in text[3]
    assert (f"{files['junk']}: (facility and month unknown) – rejected: 1 error – F001 (whole file): The file is not an "
            "Excel/LibreOffice workbook (the content is not a spreadsheet). Save it again as .xlsx.") in text[4]
    assert text[5].splitlines() == ["SL01 01/2021: approved version 1, locked", "SL01 02/2021: approved version 1, locked",
                                    "SL01 03/2021: approved version 2, locked", "Approved 3/3 months (Q1 2021)."]
    assert re.fullmatch(r"SL01 01/2021: already approved \(\d\d/\d\d/\d{4} \d\d:\d\d, \S+\)\n"
                        r"Approved 0/1 month \(01/2021\); 1 month approved before\.\n", text[6])
    assert text[7] == "SL01 05/2021: no accepted workbook: not approved\nApproved 0/1 month (05/2021).\n"
    assert "SL01 02/2021 – rejected: 02/2021 of SL01 is approved and locked (" in text[8]
    assert (f"); the new copy differs from the approved one. To receive it, unlock first: rehabstat unlock --store {kho} "
            "--facility SL01 --month 2 --year 2021 --reason \"...\"") in text[8]
    history = text[9].splitlines()
    assert history[0] == "Facility SL01: 6 workbooks sent"  # not the file with no facility
    assert history[1].split() == ["Month", "Version", "Status", "Received", "Received", "by", "Original", "file",
                                  "Errors", "Warnings", "sha256"]
    assert [line.split()[:3] for line in history[2:8]] == [
        ["01/2021", "1", "accepted"], ["02/2021", "1", "accepted"], ["02/2021", "—", "rejected"],
        ["03/2021", "1", "accepted"], ["03/2021", "2", "accepted"], ["04/2021", "—", "rejected"]]
    assert any(line.startswith("  Receipt 5 (04/2021, 2021-04.xlsx) rejected: 2 errors – I001 SiSo!C2: Category BB")
               for line in history)
    assert any(re.fullmatch(r"  03/2021: approved version 2, locked \(.*\)", line) for line in history)
    assert "Month 02/2021: version 1 → the rejected copy (receipt 7): 1 figure changed" in history
    assert "Month 03/2021: version 1 → version 2: 1 figure changed" in history
    assert ["Indicator", "Category", "Before", "After"] in [line.split() for line in history]
    assert ["DIEU_TRI_BENH", "ALL", "1141", "1142"] in [line.split() for line in history]
    assert text[10] == "SL01 02/2021: unlocked\nUnlocked 1/1 month (02/2021).\n"
    assert text[11] == "SL01 06/2021: not approved (not locked)\nUnlocked 0/1 month (06/2021).\n"
    assert "SL01 02/2021 – new version 2 (replaces version 1)." in text[12]
    log = [line.split(None, 4) for line in text[13].splitlines()]
    assert text[13].splitlines()[0].split() == ["No.", "At", "By", "Action", "Facility", "Month", "Receipt", "Details"]
    details = text[13].splitlines()[1:]
    assert any(re.search(r"received +SL01 +01/2021 +1 +2021-01\.xlsx: version 1$", d) for d in details)
    assert any(re.search(r"duplicate +SL01 +01/2021 +1 +2021-01\.xlsx: same content as receipt 1$", d) for d in details)
    assert any(re.search(r"new version +SL01 +03/2021 +4 +2021-03\.xlsx: version 2 \(replaces version 1\)$", d)
               for d in details)
    assert any(re.search(r"rejected +SL01 +04/2021 +5 +2021-04\.xlsx: 2 errors – I001 SiSo!C2: Category BB", d)
               for d in details)
    assert any(re.search(r"rejected +6 +x\.xlsx: 1 error – F001 \(whole file\): The file is not", d) for d in details)
    assert any(re.search(r"approved +SL01 +03/2021 +4 +approved version 2$", d) for d in details)
    assert any(re.search(r"unlocked +SL01 +02/2021 +Corrected figures$", d) for d in details)
    assert any(re.search(r"accepted \(after unlock\) +SL01 +02/2021 +7 +2021-02\.xlsx: accepted after the unlock, "
                         r"version 2 \(replaces version 1\)$", d) for d in details)
    # header; receive 3, duplicate, new version, 2 rejects (errors), 3 approvals, the locked refusal, unlock, accept
    assert len(log) == 1 + 3 + 1 + 1 + 2 + 3 + 1 + 1 + 1
    assert text[14] == "Database: intact. Originals correct: 7/7.\n"
    for cmd, _, o in out:
        assert _no_vietnamese(o) == [], cmd


def test_store_errors_in_english(tmp_path, files):
    kho = tmp_path / "kho"
    cli("receive", files["months"][0], "--store", kho)
    cases = [
        (("log", "--store", tmp_path / "none"),
         f"There is no store at {tmp_path / 'none'} (inbox.sqlite is missing). Create one with: rehabstat receive "
         f"FILE... --store {tmp_path / 'none'}"),
        (("receive", tmp_path / "missing.xlsx", "--store", kho), f"Not found: {tmp_path / 'missing.xlsx'}"),
        (("receive", tmp_path / "nop" / "2021-01.xlsx", "--store", files["months"][1]),
         f"--store {files['months'][1]} is a file, not a folder."),
        (("history", "--store", kho, "--facility", "XX99"),
         "The store holds no workbook of facility XX99. Facilities in the store: SL01."),
        (("history", "--store", kho, "--facility", "SL01", "--month", "13/2021"), "--month '13/2021': the month must be 1 to 12."),
        (("approve", "--store", kho, "--year", 2021), "Choose one: --facility CODE or --province NAME."),
        (("approve", "--store", kho, "--facility", "XX99", "--year", 2021),
         "The store holds no accepted workbook of facility XX99. Facilities: SL01."),
        (("approve", "--store", kho, "--province", "Hà Giang", "--year", 2021),
         "The store holds no facility of province 'Hà Giang'. Provinces: Sơn La."),
        (("unlock", "--store", kho, "--facility", "SL01", "--year", 2021, "--reason", " "),
         "Give the reason for the unlock: --reason \"...\"."),
        (("indicators", "--store", kho, "--data", tmp_path, "--year", 2021), "Choose --data or --store, not both."),
    ]
    (tmp_path / "empty").mkdir()
    cases.append((("receive", tmp_path / "empty", "--store", kho),
                  f"No workbook (.xlsx, .xlsm, .xls, .ods) in {tmp_path / 'empty'}."))
    for args, message in cases:
        res = cli("--lang", "en", *args)
        assert res.exit_code == 2, (args, res.output)
        assert res.output == f"Error: {message}\n", args
        vi = cli(*args)
        assert vi.exit_code == 2 and vi.output.startswith("Lỗi: ") and VI_LETTER.search(vi.output[5:]), args


def test_vietnamese_by_default(tmp_path, files):
    kho = tmp_path / "kho"
    text = [o for _, _, o in _session("vi", kho, files)]
    assert "SL01 01/2021 – đã nhận (phiên bản 1)." in text[0]
    assert "3 tệp: 3 đã nhận, 0 phiên bản mới, 0 đã có, 0 bị từ chối." in text[0]
    assert "SL01 04/2021 – bị từ chối: 2 lỗi – I001 SiSo!C2: Diện BB: cuối kỳ ghi 1.569 nhưng đầu kỳ 1.590" in text[3]
    assert "Đã duyệt 3/3 tháng (quý I năm 2021)." in text[5]
    assert "Cơ sở SL01: 6 sổ đã nộp" in text[9]
    assert text[9].splitlines()[1].split()[:3] == ["Tháng", "Bản", "Trạng"]
    assert "Đã mở khóa 1/1 tháng (tháng 02 năm 2021)." in text[10]
    assert text[13].splitlines()[0].split()[:4] == ["STT", "Lúc", "Người", "Việc"]
    assert text[14].startswith("Cơ sở dữ liệu: toàn vẹn. Tệp gốc đúng: 7/7.")


def _kept(kho):
    """What the store keeps, without the moments and the store's own path."""
    con = sqlite3.connect(kho / "inbox.sqlite")
    root = str(kho)
    moment = re.compile(r"\d{2}/\d{2}/\d{4} \d{2}:\d{2}")  # local_time: the two sessions may straddle a minute
    q = lambda sql: [tuple(moment.sub("TIME", str(v).replace(root, "KHO")) for v in row)  # noqa: E731
                     for row in con.execute(sql)]
    kept = {
        "receipts": q("SELECT sha256, original_name, path, unit, year, month, status, version, reason_params, "
                      "reason_code, errors, warnings, read_status, annotated, reason FROM receipts ORDER BY id"),
        "issues": q("SELECT * FROM issues ORDER BY rowid"),
        "audit": q("SELECT action, receipt, unit, year, month, detail_params, detail FROM audit ORDER BY id"),
        "approvals": q("SELECT unit, year, month, action, reason FROM approvals ORDER BY rowid"),
    }
    con.close()
    copies = sorted((kho / "kiem-tra").glob("*.xlsx"))
    kept["annotated"] = [(c.name, [r for ws in openpyxl.load_workbook(c, read_only=True) for r in ws.iter_rows(values_only=True)
                                   if ws.title == "KiemTra"]) for c in copies]
    return kept


class TurningClock:
    """The store's clock in a test: each reading one minute after the one before, from the same
    moment for each session (an approval's time is written into a refusal's reason, so two
    sessions compared must have read the same clock; the wall clock may turn a minute between)."""

    def __init__(self, monkeypatch):
        import rehabstat.store.inbox as inbox
        self.start()
        monkeypatch.setattr(inbox, "_now", self.now)

    def start(self):
        import datetime as dt
        self.moment = dt.datetime(2021, 6, 30, 8, 59, 30, tzinfo=dt.timezone.utc)

    def now(self):
        import datetime as dt
        self.moment += dt.timedelta(minutes=1)
        return self.moment.isoformat(timespec="microseconds")


def test_lang_does_not_change_what_is_stored(tmp_path, files, monkeypatch):
    clock = TurningClock(monkeypatch)  # every reading turns the minute: the comparison must not see it
    _session("vi", tmp_path / "vi" / "kho", files)
    clock.start()
    _session("en", tmp_path / "en" / "kho", files)
    vi, en = _kept(tmp_path / "vi" / "kho"), _kept(tmp_path / "en" / "kho")
    assert vi == en
    # what the store keeps is the catalogue's keys and values, no words of either language
    assert all(r[14] == "None" for r in en["receipts"]) and all(r[6] == "None" for r in en["audit"])
    errors = [json.loads(r[8]) for r in en["receipts"] if r[9] == "errors"]
    assert {"code": "I001", "severity": "error", "sheet": "SiSo", "row": 2, "col": "C", "field": "closing",
            "values": {"category": "BB", "found": {"$n": 1569}, "opening": {"$n": 1590}, "inflow": {"$n": 102},
                       "outflow": {"$n": 71}, "expected": {"$n": 1621}, "diff": {"$+": -52}}} in errors[0]["first"]
    assert errors[0]["$errors"] == 2
    details = [json.loads(r[5]) for r in en["audit"]]
    assert {"$p": "audit.unlock", "values": {"reason": "Corrected figures"}} in details
    assert {"$p": "audit.approve", "values": {"version": 2}} in details
    assert en["annotated"] and any(en["annotated"][0][1])


def test_commands_reading_the_store_in_english(tmp_path, files, son_la):
    """validate, report and batch on a store received in Vietnamese (its messages kept so) speak English."""
    kho = tmp_path / "kho"
    res = cli("receive", *files["months"], files["april"], "--store", kho)
    assert res.exit_code == 1 and "bị từ chối: 2 lỗi – I001" in res.stdout
    shutil.copy(son_la / "rehabstat.toml", kho / "rehabstat.toml")
    allowed = NAMES + ("Cơ sở Điều trị nghiện ma túy tỉnh Sơn La",)

    res = cli("--lang", "en", "validate", "--store", kho)
    assert res.exit_code == 1
    lines = [line.split(None, 3) for line in res.stdout.splitlines()]
    assert ["SiSo!C2", "I001", "error", "Category BB: closing is 1,569 but opening 1,590 + in 102 − out 71 = 1,621 "
            "(off by -52)."] in lines
    assert ["SiSo!D2", "I003", "error", "Category BB: present 1,613 + absent 8 = 1,621, not the closing 1,569."] in lines
    assert res.stdout.endswith("4 files, 2 errors, 0 warnings\n") and _no_vietnamese(res.output, allowed) == []
    res = cli("--lang", "en", "validate", "--store", kho, "--format", "json")
    assert '"message": "Category BB: present 1,613 + absent 8 = 1,621, not the closing 1,569."' in res.stdout
    res = cli("validate", "--store", kho)
    assert "Diện BB: có mặt 1.613 + vắng mặt 8 = 1.621, khác cuối kỳ 1.569." in res.stdout

    res = cli("--lang", "en", "report", "--store", kho, "--year", 2021, "--month", 4, "--out", tmp_path / "bc")
    assert res.exit_code == 1
    assert res.output.startswith("Data error: No data for 04/2021.\n  • No usable workbook for 04/2021 of SL01.\n")
    assert ("  I001 2021-04.xlsx, SiSo!C2: Category BB: closing is 1,569 but opening 1,590 + in 102 − out 71 = 1,621 "
            "(off by -52).\n") in res.output
    assert _no_vietnamese(res.output, allowed) == []

    res = cli("--lang", "en", "batch", "--store", kho, "--year", 2021, "--month", 4, "--out", tmp_path / "b")
    assert res.exit_code == 1
    assert "Summary of 04/2021\n" in res.output and "no usable workbook in the period: no report" in res.output
    assert _no_vietnamese(res.output, allowed) == []


def test_skipped_file_and_damaged_store_in_english(tmp_path, files):
    kho = tmp_path / "kho"
    res = cli("--lang", "en", "receive", ROOT / "samples" / "targets" / "son-la-2022.xlsx", files["months"][0],
              "--store", kho)
    assert res.exit_code == 0
    assert (f"{ROOT / 'samples' / 'targets' / 'son-la-2022.xlsx'}: skipped – not a monthly workbook (a targets workbook, "
            "an annotated copy or a file rehabstat wrote); not stored.\n") in res.stdout
    assert res.stdout.endswith("2 files: 1 received, 0 new versions, 0 already there, 0 rejected, 1 skipped.\n")
    with sqlite3.connect(kho / "inbox.sqlite") as con:
        path = con.execute("SELECT path FROM receipts").fetchone()[0]
    original = kho / path
    original.chmod(0o644)
    original.write_bytes(original.read_bytes() + b"x")  # the original changed behind the store's back
    (kho / "originals" / "stray.xlsx").write_bytes(b"x")
    (kho / "tmp" / ".nhan-1.xlsx").write_bytes(b"x")
    res = cli("--lang", "en", "check-store", "--store", kho)
    assert res.exit_code == 1
    assert res.stdout.splitlines() == [
        f"ERROR: Receipt 1 (2021-01.xlsx): the original {path} was changed (its sha256 differs).",
        "Note: File originals/stray.xlsx has no receipt (a receive was interrupted); receive that file again to finish.",
        f"Note: 1 temporary file (1 byte) in {kho / 'tmp'} left by an interrupted receive; delete it with: "
        f"rehabstat check-store --store {kho} --clean (the next receive does it too).",
        "Database: intact. Originals correct: 0/1."]
    res = cli("check-store", "--store", kho)
    assert res.stdout.splitlines()[0] == f"LỖI: Biên nhận số 1 (2021-01.xlsx): tệp gốc {path} đã bị thay đổi (sha256 khác)."
    original.unlink()
    res = cli("--lang", "en", "check-store", "--store", kho)
    assert res.stdout.splitlines()[0] == f"ERROR: Receipt 1 (2021-01.xlsx): the original {path} is missing."


def _said_cases():
    """(what the store says, its Vietnamese, its English), made as the store makes them."""
    from rehabstat.common.catalogue import text
    from rehabstat.common.issues import Count, issue, phrase
    from rehabstat.common.periods import make_period
    from rehabstat.store import Outcome
    from rehabstat.store.said import ErrorsReason
    newer = phrase("store.err.open_check", root="kho", reason=phrase("store.err.newer", found=9, known=3))
    big = Outcome("nop/a.xlsx", "rejected", reason=phrase("store.reason.too_big", size=Count(60_000_000)))
    unreadable = Outcome("nop/a.xlsx", "rejected", reason=phrase("store.reason.unreadable", error="Permission denied"))
    again = Outcome("a.xlsx", "duplicate", 4, "SL01", 2021, 2, reason=phrase(
        "store.reason.duplicate", receipt=4, what=phrase("store.rejected_copy"), at="01/03/2021 08:00"))
    warned = Outcome("a.xlsx", "received", 1, "SL01", 2021, 2, 1, warnings=2)
    first = (issue("I001", sheet="SiSo", row=4, category="BB", found=Count(3), opening=Count(1), inflow=Count(1),
                   outflow=Count(0), expected=Count(2), diff=Count(1)),
             issue("F005", file="a.xlsx", sheet=None), issue("I003", sheet="SiSo", column="D", category="BB",
                                                           present=Count(1), absent=Count(0), total=Count(1),
                                                           closing=Count(2)))
    errors = Outcome("a.xlsx", "rejected", 9, "SL01", 2021, 2, reason=ErrorsReason(7, first))
    q1 = make_period(year=2021, quarter=1)
    return [
        (lambda lang: newer.shown(lang),
         "Không mở được kho kho: kho được tạo bởi phiên bản rehabstat mới hơn (lược đồ 9, phiên bản này đọc được lược "
         "đồ 3); hãy cập nhật rehabstat. Kiểm tra bằng: rehabstat check-store --store kho",
         "Cannot open the store kho: the store was made by a newer rehabstat (schema 9, this version reads schema 3); "
         "update rehabstat. Check it with: rehabstat check-store --store kho"),
        (lambda lang: text("store.err.open", lang, root="kho", reason=phrase("store.err.not_store")),
         "Không mở được kho kho: tệp cơ sở dữ liệu không phải kho của rehabstat.",
         "Cannot open the store kho: the database file is not a rehabstat store."),
        (big.line, "nop/a.xlsx: (không rõ cơ sở, tháng) – bị từ chối: tệp 60.000.000 byte, quá lớn cho một sổ hằng "
                   "tháng; không lưu vào kho.",
         "nop/a.xlsx: (facility and month unknown) – rejected: a file of 60,000,000 bytes, too big for a monthly "
         "workbook; not stored."),
        (unreadable.line, "nop/a.xlsx: (không rõ cơ sở, tháng) – bị từ chối: không đọc được tệp (Permission denied); "
                          "không lưu vào kho.",
         "nop/a.xlsx: (facility and month unknown) – rejected: the file cannot be read (Permission denied); not stored."),
        (again.line, "a.xlsx: SL01 02/2021 – đã có trong kho (cùng nội dung với biên nhận số 4, bản đã bị từ chối, "
                     "nhận lúc 01/03/2021 08:00); không nhận lại.",
         "a.xlsx: SL01 02/2021 – already in the store (same content as receipt 4, the rejected copy, received "
         "01/03/2021 08:00); not received again."),
        (warned.line, "a.xlsx: SL01 02/2021 – đã nhận (phiên bản 1, 2 cảnh báo).",
         "a.xlsx: SL01 02/2021 – received (version 1, 2 warnings)."),
        (errors.line, "a.xlsx: SL01 02/2021 – bị từ chối: 7 lỗi – I001 SiSo, dòng 4: Diện BB: cuối kỳ ghi 3 nhưng đầu "
                      "kỳ 1 + tăng 1 − giảm 0 = 2 (chênh 1) | F005 (cả tệp): " + first[1].text("vi").rstrip(".")
         + " | I003 SiSo, cột D: Diện BB: có mặt 1 + vắng mặt 0 = 1, khác cuối kỳ 2 … và 4 lỗi khác.",
         "a.xlsx: SL01 02/2021 – rejected: 7 errors – I001 SiSo, row 4: Category BB: closing is 3 but opening 1 + in 1 "
         "− out 0 = 2 (off by 1) | F005 (whole file): " + first[1].text("en").rstrip(".")
         + " | I003 SiSo, column D: Category BB: present 1 + absent 0 = 1, not the closing 2 … and 4 more errors."),
        (lambda lang: text("approve.summary", lang, done=2, total=3, period=q1.text(lang),
                           before=text("approve.summary_before", lang, count=1)),
         "Đã duyệt 2/3 tháng (quý I năm 2021); 1 tháng đã duyệt từ trước.",
         "Approved 2/3 months (Q1 2021); 1 month approved before."),
        (lambda lang: text("history.unlocked", lang, month="02/2021", reason="Corrected", at="01/03/2021 08:00",
                           who="an"),
         "  02/2021: mở khóa – lý do: Corrected (01/03/2021 08:00, an)",
         "  02/2021: unlocked – reason: Corrected (01/03/2021 08:00, an)"),
        (lambda lang: text("check.summary", lang, integrity="*** in database main ***", ok=3, total=3),
         "Cơ sở dữ liệu: *** in database main ***. Tệp gốc đúng: 3/3.",
         "Database: *** in database main ***. Originals correct: 3/3."),
        (lambda lang: text("store.err.no_unit_month", lang, unit="SL01", month="03/2021",
                           known=phrase("store.err.none_yet")),
         "Kho không có sổ nào của cơ sở SL01 tháng 03/2021. Các cơ sở có trong kho: (chưa có).",
         "The store holds no workbook of facility SL01 for 03/2021. Facilities in the store: (none)."),
    ]


def test_store_messages_without_a_store_to_make_them():
    """Each is made from its catalogue key and values in the language asked, whatever --lang was."""
    for made, vi, en in _said_cases():
        assert made("vi") == vi
        assert made("en") == en
