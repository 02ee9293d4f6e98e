"""Tests for rehabstat.common.vnformat (Vietnamese numbers, money in words, dates, labels)."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rehabstat.common import vnformat as vf
from rehabstat.common.periods import period_label


# --------------------------------------------------------------------------- number

@pytest.mark.parametrize("value, expected", [
    (1659, "1.659"),
    (5122732200, "5.122.732.200"),
    (0, "0"),
    (-1234, "-1.234"),
    (999, "999"),
    (1000, "1.000"),
    (-999, "-999"),
    (1000000, "1.000.000"),
    (92.5, "92,5"),
    (1234.5, "1.234,5"),
    (-1234.5, "-1.234,5"),
    (3.0, "3"),
    (0.25, "0,25"),
    (Decimal("1234.50"), "1.234,5"),
    (Decimal("5122732200"), "5.122.732.200"),
    (True, "1"),
])
def test_number(value, expected):
    assert vf.number(value) == expected


@pytest.mark.parametrize("value, decimals, expected", [
    (92.5, 2, "92,50"),
    (92.5, 1, "92,5"),
    (92.5, 0, "93"),
    (2.675, 2, "2,68"),          # half-up on the decimal reading, not the binary float
    (1234.5, 2, "1.234,50"),
    (1659, 1, "1.659,0"),
    (-0.04, 1, "0,0"),           # no "-0,0"
    (Decimal("1.005"), 2, "1,01"),
])
def test_number_decimals(value, decimals, expected):
    assert vf.number(value, decimals) == expected


def test_number_numpy():
    np = pytest.importorskip("numpy")
    assert vf.number(np.int64(5122732200)) == "5.122.732.200"
    assert vf.number(np.int32(-1234)) == "-1.234"
    assert vf.number(np.float64(92.5)) == "92,5"
    assert vf.number(np.float32(0.5)) == "0,5"
    assert vf.count(np.int64(6)) == "06"
    assert vf.money_words(np.int64(15)) == "Mười lăm đồng"
    # float32/float16 from their own shortest repr, not the float64 widening
    assert vf.number(np.float32(0.1)) == "0,1"
    assert vf.number(np.float16(0.1)) == "0,1"
    assert vf.percent(np.float32(92.45)) == "92,5%"  # 92.44999694... as a float64


def test_any_size_exact():
    from decimal import Decimal
    assert vf.money_words(10 ** 28) == "Mười tỷ tỷ tỷ đồng"
    assert vf.money_words(10 ** 28 + 24) == ("Mười tỷ tỷ tỷ không trăm hai mươi tư đồng")
    assert vf.number(10 ** 30 + 1) == "1." + "000." * 9 + "001"
    assert vf.money(10 ** 28 + 1).endswith(".001 đồng")
    big = Decimal("123456789012345678901234567890.125")
    assert vf.number(big) == "123.456.789.012.345.678.901.234.567.890,125"
    assert vf.number(big, 2) == "123.456.789.012.345.678.901.234.567.890,13"
    assert vf.money_words(Decimal("1e30")) == "Một nghìn tỷ tỷ tỷ đồng"


@pytest.mark.parametrize("bad", ["12", None, b"1"])
def test_number_rejects_non_numbers(bad):
    with pytest.raises(TypeError):
        vf.number(bad)


@pytest.mark.parametrize("bad", [float("nan"), float("inf")])
def test_number_rejects_non_finite(bad):
    with pytest.raises(ValueError):
        vf.number(bad)


@pytest.mark.parametrize("value, expected", [
    (0, "0"), (1, "01"), (6, "06"), (9, "09"), (10, "10"), (99, "99"),
    (1659, "1.659"), (4, "04"), (-3, "-3"),
])
def test_count(value, expected):
    assert vf.count(value) == expected


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.integers(min_value=-10**6, max_value=10**6), st.integers(min_value=-10**30, max_value=10**30)))
def test_an_int_is_written_as_its_decimal(n):
    """number() and count() write a Python int without going through Decimal: the same text."""
    assert vf.number(n) == vf.number(Decimal(n))
    assert vf.count(n) == vf.count(Decimal(n))


# --------------------------------------------------------------------------- percent

@pytest.mark.parametrize("value, expected", [
    (92.5, "92,5%"),
    (100.0, "100%"),
    (100, "100%"),
    (66.666, "66,7%"),
    (0, "0%"),
    (99.96, "100%"),       # rounds to a whole number: no ",0"
    (12.25, "12,3%"),      # half-up
    (1234.5, "1.234,5%"),
    (-3.25, "-3,3%"),
])
def test_percent(value, expected):
    assert vf.percent(value) == expected


@pytest.mark.parametrize("actual, plan, expected", [
    (185, 200, "92,5%"),
    (200, 200, "100%"),
    (2, 3, "66,7%"),
    (1, 8, "12,5%"),
    (0, 10, "0%"),
    (5, 0, None),
    (5, None, None),
    (None, 10, None),
])
def test_rate(actual, plan, expected):
    assert vf.rate(actual, plan) == expected


# --------------------------------------------------------------------------- money

@pytest.mark.parametrize("value, expected", [
    (5122732200, "5.122.732.200 đồng"),
    (0, "0 đồng"),
    (-1500, "-1.500 đồng"),
    (1500.4, "1.500 đồng"),
    (Decimal("999.5"), "1.000 đồng"),
])
def test_money(value, expected):
    assert vf.money(value) == expected


MONEY_WORDS = [
    (5122732200, "Năm tỷ một trăm hai mươi hai triệu bảy trăm ba mươi hai nghìn hai trăm đồng"),
    (1002015, "Một triệu không trăm linh hai nghìn không trăm mười lăm đồng"),
    (0, "Không đồng"),
    (5, "Năm đồng"),
    (10, "Mười đồng"),
    (11, "Mười một đồng"),
    (15, "Mười lăm đồng"),
    (21, "Hai mươi mốt đồng"),
    (24, "Hai mươi tư đồng"),
    (14, "Mười bốn đồng"),
    (104, "Một trăm linh bốn đồng"),
    (94, "Chín mươi tư đồng"),
    (24024, "Hai mươi tư nghìn không trăm hai mươi tư đồng"),
    (25, "Hai mươi lăm đồng"),
    (105, "Một trăm linh năm đồng"),
    (110, "Một trăm mười đồng"),
    (111, "Một trăm mười một đồng"),
    (1000, "Một nghìn đồng"),
    (1005, "Một nghìn không trăm linh năm đồng"),
    (1014, "Một nghìn không trăm mười bốn đồng"),
    (1050, "Một nghìn không trăm năm mươi đồng"),
    (2011, "Hai nghìn không trăm mười một đồng"),
    (21000, "Hai mươi mốt nghìn đồng"),
    (100100, "Một trăm nghìn một trăm đồng"),
    (1000000, "Một triệu đồng"),
    (1000001, "Một triệu không trăm linh một đồng"),
    (1500000, "Một triệu năm trăm nghìn đồng"),
    (3050000, "Ba triệu không trăm năm mươi nghìn đồng"),
    (1000000000, "Một tỷ đồng"),
    (1000000001, "Một tỷ không trăm linh một đồng"),
    (2000000000000, "Hai nghìn tỷ đồng"),
    (10 ** 15, "Một triệu tỷ đồng"),
    (10 ** 18, "Một tỷ tỷ đồng"),
    (999999999999,
     "Chín trăm chín mươi chín tỷ chín trăm chín mươi chín triệu "
     "chín trăm chín mươi chín nghìn chín trăm chín mươi chín đồng"),
    (-15, "Âm mười lăm đồng"),
    (-1000001, "Âm một triệu không trăm linh một đồng"),
]


@pytest.mark.parametrize("value, expected", MONEY_WORDS)
def test_money_words(value, expected):
    assert vf.money_words(value) == expected


@pytest.mark.parametrize("value, expected", MONEY_WORDS)
def test_number_words_matches_money_words(value, expected):
    words = vf.number_words(value)
    assert words == words.lower()
    assert "đồng" not in words
    assert expected == words[0].upper() + words[1:] + " đồng"


def test_number_words_zero_and_negative():
    assert vf.number_words(0) == "không"
    assert vf.number_words(-15) == "âm mười lăm"
    assert vf.number_words(21) == "hai mươi mốt"


# --------------------------------------------------------------------------- reference check

_DIGIT_VALUE = {"không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4,
                "năm": 5, "lăm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9}
_MARKERS = {"nghìn": 10 ** 3, "triệu": 10 ** 6}
_MARKER_RE = re.compile(r"\b(?:nghìn|triệu|tỷ)\b")


def _parse_words(text: str) -> int:
    """Independent reader of Vietnamese number words back to an int."""
    tokens = text.split(" ")
    sign = 1
    if tokens[0] == "âm":
        sign, tokens = -1, tokens[1:]
    total = section = cur = 0
    digit = None
    for tok in tokens:
        if tok in _DIGIT_VALUE:
            assert digit is None, text
            digit = _DIGIT_VALUE[tok]
        elif tok == "trăm":
            cur += digit * 100
            digit = None
        elif tok == "mươi":
            assert digit >= 2, text
            cur += digit * 10
            digit = None
        elif tok == "mười":
            assert digit is None, text
            cur += 10
        elif tok == "linh":
            assert digit is None and cur % 100 == 0, text
        elif tok in _MARKERS:
            section += (cur + (digit or 0)) * _MARKERS[tok]
            cur, digit = 0, None
        elif tok == "tỷ":
            total = (total + section + cur + (digit or 0)) * 10 ** 9
            section = cur = 0
            digit = None
        else:
            raise AssertionError(f"unknown word {tok!r} in {text!r}")
    return sign * (total + section + cur + (digit or 0))


def _groups(n: int) -> list[int]:
    out = []
    while True:
        n, g = divmod(n, 1000)
        out.append(g)
        if not n:
            return out[::-1]


@settings(max_examples=400, deadline=None, database=None)
@given(st.one_of(st.integers(0, 10 ** 15 - 1), st.integers(0, 99_999),
                 st.builds(lambda a, b: a * 10 ** b, st.integers(1, 999), st.integers(0, 12))))
def test_words_properties(n):
    text = vf.money_words(n)
    words = vf.number_words(n)
    assert text.endswith(" đồng") and not text.endswith("  đồng")
    assert "  " not in text and text == text.strip()
    assert text[0].isupper()
    assert "mười mốt" not in words
    # "mốt" only after "mươi", "lăm" only after "mươi"/"mười", "linh" only after "trăm"
    toks = words.split(" ")
    for prev, tok in zip(toks, toks[1:]):
        if tok == "mốt":
            assert prev == "mươi", words
        if tok == "lăm":
            assert prev in ("mươi", "mười"), words
        if tok == "tư":
            assert prev == "mươi", words
        if prev == "mươi":
            assert tok != "bốn", words
        if tok == "linh":
            assert prev == "trăm", words
    if toks[0] in ("mốt", "lăm", "linh"):
        raise AssertionError(words)
    # round trip through an independent reader
    assert _parse_words(words) == n
    # every non-top non-empty group is read with its hundreds; "không trăm" iff < 100
    if n == 0:
        assert words == "không"
        return
    nonzero = [g for g in _groups(n) if g]
    segments = [s.strip() for s in _MARKER_RE.split(words) if s.strip()]
    assert len(segments) == len(nonzero), words
    for g, seg in zip(nonzero[1:], segments[1:]):
        assert seg.split(" ")[1] == "trăm", words
        assert seg.startswith("không trăm") == (g < 100), (g, words)


@settings(max_examples=100, deadline=None, database=None)
@given(st.integers(-(10 ** 15), -1))
def test_words_negative(n):
    text = vf.money_words(n)
    assert text.startswith("Âm ")
    assert text == "Âm " + vf.number_words(-n) + " đồng"


# --------------------------------------------------------------------------- dates

@pytest.mark.parametrize("d, expected", [
    (dt.date(2022, 1, 10), "ngày 10 tháng 01 năm 2022"),
    (dt.date(2022, 2, 5), "ngày 05 tháng 02 năm 2022"),
    (dt.date(2022, 3, 5), "ngày 05 tháng 3 năm 2022"),
    (dt.date(2021, 12, 31), "ngày 31 tháng 12 năm 2021"),
    (dt.date(2021, 10, 1), "ngày 01 tháng 10 năm 2021"),
    (dt.datetime(2022, 1, 10, 15, 30), "ngày 10 tháng 01 năm 2022"),
])
def test_date_text(d, expected):
    assert vf.date_text(d) == expected


def test_place_date():
    assert vf.place_date("Sơn La", dt.date(2022, 1, 10)) == "Sơn La, ngày 10 tháng 01 năm 2022"
    assert vf.place_date("Sơn La", None, 2022) == "Sơn La, ngày     tháng     năm 2022"
    assert vf.place_date("Sơn La", year=2022) == "Sơn La, ngày     tháng     năm 2022"
    this_year = dt.date.today().year
    assert vf.place_date("Hà Nội") == f"Hà Nội, ngày     tháng     năm {this_year}"


@pytest.mark.parametrize("d, expected", [
    (dt.date(2021, 1, 1), "01/01/2021"),
    (dt.date(2021, 12, 31), "31/12/2021"),
    (dt.date(2020, 6, 9), "09/06/2020"),
])
def test_short_date(d, expected):
    assert vf.short_date(d) == expected


# --------------------------------------------------------------------------- labels

@pytest.mark.parametrize("args, expected", [
    ((20, "KH", "CSĐTNTMT"), "Số: 20/KH-CSĐTNTMT"),
    ((5, "KH", "CSĐTNTMT"), "Số: 05/KH-CSĐTNTMT"),
    ((9, "KH", "LĐTBXH"), "Số: 09/KH-LĐTBXH"),
    ((None, "BC", "SLĐTBXH"), "Số:      /BC-SLĐTBXH"),
    ((1234, "BC", "SLĐTBXH"), "Số: 1234/BC-SLĐTBXH"),
])
def test_doc_number(args, expected):
    assert vf.doc_number(*args) == expected


def test_roman():
    expected = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
                "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX"]
    assert [vf.roman(i) for i in range(1, 21)] == expected
    with pytest.raises(ValueError):
        vf.roman(0)


@pytest.mark.parametrize("first, last, expected", [
    ((2021, 1), (2021, 12), "năm 2021"),
    ((2021, 1), (2021, 3), "quý I năm 2021"),
    ((2021, 4), (2021, 6), "quý II năm 2021"),
    ((2021, 7), (2021, 9), "quý III năm 2021"),
    ((2021, 10), (2021, 12), "quý IV năm 2021"),
    ((2021, 1), (2021, 6), "6 tháng đầu năm 2021"),
    ((2021, 7), (2021, 12), "6 tháng cuối năm 2021"),
    ((2021, 1), (2021, 1), "tháng 01 năm 2021"),
    ((2021, 2), (2021, 2), "tháng 02 năm 2021"),
    ((2021, 7), (2021, 7), "tháng 7 năm 2021"),
    ((2021, 12), (2021, 12), "tháng 12 năm 2021"),
    ((2017, 1), (2020, 6), "từ tháng 01/2017 đến tháng 06/2020"),
    ((2021, 2), (2021, 4), "từ tháng 02/2021 đến tháng 04/2021"),
    ((2020, 1), (2021, 12), "từ tháng 01/2020 đến tháng 12/2021"),
    ((2020, 10), (2021, 3), "từ tháng 10/2020 đến tháng 03/2021"),
])
def test_period_label(first, last, expected):
    assert period_label(first, last) == expected


@pytest.mark.parametrize("first, last", [
    ((2021, 6), (2021, 1)),
    ((2021, 0), (2021, 3)),
    ((2021, 1), (2021, 13)),
])
def test_period_label_invalid(first, last):
    with pytest.raises(ValueError):
        period_label(first, last)


@pytest.mark.parametrize("options, kind, number, code, label", [
    (dict(year=2021), "year", 0, "2021", "năm 2021"),
    (dict(year=2021, months=12), "year", 0, "2021", "năm 2021"),
    (dict(year=2021, half=2), "half", 2, "2021-H2", "6 tháng cuối năm 2021"),
    (dict(year=2021, quarter=3), "quarter", 3, "2021-Q3", "quý III năm 2021"),
    (dict(year=2021, month=5), "month", 5, "2021-05", "tháng 5 năm 2021"),
    (dict(year=2025, months=9), "months", 9, "2025-01..2025-09", "9 tháng đầu năm 2025"),
    (dict(start="01/2017", end="06/2020"), "range", 0, "2017-01..2020-06", "từ tháng 01/2017 đến tháng 06/2020"),
    (dict(start="11/2020", end="01/2021"), "range", 0, "2020-11..2021-01", "từ tháng 11/2020 đến tháng 01/2021"),
])
def test_a_period_knows_its_kind(options, kind, number, code, label):
    from rehabstat.common.periods import make_period, period_between
    period = make_period(**options)
    assert (period.kind, period.number, period.code, period.label) == (kind, number, code, label)
    again = period_between(period.first, period.last)
    assert (again.kind, again.code) == (kind, code)


def test_only_periods_py_tells_a_quarter_from_a_half():
    """The months of a quarter (m % 3 == 1, m + 2) and of a half ((1, 6), (7, 12)) are
    tested in periods.period_kind alone: everywhere else asks Period.kind."""
    from pathlib import Path
    root = Path(__file__).resolve().parents[1] / "rehabstat"
    shapes = re.compile(r"% 3 == 1|(==|in) \(+(1, 6|7, 12|1, 12)\)")
    found = sorted(str(p.relative_to(root)) for p in root.rglob("*.py")
                   if "synth" not in p.parts and shapes.search(p.read_text(encoding="utf-8")))
    assert found == ["common/periods.py"]
