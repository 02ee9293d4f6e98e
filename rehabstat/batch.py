"""`rehabstat batch`: every province's summary report (BC) and one national workbook,
from one reading of everything the facilities sent.

read once (in parallel) → check once → decide, per facility and month, what is usable
(received / missing / duplicate / has errors) → exclude duplicates and workbooks with
errors from the figures → compute the indicator tables once → one BC (.docx + .xlsx with
an annex sheet) per province → the national workbook (rehabstat/national.py).

Nothing here raises for bad data: a broken or hostile workbook is listed and its
facility-month is shown as "có lỗi"; the result says whether anything needs attention
(exit code 1) while every document is still written.
"""
from __future__ import annotations

import datetime as dt
import re
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .codes import province_key
from .issues import ERROR, Issue
from .periods import Period

RECEIVED, MISSING, DUPLICATE, HAS_ERRORS, NOT_DUE = "đã nhận", "thiếu", "trùng", "có lỗi", "chưa đến hạn"
STATUSES = (RECEIVED, MISSING, DUPLICATE, HAS_ERRORS, NOT_DUE)
ANNEX_INDICATORS = (
    ("DAU_KY", "Đầu kỳ"), ("TIEP_NHAN", "Tiếp nhận"), ("HOAN_THANH", "Hoàn thành"), ("TRON", "Trốn (lượt)"),
    ("CUOI_KY", "Cuối kỳ (đang quản lý)"), ("CO_MAT", "Có mặt"), ("VANG_MAT", "Vắng mặt"),
)
ANNEX_CATEGORIES = (("HV", "Học viên"), ("ALL", "Tổng cộng"))
_MONTH_IN_NAME = (  # how a month may be written in a file name: 2021-05, 2021_05, 202105, 05-2021, 05.2021
    re.compile(r"(?<!\d)(?P<y>(?:19|20|21)\d{2})[-_. ]?(?P<m>0[1-9]|1[0-2])(?!\d)"),
    re.compile(r"(?<!\d)(?P<m>0?[1-9]|1[0-2])[-_. ](?P<y>(?:19|20|21)\d{2})(?!\d)"),
)


# ---------------------------------------------------------------- results

@dataclass
class Facility:
    unit: str
    name: str
    province: str  # display name of its province
    registered: bool = False  # listed in rehabstat.toml [registry]
    cells: dict = field(default_factory=dict)  # (year, month) -> status
    files: dict = field(default_factory=dict)  # (year, month) -> [file, ...]

    def months(self, status) -> list:
        return [ym for ym, s in self.cells.items() if s == status]

    @property
    def sent_nothing(self) -> bool:
        return not any(self.files.values())


@dataclass
class ProvinceResult:
    name: str
    facilities: list = field(default_factory=list)  # [Facility]
    errors: list = field(default_factory=list)  # Issues of this province (in the period)
    warnings: list = field(default_factory=list)
    gaps: list = field(default_factory=list)  # [str]: which months of which facility are missing / excluded
    annex: list = field(default_factory=list)  # rows (see annex_rows)
    outputs: list = field(default_factory=list)
    draft: bool = False
    failure: str | None = None  # the documents could not be written
    note: str | None = None  # why no BC was written although nothing failed (no usable workbook)

    def count(self, status) -> int:
        return sum(1 for f in self.facilities for s in f.cells.values() if s == status)

    @property
    def expected(self) -> int:
        return sum(1 for f in self.facilities for s in f.cells.values() if s != NOT_DUE)

    @property
    def excluded(self) -> int:
        return self.count(DUPLICATE) + self.count(HAS_ERRORS)

    @property
    def attention(self) -> bool:
        return bool(self.errors or self.count(MISSING) or self.excluded or self.failure)


