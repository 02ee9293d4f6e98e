"""`rehabstat batch`: every province's summary report (BC) and one national workbook,
from one reading of everything the facilities sent.

read once (in parallel) → check once → decide, per facility and month, what is usable
(received / missing / duplicate / has errors) → exclude duplicates and workbooks with
errors from the figures → compute the indicator tables once → one BC (.docx + .xlsx with
an annex sheet) per province → the national workbook (rehabstat/workbooks/national.py).

Nothing here raises for bad data: a broken or hostile workbook is listed and its
facility-month is shown as "có lỗi"; the result says whether anything needs attention
(exit code 1) while every document is still written.
"""
from __future__ import annotations

import datetime as dt
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..common.codes import province_key
from ..common.issues import ERROR, Issue, IssueCounts, phrase
from ..common.language import chosen
from ..common.periods import Period
from ..checking.gate import (DUPLICATE, HAS_ERRORS, MISSING, NOT_DUE, RECEIVED, STATUSES, Facility,  # noqa: F401
                   gap_lines, month_from_name, month_ranges)
from ..documents.annex import (ANNEX_CATEGORIES, ANNEX_INDICATORS, annex_rows, draft_reasons,  # noqa: F401
                               facility_note, late_months, partial_counts, partial_figures, timeliness_context, write_annex_sheet)


# ---------------------------------------------------------------- results

@dataclass
class ProvinceResult:
    name: str
    facilities: list = field(default_factory=list)  # [Facility]
    errors: list = field(default_factory=list)  # Issues of this province (in the period)
    warnings: list = field(default_factory=list)
    gaps: list = field(default_factory=list)  # [str]: which months of which facility are missing / excluded
    said_gaps: list = field(default_factory=list)  # the same, in the language of the command line (its summary)
    annex: list = field(default_factory=list)  # rows (see annex_rows)
    outputs: list = field(default_factory=list)
    draft: bool = False
    failure: str | None = None  # the documents could not be written
    note: str | None = None  # why no BC was written although nothing failed (incomplete data, no workbook)
    complete: bool = False  # the gate: every facility-month received, no error

    def count(self, status) -> int:
        return sum(1 for f in self.facilities for s in f.cells.values() if s == status)

    @property
    def expected(self) -> int:
        return sum(f.expected for f in self.facilities)

    @property
    def excluded(self) -> int:
        return self.count(DUPLICATE) + self.count(HAS_ERRORS)

    @property
    def attention(self) -> bool:
        return bool(not self.complete or self.errors or self.failure)


@dataclass
class BatchResult(IssueCounts):
    period: Period
    out: Path
    provinces: list = field(default_factory=list)  # [ProvinceResult], by name
    national: Path | None = None
    workbooks: int = 0  # workbooks found
    skipped: list = field(default_factory=list)  # files that are not monthly workbooks (a targets workbook)
    unattributed: list = field(default_factory=list)  # [(file, reason)]: broken, facility or month unknown
    unreadable: list = field(default_factory=list)  # lines: files that could not be read, whatever their month
    issues: list = field(default_factory=list)  # every issue that concerns the period
    template_error: str | None = None  # the BC template could not be used (no BC was written)
    notes: list = field(default_factory=list)  # what the console should say (province names mapped, sector defaults)
    elapsed: float = 0.0
    gate: object = None  # the gate's decision (rehabstat.checking.gate.Gate)
    draft: bool = False  # the national workbook was written from incomplete data (--force)

    def codes(self, severity=None) -> Counter:
        return Counter(i.code for i in self.issues if severity is None or (i.severity == ERROR) == (severity == ERROR))

    @property
    def attention(self) -> bool:
        return bool(self.gate is None or not self.gate.complete or self.errors or self.unattributed
                    or not self.provinces or any(p.attention for p in self.provinces))

    @property
    def exit_code(self) -> int:
        """0 all clean; 1 the data are incomplete or have errors (only complete provinces' BCs
    written, unless --force); 2 the template is unusable."""
        if self.template_error:
            return 2
        return 1 if self.attention else 0


