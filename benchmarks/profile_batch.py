"""Where the time of `rehabstat batch` goes, in ONE process.

    python benchmarks/profile_batch.py [DATA] [--profile FILE.prof] [--top 30] [--out DIR]

DATA defaults to benchmarks/.data/full (made by benchmarks/run.py). The workbooks are read
in this process (not in sandbox workers, so that the profiler sees the reading); province
documents are rendered one after the other (jobs=1). Prints the wall time of each stage
(inclusive, measured by wrapping the stage's function) and, with --profile, cProfile's top
lines. The stages:

  read        read_workbook over every file (precheck, open, parse, rows) + build_dataset
    precheck  safety.precheck (cheap checks before the parser)
    open      safety.open_workbook (the parser opens the file)
    parse     calamine: every used sheet to Python lists
    rows      turning the sheets' lists into rows (reader._read_table, _read_info)
    dataset   build_dataset (the pandas frames)
  checks      checks.run_checks
  gate        gate.decide
  compute     indicators.compute (+ batch._aggregate)
  docx        render.render_docx (63 BC .docx)
  xlsx        report.write_report_workbook (63 BC .xlsx)
  national    national.build_national + finish_national (the national workbook; built while the
              render workers run when there are some)
"""
from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

TIMES: dict = defaultdict(float)
CALLS: dict = defaultdict(int)


def timed(module, name, label):
    fn = getattr(module, name)

    def wrapper(*a, **k):
        t0 = time.perf_counter()
        try:
            return fn(*a, **k)
        finally:
            TIMES[label] += time.perf_counter() - t0
            CALLS[label] += 1
    wrapper.__wrapped__ = fn
    setattr(module, name, wrapper)


