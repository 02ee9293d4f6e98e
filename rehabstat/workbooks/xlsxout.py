"""What every file rehabstat writes shares: text that looks like a formula (=HYPERLINK(...),
+1, @x) is stored as text, never as a formula; characters a workbook cannot hold (control
characters, U+FFFE/U+FFFF, lone surrogates) are replaced by U+FFFD; files are written
atomically (a temp file, then a rename), so a failure never leaves half a file, and a temp
file is removed on SIGTERM and Ctrl-C too. The page-size arithmetic of the printed sheets.

Workbooks rehabstat creates are written by book.py (XlsxWriter); the openpyxl helpers here
(set_cell, save, fit_row, print_setup) are for changing an existing workbook (the annotated
copies)."""
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
REPLACED = [0]  # strings changed by writable() in this process (commands/report.build_document notes it)


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


_LIVE: set = set()  # temp files being written by this process
WRITTEN: list = []  # every output this process has written whole (renamed into place), in order
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
    from .written import record, refuse_unless_ours, sha256
    out = Path(out)
    ours = str(out) in _LIVE  # the temp file of an outer atomic_path: neither checked nor recorded
    if not ours:
        refuse_unless_ours([out])  # a file somebody changed since we wrote it is never replaced unasked
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".~rehabstat-", suffix=out.suffix, dir=out.parent)
    track_temp(tmp)
    os.close(fd)
    try:
        yield Path(tmp)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes it 0600: the file gets the usual mode
        digest = None if ours else sha256(Path(tmp))
        os.replace(tmp, out)
        if not ours:
            WRITTEN.append(out)
            record(out, digest)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    finally:
        untrack_temp(tmp)


DRAFT = "DỰ THẢO"
DRAFT_LINE = "DỰ THẢO – SỐ LIỆU CHƯA ĐẦY ĐỦ HOẶC CÒN LỖI: không dùng làm số liệu chính thức."
DRAFT_SUFFIX = "-DU-THAO"  # in the file name of every draft: a draft never takes a final's name


def draft_name(path) -> Path:
    """`path` with DRAFT_SUFFIX before its suffix, unless its name already says draft."""
    path = Path(path)
    if "du-thao" in path.stem.lower().replace("_", "-").replace(" ", "-") or DRAFT.lower() in path.stem.lower():
        return path
    return path.with_name(f"{path.stem}{DRAFT_SUFFIX}{path.suffix}")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


OUTPUT_MARK = "rehabstat-output"  # in docProps/core.xml keywords: the reader never takes these as input


def save(wb, out: Path, output: bool = True) -> Path:
    """Save atomically. `output`: a workbook of results (marked so that it is never read back
    as a monthly workbook, e.g. when --out is the data folder); False for the blank form."""
    if output:
        wb.properties.keywords = OUTPUT_MARK
    with atomic_path(out) as tmp:
        wb.save(tmp)
    return Path(out)


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
