"""A seeded fuzz test over the workbooks of the suite: mutated copies (tests/fuzz.py: byte
flips, truncation, XML edits in the zip, odd values, hostile archives) go through the CLI
as a clerk or a supervisor would run it. Every run must end with exit 0, 1 or 2, no
traceback, no parser backtrace, no half-written report, the inputs unchanged; time is
bounded by the subprocess timeout (generous: a hang fails the test, a slow machine does
not). The bigger campaign is tests/fuzz_campaign.py (outside the suite)."""
from __future__ import annotations

import hashlib
import json
import random
import shutil
import subprocess
import sys
from pathlib import Path

import broken
import fuzz

SEED = 20211
COUNT = 40  # mutated workbooks read by one `validate`
REPORTS = 6  # of them, each alone in a folder through `report --force`
ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "robust"
CRASH_SIGNS = ("Traceback", "panicked", "Lỗi nội bộ", "Internal error", "memory allocation")


def run(*args, timeout):
    proc = subprocess.run([sys.executable, "-m", "rehabstat", *map(str, args)], capture_output=True, timeout=timeout)
    out = (proc.stdout + proc.stderr).decode("utf-8", "replace")
    assert not any(sign in out for sign in CRASH_SIGNS), out[-3000:]
    return proc


def sources(tmp: Path) -> list[Path]:
    return [broken.write_book(tmp / "clean.xlsx", broken.clean_book()), FIXTURES / "clean.xls",
            FIXTURES / "clean.ods", ROOT / "samples" / "son-la" / "2021-06.xlsx",
            next((ROOT / "samples" / "ha-noi").rglob("*.xlsx"))]


def digest(folder: Path) -> dict:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_mutated_workbooks_never_crash_hang_or_change(tmp_path):
    corpus = fuzz.make_corpus(sources(tmp_path), tmp_path / "nop", COUNT, SEED)
    before = digest(tmp_path / "nop")

    proc = run("validate", tmp_path / "nop", "--format", "json", "--annotate", tmp_path / "kiem-tra",
               timeout=60 + 20 * COUNT)
    assert proc.returncode in (0, 1)
    doc = json.loads(proc.stdout)
    assert sorted(Path(f["path"]).name for f in doc["files"]) == sorted(p.name for p in corpus)
    broken_files = {Path(i["file"]).name for i in doc["issues"] if i["code"] in ("F001", "F002", "F004")}
    assert broken_files and len(broken_files) < COUNT  # some refused, some read
    annotated = sorted((tmp_path / "kiem-tra").iterdir())
    assert len(annotated) == len({i["file"] for i in doc["issues"] if i["file"]})  # a copy per file with issues

    for path in random.Random(SEED).sample(sorted(corpus), REPORTS):
        alone = tmp_path / "alone" / path.stem
        alone.mkdir(parents=True)
        shutil.copy(path, alone / path.name)
        out = tmp_path / "out" / path.stem
        proc = run("report", "--data", alone, "--year", "2021", "--force", "--out", out, timeout=120)
        assert proc.returncode in (0, 1, 2), corpus[path]
        written = sorted(p.suffix for p in out.iterdir()) if out.exists() else []
        assert written in ([], [".docx", ".xlsx"]), (corpus[path], written)  # both or neither, no temp file
        if proc.returncode == 0:
            assert written == [".docx", ".xlsx"]
        assert digest(alone) == {path.name: before[path.name]}

    assert digest(tmp_path / "nop") == before
