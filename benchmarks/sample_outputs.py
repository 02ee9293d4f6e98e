"""Every kind of workbook and document rehabstat writes, made from samples/ into one folder,
to compare two versions of the code with benchmarks/same_outputs.py:

    python benchmarks/sample_outputs.py OUT_DIR [--national DIR]   # DIR: e.g. benchmarks/.data/tenth

Run it with the code before a change (a copy of main: PYTHONPATH=copy python ...) and after,
then `python benchmarks/same_outputs.py BEFORE AFTER`. Each command runs as its own process
(`python -m rehabstat`), with a fixed --date where the command takes one; a store is made
in a temporary folder (receive, approve) for `batch --store` and `report --store`.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
S = ROOT / "samples"


def commands(out: Path, store: Path, national: Path | None) -> list[list[str]]:
    cmds = [
        ["report", "--data", S / "son-la", "--year", "2021", "--out", out / "report-son-la", "--date", "15/01/2022"],
        ["report", "--data", S / "son-la", "--year", "2021", "--month", "6", "--out", out / "report-month",
         "--date", "05/07/2021"],
        ["report", "--data", S, "--province", "Cao Bằng", "--from", "01/2017", "--to", "06/2020",
         "--out", out / "report-cao-bang", "--date", "10/07/2020"],
        ["report", "--data", S / "ha-noi", "--year", "2021", "--quarter", "2", "--province", "Hà Nội",
         "--out", out / "report-ha-noi", "--date", "10/07/2021"],
        ["report", "--data", S, "--year", "2019", "--province", "Nam Định",
         "--targets", S / "targets" / "nam-dinh-2019.xlsx", "--out", out / "report-nam-dinh", "--date", "10/01/2020"],
        ["report", "--data", S / "ha-noi", "--year", "2021", "--province", "Hà Nội", "--force",
         "--out", out / "report-draft", "--date", "10/07/2021"],
        ["plan", "--data", S / "son-la", "--year", "2022", "--targets", S / "targets" / "son-la-2022.xlsx",
         "--out", out / "plan-son-la"],
        ["batch", "--data", S, "--year", "2021", "--quarter", "2", "--out", out / "batch-samples", "--force"],
        ["batch", "--data", S / "ninh-binh-2025", "--year", "2025", "--out", out / "batch-2025", "--force"],
        ["form", "--facility", "SL01", "--name", "Cơ sở cai nghiện ma túy số 1", "--province", "Sơn La",
         "--month", "01/2022", "--data", S / "son-la", "--out", out / "form" / "SL01-2022-01.xlsx"],
        ["form", "--facility", "XX01", "--name", "Cơ sở mới", "--province", "Sơn La",
         "--month", "02/2024", "--out", out / "form" / "XX01-2024-02.xlsx"],
        ["form", "--level", "province", "--province", "Cao Bằng", "--period", "Quý II/2020",
         "--out", out / "form" / "tinh-cao-bang.xlsx"],
        ["indicators", "--data", S / "son-la", "--year", "2021", "--format", "xlsx", "--out", out / "ind" / "son-la.xlsx"],
        ["indicators", "--data", S / "ha-noi", "--year", "2021", "--quarter", "2", "--level", "province",
         "--format", "xlsx", "--out", out / "ind" / "ha-noi.xlsx"],
        ["validate", S / "son-la" / "2021-03.xlsx", S / "ha-noi" / "HN03", "--annotate", out / "annotate"],
        ["receive", S / "ha-noi", S / "cao-bang", "--store", store],
        ["approve", "--store", store, "--province", "Hà Nội", "--year", "2021", "--quarter", "1"],
        ["batch", "--store", store, "--year", "2021", "--quarter", "2", "--out", out / "batch-store", "--force"],
        ["report", "--store", store, "--province", "Hà Nội", "--year", "2021", "--quarter", "1",
         "--out", out / "report-store", "--date", "10/04/2021"],
    ]
    if national is not None:
        cmds.append(["batch", "--data", national, "--year", "2021", "--out", out / "batch-national", "--force"])
    return [[str(a) for a in c] for c in cmds]


def main(argv: list[str]) -> int:
    national = None
    if "--national" in argv:
        k = argv.index("--national")
        national = Path(argv[k + 1])
        argv = argv[:k] + argv[k + 2:]
    if len(argv) != 1:
        sys.exit(__doc__)
    out = Path(argv[0]).resolve()
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "kho"
        for cmd in commands(out, store, national):
            r = subprocess.run([sys.executable, "-m", "rehabstat", *cmd], cwd=ROOT, capture_output=True, text=True,
                               env={**os.environ, "REHABSTAT_LANG": "vi"})
            print(f"exit {r.returncode}: rehabstat {' '.join(cmd)}", flush=True)
            if r.returncode not in (0, 1):
                print(r.stdout[-2000:], r.stderr[-2000:])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
