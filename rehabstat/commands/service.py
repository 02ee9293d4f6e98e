"""The library calls behind the commands (so everything the CLI does is callable from Python)."""
from __future__ import annotations

import io
import json
from pathlib import Path

from collections import defaultdict

from ..common.codes import slug as _slug, unit_code
from ..common.values import plain_number
from ..settings.config import load_config
from ..common.periods import Period


def load(data, config=None, jobs=None, progress=None, warm=(), period=None):
    """Read the data folders and the configuration: (Dataset, Config). `warm`: modules to
    import while the workbooks are parsed (dataset.read_paths). `period`: only the months it
    needs are read in full (periods.needed_months), the others glanced at."""
    from ..common.periods import needed_months
    from ..reading.dataset import read_paths
    window = needed_months(period) if period is not None else None
    if _is_store(data):  # --store: the rows parsed at receipt, latest accepted version of each month
        return data.dataset(window=window), data.config(config)
    paths = [Path(p) for p in (data if isinstance(data, (list, tuple)) else [data])]
    cfg = load_config(paths, config)
    return read_paths(paths, jobs=jobs, progress=progress, warm=warm, window=window), cfg


def _is_store(data) -> bool:
    """store.is_store(data), without importing the store (sqlite3 and the inbox: ~10 ms of a
    report from --data): a StoreSource exists only once rehabstat.store has been imported."""
    import sys
    store = sys.modules.get("rehabstat.store")
    return store is not None and store.is_store(data)


def indicator_table(data, period: Period, level="facility", config=None, units=None, provinces=None, jobs=None,
                    force=False, today=None, as_of=None, compare=None):
    """(table, gate): the tidy indicator table of what the gate counts. Raises DataError when
    the data are not complete and clean (unless force: then the table carries each unit's
    coverage and draft status) or when nothing at all is there for the period.
    Provinces as of `as_of` (default: the period's last day; geography.py). After each
    level's figures: the reporting counts and rates of its units (timeliness.py).
    At province level the province workbooks' rows are added; ``compare`` ('previous' |
    'year') adds the earlier period's value and the change as columns (compare.with_earlier)."""
    import pandas as pd
    from ..checking.gate import checked_issues, decide
    from ..computing.indicators import compute
    from ..computing.timeliness import reporting_table
    ds, cfg = load(data, config, jobs, period=period)
    as_of = as_of or period.end_date
    issues = checked_issues(ds, period, today, cfg)
    from ..reading.province import split_issues
    issues, province_issues = split_issues(ds, issues)  # province workbooks: not facility-months (see README)
    gate = decide(ds, period, cfg, units=units, provinces=provinces, force=force, today=today, as_of=as_of,
                  issues=issues)
    refuse_unless_complete(gate, force)
    # a province's (the nation's) figures include its province workbooks: their errors
    # refuse the table as the gate's do (a value that cannot be read is never a missing row)
    province_errors = []
    if level != "facility":
        from ..common.issues import ERROR
        from ..reading.province import issues_over
        concerned = provinces or (sorted(gate.by_province()) if units else None)  # None: every province
        province_errors = [i for i in issues_over(ds, province_issues, period, concerned) if i.severity == ERROR]
        if province_errors and not force:
            raise province_workbook_error(period, province_errors)
    table = compute(gate.dataset, period, level=level, split=cfg.split, as_of=as_of)
    reporting = reporting_table(gate, level, cfg)
    if len(reporting):
        # object values: counts stay ints next to the rates (floats), as the rest of the table
        table = pd.concat([table.astype({"value": object}), reporting.astype({"value": object})], ignore_index=True)
        table = table.sort_values(["unit"], kind="stable").reset_index(drop=True)
    if level != "facility" or compare:
        from ..computing.compare import with_earlier, with_province_rows
        table = with_province_rows(gate.dataset, period, table, level, as_of, cfg.split)
        if compare:
            table = with_earlier(ds, table, period, level, cfg, units, provinces, compare, issues, as_of)
    if force:
        table = with_coverage(table, gate, level)
        if province_errors and len(table):  # the rows resting on a province workbook with errors are drafts
            from ..common.codes import province_key
            from ..settings.geography import province_at
            bad = {province_key(province_at(i_province(ds, i), as_of)) for i in province_errors}
            table["draft"] = table["draft"] | (table["unit"].map(province_key).isin(bad) if level == "province"
                                               else True)
    return table, gate


