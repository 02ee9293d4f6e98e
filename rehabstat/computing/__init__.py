"""Compute: the one indicator table (indicators/engine.py), revenue and its split,
reporting rates (timeliness.py), targets, comparisons with earlier periods.

    compare.py      earlier periods (previous, same period last year) and their figures
    indicators/     <- where a figure is computed: engine.py (Dataset + Period -> tidy table), revenue.py
    targets.py      the targets workbook (ChiTieu): read, compare with results
    timeliness.py   due dates, days late, reporting rate and rate on time
"""