@dataclass
class BatchResult:
    period: Period
    out: Path
    provinces: list = field(default_factory=list)  # [ProvinceResult], by name
    national: Path | None = None
    workbooks: int = 0  # workbooks found
    skipped: list = field(default_factory=list)  # files that are not monthly workbooks (a targets workbook)
    unattributed: list = field(default_factory=list)  # [(file, reason)]: broken, facility or month unknown
    issues: list = field(default_factory=list)  # every issue that concerns the period
    template_error: str | None = None  # the BC template could not be used (no BC was written)
    elapsed: float = 0.0

    @property
    def errors(self) -> list:
        return [i for i in self.issues if i.severity == ERROR]

    @property
    def warnings(self) -> list:
        return [i for i in self.issues if i.severity != ERROR]

    def codes(self, severity=None) -> Counter:
        return Counter(i.code for i in self.issues if severity is None or (i.severity == ERROR) == (severity == ERROR))

    @property
    def attention(self) -> bool:
        return bool(self.errors or self.unattributed or not self.provinces or any(p.attention for p in self.provinces))

    @property
    def exit_code(self) -> int:
        """0 all clean; 1 something needs attention (documents still written); 2 the template is unusable."""
        if self.template_error:
            return 2
        return 1 if self.attention else 0


# ---------------------------------------------------------------- the run

def run_batch(data, period: Period, out, jobs=None, config=None, force=False, progress=None, today=None,
              template=None) -> BatchResult:
    """Every province's BC and the national workbook for `period`.

    `progress(stage, done, total)` is called while reading ('read', once per workbook),
    checking and computing ('check', 0 then 1 of 1) and rendering ('render', per province).
    `force` keeps the workbooks with errors in the figures (the province's BC is then a
    draft); duplicates are always left out."""
    from .config import load_config
    from .dataset import read_paths
    from .indicators import compute
    from .reader import find_workbooks
    started = time.perf_counter()
    today = today or dt.date.today()
    paths = [Path(p) for p in (data if isinstance(data, (list, tuple)) else [data])]
    cfg = load_config(paths, config)
    files = find_workbooks(paths)
    if not files:
        from .service import _usage
        raise _usage(f"Không tìm thấy sổ nào (.xlsx, .xlsm, .xls, .ods) trong {', '.join(map(str, paths))}.")
    done = [0]

    def read_one(_path):
        done[0] += 1
        if progress:
            progress("read", done[0], len(files))

    if progress:
        progress("read", 0, len(files))
    ds = read_paths(files, jobs=jobs, progress=read_one)
    result = BatchResult(period=period, out=Path(out), workbooks=len(files))
    result.skipped = sorted(ds.files.loc[ds.files["status"] == "skipped", "file"])

    if progress:
        progress("check", 0, 1)
    issues = list(ds.issues) + _run_checks(ds, period, today, cfg)
    where = _locate_files(ds)  # file -> (unit | None, (y, m) | None)
    provinces, facilities = _facilities(ds, where, period, cfg, today)
    error_files = {i.file for i in issues if i.severity == ERROR and i.file}
    error_files |= set(ds.files.loc[ds.files["status"] == "error", "file"])
    excluded = _grade(facilities, error_files, force)
    result.unattributed = [(f, _first_message(issues, f)) for f, (unit, ym) in sorted(where.items())
                           if (unit is None or ym is None) and f in error_files
                           and (ym is None or period.contains(*ym))]
    result.issues = _relevant(issues, where, period, facilities, provinces)

    clean = ds.without_files(excluded)
    fac_table = compute(clean, period, level="facility", split=cfg.split)
    prov_table = _aggregate(fac_table, "province", period, {u: f.province for u, f in facilities.items()},
                            clean.unit_provinces(), provinces)
    nat_table = _aggregate(fac_table, "national", period)
    monthly = _monthly_census(clean, period)
    if progress:
        progress("check", 1, 1)

    by_province = defaultdict(list)
    for fac in facilities.values():
        by_province[fac.province].append(fac)
    issue_province = {id(i): _issue_province(i, where, facilities, provinces) for i in result.issues}
    result.provinces = []
    for name in sorted(by_province, key=_sort_name):
        prov = ProvinceResult(name=name, facilities=sorted(by_province[name], key=lambda f: f.unit))
        mine = [i for i in result.issues if issue_province[id(i)] == name]
        prov.errors = [i for i in mine if i.severity == ERROR]
        prov.warnings = [i for i in mine if i.severity != ERROR]
        prov.gaps = gap_lines(prov.facilities, period, force)
        prov.annex = annex_rows(prov.facilities, fac_table)
        result.provinces.append(prov)

    _render_all(result, clean, cfg, period, out, excluded, force, today, template, jobs, progress, prov_table)

    # the national workbook needs no template: written whatever happened above
    from .national import write_national
    result.national = write_national(
        Path(out) / f"TongHop-{_file_code(period)}.xlsx", period=period, provinces=result.provinces,
        table=prov_table, national=nat_table, monthly=monthly, issues=result.issues,
        unattributed=result.unattributed, today=today)
    result.elapsed = time.perf_counter() - started
    return result


