"""Run the README's commands as a user would, in Vietnamese and in English, and keep what
each one says and writes: to compare two versions of the code (benchmarks/same_outputs.py
on the files they write) and to see which outputs mix languages.

    python benchmarks/readme_outputs.py OUT_DIR [--python PYTHON]

OUT_DIR/<lang>/<n>-<command>.txt holds a command's stdout and stderr; the files it writes
are under OUT_DIR/<lang>/files/<n>/. A summary line per output says whether an English
output holds Vietnamese words of the tool's own (letters only Vietnamese uses, outside the
data's names), and whether a Vietnamese one holds the English words listed in ENGLISH.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMMANDS = [  # (name, arguments); {out} is the command's own folder, {kho} the store of the run
    ("indicators", ["indicators", "--data", "samples/son-la", "--year", "2021"]),
    ("indicators-json", ["indicators", "--data", "samples/ha-noi", "--year", "2021", "--quarter", "2", "--level",
                         "province", "--format", "json"]),
    ("compare", ["indicators", "--data", "samples/ha-noi", "--year", "2021", "--quarter", "2", "--level", "province",
                 "--compare", "previous"]),
    ("report", ["report", "--data", "samples/son-la", "--year", "2021", "--out", "{out}"]),
    ("report-range", ["report", "--data", "samples", "--province", "Cao Bằng", "--from", "01/2017", "--to", "06/2020",
                      "--out", "{out}"]),
    ("plan", ["plan", "--data", "samples/son-la", "--year", "2022", "--targets", "samples/targets/son-la-2022.xlsx",
              "--out", "{out}"]),
    ("validate", ["validate", "samples", "--annotate", "{out}"]),
    ("batch", ["batch", "--data", "samples", "--year", "2021", "--quarter", "2", "--out", "{out}"]),
    ("form", ["form", "--facility", "SL01", "--name", "Cơ sở cai nghiện ma túy số 1", "--province", "Sơn La",
              "--month", "04/2021", "--data", "samples/son-la", "--out", "{out}"]),
    ("form-province", ["form", "--level", "province", "--province", "Cao Bằng", "--period", "2019", "--out", "{out}"]),
    ("rules", ["rules"]),
    ("rules-code", ["rules", "I001"]),
    ("receive", ["receive", "samples/son-la", "--store", "{kho}"]),
    ("history", ["history", "--store", "{kho}", "--facility", "SL01", "--month", "03/2021"]),
    ("approve", ["approve", "--store", "{kho}", "--facility", "SL01", "--year", "2021", "--quarter", "1"]),
    ("unlock", ["unlock", "--store", "{kho}", "--facility", "SL01", "--year", "2021", "--month", "2", "--reason",
                "Cơ sở sửa số tiếp nhận"]),
    ("log", ["log", "--store", "{kho}", "--facility", "SL01"]),
    ("check-store", ["check-store", "--store", "{kho}"]),
    ("templates-vars", ["templates", "vars"]),
]
# the data's own words that may stand in an English output (names of places and facilities, the
# quoted column headers of the form, what the user typed)
DATA_WORDS = re.compile(r"Sơn La|Hà Nội|Cao Bằng|Nam Định|Ninh Bình|Cơ sở[^\n,;:)]*|Sở Lao động[^\n,;]*|"
                        r"Cơ sở sửa số tiếp nhận|'[^'\n]*'|\"[^\"\n]*\"|https?://\S+")
ENGLISH = re.compile(r"\b(Usage|Options|Error|Warning|Note|not-a-workbook|stock-flow|outlier|PATH|FILE|DIR)\b")


def without_document_text(text: str) -> str:
    """A table's column headed "... (document text)" (`templates vars`' examples) holds a
    Vietnamese document's own sentences: data, left out of the check like the names above."""
    column, lines = None, []
    for line in text.splitlines():
        if "┃" in line and "(document text)" in line:
            column = next(i for i, c in enumerate(line.split("┃")) if "(document text)" in c)
        elif column is not None and "│" in line:
            cells = line.split("│")
            cells[column] = ""
            line = "│".join(cells)
        lines.append(line)
    return "\n".join(lines)


def vietnamese(text: str) -> list[str]:
    return [ch for ch in DATA_WORDS.sub("", without_document_text(text))
            if ch in "đĐ" or (ch.isalpha() and ord(ch) > 127 and unicodedata.decomposition(ch))]


def main(out: Path, python: str) -> None:
    if out.exists():
        shutil.rmtree(out)
    env = dict(os.environ, COLUMNS="120", NO_COLOR="1", TERM="dumb")
    mixed = 0
    for lang in ("vi", "en"):
        base = out / lang
        (base / "files").mkdir(parents=True)
        kho = base / "files" / "kho"
        for n, (name, args) in enumerate(COMMANDS, start=1):
            folder = base / "files" / f"{n:02d}-{name}"
            argv = [a.format(out=folder, kho=kho) for a in args]
            res = subprocess.run([python, "-m", "rehabstat", "--lang", lang, *argv], cwd=ROOT, env=env,
                                 capture_output=True, text=True)
            text = res.stdout + res.stderr
            (base / f"{n:02d}-{name}.txt").write_text(f"exit {res.returncode}\n{text}", encoding="utf-8")
            bad = vietnamese(text) if lang == "en" else ENGLISH.findall(text)
            mixed += bool(bad)
            print(f"{lang} {n:02d} {name:<15} exit {res.returncode}  "
                  + (f"MIXED: {''.join(bad[:20]) if lang == 'en' else ', '.join(sorted(set(bad)))}" if bad else "one language"))
    total = 2 * len(COMMANDS)
    print(f"{total - mixed}/{total} outputs in one language")


if __name__ == "__main__":
    args = sys.argv[1:]
    python = sys.executable
    if "--python" in args:
        i = args.index("--python")
        python = args[i + 1]
        del args[i:i + 2]
    main(Path(args[0]).resolve(), python)
