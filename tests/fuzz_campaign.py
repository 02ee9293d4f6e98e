"""A bigger fuzz campaign than the suite's (tests/test_fuzz.py), run by hand:

    python tests/fuzz_campaign.py --count 2000 --seed 1 --out /tmp/fuzz

Makes `count` mutated workbooks (tests/fuzz.py) from the suite's sources, then runs
`rehabstat validate --format json --annotate` on them in folders of --batch files, and
`rehabstat report --force` on every --report-every'th file alone. Records every anomaly:
an exit code outside 0-2, a traceback or parser message in the output, a timeout, a
report that wrote one file of two (or left a temp file), a changed input, a file missing
from validate's list. Prints a summary (per mutation kind: files, refused, read) and
writes anomalies to OUT/anomalies.json with the file kept for replay.
"""
from __future__ import annotations

import argparse
import collections
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import warnings  # noqa: E402

import fuzz  # noqa: E402

warnings.simplefilter("ignore", UserWarning)  # zipfile: "Duplicate name" (a mutation on purpose)
from test_fuzz import CRASH_SIGNS, sources  # noqa: E402


def run(args, timeout):
    t = time.perf_counter()
    try:
        proc = subprocess.run([sys.executable, "-m", "rehabstat", *map(str, args)], capture_output=True,
                              timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "", time.perf_counter() - t
    return proc, (proc.stdout + proc.stderr).decode("utf-8", "replace"), time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--batch", type=int, default=100)
    ap.add_argument("--report-every", type=int, default=20)
    ap.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "rehabstat-fuzz")
    a = ap.parse_args()
    if a.out.exists():
        shutil.rmtree(a.out)
    a.out.mkdir(parents=True)
    started = time.perf_counter()
    corpus = fuzz.make_corpus(sources(a.out), a.out / "all", a.count, a.seed)
    digests = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in corpus}
    anomalies, kinds, slowest = [], collections.Counter(), []
    refused = collections.Counter()
    files = sorted(corpus)
    for k in range(0, len(files), a.batch):
        folder = a.out / f"batch{k // a.batch:03d}"
        folder.mkdir()
        chunk = files[k:k + a.batch]
        for p in chunk:
            shutil.copy(p, folder / p.name)
        proc, out, secs = run(["validate", folder, "--format", "json", "--annotate", a.out / "kiem-tra" / folder.name],
                              timeout=60 + 20 * len(chunk))
        slowest.append((secs / len(chunk), folder.name))
        if proc is None or proc.returncode not in (0, 1) or any(s in out for s in CRASH_SIGNS):
            anomalies.append({"where": folder.name, "what": "validate", "rc": proc and proc.returncode,
                              "out": out[-2000:]})
            continue
        doc = json.loads(proc.stdout)
        listed = {Path(f["path"]).name: f["status"] for f in doc["files"]}
        codes = collections.defaultdict(set)
        for i in doc["issues"]:
            if i["file"]:  # file-less issues: missing months, transfers
                codes[Path(i["file"]).name].add(i["code"])
        for p in chunk:
            kind = "+".join(m.split(":")[0].rstrip("0123456789") for m in corpus[p].split(": ", 1)[1].split("+"))
            kinds[kind] += 1
            if p.name not in listed:
                anomalies.append({"where": p.name, "what": "missing from validate", "mutation": corpus[p]})
            else:
                hard = sorted(codes[p.name] & {"F001", "F002", "F003", "F004"})
                refused[(kind, hard[0] if hard else "read, with issues" if codes[p.name] else "read, clean")] += 1
            if hashlib.sha256((folder / p.name).read_bytes()).hexdigest() != digests[p]:
                anomalies.append({"where": p.name, "what": "input changed", "mutation": corpus[p]})
        print(f"{folder.name}: {len(chunk)} files in {secs:.1f} s, {len(anomalies)} anomalies so far", flush=True)
    for p in files[::a.report_every]:
        alone = a.out / "alone" / p.stem
        alone.mkdir(parents=True)
        shutil.copy(p, alone / p.name)
        dest = a.out / "reports" / p.stem
        proc, out, secs = run(["report", "--data", alone, "--year", "2021", "--force", "--out", dest], timeout=120)
        written = sorted(q.name[-5:] for q in dest.iterdir()) if dest.exists() else []
        if proc is None or proc.returncode not in (0, 1, 2) or any(s in out for s in CRASH_SIGNS) \
                or written not in ([], [".docx", ".xlsx"]):
            anomalies.append({"where": p.name, "what": "report", "rc": proc and proc.returncode, "written": written,
                              "mutation": corpus[p], "out": out[-2000:]})
    (a.out / "anomalies.json").write_text(json.dumps(anomalies, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"\n{len(files)} files, {len(files[::a.report_every])} reports, {time.perf_counter() - started:.0f} s")
    print("mutations:", dict(sorted(kinds.items())))
    print("outcome by mutation:")
    for (kind, outcome), n in sorted(refused.items()):
        print(f"  {kind:<28} {outcome:<18} {n}")
    print("slowest validate per file (s):", sorted(slowest, reverse=True)[:3])
    print(f"anomalies: {len(anomalies)} (see {a.out / 'anomalies.json'})")
    for x in anomalies[:20]:
        print(" ", {k: v for k, v in x.items() if k != "out"}, x.get("out", "")[-300:])


if __name__ == "__main__":
    main()
