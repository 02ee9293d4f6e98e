"""The one preparation step of every command and of the web: read the source (data folders or
a store), run the checks, ask the gate, and refuse unless the data are complete.

    prepared = prepare(source, period, Selection(province="Sơn La", one=True), config)
    prepared.dataset, prepared.issues, prepared.gate      # what was read, what is wrong, what counts

`--data` and `--store` are two sources of the same thing: both come through here, so they
give the same results.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..common.codes import unit_code
from ..common.issues import phrase
from ..common.periods import Period, month_code


@dataclass(frozen=True)
class Selection:
    """What a command is about. A document (`one`) is about one facility or one province:
    `facility` or `province`, else the data's only facility (choose_units). A table is about
    `units` (facility codes) or `provinces` (names); None: every one."""
    facility: str | None = None
    province: str | None = None
    units: list | None = None
    provinces: list | None = None
    one: bool = False


@dataclass
class Prepared:
    """The data of a command: everything read, its issues, and the gate's decision."""
    source: object
    period: Period | None  # None: the months the data span (validate without a period)
    dataset: object  # rehabstat.reading.dataset.Dataset: everything read, earlier periods too
    config: object  # rehabstat.settings.config.Config
    issues: list = field(default_factory=list)  # the monthly workbooks' and the data's (reader and rules)
    province_issues: list = field(default_factory=list)  # the province workbooks' (not facility-months)
    gate: object = None  # rehabstat.checking.gate.Gate over the period; None when no month is known
    as_of: dt.date | None = None  # provinces as of this day (geography.py)
    units: list = field(default_factory=list)  # a document's facilities
    level: str = "facility"  # a document's: 'facility' or 'province'
    key: str = ""  # a document's unit: the facility code or the province name

    @property
    def from_store(self) -> bool:
        return is_store(self.source)

    def approved(self) -> dict | None:
        """{(unit, year, month): ...} of the months the department approved (a store), else None."""
        return self.source.approved() if self.from_store else None


def prepare(source, period: Period | None, selection: Selection | None = None, config=None, *, force=False,
            today=None, as_of=None, jobs=None, progress=None, warm=(), refuse=True,
            document: dict | None = None, every_month=False, raw=True) -> Prepared:
    """read → checks → gate → refuse unless complete, the same for every command.

    `source`: data folders or files, or a StoreSource. `config`: a Config, a path to
    rehabstat.toml, or None (looked up beside the data). `period` None: the checks see every
    month, the gate the months the data span. `refuse`: an empty selection, or (unless
    `force`) data that are not complete and clean, raise DataError (exit 1).
    `document`: values that replace the configuration's [document] ones (--number, --date).
    `progress`, `jobs`, `warm`: as dataset.read_paths takes them. Only the months the period
    needs are read in full (periods.needed_months), the others glanced at, unless
    `every_month` (validate: every workbook is checked whatever its month). `raw` False: the
    monthly workbooks' raw rows (Dataset.results, for annotated copies) are let go as soon as
    the frames are built, before the checks (batch: a national year's rows are large)."""
    from ..checking.gate import checked_issues, decide
    from ..reading.province import split_issues
    selection = selection or Selection()
    ds, cfg = read(source, config, jobs=jobs, progress=progress, warm=warm, period=None if every_month else period)
    if refuse and (ds.files.empty or (ds.files["status"] == "skipped").all()):
        # not one workbook where the user pointed: a wrong folder (usage, exit 2), not data to fix
        if is_store(source):
            raise usage("select.no_monthly_store")
        paths = source if isinstance(source, (list, tuple)) else [source]
        raise usage("select.no_monthly_in", paths=", ".join(map(str, paths)))
    if not raw:  # the province workbooks' results stay (small): their issues concern their province and period
        ds.results = [r for r in (ds.results or []) if getattr(r, "level", "facility") == "province"]
    for name, value in (document or {}).items():
        cfg.document[name] = value
    span = period if period is not None else data_span(ds)
    as_of = as_of or (span.end_date if span is not None else None)
    prepared = Prepared(source=source, period=period, dataset=ds, config=cfg, as_of=as_of)
    units, provinces = selection.units, selection.provinces
    if selection.one:
        prepared.units, prepared.level, prepared.key = choose_units(ds, selection.facility, selection.province,
                                                                    as_of)
        units = prepared.units if prepared.level == "facility" else None
        provinces = [selection.province] if prepared.level == "province" else None
    issues = checked_issues(ds, period, today, cfg)  # once: the gate asks again for earlier periods
    prepared.issues, prepared.province_issues = split_issues(ds, issues)  # province workbooks: not facility-months
    if span is not None:
        prepared.gate = decide(ds, span, cfg, units=units, provinces=provinces, force=force, today=today,
                               as_of=as_of, issues=prepared.issues)
        if refuse:
            refuse_unless_complete(prepared.gate, force)
    return prepared


def read(source, config=None, jobs=None, progress=None, warm=(), period=None):
    """Read the source and its configuration: (Dataset, Config). `warm`: modules to import
    while the workbooks are parsed (dataset.read_paths). `period`: only the months it needs
    are read in full (periods.needed_months), the others glanced at."""
    from ..common.periods import needed_months
    from ..reading.dataset import read_paths
    from ..settings.config import Config, load_config
    window = needed_months(period) if period is not None else None
    if is_store(source):  # --store: the rows parsed at receipt, latest accepted version of each month
        return source.dataset(window=window), config if isinstance(config, Config) else source.config(config)
    paths = [Path(p) for p in (source if isinstance(source, (list, tuple)) else [source])]
    cfg = config if isinstance(config, Config) else load_config(paths, config)
    ds = read_paths(paths, jobs=jobs, progress=progress, warm=warm, window=window)
    _facility_tables(cfg, paths, ds)
    return ds, cfg


