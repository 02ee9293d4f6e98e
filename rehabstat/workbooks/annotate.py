"""`rehabstat validate --annotate DIR`: a marked copy of each workbook with problems.

For an .xlsx/.xlsm the copy is the facility's own workbook (opened with openpyxl, never
saved over the original) with every problem cell filled (red: error, yellow: warning),
the messages as the cell's comment, and a new first sheet "KiemTra" listing every issue
with a link to its cell. For .xls/.ods, and for files that could not be opened safely,
the copy is the KiemTra list alone. Copies are named `<stem>.kiem-tra.xlsx` under DIR,
keeping the subfolders relative to the folder that was validated. All text goes through
xlsxout.set_cell, so a message or a cell that looks like a formula stays text.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..common.issues import ERROR, Issue, learner_ids, masked
from ..reading.reader import ANNOTATED_SUFFIX as SUFFIX  # ".kiem-tra.xlsx": skipped when a folder is read
from ..common.rules import LANG

SHEET_NAME = "KiemTra"
FILL = {"error": "FFC7CE", "warning": "FFEB9C"}
ANNOTATABLE = {".xlsx", ".xlsm"}
NOT_OPENED = {"F001", "F002", "F003", "F004"}  # files never handed to openpyxl


@dataclass(frozen=True)
class Annotated:
    source: Path
    output: Path
    marked: bool  # False: only the KiemTra list (see reason)
    reason: str = ""


def annotate(result, out_dir, lang: str | None = None) -> list[Annotated]:
    """Write the copies for every workbook with issues, in `lang` (default: the chosen
    language); return what was written."""
    out_dir = Path(out_dir)
    by_file: dict[str, list[Issue]] = {}
    for i in result.issues:
        if i.file is not None:
            by_file.setdefault(i.file, []).append(i)
    written: list[Annotated] = []
    used: set[Path] = set()
    ids = learner_ids(getattr(result, "dataset", None))
    for f in result.files:
        issues = by_file.get(f["path"])
        if not issues:
            continue
        source = Path(f["path"])
        target = _target(source, list(getattr(result, "roots", []) or []), out_dir, used)
        written.append(_write_one(source, masked(issues, ids), target, lang))
    return written


def _target(source: Path, roots: list[Path], out_dir: Path, used: set) -> Path:
    rel_parent = Path()
    dirs = [r for r in roots if r.is_dir()]
    for root in dirs:
        try:
            rel = source.resolve().relative_to(root.resolve())
        except ValueError:
            continue
        rel_parent = (Path(root.resolve().name) / rel.parent) if len(dirs) > 1 else rel.parent
        break
    target = out_dir / rel_parent / (source.stem + SUFFIX)
    n = 2
    while target.resolve() in used or target.resolve() == source.resolve():
        target = out_dir / rel_parent / f"{source.stem}-{n}{SUFFIX}"
        n += 1
    used.add(target.resolve())
    return target


def _words(lang):
    if lang == "en":
        return dict(title="Check results", header=("No.", "Sheet", "Cell", "Code", "Severity", "Message"),
                    error="error", warning="warning", errors="errors", warnings="warnings",
                    whole="(whole file)", list_only="only the list of issues: {why}",
                    why_format="{suffix} files cannot be marked", why_refused="the file could not be opened safely",
                    why_failed="the workbook could not be opened for marking ({detail})")
    return dict(title="Kết quả kiểm tra", header=("STT", "Trang", "Ô", "Mã", "Mức", "Thông báo"),
                error="lỗi", warning="cảnh báo", errors="lỗi", warnings="cảnh báo",
                whole="(cả tệp)", list_only="chỉ có danh sách vấn đề: {why}",
                why_format="không đánh dấu được trên tệp {suffix}", why_refused="tệp không mở được an toàn",
                why_failed="không mở được sổ để đánh dấu ({detail})")


def _write_one(source: Path, issues: list[Issue], target: Path, lang: str | None = None) -> Annotated:
    from openpyxl import Workbook, load_workbook

    from .xlsxout import save
    lang = lang or LANG["value"]
    w = _words(lang)
    wb, reason = None, ""
    if source.suffix.lower() not in ANNOTATABLE:
        reason = w["why_format"].format(suffix=source.suffix.lower() or "?")
    elif any(i.code in NOT_OPENED for i in issues):
        reason = w["why_refused"]
    else:
        try:
            wb = load_workbook(source, keep_links=False)
        except Exception as exc:  # noqa: BLE001 - a workbook openpyxl cannot open is listed only
            reason = w["why_failed"].format(detail=type(exc).__name__)
            wb = None
    marked = wb is not None
    if wb is None:
        wb = Workbook()
        wb.remove(wb.active)
    else:
        _mark_cells(wb, issues, lang)
        if SHEET_NAME in wb.sheetnames:  # an earlier annotation of this copy
            wb.remove(wb[SHEET_NAME])
    _issue_sheet(wb, source, issues, marked, lang)
    save(wb, target, output=False)  # a copy of the facility's workbook: still readable as one
    return Annotated(source, target, marked, "" if marked else w["list_only"].format(why=reason))


def _mark_cells(wb, issues: list[Issue], lang: str) -> None:
    from openpyxl.cell.cell import MergedCell
    from openpyxl.comments import Comment
    from openpyxl.styles import PatternFill

    from .xlsxout import writable
    cells: dict[tuple[str, str, int], list[Issue]] = {}
    for i in issues:
        if i.sheet in wb.sheetnames and i.row and i.column:
            cells.setdefault((i.sheet, i.column, i.row), []).append(i)
    for (sheet, column, row), found in cells.items():
        ws = wb[sheet]
        cell = ws[f"{column}{row}"]
        if isinstance(cell, MergedCell):
            for rng in ws.merged_cells.ranges:
                if cell.coordinate in rng:
                    cell = ws.cell(row=rng.min_row, column=rng.min_col)
                    break
        severity = "error" if any(i.severity == ERROR for i in found) else "warning"
        cell.fill = PatternFill("solid", fgColor=FILL[severity])
        text = writable("\n".join(f"[{i.code}] {i.text(lang)}" for i in found))  # a quoted cell may hold \x01
        if cell.comment is not None and cell.comment.text:
            text = f"{cell.comment.text}\n---\n{text}"
        comment = Comment(text, "rehabstat")
        comment.width = 320
        comment.height = max(80, 40 + 18 * (len(text) // 45 + text.count("\n")))
        cell.comment = comment


def _issue_sheet(wb, source: Path, issues: list[Issue], marked: bool, lang: str) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.hyperlink import Hyperlink

    from .xlsxout import HEADER_FILL, set_cell
    from ..common.rules import location
    w = _words(lang)
    messages = [i.text(lang) for i in issues]
    for ws in wb.worksheets:
        ws.sheet_view.tabSelected = False
    ws = wb.create_sheet(SHEET_NAME, 0)
    wb.active = 0
    ws.sheet_view.tabSelected = True
    errors = sum(1 for i in issues if i.severity == ERROR)
    title = set_cell(ws, 1, 1, f"{w['title']}: {source.name} — {errors} {w['errors']}, "
                               f"{len(issues) - errors} {w['warnings']}")
    title.font = Font(bold=True, size=12)
    header_row = 3
    for c, text in enumerate(w["header"], start=1):
        cell = set_cell(ws, header_row, c, text)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
    link_font = Font(color="0563C1", underline="single")
    for n, i in enumerate(issues, start=1):
        r = header_row + n
        set_cell(ws, r, 1, n)
        set_cell(ws, r, 2, i.sheet or "")
        where = set_cell(ws, r, 3, location(i, lang) if i.sheet else w["whole"])
        set_cell(ws, r, 4, i.code)
        sev = set_cell(ws, r, 5, w["error"] if i.severity == ERROR else w["warning"])
        sev.fill = PatternFill("solid", fgColor=FILL["error" if i.severity == ERROR else "warning"])
        msg = set_cell(ws, r, 6, messages[n - 1])
        msg.alignment = Alignment(wrap_text=True, vertical="top")
        if marked and i.sheet in wb.sheetnames:
            target = f"{i.column}{i.row}" if i.row and i.column else f"A{i.row}" if i.row else "A1"
            sheet = i.sheet.replace("'", "''")
            where.hyperlink = Hyperlink(ref=where.coordinate, location=f"'{sheet}'!{target}", display=where.value)
            where.font = link_font
    for letter, width in zip("ABCDEF", (6, 14, 16, 7, 10, 100)):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    from .xlsxout import fit_row, print_setup  # printed: the message beside its cell, not on a page of its own
    print_setup(ws, title_rows=f"{header_row}:{header_row}", last_col=6, landscape=True)
    widths = dict(enumerate((6, 14, 16, 7, 10, 100), start=1))
    for n, message in enumerate(messages, start=1):
        if len(message) > 90:  # a long message wraps: its row is made tall enough (LibreOffice does not)
            fit_row(ws, header_row + n, widths)
    if issues:
        ws.auto_filter.ref = f"A{header_row}:F{header_row + len(issues)}"
