"""Print the samples' outputs as a user would (LibreOffice → PDF), count the pages and
compare them with the counts the README states; optionally regenerate the README's page
pictures (docs/bc-page1.png, docs/kh-page1.png) from today's output.

    python docs/print_pages.py              # render, count, compare with the README (exit 1 if different)
    python docs/print_pages.py --pictures   # also rewrite docs/bc-page1.png and docs/kh-page1.png
    python docs/print_pages.py --keep DIR   # keep the outputs and PDFs in DIR (to look at them)
    python docs/print_pages.py --fonts "DejaVu Serif" "FreeSerif"   # the BC's header in other fonts

Needs LibreOffice (`soffice`) and, for the pictures, poppler's `pdftoppm`. The README's
table between the markers `<!-- pages -->` and `<!-- /pages -->` holds the expected
counts, one row per file: `| TongHop-2021-Q2.xlsx (...) | 17 | ... |`.
"""
from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "docs" / "guide.md"  # the user guide holds the page table
SAMPLES = ROOT / "samples"

# (command line, the files it writes that we print)
JOBS = (
    (["batch", "--data", str(SAMPLES), "--year", "2021", "--quarter", "2", "--out", "{out}/batch", "--jobs", "1"],
     ["batch/TongHop-2021-Q2.xlsx", "batch/BC-Ha-Noi-2021-Q2.xlsx"]),
    (["report", "--data", str(SAMPLES / "son-la"), "--year", "2021", "--out", "{out}/bc"],
     ["bc/BC-SL01-2021.xlsx", "bc/BC-SL01-2021.docx"]),
    (["plan", "--data", str(SAMPLES / "son-la"), "--year", "2022", "--targets",
      str(SAMPLES / "targets" / "son-la-2022.xlsx"), "--out", "{out}/kh"],
     ["kh/KH-SL01-2022.xlsx", "kh/KH-SL01-2022.docx"]),
)
PICTURES = {"bc/BC-SL01-2021.docx": "bc-page1.png", "kh/KH-SL01-2022.docx": "kh-page1.png"}


def expected_counts(readme: Path = README) -> dict[str, int]:
    text = readme.read_text(encoding="utf-8")
    m = re.search(r"<!-- pages -->(.*?)<!-- /pages -->", text, re.S)
    if not m:
        return {}
    out = {}
    for line in m.group(1).splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        name = re.search(r"[\w.-]+\.(?:xlsx|docx)", cells[0]) if cells else None
        if name and len(cells) >= 2 and cells[1].isdigit():
            out[name.group(0)] = int(cells[1])
    return out


def pdf_pages(pdf: Path) -> int:
    """The number of pages of a PDF (pdfinfo when there, else the page objects counted)."""
    if shutil.which("pdfinfo"):
        res = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True)
        m = re.search(r"^Pages:\s+(\d+)", res.stdout, re.M)
        if m:
            return int(m.group(1))
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf.read_bytes()))


def to_pdf(files: list[Path], outdir: Path, profile: Path) -> dict[Path, Path]:
    """Convert each file to PDF with LibreOffice (a private profile, so a running
    LibreOffice or another session's does not interfere); {file: pdf}."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("LibreOffice (soffice) is needed to print the outputs.")
    out = {}
    for f in files:
        target = outdir / f.parent.name / f.suffix.lstrip(".")  # a docx and an xlsx share a stem
        target.mkdir(parents=True, exist_ok=True)
        subprocess.run([soffice, "--headless", f"-env:UserInstallation={profile.as_uri()}", "--convert-to", "pdf",
                        "--outdir", str(target), str(f)], check=True, capture_output=True, timeout=300)
        out[f] = target / (f.stem + ".pdf")
    return out


def render(workdir: Path, only: set[str] | None = None) -> dict[str, tuple[int, Path]]:
    """Run the commands into workdir, print their files; {relative name: (pages, pdf)}."""
    files = []
    for args, outputs in JOBS:
        wanted = [o for o in outputs if only is None or Path(o).name in only]
        if not wanted:
            continue
        cmd = [sys.executable, "-m", "rehabstat"] + [a.format(out=workdir) for a in args]
        subprocess.run(cmd, cwd=ROOT, capture_output=True, timeout=600)
        files += [workdir / o for o in wanted]
    missing = [f for f in files if not f.is_file()]
    if missing:
        raise SystemExit(f"not written: {', '.join(map(str, missing))}")
    pdfs = to_pdf(files, workdir / "pdf", workdir / "lo-profile")
    return {str(f.relative_to(workdir)): (pdf_pages(pdf), pdf) for f, pdf in pdfs.items()}


def pictures(results: dict[str, tuple[int, Path]]) -> list[Path]:
    written = []
    for name, png in PICTURES.items():
        if name not in results:
            continue
        stem = ROOT / "docs" / Path(png).stem
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(results[name][1]),
                        str(stem)], check=True)
        written.append(stem.with_suffix(".png"))
    return written


HEADER_LINES = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")


def header_in_fonts(docx: Path, fonts: list[str], workdir: Path) -> dict[str, bool]:
    """Print the document with Times New Roman replaced by each font; {font: whether the
    national title and the motto each stay on one line}."""
    import zipfile
    out = {}
    for font in fonts:
        copy = workdir / "fonts" / font.replace(" ", "_") / docx.name
        copy.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(docx) as src, zipfile.ZipFile(copy, "w", zipfile.ZIP_DEFLATED) as dst:
            for item in src.infolist():
                data = src.read(item.filename)
                if item.filename.endswith(".xml"):
                    data = data.replace(b"Times New Roman", font.encode())
                dst.writestr(item, data)
        pdf = to_pdf([copy], copy.parent / "pdf", workdir / "lo-profile")[copy]
        text = subprocess.run(["pdftotext", "-layout", "-f", "1", "-l", "1", str(pdf), "-"],
                              capture_output=True, text=True).stdout
        out[font] = all(any(line in row for row in text.splitlines()) for line in HEADER_LINES)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pictures", action="store_true", help="rewrite docs/bc-page1.png and docs/kh-page1.png")
    ap.add_argument("--keep", type=Path, help="keep the outputs and PDFs in this folder")
    ap.add_argument("--fonts", nargs="+", help="also print the BC's first page with these fonts instead of "
                                               "Times New Roman and check its header")
    args = ap.parse_args(argv)
    expected = expected_counts()
    work = args.keep or Path(tempfile.mkdtemp(prefix="rehabstat-print-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        results = render(work)
        bad = 0
        for name, (pages, _) in results.items():
            want = expected.get(Path(name).name)
            verdict = "" if want is None else ("ok" if want == pages else f"README says {want}")
            bad += bool(want is not None and want != pages)
            print(f"{Path(name).name:28} {pages:3} pages  {verdict}")
        if args.pictures:
            for p in pictures(results):
                print(f"written: {p.relative_to(ROOT)}")
        if args.fonts:
            for font, ok in header_in_fonts(work / "bc" / "BC-SL01-2021.docx", args.fonts, work).items():
                print(f"{font:28} national title and motto {'on one line each' if ok else 'WRAP'}")
                bad += not ok
        return 1 if bad else 0
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
