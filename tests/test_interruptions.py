"""An interrupted command leaves nothing behind: its workers end with it (even SIGKILL),
its temporary files go on SIGTERM and Ctrl-C and the next run sweeps what a SIGKILL left;
check-store names leftovers and the command that removes them; Ctrl-C says what was done
and exits 130. Processes are driven by files they write (never by the clock)."""
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from conftest import ROOT, cli

pytestmark = pytest.mark.skipif(os.name != "posix", reason="signals and /proc-free pid checks of POSIX")


def _run(code, *args, **kw):
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code), *map(str, args)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


def _wait_for(path: Path, proc, limit=600):
    """Until `path` holds its text (written by the child at the moment to interrupt it: the
    file exists a moment before its text is in it)."""
    for _ in range(limit * 20):
        said = path.read_text() if path.exists() else ""
        if said:
            return said
        if proc.poll() is not None:
            raise AssertionError(f"ended before {path.name}: {proc.communicate()}")
        time.sleep(0.05)
    raise AssertionError(f"{path.name} never came")


def _gone(pid: int, limit=60) -> bool:
    """The process has ended (a zombie counts as ended), waiting for at most `limit` seconds."""
    for _ in range(limit * 20):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        try:
            if "State:\tZ" in Path(f"/proc/{pid}/status").read_text():
                return True
        except OSError:
            return True
        time.sleep(0.05)
    return False


# ---------------------------------------------------------------- workers die with their parent

SLEEPER = """
    import os, sys, time
    from pathlib import Path
    marker = Path(sys.argv[1])

    def slow(item):
        Path(f"{marker}.{os.getpid()}").write_text(str(os.getpid()))
        time.sleep(600)
"""


def test_sandbox_workers_end_with_a_killed_parent(tmp_path):
    marker = tmp_path / "worker"
    code = SLEEPER + """
    from rehabstat.reading.sandbox import map_isolated
    map_isolated(slow, ["a", "b"], jobs=2, seconds=900)
    """
    proc = _run(code, marker)
    pids = set()
    for _ in range(1200):
        pids = {int(p.read_text()) for p in tmp_path.glob("worker.*") if p.read_text()}
        if len(pids) == 2 or proc.poll() is not None:
            break
        time.sleep(0.05)
    assert len(pids) == 2, proc.communicate()
    proc.kill()  # SIGKILL: no handler runs in the parent
    proc.wait()
    assert all(_gone(pid) for pid in pids), "a worker outlived its parent"


def test_render_workers_end_with_a_killed_parent(tmp_path):
    marker = tmp_path / "worker"
    code = SLEEPER + """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from rehabstat.commands.batch import _render_worker
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("fork"), initializer=_render_worker,
                             initargs=(os.getpid(),)) as pool:
        list(pool.map(slow, ["a", "b"]))
    """
    proc = _run(code, marker)
    pids = set()
    for _ in range(1200):
        pids = {int(p.read_text()) for p in tmp_path.glob("worker.*") if p.read_text()}
        if len(pids) == 2 or proc.poll() is not None:
            break
        time.sleep(0.05)
    assert len(pids) == 2, proc.communicate()
    proc.kill()
    proc.wait()
    assert all(_gone(pid) for pid in pids), "a render worker outlived its parent"


# ---------------------------------------------------------------- receive: SIGTERM, Ctrl-C, SIGKILL

RECEIVE = """
    import sys
    from pathlib import Path
    from rehabstat.reading import dataset
    real = dataset._read_all
    marker = Path(sys.argv[1])

    def stop_here(files, *a, **k):  # every file staged in tmp/: the moment to interrupt
        marker.write_text(str(len(files)))
        import time
        time.sleep(600)
        return real(files, *a, **k)
    dataset._read_all = stop_here
    sys.argv = ["rehabstat"] + sys.argv[2:]
    from rehabstat.cli import main
    main()
"""


