"""The command line: thin. It parses options, calls the library through rehabstat.api (the
one module of library calls; every command is callable from Python) and prints what it
returns. Heavy libraries (pandas, openpyxl, docx) are imported inside the commands, so
`rehabstat --help` answers at once."""
from __future__ import annotations

import dataclasses
import functools
import inspect
import os
import sys
import typing
from pathlib import Path
from typing import List, Optional

import typer

from .clilang import LocalGroup

app = typer.Typer(
    name="rehabstat", cls=LocalGroup,
    help="help.rehabstat",
    no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
)
templates_app = typer.Typer(help="help.templates", no_args_is_help=True)
app.add_typer(templates_app, name="templates")
STATE = {"debug": False}


from .common.errors import UsageError  # noqa: E402  (re-exported: older code imports it from here)


def _console(stderr=True, **kwargs):
    """A rich console (what is printed is already in the chosen language: the catalogue's words)."""
    from rich.console import Console
    kwargs = {"highlight": False, "soft_wrap": True, **kwargs}
    return Console(stderr=stderr, **kwargs)


class Interrupted(Exception):
    """Ctrl-C, with what the command had done by then (in the chosen language)."""


INTERRUPTED = 130  # the shell's code for a command ended by Ctrl-C (128 + SIGINT)


def command(fn):
    """Run a command: user errors become a message and an exit code, never a traceback."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        from .common.catalogue import text
        from .common.errors import DataError
        mark = _written_count()
        early = False
        try:
            early = _ctrl_c_to_the_command()
            return fn(*args, **kwargs)
        except typer.Exit:
            raise
        except (KeyboardInterrupt, Interrupted) as exc:  # Ctrl-C: what was done, and exit 130
            said = str(exc) if isinstance(exc, Interrupted) or getattr(exc, "said", None) else text("run.stopped")
            _console().print(_escape(said))
            if getattr(exc, "signum", None) not in (None, 2):  # SIGTERM (api.stopping): ended by it
                from .api import end_by
                end_by(exc.signum)
            raise typer.Exit(INTERRUPTED)
        except UsageError as exc:  # ConfigError and PeriodError too
            _console().print(f"[bold red]{text('run.error')}[/] {_escape(str(exc))}")
            raise typer.Exit(2)
        except DataError as exc:
            _print_data_error(exc)
            raise typer.Exit(1)
        except BrokenPipeError:  # `rehabstat log | head`: the reader has all it wanted, nothing went wrong
            _quiet_stdout()
            raise typer.Exit(PIPE_CLOSED)
        except Exception as exc:  # noqa: BLE001
            from .common.errors import OutputError, TemplateError, os_reason
            if isinstance(exc, OutputError):  # a file or folder that cannot be written: not the template's fault
                _console().print(f"[bold red]{text('run.error')}[/] {_escape(str(exc))}")
                raise typer.Exit(2)
            if isinstance(exc, TemplateError):
                _console().print(f"[bold red]{text('run.template_error')}[/] {exc}")
                raise typer.Exit(2)
            if isinstance(exc, OSError) and exc.filename:  # a file or folder the OS refused: the user can fix it
                if STATE["debug"]:
                    import traceback
                    traceback.print_exception(type(exc), exc, exc.__traceback__)
                _console().print(f"[bold red]{text('run.error')}[/] "
                                 + _escape(text("run.os_error", path=exc.filename, reason=os_reason(exc))))
                raise typer.Exit(2)
            _internal_error(exc)
        finally:
            if early:
                _ctrl_c_to_the_command(False)
            if _written_count() > mark:
                _ledger_warning()
    return wrapper


def _ctrl_c_to_the_command(running: bool = True) -> bool:
    """While a command runs, Ctrl-C is KeyboardInterrupt (unwound above, exit 130); before and
    after, the program's early answer (rehabstat/__init__.py: the words, exit 130). True when
    the early answer was in place and was swapped."""
    import signal
    from . import early_stop
    try:
        if running and signal.getsignal(signal.SIGINT) is early_stop:
            signal.signal(signal.SIGINT, signal.default_int_handler)
            return True
        if not running and signal.getsignal(signal.SIGINT) is signal.default_int_handler:
            signal.signal(signal.SIGINT, early_stop)
    except ValueError:  # not the main thread
        pass
    return False


def _written_count() -> int:
    """How many files this process has written whole (api.written_count), without importing
    the library for a command that writes nothing: nothing is written before the writer's
    module is loaded."""
    if "rehabstat.workbooks.xlsxout" not in sys.modules:
        return 0
    from .api import written_count
    return written_count()


def _ledger_warning() -> None:
    """Files were written but the ledger of what rehabstat wrote could not note them: said
    now, with where it is and what follows, rather than at the next run's refusal."""
    from .api import ledger_trouble
    from .common.catalogue import text
    why = ledger_trouble()
    if why is not None:
        ledger, reason, option = (*why, "--overwrite")[:3]
        _console().print(f"[bold yellow]{text('run.note')}[/] " + _escape(text(
            "out.ledger_unwritable", ledger=ledger, reason=reason, folder=ledger.parent, option=option)))


PIPE_CLOSED = 141  # 128 + SIGPIPE: what `git log | head` gives, the shell's code for a reader gone


def _quiet_stdout() -> None:
    """The pipe we wrote to is closed: point stdout at devnull so that the flush at exit does not
    raise again (the way Python's documentation of SIGPIPE advises)."""
    import os
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


INTERNAL = 3  # our own bug, never the user's input: its own exit code beside 0, 1 and 2


