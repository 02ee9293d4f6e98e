"""rehabstat at national scale, measured against the floor and the usual way (issues 7 and 16).

    python benchmarks/run.py                # generate the data once (benchmarks/.data/), measure, print
    python benchmarks/run.py --repeat 5     # best of 5 instead of 3
    python benchmarks/run.py --quick        # the usual way on a twentieth of the files (extrapolated)

On the same files it prints:
  (a) the floor: every sheet of every workbook read to Python lists with python-calamine,
      nothing else (one process, and as many processes as rehabstat reads with);
  (b) the usual way: pandas.read_excel(engine="openpyxl", sheet_name=None) on every workbook;
  (c) rehabstat end to end: `rehabstat batch --data ... --year 2021 --out TMP` as a child
      process (every province's BC .docx + .xlsx and the national workbook written);
  (d) one facility's month report, `rehabstat report --month 6`, as a whole process (wall
      time; its CPU time, workers included, beside it). `--report-only` runs (d) alone and
      prints its goal (results.json: "report_only");
  (e) the peak memory of the batch: the sum over the process tree (workers included),
      sampled from /proc every 20 ms (PSS, so pages shared by forked workers count once;
      RSS is printed too), and the largest single process (ru_maxrss);
  (f) the same batch on a tenth of the data;
  (g) the ratios, and each speed goal with PASS/FAIL beside the floor and the figure;
  (h) the department's store: the national year received once into a store
      (benchmarks/.data/full-store, kept), then `batch --store` beside `batch --data`, and the
      reading step alone (the store's parsed rows vs reading every workbook).
      `--store-only` runs (h) alone and adds it to results.json.
  (i) `--history` alone: three national years kept (--history-dir DIR: DIR/year-Y for the
      year asked, --history-year, and the two before it, generated once as one continuous
      history: synth.national --years 3): `batch --data` of the
      three folders and `batch --store` of a store of the three years against the year alone
      (CPU time and peak memory), and the peak memory of `receive` of the 3.600 files at once
      (when the three-year store is made); results.json: "history".
  (j) `--floors` alone: what the goals stand on before rehabstat's own work, each in a child
      process: importing pandas alone, and every library a month report imports (typer,
      pydantic, pandas, python-calamine, XlsxWriter, docxtpl); the command line's start
      (`rehabstat validate` of a folder that does not exist: typer parses the options and
      the program exits 2); and the stages of `batch --store` as it runs
      (benchmarks/profile_batch.py --store --parallel): the store read, the checks, the 63
      provinces' documents written by 2 workers while the parent writes the national
      workbook. results.json: "floors".
`--keep-outputs DIR` keeps the documents of the first timed batch; `--same-as DIR` checks the goal
"same outputs" against such a folder kept by a run of other code (benchmarks/same_outputs.py:
every .docx's text and .xlsx's cells, styles, merges, print setup, and their zip parts).
The figures are also written to benchmarks/results.json. Times are the best of --repeat
runs (the machine may be shared); the usual way runs once (it is slow).
rehabstat's modules are byte-compiled first, as an installation does (pip writes the .pyc
files when it installs): with an editable install and PYTHONDONTWRITEBYTECODE set, every
child process would otherwise compile them from source again (~0,1 s of a month report).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATA = HERE / ".data"
YEAR = 2021
SEED = 2021
# the speed goals; "floor" is the one-process floor (calamine alone, every sheet to lists)
TARGETS = {"floor_ratio": 2.0, "usual_ratio": 6.0, "store_floor_ratio": 1.0, "month_report_s": 0.5,
           "peak_mb": 350.0, "linear": 1.1,  # linear: time (and memory) ratio <= 1.1 x the rows ratio
           # three years kept (--history): against the year alone
           "history_store_time": 1.5, "history_store_memory": 1.5, "history_data_time": 2.0,
           "history_data_memory": 1.5, "history_receive_mb": 500.0}


# ---------------------------------------------------------------- data

def dataset(name: str, scale: float) -> tuple[Path, dict]:
    """The generated folder (made once, reused while its manifest matches)."""
    folder = DATA / name
    manifest = folder / "national.json"
    if manifest.exists():
        m = json.loads(manifest.read_text(encoding="utf-8"))
        if m.get("scale") == scale and m.get("seed") == SEED and m.get("year") == YEAR:
            return folder, m
    sys.path.insert(0, str(ROOT))
    from rehabstat.synth.national import generate_national
    if folder.exists():
        shutil.rmtree(folder)
    print(f"generating {folder.relative_to(ROOT)} (scale {scale}) ...", flush=True)
    t0 = time.perf_counter()
    m = generate_national(folder, year=YEAR, seed=SEED, scale=scale)
    print(f"  {m['files']} workbooks, {m['rows']:,} event rows in {time.perf_counter() - t0:.0f} s", flush=True)
    return folder, m


def workbooks(folder: Path) -> list[str]:
    return sorted(str(p) for p in folder.rglob("*.xlsx"))


# ---------------------------------------------------------------- (a) the floor, (b) the usual way

def _calamine_one(path: str) -> int:
    from python_calamine import CalamineWorkbook
    wb = CalamineWorkbook.from_path(path)
    rows = 0
    for name in wb.sheet_names:
        rows += len(wb.get_sheet_by_name(name).to_python())
    wb.close()
    return rows


def floor(files: list[str], jobs: int) -> float:
    t0 = time.perf_counter()
    if jobs <= 1:
        rows = sum(map(_calamine_one, files))
    else:
        from concurrent.futures import ProcessPoolExecutor
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            rows = sum(pool.map(_calamine_one, files, chunksize=max(1, len(files) // (jobs * 8))))
    assert rows > 0
    return time.perf_counter() - t0


def usual(files: list[str]) -> float:
    import pandas as pd
    t0 = time.perf_counter()
    for f in files:
        sheets = pd.read_excel(f, engine="openpyxl", sheet_name=None)
        assert sheets
    return time.perf_counter() - t0


# ---------------------------------------------------------------- child processes

def rehabstat_cmd(*args) -> list[str]:
    exe = shutil.which("rehabstat")
    return ([exe] if exe else [sys.executable, "-m", "rehabstat"]) + [str(a) for a in args]


class TreeSampler(threading.Thread):
    """Peak of the summed memory of a process and all its descendants, from /proc."""

    def __init__(self, pid: int, interval: float = 0.02, skip_root: bool = False):
        super().__init__(daemon=True)
        self.pid, self.interval, self.skip_root = pid, interval, skip_root
        self.peak_pss = self.peak_rss = 0  # bytes
        self.peak_procs = 0
        self.stop = threading.Event()

    def tree(self) -> list[int]:
        parents: dict[int, list[int]] = {}
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/stat", "rb") as fh:
                    stat = fh.read()
            except OSError:
                continue
            ppid = int(stat[stat.rfind(b")") + 2:].split()[1])
            parents.setdefault(ppid, []).append(int(entry))
        out, todo = [], [self.pid]
        while todo:
            p = todo.pop()
            out.append(p)
            todo.extend(parents.get(p, []))
        return out

    @staticmethod
    def memory(pid: int) -> tuple[int, int]:
        pss = rss = 0
        try:
            with open(f"/proc/{pid}/smaps_rollup", "rb") as fh:
                for line in fh:
                    if line.startswith(b"Pss:"):
                        pss = int(line.split()[1]) * 1024
                    elif line.startswith(b"Rss:"):
                        rss = int(line.split()[1]) * 1024
        except OSError:
            pass
        return pss, rss

    def run(self):
        while not self.stop.is_set():
            procs = self.tree()[1 if self.skip_root else 0:]
            mem = [self.memory(p) for p in procs]
            self.peak_pss = max(self.peak_pss, sum(m[0] for m in mem))
            self.peak_rss = max(self.peak_rss, sum(m[1] for m in mem))
            self.peak_procs = max(self.peak_procs, len(procs))
            self.stop.wait(self.interval)


# runs a command and writes the largest ru_maxrss among its descendants (workers included) to a file
_MAXRSS_WRAPPER = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[2:]).returncode; "
                   "open(sys.argv[1], 'w').write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)); "
                   "sys.exit(r)")


def run_child(cmd: list[str], memory: bool = False, output: bool = False) -> dict:
    """Wall time of a whole child process (start-up included); with memory=True (a separate
    run) the peak memory of its process tree; with output=True its standard output ("stdout").
    Exit codes 0 and 1 (data needing attention) are fine."""
    maxrss = None
    if memory:
        fd, maxrss = tempfile.mkstemp(prefix="rehabstat-maxrss-")
        os.close(fd)
        cmd = [sys.executable, "-c", _MAXRSS_WRAPPER, maxrss] + cmd
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE if output else subprocess.DEVNULL, stderr=subprocess.PIPE,
                            cwd=ROOT)
    sampler = TreeSampler(proc.pid, skip_root=True) if memory else None
    if sampler:
        sampler.start()
    said, err = proc.communicate()
    wall = time.perf_counter() - t0
    if sampler:
        sampler.stop.set()
        sampler.join()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err.decode(errors='replace')[-2000:]}")
    out = {"wall": wall, "exit": proc.returncode}
    if output:
        out["stdout"] = said.decode(errors="replace")
    if sampler:
        single = int(Path(maxrss).read_text() or 0) / 1024
        os.unlink(maxrss)
        out.update(peak_pss_mb=sampler.peak_pss / 2**20, peak_rss_mb=sampler.peak_rss / 2**20,
                   processes=sampler.peak_procs, max_single_rss_mb=single)
    return out


def best(fn, repeat: int) -> tuple[float, list[float]]:
    runs = [fn() for _ in range(repeat)]
    return min(runs), runs


KEPT: list = []  # where the first timed batch's outputs were kept (--keep-outputs / --same-as)


def batch_once(data: Path, keep: Path | None = None) -> float:
    with tempfile.TemporaryDirectory(prefix="rehabstat-bench-") as tmp:
        r = run_child(rehabstat_cmd("batch", "--data", data, "--year", YEAR, "--out", tmp))
        docs = list(Path(tmp).glob("BC-*.docx"))
        assert docs and list(Path(tmp).glob("TongHop-*.xlsx")), "batch wrote no documents"
        if keep is not None and not KEPT:
            if keep.exists():
                shutil.rmtree(keep)
            shutil.copytree(tmp, keep)
            KEPT.append(keep)
        return r["wall"]


def same_outputs(before: Path, after: Path) -> tuple[bool, str]:
    """benchmarks/same_outputs.py over two batches' folders: (all the same in content, its summary)."""
    import contextlib
    import io
    sys.path.insert(0, str(HERE))
    from same_outputs import compare
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        code = compare(before, after)
    return code == 0, buf.getvalue().strip().splitlines()[-1]


