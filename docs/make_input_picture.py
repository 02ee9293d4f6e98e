"""Write the pictures of a filled month in docs/input-format.md: the blank form of
`rehabstat form`, filled the way a clerk fills it (figures that add up, no learner's name),
checked with `rehabstat validate` (no error), printed with LibreOffice, one PNG per sheet.
Needs soffice and pdftoppm (apt-get install libreoffice-calc-nogui poppler-utils fonts-liberation2).
    python docs/make_input_picture.py"""
from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent
SHEETS = ("ThongTin", "SiSo", "BienDong", "SoLieu")

CENSUS = {  # category: opening, closing, present, absent (closing = opening + in - out, below)
    "BB": (412, 417, 411, 6), "TN": (37, 36, 36, 0), "HTCC": (9, 8, 8, 0), "XDTTN": (3, 2, 2, 0),
    "LTTT": (4, 5, 5, 0), "MET": (86, 88, 87, 1)}
EVENTS = [  # id, category, event, day, new category, count
    (None, "BB", "TIEP_NHAN", 2, None, 21), (None, "BB", "HOAN_THANH", 15, None, 17),
    ("HV-0412", "BB", "TRON", 19, None, None), ("HV-0412", "BB", "BAT_LAI", 26, None, None),
    ("HV-0290", "TN", "CHUYEN_DIEN", 8, "BB", None), (None, "HTCC", "TIEP_NHAN", 3, None, 4),
    (None, "HTCC", "HOAN_THANH", 20, None, 5), (None, "XDTTN", "HOAN_THANH", 11, None, 1),
    (None, "LTTT", "TIEP_NHAN", 12, None, 3), (None, "LTTT", "CHUYEN_DI", 29, None, 2),
    (None, "MET", "TIEP_NHAN", 5, None, 4), (None, "MET", "BO_DIEU_TRI", 22, None, 2),
]
FIGURES = {"KHAM_BENH": 1204, "DIEU_TRI_BENH": 318, "XN_HIV": 25, "HIV_QUAN_LY": 41, "DIEU_TRI_ARV": 39,
           "GIAO_DUC_BUOI": 8, "DAY_NGHE": 46, "THAM_GAP": 260, "DOANH_THU": 184_500_000, "CHI_PHI": 121_300_000}


def run(*args, ok=(0,)):
    res = subprocess.run([sys.executable, "-m", "rehabstat", *map(str, args)], capture_output=True, text=True)
    if res.returncode not in ok:
        raise SystemExit(f"rehabstat {' '.join(map(str, args))}: exit {res.returncode}\n{res.stdout}{res.stderr}")
    return res


def fill(path: Path) -> None:
    import openpyxl
    wb = openpyxl.load_workbook(path)
    info = wb["ThongTin"]
    for row in info.iter_rows(min_row=2):
        label = row[0].value
        row[1].value = {"Người lập biểu": "Cán bộ thống kê", "Điện thoại": "0212 385 xxxx",
                        "Ngày lập": dt.date(2021, 4, 2), "Ngày gửi": dt.date(2021, 4, 3)}.get(label, row[1].value)
        if isinstance(row[1].value, dt.date):
            row[1].number_format = "dd/mm/yyyy"
    census = wb["SiSo"]
    for row in census.iter_rows(min_row=2):
        for cell, value in zip(row[1:], CENSUS.get(row[0].value, ())):
            cell.value = value
    events = wb["BienDong"]
    for n, (learner, cat, event, day, new, count) in enumerate(EVENTS, start=1):
        events.append([n, learner, None, cat, event, dt.date(2021, 3, day), new, count, None])
        events.cell(events.max_row, 6).number_format = "dd/mm/yyyy"  # as the form's own date column
    for row in wb["SoLieu"].iter_rows(min_row=2):
        if row[0].value in FIGURES:
            row[3].value = FIGURES[row[0].value]
    wb.save(path)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        book = tmp / "SL01-2021-03.xlsx"
        run("form", "--facility", "SL01", "--name", "Cơ sở Điều trị nghiện ma túy tỉnh Sơn La", "--province", "Sơn La",
            "--month", "03/2021", "--out", book)
        fill(book)
        said = run("validate", book, "--lang", "en")
        print(said.stdout.strip())
        if " 0 errors" not in said.stdout:
            raise SystemExit("the filled month has errors")
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp}/profile", "--convert-to", "pdf",
                        "--outdir", str(tmp), str(book)], check=True, capture_output=True, timeout=300)
        pdf = book.with_suffix(".pdf")
        pages = int(next(line.split()[-1] for line in subprocess.run(
            ["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()
            if line.startswith("Pages:")))
        if pages != len(SHEETS) + 1:  # and the instructions' sheet (HuongDan), not pictured
            raise SystemExit(f"{pages} pages printed, expected one per sheet")
        for page, sheet in enumerate(SHEETS, start=1):
            out = DOCS / f"input-month-{sheet.lower()}"
            width, height = _inked(pdf, page, tmp / "page")
            subprocess.run(["pdftoppm", "-png", "-r", str(DPI), "-f", str(page), "-l", str(page), "-singlefile",
                            "-x", "0", "-y", "0", "-W", str(width), "-H", str(height), str(pdf), str(out)], check=True)
            print(f"wrote {out}.png ({width}x{height})")


DPI = 80


def _inked(pdf: Path, page: int, stem: Path) -> tuple[int, int]:
    """The page's size cropped to its content (the footer's page number left out) plus a margin."""
    subprocess.run(["pdftoppm", "-gray", "-r", str(DPI), "-f", str(page), "-l", str(page), "-singlefile",
                    str(pdf), str(stem)], check=True)
    data = stem.with_suffix(".pgm").read_bytes()
    fields = data.split(maxsplit=4)  # P5 width height maxval pixels
    width, height = int(fields[1]), int(fields[2])
    pixels = fields[4]
    rows = [y for y in range(height) if min(pixels[y * width:(y + 1) * width]) < 160]
    cols = [x for x in range(width) if any(pixels[y * width + x] < 160 for y in rows[:-1] if rows)]
    body = [y for y in rows if y < height * 0.9]  # the footer ("Trang 1/4") is not the sheet
    return min(width, max(cols) + 20), min(height, max(body) + 20)


if __name__ == "__main__":
    main()
