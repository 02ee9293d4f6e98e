"""Are two output folders the same in content? ("same outputs" before and after a change)

    python benchmarks/same_outputs.py BEFORE_DIR AFTER_DIR [-v]

Both folders must hold the same file names. For each pair:
  .docx  the text of every paragraph and table cell, in order (python-docx), must be equal;
         the zip parts are also compared byte for byte (docProps/core.xml, which holds
         times, left out) and reported as "parts identical" or "parts differ".
  .xlsx  every sheet's name and, cell by cell, value, number format, font (bold, italic, size,
         colour), fill colour, alignment (horizontal, vertical, wrap, shrink) and border;
         merged ranges, freeze panes, column widths, row heights, print titles, orientation,
         paper and fitting, footer, page breaks, validation lists, the number of charts;
         must be equal (see xlsx_content for what two writers may write differently but
         Excel shows the same). Parts compared as above.
  other  bytes equal.
Exit 0 when everything is the same in content, 1 otherwise (each difference listed).
"""
from __future__ import annotations

import sys
import zipfile
from pathlib import Path

SKIP_PARTS = {"docProps/core.xml"}


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist() if n not in SKIP_PARTS}


def docx_text(path: Path) -> list[str]:
    import docx
    d = docx.Document(str(path))
    out = []

    def walk(container):
        from docx.table import Table
        from docx.text.paragraph import Paragraph
        for block in container.iter_inner_content():
            if isinstance(block, Paragraph):
                out.append("P:" + block.text)
            elif isinstance(block, Table):
                for row in block.rows:
                    out.append("R:" + " | ".join(c.text for c in row.cells))
    walk(d)
    for s in d.sections:
        for part in (s.header, s.footer):
            for p in part.paragraphs:
                out.append("H:" + p.text)
    return out


def xlsx_content(path: Path) -> dict:
    """What a reader sees of a workbook. Written the same by any writer: a font with no size
    is the default font's 11 pt; a colour's alpha byte is ignored (Excel ignores it: 00DDEBF7
    and FFDDEBF7 are one colour); a column width to the pixel Excel keeps it in (1/7 of a unit,
    as rounded(width × 7)) and a row height to the pixel (0,75 pt); fitToWidth/fitToHeight
    left out are 1 (the format's default); the cells hidden under a merged range other than its first are
    not compared (never shown); a blank cell with no style and a cell holding "" are the same."""
    import openpyxl
    from openpyxl.utils import get_column_letter
    wb = openpyxl.load_workbook(path)
    out = {"sheets": wb.sheetnames, "keywords": wb.properties.keywords}
    for ws in wb.worksheets:
        cells = {}
        hidden = set()
        for rng in ws.merged_cells.ranges:
            hidden |= {(r, c) for r in range(rng.min_row, rng.max_row + 1) for c in range(rng.min_col, rng.max_col + 1)
                       if (r, c) != (rng.min_row, rng.min_col)}
        for row in ws.iter_rows():
            for c in row:
                if (c.row, c.column) in hidden:
                    continue
                value = None if c.value == "" else c.value
                if value is None and not c.has_style:
                    continue
                fill = c.fill.fgColor.rgb[-6:] if c.fill is not None and c.fill.fill_type else None
                plain = value is None and c.number_format == "General" and not (c.font and c.font.b) and not fill \
                    and not (c.alignment and (c.alignment.wrap_text or c.alignment.horizontal))
                if plain and not (c.font and c.font.sz not in (None, 11)) and not (c.border and c.border.left.style):
                    continue  # a styled blank that shows nothing: a default style
                color = c.font.color.rgb[-6:] if c.font and c.font.color is not None and \
                    isinstance(c.font.color.rgb, str) else None
                cells[c.coordinate] = (value, c.data_type if value is not None else None, c.number_format,
                                       bool(c.font and c.font.b), (c.font.sz if c.font else None) or 11.0, fill,
                                       bool(c.alignment and c.alignment.wrap_text),
                                       c.alignment.horizontal if c.alignment else None,
                                       bool(c.font and c.font.i), color,
                                       c.alignment.vertical if c.alignment else None,
                                       bool(c.alignment and c.alignment.shrink_to_fit),
                                       c.border.left.style if c.border else None)
        out[ws.title] = {
            "cells": cells,
            "merged": sorted(str(r) for r in ws.merged_cells.ranges),
            "freeze": ws.freeze_panes,
            "widths": {get_column_letter(c): round(d.width * 7) for d in ws.column_dimensions.values() if d.width
                       for c in range(d.min or 1, (d.max or d.min or 1) + 1)},
            "heights": {k: round(d.height * 4 / 3) for k, d in ws.row_dimensions.items() if d.height},
            "print": (ws.print_title_rows, ws.print_title_cols, ws.page_setup.orientation,
                      ws.page_setup.paperSize, _one(ws.page_setup.fitToWidth), _one(ws.page_setup.fitToHeight),
                      ws.oddFooter.center.text, ws.oddFooter.center.size, bool(ws.print_options.horizontalCentered),
                      bool(ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage),
                      tuple(getattr(ws.page_margins, k) for k in ("left", "right", "top", "bottom", "header", "footer"))),
            "charts": len(ws._charts),
            "breaks": [b.id for b in ws.row_breaks.brk],
            "validations": sorted((v.type, str(v.sqref), v.formula1, v.formula2, v.operator or "between", v.error, v.errorTitle,
                                   bool(v.showErrorMessage), bool(v.allow_blank))
                                  for v in ws.data_validations.dataValidation),
        }
    return out