@pytest.mark.parametrize("how", ["SIGTERM", "SIGINT"])
def test_an_interrupted_receive_leaves_no_temporary_file(tmp_path, nop, how):
    kho = tmp_path / "kho"
    assert cli("receive", nop / "2021-01.xlsx", "--store", kho).exit_code == 0  # one already in: said after Ctrl-C
    proc = _run(RECEIVE, tmp_path / "staged", "receive", nop, "--store", kho)
    staged = _wait_for(tmp_path / "staged", proc)
    assert staged == "11" and len(list((kho / "tmp").iterdir())) == 12  # January is known: not read again
    proc.send_signal(getattr(signal, how))
    out, err = proc.communicate(timeout=300)
    assert list((kho / "tmp").iterdir()) == []
    if how == "SIGTERM":
        assert proc.returncode == -signal.SIGTERM
    else:
        assert proc.returncode == 130, (out, err)
        assert err == ("Đã dừng theo yêu cầu (Ctrl-C): 0 tệp đã vào kho trước khi dừng, mỗi tệp trọn vẹn (biên nhận và "
                       "số liệu); các tệp còn lại chưa nhận, không còn tệp tạm. Chạy lại cùng lệnh để nhận tiếp (tệp "
                       "đã nhận sẽ được báo là đã có).\n")
    res = cli("check-store", "--store", kho)
    assert res.exit_code == 0 and "tệp tạm" not in res.stdout


def test_ctrl_c_in_english_and_exit_130(tmp_path, nop):
    kho = tmp_path / "kho"
    proc = _run(RECEIVE, tmp_path / "staged", "--lang", "en", "receive", nop, "--store", kho)
    _wait_for(tmp_path / "staged", proc)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 130
    assert err.startswith("Stopped at your request (Ctrl-C): 0 files went into the store before the stop"), err


def test_what_a_killed_receive_left_is_named_and_swept(tmp_path, nop):
    kho = tmp_path / "kho"
    proc = _run(RECEIVE, tmp_path / "staged", "receive", nop, "--store", kho)
    _wait_for(tmp_path / "staged", proc)
    proc.kill()  # SIGKILL: nothing of the process runs
    proc.wait()
    left = sorted((kho / "tmp").iterdir())
    assert len(left) == 12 and all(p.name.startswith(".nhan-") for p in left)
    size = sum(p.stat().st_size for p in left)
    live = kho / "tmp" / f".nhan-{_host()}-{os.getpid()}-dangchay.xlsx"  # a receive still running: never touched
    live.write_bytes(b"x")
    res = cli("check-store", "--store", kho)
    assert res.exit_code == 1, res.output
    from rehabstat.common.vnformat import number
    assert (f"Lưu ý: 12 tệp tạm ({number(size)} byte) trong {kho / 'tmp'} còn lại từ một lần nhận bị ngắt; "
            f"xóa bằng: rehabstat check-store --store {kho} --clean (lần nhận sau cũng tự xóa).\n") in res.stdout
    en = cli("--lang", "en", "check-store", "--store", kho)
    assert f"12 temporary files ({size:,} bytes) in {kho / 'tmp'} left by an interrupted receive; delete them" in en.stdout
    # the next receive sweeps them (and says so), the live one stays
    res = cli("receive", nop / "2021-01.xlsx", "--store", kho)
    assert res.exit_code == 0, res.output
    assert res.stdout.startswith("Đã xóa 12 tệp tạm do một lần nhận bị ngắt để lại.\n")
    assert sorted((kho / "tmp").iterdir()) == [live]
    assert cli("check-store", "--store", kho).exit_code == 0
    # or check-store --clean does
    dead = kho / "tmp" / ".nhan-cu.xlsx"  # the name an earlier rehabstat gave: no owner in it
    dead.write_bytes(b"xyz")
    res = cli("check-store", "--store", kho, "--clean")
    assert res.exit_code == 0 and res.stdout.startswith("Đã xóa 1 tệp tạm (3 byte) do lần nhận bị ngắt để lại.\n")
    assert sorted((kho / "tmp").iterdir()) == [live]


def _host():
    from rehabstat.store.inbox import _host
    return _host()


