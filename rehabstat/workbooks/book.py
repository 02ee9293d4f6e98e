"""The workbooks rehabstat creates (a BC's .xlsx, the national workbook, the blank forms, the
indicator export), written with XlsxWriter through its public API.

A sheet is first laid out here (cells, styles, merges, sizes, print setup) so that the code
laying it out can still look at what it wrote (the texts of a header row, to make the row tall
enough; the used columns, to choose the page's orientation), then written by XlsxWriter in one
pass when the book is saved. A style is a small frozen set of XlsxWriter format properties;
each distinct one becomes one XlsxWriter Format, made once per workbook.

Every string goes through xlsxout.writable and is written with write_string: text that looks
like a formula (=HYPERLINK(...), +1, @x) stays text, a character a workbook cannot hold is
replaced. The file is written atomically (xlsxout.atomic_path). Changing an existing workbook
(the annotated copies) is openpyxl's job, not this module's.
"""
from __future__ import annotations

import math
from pathlib import Path

from .xlsxout import HEADER_FILL, LANDSCAPE_UNITS, OUTPUT_MARK, POINTS_PER_LINE, PORTRAIT_UNITS, TURN_ABOVE, \
    UNWRITABLE, atomic_path, wrapped_lines, longest_word, writable

# the groups of format properties a restyle replaces as a whole (a new font replaces the old
# one, keeping the cell's fill, alignment, border and number format)
GROUPS = {
    "font": ("bold", "italic", "font_size", "font_color", "underline"),
    "fill": ("bg_color", "pattern"),
    "alignment": ("align", "valign", "text_wrap", "shrink"),
    "border": ("border", "border_color"),
    "number_format": ("num_format",),
}
PIXELS_PER_UNIT = 7  # a column-width unit in pixels (Calibri 11's digit): Excel keeps widths in whole pixels
DEFAULT_WIDTH = 8.43


def font(bold=False, italic=False, size=None, color=None, underline=False) -> dict:
    out = {}
    if bold:
        out["bold"] = True
    if italic:
        out["italic"] = True
    if size is not None and size != 11:
        out["font_size"] = size
    if color:
        out["font_color"] = "#" + color
    if underline:
        out["underline"] = 1
    return out


def fill(color: str) -> dict:
    return {"pattern": 1, "bg_color": "#" + color}


def alignment(horizontal=None, vertical=None, wrap=False, shrink=False) -> dict:
    out = {}
    if horizontal:
        out["align"] = horizontal
    if vertical:
        out["valign"] = "vcenter" if vertical == "center" else vertical
    if wrap:
        out["text_wrap"] = True
    if shrink:
        out["shrink"] = True
    return out


def border(color: str = "BFBFBF") -> dict:
    return {"border": 1, "border_color": "#" + color}


def number_format(fmt: str) -> dict:
    return {"num_format": fmt}


def style(**groups) -> tuple:
    """A style from groups of properties: style(font=font(bold=True), fill=fill("DDEBF7"))."""
    props = {}
    for name, group in groups.items():
        if name not in GROUPS:
            raise TypeError(f"unknown style group {name!r}")
        props.update(group)
    return tuple(sorted(props.items()))


def restyled(old: tuple | None, groups: dict) -> tuple:
    """`old` with each group of `groups` replaced."""
    props = dict(old or ())
    for name, group in groups.items():
        for key in GROUPS[name]:
            props.pop(key, None)
        props.update(group)
    return tuple(sorted(props.items()))


HEADING = style(font=font(bold=True), fill=fill(HEADER_FILL),
                alignment=alignment("center", "center", wrap=True))