def batch_memory(data: Path) -> dict:
    with tempfile.TemporaryDirectory(prefix="rehabstat-bench-") as tmp:
        return run_child(rehabstat_cmd("batch", "--data", data, "--year", YEAR, "--out", tmp), memory=True)


def report_once(folder: Path, cpu: list | None = None) -> float:
    """Wall time of the month report; its CPU time (user + system, its worker included) is
    appended to `cpu` when given."""
    import resource
    with tempfile.TemporaryDirectory(prefix="rehabstat-bench-") as tmp:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        r = run_child(rehabstat_cmd("report", "--data", folder, "--year", YEAR, "--month", 6, "--out", tmp))
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        assert list(Path(tmp).glob("*.docx")), "report wrote no document"
        if cpu is not None:
            cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        return r["wall"]


def compile_package() -> None:
    """rehabstat's modules byte-compiled, as `pip install` does (see the module's docstring)."""
    import compileall
    compileall.compile_dir(str(ROOT / "rehabstat"), quiet=1)


def largest_facility(full: Path, m_full: dict) -> tuple[dict, Path]:
    person_level = [u for u in m_full["units"] if not u["aggregated"]]
    facility = max(person_level, key=lambda u: u["rows"])
    return facility, full / facility["folder"]


def report_goal(seconds: float) -> tuple:
    return (f"month report <= {TARGETS['month_report_s']} s (whole process)", "", f"report {seconds:.2f} s", f"{seconds:.2f} s",
            seconds <= TARGETS["month_report_s"])


