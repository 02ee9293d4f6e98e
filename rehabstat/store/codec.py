"""A WorkbookResult to the store's rows and back, exactly: reading from the store gives the
reader's lists (same values, same types), so a Dataset built from them is the Dataset the
folder would give. Only the learner id changes: it is kept as a salted hash."""
from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json

from ..common.issues import Count, Issue, Phrase, Signed
from ..reading.dataset import READ_WHOLE, Parts, add_layout
from ..reading.reader import WorkbookResult


def person_hash(salt: bytes, person) -> str | None:
    """HMAC-SHA256 of the learner id under the store's salt, 16 hex digits (64 bits: no
    collision among the ids of one facility). Equal ids give equal hashes, so the person
    checks (P001-P004) and TRON_NGUOI (distinct persons) work unchanged on the store."""
    if person is None:
        return None
    return hmac.new(salt, str(person).encode("utf-8"), hashlib.sha256).hexdigest()[:16]


def hashed(result: WorkbookResult, salt: bytes) -> WorkbookResult:
    """A copy of the result whose learner ids are the store's hashes (to be checked beside
    results loaded from the store, whose ids are hashes)."""
    from dataclasses import replace
    return replace(result, events=[tuple(e[:2]) + (person_hash(salt, e[2]),) + tuple(e[3:]) for e in result.events])


# ---------------------------------------------------------------- cell values in JSON (totals rows)

def _enc(v):
    if isinstance(v, dt.datetime):
        return {"$dt": v.isoformat()}
    if isinstance(v, dt.date):
        return {"$d": v.isoformat()}
    if isinstance(v, dt.time):
        return {"$t": v.isoformat()}
    if isinstance(v, dt.timedelta):
        return {"$td": v.total_seconds()}
    if isinstance(v, (str, int, float, bool)) or v is None:
        return v
    return {"$s": str(v)}


def _dec(v):
    if isinstance(v, dict):
        (tag, x), = v.items()
        return {"$dt": dt.datetime.fromisoformat, "$d": dt.date.fromisoformat, "$t": dt.time.fromisoformat,
                "$td": lambda s: dt.timedelta(seconds=s), "$s": str}[tag](x)
    return v


def totals_json(cells: dict) -> str:
    return json.dumps({f: [_enc(v), col] for f, (v, col) in cells.items()}, ensure_ascii=False)


def totals_cells(text: str) -> dict:
    return {f: (_dec(v), col) for f, (v, col) in json.loads(text).items()}


# ---------------------------------------------------------------- rows

def rows_of(result: WorkbookResult, receipt: int, salt: bytes):
    """{table: [row tuples]} for one receipt."""
    return {
        "census": [(receipt,) + tuple(r) for r in result.census],
        "events": [(receipt, s, row, person_hash(salt, person), cat, ev, date.isoformat(), new, count)
                   for s, row, person, cat, ev, date, new, count in result.events],
        "figures": [(receipt,) + tuple(r) for r in result.figures],
        "totals": [(receipt, s, row, totals_json(cells)) for s, row, cells in result.totals],
        "pfigures": [(receipt,) + tuple(r) for r in getattr(result, "pfigures", ())],
    }


def month_key(ym) -> str | None:
    """(2017, 1) -> '2017-01': a province workbook's period as the store keeps it."""
    return f"{int(ym[0]):04d}-{int(ym[1]):02d}" if ym else None


def month_of_key(text) -> tuple[int, int] | None:
    return (int(text[:4]), int(text[5:7])) if text else None


def date_text(d) -> str | None:
    return d.isoformat() if isinstance(d, (dt.date, dt.datetime)) else None


def _param(v):
    if isinstance(v, Signed):
        return {"$+": int(v)}
    if isinstance(v, Count):
        return {"$n": int(v)}
    if isinstance(v, Phrase):
        return {"$p": v.key, "values": {k: _param(x) for k, x in v.values}}
    if v is None or isinstance(v, (str, int, float, bool)):
        return v
    return {"$s": str(v)}


def _unparam(v):
    if isinstance(v, dict):
        if "$+" in v:
            return Signed(v["$+"])
        if "$n" in v:
            return Count(v["$n"])
        if "$p" in v:
            return Phrase(v["$p"], tuple((k, _unparam(x)) for k, x in v["values"].items()))
        return v["$s"]
    return v


def params_json(params: tuple) -> str:
    """An issue's values as the store keeps them: JSON, numbers and phrases tagged."""
    return json.dumps({k: _param(v) for k, v in params}, ensure_ascii=False)


