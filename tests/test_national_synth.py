"""The national-scale generator (rehabstat.synth.national), on a tiny scale."""
from __future__ import annotations

import json

import pytest

from rehabstat.synth.national import PROVINCES, generate_national, plan_facilities

TINY = dict(facilities=4, provinces=2, months=2, year=2021, seed=7, scale=0.04, jobs=1)


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    out = tmp_path_factory.mktemp("national")
    manifest = generate_national(out / "a", **TINY)
    return out, manifest


def _files(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_provinces_list():
    assert len(PROVINCES) == 63
    assert len({name for name, _, _ in PROVINCES}) == 63
    assert len({prefix for _, prefix, _ in PROVINCES}) == 63


def test_plan_default_shape():
    plan = plan_facilities()
    assert len(plan) == 100
    assert len({f.province for f in plan}) == 63
    assert len({f.unit for f in plan}) == 100
    assert 15 <= sum(f.aggregated for f in plan) <= 40
    assert 15 <= sum(f.messy for f in plan) <= 45
    assert {f.kind for f in plan} == {"cs", "tn", "met"}


def test_deterministic_bytes(tiny, tmp_path):
    out, manifest = tiny
    again = generate_national(tmp_path / "b", **TINY)
    assert again == manifest
    first, second = _files(out / "a"), _files(tmp_path / "b")
    assert len([f for f in first if f.endswith(".xlsx")]) == TINY["facilities"] * TINY["months"]
    assert first == second


def test_scale_keeps_facilities_and_months(tiny, tmp_path):
    _, manifest = tiny
    small = generate_national(tmp_path / "s", **{**TINY, "scale": TINY["scale"] / 4})
    assert [u["unit"] for u in small["units"]] == [u["unit"] for u in manifest["units"]]
    assert small["files"] == manifest["files"]
    assert small["events"] < manifest["events"]
    assert json.loads((tmp_path / "s" / "national.json").read_text(encoding="utf-8")) == small


def test_valid_and_identities(tiny):
    from rehabstat.computing.indicators import compute
    from rehabstat.common.periods import make_period
    from rehabstat.commands.validate import validate_paths

    out, manifest = tiny
    assert manifest["aggregated"] >= 1 and manifest["messy"] >= 1  # both forms are read
    result = validate_paths([out / "a"])
    assert result.errors == [], [i.message for i in result.errors[:5]]
    ds = result.dataset
    assert len(ds.files) == manifest["files"]
    assert int(ds.events["count"].sum()) == manifest["events"]
    assert len(ds.events) == manifest["rows"]

    period = make_period(start="01/2021", end="02/2021")
    table = compute(ds, period, level="facility")
    wide = table.pivot_table(index=["unit", "category"], columns="indicator", values="value", aggfunc="sum").fillna(0)
    inflow = wide[["TIEP_NHAN", "BAT_LAI", "CHUYEN_DEN", "CHUYEN_DIEN_DEN"]].sum(axis=1)
    outflow = wide[["HOAN_THANH", "TRON", "TAM_DINH_CHI", "CHUYEN_DI", "TU_VONG", "BO_DIEU_TRI", "RA_KHAC",
                    "CHUYEN_DIEN_DI"]].sum(axis=1)
    assert ((wide["DAU_KY"] + inflow - outflow) == wide["CUOI_KY"]).all()
    assert ((wide["CO_MAT"] + wide["VANG_MAT"]) == wide["CUOI_KY"]).all()
    assert wide["CUOI_KY"].sum() > 0 and inflow.sum() > 0

    national = compute(ds, period, level="national")
    nat = national.set_index(["indicator", "category"])["value"]
    fac = table.groupby(["indicator", "category"])["value"].sum()
    for ind in ("DAU_KY", "CUOI_KY", "TIEP_NHAN", "HOAN_THANH"):
        assert nat[(ind, "ALL")] == fac[(ind, "ALL")]
