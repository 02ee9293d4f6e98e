"""`rehabstat indicators`: the tidy indicator table of what the gate counts, as csv, json or xlsx."""
from __future__ import annotations

import io
import json
from collections import defaultdict
from pathlib import Path

from ..common.issues import phrase
from ..common.periods import Period
from ..common.values import plain_number
from .prepare import Selection, prepare


def indicator_table(data, period: Period, level="facility", config=None, units=None, provinces=None, jobs=None,
                    force=False, today=None, as_of=None, compare=None):
    """(table, gate): the tidy indicator table of what the gate counts. Raises DataError when
    the data are not complete and clean (unless force: then the table carries each unit's
    coverage and draft status) or when nothing at all is there for the period.
    Provinces as of `as_of` (default: the period's last day; geography.py). After each
    level's figures: the reporting counts and rates of its units (timeliness.py).
    At province level the province workbooks' rows are added; ``compare`` ('previous' |
    'year') adds the earlier period's value and the change as columns (compare.with_earlier)."""
    import pandas as pd
    from ..computing.indicators import compute
    from ..computing.timeliness import reporting_table
    prepared = prepare(data, period, Selection(units=units, provinces=provinces), config, force=force, today=today,
                       as_of=as_of, jobs=jobs)
    ds, cfg, gate, as_of = prepared.dataset, prepared.config, prepared.gate, prepared.as_of
    issues, province_issues = prepared.issues, prepared.province_issues
    # a province's (the nation's) figures include its province workbooks: their errors
    # refuse the table as the gate's do (a value that cannot be read is never a missing row)
    province_errors = []
    if level != "facility":
        from ..common.issues import ERROR
        from ..reading.province import issues_over
        concerned = provinces or (sorted(gate.by_province()) if units else None)  # None: every province
        province_errors = [i for i in issues_over(ds, province_issues, period, concerned) if i.severity == ERROR]
        if province_errors and not force:
            raise province_workbook_error(period, province_errors)
    table = compute(gate.dataset, period, level=level, split=cfg.split, as_of=as_of)
    reporting = reporting_table(gate, level, cfg)
    if len(reporting):
        # object values: counts stay ints next to the rates (floats), as the rest of the table
        table = pd.concat([table.astype({"value": object}), reporting.astype({"value": object})], ignore_index=True)
        table = table.sort_values(["unit"], kind="stable").reset_index(drop=True)
    if level != "facility" or compare:
        from ..computing.compare import with_earlier, with_province_rows
        table = with_province_rows(gate.dataset, period, table, level, as_of, cfg.split)
        if compare:
            table = with_earlier(ds, table, period, level, cfg, units, provinces, compare, issues, as_of)
            from ..computing.compare import earlier_period
            gate.compared = (ds, earlier_period(period, compare))  # its province names are said too
    if force:
        table = with_coverage(table, gate, level)
        if province_errors and len(table):  # the rows resting on a province workbook with errors are drafts
            from ..common.codes import province_key
            from ..settings.geography import province_at
            bad = {province_key(province_at(i_province(ds, i), as_of)) for i in province_errors}
            table["draft"] = table["draft"] | (table["unit"].map(province_key).isin(bad) if level == "province"
                                               else True)
    return table, gate


def i_province(ds, issue) -> str:
    from ..reading.province import province_files
    res = province_files(ds).get(issue.file)
    return (res.province if res is not None else "") or ""


def province_workbook_error(period: Period, errors):
    """The DataError of a table that would rest on province workbooks with errors."""
    from ..common.errors import DataError
    lines = []
    for i in errors[:40]:
        where = ", ".join(x for x in (Path(i.file).name if i.file else None, i.where or None) if x)
        lines.append(f"  {i.code} {where}: {i.message}" if where else f"  {i.code}: {i.message}")
    files = {i.file for i in errors if i.file}
    return DataError(phrase("data.incomplete", period=period),
                     [phrase("data.province_errors", count=len(errors), files=len(files))] + lines,
                     phrase("data.province_advice"))