def _facility_tables(cfg, paths, ds) -> None:
    """[facility.X] tables name known facilities (config.check_facility_tables). Known against
    what was read only when it is all that rehabstat.toml governs: a folder read is the one it
    lies in. A rehabstat.toml found above the folder read (samples/rehabstat.toml for
    samples/ha-noi) also governs the folders beside it, whose facilities were not read."""
    from ..settings.config import check_facility_tables
    if cfg.path is None or not cfg.facility_keys:
        return
    home = Path(cfg.path).resolve().parent
    if any(p.is_dir() and p.resolve() == home for p in paths):
        check_facility_tables(cfg, set(ds.files["unit"].dropna()), home)


def is_store(source) -> bool:
    """store.is_store(source), without importing the store (sqlite3 and the inbox: ~10 ms of a
    report from --data): a StoreSource exists only once rehabstat.store has been imported."""
    import sys
    store = sys.modules.get("rehabstat.store")
    return store is not None and store.is_store(source)


def data_span(ds) -> Period | None:
    """The months the data's monthly workbooks span, first to last; None when none says its month."""
    known = ds.files.dropna(subset=["year", "month"])
    if not len(known):
        return None
    yms = sorted({(int(y), int(m)) for y, m in zip(known["year"], known["month"])})
    return Period(yms[0], yms[-1], f"{month_code(*yms[0])}..{month_code(*yms[-1])}")


def refuse_unless_complete(gate, force: bool) -> None:
    """The one policy: an empty selection is always refused; incomplete or unclean data are
    refused unless force."""
    from ..common.errors import DataError
    if gate.empty:
        raise DataError(phrase("data.none", period=gate.period), gate.problems(),
                        gate.advice())
    if not gate.complete and not force:
        problems = gate.problems()
        raise DataError(phrase("data.incomplete", period=gate.period),
                        problems + unreadable_lines(gate, problems), gate.advice())


def unreadable_lines(gate, mentioned=()) -> list[str]:
    """A line per file of the data that could not be read at all (the gate's `unreadable`,
    whatever its month: a truncated 2021-03-sua.xlsx beside a complete quarter is still a
    month somebody sent), with what to do, unless `mentioned` (lines already shown) names it."""
    shown = "\n".join(map(str, mentioned))
    return [phrase("data.not_counted", file=f, message=message)
            for f, message in gate.unreadable
            if str(f) not in shown and f"{Path(f).name}:" not in shown and f"{Path(f).name} " not in shown]


def province_notes(ds, period: Period, as_of=None, units=None, compared=None) -> list[str]:
    """What the console should say about province names: old names read into a new
    province, names that are no province (geography.mapping_notes). ``compared``: (the
    whole Dataset, the earlier period compared with), whose workbooks are rolled up to the
    same provinces and said with the period's (gate.compared)."""
    import pandas as pd
    from ..computing.indicators import in_period
    from ..settings.geography import mapping_notes
    files = in_period(ds.files, period)
    if compared is not None:
        whole, earlier = compared
        files = pd.concat([files, in_period(whole.files, earlier)], ignore_index=True)
    return mapping_notes(files, as_of or period.end_date, units)


def choose_units(ds, facility=None, province=None, as_of=None):
    """(units, level, display) for a report: one facility, or all facilities of a province
    (the province as of `as_of`: "Nam Định" in 2025 is tỉnh Ninh Bình's part)."""
    from ..common.codes import province_key
    from ..settings.geography import province_at, unit_provinces
    files = ds.files.dropna(subset=["unit"])
    known = sorted(set(files["unit"]))
    if facility and province:
        raise usage("select.both")
    if province:
        as_of = as_of or dt.date.max
        name = province_at(province, as_of)
        of = unit_provinces(ds.files, as_of)
        units = sorted(u for u, p in of.items() if province_key(p) == province_key(name))
        if not units:
            provinces = sorted(set(of.values()))
            from ..settings.geography import near_hint
            raise usage("select.no_province_near", province=province, known=", ".join(provinces) or phrase("select.none"),
                        hint=near_hint(province))
        return units, "province", name
    if facility:
        code = unit_code(facility)
        if code not in known:
            raise usage("select.no_facility", facility=facility, known=", ".join(known) or phrase("select.none"))
        return [code], "facility", code
    if len(known) == 1:
        return known, "facility", known[0]
    if not known:
        if ds.files.empty or (ds.files["status"] == "skipped").all():
            raise usage("select.no_workbook")
        from ..common.errors import DataError
        raise DataError(phrase("select.unreadable"),
                        [phrase("select.file", file=f, message=next((i for i in ds.issues if i.file == f),
                                                                    phrase("select.cannot_read")))
                         for f in ds.files["file"][:20]],
                        phrase("select.unreadable_advice"))
    from ..checking.checks import one_facility_several_codes
    twins = [(part["unit_name"].iloc[0], sorted(set(part["unit"]))) for part in one_facility_several_codes(ds.files)]
    if twins:  # a mistyped code ("SL1" one month), not two facilities: say so, not "choose one"
        from ..common.errors import DataError
        raise DataError(phrase("select.twins"), [phrase("select.twin", name=name, codes=", ".join(codes))
                                                 for name, codes in twins], phrase("select.twins_advice"))
    listed = ", ".join(known[:10]) + ("..." if len(known) > 10 else "")
    raise usage("select.many", count=len(known), listed=listed)


def usage(key, **values):
    """The UsageError of a catalogue key and its values."""
    from ..common.errors import UsageError
    return UsageError.said(key, **values)
