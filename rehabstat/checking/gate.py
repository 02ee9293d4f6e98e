"""The gate: between checking and computing, it decides once which workbooks count.

Given the dataset (read and checked), the period and the units asked for, `decide` says:
- which facility-months are expected: every facility the data know (in any period) or the
  `[registry]` lists, over every month of the period, unless `[facility.CODE]` says it
  opened or closed (a facility's first and last month in the data never shrink this);
- for each of them: received, missing, not yet due, duplicate (two workbooks: never summed,
  not even with --force) or with errors (left out unless --force);
- which files count, which are excluded and why, which broken files could not be placed;
- each unit's coverage ("11/12 tháng").

Every command (`indicators`, `report`, `plan`, `batch`, `validate`) asks the gate and
decides nothing again. The policy is one: a figure leaves with exit 0 only when the gate
is `complete`; otherwise exit 1, and nothing is written unless --force (drafts).
"""
from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..common.codes import province_key, unit_code
from ..common.errors import UsageError
from ..common.issues import ERROR, Issue, IssueCounts
from ..common.periods import Period
from ..common.rules import adjust

RECEIVED, MISSING, DUPLICATE, HAS_ERRORS, NOT_DUE = "đã nhận", "thiếu", "trùng", "có lỗi", "chưa đến hạn"
STATUSES = (RECEIVED, MISSING, DUPLICATE, HAS_ERRORS, NOT_DUE)
_MONTH_IN_NAME = (  # how a month may be written in a file name: 2021-05, 2021_05, 202105, 05-2021, 05.2021
    re.compile(r"(?<!\d)(?P<y>(?:19|20|21)\d{2})[-_. ]?(?P<m>0[1-9]|1[0-2])(?!\d)"),
    re.compile(r"(?<!\d)(?P<m>0?[1-9]|1[0-2])[-_. ](?P<y>(?:19|20|21)\d{2})(?!\d)"),
)


@dataclass
class Facility:
    unit: str
    name: str
    province: str  # display name of its province
    registered: bool = False  # listed in rehabstat.toml [registry]
    cells: dict = field(default_factory=dict)  # (year, month) -> status, for every expected month
    files: dict = field(default_factory=dict)  # (year, month) -> [file, ...]
    sent: dict = field(default_factory=dict)  # (year, month) -> date the workbook was sent ("Ngày gửi") | None
    late: dict = field(default_factory=dict)  # (year, month) -> 0 on time, N days late, None unknown (timeliness.py)

    def months(self, status) -> list:
        return [ym for ym, s in self.cells.items() if s == status]

    @property
    def sent_nothing(self) -> bool:
        return not any(self.files.values())

    @property
    def expected(self) -> int:
        return len(self.cells)

    unreadable: set = field(default_factory=set)  # months whose only workbook could not be read at all
    refused: set = field(default_factory=set)  # months whose only workbook the store refused for its errors

    def used(self, force: bool) -> list:
        return sorted(self.months(RECEIVED) + ([ym for ym in self.months(HAS_ERRORS)
                                                if ym not in self.unreadable and ym not in self.refused]
                                               if force else []))

    @property
    def complete(self) -> bool:
        return all(s == RECEIVED for s in self.cells.values())


