"""The province workbook: figures no facility holds (spec/input-format.md, "The province
workbook"): treatment in families and communities, after-care, communication and
training, investment. One workbook per province and period (a month, a quarter, a half
or a year); `ThongTin` says `Cấp` = "tỉnh".

* :func:`is_province_info` / :func:`read_province` are called by the reader;
* :func:`rows_for` gives the province's indicator rows over a report's range (flows summed
  over the workbooks inside it, stocks from the last one) and an issue for every workbook
  that straddles the range's edge (left out);
* :func:`context` gives what the documents write (investment by year and source, ...).
"""
from __future__ import annotations

import re
from pathlib import Path

from ..common import vnformat as vn
from ..common.codes import PROVINCE_DERIVED, PROVINCE_FIGURES, TOTAL_ALL, category_code, norm_key, province_key
from ..common.issues import column_letter, issue, phrase
from ..common.periods import Period
from ..common.values import Bad, display, is_blank, parse_month, parse_number

LEVEL_WORDS = {"tinh", "captinh", "province", "thanhpho", "captp"}
HEADERS = {
    "code": ("ma", "code", "machitieu", "maso"),
    "label": ("noidung", "content", "label", "chitieu", "description"),
    "measure": ("donvi", "donvitinh", "unit", "measure"),
    "category": ("dien", "category", "diencainghien"),
    "source": ("nguon", "nguonvon", "source", "kinhphi"),
    "value": ("giatri", "value", "solieu", "soluong"),
}
TITLES = {"code": "Mã", "label": "Nội dung", "measure": "Đơn vị", "category": "Diện", "source": "Nguồn",
          "value": "Giá trị"}
INFO = {
    "province": (("tinhthanhpho", "tinh", "thanhpho", "tinhthanh", "province"), "Tỉnh/Thành phố"),
    "period": (("kybaocao", "period", "reportingperiod"), "Kỳ báo cáo"),
}


def _level_cell(rows) -> str | None:
    for row in rows:
        cells = [v for v in row if not is_blank(v)]
        if len(cells) >= 2 and norm_key(cells[0]) in ("cap", "capbaocao", "level"):
            return norm_key(cells[1])
    return None


def is_province_info(rows) -> bool:
    """Does this ThongTin say `Cấp` = "tỉnh"?"""
    return _level_cell(rows) in LEVEL_WORDS