def i_province(ds, issue) -> str:
    from ..reading.province import province_files
    res = province_files(ds).get(issue.file)
    return (res.province if res is not None else "") or ""


def province_workbook_error(period: Period, errors):
    """The DataError of a table that would rest on province workbooks with errors."""
    from ..common.errors import DataError
    lines = []
    for i in errors[:40]:
        where = ", ".join(x for x in (Path(i.file).name if i.file else None, i.where or None) if x)
        lines.append(f"  {i.code} {where}: {i.message}" if where else f"  {i.code}: {i.message}")
    files = {i.file for i in errors if i.file}
    return DataError(f"Số liệu {period.label} chưa đầy đủ hoặc còn lỗi: chưa xuất số liệu nào.",
                     [f"Sổ cấp tỉnh có {len(errors)} lỗi ở {len(files)} sổ (chi tiết: rehabstat validate)."] + lines,
                     "Sửa các lỗi trên trong sổ cấp tỉnh (rehabstat validate) rồi chạy lại, hoặc dùng --force.")


def province_notes(ds, period: Period, as_of=None, units=None) -> list[str]:
    """What the console should say about province names: old names read into a new
    province, names that are no province (geography.mapping_notes)."""
    from ..settings.geography import mapping_notes
    files = ds.files
    if len(files):
        ym = files["year"] * 100 + files["month"]
        files = files[(ym >= period.first[0] * 100 + period.first[1]) & (ym <= period.last[0] * 100 + period.last[1])]
    return mapping_notes(files, as_of or period.end_date, units)


def unreadable_lines(gate, mentioned=()) -> list[str]:
    """A line per file of the data that could not be read at all (the gate's `unreadable`,
    whatever its month: a truncated 2021-03-sua.xlsx beside a complete quarter is still a
    month somebody sent), with what to do, unless `mentioned` (lines already shown) names it."""
    shown = "\n".join(mentioned)
    return [f"Tệp không tính vào số liệu – {f}: {message}"
            for f, message in gate.unreadable
            if str(f) not in shown and f"{Path(f).name}:" not in shown and f"{Path(f).name} " not in shown]


def refuse_unless_complete(gate, force: bool) -> None:
    """The one policy: an empty selection is always refused; incomplete or unclean data are
    refused unless force."""
    from ..common.errors import DataError
    if gate.empty:
        raise DataError(f"Không có số liệu cho {gate.period.label}.", gate.problems(),
                        gate.advice())
    if not gate.complete and not force:
        problems = gate.problems()
        raise DataError(f"Số liệu {gate.period.label} chưa đầy đủ hoặc còn lỗi: chưa xuất số liệu nào.",
                        problems + unreadable_lines(gate, problems), gate.advice())


def with_coverage(table, gate, level: str):
    """Columns `coverage` ("11/12 tháng" of the unit's facilities) and `draft` (True when the
    unit's figures do not rest on complete, checked data), for --force outputs."""
    from ..common.codes import province_key
    if level == "facility":
        groups = {u: [u] for u in gate.facilities}
    elif level == "province":
        groups = defaultdict(list)
        for u, fac in gate.facilities.items():
            groups[fac.province].append(u)
        names = {province_key(p): p for p in groups}
        from ..settings.geography import unit_provinces
        provinces = unit_provinces(gate.dataset.files, gate.period.end_date)
        for u, p in provinces.items():  # the table's province names (geography.py)
            groups.setdefault(p, groups.get(names.get(province_key(p)), [u]))
    else:
        groups = {"VN": list(gate.facilities)}
    bad_units = {gate.issue_unit(i) for i in gate.errors}
    cover = {k: gate.coverage_text(us) for k, us in groups.items()}
    draft = {k: bool(gate.unattributed) or any(not gate.facilities[u].complete or u in bad_units for u in us)
             for k, us in groups.items()}
    return table.assign(coverage=table["unit"].map(cover), draft=table["unit"].map(draft).fillna(True).astype(bool))


