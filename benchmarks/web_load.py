"""The web inbox under load (issue: facilities send in a browser): `rehabstat serve` started
as a user starts it, on a fresh store, on this machine only (127.0.0.1).

    python benchmarks/web_load.py                 # 50 uploads at once from several accounts
    python benchmarks/web_load.py --uploads 50 --repeat 3

It measures:
  (a) startup: from launching `rehabstat serve` to the first page answered (the goal: < 2 s);
  (b) upload to issues: for each of N workbooks sent at the same moment (one request each,
      from as many facility accounts as the samples have facilities), the time from sending
      the request to receiving the page that shows its outcome and issues; median and p95;
  (c) that every upload was answered and stored (the store's receipts);
  (d) the CPU seconds the server and its workers spent (startup, logins, the uploads), which a
      shared machine does not inflate as it inflates wall times; the load average beside them.
The figures go to benchmarks/results-web.json.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def facility_files() -> dict:
    """{facility code: [workbook, ...]} of the bundled samples (one facility per folder)."""
    from rehabstat.reading.reader import find_workbooks
    out: dict = {}
    folders = [SAMPLES / "son-la"] + sorted(p for p in (SAMPLES / "ha-noi").iterdir() if p.is_dir())
    for folder in folders:
        code = "SL01" if folder.name == "son-la" else folder.name
        out[code] = sorted(p for p in find_workbooks([folder]) if p.suffix.lower() == ".xlsx")
    return out


def _cpu_of(pid: int) -> float | None:
    """CPU seconds a process has used so far (Linux /proc), or None."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def start(root: Path, port: int) -> tuple[subprocess.Popen, float, float | None]:
    """`rehabstat serve` on the store: the seconds until its first page is answered, and the
    CPU seconds the server had used by then."""
    import httpx
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "rehabstat", "serve", "--store", str(root), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=ROOT)
    proc.stdout.readline()
    while True:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/login", timeout=5).status_code == 200:
                return proc, time.perf_counter() - t0, _cpu_of(proc.pid)
        except httpx.HTTPError:
            if time.perf_counter() - t0 > 60:
                raise
            time.sleep(0.02)


def login(base: str, name: str, password: str):
    import httpx
    client = httpx.Client(base_url=base, timeout=600, follow_redirects=False)
    page = client.get("/login").text
    token = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    r = client.post("/login", data={"csrf": token, "username": name, "password": password})
    assert r.status_code == 303, r.text
    csrf = re.search(r'name="csrf" value="([^"]+)"', client.get("/facility").text).group(1)
    return client, csrf


def send(client, csrf, path: Path):
    t0 = time.perf_counter()
    r = client.post("/upload", data={"csrf": csrf},
                    files=[("files", (path.name, path.read_bytes(), "application/octet-stream"))])
    return r, time.perf_counter() - t0


def measure(uploads: int) -> dict:
    from rehabstat.store import Store
    from rehabstat.web import accounts
    work = Path(tempfile.mkdtemp(prefix="rehabstat-webload-"))
    root = work / "kho"
    files = facility_files()
    with Store.open(root, create=True) as s:
        for code in files:
            accounts.add(s, code.lower(), "facility", f"{code.lower()}-mat-khau", facility=code)
    port = free_port()
    import resource
    cpu0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    load = os.getloadavg()[0]
    proc, startup, startup_cpu = start(root, port)
    try:
        base = f"http://127.0.0.1:{port}"
        clients = {code: login(base, code.lower(), f"{code.lower()}-mat-khau") for code in files}
        jobs = []
        k = 0
        while len(jobs) < uploads:  # round robin over facilities: several accounts at once
            for code, paths in files.items():
                if k < len(paths) and len(jobs) < uploads:
                    jobs.append((code, paths[k]))
            k += 1
            if k > max(len(p) for p in files.values()):
                break
        results: list = [None] * len(jobs)
        barrier = threading.Barrier(len(jobs))

        def one(i, code, path):
            client, csrf = clients[code]
            barrier.wait()
            results[i] = send(client, csrf, path)
        threads = [threading.Thread(target=one, args=(i, c, p)) for i, (c, p) in enumerate(jobs)]
        t0 = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - t0
        latencies = sorted(t for _, t in results)
        answered = sum(1 for r, _ in results if r.status_code == 200 and "class=\"outcome\"" in r.text)
        with Store.open(root) as s:
            stored = s.con.execute("SELECT count(*) FROM receipts").fetchone()[0]
        proc.terminate()
        proc.wait(timeout=120)  # the workers end with it: their CPU time is counted in its children's
        cpu1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (cpu1.ru_utime - cpu0.ru_utime) + (cpu1.ru_stime - cpu0.ru_stime)
        return {"startup_s": round(startup, 3), "startup_cpu_s": startup_cpu, "cpu_s": round(cpu, 1), "load_average": round(load, 1), "uploads": len(jobs), "accounts": len({c for c, _ in jobs}),
                "answered": answered, "stored": stored, "wall_s": round(wall, 2),
                "median_s": round(statistics.median(latencies), 3),
                "p95_s": round(latencies[max(0, int(round(0.95 * len(latencies))) - 1)], 3),
                "max_s": round(latencies[-1], 3), "cpus": os.cpu_count()}
    finally:
        if proc.poll() is None:
            proc.terminate()
            proc.wait(timeout=120)
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--uploads", type=int, default=50)
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    runs = [measure(args.uploads) for _ in range(args.repeat)]
    for r in runs:
        print(f"startup {r['startup_s']:.2f} s (goal < 2 s; {r['startup_cpu_s']} CPU s); {r['uploads']} uploads at once from {r['accounts']} accounts: "
              f"{r['answered']} answered, {r['stored']} stored; upload to issues median {r['median_s']:.2f} s, "
              f"p95 {r['p95_s']:.2f} s, max {r['max_s']:.2f} s; all done in {r['wall_s']:.1f} s; server and workers "
              f"{r['cpu_s']:.0f} CPU s ({r['cpus']} cores, load average {r['load_average']} at the start)")
    out = Path(__file__).with_name("results-web.json")
    out.write_text(json.dumps({"runs": runs}, indent=2) + "\n", encoding="utf-8")
    print(f"written: {out}")


if __name__ == "__main__":
    main()
