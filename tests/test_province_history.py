"""`rehabstat history --province NAME --store DIR`: the versions of a province's province
workbooks, by period, as `history --facility` lists a facility's months."""
from __future__ import annotations

import getpass
import hashlib

import openpyxl
import pytest

from conftest import SAMPLES, cli

TINH = SAMPLES / "cao-bang" / "tinh"


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _edited(tmp_path, name: str, value: int):
    """Cao Bằng's 2017 workbook with TAP_HUAN (SoLieu!F2, 210 as sent) set to `value`."""
    wb = openpyxl.load_workbook(TINH / "2017.xlsx")
    assert wb["SoLieu"]["A2"].value == "TAP_HUAN" and wb["SoLieu"]["F2"].value == 210
    wb["SoLieu"]["F2"] = value
    path = tmp_path / name / "2017.xlsx"
    path.parent.mkdir()
    wb.save(path)
    return path


@pytest.fixture(scope="module")
def kho(tmp_path_factory):
    """Cao Bằng's four province workbooks; 2017 sent again (TAP_HUAN 211), approved, then sent
    a third time (212) and refused as locked."""
    tmp = tmp_path_factory.mktemp("tinh")
    kho = tmp / "kho"
    assert cli("receive", TINH, "--store", kho).exit_code == 0
    v2, v3 = _edited(tmp, "v2", 211), _edited(tmp, "v3", 212)
    assert cli("receive", v2, "--store", kho).exit_code == 0
    assert cli("approve", "--store", kho, "--province", "Cao Bằng", "--year", 2017).exit_code == 0
    assert cli("receive", v3, "--store", kho).exit_code == 1
    return kho, v2, v3


def test_history_lists_each_version_by_period(kho):
    kho, v2, v3 = kho
    res = cli("history", "--store", kho, "--province", "cao bang")
    assert res.exit_code == 0, res.output
    lines = res.stdout.splitlines()
    assert lines[0] == "Tỉnh Cao Bằng: 6 sổ cấp tỉnh đã nộp"
    assert lines[1].split()[:3] == ["Kỳ", "Bản", "Trạng"]
    rows = [line.split("  ") for line in lines[2:8]]
    rows = [[c.strip() for c in r if c.strip()] for r in rows]
    who = getpass.getuser()
    assert [(r[0], r[1], r[2], r[4], r[5], r[8]) for r in rows] == [
        ("năm 2017", "1", "đã nhận", who, "2017.xlsx", _sha(TINH / "2017.xlsx")[:12]),
        ("năm 2017", "2", "đã nhận, đã duyệt", who, "2017.xlsx", _sha(v2)[:12]),
        ("năm 2017", "—", "bị từ chối", who, "2017.xlsx", _sha(v3)[:12]),
        ("năm 2018", "1", "đã nhận", who, "2018.xlsx", _sha(TINH / "2018.xlsx")[:12]),
        ("năm 2019", "1", "đã nhận", who, "2019.xlsx", _sha(TINH / "2019.xlsx")[:12]),
        ("6 tháng đầu năm 2020", "1", "đã nhận", who, "2020-H1.xlsx", _sha(TINH / "2020-H1.xlsx")[:12]),
    ]
    text = res.stdout
    assert "bị từ chối: sổ cấp tỉnh Cao Bằng kỳ 2017 đã được duyệt và khóa" in text
    assert any(line.startswith("  Kỳ năm 2017: duyệt phiên bản 2, khóa (") and line.endswith(f", {who})")
               for line in lines)
    assert "Kỳ năm 2017: phiên bản 1 → phiên bản 2: 1 số liệu thay đổi\n" in text
    receipt = next(line for line in lines if line.startswith("  Biên nhận số")).split()[3]
    assert f"Kỳ năm 2017: phiên bản 2 → bản bị từ chối (biên nhận số {receipt}): 1 số liệu thay đổi\n" in text
    changes = [line.split() for line in lines if line.startswith("  TAP_HUAN")]
    assert changes == [["TAP_HUAN", "—", "210", "211"], ["TAP_HUAN", "—", "211", "212"]]
    assert "2018" not in text.split("Kỳ năm 2017: phiên bản 1")[1]  # no other period changed


