"""Uploads are received in a pool of worker processes, never in the server's own.

The server's threads must not fork (a forked child inherits locks other threads hold), and
`Store.receive` forks its sandboxed parsers. So each upload goes to a receiver process,
single-threaded and started with `spawn` (the same on Linux and Windows), which opens the
store, receives the file exactly as `rehabstat receive` does (the same sandbox, rules and
gate), and returns what the page shows. The answer leaves the server only after the
receipt's transaction has committed: an upload acknowledged is an upload stored.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Received:
    """One uploaded file, as its page shows it."""
    name: str  # the file's name as sent (made harmless)
    kind: str  # received | new-version | duplicate | rejected | skipped | other-facility
    receipt: int | None = None
    unit: str | None = None
    unit_name: str | None = None
    year: int | None = None
    month: int | None = None
    version: int | None = None
    previous: int | None = None
    reason: object = None  # the store's reason when refused (store/said.py: shown in the page's language)
    issues: list = field(default_factory=list)  # every Issue of the workbook (reader and rules)
    annotated: bool = False  # a marked copy can be downloaded


def receive_upload(root: str, path: str, account: str, facility: str | None) -> Received:
    """Receive one uploaded file into the store at `root` as `account` (see receive_batch)."""
    return receive_batch(root, account, facility, [path])[0]


def receive_batch(root: str, account: str, facility: str | None, paths: list) -> list[Received]:
    """Receive uploaded files of one account into the store at `root`, in one `Store.receive`
    (the rules across months run once for all of them, as for a folder given to `receive`):
    one Received per path, in order. When `facility` is given (a facility's account), a
    workbook of another facility is refused before anything of it is stored."""
    from ..store import Store
    from ..store import codec
    out: dict = {}
    todo = [Path(p) for p in paths]
    if facility is not None:
        for p, (unit, name, year, month) in zip(todo, _units_of(todo)):
            if unit is not None and unit != facility:
                out[str(p)] = Received(p.name, "other-facility", unit=unit, unit_name=name, year=year, month=month)
        todo = [p for p in todo if str(p) not in out]
    if todo:
        with Store.open(root) as store:
            store.account = account
            outcomes = store.receive([str(p) for p in todo])
            for outcome in outcomes:
                name = Path(outcome.source).name
                got = Received(name, outcome.kind, outcome.receipt, outcome.unit, None, outcome.year, outcome.month,
                               outcome.version, outcome.previous, outcome.reason)
                if outcome.receipt is not None:
                    row = store.con.execute("SELECT unit_name, errors + warnings FROM receipts WHERE id = ?",
                                            (outcome.receipt,)).fetchone()
                    got.unit_name = row[0]
                    got.annotated = bool(row[1])
                    store.con.execute("BEGIN")
                    try:
                        result = codec.load_results(store.con, [outcome.receipt], lambda p: p,
                                                    stages=("read", "check"))[0]
                    finally:
                        store.con.execute("COMMIT")
                    got.issues = sorted(result.issues, key=lambda i: (i.severity != "error", i.sheet or "",
                                                                       i.row or 0, i.column or "", i.code))
                out[str(Path(outcome.source))] = got
    return [out.get(str(Path(p))) or Received(Path(p).name, "skipped") for p in paths]


def _units_of(paths) -> list:
    """(facility code, its name, year, month) as each workbook gives them (read in the
    sandbox), None where it cannot be read: a refused workbook's page still says whose and
    which month it is."""
    from ..reading.dataset import _read_all
    return [(r.unit, r.unit_name, r.year, r.month) for r in _read_all(list(paths), 1, None)]


def warm() -> int:
    """Imported in each receiver as it starts, so that the first upload does not wait for them."""
    import pandas  # noqa: F401
    from ..reading import reader  # noqa: F401
    from ..checking import checks  # noqa: F401
    from ..store import Store  # noqa: F401
    return os.getpid()


# ---------------------------------------------------------------- what the pages of provinces and the department show

STATUS_KEYS = {"đã nhận": "received", "thiếu": "missing", "trùng": "duplicate", "có lỗi": "errors",
               "chưa đến hạn": "not_due"}


def period_of(args: dict):
    """A Period from the page's fields, as on the command line (year, quarter, half, month,
    from/to); PeriodError (shown in the page's language) when they do not make one."""
    from ..common.periods import make_period

    def num(key):
        value = (args.get(key) or "").strip()
        if not value:
            return None
        if not value.isdigit():
            from ..common.errors import PeriodError
            raise PeriodError.said("period.not_number", value=value)
        return int(value)
    return make_period(year=num("year"), month=num("month"), quarter=num("quarter"), half=num("half"),
                       start=(args.get("from") or "").strip() or None, end=(args.get("to") or "").strip() or None)


def grid(root: str, args: dict, province: str | None = None, units=None, config=None) -> dict:
    """The completeness grid (facility × month) of a period, by the gate: each cell's state,
    whether the month is approved, and how late it is: its first accepted workbook received
    after the due date of [deadline] (timeliness.received_late; `config`: serve --config, else
    the store's rehabstat.toml); the census at the end of each month."""
    from ..commands.prepare import Selection, prepare
    from ..common.errors import UsageError
    from ..computing.timeliness import received_late
    from ..store import Store, StoreSource
    period = period_of(args)
    source = StoreSource(Path(root))
    try:
        prepared = prepare(source, period, Selection(units=units, provinces=[province] if province else None),
                           config=config, refuse=False)
    except UsageError as exc:
        return {"period": period.code, "label": period.label, "months": period.months, "provinces": [],
                "empty": exc.args[0] if exc.args else "", "census": [], "complete": False}  # shown in the page's language
    gate, approved = prepared.gate, prepared.approved()
    deadline = getattr(prepared.config, "deadline", None) or None
    with Store.open(root) as store:
        first = store.first_accepted() if deadline else {}
    provinces = []
    for name, facs in sorted(gate.by_province().items()):
        rows = []
        for fac in facs:
            cells = []
            for ym in period.months:
                status = fac.cells.get(ym)
                late = received_late(first.get((fac.unit, *ym)), *ym, deadline) if status != "thiếu" else None
                cells.append({"ym": ym, "state": STATUS_KEYS.get(status, "none") if status else "none",
                              "late": late or 0, "on_time": late == 0, "approved": (fac.unit, *ym) in approved})
            used, expected = gate.coverage([fac.unit])
            rows.append({"unit": fac.unit, "name": fac.name, "cells": cells, "used": used, "expected": expected})
        provinces.append({"name": name, "rows": rows, "complete": gate.province_complete(name)})
    census = gate.dataset.census
    series = []
    if len(census):
        sums = census.groupby(["year", "month"])["closing"].sum()
        series = [((int(y), int(m)), int(v)) for (y, m), v in sums.items() if period.contains(int(y), int(m))]
    return {"period": period.code, "label": period.label, "months": period.months, "provinces": provinces,
            "empty": "", "census": sorted(series), "complete": gate.complete, "deadline": bool(deadline)}


def history(root: str, unit: str) -> dict:
    """A facility's receipts, the figures that changed between versions, its approvals."""
    from dataclasses import asdict
    from ..store import Store
    with Store.open(root) as store:
        h = store.history(unit)
        name = store.con.execute("SELECT unit_name, province FROM receipts WHERE unit = ? ORDER BY id DESC LIMIT 1",
                                 (h.unit,)).fetchone()
    return {"unit": h.unit, "name": name[0] if name else "", "province": name[1] if name else "",
            "versions": [{**asdict(v), "reason": v.reason} for v in h.versions],  # the reason as said, not a dict
            "comparisons": [{"year": c.year, "month": c.month, "before": c.before.version, "after": c.after.version,
                             "changes": [asdict(x) for x in c.changes]} for c in h.comparisons],
            "approvals": [dict(zip(("year", "month", "action", "at", "who", "reason", "version"), a))
                          for a in h.approvals]}


def latest_accepted(store, unit: str):
    """(receipt, name, province, year, month) of the facility's latest accepted month, or None."""
    return store.con.execute("SELECT id, unit_name, province, year, month FROM receipts WHERE unit = ? AND "
                             "status = 'accepted' ORDER BY year DESC, month DESC, version DESC LIMIT 1",
                             (unit,)).fetchone()


def next_form(root: str, unit: str, out_dir: str) -> str | None:
    """The blank workbook of the month after the facility's latest accepted month, its
    opening census carried over from that month's closing: its path (None: nothing accepted yet)."""
    from ..common.codes import ALL_CATEGORIES
    from ..store import Store
    from ..workbooks.form import build_form, default_name, write_form
    with Store.open(root) as store:
        row = latest_accepted(store, unit)
        if row is None:
            return None
        rid, name, province, year, month = row
        closing = {}
        for category, value in store.con.execute("SELECT category, sum(closing) FROM census WHERE receipt = ? "
                                                 "GROUP BY category", (rid,)):
            closing[category] = int(value or 0)
    y, m = (year + 1, 1) if month == 12 else (year, month + 1)
    opening = {c: closing.get(c, 0) for c in ALL_CATEGORIES}
    target = Path(out_dir) / default_name(unit, y, m)
    write_form(target, build_form(unit, name or unit, province or "", y, m, opening=opening), force=True)
    return str(target)


def province_report(root: str, args: dict, province: str, out_dir: str, config=None) -> dict:
    """The province's BC (.docx and .xlsx) for the period, by the gate's rules: final when the
    data are complete and clean, otherwise a draft that says DỰ THẢO (as report --force)."""
    from ..commands.report import make_report
    from ..store import StoreSource
    period = period_of(args)
    result = make_report(StoreSource(Path(root)), period, province=province, out=Path(out_dir), force=True,
                         config=config)
    return {"outputs": [str(p) for p in result.outputs], "draft": result.draft, "problems": result.problems}


def national(root: str, args: dict, out_dir: str, config=None) -> dict:
    """The national workbook of the period (as batch --force: a draft when incomplete)."""
    from ..commands.batch import run_batch
    from ..store import StoreSource
    period = period_of(args)
    result = run_batch(StoreSource(Path(root)), period, Path(out_dir), force=True, config=config)
    return {"national": str(result.national) if result.national else None, "draft": result.draft}


def annotated_copy(root: str, receipt: int, out_dir: str) -> str | None:
    """The marked copy of a receipt's workbook (each issue at its cell): the one made at
    receipt, or one made now from the stored original and its issues (None: no issue)."""
    from ..store import Store, codec
    from ..workbooks.annotate import _write_one
    from ..reading.reader import ANNOTATED_SUFFIX
    with Store.open(root) as store:
        row = store.con.execute("SELECT path, annotated, original_name, unit, year, month FROM receipts WHERE id = ?",
                                (receipt,)).fetchone()
        if row is None:
            return None
        path, made, name, unit, year, month = row
        if made and Path(made).is_file():
            return made
        store.con.execute("BEGIN")
        try:
            result = codec.load_results(store.con, [receipt], lambda p: str(store.path(p)), stages=("read", "check"))[0]
        finally:
            store.con.execute("COMMIT")
    if not result.issues:
        return None
    stem = Path(name).stem
    if unit and year:
        stem = f"{unit}-{int(year):04d}-{int(month):02d}-{stem}"
    target = Path(out_dir) / (stem + ANNOTATED_SUFFIX)
    _write_one(Path(root) / path, result.issues, target)
    return str(target)