def _internal_error(exc: Exception):
    """Exit 3: an error of rehabstat itself (or of a library it called wrongly), said as ours,
    never as the file's or the data's, with how to report it; --debug prints the traceback
    (a worker's own, for an error met in a worker process)."""
    from .common.catalogue import text
    from .common.errors import InternalError
    if STATE["debug"]:
        import traceback
        sys.stderr.write("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
        if isinstance(exc, InternalError) and exc.trace:
            sys.stderr.write(text("internal.worker_trace") + "\n" + exc.trace)
        sys.stderr.flush()
    if isinstance(exc, InternalError):
        what, where = exc.what, exc.where
    else:
        what, where = f"{type(exc).__name__}: {exc}", ""
    said = text("internal.error_reading", what=what, file=where) if where else text("internal.error", what=what)
    _console().print(said, markup=False)
    raise typer.Exit(INTERNAL)


def stops(kind: str):
    """A command that writes `kind` into its --out: Ctrl-C or SIGTERM says which files were
    written whole and which were not (api.stopping)."""
    def wrap(fn):
        @functools.wraps(fn)
        def run(*args, **kwargs):
            from .api import stopping
            with stopping(kind, kwargs.get("out")):
                return fn(*args, **kwargs)
        return run
    return wrap


def _t(key: str, **values) -> str:
    """The catalogue's words for `key` in the chosen language (--lang)."""
    from .common.catalogue import text
    return text(key, **values)


def _escape(text) -> str:
    from rich.markup import escape
    return escape(str(text))  # a Phrase: in the chosen language


def _print_data_error(exc):
    """Exit 1: what is wrong with the data, line by line, and what to do (stderr)."""
    from .common.catalogue import text
    console = _console()
    console.print(f"[bold red]{text('run.data_error')}[/] {_escape(str(exc))}")
    for line in map(str, exc.details):
        console.print(f"  • {line}" if not line.startswith("  ") else line, markup=False)
    if exc.advice:
        console.print(f"[bold]{text('run.todo')}[/] {_escape(exc.advice)}")


@app.callback()
def main_options(
    lang: str = typer.Option("vi", "--lang", help="help.opt.lang"),
    debug: bool = typer.Option(False, "--debug", help="help.opt.debug"),
):
    from .common import rules
    if lang not in ("vi", "en"):
        _console().print(f"[bold red]{_t('run.error')}[/] {_t('run.lang')}")
        raise typer.Exit(2)
    rules.LANG["value"] = lang
    STATE["debug"] = debug
    from .common.language import NOTICE
    NOTICE["tell"] = lambda said: _console().print(str(said), markup=False)
    if debug:  # the parsers' own words in F002 (read in worker processes, which inherit the environment)
        os.environ["REHABSTAT_DEBUG"] = "1"
    else:
        os.environ.pop("REHABSTAT_DEBUG", None)


# ---------------------------------------------------------------- shared options

DataOpt = typer.Option(None, "--data", help="help.opt.data")
StoreDataOpt = typer.Option(None, "--store", help="help.opt.store_source")
ConfigOpt = typer.Option(None, "--config", help="help.opt.config")
NumberOpt = typer.Option(None, "--number", help="help.report.number")
AsOfOpt = typer.Option(None, "--as-of", help="help.opt.as_of")
PlanNumberOpt = typer.Option(None, "--number", help="help.plan.number")
OverwriteOpt = typer.Option(False, "--overwrite", help="help.opt.overwrite")
DateOpt = typer.Option(None, "--date", help="help.opt.date")


def _doc_date(text):
    if text is None:
        return None
    from .common.values import Bad, parse_date
    try:
        return parse_date(text)
    except Bad:
        raise UsageError.said("run.date", text=text) from None


def _as_of(text):
    from .api import parse_as_of
    return parse_as_of(text)


# ---------------------------------------------------------------- the period: one group of options

@dataclasses.dataclass
class PeriodOptions:
    """The period as the options wrote it: --year with --quarter, --half, --month or --months, or --from/--to."""
    year: Optional[int] = None
    month: Optional[int] = None
    quarter: Optional[int] = None
    half: Optional[int] = None
    start: Optional[str] = None
    end: Optional[str] = None
    months: Optional[int] = None

    @property
    def given(self) -> bool:
        return any(v is not None for v in dataclasses.astuple(self))

    def period(self):
        """The Period (PeriodError, exit 2, when the options do not make one)."""
        from .api import make_period
        return make_period(**dataclasses.asdict(self))


PERIOD_OPTIONS = {  # parameter -> (its type, the option), in the order --help lists them
    "year": (Optional[int], typer.Option(None, "--year", help="help.opt.year")),
    "month": (Optional[int], typer.Option(None, "--month", help="help.opt.month")),
    "quarter": (Optional[int], typer.Option(None, "--quarter", help="help.opt.quarter")),
    "half": (Optional[int], typer.Option(None, "--half", help="help.opt.half")),
    "start": (Optional[str], typer.Option(None, "--from", help="help.opt.from")),
    "end": (Optional[str], typer.Option(None, "--to", help="help.opt.to")),
    "months": (Optional[int], typer.Option(None, "--months", help="help.opt.months")),
}


def with_period(months: bool = True):
    """A command's period options, given to it as one PeriodOptions: its parameter
    `period_options` stands where the options are listed. Without --months for the commands
    that approve or unlock whole months of the store."""
    names = [n for n in PERIOD_OPTIONS if months or n != "months"]

    def decorate(fn):
        signature = inspect.signature(fn)
        hints = typing.get_type_hints(fn)
        params = []
        for p in signature.parameters.values():
            if p.name == "period_options":
                params += [inspect.Parameter(n, inspect.Parameter.POSITIONAL_OR_KEYWORD, default=PERIOD_OPTIONS[n][1],
                                             annotation=PERIOD_OPTIONS[n][0]) for n in names]
            else:
                params.append(p.replace(annotation=hints.get(p.name, p.annotation)))

        @functools.wraps(fn)
        def run(*args, **kwargs):
            kwargs["period_options"] = PeriodOptions(**{n: kwargs.pop(n, None) for n in names})
            return fn(*args, **kwargs)

        # typer reads a command's options from its signature and type hints (inspect, typing)
        run.__signature__ = signature.replace(parameters=params)
        run.__annotations__ = {p.name: p.annotation for p in params}
        return run
    return decorate


def _source(data, store):
    """--data folders, or the store given with --store (a StoreSource): exactly one. The lock
    files of Excel/LibreOffice among the data are skipped, with a note."""
    from .api import source
    chosen = source(data, store)
    if store is None:
        _note_lock_files(data)
    return chosen


def _note_lock_files(paths) -> None:
    from .api import lock_files
    locks = lock_files(paths)
    if locks:
        shown = ", ".join(str(p) for p in locks[:5]) + (_t("run.and_more", count=len(locks) - 5) if len(locks) > 5 else "")
        _console().print(f"[bold yellow]{_t('run.note')}[/] {_escape(_t('run.lock_files', files=shown))}")


# ---------------------------------------------------------------- indicators

@app.command(help="help.indicators")
@command
@with_period()
@stops("indicators")
def indicators(
    data: Optional[List[Path]] = DataOpt, store: Optional[Path] = StoreDataOpt,
    period_options: PeriodOptions = None,
    level: str = typer.Option("facility", "--level", help="help.indicators.level"),
    fmt: Optional[str] = typer.Option(None, "--format", help="help.indicators.fmt"),
    out: Optional[Path] = typer.Option(None, "--out", help="help.indicators.out"),
    facility: Optional[List[str]] = typer.Option(None, "--facility", help="help.indicators.facility"),
    province: Optional[List[str]] = typer.Option(None, "--province", help="help.indicators.province"),
    config: Optional[Path] = ConfigOpt,
    jobs: Optional[int] = typer.Option(None, "--jobs", help="help.opt.jobs"),
    force: bool = typer.Option(False, "--force", help="help.indicators.force"),
    as_of: Optional[str] = AsOfOpt,
    compare: Optional[str] = typer.Option(None, "--compare", help="help.indicators.compare"),
    overwrite: bool = OverwriteOpt,
):
    if compare is not None and compare not in ("previous", "year"):
        raise UsageError.said("run.compare")
    from .api import indicator_table, write_indicators
    if level not in ("facility", "province", "national"):
        raise UsageError.said("run.level")
    from .api import output_format
    fmt = output_format(fmt, out)  # --format, else --out's extension; never one the name contradicts
    if fmt == "xlsx" and out is None:
        raise UsageError.said("run.xlsx_out")
    data = _source(data, store)
    if out is not None:
        from .api import ensure_out_dir, refuse_overwriting_a_workbook
        ensure_out_dir(Path(out).parent)
        refuse_overwriting_a_workbook(out)
    period = period_options.period()
    from .api import parse_as_of, province_notes
    when = parse_as_of(as_of)
    table, gate = indicator_table(data, period, level=level, config=config, units=facility, provinces=province,
                                  jobs=jobs, force=force, as_of=when, compare=compare)
    if level != "facility":
        for note in province_notes(gate.dataset, period, when, compared=gate.compared):
            _console().print(f"[bold yellow]{_t('run.note')}[/] {note}")
    from .api import unreadable_lines
    for note in unreadable_lines(gate, gate.problems()):
        _console().print(f"[bold yellow]{_t('run.note')}[/] {_escape(note)}")
    from .common.errors import writing_into
    from .api import allow_overwrite
    if out is not None and gate.draft:  # a draft never takes a final's name
        from .api import draft_name
        if draft_name(out) != Path(out):
            out = draft_name(out)
            _console().print(f"[bold yellow]{_t('run.note')}[/] {_escape(_t('run.draft_to', path=out))}")
    with writing_into(Path(out).parent if out is not None else Path(".")), allow_overwrite(overwrite):
        text = write_indicators(table, fmt, out, draft=gate.draft)
    if text is not None:
        sys.stdout.write(text)
        sys.stdout.flush()
    if gate.draft:  # only with --force: the figures were written, marked as drafts
        console = _console()
        console.print(f"[bold yellow]{_t('run.draft')}[/] "
                      + _escape(_t("run.draft_data", period=period, coverage=gate.coverage_text())))
        for line in map(str, gate.problems()):
            console.print(f"  • {line}" if not line.startswith("  ") else line, markup=False)
        raise typer.Exit(1)


# ---------------------------------------------------------------- report

@app.command(help="help.report")
@command
@with_period()
@stops("report")
def report(
    data: Optional[List[Path]] = DataOpt, store: Optional[Path] = StoreDataOpt,
    period_options: PeriodOptions = None,
    facility: Optional[str] = typer.Option(None, "--facility", help="help.report.facility"),
    province: Optional[str] = typer.Option(None, "--province", help="help.report.province"),
    out: Path = typer.Option(Path("out"), "--out", help="help.report.out"),
    force: bool = typer.Option(False, "--force", help="help.report.force"),
    template: Optional[Path] = typer.Option(None, "--template", help="help.report.template"),
    targets: Optional[Path] = typer.Option(None, "--targets", help="help.report.targets"),
    config: Optional[Path] = ConfigOpt,
    number: Optional[int] = NumberOpt, date: Optional[str] = DateOpt,
    as_of: Optional[str] = AsOfOpt, overwrite: bool = OverwriteOpt,
):
    from .api import allow_overwrite, make_report
    data = _source(data, store)
    period = period_options.period()
    with allow_overwrite(overwrite):
        result = make_report(data, period, facility=facility, province=province, out=out, force=force,
                             template=template, targets=targets, config=config, number=number,
                             doc_date=_doc_date(date), as_of=_as_of(as_of))
    _finish_document(result)


def _finish_document(result):
    console = _console()
    if result.refused:
        _print_issue_summary(console, result.errors)
        console.print(f"[bold red]{_t('run.no_document')}[/] {_escape(_t('run.refused', count=len(result.errors)))}")
        raise typer.Exit(1)
    for path in result.outputs:
        console.print(_t("run.written", path=path), markup=False)
    for note in result.notes:
        console.print(f"[bold yellow]{_t('run.note')}[/] {_escape(note)}")
    if result.draft:
        console.print(f"[bold yellow]{_t('run.note')}[/] " + _escape(
            _t("run.draft_doc_coverage", coverage=result.coverage) if result.coverage else _t("run.draft_doc")))
        for line in map(str, result.problems):
            console.print(f"  • {line}" if not line.startswith("  ") else line, markup=False)
        raise typer.Exit(1)


def _print_issue_summary(console, issues, limit=30):
    for i in issues[:limit]:
        where = ", ".join(x for x in (Path(i.file).name if i.file else None, i.where or None) if x)
        console.print(f"  [red]{i.code}[/] {_escape(f'{where}: {i.message}')}")  # "[registry]", a cell's "[x]"
    if len(issues) > limit:
        console.print(_escape(_t("run.more_errors", count=len(issues) - limit)))


# ---------------------------------------------------------------- validate, form  (validation commands go here)

def _progress_reader(paths):
    """A progress callback for reading many workbooks: a bar on a terminal, nothing when piped."""
    if not sys.stderr.isatty():
        return None, None
    from rich.progress import Progress
    from .api import find_workbooks
    progress = Progress(console=_console(), transient=True)
    task = progress.add_task(_t("run.reading"), total=len(find_workbooks(paths)) or None)
    return progress, (lambda _path: progress.advance(task))


@app.command(help="help.validate")
@command
@with_period()
def validate(
    paths: Optional[List[Path]] = typer.Argument(None, help="help.validate.paths"),
    store: Optional[Path] = typer.Option(None, "--store", help="help.validate.store"),
    fmt: str = typer.Option("text", "--format", help="help.validate.fmt"),
    annotate_dir: Optional[Path] = typer.Option(None, "--annotate", help="help.validate.annotate_dir"),
    config: Optional[Path] = ConfigOpt,
    period_options: PeriodOptions = None,
    jobs: Optional[int] = typer.Option(None, "--jobs", help="help.opt.jobs"),
    overwrite: bool = OverwriteOpt,
):
    from .api import annotate, format_text, to_json, validate_paths
    if fmt not in ("text", "json"):
        raise UsageError.said("run.format_text")
    if not paths and store is None:
        raise UsageError.said("run.paths")
    paths = [_source(paths, store)] if store is not None else _source(paths, None)
    if annotate_dir is not None:  # before the work: not a crash after the results were printed
        from .api import ensure_out_dir
        ensure_out_dir(annotate_dir, "--annotate")
    period = period_options.period() if period_options.given else None
    bar, tick = _progress_reader(paths) if store is None else (None, None)
    if bar is not None:
        with bar:
            result = validate_paths(paths, period=period, config=config, jobs=jobs, progress=tick)
    else:
        result = validate_paths(paths, period=period, config=config, jobs=jobs)
    sys.stdout.write(to_json(result) if fmt == "json" else format_text(result))
    sys.stdout.flush()
    if annotate_dir is not None:
        console = _console()
        from .common.errors import writing_into
        from .api import allow_overwrite
        with writing_into(annotate_dir), allow_overwrite(overwrite):
            annotated = annotate(result, annotate_dir)
        for item in annotated:
            note = f" ({item.reason})" if item.reason else ""
            console.print(_t("run.written", path=f"{item.output}{note}"), markup=False)
    raise typer.Exit(1 if result.has_errors else 0)


@app.command(help="help.form")
@command
def form(
    facility: Optional[str] = typer.Option(None, "--facility", help="help.form.facility"),
    name: Optional[str] = typer.Option(None, "--name", help="help.form.name"),
    province: str = typer.Option(..., "--province", help="help.form.province"),
    month: Optional[str] = typer.Option(None, "--month", help="help.form.month"),
    out: Optional[Path] = typer.Option(None, "--out", help="help.form.out"),
    data: Optional[Path] = typer.Option(None, "--data", help="help.form.data"),
    force: bool = typer.Option(False, "--force", help="help.form.force"),
    level: str = typer.Option("facility", "--level", help="help.form.level"),
    period: Optional[str] = typer.Option(None, "--period", help="help.form.period"),
):
    from .api import allow_overwrite, write_facility_form, write_province_form
    with allow_overwrite(force, "--force"):
        _form(facility, name, province, month, out, data, force, level, period)


def _form(facility, name, province, month, out, data, force, level, period):
    from .api import write_facility_form, write_province_form
    if level not in ("facility", "province"):
        raise UsageError.said("run.form_level")
    if level == "province":
        target = write_province_form(province, period, out, force)
        _console().print(_t("run.written", path=target), markup=False)
        return
    console = _console()
    target = write_facility_form(facility, name, province, month, out=out, data=data, force=force,
                                 note=lambda label, text: console.print(f"[bold yellow]{label}:[/] {text}"))
    console.print(_t("run.written", path=target), markup=False)


# ---------------------------------------------------------------- batch

@app.command(help="help.batch")
@command
@with_period()
def batch(
    data: Optional[List[Path]] = DataOpt, store: Optional[Path] = StoreDataOpt,
    period_options: PeriodOptions = None,
    out: Path = typer.Option(Path("out"), "--out", help="help.batch.out"),
    jobs: Optional[int] = typer.Option(None, "--jobs", help="help.batch.jobs"),
    config: Optional[Path] = ConfigOpt,
    force: bool = typer.Option(False, "--force", help="help.batch.force"),
    template: Optional[Path] = typer.Option(None, "--template", help="help.batch.template"),
    as_of: Optional[str] = AsOfOpt, overwrite: bool = OverwriteOpt,
):
    from .api import allow_overwrite
    with allow_overwrite(overwrite):
        _batch(data, store, period_options, out, jobs, config, force, template, as_of)


def _batch(data, store, period_options, out, jobs, config, force, template, as_of):
    import time
    from .api import run_batch
    started = time.perf_counter()
    data = _source(data, store)
    if jobs is not None and jobs < 1:
        raise UsageError.said("run.jobs")
    if template is not None and not template.is_file():
        raise UsageError.said("run.no_template", path=template)
    period = period_options.period()
    when = _as_of(as_of)
    console = _console()
    if console.is_terminal:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
        bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                       console=console, transient=True)
        tasks = {}

        def tick(stage, done, total):
            label = _t(f"run.stage.{stage}") if stage in ("read", "check", "render") else stage
            if stage not in tasks:
                tasks[stage] = bar.add_task(label, total=total)
            bar.update(tasks[stage], completed=done, total=total)

    wall = time.time()
    try:
        if console.is_terminal:
            with bar:
                result = run_batch(data, period, out, jobs=jobs, config=config, force=force, progress=tick,
                                   template=template, as_of=when)
        else:
            result = run_batch(data, period, out, jobs=jobs, config=config, force=force, template=template, as_of=when)
    except KeyboardInterrupt:
        written = [p for p in Path(out).glob("*") if p.is_file() and not p.name.startswith(".")
                   and p.stat().st_mtime >= wall - 1] if Path(out).is_dir() else []
        raise Interrupted(_t("batch.interrupted", count=len(written), out=out)) from None
    result.elapsed = time.perf_counter() - started
    _batch_summary(result)
    raise typer.Exit(result.exit_code)


