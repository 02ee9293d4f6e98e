"""Every workbook rehabstat writes goes through here: text that looks like a formula
(=HYPERLINK(...), +1, @x) is stored as text, never as a formula; characters a workbook
cannot hold (control characters, U+FFFE/U+FFFF, lone surrogates) are replaced by U+FFFD;
files are written atomically (a temp file, then a rename), so a failure never leaves half
a file, and a temp file is removed on SIGTERM and Ctrl-C too."""
from __future__ import annotations

import os
import re
import signal
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
HEADER_FILL = "DDEBF7"


# what XML 1.0 (so .xlsx and .docx) cannot hold; lone surrogates come from file names that
# are not UTF-8 (os.fsdecode) and cannot be encoded at all
UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
REPLACEMENT = "\ufffd"
REPLACED = [0]  # strings changed by writable() in this process (service.build_document notes it)


def writable(text: str) -> str:
    """`text` with every character a workbook or document cannot hold replaced by U+FFFD."""
    if UNWRITABLE.search(text) is None:
        return text
    from ..common.issues import printable
    text = printable(text)  # a file name's bytes that are not UTF-8 become \\xe1, the rest U+FFFD
    if UNWRITABLE.search(text) is None:
        return text
    REPLACED[0] += 1
    return UNWRITABLE.sub(REPLACEMENT, text)


def set_cell(ws, row: int, column: int, value):
    """Write a value; a string is always a string, whatever it starts with."""
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str):
        cell.value = writable(value)
        cell.data_type = "s"  # openpyxl would otherwise store "=..." as a formula
    else:
        cell.value = value
    return cell


def put(ws, row: int, column: int, value, style=None):
    """set_cell for a new cell, with a shared style (a StyleArray from Styles.get) instead
    of a font, fill, number format ... set one by one: the same cell, much less work. A
    string is always a string, whatever it starts with."""
    global _Cell
    if _Cell is None:
        from openpyxl.cell.cell import Cell as _Cell
    cell = _Cell(ws, row=row, column=column, style_array=style)
    if type(value) in _PLAIN_NUMBERS:
        cell._value = value  # what cell.value = value does for an int or a float (data type "n")
    elif type(value) is str:  # what cell.value = value then data_type = "s" do for a string, once writable:
        cell._value = writable(value)[:32767]  # openpyxl's check_string (no character left for it to refuse)
        cell.data_type = "s"
    elif value is not None:
        if isinstance(value, str):
            value = writable(value)
        cell.value = value
        if isinstance(value, str):
            cell.data_type = "s"
    ws._add_cell(cell)
    return cell


_Cell = None
_PLAIN_NUMBERS = (int, float)


class Styles:
    """Cell styles registered once in a workbook, shared by the cells that use them."""

    def __init__(self, ws):
        self.ws = ws
        self.cache: dict = {}

    def get(self, key, **attrs):
        """The StyleArray of a cell with `attrs` (font=, fill=, number_format= ...)."""
        style = self.cache.get(key)
        if style is None:
            from openpyxl.cell.cell import Cell
            cell = Cell(self.ws)
            for name, value in attrs.items():
                setattr(cell, name, value)
            style = self.cache[key] = cell._style
        return style

    def number(self, value, fmt="#,##0"):
        """The style of a number cell: `fmt`, or one decimal when it is not whole."""
        fmt = fmt if float(value).is_integer() else "#,##0.0"
        return self.get(("num", fmt), number_format=fmt)


_STYLE_KEYS = {"font": "fontId", "fill": "fillId", "border": "borderId", "alignment": "alignmentId",
               "number_format": "numFmtId", "protection": "protectionId"}


def restyle(cells, **attrs):
    """Set the same font, fill ... on many cells (each keeping its other attributes): the
    style is registered once, on the first cell, and its ids copied to the others."""
    from openpyxl.styles.cell_style import StyleArray
    first = None
    for cell in cells:
        if first is None:
            first = cell
            for name, value in attrs.items():
                setattr(cell, name, value)
            ids = [(_STYLE_KEYS[name], getattr(cell._style, _STYLE_KEYS[name])) for name in attrs]
            continue
        if not cell._style:
            cell._style = StyleArray()
        for key, value in ids:
            setattr(cell._style, key, value)


