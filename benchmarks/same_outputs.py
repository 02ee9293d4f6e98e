"""Are two output folders the same in content? (issue 16: "same outputs" before and after a change)

    python benchmarks/same_outputs.py BEFORE_DIR AFTER_DIR [-v]

Both folders must hold the same file names. For each pair:
  .docx  the text of every paragraph and table cell, in order (python-docx), must be equal;
         the zip parts are also compared byte for byte (docProps/core.xml, which holds
         times, left out) and reported as "parts identical" or "parts differ".
  .xlsx  every sheet's name and, cell by cell, value, number format, bold, fill colour and
         alignment's wrap; merged ranges, freeze panes, column widths, row heights, print
         titles and orientation, the number of charts; must be equal. Parts compared as above.
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
    import openpyxl
    wb = openpyxl.load_workbook(path)
    out = {"sheets": wb.sheetnames, "keywords": wb.properties.keywords}
    for ws in wb.worksheets:
        cells = {}
        for row in ws.iter_rows():
            for c in row:
                if c.value is None and not c.has_style:
                    continue
                fill = c.fill.fgColor.rgb if c.fill is not None and c.fill.fill_type else None
                cells[c.coordinate] = (c.value, c.data_type, c.number_format, bool(c.font and c.font.b),
                                       c.font.sz if c.font else None, fill,
                                       bool(c.alignment and c.alignment.wrap_text),
                                       c.alignment.horizontal if c.alignment else None)
        out[ws.title] = {
            "cells": cells,
            "merged": sorted(str(r) for r in ws.merged_cells.ranges),
            "freeze": ws.freeze_panes,
            "widths": {k: d.width for k, d in ws.column_dimensions.items() if d.width},
            "heights": {k: d.height for k, d in ws.row_dimensions.items() if d.height},
            "print": (ws.print_title_rows, ws.print_title_cols, ws.page_setup.orientation,
                      ws.page_setup.paperSize, ws.page_setup.fitToWidth, ws.page_setup.fitToHeight,
                      ws.oddFooter.center.text),
            "charts": len(ws._charts),
            "breaks": [b.id for b in ws.row_breaks.brk],
            "validations": len(ws.data_validations.dataValidation),
        }
    return out


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
