"""Comparisons the reports make: with the previous period of the same length and with the
same period of the previous year.

* :func:`earlier_period` gives the period compared with (``"previous"``: the months just
  before, as many; ``"year"``: the same months one year earlier).
* :func:`in_data` says whether the earlier period is in the data for a set of facilities:
  every facility has every month of it (a month missing anywhere would make the change a
  change of coverage, not of the figures). Where it is not, nothing is compared: the
  documents leave the sentence out and the machine output leaves the columns empty.
* :func:`earlier_figures` gives a document the earlier periods' figures; documents/comparisons.py
  writes the comparisons from them.
"""
from __future__ import annotations

from ..common.periods import Period, period_between
from ..common.values import plain_number
from ..reading.dataset import READ_WHOLE

KINDS = ("previous", "year")


def _shift(ym: tuple[int, int], months: int) -> tuple[int, int]:
    y, m = ym
    n = y * 12 + (m - 1) + months
    return n // 12, n % 12 + 1


def earlier_period(period: Period, kind: str) -> Period:
    """The previous period of the same length, or the same months a year earlier."""
    if kind == "previous":
        n = len(period.months)
        return period_between(_shift(period.first, -n), _shift(period.last, -n))
    if kind == "year":
        return period_between(_shift(period.first, -12), _shift(period.last, -12))
    raise ValueError(kind)


def months_by_unit(ds) -> dict[str, set]:
    """unit → {(year, month)} of its readable monthly workbooks (computed once per Dataset)."""
    memo = getattr(ds, "_months_by_unit", None)
    if memo is not None and memo[0] is ds.files:
        return memo[1]
    files = ds.files
    ok = files[files["status"].isin(READ_WHOLE) & files["unit"].notna() & files["year"].notna()]
    out: dict[str, set] = {}
    for unit, year, month in zip(ok["unit"], ok["year"], ok["month"]):
        out.setdefault(unit, set()).add((int(year), int(month)))
    try:
        ds._months_by_unit = (ds.files, out)
    except AttributeError:
        pass
    return out


def in_data(ds, period: Period, units, config=None, issues=None) -> bool:
    """Is ``period`` in the data for ``units``: every facility has every month of it? With
    the configuration and the issues at hand, the gate decides: received, not
    duplicate, without errors, for every facility-month (`gate.decide(...).complete`)."""
    units = list(units)
    if not units or not every_month(ds, period, units):
        return False
    if config is not None and issues is not None:
        return earlier_gate(ds, period, units, config, issues).complete
    return True


def every_month(ds, period: Period, units) -> bool:
    """Every facility has a readable workbook for every month of the period. (The gate
    alone would accept a period before a facility's configured opening month: for a
    comparison that would compare a shorter coverage with a longer one.)"""
    have = months_by_unit(ds)
    months = set(period.months)
    return bool(units) and all(months <= have.get(u, set()) for u in units)


def earlier_gate(ds, period: Period, units, config, issues, provinces=None, as_of=None):
    """The gate's decision for an earlier period (the issues are those of the whole data,
    computed once by the caller), its provinces those of ``as_of`` (the compared period's)."""
    from ..checking.gate import decide
    return decide(ds, period, config, units=list(units) if units else None, provinces=provinces, issues=issues,
                  as_of=as_of)


# ---------------------------------------------------------------- machines

def compare_table(table, earlier_table, earlier: Period | None):
    """The indicator table with four columns added: ``earlier_period`` (the period compared
    with), ``earlier_value``, ``change`` (value − earlier value) and ``change_pct`` (the
    change in percent of the earlier value, one decimal; empty when the earlier value is 0).
    Units whose earlier period is not in the data (``earlier_table`` has no row for them)
    keep the four columns empty."""
    import pandas as pd
    out = table.copy()
    if earlier is None or earlier_table is None or earlier_table.empty:
        out["earlier_period"] = pd.Series([None] * len(out), dtype=object)
        for col in ("earlier_value", "change", "change_pct"):
            out[col] = pd.Series([None] * len(out), dtype=object)
        return out[list(table.columns) + ["earlier_period", "earlier_value", "change", "change_pct"]]
    before = earlier_table[["unit", "indicator", "category", "value"]].rename(columns={"value": "earlier_value"})
    out = out.merge(before, on=["unit", "indicator", "category"], how="left")
    units_in = set(earlier_table["unit"])
    has = out["unit"].isin(units_in)
    # a flow of events the unit reported no event of was 0 then; a figure it did not report
    # (SoLieu, a province workbook's, revenue) stays blank: a blank is not a zero
    from .indicators.engine import FLOW_EVENTS
    flows = out["indicator"].isin(FLOW_EVENTS)
    out.loc[has & flows & out["earlier_value"].isna(), "earlier_value"] = 0
    out["earlier_period"] = [earlier.code if h else None for h in has]
    ev = out["earlier_value"]
    def column(values):  # object dtype: ints stay ints beside blanks (a list with None would become floats)
        return pd.Series(values, index=out.index, dtype=object)
    out["change"] = column([None if pd.isna(b) else plain_number(a - b) for a, b in zip(out["value"], ev)])
    out["change_pct"] = column([None if pd.isna(b) or b == 0 else round(float((a - b) * 100 / b), 1)
                                for a, b in zip(out["value"], ev)])
    out["earlier_value"] = column([None if pd.isna(b) else plain_number(b) for b in ev])
    return out[list(table.columns) + ["earlier_period", "earlier_value", "change", "change_pct"]]


