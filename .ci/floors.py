"""Print a pip constraints file that pins every dependency of pyproject.toml (the test extra
included) to its declared floor: `name>=X` becomes `name==X`. CI installs with it to run the
suite on the oldest versions the project admits, so a floor raised or a dependency added in
pyproject.toml is tested without touching CI."""
from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

REQ = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*(.*?)\s*(;.*)?$")


def floors(pyproject: Path) -> list[str]:
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    reqs = list(project.get("dependencies", []))
    for extra in project.get("optional-dependencies", {}).values():
        reqs += extra
    pins: dict[str, str] = {}
    for req in reqs:
        m = REQ.match(req)
        if not m:
            raise SystemExit(f"cannot read the requirement {req!r}")
        name, spec, marker = m.group(1), m.group(3), m.group(4) or ""
        low = re.search(r">=\s*([^,\s]+)", spec)
        if low is None:
            raise SystemExit(f"{req!r} declares no floor (name>=X): every dependency needs a tested floor")
        pins[name.lower()] = f"{name}=={low.group(1)}{(' ' + marker) if marker else ''}"
    return sorted(pins.values(), key=str.lower)


if __name__ == "__main__":
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "pyproject.toml"
    print("\n".join(floors(path)))
