"""`rehabstat report` and `rehabstat plan`: one facility's or one province's document (BC or
KH), its .docx and its .xlsx, from the prepared data (prepare.py)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..common.codes import slug as _slug
from ..common.issues import phrase
from ..common.periods import Period
from .output import ensure_out_dir
from ..documents.workbook import write_report_workbook
from .prepare import Selection, prepare, province_notes, unreadable_lines


@dataclass
class DocumentResult:
    outputs: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    refused: bool = False
    draft: bool = False
    context: dict | None = None
    notes: list = field(default_factory=list)  # things the user should know (Vietnamese)
    coverage: str = ""  # "12/12 tháng": months used of months expected (the gate's)
    problems: list = field(default_factory=list)  # why the document is a draft (the gate's lines)


@dataclass
class DocumentRequest:
    """What a document is asked to be: a BC or a KH, of which unit and period, written where."""
    period: Period
    level: str  # 'facility' | 'province'
    key: str  # the facility code or the province name
    kind: str = "bc"  # 'bc' | 'kh'
    out: Path = Path("out")
    force: bool = False  # data with errors or gaps make a draft instead of no document
    template: Path | None = None
    targets: Path | None = None  # the targets workbook (ChiTieu)
    plan: int | None = None  # the KH's plan year
    today: object = None  # datetime.date
    as_of: object = None  # datetime.date: provinces as of this day (default: the period's last)


@dataclass
class DocumentData:
    """What a document rests on: the counted data of its units and what the gate said of them."""
    dataset: object  # the counted data (the gate's), or a province's part of it (batch)
    config: object
    units: list  # its facilities
    issues: list  # the issues that concern them: errors refuse the document unless force
    table: object = None  # the unit's indicator rows when computed already (batch)
    draft: bool | None = None  # the gate's word (not complete and clean); None: errors decide
    draft_reasons: list = field(default_factory=list)
    annex: list | None = None  # a province's facilities (annex.annex_rows)
    gaps: list | None = None  # a province's lines on missing and left-out facility-months
    timeliness: dict | None = None
    approved: dict | None = None  # {unit: [(year, month)]} approved in the store; None: not from a store
    full: object = None  # every month read, to compare with earlier periods; None: nothing compared
    all_issues: list | None = None  # every issue of `full` (compare asks the gate about earlier periods)
    earlier: dict | None = None  # the earlier periods' figures when computed already (batch: compare.earlier_by_province)
    reporting: list | None = None  # the gate's facilities, whose reporting counts the workbook lists


def warm_template(template, kind: str) -> None:
    """The document's template compiled while the workbooks are parsed (render.warm): the
    report renders at once, a batch's render workers inherit it compiled."""
    from ..documents.render import warm
    warm(template, kind)


def make_report(data, period: Period, facility=None, province=None, out=Path("out"), force=False, template=None,
                targets=None, config=None, today=None, kind="bc", plan=None, number=None,
                doc_date=None, as_of=None) -> DocumentResult:
    """Build the BC (kind='bc') or KH (kind='kh') for one facility or province from data folders.
    `number` and `doc_date` override the configuration's document number and date.
    Asks the gate: raises DataError (exit 1) when the data are not complete and clean, unless
    force (then the document is a draft); an empty selection is always refused."""
    from ..reading.dataset import OUTPUT_MODULES
    if doc_date is not None:
        refuse_early_date(doc_date, period, kind)
    ensure_out_dir(out)
    document = {k: v for k, v in (("number", number), ("date", doc_date)) if v is not None}
    from functools import partial
    # pandas, xlsxwriter, docxtpl imported and the template compiled while the files are parsed
    prepared = prepare(data, period, Selection(facility=facility, province=province, one=True), config, force=force,
                       today=today, as_of=as_of, warm=OUTPUT_MODULES + (partial(warm_template, template, kind),),
                       document=document)
    ds, gate, level, key, as_of = prepared.dataset, prepared.gate, prepared.level, prepared.key, prepared.as_of
    request = DocumentRequest(period=period, level=level, key=key, kind=kind, out=out, force=force, template=template,
                              targets=targets, plan=plan, today=today, as_of=as_of)
    basis = document_data(prepared)
    result = build_document(request, basis)
    if level == "province":
        result.notes[:0] = province_notes(ds, period, as_of, basis.units)
    result.notes += unreadable_lines(gate, gate.problems())
    result.coverage = gate.coverage_text()
    result.problems = gate.problems() if gate.draft else []
    if result.draft and targets is not None:  # a --force draft says which targets it left out
        result.problems += [phrase("gate.issue_at", code=i.code, where=f"{Path(i.file).name}, {i.where}", issue=i)
                            for i in result.errors if i.file and Path(i.file) == Path(targets)]
    return result


