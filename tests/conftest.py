import json
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"


def _hypothesis_profiles():
    """HYPOTHESIS_PROFILE=ci (set by .ci/run): the property tests draw the same examples on
    every run and machine, so CI says the same of the same code; a plain run explores new
    examples each time (and tests/fuzz_campaign.py explores files at length)."""
    import os
    from hypothesis import settings
    settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


_hypothesis_profiles()


@pytest.fixture(autouse=True, scope="session")
def _own_ledger(tmp_path_factory):
    """The ledger of what rehabstat wrote (workbooks/written.py) is the test session's, not
    the user's (subprocesses inherit it through the environment)."""
    import os
    os.environ["REHABSTAT_STATE"] = str(tmp_path_factory.mktemp("state"))


@pytest.fixture(autouse=True)
def _vietnamese():
    """Every test starts in Vietnamese, the tool's default: a CLI run with --lang en leaves its
    choice in the process, and under pytest-xdist any test file may run after any other."""
    from rehabstat.common.language import LANG
    LANG["value"] = "vi"


@pytest.fixture(scope="session")
def son_la():
    return SAMPLES / "son-la"


@pytest.fixture(scope="session")
def ha_noi():
    return SAMPLES / "ha-noi"


@pytest.fixture
def nop(tmp_path, son_la):
    """A folder holding Sơn La's twelve monthly workbooks of 2021 (a facility's year sent)."""
    folder = tmp_path / "nop"
    folder.mkdir()
    for m in range(1, 13):
        shutil.copy(son_la / f"2021-{m:02d}.xlsx", folder)
    return folder


def son_la_with(tmp_path, toml_tail: str) -> Path:
    """A copy of the Sơn La sample whose rehabstat.toml ends with `toml_tail`."""
    data = tmp_path / "D"
    shutil.copytree(SAMPLES / "son-la", data)
    toml = data / "rehabstat.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + "\n" + toml_tail, encoding="utf-8")
    return data


@pytest.fixture(scope="session")
def son_la_2021(son_la):
    from rehabstat.computing.indicators import compute
    from rehabstat.common.periods import make_period
    from rehabstat.commands.prepare import read as load
    ds, cfg = load(son_la)
    return compute(ds, make_period(year=2021), split=cfg.split)


def figure(table, indicator, category="ALL", unit=None):
    from rehabstat.computing.indicators import value
    return value(table, indicator, category, unit)


def cli(*args):
    from typer.testing import CliRunner
    from rehabstat.cli import app
    return CliRunner().invoke(app, [str(a) for a in args])


def cli_json(*args):
    res = cli(*args)
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)


def text_of(path) -> str:
    """A .docx as text: its paragraphs, then each table row with its cells joined by ' | '."""
    import docx
    d = docx.Document(path)
    parts = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            parts.append(" | ".join(c.text for c in row.cells))
    return "\n".join(parts)


def copy_samples_config(dest: Path) -> Path:
    """samples/rehabstat.toml for a folder holding some of the samples: its [facility.X] tables
    of the facilities under `dest` only (the sample folders are named by facility code), since
    a table naming a facility its folder does not hold is a configuration error."""
    import tomllib
    raw = tomllib.loads((SAMPLES / "rehabstat.toml").read_text(encoding="utf-8"))
    held = {p.name for p in dest.rglob("*") if p.is_dir()}
    lines = []
    for unit, life in raw.get("facility", {}).items():
        if unit in held:
            lines += [f"[facility.{unit}]"] + [f'{k} = "{v}"' for k, v in life.items()] + [""]
    assert set(raw) <= {"facility"}, "samples/rehabstat.toml has more than [facility] tables: copy them too"
    target = dest / "rehabstat.toml"
    target.write_text("\n".join(lines), encoding="utf-8")
    return target