def _batch_summary(result):
    """The batch's closing summary (commands/batch.py builds it): stdout, the template's error on stderr."""
    from rich.table import Table
    from .api import SummaryTable, batch_summary
    out = _console(stderr=False, width=None if sys.stdout.isatty() else 150)
    for item in batch_summary(result):
        if isinstance(item, SummaryTable):
            table = Table(title=item.title, title_justify="left")
            for title, justify in item.columns:
                table.add_column(title, justify=justify, overflow="fold")
            for row in item.rows:
                table.add_row(*row)
            out.print(table)
        else:
            (_console() if item.stderr else out).print(item.text, markup=item.markup)


# ---------------------------------------------------------------- plan

@app.command(help="help.plan")
@command
@stops("plan")
def plan(
    data: Optional[List[Path]] = DataOpt, store: Optional[Path] = StoreDataOpt,
    year: int = typer.Option(..., "--year", help="help.plan.year"),
    targets: Path = typer.Option(..., "--targets", help="help.plan.targets"),
    facility: Optional[str] = typer.Option(None, "--facility", help="help.opt.facility"),
    province: Optional[str] = typer.Option(None, "--province", help="help.plan.province"),
    out: Path = typer.Option(Path("out"), "--out", help="help.plan.out"),
    force: bool = typer.Option(False, "--force", help="help.plan.force"),
    template: Optional[Path] = typer.Option(None, "--template", help="help.plan.template"),
    config: Optional[Path] = ConfigOpt,
    number: Optional[int] = PlanNumberOpt, date: Optional[str] = DateOpt, overwrite: bool = OverwriteOpt,
):
    from .api import make_period, make_report
    data = _source(data, store)
    if not targets.is_file():
        raise UsageError.said("targets.not_found", path=targets)
    from .api import allow_overwrite
    with allow_overwrite(overwrite):
        result = make_report(data, make_period(year=year - 1), facility=facility, province=province, out=out,
                             force=force, template=template, targets=targets, config=config, kind="kh", plan=year,
                             number=number, doc_date=_doc_date(date))
    _finish_document(result)


