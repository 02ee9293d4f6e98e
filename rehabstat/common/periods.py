"""Reporting periods: whole months from a first to a last, with their machine codes."""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal


from .errors import PeriodError  # noqa: E402,F401  (a period that makes no sense)
from .vnformat import _month, _two, roman


# what a run of whole months is: a calendar year, a half, a quarter, a month, the first N
# months of a year (4..11, the regimes' cumulative periods: "9 tháng đầu năm"), or any other range
Kind = Literal["year", "half", "quarter", "month", "months", "range"]
NAMED = ("year", "half", "quarter", "month")  # the kinds that have a name of their own ("quý II/2021")


def period_kind(first: tuple[int, int], last: tuple[int, int]) -> Kind:
    """The kind of the months first..last (each (year, month)): the one place that tells a
    quarter from a half, a year or a free range."""
    (y0, m0), (y1, m1) = first, last
    if y0 == y1:
        if (m0, m1) == (1, 12):
            return "year"
        if m0 == m1:
            return "month"
        if m0 % 3 == 1 and m1 == m0 + 2:
            return "quarter"
        if (m0, m1) in ((1, 6), (7, 12)):
            return "half"
        if m0 == 1 and 4 <= m1 <= 11:
            return "months"
    return "range"


def month_end(year: int, month: int) -> dt.date:
    """The last day of a month."""
    return dt.date(year, month, calendar.monthrange(year, month)[1])


@dataclass(frozen=True)
class Period:
    first: tuple[int, int]  # (year, month)
    last: tuple[int, int]
    code: str

    @property
    def kind(self) -> Kind:
        return period_kind(self.first, self.last)

    @property
    def number(self) -> int:
        """The quarter (1..4), the half (1, 2), the month (1..12) or the number of months of a
        "months" period; 0 for a year or a range."""
        kind, m0 = self.kind, self.first[1]
        return {"quarter": m0 // 3 + 1, "half": 1 if m0 == 1 else 2, "month": m0,
                "months": self.last[1]}.get(kind, 0)

    @property
    def months(self) -> list[tuple[int, int]]:
        (y, m), out = self.first, []
        while (y, m) <= self.last:
            out.append((y, m))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out

    @property
    def start_date(self) -> dt.date:
        return dt.date(self.first[0], self.first[1], 1)

    @property
    def end_date(self) -> dt.date:
        return month_end(*self.last)

    def contains(self, year: int, month: int) -> bool:
        return self.first <= (year, month) <= self.last

    def previous_year_label(self) -> str:
        return f"năm {self.first[0] - 1}" if self.first[1] == 1 else f"tháng {self.first[1] - 1:02d}/{self.first[0]}"

    @property
    def label(self) -> str:
        return period_label(self.first, self.last)

    def shown(self, lang: str) -> str:  # inside a message of the catalogue
        return self.text(lang)

    def text(self, lang: str | None = None) -> str:
        """The period in words of `lang`: its Vietnamese label; in English "2021", "Q2 2021",
        "H1 2021", "03/2021", else "01/2017 to 06/2020"."""
        from .language import chosen
        if (lang or chosen()) != "en":
            return self.label
        (y1, m1), (y2, m2) = self.first, self.last
        if y1 == y2:
            if (m1, m2) == (1, 12):
                return str(y1)
            if m1 == m2:
                return f"{m1:02d}/{y1}"
            if m1 % 3 == 1 and m2 == m1 + 2:
                return f"Q{m1 // 3 + 1} {y1}"
            if (m1, m2) in ((1, 6), (7, 12)):
                return f"H{1 if m1 == 1 else 2} {y1}"
        return f"{m1:02d}/{y1} to {m2:02d}/{y2}"


def period_label(first, last) -> str:
    """Label of a whole-month range given as (year, month) pairs:
    "năm 2021", "quý II năm 2021", "6 tháng đầu năm 2021", "6 tháng cuối năm 2021",
    "tháng 01 năm 2021", "tháng 7 năm 2021", "9 tháng đầu năm 2025" (January to a month 4-11),
    else "từ tháng 01/2017 đến tháng 06/2020"."""
    (y1, m1), (y2, m2) = (tuple(int(v) for v in first), tuple(int(v) for v in last))
    for m in (m1, m2):
        if not 1 <= m <= 12:
            raise ValueError(f"month out of range: {m}")
    if (y1, m1) > (y2, m2):
        raise ValueError(f"period starts after it ends: {first} > {last}")
    period = Period((y1, m1), (y2, m2), "")
    kind, n = period.kind, period.number
    if kind == "year":
        return f"năm {y1}"
    if kind == "month":
        return f"tháng {_month(n)} năm {y1}"
    if kind == "quarter":
        return f"quý {roman(n)} năm {y1}"
    if kind == "half":
        return f"6 tháng {'đầu' if n == 1 else 'cuối'} năm {y1}"
    if kind == "months":  # the regimes' cumulative periods: "9 tháng đầu năm 2025"
        return f"{n} tháng đầu năm {y1}"
    return f"từ tháng {_two(m1)}/{y1} đến tháng {_two(m2)}/{y2}"


def month_code(year: int, month: int) -> str:
    return f"{year}-{month:02d}"


