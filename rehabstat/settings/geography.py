"""Provinces as of a date: the 2025 reorganisation (63 provinces → 34 from 01/07/2025).

The official table is data (rehabstat/data/provinces-2025.toml, with its legal source);
this module only reads it. Every roll-up to provinces goes through `unit_provinces`
(which facility belongs to which province at a date) and `province_at` (a name as
written → the province of that date), so that the indicator table, `report --province`
and `batch` agree:

    province_at("Tỉnh Nam Định", dt.date(2025, 12, 31))  → "Ninh Bình"
    province_at("Nam Định", dt.date(2024, 12, 31))        → "Nam Định"
    province_at("TP. Hà Nội", any date)                   → "Hà Nội"

By default a period is reported in the geography of its last day (`as_of`), so a year
that spans the merger is reported for the new province, and a comparison of two periods
uses one `as_of` for both. A name that is neither an old nor a new province is kept as
written (its prefix removed) and `closest` suggests what was meant.
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..common.codes import norm_key

DATA_FILE = "provinces-2025.toml"
_PREFIX = re.compile(r"^\s*(tỉnh|thành\s*phố|tp\s*\.?)\s*", re.I)


@dataclass(frozen=True)
class Province:
    name: str  # "Ninh Bình", "Hà Nội", "Hồ Chí Minh": the name without its prefix
    kind: str  # "tỉnh" or "thành phố"
    era: str  # "old" (before the merger) or "new" (from it)
    members: tuple[str, ...] = ()  # new province: the old provinces it took (its own name included)

    @property
    def full(self) -> str:
        """As written in prose: "tỉnh Ninh Bình", "thành phố Hà Nội"."""
        return f"{self.kind} {self.name}"

    @property
    def merged(self) -> bool:
        return self.era == "new" and len(self.members) > 1


@dataclass(frozen=True)
class Resolved:
    given: str  # as written
    name: str  # the province at the date (display name), or the given name without prefix
    province: Province | None  # None: neither an old nor a new province
    old: Province | None = None  # the old province the name was mapped from (a name that no longer exists)

    @property
    def known(self) -> bool:
        return self.province is not None


class Geography:
    def __init__(self, data: dict):
        self.effective = dt.date.fromisoformat(data["effective"])
        self.source = data["source"]
        old_cities = {norm_key(n) for n in data.get("old_cities", [])}
        self.new: list[Province] = []
        self.old: list[Province] = []
        self.new_of_old: dict[str, Province] = {}  # old key -> new province
        for p in data["province"]:
            new = Province(p["name"], p["kind"], "new", tuple(p["old"]))
            self.new.append(new)
            for name in p["old"]:
                kind = "thành phố" if norm_key(name) in old_cities else "tỉnh"
                old = Province(name, kind, "old")
                self.old.append(old)
                self.new_of_old[province_key(name)] = new
        self.new_index = {province_key(p.name): p for p in self.new}
        self.old_index = {province_key(p.name): p for p in self.old}
        for alias, target in data.get("aliases", {}).items():
            key, tkey = province_key(alias), province_key(target)
            if tkey in self.new_index:
                self.new_index.setdefault(key, self.new_index[tkey])
            if tkey in self.old_index:
                self.old_index.setdefault(key, self.old_index[tkey])
            if tkey not in self.new_index and tkey not in self.old_index:
                raise ValueError(f"{DATA_FILE}: alias {alias!r} names no province ({target!r})")

    def era(self, as_of: dt.date) -> str:
        return "new" if as_of >= self.effective else "old"

    def resolve(self, name: object, as_of: dt.date) -> Resolved:
        given = str(name or "").strip()
        key = province_key(given)
        if self.era(as_of) == "new":
            if key in self.new_index:
                return Resolved(given, self.new_index[key].name, self.new_index[key])
            if key in self.old_index:
                old = self.old_index[key]
                new = self.new_of_old[province_key(old.name)]
                return Resolved(given, new.name, new, old=old)
        else:
            if key in self.old_index:
                return Resolved(given, self.old_index[key].name, self.old_index[key])
            if key in self.new_index:  # a new name before the merger: the old province of that name
                new = self.new_index[key]
                old = self.old_index.get(province_key(new.name)) or self.old_index[province_key(new.members[-1])]
                return Resolved(given, old.name, old)
        return Resolved(given, strip_prefix(given), None)

    def closest(self, name: object, n: int = 3, extra=()) -> list[str]:
        """The known names (old and new, and `extra`: facility codes, say) nearest to a misspelt one."""
        names = {province_key(p.name): p.name for p in self.old + self.new}
        names.update({province_key(x): x for x in extra})
        keys = difflib.get_close_matches(province_key(name), list(names), n=n, cutoff=0.5)
        return [names[k] for k in keys]

    def scope(self, name: str, as_of: dt.date, period_start: dt.date | None = None) -> str:
        """The one phrase a document needs when a merged province is reported over months
        before the merger: "tỉnh Ninh Bình (gồm các tỉnh Hà Nam, Nam Định, Ninh Bình trước
        ngày 01/07/2025)"; otherwise the province in prose ("tỉnh Sơn La"), or "" when unknown."""
        r = self.resolve(name, as_of)
        if r.province is None:
            return ""
        p = r.province
        if not p.merged or (period_start is not None and period_start >= self.effective):
            return p.full
        olds = [self.old_index[province_key(m)] for m in p.members]
        kinds = {o.kind for o in olds}
        if len(kinds) == 1:
            kind = olds[0].kind
            members = f"các {kind} " + ", ".join(o.name for o in olds)
        else:
            members = ", ".join(o.full for o in olds)
        return f"{p.full} (gồm {members} trước ngày {self.effective:%d/%m/%Y})"