# ---------------------------------------------------------------- templates

@templates_app.command("export", help="help.templates.export")
@command
def templates_export(directory: Path = typer.Argument(..., help="help.templates.export.directory"),
                     force: bool = typer.Option(False, "--force", help="help.templates.export.force")):
    from .api import ensure_out_dir, export_templates
    from .common.errors import writing_into
    ensure_out_dir(directory, _t("metavar.dir"))  # a positional folder: named as its usage line names it
    with writing_into(directory):
        written = export_templates(directory, overwrite=force)
    for path in written:
        _console().print(_escape(_t("run.written", path=path)))


@templates_app.command("vars", help="help.templates.vars")
@command
def templates_vars():
    from .api import template_variables
    from .common.language import chosen
    from rich.table import Table
    table = Table()
    for title in (_t("run.vars.name"), _t("run.vars.meaning"), _t("run.vars.example")):
        table.add_column(title)
    for name, meaning, example in template_variables(chosen()):
        table.add_row(name, meaning, str(example))
    _console(stderr=False).print(table)


# ---------------------------------------------------------------- rules

@app.command(help="help.rules")
@command
def rules(code: Optional[str] = typer.Argument(None, help="help.rules.code"),
          data: Optional[Path] = typer.Option(None, "--data", help="help.rules.data"),
          config: Optional[Path] = ConfigOpt):
    from .common.catalogue import text
    from .api import load_config
    from .common.rules import RULES
    cfg = load_config([data] if data else [Path.cwd()] if config is None else [], config)
    settings = cfg.checks

    def level(r) -> str:
        if r.code not in settings:
            return text(f"severity.{r.severity}")
        now = settings[r.code]
        return f"{text('severity.' + now) if now else text('severity.ignored')} ({text('rules.configured', path=cfg.path.name)})"

    console = _console(stderr=False)
    if code:
        r = RULES.get(code.strip().upper())
        if r is None:
            raise UsageError(text("rules.unknown", code=code))
        console.print(f"[bold]{r.code}[/] {_escape(r.title())} ({_escape(level(r))})\n", highlight=False)
        console.print(r.template(), markup=False, highlight=False)
        console.print()
        console.print(r.explanation(), markup=False, highlight=False)
        console.print()
        flag = "rules.drops_row" if r.drops_row else "rules.drops_file" if r.drops_file else "rules.adjust"
        other = "warning" if r.severity == "error" else "error"
        console.print(text(flag, code=r.code, other=other), markup=False, highlight=False)
        return
    from rich.table import Table
    table = Table(show_lines=False)
    for key in ("code", "name", "severity", "message"):
        table.add_column(text(f"rules.head.{key}"))
    for r in RULES.values():
        table.add_row(r.code, _escape(r.title()), _escape(level(r)), _escape(r.template()))
    console.print(table)