def _run_checks(ds, period, today, cfg) -> list[Issue]:
    try:
        from .checks import run_checks
    except ImportError:  # validation rules not installed in this build
        return []
    return run_checks(ds, period=period, today=today, config=cfg)


def _render_all(result: BatchResult, clean, cfg, period, out, excluded, force, today, template, jobs, progress,
                prov_table):
    """One BC per province, in parallel processes when there are many: each gets only its
    own rows of the period (a small Dataset, cheap to send)."""
    import os
    from .render import OutputError, TemplateError
    used = (RECEIVED, HAS_ERRORS) if force else (RECEIVED,)
    work = []
    file_province = {}
    for prov in result.provinces:
        files = [f for fac in prov.facilities for ym, fs in fac.files.items() if fac.cells[ym] in used for f in fs]
        if not files:
            prov.note = "không có sổ dùng được trong kỳ: không lập báo cáo"
            continue
        file_province.update((f, prov.name) for f in files)
        work.append(prov)
    parts = _split_by_province(clean, file_province)
    tables = dict(tuple(prov_table.groupby("unit", sort=False)))  # computed once, not once per province
    payloads = []
    for prov in work:
        units = [f.unit for f in prov.facilities if not f.sent_nothing]
        issues = [i for i in prov.errors + prov.warnings if i.file not in excluded]
        payloads.append((parts[prov.name], cfg, period, units, prov.name, issues, str(out), today, template,
                         prov.annex, prov.gaps, tables.get(prov.name)))
    total = len(result.provinces)
    done = total - len(work)
    if progress:
        progress("render", done, total)

    def finish(prov, outcome):
        if isinstance(outcome, OutputError):  # a file open in Word, a read-only folder: the others go on
            prov.failure = str(outcome)
        elif isinstance(outcome, TemplateError):  # the template itself: the same for every province
            prov.failure = "chưa lập được báo cáo (mẫu văn bản có lỗi)"
            result.template_error = result.template_error or str(outcome)
        else:
            prov.outputs, prov.draft = [Path(p) for p in outcome[0]], outcome[1]

    workers = min(jobs or os.cpu_count() or 1, len(work))
    if workers > 1 and len(work) >= 4:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor, as_completed
        global _PAYLOADS
        if "fork" in multiprocessing.get_all_start_methods():
            # the workers are forked after this is set: each inherits every payload (no
            # pickling of the provinces' data to the workers), and is sent only an index
            _PAYLOADS, context, job, args = payloads, multiprocessing.get_context("fork"), _render_index, range(len(work))
        else:
            context, job, args = None, _render_job, payloads
        try:
            with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
                futures = {pool.submit(job, arg): prov for prov, arg in zip(work, args)}
                for fut in as_completed(futures):
                    finish(futures[fut], fut.result())
                    done += 1
                    if progress:
                        progress("render", done, total)
        finally:
            _PAYLOADS = None
    else:
        for prov, payload in zip(work, payloads):
            finish(prov, _render_job(payload))
            if result.template_error:
                for other in work[work.index(prov) + 1:]:
                    other.failure = "chưa lập được báo cáo (mẫu văn bản có lỗi)"
                break
            done += 1
            if progress:
                progress("render", done, total)
    if progress:
        progress("render", total, total)


