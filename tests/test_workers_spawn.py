"""REHABSTAT_WORKERS=spawn starts the reading workers the way Windows and macOS do, on Linux too,
and the program behaves the same: validate in English on damaged files says nothing in Vietnamese."""
from __future__ import annotations

import os
import subprocess
import sys
import unicodedata

import pytest

from conftest import SAMPLES


def _inherited(item):
    """Whether this worker has the mark its parent set (a forked worker does, a spawned one not)."""
    from rehabstat.reading import sandbox
    return hasattr(sandbox, "_PARENT_MARK"), item


@pytest.mark.parametrize("method, inherited", [("spawn", False), ("fork", True)])
def test_workers_start_as_asked(monkeypatch, method, inherited):
    from rehabstat.reading import sandbox
    monkeypatch.setattr(sandbox, "_PARENT_MARK", True, raising=False)
    monkeypatch.setenv("REHABSTAT_WORKERS", method)
    assert sandbox.start_method() == method
    assert sandbox.map_isolated(_inherited, ["a", "b"], jobs=2) == [(inherited, "a"), (inherited, "b")]


def test_default_is_fork_on_linux_spawn_elsewhere(monkeypatch):
    from rehabstat.reading.sandbox import start_method
    monkeypatch.delenv("REHABSTAT_WORKERS", raising=False)
    assert start_method() == ("fork" if sys.platform.startswith("linux") else "spawn")


def _vietnamese(text: str) -> list[str]:
    return [ch for ch in text if ch in "đĐ" or (ch.isalpha() and ord(ch) > 127 and unicodedata.decomposition(ch))]


def test_validate_in_english_with_spawned_workers(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "renamed.xlsx").write_bytes(b"Bao cao thang 3\r\n")
    data = (SAMPLES / "son-la" / "2021-03.xlsx").read_bytes()
    (folder / "cut.xlsx").write_bytes(data[: len(data) // 3])
    env = {**os.environ, "REHABSTAT_WORKERS": "spawn"}
    res = subprocess.run([sys.executable, "-m", "rehabstat", "validate", str(folder), "--lang", "en"],
                         capture_output=True, text=True, encoding="utf-8", env=env, timeout=300, cwd=tmp_path)
    out = res.stdout + res.stderr
    assert res.returncode == 1 and "F001" in out and "F002" in out, out
    assert not _vietnamese(out), (_vietnamese(out), out)