# ---------------------------------------------------------------- the inbox (rehabstat/store): receive, history, approve, unlock, log, check-store

StoreOpt = typer.Option(..., "--store", help="help.opt.store_folder")


def _out(text: str) -> None:
    """Plain output of the store commands on stdout (already in the chosen language)."""
    sys.stdout.write(text)


def _store_rows(rows, widths=None):
    """Plain aligned columns (the first row is the header)."""
    rows = [[str(v) for v in r] for r in rows]
    widths = [max(len(r[c]) for r in rows) for c in range(len(rows[0]))]
    return ["  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip() for r in rows]


def _heads(*keys) -> tuple:
    from .common.catalogue import text
    return tuple(text(f"store.h.{k}") if k != "sha256" else k for k in keys)


@app.command(help="help.receive")
@command
def receive(
    files: List[Path] = typer.Argument(..., help="help.receive.files"),
    store: Path = StoreOpt,
    out: Optional[Path] = typer.Option(None, "--out", help="help.receive.out"),
    config: Optional[Path] = ConfigOpt,
    jobs: Optional[int] = typer.Option(None, "--jobs", help="help.opt.jobs"),
):
    from .api import DUPLICATE, NEW_VERSION, RECEIVED, REJECTED, SKIPPED, Store, check_paths
    from .common.catalogue import text
    if out is not None:
        from .api import ensure_out_dir
        ensure_out_dir(out)
    check_paths(files, config)  # before the store is made: a refused receive leaves no empty store
    with Store.open(store, create=True) as s:
        before = s.con.execute("SELECT coalesce(max(id), 0) FROM receipts").fetchone()[0]
        try:
            outcomes = s.receive(files, out=out, jobs=jobs, config=config, named_config=True)
        except KeyboardInterrupt:
            kept = s.con.execute("SELECT count(*) FROM receipts WHERE id > ?", (before,)).fetchone()[0]
            raise Interrupted(text("receive.interrupted", count=kept)) from None
        made = s.con.execute("SELECT count(*) FROM receipts WHERE id > ?", (before,)).fetchone()[0]
        kept, swept = s.received_config, s.swept
    try:  # a Ctrl-C now finds the receive done: said so, not "not finished"
        if swept[0]:  # what a killed receive had left in tmp/
            _out(text("receive.swept", count=swept[0]) + "\n")
        if kept is not None:  # the rehabstat.toml that governs these files, kept with them
            _out(kept.line() + "\n")
        for o in outcomes:
            _out(o.line() + "\n")
    except KeyboardInterrupt:
        raise Interrupted(text("receive.interrupted_done", count=made, store=store)) from None
    count = {k: sum(1 for o in outcomes if o.kind == k) for k in (RECEIVED, NEW_VERSION, DUPLICATE, REJECTED, SKIPPED)}
    # a copy identical to a refused one is "already there" (its line, this count and the log's
    # "duplicate" agree): nothing new was refused, but it is still refused, so it is named
    again = sum(1 for o in outcomes if o.kind == DUPLICATE and o.not_accepted)
    _out(text("receive.summary", files=len(outcomes), received=count[RECEIVED], new=count[NEW_VERSION],
              duplicate=count[DUPLICATE], rejected=count[REJECTED],
              skipped=text("receive.skipped", count=count[SKIPPED]) if count[SKIPPED] else "") + "\n")
    if again:
        _out(text("receive.again_rejected", count=again) + "\n")
    # exit 1 for a refused copy sent again, as the first time it was sent: what the officer
    # gave is not in the data, and a script (or a glance at $?) must see that the facility's
    # corrected copy is still awaited, not a clean receive
    raise typer.Exit(1 if any(o.not_accepted for o in outcomes) else 0)


@app.command(help="help.history")
@command
def history(
    store: Path = StoreOpt,
    facility: Optional[str] = typer.Option(None, "--facility", help="help.opt.facility"),
    month: Optional[str] = typer.Option(None, "--month", help="help.history.month"),
    province: Optional[str] = typer.Option(None, "--province", help="help.history.province"),
):
    from .common.catalogue import text
    from .common.periods import _parse_mm_yyyy
    from .api import Store, local_time, month_text
    if bool(facility) == bool(province):
        raise UsageError(text("history.one_of"))
    if province:
        if month:
            raise UsageError(text("history.month_facility"))
        with Store.open(store) as s:
            _province_history(s.province_history(province))
        return
    ym = _parse_mm_yyyy(month, "--month") if month else None
    with Store.open(store) as s:
        h = s.history(facility, ym)
    w = sys.stdout.write
    _out(text("history.head", unit=h.unit, count=len(h.versions)) + "\n")
    rows = [_heads("month", "version", "status", "received", "received_by", "original", "errors", "warnings", "sha256")]
    for v in h.versions:
        state = text("history.accepted" if v.status == "accepted" else "history.rejected")
        rows.append((month_text(v.year, v.month), v.version or "—", state, local_time(v.received_at), v.received_by,
                     v.original_name, v.errors, v.warnings, v.sha256[:12]))
    for line in _store_rows(rows):
        w("  " + line + "\n")
    for v in h.versions:
        if v.status != "accepted" and v.reason:
            _out(text("history.refused", receipt=v.receipt, month=month_text(v.year, v.month), name=v.original_name,
                      reason=v.reason) + "\n")
    for year, mon, action, at, who, reason, version in h.approvals:
        _out(text("history.approved" if action == "approve" else "history.unlocked", month=month_text(year, mon),
                  version=version, reason=reason, at=local_time(at), who=who) + "\n")
    for c in h.comparisons:
        after = text("store.version", version=c.after.version) if c.after.version else \
            text("history.rejected_copy", receipt=c.after.receipt)
        head = "\n" + text("history.compared", month=month_text(c.year, c.month), before=c.before.version, after=after)
        if not c.changes:
            _out(head + text("history.no_change") + "\n")
            continue
        _out(head + text("history.changes", count=len(c.changes)) + "\n")
        rows = [_heads("indicator", "category", "before", "after")]
        rows += [(ch.indicator, ch.category, "—" if ch.before is None else ch.before,
                  "—" if ch.after is None else ch.after) for ch in c.changes]
        for line in _store_rows(rows):
            w("  " + line + "\n")


def _province_history(h) -> None:
    """`history --province`: the province workbooks' versions, approvals and changed figures."""
    from .common.catalogue import text
    from .api import local_time
    from .common.periods import period_of_code

    def said(code):  # "6 tháng đầu năm 2020" rather than the store's code "2020-H1" (in English "H1 2020")
        try:
            return period_of_code(code).text()
        except ValueError:
            return code
    w = sys.stdout.write
    w(text("province_history.title", province=h.province, count=len(h.versions)) + "\n")
    rows = [tuple(text("province_history.head").split("|"))]
    for v in h.versions:
        state = ("province_history.locked" if v.locked else "province_history.accepted") if v.status == "accepted" \
            else "province_history.rejected"
        rows.append((said(v.period), v.version or "—", text(state), local_time(v.received_at), v.received_by,
                     v.original_name, v.errors, v.warnings, v.sha256[:12]))
    widths = [max(len(str(r[c])) for r in rows) for c in range(len(rows[0]))]
    for r in rows:
        w("  " + "  ".join(str(v).ljust(n) for v, n in zip(r, widths)).rstrip() + "\n")
    for v in h.versions:
        if v.status != "accepted" and v.reason:
            w(text("province_history.refused", receipt=v.receipt, period=said(v.period), name=v.original_name,
                   reason=v.reason) + "\n")
    for period, action, at, who, reason, version in h.approvals:
        w(text(f"province_history.{action}", period=said(period), version=version, reason=reason, at=local_time(at),
               who=who) + "\n")
    for c in h.comparisons:
        after = (text("province_history.version", version=c.after.version) if c.after.version
                 else text("province_history.refused_copy", receipt=c.after.receipt))
        values = dict(period=said(c.period), before=text("province_history.version", version=c.before.version),
                      after=after)
        if not c.changes:
            w("\n" + text("province_history.same", **values) + "\n")
            continue
        w("\n" + text("province_history.changed", count=len(c.changes), **values) + "\n")
        rows = [tuple(text("province_history.changes_head").split("|"))]
        rows += [(ch.indicator, ch.category or "—", "—" if ch.before is None else ch.before,
                  "—" if ch.after is None else ch.after) for ch in c.changes]
        widths = [max(len(str(r[k])) for r in rows) for k in range(4)]
        for r in rows:
            w("  " + "  ".join(str(v).ljust(n) for v, n in zip(r, widths)).rstrip() + "\n")


def _approval_command(store, facility, province, period_options, reason=None):
    from .api import Store, month_text
    from .common.catalogue import text
    period = period_options.period()
    with Store.open(store) as s:
        units = s.units_of(facility, province)
        actions = (s.unlock(units, period, reason, province=province) if reason is not None
                   else s.approve(units, period, province=province))
    for a in actions:
        _out(f"{a.what or a.unit + ' ' + month_text(a.year, a.month)}: {a.note}\n")
    workbooks = [a for a in actions if a.what]  # the province workbooks (a province and a period each)
    actions = [a for a in actions if not a.what]
    done = [a for a in actions if a.done]
    before = sum(1 for a in actions if not a.done and not a.missing) if reason is None else 0
    if reason is None:
        _out(text("approve.summary", done=len(done), total=len(actions), period=period.text(),
                  before=text("approve.summary_before", count=before) if before else "") + "\n")
    else:
        _out(text("unlock.summary", done=len(done), total=len(actions), period=period.text()) + "\n")
    if workbooks:
        _out(text("unlock.workbooks" if reason is not None else "approve.workbooks",
                  done=sum(a.done for a in workbooks), total=len(workbooks)) + "\n")
    if reason is None:  # approving again what is approved is no failure; a month without a workbook is
        raise typer.Exit(1 if any(a.missing for a in actions) else 0)
    raise typer.Exit(0 if len(done) == len(actions) or done else 1)


@app.command(help="help.approve")
@command
@with_period(months=False)
def approve(
    store: Path = StoreOpt,
    facility: Optional[str] = typer.Option(None, "--facility", help="help.opt.facility"),
    province: Optional[str] = typer.Option(None, "--province", help="help.opt.province"),
    period_options: PeriodOptions = None,
):
    _approval_command(store, facility, province, period_options)


@app.command(help="help.unlock")
@command
@with_period(months=False)
def unlock(
    store: Path = StoreOpt,
    facility: Optional[str] = typer.Option(None, "--facility", help="help.opt.facility"),
    province: Optional[str] = typer.Option(None, "--province", help="help.opt.province"),
    period_options: PeriodOptions = None,
    reason: str = typer.Option(..., "--reason", help="help.unlock.reason"),
):
    if not reason.strip():
        raise UsageError.said("store.err.reason")
    _approval_command(store, facility, province, period_options, reason=reason)


@app.command("log", help="help.log")
@command
def log_command(
    store: Path = StoreOpt,
    facility: Optional[str] = typer.Option(None, "--facility", help="help.log.facility"),
    limit: Optional[int] = typer.Option(None, "--limit", help="help.log.limit"),
    province: Optional[str] = typer.Option(None, "--province", help="help.log.province"),
):
    from .api import Store, local_time, month_text
    from .common.catalogue import WORDS, text
    with Store.open(store) as s:
        rows = s.log(facility, limit, province=province)
    table = [_heads("no", "at", "by", "action", "facility", "month", "receipt", "details")]
    for id_, at, who, action, receipt, unit, year, mon, detail in rows:
        verb = text(f"log.action.{action}") if f"log.action.{action}" in WORDS else action  # the web's: as named
        table.append((id_, local_time(at), who, verb, unit or "", month_text(year, mon) if year else "", receipt or "",
                      detail or ""))
    for line in _store_rows(table):
        sys.stdout.write(line + "\n")


@app.command("check-store", help="help.check-store")
@command
def check_store(
    store: Path = StoreOpt,
    clean: bool = typer.Option(False, "--clean", help="help.check-store.clean"),
):
    from .api import Store
    from .common.catalogue import text
    from .common.issues import Count
    with Store.open(store) as s:
        if clean:
            count, size = s.clean_tmp()
            _out(text("check.cleaned", count=count, size=Count(size)) + "\n")
        rep = s.check()
    for line in rep.problems:
        _out(text("check.error_line", problem=line) + "\n")
    for line in rep.notes:
        _out(text("check.note_line", note=line) + "\n")
    _out(text("check.summary", integrity=text("check.intact") if rep.integrity == "ok" else rep.integrity,
              ok=rep.ok, total=rep.receipts) + "\n")
    if rep.province_workbooks or rep.configs:
        _out(text("check.contents", province=rep.province_workbooks, configs=rep.configs) + "\n")
    raise typer.Exit(0 if rep.clean else 1)


# ---------------------------------------------------------------- the web inbox (rehabstat/web): serve, users

users_app = typer.Typer(help="help.users", no_args_is_help=True)
app.add_typer(users_app, name="users")


@app.command(help="help.serve")
@command
def serve(
    store: Path = StoreOpt,
    host: str = typer.Option("127.0.0.1", "--host", help="help.serve.host"),
    port: int = typer.Option(8000, "--port", help="help.serve.port"),
    cert: Optional[Path] = typer.Option(None, "--cert", help="help.serve.cert"),
    key: Optional[Path] = typer.Option(None, "--key", help="help.serve.key"),
    config: Optional[Path] = typer.Option(None, "--config", help="help.serve.config"),
):
    from .api import serve as run
    run(store, host=host, port=port, cert=cert, key=key, say=lambda text: _out(text + "\n"), config=config)


def _password(stdin: bool) -> str:
    if not stdin:
        raise UsageError.said("users.stdin")
    return sys.stdin.readline().rstrip("\r\n")


@users_app.command("add", help="help.users.add")
@command
def users_add(
    name: str = typer.Argument(..., help="help.opt.user"),
    store: Path = StoreOpt,
    role: str = typer.Option(..., "--role", help="help.users.add.role"),
    facility: Optional[str] = typer.Option(None, "--facility", help="help.users.add.facility"),
    province: Optional[str] = typer.Option(None, "--province", help="help.users.add.province"),
    password_stdin: bool = typer.Option(False, "--password-stdin", help="help.users.add.password_stdin"),
):
    from .api import add_user
    from .common.catalogue import text
    user = add_user(store, name, role, _password(password_stdin), facility=facility, province=province)
    _out(text("users.added", name=user.name, role=user.role, scope=" " + user.scope if user.scope else "") + "\n")


@users_app.command("list", help="help.users.list")
@command
def users_list(store: Path = StoreOpt):
    from .api import list_users
    from .common.catalogue import text
    users = list_users(store)
    rows = [tuple(text(f"users.h.{k}") for k in ("name", "role", "scope", "state"))] + [
        (u.name, u.role, u.scope or "", text("users.disabled" if u.disabled else "users.active")) for u in users]
    for line in _store_rows(rows):
        _out(line + "\n")


@users_app.command("disable", help="help.users.disable")
@command
def users_disable(name: str = typer.Argument(..., help="help.opt.user"), store: Path = StoreOpt):
    from .api import disable_user
    from .common.catalogue import text
    disable_user(store, name)
    _out(text("users.disabled_done", name=name) + "\n")


@users_app.command("passwd", help="help.users.passwd")
@command
def users_passwd(
    name: str = typer.Argument(..., help="help.opt.user"),
    store: Path = StoreOpt,
    password_stdin: bool = typer.Option(False, "--password-stdin", help="help.users.passwd.password_stdin"),
):
    from .api import set_password
    from .common.catalogue import text
    set_password(store, name, _password(password_stdin))
    _out(text("users.passwd_done", name=name) + "\n")


def main():
    """The `rehabstat` program."""
    if _the_program() and not any(os.environ.get(v) for v in ("OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS",
                                                               "OMP_NUM_THREADS")):
        # numpy's OpenBLAS starts a thread per core when pandas imports it, for matrix
        # products rehabstat never computes: ~50 ms of CPU of a month report
        os.environ["OPENBLAS_NUM_THREADS"] = "1"
    app()  # LocalGroup.main: --lang/--debug anywhere on the line, every word in the chosen language


def _the_program() -> bool:
    """Whether this interpreter was started to run rehabstat: `python -m rehabstat ...` or
    the `rehabstat` script, not Python code calling main() or runpy (the package tells it,
    as it does to answer Ctrl-C from the first line)."""
    from . import _started_as_the_program
    return _started_as_the_program()


if __name__ == "__main__":
    main()