@dataclass
class Gate(IssueCounts):
    period: Period
    force: bool = False
    facilities: dict = field(default_factory=dict)  # unit -> Facility (the units asked for)
    provinces: dict = field(default_factory=dict)  # province_key -> display name
    issues: list = field(default_factory=list)  # every issue that concerns the selection and the period
    where: dict = field(default_factory=dict)  # file -> (unit | None, (y, m) | None)
    counted: list = field(default_factory=list)  # files whose rows make the figures
    excluded: dict = field(default_factory=dict)  # file -> status (DUPLICATE, HAS_ERRORS)
    unattributed: list = field(default_factory=list)  # [(file, first error message)]
    skipped: list = field(default_factory=list)  # files that are not monthly workbooks
    unreadable: list = field(default_factory=list)  # [(file, message)]: every file of the data that cannot be read
    dataset: object = None  # the Dataset of the counted files only
    holdings: object = ""  # what the data hold (Holdings: for the message of an empty selection)
    compared: object = None  # (whole Dataset, earlier Period) an indicators --compare table compares with

    @property
    def empty(self) -> bool:
        return not self.counted

    @property
    def complete(self) -> bool:
        """Every expected facility-month received, no error anywhere in the selection."""
        return (not self.empty and not self.errors and not self.unattributed
                and all(f.complete for f in self.facilities.values()))

    @property
    def draft(self) -> bool:
        return not self.complete

    @property
    def exit_code(self) -> int:
        return 0 if self.complete else 1

    def count(self, status) -> int:
        return sum(1 for f in self.facilities.values() for s in f.cells.values() if s == status)

    def coverage(self, units=None) -> tuple[int, int]:
        """(months used, months expected) over the given units (default: all asked for)."""
        facs = [self.facilities[u] for u in (units or self.facilities) if u in self.facilities]
        return sum(len(f.used(self.force)) for f in facs), sum(f.expected for f in facs)

    def coverage_text(self, units=None, lang: str | None = None) -> str:
        from ..common.catalogue import text
        used, expected = self.coverage(units)
        return text("gate.coverage", lang, used=used, expected=expected)

    def by_province(self) -> dict:
        out = defaultdict(list)
        for fac in self.facilities.values():
            out[fac.province].append(fac)
        return {p: sorted(fs, key=lambda f: f.unit) for p, fs in out.items()}

    def province_complete(self, name: str) -> bool:
        facs = self.by_province().get(name, [])
        units = {f.unit for f in facs}
        errors = self._errors_by_place()
        return (bool(facs) and all(f.complete for f in facs)
                and not any(("unit", u) in errors or ("file", u) in errors for u in units)
                and not self.unattributed and any(f.used(self.force) for f in facs))

    def _errors_by_place(self) -> set:
        """Where the errors are, computed once per list of issues (a batch asks it for every
        province, and a national year can hold tens of thousands of issues): ("file", unit)
        for an error in a workbook (unit None: of no known facility), ("unit", unit),
        ("province", key) or ("nowhere", None) for one that names no workbook."""
        memo = self.__dict__.get("_error_places")  # (the list itself, its length, the places)
        if memo is not None and memo[0] is self.issues and memo[1] == len(self.issues):
            return memo[2]
        places = set()
        for i in self.issues:
            if i.severity != ERROR:
                continue
            if i.file is not None:
                places.add(("file", self.where.get(i.file, (None, None))[0]))
            elif i.unit is not None:
                places.add(("unit", i.unit))
            elif i.province is not None:
                places.add(("province", province_key(i.province)))
            else:
                places.add(("nowhere", None))
        self.__dict__["_error_places"] = (self.issues, len(self.issues), places)
        return places

    def complete_for(self, units) -> bool | None:
        """What `decide(..., units=units).complete` says over the same data, period and issues,
        read from this decision over more facilities (one decision for every province of a
        batch, not one each): the facilities asked for and their months, the issues
        `_relevant` would keep for them, the unattributed files of theirs or of no facility.
        None when a facility asked for is not among this decision's."""
        units = set(units)
        if not units or not units <= set(self.facilities):
            return None
        if not all(self.facilities[u].complete for u in units):
            return False
        where = self.where
        if not any(where.get(f, (None, None))[0] in units for f in self.counted):
            return False  # an empty selection
        if any(where.get(f, (None, None))[0] in (None, *units) for f, _m in self.unattributed):
            return False
        errors = self._errors_by_place()
        if ("file", None) in errors or ("nowhere", None) in errors:
            return False
        if any(("file", u) in errors or ("unit", u) in errors for u in units):
            return False
        return not any(("province", province_key(self.facilities[u].province)) in errors for u in units)

    def issue_unit(self, i: Issue) -> str | None:
        if i.file is not None:
            return self.where.get(i.file, (None, None))[0]
        return i.unit

    def problems(self, limit: int = 40) -> list:
        """What is wrong, one line each (the console and stderr print these): Phrases, and the
        facilities' gaps as gap_lines writes them (Vietnamese)."""
        from ..common.issues import phrase
        lines = []
        if self.empty:
            if 0 < len(self.facilities) <= 10:
                lines.append(phrase("gate.no_usable_of", period=self.period, units=", ".join(sorted(self.facilities))))
            else:
                lines.append(phrase("gate.no_usable", period=self.period))
            if self.holdings:
                lines.append(phrase("gate.holdings", holdings=self.holdings))
        # where the census was taken from is only said of drafts (without --force nothing is taken)
        from ..common.language import chosen
        lines += gap_lines(self.facilities.values(), self.period, self.force, sources=self.force, lang=chosen())
        errors = [i for i in self.errors if i.code not in ("X001",)]
        if errors:
            files = {i.file for i in errors if i.file}
            lines.append(phrase("gate.errors_in", count=len(errors), files=len(files)) if files
                         else phrase("gate.errors", count=len(errors)))
            for i in errors[:limit]:
                where = ", ".join(x for x in (Path(i.file).name if i.file else None, i.where or None) if x)
                lines.append(phrase("gate.issue_at", code=i.code, where=where, issue=i) if where
                             else phrase("gate.issue", code=i.code, issue=i))
            if len(errors) > limit:
                lines.append(phrase("gate.more", count=len(errors) - limit))
        for f, message in self.unattributed:
            lines.append(phrase("gate.unattributed", file=f, message=phrase("gate.dash", message=message) if message
                                else ""))
        return lines

    def advice(self):
        from ..common.issues import phrase
        return phrase("gate.advice_empty" if self.empty else "gate.advice")


