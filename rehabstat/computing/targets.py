"""The targets workbook (sheet ChiTieu): read, resolve codes, compare with results."""
from __future__ import annotations

from pathlib import Path

from ..common import vnformat as vn
from ..common.codes import ALL_CATEGORIES, CATEGORIES, FIGURES, REVENUE_INDICATORS, TOTAL_ALL, TOTAL_HV, norm_key
from ..common.codes import province_key
from .indicators.engine import CATEGORY_INDICATORS
from ..common.issues import column_letter, issue, phrase
from ..common.values import Bad, display, is_blank, parse_number

HEADERS = {
    "unit": ("donvi", "unit", "coso", "macoso"),
    "year": ("nam", "year"),
    "code": ("machitieu", "code", "ma", "indicator"),
    "label": ("noidung", "content", "label"),
    "measure": ("donvitinh", "measure", "dvt"),
    "plan": ("kehoach", "plan", "chitieu", "target"),
}
INDICATOR_LABELS = {
    "TIEP_NHAN": "Tiếp nhận", "HOAN_THANH": "Hoàn thành, về địa phương", "TRON": "Trốn",
    "BAT_LAI": "Bắt lại", "TAM_DINH_CHI": "Tạm đình chỉ", "CUOI_KY": "Đang quản lý cuối kỳ",
    "DAU_KY": "Chuyển sang đầu kỳ", "CHUYEN_DEN": "Chuyển đến", "CHUYEN_DI": "Chuyển đi",
    "DIEU_TRI": "Điều trị, quản lý trong kỳ (chuyển sang và vào mới)",
}


# Indicators that exist for targets only, computed from the table's rows: DIEU_TRI, the
# people treated during the period (carried over + every inflow), by category: "điều trị
# Methadone cho 250 người" (seed 002) counts the patients of the year, not the new ones.
TREATED = ("DAU_KY", "TIEP_NHAN", "BAT_LAI", "CHUYEN_DEN", "CHUYEN_DIEN_DEN")
TARGET_ONLY = {"DIEU_TRI": TREATED}
CATEGORY_TARGETS = tuple(CATEGORY_INDICATORS) + tuple(TARGET_ONLY)


def resolve_code(code: str):
    """'TIEP_NHAN_BB' → ('TIEP_NHAN', 'BB'); 'TIEP_NHAN' → ('TIEP_NHAN', 'HV'); 'DAY_NGHE' → ('DAY_NGHE', 'ALL');
    'DIEU_TRI_MET' → ('DIEU_TRI', 'MET'); province codes ('CAI_NGHIEN_GD_CD', 'TY_LE_TAP_HUAN') → (code, 'ALL')."""
    from ..common.codes import PROVINCE_DERIVED, PROVINCE_FIGURES
    code = str(code).strip().upper()
    known = set(CATEGORY_TARGETS) | set(FIGURES) | set(REVENUE_INDICATORS) | set(PROVINCE_FIGURES) \
        | set(PROVINCE_DERIVED)
    if code in known:
        return code, (TOTAL_HV if code in CATEGORY_TARGETS else TOTAL_ALL)
    head, _, tail = code.rpartition("_")
    if head in CATEGORY_TARGETS and tail in ALL_CATEGORIES + (TOTAL_HV, TOTAL_ALL):
        return head, tail
    return None


def _load(path: Path):
    """(sheet, rows, problem): the targets sheet as Python lists, or why not: an issue (a
    refused file), "not-targets" (no ChiTieu sheet), or the name of the parser's error.
    Run in a worker process (rehabstat.reading.sandbox), like every workbook we are given."""
    from ..reading import safety
    try:
        seen: dict = {}
        safety.precheck(path, seen)
        if seen.get("ours"):  # our own indicators table under a workbook's name: not targets
            return None, [], "not-targets"
        wb = safety.open_workbook(path, seen)
        names = {norm_key(n): n for n in wb.sheet_names}
        sheet = names.get("chitieu") or names.get("targets")
        if sheet is None:
            return None, [], "not-targets"
        rows = wb.get_sheet_by_name(sheet).to_python(skip_empty_area=False, nrows=safety.MAX_ROWS)
    except safety.Refused as exc:
        return None, [], issue(exc.code, file=path, detail=exc.detail)
    except MemoryError:
        return None, [], issue("F004", file=path, detail=phrase("detail.memory"))
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # noqa: BLE001 - a parser error or panic (a BaseException): unreadable
        from ..reading.blame import is_internal
        if is_internal(exc):  # our bug: an internal error (exit 3), never "save the file again"
            raise
        return None, [], type(exc).__name__
    return sheet, rows, None


def _load_failed(path, death):
    """The worker died: out of memory or time is F004; a crash is an unreadable file."""
    return None, [], (issue("F004", file=path, detail=death.detail) if death.kind != "crash" else str(death.detail))


def actual_value(table, indicator: str, category: str):
    """The result a target is compared with (summed over the table's units)."""
    parts = TARGET_ONLY.get(indicator, (indicator,))
    sel = table[table["indicator"].isin(parts) & (table["category"] == category)]
    actual = sel["value"].sum() if len(sel) else 0
    return int(actual) if float(actual).is_integer() else round(float(actual), 1)


