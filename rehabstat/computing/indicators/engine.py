"""The indicator table: unit, level, period, indicator, category, value.

Flows are summed over months; DAU_KY is the first month's opening; CUOI_KY, CO_MAT,
VANG_MAT and stock figures take the last month's value. Stocks are summed over units,
never over time. Totals over categories: HV (all but MET) and ALL.
"""
from __future__ import annotations

import pandas as pd

from ...common.codes import ALL_CATEGORIES, province_key, EVENT_TYPES, LEARNER_CATEGORIES, TOTAL_ALL, TOTAL_HV
from ...common.periods import Period
from .revenue import split_surplus

COLUMNS = ["unit", "level", "period", "indicator", "category", "value"]
STOCK_FIRST = ("DAU_KY",)
STOCK_LAST = ("CUOI_KY", "CO_MAT", "VANG_MAT")
FLOW_EVENTS = tuple(c for c in EVENT_TYPES if c != "CHUYEN_DIEN") + ("CHUYEN_DIEN_DEN", "CHUYEN_DIEN_DI")
CATEGORY_INDICATORS = STOCK_FIRST + STOCK_LAST + FLOW_EVENTS + ("TRON_NGUOI",)
LEVELS = ("facility", "province", "national")
NATION = "VN"


def in_period(df: pd.DataFrame, period: Period) -> pd.DataFrame:
    """The rows of a frame with year and month columns whose month is in `period` (a row of
    no known month is in none)."""
    if df.empty:
        return df
    ym = df["year"] * 100 + df["month"]
    first, last = period.first[0] * 100 + period.first[1], period.last[0] * 100 + period.last[1]
    inside = (ym >= first) & (ym <= last)
    return df if inside.all() else df[inside]  # all inside: the frame itself, not a copy (never changed in place)


def _census_stocks(census: pd.DataFrame) -> pd.DataFrame:
    """Per unit: DAU_KY from its first month, CUOI_KY/CO_MAT/VANG_MAT from its last month."""
    if census.empty:
        return pd.DataFrame(columns=["unit", "indicator", "category", "value"])
    ym = census["year"] * 100 + census["month"]
    c = census.assign(ym=ym)
    first = c[c["ym"] == c.groupby("unit")["ym"].transform("min")]
    last = c[c["ym"] == c.groupby("unit")["ym"].transform("max")]
    frames = [first.groupby(["unit", "category"], as_index=False)["opening"].sum().rename(columns={"opening": "value"})
              .assign(indicator="DAU_KY")]
    for col, ind in (("closing", "CUOI_KY"), ("present", "CO_MAT"), ("absent", "VANG_MAT")):
        part = last.dropna(subset=[col])
        frames.append(part.groupby(["unit", "category"], as_index=False)[col].sum()
                      .rename(columns={col: "value"}).assign(indicator=ind))
    return pd.concat(frames, ignore_index=True)


def _event_flows(events: pd.DataFrame) -> pd.DataFrame:
    if events.empty:
        return pd.DataFrame(columns=["unit", "indicator", "category", "value"])
    change = events[events["event"] == "CHUYEN_DIEN"]
    # every event grouped, then the category changes' groups dropped: the same sums as
    # grouping a copy of the other rows (a national year's 250.000 rows, 13 columns)
    flows = events.groupby(["unit", "event", "category"], as_index=False)["count"].sum()
    frames = [flows[flows["event"] != "CHUYEN_DIEN"] if len(change) else flows]
    if not change.empty:
        frames.append(change.groupby(["unit", "category"], as_index=False)["count"].sum().assign(event="CHUYEN_DIEN_DI"))
        frames.append(change.groupby(["unit", "new_category"], as_index=False)["count"].sum()
                      .rename(columns={"new_category": "category"}).assign(event="CHUYEN_DIEN_DEN"))
    out = pd.concat(frames, ignore_index=True).rename(columns={"event": "indicator", "count": "value"})
    return out


