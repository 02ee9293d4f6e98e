"""The store's rows fetched in bulk (store.codec._fetch): one JSON array per column built by
SQLite, taken only where it is exact, and in the query's order whatever order SQLite
aggregated the rows in. Each case is compared with the plain row-by-row fetch."""
import sqlite3

import pytest

from rehabstat.store import codec

SQL = ("SELECT p.n, t.sheet, t.k, t.v FROM pick_bulk p CROSS JOIN ev t ON t.receipt = p.id "
       "WHERE p.rows AND p.n >= ? AND p.n < ? ORDER BY p.n, t.rowid")


def store_like(rows, index="receipt"):
    """A picked-receipts table and a rows table indexed like the store's (or otherwise)."""
    con = sqlite3.connect(":memory:")
    con.execute("CREATE TABLE pick_bulk (n INTEGER PRIMARY KEY, id INTEGER NOT NULL, full INTEGER NOT NULL, "
                "rows INTEGER NOT NULL)")
    con.execute("CREATE TABLE ev (receipt INTEGER NOT NULL, sheet TEXT NOT NULL, k INTEGER, v)")
    con.execute(f"CREATE INDEX ev_r ON ev ({index})")
    con.executemany("INSERT INTO ev VALUES (?, ?, ?, ?)", rows)
    receipts = sorted({r[0] for r in rows}, reverse=True)  # n's order is not the receipts' ids' order
    con.executemany("INSERT INTO pick_bulk VALUES (?, ?, 1, 1)", list(enumerate(receipts)))
    return con, len(receipts)


def fetched(con, receipts, shared=()):
    columns = [[] for _ in range(4)]
    codec._fetch(con, SQL, columns, receipts, shared)
    return columns


def plain(con, receipts):
    return [list(c) for c in zip(*con.execute(SQL, (0, receipts)))]


def test_texts_integers_and_nulls_come_as_the_rows_give_them():
    rows = [(r, "BienDong", k, v) for r in range(1, 251) for k, v in
            ((1, "Nguyễn Văn \"A\"\n\t\\"), (2, None), (3, 2**62), (4, -7), (5, "LC-2021\x01"), (6, "😀 ꙮ"))]
    con, n = store_like(rows)
    assert fetched(con, n) == plain(con, n)
    assert fetched(con, n)[3][:6] == ["Nguyễn Văn \"A\"\n\t\\", None, 2**62, -7, "LC-2021\x01", "😀 ꙮ"]
    assert len(fetched(con, n)[0]) == 1500  # every range of receipts (RECEIPTS_AT_ONCE) was fetched


def test_a_real_is_exact_not_rounded_to_fifteen_digits_by_json():
    rows = [(1, "ChiSo", 1, 0.1 + 0.2), (1, "ChiSo", 2, 12), (2, "ChiSo", 3, 1e300), (2, "ChiSo", 4, 1 / 3)]
    con, n = store_like(rows)
    values = fetched(con, n)[3]
    assert values == plain(con, n)[3] == [1e300, 1 / 3, 0.1 + 0.2, 12]  # receipt 2 is n = 0
    assert values[2] == 0.30000000000000004 and type(values[3]) is int


def test_a_blob_is_fetched_as_the_rows_give_it():
    con, n = store_like([(1, "X", 1, b"\x00\xff"), (1, "X", 2, "a")])
    assert fetched(con, n) == plain(con, n)
    assert fetched(con, n)[3] == [b"\x00\xff", "a"]


def test_rows_aggregated_out_of_the_querys_order_are_put_back_in_it():
    # an index whose order within a receipt is not the rowid's: SQLite walks it in its own order
    rows = [(r, "BienDong", k, f"r{r}k{k}") for r in (5, 3, 9) for k in (30, 10, 20)]
    con, n = store_like(rows, index="receipt, k")
    got = fetched(con, n)
    assert got == plain(con, n)
    assert got[2] == [30, 10, 20] * 3 and got[0] == [0, 0, 0, 1, 1, 1, 2, 2, 2]


def test_shared_columns_hold_one_object_per_distinct_text():
    con, n = store_like([(r, "BienDong" + "", k, "x") for r in range(3) for k in range(4)])
    sheets = fetched(con, n, shared=(1,))[1]
    assert sheets == ["BienDong"] * 12 and len({id(s) for s in sheets}) == 1


@pytest.mark.parametrize("receipts", [0, 1, codec.RECEIPTS_AT_ONCE, codec.RECEIPTS_AT_ONCE + 1])
def test_every_receipt_is_fetched_once_at_the_edges_of_a_range(receipts):
    con, n = store_like([(r, "S", r, r) for r in range(1, receipts + 1)] or [(1, "S", 0, 0)])
    con.execute("UPDATE pick_bulk SET rows = 0") if not receipts else None
    got = fetched(con, n)
    assert got == (plain(con, n) if receipts else [[], [], [], []])
    assert sorted(got[2]) == list(range(1, receipts + 1))
