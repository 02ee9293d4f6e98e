"""The annex of a province's BC (one row per facility and a total row), its sentences on
figures reported by only some facilities and on reporting rates, and the annex sheet
'PhuLuc' of the province's workbook. Used by batch (every province) and by
commands/report.py (one province's report)."""
from __future__ import annotations

from collections import defaultdict

from ..checking.gate import DUPLICATE, HAS_ERRORS, MISSING, NOT_DUE, RECEIVED, Facility, month_ranges

ANNEX_INDICATORS = (
    ("DAU_KY", "Đầu kỳ"), ("TIEP_NHAN", "Tiếp nhận"), ("HOAN_THANH", "Hoàn thành"), ("TRON", "Trốn (lượt)"),
    ("CUOI_KY", "Cuối kỳ (đang quản lý)"), ("CO_MAT", "Có mặt"), ("VANG_MAT", "Vắng mặt"),
)
ANNEX_CATEGORIES = (("HV", "Học viên"), ("ALL", "Tổng cộng"))
CENSUS_PARTS = ("CO_MAT", "VANG_MAT")  # written only by facilities that fill them (engine.facility_table)
CENSUS_LABELS = {"CO_MAT": "có mặt", "VANG_MAT": "vắng mặt"}


def annex_rows(facilities, fac_table) -> list[dict]:
    """The annex of a province's BC: one row per facility and a total row.

    Each row: {code, name, months ("3/3"), received, expected, note, total (bool), bold,
    cells [str: for each of ANNEX_INDICATORS, HV then ALL, in Vietnamese form],
    n {IND: {HV, ALL}} (formatted), v {IND: {HV, ALL}} (int)}."""
    values = defaultdict(int)
    told = set()  # (unit, CO_MAT/VANG_MAT) that the facility reported: a blank is not a zero
    sel = fac_table[fac_table["category"].isin([c for c, _ in ANNEX_CATEGORIES])
                    & fac_table["indicator"].isin([i for i, _ in ANNEX_INDICATORS])]
    for unit, ind, cat, value in zip(sel["unit"].tolist(), sel["indicator"].tolist(), sel["category"].tolist(),
                                     sel["value"].tolist()):
        values[(unit, ind, cat)] += int(value)
        told.add((unit, ind))
    rows, total, total_told = [], defaultdict(int), set()
    received_all = expected_all = 0
    reported = {u for u, _, _ in values}
    for fac in facilities:
        received = len(fac.months(RECEIVED))
        expected = fac.expected
        received_all += received
        expected_all += expected
        if fac.unit not in reported:  # nothing usable: blank cells, "chưa báo cáo", never zeros
            v = {ind: {cat: None for cat, _ in ANNEX_CATEGORIES} for ind, _ in ANNEX_INDICATORS}
            note = "; ".join(x for x in ("chưa báo cáo", facility_note(fac)) if x)
            rows.append(_annex_row(fac.unit, fac.name, received, expected, v, note, False))
            continue
        v = {ind: {cat: values[(fac.unit, ind, cat)] if ind not in CENSUS_PARTS or (fac.unit, ind) in told else None
                   for cat, _ in ANNEX_CATEGORIES} for ind, _ in ANNEX_INDICATORS}
        for ind in v:
            for cat in v[ind]:
                if v[ind][cat] is not None:
                    total[(ind, cat)] += v[ind][cat]
                    total_told.add(ind)
        rows.append(_annex_row(fac.unit, fac.name, received, expected, v, facility_note(fac), False))
    v = {ind: {cat: total[(ind, cat)] if ind not in CENSUS_PARTS or ind in total_told else None
               for cat, _ in ANNEX_CATEGORIES} for ind, _ in ANNEX_INDICATORS}
    rows.append(_annex_row("", "Tổng cộng", received_all, expected_all, v, "", True))
    return rows


