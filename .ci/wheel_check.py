"""Check a built wheel against the source tree: every file of the package that git tracks
(code, templates, data, the compiled template parts) is inside it. Usage:
    python .ci/wheel_check.py dist/rehabstat-*.whl"""
from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(wheel: str) -> int:
    tracked = subprocess.run(["git", "ls-files", "rehabstat"], cwd=ROOT, capture_output=True, text=True,
                             check=True).stdout.split()
    with zipfile.ZipFile(wheel) as zf:
        inside = set(zf.namelist())
    missing = sorted(set(tracked) - inside)
    for name in missing:
        print(f"missing from the wheel: {name}")
    kinds = sorted({Path(n).suffix for n in tracked})
    print(f"{wheel}: {len(tracked) - len(missing)}/{len(tracked)} package files ({', '.join(kinds)})")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