def params_of(text: str) -> tuple:
    return tuple((k, _unparam(v)) for k, v in json.loads(text).items())


def issue_row(receipt: int, stage: str, i: Issue):
    return (receipt, stage, i.code, i.severity, params_json(i.params), i.sheet, i.row, i.column, i.field)


INSERT = {
    "census": "INSERT INTO census VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    "events": "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "figures": "INSERT INTO figures VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    "totals": "INSERT INTO totals VALUES (?, ?, ?, ?)",
    "issues": "INSERT INTO issues VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "pfigures": "INSERT INTO pfigures VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
}


def load_results(con, ids, path_of, stages=("read",), glance=frozenset()) -> list[WorkbookResult]:
    """The WorkbookResults of the given receipts, in the order of `ids`, with their issues of
    `stages` (the reader's by default); `path_of(relative path) -> str` names each result's file.
    The receipts in `glance` give who and when only (status "outside": no rows, no issues read)."""
    ids = list(ids)
    if not ids:
        return []
    con.execute("CREATE TEMP TABLE IF NOT EXISTS pick_rows (id INTEGER PRIMARY KEY, n INTEGER, full INTEGER)")
    con.execute("DELETE FROM pick_rows")
    con.executemany("INSERT INTO pick_rows VALUES (?, ?, ?)", [(i, n, i not in glance) for n, i in enumerate(ids)])
    results: dict[int, WorkbookResult] = {}
    for (rid, path, unit, name, province, year, month, sent, status, layout, level, first, last) in con.execute(
            "SELECT r.id, r.path, r.unit, r.unit_name, r.province, r.year, r.month, r.sent, r.read_status, r.layout, "
            "r.level, r.period_first, r.period_last FROM receipts r JOIN pick_rows pick ON pick.id = r.id"):
        results[rid] = WorkbookResult(file=path_of(path), status="outside" if rid in glance else status, unit=unit,
                                      unit_name=name, province=province, year=year, month=month,
                                      layout=json.loads(layout))
        if sent is not None:
            results[rid].sent = dt.date.fromisoformat(sent[:10])
        if level == "province":
            results[rid].level = level
            results[rid].first, results[rid].last = month_of_key(first), month_of_key(last)
    for rid, *row in con.execute(
            "SELECT c.* FROM census c JOIN pick_rows pick ON pick.id = c.receipt AND pick.full ORDER BY c.rowid"):
        results[rid].census.append(tuple(row))
    dates: dict[str, dt.date] = {}
    for rid, sheet, row, person, cat, ev, date, new, count in con.execute(
            "SELECT e.* FROM events e JOIN pick_rows pick ON pick.id = e.receipt AND pick.full ORDER BY e.rowid"):
        d = dates.get(date)
        if d is None:
            d = dates[date] = dt.date.fromisoformat(date)
        results[rid].events.append((sheet, row, person, cat, ev, d, new, count))
    for rid, *row in con.execute("SELECT f.* FROM figures f JOIN pick_rows pick ON pick.id = f.receipt AND pick.full ORDER BY f.rowid"):
        results[rid].figures.append(tuple(row))
    for rid, sheet, row, cells in con.execute(
            "SELECT t.* FROM totals t JOIN pick_rows pick ON pick.id = t.receipt AND pick.full ORDER BY t.rowid"):
        results[rid].totals.append((sheet, row, totals_cells(cells)))
    for rid, *row in con.execute(
            "SELECT p.* FROM pfigures p JOIN pick_rows pick ON pick.id = p.receipt AND pick.full ORDER BY p.rowid"):
        results[rid].pfigures.append(tuple(row))
    for rid, code, severity, params, sheet, row, col, fld in con.execute(
            "SELECT i.receipt, i.code, i.severity, i.params, i.sheet, i.row, i.col, i.field "
            "FROM issues i JOIN pick_rows pick ON pick.id = i.receipt AND pick.full WHERE i.stage IN (%s) "
            "ORDER BY i.rowid"
            % ",".join("?" * len(stages)), tuple(stages)):
        res = results[rid]
        values = params_of(params)
        res.issues.append(Issue(code=code, severity=severity, params=values, file=res.file, sheet=sheet,
                                row=row, column=col, field=fld, unit=dict(values).get("unit"),
                                province=dict(values).get("province")))
    con.execute("DELETE FROM pick_rows")
    return [results[i] for i in ids if i in results]


# ---------------------------------------------------------------- the Dataset in bulk

