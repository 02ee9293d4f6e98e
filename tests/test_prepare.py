"""The one preparation step (commands/prepare.py): read → checks → gate → refuse unless
complete, the same from a data folder and from a store."""
from __future__ import annotations

from pathlib import Path

import pytest

from rehabstat.commands.prepare import Selection, prepare
from rehabstat.common.errors import DataError, UsageError
from rehabstat.common.periods import make_period

from conftest import SAMPLES


def _decision(prepared):
    gate = prepared.gate
    return {
        "complete": gate.complete,
        "coverage": gate.coverage(),
        "cells": {u: dict(f.cells) for u, f in gate.facilities.items()},
        "issues": sorted((i.code, Path(i.file).name if i.file else None, i.row) for i in gate.issues),
        "counted": len(gate.dataset.files),
    }


def test_a_data_folder_and_a_store_prepare_the_same(tmp_path):
    from rehabstat.store import Store, StoreSource
    with Store.open(tmp_path / "kho", create=True) as store:
        store.receive([SAMPLES / "ha-noi"])
    period = make_period(year=2021, quarter=2)
    folder = prepare(SAMPLES / "ha-noi", period, Selection(province="Hà Nội", one=True))
    stored = prepare(StoreSource(tmp_path / "kho"), period, Selection(province="Hà Nội", one=True))
    assert (folder.level, folder.key, folder.units) == (stored.level, stored.key, stored.units)
    assert folder.level == "province" and folder.units == ["HN01", "HN02", "HN03", "HN04", "HN05", "HN06", "HN07"]
    assert _decision(folder) == _decision(stored)
    assert _decision(folder)["coverage"] == (21, 21) and folder.gate.complete
    assert folder.approved() is None and stored.approved() == {}


def test_an_incomplete_period_is_refused_unless_asked_for_the_decision():
    period = make_period(year=2021)  # Hà Nội's workbooks stop at June
    with pytest.raises(DataError, match="chưa đầy đủ hoặc còn lỗi"):
        prepare(SAMPLES / "ha-noi", period)
    prepared = prepare(SAMPLES / "ha-noi", period, refuse=False)
    assert not prepared.gate.complete
    assert prepared.gate.coverage() == (42, 84)
    forced = prepare(SAMPLES / "ha-noi", period, force=True)  # a draft's data: refused no more
    assert forced.gate.draft and forced.gate.coverage() == (42, 84)


def test_a_document_is_about_one_facility_or_one_province():
    period = make_period(year=2021, quarter=1)
    with pytest.raises(UsageError, match="Chọn --facility MÃ hoặc --province TÊN"):
        prepare(SAMPLES / "ha-noi", period, Selection(one=True))
    one = prepare(SAMPLES / "ha-noi", period, Selection(facility="hn 03", one=True))
    assert (one.level, one.key, one.units) == ("facility", "HN03", ["HN03"])
    assert sorted(one.gate.facilities) == ["HN03"]


def test_without_a_period_the_gate_spans_the_months_of_the_data():
    prepared = prepare(SAMPLES / "son-la", None, refuse=False)
    assert prepared.period is None
    assert (prepared.gate.period.first, prepared.gate.period.last) == ((2021, 1), (2021, 12))


def test_only_prepare_reads_checks_and_asks_the_gate():
    """Every command and the web come through prepare(): none reads the data, runs the checks or
    asks the gate on its own (the gate's own look at earlier periods aside, in computing/compare.py)."""
    import re
    root = Path(__file__).resolve().parents[1] / "rehabstat"
    steps = re.compile(r"\b(read_paths|checked_issues|checked|decide|load_dataset)\(|\.dataset\(window")
    found = sorted(str(p.relative_to(root)) for folder in ("commands", "web") for p in (root / folder).rglob("*.py")
                   if steps.search(p.read_text(encoding="utf-8")))
    assert found == ["commands/prepare.py"]