def _parse_mm_yyyy(text: str, option: str) -> tuple[int, int]:
    m = re.fullmatch(r"\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*", text or "") or None
    if m:
        month, year = int(m.group(1)), int(m.group(2))
    else:
        m = re.fullmatch(r"\s*(\d{4})-(\d{1,2})\s*", text or "")
        if not m:
            raise PeriodError.said("period.bad_month", option=option, text=text)
        year, month = int(m.group(1)), int(m.group(2))
    if not 1 <= month <= 12:
        raise PeriodError.said("period.month_range", option=option, text=text)
    return year, month


def make_period(year=None, month=None, quarter=None, half=None, start=None, end=None, months=None) -> Period:
    """From the CLI's period options. Raises PeriodError (its message a catalogue key and values).
    `months` N with a year: its first N months ("9 tháng đầu năm 2025"), code 2025-01..2025-09."""
    parts = [x is not None for x in (month, quarter, half, months)]
    if start or end:
        if year is not None or any(parts):
            raise PeriodError.said("period.both")
        if not (start and end):
            raise PeriodError.said("period.from_to")
        first, last = _parse_mm_yyyy(start, "--from"), _parse_mm_yyyy(end, "--to")
        if first > last:
            raise PeriodError.said("period.after", start=start, end=end)
        code = f"{month_code(*first)}..{month_code(*last)}"
        return Period(first, last, code)
    if year is None:
        raise PeriodError.said("period.none")
    if not 1900 < year < 2200:
        raise PeriodError.said("period.bad_year", year=year)
    if sum(parts) > 1:
        raise PeriodError.said("period.one")
    if months is not None:
        if not 1 <= months <= 12:
            raise PeriodError.said("period.months")
        if months == 12:
            return Period((year, 1), (year, 12), str(year))
        return Period((year, 1), (year, months), f"{month_code(year, 1)}..{month_code(year, months)}")
    if month is not None:
        if not 1 <= month <= 12:
            raise PeriodError.said("period.month")
        return Period((year, month), (year, month), month_code(year, month))
    if quarter is not None:
        if not 1 <= quarter <= 4:
            raise PeriodError.said("period.quarter")
        return Period((year, 3 * quarter - 2), (year, 3 * quarter), f"{year}-Q{quarter}")
    if half is not None:
        if half not in (1, 2):
            raise PeriodError.said("period.half")
        return Period((year, 6 * half - 5), (year, 6 * half), f"{year}-H{half}")
    return Period((year, 1), (year, 12), str(year))


def period_between(first: tuple[int, int], last: tuple[int, int]) -> Period:
    """A Period with the code the CLI would give it ('2021-Q1', '2020', '2021-H2', '2021-05',
    else '2017-01..2020-06')."""
    shape = Period(first, last, "")
    y0, n = first[0], shape.number
    code = {"year": str(y0), "month": month_code(y0, n), "quarter": f"{y0}-Q{n}",
            "half": f"{y0}-H{n}"}.get(shape.kind, f"{month_code(*first)}..{month_code(*last)}")
    return Period(first, last, code)


# ---------------------------------------------------------------- deadlines (timeliness.py, the gate)

def period_of_code(code: str) -> Period:
    """The Period of a code period_between gives ("2017", "2020-H1", "2021-Q2", "2021-05",
    "2017-01..2020-06"): ValueError for anything else."""
    import re
    m = re.fullmatch(r"(\d{4})(?:-(H|Q)?(\d{1,2}))?(?:\.\.(\d{4})-(\d{2}))?", str(code).strip())
    if m is None:
        raise ValueError(f"not a period code: {code!r}")
    year, shape, n, y2, m2 = m.groups()
    year = int(year)
    if n is None:
        first, last = (year, 1), (year, 12)
    elif shape == "H":
        first, last = (year, 6 * int(n) - 5), (year, 6 * int(n))
    elif shape == "Q":
        first, last = (year, 3 * int(n) - 2), (year, 3 * int(n))
    else:
        first = last = (year, int(n))
    if y2 is not None:
        last = (int(y2), int(m2))
    if not (1 <= first[1] <= 12 and 1 <= last[1] <= 12 and first <= last):
        raise ValueError(f"not a period code: {code!r}")
    return period_between(first, last)


def needed_months(period: Period) -> tuple[tuple[int, int], tuple[int, int]]:
    """The months (first, last) whose workbooks a command about `period` reads in full: the
    period, the periods it is compared with (the previous one of the same length, the same
    months a year earlier) and the month before the earliest of them (whose closing census
    is the next month's opening). A workbook of any other month is only glanced at (who and
    when it is), so that the cost follows the period asked, not the years kept."""
    n = len(period.months)
    y, m = period.first
    start = y * 12 + (m - 1) - max(n, 12) - 1
    return (start // 12, start % 12 + 1), period.last


def due_date(year: int, month: int, deadline: dict | None) -> dt.date | None:
    """The day the workbook of (year, month) is due; None without a [deadline]."""
    if not deadline or "day" not in deadline:
        return None
    day = deadline.get("quarter_day", deadline["day"]) if month % 3 == 0 else deadline["day"]
    y, m = (year + 1, 1) if month == 12 else (year, month + 1)
    return dt.date(y, m, min(day, calendar.monthrange(y, m)[1]))


def days_late(sent: dt.date | None, due: dt.date | None) -> int | None:
    """0 on time, N > 0 late by N days, None when either date is unknown."""
    if sent is None or due is None:
        return None
    return max(0, (sent - due).days)
