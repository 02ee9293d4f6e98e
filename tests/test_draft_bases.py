"""A draft says what it is on every page, and a figure whose base is narrower than its
period says its base: a year with August missing sums the flows of 11 months while its
closing is December's, so its sentences and its table say so (the sum does not close)."""
from __future__ import annotations

import shutil

import docx
import pytest

from conftest import SAMPLES, cli, text_of


@pytest.fixture(scope="module")
def no_august(tmp_path_factory):
    """Sơn La's 2021 BC written as a draft without the August workbook."""
    root = tmp_path_factory.mktemp("no-august")
    data = root / "t7"
    shutil.copytree(SAMPLES / "son-la", data)
    (data / "2021-08.xlsx").unlink()
    out = root / "out"
    res = cli("report", "--data", data, "--year", 2021, "--force", "--out", out)
    assert res.exit_code == 1, res.output  # a draft: written, exit 1
    return out / "BC-SL01-2021-DU-THAO.docx"


@pytest.fixture(scope="module")
def final(tmp_path_factory):
    out = tmp_path_factory.mktemp("final")
    res = cli("report", "--data", SAMPLES / "son-la", "--year", 2021, "--out", out)
    assert res.exit_code == 0, res.output
    return out / "BC-SL01-2021.docx"


def _header_lines(path) -> list[str]:
    s = docx.Document(path).sections[0]
    return [p.text for p in s.header.paragraphs if p.text.strip()]


def test_a_draft_says_du_thao_in_the_header_of_every_page_after_the_first(no_august):
    # the header of pages 2.. holds the page number (a field: its cached text) and the mark;
    # page 1 says it in full above the title
    assert _header_lines(no_august)[-1] == "DỰ THẢO"
    assert text_of(no_august).startswith("DỰ THẢO – SỐ LIỆU CHƯA ĐẦY ĐỦ")


def test_a_final_header_holds_the_page_number_only(final):
    assert "DỰ THẢO" not in " ".join(_header_lines(final))
    assert "DỰ THẢO" not in text_of(final)


def test_the_methadone_sentence_says_its_months_and_its_closing_month(no_august):
    text = text_of(no_august)
    # 90 + 50 − 67 = 73, not 68: the sentence says why (August's flows are not in it)
    assert ("kết quả lũy kế năm 2020 chuyển sang 90 bệnh nhân, trong năm (số liệu 11/12 tháng, thiếu tháng "
            "08/2021) vào 50 bệnh nhân, ra 67 bệnh nhân (bỏ điều trị 45; chuyển 14; ra khỏi chương trình 08). "
            "Đến ngày 31/12/2021 (theo sổ tháng 12/2021) đang điều trị cho 68 bệnh nhân.") in text
    assert ("Trong năm 2021 (số liệu 11/12 tháng, thiếu tháng 08/2021) Cơ sở tiếp nhận 1.628 học viên vào"
            in text)
    assert "Số học viên đang quản lý đến ngày 31/12/2021 (theo sổ tháng 12/2021) là 1.477 học viên" in text


def test_the_category_table_says_its_bases_and_that_it_does_not_close(no_august):
    text = text_of(no_august)
    assert ("(Đầu kỳ theo sổ tháng 01/2021, cuối kỳ theo sổ tháng 12/2021; số phát sinh trong kỳ: số liệu "
            "11/12 tháng, thiếu tháng 08/2021, nên đầu kỳ cộng, trừ phát sinh không bằng cuối kỳ.)") in text
    rows = {line.split(" | ")[0]: line.split(" | ") for line in text.splitlines() if " | " in line}
    met = lambda label: int(rows[label][7].replace(".", "") or 0)  # noqa: E731  column MET
    assert (met("Đầu kỳ (chuyển sang)"), met("Tiếp nhận"), met("Cuối kỳ (đang quản lý)")) == (90, 50, 68)


def test_a_complete_year_says_its_dates_and_no_base(final):
    text = text_of(final)
    assert "Trong năm 2021 (từ 01/01/2021 đến 31/12/2021) Cơ sở tiếp nhận 1.658 học viên vào" in text
    assert "Đến ngày 31/12/2021 đang điều trị cho 68 bệnh nhân." in text
    assert "sổ tháng" not in text and "số liệu 11/12" not in text