# ---------------------------------------------------------------- the run

def run_batch(data, period: Period, out, jobs=None, config=None, force=False, progress=None, today=None,
              template=None, as_of=None) -> BatchResult:
    """Every province's BC and the national workbook for `period`.

    `progress(stage, done, total)` is called while reading ('read', once per workbook),
    checking and computing ('check', 0 then 1 of 1) and rendering ('render', per province).
    `force` keeps the workbooks with errors in the figures (the province's BC is then a
    draft); duplicates are always left out. Provinces are those of `as_of` (default: the
    period's last day; geography.py)."""
    from ..common.issues import learner_ids
    from ..reading.dataset import OUTPUT_MODULES
    from ..reading.province import relevant_issues
    from ..reading.reader import find_workbooks
    from ..store import is_store
    from ..computing.indicators import compute
    from .output import ensure_out_dir
    from .prepare import prepare, province_notes, unreadable_lines, usage
    started = time.perf_counter()
    today = today or dt.date.today()
    ensure_out_dir(out)
    paths = [Path(p) for p in (data if isinstance(data, (list, tuple)) else [data])] if not is_store(data) else []
    files = find_workbooks(paths) if paths else None
    if files is not None and not files:
        raise usage("select.no_workbook_in", paths=", ".join(map(str, paths)))
    done = [0]

    def read_one(_path):
        done[0] += 1
        if progress:
            progress("read", done[0], len(files))
            if done[0] == len(files):  # the checks come next, in prepare
                progress("check", 0, 1)

    if progress:  # a store is not read again: its rows are checked at once
        progress(*(("read", 0, len(files)) if files is not None else ("check", 0, 1)))
    # --store: the rows parsed at receipt, nothing read again; duplicates are always left out,
    # workbooks with errors only without force; the gate's decision is the batch's, not a refusal;
    # the raw rows of every workbook are in the frames once read, and a batch annotates nothing
    from functools import partial
    from .report import warm_template
    prepared = prepare(data, period, config=config, force=force, today=today, as_of=as_of, jobs=jobs,
                       progress=read_one, warm=OUTPUT_MODULES + (partial(warm_template, template, "bc"),),
                       refuse=False, raw=False)
    ds, cfg, gate, as_of = prepared.dataset, prepared.config, prepared.gate, prepared.as_of
    issues, province_issues = prepared.issues, prepared.province_issues
    approved = prepared.approved()  # {(unit, year, month): ...} of locked months
    if files is None:
        files = list(ds.files["file"])
        if not files:
            raise usage("select.no_workbook_in", paths=str(data))
    result = BatchResult(period=period, out=Path(out), workbooks=len(files))
    result.skipped = sorted(ds.files.loc[ds.files["status"] == "skipped", "file"])
    result.notes = province_notes(ds, period, as_of)
    result.gate = gate
    result.unattributed = gate.unattributed
    result.unreadable = unreadable_lines(gate, [f for f, _m in gate.unattributed])
    result.issues = gate.issues
    facilities, provinces = gate.facilities, gate.provinces
    excluded = set(gate.excluded)
    clean = gate.dataset
    fac_table = compute(clean, period, level="facility", split=cfg.split)
    prov_table = _aggregate(fac_table, "province", period, {u: f.province for u, f in facilities.items()},
                            clean.unit_provinces(), provinces)
    nat_table = _aggregate(fac_table, "national", period)
    monthly = _monthly_census(clean, period)
    if progress:
        progress("check", 1, 1)

    result.provinces = []
    own_workbooks = []  # the province workbooks' issues of the period, listed with the others
    unit_rows = fac_table.groupby("unit", sort=False).indices  # once, not a filter of the whole table per province
    # each issue's facility (else province) looked up once, not once per province: a national
    # year can hold tens of thousands of issues
    by_unit, by_province = {}, {}
    for position, i in enumerate(result.issues):
        unit = gate.issue_unit(i)
        if unit is not None:
            by_unit.setdefault(unit, []).append(position)
        elif i.province:
            by_province.setdefault(province_key(i.province), []).append(position)
    for name, facs in sorted(gate.by_province().items(), key=lambda kv: _sort_name(kv[0])):
        prov = ProvinceResult(name=name, facilities=facs, complete=gate.province_complete(name))
        units = {f.unit for f in facs}
        mine = [result.issues[k] for k in sorted([k for u in units for k in by_unit.get(u, ())]
                                                 + by_province.get(province_key(name), []))]
        # the province workbooks of its period: their errors hold its BC back as the gate's do
        theirs = relevant_issues(ds, province_issues, period, name)
        mine += theirs
        own_workbooks += theirs
        prov.errors = [i for i in mine if i.severity == ERROR]
        prov.warnings = [i for i in mine if i.severity != ERROR]
        prov.complete = prov.complete and not prov.errors
        own = _rows_of_units(fac_table, unit_rows, units)
        partial = partial_counts(prov.facilities, own)  # the BC says it in Vietnamese, the summary in --lang
        prov.gaps = gap_lines(prov.facilities, period, force) + partial_figures(prov.facilities, own, partial)
        prov.said_gaps = gap_lines(prov.facilities, period, force, lang=chosen()) + said_partial(*partial, chosen())
        prov.annex = annex_rows(prov.facilities, own)
        result.provinces.append(prov)
    result.issues = list(result.issues) + own_workbooks

    # the national workbook: its totals rest on every province, so it is written when the
    # whole is complete and clean, or as a draft with --force. It is written in this process
    # while the workers render the provinces (this process would otherwise wait for them),
    # with the name each province's BC will have; written again in the rare case that a
    # province's BC could not be written (its column then says why).
    national = None
    if gate.complete or force:
        from ..workbooks.national import build_national, finish_national
        result.draft = not gate.complete
        from ..workbooks.xlsxout import DRAFT_SUFFIX
        path = Path(out) / f"TongHop-{_file_code(period)}{DRAFT_SUFFIX if result.draft else ''}.xlsx"
        # what touches every row is done before the workers are forked: done while they run,
        # it would copy the memory pages they share with this process (copy-on-write)
        ids, reporting = learner_ids(ds), _reporting(result.provinces, period, cfg)

        def national(expected: dict):
            wb = build_national(
                period=period, provinces=result.provinces, table=prov_table, national=nat_table, monthly=monthly,
                issues=result.issues, unattributed=result.unattributed, today=today, draft=result.draft,
                deadline=getattr(cfg, "deadline", None) or None, reporting=reporting, approved=approved,
                learner_ids=ids)
            return wb, finish_national(wb, path, result.provinces, expected, draft=result.draft)
    built = _render_all(result, clean, cfg, period, out, excluded, force, today, template, jobs, progress, prov_table,
                        as_of, approved, full=ds, all_issues=issues, meanwhile=national,
                        national_path=path if national is not None else None)
    if national is not None:
        wb, result.national = built
        if any(p.failure for p in result.provinces):  # a BC not written: its row says why
            result.national = finish_national(wb, path, result.provinces, draft=result.draft)
    result.elapsed = time.perf_counter() - started
    return result