def test_history_in_english(kho):
    kho, _, _ = kho
    res = cli("--lang", "en", "history", "--store", kho, "--province", "Tỉnh Cao Bằng")
    assert res.exit_code == 0, res.output
    lines = res.stdout.splitlines()
    assert lines[0] == "Province Cao Bằng: 6 province workbooks sent"
    assert lines[1].split()[:3] == ["Period", "Version", "Status"]
    assert "accepted, approved" in lines[3] and "rejected" in lines[4]
    assert "Period 2017: version 1 → version 2: figures changed: 1" in lines
    assert "đã" not in res.stdout and "Kỳ" not in res.stdout
    assert lines[7].split()[:3] == ["H1", "2020", "1"]  # the English label, not the store's code 2020-H1


@pytest.mark.parametrize("code, vi, en", [("2017", "năm 2017", "2017"), ("2020-H1", "6 tháng đầu năm 2020", "H1 2020"),
                                          ("2021-Q2", "quý II năm 2021", "Q2 2021"),
                                          ("2021-05", "tháng 5 năm 2021", "05/2021"),
                                          ("2017-01..2020-06", "từ tháng 01/2017 đến tháng 06/2020",
                                           "01/2017 to 06/2020")])
def test_a_period_code_reads_back_as_its_words(code, vi, en):
    from rehabstat.common.periods import period_of_code
    p = period_of_code(code)
    assert (p.code, p.text("vi"), p.text("en")) == (code, vi, en)
    with pytest.raises(ValueError):
        period_of_code("2020-H3")


def test_history_of_the_store_api(kho):
    from rehabstat.store import Store
    kho, v2, _ = kho
    with Store.open(kho) as s:
        h = s.province_history("TỈNH CAO BẰNG")
    assert h.province == "Cao Bằng" and [v.period for v in h.versions] == ["2017"] * 3 + ["2018", "2019", "2020-H1"]
    second = h.versions[1]
    assert (second.version, second.status, second.locked, second.sha256) == (2, "accepted", True, _sha(v2))
    assert second.received_at[:4].isdigit() and second.received_by == getpass.getuser()
    assert [(c.period, c.before.version, [(ch.indicator, ch.before, ch.after) for ch in c.changes])
            for c in h.comparisons] == [("2017", 1, [("TAP_HUAN", 210, 211)]), ("2017", 2, [("TAP_HUAN", 211, 212)])]
    assert [(p, a, v) for p, a, _at, _who, _r, v in h.approvals] == [("2017", "approve", 2)]


@pytest.mark.parametrize("name, said", [
    ("Cao Bangg", "'Cao Bangg' không phải tên tỉnh/thành phố nào; có phải: Cao Bằng"),
    ("Xyzzy", "'Xyzzy' không phải tên tỉnh/thành phố nào."),
    ("Sơn La", "Kho không có sổ cấp tỉnh nào của Sơn La. Các tỉnh có sổ cấp tỉnh trong kho: Cao Bằng."),
])
def test_an_unknown_province_is_refused_with_the_closest_names(kho, name, said):
    kho, _, _ = kho
    res = cli("history", "--store", kho, "--province", name)
    assert res.exit_code == 2, res.output
    assert said in res.output and "Traceback" not in res.output


def test_unknown_province_in_english(kho):
    kho, _, _ = kho
    res = cli("--lang", "en", "history", "--store", kho, "--province", "Cao Bangg")
    assert res.exit_code == 2
    assert "'Cao Bangg' is not the name of any province or city; did you mean: Cao Bằng" in res.output


@pytest.mark.parametrize("args", [(), ("--facility", "CB01", "--province", "Cao Bằng"),
                                  ("--province", "Cao Bằng", "--month", "03/2017")])
def test_history_needs_one_of_facility_or_province(kho, args):
    kho, _, _ = kho
    res = cli("history", "--store", kho, *args)
    assert res.exit_code == 2, res.output
    assert "--facility" in res.output


@pytest.mark.parametrize("args", [["log"], ["history", "--province", "Cao Bằng"], ["--lang", "en", "log"]])
def test_a_reader_gone_is_no_error(kho, args):
    """`rehabstat log | head`: the pipe closes before the command writes. Nothing went wrong
    with the tool or the data: no "internal error", no traceback, the shell's 141 (as git)."""
    import subprocess
    import sys
    p = subprocess.Popen([sys.executable, "-m", "rehabstat", *args, "--store", str(kho[0])],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    p.stdout.close()  # the reader is gone before the first line is written
    err = p.stderr.read().decode()
    assert p.wait(timeout=120) == 141 and err == ""