# ---------------------------------------------------------------- (h) the store

def store_of(folder: Path, files: list[str]) -> tuple[Path, float | None]:
    """The national year received into a store once (kept beside the data); the wall time
    of that `rehabstat receive` when it ran now."""
    import sqlite3
    kho = DATA / (folder.name + "-store")
    db = kho / "inbox.sqlite"
    if db.exists():
        con = sqlite3.connect(db)
        n = con.execute("SELECT count(*) FROM receipts WHERE status = 'accepted'").fetchone()[0]
        con.close()
        if n == len(files):
            return kho, None
        shutil.rmtree(kho)
    print(f"receiving {len(files)} workbooks into {kho.relative_to(ROOT)} ...", flush=True)
    return kho, run_child(rehabstat_cmd("receive", folder, "--store", kho))["wall"]


def batch_store_once(kho: Path) -> float:
    with tempfile.TemporaryDirectory(prefix="rehabstat-bench-") as tmp:
        r = run_child(rehabstat_cmd("batch", "--store", kho, "--year", YEAR, "--out", tmp))
        assert list(Path(tmp).glob("BC-*.docx")), "batch --store wrote no documents"
        return r["wall"]


def read_step(source) -> float:
    """The reading step alone, in this process: the Dataset from the store or the folder."""
    sys.path.insert(0, str(ROOT))
    from rehabstat.reading.dataset import read_paths
    from rehabstat.store import load_dataset
    t0 = time.perf_counter()
    ds = load_dataset(source) if (Path(source) / "inbox.sqlite").exists() else read_paths([source])
    assert len(ds.events)
    return time.perf_counter() - t0


def measure_store(full: Path, files: list[str], repeat: int) -> dict:
    kho, receive = store_of(full, files)
    out = {"receive_once": receive}
    print("(h) batch --store, batch --data, reading step ...", flush=True)
    out["batch_store"], out["batch_store_runs"] = best(lambda: batch_store_once(kho), repeat)
    out["batch_data"], out["batch_data_runs"] = best(lambda: batch_once(full), repeat)
    out["read_store"], out["read_store_runs"] = best(lambda: read_step(kho), repeat)
    out["read_data"], out["read_data_runs"] = best(lambda: read_step(full), repeat)
    out["store_megabytes"] = round(sum(p.stat().st_size for p in kho.rglob("*") if p.is_file()) / 2**20, 1)
    return out


