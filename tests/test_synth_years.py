"""Several national years generated as one continuous history (rehabstat.synth.national,
years > 1), on a tiny scale: the stocks, the people and their ids run on across the year
boundaries, so the years read together are as valid as each year alone."""
from __future__ import annotations

import json
import random
from pathlib import Path
from collections import Counter

import pytest

from rehabstat.synth.national import Facility, _Province, generate_national, year_folder

HISTORY = dict(facilities=4, provinces=2, months=12, year=2018, seed=7, scale=0.05, jobs=1, years=3)
YEARS = (2018, 2019, 2020)


@pytest.fixture(scope="module")
def history(tmp_path_factory):
    out = tmp_path_factory.mktemp("years")
    return out, generate_national(out, **HISTORY)


@pytest.fixture(scope="module")
def validated(history):
    from rehabstat.commands.validate import validate_paths
    out, _ = history
    return validate_paths([year_folder(out, y) for y in YEARS], jobs=1)


def test_one_folder_and_manifest_per_year(history):
    out, got = history
    assert got["first"] == 2018 and got["years"] == 3
    assert [m["year"] for m in got["by_year"]] == list(YEARS)
    for y, m in zip(YEARS, got["by_year"]):
        folder = year_folder(out, y)
        assert json.loads((folder / "national.json").read_text(encoding="utf-8")) == m
        assert m["history"] == {"first": 2018, "years": 3} and m["months"] == 12
        books = sorted(p.name for p in folder.rglob("*.xlsx"))
        assert len(books) == HISTORY["facilities"] * 12 == m["files"]
        assert {name[:4] for name in books} == {str(y)}
    assert got["files"] == 3 * HISTORY["facilities"] * 12
    assert not list(out.glob("*.xlsx")) and not (out / "national.json").exists()


def test_january_opens_with_december_closing(validated, history):
    _, got = history
    census = validated.dataset.census
    census = census.assign(at=census["year"] * 12 + census["month"] - 1)
    # a messy workbook leaves out a category with nothing at all: that row is zeros
    keys = census[["unit", "category"]].drop_duplicates().itertuples(index=False)
    by = census.set_index(["unit", "category", "at"])[["opening", "closing"]]
    pairs = 0
    for unit, cat in keys:
        for y in YEARS[1:]:
            dec = by.loc[(unit, cat, (y - 1) * 12 + 11)] if (unit, cat, (y - 1) * 12 + 11) in by.index else None
            jan = by.loc[(unit, cat, y * 12)] if (unit, cat, y * 12) in by.index else None
            closing = 0 if dec is None else int(dec["closing"])
            opening = 0 if jan is None else int(jan["opening"])
            assert opening == closing, (unit, cat, y)
            pairs += closing > 0
    facility_cats = sum(len(u["categories"]) for u in got["by_year"][0]["units"])
    assert pairs >= facility_cats  # most facility-categories hold people across both boundaries
    # the stock is not restarted: a December's closing is not the planned size of a new year
    for unit in got["by_year"][0]["units"]:
        assert by.loc[(unit["unit"], unit["categories"][0], 2019 * 12), "opening"] > 0


def test_the_years_together_are_valid(validated):
    codes = Counter(i.code for i in validated.issues)
    assert validated.errors == [], [i.message for i in validated.errors[:5]]
    assert codes["I002"] == 0
    for code in ("P001", "P002", "P003", "P004"):
        assert codes[code] == 0, [i.message for i in validated.issues if i.code == code][:3]
    # ... while people do cross the boundaries: ids of one year's admissions act in the next
    ev = validated.dataset.events.dropna(subset=["person"])
    years_of = ev.groupby("person")["year"].agg(["min", "max"])
    crossing = years_of[years_of["min"] < years_of["max"]]
    assert len(crossing) >= 5
    admitted = ev[ev["event"] == "TIEP_NHAN"].groupby("person")["year"].min()
    later = ev.groupby("person")["year"].max()
    assert (later.loc[admitted.index] > admitted).sum() >= 5  # admitted one year, still acting the next
    assert sorted(ev["year"].unique()) == list(YEARS)


def test_ids_of_different_people_never_collide():
    fac = [Facility("SL01", "Cơ sở Cai nghiện ma túy tỉnh Sơn La", "Sơn La", "cs", 300,
                    ["BB", "TN", "HTCC", "XDTTN", "LTTT"], False, False, 0, "SL01"),
           Facility("SL02", "Cơ sở Cai nghiện ma túy số 2 tỉnh Sơn La", "Sơn La", "cs", 200,
                    ["BB", "TN", "HTCC", "XDTTN", "LTTT"], False, False, 0, "SL02")]
    prov = _Province(fac, seed=11, year=2018, months=12, scale=0.2, years=3)
    prov.books()
    ids = prov.ledger.final_ids(random.Random(prov.ids_seed), 2018, 2020)
    assert len(ids) == len(prov.ledger.first_seen) > 200
    assert len(set(ids.values())) == len(ids)  # one id, one person
    years = Counter(v.split("-")[1] for v in ids.values())
    assert all(years[str(y)] > 0 for y in YEARS)  # admissions numbered in each year's register


def test_one_year_is_unchanged_by_the_history_option(tmp_path):
    """years=1 writes out_dir/<province>/... and a manifest without "history", as before."""
    one = generate_national(tmp_path / "one", facilities=2, provinces=1, months=1, year=2020, seed=7,
                            scale=0.05, jobs=1)
    assert "history" not in one and one["year"] == 2020 and one["files"] == 2
    assert json.loads((tmp_path / "one" / "national.json").read_text(encoding="utf-8")) == one
    assert sorted(p.relative_to(tmp_path / "one").as_posix() for p in (tmp_path / "one").rglob("*.xlsx")) == [
        f"{u['folder']}/2020-01.xlsx" for u in sorted(one["units"], key=lambda u: u["folder"])]


def test_the_store_receives_every_january(history, tmp_path):
    from rehabstat.store import Store
    out, got = history
    store = Store.open(tmp_path / "kho", create=True)
    outcomes = store.receive([year_folder(out, y) for y in YEARS], jobs=1)
    # each year's manifest is said and skipped (every file of a folder is accounted for)
    manifests = [o for o in outcomes if Path(o.source).name == "national.json"]
    assert len(manifests) == len(YEARS) and {o.kind for o in manifests} == {"skipped"}
    outcomes = [o for o in outcomes if o not in manifests]
    assert len(outcomes) == got["files"]
    assert Counter(o.kind for o in outcomes) == {"received": got["files"]}