class Sheet:
    """One sheet's content before it is written: cells {(row, column): (value, style)} (rows
    and columns from 1, as Excel numbers them), merged ranges, column widths, row heights,
    frozen panes, validation lists, page breaks, charts and print setup."""

    def __init__(self, book: "Book", title: str):
        self.book = book
        self.title = title
        self.cells: dict = {}
        self.bulk: list = []  # (first row, rows, style_of(column, value)): big tables, kept as they are
        self.merges: list = []
        self.widths: dict = {}
        self.column_styles: dict = {}
        self.heights: dict = {}
        self.freeze: tuple | None = None
        self.validations: list = []
        self.breaks: list = []
        self.charts: list = []
        self.page: dict | None = None
        self._restyled: dict = {}

    # ------------------------------------------------------------ content
    def put(self, row: int, column: int, value, st: tuple | None = None):
        """Write a value (str, int, float, bool or None) with a style; a string is always a string."""
        if value is not None and type(value) not in _PLAIN:
            value = _plain(value)
        elif type(value) is str:
            value = writable(value)[:32767]
        self.cells[(row, column)] = (value, st)

    def value(self, row: int, column: int):
        got = self.cells.get((row, column))
        return None if got is None else got[0]

    def restyle(self, cells, **groups) -> None:
        """Replace the font, fill, alignment ... (`groups`) of each of `cells` [(row, column)],
        keeping the rest of its style."""
        key = tuple(sorted((k, tuple(sorted(v.items()))) for k, v in groups.items()))
        for rc in cells:
            value, old = self.cells.get(rc, (None, None))
            new = self._restyled.get((old, key))
            if new is None:
                new = self._restyled[(old, key)] = restyled(old, groups)
            self.cells[rc] = (value, new)

    def restyle_row(self, row: int, last_col: int, **groups) -> None:
        self.restyle(((row, c) for c in range(1, last_col + 1)), **groups)

    def merge(self, first_row: int, first_col: int, last_row: int, last_col: int) -> None:
        self.merges.append((first_row, first_col, last_row, last_col))

    def row_values(self, row: int) -> list:
        """[(column, value)] of the cells of `row` that hold a value, by column."""
        out = [(c, v) for (r, c), (v, _s) in self.cells.items() if r == row and v is not None]
        for first, rows, _style in self.bulk:
            if first <= row < first + len(rows):
                out += [(c, v) for c, v in enumerate(rows[row - first], start=1) if v is not None]
        return sorted(out, key=lambda cv: cv[0])

    @property
    def max_column(self) -> int:
        cols = [c for _r, c in self.cells]
        cols += [len(row) for _f, rows, _s in self.bulk for row in rows]
        return max(cols, default=1)

    def column_widths(self, last: int | None = None) -> dict:
        return {c: self.widths.get(c) or DEFAULT_WIDTH for c in range(1, (last or self.max_column) + 1)}

    # ------------------------------------------------------------ writing
    def _write(self, wb, ws, fmt, draft: bool = False) -> None:
        """Write the sheet; `draft`: its rows one lower, under the draft's first row
        (xlsxout.DRAFT_LINE), and DỰ THẢO in the page header (xlsxout.mark_draft's rule)."""
        d = 1 if draft else 0
        if draft:
            from .xlsxout import DRAFT_LINE
            ws.write_string(0, 0, DRAFT_LINE, fmt(style(font=font(bold=True, color="C00000", size=12))))
            ws.set_row(0, 18)
            wb = _ShiftedCharts(wb, d)
        for c in sorted(set(self.widths) | set(self.column_styles)):
            width = self.widths.get(c)
            pixels = None if width is None else round(width * PIXELS_PER_UNIT)
            ws.set_column_pixels(c - 1, c - 1, pixels, fmt(self.column_styles.get(c)))
        for r, height in sorted(self.heights.items()):
            ws.set_row(r - 1 + d, height)
        for r1, c1, r2, c2 in self.merges:  # the cells written below replace the merge's own
            value, st = self.cells.get((r1, c1), (None, None))
            ws.merge_range(r1 - 1 + d, c1 - 1, r2 - 1 + d, c2 - 1, None, fmt(st))
        put = _cell_writer(ws)
        unwritable = UNWRITABLE.search
        for first, rows, style_of in self.bulk:  # before the cells: a cell put in a bulk row replaces it
            for r, row in enumerate(rows, start=first - 1 + d):
                for c, value in enumerate(row):
                    kind = type(value)
                    if kind is str:
                        if len(value) > 32767 or unwritable(value) is not None:
                            value = writable(value)[:32767]
                    elif value is not None and kind not in _PLAIN:
                        value = _plain(value)
                    put(r, c, value, fmt(style_of(c + 1, value)))
        for (r, c), (value, st) in self.cells.items():
            put(r - 1 + d, c - 1, value, fmt(st))
        if self.freeze:
            ws.freeze_panes(self.freeze[0] - 1 + d, self.freeze[1] - 1)
        for (r1, c1, r2, c2), options in self.validations:
            if ws.data_validation(r1 - 1 + d, c1 - 1, r2 - 1 + d, c2 - 1, options) != 0:
                raise ValueError(f"validation list not written on {self.title}: {options}")
        if self.breaks:
            ws.set_h_pagebreaks(sorted(b - 1 + d for b in self.breaks))  # a break above row b
        if self.page:
            p = self.page
            ws.set_paper(9)  # A4
            if p["landscape"]:
                ws.set_landscape()
            else:
                ws.set_portrait()
            ws.fit_to_pages(1, 0)
            ws.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.7)
            ws.set_header(DRAFT_HEADER if draft else "", {"margin": 0.3})
            ws.set_footer(f"&C&9{p['footer']}" if p["footer"] else "", {"margin": 0.3})
            ws.center_horizontally()
            if p["title_rows"]:
                ws.repeat_rows(p["title_rows"][0] - 1 + d, p["title_rows"][1] - 1 + d)
            if p["title_cols"]:
                ws.repeat_columns(p["title_cols"][0] - 1, p["title_cols"][1] - 1)
        else:  # a sheet not set up for printing: the classic margins (0,75 / 1,0 / 0,5 inch)
            ws.set_margins(left=0.75, right=0.75, top=1.0, bottom=1.0)
            ws.set_header(DRAFT_HEADER if draft else "", {"margin": 0.5})
            ws.set_footer("", {"margin": 0.5})
        for anchor, make in self.charts:
            made = make(wb)
            ws.insert_chart(_shift_cell(anchor, d), made.chart if isinstance(made, _ShiftedChart) else made)