def read_targets(path, units=None) -> tuple[list[dict], list]:
    """Rows {unit, year, code, indicator, category, label, measure, plan} and issues.
    `units`: the facility codes the tool knows (the data's, rehabstat.toml's); a row whose
    `Đơn vị` is none of them and no province is T003 (None: not checked)."""
    from ..reading import safety
    from ..common.errors import UsageError
    from ..reading.sandbox import map_isolated
    path = Path(path)
    issues = []
    if not path.is_file():
        raise UsageError.said("targets.not_found", path=path)
    not_targets = UsageError.said("targets.not_targets", name=path.name)
    if path.suffix.lower() not in safety.WORKBOOK_SUFFIXES:
        raise not_targets
    [(sheet, rows, problem)] = map_isolated(_load, [path], failed=_load_failed)
    if problem == "not-targets":
        raise not_targets
    if isinstance(problem, str):
        raise UsageError.said("targets.unreadable", name=path.name, problem=problem)
    if problem is not None:  # a refused or broken file: the --targets argument is wrong, not the data
        raise UsageError.said("targets.unreadable", name=path.name,
                              problem=problem.values.get("detail") or problem.code)
    from ..reading.reader import find_header
    header_row, cols = find_header(rows, HEADERS)
    if "code" not in cols or "plan" not in cols:  # no Mã chỉ tiêu or Kế hoạch column
        raise not_targets
    out = []
    for r in range(header_row + 1, len(rows)):
        row = rows[r]
        cell = lambda f: row[cols[f]] if f in cols and cols[f] < len(row) else None  # noqa: E731
        if all(is_blank(cell(f)) for f in cols):
            continue
        code = cell("code")
        where = dict(file=path, sheet=sheet, row=r + 1)
        stranger = units is not None and not is_blank(cell("unit")) and not known_unit(cell("unit"), units)
        if stranger:  # the row would be compared with no result, and left out without a word
            issues.append(issue("T003", column=column_letter(cols["unit"]), field="unit", value=display(cell("unit")),
                                near=unit_hint(cell("unit"), units), **where))
        resolved = None if is_blank(code) else resolve_code(code)
        if resolved is None:
            issues.append(issue("T001", column=column_letter(cols["code"]), field="code", value=display(code), **where))
            continue
        try:
            plan = parse_number(cell("plan"))
            if plan <= 0:
                raise Bad(plan)
        except Bad:
            issues.append(issue("T002", column=column_letter(cols["plan"]), field="plan", value=display(code), **where))
            continue
        if stranger:
            continue
        year = cell("year")
        try:
            year = int(parse_number(year)) if not is_blank(year) else None
        except Bad:
            year = None
        out.append({"unit": None if is_blank(cell("unit")) else str(cell("unit")).strip(), "year": year,
                    "code": str(code).strip().upper(), "indicator": resolved[0], "category": resolved[1],
                    "label": None if is_blank(cell("label")) else str(cell("label")).strip(),
                    "measure": None if is_blank(cell("measure")) else str(cell("measure")).strip(), "plan": plan})
    return out, issues


def known_unit(name, units) -> bool:
    """Whether a targets row's `Đơn vị` names a facility of `units` or a province, old or new,
    in any spelling ("SL 01", "Tỉnh Sơn La"), as `_for_units` matches them."""
    from ..settings.geography import is_province
    return province_key(name) in {province_key(u) for u in units} or is_province(name)


def unit_hint(name, units):
    """" Có phải: SL01, Sơn La?": the facility codes and provinces nearest to an unknown
    `Đơn vị`; failing any, the facilities the tool knows ("" when it knows none)."""
    from ..settings.geography import geography
    near = geography().closest(name, extra=units) or sorted(units)[:5]
    return phrase("geo.near", names=", ".join(near)) if near else ""


def target_units(rows, level: str, key: str, units) -> list[str]:
    """Whose targets a document compares: a facility's own; a province's own rows where the
    workbook has some (its facilities' rows are parts of them and would be compared with the
    province's total), else its facilities' rows."""
    if level == "facility":
        return [key]
    if any(t["unit"] is not None and province_key(t["unit"]) == province_key(key) for t in rows):
        return [key]
    return [key] + list(units)


def _for_units(rows, unit_keys, year):
    keys = {province_key(u) for u in unit_keys}
    return [t for t in rows if (t["unit"] is None or province_key(t["unit"]) in keys) and (year is None or t["year"] in (None, year))]


def default_label(indicator, category) -> str:
    from ..common.codes import PROVINCE_DERIVED, PROVINCE_FIGURES
    figs = {**FIGURES, **PROVINCE_FIGURES, **PROVINCE_DERIVED}
    base = INDICATOR_LABELS.get(indicator) or (figs[indicator].label if indicator in figs else indicator)
    if category in CATEGORIES:
        return f"{base} ({CATEGORIES[category].label})"
    return base


def compare_targets(rows, table, unit_keys, year) -> list[dict]:
    """Results against the plan: [{code, label, unit, plan, actual, ratio, met}] (numbers:
    documents/report.py writes them as the documents do)."""
    out = []
    for t in _for_units(rows, unit_keys, year):
        actual = actual_value(table, t["indicator"], t["category"])
        out.append({"code": t["code"], "label": t["label"] or default_label(t["indicator"], t["category"]),
                    "unit": t["measure"] or "", "plan": t["plan"], "actual": actual,
                    "ratio": actual / t["plan"] * 100, "met": actual >= t["plan"]})
    return out


def plan_targets(rows, unit_keys, plan_year, table) -> dict:
    """Part II of the KH: the plan year's targets, with last year's result beside each:
    {year, targets: [{code, label, unit, plan, actual}]} (numbers)."""
    items = []
    for t in _for_units(rows, unit_keys, plan_year):
        actual = actual_value(table, t["indicator"], t["category"])
        items.append({"code": t["code"], "label": t["label"] or default_label(t["indicator"], t["category"]),
                      "unit": t["measure"] or "", "plan": t["plan"],
                      "actual": int(actual) if float(actual).is_integer() else actual})
    return {"year": plan_year, "targets": items}