def said_partial(partial: list[tuple[str, int]], reporting: int, lang: str) -> list[str]:
    """The summary's line on figures only some facilities reported (documents.annex.partial_counts),
    in `lang`: the BC's sentence says the same in Vietnamese."""
    from ..common.catalogue import text
    from ..common.codes import FIGURES
    if not partial:
        return []

    def name(code: str) -> str:
        said = text(f"figure.{code}" if code in FIGURES else f"partial.{code}", lang)
        return said.lower() if lang == "vi" else said  # English names a figure by its code
    listed = sorted((name(code), k) for code, k in partial)
    return [text("partial.line", lang, listed="; ".join(
        text("partial.item", lang, name=label, count=k, total=reporting) for label, k in listed))]


def _rows_of_units(table, unit_rows: dict, units) -> "pd.DataFrame":
    """The rows of `table` for some units, in the table's order (unit_rows: the table's
    groupby("unit").indices)."""
    import numpy as np
    at = [unit_rows[u] for u in units if u in unit_rows]
    return table.iloc[np.sort(np.concatenate(at))] if at else table.iloc[:0]


def _reporting(provinces, period: Period, cfg) -> list[tuple]:
    """The reporting counts and rates of each province and of the country (timeliness.py), as indicator rows."""
    from ..computing.timeliness import reporting_rows
    deadline = getattr(cfg, "deadline", None) or None
    rows = reporting_rows({p.name: p.facilities for p in provinces}, "province", period.code, deadline)
    return rows + reporting_rows({"VN": [f for p in provinces for f in p.facilities]}, "national", period.code, deadline)




