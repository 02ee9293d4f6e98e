"""The 2025 merger sample: facilities of Hà Nam, Nam Định and Ninh Bình over 2025.

On 01/07/2025 the three provinces became tỉnh Ninh Bình (Nghị quyết 202/2025/QH15). The
workbooks say so the way clerks do: Hà Nam's facility writes "Ninh Bình" from July,
Ninh Bình's writes "Tỉnh Ninh Bình", and Nam Định's keeps writing "Nam Định" all year
(read and mapped, warning G002). Deadlines and timeliness ride along: each workbook has a
"Ngày gửi" (sent between the 3rd and the 12th of the next month, due on the 15th), except
NB01's March, sent on 28/04/2025 (13 days late), and HNA01's January, which has none
(received, timeliness unknown). Every month is there (the tests drop one to see it missing).

Deterministic: one seed, the people played by the ledger of synth/national.py.
"""
from __future__ import annotations

import datetime as dt
import random

from .national import Facility, _Province

YEAR = 2025
CATEGORIES = ["BB", "TN", "HTCC", "XDTTN", "LTTT"]
FACILITIES = (
    # unit, name, province (as written before July), size (people held on 1 January), aggregated rows
    ("HNA01", "Cơ sở Cai nghiện ma túy tỉnh Hà Nam", "Hà Nam", 40, False),
    ("ND01", "Cơ sở Cai nghiện ma túy số 2 tỉnh Nam Định", "Nam Định", 60, True),
    ("NB01", "Cơ sở Cai nghiện ma túy tỉnh Ninh Bình", "Ninh Bình", 50, False),
)
LATE = {("NB01", 3): dt.date(YEAR, 4, 28)}  # due 15/04/2025
NO_SENT_DATE = {("HNA01", 1)}


def ninh_binh_2025():
    """[(folder, MonthBook)] for the three facilities, January to December 2025."""
    facilities = [Facility(unit, name, province, "cs", size, list(CATEGORIES), aggregated, False, 0, unit)
                  for unit, name, province, size, aggregated in FACILITIES]
    rng = random.Random(202507)
    out = []
    for f, books in _Province(facilities, seed=202501, year=YEAR, months=12, scale=1.0).books():
        for book in books:
            if book.month >= 7 and f.unit == "HNA01":
                book.province = "Ninh Bình"
            elif f.unit == "NB01":
                book.province = "Tỉnh Ninh Bình"
            y, m = (YEAR + 1, 1) if book.month == 12 else (YEAR, book.month + 1)
            sent = dt.date(y, m, rng.randint(3, 12))
            book.prepared_on = sent - dt.timedelta(days=1)
            book.sent_on = None if (f.unit, book.month) in NO_SENT_DATE else LATE.get((f.unit, book.month), sent)
            out.append((f.unit, book))
    return out