_PAYLOADS = None  # the render payloads, inherited by forked workers (see _render_all)


def _render_index(index):
    return _render_job(_PAYLOADS[index])


def _render_job(payload):
    """Render one province's BC (in a worker process or not): (outputs, draft), or the
    TemplateError / OutputError that stopped it (returned, so that it reaches the parent)."""
    from .render import TemplateError
    from .service import build_document
    sub, cfg, period, units, name, issues, out, today, template, annex, gaps, table = payload
    try:
        doc = build_document(sub, cfg, period, units, "province", name, issues, out=Path(out), force=True,
                             template=template, today=today, annex=annex, gaps=gaps, table=table)
    except TemplateError as exc:
        return exc
    return [str(p) for p in doc.outputs], doc.draft


def _split_by_province(ds, file_province: dict) -> dict:
    """{province: Dataset of its files only} (frames only: no issues, layout or raw results)."""
    from .dataset import Dataset
    frames = {}
    for attr in ("files", "census", "events", "figures"):
        df = getattr(ds, attr)
        key = df["file"].map(file_province)
        frames[attr] = {name: part for name, part in df[key.notna()].groupby(key[key.notna()], sort=False)}
    out = {}
    for name in set(file_province.values()):
        parts = [frames[a].get(name, getattr(ds, a).iloc[0:0]) for a in ("files", "census", "events", "figures")]
        out[name] = Dataset(*parts)
    return out


# ---------------------------------------------------------------- who sent what

def _locate_files(ds) -> dict:
    """file -> (unit, (year, month)); for a workbook that could not say (broken, hostile),
    the facility is guessed from the other workbooks of its folder and the month from its
    name (2021-05.xlsx), so that the completeness grid shows it where it belongs."""
    files = ds.files
    folder_units = defaultdict(set)
    for f, unit in zip(files["file"], files["unit"]):
        if isinstance(unit, str):
            folder_units[str(Path(f).parent)].add(unit)
    where = {}
    for f, unit, year, month, status in zip(files["file"], files["unit"], files["year"], files["month"],
                                            files["status"]):
        if status == "skipped":
            continue
        if not isinstance(unit, str):
            siblings = folder_units.get(str(Path(f).parent), set())
            unit = next(iter(siblings)) if len(siblings) == 1 else None
        ym = (int(year), int(month)) if _present(year) and _present(month) else month_from_name(f)
        where[f] = (unit, ym)
    return where


def _present(x) -> bool:
    return x is not None and x == x


def month_from_name(path) -> tuple[int, int] | None:
    stem = Path(path).stem
    for pattern in _MONTH_IN_NAME:
        m = pattern.search(stem)
        if m:
            return int(m.group("y")), int(m.group("m"))
    return None




def _facilities(ds, where, period: Period, cfg, today):
    """{pkey: display name} and {unit: Facility} for every facility expected in the period:
    those with a workbook in it (whatever its state) and those of the registry."""
    unit_province = ds.unit_provinces()
    unit_names = ds.unit_names()
    months = period.months
    in_period = defaultdict(lambda: defaultdict(list))
    for f, (unit, ym) in where.items():
        if unit is not None and ym is not None and period.contains(*ym):
            in_period[unit][ym].append(f)
    # province display names: the name most facilities use now (old and new names are both
    # accepted; a facility goes with the name of its latest workbook)
    votes = defaultdict(Counter)
    for unit, prov in unit_province.items():
        votes[province_key(prov)][prov] += 1
    registry = {}
    for prov, units in (cfg.registry or {}).items():
        votes[province_key(prov)][prov] += 0
        for u in units:
            registry[u] = prov
    provinces = {k: sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for k, c in votes.items()}
    facilities = {}
    for unit in sorted(set(in_period) | set(registry)):
        prov = unit_province.get(unit) or registry.get(unit)
        display = provinces.get(province_key(prov), prov) if prov else "(không rõ tỉnh)"
        fac = Facility(unit=unit, name=unit_names.get(unit, ""), province=display, registered=unit in registry)
        due = (today.year, today.month)
        for ym in months:
            fac.files[ym] = sorted(in_period[unit].get(ym, []))
            fac.cells[ym] = MISSING if ym < due else NOT_DUE
        facilities[unit] = fac
    return provinces, facilities


