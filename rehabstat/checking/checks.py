"""Dataset-level validation: the identities, persons, across files, outliers.

The reader has already put every cell-level problem (F, C, K, D rules) into
``ds.issues``; :func:`run_checks` adds the rules that need more than one cell, and
returns only those new issues. Everything is computed with pandas group-bys (no Python
loop over events), because a national folder holds hundreds of thousands of rows.

Where each issue sits (sheet, row, column) is part of the contract (tests assert it):

=====  ===========================================================================
I001   stock and flow, per file and category: the SiSo row's Cuối kỳ cell. A category
       with events but no SiSo row counts as 0 opening and 0 closing: then the issue
       sits on the first BienDong row of that category (its Diện, or Diện mới for a
       category change into it) and says so.
I002   continuity: the later month's Đầu kỳ cell (the sheet alone when the later month
       has no row for the category).
I003   present + absent = closing: the Có mặt cell (Cuối kỳ already carries I001,
       so the two identities never share a cell).
I004   totals rows: the totals row's cell that disagrees.
P001-4 persons (rows with a learner id): the row's Biến động cell.
X001   two workbooks for one facility and month: each file, no sheet.
X002   missing months: no file (there is none to point at).
X003   transfers within a province: no file.
X004   a facility missing from the registry: its first file, no sheet.
O001   outlier: the first BienDong row of that category and event in the month's
       workbook (the sheet alone when the month has no such row: a surprisingly low 0).
=====  ===========================================================================

Identity checks are skipped where the reader already dropped rows of the sheets they
depend on (a C or K rule on a row of SiSo or BienDong) (a cell error there would otherwise be reported twice, once as itself and once
as a sum that does not add up). Duplicate workbooks (X001) are left out of the checks
across months (continuity, persons, outliers): which one is right is the X001 question.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict

import numpy as np
import pandas as pd

from ..common.codes import EVENT_TYPES, norm_key, province_key
from ..common.issues import ERROR, Count, Issue, Signed, issue, phrase
from ..common.rules import DROPS_ROW, adjust
from ..common.values import Bad, display, is_blank, parse_count
from ..reading.dataset import READ_WHOLE

ADMISSIONS = ("TIEP_NHAN", "CHUYEN_DEN")
RETURNS = ("BAT_LAI",)
EXITS = tuple(c for c, e in EVENT_TYPES.items() if e.sign < 0 and c != "CHUYEN_DIEN")
OUTLIER_EVENTS = ("TIEP_NHAN", "HOAN_THANH", "TRON")
OUTLIER_MIN_MONTHS = 6
OUTLIER_THRESHOLD = 3.5  # modified z-score (Iglewicz and Hoaglin)
_MAD_SCALE = 0.6745
TOTALS_FIELDS = {"census": ("opening", "closing", "present", "absent"), "events": ("count",)}


def _month_text(year, month) -> str:
    return f"{int(month):02d}/{int(year)}"


def _n(v) -> Count:
    """A number in a message (shown 1.586 in Vietnamese, 1,586 in English)."""
    return Count(int(v))


class _Context:
    """What every check needs to know about the dataset, computed once."""

    def __init__(self, ds):
        self.ds = ds
        self.layout = ds.layout
        # files whose census / event rows the reader could not all read
        self.tainted = {"census": set(), "events": set()}
        totals = {(t[0], t[1], t[2]) for t in ds.totals}  # a broken totals cell drops no data row
        for i in ds.issues:
            if i.code not in DROPS_ROW or i.severity != ERROR or i.file is None or i.sheet is None or i.row is None:
                continue
            if (i.file, i.sheet, i.row) in totals:
                continue
            for role in ("census", "events"):
                if self.layout.get((i.file, role)) == i.sheet:
                    self.tainted[role].add(i.file)
        files = ds.files
        known = files.dropna(subset=["unit", "year", "month"]).copy()
        known["year"] = known["year"].astype(int)
        known["month"] = known["month"].astype(int)
        known["ym"] = known["year"] * 12 + known["month"] - 1
        self.known = known  # every workbook that says who and when (whatever its status)
        counts = known.groupby(["unit", "ym"])["file"].transform("size")
        self.duplicates = known[counts > 1]
        self.dup_files = set(self.duplicates["file"])
        ok = known[known["status"].isin(READ_WHOLE) & ~known["file"].isin(self.dup_files)]
        self.months = ok[["file", "unit", "province", "year", "month", "ym"]]  # one workbook per unit-month
        self.error_files: set = set()  # files with an error: their months do not count (set by run_checks)
        self._codes = {}

    def not_counted(self) -> set:
        """The files whose months do not count (as the gate decides): duplicates and files with errors."""
        return self.dup_files | self.error_files

    def gaps(self, unit, upto_ym: int, from_ym: int | None = None) -> list[str]:
        """The months ("03/2021") of `unit` from `from_ym` (default: its first month in the
        data) up to, not including, `upto_ym` that do not count: missing, duplicate, with
        errors (or refused by the store, hence missing). Checks across months say so when
        a warning may come from such a gap."""
        if not hasattr(self, "_unit_months"):
            ok = self.known[(self.known["status"] == "ok") & ~self.known["file"].isin(self.not_counted())]
            self._unit_months = ok.groupby("unit")["ym"].agg(set).to_dict()
            self._unit_first = self.known.groupby("unit")["ym"].min().to_dict()
        first = self._unit_first.get(unit)
        if first is None:
            return []
        start = first if from_ym is None else max(first, from_ym)
        counted = self._unit_months.get(unit, set())
        return [f"{ym % 12 + 1:02d}/{ym // 12}" for ym in range(int(start), int(upto_ym)) if ym not in counted]

    def codes(self, col):
        """ds.events[col] factorized once for every check that groups by it: (codes, the
        distinct values in order of appearance); -1 for a blank."""
        if col not in self._codes:
            self._codes[col] = pd.factorize(self.ds.events[col].to_numpy(dtype=object))
        return self._codes[col]

    def column(self, file, sheet, fld):
        return self.layout.get((file, sheet), {}).get(fld)

    def sheet(self, file, role):
        return self.layout.get((file, role))


def checked(ds, period=None, today=None, config=None, months=False) -> list[Issue]:
    """Every issue of the dataset, the reader's and the rules', as rehabstat.toml's [checks]
    wants them (ignored rules left out, severities changed: rules.adjust)."""
    found = list(ds.issues) + run_checks(ds, period=period, today=today, config=config, months=months)
    return adjust(found, getattr(config, "checks", None))


def run_checks(ds, period=None, today=None, config=None, months=True) -> list[Issue]:
    """Every dataset-level rule; returns the new issues (the reader's are in ds.issues).
    months=False leaves out X002 (missing months): the gate decides those itself."""
    today = today or dt.date.today()
    ctx = _Context(ds)
    registry = dict(getattr(config, "registry", None) or {})
    out: list[Issue] = []
    out += stock_flow(ctx)
    out += continuity(ctx)
    out += census_split(ctx)
    out += census_parts_blank(ctx)
    out += totals_rows(ctx)
    # checks across months use the months that count, as the gate will: not those with errors
    ctx.error_files = {i.file for i in list(ds.issues) + out if i.severity == ERROR and i.file}
    out += parts_of_wholes(ctx, period)
    out += persons(ctx)
    out += duplicate_months(ctx)
    if months:
        out += missing_months(ctx, period, today, registry)
    out += transfers(ctx)
    out += unexpected_units(ctx, registry)
    out += unit_codes(ctx)
    out += outliers(ctx)
    out += province_overlaps(ctx)
    return out


def province_overlaps(ctx: _Context) -> list[Issue]:
    """X007: two province workbooks of one province whose periods overlap (the same quarter
    sent twice, a year and one of its quarters) would count the same figures twice; every
    such workbook is named, whatever period is asked for (validate has none)."""
    from ..reading.province import overlapping_workbooks
    return overlapping_workbooks(ctx.ds)


# ---------------------------------------------------------------- identities

def _sums(key: np.ndarray, weights, size: int) -> np.ndarray:
    """Per key 0..size-1: the sum of the integer weights (exact: counts stay far below 2**53)."""
    return np.rint(np.bincount(key, weights=weights, minlength=size)).astype("int64")


def stock_flow(ctx: _Context) -> list[Issue]:
    """I001: closing = opening + inflow − outflow, per workbook and category.

    Summed with np.bincount over integer codes of (file, category) rather than group-bys
    and an outer merge on the strings; the issues come in the merge's order (file, then
    category)."""
    ds = ctx.ds
    skip = ctx.tainted["census"] | ctx.tainted["events"]
    events, census = ds.events, ds.census
    if skip:
        events = events[~events["file"].isin(skip)]
        census = census[~census["file"].isin(skip)]
    changes = (events["event"] == "CHUYEN_DIEN").to_numpy() & events["new_category"].notna().to_numpy()
    ev_file = events["file"].to_numpy(dtype=object)
    cen_file = census["file"].to_numpy(dtype=object)
    file_code, file_names = pd.factorize(np.concatenate([ev_file, ev_file[changes], cen_file]))
    cat_code, cat_names = pd.factorize(np.concatenate([
        events["category"].to_numpy(dtype=object), events["new_category"].to_numpy(dtype=object)[changes],
        census["category"].to_numpy(dtype=object)]))
    n_cat = max(len(cat_names), 1)
    size = max(len(file_names), 1) * n_cat
    key = file_code.astype("int64") * n_cat + cat_code
    known = cat_code >= 0  # a blank category is in no group (as group-by leaves it out)
    n_ev, n_moved = len(events), int(changes.sum())
    ev_key, moved_key, cen_key = key[:n_ev], key[n_ev:n_ev + n_moved], key[n_ev + n_moved:]
    ev_known, moved_known, cen_known = known[:n_ev], known[n_ev:n_ev + n_moved], known[n_ev + n_moved:]
    event_code, event_names = pd.factorize(events["event"].to_numpy(dtype=object))
    sign = np.array([EVENT_TYPES[e].sign if e in EVENT_TYPES else 0 for e in event_names] + [0])[event_code]
    count = events["count"].to_numpy()
    inflow = _sums(ev_key[ev_known], np.where(sign > 0, count, 0)[ev_known], size) + \
        _sums(moved_key[moved_known], count[changes][moved_known], size)
    outflow = _sums(ev_key[ev_known], np.where(sign < 0, count, 0)[ev_known], size)
    has = np.zeros(size, dtype=bool)
    has[ev_key[ev_known]] = True
    has[moved_key[moved_known]] = True
    ck = cen_key[cen_known]
    opening = _sums(ck, census["opening"].fillna(0).to_numpy(dtype="int64")[cen_known], size)  # NA counts 0
    closing = _sums(ck, census["closing"].fillna(0).to_numpy(dtype="int64")[cen_known], size)
    has_census = np.zeros(size, dtype=bool)
    has_census[ck] = True
    expected = opening + inflow - outflow
    bad_keys = np.flatnonzero((has | has_census) & (closing != expected))
    if not len(bad_keys):
        return []
    # the census row of each bad (file, category): its first sheet, its last row
    cen_rows = census[cen_known]
    bad_rows = np.isin(ck, bad_keys)
    where = {}
    for k, sheet, row in zip(ck[bad_rows], cen_rows["sheet"].to_numpy(dtype=object)[bad_rows],
                             cen_rows["row"].to_numpy()[bad_rows]):
        if k in where:
            where[k] = (where[k][0], max(where[k][1], row))
        else:
            where[k] = (sheet, row)
    bad = pd.DataFrame({"file": file_names[bad_keys // n_cat], "category": cat_names[bad_keys % n_cat],
                        "sheet": [where.get(k, (None, None))[0] for k in bad_keys],
                        "row": [where.get(k, (None, np.nan))[1] for k in bad_keys],
                        "opening": opening[bad_keys], "closing": closing[bad_keys], "inflow": inflow[bad_keys],
                        "outflow": outflow[bad_keys], "expected": expected[bad_keys]})
    bad = bad.sort_values(["file", "category"], kind="stable")
    no_census = bad["sheet"].isna()
    if no_census.any():
        first = _first_event_rows(events[events["file"].isin(set(bad.loc[no_census, "file"]))])
        bad = bad.merge(first, on=["file", "category"], how="left")
    out = []
    for r in bad.itertuples(index=False):
        values = dict(category=r.category, found=_n(r.closing), opening=_n(r.opening), inflow=_n(r.inflow),
                      outflow=_n(r.outflow), expected=_n(r.expected), diff=_signed(r.closing - r.expected))
        if not pd.isna(r.row):
            out.append(issue("I001", file=r.file, sheet=r.sheet, row=int(r.row),
                             column=ctx.column(r.file, r.sheet, "closing"), field="closing", **values))
        else:
            note = phrase("note.no_census_row", category=r.category)
            out.append(issue("I001", file=r.file, sheet=r.sheet_ev, row=int(r.row_ev),
                             column=ctx.column(r.file, r.sheet_ev, r.field_ev), field=r.field_ev, note=note, **values))
    return out


def _signed(n) -> Signed:
    return Signed(int(n))


def _first_event_rows(events: pd.DataFrame) -> pd.DataFrame:
    """The first BienDong row touching each (file, category): its sheet, row and field."""
    cols = ["file", "category", "sheet_ev", "row_ev", "field_ev"]
    if events.empty:
        return pd.DataFrame(columns=cols)
    a = events[["file", "category", "sheet", "row"]].assign(field="category")
    moved = events[events["event"] == "CHUYEN_DIEN"].dropna(subset=["new_category"])
    b = moved[["file", "new_category", "sheet", "row"]].rename(columns={"new_category": "category"}).assign(
        field="new_category")
    both = pd.concat([a, b], ignore_index=True).sort_values(["file", "category", "row"], kind="stable")
    both = both.rename(columns={"sheet": "sheet_ev", "row": "row_ev", "field": "field_ev"})
    return both.drop_duplicates(["file", "category"])[cols]


def continuity(ctx: _Context) -> list[Issue]:
    """I002: the opening of a month equals the closing of the month before (same unit)."""
    ds = ctx.ds
    months = ctx.months[~ctx.months["file"].isin(ctx.tainted["census"])]
    if months.empty or ds.census.empty:
        return []
    census = ds.census[ds.census["file"].isin(set(months["file"]))]
    cen = census.groupby(["file", "category"], as_index=False).agg(
        sheet=("sheet", "first"), row=("row", "min"),
        opening=("opening", "sum"), closing=("closing", "sum"))  # NA counts 0 (skipna, min_count 0)
    cats = cen.merge(months[["file", "unit"]], on="file")[["unit", "category"]].drop_duplicates()
    grid = months[["file", "unit", "year", "month", "ym"]].merge(cats, on="unit")
    grid = grid.merge(cen, on=["file", "category"], how="left")
    grid[["opening", "closing"]] = grid[["opening", "closing"]].fillna(0).astype("int64")
    prev = grid[["unit", "ym", "category", "closing"]].assign(ym=grid["ym"] + 1).rename(
        columns={"closing": "expected"})
    pairs = grid.merge(prev, on=["unit", "ym", "category"])
    bad = pairs[pairs["opening"] != pairs["expected"]]
    out = []
    for r in bad.itertuples(index=False):
        values = dict(category=r.category, period=_month_text(r.year, r.month), found=_n(r.opening),
                      expected=_n(r.expected))
        if pd.isna(r.row):
            out.append(issue("I002", file=r.file, sheet=ctx.sheet(r.file, "census"), field="opening", **values))
        else:
            out.append(issue("I002", file=r.file, sheet=r.sheet, row=int(r.row),
                             column=ctx.column(r.file, r.sheet, "opening"), field="opening", **values))
    return out


def census_split(ctx: _Context) -> list[Issue]:
    """I003: present + absent = closing, on rows that have both columns."""
    c = ctx.ds.census
    if c.empty:
        return []
    c = c[c["present"].notna() & c["absent"].notna() & c["closing"].notna()]
    bad = c[(c["present"] + c["absent"]) != c["closing"]]
    return [issue("I003", file=r.file, sheet=r.sheet, row=int(r.row), column=ctx.column(r.file, r.sheet, "present"),
                  field="present", category=r.category, present=_n(r.present), absent=_n(r.absent),
                  total=_n(int(r.present) + int(r.absent)), closing=_n(r.closing))
            for r in bad.itertuples(index=False)]


def census_parts_blank(ctx: _Context) -> list[Issue]:
    """C009: a blank Có mặt (Vắng mặt) cell beside a filled Cuối kỳ, on the blank cell; only
    where the sheet has the column (a census without the split is not asked for it)."""
    c = ctx.ds.census
    if c.empty:
        return []
    out = []
    for fld, title in (("present", "Có mặt"), ("absent", "Vắng mặt")):
        blank = c[c["closing"].notna() & c[fld].isna()]
        for r in blank.itertuples(index=False):
            col = ctx.column(r.file, r.sheet, fld)
            if col is None:
                continue
            out.append(issue("C009", file=r.file, sheet=r.sheet, row=int(r.row), column=col, field=fld,
                             field_name=title, category=r.category, closing=_n(r.closing)))
    return sorted(out, key=lambda i: (i.file, i.sheet or "", i.row or 0, i.column or ""))


STOCK_PARTS = (("DIEU_TRI_ARV", "HIV_QUAN_LY"),)  # held at the same moment: per workbook (I005)
FLOW_PARTS = (("CHUNG_CHI", "DAY_NGHE"),)  # may fall in different months: over the period (I006)


def parts_of_wholes(ctx: _Context, period=None) -> list[Issue]:
    """I005: in one workbook, a stock that is part of another cannot exceed it (on ARV ≤
    HIV-positive managed): on the part's Giá trị cell. I006: over the period (or each
    year when none is given), per facility, certified ≤ trained: a warning on the last
    Chứng chỉ cell. Sums by group-by, no loop over files or facilities."""
    f = ctx.ds.figures
    codes = {c for pair in STOCK_PARTS + FLOW_PARTS for c in pair}
    if f.empty:
        return []
    f = f[f["code"].isin(codes).to_numpy() & ~f["file"].isin(ctx.dup_files).to_numpy()]
    if f.empty:
        return []
    found = []  # (sort key, issue): files in order, then the pairs in order
    values = f.groupby(["file", "code"])["value"].sum()
    first = f.drop_duplicates(["file", "code"]).set_index(["file", "code"])  # each (file, code)'s first row
    present = set(values.index.get_level_values("code"))
    for n, (part, whole) in enumerate(STOCK_PARTS):
        if part not in present or whole not in present:
            continue
        both = pd.concat([values.xs(part, level="code").rename("part"), values.xs(whole, level="code").rename("whole")],
                         axis=1, join="inner")
        for file, p, w in zip(both.index[both["part"] > both["whole"]], both["part"][both["part"] > both["whole"]],
                              both["whole"][both["part"] > both["whole"]]):
            sheet, row = first.at[(file, part), "sheet"], first.at[(file, part), "row"]
            found.append(((file, n), issue("I005", file=file, sheet=sheet, row=int(row),
                                           column=ctx.column(file, sheet, "value"), field="value",
                                           part_label=phrase(f"figure.{part}"), part=_n(p),
                                           whole_label=phrase(f"figure.{whole}"), whole=_n(w))))
    out = [i for _, i in sorted(found, key=lambda kv: kv[0])]
    if ctx.error_files:  # I006 sums over months: only those that count
        f = f[~f["file"].isin(ctx.error_files).to_numpy()]
    if period is not None:
        months = {(y, m): period.contains(int(y), int(m)) for y, m in set(zip(f["year"], f["month"]))}
        # a boolean array, not a list: an empty list would select no columns
        f = f[np.array([months[k] for k in zip(f["year"], f["month"])], dtype=bool)]
        f = f.assign(span=period.label)
        span_of = {period.label: (period.first[0] * 12 + period.first[1] - 1, period.last[0] * 12 + period.last[1])}
        span_words = {period.label: phrase("period.named", label=period.label, code=period.code)}
    else:
        f = f.assign(span="năm " + f["year"].astype(int).astype(str))
        span_of = {f"năm {y}": (y * 12, y * 12 + 12) for y in set(f["year"].astype(int))}
        span_words = {f"năm {y}": phrase("period.year", year=int(y)) for y in set(f["year"].astype(int))}
    f = f.sort_values(["year", "month", "row"])
    found = []
    for n, (part, whole) in enumerate(FLOW_PARTS):
        p_rows = f[f["code"] == part]
        if p_rows.empty:
            continue
        p_total = p_rows.groupby(["unit", "span"])["value"].sum()
        w_total = f[f["code"] == whole].groupby(["unit", "span"])["value"].sum().reindex(p_total.index, fill_value=0)
        last = p_rows.groupby(["unit", "span"]).tail(1).set_index(["unit", "span"])  # the last Chứng chỉ row
        for (unit, span), p, w in zip(p_total.index[p_total > w_total], p_total[p_total > w_total],
                                      w_total[p_total > w_total]):
            r = last.loc[(unit, span)]
            found.append(((unit, span, n), issue(
                "I006", file=r["file"], sheet=r["sheet"], row=int(r["row"]),
                column=ctx.column(r["file"], r["sheet"], "value"), field="value", unit=unit, period=span_words[span],
                part_label=phrase(f"figure.{part}"), part=_n(p), whole_label=phrase(f"figure.{whole}"), whole=_n(w),
                note=_gap_note(ctx.gaps(unit, span_of[span][1], span_of[span][0])))))
    return out + [i for _, i in sorted(found, key=lambda kv: kv[0])]


def totals_rows(ctx: _Context) -> list[Issue]:
    """I004: a "Tổng cộng" row must equal the sum of the rows above it (since the
    previous totals row of the sheet; a grand total right after subtotals is compared with
    everything above). A totals row with no data row above it (forms often put it first,
    right under the header) sums every data row below it."""
    ds = ctx.ds
    if not ds.totals:
        return []
    # each sheet's row numbers and fields as arrays, split once (pandas filtering per totals
    # row cost milliseconds each); fields as int64 with blanks as 0 (the Int64 / int64 columns)
    total_files = {t[0] for t in ds.totals}
    frames = {}
    for role, df in (("census", ds.census), ("events", ds.events)):
        df = df[df["file"].isin(total_files)]
        fields = TOTALS_FIELDS[role]
        frames[role] = {"_empty": (np.zeros(0, dtype="int64"), {f: np.zeros(0, dtype="int64") for f in fields})}
        if len(df):
            row_numbers = df["row"].to_numpy()
            values = {f: df[f].fillna(0).to_numpy(dtype="int64") for f in fields}
            for k, idx in df.groupby(["file", "sheet"], sort=False).indices.items():
                frames[role][k] = (row_numbers[idx], {f: v[idx] for f, v in values.items()})
    problem_rows: dict[tuple, list[int]] = {}
    for i in ds.issues:
        if i.code in DROPS_ROW and i.file and i.sheet and i.row:
            problem_rows.setdefault((i.file, i.sheet), []).append(i.row)
    by_sheet: dict[tuple, list[int]] = {}
    for file, sheet, row, _ in ds.totals:
        by_sheet.setdefault((file, sheet), []).append(row)
    out = []
    for file, sheet, row, cells in ds.totals:
        role = next((r for r in ("census", "events") if ctx.sheet(file, r) == sheet), None)
        if role is None:
            continue
        earlier = [t for t in by_sheet[(file, sheet)] if t < row]
        start = max(earlier) if earlier else 0
        numbers, values = frames[role].get((file, sheet), frames[role]["_empty"])
        rows = (numbers > start) & (numbers < row)  # the rows it sums, as a mask
        end = row
        if not rows.any() and earlier:
            start, rows = 0, numbers < row
        if not rows.any() and not (numbers < row).any():  # a totals row first: the rows below it
            start, end = row, 1 << 40
            rows = numbers > row
        if any(start < r < end for r in problem_rows.get((file, sheet), ())):
            continue  # a row it covers could not be read: its sum is unknown, its own issue says why
        for fld in TOTALS_FIELDS[role]:
            if fld not in cells:
                continue
            value, column = cells[fld]
            if is_blank(value):
                continue
            try:
                found = parse_count(value)
            except Bad:
                out.append(issue("C001", file=file, sheet=sheet, row=row, column=column, field=fld,
                                 field_name=_title(fld), value=display(value)))
                continue
            expected = int(values[fld][rows].sum())
            if found != expected:
                out.append(issue("I004", file=file, sheet=sheet, row=row, column=column, field=fld,
                                 field_name=_title(fld), found=_n(found), expected=_n(expected),
                                 where="dưới" if end != row else "trên", where_en="below" if end != row else "above"))
    return out


def _title(fld: str) -> str:
    from ..reading.reader import HEADER_TITLES
    return HEADER_TITLES.get(fld, fld)


# ---------------------------------------------------------------- persons

def _ranked(codes: np.ndarray, uniques) -> np.ndarray:
    """Factorized values (pd.factorize's codes and distinct values) as integer codes that
    rank them as sort_values ranks them (equal values equal codes; a blank after every
    value): sorting by these codes sorts by the values, without comparing the strings
    again in every sort. Only the distinct values are sorted: strings with numpy's
    fixed-width sort (in C, by code point as Python compares str; a NUL would be padding to
    numpy, hence the test), a few other values (dates) with Python's comparisons, anything
    else by pandas (factorize with sort=True, as sort_values does)."""
    from pandas.api.types import infer_dtype
    names = np.asarray(uniques, dtype=object)
    if len(names) > 1:
        try:
            if infer_dtype(names, skipna=False) == "string" and "\x00" not in "".join(names):
                order = np.argsort(names.astype(str), kind="stable")
            elif len(names) <= 10_000:
                order = np.argsort(names, kind="stable")
            else:
                raise TypeError
            rank = np.empty(len(names), dtype="int64")
            rank[order] = np.arange(len(names))
        except TypeError:  # values Python cannot order among themselves
            rank = pd.factorize(names, sort=True)[0]
        codes = np.where(codes < 0, -1, rank[codes])
    if (codes < 0).any():
        codes = np.where(codes < 0, len(names), codes)
    return codes


def persons(ctx: _Context) -> list[Issue]:
    """P001-P004 on rows with a learner id, per facility, in date order.

    The data may start after a person's history did: a person whose first event in the
    data is an exit, an escape or a recapture was held (or had escaped) before it, and is
    not reported. A state only counts once the data have shown it:
    after an admission, a recapture or a category change the person is held; after an
    escape, escaped; after any other exit, gone.
    P001 a recapture of someone held or gone (not escaped);
    P002 an exit (or a category change) of someone escaped or gone;
    P003 an admission (TIEP_NHAN, CHUYEN_DEN) of someone held;
    P004 the same person, event and date twice (the repeat is not used for P001-P003).

    Done on integer codes (the string columns are factorized once, in sorted order, and the
    rows ordered by np.lexsort), as sorting the frame by its seven columns did: the same
    order, a fraction of the time on a national year's 250.000 rows.
    """
    ev = ctx.ds.events
    if ev.empty:
        return []
    keep = ev["person"].notna().to_numpy().copy()
    if ctx.not_counted():
        keep &= ~ev["file"].isin(ctx.not_counted()).to_numpy()
    if not keep.any():
        return []
    pos = np.flatnonzero(keep)  # positions in ev
    unit = _ranked(ctx.codes("unit")[0][pos], ctx.codes("unit")[1])
    person, date = (_ranked(*pd.factorize(ev[c].to_numpy(dtype=object)[pos])) for c in ("person", "date"))
    # the order of ev.sort_values(["unit", "person", "date", "year", "month", "file", "row"], kind="stable")
    order = np.lexsort((ev["row"].to_numpy()[pos], _ranked(ctx.codes("file")[0][pos], ctx.codes("file")[1]), ev["month"].to_numpy()[pos],
                        ev["year"].to_numpy()[pos], date, person, unit))
    pos, unit, person, date = pos[order], unit[order], person[order], date[order]
    event_codes, event_names = ctx.codes("event")
    event_codes = np.where(event_codes < 0, len(event_names), event_codes)[pos]
    in_events = lambda names: np.isin(event_codes, [i for i, e in enumerate(event_names) if e in names])  # noqa: E731
    rows = ev["row"].to_numpy()
    out = []
    # P004: the same unit, person, event and date again (the first in the order is kept)
    sizes = [int(unit.max()) + 1, int(person.max()) + 1, len(event_names) + 1, int(date.max()) + 1]
    if np.prod([float(x) for x in sizes]) < 2 ** 62:  # the four codes as one integer
        group = np.ravel_multi_index((unit, person, event_codes, date), sizes)
    else:
        group = pd.DataFrame({"u": unit, "p": person, "e": event_codes, "d": date}).groupby(
            ["u", "p", "e", "d"], sort=False).ngroup().to_numpy()
    _, first_of, group = np.unique(group, return_index=True, return_inverse=True)
    dup = first_of[group] != np.arange(len(group))
    if dup.any():
        for r, other in zip(ev.iloc[pos[dup]].itertuples(index=False), rows[pos[first_of[group[dup]]]]):
            out.append(issue("P004", file=r.file, sheet=r.sheet, row=int(r.row),
                             column=ctx.column(r.file, r.sheet, "event"), field="event", other=int(other)))
        kept = ~dup
        pos, unit, person, date, event_codes = pos[kept], unit[kept], person[kept], date[kept], event_codes[kept]
    # rows are sorted by unit and person: each person's rows are contiguous, so "the row
    # before in the same group" is the row before where it has the same unit and person
    n = len(pos)
    first = np.ones(n, dtype=bool)
    first[1:] = (unit[1:] != unit[:-1]) | (person[1:] != person[:-1])
    at = np.arange(n)
    start = np.maximum.accumulate(np.where(first, at, 0))  # the first row of each row's group
    tron = in_events(("TRON",))
    state = np.where(tron, 1, np.where(in_events(EXITS), 2, 0))  # 0 held, 1 escaped, 2 gone
    before = np.where(first, -1, np.roll(state, 1))  # -1: no row before
    dates = ev["date"].to_numpy(dtype=object)[pos]
    admitted = in_events(ADMISSIONS + RETURNS) & ~pd.isna(dates)
    last = np.maximum.accumulate(np.where(admitted, at, -1))  # the latest admission up to each row
    prev_last = np.roll(last, 1)
    valid = ~first & (prev_last >= start)  # ... before this row, in its own group
    # whether the person ever escaped at the facility (a pair of codes as one integer)
    pair = unit.astype("int64") * (int(person.max()) + 1) + person
    escaped_ever = np.isin(pair, pair[tron])
    # ... unless a row of the person's facility was dropped by the reader (it may be the escape)
    tainted = ctx.tainted["events"]
    if tainted:
        in_tainted = ev["file"].isin(tainted).to_numpy()[pos]
        tainted_unit = np.isin(unit, unit[in_tainted])
    else:
        tainted_unit = np.zeros(n, dtype=bool)
    never = ~escaped_ever & ~tainted_unit
    # a recapture of someone held or gone, or of someone with no escape anywhere in the data
    # (a warning: the escape may predate the data)
    p001 = in_events(RETURNS) & (np.isin(before, (0, 2)) | first & never)
    p002 = in_events(EXITS + ("CHUYEN_DIEN",)) & np.isin(before, (1, 2))
    p003 = in_events(ADMISSIONS) & (before == 0)
    for code, mask in (("P001", p001), ("P002", p002), ("P003", p003)):
        if not mask.any():
            continue
        at_mask = np.flatnonzero(mask)
        for r, k in zip(ev.iloc[pos[at_mask]].itertuples(index=False), at_mask):
            extra = {}
            if code == "P002":
                extra = {"event": r.event}
            elif code == "P003":
                when = dates[prev_last[k]] if valid[k] else None
                when = when if not pd.isna(when) else (None if first[k] else dates[k - 1])
                extra = {"previous": when.strftime("%d/%m/%Y") if hasattr(when, "strftime") else "?"}
            if code in ("P001", "P002"):  # the escape or the admission may be in a month that does not count
                extra["note"] = _gap_note(ctx.gaps(r.unit, int(r.year) * 12 + int(r.month) - 1))
            out.append(issue(code, file=r.file, sheet=r.sheet, row=int(r.row),
                             column=ctx.column(r.file, r.sheet, "event"), field="event", **extra))
    return out


def _gap_note(months: list[str]):
    """What a warning across months says when months of the facility before it do not count."""
    if not months:
        return ""
    shown = ", ".join(months[:6]) + (" …" if len(months) > 6 else "")
    return phrase("note.gap_months" if len(months) > 1 else "note.gap_month", months=shown)


# ---------------------------------------------------------------- across files

def duplicate_months(ctx: _Context) -> list[Issue]:
    """X001: two workbooks say the same facility and month; an error on each of them."""
    out = []
    for (unit, ym), part in ctx.duplicates.groupby(["unit", "ym"], sort=True):
        files = list(part["file"])
        year, month = divmod(int(ym), 12)
        for f in files:
            others = ", ".join(x for x in files if x != f)
            out.append(issue("X001", file=f, unit=unit, period=_month_text(year, month + 1), other=others,
                             month=(year, month + 1)))
    return out


def _months_between(first: int, last: int) -> range:
    return range(first, last + 1)


def missing_months(ctx: _Context, period, today: dt.date, registry: dict) -> list[Issue]:
    """X002: months without a workbook inside the checked period: the given period, or
    each facility's own first to last month. With a period, the facilities checked are
    those with a workbook in it plus those of the registry; a registry facility without
    any workbook misses every month. Months not over yet (today's month and later) are
    never missing."""
    known = ctx.known
    limit = today.year * 12 + today.month - 1  # months before this one are due
    have = {u: set(g["ym"]) for u, g in known.groupby("unit")}
    listed = {u for units in registry.values() for u in units}
    if period is not None:
        want = [y * 12 + m - 1 for (y, m) in period.months]
        lo, hi = min(want), max(want)
        units = {u for u, months in have.items() if any(lo <= m <= hi for m in months)} | listed
        expect = {u: want for u in units}
    else:
        expect = {u: _months_between(min(m), max(m)) for u, m in have.items()}
        if listed - set(have) and len(known):
            span = _months_between(int(known["ym"].min()), int(known["ym"].max()))
            expect.update({u: span for u in listed - set(have)})
    out = []
    for unit in sorted(expect):
        for ym in expect[unit]:
            if ym < limit and ym not in have.get(unit, ()):
                year, month = divmod(ym, 12)
                out.append(issue("X002", unit=unit, period=_month_text(year, month + 1), month=(year, month + 1)))
    return out


def transfers(ctx: _Context) -> list[Issue]:
    """X003: within a province and month, more transfers out than transfers in, where the
    province has at least two facilities reporting that month (with one, every transfer
    necessarily leaves the province)."""
    ev = ctx.ds.events
    if ev.empty:
        return []
    ev = ev[ev["event"].isin(["CHUYEN_DI", "CHUYEN_DEN"]) & ev["province"].notna()
            & ev["file"].isin(set(ctx.months["file"]))]
    if ev.empty:
        return []
    # the province of each month as it was then (geography.py): from 07/2025 a Nam Định and
    # a Ninh Bình facility are in one province, before it in two
    months = ctx.months.dropna(subset=["province"])
    months = months.assign(pkey=_province_keys(months))
    units = months.groupby(["pkey", "year", "month"])["unit"].nunique().rename("units")
    ev = ev.assign(pkey=_province_keys(ev))
    table = ev.pivot_table(index=["pkey", "year", "month"], columns="event", values="count", aggfunc="sum",
                           fill_value=0)
    for col in ("CHUYEN_DI", "CHUYEN_DEN"):
        if col not in table.columns:
            table[col] = 0
    table = table.join(units, how="left")
    bad = table[(table["units"] >= 2) & (table["CHUYEN_DI"] > table["CHUYEN_DEN"])]
    names = ev.assign(name=_province_names(ev)).groupby("pkey")["name"].first()
    return [issue("X003", province=names[p], period=_month_text(y, m), month=(y, m), out_count=_n(r["CHUYEN_DI"]),
                  in_count=_n(r["CHUYEN_DEN"]))
            for (p, y, m), r in bad.iterrows()]




def _province_names(df) -> list:
    """The province of each row's province name at the end of the row's month."""
    from ..common.periods import month_end
    from ..settings.geography import province_at
    cache = {}
    out = []
    for name, y, m in zip(df["province"], df["year"], df["month"]):
        k = (name, int(y), int(m))
        if k not in cache:
            cache[k] = province_at(name, month_end(k[1], k[2]))
        out.append(cache[k])
    return out


def _province_keys(df) -> list:
    keys = {}  # province_key once per name, not per row
    return [keys[n] if n in keys else keys.setdefault(n, province_key(n)) for n in _province_names(df)]


def unexpected_units(ctx: _Context, registry: dict) -> list[Issue]:
    """X004: with a registry in rehabstat.toml, a facility of a listed province that the
    list does not name (once per facility, on its first workbook). Provinces the registry
    does not list are not judged."""
    if not registry:
        return []
    from ..common.periods import month_end
    from ..settings.geography import province_at
    out = []
    known = ctx.known.dropna(subset=["province"]).sort_values(["unit", "ym", "file"])
    for unit, part in known.groupby("unit", sort=True):
        province = part["province"].iloc[-1]
        # the registry's names and the workbook's, as of the workbook's month (old or new names)
        y, m = int(part["year"].iloc[-1]), int(part["month"].iloc[-1])
        when = month_end(y, m)
        lists = defaultdict(set)
        for p, u in registry.items():
            lists[province_key(province_at(p, when))] |= set(u)
        expected = lists.get(province_key(province_at(province, when)))
        if expected is not None and unit not in expected:
            out.append(issue("X004", file=part["file"].iloc[0], unit=unit, province=province))
    return out


def one_facility_several_codes(files) -> list:
    """The readable workbooks of each facility (name and province, compared as the reader
    compares codes) written under two or more codes: one frame per facility (X005, and the
    report that must not take them for two facilities)."""
    files = files[files["status"].isin(READ_WHOLE)].dropna(subset=["unit", "unit_name", "province"])
    if files.empty:
        return []
    keyed = files.assign(key=files["unit_name"].map(norm_key) + "|" + files["province"].map(province_key))
    return [part for _, part in keyed.groupby("key", sort=True) if part["unit"].nunique() > 1]


def unit_codes(ctx: _Context) -> list[Issue]:
    """X005: one facility name in one province under two codes (after the reader's
    normalisation: spaces, hyphens, invisible characters, case). The workbooks whose code is
    not the one most of them use get the issue, on their Mã cơ sở cell (all of them on a tie)."""
    out = []
    for part in one_facility_several_codes(ctx.ds.files):
        counts = part["unit"].value_counts()
        top = counts.iloc[0]
        main = counts.index[0] if (counts == top).sum() == 1 else None
        for r in part.sort_values("file").itertuples(index=False):
            if r.unit == main:
                continue
            others = [u for u in counts.index if u != r.unit]
            where = ctx.layout.get((r.file, "_info"), {}).get("unit")
            place = dict(sheet=where[0], row=where[1], column=where[2]) if where else {}
            out.append(issue("X005", file=r.file, field="unit", unit=r.unit, unit_name=r.unit_name,
                             province=r.province, other=", ".join(others),
                             count=_n(int(counts[others].sum())), **place))
    return out


# ---------------------------------------------------------------- outliers

def outliers(ctx: _Context) -> list[Issue]:
    """O001: a monthly flow (admissions, discharges, escapes) per facility and category
    whose modified z-score 0.6745·(x − median)/MAD exceeds 3.5 in absolute value, among
    at least 6 months (a month without such events counts 0). These are counts: the MAD
    is floored at 0.6745·√median, the MAD a Poisson count would show by chance, since
    a raw MAD of 0.5 (most months exactly alike) would call a difference of 3 an outlier.
    Skipped when that scale is 0 (a series of zeros). The typical range in the message is
    median ± 3.5·scale/0.6745, the values the rule accepts.

    The grid of months × (category, event) is built on integer codes (the month's
    position in ctx.months, the category's and the event's codes); only the outliers
    found are turned back into names."""
    ev = ctx.ds.events
    months = ctx.months
    if ev.empty or months.empty:
        return []
    month_of = {f: i for i, f in enumerate(months["file"])}  # one workbook per unit-month
    file_code, file_names = ctx.codes("file")
    m = np.array([month_of.get(f, -1) for f in file_names], dtype="int64")[file_code] if len(file_names) else file_code
    sel = ev["event"].isin(OUTLIER_EVENTS).to_numpy() & (m >= 0)
    if not sel.any():
        return []
    at = np.flatnonzero(sel)  # the rows' positions in ev (no copy of the frame)
    m = m[at]
    cat_code, cat_names = ctx.codes("category")
    event_code, event_names = ctx.codes("event")
    cat_code, event_code = cat_code[at], event_code[at]
    unit_code = pd.factorize(months["unit"].to_numpy(dtype=object))[0]
    rows = pd.DataFrame({"m": m, "c": cat_code, "e": event_code, "count": ev["count"].to_numpy()[at],
                         "row": ev["row"].to_numpy()[at], "at": at})
    rows = rows[rows["c"] >= 0]  # a blank category is in no group
    sums = rows.groupby(["m", "c", "e"], as_index=False)["count"].sum()
    # the first BienDong row of each (file, category, event): the lowest row, the earlier on a tie
    first = rows.sort_values("row", kind="stable").drop_duplicates(["m", "c", "e"])[["m", "c", "e", "at"]]
    sums["u"] = unit_code[sums["m"].to_numpy()]
    combos = sums[["u", "c", "e"]].drop_duplicates()
    series = pd.DataFrame({"m": np.arange(len(months)), "u": unit_code})
    grid = series.merge(combos, on="u").merge(sums[["m", "c", "e", "count"]], on=["m", "c", "e"], how="left")
    grid["count"] = grid["count"].fillna(0).astype("int64")
    key = ["u", "c", "e"]
    g = grid.groupby(key)["count"]
    grid["n"] = g.transform("size")
    grid["median"] = g.transform("median")
    grid["dev"] = (grid["count"] - grid["median"]).abs()
    grid["mad"] = np.maximum(grid.groupby(key)["dev"].transform("median"), _MAD_SCALE * np.sqrt(grid["median"]))
    grid = grid[(grid["n"] >= OUTLIER_MIN_MONTHS) & (grid["mad"] > 0)]
    z = _MAD_SCALE * (grid["count"] - grid["median"]) / grid["mad"]
    bad = grid[z.abs() > OUTLIER_THRESHOLD]
    if bad.empty:
        return []
    bad = bad.merge(first, on=["m", "c", "e"], how="left")
    at = bad["at"].to_numpy()
    has_row = ~np.isnan(at)
    taken = np.where(has_row, at, 0).astype("int64")
    mm = months.iloc[bad["m"].to_numpy()]
    bad = pd.DataFrame({
        "file": mm["file"].to_numpy(dtype=object), "unit": mm["unit"].to_numpy(dtype=object),
        "year": mm["year"].to_numpy(), "month": mm["month"].to_numpy(),
        "category": cat_names[bad["c"].to_numpy()], "event": event_names[bad["e"].to_numpy()],
        "count": bad["count"].to_numpy(), "median": bad["median"].to_numpy(), "mad": bad["mad"].to_numpy(),
        "sheet": np.where(has_row, ev["sheet"].to_numpy(dtype=object)[taken], None),
        "row": np.where(has_row, ev["row"].to_numpy()[taken], np.nan)})
    out = []
    for r in bad.sort_values(["unit", "year", "month", "category", "event"]).itertuples(index=False):
        spread = OUTLIER_THRESHOLD * r.mad / _MAD_SCALE
        low, high = max(0, int(np.ceil(r.median - spread))), int(np.floor(r.median + spread))
        label = phrase(f"event.{r.event}")
        where = dict(sheet=r.sheet, row=int(r.row), column=ctx.column(r.file, r.sheet, "event"), field="event") \
            if not pd.isna(r.row) else dict(sheet=ctx.sheet(r.file, "events"))
        out.append(issue("O001", file=r.file, indicator=label, category=r.category,
                         period=_month_text(r.year, r.month), value=_n(r.count), low=_n(low), high=_n(high), **where))
    return out
