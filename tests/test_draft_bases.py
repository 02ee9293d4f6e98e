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