def write_indicators(table, fmt: str, out: Path | None, draft: bool = False):
    """csv/json text (returned when out is None) or a file. `draft`: the xlsx is marked DỰ
    THẢO (csv and json carry the `draft` column)."""
    from ..workbooks.xlsxout import atomic_path
    if fmt == "xlsx":
        from ..workbooks.book import Book, write_table
        wb = Book()
        write_table(wb.sheet("ChiSo"), list(table.columns), table.itertuples(index=False, name=None))
        wb.save(out, draft=draft)
        return None
    if fmt == "json":
        records = [dict(zip(table.columns, (plain_number(v) for v in row))) for row in table.itertuples(index=False)]
        text = json.dumps(records, ensure_ascii=False, indent=1, allow_nan=False) + "\n"
    else:
        import pandas as pd
        buf = io.StringIO()
        if "value" in table.columns:  # a whole figure as a whole number (a province workbook's 500.0 → 500), a rate as it is
            table = table.assign(value=pd.Series([plain_number(v) for v in table["value"]], index=table.index, dtype=object))
        table.to_csv(buf, index=False, lineterminator="\n")
        text = buf.getvalue()
    if out is None:
        return text
    with atomic_path(Path(out)) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return None


# ---------------------------------------------------------------- documents

from dataclasses import dataclass, field  # noqa: E402


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


def choose_units(ds, facility=None, province=None, as_of=None):
    """(units, level, display) for a report: one facility, or all facilities of a province
    (the province as of `as_of`: "Nam Định" in 2025 is tỉnh Ninh Bình's part)."""
    import datetime as dt
    from ..common.codes import province_key
    from ..settings.geography import province_at, unit_provinces
    files = ds.files.dropna(subset=["unit"])
    known = sorted(set(files["unit"]))
    if facility and province:
        raise _usage("Chọn --facility hoặc --province, không chọn cả hai.")
    if province:
        as_of = as_of or dt.date.max
        name = province_at(province, as_of)
        of = unit_provinces(ds.files, as_of)
        units = sorted(u for u, p in of.items() if province_key(p) == province_key(name))
        if not units:
            provinces = sorted(set(of.values()))
            raise _usage(f"Không có cơ sở nào của tỉnh '{province}' trong dữ liệu. Các tỉnh có: {', '.join(provinces) or '(không có)'}.")
        return units, "province", name
    if facility:
        code = unit_code(facility)
        if code not in known:
            raise _usage(f"Không có cơ sở '{facility}' trong dữ liệu. Các cơ sở có: {', '.join(known) or '(không có)'}.")
        return [code], "facility", code
    if len(known) == 1:
        return known, "facility", known[0]
    if not known:
        if ds.files.empty or (ds.files["status"] == "skipped").all():
            raise _usage("Không tìm thấy sổ hằng tháng nào (.xlsx, .xlsm, .xls, .ods) trong thư mục dữ liệu.")
        from ..common.errors import DataError
        raise DataError("Không đọc được sổ nào có thông tin cơ sở trong thư mục dữ liệu.",
                        [f"{f}: {next((i.message for i in ds.issues if i.file == f), 'không đọc được')}"
                         for f in ds.files["file"][:20]],
                        "Xem chi tiết: rehabstat validate THƯ-MỤC; sửa hoặc gửi lại các sổ.")
    from ..checking.checks import one_facility_several_codes
    twins = [(part["unit_name"].iloc[0], sorted(set(part["unit"]))) for part in one_facility_several_codes(ds.files)]
    if twins:  # a mistyped code ("SL1" one month), not two facilities: say so, not "choose one"
        from ..common.errors import DataError
        raise DataError("Một cơ sở được ghi dưới nhiều mã khác nhau, nên dữ liệu như có nhiều cơ sở.",
                        [f"'{name}': mã {', '.join(codes)}" for name, codes in twins],
                        "Sửa Mã cơ sở ở trang ThongTin của các sổ ghi sai mã (rehabstat validate báo lỗi X005 "
                        "ở từng sổ) rồi chạy lại.")
    listed = ", ".join(known[:10]) + ("..." if len(known) > 10 else "")
    raise _usage(f"Dữ liệu có {len(known)} cơ sở ({listed}). Chọn --facility MÃ hoặc --province TÊN.")



def _usage(message):
    from ..common.errors import UsageError
    return UsageError(message)