def _render_all(result: BatchResult, clean, cfg, period, out, excluded, force, today, template, jobs, progress,
                prov_table, as_of=None, approved=None, full=None, all_issues=None, meanwhile=None, national_path=None):
    """One BC per province, in parallel processes when there are many: each gets only its
    own rows of the period (a small Dataset, cheap to send). `meanwhile(expected)` runs in
    this process while the workers render (after the provinces when there are no workers),
    `expected` the name of each BC to be written ({province: file name}); its result is
    returned."""
    import os
    from ..documents.render import OutputError, TemplateError
    used = (RECEIVED, HAS_ERRORS) if force else (RECEIVED,)
    work = []
    file_province = {}
    for prov in result.provinces:
        files = [f for fac in prov.facilities for ym, fs in fac.files.items() if fac.cells[ym] in used for f in fs]
        if not files:
            prov.note = phrase("batch.no_usable")
            continue
        if not prov.complete and not force:
            prov.note = phrase("batch.not_complete")
            continue
        file_province.update((f, prov.name) for f in files)
        work.append(prov)
    parts = _split_by_province(clean, file_province)
    # the earlier periods each BC compares with: one gate's decision and one indicator table per
    # period for every province (each province asking its own would decide and compute 63 times)
    earlier = {}
    if full is not None:
        from ..computing.compare import earlier_by_province
        from ..reading import province as province_rows

        def extra_of(name):
            return lambda p, t: province_rows.augment(parts[name], p, name, t)[0]
        earlier = earlier_by_province(full, period, {prov.name: [f.unit for f in prov.facilities if not f.sent_nothing]
                                                     for prov in work}, cfg, all_issues or [], as_of, extra_of)
    tables = dict(tuple(prov_table.groupby("unit", sort=False)))  # computed once, not once per province
    payloads = []
    from .report import DocumentData, DocumentRequest, approved_months, document_stem
    for prov in work:
        units = [f.unit for f in prov.facilities if not f.sent_nothing]
        request = DocumentRequest(period=period, level="province", key=prov.name, out=Path(out), force=True,
                                  template=template, today=today, as_of=as_of)
        data = DocumentData(dataset=parts[prov.name], config=cfg, units=units,
                            issues=[i for i in prov.errors + prov.warnings if i.file not in excluded],
                            table=tables.get(prov.name), draft=not prov.complete,
                            draft_reasons=draft_reasons(result.gate, [f.unit for f in prov.facilities])
                            if not prov.complete else [],
                            annex=prov.annex, gaps=prov.gaps, timeliness=timeliness_context(prov.facilities, cfg),
                            approved=None if approved is None else approved_months(approved, units, period),
                            earlier=earlier.get(prov.name), reporting=prov.facilities)
        payloads.append((request, data))
    expected = {prov.name: f"{document_stem('bc', prov.name, period, draft=not prov.complete)}.docx" for prov in work}
    from ..workbooks.written import refuse_unless_ours
    # every file this batch will write, checked before any is: a file changed since we wrote it stops the batch
    refuse_unless_ours([Path(out) / (name[:-5] + suffix) for name in expected.values() for suffix in (".docx", ".xlsx")]
                       + ([national_path] if national_path is not None else []))
    total = len(result.provinces)
    done = total - len(work)
    if progress:
        progress("render", done, total)

    def finish(prov, outcome):
        if isinstance(outcome, OutputError):  # a file open in Word, a read-only folder: the others go on
            prov.failure = str(outcome)
        elif isinstance(outcome, TemplateError):  # the template itself: the same for every province
            prov.failure = phrase("batch.template_failed")
            result.template_error = result.template_error or str(outcome)
        else:
            prov.outputs, prov.draft = [Path(p) for p in outcome[0]], outcome[1]
            for note in outcome[2]:  # the same for most provinces (the sector's defaults): said once
                if note not in result.notes:
                    result.notes.append(note)

    built = None
    workers = min(jobs or os.cpu_count() or 1, len(work))
    if workers > 1 and len(work) >= 4:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor, as_completed
        global _PAYLOADS
        from ..reading.sandbox import forks
        if forks():
            from .report import warm_template
            warm_template(template, "bc")  # compiled once here (already, when read from --data), not in each worker
            # the workers are forked after this is set: each inherits every payload (no
            # pickling of the provinces' data to the workers), and is sent only an index
            _PAYLOADS, context, job, args = payloads, multiprocessing.get_context("fork"), _render_index, range(len(work))
        else:
            context, job, args = multiprocessing.get_context("spawn"), _render_job, payloads
        from ..reading.sandbox import frozen_gc
        try:
            with frozen_gc(), ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_render_worker,
                                                  initargs=(os.getpid(),)) as pool:
                from ..reading.sandbox import ctrl_c_held
                with ctrl_c_held():  # the workers are started by the submits
                    futures = {pool.submit(job, arg): prov for prov, arg in zip(work, args)}
                # the workers are forked by the first submit, before `meanwhile` builds anything
                if meanwhile is not None:
                    task, meanwhile = meanwhile, None
                    built = task(expected)
                for fut in as_completed(futures):
                    finish(futures[fut], fut.result())
                    done += 1
                    if progress:
                        progress("render", done, total)
        finally:
            _PAYLOADS = None
    else:
        for prov, payload in zip(work, payloads):
            finish(prov, _render_job(payload))
            if result.template_error:
                for other in work[work.index(prov) + 1:]:
                    other.failure = phrase("batch.template_failed")
                break
            done += 1
            if progress:
                progress("render", done, total)
    if progress:
        progress("render", total, total)
    return meanwhile(expected) if meanwhile is not None else built


