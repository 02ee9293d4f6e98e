"""A batch asks one gate and one indicator table per earlier period for every province
(compare.earlier_by_province); each province's answer must be the one it would get asking
alone (compare.earlier_figures, as `report` does), whatever is wrong where."""
from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from broken import put_excel_error

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _both(data, code):
    from rehabstat.commands.prepare import prepare
    from rehabstat.common.periods import period_of_code
    from rehabstat.computing.compare import earlier_by_province, earlier_figures
    from rehabstat.reading import province
    period = period_of_code(code)
    prepared = prepare(data, period, refuse=False, force=True)
    ds, cfg, issues, as_of = prepared.dataset, prepared.config, prepared.issues, prepared.as_of
    units_of = {name: [f.unit for f in facs if not f.sent_nothing]
                for name, facs in prepared.gate.by_province().items()}

    def extra_of(name):
        return lambda p, t: province.augment(ds, p, name, t)[0]
    together = earlier_by_province(ds, period, units_of, cfg, issues, as_of, extra_of)
    for name, units in units_of.items():
        alone = earlier_figures(ds, period, units, "province", name, cfg, extra_of(name), issues, as_of)
        assert set(together[name]) == set(alone) == {"previous", "year"}
        for kind, want in alone.items():
            got = together[name][kind]
            assert (got is None) == (want is None), (name, kind)
            if want is not None:
                assert got["period"] == want["period"]
                pd.testing.assert_frame_equal(got["table"].reset_index(drop=True), want["table"].reset_index(drop=True))
    return together


def _dau_ky(answer):
    t = answer["table"]
    return int(t[(t["indicator"] == "DAU_KY") & (t["category"] == "ALL")]["value"].iloc[0])


def test_every_province_gets_what_it_would_alone(tmp_path):
    for name in ("ha-noi", "son-la"):
        shutil.copytree(SAMPLES / name, tmp_path / name)
    got = _both([tmp_path / "ha-noi", tmp_path / "son-la"], "2021-Q2")
    assert got["Hà Nội"]["previous"]["period"].code == got["Sơn La"]["previous"]["period"].code == "2021-Q1"
    assert _dau_ky(got["Sơn La"]["previous"]) > 0 and _dau_ky(got["Hà Nội"]["previous"]) > 0


def test_an_error_in_one_province_earlier_period_takes_only_its_comparison(tmp_path):
    for name in ("ha-noi", "son-la"):
        shutil.copytree(SAMPLES / name, tmp_path / name)
    put_excel_error(tmp_path / "ha-noi" / "HN03" / "2021-02.xlsx", 2, "B5")
    got = _both([tmp_path / "ha-noi", tmp_path / "son-la"], "2021-Q2")
    assert got["Hà Nội"]["previous"] is None
    assert got["Sơn La"]["previous"] is not None


def test_a_broken_file_takes_its_facility_comparison_or_when_nobody_s_every_one(tmp_path):
    for name in ("ha-noi", "son-la"):
        shutil.copytree(SAMPLES / name, tmp_path / name)
    (tmp_path / "son-la" / "bao-cao.xlsx").write_bytes(b"not a workbook at all")  # Sơn La's, month unknown
    got = _both([tmp_path / "ha-noi", tmp_path / "son-la"], "2021-Q2")
    assert got["Sơn La"]["previous"] is None and got["Hà Nội"]["previous"] is not None
    (tmp_path / "khac").mkdir()
    (tmp_path / "khac" / "bao-cao.xlsx").write_bytes(b"not a workbook at all")  # nobody's: anybody's
    got = _both([tmp_path / "ha-noi", tmp_path / "son-la", tmp_path / "khac"], "2021-Q2")
    assert got["Hà Nội"]["previous"] is None and got["Sơn La"]["previous"] is None


@pytest.mark.parametrize("code", ["2020", "2019-H2"])
def test_province_workbooks_and_years_compared(tmp_path, code):
    """Cao Bằng's and Nam Định's province workbooks add their rows to the earlier periods' tables."""
    for name in ("cao-bang", "nam-dinh"):
        shutil.copytree(SAMPLES / name, tmp_path / name)
    shutil.copy(SAMPLES / "rehabstat.toml", tmp_path / "rehabstat.toml")
    got = _both([tmp_path / "cao-bang", tmp_path / "nam-dinh"], code)
    assert any(v is not None for answer in got.values() for v in answer.values())