_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def parse_period(value) -> tuple[tuple[int, int], tuple[int, int]]:
    """'06/2020' (a month), 'Quý II/2020', '6 tháng đầu năm 2020', '6 tháng cuối năm 2020',
    '2019' or 'Năm 2019' → (first, last) months. Raises Bad."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and float(value).is_integer() \
            and 1900 < int(value) < 2200:
        y = int(value)
        return (y, 1), (y, 12)
    text = norm_key(value)
    m = re.fullmatch(r"(?:nam)?(\d{4})", text)
    if m:
        y = int(m.group(1))
        return (y, 1), (y, 12)
    m = re.fullmatch(r"quy(iv|iii|ii|i|[1-4])(?:nam)?(\d{4})", text)
    if m:
        q = _ROMAN.get(m.group(1)) or int(m.group(1))
        y = int(m.group(2))
        return (y, 3 * q - 2), (y, 3 * q)
    m = re.fullmatch(r"6thang(dau|cuoi)nam(\d{4})", text) or re.fullmatch(r"(?:nam)?(\d{4})h([12])", text)
    if m:
        if m.group(1).isdigit():
            y, h = int(m.group(1)), int(m.group(2))
        else:
            y, h = int(m.group(2)), 1 if m.group(1) == "dau" else 2
        return (y, 6 * h - 5), (y, 6 * h)
    y, mo = parse_month(value)
    return (y, mo), (y, mo)


def _ym(t) -> int:
    return t[0] * 12 + t[1] - 1


def read_province(path, result, rows_by_role) -> None:
    """Fill ``result`` (a reader.WorkbookResult) from a province workbook."""
    from .headers import TOTAL_WORDS, find_header
    result.status = "province"
    result.level = "province"
    name, rows, errors = rows_by_role["info"]
    found = {}
    lookup = {alias: fld for fld, (aliases, _) in INFO.items() for alias in aliases}
    for r, row in enumerate(rows):
        cells = [(c, v) for c, v in enumerate(row) if not is_blank(v)]
        if cells:
            fld = lookup.get(norm_key(cells[0][1]))
            if fld and fld not in found:
                vc = cells[1] if len(cells) > 1 else (cells[0][0] + 1, None)
                found[fld] = (vc[1], r + 1, column_letter(vc[0]))
    for fld, (_, title) in INFO.items():
        if fld not in found or is_blank(found[fld][0]):
            row, col = (found[fld][1], found[fld][2]) if fld in found else (None, None)
            result.issues.append(issue("F007", file=path, sheet=name, row=row, column=col, field=fld,
                                       field_name=title))
            continue
        value, row, col = found[fld]
        if fld == "province":
            result.province = " ".join(str(value).split())
            continue
        try:
            result.first, result.last = parse_period(value)
        except Bad:
            result.issues.append(issue("F008", file=path, sheet=name, row=row, column=col, field=fld,
                                       field_name=title, value=display(value),
                                       hint=phrase("hint.province_period")))
    if "figures" not in rows_by_role:
        result.issues.append(issue("F005", file=path, sheet_name="SoLieu"))
        return
    sheet, rows, errors = rows_by_role["figures"]
    header_row, cols = find_header(rows, HEADERS)
    result.layout[sheet] = {fld: column_letter(c) for fld, c in cols.items()}
    result.layout.setdefault("_roles", {})["figures"] = sheet
    missing = [f for f in ("value",) if f not in cols]
    if "code" not in cols and "label" not in cols:
        missing.append("code")
    for fld in missing:
        result.issues.append(issue("F006", file=path, sheet=sheet, row=None if header_row is None else header_row + 1,
                                   field=fld, sheet_name=sheet, column_name=TITLES[fld]))
    if missing:
        return
    for r in range(header_row + 1, len(rows)):
        row = rows[r]
        cells = {fld: (row[c] if c < len(row) else None) for fld, c in cols.items()}
        if all(is_blank(v) for v in cells.values()):
            continue
        lead = next((v for v in row if not is_blank(v)), None)
        if isinstance(lead, str) and norm_key(lead) in TOTAL_WORDS:
            continue  # a totals row: never added (the province form has none)

        def add(code, fld, **values):
            result.issues.append(issue(code, file=path, sheet=sheet, row=r + 1,
                                       column=column_letter(cols[fld]) if fld in cols else None, field=fld, **values))
        if (r + 1, result.layout[sheet].get("value")) in errors:
            add("C003", "value", value=errors[(r + 1, result.layout[sheet]["value"])])
            continue
        raw = cells.get("value")
        if is_blank(raw):
            continue
        try:
            value = parse_number(raw)
        except Bad:
            add("C001", "value", field_name=TITLES["value"], value=display(raw))
            continue
        if value < 0:
            add("C002", "value", field_name=TITLES["value"], value=value)
            continue
        raw_code, label = cells.get("code"), cells.get("label")
        label = None if is_blank(label) else " ".join(str(label).split())
        code = None if is_blank(raw_code) else str(raw_code).strip().upper()
        if code is not None:
            code = next((c for c in PROVINCE_FIGURES if norm_key(c) == norm_key(code)), code)
        if code is None and label is None:
            add("C004", "code", field_name=TITLES["code"])
            continue
        category = None
        if not is_blank(cells.get("category")):
            category = category_code(cells["category"])
            if category is None:
                add("K001", "category", value=display(cells["category"]))
                continue
        source = None if is_blank(cells.get("source")) else " ".join(str(cells["source"]).split())
        fig = PROVINCE_FIGURES.get(code) if code else None
        measure = cells.get("measure")
        measure = (fig.measure if fig else None) if is_blank(measure) else str(measure)
        if value == int(value):
            value = int(value)
        result.pfigures.append((sheet, r + 1, code or label, label or (fig.label if fig else code), measure,
                                fig.kind if fig else "flow", category, source, value))


# ---------------------------------------------------------------- figures over a range

def _frame(ds):
    return getattr(ds, "provincial", None)


def workbooks_for(ds, period: Period, province: str):
    """(inside, straddling): the province's workbooks (rows of ds.provincial grouped by
    file) wholly inside the period, and those that overlap it only partly."""
    df = _frame(ds)
    if df is None or df.empty:
        return df, []
    mine = df[df["province"].map(province_key) == province_key(province)]
    lo, hi = _ym(period.first), _ym(period.last)
    inside = mine[(mine["first"] >= lo) & (mine["last"] <= hi)]
    partly = mine[(mine["last"] >= lo) & (mine["first"] <= hi) & ~((mine["first"] >= lo) & (mine["last"] <= hi))]
    return inside, sorted(set(zip(partly["file"], partly["period"])))


def rows_for(ds, period: Period, province: str) -> tuple[list[tuple], list]:
    """The province's indicator rows [(indicator, category, value)] over the period, and
    the issues (X006: a workbook straddling the range's edge, left out)."""
    inside, straddling = workbooks_for(ds, period, province)
    # the range as the reader's language names it ("6 tháng đầu năm 2019", 2019-H1)
    within = phrase("period.named", label=period.label, code=period.code)
    issues = [issue("X006", file=f, province=province, period=p, range=within) for f, p in straddling]
    if inside is None or inside.empty:
        return [], issues
    # two workbooks whose periods overlap (the same quarter twice, a year and one of its
    # quarters) would count the same figures twice: neither is guessed, both are left out
    spans = sorted({(f, a, b, p) for f, a, b, p in zip(inside["file"], inside["first"], inside["last"],
                                                        inside["period"])}, key=lambda x: (x[1], x[2], x[0]))
    clash = set()
    for k, (f, a, b, p) in enumerate(spans):
        for g, c, d, q in spans[k + 1:]:
            if c <= b:
                clash |= {(f, p), (g, q)}
    for f, p in sorted(clash):
        others = ", ".join(sorted(str(Path(g).name) for g, _ in clash if g != f))
        issues.append(issue("X007", file=f, province=province, period=p, other=others))
    if clash:
        inside = inside[~inside["file"].isin({f for f, _ in clash})]
        if inside.empty:
            return [], issues
    sums: dict[tuple, float] = {}
    last_of: dict[str, int] = {}
    for code, kind, last in zip(inside["code"], inside["kind"], inside["last"]):
        if kind == "stock":
            last_of[code] = max(last_of.get(code, -1), last)
    for code, kind, cat, last, value in zip(inside["code"], inside["kind"], inside["category"], inside["last"],
                                            inside["value"]):
        if kind == "stock" and last != last_of[code]:
            continue
        value = value.item() if hasattr(value, "item") else value
        if isinstance(cat, str):
            sums[(code, cat)] = sums.get((code, cat), 0) + value
        sums[(code, TOTAL_ALL)] = sums.get((code, TOTAL_ALL), 0) + value
    rows = [(code, cat, _whole(v)) for (code, cat), v in sums.items()]
    total = {code: v for (code, cat), v in sums.items() if cat == TOTAL_ALL}
    if "CAI_NGHIEN_GIA_DINH" in total or "CAI_NGHIEN_CONG_DONG" in total:
        rows.append(("CAI_NGHIEN_GD_CD", TOTAL_ALL,
                     _whole(total.get("CAI_NGHIEN_GIA_DINH", 0) + total.get("CAI_NGHIEN_CONG_DONG", 0))))
    rows += rate_rows([total])
    return rows, issues


RATES = (("TY_LE_XA_TUYEN_TRUYEN", "TUYEN_TRUYEN_XA", "XA"), ("TY_LE_TAP_HUAN", "CAN_BO_TAP_HUAN", "CAN_BO"))


def rate_rows(totals: list[dict]) -> list[tuple]:
    """The rates of the province figures, each from sums over the units (provinces) that
    hold both its part and its whole: Σ part × 100 / Σ whole, one decimal."""
    rows = []
    for code, part, whole in RATES:
        both = [t for t in totals if t.get(part) is not None and t.get(whole) is not None]
        num, den = sum(float(t[part]) for t in both), sum(float(t[whole]) for t in both)
        if both and den:
            rows.append((code, TOTAL_ALL, round(num * 100 / den, 1)))
    return rows


def national_rows(province_table) -> list[tuple]:
    """The nation's rows of the province workbooks' figures: every additive figure (and
    CAI_NGHIEN_GD_CD) summed over the provinces per category, the rates recomputed from
    the sums (rate_rows). ``province_table``: a province-level table with their rows."""
    if province_table is None or not len(province_table):
        return []
    t = province_table[province_table["indicator"].isin(set(PROVINCE_FIGURES) | {"CAI_NGHIEN_GD_CD"})]
    if t.empty:
        return []
    sums = t.groupby(["indicator", "category"], sort=True)["value"].sum()
    rows = [(ind, cat, _whole(v)) for (ind, cat), v in sums.items()]
    alls = t[t["category"] == TOTAL_ALL]
    totals = [dict(zip(part["indicator"], part["value"])) for _, part in alls.groupby("unit", sort=True)]
    return rows + rate_rows(totals)


def _whole(v):
    return int(v) if float(v).is_integer() else float(v)


def augment(ds, period: Period, province: str, table):
    """The province-level indicator table with the province workbook's rows added (unit =
    the province as the table names it), and the issues."""
    import pandas as pd
    rows, issues = rows_for(ds, period, province)
    if not rows:
        return table, issues
    known = set(PROVINCE_FIGURES) | set(PROVINCE_DERIVED)
    table = table[~table["indicator"].isin(known)] if len(table) else table
    unit = table["unit"].iloc[0] if len(table) else province
    level = table["level"].iloc[0] if len(table) else "province"
    extra = pd.DataFrame([(unit, level, period.code, i, c, v) for i, c, v in rows],
                         columns=["unit", "level", "period", "indicator", "category", "value"])
    out = pd.concat([table, extra], ignore_index=True)
    if any(isinstance(v, float) for v in extra["value"]):
        out["value"] = out["value"].astype(object)
    return out.sort_values(["unit", "indicator", "category"], kind="stable").reset_index(drop=True), issues


# ---------------------------------------------------------------- documents

def investment(ds, period: Period, province: str) -> dict:
    """{(year, source): đồng}: the province workbooks' investment (DAU_TU) of the period, by
    year and source ("" when the workbook names none)."""
    inside, _ = workbooks_for(ds, period, province)
    invest: dict[tuple, int] = {}
    if inside is not None and not inside.empty:
        sel = inside[inside["code"] == "DAU_TU"]
        for last, source, value in zip(sel["last"], sel["source"], sel["value"]):
            year = int(last) // 12
            key = (year, source if isinstance(source, str) else "")
            invest[key] = invest.get(key, 0) + int(value)
    return invest


# ---------------------------------------------------------------- issues

def province_files(ds) -> dict:
    """file -> WorkbookResult of every province workbook read (status province or error)."""
    return {r.file: r for r in (ds.results or []) if getattr(r, "level", "facility") == "province"}


def split_issues(ds, issues) -> tuple[list, list]:
    """(issues of the monthly workbooks and the data, issues of the province workbooks). The
    gate judges monthly coverage: a province workbook is not a facility-month, and its
    issues concern only the reports of its province and period (`relevant_issues`)."""
    mine = province_files(ds)
    if not mine:
        return list(issues), []
    return [i for i in issues if i.file not in mine], [i for i in issues if i.file in mine]


def overlapping_workbooks(ds, lo: int | None = None, hi: int | None = None) -> list:
    """X007 for every province workbook whose period overlaps another's of the same province
    (months as year*12 + month - 1; only workbooks wholly inside lo..hi when given)."""
    from ..common.periods import period_between
    spans: dict[str, list] = {}
    for res in province_files(ds).values():
        if res.status != "province" or not (res.first and res.last and res.province):
            continue
        a, b = _ym(res.first), _ym(res.last)
        if (lo is not None and a < lo) or (hi is not None and b > hi):
            continue
        spans.setdefault(province_key(res.province), []).append((a, b, res.file, res.province,
                                                                  period_between(res.first, res.last).code))
    out = []
    for items in spans.values():
        items.sort(key=lambda x: (x[0], x[1], x[2]))
        clash: dict[str, set] = {}
        for k, (a, b, f, _, _) in enumerate(items):
            for c, d, g, _, _ in items[k + 1:]:
                if c <= b:
                    clash.setdefault(f, set()).add(g)
                    clash.setdefault(g, set()).add(f)
        for a, b, f, name, code in items:
            if f in clash:
                out.append(issue("X007", file=f, province=name, period=code,
                                 other=", ".join(sorted(Path(g).name for g in clash[f]))))
    return out


def issues_over(ds, issues, period: Period, provinces=None) -> list:
    """The province workbooks' issues that concern ``period`` for the given provinces (every
    province when None): what a province- or national-level table rests on."""
    if provinces is None:
        names = {res.province for res in province_files(ds).values()}
        names = {province_key(n): n for n in names if n} or {"": ""}
        provinces = list(names.values())
    seen, out = set(), []
    for name in provinces:
        for i in relevant_issues(ds, issues, period, name):
            if id(i) not in seen:
                seen.add(id(i))
                out.append(i)
    return out


def relevant_issues(ds, issues, period: Period, province: str | None) -> list:
    """The province workbooks' issues that concern a province's report over ``period``:
    its own workbooks whose period overlaps the report's (a workbook whose period could not
    be read counts as overlapping: it may belong there)."""
    if province is None:
        return []
    mine = province_files(ds)
    lo, hi = _ym(period.first), _ym(period.last)
    out = []
    for i in issues:
        res = mine.get(i.file)
        if res is None or (res.province and province_key(res.province) != province_key(province)):
            continue
        if res.first and res.last and (_ym(res.last) < lo or _ym(res.first) > hi):
            continue
        out.append(i)
    return out
