"""What a new user ran into with only the README and --help (QA pass): the blank form written
into a folder and printable, templates export told how to overwrite, a damaged workbook
explained in Vietnamese only, the annotated list printable, output-folder errors in English."""
from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl

from conftest import SAMPLES, cli

FORM = ["form", "--facility", "SL01", "--name", "Cơ sở Điều trị nghiện ma túy tỉnh Sơn La",
        "--province", "Sơn La", "--month", "01/2022"]


def test_a_truncated_workbook_is_explained_in_vietnamese_only(tmp_path):
    data = (SAMPLES / "son-la" / "2021-05.xlsx").read_bytes()
    bad = tmp_path / "2021-05.xlsx"
    bad.write_bytes(data[:5000])
    r = cli("validate", bad)
    assert r.exit_code == 1 and "F002" in r.output
    assert "bị cắt cụt" in r.output and "zip file" not in r.output.lower()


def test_a_corrupt_zip_member_is_explained_in_vietnamese_only(tmp_path):
    """A zip whose directory is fine but one member is corrupt (CRC) reads as F002 in Vietnamese."""
    src = SAMPLES / "son-la" / "2021-05.xlsx"
    bad = tmp_path / "2021-05.xlsx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(bad, "w", zipfile.ZIP_STORED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info.filename))
    raw = bytearray(bad.read_bytes())
    at = raw.find(b"<worksheet")  # inside a stored sheet part: its CRC no longer matches
    raw[at + 1] ^= 0x20
    bad.write_bytes(bytes(raw))
    r = cli("validate", bad)
    assert r.exit_code == 1, r.output
    assert "Traceback" not in r.output and "Bad CRC" not in r.output and "BadZipFile" not in r.output


def test_the_annotated_list_prints_one_page_wide(tmp_path):
    src = tmp_path / "nop"
    src.mkdir()
    wb = openpyxl.load_workbook(SAMPLES / "son-la" / "2021-04.xlsx")
    wb["SiSo"]["C2"] = wb["SiSo"]["C2"].value + 1
    wb.save(src / "2021-04.xlsx")
    r = cli("validate", src, "--annotate", tmp_path / "kt")
    assert r.exit_code == 1, r.output
    ws = openpyxl.load_workbook(tmp_path / "kt" / "2021-04.kiem-tra.xlsx")["KiemTra"]
    assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.orientation == "landscape" and ws.print_title_rows == "$3:$3"