def document_data(prepared) -> DocumentData:
    """What one unit's document rests on, from the prepared data (a facility, or a province
    with its annex of facilities)."""
    from ..documents.annex import draft_reasons
    from ..reading.province import relevant_issues
    ds, cfg, gate, period, units = prepared.dataset, prepared.config, prepared.gate, prepared.period, prepared.units
    annex = gaps = timely = None
    if prepared.level == "province":
        from ..computing.indicators import compute
        from ..checking.gate import gap_lines
        from ..documents.annex import annex_rows, partial_figures, timeliness_context
        facs = sorted(gate.facilities.values(), key=lambda f: f.unit)
        fac_table = compute(gate.dataset, period, level="facility", split=cfg.split)
        annex = annex_rows(facs, fac_table)
        gaps = gap_lines(facs, period, gate.force) + partial_figures(facs, fac_table)
        timely = timeliness_context(facs, cfg)
        units = [f.unit for f in facs if not f.sent_nothing]
    approved = prepared.approved()
    mine = relevant_issues(ds, prepared.province_issues, period, prepared.key if prepared.level == "province" else None)
    return DocumentData(dataset=gate.dataset, config=cfg, units=units, issues=gate.issues + mine, draft=gate.draft,
                        draft_reasons=draft_reasons(gate) if gate.draft else [], annex=annex, gaps=gaps,
                        timeliness=timely, approved=None if approved is None else approved_months(approved, units, period),
                        full=ds, all_issues=prepared.issues,
                        reporting=[f for u, f in gate.facilities.items() if u in set(units)])


def known_units(data: DocumentData) -> set:
    """The facility codes the tool knows, to which a targets row may belong: every one of the
    data read (not only the document's), and those rehabstat.toml lists."""
    cfg = data.config
    known = set(data.units) | set(getattr(cfg, "facilities", None) or {})
    known |= {u for units in (getattr(cfg, "registry", None) or {}).values() for u in units}
    for ds in (data.dataset, data.full):
        if ds is not None:
            known |= set(ds.files["unit"].dropna())
    return known


def approved_months(approved: dict, units, period: Period) -> dict:
    """{unit: [(year, month)]}: the months of `period` the department approved, of each unit
    (`approved`: Store.approved())."""
    return {u: [ym for ym in period.months if (u, *ym) in approved] for u in units}


def refuse_early_date(doc_date, period: Period, kind: str = "bc") -> None:
    """A document is dated once its period has ended (its figures are those of the whole
    period): a date on or before the period's last day is a UsageError (exit 2) that gives
    the earliest date allowed."""
    import datetime as dt
    from ..common.errors import UsageError
    earliest = period.end_date + dt.timedelta(days=1)
    if doc_date < earliest:
        raise UsageError.said("out.early_plan" if kind == "kh" else "out.early_report", date=f"{doc_date:%d/%m/%Y}",
                              period=period, end=f"{period.end_date:%d/%m/%Y}", earliest=f"{earliest:%d/%m/%Y}")


