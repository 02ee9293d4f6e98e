"""A person-level simulation of the people held by one or more facilities.

Scenarios plan *slots* (dated events) and the ledger plays them in date order:
an admission creates a person, an outflow either names its person (a fixed trajectory)
or picks one among the people held in that category on that date (the oldest, or at
random with the scenario's own ``random.Random``). Every event is checked as it is
played (a person is held before he leaves, recaptured only after an escape, ...), so
stocks can never go below zero on any day. The result is turned into monthly books:
census rows by the stock-and-flow identity, events person-level or aggregated.

Determinism: no sets or dicts of strings are ever iterated; all orders are lists.
"""
from __future__ import annotations

import calendar
import datetime as dt
import random
from collections import defaultdict
from dataclasses import dataclass

from rehabstat.common.codes import ALL_CATEGORIES, EVENT_TYPES

from .model import CensusRow, Event, MonthBook

INFLOW = ("TIEP_NHAN", "BAT_LAI", "CHUYEN_DEN")
EVENT_ORDER = {code: i for i, code in enumerate(EVENT_TYPES)}
CAT_ORDER = {code: i for i, code in enumerate(ALL_CATEGORIES)}


def days_in(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def apportion(total: int, weights: list[float]) -> list[int]:
    """Split a whole number by weights, exactly (largest remainder, ties to the first)."""
    if total == 0:
        return [0] * len(weights)
    s = float(sum(weights))
    if s <= 0:
        raise ValueError("weights must have a positive sum")
    raw = [total * w / s for w in weights]
    base = [int(x) for x in raw]
    rest = total - sum(base)
    order = sorted(range(len(weights)), key=lambda i: (-(raw[i] - base[i]), i))
    for i in order[:rest]:
        base[i] += 1
    return base


def random_day(rng: random.Random, year: int, month: int, first: int = 1, last: int | None = None) -> dt.date:
    last = min(last or days_in(year, month), days_in(year, month))
    return dt.date(year, month, rng.randint(first, last))


@dataclass
class Slot:
    date: dt.date
    unit: str
    category: str
    event: str
    pid: str | None = None  # fixed person; None = pick one
    new_category: str | None = None
    to_unit: str | None = None  # CHUYEN_DI paired with CHUYEN_DEN at to_unit
    pick: str = "oldest"  # 'oldest' | 'random'
    min_stay: int = 1
    note: str = ""
    seq: int = 0


@dataclass
class Played:
    unit: str
    category: str
    event: str
    date: dt.date
    pid: str
    new_category: str | None
    note: str


class Ledger:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.held: dict[str, list] = {}  # pid -> [unit, category, since, order]
        self.escaped: dict[str, tuple] = {}  # pid -> (unit, category, date)
        self.pools: dict[tuple, list[str]] = defaultdict(list)  # (unit, cat) -> pids held
        self.escaped_pools: dict[tuple, list[str]] = defaultdict(list)
        self.opening: dict[tuple, int] = defaultdict(int)
        self.slots: list[Slot] = []
        self.played: list[Played] = []
        self.first_seen: dict[str, tuple] = {}  # pid -> (date, order, namespace, is_opening)
        self._n = 0

    # -------------------------------------------------------------- setup
    def new_pid(self) -> str:
        self._n += 1
        return f"~{self._n:07d}"

    def open(self, unit: str, category: str, since: dt.date, namespace: str) -> str:
        """A person already held at the start of the simulation."""
        pid = self.new_pid()
        self.held[pid] = [unit, category, since, self._n]
        self.pools[(unit, category)].append(pid)
        self.opening[(unit, category)] += 1
        self.first_seen[pid] = (since, self._n, namespace, True)
        return pid

    def plan(self, date: dt.date, unit: str, category: str, event: str, **kw) -> Slot:
        slot = Slot(date, unit, category, event, seq=len(self.slots), **kw)
        self.slots.append(slot)
        return slot

    def admit(self, date: dt.date, unit: str, category: str, namespace: str, note: str = "") -> str:
        pid = self.new_pid()
        self.first_seen[pid] = (date, self._n, namespace, False)
        self.plan(date, unit, category, "TIEP_NHAN", pid=pid, note=note)
        return pid

    # -------------------------------------------------------------- play
    def _record(self, unit, category, event, date, pid, new_category=None, note=""):
        self.played.append(Played(unit, category, event, date, pid, new_category, note))

    def _leave(self, pid: str) -> list:
        state = self.held.pop(pid)
        self.pools[(state[0], state[1])].remove(pid)
        return state

    def _enter(self, pid: str, unit: str, category: str, date: dt.date) -> None:
        if pid in self.held:
            raise ValueError(f"{pid} is already held, cannot enter {unit}/{category} on {date}")
        self._n += 1
        self.held[pid] = [unit, category, date, self._n]
        self.pools[(unit, category)].append(pid)

    def _pick(self, slot: Slot, reserved: dict[str, bool]) -> str:
        if slot.event == "BAT_LAI":
            pool = [p for p in self.escaped_pools[(slot.unit, slot.category)]
                    if p not in reserved and self.escaped[p][2] < slot.date]
        else:
            pool = [p for p in self.pools[(slot.unit, slot.category)]
                    if p not in reserved and (slot.date - self.held[p][2]).days >= max(1, slot.min_stay)]
        if not pool:
            raise ValueError(f"nobody to pick for {slot}")
        if slot.pick == "random":
            return self.rng.choice(pool)
        if slot.event == "BAT_LAI":
            return min(pool, key=lambda p: (self.escaped[p][2], p))
        return min(pool, key=lambda p: (self.held[p][2], self.held[p][3]))

    def run(self) -> list[Played]:
        reserved: dict[str, bool] = {}
        for s in self.slots:
            if s.pid is not None and s.event != "TIEP_NHAN":
                reserved[s.pid] = True
        for s in sorted(self.slots, key=lambda s: (s.date, s.seq)):
            pid = s.pid or self._pick(s, reserved)
            ev = s.event
            if ev == "TIEP_NHAN":
                self._enter(pid, s.unit, s.category, s.date)
                self._record(s.unit, s.category, ev, s.date, pid, note=s.note)
                continue
            if ev == "BAT_LAI":
                where = self.escaped.pop(pid, None)
                if where is None or where[0] != s.unit or where[2] >= s.date:
                    raise ValueError(f"recapture of {pid} without an earlier escape: {s}")
                self.escaped_pools[(where[0], where[1])].remove(pid)
                self._enter(pid, s.unit, s.category, s.date)
                self._record(s.unit, s.category, ev, s.date, pid, note=s.note)
                continue
            state = self.held.get(pid)
            if state is None or state[0] != s.unit or state[1] != s.category or state[2] >= s.date:
                raise ValueError(f"{pid} is not held in {s.unit}/{s.category} before {s.date}: {state}")
            self._leave(pid)
            self._record(s.unit, s.category, ev, s.date, pid, s.new_category, s.note)
            if ev == "TRON":
                self.escaped[pid] = (s.unit, s.category, s.date)
                self.escaped_pools[(s.unit, s.category)].append(pid)
            elif ev == "CHUYEN_DIEN":
                if not s.new_category or s.new_category == s.category:
                    raise ValueError(f"bad category change {s}")
                self._enter(pid, s.unit, s.new_category, s.date)
            elif ev == "CHUYEN_DI" and s.to_unit:
                self._enter(pid, s.to_unit, s.category, s.date)
                self._record(s.to_unit, s.category, "CHUYEN_DEN", s.date, pid, note=f"Chuyển đến từ {s.unit}")
        return self.played

    # -------------------------------------------------------------- ids
    def final_ids(self, rng: random.Random, year: int, last_year: int | None = None) -> dict[str, str]:
        """Register numbers: 'SL-2021-00001' in order of admission; older ones with gaps.

        With ``last_year`` the simulation spans year..last_year: a person admitted in it is
        numbered in the year of his admission (one register per facility and year, so a
        number is never given twice across the years); without it every admission counts
        as one of ``year``."""
        by_ns: dict[tuple, list] = defaultdict(list)
        for pid, (since, order, ns, is_opening) in self.first_seen.items():
            by_ns[(ns, since.year if is_opening or last_year is not None else year)].append((since, order, pid))
        out: dict[str, str] = {}
        for (ns, y) in sorted(by_ns):
            people = sorted(by_ns[(ns, y)])
            n = 0
            fresh = year <= y <= (last_year or year)
            for _since, _order, pid in people:
                n += 1 if fresh else rng.randint(1, 3)
                out[pid] = f"{ns}-{y}-{n:05d}"
        return out

    # -------------------------------------------------------------- books
    def census(self, unit: str, categories: list[str], year: int, months: list[int]) -> dict[int, dict[str, list[int]]]:
        """[opening, closing] per month and category by the identity; also checks every day >= 0."""
        span = self.census_span(unit, categories, [(year, m) for m in months])
        return {m: span[(year, m)] for m in months}

    def census_span(self, unit: str, categories: list[str],
                    periods: list[tuple[int, int]]) -> dict[tuple[int, int], dict[str, list[int]]]:
        """[opening, closing] per (year, month) of consecutive ``periods`` and category: the stock
        runs on across the year boundaries, so a January opens with the December before's closing."""
        stock = {c: self.opening.get((unit, c), 0) for c in categories}
        inside = {p: True for p in periods}
        per_day: dict[dt.date, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for p in self.played:
            if p.unit != unit:
                continue
            if (p.date.year, p.date.month) not in inside:
                raise ValueError(f"{unit}: event outside the simulated months: {p}")
            sign = 1 if p.event in INFLOW else -1
            per_day[p.date][p.category] += sign
            if p.event == "CHUYEN_DIEN":
                per_day[p.date][p.new_category] += 1
        out: dict[tuple[int, int], dict[str, list[int]]] = {}
        for year, m in periods:
            row = {c: [stock[c], 0] for c in categories}
            for d in range(1, days_in(year, m) + 1):
                for c, v in per_day.get(dt.date(year, m, d), {}).items():
                    if c not in stock:
                        raise ValueError(f"{unit}: category {c} not declared")
                    stock[c] += v
                for c in categories:
                    if stock[c] < 0:
                        raise ValueError(f"{unit}/{c} below zero on {year}-{m:02d}-{d:02d}")
            for c in categories:
                row[c][1] = stock[c]
            out[(year, m)] = row
        return out

    def month_events(self, unit: str, year: int, month: int, ids: dict[str, str], aggregated: bool) -> list[Event]:
        rows = [p for p in self.played if p.unit == unit and p.date.year == year and p.date.month == month]
        if not aggregated:
            events = [Event(p.category, p.event, p.date, ids[p.pid], p.new_category, 1, p.note) for p in rows]
        else:
            groups: dict[tuple, list[Played]] = {}
            for p in rows:
                bucket = min((p.date.day - 1) // 10, 2)
                groups.setdefault((p.category, p.event, p.new_category, p.note, bucket), []).append(p)
            events = []
            for (cat, ev, new, note, _b), ps in groups.items():
                dates = [p.date for p in ps]
                date = min(dates) if ev in INFLOW else max(dates)
                events.append(Event(cat, ev, date, None, new, len(ps), note))
        events.sort(key=lambda e: (e.date, EVENT_ORDER[e.event], CAT_ORDER[e.category], e.person or "", e.new_category or ""))
        return events


def few_absent(rng: random.Random, closing: int, low: int, high: int) -> int:
    """A few absent (hospital, leave), never more than held."""
    return min(closing, rng.randint(low, high)) if closing > 0 else 0


def make_books(ledger: Ledger, unit: str, unit_name: str, province: str, categories: list[str], year: int,
               months: list[int], ids: dict[str, str], aggregated: bool,
               absent, figures: dict[int, list[tuple[str, int]]]) -> list[MonthBook]:
    """``absent(month, category, closing) -> int`` chooses how many of the held are absent."""
    return make_books_span(ledger, unit, unit_name, province, categories, [(year, m) for m in months], ids,
                           aggregated, absent, {(year, m): v for m, v in figures.items()})


def make_books_span(ledger: Ledger, unit: str, unit_name: str, province: str, categories: list[str],
                    periods: list[tuple[int, int]], ids: dict[str, str], aggregated: bool,
                    absent, figures: dict[tuple[int, int], list[tuple[str, int]]]) -> list[MonthBook]:
    """The books of consecutive (year, month) ``periods``, possibly across years;
    ``absent(month, category, closing) -> int`` chooses how many of the held are absent."""
    census = ledger.census_span(unit, categories, periods)
    books = []
    for year, m in periods:
        rows = {}
        for c in categories:
            opening, closing = census[(year, m)][c]
            a = absent(m, c, closing)
            if a > closing:
                raise ValueError(f"{unit} {year}-{m:02d}: absent {a} > closing {closing} for {c}")
            rows[c] = CensusRow(opening, closing, closing - a, a)
        books.append(MonthBook(unit, unit_name, province, year, m, rows,
                               ledger.month_events(unit, year, m, ids, aggregated), figures.get((year, m), [])))
    return books
