"""The library's calls: what the command line runs, and what other Python code should call.

    from rehabstat import api
    result = api.validate_paths(["data/son-la"])            # read, check: ValidationResult
    print(api.format_text(result))
    doc = api.make_report(["data/son-la"], api.make_period(year=2021))   # BC .docx + .xlsx
    batch = api.run_batch(["du-lieu"], api.make_period(year=2021, quarter=2), "bao-cao")
    with api.Store.open("kho", create=True) as store:       # the department's inbox
        outcomes = store.receive(["nop/"])

Every name is imported from its stage on first use, so `import rehabstat.api` costs
nothing and a command imports only what it needs (`rehabstat --help` answers at once).
The few functions defined here are what the CLI used to do itself beyond parsing options:
choosing the data source (`source`), writing a blank workbook (`write_facility_form`,
`write_province_form`). User errors are the types of rehabstat.common.errors (UsageError: exit 2,
DataError: exit 1, TemplateError: exit 2)."""
from __future__ import annotations

from pathlib import Path

from .common.errors import ConfigError, DataError, OutputError, PeriodError, TemplateError, UsageError  # noqa: F401

# name -> the module (of its stage) that defines it; see _module for the imports
_NAMES = {
    # reading
    "find_workbooks": "reader", "lock_files": "reader", "LOCK_NOTE": "reader", "is_rehabstat_output": "safety",
    # settings
    "parse_as_of": "geography", "geography": "geography", "load_config": "config",
    # periods
    "make_period": "periods", "Period": "periods",
    # validate
    "validate_paths": "validate", "format_text": "validate", "to_json": "validate", "ValidationResult": "validate",
    "annotate": "annotate",
    # what may be replaced (a file changed since rehabstat wrote it is not, unless allowed)
    "allow_overwrite": "written", "is_ours": "written", "draft_name": "xlsxout",
    # report, plan, indicators
    "make_report": "service", "indicator_table": "service", "write_indicators": "service",
    "province_notes": "service", "ensure_out_dir": "service", "unreadable_lines": "service", "refuse_overwriting_a_workbook": "service",
    "DocumentResult": "service",
    # batch
    "run_batch": "batch", "BatchResult": "batch",
    # forms
    "build_form": "form", "build_province_form": "form", "write_form": "form", "previous_closing": "form",
    "month_of": "form", "default_name": "form",
    # templates
    "export_templates": "render", "template_variables": "render",
    # the store
    "Store": "store", "StoreSource": "store", "load_dataset": "store", "local_time": "store", "month_text": "store",
    "RECEIVED": "store", "NEW_VERSION": "store", "DUPLICATE": "store", "REJECTED": "store", "SKIPPED": "store",
}
__all__ = sorted(_NAMES) + ["source", "write_facility_form", "write_province_form", "UsageError", "DataError",
                            "ConfigError", "PeriodError", "TemplateError", "OutputError"]


def _module(where: str):
    """The module of a stage, imported here (written out, so that the import graph of
    tests/test_architecture.py sees every edge)."""
    if where == "reader":
        from .reading import reader as m
    elif where == "geography":
        from .settings import geography as m
    elif where == "config":
        from .settings import config as m
    elif where == "periods":
        from .common import periods as m
    elif where == "validate":
        from .commands import validate as m
    elif where == "annotate":
        from .workbooks import annotate as m
    elif where == "written":
        from .workbooks import written as m
    elif where == "xlsxout":
        from .workbooks import xlsxout as m
    elif where == "safety":
        from .reading import safety as m
    elif where == "service":
        from .commands import service as m
    elif where == "batch":
        from .commands import batch as m
    elif where == "form":
        from .workbooks import form as m
    elif where == "render":
        from .documents import render as m
    elif where == "store":
        from . import store as m
    else:
        raise KeyError(where)
    return m


def __getattr__(name: str):
    where = _NAMES.get(name)
    if where is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(_module(where), name)  # not cached: a name patched in its module (tests) is seen


def __dir__():
    return __all__


# ---------------------------------------------------------------- what the CLI did beyond parsing options

def check_data(paths) -> None:
    """Every data folder or file given exists (UsageError otherwise)."""
    for p in paths:
        if not Path(p).exists():
            raise UsageError(f"Không tìm thấy thư mục hoặc tệp dữ liệu: {p}")


def source(data, store):
    """--data folders, or the store given with --store (a StoreSource): exactly one."""
    if store is not None:
        if data:
            raise UsageError("Chọn --data hoặc --store, không chọn cả hai.")
        from .store import Store, StoreSource
        Store.open(store).close()  # says so when there is no store there
        return StoreSource(Path(store))
    if not data:
        raise UsageError("Cần --data THƯ_MỤC (các sổ hằng tháng) hoặc --store KHO.")
    check_data(data)
    return data