def _grade(facilities, error_files, force) -> set:
    """Set each facility-month's status; return the files left out of the figures."""
    excluded = set()
    for fac in facilities.values():
        for ym, files in fac.files.items():
            if not files:
                continue
            if len(files) > 1:
                fac.cells[ym] = DUPLICATE
                excluded.update(files)
            elif files[0] in error_files:
                fac.cells[ym] = HAS_ERRORS
                if not force:
                    excluded.update(files)
            else:
                fac.cells[ym] = RECEIVED
    return excluded


def _first_message(issues, f) -> str:
    return next((i.message for i in issues if i.file == f and i.severity == ERROR), "")


def _relevant(issues, where, period: Period, facilities, provinces) -> list[Issue]:
    """The issues that concern the period: those of its workbooks (and of broken workbooks
    whose month is unknown), and the file-less ones (missing months, transfers) of its
    months. A missing month where a broken workbook was found is that workbook's issue."""
    out = []
    for i in issues:
        if i.file is not None:
            ym = where.get(i.file, (None, None))[1]
            if ym is None or period.contains(*ym):
                out.append(i)
            continue
        unit, ym = (i.unit if i.unit in facilities else None), i.month  # structured, never from the message
        if ym is not None and not period.contains(*ym):
            continue
        if i.code == "X002" and unit in facilities and ym is not None and facilities[unit].files.get(ym):
            continue
        out.append(i)
    return out


def _issue_province(i: Issue, where, facilities, provinces) -> str | None:
    if i.file is not None:
        unit = where.get(i.file, (None, None))[0]
        return facilities[unit].province if unit in facilities else None
    if i.unit in facilities:
        return facilities[i.unit].province
    if i.province:
        return provinces.get(province_key(i.province), i.province)
    return None


# ---------------------------------------------------------------- figures for the documents

def _aggregate(fac_table, level, period, unit_province=None, data_province=None, provinces=None):
    """The province or national table from the facility table, as compute(level=...) makes
    it (stocks and flows summed over facilities), with one row per province even when its
    facilities write its name differently ("Hà Nội", "TP. Hà Nội")."""
    from .indicators.engine import COLUMNS, NATION
    if level == "national":
        unit = NATION
    else:
        names = {u: provinces.get(province_key(p), p) for u, p in (data_province or {}).items()}
        names.update(unit_province or {})
        unit = fac_table["unit"].map(names)
    table = fac_table.assign(unit=unit)
    table = table.groupby(["unit", "indicator", "category"], as_index=False, sort=False)["value"].sum()
    table = table.assign(level=level, period=period.code)[COLUMNS]
    return table.sort_values(["unit", "indicator", "category"], kind="stable").reset_index(drop=True)


def _monthly_census(ds, period: Period) -> list[tuple[int, int, dict]]:
    """[(year, month, {'HV': n, 'ALL': n, 'MET': n})]: the national census at each month's end
    (the same as compute(..., level='national') on that month alone: stocks summed over
    the facilities that reported that month)."""
    from .codes import LEARNER_CATEGORIES
    census = ds.census
    rows = []
    if census.empty:
        return [(y, m, {"HV": 0, "MET": 0, "ALL": 0}) for y, m in period.months]
    c = census.dropna(subset=["closing"])
    grouped = c.groupby(["year", "month", c["category"].isin(LEARNER_CATEGORIES).rename("hv")])["closing"].sum()
    met = c[c["category"] == "MET"].groupby(["year", "month"])["closing"].sum()
    for y, m in period.months:
        hv = int(grouped.get((y, m, True), 0))
        other = int(grouped.get((y, m, False), 0))
        rows.append((y, m, {"HV": hv, "MET": int(met.get((y, m), 0)), "ALL": hv + other}))
    return rows


