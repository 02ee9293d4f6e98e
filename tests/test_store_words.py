"""Schema 5: the store keeps its own words (a refusal's reason, an audit row's detail) as
catalogue keys and values, shown in the reader's language. A store made by the rehabstat of
schema 4 (tests/fixtures/store-v4, made by tests/fixtures/make_store_v4.py with that code)
is upgraded on opening: every reason and detail it wrote is said again word for word in
Vietnamese, and in English; a text no known shape reads is kept and shown as it was."""
from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from conftest import cli
from rehabstat.store import SCHEMA_VERSION, Store
from rehabstat.store.said import ErrorsReason, Legacy, of_json, shown

FIXTURE = Path(__file__).parent / "fixtures" / "store-v4"
VI_LETTER = re.compile(r"[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]")


@pytest.fixture()
def old_store(tmp_path):
    target = tmp_path / "kho"
    shutil.copytree(FIXTURE, target)
    return target


def _rows(path, sql, args=()):
    con = sqlite3.connect(path / "inbox.sqlite")
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def test_the_fixture_is_a_schema_4_store_with_words_as_text():
    assert _rows(FIXTURE, "PRAGMA user_version") == [(4,)]
    assert "reason_params" not in [c[1] for c in _rows(FIXTURE, "PRAGMA table_info(receipts)")]
    actions = {a for a, in _rows(FIXTURE, "SELECT action FROM audit")}
    assert actions >= {"config", "receive", "duplicate", "new-version", "reject", "skip", "approve", "unlock", "accept"}


def test_upgrade_says_every_reason_and_detail_again_word_for_word(old_store):
    reasons = _rows(old_store, "SELECT id, reason FROM receipts WHERE reason IS NOT NULL ORDER BY id")
    details = _rows(old_store, "SELECT id, action, detail FROM audit ORDER BY id")
    assert len(reasons) == 3 and len(details) == 19
    kept = ", ".join(c[1] for c in _rows(old_store, "PRAGMA table_info(receipts)") if c[1] != "reason")
    before = _rows(old_store, f"SELECT {kept} FROM receipts ORDER BY id")
    with Store.open(old_store) as store:
        assert store.con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 5
        now = {rid: of_json(params, text) for rid, params, text in
               store.con.execute("SELECT id, reason_params, reason FROM receipts")}
        audit = {aid: of_json(params, text) for aid, params, text in
                 store.con.execute("SELECT id, detail_params, detail FROM audit")}
    assert _rows(old_store, f"SELECT {kept} FROM receipts ORDER BY id") == before  # nothing else changed
    for rid, text in reasons:
        assert not isinstance(now[rid], Legacy) and now[rid].shown("vi") == text
    for aid, action, text in details:
        assert not isinstance(audit[aid], Legacy), text
        assert audit[aid].shown("vi") == text
    # kept as keys and values: no text of ours left in the store
    assert _rows(old_store, "SELECT count(*) FROM receipts WHERE reason IS NOT NULL") == [(0,)]
    assert _rows(old_store, "SELECT count(*) FROM audit WHERE detail IS NOT NULL") == [(0,)]
    [(errors,)] = _rows(old_store, "SELECT reason_params FROM receipts WHERE id = 5")
    assert json.loads(errors)["$errors"] == 2
    assert json.loads(errors)["first"][0]["values"]["found"] == {"$n": 1569}
    # and in English
    assert isinstance(now[5], ErrorsReason)
    assert now[5].shown("en") == ("2 errors – I001 SiSo!C2: Category BB: closing is 1,569 but opening 1,590 + in 102 − "
                                  "out 71 = 1,621 (off by -52) | I003 SiSo!D2: Category BB: present 1,613 + absent 8 = "
                                  "1,621, not the closing 1,569.")
    assert now[9].shown("en").startswith("the province workbook of Cao Bằng for 2017 is approved and locked (")
    assert audit[13].shown("en").startswith("2021-02.xlsx: 02/2021 of SL01 is approved and locked (")
    assert audit[9].shown("en") == ("chi-tieu/son-la-2022.xlsx: not a monthly workbook (a targets workbook, an annotated "
                                    "copy or a file rehabstat wrote); not stored.")
    assert audit[15].shown("en") == "2021-02.xlsx: accepted after the unlock, version 2 (replaces version 1)"
    triggers = {r[0] for r in _rows(old_store, "SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert {"audit_no_update", "audit_no_delete"} <= triggers  # still append-only
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        with sqlite3.connect(old_store / "inbox.sqlite") as con:
            con.execute("UPDATE audit SET detail = 'x' WHERE id = 1")


def test_an_unknown_text_is_kept_as_it_was(old_store):
    with sqlite3.connect(old_store / "inbox.sqlite") as con:  # words no known shape reads (an older wording)
        con.execute("INSERT INTO audit (at, who, action, detail) VALUES ('2026-12-01T08:00:00+00:00', 'an', 'reject', "
                    "'x.xlsx: một lý do cũ')")
        con.execute("INSERT INTO audit (at, who, action, detail) VALUES ('2026-12-01T08:00:00+00:00', 'an', 'login', "
                    "'sl01')")
    with Store.open(old_store) as store:
        rows = store.log()
    assert rows[-1][3] == "upgrade"  # the upgrade's own row comes last
    rows = rows[:-1]
    assert shown(rows[-2][8], "en") == shown(rows[-2][8], "vi") == "x.xlsx: một lý do cũ"
    assert isinstance(rows[-2][8], Legacy)
    assert rows[-1][8] == "sl01"  # a web account's name: data, kept as it is
    assert _rows(old_store, "SELECT detail, detail_params FROM audit WHERE action = 'login'") == [("sl01", None)]


def test_log_and_history_of_an_upgraded_store_in_both_languages(old_store):
    vi = cli("log", "--store", old_store)
    en = cli("--lang", "en", "log", "--store", old_store)
    assert vi.exit_code == en.exit_code == 0
    assert "2021-04.xlsx: 2 lỗi – I001 SiSo!C2: Diện BB: cuối kỳ ghi 1.569" in vi.stdout
    assert "2021-04.xlsx: 2 errors – I001 SiSo!C2: Category BB: closing is 1,569" in en.stdout
    assert "province workbook, period 2017: approved version 1" in en.stdout
    names = en.stdout
    for kept in ("Cao Bằng", "Cơ sở sửa số tiếp nhận", "sửa tập huấn"):  # a province, the unlocks' reasons as typed
        names = names.replace(kept, "")
    assert [line for line in names.splitlines() if VI_LETTER.search(line)] == []
    history = cli("--lang", "en", "history", "--store", old_store, "--facility", "SL01")
    assert "  Receipt 5 (04/2021, 2021-04.xlsx) rejected: 2 errors – I001 SiSo!C2: Category BB" in history.stdout
    assert "  02/2021: unlocked – reason: Cơ sở sửa số tiếp nhận (" in history.stdout
    assert cli("check-store", "--store", old_store).exit_code == 0