DRAFT_HEADER = '&C&"-,Bold"&12&KC00000DỰ THẢO'  # on every printed page of a draft


def _shift_cell(anchor: str, d: int) -> str:
    """'F2' → 'F3' when d is 1."""
    import re
    m = re.fullmatch(r"([A-Z]+)(\d+)", anchor)
    return f"{m.group(1)}{int(m.group(2)) + d}" if m and d else anchor


class _ShiftedCharts:
    """The XlsxWriter workbook as a chart-making function sees it, on a draft's sheet: the
    series' rows ([sheet, first_row, first_col, last_row, last_col], 0-based) one lower."""

    def __init__(self, wb, d: int):
        self._wb, self._d = wb, d

    def add_chart(self, options):
        return _ShiftedChart(self._wb.add_chart(options), self._d)

    def __getattr__(self, name):
        return getattr(self._wb, name)


class _ShiftedChart:
    def __init__(self, chart, d: int):
        self.chart, self._d = chart, d

    def add_series(self, options):
        options = dict(options)
        for key in ("name", "categories", "values"):
            ref = options.get(key)
            if isinstance(ref, list) and len(ref) in (3, 5):
                ref = list(ref)
                ref[1] += self._d
                if len(ref) == 5:
                    ref[3] += self._d
                options[key] = ref
        return self.chart.add_series(options)

    def __getattr__(self, name):
        return getattr(self.chart, name)


