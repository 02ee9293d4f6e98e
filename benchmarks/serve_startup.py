"""`rehabstat serve` startup (goal: ready in under 2 s): launched as a user launches it, on a
fresh store, until its login page is answered 200; the server's CPU seconds by then (which a
shared machine does not inflate as it inflates wall time) and the load average beside them;
and the CPU each step of the serve path costs to import, each in a fresh interpreter.

    python benchmarks/serve_startup.py             # 5 launches, 9 import runs
    python benchmarks/serve_startup.py --runs 10

Python is run as an installed rehabstat runs: with its bytecode (.pyc) written (pip writes
it at install); PYTHONDONTWRITEBYTECODE in the environment would compile every module at
every start and double the figures. The results go to benchmarks/results-serve.json.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from web_load import _cpu_of, free_port

ROOT = Path(__file__).resolve().parents[1]
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
# the serve path, in the order it is imported: the CLI, typer's parameter coercion (pydantic),
# the library calls, the web application, the ASGI server and its HTTP protocol
STEPS = ("rehabstat.cli", "typer._adapters", "rehabstat.api", "rehabstat.web.app", "uvicorn",
         "uvicorn.protocols.http.h11_impl")


def launch(root: Path) -> tuple[float, float | None]:
    """Seconds from launching `rehabstat serve` to its login page answered 200, and the server's
    CPU seconds by then. Asked with http.client, which costs the asking side nearly nothing
    (httpx builds an SSL context for every get: half a second of this machine, counted as the
    server's if it asks)."""
    import http.client
    port = free_port()
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "rehabstat", "serve", "--store", str(root), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, env=ENV)
    try:
        while True:
            try:
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                c.request("GET", "/login")
                status = c.getresponse().status
                c.close()
                if status == 200:
                    return time.perf_counter() - t0, _cpu_of(proc.pid)
            except OSError:
                if time.perf_counter() - t0 > 120:
                    raise
                time.sleep(0.01)
    finally:
        proc.terminate()
        proc.wait(timeout=120)


def import_steps(runs: int) -> dict:
    code = ("import importlib, json, time\nout = []\nt = time.process_time()\n"
            f"for m in {STEPS!r}:\n    importlib.import_module(m)\n"
            "    n = time.process_time(); out.append(n - t); t = n\nprint(json.dumps(out))\n")
    got = [json.loads(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                                     env=ENV, check=True).stdout) for _ in range(runs)]
    return {m: round(statistics.median(r[k] for r in got), 3) for k, m in enumerate(STEPS)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "rehabstat")], env=ENV, check=True,
                   stdout=subprocess.DEVNULL)
    from rehabstat.store import Store
    with tempfile.TemporaryDirectory(prefix="rehabstat-serve-") as work:
        root = Path(work) / "kho"
        Store.open(root, create=True).close()
        load_before = os.getloadavg()[0]
        launches = [launch(root) for _ in range(args.runs)]
    steps = import_steps(max(args.runs, 9))
    result = {"wall_s": [round(w, 2) for w, _ in launches], "cpu_s": [c for _, c in launches],
              "median_wall_s": round(statistics.median(w for w, _ in launches), 2),
              "median_cpu_s": statistics.median(c for _, c in launches if c is not None),
              "import_cpu_s": steps, "load_average": [round(load_before, 1), round(os.getloadavg()[0], 1)],
              "cpus": os.cpu_count(), "when": time.strftime("%Y-%m-%d %H:%M")}
    print(f"serve → first page 200: median {result['median_wall_s']} s wall, {result['median_cpu_s']} s CPU of the "
          f"server (runs {result['wall_s']} / {result['cpu_s']}); load average {result['load_average']} on "
          f"{result['cpus']} cores")
    for m, cpu in steps.items():
        print(f"  import {m:40} {cpu * 1000:5.0f} ms CPU")
    out = Path(__file__).with_name("results-serve.json")
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"written: {out}")


if __name__ == "__main__":
    main()