def _one(fit):
    return 1 if fit is None else int(fit)


def diff_dicts(a, b, where="") -> list[str]:
    if isinstance(a, dict) and isinstance(b, dict):
        out = []
        for k in sorted(set(a) | set(b), key=str):
            if k not in a:
                out.append(f"{where}{k}: only after: {b[k]!r}")
            elif k not in b:
                out.append(f"{where}{k}: only before: {a[k]!r}")
            else:
                out += diff_dicts(a[k], b[k], f"{where}{k}/")
        return out
    return [] if a == b else [f"{where}: {a!r} != {b!r}"]


def compare(before: Path, after: Path, verbose=False) -> int:
    names_a = {p.relative_to(before) for p in before.rglob("*") if p.is_file()}
    names_b = {p.relative_to(after) for p in after.rglob("*") if p.is_file()}
    problems = [f"only before: {n}" for n in sorted(names_a - names_b)]
    problems += [f"only after: {n}" for n in sorted(names_b - names_a)]
    same_parts = 0
    common = sorted(names_a & names_b)
    for n in common:
        a, b = before / n, after / n
        if n.suffix in (".docx", ".xlsx"):
            pa, pb = parts(a), parts(b)
            identical = pa == pb
            same_parts += identical
            if identical:
                continue  # byte-identical parts: the same content
            if n.suffix == ".docx":
                ta, tb = docx_text(a), docx_text(b)
                if ta != tb:
                    first = next(i for i, (x, y) in enumerate(zip(ta + [None], tb + [None])) if x != y)
                    problems.append(f"{n}: text differs at block {first}: {ta[first:first + 1]} vs {tb[first:first + 1]}")
                elif verbose:
                    print(f"  {n}: same text, parts differ "
                          f"({', '.join(k for k in sorted(set(pa) | set(pb)) if pa.get(k) != pb.get(k))})")
            else:
                d = diff_dicts(xlsx_content(a), xlsx_content(b))
                if d:
                    problems.append(f"{n}: {len(d)} differences: " + "; ".join(d[:8]))
                elif verbose:
                    print(f"  {n}: same content, parts differ "
                          f"({', '.join(k for k in sorted(set(pa) | set(pb)) if pa.get(k) != pb.get(k))})")
        elif a.read_bytes() != b.read_bytes():
            problems.append(f"{n}: bytes differ")
    for p in problems:
        print("DIFFERENT", p)
    print(f"{len(common)} files compared: {same_parts} with identical parts (core.xml aside), "
          f"{len(problems)} differences in content")
    return 1 if problems else 0


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "-v"]
    if len(args) != 2:
        sys.exit(__doc__)
    sys.exit(compare(Path(args[0]), Path(args[1]), verbose="-v" in sys.argv))
