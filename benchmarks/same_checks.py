"""Same issues, frames and indicator tables before and after a change to the serial phase
(checks, build_dataset, indicators, learner ids).

    python benchmarks/same_checks.py dump REF.pkl [NAME ...]     # with the code before the change
    python benchmarks/same_checks.py compare REF.pkl [NAME ...]  # with the code after it; exit 1 on a difference

NAME: full (the benchmark's national year, benchmarks/.data/full or $REHABSTAT_FULL), each
folder of samples/, samples, and fuzz1 / fuzz2: the national year with rows perturbed
(counts, event types, persons, duplicate rows, census cells blanked or dropped, figures,
duplicate months, reader errors that drop rows) so that every check finds thousands of
issues. run_checks in Vietnamese and English, with and without a period and X002; the
indicator tables at the three levels; learner_ids. The workbooks are read once (2
processes) and cached in $TMPDIR/rehabstat-same-checks.
"""
import sys, pickle, time, os, datetime as dt, tempfile
from pathlib import Path
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
os.chdir(HERE.parent)
from rehabstat.reading.dataset import read_paths, build_dataset
from rehabstat.common.periods import make_period
from rehabstat.settings.config import load_config
from rehabstat.common import rules

CACHE = Path(tempfile.gettempdir()) / "rehabstat-same-checks"
CACHE.mkdir(exist_ok=True)
DATA = {"full": Path(os.environ.get("REHABSTAT_FULL", HERE / ".data" / "full"))}
for p in sorted(Path("samples").iterdir()):
    if p.is_dir():
        DATA[p.name] = p
DATA["samples"] = Path("samples")
DATA["fuzz1"] = DATA["full"]; DATA["fuzz2"] = DATA["full"]