def instrument(parallel=False):
    import rehabstat.commands.batch as batch
    import rehabstat.reading.dataset as dataset
    import rehabstat.checking.gate as gate
    import rehabstat.computing.indicators as indicators
    import rehabstat.workbooks.national as national
    import rehabstat.reading.reader as reader
    import rehabstat.documents.render as render
    import rehabstat.reading.safety as safety
    import rehabstat.commands.report as service

    def read_all(files, jobs, progress, warm=(), window=None):  # in this process, in order (what the workers do)
        out = []
        for f in files:
            out.append(reader.read_workbook(f, window=window))
            if progress:
                progress(f)
        return out
    if not parallel:
        dataset._read_all = read_all
    timed(dataset, "_read_all", "read: read_workbook (all)")
    timed(dataset, "build_dataset", "read: build_dataset")
    import rehabstat.store as store
    timed(store, "load_dataset", "read: the store's Dataset (load_dataset)")
    timed(safety, "precheck", "read:   precheck")
    timed(safety, "open_workbook", "read:   open (parser)")
    opened = safety.open_workbook

    class Sheet:  # calamine's sheet -> Python lists, timed
        def __init__(self, sheet):
            self._sheet = sheet

        def to_python(self, *a, **k):
            t0 = time.perf_counter()
            try:
                return self._sheet.to_python(*a, **k)
            finally:
                TIMES["read:   parse (calamine to_python)"] += time.perf_counter() - t0
                CALLS["read:   parse (calamine to_python)"] += 1

        def __getattr__(self, name):
            return getattr(self._sheet, name)

    class Book:
        def __init__(self, wb):
            self._wb = wb

        def get_sheet_by_index(self, index):
            t0 = time.perf_counter()
            try:
                return Sheet(self._wb.get_sheet_by_index(index))
            finally:
                TIMES["read:   parse (calamine get_sheet)"] += time.perf_counter() - t0
                CALLS["read:   parse (calamine get_sheet)"] += 1

        def __getattr__(self, name):
            return getattr(self._wb, name)

    safety.open_workbook = lambda *a, **k: Book(opened(*a, **k))
    timed(reader, "_read_table", "read:   rows (_read_table)")
    timed(reader, "_read_info", "read:   rows (_read_info)")
    timed(reader, "_extras", "read:   _extras (sheet XML: errors, formulas)")
    timed(reader, "_legacy_encoding", "read:   _legacy_encoding (parse excluded)")
    timed(gate, "checked_issues", "checks")
    timed(batch, "_render_all", "write: all provinces (_render_all)")
    import rehabstat.common.issues as issues_mod
    timed(issues_mod, "learner_ids", "learner_ids")
    timed(gate, "decide", "gate")
    timed(indicators, "compute", "compute")
    timed(batch, "_aggregate", "compute: _aggregate")
    timed(batch, "_monthly_census", "compute: _monthly_census")
    timed(render, "render_docx", "write: BC .docx")
    timed(service, "write_report_workbook", "write: BC .xlsx")
    import rehabstat.documents.report as report
    timed(report, "build_context", "write: build_context")
    timed(national, "build_national", "write: national workbook (cells)")
    timed(national, "finish_national", "write: national workbook (saved)")


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("data", nargs="?", default=str(HERE / ".data" / "full"))
    ap.add_argument("--year", type=int, default=2021)
    ap.add_argument("--profile", help="write cProfile stats here and print the top lines")
    ap.add_argument("--top", type=int, default=30)
    ap.add_argument("--out", help="output folder (kept); default a temp folder")
    ap.add_argument("--parallel", action="store_true",
                    help="as the command runs: workbooks read in sandbox workers, provinces rendered in a pool "
                         "(stages inside the workers are then not seen)")
    ap.add_argument("--no-stages", action="store_true", help="no per-stage timers (the plain batch)")
    ap.add_argument("--store", action="store_true", help="DATA is a store (batch --store): nothing is parsed")
    ap.add_argument("--force", action="store_true", help="as batch --force")
    a = ap.parse_args(argv)

    t_import = time.perf_counter()
    from rehabstat.commands.batch import run_batch
    from rehabstat.common.periods import make_period
    t_import = time.perf_counter() - t_import
    if not a.no_stages:
        instrument(a.parallel)
    period = make_period(year=a.year)
    out = a.out or tempfile.mkdtemp(prefix="rehabstat-prof-")
    prof = cProfile.Profile() if a.profile else None
    load = os.getloadavg()
    t0 = time.perf_counter()
    if prof:
        prof.enable()
    source = Path(a.data)
    if a.store:
        from rehabstat.store import StoreSource
        source = StoreSource(source)
    res = run_batch(source, period, out, jobs=None if a.parallel else 1, force=a.force)
    if prof:
        prof.disable()
    wall = time.perf_counter() - t0
    print(f"batch {'as the command runs' if a.parallel else 'in one process'}: {wall:.2f} s (imports before: {t_import:.2f} s), load average "
          f"{load[0]:.1f} -> {os.getloadavg()[0]:.1f}; {res.workbooks} workbooks, "
          f"{sum(len(p.outputs) for p in res.provinces)} BC files, national: {bool(res.national)}")
    if TIMES.get("read:   _legacy_encoding (parse excluded)"):
        inner = sum(v for k, v in TIMES.items() if k.startswith("read:   ") and "_legacy" not in k)
        TIMES["read:   _legacy_encoding (parse excluded)"] -= (TIMES["read:   parse (calamine to_python)"]
                                                             + TIMES["read:   parse (calamine get_sheet)"])
        TIMES["read:   rest of read_workbook"] = TIMES["read: read_workbook (all)"] - inner - TIMES[
            "read:   _legacy_encoding (parse excluded)"]
    for label in sorted(TIMES, key=lambda k: (k.split(":")[0], -TIMES[k])):
        print(f"  {label:<34} {TIMES[label]:7.2f} s  ({CALLS[label]} calls)")
    if prof:
        prof.dump_stats(a.profile)
        st = pstats.Stats(a.profile)
        st.sort_stats("tottime").print_stats(a.top)
        st.sort_stats("cumulative").print_stats(a.top)
    if not a.out:
        import shutil
        shutil.rmtree(out, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