@lru_cache(maxsize=1)
def geography() -> Geography:
    text = resources.files("rehabstat").joinpath("data", DATA_FILE).read_text(encoding="utf-8")
    return Geography(tomllib.loads(text))


def province_key(name: object) -> str:
    """A province name for matching, without prefix, case, diacritics or punctuation:
    "TP. Hà Nội", "Thành phố Hà Nội", "Ha Noi" → "hanoi"; "Tỉnh Nam Định" → "namdinh"."""
    from ..common.codes import province_key as _key
    return _key(name)


def strip_prefix(name: str) -> str:
    """"Tỉnh Sơn La" → "Sơn La", "TP. Hà Nội" → "Hà Nội" (a name we do not know stays as written)."""
    stripped = _PREFIX.sub("", name or "").strip()
    return stripped or (name or "").strip()


def province_at(name: object, as_of: dt.date) -> str:
    """The display name of the province that `name` is at `as_of` (see the module doc)."""
    return geography().resolve(name, as_of).name


def resolve(name: object, as_of: dt.date) -> Resolved:
    return geography().resolve(name, as_of)


def default_as_of(period) -> dt.date:
    """Roll-ups use the provinces as they are on the last day of the period."""
    return period.end_date


def parse_as_of(text: str | None) -> dt.date | None:
    """--as-of DD/MM/YYYY (or YYYY-MM-DD); None when not given. Raises PeriodError."""
    if text is None or not str(text).strip():
        return None
    from ..common.errors import PeriodError
    s = str(text).strip()
    m = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", s)
    try:
        if m:
            return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        return dt.date.fromisoformat(s)
    except ValueError:
        raise PeriodError.said("period.as_of", text=text) from None


