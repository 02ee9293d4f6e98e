"""A command about a period reads in full only the months it needs (the period, the periods
it is compared with, the month before them): a workbook of another month, in a folder or a
store of many years, is glanced at (who and when), and the results are the same."""
from __future__ import annotations

import json
import sqlite3
from collections import Counter
from pathlib import Path

import pytest

from rehabstat.commands import indicators as service
from rehabstat.common import periods
from rehabstat.common.periods import make_period, needed_months
from rehabstat.reading.dataset import read_paths

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def test_needed_months_are_the_period_its_comparisons_and_one_month_before():
    assert needed_months(make_period(year=2020, half=1)) == ((2018, 12), (2020, 6))
    assert needed_months(make_period(year=2020)) == ((2018, 12), (2020, 12))
    assert needed_months(make_period(year=2020, month=3)) == ((2019, 2), (2020, 3))
    long = make_period(start="01/2017", end="06/2020")  # 42 months: the previous 42 months come first
    assert needed_months(long) == ((2013, 6), (2020, 6))


def test_a_workbook_outside_the_window_is_glanced_at():
    window = needed_months(make_period(year=2020, half=1))
    ds = read_paths([SAMPLES / "cao-bang" / "CB01"], jobs=1, window=window)
    files = ds.files.set_index(ds.files["file"].map(lambda f: Path(f).stem))
    assert (files.loc["2017-01", "status"], files.loc["2018-11", "status"]) == ("outside", "outside")
    assert files.loc["2017-01", "unit"] == "CB01" and int(files.loc["2017-01", "month"]) == 1  # who and when
    assert (files.loc["2018-12", "status"], files.loc["2020-06", "status"]) == ("ok", "ok")
    outside = set(files.index[files["status"] == "outside"])
    assert len(outside) == 23  # 2017-01 .. 2018-11
    assert not set(ds.census["file"].map(lambda f: Path(f).stem)) & outside  # no row of theirs
    assert not {Path(i.file).stem for i in ds.issues if i.file} & outside


def test_a_glance_parses_thongtin_only(monkeypatch):
    """A workbook of a month outside the window costs its ThongTin: no other sheet is parsed."""
    from rehabstat.reading import fallback, reader
    parsed = []
    sheet = fallback.CalamineBook.sheet
    monkeypatch.setattr(fallback.CalamineBook, "sheet", lambda self, index: parsed.append(index) or sheet(self, index))
    window = needed_months(make_period(year=2020))
    glance = reader.read_workbook(SAMPLES / "cao-bang" / "CB01" / "2017-05.xlsx", window=window)
    assert (glance.status, glance.unit, glance.year, glance.month) == ("outside", "CB01", 2017, 5)
    assert len(parsed) == 1 and not glance.census and not glance.events
    parsed.clear()
    full = reader.read_workbook(SAMPLES / "cao-bang" / "CB01" / "2019-05.xlsx", window=window)
    assert full.status == "ok" and len(parsed) == 4 and full.events


@pytest.mark.parametrize("name", ["tcvn3.xlsx", "vni.xlsx", "tcvn3-unicode-sheets.xlsx"])
def test_a_legacy_encoded_workbook_outside_the_window_says_who_and_when_decoded(name):
    """TCVN3 and VNI workbooks: ThongTin is decoded before the glance (every sheet looked at
    to choose the encoding), so the province is the one a full read gives."""
    from rehabstat.reading import reader
    path = Path(__file__).resolve().parent / "fixtures" / name
    full = reader.read_workbook(path)
    glance = reader.read_workbook(path, window=needed_months(make_period(year=2023)))
    assert glance.status == "outside" and (full.unit, full.province, full.year, full.month) == ("LC01", "Lai Châu", 2021, 3)
    assert (glance.unit, glance.unit_name, glance.province, glance.year, glance.month) == \
        (full.unit, full.unit_name, full.province, full.year, full.month)


@pytest.mark.parametrize("args", [dict(year=2019), dict(year=2020, half=1)])
def test_the_figures_are_those_of_reading_everything(args, monkeypatch):
    period = make_period(**args)
    windowed, gate = service.indicator_table([SAMPLES], period, level="province", force=True, compare="year")
    monkeypatch.setattr(periods, "needed_months", lambda p: ((1900, 1), (2100, 12)))
    everything, gate_all = service.indicator_table([SAMPLES], period, level="province", force=True, compare="year")
    assert len(windowed) > 50
    assert windowed.equals(everything)
    assert [(i.code, i.file, i.row) for i in gate.issues] == [(i.code, i.file, i.row) for i in gate_all.issues]


