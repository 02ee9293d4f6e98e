"""`rehabstat validate`: read the workbooks, run every rule, report per file and sheet.

    result = validate_paths(["data/son-la"])
    print(format_text(result))        # grouped by file, then sheet; Vietnamese by default
    print(to_json(result))            # exactly the JSON of spec/cli.md
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..common.issues import ERROR, WARNING, Issue
from ..common.rules import LANG, location  # noqa: F401  (location: annotate and the store use it too)
from ..common.rules import words as _words

ROLE_RANK = {"census": 2, "events": 3, "figures": 4}


@dataclass
class ValidationResult:
    dataset: object  # rehabstat.reading.dataset.Dataset
    issues: list[Issue]  # reader's and checks', sorted
    files: list[dict]  # {path, unit, period, status}, in reading order
    roots: list[Path] = field(default_factory=list)  # the paths given (annotate keeps subfolders under them)

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == ERROR]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == WARNING]

    @property
    def has_errors(self) -> bool:
        return any(i.severity == ERROR for i in self.issues)

    def issues_of(self, path) -> list[Issue]:
        return [i for i in self.issues if i.file == str(path)]


def validate_paths(paths, period=None, config=None, today=None, jobs=None, progress=None) -> ValidationResult:
    """Read every workbook under paths and run every rule.

    config: a Config, a path to rehabstat.toml, or None (looked up in the data folders).
    period: a Period restricting the months expected (X002), or None."""
    from ..common.errors import UsageError
    from .prepare import is_store, prepare

    store = len(paths) == 1 and is_store(paths[0])  # --store: the accepted versions, as parsed at receipt
    source = paths[0] if store else [Path(p) for p in paths]
    prepared = prepare(source, period, config=config, today=today, jobs=jobs, progress=progress, refuse=False,
                       every_month=True)
    ds, paths = prepared.dataset, [] if store else source
    if ds.files.empty or (ds.files["status"] == "skipped").all():
        where = ", ".join(map(str, paths))
        raise UsageError.said("select.no_monthly_in", paths=where) if where else UsageError.said("select.no_monthly_store")
    issues = prepared.issues + prepared.province_issues
    known = ds.files.dropna(subset=["year", "month"])
    gate = prepared.gate  # missing months: over the period asked for or the months the data span
    if gate is not None:
        missing = [i for i in gate.issues if i.code == "X002"]
        if period is None:
            # no period asked for: each facility owes the months between its own first and last
            # workbook (a folder holding 2017 of one facility and 2025 of another is not eight
            # years of gaps); a period (--year ...) makes every facility owe every month of it
            own: dict = {}
            for unit, y, m in zip(known["unit"], known["year"], known["month"]):
                ym = (int(y), int(m))
                lo, hi = own.get(unit, (ym, ym))
                own[unit] = (min(lo, ym), max(hi, ym))
            # (a facility the registry lists that sent nothing owes the months the data span)
            missing = [i for i in missing if i.unit not in own or own[i.unit][0] <= i.month <= own[i.unit][1]]
        issues += missing
    order = {f: n for n, f in enumerate(ds.files["file"])}
    issues.sort(key=lambda i: _sort_key(i, ds.layout, order))
    worst: dict[str, str] = {}
    for i in issues:
        if i.file is not None and worst.get(i.file) != "error":
            worst[i.file] = "error" if i.severity == ERROR else "warning"
    files = []
    for r in ds.files.itertuples(index=False):
        if r.status == "skipped":  # not a monthly workbook (e.g. a targets workbook beside the data)
            continue
        period_code = None
        if r.year is not None and r.month is not None and r.year == r.year and r.month == r.month:
            period_code = f"{int(r.year):04d}-{int(r.month):02d}"
        unit = r.unit if isinstance(r.unit, str) else None
        if r.status == "province":  # a province workbook: the province and its period (month .. year)
            unit, period_code = r.province, _province_period(ds, r.file)
        files.append({"path": r.file, "unit": unit, "period": period_code, "status": worst.get(r.file, "ok")})
    return ValidationResult(dataset=ds, issues=issues, files=files, roots=paths)


def _province_period(ds, file) -> str | None:
    res = next((x for x in ds.results if x.file == file), None)
    if res is None or not res.first or not res.last:
        return None
    from ..common.periods import period_between
    return period_between(res.first, res.last).code


def _sort_key(i: Issue, layout: dict, order: dict):
    rank = 0
    if i.sheet is not None:
        rank = next((ROLE_RANK[role] for role in ROLE_RANK if layout.get((i.file, role)) == i.sheet), 1)
    col = i.column or ""
    return (i.file is None, order.get(i.file, len(order)), i.file or "", rank, i.sheet or "", i.row or 0,
            len(col), col, i.code, i.message)


# ---------------------------------------------------------------- text

def severity_word(severity: str) -> str:
    return _words()["error" if severity == ERROR else "warning"]


def _n(n: int) -> str:
    from ..common.vnformat import number
    return number(n) if LANG["value"] != "en" else f"{n:,}"


def _plural(n: int, one: str, many: str) -> str:
    return f"{_n(n)} {one if n == 1 else many}"


def _counts(issues) -> str:
    w = _words()
    e = sum(1 for i in issues if i.severity == ERROR)
    return f"{_plural(e, w['error'], w['errors'])}, {_plural(len(issues) - e, w['warning'], w['warnings'])}"


def format_text(result: ValidationResult) -> str:
    """Plain text: one block per workbook with problems (grouped by sheet), then the
    problems that belong to no file, then the summary "N tệp, X lỗi, Y cảnh báo"."""
    w = _words()
    lines: list[str] = []
    by_file: dict[str, list[Issue]] = {}
    loose: list[Issue] = []
    for i in result.issues:
        (by_file.setdefault(i.file, []) if i.file is not None else loose).append(i)
    for f in result.files:
        issues = by_file.pop(f["path"], [])
        if issues:
            lines += _file_block(f, issues)
    for path, issues in by_file.items():  # issues of a file not in the list (should not happen)
        lines += _file_block({"path": path, "unit": None, "period": None}, issues)
    if loose:
        lines.append(w["data"])
        width = max(len(i.code) for i in loose)
        for i in loose:
            lines.append(f"    {i.code:<{width}}  {severity_word(i.severity):<8}  {i.message}")
        lines.append("")
    lines.append(f"{_plural(len(result.files), w['file'], w['files'])}, {_counts(result.issues)}")
    from ..common.issues import printable
    return printable("\n".join(lines) + "\n")


def _period_text(code: str) -> str:
    """A monthly workbook's month as the clerk writes it (06/2021); a province workbook's
    period by its code (2019, 2019-Q2, 2020-H1), as the command line takes it."""
    y, _, m = code.partition("-")
    return f"{m}/{y}" if len(m) == 2 and m.isdigit() else code


def _file_block(f: dict, issues: list[Issue]) -> list[str]:
    w = _words()
    who = []
    if f.get("unit"):
        who.append(f["unit"])
    if f.get("period"):
        who.append(_period_text(f["period"]))
    head = f["path"] + (f" ({', '.join(who)})" if who else "")
    lines = [f"{head}: {_counts(issues)}"]
    width = max(len(location(i)) for i in issues)
    code_width = max(len(i.code) for i in issues)
    sheet = object()
    for i in issues:
        if i.sheet != sheet:
            sheet = i.sheet
            if sheet is not None:
                lines.append(f"  {w['sheet']} {sheet}")
        lines.append(f"    {location(i):<{width}}  {i.code:<{code_width}}  {severity_word(i.severity):<8}  {i.message}")
    lines.append("")
    return lines


# ---------------------------------------------------------------- json

def _printable(v):
    from ..common.issues import printable
    if isinstance(v, dict):
        return {k: _printable(x) for k, x in v.items()}
    return printable(v) if isinstance(v, str) else v


def to_json(result: ValidationResult) -> str:
    """{"files": [{path, unit, period, status}], "issues": [{file, sheet, row, column, field,
    code, severity, message, params}]} — nulls where an issue has no such place; `params`:
    the values the message is made of (numbers as numbers), for programs."""
    from ..common.issues import printable
    doc = {"files": [dict(path=printable(f["path"]), unit=f["unit"], period=f["period"], status=f["status"])
                     for f in result.files],
           "issues": [{k: _printable(v) for k, v in i.as_dict().items()} for i in result.issues]}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