def _cell_writer(ws):
    """put(row, column, value, format): `value` written by XlsxWriter's writer of its type
    (bound once per sheet: a sheet's cells are most of a save's own time)."""
    write_string, write_number, write_blank, write_boolean = (ws.write_string, ws.write_number, ws.write_blank,
                                                              ws.write_boolean)
    isfinite = math.isfinite

    def put(r, c, value, f) -> None:
        kind = type(value)
        if kind is str:
            if value:
                write_string(r, c, value, f)
            else:
                write_blank(r, c, None, f)
        elif kind is int:
            write_number(r, c, value, f)
        elif kind is float:
            if isfinite(value):
                write_number(r, c, value, f)
            else:
                write_blank(r, c, None, f)  # not a number: a blank, never an invalid cell
        elif kind is bool:
            write_boolean(r, c, value, f)
        else:
            write_blank(r, c, None, f)
    return put


_PLAIN = (str, int, float, bool)


def _plain(value):
    """A numpy or pandas scalar as the Python value it stands for; anything else as its text."""
    if hasattr(value, "item"):
        value = value.item()
    if type(value) in _PLAIN:
        return writable(value)[:32767] if type(value) is str else value
    try:
        import pandas as pd
        if pd.isna(value):
            return None
    except (ImportError, TypeError, ValueError):
        pass
    return writable(str(value))[:32767]


class Book:
    """A workbook being laid out: its sheets in order, the active one, saved by XlsxWriter."""

    def __init__(self):
        self.sheets: list[Sheet] = []
        self.active = 0

    def sheet(self, title: str, index: int | None = None) -> Sheet:
        ws = Sheet(self, title)
        if index is None:
            self.sheets.append(ws)
        else:
            self.sheets.insert(index, ws)
        return ws

    @property
    def sheetnames(self) -> list[str]:
        return [ws.title for ws in self.sheets]

    def __getitem__(self, title: str) -> Sheet:
        for ws in self.sheets:
            if ws.title == title:
                return ws
        raise KeyError(title)

    def save(self, out: Path, output: bool = True, draft: bool = False) -> Path:
        """Write the workbook atomically. `output`: a workbook of results (its keywords carry
        OUTPUT_MARK, so that it is never read back as a monthly workbook); False for the blank form.
        `draft`: figures that do not rest on complete, clean data: every sheet starts with the
        draft's row and prints DỰ THẢO in its page header, the properties say so (the laid-out
        sheets are not changed: saving again gives the same file)."""
        import xlsxwriter
        from .xlsxout import DRAFT, DRAFT_LINE
        with atomic_path(Path(out)) as tmp:
            wb = xlsxwriter.Workbook(str(tmp), {"in_memory": True, "strings_to_numbers": False,
                                                "strings_to_formulas": False, "strings_to_urls": False})
            props = {"keywords": OUTPUT_MARK} if output else {}
            if draft:
                props.update(title=DRAFT_LINE, subject=DRAFT_LINE, category=DRAFT)
            if props:
                wb.set_properties(props)
            formats: dict = {}

            def fmt(st):
                if not st:
                    return None
                f = formats.get(st)
                if f is None:
                    f = formats[st] = wb.add_format(dict(st))
                return f
            sheets = [(ws, wb.add_worksheet(ws.title)) for ws in self.sheets]
            for ws, target in sheets:
                ws._write(wb, target, fmt, draft)
            sheets[self.active][1].activate()
            wb.close()
        return Path(out)


# ---------------------------------------------------------------- tables and printing

def number_style(value, fmt: str = "#,##0") -> tuple:
    """The style of a number cell: `fmt`, or one decimal when it is not whole."""
    fmt = fmt if float(value).is_integer() else "#,##0.0"
    return style(number_format=number_format(fmt))


WRAPPED = style(alignment=alignment(vertical="top", wrap=True))
TOP = style(alignment=alignment(vertical="top"))


