"""(Re)write the committed sample workbooks, deterministically (same bytes on every run).

    python samples/generate.py            # into samples/
    python samples/generate.py --out DIR  # elsewhere

Writes:
  son-la/2021-01.xlsx .. 2021-12.xlsx    Sơn La facility, person-level (seed 000);
                                          months 03 and 10 in the "messy" style
  son-la/rehabstat.toml                   the facility's document settings
  ha-noi/HN01..HN07/2021-01..06.xlsx      7 Hà Nội facilities (seed 004); HN01, HN03, HN06
                                          write aggregated rows; HN03 in the "messy" style
  ninh-binh-2025/HNA01,ND01,NB01/2025-MM.xlsx  facilities of Hà Nam, Nam Định and Ninh Bình
                                          over 2025 (the 01/07/2025 merger), with "Ngày gửi";
                                          one month sent late
  ninh-binh-2025/rehabstat.toml           [deadline] only: documents use the sector presets
  rehabstat.toml                          the 2025 facilities opened in 01/2025 (for --data samples)
  cao-bang/CB01/2017-01..2020-06.xlsx     Cao Bằng's one facility, 42 months (seed 003), aggregated rows
  cao-bang/tinh/2017.xlsx .. 2020-H1.xlsx the department's own figures (province workbooks)
  nam-dinh/NDCS,NDGT,NDNT/2019-01..12.xlsx    Nam Định's three units in 2019 (seed 002), aggregated rows
  nam-dinh/tinh/2019.xlsx                 Nam Định's own figures for 2019 (province workbook)
  targets/son-la-2022.xlsx                targets of the Sơn La facility for 2022
  targets/nam-dinh-2019.xlsx              targets of Nam Định 2019 (seed 002), every numeric one
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from rehabstat.synth.scenarios import (
    cao_bang_2017_2020,
    cao_bang_province,
    ha_noi_2021_h1,
    nam_dinh_2019,
    nam_dinh_province_2019,
    nam_dinh_targets_2019,
    son_la_2021,
    son_la_targets_2022,
)
from rehabstat.synth.merger import ninh_binh_2025
from rehabstat.synth.writer import write_month, write_province, write_targets

ROOT = Path(__file__).resolve().parent
MESSY_SON_LA_MONTHS = (3, 10)
MESSY_HA_NOI_UNITS = ("HN03",)

SON_LA_TOML = """\
[document]
parent_agency = "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI TỈNH SƠN LA"
agency = "CƠ SỞ ĐIỀU TRỊ NGHIỆN MA TÚY"
symbol = "CSĐTNTMT"
place = "Sơn La"
signer_authority = "KT. GIÁM ĐỐC"
signer_title = "PHÓ GIÁM ĐỐC"
signer_name = "Nguyễn Văn A"
recipients = ["Sở Lao động - Thương binh và Xã hội", "Lãnh đạo Cơ sở", "Các phòng chuyên môn"]
archive = "Lưu: VT, TCHC"

[revenue]
salary_reform = 40
reward = 10
welfare = 55
development = 25
reserve = 10
"""


NINH_BINH_TOML = """\
# The deadline of the monthly workbooks (timeliness); no [document]: the documents take
# the sector's defaults of their period (police from 01/03/2025) and placeholders.
[deadline]
day = 15
"""


SAMPLES_TOML = """\
# samples/ holds several scenarios. Read as one folder (rehabstat batch --data samples),
# the facilities of ninh-binh-2025/ are not expected before 2025 (the gate expects every
# facility it knows over every month of a period, unless it opened later).
[facility.HNA01]
opened = "01/2025"

[facility.ND01]
opened = "01/2025"

[facility.NB01]
opened = "01/2025"

# seeds 003 and 002 (issue 12): the months the Cao Bằng and Nam Định samples hold
[facility.CB01]
opened = "01/2017"
closed = "06/2020"

[facility.NDCS]
opened = "01/2019"
closed = "12/2019"

[facility.NDGT]
opened = "01/2019"
closed = "12/2019"

[facility.NDNT]
opened = "01/2019"
closed = "12/2019"
"""
PROVINCE_FILES = {"6 tháng đầu năm 2020": "2020-H1"}


def generate(out: Path | str = ROOT, parts: tuple[str, ...] = ("son-la", "ha-noi", "targets", "ninh-binh-2025", "cao-bang",
                                                            "nam-dinh"),
             months: tuple[int, ...] | None = None) -> list[Path]:
    """Write the samples under ``out``; ``parts`` and ``months`` restrict what is written
    (the scenarios are always computed in full, so a restricted run writes the same bytes)."""
    out = Path(out)
    written: list[Path] = []
    if "son-la" in parts:
        for book in son_la_2021():
            if months and book.month not in months:
                continue
            style = "messy" if book.month in MESSY_SON_LA_MONTHS else "clean"
            written.append(write_month(out / "son-la" / f"{book.period}.xlsx", book, style))
        toml = out / "son-la" / "rehabstat.toml"
        toml.parent.mkdir(parents=True, exist_ok=True)
        toml.write_bytes(SON_LA_TOML.encode("utf-8"))
        written.append(toml)
    if "ha-noi" in parts:
        for book in ha_noi_2021_h1():
            if months and book.month not in months:
                continue
            style = "messy" if book.unit in MESSY_HA_NOI_UNITS else "clean"
            written.append(write_month(out / "ha-noi" / book.unit / f"{book.period}.xlsx", book, style))
    if "ninh-binh-2025" in parts:
        for folder, book in ninh_binh_2025():
            if months and book.month not in months:
                continue
            written.append(write_month(out / "ninh-binh-2025" / folder / f"{book.period}.xlsx", book, "clean"))
        toml = out / "ninh-binh-2025" / "rehabstat.toml"
        toml.parent.mkdir(parents=True, exist_ok=True)
        toml.write_bytes(NINH_BINH_TOML.encode("utf-8"))
        written.append(toml)
        (out / "rehabstat.toml").write_bytes(SAMPLES_TOML.encode("utf-8"))
        written.append(out / "rehabstat.toml")
    if "cao-bang" in parts:
        for book in cao_bang_2017_2020():
            if months and book.month not in months:
                continue
            written.append(write_month(out / "cao-bang" / book.unit / f"{book.period}.xlsx", book))
        for pbook in cao_bang_province():
            name = PROVINCE_FILES.get(pbook.period, pbook.period)
            written.append(write_province(out / "cao-bang" / "tinh" / f"{name}.xlsx", pbook))
    if "nam-dinh" in parts:
        for book in nam_dinh_2019():
            if months and book.month not in months:
                continue
            written.append(write_month(out / "nam-dinh" / book.unit / f"{book.period}.xlsx", book))
        for pbook in nam_dinh_province_2019():
            written.append(write_province(out / "nam-dinh" / "tinh" / f"{pbook.period}.xlsx", pbook))
    if "targets" in parts:
        written.append(write_targets(out / "targets" / "son-la-2022.xlsx", son_la_targets_2022()))
        written.append(write_targets(out / "targets" / "nam-dinh-2019.xlsx", nam_dinh_targets_2019()))
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT, help="target folder (default: samples/)")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    files = generate(args.out)
    dt = time.perf_counter() - t0
    total = sum(f.stat().st_size for f in files)
    print(f"{len(files)} files, {total / 1024:.0f} KB, {dt:.1f} s -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
