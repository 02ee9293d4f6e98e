"""The library's calls: what the command line runs, and what other Python code should call.

    from rehabstat import api
    result = api.validate_paths(["data/son-la"])            # read, check: ValidationResult
    print(api.format_text(result))
    doc = api.make_report(["data/son-la"], api.make_period(year=2021))   # BC .docx + .xlsx
    batch = api.run_batch(["du-lieu"], api.make_period(year=2021, quarter=2), "bao-cao")
    with api.Store.open("kho", create=True) as store:       # the department's inbox
        outcomes = store.receive(["nop/"])

The names are imported from their stages below, plainly. The command line imports this module
inside each command, so `rehabstat --help` still answers without it. The few functions defined
here are what the CLI does beyond parsing options: choosing the data source (`source`),
writing a blank workbook (`write_facility_form`, `write_province_form`), the web inbox's
accounts. User errors are the types of rehabstat.common.errors (UsageError: exit 2,
DataError: exit 1, TemplateError: exit 2)."""
from __future__ import annotations

from pathlib import Path

from .commands.batch import BatchResult, SummaryLine, SummaryTable, batch_summary, run_batch
from .commands.indicators import indicator_table, output_format, write_indicators
from .commands.output import ensure_out_dir, refuse_overwriting_a_workbook
from .commands.prepare import province_notes, unreadable_lines
from .commands.report import DocumentResult, make_report
from .commands.stopping import end_by, stopping
from .commands.validate import ValidationResult, format_text, to_json, validate_paths
from .common.codes import slug
from .common.errors import (ConfigError, DataError, OutputError, PeriodError, TemplateError, UsageError,
                            writing_into)
from .common.periods import Period, make_period, period_between
from .documents.render import export_templates, template_variables
from .reading.province import parse_period
from .reading.reader import LOCK_NOTE, find_workbooks, lock_files
from .reading.safety import is_rehabstat_output
from .settings.config import load_config
from .settings.geography import geography, parse_as_of
from .store import (DUPLICATE, NEW_VERSION, RECEIVED, REJECTED, SKIPPED, Store, StoreSource, check_paths,
                    load_dataset, local_time, month_text)
from .workbooks.annotate import annotate
from .workbooks.form import build_form, build_province_form, default_name, month_of, previous_closing, write_form
# what may be replaced (a file changed since rehabstat wrote it is not, unless allowed)
from .workbooks.written import allow_overwrite, is_ours, recorded_badly, trouble
from .workbooks.xlsxout import draft_name

__all__ = [
    "find_workbooks", "lock_files", "LOCK_NOTE", "is_rehabstat_output", "parse_as_of", "geography", "load_config",
    "make_period", "Period", "validate_paths", "format_text", "to_json", "ValidationResult", "annotate",
    "allow_overwrite", "is_ours", "draft_name", "make_report", "indicator_table", "write_indicators", "output_format",
    "written_count", "ledger_trouble",
    "province_notes", "ensure_out_dir", "unreadable_lines", "refuse_overwriting_a_workbook", "DocumentResult",
    "run_batch", "BatchResult", "batch_summary", "SummaryTable", "SummaryLine", "build_form", "build_province_form",
    "write_form", "previous_closing", "month_of", "default_name", "export_templates", "template_variables",
    "Store", "StoreSource", "check_paths", "load_dataset", "local_time", "month_text", "RECEIVED", "NEW_VERSION", "DUPLICATE",
    "REJECTED", "SKIPPED", "source", "write_facility_form", "write_province_form", "UsageError", "DataError",
    "ConfigError", "PeriodError", "TemplateError", "OutputError", "stopping", "end_by",
]


# ---------------------------------------------------------------- what the CLI did beyond parsing options

def check_data(paths) -> None:
    """Every data folder or file given exists (UsageError otherwise)."""
    for p in paths:
        if not Path(p).exists():
            raise UsageError.said("source.not_found", path=p)


def source(data, store):
    """--data folders, or the store given with --store (a StoreSource): exactly one."""
    if store is not None:
        if data:
            raise UsageError.said("source.both")
        Store.open(store).close()  # says so when there is no store there
        return StoreSource(Path(store))
    if not data:
        raise UsageError.said("source.none")
    check_data(data)
    return data