def perturb(ds, seed):
    import numpy as np, pandas as pd
    from rehabstat.reading.dataset import Dataset
    from rehabstat.common.issues import Issue
    from rehabstat.common.codes import EVENT_TYPES
    rng = np.random.default_rng(seed)
    ev = ds.events.copy()
    n = len(ev)
    i = rng.choice(n, n // 30, replace=False); ev.loc[ev.index[i], "count"] += rng.integers(1, 4, len(i))
    i = rng.choice(n, n // 50, replace=False); ev.loc[ev.index[i], "event"] = rng.choice(list(EVENT_TYPES), len(i))
    i = rng.choice(n, n // 100, replace=False); j = rng.choice(n, len(i))
    ev.loc[ev.index[i], "person"] = ev["person"].to_numpy()[j]
    i = rng.choice(n, n // 300, replace=False); ev.loc[ev.index[i], "person"] = None
    ch = ev.index[ev["event"] == "CHUYEN_DIEN"]
    ev.loc[ch[: len(ch) // 3], "new_category"] = "TN"
    dup = ev.iloc[rng.choice(n, n // 100, replace=False)]
    ev = pd.concat([ev, dup], ignore_index=True)
    ev = ev.iloc[rng.permutation(len(ev))] if seed % 2 else ev
    ev["count"] = ev["count"].astype("int64")
    cen = ds.census.copy()
    m = len(cen)
    for col in ("opening", "closing", "present", "absent"):
        i = rng.choice(m, m // 20, replace=False); cen.loc[cen.index[i], col] += 1
        i = rng.choice(m, m // 40, replace=False); cen.loc[cen.index[i], col] = pd.NA
    cen = cen.drop(cen.index[rng.choice(m, m // 25, replace=False)])
    fig = ds.figures.copy()
    k = len(fig)
    i = rng.choice(k, k // 10, replace=False); fig.loc[fig.index[i], "value"] *= 3
    fig = fig.drop(fig.index[rng.choice(k, k // 30, replace=False)])
    files = ds.files.copy()
    i = rng.choice(len(files), 6, replace=False)
    files.loc[files.index[i], "month"] = (files.loc[files.index[i], "month"] % 12) + 1
    files.loc[files.index[i[:2]], "status"] = "error"
    files = files.drop(files.index[rng.choice(len(files), 10, replace=False)])
    issues = list(ds.issues)
    for f in rng.choice(ds.files["file"].to_numpy(), 15, replace=False):
        for role in ("census", "events"):
            sh = ds.layout.get((f, role))
            if sh and rng.random() < 0.6:
                issues.append(Issue("C001", "error", (("value", "x"),), file=f, sheet=sh, row=int(rng.integers(2, 30))))
    return Dataset(files, cen, ev, fig, ds.totals, ds.layout, issues, [], ds.provincial)
TODAY = dt.date(2026, 11, 29)

def results(name):
    name = "full" if name.startswith("fuzz") else name
    f = CACHE / f"{name}.results.pkl"
    if f.exists():
        return pickle.loads(f.read_bytes())
    from rehabstat.reading.dataset import find_workbooks, _read_all
    res = _read_all(find_workbooks([DATA[name]]), 2, None)
    if not res:
        raise SystemExit(f"no workbooks in {DATA[name]} (set REHABSTAT_FULL, or run benchmarks/run.py to make them)")
    f.write_bytes(pickle.dumps(res))
    return res

def issue_t(i):
    return (i.code, i.severity, i.message, i.file, i.sheet, i.row, i.column, i.field, i.unit, i.province, i.month)

def frames(ds):
    return {k: getattr(ds, k) for k in ("files", "census", "events", "figures", "provincial")} | {
        "totals": ds.totals, "layout": ds.layout, "issues": [issue_t(i) for i in ds.issues]}

def run(name, timing=None):
    from rehabstat.checking.checks import run_checks
    from rehabstat.computing.indicators import compute
    from rehabstat.common.issues import learner_ids
    res = results(name)
    t = time.perf_counter(); ds = build_dataset(res); tb = time.perf_counter() - t
    if name.startswith("fuzz"):
        ds = perturb(ds, int(name[4:]))
    cfg = load_config([DATA[name]])
    out = {"frames": frames(ds)}
    tc = 0
    periods = {"none": None, "2021": make_period(year=2021), "2019": make_period(year=2019), "2025": make_period(year=2025),
               "q2-2021": make_period(year=2021, quarter=2)}
    for lang in ("vi", "en"):
        rules.LANG["value"] = lang
        for pk, per in periods.items():
            if name in ("full", "fuzz1", "fuzz2") and pk not in ("none", "2021"):
                continue
            for months in (True, False):
                t = time.perf_counter()
                iss = run_checks(ds, period=per, today=TODAY, config=cfg, months=months)
                tc += time.perf_counter() - t
                out[("checks", lang, pk, months)] = [issue_t(i) for i in iss]
    rules.LANG["value"] = "vi"
    t = time.perf_counter()
    for pk, per in periods.items():
        if per is None or (name in ("full", "fuzz1", "fuzz2") and pk != "2021"):
            continue
        for level in ("facility", "province", "national"):
            out[("ind", pk, level)] = compute(ds, per, level=level, split=cfg.split)
    ti = time.perf_counter() - t
    t = time.perf_counter(); ids = learner_ids(ds); tl = time.perf_counter() - t
    out["ids"] = (set(ids), set(ids.shapes))
    return out, dict(build=tb, checks=tc, ind=ti, ids=tl)

def eq(a, b):
    import pandas as pd
    if isinstance(a, pd.DataFrame):
        try:
            pd.testing.assert_frame_equal(a, b, check_exact=True)
            return True
        except AssertionError as e:
            print("   ", str(e)[:500]); return False
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(eq(a[k], b[k]) for k in a)
    return a == b

if __name__ == "__main__":
    cmd = sys.argv[1]
    names = sys.argv[3:] if len(sys.argv) > 3 else list(DATA)
    if cmd == "dump":
        allout = {}
        for n in names:
            allout[n], tm = run(n); print(n, {k: round(v, 3) for k, v in tm.items()}, sum(len(v) for k, v in allout[n].items() if k[0] == "checks"), "issues")
        Path(sys.argv[2]).write_bytes(pickle.dumps(allout))
    elif cmd == "compare":
        ref = pickle.loads(Path(sys.argv[2]).read_bytes())
        bad = 0
        names = sys.argv[3:] or list(ref)
        for n in names:
            out, tm = run(n)
            for k in ref[n]:
                if k not in out or not eq(ref[n][k], out[k]):
                    bad += 1; print("DIFF", n, k)
            print(n, {k: round(v, 3) for k, v in tm.items()}, "ok" if not bad else "")
        print("SAME" if not bad else f"{bad} DIFFERENT")
        sys.exit(1 if bad else 0)