def test_the_store_reads_the_rows_of_the_window_only(tmp_path):
    from rehabstat.store import Store, load_dataset
    with Store.open(tmp_path / "kho", create=True) as store:
        store.receive(sorted((SAMPLES / "cao-bang" / "CB01").glob("20*.xlsx")))
    window = needed_months(make_period(year=2020, half=1))
    ds = load_dataset(tmp_path / "kho", window=window)
    full = load_dataset(tmp_path / "kho")
    assert (ds.files["status"] == "outside").sum() == 23 and (full.files["status"] == "ok").sum() == 42
    kept = set(ds.files.loc[ds.files["status"] == "ok", "file"])
    assert set(ds.census["file"]) == kept
    assert len(ds.events) == full.events["file"].isin(kept).sum()


def test_receive_in_chunks_gives_what_receiving_at_once_gives(tmp_path, monkeypatch):
    """receive reads, checks and stores a chunk of workbooks at a time (its memory bounded
    whatever the number of files): the receipts, versions, issues and figures are the same."""
    from rehabstat.store import Store, inbox, load_dataset
    files = [SAMPLES / "ha-noi", SAMPLES / "cao-bang" / "CB01"]  # 42 + 42 workbooks, 8 folders
    got = {}
    for name, size in (("once", 10_000), ("chunks", 5)):
        monkeypatch.setattr(inbox, "CHUNK_FILES", size)
        with Store.open(tmp_path / name, create=True) as store:
            outcomes = store.receive(files)
        ds = load_dataset(tmp_path / name)
        got[name] = ([(Path(o.source).name, o.kind, o.version, o.reason, o.warnings) for o in outcomes],
                     sorted((i.code, Path(i.file).name, i.row) for i in ds.issues),
                     ds.census.drop(columns="file").to_dict("records"), len(ds.events))
    assert len(got["once"][0]) == 42 + 42
    assert got["chunks"] == got["once"]
    assert len(list(inbox._chunks([(k, SAMPLES / "ha-noi" / f"HN0{k // 6 + 1}" / "x.xlsx") for k in range(42)], 5))) == 7


class _CountingCursor(sqlite3.Cursor):
    """Counts the rows a query hands to Python, by the table of parsed rows it reads."""
    fetched: Counter

    def _count(self, rows):
        sql = " ".join(self.statement_text.split())
        # rows fetched in bulk come as one JSON array per column (store.codec._fetch)
        n = sum(len(json.loads(row[0])) for row in rows) if "json_group_array(" in sql else len(rows)
        for table in ("census", "events", "figures", "totals", "issues"):
            if f" {table} " in f"{sql} " and "count(" not in sql:
                _CountingCursor.fetched[table] += n
        return rows

    def fetchone(self):
        row = super().fetchone()
        return row if row is None else self._count([row])[0]

    def fetchall(self):
        return self._count(super().fetchall())

    def fetchmany(self, size=None):
        return self._count(super().fetchmany(size) if size is not None else super().fetchmany())

    def __next__(self):
        row = super().__next__()
        self._count([row])
        return row


class _CountingConnection(sqlite3.Connection):
    def cursor(self, factory=_CountingCursor):
        return super().cursor(factory)

    def execute(self, sql, *args):
        cur = self.cursor()
        cur.statement_text = sql
        return cur.execute(sql, *args)