def make_report(data, period: Period, facility=None, province=None, out=Path("out"), force=False, template=None,
                targets=None, config=None, today=None, kind="bc", plan=None, number=None,
                doc_date=None, as_of=None) -> DocumentResult:
    """Build the BC (kind='bc') or KH (kind='kh') for one facility or province from data folders.
    `number` and `doc_date` override the configuration's document number and date.
    Asks the gate: raises DataError (exit 1) when the data are not complete and clean, unless
    force (then the document is a draft); an empty selection is always refused."""
    from ..reading.dataset import OUTPUT_MODULES
    from ..checking.gate import decide, gap_lines
    if doc_date is not None:
        refuse_early_date(doc_date, period, kind)
    ensure_out_dir(out)
    ds, cfg = load(data, config, warm=OUTPUT_MODULES, period=period)  # pandas, openpyxl, docxtpl imported while the files are parsed
    from ..computing.indicators import compute
    if number is not None:
        cfg.document["number"] = number
    if doc_date is not None:
        cfg.document["date"] = doc_date
    as_of = as_of or period.end_date
    units, level, key = choose_units(ds, facility, province, as_of)
    from ..checking.gate import checked_issues
    issues = checked_issues(ds, period, today, cfg)  # once: the gate asks again for earlier periods
    from ..reading.province import relevant_issues, split_issues
    issues, province_issues = split_issues(ds, issues)  # province workbooks: not facility-months
    gate = decide(ds, period, cfg, units=units if level == "facility" else None,
                  provinces=[province] if level == "province" else None, force=force, today=today, as_of=as_of,
                  issues=issues)
    refuse_unless_complete(gate, force)
    annex = gaps = timely = None
    if level == "province":
        from ..documents.annex import annex_rows, partial_figures, timeliness_context
        facs = sorted(gate.facilities.values(), key=lambda f: f.unit)
        fac_table = compute(gate.dataset, period, level="facility", split=cfg.split)
        annex = annex_rows(facs, fac_table)
        gaps = gap_lines(facs, period, force) + partial_figures(facs, fac_table)
        timely = timeliness_context(facs, cfg)
        units = [f.unit for f in facs if not f.sent_nothing]
    if _is_store(data):
        from ..store import approval_sentence
        approval = approval_sentence(data.approved(), units, period)
    else:
        approval = ""
    mine = relevant_issues(ds, province_issues, period, key if level == "province" else None)
    result = build_document(gate.dataset, cfg, period, units, level, key, gate.issues + mine, out=out, force=force,
                            template=template, targets=targets, today=today, kind=kind, plan=plan, annex=annex,
                            gaps=gaps, draft=gate.draft, as_of=as_of, timeliness=timely, approval=approval,
                            full=ds, all_issues=issues, draft_reasons=gate.draft_reasons() if gate.draft else [],
                            reporting=[f for u, f in gate.facilities.items() if u in set(units)])
    if level == "province":
        result.notes[:0] = province_notes(ds, period, as_of, units)
    result.notes += unreadable_lines(gate, gate.problems())
    result.coverage = gate.coverage_text()
    result.problems = gate.problems() if gate.draft else []
    return result


def refuse_early_date(doc_date, period: Period, kind: str = "bc") -> None:
    """A document is dated once its period has ended (its figures are those of the whole
    period): a date on or before the period's last day is a UsageError (exit 2) that gives
    the earliest date allowed."""
    import datetime as dt
    from ..common.errors import UsageError
    earliest = period.end_date + dt.timedelta(days=1)
    if doc_date < earliest:
        what = (f"kế hoạch (phần I là kết quả {period.label})" if kind == "kh" else f"báo cáo {period.label}")
        raise UsageError(f"--date {doc_date:%d/%m/%Y}: {what} không thể ghi ngày trước khi kỳ kết thúc "
                         f"({period.end_date:%d/%m/%Y}); ngày sớm nhất là {earliest:%d/%m/%Y}.")


def ensure_out_dir(out) -> Path:
    """The output folder can be written (it, or the nearest folder above it that exists), or
    a UsageError (exit 2) says why. Creates nothing: a refused command leaves no folder."""
    import os
    from ..common.errors import UsageError
    out = Path(out)
    for parent in [out, *out.parents]:
        if not parent.exists():
            continue
        if not parent.is_dir():
            raise UsageError(f"Không ghi được vào thư mục kết quả {out}: {parent} là một tệp, không phải thư mục. "
                             "Hãy chọn --out khác.")
        if not os.access(parent, os.W_OK | os.X_OK):
            raise UsageError(f"Không ghi được vào thư mục kết quả {out}: không có quyền ghi vào {parent}. "
                             "Hãy chọn --out là một thư mục có quyền ghi.")
        _try_writing(out, parent)
        break
    return out


def _try_writing(out: Path, parent: Path) -> None:
    """Make and remove an empty folder in `parent`: what the OS refuses (a folder that cannot be
    made, as /proc/x or an unmapped drive; a locked or read-only folder, even for root) is refused
    here, before any work, as a UsageError."""
    import os
    import tempfile
    from ..common.errors import UsageError, WRITE_ADVICE, os_reason
    try:
        os.rmdir(tempfile.mkdtemp(prefix=".~rehabstat-", dir=parent))
    except OSError as exc:
        where = "" if parent == out else f" (trong {parent})"
        raise UsageError(f"Không ghi được vào thư mục kết quả {out}: {os_reason(exc)}{where}. {WRITE_ADVICE}") from None


