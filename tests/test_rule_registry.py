"""A rule in one place: its code, severity, names, messages and explanations in both
languages and its flags are one Rule; rehabstat.toml's [checks] ignores a rule or changes its
severity, wherever issues are counted (validate, the gate, the store), and `rehabstat rules`
shows it."""
from __future__ import annotations

import re
import shutil

import pytest

import broken
from conftest import cli
from rehabstat.common.errors import ConfigError
from rehabstat.common.issues import issue
from rehabstat.common.rules import DROPS_ROW, RULES, adjust
from rehabstat.commands.validate import validate_paths
from rehabstat.settings.config import load_config


def test_every_rule_is_whole_in_both_languages():
    for code, r in RULES.items():
        assert re.fullmatch(r"[A-Z]\d{3}", code) and r.severity in ("error", "warning")
        assert r.title_vi and r.name and r.title_vi != r.name, code
        assert r.explanation_vi and r.explanation_en and r.explanation_vi != r.explanation_en, code
        fields = lambda t: set(re.findall(r"\{(\w+)\}", t)) - {"note", "hint"}  # noqa: E731
        assert fields(r.message_vi) == fields(r.message_en) - {"where_en"} | ({"where"} if "where_en" in r.message_en else set()), code


def test_the_rows_the_reader_drops_are_the_rules_flagged_so():
    assert DROPS_ROW == {"C001", "C002", "C003", "C004", "C005", "C006", "C007", "C008", "C010",
                         "K001", "K002", "K003", "K004", "K005"}
    assert not RULES["D001"].drops_row and RULES["C002"].drops_row and RULES["F002"].drops_file
    assert not RULES["O001"].drops_row and RULES["O001"].adjustable and not RULES["C001"].adjustable


def _config(folder, body):
    (folder / "rehabstat.toml").write_text(body, encoding="utf-8")
    return folder / "rehabstat.toml"


@pytest.fixture(scope="module")
def outlier(tmp_path_factory):
    folder = tmp_path_factory.mktemp("outlier")
    broken.CASES["O001"](folder)
    return folder


def test_ignore_silences_the_outliers_and_severity_raises_them(outlier, tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(outlier, folder)
    assert [i.code for i in validate_paths([folder], jobs=1).issues] == ["O001"]
    _config(folder, '[checks]\nignore = ["O001"]\n')
    result = validate_paths([folder], jobs=1)
    assert result.issues == []
    _config(folder, '[checks]\nseverity = {O001 = "error"}\n')
    [found] = validate_paths([folder], jobs=1).issues
    assert (found.code, found.severity) == ("O001", "error")
    code, out = (lambda r: (r.exit_code, r.output))(cli("validate", folder))
    assert code == 1 and "O001" in out  # an error now: validate exits 1


def test_a_rule_that_drops_rows_cannot_be_ignored(tmp_path):
    for body in ('[checks]\nignore = ["C001"]\n', '[checks]\nseverity = {K002 = "warning"}\n',
                 '[checks]\nignore = ["Z999"]\n', '[checks]\nseverity = {O001 = "fatal"}\n',
                 '[checks]\nskip = ["O001"]\n'):
        _config(tmp_path, body)
        with pytest.raises(ConfigError):
            load_config([tmp_path])
    _config(tmp_path, '[checks]\nignore = ["C001"]\n')
    res = cli("--lang", "en", "rules", "--config", tmp_path / "rehabstat.toml")
    assert res.exit_code == 2 and "cannot ignore rule C001" in res.output
    _config(tmp_path, '[checks]\nseverity = {C001 = "error", x002 = "error"}\n')
    assert load_config([tmp_path]).checks == {"C001": "error", "X002": "error"}  # raising is always allowed


def test_adjust_is_idempotent():
    found = [issue("O001", indicator="x"), issue("X002", unit="A", period="01/2021"), issue("I001")]
    settings = {"O001": None, "X002": "error"}
    once = adjust(found, settings)
    assert [(i.code, i.severity) for i in once] == [("X002", "error"), ("I001", "error")]
    assert adjust(once, settings) == once


def test_rules_shows_the_configured_severity_in_the_chosen_language(tmp_path):
    path = _config(tmp_path, '[checks]\nignore = ["O001"]\nseverity = {X002 = "error"}\n')
    out = cli("rules", "--config", path).output
    assert re.search(r"O001 .*bỏ qua", out) and re.search(r"X002 .*lỗi", out)
    assert "stock-flow" not in out and "cân đối sĩ số" in out  # names in Vietnamese, not slugs
    out = cli("--lang", "en", "rules", "--config", path, "O001").output
    assert out.startswith("O001 outlier (ignored (set by rehabstat.toml))")
    assert "rehabstat.toml may ignore it" in out
    out = cli("rules", "C001").output
    assert "dòng bị loại khỏi số liệu" in out
