"""Where a table's header is, in the first rows of a sheet: one to three header rows, merged
ranges, group headers, a row of column numbers under it (the monthly workbook's sheets,
the province workbook, the targets workbook). Moved out of reader.py so that the province
workbook's reader (province.py) uses it without importing reader.py back."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..common.codes import norm_key
from ..common.values import is_blank

TOTAL_WORDS = {"tongcong", "cong", "total", "tong", "tongso"}
HEADER_SEARCH_ROWS = 10
_cached = lru_cache(maxsize=1 << 16, typed=True)


@dataclass
class Header:
    """Where a table's header is: its first and last rows (0-based, None when not found),
    the first data row, {field: column index}, and [(field, first column, second column)]
    for a field named by two columns."""
    first: int | None
    last: int | None
    data_start: int
    cols: dict
    duplicates: list = field(default_factory=list)


@_cached
def _header_key(value) -> str:
    if not isinstance(value, str):
        return ""
    key = norm_key(value)
    if key.startswith("trongdo") and len(key) > 7:  # "Trong đó: Có mặt" under "Cuối kỳ"
        key = key[7:]
    return key


def locate_header(rows, aliases: dict[str, tuple[str, ...]], merges=()) -> Header:
    """The header of a table among its first rows: one row, or two or three (a government
    form: a group header merged over sub-headers, columns merged down). Merged ranges give
    their text to every cell they cover. Each column is named by its lowest text; a column
    whose own text names nothing takes the field of a group header above it (the first such
    column under the group: "Cuối kỳ" over "Tổng số | Có mặt | Vắng mặt" makes "Tổng số"
    the closing). The block naming the most fields wins (the smallest, then the first, on a
    tie). A row of column numbers right under it ("A, B, 1, 2", "(1), (2)") is skipped."""
    lookup = {alias: fld for fld, names in aliases.items() for alias in names}
    limit = min(len(rows), HEADER_SEARCH_ROWS + 2)
    width = max((len(r) for r in rows[:limit]), default=0)
    empty = ("", None)
    keys = [[(_header_key(v), (r, c)) if v.__class__ is str else empty for c, v in enumerate(row)]
            + [empty] * (width - len(row)) for r, row in enumerate(rows[:limit])]
    for (r0, c0), (r1, c1) in merges:
        if r0 >= limit or c0 >= width or r1 < r0 or c1 < c0:
            continue
        key = keys[r0][c0][0]
        for r in range(r0, min(r1, limit - 1) + 1):
            for c in range(c0, min(c1, width - 1) + 1):
                keys[r][c] = (key, (r0, c0))
    hits = [len({src for key, src in row if key in lookup}) for row in keys]  # a bound on what a row can name
    best = (0, None, None, {}, [])
    for depth in (1, 2, 3):  # on a tie the smallest block wins, then the first
        for h0 in range(min(limit - depth + 1, HEADER_SEARCH_ROWS)):
            h1 = h0 + depth - 1
            if sum(hits[h0:h1 + 1]) <= best[0]:
                continue
            cols, dups = _map_block(keys, h0, h1, lookup, width)
            if len(cols) > best[0]:
                best = (len(cols), h0, h1, cols, dups)
    _, first, last, cols, dups = best
    if last is None:
        return Header(None, None, 0, {})
    start = last + 1
    if start < len(rows) and _is_numbering_row(rows[start], cols):
        start += 1
    return Header(first, last, start, cols, dups)


def _map_block(keys, h0, h1, lookup, width):
    cols: dict[str, int] = {}
    sources: dict[str, tuple] = {}
    dups = []
    pending = []
    for c in range(width):
        texts = []  # this column's texts, lowest first, one per merged range
        for r in range(h1, h0 - 1, -1):
            key, src = keys[r][c]
            if key and (not texts or texts[-1][1] != src):
                texts.append((key, src))
        if not texts:
            continue
        fld = lookup.get(texts[0][0])
        if fld is None:
            pending.append((c, texts[1:]))
        elif fld not in cols:
            cols[fld], sources[fld] = c, texts[0][1]
        elif sources[fld] != texts[0][1]:
            dups.append((fld, cols[fld], c))
    for c, parents in pending:
        for key, src in parents:
            fld = lookup.get(key)
            if fld is not None:
                if fld not in cols:
                    cols[fld], sources[fld] = c, src
                break
    return cols, dups


_NUMBERING = re.compile(r"\(?([A-Za-z]|\d{1,2})\)?(?:\s*=.{0,30})?")


def _is_numbering_row(row, cols) -> bool:
    """A row of column numbers under a header: "A, B, 1, 2, 3, 4=1+2-3" or "(1), (2), ...":
    letters in order from A, numbers each one more than the one before, in most columns."""
    letters, numbers = [], []
    for v in row:
        if is_blank(v):
            continue
        if isinstance(v, bool):
            return False
        if isinstance(v, (int, float)):
            if not float(v).is_integer() or not 0 < v < 100:
                return False
            numbers.append(int(v))
            continue
        text = str(v).strip()
        m = _NUMBERING.fullmatch(text) if len(text) <= 40 else None
        if not m:
            return False
        label = m.group(1)
        if label.isdigit():
            numbers.append(int(label))
        else:
            letters.append(label.upper())
    if len(letters) + len(numbers) < max(2, (len(cols) + 1) // 2):
        return False
    if letters and letters != [chr(65 + i) for i in range(len(letters))]:
        return False
    return all(b == a + 1 for a, b in zip(numbers, numbers[1:]))


def find_header(rows, aliases: dict[str, tuple[str, ...]], merges=()):
    """(the row before the first data row | None, {field: column index}); see locate_header."""
    header = locate_header(rows, aliases, merges)
    return (None if header.last is None else header.data_start - 1), header.cols