_LIVE: set = set()  # temp files being written by this process
_HANDLED: list = []  # the pid that installed the handlers (a forked child installs its own)


def _cleanup_and_die(signum, frame):
    for tmp in list(_LIVE):
        try:
            os.unlink(tmp)
        except OSError:
            pass
    _LIVE.clear()
    if signum == signal.SIGINT:
        raise KeyboardInterrupt
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)


def track_temp(path) -> None:
    """Remove `path` if this process is ended by SIGTERM or Ctrl-C before untrack_temp."""
    if _HANDLED != [os.getpid()] and threading.current_thread() is threading.main_thread():
        for signum in (signal.SIGTERM, signal.SIGINT):
            if signal.getsignal(signum) in (signal.SIG_DFL, signal.default_int_handler):
                signal.signal(signum, _cleanup_and_die)
        _HANDLED[:] = [os.getpid()]
    _LIVE.add(str(path))


def untrack_temp(path) -> None:
    _LIVE.discard(str(path))


@contextmanager
def atomic_path(out: Path):
    """Yield a temporary path beside `out`; on success it replaces `out`, on failure (or
    SIGTERM, Ctrl-C) it is removed. Its name, .~rehabstat-*, is never read as input."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".~rehabstat-", suffix=out.suffix, dir=out.parent)
    track_temp(tmp)
    os.close(fd)
    try:
        yield Path(tmp)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes it 0600: the file gets the usual mode
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    finally:
        untrack_temp(tmp)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_table(ws, header: list[str], rows, widths: dict[int, float] | None = None, number_format="#,##0",
                top: int = 1, wrap: tuple[int, ...] = (), printable: bool = True, bulk: bool = False):
    """A header row (bold, filled, frozen, tall enough for its wrapped titles) at row `top` and
    the rows under it; numbers formatted, columns sized; the columns in `wrap` wrap their
    text (rows made tall enough). `printable`: A4, fitted to the page width, the header
    repeated on every page (print_setup). `bulk`: the rows are kept as they are and written
    straight into the sheet's XML when it is saved, with no openpyxl cell each (the same
    bytes: see add_bulk); for a big table whose cells are seldom touched afterwards."""
    from openpyxl.styles import Font, PatternFill, Alignment
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor=HEADER_FILL)
    styles = Styles(ws)
    heading = styles.get("heading", font=bold, fill=fill,
                         alignment=Alignment(horizontal="center", vertical="center", wrap_text=True))
    for c, title in enumerate(header, start=1):
        put(ws, top, c, title, heading)
    wrapped = styles.get("wrap", alignment=Alignment(wrap_text=True, vertical="top"))
    top_aligned = styles.get("top", alignment=Alignment(vertical="top")) if wrap else None  # beside wrapped cells
    rows = rows if isinstance(rows, (list, tuple)) else list(rows)
    if bulk and all(type(v) in _BULK_TYPES for row in rows for v in row):
        numbers: dict = {}  # the number styles, registered in the order the cells would have registered them
        for row in rows:
            for value in row:
                kind = type(value)
                if kind is int or kind is float:
                    fmt = number_format if kind is int or value.is_integer() else "#,##0.0"
                    if fmt not in numbers:
                        numbers[fmt] = styles.number(value, number_format)

        def style_of(c, value, kind=None):
            kind = type(value)
            if kind is int:
                return numbers[number_format]
            if kind is float:
                return numbers[number_format if value.is_integer() else "#,##0.0"]
            return wrapped if c in wrap else top_aligned
        add_bulk(ws, top + 1, rows, style_of)
    else:
        for r, row in enumerate(rows, start=top + 1):
            for c, value in enumerate(row, start=1):
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    put(ws, r, c, value, styles.number(value, number_format))
                else:
                    put(ws, r, c, value, wrapped if c in wrap else top_aligned)
    # (a table with no rows: the cell is made, as it always was, for the same sheet dimension)
    ws.freeze_panes = f"A{top + 1}" if rows else ws.cell(row=top + 1, column=1).coordinate
    sample = rows[:200]
    final = {}
    for c, title in enumerate(header, start=1):
        width = (widths or {}).get(c) or max([len(str(title))] + [len(str(row[c - 1])) for row in sample
                                                                  if c - 1 < len(row)]) + 2
        words = 0.0 if c in wrap else max([longest_word(row[c - 1]) for row in sample if c - 1 < len(row)
                                           and isinstance(row[c - 1], str)], default=0.0)
        final[c] = min(max(width, 8, longest_word(title, bold=True), words), 60)
        ws.column_dimensions[_letter(c)].width = final[c]
    fit_row(ws, top, final, bold=True)
    if wrap:
        for r, row in enumerate(rows, start=top + 1):
            lines = max((wrapped_lines(row[c - 1], final[c]) for c in wrap if c - 1 < len(row)), default=1)
            if lines > 1:
                ws.row_dimensions[r].height = POINTS_PER_LINE * lines + 2
    if printable:
        print_setup(ws, title_rows=f"{top}:{top}", last_col=len(header))


_BULK_TYPES = (str, int, float, type(None))


def add_bulk(ws, first_row: int, rows: list, style_of) -> None:
    """Rows of values from `first_row` down (a cell's StyleArray is `style_of(column, value)`),
    kept on the sheet instead of an openpyxl Cell each and written by sheet_data as put()
    would have written them. A cell asked for in them later (ws.cell, ws["B4"]) turns them
    into ordinary cells first (_get_cell, _materialize), so code that touches a cell sees
    what put() made."""
    blocks = ws.__dict__.setdefault("_rehabstat_bulk", [])
    blocks.append((first_row, rows, style_of))
    if "calculate_dimension" not in ws.__dict__:
        ws.calculate_dimension = lambda: _dimension(ws)
        ws._get_cell = lambda row, column: _get_cell(ws, row, column)


def _dimension(ws) -> str:
    """Worksheet.calculate_dimension over the sheet's cells and its bulk rows."""
    rows = [r for r, _ in ws._cells]
    cols = [c for _, c in ws._cells]
    for first, block, _style in ws.__dict__.get("_rehabstat_bulk", ()):
        widths = [len(row) for row in block if len(row)]
        if widths:
            rows += [first + k for k, row in enumerate(block) if len(row)]
            cols += [1, max(widths)]
    if not rows:
        return "A1:A1"
    return f"{_letter(min(cols))}{min(rows)}:{_letter(max(cols))}{max(rows)}"


def _get_cell(ws, row: int, column: int):
    """ws.cell(), ws["B4"], ws.iter_rows() ... on a sheet with bulk rows: a cell asked for in
    them turns the rows into ordinary cells first, so it is the cell with its value."""
    if any(first <= row < first + len(rows) for first, rows, _s in ws.__dict__.get("_rehabstat_bulk", ())):
        _materialize(ws)
    return type(ws)._get_cell(ws, row, column)


def _materialize(ws) -> None:
    """The bulk rows as ordinary cells (put), where no cell was made since (or only a blank
    one, e.g. by ws.cell() to point at it)."""
    blocks = ws.__dict__.pop("_rehabstat_bulk", None)
    ws.__dict__.pop("calculate_dimension", None)
    ws.__dict__.pop("_get_cell", None)
    for first, rows, style_of in blocks or ():
        for r, row in enumerate(rows, start=first):
            for c, value in enumerate(row, start=1):
                style = style_of(c, value)
                there = ws._cells.get((r, c))
                if there is None or (there._value is None and not there.has_style):
                    put(ws, r, c, value, style)


def _letter(c: int) -> str:
    from openpyxl.utils import get_column_letter
    return get_column_letter(c)


OUTPUT_MARK = "rehabstat-output"  # in docProps/core.xml keywords: the reader never takes these as input


def save(wb, out: Path, output: bool = True) -> Path:
    """Save atomically. `output`: a workbook of results (marked so that it is never read back
    as a monthly workbook, e.g. when --out is the data folder); False for the blank form."""
    if output:
        wb.properties.keywords = OUTPUT_MARK
    with atomic_path(out) as tmp, _sheets_in_memory():
        wb.save(tmp)
    return Path(out)


@contextmanager
def _sheets_in_memory():
    """While our workbooks are saved, openpyxl writes each sheet's XML into memory instead of a
    temporary file that it then copies into the zip and deletes (creating and deleting a file
    costs about a millisecond on this disk, and a batch saves some 300 sheets): the same
    part, with the zip entry a file would have given it (a regular file, mode 0600)."""
    try:
        from openpyxl.worksheet._writer import WorksheetWriter
        from openpyxl.writer.excel import ExcelWriter
        original = ExcelWriter.write_worksheet
        WorksheetWriter.read  # noqa: B018 - the method this relies on
    except (ImportError, AttributeError):  # another openpyxl: its own way
        yield
        return
    if getattr(original, "_in_memory", False):
        yield
        return

    def write_worksheet(self, ws):
        if self.workbook.write_only:
            return original(self, ws)
        import io
        import stat
        import time
        import zipfile
        from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
        ws._drawing = SpreadsheetDrawing()
        ws._drawing.charts = ws._charts
        ws._drawing.images = ws._images
        writer = WorksheetWriter(ws, out=io.BytesIO())
        writer.write_rows = _fast_rows(writer)
        writer.write()
        ws._rels = writer._rels
        info = zipfile.ZipInfo(ws.path[1:], time.localtime(time.time())[:6])
        info.external_attr = (stat.S_IFREG | 0o600) << 16
        info.compress_type = self._archive.compression
        self._archive.writestr(info, writer.read())
        self.manifest.append(ws)

    write_worksheet._in_memory = True
    ExcelWriter.write_worksheet = write_worksheet
    try:
        yield
    finally:
        ExcelWriter.write_worksheet = original


def _fast_rows(writer):
    """A sheet's <sheetData> written from strings instead of an lxml call per cell: the same
    bytes openpyxl's writer gives (tests/test_xlsxout_fast.py compares them), at a fraction of
    the cost (a national batch writes some 180.000 cells), in chunks of rows so that a big
    sheet never becomes one big string. Any cell it does not know (a formula, a date, a
    comment, a hyperlink, rich text ...) hands the sheet back to openpyxl."""
    original = writer.write_rows

    def write_rows():
        ws = writer.ws
        if not _fast_writable(ws):
            _materialize(ws)  # openpyxl's writer knows only its cells
            return original()
        xf = writer.xf.send(True)
        xf.flush()
        for chunk in _sheet_chunks(ws):
            writer.out.write(chunk)
        writer.xf.send(None)
    return write_rows


_ESCAPE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_ESCAPE_ATTR = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\r": "&#13;",
                              "\n": "&#10;", "\t": "&#9;"})