# ---------------------------------------------------------------- deciding

def decide(ds, period: Period, config=None, units=None, provinces=None, force: bool = False,
           today: dt.date | None = None, issues: list | None = None, as_of: dt.date | None = None) -> Gate:
    """The one decision. `units` (facility codes) or `provinces` (names) select; None = all.
    `issues`: the reader's and the checks' issues when the caller has them (else run here).
    Provinces are those of `as_of` (default: the period's last day; geography.py): a Nam
    Định facility is in tỉnh Ninh Bình for a period ending after 01/07/2025.
    Raises UsageError for a facility or province the data and the registry do not know."""
    today = today or dt.date.today()
    as_of = as_of or period.end_date
    registry = dict(getattr(config, "registry", None) or {})
    lifetimes = dict(getattr(config, "facilities", None) or {})
    if issues is None:
        issues = checked_issues(ds, period, today, config)
    gate = Gate(period=period, force=force)
    gate.skipped = sorted(ds.files.loc[ds.files["status"] == "skipped", "file"])
    gate.where = where = locate_files(ds)
    gate.provinces, universe = _universe(ds, where, registry, as_of)
    selected = _select(universe, units, provinces, as_of)
    gate.holdings = _holdings(where, selected or set(universe))
    gate.facilities = _facilities(ds, where, period, universe, selected, registry, lifetimes, gate.provinces, today)
    error_files = {i.file for i in issues if i.severity == ERROR and i.file}
    unreadable = set(ds.files.loc[ds.files["status"] == "error", "file"])
    refused = set(ds.files.loc[ds.files["status"] == "rejected", "file"])  # the store's: never counted
    counted, excluded = _grade(gate.facilities, error_files | unreadable | refused, unreadable, force, refused)
    _timeliness(gate.facilities, ds, config)
    gate.counted, gate.excluded = counted, excluded
    everything = selected is None
    gate.unattributed = [(f, _first_message(issues, f)) for f, (unit, ym) in sorted(where.items())
                         if (unit is None or ym is None) and f in error_files
                         and (ym is None or period.contains(*ym))
                         and (everything or unit is None or unit in gate.facilities)]
    gate.issues = adjust(_relevant(issues, where, period, gate.facilities, gate.provinces, everything)
                         + _missing_issues(gate), getattr(config, "checks", None))
    # a file that cannot be read is somebody's lost month whatever the period: always named
    gate.unreadable = sorted({i.file: i.message for i in reversed(ds.issues)
                              if i.code in UNREADABLE and i.file}.items())
    gate.dataset = ds.only_files(counted)
    return gate