def partial_counts(facilities, fac_table) -> tuple[list[tuple[str, int]], int]:
    """The figures (SoLieu, present/absent) reported by only some of the facilities whose
    workbooks count: ([(indicator code, facilities with it)], facilities with figures);
    ([], n) when every figure covers them all or fewer than two facilities report."""
    from ..common.codes import FIGURES
    with_rows = set(fac_table["unit"].drop_duplicates().tolist())  # not element by element through pandas
    reporting = [f.unit for f in facilities if f.unit in with_rows]
    if len(reporting) < 2:
        return [], len(reporting)
    sel = fac_table[fac_table["indicator"].isin(list(FIGURES) + list(CENSUS_PARTS)) & fac_table["unit"].isin(reporting)]
    counts = sel.groupby("indicator")["unit"].nunique()
    return [(ind, int(k)) for ind, k in counts.items() if k < len(reporting)], len(reporting)


def partial_label(code: str) -> str:
    """The Vietnamese name of a figure of partial_counts, as the BC writes it."""
    from ..common.codes import FIGURES
    return (FIGURES[code].label if code in FIGURES else CENSUS_LABELS[code]).lower()


def partial_figures(facilities, fac_table, counts=None) -> list[str]:
    """A sentence for the province's BC when some figures (SoLieu) were reported by only some
    of the facilities whose workbooks count: the total then covers those only, and says so
    (`counts`: partial_counts' answer when the caller has it already)."""
    partial, n = counts if counts is not None else partial_counts(facilities, fac_table)
    if not partial:
        return []
    listed = "; ".join(f"{label} ({k}/{n} cơ sở)" for label, k in sorted((partial_label(c), k) for c, k in partial))
    return [f"Một số số liệu chỉ gồm báo cáo của một phần các cơ sở: {listed}."]


def late_months(fac: Facility) -> list:
    """[((year, month), days late)] of the facility's months sent after their deadline."""
    return sorted((ym, d) for ym, d in fac.late.items() if d)


def timeliness_context(facilities, cfg) -> dict:
    """The province BC's sentence on reporting rates and its list of who sent late
    (context key `timeliness`); empty when nothing is expected."""
    from ..common import vnformat as vn
    from ..computing.timeliness import counts
    deadline = getattr(cfg, "deadline", None) or None
    c = counts(facilities, deadline)
    if not c["SO_THANG_CAN"]:
        return {"sentence": "", "late": []}
    n = vn.number
    sentence = (f"Tỷ lệ gửi sổ: {n(c['SO_THANG_GUI'])}/{n(c['SO_THANG_CAN'])} sổ tháng "
                f"({vn.percent(c['TY_LE_GUI_SO'])})")
    if deadline:
        sentence += (f"; gửi đúng hạn {n(c['SO_THANG_DUNG_HAN'])}/{n(c['SO_THANG_CAN'])} "
                     f"({vn.percent(c['TY_LE_DUNG_HAN'])}), gửi muộn {n(c['SO_THANG_MUON'])} sổ")
        unknown = c["SO_THANG_GUI"] - c["SO_THANG_DUNG_HAN"] - c["SO_THANG_MUON"]
        if unknown:
            sentence += f", {n(unknown)} sổ không ghi ngày gửi"
    sentence += "."
    late = []
    for fac in facilities:
        months = late_months(fac)
        if months:
            label = f"{fac.unit} – {fac.name}" if fac.name else fac.unit
            late.append(f"{label}: gửi muộn sổ " + ", ".join(
                f"tháng {m:02d}/{y} ({vn.number(d)} ngày)" for (y, m), d in months) + ".")
    return {"sentence": sentence, "late": late}


def _annex_row(code, name, received, expected, v, note, is_total) -> dict:
    from ..common import vnformat as vn
    n = {ind: {cat: "" if x is None else vn.number(x) for cat, x in cats.items()} for ind, cats in v.items()}
    cells = [n[ind][cat] for ind, _ in ANNEX_INDICATORS for cat, _ in ANNEX_CATEGORIES]
    return {"code": code, "name": name, "months": f"{received}/{expected}", "received": received,
            "expected": expected, "note": note, "total": is_total, "bold": is_total, "cells": cells, "n": n, "v": v}


# ---------------------------------------------------------------- the annex sheet of a province's workbook

