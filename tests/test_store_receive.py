"""Receiving a folder as a user does it: a Ctrl-C at the worst moment, two copies of one month
in one receive, annotated copies that never overwrite each other, a rehabstat.toml named on its
own, every file of a folder accounted for."""
import shutil
from pathlib import Path

import openpyxl
import pytest

from conftest import cli

MONTHS = [f"2021-{m:02d}.xlsx" for m in range(1, 13)]


@pytest.fixture
def nop(tmp_path, son_la):
    folder = tmp_path / "nop"
    folder.mkdir()
    for name in MONTHS:
        shutil.copy(son_la / name, folder / name)
    return folder


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