def test_ctrl_c_in_batch_says_what_was_written_and_exits_130(tmp_path, son_la):
    code = """
    import sys, time
    from pathlib import Path
    from rehabstat.commands import batch
    marker = Path(sys.argv[1])

    def stop_here(payload):  # the figures are ready, the province's BC is about to be written
        marker.write_text("ok")
        time.sleep(600)
    batch._render_job = stop_here
    sys.argv = ["rehabstat"] + sys.argv[2:]
    from rehabstat.cli import main
    main()
    """
    out = tmp_path / "bc"
    proc = _run(code, tmp_path / "rendering", "batch", "--data", son_la, "--year", 2021, "--out", out)
    _wait_for(tmp_path / "rendering", proc)
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 130, (stdout, stderr)
    written = sorted(p.name for p in out.iterdir()) if out.is_dir() else []
    assert all(not name.startswith(".") for name in written)  # no half-written file
    assert stderr == (f"Đã dừng theo yêu cầu (Ctrl-C): {len(written)} tệp đã ghi xong trong {out} trước khi dừng; "
                      "tổng hợp chưa xong, không còn tệp ghi dở. Chạy lại lệnh để lập đủ.\n")


# ---------------------------------------------------------------- report, plan, indicators: Ctrl-C and SIGTERM

STOP_WHILE_READING = """
    import os, sys, time
    from pathlib import Path
    from rehabstat.reading import dataset
    marker = Path(sys.argv[1])

    def slow(path, **kw):  # in a reading worker: the moment to interrupt the command
        Path(f"{marker}.{os.getpid()}").write_text(str(os.getpid()))
        time.sleep(600)
    dataset.read_workbook = slow
    sys.argv = ["rehabstat"] + sys.argv[2:]
    from rehabstat.cli import main
    main()
"""

STOP_WHILE_WRITING = """
    import sys, time
    from pathlib import Path
    from rehabstat.documents import render
    marker = Path(sys.argv[1])
    real = render.render_docx

    def slow(template, kind, context, out):  # the .docx is written to its temporary name, the .xlsx not yet
        done = real(template, kind, context, out)
        marker.write_text(str(out))
        time.sleep(600)
        return done
    render.render_docx = slow
    sys.argv = ["rehabstat"] + sys.argv[2:]
    from rehabstat.cli import main
    main()
"""


def _workers(marker: Path) -> set:
    return {int(p.read_text()) for p in marker.parent.glob(marker.name + ".*") if p.read_text()}


@pytest.mark.parametrize("how", ["SIGINT", "SIGTERM"])
def test_report_stopped_while_writing_leaves_nothing(tmp_path, son_la, how):
    out = tmp_path / "bc"
    proc = _run(STOP_WHILE_WRITING, tmp_path / "writing", "report", "--data", son_la, "--year", 2021, "--out", out)
    temp = Path(_wait_for(tmp_path / "writing", proc))
    assert temp.parent == out and temp.name.startswith(".~rehabstat-") and temp.exists()
    proc.send_signal(getattr(signal, how))
    stdout, stderr = proc.communicate(timeout=300)
    assert proc.returncode == (130 if how == "SIGINT" else -signal.SIGTERM), (stdout, stderr)
    assert list(out.iterdir()) == []  # neither file, and no temporary one
    said = "Ctrl-C" if how == "SIGINT" else "SIGTERM"
    assert stderr == (f"Đã dừng theo yêu cầu ({said}) trước khi ghi tệp nào: chưa ghi văn bản BC (.docx và .xlsx) "
                      f"trong {out}. Không còn tệp ghi dở hay tiến trình con. Chạy lại lệnh để lập.\n")


def test_plan_stopped_in_english(tmp_path, son_la):
    out = tmp_path / "kh"
    targets = ROOT / "samples" / "targets" / "son-la-2022.xlsx"
    proc = _run(STOP_WHILE_WRITING, tmp_path / "writing", "--lang", "en", "plan", "--data", son_la, "--year", 2022,
                "--targets", targets, "--out", out)
    _wait_for(tmp_path / "writing", proc)
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 130, (stdout, stderr)
    assert list(out.iterdir()) == []
    assert stderr == (f"Stopped at your request (Ctrl-C) before any file was written: the plan (KH, .docx and .xlsx) "
                      f"in {out} not written. No half-written file or worker process is left. Run the command again "
                      "to make it.\n")