def months_parts(con, accepted, refused, path_of, glance=frozenset(), parts: Parts | None = None) -> Parts:
    """The Dataset's parts (reading.dataset.Parts) of the facility-month receipts `accepted`
    (in that order) and `refused` (each in its month's place; status 'rejected' when the
    reader read it), exactly as build_dataset would gather them from load_results' results,
    but read in bulk: one query per table over every receipt, its rows in columns, the
    facility, province and month of a receipt repeated into its rows by numpy, never one
    Python object per row built and thrown away. The receipts in `glance` give who and
    when only (status "outside"): no row and no issue of theirs is read."""
    import numpy as np
    parts = parts if parts is not None else Parts()
    ids = list(accepted) + list(refused)
    if not ids:
        return parts
    con.execute("CREATE TEMP TABLE IF NOT EXISTS pick_meta (id INTEGER PRIMARY KEY)")
    con.execute("DELETE FROM pick_meta")
    con.executemany("INSERT INTO pick_meta VALUES (?)", [(i,) for i in ids])
    meta = {rid: rest for rid, *rest in con.execute(
        "SELECT r.id, r.path, r.unit, r.unit_name, r.province, r.year, r.month, r.sent, r.read_status, r.layout "
        "FROM receipts r JOIN pick_meta p ON p.id = r.id")}
    con.execute("DELETE FROM pick_meta")
    refused = set(refused)
    order = order_all = [i for i in ids if i in meta]
    if refused:  # in their months' places, as a folder's workbooks would be
        order.sort(key=lambda i: (meta[i][3] or "", meta[i][1] or "", meta[i][4] or 0, meta[i][5] or 0))
    files, units, provinces, years, months, full, rows = [], [], [], [], [], [], []
    for rid in order:
        path, unit, name, province, year, month, sent, status, layout = meta[rid]
        file = path_of(path)
        if rid in glance:
            status = "outside"
        elif rid in refused and status == "ok":  # one the reader could not read stays 'error'
            status = "rejected"
        parts.file_rows.append((file, unit, name, province, year, month, status,
                                dt.date.fromisoformat(sent[:10]) if sent is not None else None))
        add_layout(parts.layout, file, json.loads(layout))
        files.append(file), units.append(unit), provinces.append(province), years.append(year), months.append(month)
        full.append(rid not in glance)
        # rows only where build_dataset would take them (a refused workbook's rows are checked, never counted)
        rows.append(rid not in glance and status in READ_WHOLE and unit is not None and year is not None)
    con.execute("CREATE TEMP TABLE IF NOT EXISTS pick_bulk (n INTEGER PRIMARY KEY, id INTEGER NOT NULL, "
                "full INTEGER NOT NULL, rows INTEGER NOT NULL)")
    con.execute("DELETE FROM pick_bulk")
    con.executemany("INSERT INTO pick_bulk VALUES (?, ?, ?, ?)",
                    [(n, rid, f, r) for n, (rid, f, r) in enumerate(zip(order, full, rows)) if f])
    per_receipt = [np.array(v, dtype=object) for v in (files, units, provinces, years, months)]

    def table(columns, fields, name, shared):
        """`name`'s rows of the picked receipts (sheet, row, rest...) into the frame's column
        lists: the receipt's file before them, its unit, province, year and month after (sheet, row)."""
        order: list = []
        _fetch(con, f"SELECT p.n, {fields} FROM pick_bulk p CROSS JOIN {name} t ON t.receipt = p.id "
                    "WHERE p.rows AND p.n >= ? AND p.n < ? ORDER BY p.n, t.rowid",
               [order] + columns[1:3] + columns[7:], len(order_all), shared)
        if order:
            n = np.asarray(order, dtype=np.int64)
            del order[:]
            for column, values in zip([columns[0]] + columns[3:7], per_receipt):
                column.extend(values[n].tolist())

    table(parts.census, "t.sheet, t.row, t.category, t.opening, t.closing, t.present, t.absent", "census",
          (1, 3))
    before = len(parts.events[EVENT_DATE])
    table(parts.events, "t.sheet, t.row, t.person, t.category, t.event, t.date, t.new_category, t.count", "events",
          (1, 3, 4, 5, 6, 7))
    dates = parts.events[EVENT_DATE]
    if len(dates) > before:  # ISO text to dates, once per distinct day
        days = {text: dt.date.fromisoformat(text) for text in set(dates[before:])}
        dates[before:] = map(days.__getitem__, dates[before:])
    table(parts.figures, "t.sheet, t.row, t.code, t.label, t.measure, t.kind, t.value", "figures",
          (1, 3, 4, 5, 6))
    for n, sheet, row, cells in con.execute(
            "SELECT p.n, t.sheet, t.row, t.cells FROM pick_bulk p CROSS JOIN totals t ON t.receipt = p.id "
            "WHERE p.rows ORDER BY p.n, t.rowid"):
        parts.totals.append((files[n], sheet, row, totals_cells(cells)))
    for n, code, severity, params, sheet, row, col, fld in con.execute(
            "SELECT p.n, i.code, i.severity, i.params, i.sheet, i.row, i.col, i.field "
            "FROM pick_bulk p CROSS JOIN issues i ON i.receipt = p.id WHERE i.stage = 'read' "
            "ORDER BY p.n, i.rowid"):
        values = params_of(params)
        parts.issues.append(Issue(code=code, severity=severity, params=values, file=files[n], sheet=sheet, row=row,
                                  column=col, field=fld, unit=dict(values).get("unit"),
                                  province=dict(values).get("province")))
    con.execute("DELETE FROM pick_bulk")
    return parts


