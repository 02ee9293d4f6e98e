"""Plain data of one facility-month and of a targets workbook, as the synthetic writer takes it.

These are *inputs to the writer* (what a clerk would type), not the reader's Dataset.
Codes are the stable codes of :mod:`rehabstat.common.codes`.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class CensusRow:
    """One category's census line of sheet SiSo."""

    opening: int
    closing: int
    present: int
    absent: int


@dataclass(frozen=True)
class Event:
    """One line of sheet BienDong.

    ``person`` set: a person-level row (``count`` must be 1).
    ``person`` None: an aggregated row standing for ``count`` events.
    """

    category: str
    event: str
    date: _dt.date
    person: str | None = None
    new_category: str | None = None
    count: int = 1
    note: str = ""


@dataclass
class MonthBook:
    """Everything one monthly workbook of one facility holds."""

    unit: str
    unit_name: str
    province: str
    year: int
    month: int
    census: dict[str, CensusRow]
    events: list[Event] = field(default_factory=list)
    figures: list[tuple[str, int | float]] = field(default_factory=list)
    preparer: str = "Cán bộ thống kê"
    prepared_on: _dt.date | None = None  # "Ngày lập"; default: the 5th of the next month
    sent_on: _dt.date | None = None  # "Ngày gửi" (optional row, written only when set)

    @property
    def period(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


@dataclass(frozen=True)
class TargetRow:
    """One line of sheet ChiTieu."""

    unit: str  # a facility code or a province name
    year: int
    code: str  # an indicator code, with the category appended or alone for the total
    label: str
    measure: str  # Đơn vị tính
    plan: int | float


@dataclass
class ProvinceBook:
    """What one province workbook holds: figures no facility holds, for a period written as
    the clerk writes it ("2019", "Quý II/2020", "6 tháng đầu năm 2020", "06/2020")."""

    province: str
    period: str
    figures: list[tuple[str, str | None, str | None, int]]  # (code, Diện, Nguồn, value)
    preparer: str = "Phòng Phòng, chống tệ nạn xã hội"