def write_table(ws: Sheet, header: list[str], rows, widths: dict | None = None, number_fmt: str = "#,##0",
                top: int = 1, wrap: tuple[int, ...] = (), printable: bool = True) -> None:
    """A header row (bold, filled, frozen, tall enough for its wrapped titles) at row `top` and
    the rows under it, kept as they are (a big table costs no object per cell); numbers
    formatted, columns sized; the columns in `wrap` wrap their text (rows made tall enough).
    `printable`: A4, fitted to the page width, the header repeated on every page."""
    for c, title in enumerate(header, start=1):
        ws.put(top, c, title, HEADING)
    rows = rows if isinstance(rows, list) else list(rows)
    whole, decimal = number_style(1, number_fmt), number_style(0.5, number_fmt)
    beside = TOP if wrap else None  # cells beside wrapped ones are top-aligned too

    def style_of(c, value):
        kind = type(value)
        if kind is int:
            return whole
        if kind is float:
            return whole if value.is_integer() or math.isnan(value) or math.isinf(value) else decimal
        return WRAPPED if c in wrap else beside
    ws.bulk.append((top + 1, rows, style_of))
    ws.freeze = (top + 1, 1)
    sample = rows[:200]
    final = {}
    for c, title in enumerate(header, start=1):
        width = (widths or {}).get(c) or max([len(str(title))] + [len(str(row[c - 1])) for row in sample
                                                                  if c - 1 < len(row)]) + 2
        # each distinct text once: a column repeats a few (units, categories, indicators)
        words = 0.0 if c in wrap else max(map(longest_word, {row[c - 1] for row in sample if c - 1 < len(row)
                                                             and isinstance(row[c - 1], str)}), default=0.0)
        final[c] = min(max(width, 8, longest_word(title, bold=True), words), 60)
        ws.widths[c] = final[c]
    fit_row(ws, top, final, bold=True)
    if wrap:
        for r, row in enumerate(rows, start=top + 1):
            lines = max((wrapped_lines(row[c - 1], final[c]) for c in wrap if c - 1 < len(row)), default=1)
            if lines > 1:
                ws.heights[r] = POINTS_PER_LINE * lines + 2
    if printable:
        print_setup(ws, title_rows=(top, top), last_col=len(header))


def fit_row(ws: Sheet, row: int, widths: dict, default: float = 10.0, bold: bool = False, size: float = 11,
            spans: dict | None = None) -> float:
    """Set a row's height to fit its wrapped texts (`spans`: column -> number of merged columns)."""
    lines = 1
    for c, value in ws.row_values(row):
        span = (spans or {}).get(c, 1)
        width = sum(widths.get(k, default) for k in range(c, c + span))
        lines = max(lines, wrapped_lines(value, width, bold=bold, size=size))
    height = POINTS_PER_LINE * size / 11 * lines + 3
    ws.heights[row] = height
    return height


def print_setup(ws: Sheet, *, title_rows: tuple | None = None, title_cols: tuple | None = None,
                last_col: int | None = None, landscape: bool | None = None, extra_width: float = 0.0,
                footer: str = "Trang &P/&N") -> bool:
    """A4, landscape when the used columns (plus `extra_width`, e.g. a chart) are wider than a
    portrait page, fitted to one page wide (as many pages tall as needed), header rows
    (first, last) repeated on every page, page numbers in the footer. Returns whether landscape."""
    total = sum(ws.column_widths(last_col).values()) + extra_width
    if landscape is None:
        landscape = total > TURN_ABOVE
    ws.page = {"landscape": landscape, "title_rows": title_rows, "title_cols": title_cols, "footer": footer}
    return landscape


def page_break_before(ws: Sheet, row: int) -> None:
    ws.breaks.append(row)


def rows_per_page(ws: Sheet, landscape: bool, last_col: int | None = None, row_height: float = POINTS_PER_LINE,
                  extra_width: float = 0.0) -> int:
    """About how many rows of `row_height` points fit on a page once the sheet is scaled to
    fit its width (used to break between provinces only where a sheet runs long)."""
    total = sum(ws.column_widths(last_col).values()) + extra_width
    page_units = LANDSCAPE_UNITS if landscape else PORTRAIT_UNITS
    scale = min(1.0, page_units / max(total, 1.0))
    page_height = (21.0 - 3.4 if landscape else 29.7 - 3.4) / 2.54 * 72  # cm -> points, minus margins
    return max(int(page_height / (row_height * scale)), 10)


def letter(c: int) -> str:
    from xlsxwriter.utility import xl_col_to_name
    return xl_col_to_name(c - 1)