def _fast_writable(ws) -> bool:
    """Whether every cell of `ws` is one sheet_data writes (strings, numbers, blanks; no
    comment or hyperlink) and the sheet has rows; bulk rows touched by a cell are made
    ordinary cells first."""
    bulk = ws.__dict__.get("_rehabstat_bulk")
    if bulk:
        spans = [(first, first + len(rows)) for first, rows, _s in bulk]
        if any(a <= r < b for r, _c in ws._cells for a, b in spans):  # a cell made in a bulk row after all
            _materialize(ws)
            bulk = None
    if not ws._cells and not ws.row_dimensions and not bulk:
        return False
    for cell in ws._cells.values():
        if getattr(cell, "_comment", None) is not None or getattr(cell, "_hyperlink", None) is not None:
            return False
        value = cell._value
        if value is None:
            continue
        t = cell.data_type
        if t == "s":
            if type(value) is not str:
                return False
        elif t != "n" or isinstance(value, bool):
            return False
    return True


def sheet_data(ws) -> bytes | None:
    """<sheetData>...</sheetData> of `ws` as openpyxl 3.1 writes it, or None when the sheet
    holds something this does not write (then openpyxl writes the sheet itself)."""
    if not _fast_writable(ws):
        return None
    return b"".join(_sheet_chunks(ws))


