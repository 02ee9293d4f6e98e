"""Run the installed `rehabstat` program the way a clerk does, on the samples, and check the
exit codes (0 done, 1 the data's problems, 2 wrong usage) and the files written.
    python .ci/smoke.py /path/to/venv/bin/rehabstat
REHABSTAT_WORKERS=spawn in the environment runs it with the workers spawned."""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def main(program: str) -> int:
    import shutil
    program = str(Path(shutil.which(program) or program).absolute())  # the runs below start in a temporary folder
    failures = []
    with tempfile.TemporaryDirectory(prefix="rehabstat-smoke-") as tmp:
        tmp = Path(tmp)
        damaged = tmp / "damaged"
        damaged.mkdir()
        (damaged / "renamed.xlsx").write_bytes(b"not a workbook\r\n")
        data = (SAMPLES / "son-la" / "2021-03.xlsx").read_bytes()
        (damaged / "cut.xlsx").write_bytes(data[: len(data) // 3])
        runs = [
            (["validate", SAMPLES / "son-la"], 0, []),
            (["validate", damaged, "--lang", "en"], 1, []),
            (["report", "--data", SAMPLES / "son-la", "--year", "2021", "--out", tmp / "report"], 0,
             [tmp / "report" / "BC-SL01-2021.docx", tmp / "report" / "BC-SL01-2021.xlsx"]),
            (["batch", "--data", SAMPLES, "--year", "2021", "--quarter", "2", "--out", tmp / "batch"], 0,
             [tmp / "batch" / "TongHop-2021-Q2.xlsx", tmp / "batch" / "BC-Son-La-2021-Q2.docx"]),
            (["report", "--data", SAMPLES / "son-la", "--year", "2021", "--month", "13"], 2, []),
        ]
        for args, want, files in runs:
            args = [str(a) for a in args]
            res = subprocess.run([program, *args], capture_output=True, text=True, encoding="utf-8",
                                 errors="replace", cwd=tmp, timeout=600)
            ok = res.returncode == want and all(f.is_file() for f in files)
            print(f"{'ok ' if ok else 'FAIL'} exit {res.returncode} (want {want}): rehabstat {' '.join(args)}")
            if not ok:
                failures.append(args)
                print((res.stdout + res.stderr)[-2000:])
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
