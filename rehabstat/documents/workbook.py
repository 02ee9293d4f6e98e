"""The workbook beside a document (BC, KH): its figures as sheets that print on A4."""
from __future__ import annotations

from pathlib import Path

from ..common import vnformat as vn
from ..common.periods import Period
from ..common.values import plain_number


def write_report_workbook(ctx: dict, table, out: Path, unit: dict, period: Period, tidy=None, targets=(),
                          reporting=()) -> Path:
    """The document's figures as a workbook that prints on A4 (book.print_setup):
    - BienDong: a title, then the category table as the document has it (a row per
      indicator, its code in a column of its own; a column per category, "Cộng HV",
      "Tổng cộng");
    - SoLieuKhac: the other figures; ChiTieu: the KH's targets of the plan year (with last
      year's result), or the BC's results against its targets (--targets);
    - ChiSo: the tidy indicator rows (`tidy`, default `table`), then `reporting` (rows of the
      same columns: the reporting counts and rates), Vietnamese headers; PhuLuc (a
      province): its facilities.
    `targets`: the numbers of ChiTieu (targets.compare_targets for a BC, the plan's
    targets.plan_targets rows for a KH), written as numbers."""
    from ..common.codes import FIGURES
    from ..workbooks.national import REVENUE_LABELS, TIDY_HEADER, tidy_rows
    from .report import TABLE_CATEGORIES, TABLE_ROWS
    from ..workbooks.book import Book, alignment, font, style, write_table
    v = ctx["v"]
    kh = ctx.get("doc", {}).get("doc_type") == "KẾ HOẠCH"
    wb = Book()
    left = alignment("left", "center")
    title_style = style(font=font(bold=True, size=13), alignment=left)
    subtitle_style = style(font=font(italic=True), alignment=left)

    def titled(ws, subtitle, last_col):
        """Rows 1-2: the unit and what the sheet holds; the table starts at row 4."""
        ws.put(1, 1, unit["name"], title_style)
        ws.put(2, 1, subtitle, subtitle_style)
        for r in (1, 2):
            if last_col > 1:
                ws.merge(r, 1, r, last_col)
        ws.heights[1] = 20
        return 4

    figures = f"số liệu {period.label}"
    plan_year = (ctx.get("plan") or {}).get("year")
    ws = wb.sheet("BienDong")
    labels = {"HV": "Cộng HV", "ALL": "Tổng cộng"}
    header = ["Mã", "Chỉ tiêu"] + [labels.get(c) or _category_short(c) for c in TABLE_CATEGORIES]
    basis = ((ctx.get("period") or {}).get("basis") or {}).get("table")  # a draft's bases, as its document says them
    top = titled(ws, f"Biến động học viên và người điều trị theo diện, {figures}"
                 + (f" (phần I của kế hoạch năm {plan_year})" if kh else "") + (f" ({basis})" if basis else ""),
                 len(header))
    from .report import row_label
    told = ctx.get("told") or {}
    rows = [[ind, row_label(ind, label, told)] + [int(v[ind][c]) if told.get(ind, True) else None
                                                  for c in TABLE_CATEGORIES]
            for ind, label, _ in TABLE_ROWS]
    write_table(ws, header, rows, widths={1: 17, 2: 30, **{c: 11 for c in range(3, len(header) + 1)}}, top=top)
    for k, (_, _, bold) in enumerate(TABLE_ROWS):
        if bold:
            bold_row(ws, top + 1 + k, len(header))
    ws2 = wb.sheet("SoLieuKhac")
    other = table[(table["category"] == "ALL") & ~table["indicator"].isin([i for i, _, _ in TABLE_ROWS] + ["TRON_NGUOI"])]
    other_rows = []
    for ind, val in zip(other["indicator"], other["value"]):
        fig = FIGURES.get(ind)
        label, measure = (fig.label, fig.measure) if fig else REVENUE_LABELS.get(ind, (ind, ""))
        other_rows.append([ind, label, measure, val.item() if hasattr(val, "item") else val])
    if ctx.get("has", {}).get("methadone"):  # the two sides of the Methadone sentence, as it states them
        other_rows.append(["VAO_MET", "Bệnh nhân Methadone vào (tiếp nhận mới, chuyển đến, quay lại, chuyển diện đến)",
                           "người", int(v["VAO_MET"]["MET"])])
        other_rows.append(["RA_MET", "Bệnh nhân Methadone ra (bỏ điều trị, chuyển đi, ra khỏi chương trình, ...)",
                           "người", int(v["RA_MET"]["MET"])])
    labour = ctx.get("labour") or {}
    if labour.get("split") and not labour.get("whole"):  # the base of the funds the text states
        other_rows.append(["QUY_CO_SO", "Chênh lệch thu chi của các cơ sở có doanh thu vượt chi phí (phần trích lập "
                                        "quỹ)", "đồng", int(labour["base"])])
    top = titled(ws2, f"Các số liệu khác, {figures}", 4)
    write_table(ws2, ["Mã", "Nội dung", "Đơn vị", "Giá trị"], other_rows, widths={1: 17, 2: 45, 3: 8, 4: 18},
                top=top, wrap=(2,))
    if targets:
        ws4 = wb.sheet("ChiTieu")
        if kh:
            top = titled(ws4, f"Chỉ tiêu kế hoạch năm {plan_year} (kết quả năm {plan_year - 1} để so sánh)", 5)
            write_table(ws4, ["Mã chỉ tiêu", "Nội dung", "Đơn vị tính", f"Kế hoạch năm {plan_year}",
                              f"Kết quả năm {plan_year - 1}"],
                        [[t["code"], t["label"], t["unit"], plain_number(t["plan"]), plain_number(t["actual"])]
                         for t in targets], widths={1: 17, 2: 42, 3: 10, 4: 16, 5: 16}, top=top, wrap=(2,))
        else:
            top = titled(ws4, f"Kết quả so với chỉ tiêu, {figures}", 6)
            write_table(ws4, ["Mã chỉ tiêu", "Nội dung", "Đơn vị tính", "Kế hoạch", "Thực hiện", "Tỷ lệ đạt"],
                        [[t["code"], t["label"], t["unit"], plain_number(t["plan"]), plain_number(t["actual"]),
                          vn.percent(t["ratio"])]
                         for t in targets], widths={1: 17, 2: 40, 3: 10, 4: 14, 5: 14, 6: 10}, top=top, wrap=(2,))
    ws3 = wb.sheet("ChiSo")
    top = titled(ws3, f"Bảng chỉ số (dạng dữ liệu), {figures}", len(TIDY_HEADER))
    write_table(ws3, list(TIDY_HEADER), tidy_rows(table if tidy is None else tidy, reporting),
                widths={1: 13, 2: 9, 3: 9, 4: 18, 5: 7, 6: 13, 7: 29}, top=top)
    if ctx.get("approval"):  # from the store: which months the department approved
        ws.put(top + len(rows) + 2, 1, ctx["approval"], style(font=font(italic=True)))
    if ctx.get("annex") or ctx.get("gaps"):
        from .annex import write_annex_sheet
        annex = write_annex_sheet(wb, ctx.get("annex") or [], ctx.get("gaps") or [], top=4)
        titled(annex, f"Các cơ sở trong tỉnh: số tháng có sổ và số liệu chính, {figures}", annex.max_column)
        _printable_annex(annex, top=4)
    return wb.save(out, draft=bool(ctx.get("doc", {}).get("draft")))


def bold_row(ws, row: int, last_col: int) -> None:
    """Cells 1..last_col of a table row (kept in the sheet's bulk rows or not) in bold."""
    from ..workbooks.book import font
    for first, rows, style_of in ws.bulk:
        if first <= row < first + len(rows):
            for c, value in enumerate(rows[row - first], start=1):
                if (row, c) not in ws.cells:
                    ws.cells[(row, c)] = (value, style_of(c, value))
    ws.restyle_row(row, last_col, font=font(bold=True))


def _category_short(code: str) -> str:
    from ..common.codes import CATEGORIES
    return CATEGORIES[code].short


def _printable_annex(ws, top: int = 1):
    """The province's table of facilities (annex.write_annex_sheet): A4, fitted to the page
    width, its two header rows (from `top`) tall enough and repeated."""
    from ..workbooks.book import fit_row, print_setup
    widths = ws.column_widths()
    spans = {}
    for r1, c1, r2, c2 in ws.merges:
        if r1 == top and r2 == top:
            spans[c1] = c2 - c1 + 1
    fit_row(ws, top, widths, bold=True, spans=spans)
    fit_row(ws, top + 1, widths, bold=True)
    print_setup(ws, title_rows=(top, top + 1))