def _sheet_chunks(ws, rows_per_chunk: int = 2000):
    from openpyxl.compat import safe_string
    from openpyxl.utils import get_column_letter
    dims = ws.row_dimensions
    bulk = {r: (row, style_of) for first, block, style_of in ws.__dict__.get("_rehabstat_bulk", ())
            for r, row in enumerate(block, start=first)}
    rows: dict = {}
    for (r, c), cell in sorted(ws._cells.items()):
        rows.setdefault(r, []).append(cell)
    for r in bulk:
        rows[r] = None
    for r in dims.keys() - rows.keys():
        rows[r] = []
    styles = ws.parent._cell_styles
    letters: dict = {}

    def letter(c):
        col = letters.get(c)
        if col is None:
            col = letters[c] = get_column_letter(c)
        return col

    ids: dict = {}  # id(StyleArray) -> its index (the arrays live as long as the sheet): one lookup each

    def cell_xml(ref, value, style, t):
        if style is None:
            if value is None:
                return None
            s = ""
        else:
            s = ids.get(id(style))
            if s is None:
                s = ids[id(style)] = f' s="{styles.add(style)}"' if any(style) else ""
            if value is None and not s:
                return None
        if value is None or value == "":
            return f'<c r="{ref}"{s} t="{"inlineStr" if t == "s" else "n"}"></c>'
        if t == "s":
            space = ' xml:space="preserve"' if value != value.strip() else ""
            return f'<c r="{ref}"{s} t="inlineStr"><is><t{space}>{value.translate(_ESCAPE)}</t></is></c>'
        return f'<c r="{ref}"{s} t="n"><v>{safe_string(value)}</v></c>'

    out = ["<sheetData>"]
    add = out.append
    for k, (r, row) in enumerate(sorted(rows.items()), start=1):
        attrs = {"r": f"{r}"}
        attrs.update(dims.get(r, {}))
        add("<row" + "".join(f' {a}="{str(v).translate(_ESCAPE_ATTR)}"' for a, v in attrs.items()) + ">")
        if row is None:  # a bulk row: as put() would have made its cells
            values, style_of = bulk[r]
            for c, value in enumerate(values, start=1):
                style = style_of(c, value)
                if type(value) is str:
                    value = writable(value)[:32767]
                    xml = cell_xml(f"{letter(c)}{r}", value, style, "s")
                else:
                    xml = cell_xml(f"{letter(c)}{r}", value, style, "n")
                if xml is not None:
                    add(xml)
        else:
            for cell in row:
                xml = cell_xml(f"{letter(cell.column)}{r}", cell._value, cell._style, cell.data_type)
                if xml is not None:
                    add(xml)
        add("</row>")
        if k % rows_per_chunk == 0:
            yield "".join(out).encode("ascii", "xmlcharrefreplace")  # as lxml writes it: non-ASCII as &#...;
            out.clear()
    add("</sheetData>")
    yield "".join(out).encode("ascii", "xmlcharrefreplace")


