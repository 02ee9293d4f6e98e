"""National-scale synthetic data: about 100 facilities in the 63 provinces, 12 months.

    from rehabstat.synth.national import generate_national
    generate_national("bench-data")                 # ~250.000 event rows, ~1.200 workbooks
    generate_national("bench-small", scale=0.1)     # same facilities and months, 1/10 of the rows

    generate_national("bench-3y", year=2018, years=3)  # 2018-2020 as one history: bench-3y/year-2018 ...

    python -m rehabstat.synth.national OUT_DIR [--scale 0.1] [--seed 2021] [--jobs 2] [--year 2018 --years 3]

Test and benchmark data, not a product list: the 63 provinces are those before 2025, the
facilities, their sizes and every person are made up.

Every person follows a planned trajectory (admission, category changes, escapes and
recaptures, transfers within the province, discharge, death...) played by the
:class:`~rehabstat.synth.ledger.Ledger`, which refuses any impossible step; the census rows
come from the ledger's stock and flow, so every identity of the input contract holds
(stock and flow, continuity from month to month, present + absent = closing, totals rows).
About a quarter of the facilities keep no register and write aggregated rows
(``Số lượng``); about a third write their workbooks in the "messy" style clerks produce.

Determinism: one ``random.Random`` per province, seeded from ``seed`` and the province's
index, so the bytes do not depend on the number of worker processes.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import random
import sys
import time
import unicodedata
from dataclasses import asdict, dataclass
from pathlib import Path

from ..common.periods import month_end
from .ledger import Ledger, few_absent, make_books_span

# The 63 provinces and cities before the 2025 merger: name, code prefix, weight (roughly
# the size of the drug-rehabilitation work: population and drug situation).
PROVINCES: tuple[tuple[str, str, float], ...] = (
    ("Hà Nội", "HN", 9.0), ("Hồ Chí Minh", "HCM", 9.0), ("Hải Phòng", "HP", 3.0), ("Đà Nẵng", "DNG", 1.5),
    ("Cần Thơ", "CT", 1.5), ("An Giang", "AG", 1.5), ("Bà Rịa - Vũng Tàu", "VT", 1.5), ("Bắc Giang", "BG", 1.5),
    ("Bắc Kạn", "BK", 0.6), ("Bạc Liêu", "BL", 0.8), ("Bắc Ninh", "BN", 1.2), ("Bến Tre", "BTR", 1.0),
    ("Bình Định", "BDI", 1.2), ("Bình Dương", "BDU", 2.0), ("Bình Phước", "BP", 1.0), ("Bình Thuận", "BTH", 1.0),
    ("Cà Mau", "CM", 0.9), ("Cao Bằng", "CB", 0.8), ("Đắk Lắk", "DLK", 1.4), ("Đắk Nông", "DNO", 0.7),
    ("Điện Biên", "DB", 2.0), ("Đồng Nai", "DNA", 2.5), ("Đồng Tháp", "DT", 1.0), ("Gia Lai", "GL", 1.1),
    ("Hà Giang", "HG", 0.9), ("Hà Nam", "HNA", 0.8), ("Hà Tĩnh", "HT", 1.0), ("Hải Dương", "HD", 1.3),
    ("Hậu Giang", "HGI", 0.7), ("Hòa Bình", "HB", 1.1), ("Hưng Yên", "HY", 1.0), ("Khánh Hòa", "KH", 1.3),
    ("Kiên Giang", "KG", 1.2), ("Kon Tum", "KT", 0.6), ("Lai Châu", "LC", 0.9), ("Lâm Đồng", "LD", 1.1),
    ("Lạng Sơn", "LS", 1.3), ("Lào Cai", "LCA", 1.1), ("Long An", "LA", 1.2), ("Nam Định", "ND", 1.2),
    ("Nghệ An", "NA", 3.0), ("Ninh Bình", "NB", 0.9), ("Ninh Thuận", "NT", 0.7), ("Phú Thọ", "PT", 1.1),
    ("Phú Yên", "PY", 0.8), ("Quảng Bình", "QB", 0.8), ("Quảng Nam", "QNA", 1.1), ("Quảng Ngãi", "QNG", 1.0),
    ("Quảng Ninh", "QN", 2.0), ("Quảng Trị", "QT", 0.7), ("Sóc Trăng", "ST", 0.9), ("Sơn La", "SL", 2.5),
    ("Tây Ninh", "TNI", 1.0), ("Thái Bình", "TB", 1.0), ("Thái Nguyên", "TNG", 1.5), ("Thanh Hóa", "TH", 2.5),
    ("Thừa Thiên Huế", "TTH", 1.0), ("Tiền Giang", "TG", 1.1), ("Trà Vinh", "TV", 0.8), ("Tuyên Quang", "TQ", 0.9),
    ("Vĩnh Long", "VL", 0.9), ("Vĩnh Phúc", "VP", 1.0), ("Yên Bái", "YB", 0.9),
)
CITIES = ("Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ")

# Sizes (people held at the start of the year) at scale 1, tuned so that the default set
# holds about 250.000 event rows.
SIZE_MEDIAN = {"cs": 690, "tn": 185, "met": 470}
SIZE_SIGMA = 0.5
KIND_SHARES = (("cs", 0.45), ("tn", 0.25), ("met", 0.30))  # of the facilities beyond one per province
AGGREGATED_SHARE = 0.25
MESSY_SHARE = 0.33
# admissions' seasonality: Tết in February, the COVID-19 wave from July to September 2021
SEASON = (1.05, 0.75, 1.15, 1.15, 1.1, 0.95, 0.8, 0.7, 0.8, 1.05, 1.2, 1.2)

NOTE_COURT = "Có quyết định của Tòa án"
NOTE_WAIT = "Chờ Tòa án xem xét quyết định"
NOTE_POLICE = "Bàn giao cơ quan Công an"
NOTE_RECAPTURE = "Bắt lại sau trốn"
NOTE_FAMILY = "Gia đình xin về"


@dataclass
class Facility:
    unit: str
    name: str
    province: str
    kind: str  # cs (public, compulsory and more) | tn (voluntary) | met (Methadone clinic)
    size: int  # people held at the start of the year, at scale 1
    categories: list
    aggregated: bool
    messy: bool
    messy_month: int  # a clean facility may still send one messy month (0: none)
    folder: str  # relative to the output folder


# ---------------------------------------------------------------- plan


def slug(text: str) -> str:
    s = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    return "-".join(w for w in "".join(ch if ch.isalnum() else " " for ch in s).split())


def _facility_name(kind: str, province: str, n_kind: int) -> str:
    where = f"thành phố {province}" if province in CITIES else f"tỉnh {province}"
    number = f" số {n_kind}" if n_kind > 1 else ""
    if kind == "cs":
        return f"Cơ sở Cai nghiện ma túy{number} {where}"
    if kind == "tn":
        return f"Cơ sở Cai nghiện ma túy tự nguyện{number} {where}"
    return f"Cơ sở Điều trị Methadone{number} {where}"


def plan_facilities(facilities: int = 100, provinces: int = 63, seed: int = 2021) -> list[Facility]:
    """Which facilities, where, how big: one per province first, the rest by weight."""
    rng = random.Random(seed)
    chosen = list(PROVINCES)
    if provinces < len(chosen):
        chosen = sorted(rng.sample(chosen, provinces), key=PROVINCES.index)
    if facilities < len(chosen):
        chosen = chosen[:facilities]
    kinds: dict[str, list[str]] = {name: ["cs"] for name, _, _ in chosen}
    weights = [w for _, _, w in chosen]
    for _ in range(facilities - len(chosen)):
        name = rng.choices(chosen, weights=weights)[0][0]
        r, acc = rng.random(), 0.0
        for kind, share in KIND_SHARES:
            acc += share
            if r < acc:
                break
        kinds[name].append(kind)
    out: list[Facility] = []
    for name, prefix, weight in chosen:
        counts: dict[str, int] = {}
        for i, kind in enumerate(kinds[name], start=1):
            counts[kind] = counts.get(kind, 0) + 1
            size = SIZE_MEDIAN[kind] * math.exp(rng.gauss(0, SIZE_SIGMA)) * (0.75 + 0.25 * min(weight, 3.0))
            size = int(min(max(size, SIZE_MEDIAN[kind] / 4), SIZE_MEDIAN[kind] * 4))
            if kind == "cs":
                cats = ["BB", "TN", "HTCC", "XDTTN", "LTTT"] + (["MET"] if rng.random() < 0.3 else [])
            elif kind == "tn":
                cats = ["TN", "HTCC"]
            else:
                cats = ["MET"]
            aggregated = rng.random() < AGGREGATED_SHARE
            messy = rng.random() < MESSY_SHARE
            messy_month = rng.randint(1, 12) if not messy and rng.random() < 0.2 else 0
            unit = f"{prefix}{i:02d}"
            out.append(Facility(unit, _facility_name(kind, name, counts[kind]), name, kind, size, cats,
                                aggregated, messy, messy_month, f"{slug(name)}/{unit}"))
    return out


# ---------------------------------------------------------------- people


class _Province:
    """Plans every person's trajectory in one province, then plays them on a Ledger."""

    def __init__(self, facilities: list[Facility], seed: int, year: int, months: int, scale: float, years: int = 1):
        self.fac = facilities
        self.rng = random.Random(seed)
        self.ledger = Ledger(random.Random(seed + 1))
        self.ids_seed = seed + 2
        self.absent_seed = seed + 3
        self.fig_seed = seed + 4
        self.year = year
        self.last_year = year + years - 1
        # one simulation over every month of the years: the people held on 31 December are
        # those of 1 January, and a stay may run on into the next year
        self.periods = [(y, m) for y in range(year, self.last_year + 1)
                        for m in range(1, (months if y == self.last_year else 12) + 1)]
        self.start = dt.date(year, 1, 1)
        self.end = month_end(*self.periods[-1])
        self.scale = scale

    # -- helpers
    def _n(self, x: float) -> int:
        """Stochastic rounding: the expectation stays x, so 1/10 of the scale gives 1/10 of the rows."""
        base = int(x)
        return base + (1 if self.rng.random() < x - base else 0)

    def _after(self, cur: dt.date, days: float) -> dt.date:
        return cur + dt.timedelta(days=max(1, int(days)))

    def _hazard(self, cur: dt.date, rates: list[tuple[str, float]]) -> tuple[str | None, dt.date | None]:
        """The first of competing events (rates per year) after cur, or (None, None)."""
        best, when = None, None
        for event, rate in rates:
            if rate <= 0:
                continue
            t = self._after(cur, self.rng.expovariate(rate / 365.0))
            if when is None or t < when:
                best, when = event, t
        return best, when

    def _others(self, unit: str, cat: str) -> list[str]:
        return [f.unit for f in self.fac if f.unit != unit and cat in f.categories]

    # -- trajectories
    def walk(self, pid: str, unit: str, cat: str, cur: dt.date, exit_on: dt.date | None, moved: bool = False) -> None:
        """From cur (held in unit/cat) until the person leaves or the window ends."""
        L, rng, end = self.ledger, self.rng, self.end
        while True:
            rates = {
                "BB": [("TRON", 0.02), ("TU_VONG", 0.002), ("TAM_DINH_CHI", 0.005), ("CHUYEN_DI", 0.02)],
                "TN": [("TRON", 0.06), ("RA_KHAC", 0.08), ("CHUYEN_DI", 0.02)],
                "HTCC": [("TRON", 0.05)],
                "XDTTN": [],
                "LTTT": [("TRON", 0.03)],
                "MET": [("BO_DIEU_TRI", 0.18), ("RA_KHAC", 0.05), ("CHUYEN_DI", 0.04), ("TU_VONG", 0.01)],
            }[cat]
            event, when = self._hazard(cur, rates)
            if exit_on is not None and exit_on <= cur:
                exit_on = self._after(cur, 1)
            if exit_on is not None and (when is None or exit_on <= when):
                event, when = "EXIT", exit_on
            if when is None or when > end:
                return
            if event == "EXIT":
                self._exit(pid, unit, cat, when)
                return
            if event == "TRON":
                L.plan(when, unit, cat, "TRON", pid=pid)
                back = self._after(when, rng.randint(7, 90))
                if rng.random() < 0.5 or back > end:
                    return  # never recaptured (in the window)
                L.plan(back, unit, cat, "BAT_LAI", pid=pid, note=NOTE_RECAPTURE)
                cur = back
                if exit_on is not None:
                    exit_on = max(exit_on, self._after(back, 30))
                continue
            if event == "CHUYEN_DI":
                others = self._others(unit, cat)
                if others and not moved:
                    to = others[rng.randrange(len(others))]
                    L.plan(when, unit, cat, "CHUYEN_DI", pid=pid, to_unit=to, note=f"Chuyển sang {to}")
                    unit, cur, moved = to, when, True
                    continue
                if cat != "MET":  # nowhere to go in the province: stays
                    cur = when
                    continue
                if len(self.fac) > 1:  # a transfer out of a province with several facilities would look unmatched
                    L.plan(when, unit, cat, "RA_KHAC", pid=pid, note="Chuyển điều trị ngoại trú")
                else:
                    L.plan(when, unit, cat, "CHUYEN_DI", pid=pid, note="Chuyển cơ sở điều trị khác")
                return
            note = NOTE_POLICE if event == "TAM_DINH_CHI" else NOTE_FAMILY if event == "RA_KHAC" and cat == "TN" else ""
            L.plan(when, unit, cat, event, pid=pid, note=note)
            return

    def _exit(self, pid: str, unit: str, cat: str, when: dt.date) -> None:
        """The planned end of a stay: home, or on to another category."""
        L, rng = self.ledger, self.rng
        if cat == "LTTT":
            if rng.random() < 0.05:
                L.plan(when, unit, cat, "RA_KHAC", pid=pid, note="Tòa án không áp dụng biện pháp")
                return
            L.plan(when, unit, cat, "CHUYEN_DIEN", pid=pid, new_category="BB", note=NOTE_COURT)
            self.walk(pid, unit, "BB", when, self._after(when, rng.randint(300, 730)))
            return
        has_lttt = "LTTT" in self._cats(unit)
        if cat in ("XDTTN", "HTCC") and has_lttt and rng.random() < (0.12 if cat == "XDTTN" else 0.1):
            L.plan(when, unit, cat, "CHUYEN_DIEN", pid=pid, new_category="LTTT", note=NOTE_WAIT)
            self.walk(pid, unit, "LTTT", when, self._after(when, rng.randint(20, 50)))
            return
        if cat == "HTCC" and "TN" in self._cats(unit) and rng.random() < 0.05:
            L.plan(when, unit, cat, "CHUYEN_DIEN", pid=pid, new_category="TN", note="Tự nguyện ở lại cai nghiện")
            self.walk(pid, unit, "TN", when, self._after(when, rng.randint(150, 365)))
            return
        L.plan(when, unit, cat, "HOAN_THANH", pid=pid)

    def _cats(self, unit: str) -> list[str]:
        return next(f.categories for f in self.fac if f.unit == unit)

    def stay(self, cat: str) -> int:
        lo, hi = {"BB": (365, 730), "TN": (150, 365), "HTCC": (7, 21), "XDTTN": (3, 10), "LTTT": (20, 50),
                  "MET": (0, 0)}[cat]
        return self.rng.randint(lo, hi)

    # -- a facility
    def populate(self, f: Facility) -> None:
        L, rng, s = self.ledger, self.rng, f.size * self.scale
        if f.kind == "cs":
            stock = {"BB": s, "TN": 0.03 * s, "HTCC": 0.03 * s, "XDTTN": 0.01 * s, "LTTT": 0.03 * s, "MET": 0.12 * s}
            admit = {"BB": s / 30, "TN": 0.005 * s, "HTCC": 0.045 * s, "XDTTN": 0.05 * s, "LTTT": s / 45,
                     "MET": 0.003 * s}
        elif f.kind == "tn":
            stock = {"TN": s, "HTCC": 0.06 * s}
            admit = {"TN": s / 8, "HTCC": 0.2 * s}
        else:
            stock = {"MET": s}
            admit = {"MET": 0.026 * s}
        for cat in f.categories:  # the people held on 1 January, some of them for a long time
            for _ in range(self._n(stock[cat])):
                if cat == "MET":
                    since = self.start - dt.timedelta(days=rng.randint(15, 2500))
                    pid = L.open(f.unit, cat, since, f.unit)
                    self.walk(pid, f.unit, cat, self.start - dt.timedelta(days=1), None)
                    continue
                term = self.stay(cat)
                elapsed = rng.randint(1, max(1, term - 1))
                since = self.start - dt.timedelta(days=elapsed)
                pid = L.open(f.unit, cat, since, f.unit)
                self.walk(pid, f.unit, cat, self.start - dt.timedelta(days=1), since + dt.timedelta(days=term))
        for cat in f.categories:  # admissions month by month
            for y, m in self.periods:
                last = month_end(y, m).day
                n = self._n(admit[cat] * SEASON[m - 1] * rng.uniform(0.85, 1.15))
                for d in sorted(dt.date(y, m, rng.randint(1, last)) for _ in range(n)):
                    pid = L.admit(d, f.unit, cat, f.unit)
                    self.walk(pid, f.unit, cat, d, None if cat == "MET" else self._after(d, self.stay(cat)))

    # -- books
    def books(self):
        for f in self.fac:
            self.populate(f)
        self.ledger.run()
        ids = self.ledger.final_ids(random.Random(self.ids_seed), self.year, self.last_year)
        arng = random.Random(self.absent_seed)
        frng = random.Random(self.fig_seed)
        out = []
        for f in self.fac:
            def absent(m: int, cat: str, closing: int) -> int:
                hi = max(1, closing // 150) if cat != "MET" else max(0, closing // 300)
                return few_absent(arng, closing, 0, hi)
            books = make_books_span(self.ledger, f.unit, f.name, f.province, f.categories, self.periods, ids,
                                    f.aggregated, absent, {})
            for b in books:
                b.figures = _figures(frng, f, b)
            out.append((f, books))
        return out


def _figures(rng: random.Random, f: Facility, book) -> list[tuple[str, int]]:
    """The month's SoLieu, in proportion to the people held and admitted."""
    held = sum(r.closing for r in book.census.values())
    adm = sum(e.count for e in book.events if e.event == "TIEP_NHAN")
    if held == 0 and adm == 0:
        return []
    u = lambda lo, hi: rng.uniform(lo, hi)  # noqa: E731
    hiv = int(held * 0.07)
    figs = [("KHAM_BENH", int(held * u(2.0, 3.0))), ("XN_HIV", int(adm * u(0.8, 1.0))),
            ("HIV_QUAN_LY", hiv), ("DIEU_TRI_ARV", int(hiv * u(0.9, 1.0)))]
    if f.kind == "met":
        return figs + [("TU_VAN_BUOI", rng.randint(2, 8)), ("TU_VAN_LUOT", int(held * u(0.2, 0.5)))]
    figs += [("DIEU_TRI_BENH", int(held * u(0.6, 0.9))), ("SANG_LOC_LAO", int(adm * u(0.6, 0.9))),
             ("MAU_DOM_LAO", int(adm * u(0.03, 0.08)))]
    for prefix, sessions, per in (("GIAO_DUC", (15, 30), (0.8, 1.0)), ("TU_VAN", (1, 4), (0.3, 0.6)),
                                  ("REN_LUYEN", (15, 28), (0.8, 1.0))):
        figs += [(f"{prefix}_BUOI", rng.randint(*sessions)), (f"{prefix}_LUOT", int(held * u(*per)))]
    figs += [("THAM_GAP", int(held * u(0.1, 0.3))), ("VI_PHAM", int(held * u(0.0, 0.02))),
             ("THAM_LAU", rng.randint(0, 3))]
    if book.month in (4, 10):
        figs += [("DAY_NGHE_LOP", 1), ("DAY_NGHE", int(held * u(0.03, 0.08)))]
    if book.month in (6, 12):
        figs += [("CHUNG_CHI", int(held * u(0.03, 0.07))), ("TU_VAN_VIEC_LAM", int(held * u(0.05, 0.1)))]
    if f.kind == "cs":
        revenue = int(held * u(2_500, 4_000)) * 100
        figs += [("DOANH_THU", revenue), ("CHI_PHI", int(revenue * u(0.55, 0.75)) // 100 * 100)]
    return figs


# ---------------------------------------------------------------- writing


def year_folder(out_dir, year: int) -> Path:
    """Where one year of a history of several years is written: out_dir/year-<Y>."""
    return Path(out_dir) / f"year-{year}"


def _province_job(job: tuple) -> list[list[dict]]:
    """The province's workbooks, and each facility's figures per year (one list per year)."""
    from .writer import write_month
    out_dir, facilities, seed, year, months, scale, years = job
    stats: list[list[dict]] = [[] for _ in range(years)]
    for f, books in _Province(facilities, seed, year, months, scale, years).books():
        for i in range(years):
            mine = [b for b in books if b.year == year + i]
            where = Path(out_dir) if years == 1 else year_folder(out_dir, year + i)
            rows = 0
            for b in mine:
                style = "messy" if f.messy or b.month == f.messy_month else "clean"
                write_month(where / f.folder / f"{b.period}.xlsx", b, style)
                rows += len(b.events)
            stats[i].append({**asdict(f), "rows": rows, "events": sum(e.count for b in mine for e in b.events),
                             "files": len(mine)})
    return stats


def generate_national(out_dir, facilities: int = 100, provinces: int = 63, months: int = 12, year: int = 2021,
                      seed: int = 2021, scale: float = 1.0, jobs: int | None = None, years: int = 1) -> dict:
    """Write the workbooks under out_dir/<province>/<facility>/<year>-<month>.xlsx and a
    manifest out_dir/national.json; returns the manifest.

    ``years`` > 1: one continuous history of the years year .. year+years-1 (the last one
    with ``months`` months, the others whole): the same people, registers and stocks run on
    across the year boundaries (a January opens with the December before's closing, a
    learner admitted one year may leave the next, a learner id is never given twice). Each
    year is written to out_dir/year-<Y>/ with its own national.json (holding
    ``"history": {"first": year, "years": years}``), so each folder is a national year on
    its own; returns {"first", "years", "files", "by_year": [the manifests]}."""
    if not 1 <= months <= 12:
        raise ValueError("months must be 1..12")
    if years < 1:
        raise ValueError("years must be >= 1")
    out_dir = Path(out_dir)
    plan = plan_facilities(facilities, provinces, seed)
    groups: dict[str, list[Facility]] = {}
    for f in plan:
        groups.setdefault(f.province, []).append(f)
    jobs_list = [(str(out_dir), fac, seed * 1000 + PROVINCES.index(next(p for p in PROVINCES if p[0] == name)) * 7,
                  year, months, scale, years) for name, fac in groups.items()]
    jobs = jobs or os.cpu_count() or 1
    if jobs <= 1 or len(jobs_list) < 4:
        results = [_province_job(j) for j in jobs_list]
    else:
        from concurrent.futures import ProcessPoolExecutor
        big_first = sorted(range(len(jobs_list)), key=lambda i: -sum(f.size for f in jobs_list[i][1]))
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            done = dict(zip(big_first, pool.map(_province_job, [jobs_list[i] for i in big_first])))
        results = [done[i] for i in range(len(jobs_list))]
    manifests = []
    for i in range(years):
        stats = [s for r in results for s in r[i]]
        manifest = {"year": year + i, "months": months if i == years - 1 else 12, "seed": seed, "scale": scale,
                    "facilities": len(stats), "provinces": len(groups),
                    "files": sum(s["files"] for s in stats), "rows": sum(s["rows"] for s in stats),
                    "events": sum(s["events"] for s in stats),
                    "aggregated": sum(1 for s in stats if s["aggregated"]), "messy": sum(1 for s in stats if s["messy"])}
        if years > 1:
            manifest["history"] = {"first": year, "years": years}
        manifest["units"] = stats
        where = out_dir if years == 1 else year_folder(out_dir, year + i)
        where.mkdir(parents=True, exist_ok=True)
        (where / "national.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n",
                                             encoding="utf-8")
        manifests.append(manifest)
    if years == 1:
        return manifests[0]
    return {"first": year, "years": years, "files": sum(m["files"] for m in manifests), "by_year": manifests}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m rehabstat.synth.national",
                                 description="Write national-scale synthetic monthly workbooks (test/benchmark data).")
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--scale", type=float, default=1.0, help="share of the events (0.1: a tenth); default 1")
    ap.add_argument("--facilities", type=int, default=100)
    ap.add_argument("--provinces", type=int, default=63)
    ap.add_argument("--months", type=int, default=12)
    ap.add_argument("--year", type=int, default=2021, help="the (first) year")
    ap.add_argument("--years", type=int, default=1,
                    help="several consecutive years as one continuous history, one folder OUT_DIR/year-<Y> each")
    ap.add_argument("--seed", type=int, default=2021)
    ap.add_argument("--jobs", type=int, default=None, help="worker processes (default: every core)")
    a = ap.parse_args(argv)
    t0 = time.perf_counter()
    got = generate_national(a.out_dir, a.facilities, a.provinces, a.months, a.year, a.seed, a.scale, a.jobs, a.years)
    vn = lambda n: f"{n:,}".replace(",", ".")  # noqa: E731
    for m in got.get("by_year", [got]):
        where = a.out_dir if a.years == 1 else year_folder(a.out_dir, m["year"])
        print(f"{m['files']} workbooks, {m['facilities']} facilities in {m['provinces']} provinces, "
              f"{vn(m['rows'])} event rows ({vn(m['events'])} events), {m['aggregated']} aggregated, "
              f"{m['messy']} messy; {time.perf_counter() - t0:.1f} s -> {where}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
