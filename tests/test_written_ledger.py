"""The ledger of what rehabstat wrote (workbooks/written.py) is opened once per process and
ledger: what one process records, another sees; a ledger removed or replaced meanwhile is
opened again, and then nothing is ours until it is recorded anew."""
from __future__ import annotations

import multiprocessing
import os
import sys

import pytest

from rehabstat.workbooks import written


@pytest.fixture
def ledger(tmp_path, monkeypatch):
    monkeypatch.setenv("REHABSTAT_STATE", str(tmp_path / "state"))
    yield written.ledger_path()
    written._forget()


def _report(folder, name: str, content: bytes):
    path = folder / name
    path.write_bytes(content)
    return path


def test_a_recorded_file_is_ours_until_it_changes(tmp_path, ledger):
    bc = _report(tmp_path, "BC-Son-La-2021.docx", b"PK bao cao")
    other = _report(tmp_path, "BC-Cao-Bang-2021.docx", b"PK khac")
    assert not written.is_ours(bc) and not ledger.exists()
    written.record(bc)
    assert written.is_ours(bc) and not written.is_ours(other)
    bc.write_bytes(b"PK sua trong Word")
    assert not written.is_ours(bc)


def test_a_ledger_removed_meanwhile_is_opened_again(tmp_path, ledger):
    bc = _report(tmp_path, "BC-Son-La-2021.docx", b"PK bao cao")
    written.record(bc)
    assert written.is_ours(bc)
    for suffix in ("", "-wal", "-shm"):
        path = ledger.with_name(ledger.name + suffix)
        if path.exists():
            path.unlink()
    assert not written.is_ours(bc)  # not the old connection's memory of it
    written.record(bc)
    assert ledger.is_file() and written.is_ours(bc)


def _record_in_child(path: str, state: str) -> None:
    os.environ["REHABSTAT_STATE"] = state
    written.record(path)


@pytest.mark.skipif(sys.platform == "win32", reason="fork")
def test_what_a_forked_worker_records_is_seen_by_its_parent(tmp_path, ledger):
    first = _report(tmp_path, "BC-Son-La-2021.docx", b"PK mot")
    second = _report(tmp_path, "BC-Cao-Bang-2021.xlsx", b"PK hai")
    written.record(first)  # the parent's connection is open when the worker is forked
    child = multiprocessing.get_context("fork").Process(target=_record_in_child,
                                                        args=(str(second), os.environ["REHABSTAT_STATE"]))
    child.start()
    child.join(30)
    assert child.exitcode == 0
    assert written.is_ours(second) and written.is_ours(first)
    third = _report(tmp_path, "TongHop-2021.xlsx", b"PK ba")
    written.record(third)  # the parent's own connection still works after the worker's end
    assert written.is_ours(third)


def test_what_other_threads_record_is_kept(tmp_path, ledger):
    """SQLite's connections belong to the thread that made them: a server's threads each
    record what they wrote, and none of it is lost."""
    from concurrent.futures import ThreadPoolExecutor
    first = _report(tmp_path, "BC-Son-La-2021.docx", b"PK mot")
    written.record(first)  # this thread's connection is open
    others = [_report(tmp_path, f"BC-{n}-2021.xlsx", f"PK {n}".encode()) for n in range(6)]
    with ThreadPoolExecutor(max_workers=3) as pool:
        list(pool.map(written.record, others))
        assert all(pool.map(written.is_ours, [first] + others))
    assert written.is_ours(first) and all(written.is_ours(p) for p in others)


# ---------------------------------------------------------------- a ledger that cannot be written

@pytest.fixture
def no_ledger(tmp_path, monkeypatch):
    """A ledger that cannot be made: its folder would be under a file (unwritable even by root)."""
    blocker = tmp_path / "state-is-a-file"
    blocker.write_text("not a folder\n", encoding="utf-8")
    monkeypatch.setenv("REHABSTAT_STATE", str(blocker / "s.sqlite"))
    yield blocker / "s.sqlite"
    written._forget()


def test_a_ledger_that_cannot_be_written_is_said_and_never_blamed_on_the_user(tmp_path, no_ledger):
    from conftest import SAMPLES, cli
    out = tmp_path / "out"
    args = ("report", "--data", SAMPLES / "son-la", "--year", "2021", "--out", out)
    first = cli(*args)
    assert first.exit_code == 0, first.output
    said = " ".join(first.output.split())
    assert "không ghi được sổ các tệp rehabstat đã ghi" in said and str(no_ledger) in said
    assert "không có --overwrite" in said and "REHABSTAT_STATE" in said
    assert (out / "BC-SL01-2021.docx").is_file() and not no_ledger.exists()
    before = (out / "BC-SL01-2021.docx").read_bytes()
    again = cli(*args)  # nobody edited anything: rehabstat cannot tell, and says so
    assert again.exit_code == 2, again.output
    said = " ".join(again.output.split())
    assert "không biết tệp này có bị sửa" in said and "--overwrite" in said and str(no_ledger) in said
    assert "đã được sửa sau lần" not in said and "Traceback" not in again.output
    assert (out / "BC-SL01-2021.docx").read_bytes() == before
    english = cli("--lang", "en", *args, "--overwrite")
    assert english.exit_code == 0, english.output
    assert "cannot write the ledger of the files rehabstat wrote" in " ".join(english.output.split())


def test_a_ledger_that_works_says_nothing_and_a_sqlite_name_is_the_ledger(tmp_path, monkeypatch):
    from conftest import SAMPLES, cli
    monkeypatch.setenv("REHABSTAT_STATE", str(tmp_path / "state" / "s.sqlite"))
    try:
        out = tmp_path / "chiso.csv"
        args = ("indicators", "--data", SAMPLES / "son-la", "--year", "2021", "--out", out)
        for _ in range(2):
            res = cli(*args)
            assert res.exit_code == 0 and "sổ các tệp" not in res.output, res.output
        assert (tmp_path / "state" / "s.sqlite").is_file() and written.is_ours(out)
        out.write_text(out.read_text(encoding="utf-8") + "ghi chú\n", encoding="utf-8")
        res = cli(*args)  # a real edit, with a ledger that works: told as an edit
        assert res.exit_code == 2 and "đã được sửa sau lần rehabstat ghi nó" in " ".join(res.output.split())
    finally:
        written._forget()
