"""The tool's own words come from one catalogue: every key says the same thing in both
languages (the same values filled in), a key that is not there is our bug (KeyError, never
a guess), and numbers take their noun's plural in English."""
from __future__ import annotations

import re
import string

import pytest

from rehabstat.common.catalogue import WORDS, text
from rehabstat.common.issues import Count, phrase


# the families of keys of the messages the tool says at run time (the store, the web, the commands)
MESSAGES = {"store", "audit", "approve", "unlock", "check", "receive", "history", "log", "users", "serve", "run",
            "period", "config", "data", "select", "out", "os", "batch", "web", "sector", "source", "targets", "form",
            "province", "gate", "tpl", "geo", "gap"}


# values English does not say, and why: the placeholder a Vietnamese document leaves ("[Họ và tên
# người ký]") is the document's own Vietnamese, not a word an English reader needs
OMITTED_IN_ENGLISH = {"sector.no_signer": {"placeholder"}, "sector.no_agency": {"placeholder"},
                      "sector.no_province": {"placeholder"},
                      # the law that merged the provinces, named by its Vietnamese title
                      "geo.mapped": {"source"},
                      # Vietnamese writes a province's kind before its name (tỉnh Ninh Bình); English its name
                      "geo.full": {"kind"}}


def _fields(template: str) -> set:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_key_has_both_languages_with_the_same_values():
    for key, pair in WORDS.items():
        assert isinstance(pair, tuple) and len(pair) == 2, key
        vi, en = pair
        assert vi and en, key
    messages = [k for k in WORDS if k.split(".")[0] in MESSAGES and k != "period.named"]  # period.named: a
    assert len(messages) > 400  # period's Vietnamese name, or in English its code (2021-Q2)
    for key in messages:
        vi, en = WORDS[key]
        assert _fields(vi) - _fields(en) == OMITTED_IN_ENGLISH.get(key, set()), key
        assert _fields(en) <= _fields(vi), key  # English never says a value Vietnamese has not


def test_a_missing_key_is_a_key_error_in_either_language():
    for lang in ("vi", "en"):
        with pytest.raises(KeyError):
            text("store.reason.no-such-key", lang)


def test_every_key_the_code_names_is_in_the_catalogue():
    from pathlib import Path
    root = Path(__file__).resolve().parents[1] / "rehabstat"
    named = set()
    for p in root.rglob("*.py"):
        for m in re.finditer(r"\b(?:said|text|phrase|_t|_usage)\(\s*\"([a-z][\w.-]*\.[\w.-]+)\"", p.read_text()):
            named.add(m.group(1))
    assert len(named) > 200
    assert sorted(k for k in named if k not in WORDS) == []


def test_numbers_and_their_nouns():
    assert text("receive.summary", "en", files=1, received=1, new=0, duplicate=0, rejected=0, skipped="") == \
        "1 file: 1 received, 0 new versions, 0 already there, 0 rejected."
    assert text("receive.summary", "en", files=1200, received=1, new=1, duplicate=0, rejected=0, skipped="") == \
        "1,200 files: 1 received, 1 new version, 0 already there, 0 rejected."
    assert text("receive.summary", "vi", files=1200, received=1, new=1, duplicate=0, rejected=0, skipped="") == \
        "1200 tệp: 1 đã nhận, 1 phiên bản mới, 0 đã có, 0 bị từ chối."
    assert text("check.leftovers", "vi", count=2, size=Count(12345), tmp="kho/tmp", store="kho").startswith(
        "2 tệp tạm (12.345 byte) trong kho/tmp")
    assert text("check.leftovers", "en", count=1, size=Count(1), tmp="t", store="k").startswith(
        "1 temporary file (1 byte) in t left by an interrupted receive; delete it with:")


def test_a_phrase_inside_a_phrase_is_shown_in_the_readers_language():
    said = phrase("audit.reason", file="a.xlsx", reason=phrase("store.reason.too_big", size=Count(60_000_000)))
    assert said.shown("vi") == "a.xlsx: tệp 60.000.000 byte, quá lớn cho một sổ hằng tháng; không lưu vào kho."
    assert said.shown("en") == "a.xlsx: a file of 60,000,000 bytes, too big for a monthly workbook; not stored."


def test_a_value_may_be_named_like_the_key():
    from rehabstat.common.errors import ConfigError
    exc = ConfigError.said("config.key", path="rehabstat.toml", key="document.x", keys="agency")
    assert exc.text("en") == "rehabstat.toml: unknown key 'document.x'; the keys: agency."
    assert phrase("targets.none", name="t.xlsx", year=2022, key="SL01", years="2021", units="SL01").shown("vi") == \
        "Sổ chỉ tiêu t.xlsx không có chỉ tiêu năm 2022 cho SL01 (sổ có: năm 2021; đơn vị SL01)."


def test_a_number_inside_a_phrase_keeps_its_noun():
    said = phrase("check.leftovers", count=2, size=Count(2000), tmp="kho/tmp", store="kho")
    assert said.shown("en").startswith("2 temporary files (2,000 bytes) in kho/tmp left by an interrupted receive; "
                                       "delete them with:")
    assert said.shown("vi").startswith("2 tệp tạm (2.000 byte) trong kho/tmp")