def test_a_year_stopping_in_may_says_its_months_and_still_adds_up(tmp_path):
    data = tmp_path / "son-la"
    data.mkdir()
    for m in range(1, 6):
        shutil.copy(SAMPLES / "son-la" / f"2021-{m:02d}.xlsx", data)
    res = cli("report", "--data", data, "--year", 2021, "--force", "--out", tmp_path / "out")
    assert res.exit_code == 1, res.output
    text = text_of(next((tmp_path / "out").glob("BC-*.docx")))
    assert "Trong năm 2021 (số liệu 5/12 tháng, thiếu các tháng 06/2021 đến 12/2021) Cơ sở tiếp nhận" in text
    assert ("(Đầu kỳ theo sổ tháng 01/2021, cuối kỳ theo sổ tháng 05/2021; số phát sinh trong kỳ: số liệu "
            "5/12 tháng, thiếu các tháng 06/2021 đến 12/2021.)") in text
    assert "Đến ngày 31/05/2021 đang điều trị cho" in text  # its day says its month: the sum closes


def test_the_workbook_table_says_the_same_bases(no_august):
    import openpyxl
    ws = openpyxl.load_workbook(no_august.with_suffix(".xlsx"))["BienDong"]
    said = [c.value for row in ws.iter_rows(max_row=4) for c in row if c.value and "sổ tháng" in str(c.value)]
    assert said == ["Biến động học viên và người điều trị theo diện, số liệu năm 2021 (Đầu kỳ theo sổ tháng "
                    "01/2021, cuối kỳ theo sổ tháng 12/2021; số phát sinh trong kỳ: số liệu 11/12 tháng, thiếu "
                    "tháng 08/2021, nên đầu kỳ cộng, trừ phát sinh không bằng cuối kỳ.)"]


def test_a_province_draft_compares_its_stocks_not_its_partial_flows(tmp_path):
    data = tmp_path / "ha-noi"
    shutil.copytree(SAMPLES / "ha-noi", data)
    (data / "HN03" / "2021-05.xlsx").unlink()
    out = tmp_path / "out"
    res = cli("report", "--data", data, "--year", 2021, "--quarter", 2, "--province", "Hà Nội", "--force",
              "--out", out)
    assert res.exit_code == 1, res.output
    text = text_of(next(out.glob("BC-*.docx")))
    # June's closings are all there: the stock and its comparison stand (seed 004)
    assert "các cơ sở đang quản lý: 3.121 học viên, so với cuối quý I/2021 giảm 126 học viên." in text
    # 20 of 21 facility-months against a whole quarter would be two bases: no comparison
    admitted = next(line for line in text.splitlines() if "các cơ sở tiếp nhận" in line)
    assert admitted.startswith("Trong quý II năm 2021 (số liệu 20/21 sổ tháng của 7 cơ sở) các cơ sở tiếp nhận ")
    assert "so với" not in admitted
    assert "Tổng số trốn trong quý (số liệu 20/21 sổ tháng của 7 cơ sở) là 02 lượt học viên." in text


def test_a_year_without_january_says_the_month_its_opening_is_of(tmp_path):
    data = tmp_path / "son-la"
    shutil.copytree(SAMPLES / "son-la", data)
    (data / "2021-01.xlsx").unlink()
    res = cli("report", "--data", data, "--year", 2021, "--force", "--out", tmp_path / "out")
    assert res.exit_code == 1, res.output
    text = text_of(next((tmp_path / "out").glob("BC-*.docx")))
    # February's opening, its flows to December and December's closing: 90 + 47 − 69 = 68
    assert ("kết quả lũy kế năm 2020 chuyển sang (theo sổ tháng 02/2021) 90 bệnh nhân, trong năm (số liệu 11/12 "
            "tháng, thiếu tháng 01/2021) vào 47 bệnh nhân, ra 69 bệnh nhân") in text
    assert "Đến ngày 31/12/2021 đang điều trị cho 68 bệnh nhân." in text
    assert ("(Đầu kỳ theo sổ tháng 02/2021, cuối kỳ theo sổ tháng 12/2021; số phát sinh trong kỳ: số liệu 11/12 "
            "tháng, thiếu tháng 01/2021.)") in text