def history_folders(root: Path, year: int) -> tuple[list[Path], bool]:
    """root/year-Y for the three years up to `year`, generated once as ONE continuous history
    (synth.national with years=3: a January opens with the December before's closing, a stay
    crosses the year ends, a learner id is never given twice), so that the three years are as
    valid together as the year alone; reused while every manifest says it belongs to that
    history. Returns the folders and whether they were made now (then stores made from
    older data are stale)."""
    first = year - 2
    folders = [root / f"year-{y}" for y in range(first, year + 1)]

    def ours(folder: Path, y: int) -> bool:
        manifest = folder / "national.json"
        if not manifest.exists():
            return False
        m = json.loads(manifest.read_text(encoding="utf-8"))
        return m.get("year") == y and m.get("seed") == SEED and m.get("history") == {"first": first, "years": 3}
    if all(ours(f, y) for f, y in zip(folders, range(first, year + 1))):
        return folders, False
    for folder in folders:  # a year generated on its own is not part of the history
        shutil.rmtree(folder, ignore_errors=True)
    sys.path.insert(0, str(ROOT))
    from rehabstat.synth.national import generate_national
    print(f"generating {', '.join(map(str, folders))} (one history of three years) ...", flush=True)
    generate_national(root, year=first, years=3, seed=SEED, scale=1.0)
    return folders, True


def _received(kho: Path, files: int) -> bool:
    """Whether the store holds one receipt for each of `files` workbooks (a finished receive)."""
    import sqlite3
    db = kho / "inbox.sqlite"
    if not db.exists():
        return False
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT count(*) FROM receipts").fetchone()[0] == files
    finally:
        con.close()


def compared_documents(out: Path, earlier: int) -> dict:
    """How many BCs a batch wrote, how many are drafts, and how many compare the year with
    the one before ("so với năm 2019", "so với cuối năm 2019"): a year is compared only when
    the earlier one is complete and valid."""
    import zipfile
    said = re.compile(rf"so với (cuối |cùng kỳ )?năm {earlier}")
    docs = sorted(out.glob("BC-*.docx"))
    compared = drafts = 0
    for doc in docs:
        with zipfile.ZipFile(doc) as z:
            text = re.sub(r"<[^>]+>", "", z.read("word/document.xml").decode("utf-8"))
        compared += bool(said.search(text))
        drafts += "DỰ THẢO" in text
    return {"documents": len(docs), "drafts": drafts, "compared_with_earlier": compared}


def _receipts(kho: Path) -> dict:
    """The store's receipts by status (refused ones would be months the store does not hold)."""
    import sqlite3
    con = sqlite3.connect(kho / "inbox.sqlite")
    try:
        return dict(con.execute("SELECT status, count(*) FROM receipts GROUP BY status ORDER BY status").fetchall())
    finally:
        con.close()


def run_measured(cmd: list[str], output: bool = False) -> dict:
    """run_child with memory, and the CPU time (user + system) of the whole process tree."""
    import resource
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = run_child(cmd, memory=True, output=output)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    out["cpu"] = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    out["load"] = os.getloadavg()[0]
    return out