# ---------------------------------------------------------------- printing

# A4 printable width in column-width units (about one character of the default font, plus
# a little padding per column), with the margins of `print_setup`: portrait ≈ 18,5 cm,
# landscape ≈ 27 cm. A sheet up to 15 % wider than a portrait page is scaled down a little
# rather than turned.
PORTRAIT_UNITS = 95
LANDSCAPE_UNITS = 138
TURN_ABOVE = PORTRAIT_UNITS * 1.15
POINTS_PER_LINE = 15.0  # an 11-pt line, as Excel and LibreOffice space it


def wrapped_lines(text, width: float, bold: bool = False, size: float = 11) -> int:
    """How many lines `text` takes in a wrapped cell `width` units wide: words are never
    broken (a code such as KHAM_BENH stays whole), a word longer than the line gets a line
    of its own. Deliberately generous (fonts differ: Calibri, Carlito, Liberation Sans,
    DejaVu Sans), since LibreOffice does not grow a row for wrapped text by itself."""
    per_char = (1.12 if bold else 1.05) * size / 11
    room = max(width - 1.2, 1.0) / per_char
    lines = 0
    for paragraph in str(text if text is not None else "").split("\n"):
        line = 0.0
        lines += 1
        for word in paragraph.split():
            need = len(word) if line == 0 else line + 1 + len(word)
            if need <= room or line == 0:
                line = need
            else:
                lines += 1
                line = len(word)
    return max(lines, 1)


