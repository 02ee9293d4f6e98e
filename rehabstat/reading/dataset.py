"""Many workbooks → one Dataset of tidy pandas frames plus every issue."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from .reader import WorkbookResult, find_workbooks, read_workbook

FILE_COLUMNS = ["file", "unit", "unit_name", "province", "year", "month", "status", "sent"]
KEY = ["file", "sheet", "row", "unit", "province", "year", "month"]
CENSUS_COLUMNS = KEY + ["category", "opening", "closing", "present", "absent"]
EVENT_COLUMNS = KEY + ["person", "category", "event", "date", "new_category", "count"]
FIGURE_COLUMNS = KEY + ["code", "label", "measure", "kind", "value"]
# the province workbooks' figures; first/last: the workbook's months as year*12 + month - 1
# a workbook read whole: "ok", or "rejected" (one the store refused for its errors: its rows are
# there for the checks, as a folder's would be, but the gate never counts it)
READ_WHOLE = ("ok", "rejected")
PROVINCIAL_COLUMNS = ["file", "sheet", "row", "province", "first", "last", "period", "code", "label", "measure",
                      "kind", "category", "source", "value"]


@dataclass
class Dataset:
    files: pd.DataFrame
    census: pd.DataFrame
    events: pd.DataFrame
    figures: pd.DataFrame
    totals: list = field(default_factory=list)  # (file, sheet, row, {field: (value, column)})
    layout: dict = field(default_factory=dict)  # {(file, sheet): {field: letter}}; {(file, role): sheet}
    issues: list = field(default_factory=list)
    results: list = field(default_factory=list)  # the WorkbookResults, for annotating
    provincial: pd.DataFrame | None = None  # province workbooks' figures (PROVINCIAL_COLUMNS)

    def unit_names(self) -> dict[str, str]:
        ok = self.files.dropna(subset=["unit"]).sort_values(["year", "month"])
        return {u: n for u, n in zip(ok["unit"], ok["unit_name"]) if isinstance(n, str)}

    def unit_provinces(self) -> dict[str, str]:
        ok = self.files.dropna(subset=["unit", "province"]).sort_values(["year", "month"])
        return dict(zip(ok["unit"], ok["province"]))

    def only_files(self, files) -> "Dataset":
        """The same data restricted to some files (the gate's counted files)."""
        keep_set = set(map(str, files))

        def keep(df):
            mask = df["file"].isin(keep_set)
            return df if mask.all() else df[mask]  # every file kept: the same frame, not a copy (frames are never changed in place)
        # the province workbooks are not monthly workbooks: the gate does not count them, they stay
        return Dataset(keep(self.files), keep(self.census), keep(self.events), keep(self.figures),
                       [t for t in self.totals if t[0] in keep_set], self.layout, self.issues, self.results,
                       self.provincial)

    def without_files(self, files) -> "Dataset":
        """The same data less some files (e.g. duplicates, files with errors)."""
        drop = set(map(str, files))
        keep = lambda df: df[~df["file"].isin(drop)] if len(df) else df  # noqa: E731
        return Dataset(keep(self.files), keep(self.census), keep(self.events), keep(self.figures),
                       [t for t in self.totals if t[0] not in drop], self.layout, self.issues, self.results,
                       None if self.provincial is None else keep(self.provincial))


OUTPUT_MODULES = ("xlsxwriter", "docxtpl", "jinja2.sandbox")  # what a command writing documents imports next


def read_paths(paths, jobs: int | None = None, progress=None, warm=(), window=None) -> Dataset:
    """Read every workbook under paths (files or folders), in parallel when there are many.
    `warm`: modules to import while the workers parse (see warm_up). `window` ((year, month)
    first, last; periods.needed_months): a facility's workbook of another month is only
    glanced at (reader.read_workbook)."""
    files = find_workbooks(paths)
    results = _read_all(files, jobs, progress, warm, window)
    return build_dataset(results)


SERIAL_BYTES = 1_000_000  # below about 1 MB of workbooks a process pool costs more than it saves (2 cores)


def _total_bytes(files: list[Path]) -> int:
    total = 0
    for f in files:
        try:
            total += f.stat().st_size
        except OSError:
            pass  # read_workbook says what is wrong with it
    return total


def _read_all(files: list[Path], jobs: int | None, progress, warm=(), window=None) -> list[WorkbookResult]:
    """read_workbook over the files, in worker processes (rehabstat.reading.sandbox): a file that
    kills, starves or stalls its worker becomes an F-issue of its own, the others go on.
    One worker for a few small files (a facility's year: one fork), one per core beyond."""
    import python_calamine  # noqa: F401 - imported once here, inherited by the forked workers
    from .sandbox import map_isolated
    auto = not jobs  # jobs not given: one process per core, unless the files are too few or too small
    jobs = jobs or os.cpu_count() or 1
    if len(files) < 8 or (auto and _total_bytes(files) < SERIAL_BYTES):
        jobs = 1
    read = read_workbook if window is None else partial(read_workbook, window=window)
    return map_isolated(read, files, jobs=jobs, progress=progress, failed=_failed,
                        meanwhile=lambda: warm_up(warm))


def warm_up(modules=()) -> None:
    """Import pandas (the Dataset is built right after reading) and `modules` (e.g.
    OUTPUT_MODULES) while the workers parse, rather than before (the workers are forked
    without them) or after (a facility's report waited for the reading, then for the imports).
    The garbage collector is paused while they are imported and what exists then is moved
    out of its sight (gc.freeze): the modules' objects live as long as the process, and
    collecting them again and again took ~80 ms of a month report. The workers,
    forked before, collect as usual. A function among `modules` is called after the imports
    (commands compile the document's template meanwhile), with the collector running."""
    import gc
    import importlib
    import sys
    names = tuple(m for m in modules if isinstance(m, str))
    todo = [name for name in ("pandas",) + names if name not in sys.modules]
    if todo:
        enabled = gc.isenabled()
        gc.disable()
        try:
            for name in todo:
                importlib.import_module(name)
        finally:
            if enabled:
                gc.freeze()
                gc.enable()
    for call in modules:
        if callable(call):
            call()


def _failed(path, death) -> WorkbookResult:
    """The result of a file whose worker died (see sandbox.Death)."""
    from ..common.issues import issue
    code = "F002" if death.kind == "crash" else "F004"
    return WorkbookResult(file=str(path), status="error", issues=[issue(code, file=path, detail=death.detail)])


@dataclass
class Parts:
    """What a Dataset is made of before its frames: rows of `files` (FILE_COLUMNS tuples),
    the census, events and figures as one list per column (CENSUS_COLUMNS ...), totals,
    layout, issues, the province workbooks' rows and the results kept. build_dataset gathers
    them from WorkbookResults; the store fills them straight from its tables (store.codec)."""
    file_rows: list = field(default_factory=list)
    census: list = field(default_factory=lambda: [[] for _ in CENSUS_COLUMNS])
    events: list = field(default_factory=lambda: [[] for _ in EVENT_COLUMNS])
    figures: list = field(default_factory=lambda: [[] for _ in FIGURE_COLUMNS])
    totals: list = field(default_factory=list)
    layout: dict = field(default_factory=dict)
    issues: list = field(default_factory=list)
    provincial: list = field(default_factory=list)
    results: list = field(default_factory=list)


def build_dataset(results: list[WorkbookResult]) -> Dataset:
    return dataset_of(gather(results))


def gather(results: list[WorkbookResult], parts: Parts | None = None) -> Parts:
    """The results' rows added to `parts` (new ones when not given), in order."""
    parts = parts if parts is not None else Parts()
    file_rows, totals, issues, layout = parts.file_rows, parts.totals, parts.issues, parts.layout
    census, events, figures, provincial = parts.census, parts.events, parts.figures, parts.provincial
    parts.results.extend(results)
    for res in results:
        issues.extend(res.issues)
        file_rows.append((res.file, res.unit, res.unit_name, res.province, res.year, res.month, res.status,
                          getattr(res, "sent", None)))
        add_layout(layout, res.file, res.layout)
        if res.status == "province" and res.first and res.last and res.province:
            from ..common.periods import period_between
            code = period_between(res.first, res.last).code
            first, last = res.first[0] * 12 + res.first[1] - 1, res.last[0] * 12 + res.last[1] - 1
            provincial.extend((res.file, sh, row, res.province, first, last, code) + tuple(rest)
                              for sh, row, *rest in res.pfigures)
        if res.status not in READ_WHOLE or res.unit is None or res.year is None:
            continue  # nothing attributable: the issues say why (a store's refused workbook is checked, never counted)
        head = (res.file,)
        tail = (res.unit, res.province, res.year, res.month)
        for columns, rows in ((census, res.census), (events, res.events), (figures, res.figures)):
            _add_rows(columns, rows, head, tail)
        totals.extend((res.file,) + t for t in res.totals)
    return parts


def add_layout(layout: dict, file: str, fields_by_sheet: dict) -> None:
    """A workbook's layout ({sheet: {field: letter}, "_roles": {role: sheet}}) into the Dataset's."""
    for sheet, fields in fields_by_sheet.items():
        if sheet == "_roles":
            for role, name in fields.items():
                layout[(file, role)] = name
        else:
            layout[(file, sheet)] = fields


def dataset_of(parts: Parts) -> Dataset:
    import pandas as pd
    census_df = _frame(parts.census, CENSUS_COLUMNS)
    for col in ("opening", "closing", "present", "absent"):
        census_df[col] = census_df[col].astype("Int64")
    events_df = _frame(parts.events, EVENT_COLUMNS)
    events_df["count"] = events_df["count"].astype("int64")
    return Dataset(
        files=pd.DataFrame.from_records(parts.file_rows, columns=FILE_COLUMNS),
        census=census_df,
        events=events_df,
        figures=_frame(parts.figures, FIGURE_COLUMNS),
        totals=parts.totals, layout=parts.layout, issues=parts.issues, results=parts.results,
        provincial=pd.DataFrame.from_records(parts.provincial, columns=PROVINCIAL_COLUMNS),
    )


def _add_rows(columns: list, rows: list, head: tuple, tail: tuple) -> None:
    """A workbook's rows (sheet, row, *rest) appended to the frame's column lists as the
    rows head + (sheet, row) + tail + rest would be: column by column (a tuple per row and
    pandas turning rows into columns cost a tenth of a second on a national year)."""
    if not rows:
        return
    n = len(rows)
    parts = list(zip(*rows))
    if len(parts) + len(head) + len(tail) != len(columns):
        raise ValueError(f"rows of {len(parts)} values for {len(columns)} columns")
    for column, values in zip(columns, [[v] * n for v in head] + parts[:2] + [[v] * n for v in tail] + parts[2:]):
        column.extend(values)


def _frame(columns: list, names: list):
    """The frame of column lists, with the dtypes DataFrame.from_records would infer from the
    rows. Each list is emptied once its column is made (the lists and the frame are never
    held whole at once: ~50 MB on a national year)."""
    import pandas as pd
    if not columns[0]:
        return pd.DataFrame.from_records([], columns=names)
    made = {}
    for name, values in zip(names, columns):
        made[name] = pd.Series(values)  # the inference DataFrame(dict of lists) makes, column by column
        del values[:]
    return pd.DataFrame(made, columns=names, copy=False)