# ---------------------------------------------------------------- documents

def earlier_figures(ds, period: Period, units, level: str, key: str, cfg, extra=None, issues=None,
                    as_of=None) -> dict:
    """For a document: {'previous'|'year': {'period', 'table'} or None}.
    None where the earlier period is not in the data for these facilities (the gate says
    so when ``issues`` are given). ``extra(earlier_period, table)`` may add rows (the
    province workbook's). ``ds`` is the whole Dataset, not the period's counted files.
    Provinces are those of ``as_of`` (the document's) for the earlier periods too."""
    from .indicators import compute
    out: dict = {}
    for kind in KINDS:
        p = earlier_period(period, kind)
        same = next((k for k in out if earlier_period(period, k) == p), None)
        if same is not None:  # a year's previous period is the year before: gated and computed once
            out[kind] = None if out[same] is None else dict(out[same])
            continue
        if not every_month(ds, p, units):
            out[kind] = None
            continue
        if issues is not None:
            try:
                gate = earlier_gate(ds, p, units, cfg, issues, as_of=as_of)
            except Exception:  # noqa: BLE001 - a unit the gate does not know then: nothing to compare
                out[kind] = None
                continue
            if not gate.complete:
                out[kind] = None
                continue
            data = gate.dataset
        else:
            data = ds
        table = compute(data, p, level="facility" if level == "facility" else "province", split=cfg.split,
                        units=list(units) if level == "facility" else None,
                        provinces=[key] if level != "facility" else None, as_of=as_of)
        if extra is not None:
            table = extra(p, table)
        out[kind] = {"period": p, "table": table}
    return out


def earlier_by_province(full, period: Period, units_of: dict, cfg, issues, as_of=None, extra_of=None) -> dict:
    """`earlier_figures` for many provinces at once (batch): {name: {'previous'|'year': ...}},
    each the same as earlier_figures(full, period, units_of[name], "province", name, cfg,
    extra_of(name), issues, as_of) gives, from one gate's decision and one indicator table
    per earlier period instead of one per province. `units_of`: {province: its facilities}."""
    from .indicators import compute
    out: dict = {name: {} for name in units_of}
    done: dict = {}
    for kind in KINDS:
        p = earlier_period(period, kind)
        if p in done:  # a year's previous period is the year before: gated and computed once
            for name in units_of:
                out[name][kind] = None if out[name][done[p]] is None else dict(out[name][done[p]])
            continue
        done[p] = kind
        here = {name: list(units) for name, units in units_of.items() if every_month(full, p, units)}
        for name in units_of:
            out[name][kind] = None
        if not here:
            continue
        try:
            gate = earlier_gate(full, p, sorted({u for us in here.values() for u in us}), cfg, issues, as_of=as_of)
        except Exception:  # noqa: BLE001 - a unit the gate does not know then: each province on its own
            gate = None
        complete = {name: gate.complete_for(units) if gate is not None else None for name, units in here.items()}
        ready = [name for name, c in complete.items() if c]
        table = compute(gate.dataset, p, level="province", split=cfg.split, provinces=ready, as_of=as_of) \
            if ready else None
        rows = table.groupby("unit", sort=False).indices if table is not None else {}
        for name, units in here.items():
            if complete[name] is None:  # not decided by the one gate: the province's own question
                one = earlier_figures(full, period, units, "province", name, cfg,
                                      extra_of(name) if extra_of else None, issues, as_of)
                out[name][kind] = one[kind]
                continue
            if not complete[name]:
                continue
            mine = table.iloc[rows[name]].reset_index(drop=True) if name in rows else table.iloc[:0]
            if extra_of is not None:
                mine = extra_of(name)(p, mine)
            out[name][kind] = {"period": p, "table": mine}
    return out


def document_extras(ds, period: Period, units, level: str, key: str, cfg, table, full=None, issues=None,
                    as_of=None, earlier=None):
    """What a document adds to its unit's indicator table: the province workbook's rows (a
    province's document), the earlier periods compared with, and
    the province workbooks' investment ({(year, source): đồng}) and issues (X006 straddling,
    X007 overlapping). ``full``: the whole
    Dataset (``ds`` may hold only the period's counted files); without it nothing is compared.
    Returns (table, earlier, province_ctx, issues)."""
    notes: list = []
    province_ctx = None
    extra = None
    if level != "facility":
        from ..reading import province
        table, found = province.augment(ds, period, key, table)
        notes += found
        province_ctx = province.investment(ds, period, key)

        def extra(p, t):
            return province.augment(ds, p, key, t)[0]
    if earlier is None:
        earlier = earlier_figures(full, period, units, level, key, cfg, extra, issues, as_of) if full is not None else {}
    if level != "facility" and full is not None:
        # a merged province compared with a period before the merger: which old provinces
        # its earlier figures gather (the document says so)
        earlier = {kind: e if not e else {**e, "provinces": old_provinces(full, e["period"], units, key,
                                                                          as_of or period.end_date)}
                   for kind, e in earlier.items()}
    return table, earlier, province_ctx, notes


