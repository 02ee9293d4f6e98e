"""A comparison says its base: an escape compared in "lượt" as it is counted, and a merged
province compared with a period before the 2025 merger says which old provinces the earlier
figures gather (samples/ninh-binh-2025: Hà Nam, Nam Định, Ninh Bình → Ninh Bình)."""
from __future__ import annotations

import pytest

from conftest import SAMPLES, cli, text_of

NB = SAMPLES / "ninh-binh-2025"


@pytest.fixture(scope="module")
def q3(tmp_path_factory):
    out = tmp_path_factory.mktemp("q3")
    res = cli("report", "--data", NB, "--year", 2025, "--quarter", 3, "--province", "Ninh Bình", "--out", out)
    assert res.exit_code == 0, res.output
    return text_of(next(out.glob("BC-*.docx")))


def test_the_escape_comparison_counts_lurot_as_its_sentence(q3):
    assert "Tổng số trốn trong quý là 01 lượt học viên (tăng 01 lượt học viên so với quý II/2025)." in q3


def test_escapes_compared_with_none_before_say_lurot():
    from rehabstat.documents.comparisons import phrase
    assert phrase("TRON", "HV", 2, 0, kind="year", label="cùng kỳ năm 2024") == \
        "tăng 02 lượt học viên so với cùng kỳ năm 2024"
    assert phrase("TIEP_NHAN", "HV", 2, 0, kind="year", label="cùng kỳ năm 2024") == \
        "tăng 02 học viên so với cùng kỳ năm 2024"


def test_a_comparison_before_the_merger_names_the_old_provinces(q3):
    lines = q3.splitlines()
    said = "Số liệu so sánh quý II/2025 gồm số liệu của các tỉnh Hà Nam, Nam Định, Ninh Bình (trước khi hợp nhất)."
    assert lines.count(said) == 1
    # said before the first comparison it explains
    assert lines.index(said) < next(i for i, line in enumerate(lines) if "so với cuối quý II/2025 giảm 13" in line)


def test_a_comparison_after_the_merger_says_nothing_of_it(tmp_path):
    res = cli("report", "--data", NB, "--year", 2025, "--quarter", 4, "--province", "Ninh Bình", "--out", tmp_path)
    assert res.exit_code == 0, res.output
    text = text_of(next(tmp_path.glob("BC-*.docx")))
    assert "so với cuối quý III/2025" in text and "trước khi hợp nhất" not in text


def test_the_console_names_every_old_province_of_the_period_compared_with():
    res = cli("indicators", "--data", NB, "--year", 2025, "--half", 2, "--level", "province", "--compare", "previous")
    assert res.exit_code == 0, res.output
    # Hà Nam's workbooks name Ninh Bình from July: only its first half (compared with) is mapped
    assert "Sổ ghi tên tỉnh trước ngày 01/07/2025 (Hà Nam, Nam Định) được tính vào tỉnh Ninh Bình" in res.output


def test_one_sentence_for_both_comparisons_and_the_kinds_of_the_old_provinces():
    import datetime as dt

    from rehabstat.common.periods import make_period
    from rehabstat.documents.report import merged_sentence
    from rehabstat.settings.geography import geography
    geo, before = geography(), dt.date(2024, 6, 30)
    old = [geo.resolve(n, before).province for n in ("Hà Nam", "Nam Định", "Ninh Bình")]
    q2 = {"period": make_period(year=2025, quarter=2), "provinces": old}
    q3 = {"period": make_period(year=2024, quarter=3), "provinces": old}
    assert merged_sentence({"previous": q2, "year": q3}, {"previous": "quý II/2025", "year": "cùng kỳ năm 2024"}) == (
        "Số liệu so sánh quý II/2025 và cùng kỳ năm 2024 gồm số liệu của các tỉnh Hà Nam, Nam Định, Ninh Bình "
        "(trước khi hợp nhất).")
    hcm = [geo.resolve(n, before).province for n in ("Hồ Chí Minh", "Bình Dương")]
    assert merged_sentence({"year": {"provinces": hcm}}, {"year": "cùng kỳ năm 2024"}) == (
        "Số liệu so sánh cùng kỳ năm 2024 gồm số liệu của thành phố Hồ Chí Minh, tỉnh Bình Dương (trước khi hợp nhất).")
    assert merged_sentence({"previous": None, "year": {"provinces": []}}, {"year": "cùng kỳ năm 2024"}) == ""
