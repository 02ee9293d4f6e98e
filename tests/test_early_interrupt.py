"""Ctrl-C at any moment once rehabstat's first line has run (while Python loads the
libraries, while the command line is parsed, while the command runs) exits 130 with the
usual words or lets the command finish: never a traceback, never a process or a temporary
file left behind. The interrupt is sent to the whole process group, as a terminal does.

The moment rehabstat's code starts is read from the child itself (`-X importtime` writes the
package's line once rehabstat/__init__.py has run); the delays after it are only spread over
the start, and every outcome they may meet is asserted, so no result depends on the clock."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import SAMPLES

pytestmark = pytest.mark.skipif(os.name != "posix", reason="process groups and SIGINT of POSIX")


def _start(args, cwd: Path):
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-X", "importtime", "-m", "rehabstat", *map(str, args)], cwd=cwd,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True, env=env)
    head = []
    for line in proc.stderr:  # until rehabstat/__init__.py has run
        head.append(line)
        if line.rstrip().endswith(b"| rehabstat"):
            return proc, head
    proc.wait()
    raise AssertionError(b"".join(head).decode(errors="replace")[-2000:])


def _group_gone(pgid: int, limit: float = 60) -> bool:
    end = time.monotonic() + limit
    while time.monotonic() < end:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.05)
    return False


def _interrupt(args, cwd: Path, delay: float):
    proc, head = _start(args, cwd)
    time.sleep(delay)
    try:
        os.killpg(proc.pid, signal.SIGINT)
    except ProcessLookupError:  # already ended: a clean exit is checked below
        pass
    out, err = proc.communicate(timeout=300)
    err = b"".join(head) + err
    said = "\n".join(line for line in err.decode("utf-8", errors="replace").splitlines()
                     if not line.startswith("import time:"))
    return proc, said


@pytest.mark.parametrize("delay", [0, 0.01, 0.03, 0.06, 0.1, 0.2])
def test_ctrl_c_while_validate_starts_exits_130_without_a_traceback(tmp_path, delay):
    proc, said = _interrupt(["validate", SAMPLES / "son-la"], tmp_path, delay)
    assert "Traceback" not in said and "KeyboardInterrupt" not in said, said
    assert proc.returncode in (130, 0), (proc.returncode, said)  # stopped, or the samples' clean result
    if proc.returncode == 130:
        assert "Đã dừng theo yêu cầu (Ctrl-C)" in said, said
    assert _group_gone(proc.pid)


@pytest.mark.parametrize("delay", [0, 0.05, 0.15, 0.4])
def test_ctrl_c_while_report_starts_leaves_nothing(tmp_path, delay):
    out = tmp_path / "out"
    proc, said = _interrupt(["--lang", "en", "report", "--data", SAMPLES / "son-la", "--year", "2021", "--out", out],
                            tmp_path, delay)
    assert "Traceback" not in said and "KeyboardInterrupt" not in said, said
    assert proc.returncode in (130, 0), (proc.returncode, said)
    if proc.returncode == 130:
        assert "Stopped" in said and "Ctrl-C" in said, said
    else:
        assert sorted(p.name for p in out.iterdir()) == ["BC-SL01-2021.docx", "BC-SL01-2021.xlsx"]
    assert not [p for p in tmp_path.rglob("*") if p.name.startswith(".~rehabstat-")]
    assert _group_gone(proc.pid)


def test_imported_as_a_library_rehabstat_leaves_ctrl_c_alone():
    code = ("import signal, rehabstat, rehabstat.api;"
            "print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert res.stdout.strip() == "True", res.stderr