_PAYLOADS = None  # the render payloads, inherited by forked workers (see _render_all)


def _render_index(index):
    return _render_job(_PAYLOADS[index])


def _render_job(payload):
    """Render one province's BC (in a worker process or not): (outputs, draft), or the
    TemplateError / OutputError that stopped it (returned, so that it reaches the parent)."""
    from ..documents.render import TemplateError
    from .report import build_document
    try:
        doc = build_document(*payload)
    except TemplateError as exc:
        return exc
    return [str(p) for p in doc.outputs], doc.draft, doc.notes


def _render_worker(parent_pid: int) -> None:
    """A render worker: Ctrl-C is its parent's to handle, and it ends with its parent."""
    from ..reading.sandbox import deaf_to_ctrl_c, die_with_parent
    deaf_to_ctrl_c()
    die_with_parent(parent_pid)


def _split_by_province(ds, file_province: dict) -> dict:
    """{province: Dataset of its files only} (frames only: no issues, layout or raw results)."""
    from ..reading.dataset import Dataset
    frames = {}
    for attr in ("files", "census", "events", "figures"):
        df = getattr(ds, attr)
        key = df["file"].map(file_province)
        frames[attr] = {name: part for name, part in df[key.notna()].groupby(key[key.notna()], sort=False)}
    out = {}
    provincial = getattr(ds, "provincial", None)
    for name in set(file_province.values()):
        parts = [frames[a].get(name, getattr(ds, a).iloc[0:0]) for a in ("files", "census", "events", "figures")]
        mine = None  # the province workbooks of this province (its BC adds their figures)
        if provincial is not None and len(provincial):
            mine = provincial[provincial["province"].map(province_key) == province_key(name)]
        out[name] = Dataset(*parts, provincial=mine)
    return out