def refuse_overwriting_a_workbook(out) -> None:
    """`--out FILE` must not replace a workbook that rehabstat did not write (a facility's
    monthly workbook, a targets workbook): a UsageError (exit 2) before anything is read.
    Our own results (marked, see safety.is_rehabstat_output) may be written again."""
    from ..reading import safety
    from ..common.errors import UsageError
    out = Path(out)
    if out.is_file() and out.suffix.lower() in safety.WORKBOOK_SUFFIXES and not safety.is_rehabstat_output(out):
        raise UsageError(f"Không ghi đè {out}: đó là một sổ tính không do rehabstat lập (có thể là sổ dữ liệu). "
                         "Hãy chọn --out là một tệp mới.")


def document_stem(kind: str, key: str, period: Period, plan=None, draft: bool = False) -> str:
    """The name of a document's .docx and .xlsx without suffix: BC-Ha-Noi-2021-Q2, KH-SL01-2022;
    a draft's name says so (BC-SL01-2021-DU-THAO), so that it never takes a final's name."""
    from ..workbooks.xlsxout import DRAFT_SUFFIX
    return (f"{'KH' if kind == 'kh' else 'BC'}-{_slug(key)}-{plan if kind == 'kh' else period.code}"
            + (DRAFT_SUFFIX if draft else ""))