def document_stem(kind: str, key: str, period: Period, plan=None, draft: bool = False) -> str:
    """The name of a document's .docx and .xlsx without suffix: BC-Ha-Noi-2021-Q2, KH-SL01-2022;
    a draft's name says so (BC-SL01-2021-DU-THAO), so that it never takes a final's name."""
    from ..workbooks.xlsxout import DRAFT_SUFFIX
    return (f"{'KH' if kind == 'kh' else 'BC'}-{_slug(key)}-{plan if kind == 'kh' else period.code}"
            + (DRAFT_SUFFIX if draft else ""))


def build_document(request: DocumentRequest, data: DocumentData) -> DocumentResult:
    """Render one document (its .docx and .xlsx) from the data it rests on (batch calls this
    once per province). Errors among `data.issues` or in the targets workbook refuse it
    unless `request.force` (then it is a draft)."""
    r, d = request, data
    ds, cfg, period, units, level, key, kind, plan = d.dataset, d.config, r.period, d.units, r.level, r.key, r.kind, r.plan
    issues, targets, force, table, full, as_of = d.issues, r.targets, r.force, d.table, d.full, r.as_of
    from ..computing.indicators import compute
    from ..common.issues import ERROR
    result = DocumentResult(errors=[i for i in issues if i.severity == ERROR],
                            warnings=[i for i in issues if i.severity != ERROR])
    target_rows = []
    if targets is not None:
        from ..computing.targets import read_targets
        target_rows, target_issues = read_targets(targets, known_units(d))
        result.errors += [i for i in target_issues if i.severity == ERROR]
    if result.errors and not force:
        result.refused = True
        return result
    result.draft = bool(result.errors) or bool(d.draft)
    as_of = as_of or period.end_date
    if table is None:
        table = compute(ds, period, level="facility" if level == "facility" else "province", split=cfg.split,
                        units=units if level == "facility" else None,
                        provinces=[key] if level == "province" else None, as_of=as_of)
    from ..documents.report import unit_context
    unit = unit_context(ds, level, key, units, period, as_of)
    province = unit["province"]
    from ..settings.sector import document_settings
    settings, sector_notes = document_settings(cfg.document, period, level, province,
                                               unit["name"] if level == "facility" else None, as_of)
    result.notes += sector_notes
    from ..computing.compare import document_extras
    table, earlier, province_ctx, found = document_extras(ds, period, units, level, key, cfg, table, full, d.all_issues,
                                                          as_of, d.earlier)
    result.notes += [i.message for i in found if i.severity != ERROR]
    if any(i.severity == ERROR for i in found):  # province workbooks that overlap: left out, the document waits
        known = {(i.code, i.file) for i in result.errors}  # X007 is also a check of the whole data
        result.errors += [i for i in found if i.severity == ERROR and (i.code, i.file) not in known]
        if not force:
            result.refused = True
            return result
        result.draft = True
    reporting = _reporting_rows(table, d.reporting, level, period, cfg)  # after the table in the workbook's ChiSo
    from ..documents.report import build_context
    from ..computing.targets import compare_targets, plan_targets
    from ..computing.targets import target_units
    unit_keys = target_units(target_rows, level, key, units)
    compared = compare_targets(target_rows, table, unit_keys, period.last[0]) if (targets is not None and kind == "bc") else []
    plan_ctx = plan_targets(target_rows, unit_keys, plan, table) if kind == "kh" else None
    if targets is not None:
        year = plan if kind == "kh" else period.last[0]
        if not (plan_ctx["targets"] if kind == "kh" else compared):
            years = sorted({t["year"] for t in target_rows if t["year"]})
            message = phrase("targets.none", name=Path(targets).name, year=year, key=key,
                             years=", ".join(map(str, years)) or "?",
                             units=", ".join(sorted({str(t["unit"]) for t in target_rows})) or "?")
            if kind == "kh" and not force:  # a plan without targets is half a plan: never written silently
                from ..common.errors import DataError
                raise DataError(phrase("targets.no_plan"), [message], phrase("targets.no_plan_advice"))
            result.notes.append(message)
    document = {**settings, "_split": cfg.split}
    ctx = build_context(table, unit=unit, period=period, document=document, kind=kind, draft=result.draft,
                        stock_month=_latest_closing(ds, units, period), counted=_counted(ds, units, period),
                        targets=compared, plan=plan_ctx, today=r.today, annex=d.annex, gaps=d.gaps,
                        timeliness=d.timeliness, approved=d.approved, earlier=earlier, province=province_ctx)
    ctx["draft_reasons"] = list(d.draft_reasons or []) if result.draft else []
    result.context = ctx
    from ..documents.render import render_docx
    stem = document_stem(kind, key, period, plan, draft=result.draft)
    out = Path(r.out)
    from ..workbooks.xlsxout import REPLACED, atomic_path
    replaced = REPLACED[0]
    from ..common.errors import OutputError
    for target in (out / f"{stem}.docx", out / f"{stem}.xlsx"):
        if target.is_dir():  # checked first: both files are written, or neither
            raise OutputError.said("out.folder_named", target=target)
    from ..workbooks.written import refuse_unless_ours
    refuse_unless_ours([out / f"{stem}.docx", out / f"{stem}.xlsx"])  # both checked before either is written
    try:
        with atomic_path(out / f"{stem}.docx") as docx_tmp, atomic_path(out / f"{stem}.xlsx") as xlsx_tmp:
            render_docx(r.template, kind, ctx, docx_tmp)  # both files, or neither
            write_report_workbook(ctx, table, xlsx_tmp, unit, period,
                                  reporting=reporting,
                                  targets=plan_ctx["targets"] if kind == "kh" else compared)
    except OutputError:
        raise
    except PermissionError as exc:
        raise OutputError.said("out.open_both", target=f"{out / stem}.docx/.xlsx") from exc
    except OSError as exc:
        from ..common.errors import output_error
        raise output_error(out, exc) from exc
    result.outputs = [out / f"{stem}.docx", out / f"{stem}.xlsx"]
    if REPLACED[0] != replaced:
        result.notes.append(phrase("out.control_chars"))
    return result