# ---------------------------------------------------------------- who sent what

# ---------------------------------------------------------------- figures for the documents

def _aggregate(fac_table, level, period, unit_province=None, data_province=None, provinces=None):
    """The province or national table from the facility table, as compute(level=...) makes
    it (stocks and flows summed over facilities), with one row per province even when its
    facilities write its name differently ("Hà Nội", "TP. Hà Nội")."""
    from ..computing.indicators.engine import COLUMNS, NATION
    if level == "national":
        unit = NATION
    else:
        names = {u: provinces.get(province_key(p), p) for u, p in (data_province or {}).items()}
        names.update(unit_province or {})
        unit = fac_table["unit"].map(names)
    table = fac_table.assign(unit=unit)
    table = table.groupby(["unit", "indicator", "category"], as_index=False, sort=False)["value"].sum()
    table = table.assign(level=level, period=period.code)[COLUMNS]
    return table.sort_values(["unit", "indicator", "category"], kind="stable").reset_index(drop=True)


def _monthly_census(ds, period: Period) -> list[tuple[int, int, dict]]:
    """[(year, month, {'HV': n, 'ALL': n, 'MET': n})]: the national census at each month's end
    (the same as compute(..., level='national') on that month alone: stocks summed over
    the facilities that reported that month)."""
    from ..common.codes import LEARNER_CATEGORIES
    census = ds.census
    rows = []
    if census.empty:
        return [(y, m, {"HV": 0, "MET": 0, "ALL": 0}) for y, m in period.months]
    c = census.dropna(subset=["closing"])
    grouped = c.groupby(["year", "month", c["category"].isin(LEARNER_CATEGORIES).rename("hv")])["closing"].sum()
    met = c[c["category"] == "MET"].groupby(["year", "month"])["closing"].sum()
    for y, m in period.months:
        hv = int(grouped.get((y, m, True), 0))
        other = int(grouped.get((y, m, False), 0))
        rows.append((y, m, {"HV": hv, "MET": int(met.get((y, m), 0)), "ALL": hv + other}))
    return rows


def _sort_name(name: str):
    from ..common.codes import norm_key
    return norm_key(name)


def _file_code(period: Period) -> str:
    return period.code


# ---------------------------------------------------------------- what the command says at the end

@dataclass
class SummaryTable:
    """The table of the summary: a row per province (and the country), cells in rich markup."""
    title: str
    columns: list  # [(header, justify)]
    rows: list  # [[cell]]


@dataclass
class SummaryLine:
    text: str
    markup: bool = True  # the text holds rich markup ("[red]…[/]"); False: printed as it is
    stderr: bool = False  # an error of the run, said on stderr; the summary itself is stdout


