"""Schema 4: the store keeps an issue's values, not its text. A store made by the rehabstat
of schema 1 (tests/fixtures/store-v1, made by tests/fixtures/make_store_v1.py with that
code) is upgraded on opening (steps 2 and 3: the web's accounts, the province workbooks;
step 4: the issues): every message is read back into its values, shown again word for
word in Vietnamese and in English, and nothing else of the store changes."""
from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from conftest import cli
from rehabstat.common.issues import Count, Phrase, Signed
from rehabstat.store import SCHEMA_VERSION, Store, codec

FIXTURE = Path(__file__).parent / "fixtures" / "store-v1"


@pytest.fixture()
def old_store(tmp_path):
    target = tmp_path / "kho"
    shutil.copytree(FIXTURE, target)
    return target


def _rows(path, sql):
    con = sqlite3.connect(path / "inbox.sqlite")
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_the_fixture_is_a_schema_1_store():
    assert _rows(FIXTURE, "PRAGMA user_version") == [(1,)]
    assert "message" in [c[1] for c in _rows(FIXTURE, "PRAGMA table_info(issues)")]


def test_upgrade_keeps_every_message_as_values(old_store):
    before = _rows(old_store, "SELECT receipt, stage, code, severity, message, sheet, row, col, field FROM issues "
                              "ORDER BY rowid")
    kept = {t: ", ".join(c[1] for c in _rows(old_store, f"PRAGMA table_info({t})"))
            for t in ("receipts", "census", "events", "figures", "totals", "audit", "approvals", "meta")}
    kept["receipts"] = kept["receipts"].replace(", reason,", ",")  # said again by step 5 (test_store_words.py)
    kept["audit"] = kept["audit"].replace(", detail", "")
    others = {t: _rows(old_store, f"SELECT {cols} FROM {t} ORDER BY rowid") for t, cols in kept.items()}
    assert len(before) >= 40 and {r[2] for r in before} >= {"C001", "F001", "F002", "I001", "O001", "D001"}
    with Store.open(old_store) as store:
        assert store.con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        columns = [c[1] for c in store.con.execute("PRAGMA table_info(issues)")]
        assert "message" not in columns and "params" in columns
        ids = [r[0] for r in store.con.execute("SELECT id FROM receipts ORDER BY id")]
        results = codec.load_results(store.con, ids, str, stages=("read", "check"))
    after = [i for r in results for i in r.issues]
    assert len(after) == len(before)
    by_place = {}
    for i in after:
        by_place.setdefault((i.code, i.sheet, i.row, i.column), []).append(i)
    for receipt, stage, code, severity, message, sheet, row, col, fld in before:
        found = by_place[(code, sheet, row, col)]
        assert message in [i.text("vi") for i in found], message  # word for word, as it was
        assert all("$text" not in i.values for i in found)
    triggers = {r[0] for r in _rows(old_store, "SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert {"issues_no_update", "issues_no_delete"} <= triggers  # still append-only
    for t, rows in others.items():  # nothing else changed (the audit gains the upgrade's own row)
        now = _rows(old_store, f"SELECT {kept[t]} FROM {t} ORDER BY rowid")
        if t == "audit":
            assert [r[3] for r in now[len(rows):]] == ["upgrade"]
            now = now[:len(rows)]
        assert now == rows, t
    # the values are typed: numbers of people, differences, words of the catalogue
    [i001] = [i for i in after if i.code == "I001"]
    assert isinstance(i001.values["found"], Count) and isinstance(i001.values["diff"], Signed)
    assert i001.text("en") == "Category BB: closing is 101 but opening 100 + in 3 − out 3 = 100 (off by +1)."
    [f002] = [i for i in after if i.code == "F002"]
    assert f002.values["detail"] == Phrase("detail.archive_broken")
    assert f002.text("en").startswith("The file cannot be read (the archive is damaged or truncated).")
    [o001] = [i for i in after if i.code == "O001"]
    assert o001.text("en") == "TIEP_NHAN for BB in 07/2021 is 40, far from the other months (usually 0–14)."
    stored = json.loads(_rows(old_store, "SELECT params FROM issues WHERE code = 'I001'")[0][0])
    assert stored["found"] == {"$n": 101} and stored["diff"] == {"$+": 1}


def test_an_upgraded_store_still_checks_and_receives(old_store, tmp_path):
    res = cli("check-store", "--store", old_store)
    assert res.exit_code == 0, res.output
    sent = tmp_path / "nop"
    sent.mkdir()
    import broken
    book = broken.clean_book(unit="LC09")
    book.census_row("BB")[1] = "một trăm"  # Đầu kỳ: not a number
    broken.write_book(sent / "2021-03.xlsx", book)
    res = cli("--lang", "en", "receive", sent, "--store", old_store)
    assert res.exit_code == 1 and "rejected" in res.output, res.output
    [(params,)] = _rows(old_store, "SELECT i.params FROM issues i JOIN receipts r ON r.id = i.receipt "
                                   "WHERE r.unit = 'LC09' AND i.code = 'C001'")
    assert json.loads(params) == {"field_name": "Đầu kỳ", "value": "một trăm"}


def test_a_message_no_template_reads_is_kept_whole():
    from rehabstat.store.upgrade import params_from_text
    assert params_from_text("I001", "một câu khác") == (("$text", "một câu khác"),)
    from rehabstat.common.issues import Issue
    assert Issue("I001", "error", (("$text", "một câu khác"),)).text("en") == "một câu khác"


def test_a_new_store_is_made_at_the_latest_schema(tmp_path):
    with Store.open(tmp_path / "kho", create=True) as store:
        assert store.con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert "params" in [c[1] for c in store.con.execute("PRAGMA table_info(issues)")]
        triggers = {r[0] for r in store.con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        assert {"issues_no_update", "issues_no_delete"} <= triggers  # still append-only