@pytest.mark.parametrize("how", ["SIGINT", "SIGTERM"])
def test_indicators_stopped_while_reading_ends_its_workers(tmp_path, son_la, how):
    out = tmp_path / "chiso.xlsx"
    marker = tmp_path / "reading"
    proc = _run(STOP_WHILE_READING, marker, "indicators", "--data", son_la, "--year", 2021, "--format", "xlsx",
                "--out", out, "--jobs", 2)
    pids = set()
    for _ in range(12000):
        pids = _workers(marker)
        if len(pids) == 2 or proc.poll() is not None:
            break
        time.sleep(0.05)
    assert len(pids) == 2, proc.communicate()
    proc.send_signal(getattr(signal, how))
    stdout, stderr = proc.communicate(timeout=300)
    assert proc.returncode == (130 if how == "SIGINT" else -signal.SIGTERM), (stdout, stderr)
    assert all(_gone(pid) for pid in pids), "a reading worker outlived the stopped command"
    assert list(tmp_path.glob(".~rehabstat-*")) == [] and not out.exists()
    said = "Ctrl-C" if how == "SIGINT" else "SIGTERM"
    assert stderr == (f"Đã dừng theo yêu cầu ({said}) trước khi ghi tệp nào: chưa ghi bảng chỉ số {out}. Không còn "
                      "tệp ghi dở hay tiến trình con. Chạy lại lệnh để lập.\n")


def test_what_a_stopped_report_had_written_is_named():
    """The line for a report stopped between its two files (the renames are a moment apart)."""
    from rehabstat.commands.stopping import said
    line = said("report", Path("out"), [Path("out/BC-SL01-2021.xlsx")], signal.SIGINT)
    assert line == ("Đã dừng theo yêu cầu (Ctrl-C): đã ghi xong out/BC-SL01-2021.xlsx; chưa ghi BC-SL01-2021.docx. "
                    "Không còn tệp ghi dở hay tiến trình con. Chạy lại lệnh để lập đủ.")
    line = said("indicators", None, [], signal.SIGTERM)
    assert line.startswith("Đã dừng theo yêu cầu (SIGTERM) trước khi ghi tệp nào: chưa ghi bảng chỉ số (chưa in ra).")


def _held_then_deaf(queue, deafen):
    """A child's life under test: says whether Ctrl-C is held at its first instruction, waits
    while the parent presses Ctrl-C, then (deafen) does what every worker of ours does first."""
    queue.put(signal.SIGINT in signal.pthread_sigmask(signal.SIG_BLOCK, []))
    time.sleep(0.5)
    if deafen:
        from rehabstat.reading.sandbox import deaf_to_ctrl_c
        deaf_to_ctrl_c()
        queue.put((signal.getsignal(signal.SIGINT) is signal.SIG_IGN,
                   signal.SIGINT in signal.pthread_sigmask(signal.SIG_BLOCK, [])))
    time.sleep(0.2)
    queue.put("alive")


@pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="POSIX signal masks")
@pytest.mark.parametrize("held", [True, False])
def test_a_ctrl_c_between_a_workers_start_and_its_first_instruction_does_not_kill_it(held):
    """A worker ignores Ctrl-C (its parent's to handle) from its first line, but a Ctrl-C
    pressed between its fork and that line killed it, and the parent took the dead worker
    for a broken file or a broken pool. Started under ctrl_c_held, the Ctrl-C waits and is
    dropped once the worker ignores it; started without, the worker dies of it."""
    import multiprocessing
    from rehabstat.reading.sandbox import ctrl_c_held
    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()
    proc = ctx.Process(target=_held_then_deaf, args=(queue, True))
    if held:
        with ctrl_c_held():
            proc.start()
    else:
        proc.start()
    assert signal.SIGINT not in signal.pthread_sigmask(signal.SIG_BLOCK, [])  # the parent's hold ended
    assert queue.get(timeout=10) is held
    os.kill(proc.pid, signal.SIGINT)  # pressed before the worker's first line has run
    proc.join(10)
    if held:
        assert queue.get(timeout=5) == (True, False)  # ignored, and no longer held
        assert queue.get(timeout=5) == "alive" and proc.exitcode == 0
    else:
        assert proc.exitcode != 0  # KeyboardInterrupt in the child: the race the hold closes