def measure_history(root: Path, year: int, receive: bool = False) -> dict:
    """Three national years kept (root/year-Y, Y = year-2 .. year), against the year alone,
    each batch with --year `year --force` (one run each, CPU time, wall time and peak memory):
    `batch --data` of the three folders against the year's folder, `batch --store` of a store
    of the three years against a store of the year (root/store-3y, root/store-YEAR: received
    once and kept), and the peak memory of receiving the three years' 3.600 files at once
    (when the three-year store is made, or again with `receive`)."""
    folders, fresh = history_folders(root, year)
    files = [len(workbooks(f)) for f in folders]
    out: dict = {"root": str(root), "year": year, "files": files, "continuous": True}

    def batch(*sources, store=False):
        args = [a for src in sources for a in (("--store" if store else "--data"), src)]
        with tempfile.TemporaryDirectory(prefix="rehabstat-bench-") as tmp:
            got = run_measured(rehabstat_cmd("batch", *args, "--year", year, "--out", tmp, "--force"), output=True)
            got.update(compared_documents(Path(tmp), year - 1))
            # the summary's counts by rule code ("... I006 ×1, P002 ×19.000"): codes and numbers only
            said = got.pop("stdout")
            got["issues_by_code"] = {code: int(n.replace(".", "")) for code, n in
                                     re.findall(r"\b([A-Z]\d{3}) ×([\d.]+)", said)}
            return got
    kho1, kho3 = root / f"store-{year}", root / "store-3y"
    if fresh:  # stores of data that are no more
        shutil.rmtree(kho1, ignore_errors=True)
        shutil.rmtree(kho3, ignore_errors=True)
    if not _received(kho1, files[-1]):
        shutil.rmtree(kho1, ignore_errors=True)
        print(f"(i) receiving {folders[-1]} into {kho1} ...", flush=True)
        out["receive_one"] = run_measured(rehabstat_cmd("receive", folders[-1], "--store", kho1))
    if receive or not _received(kho3, sum(files)):
        shutil.rmtree(kho3, ignore_errors=True)
        print(f"(i) receiving the three years into {kho3} ...", flush=True)
        out["receive_three"] = run_measured(rehabstat_cmd("receive", *folders, "--store", kho3))
    out["receipts"] = {kho.name: _receipts(kho) for kho in (kho1, kho3)}
    print(f"(i) receipts by status: {out['receipts']}", flush=True)
    for key, run in (("store_one", lambda: batch(kho1, store=True)), ("store_three", lambda: batch(kho3, store=True)),
                     ("data_one", lambda: batch(folders[-1])), ("data_three", lambda: batch(*folders))):
        print(f"(i) {key} ...", flush=True)
        out[key] = run()
        print(f"    CPU {out[key]['cpu']:.2f} s, wall {out[key]['wall']:.1f} s, peak PSS {out[key]['peak_pss_mb']:.0f} MB, "
              f"load {out[key]['load']:.1f}; {out[key]['documents']} BCs, {out[key]['drafts']} drafts, "
              f"{out[key]['compared_with_earlier']} compared with {year - 1}; issues {out[key]['issues_by_code']}",
              flush=True)
    return out


def history_goals(h: dict) -> list:
    """The goals with three years kept: CPU time (meaningful on a loaded machine, unlike the
    wall time) and peak memory (PSS summed over the process tree), three years against one."""
    def ratio(a, b, key):
        return h[a][key] / h[b][key]
    rows = []
    for kind, label in (("store", "batch --store"), ("data", "batch --data")):
        t, m = ratio(f"{kind}_three", f"{kind}_one", "cpu"), ratio(f"{kind}_three", f"{kind}_one", "peak_pss_mb")
        rows.append((f"3 years: {label} <= {TARGETS[f'history_{kind}_time']}x CPU time", f"1 year {h[f'{kind}_one']['cpu']:.2f} s",
                     f"3 years {h[f'{kind}_three']['cpu']:.2f} s", f"{t:.2f}x", t <= TARGETS[f"history_{kind}_time"]))
        rows.append((f"3 years: {label} <= {TARGETS[f'history_{kind}_memory']}x memory",
                     f"1 year {h[f'{kind}_one']['peak_pss_mb']:.0f} MB", f"3 years {h[f'{kind}_three']['peak_pss_mb']:.0f} MB",
                     f"{m:.2f}x", m <= TARGETS[f"history_{kind}_memory"]))
    if "receive_three" in h:
        peak = h["receive_three"]["peak_pss_mb"]
        rows.append((f"receive 3.600 files <= {TARGETS['history_receive_mb']:.0f} MB", f"CPU {h['receive_three']['cpu']:.0f} s",
                     f"PSS sum {peak:.0f} MB", f"{peak:.0f} MB", peak <= TARGETS["history_receive_mb"]))
    return rows


def print_store(st: dict) -> None:
    def row(label, value):
        print(f"  {label:<58} {value:>14}")
    if st["receive_once"] is not None:
        row("(h) rehabstat receive, the national year into a store", f"{st['receive_once']:.2f} s")
    row("(h) rehabstat batch --store (63 BC + national)", f"{st['batch_store']:.2f} s")
    row("    rehabstat batch --data, same run", f"{st['batch_data']:.2f} s")
    row("    reading step: Dataset from the store", f"{st['read_store']:.2f} s")
    row("    reading step: every workbook read (parallel)", f"{st['read_data']:.2f} s")
    row("    store size (database + originals)", f"{st['store_megabytes']:.0f} MB")


# ---------------------------------------------------------------- main

# ---------------------------------------------------------------- (j) what the goals stand on

STACK = "import typer, pydantic, pandas, python_calamine, xlsxwriter, docxtpl"