UNREADABLE = ("F001", "F002", "F003", "F004")  # the file itself cannot be opened or read


def checked_issues(ds, period, today, cfg) -> list[Issue]:
    """The reader's and the rules' issues over the dataset, as rehabstat.toml wants them."""
    from .checks import checked
    return checked(ds, period=period, today=today, config=cfg)


def locate_files(ds) -> dict:
    """file -> (unit, (year, month)); for a workbook that could not say (broken, hostile),
    the facility is guessed from the other workbooks of its folder and the month from its
    name (2021-05.xlsx), so that it is shown where it belongs."""
    files = ds.files
    folder_units = defaultdict(set)
    for f, unit in zip(files["file"], files["unit"]):
        if isinstance(unit, str):
            folder_units[str(Path(f).parent)].add(unit)
    where = {}
    for f, unit, year, month, status in zip(files["file"], files["unit"], files["year"], files["month"],
                                            files["status"]):
        if status == "skipped":
            continue
        if not isinstance(unit, str):
            siblings = folder_units.get(str(Path(f).parent), set())
            unit = next(iter(siblings)) if len(siblings) == 1 else None
        ym = (int(year), int(month)) if _present(year) and _present(month) else month_from_name(f)
        where[f] = (unit, ym)
    return where


def _present(x) -> bool:
    return x is not None and x == x


def month_from_name(path) -> tuple[int, int] | None:
    stem = Path(path).stem
    for pattern in _MONTH_IN_NAME:
        m = pattern.search(stem)
        if m:
            return int(m.group("y")), int(m.group("m"))
    return None


def _universe(ds, where, registry, as_of: dt.date) -> tuple[dict, dict]:
    """({province_key of every name written: display name}, {unit: province display name or
    None}) for every facility the data know (whatever the period) and every facility of the
    registry. Names (old or new, any spelling) are read as the province of `as_of`, through
    the one mapping of geography.py."""
    from ..settings.geography import province_at, unit_provinces
    unit_province = unit_provinces(ds.files, as_of)
    provinces = {}
    for prov in set(ds.files["province"].dropna()) | set(registry):
        provinces[province_key(prov)] = province_at(prov, as_of)
    for prov in unit_province.values():
        provinces.setdefault(province_key(prov), prov)
    listed = {}
    for prov, units in registry.items():
        for u in units:
            listed[u] = provinces[province_key(prov)]
    universe = {}
    for unit in sorted({u for u, _ in where.values() if u is not None} | set(listed)):
        universe[unit] = unit_province.get(unit) or listed.get(unit)
    return provinces, universe


def _select(universe: dict, units, provinces, as_of: dt.date) -> set | None:
    if not units and not provinces:
        return None
    chosen = set()
    for code in units or ():
        key = unit_code(code)
        if key not in universe:
            known = sorted(universe)
            from ..common.issues import phrase
            raise UsageError.said("select.no_facility", facility=code, known=(
                ", ".join(known[:30]) + (" ..." if len(known) > 30 else "")) if known else phrase("select.none"))
        chosen.add(key)
    from ..settings.geography import province_at
    for name in provinces or ():
        wanted = province_key(province_at(name, as_of))
        mine = {u for u, p in universe.items() if p and province_key(p) == wanted}
        if not mine:
            names = sorted({p for p in universe.values() if p})
            from ..common.issues import phrase
            from ..settings.geography import near_hint
            raise UsageError.said("select.no_province_near", province=name, known=", ".join(names) or phrase("select.none"),
                                  hint=near_hint(name))
        chosen |= mine
    return chosen


class Holdings(dict):
    """{unit: months} the data hold, shown in a reader's language: 'SL01: 01/2021 đến 12/2021;
    HN01: 01/2021 đến 06/2021' (at most 12 facilities)."""

    def shown(self, lang: str) -> str:
        from ..common.catalogue import text
        parts = [f"{u}: {month_ranges(sorted(m), lang)}" for u, m in sorted(self.items())]
        if len(parts) > 12:
            parts = parts[:12] + [text("gate.more_facilities", lang, count=len(self))]
        return "; ".join(parts)

    def __str__(self) -> str:
        from ..common.language import chosen
        return self.shown(chosen())