def with_coverage(table, gate, level: str):
    """Columns `coverage` ("11/12 tháng" of the unit's facilities) and `draft` (True when the
    unit's figures do not rest on complete, checked data), for --force outputs."""
    from ..common.codes import province_key
    if level == "facility":
        groups = {u: [u] for u in gate.facilities}
    elif level == "province":
        groups = defaultdict(list)
        for u, fac in gate.facilities.items():
            groups[fac.province].append(u)
        names = {province_key(p): p for p in groups}
        from ..settings.geography import unit_provinces
        provinces = unit_provinces(gate.dataset.files, gate.period.end_date)
        for u, p in provinces.items():  # the table's province names (geography.py)
            groups.setdefault(p, groups.get(names.get(province_key(p)), [u]))
    else:
        groups = {"VN": list(gate.facilities)}
    bad_units = {gate.issue_unit(i) for i in gate.errors}
    cover = {k: gate.coverage_text(us) for k, us in groups.items()}
    draft = {k: bool(gate.unattributed) or any(not gate.facilities[u].complete or u in bad_units for u in us)
             for k, us in groups.items()}
    return table.assign(coverage=table["unit"].map(cover), draft=table["unit"].map(draft).fillna(True).astype(bool))


FORMATS = {".csv": "csv", ".json": "json", ".xlsx": "xlsx"}
SPREADSHEETS = {".xls", ".xlsm", ".xlsb", ".ods", ".ots", ".xltx", ".xlt"}  # names a reader takes for a workbook


def output_format(fmt: str | None, out: Path | None) -> str:
    """The format of `indicators`: --format, else the extension of --out, else csv. A
    format the name contradicts (CSV text named .xlsx, a workbook named .csv) is refused
    (UsageError, exit 2) before anything is read: such a file cannot be opened by what its
    name promises, and left in a data folder it would later be taken for a damaged workbook
    of the user's."""
    from ..common.errors import UsageError
    if fmt is not None and fmt not in ("csv", "json", "xlsx"):
        raise UsageError.said("run.format")
    if out is not None and Path(out).is_dir():  # --out names the file, not the folder it goes in
        raise UsageError.said("run.out_folder", path=str(out), example=str(Path(out) / "chi-so.csv"))
    suffix = Path(out).suffix.lower() if out is not None else ""
    if suffix in SPREADSHEETS:
        raise UsageError.said("run.out_suffix", path=str(out), suffix=suffix)
    named = FORMATS.get(suffix)
    if fmt is None:
        return named or "csv"
    if named is not None and named != fmt:
        raise UsageError.said("run.format_suffix", fmt=fmt, path=str(out), suffix=suffix)
    return fmt


def write_indicators(table, fmt: str, out: Path | None, draft: bool = False):
    """csv/json text (returned when out is None) or a file. `draft`: the table says DỰ THẢO
    inside, whatever its format: a last column `status` whose every value is the catalogue's
    draft word (a name alone is lost when a file is renamed or pasted elsewhere); the JSON is
    then an object whose top-level `status` and `notice` say it, its rows under `rows`; the
    xlsx also starts every sheet with the draft's row. A final's columns never change."""
    from ..common.catalogue import text as words
    from ..workbooks.xlsxout import atomic_path
    if draft:
        table = table.assign(status=words("indicators.draft"))
    if fmt == "xlsx":
        from ..workbooks.book import Book, write_table
        wb = Book()
        write_table(wb.sheet("ChiSo"), list(table.columns), table.itertuples(index=False, name=None))
        wb.save(out, draft=draft)
        return None
    if fmt == "json":
        records = [dict(zip(table.columns, (plain_number(v) for v in row))) for row in table.itertuples(index=False)]
        if draft:
            records = {"status": words("indicators.draft"), "notice": words("indicators.draft_notice"),
                       "rows": records}
        text = json.dumps(records, ensure_ascii=False, indent=1, allow_nan=False) + "\n"
    else:
        import pandas as pd
        buf = io.StringIO()
        if "value" in table.columns:  # a whole figure as a whole number (a province workbook's 500.0 → 500), a rate as it is
            table = table.assign(value=pd.Series([plain_number(v) for v in table["value"]], index=table.index, dtype=object))
        table.to_csv(buf, index=False, lineterminator="\n")
        text = buf.getvalue()
    if out is None:
        return text
    with atomic_path(Path(out)) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return None