def annex_rows(facilities, fac_table) -> list[dict]:
    """The annex of a province's BC: one row per facility and a total row.

    Each row: {code, name, months ("3/3"), received, expected, note, total (bool), bold,
    cells [str: for each of ANNEX_INDICATORS, HV then ALL, in Vietnamese form],
    n {IND: {HV, ALL}} (formatted), v {IND: {HV, ALL}} (int)}."""
    values = defaultdict(int)
    sel = fac_table[fac_table["category"].isin([c for c, _ in ANNEX_CATEGORIES])
                    & fac_table["indicator"].isin([i for i, _ in ANNEX_INDICATORS])]
    for unit, ind, cat, value in zip(sel["unit"], sel["indicator"], sel["category"], sel["value"]):
        values[(unit, ind, cat)] += int(value)
    rows, total = [], defaultdict(int)
    received_all = expected_all = 0
    for fac in facilities:
        received = len(fac.months(RECEIVED))
        expected = sum(1 for s in fac.cells.values() if s != NOT_DUE)
        received_all += received
        expected_all += expected
        v = {ind: {cat: values[(fac.unit, ind, cat)] for cat, _ in ANNEX_CATEGORIES} for ind, _ in ANNEX_INDICATORS}
        for ind in v:
            for cat in v[ind]:
                total[(ind, cat)] += v[ind][cat]
        rows.append(_annex_row(fac.unit, fac.name, received, expected, v, _facility_note(fac), False))
    v = {ind: {cat: total[(ind, cat)] for cat, _ in ANNEX_CATEGORIES} for ind, _ in ANNEX_INDICATORS}
    rows.append(_annex_row("", "Tổng cộng", received_all, expected_all, v, "", True))
    return rows


def _annex_row(code, name, received, expected, v, note, is_total) -> dict:
    from . import vnformat as vn
    n = {ind: {cat: vn.number(x) for cat, x in cats.items()} for ind, cats in v.items()}
    cells = [n[ind][cat] for ind, _ in ANNEX_INDICATORS for cat, _ in ANNEX_CATEGORIES]
    return {"code": code, "name": name, "months": f"{received}/{expected}", "received": received,
            "expected": expected, "note": note, "total": is_total, "bold": is_total, "cells": cells, "n": n, "v": v}


def _facility_note(fac: Facility) -> str:
    parts = []
    for status, word in ((MISSING, "thiếu"), (DUPLICATE, "trùng"), (HAS_ERRORS, "có lỗi")):
        months = fac.months(status)
        if months:
            parts.append(f"{word} {month_ranges(months)}")
    return "; ".join(parts)


def month_ranges(months) -> str:
    """[(2021, 7), ..., (2021, 12), (2022, 2)] → '07/2021 đến 12/2021, 02/2022'."""
    months = sorted(months)
    runs, start, prev = [], None, None
    for ym in months:
        if prev is not None and _next(prev) == ym:
            prev = ym
            continue
        if start is not None:
            runs.append((start, prev))
        start = prev = ym
    if start is not None:
        runs.append((start, prev))
    text = lambda ym: f"{ym[1]:02d}/{ym[0]}"  # noqa: E731
    return ", ".join(text(a) if a == b else f"{text(a)} đến {text(b)}" for a, b in runs)


def _next(ym):
    y, m = ym
    return (y + 1, 1) if m == 12 else (y, m + 1)