def batch_summary(result: BatchResult) -> list:
    """The batch's closing summary, in the order it is printed: the workbooks read, the table of
    provinces, what needs attention, the issues by code, the national workbook, the verdict and
    the time it took (result.elapsed)."""
    from ..common import vnformat as vn
    from ..common.catalogue import text
    from ..common.issues import Count
    from ..common.language import chosen
    from ..reading.safety import is_rehabstat_output
    lang = chosen()  # the summary is printed at once, in the language of the command line
    n = lambda x: Count(x).shown(lang)  # noqa: E731
    said: list = []
    table = SummaryTable(text("batch.title", period=result.period), [
        (text(f"batch.h.{key}"), justify) for key, justify in (
            ("province", "left"), ("facilities", "right"), ("months", "right"), ("missing", "right"),
            ("excluded", "right"), ("errors", "right"), ("warnings", "right"), ("report", "left"))], [])
    totals = [0] * 6
    for p in result.provinces:
        counts = (sum(1 for f in p.facilities if not f.sent_nothing), p.count(RECEIVED), p.expected,
                  p.count(MISSING), p.excluded, len(p.errors), len(p.warnings))
        for k in range(6):
            totals[k] += counts[k]
        doc = next((str(o) for o in p.outputs if str(o).endswith(".docx")), "")
        if p.failure:
            doc = f"[red]{str(p.failure)}[/]"
        elif p.note:
            doc = f"[yellow]{str(p.note)}[/]"
        elif p.draft:
            doc += f" [yellow]({text('batch.draft')})[/]"
        red = lambda x, style="red": f"[{style}]{n(x)}[/]" if x else "0"  # noqa: E731
        table.rows.append([p.name, n(counts[0]), f"{n(counts[1])}/{n(counts[2])}", red(counts[3]), red(counts[4]),
                           red(counts[5]), red(counts[6], "yellow"), doc])
    if len(result.provinces) > 1:
        table.rows.append([f"[bold]{text('batch.national')}[/]", f"[bold]{n(totals[0])}[/]",
                           f"[bold]{n(totals[1])}/{n(totals[2])}[/]", f"[bold]{n(totals[3])}[/]",
                           f"[bold]{n(totals[4])}[/]", f"[bold]{n(len(result.errors))}[/]",
                           f"[bold]{n(len(result.warnings))}[/]", ""])
    ours = [f for f in result.skipped if is_rehabstat_output(Path(f))]  # our own BC-*.xlsx, TongHop-*.xlsx
    skipped = []
    if len(result.skipped) > len(ours):
        skipped.append(text("batch.skipped_targets", count=len(result.skipped) - len(ours)))
    if ours:
        skipped.append(text("batch.skipped_ours", count=len(ours)))
    said.append(SummaryLine(str(text("batch.read", count=result.workbooks - len(result.skipped),
                                               skipped=text("batch.skipped", what=text("batch.and").join(skipped))
                                               if skipped else ""))))
    said.append(table if result.provinces else SummaryLine(f"[yellow]{text('batch.no_workbook')}[/]"))
    attention = [(p.name, line) for p in result.provinces for line in p.said_gaps]
    if attention or result.unattributed or result.unreadable:
        said.append(SummaryLine(f"[bold red]{text('batch.attention')}[/]"))
        said += [SummaryLine(f"  • {line}", markup=False) for line in result.unreadable]
        said += [SummaryLine(f"  • {name}: {line}", markup=False) for name, line in attention]
        said += [SummaryLine("  • " + text("batch.unattributed", file=f) + (f" – {message}" if message else ""),
                             markup=False)
                 for f, message in result.unattributed]
    errors, warnings = result.codes("error"), result.codes("warning")
    if errors:
        said.append(SummaryLine(str(text("batch.errors", codes=", ".join(
            f"{c} ×{n(k)}" for c, k in sorted(errors.items()))))))
    if warnings:
        said.append(SummaryLine(str(text("batch.warnings", codes=", ".join(
            f"{c} ×{n(k)}" for c, k in sorted(warnings.items()))))))
    said += [SummaryLine(f"{text('run.note')} {note}", markup=False) for note in result.notes]
    if result.national is not None:
        said.append(SummaryLine(text("batch.national_written", path=result.national)
                                + (f" ({text('batch.draft')})" if result.draft else ""), markup=False))
    elif not result.template_error:
        said.append(SummaryLine(text("batch.national_not_written"), markup=False))
    if result.template_error:
        said.append(SummaryLine(f"[bold red]{text('run.template_error')}[/] {result.template_error}", stderr=True))
        verdict = f"[bold red]{text('batch.not_written')}[/] {text('batch.not_written_why')}"
    elif result.attention:
        verdict = (f"[bold red]{text('batch.incomplete')}[/] "
                   + text("batch.drafts" if any(p.draft for p in result.provinces) or result.draft else "batch.only"))
    else:
        verdict = f"[bold green]{text('batch.complete')}[/]"
    seconds = vn.number(result.elapsed, 1) if lang != "en" else f"{result.elapsed:.1f}"
    said.append(SummaryLine(f"{verdict} {text('batch.time', seconds=seconds)}"))
    return said