def test_a_store_of_many_years_reads_the_rows_of_the_needed_months_only(tmp_path, monkeypatch):
    """`indicators --store --year 2020 --compare year` over a store holding 2017-01 .. 2020-06:
    every row fetched from the store is one of December 2018 (the closing before the year
    compared with) to 2020, none of 2017 or January-November 2018; the figures are those of
    the folder."""
    from rehabstat.store import Store, StoreSource, schema
    kho = tmp_path / "kho"
    with Store.open(kho, create=True) as store:
        store.receive([SAMPLES / "cao-bang" / "CB01"])
    con = sqlite3.connect(kho / "inbox.sqlite")
    needed = {table: con.execute(f"SELECT count(*) FROM {table} t JOIN receipts r ON r.id = t.receipt "
                                 "WHERE r.year * 12 + r.month >= 2018 * 12 + 12" + (" AND t.stage = 'read'" if table == "issues" else ""))
              .fetchone()[0] for table in ("census", "events", "figures")}
    kept = {table: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in ("census", "events", "figures")}
    con.close()
    assert (needed["census"], needed["events"]) == (38, 76) and (kept["census"], kept["events"]) == (84, 168)
    _CountingCursor.fetched = Counter()
    real = sqlite3.connect
    monkeypatch.setattr(schema.sqlite3, "connect", lambda *a, **k: real(*a, factory=_CountingConnection, **k))
    period = make_period(year=2020)
    table, _gate = service.indicator_table(StoreSource(kho), period, level="province", force=True, compare="year")
    monkeypatch.setattr(schema.sqlite3, "connect", real)
    fetched = _CountingCursor.fetched
    assert {t: fetched[t] for t in needed} == needed
    folder, _ = service.indicator_table([SAMPLES / "cao-bang" / "CB01"], period, level="province", force=True,
                                        compare="year")
    assert len(table) > 50 and table.equals(folder)


def test_a_years_earlier_period_is_gated_and_computed_once(monkeypatch):
    """A year's previous period and the same period a year earlier are one period: the BC
    of 2019 gates and computes 2018 once, and says the same of both."""
    from rehabstat.checking.gate import checked_issues
    from rehabstat.computing import compare
    from rehabstat.computing import indicators
    from rehabstat.settings.config import load_config
    folder = SAMPLES / "cao-bang" / "CB01"
    cfg = load_config([folder])
    period = make_period(year=2019)
    ds = read_paths([folder], jobs=1, window=needed_months(period))
    issues = checked_issues(ds, period, None, cfg)
    calls = Counter()
    gate, compute = compare.earlier_gate, indicators.compute
    monkeypatch.setattr(compare, "earlier_gate", lambda *a, **k: calls.update(["gate"]) or gate(*a, **k))
    monkeypatch.setattr(indicators, "compute", lambda *a, **k: calls.update(["compute"]) or compute(*a, **k))
    got = compare.earlier_figures(ds, period, ["CB01"], "facility", "CB01", cfg, issues=issues)
    assert calls == {"gate": 1, "compute": 1}
    assert got["previous"]["period"].code == got["year"]["period"].code == "2018"
    assert got["previous"]["table"] is got["year"]["table"]
    dau_ky = got["year"]["table"].query("indicator == 'DAU_KY' and category == 'ALL'")["value"]
    assert list(dau_ky) == [int(ds.census[(ds.census["year"] == 2018) & (ds.census["month"] == 1)]["opening"].sum())]


@pytest.mark.parametrize("source", ["data", "store"])
def test_a_batch_builds_its_dataset_and_runs_the_checks_once(tmp_path, monkeypatch, source):
    """Every province's BC, its earlier periods and the national workbook come from one
    Dataset and one run of the checks (the provinces rendered in this process: jobs=1)."""
    from rehabstat.checking import checks
    from rehabstat.commands.batch import run_batch
    from rehabstat.reading import dataset
    data = [SAMPLES / "ha-noi", SAMPLES / "son-la"]
    if source == "store":
        from rehabstat.store import Store, StoreSource
        with Store.open(tmp_path / "kho", create=True) as store:
            store.receive(data)
        data = StoreSource(tmp_path / "kho")
    calls = Counter()
    made, run = dataset.dataset_of, checks.run_checks
    monkeypatch.setattr(dataset, "dataset_of", lambda *a, **k: calls.update(["dataset"]) or made(*a, **k))
    monkeypatch.setattr(checks, "run_checks", lambda *a, **k: calls.update(["checks"]) or run(*a, **k))
    result = run_batch(data, make_period(year=2021, quarter=2), tmp_path / "out", jobs=1, force=True)
    assert sorted(p.name for p in result.provinces) == ["Hà Nội", "Sơn La"]
    assert all(p.outputs for p in result.provinces)
    assert calls == {"dataset": 1, "checks": 1}
