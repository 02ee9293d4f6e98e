"""A [facility.X] table of rehabstat.toml names a facility the data hold or [registry] lists:
a misspelt code is a configuration error with the closest codes, never a table ignored."""
import shutil

import pytest

from conftest import SAMPLES, cli, son_la_with


@pytest.mark.parametrize("lang,words", [
    ("vi", "mục [facility.SL1]: không có cơ sở nào mã này trong dữ liệu ({data}) hay trong mục [registry]. "
           "Có phải: SL01? Các cơ sở có: SL01."),
    ("en", "section [facility.SL1]: no facility has this code in the data ({data}) or in [registry]. "
           "Did you mean: SL01? Facilities known: SL01."),
])
def test_misspelt_facility_table_is_a_configuration_error(tmp_path, lang, words):
    data = son_la_with(tmp_path, '[facility.SL1]\nclosed = "12/2021"\n')
    res = cli("--lang", lang, "indicators", "--data", data, "--year", "2022", "--month", "1")
    assert res.exit_code == 2, res.output
    said = " ".join(res.output.split())
    assert str(data / "rehabstat.toml") in said
    assert words.format(data=data.resolve()) in said
    assert "SL01,facility" not in res.output  # nothing computed


def test_facility_table_of_a_registered_facility_that_sent_nothing(tmp_path):
    # SL02 is registered and has sent nothing yet: its table is taken, so it is not expected
    # before it opened and December 2021 is complete
    data = son_la_with(tmp_path, '[registry]\n"Sơn La" = ["SL01", "SL02"]\n\n[facility.SL02]\nopened = "01/2022"\n')
    res = cli("indicators", "--data", data, "--year", "2021", "--month", "12")
    assert res.exit_code == 0, res.output
    assert "SL01,facility,2021-12,CUOI_KY,HV,1477\n" in res.stdout
    assert "SL02" not in res.stdout
    # without the table SL02's December is missing: the table is what made it complete
    plain = son_la_with(tmp_path / "plain", '[registry]\n"Sơn La" = ["SL01", "SL02"]\n')
    res = cli("indicators", "--data", plain, "--year", "2021", "--month", "12")
    assert res.exit_code == 1 and "SL02" in res.output, res.output


def test_facility_table_in_the_code_as_a_clerk_writes_it(tmp_path):
    # "sl-01" is SL01 (codes are read as the workbooks' are): closed after 12/2021, so its
    # January 2022 is not called missing, as it is without the table
    data = son_la_with(tmp_path, '[facility.sl-01]\nclosed = "12/2021"\n')
    res = cli("indicators", "--data", data, "--year", "2022", "--month", "1")
    assert res.exit_code == 1, res.output
    assert "[facility" not in res.output and "thiếu tháng 01/2022" not in res.output
    res = cli("indicators", "--data", SAMPLES / "son-la", "--year", "2022", "--month", "1")
    assert res.exit_code == 1 and "SL01 – Cơ sở Điều trị nghiện ma túy tỉnh Sơn La: không gửi sổ nào trong kỳ " \
        "(thiếu tháng 01/2022)" in res.output, res.output


def test_the_readmes_configuration_is_accepted_beside_the_data_it_speaks_of(tmp_path):
    # README's example: HN08 is in [registry] and has sent nothing; its table is taken
    from conftest import ROOT
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("```toml\n", 1)[1].split("```", 1)[0]
    assert "[facility.HN08]" in block
    data = tmp_path / "ha-noi"
    shutil.copytree(SAMPLES / "ha-noi", data)
    (data / "rehabstat.toml").write_text(block, encoding="utf-8")
    res = cli("indicators", "--data", data, "--year", "2021", "--month", "6")
    assert res.exit_code == 0, res.output  # HN08 opened in 07/2021: June is complete without it
    assert "HN08" not in res.output and "HN07,facility,2021-06,SO_THANG_GUI,ALL,1\n" in res.stdout
    (data / "rehabstat.toml").write_text(block.replace("[facility.HN08]", "[facility.HN8]"), encoding="utf-8")
    res = cli("--lang", "en", "indicators", "--data", data, "--year", "2021", "--month", "6")
    assert res.exit_code == 2, res.output
    assert "section [facility.HN8]: no facility has this code" in res.output and "Did you mean: HN08," in res.output
