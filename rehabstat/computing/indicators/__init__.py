"""Indicators: everything downstream reads the one tidy table computed here.

The engine (pandas) is imported on first use of one of its names, so that importing
``rehabstat.computing.indicators.revenue`` stays cheap."""
from .revenue import DEFAULT_SPLIT, largest_remainder, split_surplus  # noqa: F401

_ENGINE = ("COLUMNS", "LEVELS", "NATION", "compute", "facility_table", "in_period", "value")
__all__ = list(_ENGINE) + ["DEFAULT_SPLIT", "largest_remainder", "split_surplus"]


def __getattr__(name):
    if name in _ENGINE:
        from . import engine
        return getattr(engine, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