def build_document(ds, cfg, period: Period, units, level, key, issues, out=Path("out"), force=False, template=None,
                   targets=None, today=None, kind="bc", plan=None, annex=None, gaps=None,
                   table=None, draft=None, draft_reasons=None, as_of=None, timeliness=None, approval="", full=None,
                   all_issues=None, reporting=None) -> DocumentResult:
    """Render one document from an already-read Dataset (batch calls this once per province).
    `issues` are the data issues that concern these units; errors refuse the document unless force.
    `table`: the unit's indicator rows when the caller has computed them already (batch).
    `draft`: the gate's word (the data are not complete and clean); None: errors decide.
    `full`, `all_issues`: the whole Dataset and every issue, to compare with earlier periods
    (compare.document_extras asks the gate about them); without them nothing is compared.
    `reporting`: the gate's facilities of the document, whose reporting counts and rates its
    workbook's ChiSo lists as `indicators` does."""
    from ..computing.indicators import compute
    from ..common.issues import ERROR
    result = DocumentResult(errors=[i for i in issues if i.severity == ERROR],
                            warnings=[i for i in issues if i.severity != ERROR])
    target_rows = []
    if targets is not None:
        from ..computing.targets import read_targets
        target_rows, target_issues = read_targets(targets)
        result.errors += [i for i in target_issues if i.severity == ERROR]
    if result.errors and not force:
        result.refused = True
        return result
    result.draft = bool(result.errors) or bool(draft)
    as_of = as_of or period.end_date
    if table is None:
        table = compute(ds, period, level="facility" if level == "facility" else "province", split=cfg.split,
                        units=units if level == "facility" else None,
                        provinces=[key] if level == "province" else None, as_of=as_of)
    names = ds.unit_names()
    from ..settings.geography import geography, unit_provinces
    if level == "facility":
        province = unit_provinces(ds.files, as_of).get(key, "") or ds.unit_provinces().get(key, "")
        unit = {"code": key, "name": names.get(key, key), "province": province, "level": level, "scope": "",
                "full": ""}
    else:
        province = key
        # a merged province over months before the merger says once what it is made of
        scope = geography().scope(key, as_of, period.start_date)
        known = geography().resolve(key, as_of).province
        unit = {"code": key, "name": _province_title(key), "province": key, "level": level,
                "scope": scope if "(" in scope else "", "facilities": len(units),
                # in prose, as the seeds write it: "trên địa bàn tỉnh Cao Bằng", "thành phố Hà Nội"
                "full": known.full if known is not None else ""}
    from ..settings.sector import document_settings
    settings, sector_notes = document_settings(cfg.document, period, level, province,
                                               unit["name"] if level == "facility" else None, as_of)
    result.notes += sector_notes
    from ..computing.compare import document_extras
    table, earlier, province_ctx, found = document_extras(ds, period, units, level, key, cfg, table, full, all_issues,
                                                          as_of)
    result.notes += [i.message for i in found if i.severity != ERROR]
    if any(i.severity == ERROR for i in found):  # province workbooks that overlap: left out, the document waits
        known = {(i.code, i.file) for i in result.errors}  # X007 is also a check of the whole data
        result.errors += [i for i in found if i.severity == ERROR and (i.code, i.file) not in known]
        if not force:
            result.refused = True
            return result
        result.draft = True
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
            message = (f"Sổ chỉ tiêu {Path(targets).name} không có chỉ tiêu năm {year} cho {key}"
                       f" (sổ có: năm {', '.join(map(str, years)) or '?'}; đơn vị "
                       f"{', '.join(sorted({str(t['unit']) for t in target_rows})) or '?'}).")
            if kind == "kh" and not force:  # a plan without targets is half a plan: never written silently
                from ..common.errors import DataError
                raise DataError("Không lập kế hoạch: phần II (chỉ tiêu) sẽ trống.", [message],
                                "Ghi chỉ tiêu của năm kế hoạch vào sổ chỉ tiêu (trang ChiTieu) rồi chạy lại.")
            result.notes.append(message)
    document = {**settings, "_split": cfg.split}
    ctx = build_context(table, unit=unit, period=period, document=document, kind=kind, draft=result.draft,
                        targets=compared, plan=plan_ctx, today=today, annex=annex, gaps=gaps,
                        timeliness=timeliness, approval=approval, earlier=earlier, province=province_ctx)
    ctx["draft_reasons"] = list(draft_reasons or []) if result.draft else []
    result.context = ctx
    from ..documents.render import render_docx
    stem = document_stem(kind, key, period, plan, draft=result.draft)
    out = Path(out)
    from ..workbooks.xlsxout import REPLACED, atomic_path
    replaced = REPLACED[0]
    from ..common.errors import OutputError
    for target in (out / f"{stem}.docx", out / f"{stem}.xlsx"):
        if target.is_dir():  # checked first: both files are written, or neither
            raise OutputError(f"Không ghi được {target}: đã có một thư mục cùng tên. Hãy đổi tên thư mục đó rồi chạy lại.")
    from ..workbooks.written import refuse_unless_ours
    refuse_unless_ours([out / f"{stem}.docx", out / f"{stem}.xlsx"])  # both checked before either is written
    try:
        with atomic_path(out / f"{stem}.docx") as docx_tmp, atomic_path(out / f"{stem}.xlsx") as xlsx_tmp:
            render_docx(template, kind, ctx, docx_tmp)  # both files, or neither
            write_report_workbook(ctx, table, xlsx_tmp, unit, period,
                                  tidy=_with_reporting(table, reporting, level, period, cfg))
    except OutputError:
        raise
    except PermissionError as exc:
        raise OutputError(f"Không ghi được {out / stem}.docx/.xlsx: tệp đang mở trong Word/Excel hoặc thư mục không "
                          "cho phép ghi. Hãy đóng tệp rồi chạy lại.") from exc
    except OSError as exc:
        from ..common.errors import output_error
        raise output_error(out, exc) from exc
    result.outputs = [out / f"{stem}.docx", out / f"{stem}.xlsx"]
    if REPLACED[0] != replaced:
        result.notes.append("Dữ liệu có ký tự không ghi được vào tệp Word/Excel (ký tự điều khiển): đã bỏ khỏi tệp Word, "
                            "thay bằng '\ufffd' trong tệp Excel.")
    return result


def _with_reporting(table, facilities, level: str, period: Period, cfg):
    """The document's indicator rows and, after them, the reporting counts and rates of its
    facilities (timeliness.reporting_rows), the rows `indicators` prints for the same unit."""
    if not facilities:
        return table
    import pandas as pd
    from ..computing.timeliness import reporting_rows
    unit = table["unit"].iloc[0] if len(table) else ""
    rows = reporting_rows({unit: list(facilities)}, level, period.code, getattr(cfg, "deadline", None) or None)
    if not rows:
        return table
    from ..computing.indicators.engine import COLUMNS
    extra = pd.DataFrame(rows, columns=COLUMNS, dtype=object)
    return pd.concat([table.astype({"value": object}), extra], ignore_index=True)


