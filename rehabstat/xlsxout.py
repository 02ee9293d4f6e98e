"""Every workbook rehabstat writes goes through here: text that looks like a formula
(=HYPERLINK(...), +1, @x) is stored as text, never as a formula; files are written
atomically (a temp file, then a rename), so a failure never leaves half a file."""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
HEADER_FILL = "DDEBF7"


def set_cell(ws, row: int, column: int, value):
    """Write a value; a string is always a string, whatever it starts with."""
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str):
        cell.value = value
        cell.data_type = "s"  # openpyxl would otherwise store "=..." as a formula
    else:
        cell.value = value
    return cell


@contextmanager
def atomic_path(out: Path):
    """Yield a temporary path beside `out`; on success it replaces `out`, on failure it is removed."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".~rehabstat-", suffix=out.suffix, dir=out.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_table(ws, header: list[str], rows, widths: dict[int, float] | None = None, number_format="#,##0"):
    """A header row (bold, filled, frozen) and the rows; numbers formatted, columns sized."""
    from openpyxl.styles import Font, PatternFill, Alignment
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor=HEADER_FILL)
    for c, title in enumerate(header, start=1):
        cell = set_cell(ws, 1, c, title)
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row, start=1):
            cell = set_cell(ws, r, c, value)
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                cell.number_format = number_format if float(value).is_integer() else "#,##0.0"
    ws.freeze_panes = "A2"
    for c, title in enumerate(header, start=1):
        width = (widths or {}).get(c) or max([len(str(title))] + [len(str(row[c - 1])) for row in list(rows)[:200]
                                                                  if c - 1 < len(row)]) + 2
        ws.column_dimensions[_letter(c)].width = min(max(width, 8), 60)


def _letter(c: int) -> str:
    from openpyxl.utils import get_column_letter
    return get_column_letter(c)


def save(wb, out: Path) -> Path:
    with atomic_path(out) as tmp:
        wb.save(tmp)
    return Path(out)