def measure_floors(repeat: int) -> dict:
    """Wall times of the stack's imports and of the command line's start (best of `repeat`,
    each a whole child process), and the stages of `batch --store` (profile_batch.py)."""
    out: dict = {}
    for key, cmd in (("python", [sys.executable, "-c", "pass"]),
                     ("import_pandas", [sys.executable, "-c", "import pandas"]),
                     ("import_stack", [sys.executable, "-c", STACK]),
                     ("cli_start", rehabstat_cmd("validate", "--data", ROOT / "no-such-folder"))):
        runs = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
            runs.append(time.perf_counter() - t0)
        out[key], out[key + "_runs"] = min(runs), runs
    full, _ = dataset("full", 1.0)
    kho, _ = store_of(full, workbooks(full))
    said = subprocess.run([sys.executable, str(HERE / "profile_batch.py"), "--store", "--parallel", str(kho)],
                          cwd=ROOT, capture_output=True, text=True, check=True).stdout
    stages = {m.group(1).strip(): float(m.group(2)) for m in re.finditer(r"^  (.+?)\s+([\d.]+) s  \(", said, re.M)}
    total = re.search(r"as the command runs: ([\d.]+) s", said)
    out["batch_store_stages"] = stages | {"whole batch": float(total.group(1)) if total else None}
    return out


def print_floors(f: dict) -> None:
    def row(label, value):
        print(f"  {label:<64} {value:>8}")
    row("python -c pass", f"{f['python']:.2f} s")
    row("import pandas", f"{f['import_pandas']:.2f} s")
    row("import typer, pydantic, pandas, calamine, xlsxwriter, docxtpl", f"{f['import_stack']:.2f} s")
    row("rehabstat validate --data <missing> (start, typer's parsing, exit 2)", f"{f['cli_start']:.2f} s")
    print("  batch --store as it runs (profile_batch.py --store --parallel):")
    for stage, seconds in f["batch_store_stages"].items():
        row(f"    {stage}", f"{seconds:.2f} s" if seconds is not None else "?")