def _province_title(name: str) -> str:
    """The province as the workbooks write it, with its prefix in prose form: "TP. Hà Nội" →
    "thành phố Hà Nội", "Tỉnh Sơn La" → "tỉnh Sơn La", "Hà Nội" → "Hà Nội". No list of which
    provinces are cities: names and statuses change (2025 mergers), the clerk's words stay."""
    import re
    m = re.match(r"\s*(tp\.?|thành phố|tỉnh)\s+(.*)$", name or "", re.I)
    if not m:
        return (name or "").strip()
    prefix = "tỉnh" if m.group(1).lower() == "tỉnh" else "thành phố"
    return f"{prefix} {m.group(2).strip()}"


def write_report_workbook(ctx: dict, table, out: Path, unit: dict, period: Period, tidy=None) -> Path:
    """The document's figures as a workbook that prints on A4 (book.print_setup):
    - BienDong: a title, then the category table as the document has it (a row per
      indicator, its code in a column of its own; a column per category, "Cộng HV",
      "Tổng cộng");
    - SoLieuKhac: the other figures; ChiTieu: the KH's targets of the plan year (with last
      year's result), or the BC's results against its targets (--targets);
    - ChiSo: the tidy indicator rows (`tidy`, default `table`: with the reporting rows when
      given), Vietnamese headers; PhuLuc (a province): its facilities."""
    from ..common.codes import FIGURES
    from ..workbooks.national import REVENUE_LABELS, TIDY_HEADER, tidy_rows
    from ..documents.report import TABLE_CATEGORIES, TABLE_ROWS
    from ..workbooks.book import Book, alignment, font, style, write_table
    v = ctx["v"]
    kh = ctx.get("doc", {}).get("doc_type") == "KẾ HOẠCH"
    wb = Book()
    left = alignment("left", "center")
    title_style = style(font=font(bold=True, size=13), alignment=left)
    subtitle_style = style(font=font(italic=True), alignment=left)

    def titled(ws, subtitle, last_col):
        """Rows 1-2: the unit and what the sheet holds; the table starts at row 4."""
        ws.put(1, 1, unit["name"], title_style)
        ws.put(2, 1, subtitle, subtitle_style)
        for r in (1, 2):
            if last_col > 1:
                ws.merge(r, 1, r, last_col)
        ws.heights[1] = 20
        return 4

    figures = f"số liệu {period.label}"
    plan_year = (ctx.get("plan") or {}).get("year")
    ws = wb.sheet("BienDong")
    labels = {"HV": "Cộng HV", "ALL": "Tổng cộng"}
    header = ["Mã", "Chỉ tiêu"] + [labels.get(c) or _category_short(c) for c in TABLE_CATEGORIES]
    top = titled(ws, f"Biến động học viên và người điều trị theo diện, {figures}"
                 + (f" (phần I của kế hoạch năm {plan_year})" if kh else ""), len(header))
    from ..documents.report import row_label
    told = ctx.get("told") or {}
    rows = [[ind, row_label(ind, label, told)] + [int(v[ind][c]) if told.get(ind, True) else None
                                                  for c in TABLE_CATEGORIES]
            for ind, label, _ in TABLE_ROWS]
    write_table(ws, header, rows, widths={1: 17, 2: 30, **{c: 11 for c in range(3, len(header) + 1)}}, top=top)
    for k, (_, _, bold) in enumerate(TABLE_ROWS):
        if bold:
            bold_row(ws, top + 1 + k, len(header))
    ws2 = wb.sheet("SoLieuKhac")
    other = table[(table["category"] == "ALL") & ~table["indicator"].isin([i for i, _, _ in TABLE_ROWS] + ["TRON_NGUOI"])]
    other_rows = []
    for ind, val in zip(other["indicator"], other["value"]):
        fig = FIGURES.get(ind)
        label, measure = (fig.label, fig.measure) if fig else REVENUE_LABELS.get(ind, (ind, ""))
        other_rows.append([ind, label, measure, val.item() if hasattr(val, "item") else val])
    if ctx.get("has", {}).get("methadone"):  # the two sides of the Methadone sentence, as it states them
        other_rows.append(["VAO_MET", "Bệnh nhân Methadone vào (tiếp nhận mới, chuyển đến, quay lại, chuyển diện đến)",
                           "người", int(v["VAO_MET"]["MET"])])
        other_rows.append(["RA_MET", "Bệnh nhân Methadone ra (bỏ điều trị, chuyển đi, ra khỏi chương trình, ...)",
                           "người", int(v["RA_MET"]["MET"])])
    labour = ctx.get("labour") or {}
    if labour.get("split") and not labour.get("whole"):  # the base of the funds the text states
        other_rows.append(["QUY_CO_SO", "Chênh lệch thu chi của các cơ sở có doanh thu vượt chi phí (phần trích lập "
                                        "quỹ)", "đồng", int(labour["base"])])
    top = titled(ws2, f"Các số liệu khác, {figures}", 4)
    write_table(ws2, ["Mã", "Nội dung", "Đơn vị", "Giá trị"], other_rows, widths={1: 17, 2: 45, 3: 8, 4: 18},
                top=top, wrap=(2,))
    targets = (ctx.get("plan") or {}).get("targets") if kh else ctx.get("targets")
    if targets:
        ws4 = wb.sheet("ChiTieu")
        if kh:
            top = titled(ws4, f"Chỉ tiêu kế hoạch năm {plan_year} (kết quả năm {plan_year - 1} để so sánh)", 5)
            write_table(ws4, ["Mã chỉ tiêu", "Nội dung", "Đơn vị tính", f"Kế hoạch năm {plan_year}",
                              f"Kết quả năm {plan_year - 1}"],
                        [[t["code"], t["label"], t["unit"], _vn_number(t["plan"]), _vn_number(t["actual"])]
                         for t in targets], widths={1: 17, 2: 42, 3: 10, 4: 16, 5: 16}, top=top, wrap=(2,))
        else:
            top = titled(ws4, f"Kết quả so với chỉ tiêu, {figures}", 6)
            write_table(ws4, ["Mã chỉ tiêu", "Nội dung", "Đơn vị tính", "Kế hoạch", "Thực hiện", "Tỷ lệ đạt"],
                        [[t["code"], t["label"], t["unit"], _vn_number(t["plan"]), _vn_number(t["actual"]), t["rate"]]
                         for t in targets], widths={1: 17, 2: 40, 3: 10, 4: 14, 5: 14, 6: 10}, top=top, wrap=(2,))
    ws3 = wb.sheet("ChiSo")
    top = titled(ws3, f"Bảng chỉ số (dạng dữ liệu), {figures}", len(TIDY_HEADER))
    write_table(ws3, list(TIDY_HEADER), tidy_rows(table if tidy is None else tidy),
                widths={1: 13, 2: 9, 3: 9, 4: 18, 5: 7, 6: 13, 7: 29}, top=top)
    if ctx.get("approval"):  # from the store: which months the department approved
        ws.put(top + len(rows) + 2, 1, ctx["approval"], style(font=font(italic=True)))
    if ctx.get("annex") or ctx.get("gaps"):
        from ..documents.annex import write_annex_sheet
        annex = write_annex_sheet(wb, ctx.get("annex") or [], ctx.get("gaps") or [], top=4)
        titled(annex, f"Các cơ sở trong tỉnh: số tháng có sổ và số liệu chính, {figures}", annex.max_column)
        _printable_annex(annex, top=4)
    return wb.save(out, draft=bool(ctx.get("doc", {}).get("draft")))