EVENT_DATE = 10  # the place of `date` in reading.dataset.EVENT_COLUMNS


RECEIPTS_AT_ONCE = 100  # receipts fetched at a time: the rows of one year are never held twice


def _fetch(con, sql: str, columns: list[list], receipts: int, shared=()) -> None:
    """A query's result appended to one list per column, RECEIPTS_AT_ONCE receipts at a time
    (`sql` takes the range of pick_bulk.n as its two parameters).

    Each range comes as one JSON array per column, built by SQLite: one text per column for
    Python to decode, where a row per tuple costs ~3 µs of Python objects made and thrown
    away (0,8 → 0,6 s for a national year's events). JSON holds texts, integers and NULL
    exactly; a range that holds anything else (a REAL, which JSON would round to 15 digits;
    a BLOB) is fetched again as tuples, as is every range where SQLite has no JSON
    functions. In the columns `shared` (names, categories, events: few distinct values)
    equal texts become one object: decoding gives a new string for every value, and
    250.000 copies of "BB" cost ~15 MB a column."""
    seen = {k: {} for k in shared}
    packed = _packed(sql, len(columns))
    for low in range(0, receipts, RECEIPTS_AT_ONCE):
        chunk = _as_json(con, packed, (low, low + RECEIPTS_AT_ONCE), len(columns))
        if chunk is None:
            chunk = list(zip(*con.execute(sql, (low, low + RECEIPTS_AT_ONCE)))) or [()] * len(columns)
        for k, (column, values) in enumerate(zip(columns, chunk)):
            if k in seen:
                values = map(seen[k].setdefault, values, values)
            column.extend(values)


def _packed(sql: str, width: int) -> str:
    """`sql` (SELECT a, b, ... FROM ... ORDER BY ...) as one row of JSON arrays, one per
    column, and the rows' rowids first (to see that the arrays kept the query's order)."""
    select, rest = sql.split(" FROM ", 1)
    fields = select.removeprefix("SELECT ").split(", ")
    assert len(fields) == width, sql
    # without its ORDER BY the subquery is flattened into the aggregate (0,65 → 0,27 s for
    # a year's events); the rows come in the index's order all the same, and are put in
    # the query's order where they do not (_as_json)
    rest, _ = rest.split(" ORDER BY ")
    named = ", ".join(f"{f} AS c{k}" for k, f in enumerate(fields))
    arrays = ", ".join(f"json_group_array(c{k})" for k in range(width))
    return f"SELECT json_group_array(r_), {arrays} FROM (SELECT t.rowid AS r_, {named} FROM {rest})"


def _as_json(con, packed: str, bounds: tuple, width: int):
    """The columns of the range `bounds` decoded from SQLite's JSON arrays, in the query's
    order; None where they cannot be taken as exact (see _fetch)."""
    import sqlite3
    import numpy as np
    try:
        row = con.execute(packed, bounds).fetchone()
    except sqlite3.OperationalError:  # no JSON functions in this SQLite, or a BLOB in the range
        return None
    rowids, *columns = (json.loads(text) for text in row)
    if any(float in set(map(type, column)) for column in columns):  # a REAL in the range
        return None
    if len(rowids) > 1:  # in the query's order: receipt (pick_bulk.n), then rowid
        n, r = np.asarray(columns[0], dtype=np.int64), np.asarray(rowids, dtype=np.int64)
        if not np.all((n[1:] > n[:-1]) | ((n[1:] == n[:-1]) & (r[1:] > r[:-1]))):
            put = np.lexsort((r, n)).tolist()
            columns = [[column[i] for i in put] for column in columns]
    return columns