def _holdings(where, units) -> Holdings:
    months = Holdings()
    for unit, ym in where.values():
        if unit in units and ym is not None:
            months.setdefault(unit, set()).add(ym)
    return months


def _facilities(ds, where, period: Period, universe, selected, registry, lifetimes, provinces, today) -> dict:
    names = ds.unit_names()
    listed = {u for us in registry.values() for u in us}
    in_period = defaultdict(lambda: defaultdict(list))
    for f, (unit, ym) in where.items():
        if unit is not None and ym is not None and period.contains(*ym):
            in_period[unit][ym].append(f)
    due = (today.year, today.month)
    facilities = {}
    for unit, prov in universe.items():
        if selected is not None and unit not in selected:
            continue
        life = lifetimes.get(unit, {})
        opened, closed = life.get("opened"), life.get("closed")
        fac = Facility(unit=unit, name=names.get(unit, ""), province=prov or "(không rõ tỉnh)",
                       registered=unit in listed)
        for ym in period.months:
            # by name first: a store keeps a file under a folder named by its content, and its
            # duplicates must be named in the order a folder's are
            sent = sorted(in_period[unit].get(ym, []), key=lambda f: (Path(f).name, f))
            if not sent and ((opened and ym < opened) or (closed and ym > closed)):
                continue  # the registry says the facility did not exist that month
            fac.files[ym] = sent
            fac.cells[ym] = MISSING if ym < due else NOT_DUE
        if fac.cells:
            facilities[unit] = fac
    return facilities


def _grade(facilities, error_files, unreadable, force, refused=frozenset()) -> tuple[list, dict]:
    """Set each facility-month's status; return (files counted, {file excluded: why}).
    A workbook that could not be read at all holds nothing to count, even with force; nor
    does one the store refused for its errors (the facility was told it does not count)."""
    counted, excluded = [], {}
    for fac in facilities.values():
        for ym, files in fac.files.items():
            if not files:
                continue
            if len(files) > 1:  # never summed, whatever --force says
                fac.cells[ym] = DUPLICATE
                excluded.update((f, DUPLICATE) for f in files)
            elif files[0] in error_files:
                fac.cells[ym] = HAS_ERRORS
                if files[0] in unreadable:
                    fac.unreadable.add(ym)
                if files[0] in refused:
                    fac.refused.add(ym)
                if force and files[0] not in unreadable and files[0] not in refused:
                    counted.append(files[0])
                else:
                    excluded[files[0]] = HAS_ERRORS
            else:
                fac.cells[ym] = RECEIVED
                counted.append(files[0])
    return sorted(counted), excluded


def _timeliness(facilities, ds, cfg) -> None:
    """Each facility-month with a workbook: the day it was sent (its "Ngày gửi"; the
    earliest of two) and how late against [deadline] (timeliness.py)."""
    from ..common.periods import days_late, due_date
    sent_of = {f: s for f, s in zip(ds.files["file"], ds.files["sent"]) if isinstance(s, dt.date)}
    deadline = getattr(cfg, "deadline", None)
    for fac in facilities.values():
        for ym, files in fac.files.items():
            if not files:
                continue
            dates = sorted(sent_of[f] for f in files if f in sent_of)
            fac.sent[ym] = dates[0] if dates else None
            fac.late[ym] = days_late(fac.sent[ym], due_date(*ym, deadline))


def _first_message(issues, f) -> str:
    return next((i.message for i in issues if i.file == f and i.severity == ERROR), "")


def _relevant(issues, where, period: Period, facilities, provinces, everything: bool) -> list[Issue]:
    """The issues that concern the selection in the period: those of its workbooks (and of
    broken workbooks whose facility or month is unknown), and the file-less ones of its
    months and units (transfers of its province)."""
    units = set(facilities)
    pkeys = {province_key(f.province) for f in facilities.values()}
    out = []
    for i in issues:
        if i.code == "X002":
            continue  # missing months are the gate's own (see _missing_issues)
        if i.file is not None:
            unit, ym = where.get(i.file, (None, None))
            if ym is not None and not period.contains(*ym):
                continue
            if everything or unit is None or unit in units:
                out.append(i)
            continue
        if i.month is not None and not period.contains(*i.month):
            continue
        if everything or (i.unit is not None and i.unit in units) or \
                (i.unit is None and i.province is not None and province_key(i.province) in pkeys) or \
                (i.unit is None and i.province is None):
            out.append(i)
    return out


