"""Deterministic scenarios: the published figures of the seeds, rebuilt as monthly workbooks.

* :func:`son_la_2021` -- the Sơn La provincial facility, 12 months of 2021, person-level,
  reproducing every figure of seed 000 (carryover, admissions, discharges, escapes,
  Methadone, medical, education, vocational, labour revenue).
* :func:`ha_noi_2021_h1` -- the 7 Hà Nội facilities, January to June 2021, reproducing
  seed 004 (3.121 managed at the end of June: 3.105 present by category + 16 absent;
  126 fewer than at the end of March).
* :func:`nam_dinh_targets_2019`, :func:`son_la_targets_2022` -- targets workbooks.

Each scenario uses its own ``random.Random(seed)``; nothing global, nothing from the clock.

Domain decisions (see the report of the synth work):
* Sơn La's category changes go XĐTTN/HTCC -> LTTT (pending the court's decision)
  -> BB 3-8 weeks later, as ``CHUYEN_DIEN`` rows. They move no learner in or out, so the
  published admissions and discharges per category are untouched and HV still closes at
  1.477 = 1.659 + 1.658 - 1.816 - 26 + 6 - 4. One XĐTTN and 59 HTCC learners take that
  road; all have reached BB by 31/12, so LTTT closes at 0.
* The 26 escapes are by 23 persons: 3 BB learners escape, are recaptured and escape
  again; 2 more BB learners and 1 TN learner are recaptured once (6 recaptures); 17 are
  never recaptured. Every recapture follows that person's escape.
* Closing 31/12/2021: BB 1.468, TN 6, HTCC 3, XĐTTN 0, LTTT 0 (HV 1.477), MET 68.
"""
from __future__ import annotations

import datetime as dt
import random

from rehabstat.common.codes import ALL_CATEGORIES, EVENT_TYPES, FIGURES

from .ledger import Ledger, apportion, few_absent, make_books, random_day
from .model import CensusRow, Event, MonthBook, ProvinceBook, TargetRow

YEAR = 2021
MONTHS = list(range(1, 13))

SL_UNIT = "SL01"
SL_NAME = "Cơ sở Điều trị nghiện ma túy tỉnh Sơn La"
SL_PROVINCE = "Sơn La"

HN_PROVINCE = "Hà Nội"
HN_UNITS = tuple(f"HN{i:02d}" for i in range(1, 8))
HN_NAMES = {u: f"Cơ sở Cai nghiện ma túy số {i} Hà Nội" for i, u in enumerate(HN_UNITS, start=1)}
HN_AGGREGATED = ("HN01", "HN03", "HN06")  # facilities that keep no register: aggregated rows

# seed 004: present at the end of June 2021 per facility and category, and the 16 absent
HN_PRESENT_JUNE = {
    "HN01": {"BB": 420, "LTTT": 22},
    "HN02": {"BB": 310, "TN": 150},
    "HN03": {"TN": 260, "MET": 110},
    "HN04": {"BB": 385, "LTTT": 30},
    "HN05": {"BB": 300, "TN": 120, "MET": 80},
    "HN06": {"TN": 298, "HTCC": 3},
    "HN07": {"BB": 500, "TN": 90, "LTTT": 27},
}
HN_ABSENT_JUNE = {
    "HN01": {"BB": 3}, "HN02": {"BB": 2, "TN": 1}, "HN04": {"BB": 3},
    "HN05": {"BB": 2}, "HN06": {"TN": 2}, "HN07": {"BB": 3},
}
HN_CLOSING_MARCH = 3247

# admissions' seasonality: Tết in February, the COVID-19 wave from July to September 2021
SL_SEASON = [1.15, 0.75, 1.25, 1.3, 1.15, 0.7, 0.35, 0.2, 0.3, 0.95, 1.3, 1.2]


def _d(month: int, day: int, year: int = YEAR) -> dt.date:
    return dt.date(year, month, day)


def _noisy(rng: random.Random, weights: list[float], k: float = 0.12) -> list[float]:
    return [w * (1 + rng.uniform(-k, k)) for w in weights]


def _dates_between(rng: random.Random, n: int, start: dt.date, end: dt.date) -> list[dt.date]:
    span = (end - start).days
    return sorted(start + dt.timedelta(days=rng.randint(0, span)) for _ in range(n))


def _plus(d: dt.date, days: int, cap: dt.date) -> dt.date:
    return min(d + dt.timedelta(days=days), cap)


# ====================================================================== Sơn La 2021