def write_annex_sheet(wb, annex: list[dict], gaps: list[str], top: int = 1):
    """Sheet 'PhuLuc' of the province's .xlsx (a workbooks.book.Book): two header rows from
    row `top` (rows above it are for a title), one row per facility and a total row (bold),
    then the notes on missing and excluded months."""
    from ..workbooks.book import alignment, fill, font, number_format, style
    from ..workbooks.xlsxout import HEADER_FILL
    ws = wb.sheet("PhuLuc", 1 if len(wb.sheetnames) > 1 else None)
    bold = style(font=font(bold=True))
    fixed = ("Mã cơ sở", "Tên cơ sở", "Số tháng có sổ")
    for c, title in enumerate(fixed, start=1):
        ws.put(top, c, title)
        ws.merge(top, c, top + 1, c)
    col = len(fixed) + 1
    for _, label in ANNEX_INDICATORS:
        ws.put(top, col, label)
        ws.merge(top, col, top, col + len(ANNEX_CATEGORIES) - 1)
        for k, (_, cat_label) in enumerate(ANNEX_CATEGORIES):
            ws.put(top + 1, col + k, cat_label)
        col += len(ANNEX_CATEGORIES)
    note_col = col
    ws.put(top, note_col, "Ghi chú")
    ws.merge(top, note_col, top + 1, note_col)
    ws.restyle(((r, c) for r in (top, top + 1) for c in range(1, note_col + 1)),
               font=font(bold=True), fill=fill(HEADER_FILL), alignment=alignment("center", "center", wrap=True))
    number = style(number_format=number_format("#,##0"))
    r = top + 2
    for row in annex:
        ws.put(r, 1, row["code"])
        ws.put(r, 2, row["name"])
        ws.put(r, 3, row["months"])
        c = len(fixed) + 1
        for ind, _ in ANNEX_INDICATORS:
            for cat, _ in ANNEX_CATEGORIES:
                if row["v"][ind][cat] is not None:  # blank where the facility reported nothing
                    ws.put(r, c, int(row["v"][ind][cat]), number)
                c += 1
        ws.put(r, note_col, row.get("note") or "")
        if row.get("bold"):
            ws.restyle_row(r, note_col, font=font(bold=True))
        r += 1
    if gaps:
        r += 1
        ws.put(r, 1, "Số liệu chưa đầy đủ:", bold)
        for line in gaps:
            r += 1
            ws.put(r, 1, line)
    ws.freeze = (top + 2, 4)
    widths = {1: 11, 2: 40, 3: 9}
    for c in range(1, note_col + 1):
        ws.widths[c] = widths.get(c, 11)
    ws.widths[note_col] = 40
    return ws


def facility_note(fac: Facility) -> str:
    """The annex's note on a facility: its missing, unfinished, duplicate and faulty months, who sent late."""
    parts = []
    for status, word in ((MISSING, "thiếu"), (NOT_DUE, "chưa hết tháng"), (DUPLICATE, "trùng"),
                         (HAS_ERRORS, "có lỗi")):
        months = fac.months(status)
        if months:
            parts.append(f"{word} {month_ranges(months)}")
    late = sorted((ym, d) for ym, d in fac.late.items() if d)
    if late:
        parts.append("gửi muộn " + ", ".join(f"{m:02d}/{y} ({d} ngày)" for (y, m), d in late))
    return "; ".join(parts)


def draft_reasons(gate, units=None) -> list[str]:
    """Why a draft is one, for the document itself (under the DỰ THẢO line): the missing,
    duplicate and excluded months of these facilities (of every facility of the gate when
    `units` is None) and how many errors are left. No issue message is quoted (they may
    quote a cell, e.g. a learner id)."""
    from ..checking.gate import gap_lines
    facs = [f for u, f in sorted(gate.facilities.items()) if units is None or u in units]
    lines = gap_lines(facs, gate.period, gate.force)
    units = {f.unit for f in facs}
    errors = [i for i in gate.errors if gate.issue_unit(i) in units or gate.issue_unit(i) is None]
    if gate.force:  # only a counted workbook's errors are in the figures; the others are said above as left out
        counted = set(gate.counted)
        errors = [i for i in errors if i.file in counted]
    if errors:
        files = {i.file for i in errors if i.file}
        lines.append(f"Số liệu còn {len(errors)} lỗi chưa sửa" + (f" ở {len(files)} sổ" if files else "")
                     + (" (đã tính vào số liệu)." if gate.force else "."))
    if gate.unattributed:
        lines.append(f"{len(gate.unattributed)} sổ không đọc được (không rõ cơ sở hoặc tháng).")
    return lines