def _missing_issues(gate: Gate) -> list[Issue]:
    """X002 for every month a facility owes and did not send (not for months not over yet)."""
    from ..common.issues import issue
    out = []
    for fac in gate.facilities.values():
        for (y, m) in fac.months(MISSING):
            out.append(issue("X002", unit=fac.unit, period=f"{m:02d}/{y}", month=(y, m)))
    return out


# ---------------------------------------------------------------- words

def month_ranges(months, lang: str = "vi") -> str:
    """[(2021, 7), ..., (2021, 12), (2022, 2)] → '07/2021 đến 12/2021, 02/2022'."""
    months = sorted(months)
    runs, start, prev = [], None, None
    for ym in months:
        if prev is not None and _next(prev) == ym:
            prev = ym
            continue
        if start is not None:
            runs.append((start, prev))
        start = prev = ym
    if start is not None:
        runs.append((start, prev))
    text = lambda ym: f"{ym[1]:02d}/{ym[0]}"  # noqa: E731
    to = " to " if lang == "en" else " đến "
    return ", ".join(text(a) if a == b else f"{text(a)}{to}{text(b)}" for a, b in runs)


def _next(ym):
    y, m = ym
    return (y + 1, 1) if m == 12 else (y, m + 1)


def gap_lines(facilities, period: Period, force=False, sources=True, lang: str = "vi") -> list[str]:
    """One sentence per facility whose figures are incomplete: which months are missing,
    not over yet, left out (two workbooks for one month; errors), and where the opening
    and closing census were taken from when the first or last month is not among them.
    In Vietnamese unless told (a document's sentences; the console passes its language)."""
    from ..common.catalogue import text

    def say(key, **values):
        return text(f"gap.{key}", lang, **values)

    def months_word(months):
        return say("month" if len(months) == 1 else "months", ranges=month_ranges(months, lang))
    lines = []
    for fac in facilities:
        parts = []
        missing = fac.months(MISSING)
        if fac.sent_nothing and missing:
            parts.append(say("sent_nothing", months=months_word(missing)))
        elif missing:
            parts.append(say("missing", months=months_word(missing)))
        not_due = fac.months(NOT_DUE)
        if not_due:
            parts.append(say("not_due", months=months_word(not_due)))
        dup = fac.months(DUPLICATE)
        if dup:
            names = "; ".join(f"{m:02d}/{y}: " + ", ".join(Path(f).name for f in fac.files[(y, m)])
                              for y, m in dup[:6])
            parts.append(say("duplicate", months=months_word(dup), names=names))
        bad = [ym for ym in fac.months(HAS_ERRORS) if ym not in fac.unreadable and not (force and ym in fac.refused)]
        if bad:
            parts.append(say("errors_counted" if force else "errors", months=months_word(bad)))
        refused = sorted(fac.refused) if force else []
        if refused:  # the same words as without --force: the store refused them, they never count
            parts.append(say("errors", months=months_word(refused)))
        broken = sorted(fac.unreadable)
        if broken:
            parts.append(say("unreadable", months=months_word(broken)))
        if not parts:
            continue
        used = fac.used(force)
        expected = sorted(fac.cells)
        if used and expected and sources:
            if used[0] != expected[0]:
                parts.append(say("opening_from", month=f"{used[0][1]:02d}/{used[0][0]}"))
            if used[-1] != expected[-1]:
                parts.append(say("closing_from", month=f"{used[-1][1]:02d}/{used[-1][0]}"))
        elif not used and not fac.sent_nothing:
            parts.append(say("nothing_usable"))
        label = f"{fac.unit} – {fac.name}" if fac.name else fac.unit
        lines.append(f"{label}: " + "; ".join(parts) + ".")
    return lines
