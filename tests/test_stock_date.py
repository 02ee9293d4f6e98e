"""The number held is said with the day it is of: a draft of a year whose workbooks stop in
May says "đến ngày 31/05/2021", not the year's last day."""
from __future__ import annotations

import re
import shutil

from conftest import SAMPLES, cli, text_of


def _held(path) -> str:
    return re.search(r"Số học viên đang quản lý đến ngày (\S+) là ([\d.]+) học viên", text_of(path)).groups()


def test_a_draft_says_the_day_of_the_closing_it_rests_on(tmp_path):
    data = tmp_path / "son-la"
    data.mkdir()
    for m in range(1, 6):
        shutil.copy(SAMPLES / "son-la" / f"2021-{m:02d}.xlsx", data)
    out = tmp_path / "out"
    res = cli("report", "--data", data, "--year", 2021, "--force", "--out", out)
    assert res.exit_code == 1 and "số cuối kỳ lấy theo sổ tháng 05/2021" in res.output  # a draft: written, exit 1
    day, number = _held(next(out.glob("BC-*.docx")))
    assert day == "31/05/2021"
    assert re.search(r"Đến ngày 31/05/2021 đang điều trị cho \d+ bệnh nhân", text_of(next(out.glob("BC-*.docx"))))
    from rehabstat.commands.prepare import read
    from rehabstat.common.periods import make_period
    from rehabstat.computing.indicators import compute, value
    ds, cfg = read(data)
    may = value(compute(ds, make_period(year=2021, month=5), split=cfg.split), "CUOI_KY", "HV")
    assert number == f"{may:,}".replace(",", ".")


def test_complete_data_say_the_period_s_last_day(tmp_path):
    out = tmp_path / "out"
    res = cli("report", "--data", SAMPLES / "son-la", "--year", 2021, "--quarter", 2, "--out", out)
    assert res.exit_code == 0, res.output
    assert _held(next(out.glob("BC-*.docx")))[0] == "30/06/2021"
