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
    from .issues import printable
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


def write_table(ws, header: list[str], rows, widths: dict[int, float] | None = None, number_format="#,##0"):
    """A header row (bold, filled, frozen) and the rows; numbers formatted, columns sized."""
    from openpyxl.styles import Font, PatternFill, Alignment
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor=HEADER_FILL)
    for c, title in enumerate(header, start=1):
        cell = set_cell(ws, 1, c, title)
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    styles = Styles(ws)
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row, start=1):
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                put(ws, r, c, value, styles.number(value, number_format))
            else:
                put(ws, r, c, value)
    ws.freeze_panes = "A2"
    sample = list(rows[:200]) if isinstance(rows, (list, tuple)) else list(rows)[:200]
    for c, title in enumerate(header, start=1):
        width = (widths or {}).get(c) or max([len(str(title))] + [len(str(row[c - 1])) for row in sample
                                                                  if c - 1 < len(row)]) + 2
        ws.column_dimensions[_letter(c)].width = min(max(width, 8), 60)


def _letter(c: int) -> str:
    from openpyxl.utils import get_column_letter
    return get_column_letter(c)


OUTPUT_MARK = "rehabstat-output"  # in docProps/core.xml keywords: the reader never takes these as input


def save(wb, out: Path, output: bool = True) -> Path:
    """Save atomically. `output`: a workbook of results (marked so that it is never read back
    as a monthly workbook, e.g. when --out is the data folder); False for the blank form."""
    if output:
        wb.properties.keywords = OUTPUT_MARK
    with atomic_path(out) as tmp:
        wb.save(tmp)
    return Path(out)
