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