def write_facility_form(facility, name, province, month, out=None, data=None, force=False, note=None) -> Path:
    """The blank monthly workbook of a facility (`rehabstat form`): its path. `note(label, text)`
    is told the warnings (a province name unknown or merged, no closing of the month before)."""
    from .workbooks.form import build_form, default_name, month_of, previous_closing, write_form
    note = note or (lambda label, text: None)
    if not facility or not name or not month:
        raise UsageError("Sổ hằng tháng cần --facility, --name, --province và --month.")
    if not facility.strip() or not name.strip() or not province.strip():
        raise UsageError("--facility, --name và --province không được để trống.")
    try:
        y, m = month_of(month)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    target = out or Path(default_name(facility, y, m))
    if target.is_dir() or target.suffix.lower() not in WORKBOOK_SUFFIXES:
        # --out a folder, as report and batch take it (made if need be): the default name inside
        target = target / default_name(facility, y, m)
    from .commands.service import ensure_out_dir
    ensure_out_dir(target.parent)
    if target.exists() and not force:
        raise UsageError(f"Tệp {target} đã có; dùng --force để ghi đè hoặc chọn --out khác.")
    opening = None
    from .common.periods import period_between
    from .settings.geography import geography
    known = geography().resolve(province, period_between((y, m), (y, m)).end_date)
    if not known.known:
        note("Cảnh báo", _not_a_province(province))
    elif known.old is not None:
        note("Cảnh báo", f"tỉnh '{province}' đã sáp nhập vào {known.province.full} "
             f"từ ngày {geography().effective:%d/%m/%Y}; nên ghi tên tỉnh mới.")
    if data is not None:
        check_data([data])
        opening, why = previous_closing(data, facility, y, m)
        if opening is None:
            note("Lưu ý", f"{why}; Đầu kỳ để trống.")
    from .common.errors import writing_into
    with writing_into(target.parent):
        write_form(target, build_form(facility, name, province, y, m, opening=opening), force=force)
    return target


WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")


def _not_a_province(province: str) -> str:
    """The words for a name that is no province or city, before or after the 2025 merger."""
    from .settings.geography import geography
    near = geography().closest(province)
    return f"'{province}' không phải tên tỉnh/thành phố nào" + (f"; có phải: {', '.join(near)}?" if near else ".")


def write_province_form(province, period, out=None, force=False) -> Path:
    """The blank province workbook of a period (`rehabstat form --level province`): its path."""
    from .workbooks.form import build_province_form, write_form
    if not period or not province.strip():
        raise UsageError("Sổ cấp tỉnh cần --province và --period, ví dụ --period 2019.")
    try:
        wb = build_province_form(province, period)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    from .common.periods import period_between
    from .reading.province import parse_period
    from .settings.geography import geography
    if not geography().resolve(province, period_between(*parse_period(period)).end_date).known:
        raise UsageError(_not_a_province(province) + " Sổ cấp tỉnh cần tên tỉnh đúng: hãy sửa --province.")
    from .common.codes import slug
    name = f"{slug(province)}-{slug(period)}.xlsx"
    target = out or Path(name)
    if target.is_dir() or target.suffix.lower() not in WORKBOOK_SUFFIXES:
        target = target / name  # --out a folder (made if need be): the default name inside
    from .commands.service import ensure_out_dir
    ensure_out_dir(target.parent)
    if target.exists() and not force:
        raise UsageError(f"Tệp {target} đã có; dùng --force để ghi đè hoặc chọn --out khác.")
    from .common.errors import writing_into
    with writing_into(target.parent):
        write_form(target, wb, force=force)
    return target


# ---------------------------------------------------------------- the web inbox (rehabstat/web)

def serve(store, host="127.0.0.1", port=8000, cert=None, key=None, say=print) -> None:
    """Run the web inbox over the store until Ctrl-C or SIGTERM (`rehabstat serve`)."""
    from .web.server import serve as run
    run(store, host=host, port=port, cert=cert, key=key, say=say)


def add_user(store, name, role, password, facility=None, province=None):
    """A new web account in the store (made if need be): the User."""
    from .store import Store
    from .web import accounts
    with Store.open(store, create=True) as s:
        return accounts.add(s, name, role, password, facility=facility, province=province)


def list_users(store) -> list:
    from .store import Store
    from .web import accounts
    with Store.open(store) as s:
        return accounts.all_users(s)


def disable_user(store, name):
    from .store import Store
    from .web import accounts
    with Store.open(store) as s:
        return accounts.disable(s, name)


def set_password(store, name, password):
    from .store import Store
    from .web import accounts
    with Store.open(store) as s:
        return accounts.set_password(s, name, password)


__all__ += ["serve", "add_user", "list_users", "disable_user", "set_password"]
