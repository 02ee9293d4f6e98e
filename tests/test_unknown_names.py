"""A name the tool does not know (a province, a facility in a targets workbook) is an error
with the closest names, never a new province or a target silently left out."""
import shutil

import pytest

from conftest import SAMPLES, cli


def _son_la_with_registry(tmp_path, registry: str):
    data = tmp_path / "D"
    shutil.copytree(SAMPLES / "son-la", data)
    toml = data / "rehabstat.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + "\n[registry]\n" + registry, encoding="utf-8")
    return data


@pytest.mark.parametrize("lang,words", [
    ("vi", "khóa 'registry.Son Lam': không có tỉnh/thành phố nào tên này (trước hay sau ngày 01/07/2025). "
           "Có phải: Sơn La,"),
    ("en", "key 'registry.Son Lam': no province or city has this name (before or after 01/07/2025). "
           "Did you mean: Sơn La,"),
])
def test_misspelt_registry_province_is_a_configuration_error(tmp_path, lang, words):
    data = _son_la_with_registry(tmp_path, '"Son Lam" = ["SL01", "SL02"]\n')
    res = cli("--lang", lang, "indicators", "--data", data, "--year", "2021", "--level", "province", "--force")
    assert res.exit_code == 2, res.output
    assert "rehabstat.toml" in res.output and words in " ".join(res.output.split())
    assert "Son Lam," not in res.output  # no row for a province that does not exist


def test_registry_province_in_another_spelling_is_the_province(tmp_path):
    # "Son La" without diacritics and "Thanh Hoá" with the older tone placement are the provinces
    data = _son_la_with_registry(tmp_path, '"Son La" = ["SL01"]\n"Thanh Hoá" = ["TH01"]\n')
    res = cli("indicators", "--data", data, "--year", "2021", "--level", "province", "--force")
    assert res.exit_code == 1, res.output  # TH01 sent nothing: a draft
    assert "Sơn La,province,2021,TIEP_NHAN,HV,1658," in res.stdout
    assert "Thanh Hóa,province,2021," in res.stdout
    from rehabstat.settings.config import load_config
    assert load_config([data]).registry == {"Son La": ["SL01"], "Thanh Hoá": ["TH01"]}
