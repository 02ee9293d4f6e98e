"""Synthetic data: a deterministic workbook writer and the scenarios behind samples/.

    from rehabstat.synth import write_month, son_la_2021
    for book in son_la_2021():
        write_month(f"out/{book.period}.xlsx", book)            # or style="messy"
"""
from .model import CensusRow, Event, MonthBook, TargetRow
from .scenarios import ha_noi_2021_h1, nam_dinh_targets_2019, son_la_2021, son_la_targets_2022
from .writer import write_month, write_targets

__all__ = [
    "CensusRow", "Event", "MonthBook", "TargetRow",
    "write_month", "write_targets",
    "son_la_2021", "ha_noi_2021_h1", "nam_dinh_targets_2019", "son_la_targets_2022",
]