def merged(out: Path, key: str, value) -> int:
    """results.json with `key` set to `value`, the rest of it as an earlier run left it."""
    doc = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}
    doc[key] = value
    out.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwritten: {out}")
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="runs per timing; the best is kept (default 3)")
    ap.add_argument("--quick", action="store_true", help="the usual way on every 20th workbook, extrapolated")
    ap.add_argument("--out", type=Path, default=HERE / "results.json")
    ap.add_argument("--store-only", action="store_true", help="only (h): batch --store beside batch --data")
    ap.add_argument("--report-only", action="store_true", help="only (d): the month report and its goal")
    ap.add_argument("--history", action="store_true",
                    help="only (i): three national years kept, against the year alone (results.json: 'history')")
    ap.add_argument("--history-dir", type=Path, default=DATA, metavar="DIR",
                    help="--history: where the three years (year-Y) and their stores are made once and kept "
                         "(default benchmarks/.data)")
    ap.add_argument("--history-year", type=int, default=YEAR, metavar="YEAR",
                    help=f"--history: the year asked (default {YEAR}); the two before it are kept beside it")
    ap.add_argument("--history-receive", action="store_true",
                    help="--history: receive the three years into a new store even when one is kept")
    ap.add_argument("--floors", action="store_true",
                    help="only (j): the stack's imports, the command line's start, the stages of batch --store")
    ap.add_argument("--keep-outputs", type=Path, metavar="DIR",
                    help="keep the documents of the first timed batch in DIR (to compare a later run with)")
    ap.add_argument("--same-as", type=Path, metavar="DIR",
                    help="the goal 'same outputs': this run's batch documents against DIR (kept by an earlier "
                         "run of other code), with benchmarks/same_outputs.py")
    a = ap.parse_args(argv)
    jobs = os.cpu_count() or 1  # rehabstat reads with one process per core by default
    compile_package()
    load_before = os.getloadavg()  # the machine may be shared: the figures move with its load

    if a.report_only:
        full, m_full = dataset("full", 1.0)
        facility, fac_dir = largest_facility(full, m_full)
        cpu: list = []
        seconds, runs = best(lambda: report_once(fac_dir, cpu), a.repeat)
        load_after = os.getloadavg()
        print(f"\nrehabstat month report: {facility['unit']} ({facility['files']} workbooks), best of {a.repeat}, "
              f"load average {load_before[0]:.1f} before, {load_after[0]:.1f} after")
        print(f"  wall {', '.join(f'{x:.2f}' for x in runs)} s; CPU (user + system, worker included) "
              f"{', '.join(f'{x:.2f}' for x in cpu)} s")
        label, ref, measured, value, ok = report_goal(seconds)
        print(f"  {'PASS' if ok else 'FAIL'}  {label:<40} {ref:>18} {measured:>18} {value:>7}")
        return merged(a.out, "report_only", {"facility": facility["unit"], "report": seconds, "report_runs": runs,
                                             "report_cpu_runs": cpu, "load_before": load_before,
                                             "load_after": load_after, "pass": ok})

    if a.floors:
        f = measure_floors(a.repeat)
        f["load_before"], f["load_after"] = load_before, os.getloadavg()
        print(f"\nwhat the goals stand on: best of {a.repeat}, load average {load_before[0]:.1f} before, "
              f"{f['load_after'][0]:.1f} after")
        print_floors(f)
        return merged(a.out, "floors", f)

    if a.history:
        h = measure_history(a.history_dir, a.history_year, receive=a.history_receive)
        h["load_before"], h["load_after"] = load_before, os.getloadavg()
        print(f"\nrehabstat with three years kept: load average {load_before[0]:.1f} before, "
              f"{h['load_after'][0]:.1f} after")
        for label, ref, measured, value, ok in history_goals(h):
            print(f"  {'PASS' if ok else 'FAIL'}  {label:<44} {ref:>18} {measured:>20} {value:>7}")
        return merged(a.out, "history", h)

    if a.store_only:
        full, _ = dataset("full", 1.0)
        st = measure_store(full, workbooks(full), a.repeat)
        st["load_before"], st["load_after"] = load_before, os.getloadavg()
        print(f"\nrehabstat store benchmark: best of {a.repeat}, load average {load_before[0]:.1f} before")
        print_store(st)
        return merged(a.out, "store", st)

    full, m_full = dataset("full", 1.0)
    tenth, m_tenth = dataset("tenth", 0.1)
    files = workbooks(full)
    size_mb = sum(Path(f).stat().st_size for f in files) / 2**20
    facility, fac_dir = largest_facility(full, m_full)

    print(f"data: {len(files)} workbooks ({size_mb:.0f} MB), {m_full['facilities']} facilities, "
          f"{m_full['provinces']} provinces, {m_full['rows']:,} event rows ({m_full['events']:,} events); "
          f"tenth: {m_tenth['rows']:,} rows ({m_tenth['events']:,} events); {jobs} cores", flush=True)

    r: dict = {}
    print("(a) floor ...", flush=True)
    r["floor_1"], r["floor_1_runs"] = best(lambda: floor(files, 1), a.repeat)
    r["floor_n"], r["floor_n_runs"] = best(lambda: floor(files, jobs), a.repeat) if jobs > 1 else (r["floor_1"], [])
    print("(b) the usual way (pandas + openpyxl) ...", flush=True)
    if a.quick:
        sample = files[::20]
        r["usual"] = usual(sample) * len(files) / len(sample)
        r["usual_note"] = f"extrapolated from {len(sample)} workbooks"
    else:
        r["usual"] = usual(files)
    print("(c) rehabstat batch ...", flush=True)
    keep = a.keep_outputs or (Path(tempfile.mkdtemp(prefix="rehabstat-bench-kept-")) / "out" if a.same_as else None)
    r["batch"], r["batch_runs"] = best(lambda: batch_once(full, keep), a.repeat)
    print("(d) month report ...", flush=True)
    r["report_cpu_runs"] = []
    r["report"], r["report_runs"] = best(lambda: report_once(fac_dir, r["report_cpu_runs"]), a.repeat)
    print("(e) peak memory of the batch ...", flush=True)
    mem = batch_memory(full)
    r["memory"] = mem
    print("(f) batch on a tenth of the data ...", flush=True)
    r["batch_tenth"], r["batch_tenth_runs"] = best(lambda: batch_once(tenth), a.repeat)
    mem_tenth = batch_memory(tenth)
    r["memory_tenth"] = mem_tenth
    st = measure_store(full, files, a.repeat)

    floor_1 = r["floor_1"]  # the speed goals are against the ONE-process floor
    rows_ratio = m_full["rows"] / m_tenth["rows"]
    ratios = {
        "rehabstat/floor": r["batch"] / floor_1,
        "rehabstat/floor_n": r["batch"] / r["floor_n"],
        "store/floor": st["batch_store"] / floor_1,
        "usual/rehabstat": r["usual"] / r["batch"],
        "full/tenth (time)": r["batch"] / r["batch_tenth"],
        "full/tenth (memory)": mem["peak_pss_mb"] / mem_tenth["peak_pss_mb"],
        "full/tenth (events)": m_full["events"] / m_tenth["events"],
        "full/tenth (rows)": rows_ratio,
    }
    peak = mem["peak_pss_mb"]
    linear_max = TARGETS["linear"] * rows_ratio
    # (goal, floor or reference, measured, ratio or figure, pass)
    goals = [
        ("batch <= 2x the one-process floor", f"floor {floor_1:.2f} s", f"batch {r['batch']:.2f} s",
         f"{ratios['rehabstat/floor']:.1f}x", ratios["rehabstat/floor"] <= TARGETS["floor_ratio"]),
        (f">= {TARGETS['usual_ratio']:.0f}x faster than pandas+openpyxl", f"usual {r['usual']:.1f} s", f"batch {r['batch']:.2f} s",
         f"{ratios['usual/rehabstat']:.1f}x", ratios["usual/rehabstat"] >= TARGETS["usual_ratio"]),
        ("batch --store <= 1x the floor", f"floor {floor_1:.2f} s", f"--store {st['batch_store']:.2f} s",
         f"{ratios['store/floor']:.1f}x", ratios["store/floor"] <= TARGETS["store_floor_ratio"]),
        report_goal(r["report"]),
        (f"peak memory of the batch <= {TARGETS['peak_mb']:.0f} MB", "", f"PSS sum {peak:.0f} MB", f"{peak:.0f} MB",
         peak <= TARGETS["peak_mb"]),
        (f"{rows_ratio:.1f}x rows <= {linear_max:.1f}x time", f"tenth {r['batch_tenth']:.2f} s",
         f"batch {r['batch']:.2f} s", f"{ratios['full/tenth (time)']:.1f}x",
         ratios["full/tenth (time)"] <= linear_max),
        (f"{rows_ratio:.1f}x rows <= {linear_max:.1f}x memory", f"tenth {mem_tenth['peak_pss_mb']:.0f} MB",
         f"full {peak:.0f} MB", f"{ratios['full/tenth (memory)']:.1f}x", ratios["full/tenth (memory)"] <= linear_max),
    ]
    if a.same_as:
        same, summary = same_outputs(a.same_as, KEPT[0])
        compared = summary.split(" files compared")[0]
        goals.append(("same outputs as --same-as", a.same_as.name[-18:], f"{compared} files",
                      "same" if same else "differ", same))
        print(f"same outputs: {summary}")

    def row(label, value):
        print(f"  {label:<58} {value:>14}")
    print()
    print(f"rehabstat benchmark: {len(files)} workbooks, {m_full['rows']:,} event rows, {jobs} cores, "
          f"best of {a.repeat}, load average {load_before[0]:.1f} before, {os.getloadavg()[0]:.1f} after")
    row("(a) floor: calamine to lists, 1 process", f"{r['floor_1']:.2f} s")
    row(f"(a) floor: calamine to lists, {jobs} processes", f"{r['floor_n']:.2f} s")
    row("(b) usual: pandas.read_excel(openpyxl), every sheet" + (" ~" if a.quick else ""), f"{r['usual']:.2f} s")
    row("(c) rehabstat batch, end to end (63 BC + national)", f"{r['batch']:.2f} s")
    row(f"(d) month report, one facility ({facility['unit']}), whole process", f"{r['report']:.2f} s")
    row("    its CPU time, worker included (least of the runs)", f"{min(r['report_cpu_runs']):.2f} s")
    row(f"(e) peak memory of the batch, {mem['processes']} processes (PSS sum)", f"{peak:.0f} MB")
    row("    (RSS sum / largest single process)",
        f"{mem['peak_rss_mb']:.0f} / {mem['max_single_rss_mb'] or 0:.0f} MB")
    row(f"(f) rehabstat batch, a tenth ({m_tenth['rows']:,} rows)", f"{r['batch_tenth']:.2f} s")
    row("    its peak memory (PSS sum)", f"{mem_tenth['peak_pss_mb']:.0f} MB")
    row(f"(g) rehabstat / floor (1 process; {jobs} processes: {ratios['rehabstat/floor_n']:.1f}x)",
        f"{ratios['rehabstat/floor']:.1f}x")
    row("    usual / rehabstat", f"{ratios['usual/rehabstat']:.1f}x")
    row(f"    full / tenth: time (events {ratios['full/tenth (events)']:.1f}x, rows "
        f"{ratios['full/tenth (rows)']:.1f}x)", f"{ratios['full/tenth (time)']:.1f}x")
    print_store(st)
    print()
    print(f"  {'':4}  {'goal':<40} {'floor / reference':>18} {'measured':>18} {'':>7}")
    for label, ref, measured, value, ok in goals:
        print(f"  {'PASS' if ok else 'FAIL'}  {label:<40} {ref:>18} {measured:>18} {value:>7}")

    doc = {
        "machine": {"cores": jobs, "python": platform.python_version(), "platform": platform.platform(),
                    "load_before": load_before, "load_after": os.getloadavg()},
        "data": {"workbooks": len(files), "megabytes": round(size_mb, 1), "facilities": m_full["facilities"],
                 "provinces": m_full["provinces"], "rows": m_full["rows"], "events": m_full["events"],
                 "tenth_rows": m_tenth["rows"], "tenth_events": m_tenth["events"], "report_facility": facility["unit"]},
        "seconds": {k: r[k] for k in ("floor_1", "floor_n", "usual", "batch", "report", "batch_tenth")}
        | {"batch_store": st["batch_store"]},
        "runs": {k: r[k] for k in r if k.endswith("_runs")},
        "memory": mem,
        "memory_tenth": mem_tenth,
        "ratios": ratios,
        "targets": TARGETS,
        "goals": [{"goal": label, "reference": ref, "measured": measured, "value": value, "pass": ok}
                  for label, ref, measured, value, ok in goals],
        "repeat": a.repeat,
        "usual_note": r.get("usual_note"),
        "store": st,
    }
    a.out.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwritten: {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
