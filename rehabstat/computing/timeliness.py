"""When a monthly workbook is due, and whether it came on time (DHIS2's reporting rate
and reporting rate on time).

The deadline is configuration ([deadline] in rehabstat.toml), never code: reporting
regimes are being reissued for the police sector (DOMAIN.md).

    [deadline]
    day = 15          # a month's workbook is due on the 15th of the next month
    quarter_day = 20  # optional: March, June, September and December are due on the 20th

The day a workbook was sent is its ThongTin field "Ngày gửi". Per facility-month:
on time (sent on or before the due date), late (by how many days), missing; a workbook
without "Ngày gửi" (or without a [deadline]) is received, timeliness unknown.

Rates (percent, one decimal), over the facility-months expected (months over, of the
facilities expected in the period):
  TY_LE_GUI_SO     reporting rate: months with a workbook / months expected
  TY_LE_DUNG_HAN   reporting rate on time: months with a workbook sent by the due date / months expected
with the counts SO_THANG_CAN (expected), SO_THANG_GUI (with a workbook), SO_THANG_DUNG_HAN
(on time), SO_THANG_MUON (late).
"""
from __future__ import annotations

from ..common.periods import days_late, due_date  # noqa: F401  (the gate uses them too)

INDICATORS = ("SO_THANG_CAN", "SO_THANG_GUI", "SO_THANG_DUNG_HAN", "SO_THANG_MUON", "TY_LE_GUI_SO", "TY_LE_DUNG_HAN")
LABELS = {
    "SO_THANG_CAN": "Sổ tháng cần có", "SO_THANG_GUI": "Sổ tháng đã gửi", "SO_THANG_DUNG_HAN": "Sổ gửi đúng hạn",
    "SO_THANG_MUON": "Sổ gửi muộn", "TY_LE_GUI_SO": "Tỷ lệ gửi sổ (%)", "TY_LE_DUNG_HAN": "Tỷ lệ gửi đúng hạn (%)",
}


def received_late(received_at: str | None, year: int, month: int, deadline: dict | None) -> int | None:
    """How late a month came into the store: days between its due date and the day (in this
    machine's time zone) its first accepted workbook was received (`received_at`, ISO with a
    zone, as the store keeps it); 0 on time, None when either is unknown. The web inbox's
    lateness: there the store receives the facility's own upload, so the receipt is the sending."""
    if not received_at:
        return None
    import datetime as dt
    day = dt.datetime.fromisoformat(received_at).astimezone().date()
    return days_late(day, due_date(year, month, deadline))


def rate(part: int, whole: int) -> float | None:
    return round(100.0 * part / whole, 1) if whole else None


def counts(facilities, deadline: dict | None = None) -> dict:
    """{SO_THANG_CAN, SO_THANG_GUI, SO_THANG_DUNG_HAN, SO_THANG_MUON, TY_LE_GUI_SO, TY_LE_DUNG_HAN}
    over batch.Facility objects (their cells and lateness)."""
    from ..checking.gate import NOT_DUE, MISSING
    expected = sent = on_time = late = 0
    for fac in facilities:
        for ym, status in fac.cells.items():
            if status == NOT_DUE:
                continue
            expected += 1
            if status == MISSING:
                continue
            sent += 1
            d = fac.late.get(ym)
            if d == 0:
                on_time += 1
            elif d is not None:
                late += 1
    return {"SO_THANG_CAN": expected, "SO_THANG_GUI": sent, "SO_THANG_DUNG_HAN": on_time, "SO_THANG_MUON": late,
            "TY_LE_GUI_SO": rate(sent, expected),
            "TY_LE_DUNG_HAN": rate(on_time, expected) if deadline else None}  # no deadline: not known


def reporting_rows(facilities_by_unit: dict, level: str, period_code: str, deadline: dict | None) -> list[tuple]:
    """Indicator rows (unit, level, period, indicator, 'ALL', value) of the reporting counts
    and rates; `facilities_by_unit` maps each unit of the level (a facility code, a
    province name, 'VN') to its batch.Facility objects. A rate that cannot be known
    (nothing expected; no [deadline] for the rate on time) has no row."""
    rows = []
    for unit in sorted(facilities_by_unit):
        c = counts(facilities_by_unit[unit], deadline)
        for ind in INDICATORS:
            if c[ind] is not None and not (ind in ("SO_THANG_DUNG_HAN", "SO_THANG_MUON") and not deadline):
                rows.append((unit, level, period_code, ind, "ALL", c[ind]))
    return rows


def reporting_table(gate, level: str, cfg):
    """The reporting rows of `indicators`: the gate's facility-months (expected, received,
    missing; the same decision as every command), grouped by the level's units."""
    import pandas as pd
    from .indicators.engine import COLUMNS
    groups: dict = {}
    for unit, fac in gate.facilities.items():
        key = unit if level == "facility" else fac.province if level == "province" else "VN"
        groups.setdefault(key, []).append(fac)
    rows = reporting_rows(groups, level, gate.period.code, getattr(cfg, "deadline", None) or None)
    return pd.DataFrame(rows, columns=COLUMNS, dtype=object)  # counts stay ints beside the rates