def son_la_2021() -> list[MonthBook]:
    rng = random.Random(2021_000)
    L = Ledger(random.Random(2021_001))
    U, NS = SL_UNIT, "SL"
    dec31 = _d(12, 31)

    def opening(cat: str, n: int, start: dt.date, end: dt.date) -> list[str]:
        return [L.open(U, cat, d, NS) for d in _dates_between(rng, n, start, end)]

    # carryover from 2020 (seed 000): TN 21, BB 1.586, HTCC 37, XĐTTN 15; MET 90
    bb0 = opening("BB", 1586, _d(1, 2, 2019), _d(12, 28, 2020))
    tn0 = opening("TN", 21, _d(6, 1, 2020), _d(12, 28, 2020))
    htcc0 = opening("HTCC", 37, _d(12, 12, 2020), _d(12, 30, 2020))
    xd0 = opening("XDTTN", 15, _d(12, 20, 2020), _d(12, 30, 2020))
    opening("MET", 90, _d(6, 1, 2017), _d(12, 28, 2020))

    def admissions(cat: str, total: int, weights: list[float], last_day: int | None = None) -> list[tuple[dt.date, str]]:
        out = []
        for m, n in zip(MONTHS, apportion(total, weights)):
            for day in sorted(random_day(rng, YEAR, m, last=last_day if m == 12 else None) for _ in range(n)):
                out.append((day, L.admit(day, U, cat, NS)))
        return out

    # admissions 2021: BB 692, TN 12, XĐTTN 469, HTCC 485 (1.658); MET 52
    bb_in = admissions("BB", 692, _noisy(rng, SL_SEASON))
    tn_in = admissions("TN", 12, [2, 0, 2, 1, 2, 0, 0, 0, 0, 2, 2, 1])
    xd_in = admissions("XDTTN", 469, _noisy(rng, SL_SEASON), last_day=27)
    htcc_in = admissions("HTCC", 485, _noisy(rng, SL_SEASON), last_day=27)
    admissions("MET", 52, _noisy(rng, [5, 3, 6, 6, 5, 3, 2, 2, 3, 6, 6, 5]))

    def to_bb_via_lttt(pid: str, cat: str, since: dt.date) -> None:
        change = since + dt.timedelta(days=rng.randint(3, 8))
        L.plan(change, U, cat, "CHUYEN_DIEN", pid=pid, new_category="LTTT", note="Chờ Tòa án xem xét quyết định")
        decided = _plus(change, rng.randint(20, 55), dec31)
        L.plan(decided, U, "LTTT", "CHUYEN_DIEN", pid=pid, new_category="BB", note="Có quyết định của Tòa án")

    # XĐTTN: every one goes home after 3-10 days, but one who goes to LTTT then BB
    for pid in xd0:
        L.plan(_d(1, rng.randint(2, 12)), U, "XDTTN", "HOAN_THANH", pid=pid)
    first_march = next(i for i, (d, _p) in enumerate(xd_in) if d.month == 3)
    for i, (since, pid) in enumerate(xd_in):
        if i == first_march:
            to_bb_via_lttt(pid, "XDTTN", since)
        else:
            L.plan(_plus(since, rng.randint(3, 10), dec31), U, "XDTTN", "HOAN_THANH", pid=pid)

    # HTCC: detox of 1-3 weeks; 59 go to LTTT then BB; the last 3 admitted are still held
    for pid in htcc0:
        L.plan(_d(1, rng.randint(2, 20)), U, "HTCC", "HOAN_THANH", pid=pid)
    staying = set(range(len(htcc_in) - 3, len(htcc_in)))
    eligible = [i for i, (d, _p) in enumerate(htcc_in) if d <= _d(11, 1) and i not in staying]
    to_lttt = set(rng.sample(eligible, 59))
    for i, (since, pid) in enumerate(htcc_in):
        if i in staying:
            continue
        if i in to_lttt:
            to_bb_via_lttt(pid, "HTCC", since)
        else:
            L.plan(_plus(since, rng.randint(7, 21), dec31), U, "HTCC", "HOAN_THANH", pid=pid)

    # escapes (26 events by 23 persons), recaptures (6), suspensions (4)
    young = bb0[-300:]
    chosen = rng.sample(young, 3 + 2 + 10 + 4)
    doubles, recaptured, singles, suspended = chosen[:3], chosen[3:5], chosen[5:15], chosen[15:]
    for pid, month in zip(doubles, (2, 4, 6)):
        e1 = random_day(rng, YEAR, month)
        back = e1 + dt.timedelta(days=rng.randint(15, 60))
        e2 = _plus(back, rng.randint(30, 120), _d(12, 28))
        L.plan(e1, U, "BB", "TRON", pid=pid)
        L.plan(back, U, "BB", "BAT_LAI", pid=pid, note="Bắt lại sau trốn")
        L.plan(e2, U, "BB", "TRON", pid=pid)
    for pid, month in zip(recaptured, (5, 8)):
        e = random_day(rng, YEAR, month)
        L.plan(e, U, "BB", "TRON", pid=pid)
        L.plan(e + dt.timedelta(days=rng.randint(10, 45)), U, "BB", "BAT_LAI", pid=pid, note="Quay lại sau trốn")
    for pid, month in zip(singles, (1, 1, 3, 4, 5, 7, 9, 10, 11, 12)):
        L.plan(random_day(rng, YEAR, month, last=28), U, "BB", "TRON", pid=pid)
    early = [(d, p) for d, p in bb_in if d <= _d(4, 30)]
    for since, pid in rng.sample(early, 6):
        L.plan(since + dt.timedelta(days=rng.randint(20, 150)), U, "BB", "TRON", pid=pid)
    for pid, day in zip(suspended, (_d(2, 23), _d(5, 12), _d(10, 6), _d(12, 9))):
        L.plan(day, U, "BB", "TAM_DINH_CHI", pid=pid, note="Bàn giao cơ quan Công an")
    tn_a, tn_b = tn0[-1], tn_in[0][1]
    L.plan(_d(3, 9), U, "TN", "TRON", pid=tn_a)
    L.plan(_d(4, 22), U, "TN", "BAT_LAI", pid=tn_a, note="Gia đình đưa trở lại")
    L.plan(_d(9, 14), U, "TN", "HOAN_THANH", pid=tn_a)
    L.plan(_d(10, 17), U, "TN", "TRON", pid=tn_b)

    # discharges on completion: BB 847 (the longest held first), TN 26 (25 + tn_a)
    for m, n in zip(MONTHS, apportion(847, _noisy(rng, [1.0] * 12, 0.1))):
        for _ in range(n):
            L.plan(random_day(rng, YEAR, m), U, "BB", "HOAN_THANH", min_stay=180)
    for m, n in zip(MONTHS, [3, 3, 3, 3, 3, 2, 1, 1, 1, 2, 2, 1]):
        for _ in range(n):
            L.plan(random_day(rng, YEAR, m), U, "TN", "HOAN_THANH", min_stay=150)

    # Methadone: out 74 = drop-out 50 + transferred 15 + other exits 9
    for event, total, note in (("BO_DIEU_TRI", 50, ""), ("CHUYEN_DI", 15, "Chuyển cơ sở điều trị khác"),
                               ("RA_KHAC", 9, "Ra khỏi chương trình")):
        for m, n in zip(MONTHS, apportion(total, _noisy(rng, [1.0] * 12, 0.3))):
            for _ in range(n):
                L.plan(random_day(rng, YEAR, m), U, "MET", event, pick="random", min_stay=14, note=note)

    L.run()
    ids = L.final_ids(random.Random(2021_002), YEAR)
    arng = random.Random(2021_003)
    ranges = {"BB": (3, 9), "TN": (0, 1), "HTCC": (0, 1), "MET": (0, 2)}

    def absent(m: int, cat: str, closing: int) -> int:
        lo, hi = ranges.get(cat, (0, 0))
        return few_absent(arng, closing, lo, hi)

    adm_by_month = [0] * 12
    for d, _p in bb_in + tn_in + xd_in + htcc_in:
        adm_by_month[d.month - 1] += 1
    figures = _son_la_figures(random.Random(2021_004), adm_by_month)
    books = make_books(L, U, SL_NAME, SL_PROVINCE, list(ALL_CATEGORIES), YEAR, MONTHS, ids, False, absent, figures)
    dec = books[-1].census
    assert sum(dec[c].closing for c in ALL_CATEGORIES if c != "MET") == 1477, "HV closing must be 1.477"
    assert dec["MET"].closing == 68
    return books