def gap_lines(facilities, period: Period, force=False) -> list[str]:
    """One sentence per facility whose figures are incomplete: which months are missing,
    which were left out (two workbooks for one month; errors), and where the opening and
    closing census were taken from when the first or last month is not among them."""
    lines = []
    for fac in facilities:
        parts = []
        missing = fac.months(MISSING)
        if fac.sent_nothing and missing:
            parts.append(f"không gửi sổ nào trong kỳ (thiếu {_months_word(missing)})")
        elif missing:
            parts.append(f"thiếu sổ {_months_word(missing)}")
        dup = fac.months(DUPLICATE)
        if dup:
            parts.append(f"có hai sổ cho {_months_word(dup)} (trùng), không tính vào số liệu")
        bad = fac.months(HAS_ERRORS)
        if bad:
            parts.append(f"sổ {_months_word(bad)} có lỗi, " + ("vẫn tính vào số liệu (chưa kiểm tra)" if force
                                                              else "không tính vào số liệu"))
        if not parts:
            continue
        used = sorted(fac.months(RECEIVED) + (bad if force else []))
        due = [ym for ym, s in fac.cells.items() if s != NOT_DUE]
        if used and due:
            if used[0] != due[0]:
                parts.append(f"số đầu kỳ lấy theo sổ tháng {used[0][1]:02d}/{used[0][0]}")
            if used[-1] != due[-1]:
                parts.append(f"số cuối kỳ lấy theo sổ tháng {used[-1][1]:02d}/{used[-1][0]}")
        elif not used and not fac.sent_nothing:
            parts.append("không có số liệu nào dùng được trong kỳ")
        label = f"{fac.unit} – {fac.name}" if fac.name else fac.unit
        lines.append(f"{label}: " + "; ".join(parts) + ".")
    return lines


def _months_word(months) -> str:
    return ("tháng " if len(months) == 1 else "các tháng ") + month_ranges(months)


def _sort_name(name: str):
    from .codes import norm_key
    return norm_key(name)


def _file_code(period: Period) -> str:
    return period.code


# ---------------------------------------------------------------- the annex sheet of a province's workbook

def write_annex_sheet(wb, annex: list[dict], gaps: list[str]):
    """Sheet 'PhuLuc' of the province's .xlsx: one row per facility and a total row (bold),
    then the notes on missing and excluded months."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from .xlsxout import HEADER_FILL, Styles, put, restyle, set_cell
    ws = wb.create_sheet("PhuLuc", 1 if len(wb.sheetnames) > 1 else None)
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor=HEADER_FILL)
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    fixed = ("Mã cơ sở", "Tên cơ sở", "Số tháng có sổ")
    for c, title in enumerate(fixed, start=1):
        set_cell(ws, 1, c, title)
        ws.merge_cells(start_row=1, start_column=c, end_row=2, end_column=c)
    col = len(fixed) + 1
    for _, label in ANNEX_INDICATORS:
        set_cell(ws, 1, col, label)
        ws.merge_cells(start_row=1, start_column=col, end_row=1, end_column=col + len(ANNEX_CATEGORIES) - 1)
        for k, (_, cat_label) in enumerate(ANNEX_CATEGORIES):
            set_cell(ws, 2, col + k, cat_label)
        col += len(ANNEX_CATEGORIES)
    note_col = col
    set_cell(ws, 1, note_col, "Ghi chú")
    ws.merge_cells(start_row=1, start_column=note_col, end_row=2, end_column=note_col)
    restyle((ws.cell(row=r, column=c) for r in (1, 2) for c in range(1, note_col + 1)),
            font=bold, fill=fill, alignment=center)
    number = Styles(ws).get("number", number_format="#,##0")
    r = 3
    for row in annex:
        set_cell(ws, r, 1, row["code"])
        set_cell(ws, r, 2, row["name"])
        set_cell(ws, r, 3, row["months"])
        c = len(fixed) + 1
        for ind, _ in ANNEX_INDICATORS:
            for cat, _ in ANNEX_CATEGORIES:
                put(ws, r, c, int(row["v"][ind][cat]), number)
                c += 1
        set_cell(ws, r, note_col, row.get("note") or "")
        if row.get("bold"):
            restyle((ws.cell(row=r, column=cc) for cc in range(1, note_col + 1)), font=bold)
        r += 1
    if gaps:
        r += 1
        set_cell(ws, r, 1, "Số liệu chưa đầy đủ:").font = bold
        for line in gaps:
            r += 1
            set_cell(ws, r, 1, line)
    ws.freeze_panes = "D3"
    widths = {1: 11, 2: 40, 3: 9}
    for c in range(1, note_col + 1):
        ws.column_dimensions[get_column_letter(c)].width = widths.get(c, 11)
    ws.column_dimensions[get_column_letter(note_col)].width = 40
    return ws
