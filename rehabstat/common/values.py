"""Tolerant parsing of what clerks type: Vietnamese numbers, day-first dates, months."""
from __future__ import annotations

import datetime as dt
import math
import re

_EXCEL_EPOCH = dt.date(1899, 12, 30)
_NUM_SUFFIX = re.compile(r"\s*(đồng|dong|đ|vnd|vnđ|người|nguoi|lượt|luot|ca|mẫu|mau|buổi|buoi|học viên|hoc vien|hv|%)\s*$", re.I)
_THOUSANDS_DOT = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$")
_THOUSANDS_SPACE = re.compile(r"^[+-]?\d{1,3}( \d{3})+(,\d+)?$")
_PLAIN_COMMA = re.compile(r"^[+-]?\d+,\d+$")
_PLAIN = re.compile(r"^[+-]?\d+(\.\d+)?$")
MAX_TEXT = 100  # a number, date or month written as text is never longer: longer text is refused before any regex
_APOSTROPHES = "'\u2018\u2019"  # a leading apostrophe typed to keep a number as text is not part of it
EXCEL_ERRORS = {"#REF!", "#DIV/0!", "#VALUE!", "#N/A", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA"}


class Bad(ValueError):
    """A value that cannot be read as what its column wants."""


def is_blank(value) -> bool:
    """None, NaN, or text of nothing but spaces (called for every cell read: the cheap tests first)."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, float):
        return value != value  # NaN
    return value == ""


def parse_number(value):
    """A cell as a number: real numbers pass; text the Vietnamese way ("1.659", "92,5",
    "5.122.732.200 đồng") is converted. Returns int when whole, else float. Raises Bad."""
    if isinstance(value, bool):
        raise Bad(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            raise Bad(value)
        return int(value) if value.is_integer() else value
    if isinstance(value, (dt.date, dt.time, dt.timedelta)):
        raise Bad(value)
    text = str(value).strip().replace("\u00a0", " ")
    if len(text) > MAX_TEXT:  # bounded before the regexes: "1" + 40.000 spaces + "x" is refused at once
        raise Bad(value)
    text = text.lstrip(_APOSTROPHES)  # "'1.207": typed to keep it text
    text = _NUM_SUFFIX.sub("", text).strip()
    if _THOUSANDS_DOT.match(text):
        text = text.replace(".", "").replace(",", ".")
    elif _THOUSANDS_SPACE.match(text):
        text = text.replace(" ", "").replace(",", ".")
    elif _PLAIN_COMMA.match(text):
        text = text.replace(",", ".")
    elif not _PLAIN.match(text):
        raise Bad(value)
    number = float(text)
    if number.is_integer() and "." not in text:
        return int(text)
    return int(number) if number.is_integer() else number


def parse_count(value) -> int:
    """A whole number of people or occurrences (may still be negative: the caller checks)."""
    number = parse_number(value)
    if isinstance(number, float):
        raise Bad(value)
    return number


_DATE_PATTERNS = (
    (re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$"), ("d", "m", "y")),
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"), ("y", "m", "d")),
    (re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$"), ("y", "m", "d")),
)


def parse_date(value) -> dt.date:
    """A date: real date, Excel serial, or day-first text. Never month-first. Raises Bad."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 1 <= value < 2958466:  # Excel's serial range
            return _EXCEL_EPOCH + dt.timedelta(days=int(value))
        raise Bad(value)
    text = str(value).strip()
    if len(text) > MAX_TEXT:
        raise Bad(value)
    text = text.lstrip(_APOSTROPHES)
    text = re.sub(r"\s+\d{1,2}:\d{2}(:\d{2})?$", "", text)  # "05/03/2021 00:00:00"
    for pattern, order in _DATE_PATTERNS:
        m = pattern.match(text)
        if m:
            parts = dict(zip(order, map(int, m.groups())))
            try:
                return dt.date(parts["y"], parts["m"], parts["d"])
            except ValueError as exc:
                raise Bad(value) from exc
    raise Bad(value)


_MONTH_PATTERNS = (
    re.compile(r"^(?:thang\s*)?(\d{1,2})\s*[/.\-]\s*(\d{4})$"),
    re.compile(r"^(\d{4})\s*[/.\-]\s*(\d{1,2})$"),
    re.compile(r"^thang\s*(\d{1,2})\s*nam\s*(\d{4})$"),
)


def parse_month(value) -> tuple[int, int]:
    """The reporting month: "01/2021", "1/2021", "2021-01", "Tháng 1 năm 2021" or any date
    in the month. Returns (year, month). Raises Bad."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.year, value.month
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        d = parse_date(value)
        return d.year, d.month
    text = str(value).strip().lower()
    if len(text) > MAX_TEXT:
        raise Bad(value)
    text = text.lstrip(_APOSTROPHES)
    text = text.replace("tháng", "thang").replace("năm", "nam")
    for i, pattern in enumerate(_MONTH_PATTERNS):
        m = pattern.match(text)
        if m:
            a, b = map(int, m.groups())
            year, month = (b, a) if i != 1 else (a, b)
            if 1 <= month <= 12 and 1900 < year < 2200:
                return year, month
            raise Bad(value)
    d = parse_date(value)
    return d.year, d.month


def display(value) -> str:
    """A cell value as a short string for messages."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "..."


def plain_number(v):
    """A value as a report or JSON holds it: numpy scalars as Python numbers, a whole float as
    an int, a missing value (None, NaN, pandas' NA) as None (JSON has no NaN)."""
    if v is None:
        return None
    try:
        if v != v:  # NaN
            return None
    except (TypeError, ValueError):  # pandas' NA cannot be compared
        return None
    if hasattr(v, "item"):
        v = v.item()
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v