def longest_word(text, bold: bool = False) -> float:
    """The width a cell needs so that its longest word is never broken ("Methadone" in a
    bold header): wide fonts (DejaVu Sans, LibreOffice's fallback for Calibri) included."""
    words = str(text if text is not None else "").split()
    return max((len(w) for w in words), default=0) * (1.2 if bold else 1.1) + 1.5


def fit_row(ws, row: int, widths: dict[int, float], default: float = 10.0, bold: bool = False,
            size: float = 11, spans: dict[int, int] | None = None) -> float:
    """Set a row's height to fit its wrapped texts (cells of `row`; `spans`: column -> number of
    merged columns)."""
    lines = 1
    for cell in ws[row]:
        if cell.value is None:
            continue
        span = (spans or {}).get(cell.column, 1)
        width = sum(widths.get(c, default) for c in range(cell.column, cell.column + span))
        lines = max(lines, wrapped_lines(cell.value, width, bold=bold, size=size))
    height = POINTS_PER_LINE * size / 11 * lines + 3
    ws.row_dimensions[row].height = height
    return height


def column_widths(ws, last: int | None = None) -> dict[int, float]:
    from openpyxl.utils import get_column_letter
    out = {}
    for c in range(1, (last or ws.max_column) + 1):
        dim = ws.column_dimensions.get(get_column_letter(c))
        out[c] = dim.width if dim is not None and dim.width else 8.43
    return out


def print_setup(ws, *, title_rows: str | None = None, title_cols: str | None = None, last_col: int | None = None,
                landscape: bool | None = None, extra_width: float = 0.0, footer: str = "Trang &P/&N") -> bool:
    """A4, landscape when the used columns (plus `extra_width`, e.g. a chart) are wider than a
    portrait page, fitted to one page wide (as many pages tall as needed), header rows
    repeated on every page, page numbers in the footer. Returns whether landscape."""
    from openpyxl.worksheet.page import PageMargins
    from openpyxl.worksheet.properties import PageSetupProperties
    total = sum(column_widths(ws, last_col).values()) + extra_width
    if landscape is None:
        landscape = total > TURN_ABOVE
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    if ws.sheet_properties.pageSetUpPr is None:
        ws.sheet_properties.pageSetUpPr = PageSetupProperties()
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins = PageMargins(left=0.5, right=0.5, top=0.6, bottom=0.7, header=0.3, footer=0.3)
    ws.print_options.horizontalCentered = True
    if title_rows:
        ws.print_title_rows = title_rows
    if title_cols:
        ws.print_title_cols = title_cols
    if footer:
        ws.oddFooter.center.text = footer
        ws.oddFooter.center.size = 9
    return landscape


def page_break_before(ws, row: int) -> None:
    """A manual page break above `row`."""
    from openpyxl.worksheet.pagebreak import Break
    ws.row_breaks.append(Break(id=row - 1))


def rows_per_page(ws, landscape: bool, last_col: int | None = None, row_height: float = POINTS_PER_LINE,
                  extra_width: float = 0.0) -> int:
    """About how many rows of `row_height` points fit on a page once the sheet is scaled to
    fit its width (used to break between provinces only where a sheet runs long)."""
    total = sum(column_widths(ws, last_col).values()) + extra_width
    page_units = LANDSCAPE_UNITS if landscape else PORTRAIT_UNITS
    scale = min(1.0, page_units / max(total, 1.0))
    page_height = (21.0 - 3.4 if landscape else 29.7 - 3.4) / 2.54 * 72  # cm -> points, minus margins
    return max(int(page_height / (row_height * scale)), 10)