def _reporting_rows(table, facilities, level: str, period: Period, cfg) -> list[tuple]:
    """The reporting counts and rates of the document's facilities (timeliness.reporting_rows),
    the rows `indicators` prints for the same unit: written after the indicator rows in the
    workbook's ChiSo (as rows: a frame of both was a copy of the whole table per document)."""
    if not facilities:
        return []
    from ..computing.timeliness import reporting_rows
    unit = table["unit"].iloc[0] if len(table) else ""
    return reporting_rows({unit: list(facilities)}, level, period.code, getattr(cfg, "deadline", None) or None)


def _counted(ds, units, period):
    """{unit: {(year, month)}}: the months of the period whose workbooks count for these
    facilities (what the document's flows are summed over); None when unknown."""
    files = ds.files
    if files is None or not len(files):
        return None
    keep = files["unit"].isin(list(units)) & files["year"].notna() & files["month"].notna()
    out = {u: set() for u in units}
    for u, y, m in zip(files.loc[keep, "unit"], files.loc[keep, "year"], files.loc[keep, "month"]):
        if period.contains(int(y), int(m)):
            out.setdefault(u, set()).add((int(y), int(m)))
    return out


def _latest_closing(ds, units, period):
    """(year, month) of the latest month of the period whose workbook counts for these
    facilities: the closing the document's number held rests on; None when none does."""
    files = ds.files
    if files is None or not len(files):
        return None
    keep = files["unit"].isin(list(units)) & files["year"].notna() & files["month"].notna()
    months = [(int(y), int(m)) for y, m in zip(files.loc[keep, "year"], files.loc[keep, "month"])
              if period.contains(int(y), int(m))]
    return max(months) if months else None