def _escaped_persons(events: pd.DataFrame) -> pd.DataFrame:
    """TRON_NGUOI: distinct persons who escaped, per unit and category and over all categories;
    only for units whose every escape row has a learner id."""
    rows = []
    tron = events[events["event"] == "TRON"]
    if not tron.empty:  # grouped once (no loop over a unit's rows): a national year has 100.000s of events
        without_id = tron["person"].isna().groupby(tron["unit"]).any()
        tron = tron[~tron["unit"].map(without_id).astype(bool)]
        by_cat = tron.groupby(["unit", "category"])["person"].nunique()
        learners = tron[tron["category"].isin(LEARNER_CATEGORIES)].groupby("unit")["person"].nunique()
        everyone = tron.groupby("unit")["person"].nunique()
        cats = {}
        for (unit, category), n in by_cat.items():
            cats.setdefault(unit, []).append((category, n))
        for unit, n_all in everyone.items():
            rows.extend((unit, "TRON_NGUOI", category, n) for category, n in cats[unit])
            rows.append((unit, "TRON_NGUOI", TOTAL_HV, learners.get(unit, 0)))
            rows.append((unit, "TRON_NGUOI", TOTAL_ALL, n_all))
    return pd.DataFrame(rows, columns=["unit", "indicator", "category", "value"])


def _figures(figures: pd.DataFrame, split: dict | None) -> pd.DataFrame:
    if figures.empty:
        return pd.DataFrame(columns=["unit", "indicator", "category", "value"])
    f = figures.assign(ym=figures["year"] * 100 + figures["month"])
    flows = f[f["kind"] == "flow"].groupby(["unit", "code"], as_index=False)["value"].sum()
    stocks = f[f["kind"] == "stock"]
    stocks = stocks[stocks["ym"] == stocks.groupby(["unit", "code"])["ym"].transform("max")]
    stocks = stocks.groupby(["unit", "code"], as_index=False)["value"].sum()
    out = pd.concat([flows, stocks], ignore_index=True).rename(columns={"code": "indicator"})
    out["category"] = TOTAL_ALL
    revenue_rows = []
    wide = out.pivot_table(index="unit", columns="indicator", values="value", aggfunc="sum")
    if "DOANH_THU" in wide.columns or "CHI_PHI" in wide.columns:
        for unit, row in wide.iterrows():
            rev, cost = row.get("DOANH_THU"), row.get("CHI_PHI")
            if pd.isna(rev) and pd.isna(cost):
                continue
            parts = split_surplus(int(round(0 if pd.isna(rev) else rev)), int(round(0 if pd.isna(cost) else cost)), split)
            revenue_rows.extend((unit, code, TOTAL_ALL, value) for code, value in parts.items())
    extra = pd.DataFrame(revenue_rows, columns=["unit", "indicator", "category", "value"])
    return pd.concat([out[["unit", "indicator", "category", "value"]], extra], ignore_index=True)


def facility_table(ds, period: Period, split: dict | None = None) -> pd.DataFrame:
    """Per unit over the period: [unit, indicator, category, value], every category indicator
    for every category and the HV/ALL totals (zeros included), plus the figures present."""
    census, events, figures = (in_period(df, period) for df in (ds.census, ds.events, ds.figures))
    units = sorted(set(census["unit"].unique()) | set(events["unit"].unique()) | set(figures["unit"].unique()))
    if not units:
        return pd.DataFrame(columns=["unit", "indicator", "category", "value"])
    by_cat = pd.concat([_census_stocks(census), _event_flows(events)], ignore_index=True)
    grid = pd.MultiIndex.from_product([units, [i for i in CATEGORY_INDICATORS if i != "TRON_NGUOI"], ALL_CATEGORIES],
                                      names=["unit", "indicator", "category"])
    by_cat = by_cat.groupby(["unit", "indicator", "category"])["value"].sum().reindex(grid, fill_value=0).reset_index()
    # a blank is not a zero: a unit that wrote no Có mặt (Vắng mặt) in its last month has no
    # CO_MAT (VANG_MAT) rows at all, rather than zeros
    last = census[(census["year"] * 100 + census["month"])
                  == (census["year"] * 100 + census["month"]).groupby(census["unit"]).transform("max")]
    for col, ind in (("present", "CO_MAT"), ("absent", "VANG_MAT")):
        told = set(last.loc[last[col].notna(), "unit"])
        by_cat = by_cat[(by_cat["indicator"] != ind) | by_cat["unit"].isin(told)]
    hv = by_cat[by_cat["category"].isin(LEARNER_CATEGORIES)].groupby(["unit", "indicator"], as_index=False)["value"].sum()
    al = by_cat.groupby(["unit", "indicator"], as_index=False)["value"].sum()
    table = pd.concat([by_cat, hv.assign(category=TOTAL_HV), al.assign(category=TOTAL_ALL),
                       _escaped_persons(events), _figures(figures, split)], ignore_index=True)
    table["value"] = table["value"].astype("int64") if _all_whole(table["value"]) else table["value"]
    return table