def _son_la_figures(rng: random.Random, adm: list[int]) -> dict[int, list[tuple[str, int]]]:
    """Monthly SoLieu whose year sums are seed 000's figures, exactly."""
    flat = _noisy(rng, [1.0] * 12, 0.1)
    covid = [1, 1, 1, 1, 1, 0.9, 0.8, 0.7, 0.8, 1, 1, 1]
    adm_w = [a + 5 for a in adm]
    v: dict[str, list[int]] = {}
    v["KHAM_BENH"] = apportion(40980, flat)
    v["DIEU_TRI_BENH"] = apportion(12699, _noisy(rng, flat, 0.1))
    v["SANG_LOC_LAO"] = apportion(824, _noisy(rng, adm_w, 0.1))
    v["MAU_DOM_LAO"] = apportion(97, _noisy(rng, adm_w, 0.3))
    v["XN_HIV"] = apportion(1180, _noisy(rng, adm_w, 0.1))
    v["HIV_QUAN_LY"] = [101, 100, 100, 99, 98, 98, 97, 97, 96, 95, 95, 94]
    v["DIEU_TRI_ARV"] = [99, 99, 98, 97, 97, 96, 96, 95, 94, 94, 93, 93]
    for prefix, buoi, luot in (("GIAO_DUC", 269, 16259), ("TU_VAN", 17, 775), ("REN_LUYEN", 263, 16180)):
        weights = [1, 2, 1, 2, 1, 2, 1, 1, 2, 1, 2, 1] if prefix == "TU_VAN" else [c * f for c, f in zip(covid, flat)]
        b = apportion(buoi, _noisy(rng, weights, 0.1))
        v[f"{prefix}_BUOI"] = b
        v[f"{prefix}_LUOT"] = apportion(luot, _noisy(rng, b, 0.08))
    v["DAY_NGHE_LOP"] = [0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 1, 0]
    v["DAY_NGHE"] = [0, 0, 0, 35, 0, 0, 0, 0, 0, 35, 35, 0]
    v["CHUNG_CHI"] = [0, 0, 0, 0, 0, 35, 0, 0, 0, 0, 0, 70]
    v["TU_VAN_VIEC_LAM"] = [0, 0, 0, 140, 0, 0, 0, 0, 0, 0, 133, 0]
    visits = [1, 0.8, 1, 1, 1, 0.9, 0, 0, 0, 1, 1, 0]  # family visits stopped in the COVID months
    v["THAM_GAP"] = apportion(2799, _noisy(rng, visits, 0.1))
    v["VI_PHAM"] = apportion(89, _noisy(rng, flat, 0.4))
    v["THAM_LAU"] = apportion(44, _noisy(rng, flat, 0.4))
    rev_w = _noisy(rng, [0.9, 0.6, 1, 1.1, 1.1, 1, 0.8, 0.7, 0.8, 1.1, 1.2, 1.2], 0.1)
    v["DOANH_THU"] = [x * 100 for x in apportion(5_122_732_200 // 100, rev_w)]
    v["CHI_PHI"] = [x * 100 for x in apportion(3_122_732_200 // 100, _noisy(rng, rev_w, 0.04))]
    assert all(r > c for r, c in zip(v["DOANH_THU"], v["CHI_PHI"]))
    return {m: [(code, v[code][m - 1]) for code in FIGURES if code in v] for m in MONTHS}


# ====================================================================== Hà Nội 2021 H1


def ha_noi_2021_h1() -> list[MonthBook]:
    rng = random.Random(2021_004_0)
    L = Ledger(random.Random(2021_004_1))
    months = list(range(1, 7))
    jun30 = _d(6, 30)
    target = {(u, c): n + HN_ABSENT_JUNE.get(u, {}).get(c, 0)
              for u in HN_UNITS for c, n in HN_PRESENT_JUNE[u].items()}
    cats = {u: [c for c in ALL_CATEGORIES if c in HN_PRESENT_JUNE[u]] for u in HN_UNITS}
    season = [1.0, 0.7, 1.1, 1.0, 0.6, 0.5]  # Tết; the COVID-19 wave from May 2021

    # -- LTTT: admitted pending the court's decision, to BB 2-6 weeks later (a few released)
    for u in ("HN01", "HN04", "HN07"):
        for since in _dates_between(rng, rng.randint(15, 25), _d(12, 5, 2020), _d(12, 30, 2020)):
            pid = L.open(u, "LTTT", since, u)
            when = max(since + dt.timedelta(days=rng.randint(20, 45)), _d(1, rng.randint(4, 12)))
            L.plan(when, u, "LTTT", "CHUYEN_DIEN",
                   pid=pid, new_category="BB", note="Có quyết định của Tòa án")
        people = []
        for m, base in zip(months, season):
            for _ in range(max(1, round(rng.randint(22, 32) * base))):
                people.append(random_day(rng, YEAR, m))
        people.sort()
        pids = [L.admit(d, u, "LTTT", u) for d in people]
        keep = target[(u, "LTTT")]
        released = set(rng.sample(range(len(people) - keep - 20), 2))
        for i, (since, pid) in enumerate(zip(people[:-keep], pids[:-keep])):
            if i in released:
                L.plan(since + dt.timedelta(days=rng.randint(5, 15)), u, "LTTT", "RA_KHAC", pid=pid,
                       note="Tòa án không áp dụng biện pháp")
                continue
            when = _plus(since, rng.randint(18, 45), jun30)
            assert when > since
            L.plan(when, u, "LTTT", "CHUYEN_DIEN", pid=pid, new_category="BB", note="Có quyết định của Tòa án")

    # -- HTCC at HN06: detox of 1-2 weeks; the last 3 admitted are still held at the end of June
    u = "HN06"
    for since in _dates_between(rng, 4, _d(12, 18, 2020), _d(12, 28, 2020)):
        pid = L.open(u, "HTCC", since, u)
        L.plan(_d(1, rng.randint(3, 12)), u, "HTCC", "HOAN_THANH", pid=pid)
    people = sorted(random_day(rng, YEAR, m) for m in months for _ in range(rng.randint(4, 9)))
    pids = [L.admit(d, u, "HTCC", u) for d in people]
    for since, pid in zip(people[:-3], pids[:-3]):
        when = _plus(since, rng.randint(7, 14), jun30)
        assert when > since
        L.plan(when, u, "HTCC", "HOAN_THANH", pid=pid)

    # -- counted flows of BB, TN, MET
    adm_base = {("HN01", "BB"): 10, ("HN02", "BB"): 28, ("HN04", "BB"): 8, ("HN05", "BB"): 24, ("HN07", "BB"): 12,
                ("HN02", "TN"): 20, ("HN03", "TN"): 32, ("HN05", "TN"): 15, ("HN06", "TN"): 38, ("HN07", "TN"): 12,
                ("HN03", "MET"): 6, ("HN05", "MET"): 4}
    out_base = {("HN02", "TN"): 22, ("HN03", "TN"): 36, ("HN05", "TN"): 17, ("HN06", "TN"): 42, ("HN07", "TN"): 14}
    for (u, c), base in adm_base.items():
        for m, f in zip(months, season):
            for _ in range(max(0, round(base * f * rng.uniform(0.8, 1.2)))):
                L.admit(random_day(rng, YEAR, m), u, c, u)
    for (u, c), base in out_base.items():
        for m in months:
            for _ in range(round(base * rng.uniform(0.85, 1.15))):
                L.plan(random_day(rng, YEAR, m), u, c, "HOAN_THANH", min_stay=90)
    for u, dropout, other in (("HN03", 3, 1), ("HN05", 2, 1)):
        for m in months:
            for _ in range(rng.randint(dropout - 1, dropout + 1)):
                L.plan(random_day(rng, YEAR, m), u, "MET", "BO_DIEU_TRI", pick="random", min_stay=14)
            for _ in range(rng.randint(0, other)):
                L.plan(random_day(rng, YEAR, m), u, "MET", "RA_KHAC", pick="random", min_stay=14,
                       note="Chuyển điều trị ngoại trú")

    # transfers between the Hà Nội facilities (same day at both ends)
    for day, src, dst, c, n in ((_d(2, 9), "HN01", "HN04", "BB", 12), (_d(3, 16), "HN07", "HN02", "BB", 8),
                                (_d(4, 20), "HN02", "HN06", "TN", 6), (_d(5, 12), "HN05", "HN03", "MET", 5),
                                (_d(6, 8), "HN06", "HN03", "TN", 10)):
        for _ in range(n):
            L.plan(day, src, c, "CHUYEN_DI", to_unit=dst, pick="random", min_stay=30, note=f"Chuyển sang {dst}")

    # escapes, recaptures, a suspension
    for day, u, c, ev in ((_d(1, 19), "HN01", "BB", "TRON"), (_d(2, 2), "HN01", "BB", "BAT_LAI"),
                          (_d(2, 14), "HN02", "BB", "TRON"), (_d(3, 3), "HN02", "BB", "BAT_LAI"),
                          (_d(4, 11), "HN06", "TN", "TRON"), (_d(5, 21), "HN07", "BB", "TRON"),
                          (_d(3, 25), "HN04", "BB", "TAM_DINH_CHI")):
        L.plan(day, u, c, ev, pick="random", min_stay=7,
               note="Bàn giao cơ quan Công an" if ev == "TAM_DINH_CHI" else "")

    # -- BB discharges: Q2's total is set so that March closes at 3.247 (seed 004: 126 more)
    effect = {"TIEP_NHAN": 1, "BAT_LAI": 1, "CHUYEN_DEN": 1}

    def total_effect(s) -> int:
        if s.event in ("CHUYEN_DIEN",) or (s.event == "CHUYEN_DI" and s.to_unit):
            return 0
        return effect.get(s.event, -1)

    net_q2_other = sum(total_effect(s) for s in L.slots if s.date.month >= 4)
    bb_units = [u for u in HN_UNITS if "BB" in HN_PRESENT_JUNE[u]]
    base_out = {"HN01": 40, "HN02": 40, "HN04": 32, "HN05": 34, "HN07": 45}
    q2_total = net_q2_other + (HN_CLOSING_MARCH - sum(target.values()))
    cells = [(u, m) for u in bb_units for m in (4, 5, 6)]
    q2 = apportion(q2_total, [base_out[u] * rng.uniform(0.85, 1.15) for u, _m in cells])
    counts = {cell: n for cell, n in zip(cells, q2)}
    for u in bb_units:  # discharges follow the terms served: Q1 about as many as Q2
        q2_mean = sum(counts[(u, m)] for m in (4, 5, 6)) / 3
        for m in (1, 2, 3):
            counts[(u, m)] = round(q2_mean * rng.uniform(0.9, 1.2))
    for u in bb_units:
        for m in months:
            for _ in range(counts[(u, m)]):
                L.plan(random_day(rng, YEAR, m), u, "BB", "HOAN_THANH", min_stay=150)

    # -- the opening stock of BB, TN, MET follows from the June census and the flows
    flow: dict[tuple, int] = {}
    for s in L.slots:
        if s.event == "CHUYEN_DIEN":
            flow[(s.unit, s.category)] = flow.get((s.unit, s.category), 0) - 1
            flow[(s.unit, s.new_category)] = flow.get((s.unit, s.new_category), 0) + 1
        elif s.event == "CHUYEN_DI" and s.to_unit:
            flow[(s.unit, s.category)] = flow.get((s.unit, s.category), 0) - 1
            flow[(s.to_unit, s.category)] = flow.get((s.to_unit, s.category), 0) + 1
        else:
            flow[(s.unit, s.category)] = flow.get((s.unit, s.category), 0) + effect.get(s.event, -1)
    start = {"BB": _d(6, 1, 2019), "TN": _d(6, 15, 2020), "MET": _d(3, 1, 2016)}
    for (u, c), t in target.items():
        if c in start:
            n0 = t - flow.get((u, c), 0)
            if n0 <= 0:
                raise ValueError(f"{u}/{c}: opening stock {n0}")
            for since in _dates_between(rng, n0, start[c], _d(12, 28, 2020)):
                L.open(u, c, since, u)

    L.run()
    ids = L.final_ids(random.Random(2021_004_2), YEAR)
    arng = random.Random(2021_004_3)
    ranges = {"BB": (0, 4), "TN": (0, 2), "MET": (0, 1)}
    figures = _ha_noi_figures(random.Random(2021_004_4), target)
    books: list[MonthBook] = []
    for u in HN_UNITS:
        def absent(m: int, c: str, closing: int, u=u) -> int:
            if m == 6:
                return HN_ABSENT_JUNE.get(u, {}).get(c, 0)
            lo, hi = ranges.get(c, (0, 0))
            return few_absent(arng, closing, lo, hi)

        books += make_books(L, u, HN_NAMES[u], HN_PROVINCE, cats[u], YEAR, months, ids,
                            u in HN_AGGREGATED, absent, figures[u])
    june = [b for b in books if b.month == 6]
    march = [b for b in books if b.month == 3]
    assert sum(r.closing for b in june for r in b.census.values()) == 3121
    assert sum(r.present for b in june for r in b.census.values()) == 3105
    assert sum(r.closing for b in march for r in b.census.values()) == HN_CLOSING_MARCH
    for b in june:
        assert {c: r.present for c, r in b.census.items()} == HN_PRESENT_JUNE[b.unit], b.unit
    return books


def _ha_noi_figures(rng: random.Random, target: dict) -> dict[str, dict[int, list[tuple[str, int]]]]:
    """Education and counselling per facility and month; Q2 sums are seed 004's figures."""
    size = {u: sum(n for (uu, _c), n in target.items() if uu == u) for u in HN_UNITS}
    codes = ("GIAO_DUC_BUOI", "GIAO_DUC_LUOT", "TU_VAN_BUOI", "TU_VAN_LUOT", "TU_VAN_VIEC_LAM")
    quarter_totals = {1: (372, 10650, 380, 5120, 352), 2: (384, 11078, 396, 5274, 380)}
    values: dict[tuple, dict[str, int]] = {}
    for q, totals in quarter_totals.items():
        cells = [(u, m) for u in HN_UNITS for m in range(3 * q - 2, 3 * q + 1)]
        w = [size[u] * rng.uniform(0.85, 1.15) for u, _m in cells]
        buoi_g = apportion(totals[0], w)
        luot_g = apportion(totals[1], _noisy(rng, buoi_g, 0.1))
        buoi_t = apportion(totals[2], _noisy(rng, w, 0.1))
        luot_t = apportion(totals[3], _noisy(rng, buoi_t, 0.1))
        viec = apportion(totals[4], _noisy(rng, w, 0.2))
        for i, cell in enumerate(cells):
            values[cell] = dict(zip(codes, (buoi_g[i], luot_g[i], buoi_t[i], luot_t[i], viec[i])))
    # seed 004's education and re-integration paragraph, Q2 sums exact; Q1 for the comparisons
    more = ("GIAO_DUC_CHUYEN_DE", "GIAO_DUC_CHUNG_NHAN", "TU_VAN_CA_BIET_BUOI", "TU_VAN_CA_BIET", "HOA_NHAP_LUOT",
            "HUONG_NGHIEP", "TU_VAN_HOC_NGHE")
    more_totals = {1: (1098, 766, 48, 48, 702, 415, 431), 2: (1155, 813, 53, 53, 756, 443, 454)}
    mrng = random.Random(2021_004_5)
    for q, totals in more_totals.items():
        cells = [(u, m) for u in HN_UNITS for m in range(3 * q - 2, 3 * q + 1)]
        w = [size[u] * mrng.uniform(0.85, 1.15) for u, _m in cells]
        split = {code: apportion(total, _noisy(mrng, w, 0.1)) for code, total in zip(more, totals)}
        split["TU_VAN_CA_BIET"] = split["TU_VAN_CA_BIET_BUOI"]  # one learner per individual session
        for i, cell in enumerate(cells):
            values[cell].update({code: split[code][i] for code in more})
    return {u: {m: [(c, values[(u, m)][c]) for c in codes + more] for m in range(1, 7)} for u in HN_UNITS}


# ====================================================================== targets


def _target(unit: str, year: int, code: str, label: str, measure: str, plan: int) -> TargetRow:
    return TargetRow(unit, year, code, label, measure, plan)


def nam_dinh_targets_2019() -> list[TargetRow]:
    """Seed 002 (KH 2019 of Nam Định), section 3, every numeric target.

    NDCS = Cơ sở cai nghiện ma túy tỉnh Nam Định; NDGT = Trung tâm Bảo trợ và Phòng chống
    TNXH huyện Giao Thủy; NDNT = Trung tâm Phòng chống ma túy huyện Nam Trực.
    3.1 above 90% of communes reached: TY_LE_XA_TUYEN_TRUYEN (province workbook);
    3.2 100% of staff trained: TY_LE_TAP_HUAN (province workbook);
    3.3 300 in family and community treatment: CAI_NGHIEN_GD_CD (province workbook);
    3.5 "điều trị ... cho 250 người": DIEU_TRI_MET, the patients treated during the year
    (carried over + admitted), not TIEP_NHAN_MET (new patients only): a clinic treating 250
    people in a year mostly treats people already in treatment on 1 January.
    """
    p, y = "Nam Định", 2019
    return [
        _target(p, y, "TY_LE_XA_TUYEN_TRUYEN", "Xã, phường, thị trấn được tuyên truyền về phòng, chống ma túy (trên 90%)", "%", 90),
        _target(p, y, "TY_LE_TAP_HUAN", "Đội ngũ làm công tác dự phòng, điều trị nghiện được tập huấn", "%", 100),
        _target(p, y, "CAI_NGHIEN_GD_CD", "Cai nghiện tại gia đình, cộng đồng", "lượt người", 300),
        _target(p, y, "TIEP_NHAN_BB", "Tiếp nhận cai nghiện bắt buộc", "người", 90),
        _target(p, y, "TIEP_NHAN_TN", "Vận động cai nghiện tự nguyện", "người", 200),
        _target(p, y, "DAY_NGHE", "Học viên cai nghiện bắt buộc được tư vấn học nghề, đào tạo nghề", "người", 60),
        _target(p, y, "DIEU_TRI_MET", "Điều trị nghiện bằng thuốc Methadone", "người", 300),
        _target("NDCS", y, "TIEP_NHAN_BB", "Tiếp nhận cai nghiện bắt buộc", "người", 90),
        _target("NDCS", y, "TIEP_NHAN_TN", "Tiếp nhận cai nghiện tự nguyện", "người", 150),
        _target("NDCS", y, "DAY_NGHE", "Học viên được tư vấn học nghề, đào tạo nghề", "người", 60),
        _target("NDGT", y, "TIEP_NHAN_TN", "Tiếp nhận cai nghiện tự nguyện", "người", 50),
        _target("NDGT", y, "DIEU_TRI_MET", "Điều trị nghiện bằng thuốc Methadone", "người", 250),
        _target("NDNT", y, "DIEU_TRI_MET", "Điều trị nghiện bằng thuốc Methadone", "người", 50),
    ]


def son_la_targets_2022() -> list[TargetRow]:
    """Targets of the Sơn La facility for 2022 (no target of 0: a rate needs a plan > 0)."""
    u, y = SL_UNIT, 2022
    return [
        _target(u, y, "TIEP_NHAN_BB", "Tiếp nhận học viên cai nghiện bắt buộc", "người", 700),
        _target(u, y, "TIEP_NHAN", "Tiếp nhận học viên", "người", 1700),
        _target(u, y, "HOAN_THANH", "Học viên hoàn thành, về địa phương", "người", 1800),
        _target(u, y, "DAY_NGHE", "Dạy nghề cho học viên", "người", 100),
        _target(u, y, "CHUNG_CHI", "Học viên được cấp chứng chỉ nghề", "người", 100),
        _target(u, y, "KHAM_BENH", "Lượt khám bệnh cho học viên", "lượt", 40000),
        _target(u, y, "DOANH_THU", "Doanh thu lao động trị liệu", "đồng", 5_000_000_000),
    ]


# ====================================================================== simple facilities (aggregated rows)


def _aggregated_books(unit: str, name: str, province: str, months: list[tuple[int, int]], opening: dict[str, int],
                      flows: dict[tuple, list[tuple[str, str, int]]], rng: random.Random,
                      figures: dict[tuple, list[tuple[str, int]]] | None = None,
                      absent_range: dict[str, tuple[int, int]] | None = None) -> list[MonthBook]:
    """Monthly books of a facility that keeps no register: one aggregated row per category,
    event and month (admissions early in the month, exits late); the census by the identity.
    ``flows[(y, m)]``: [(category, event, count)]. Stocks never go below zero."""
    stock = dict(opening)
    books = []
    absent_range = absent_range or {}
    for (y, m) in months:
        rows = flows.get((y, m), [])
        events = []
        start = dict(stock)
        for cat, ev, n in rows:
            if n <= 0:
                continue
            sign = EVENT_TYPES[ev].sign
            stock[cat] = stock.get(cat, 0) + sign * n
            if stock[cat] < 0:
                raise ValueError(f"{unit} {y}-{m:02d} {cat}: stock below zero")
            day = rng.randint(2, 12) if sign > 0 else rng.randint(15, 28)
            events.append(Event(cat, ev, dt.date(y, m, day), None, None, n))
        events.sort(key=lambda e: (e.date, e.event, e.category))
        census = {}
        for cat in stock:
            lo, hi = absent_range.get(cat, (0, 0))
            a = min(stock[cat], rng.randint(lo, hi))
            census[cat] = CensusRow(start.get(cat, 0), stock[cat], stock[cat] - a, a)
        books.append(MonthBook(unit, name, province, y, m, census, events, (figures or {}).get((y, m), [])))
    return books


def _months(first: tuple[int, int], last: tuple[int, int]) -> list[tuple[int, int]]:
    out, (y, m) = [], first
    while (y, m) <= last:
        out.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


# ====================================================================== Cao Bằng 2017 - 06/2020 (seed 003)

CB_UNIT, CB_PROVINCE = "CB01", "Cao Bằng"
CB_NAME = "Cơ sở cai nghiện ma túy tỉnh Cao Bằng"


def cao_bang_2017_2020() -> list[MonthBook]:
    """The province's one facility, 01/2017 - 06/2020 (seed 003): 508 admitted (BB 252,
    TN 256), 356 discharged to their localities for after-care (BB 114, TN 242). Voluntary
    learners stay about six months; compulsory ones one to two years, so most of the BB
    admitted from 2019 are still held in June 2020."""
    rng = random.Random(2020_003)
    months = _months((2017, 1), (2020, 6))
    year_w = {2017: 0.6, 2018: 0.9, 2019: 1.25, 2020: 1.15}
    tet = {1: 1.0, 2: 0.55, 3: 1.1}
    bb_in = apportion(252, [year_w[y] * tet.get(m, 1.0) * rng.uniform(0.8, 1.2) for y, m in months])
    tn_in = apportion(256, [tet.get(m, 1.0) * rng.uniform(0.75, 1.25) for y, m in months])
    bb_out_w = {2017: 0.45, 2018: 0.7, 2019: 1.3, 2020: 1.6}
    bb_out = apportion(114, [bb_out_w[y] * rng.uniform(0.7, 1.3) for y, m in months])
    opening = {"BB": 38, "TN": 11}
    tn_lag = [opening["TN"] / 6] * 6 + tn_in[:-6]  # TN leave about six months after coming
    tn_out = apportion(242, [w + 0.2 for w in tn_lag])
    flows = {ym: [("BB", "TIEP_NHAN", a), ("TN", "TIEP_NHAN", b), ("BB", "HOAN_THANH", c), ("TN", "HOAN_THANH", d)]
             for ym, a, b, c, d in zip(months, bb_in, tn_in, bb_out, tn_out)}
    books = _aggregated_books(CB_UNIT, CB_NAME, CB_PROVINCE, months, opening, flows, random.Random(2020_004),
                              absent_range={"BB": (0, 2), "TN": (0, 1)})
    assert sum(e.count for b in books for e in b.events if e.event == "TIEP_NHAN") == 508
    return books


def cao_bang_province() -> list[ProvinceBook]:
    """The department's own figures (seed 003), one province workbook per year and one for
    the first half of 2020: 830 lượt trained; 13/13 districts and 199/199 communes reached
    (8.200 lượt attending); 27.000 leaflets, 2.800 posters, 3.850 handbooks; 95 people in
    the community pilot (2019-2020); investment 2018 300 triệu (local budget), 2019 04 tỷ
    and 2020 3,7 tỷ (central budget)."""
    local, central = "ngân sách địa phương", "ngân sách trung ương hỗ trợ"
    years = (
        ("2017", 210, (6, 13), (82, 199), 1900, 8000, 800, 1000, 0, None),
        ("2018", 240, (10, 13), (151, 199), 2300, 7000, 700, 1050, 0, (300_000_000, local)),
        ("2019", 250, (13, 13), (199, 199), 2600, 8000, 800, 1200, 60, (4_000_000_000, central)),
        ("6 tháng đầu năm 2020", 130, (13, 13), (199, 199), 1400, 4000, 500, 600, 35, (3_700_000_000, central)),
    )
    books = []
    for period, trained, (dist, dist_all), (comm, comm_all), attending, leaflets, posters, books_, community, money \
            in years:
        figures = [("TAP_HUAN", None, None, trained), ("TUYEN_TRUYEN_HUYEN", None, None, dist),
                   ("HUYEN", None, None, dist_all), ("TUYEN_TRUYEN_XA", None, None, comm), ("XA", None, None, comm_all),
                   ("TUYEN_TRUYEN_LUOT", None, None, attending), ("TO_ROI", None, None, leaflets),
                   ("AP_PHICH", None, None, posters), ("SO_TAY", None, None, books_)]
        if community:
            figures.append(("CAI_NGHIEN_CONG_DONG", None, None, community))
        if money:
            figures.append(("DAU_TU", None, money[1], money[0]))
        books.append(ProvinceBook(CB_PROVINCE, period, figures))
    return books


# ====================================================================== Nam Định 2019 (seed 002)

ND_PROVINCE = "Nam Định"
ND_UNITS = {"NDCS": "Cơ sở cai nghiện ma túy tỉnh Nam Định",
            "NDGT": "Trung tâm Bảo trợ và Phòng chống tệ nạn xã hội huyện Giao Thủy",
            "NDNT": "Trung tâm Phòng chống ma túy huyện Nam Trực"}


def nam_dinh_2019() -> list[MonthBook]:
    """The three units of seed 002's plan, 2019, so that every target has its result:
    NDCS admits BB 94 and TN 156 and trains 62; NDGT admits TN 52 and treats 260 Methadone
    patients (190 carried over + 70); NDNT treats 53 (38 + 15)."""
    rng = random.Random(2019_002)
    months = _months((2019, 1), (2019, 12))
    flat = [rng.uniform(0.8, 1.2) for _ in months]

    def spread(total):
        return apportion(total, [w * rng.uniform(0.85, 1.15) for w in flat])

    plan = {
        "NDCS": ({"BB": 140, "TN": 30}, [("BB", "TIEP_NHAN", 94), ("TN", "TIEP_NHAN", 156), ("BB", "HOAN_THANH", 88),
                                          ("TN", "HOAN_THANH", 150), ("BB", "TRON", 2)]),
        "NDGT": ({"TN": 5, "MET": 190}, [("TN", "TIEP_NHAN", 52), ("TN", "HOAN_THANH", 50), ("MET", "TIEP_NHAN", 70),
                                          ("MET", "BO_DIEU_TRI", 20), ("MET", "RA_KHAC", 5)]),
        "NDNT": ({"MET": 38}, [("MET", "TIEP_NHAN", 15), ("MET", "BO_DIEU_TRI", 6)]),
    }
    books = []
    for unit, (opening, totals) in plan.items():
        by_month = {ym: [] for ym in months}
        for cat, ev, total in totals:
            for ym, n in zip(months, spread(total)):
                by_month[ym].append((cat, ev, n))
        figures = {}
        if unit == "NDCS":
            classes = [0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0]
            trainees = [0, 0, 0, 31, 0, 0, 0, 0, 31, 0, 0, 0]
            certified = [0, 0, 0, 0, 0, 0, 29, 0, 0, 0, 0, 29]
            figures = {ym: [("DAY_NGHE_LOP", c), ("DAY_NGHE", t), ("CHUNG_CHI", k)]
                       for ym, c, t, k in zip(months, classes, trainees, certified)}
        books += _aggregated_books(unit, ND_UNITS[unit], ND_PROVINCE, months, opening, by_month,
                                   random.Random(2019_003 + len(unit) + sum(map(ord, unit))), figures,
                                   absent_range={"BB": (0, 3), "TN": (0, 1), "MET": (0, 1)})
    return books


def nam_dinh_province_2019() -> list[ProvinceBook]:
    """Nam Định's own figures for 2019: 128 treated in their families and 184 in the
    community (312 against the 300 planned); 212 of 229 communes reached (92,6%); all 540
    staff trained (100%), 620 lượt."""
    return [ProvinceBook(ND_PROVINCE, "2019", [
        ("CAI_NGHIEN_GIA_DINH", None, None, 128), ("CAI_NGHIEN_CONG_DONG", None, None, 184),
        ("TUYEN_TRUYEN_XA", None, None, 212), ("XA", None, None, 229),
        ("CAN_BO", None, None, 540), ("CAN_BO_TAP_HUAN", None, None, 540), ("TAP_HUAN", None, None, 620),
    ])]


__all__ = ["son_la_2021", "ha_noi_2021_h1", "nam_dinh_targets_2019", "son_la_targets_2022",
           "cao_bang_2017_2020", "cao_bang_province", "nam_dinh_2019", "nam_dinh_province_2019",
           "SL_UNIT", "SL_NAME", "HN_UNITS", "HN_NAMES", "HN_AGGREGATED"]