def unit_provinces(files, as_of: dt.date) -> dict[str, str]:
    """{unit: province display name at `as_of`} from the `files` frame of a Dataset.

    A facility's province is the one its workbook nearest to `as_of` names (the latest
    workbook up to that month, else the earliest after it), read in the geography of
    `as_of`: a Nam Định facility is in Ninh Bình from 01/07/2025 whatever its workbooks say."""
    ok = files.dropna(subset=["unit", "province"])
    ok = ok[ok["year"].notna() & ok["month"].notna()] if len(ok) else ok
    if ok.empty:
        return {}
    geo = geography()
    names = {name: geo.resolve(name, as_of).known for name in set(ok["province"])}
    known = ok["province"].map(names).astype(bool)
    if not known.all():  # a misspelt name (G001) never decides: the facility's other workbooks do
        ok = ok[known | ~ok["unit"].isin(set(ok.loc[known, "unit"]))]
    limit = as_of.year * 100 + as_of.month
    ym = ok["year"].astype(int) * 100 + ok["month"].astype(int)
    # best last: months up to as_of, the latest; failing that the earliest month after it
    rank = ym.where(ym <= limit, -ym)
    best = ok.assign(_rank=rank).sort_values(["_rank", "file"], kind="stable").groupby("unit").tail(1)
    cache: dict[str, str] = {}
    out = {}
    for unit, name in zip(best["unit"], best["province"]):
        if name not in cache:
            cache[name] = geo.resolve(name, as_of).name
        out[unit] = cache[name]
    return out


def is_province(name: object) -> bool:
    """Whether `name` is a province or city before or after the merger, in any spelling."""
    geo = geography()
    return any(geo.resolve(name, when).known for when in (dt.date(2000, 1, 1), geo.effective))


def misspelt(name: object) -> list[str]:
    """The closest province names to a name that is no province before or after the merger;
    [] for a real one (a province the data lack is no misspelling)."""
    return [] if is_province(name) else geography().closest(name)


def spelt(name: object) -> str | None:
    """The province as the geography spells it, whatever the spelling given ("Sơn Lá",
    "tinh son la" → "Sơn La"; "TP. Hà Nội" → "Hà Nội"): a name of the new provinces is the new
    one, an old province's name stays the old province ("Nam Định"), as a workbook of before
    the merger names it. None for a name that is no province before or after the merger."""
    geo = geography()
    r = geo.resolve(name, geo.effective)
    return None if r.province is None else (r.old or r.province).name


def spelt_or_refused(name: object) -> str:
    """spelt(name), or UsageError (exit 2) with the closest names for a name that is no province."""
    from ..common.errors import UsageError
    known = spelt(name)
    if known is not None:
        return known
    near = geography().closest(name)
    if near:
        raise UsageError.said("province.unknown_near", name=str(name).strip(), near=", ".join(near))
    raise UsageError.said("province.unknown", name=str(name).strip())


def near_hint(name: object) -> str:
    """" Có phải: Sơn La, …?" for a name that is no province before or after the merger (as
    G001 says it), "" for a real one."""
    from ..common.issues import phrase
    near = misspelt(name)
    return phrase("geo.near", names=", ".join(near)) if near else ""


def mapping_notes(files, as_of: dt.date, units=None) -> list[str]:
    """Console notes (Phrases) for a roll-up at `as_of`: old province names read into a
    new province, and names that are no province at all (with the closest names)."""
    from ..common.issues import phrase
    ok = files.dropna(subset=["unit", "province"])
    if units is not None:
        ok = ok[ok["unit"].isin(list(units))]
    geo = geography()
    mapped: dict[str, set] = {}
    unknown = {}
    for name in sorted(set(ok["province"])):
        r = geo.resolve(name, as_of)
        if r.province is None:
            unknown[name] = geo.closest(name)
        elif r.old is not None:
            mapped.setdefault((r.province.full, r.province.kind, r.province.name), set()).add(r.old.name)
    notes = []
    for (_, kind, name), olds in sorted(mapped.items()):
        new = phrase("geo.full", kind=kind, name=name)
        notes.append(phrase("geo.mapped", effective=f"{geo.effective:%d/%m/%Y}", olds=", ".join(sorted(olds)), new=new,
                            as_of=f"{as_of:%d/%m/%Y}", source=geo.source.split(" ngày")[0]))
    for name, near in unknown.items():
        hint = phrase("geo.near", names=", ".join(near)) if near else ""
        notes.append(phrase("geo.unknown", name=name, effective=f"{geo.effective:%d/%m/%Y}", hint=hint))
    return notes