def _all_whole(values: pd.Series) -> bool:
    v = pd.to_numeric(values)
    return bool(((v % 1) == 0).all())


def _facility_table_once(ds, period: Period, split: dict | None) -> pd.DataFrame:
    """facility_table, computed once for the same frames, period and split (a batch asks
    for the facility, province and national levels of one Dataset in turn, and the
    documents for the earlier periods they compare with). The memo keeps the frames
    themselves and compares them by identity; compute never changes the table. A few
    periods are kept (the period and its two earlier ones)."""
    key = (period.first, period.last, repr(split))
    memo = getattr(ds, "_facility_table_memo", None)
    if not (isinstance(memo, tuple) and len(memo) == 4 and memo[0] is ds.census and memo[1] is ds.events
            and memo[2] is ds.figures):
        memo = (ds.census, ds.events, ds.figures, {})
    tables = memo[3]
    if key in tables:
        return tables[key]
    table = facility_table(ds, period, split)
    if len(tables) >= 4:
        tables.pop(next(iter(tables)))
    tables[key] = table
    try:
        ds._facility_table_memo = memo
    except AttributeError:  # a Dataset that takes no attribute: no memo
        pass
    return table


def compute(ds, period: Period, level: str = "facility", split: dict | None = None,
            units: list[str] | None = None, provinces: list[str] | None = None, as_of=None) -> pd.DataFrame:
    """The tidy indicator table for a period at one level (or several, joined).

    Provinces are those of `as_of` (default: the period's last day; geography.py): a
    2025 year is reported for the provinces as merged on 01/07/2025, and a comparison of
    two periods passes one `as_of` for both."""
    if level not in LEVELS:
        raise ValueError(level)
    from ...settings.geography import province_at, unit_provinces
    as_of = as_of or period.end_date
    table = _facility_table_once(ds, period, split)
    province_of = unit_provinces(ds.files, as_of)
    if units:
        table = table[table["unit"].isin(units)]
    if provinces:
        wanted = {province_key(province_at(p, as_of)) for p in provinces}
        keep = {u: province_key(province_of.get(u, "")) in wanted for u in table["unit"].unique()}  # once per unit
        table = table[table["unit"].map(keep).astype(bool)]
    if level == "province":
        table = table.assign(unit=table["unit"].map(province_of))
    elif level == "national":
        table = table.assign(unit=NATION)
    if level != "facility":
        table = table.groupby(["unit", "indicator", "category"], as_index=False, sort=False)["value"].sum()
    table = table.assign(level=level, period=period.code)[COLUMNS]
    return table.sort_values(["unit", "indicator", "category"], kind="stable").reset_index(drop=True)




def value(table: pd.DataFrame, indicator: str, category: str = TOTAL_ALL, unit: str | None = None, default=0):
    """One figure out of the table (summed over units when unit is None)."""
    sel = table[(table["indicator"] == indicator) & (table["category"] == category)]
    if unit is not None:
        sel = sel[sel["unit"] == unit]
    if sel.empty:
        return default
    total = sel["value"].sum()
    return int(total) if float(total).is_integer() else float(total)