def old_provinces(ds, period: Period, units, key: str, as_of) -> list:
    """The old provinces (geography.Province, in the merger's order) whose workbooks make
    ``period``'s figures of ``units`` when that period is before the 2025 merger and ``key``
    is, at ``as_of``, a province made of several; [] otherwise."""
    from ..settings.geography import geography, province_key
    geo = geography()
    new = geo.resolve(key, as_of).province
    if new is None or not new.merged or geo.era(period.start_date) == "new":
        return []
    from .indicators import in_period
    files = in_period(ds.files, period)
    found = {}
    for name in set(files.loc[files["unit"].isin(list(units)), "province"].dropna()):
        old = geo.resolve(name, period.start_date).province
        if old is not None and old.era == "old":
            found[province_key(old.name)] = old
    order = [province_key(m) for m in new.members]
    return [found[k] for k in order if k in found]


def province_level(ds, period: Period, table):
    """A province-level table with every province's workbook rows added."""
    import pandas as pd
    from ..reading import province
    parts = [province.augment(ds, period, name, table[table["unit"] == name])[0] for name in table["unit"].unique()]
    if not parts:
        return table
    out = pd.concat(parts, ignore_index=True)
    return out.sort_values(["unit", "indicator", "category"], kind="stable").reset_index(drop=True)


def with_province_rows(ds, period: Period, table, level: str, as_of=None, split=None):
    """A province- or national-level table with the province workbooks' rows: each province's
    own (province_level); the nation's summed over its provinces, rates recomputed
    (province.national_rows). A facility-level table is returned as it is."""
    if level == "province":
        return province_level(ds, period, table)
    if level != "national":
        return table
    import pandas as pd
    from ..common.codes import PROVINCE_DERIVED, PROVINCE_FIGURES
    from ..reading import province
    from .indicators import compute
    provinces = province_level(ds, period, compute(ds, period, level="province", split=split, as_of=as_of))
    rows = province.national_rows(provinces)
    if not rows:
        return table
    known = set(PROVINCE_FIGURES) | set(PROVINCE_DERIVED)
    table = table[~table["indicator"].isin(known)] if len(table) else table
    unit = table["unit"].iloc[0] if len(table) else "VN"
    extra = pd.DataFrame([(unit, "national", period.code, i, c, v) for i, c, v in rows], columns=list(table.columns)[:6])
    extra = extra.reindex(columns=table.columns)
    out = pd.concat([table.astype({"value": object}), extra.astype({"value": object})], ignore_index=True)
    return out.sort_values(["unit", "indicator", "category"], kind="stable").reset_index(drop=True)


def with_earlier(ds, table, period: Period, level: str, cfg, units=None, provinces=None, kind: str | None = None,
                 issues=None, as_of=None):
    """`rehabstat indicators --compare`: ``table`` with `compare_table`'s four columns. The
    earlier period counts for a unit only where the gate finds it complete for that unit
    (every facility-month received and clean); elsewhere the columns stay empty. The
    earlier period is rolled up to the provinces of ``as_of`` (the period's), as the period
    itself: a quarter after the 2025 merger is compared with the same merged provinces."""
    from .indicators import compute
    if kind not in KINDS:
        from ..common.errors import UsageError
        raise UsageError.said("run.compare")
    p = earlier_period(period, kind)
    try:
        gate = earlier_gate(ds, p, units, cfg, issues, provinces, as_of)
    except Exception:  # noqa: BLE001 - the selection is unknown in the earlier period
        return compare_table(table, None, p)
    if gate.empty:
        return compare_table(table, None, p)
    earlier = compute(gate.dataset, p, level=level, split=cfg.split, as_of=as_of)
    earlier = with_province_rows(gate.dataset, p, earlier, level, as_of, cfg.split)
    from .timeliness import reporting_table
    reporting = reporting_table(gate, level, cfg)  # the reporting rows are compared as every other row
    if len(reporting):
        import pandas as pd
        earlier = pd.concat([earlier.astype({"value": object}), reporting.astype({"value": object})],
                            ignore_index=True)
    bad = {gate.issue_unit(i) for i in gate.errors}
    if level == "facility":
        keep = {u for u, f in gate.facilities.items() if f.complete and u not in bad and every_month(ds, p, [u])}
    elif level == "province":
        from ..common.codes import province_key
        keep = set()
        for u in earlier["unit"].unique():
            for name, facs in gate.by_province().items():
                if province_key(name) == province_key(u) and gate.province_complete(name) \
                        and every_month(ds, p, [f.unit for f in facs]):
                    keep.add(u)
    else:
        keep = set(earlier["unit"].unique()) if gate.complete and every_month(ds, p, list(gate.facilities)) else set()
    return compare_table(table, earlier[earlier["unit"].isin(keep)], p)