def bold_row(ws, row: int, last_col: int) -> None:
    """Cells 1..last_col of a table row (kept in the sheet's bulk rows or not) in bold."""
    from ..workbooks.book import font
    for first, rows, style_of in ws.bulk:
        if first <= row < first + len(rows):
            for c, value in enumerate(rows[row - first], start=1):
                if (row, c) not in ws.cells:
                    ws.cells[(row, c)] = (value, style_of(c, value))
    ws.restyle_row(row, last_col, font=font(bold=True))


def _category_short(code: str) -> str:
    from ..common.codes import CATEGORIES
    return CATEGORIES[code].short


def _vn_number(text):
    """A figure the context holds formatted ("1.234", "92,5") back as a number for a cell."""
    from ..common.values import Bad, parse_number
    try:
        value = parse_number(text)
    except Bad:
        return text
    return int(value) if float(value).is_integer() else value


def _printable_annex(ws, top: int = 1):
    """The province's table of facilities (annex.write_annex_sheet): A4, fitted to the page
    width, its two header rows (from `top`) tall enough and repeated."""
    from ..workbooks.book import fit_row, print_setup
    widths = ws.column_widths()
    spans = {}
    for r1, c1, r2, c2 in ws.merges:
        if r1 == top and r2 == top:
            spans[c1] = c2 - c1 + 1
    fit_row(ws, top, widths, bold=True, spans=spans)
    fit_row(ws, top + 1, widths, bold=True)
    print_setup(ws, title_rows=(top, top + 1))
