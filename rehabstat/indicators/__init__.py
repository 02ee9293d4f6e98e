"""Indicators: everything downstream reads the one tidy table computed here."""
from .engine import COLUMNS, LEVELS, NATION, compute, facility_table, value  # noqa: F401
from .revenue import DEFAULT_SPLIT, largest_remainder, split_surplus  # noqa: F401