def write_facility_form(facility, name, province, month, out=None, data=None, force=False, note=None) -> Path:
    """The blank monthly workbook of a facility (`rehabstat form`): its path. `note(label, text)`
    is told the warnings (a province name unknown or merged, no closing of the month before)."""
    from .common.catalogue import text
    note = note or (lambda label, words: None)
    if not facility or not name or not month:
        raise UsageError.said("form.needs")
    if not facility.strip() or not name.strip() or not province.strip():
        raise UsageError.said("form.empty")
    try:
        y, m = month_of(month)
    except ValueError as exc:
        raise UsageError(exc.args[0] if exc.args else str(exc)) from None  # its words as they were said
    target = out or Path(default_name(facility, y, m))
    if target.is_dir() or target.suffix.lower() not in WORKBOOK_SUFFIXES:
        # --out a folder, as report and batch take it (made if need be): the default name inside
        target = target / default_name(facility, y, m)
    ensure_out_dir(target.parent)
    if target.exists() and not force:
        raise UsageError.said("form.exists", path=target)
    opening = None
    known = geography().resolve(province, period_between((y, m), (y, m)).end_date)
    if not known.known:  # a misspelt province would be G001 in every month the facility sends
        raise UsageError.said("form.facility_province", what=_not_a_province(province))
    if known.old is not None:
        note(text("form.warning"), text("form.merged", province=province, into=known.province.full,
                                        date=f"{geography().effective:%d/%m/%Y}"))
    # the province as the geography spells it ("Sơn Lá", "tinh son la" → "Sơn La"); an old
    # name after the merger stays the old province, which the warning above explains
    province = (known.old or known.province).name
    if data is not None:
        check_data([data])
        opening, why = previous_closing(data, facility, y, m)
        if opening is None:
            note(text("form.note"), text("form.no_opening", why=why))
    with writing_into(target.parent):
        write_form(target, build_form(facility, name, province, y, m, opening=opening), force=force)
    return target


WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")


def _not_a_province(province: str) -> str:
    """The words for a name that is no province or city, before or after the 2025 merger."""
    from .common.issues import phrase
    near = geography().closest(province)
    if near:
        return phrase("province.unknown_near", name=province, near=", ".join(near))
    return phrase("province.unknown", name=province)


def write_province_form(province, period, out=None, force=False) -> Path:
    """The blank province workbook of a period (`rehabstat form --level province`): its path."""
    if not period or not province.strip():
        raise UsageError.said("form.province_needs")
    try:
        wb = build_province_form(province, period)
    except ValueError as exc:
        raise UsageError(exc.args[0] if exc.args else str(exc)) from None  # its words as they were said
    known = geography().resolve(province, period_between(*parse_period(period)).end_date)
    if not known.known:
        raise UsageError.said("form.province_name", what=_not_a_province(province))
    if known.name != province.strip():  # the province as the geography spells it ("Sơn Lá" → "Sơn La")
        province = known.name
        wb = build_province_form(province, period)
    name = f"{slug(province)}-{slug(period)}.xlsx"
    target = out or Path(name)
    if target.is_dir() or target.suffix.lower() not in WORKBOOK_SUFFIXES:
        target = target / name  # --out a folder (made if need be): the default name inside
    ensure_out_dir(target.parent)
    if target.exists() and not force:
        raise UsageError.said("form.exists", path=target)
    with writing_into(target.parent):
        write_form(target, wb, force=force)
    return target


# ---------------------------------------------------------------- the web inbox (rehabstat/web)
# imported when called: its libraries (starlette, uvicorn) are an optional extra, rehabstat[web]

def serve(store, host="127.0.0.1", port=8000, cert=None, key=None, say=print, config=None) -> None:
    """Run the web inbox over the store until Ctrl-C or SIGTERM (`rehabstat serve`)."""
    from .web.server import serve as run
    run(store, host=host, port=port, cert=cert, key=key, say=say, config=config)


def add_user(store, name, role, password, facility=None, province=None):
    """A new web account in the store (made if need be): the User."""
    from .web import accounts
    with Store.open(store, create=True) as s:
        return accounts.add(s, name, role, password, facility=facility, province=province)


def list_users(store) -> list:
    from .web import accounts
    with Store.open(store) as s:
        return accounts.all_users(s)


def disable_user(store, name):
    from .web import accounts
    with Store.open(store) as s:
        return accounts.disable(s, name)


def set_password(store, name, password):
    from .web import accounts
    with Store.open(store) as s:
        return accounts.set_password(s, name, password)


__all__ += ["serve", "add_user", "list_users", "disable_user", "set_password"]


def written_count() -> int:
    """How many files this process has written whole (renamed into place)."""
    from .workbooks.xlsxout import WRITTEN
    return len(WRITTEN)


def ledger_trouble():
    """(ledger path, reason, [option]) when the ledger of the files rehabstat wrote could not
    note one (or cannot be written now), else None (workbooks/written.py)."""
    return recorded_badly() or trouble()
