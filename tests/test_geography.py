"""The 2025 province table (data file) and name → province-as-of-a-date mapping."""
import datetime as dt

import pandas as pd
import pytest

from rehabstat.settings import geography as g

AFTER, BEFORE = dt.date(2025, 12, 31), dt.date(2025, 6, 30)
THE_34 = ["Tuyên Quang", "Cao Bằng", "Lai Châu", "Lào Cai", "Thái Nguyên", "Điện Biên", "Lạng Sơn", "Sơn La",
          "Phú Thọ", "Bắc Ninh", "Quảng Ninh", "Hà Nội", "Hải Phòng", "Hưng Yên", "Ninh Bình", "Thanh Hóa",
          "Nghệ An", "Hà Tĩnh", "Quảng Trị", "Huế", "Đà Nẵng", "Quảng Ngãi", "Gia Lai", "Đắk Lắk", "Khánh Hòa",
          "Lâm Đồng", "Đồng Nai", "Tây Ninh", "Hồ Chí Minh", "Đồng Tháp", "An Giang", "Vĩnh Long", "Cần Thơ",
          "Cà Mau"]
THE_63 = ["Hà Giang", "Tuyên Quang", "Cao Bằng", "Lai Châu", "Yên Bái", "Lào Cai", "Bắc Kạn", "Thái Nguyên",
          "Điện Biên", "Lạng Sơn", "Sơn La", "Vĩnh Phúc", "Hòa Bình", "Phú Thọ", "Bắc Giang", "Bắc Ninh",
          "Quảng Ninh", "Hà Nội", "Hải Dương", "Hải Phòng", "Thái Bình", "Hưng Yên", "Hà Nam", "Nam Định",
          "Ninh Bình", "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Quảng Bình", "Quảng Trị", "Thừa Thiên Huế",
          "Quảng Nam", "Đà Nẵng", "Kon Tum", "Quảng Ngãi", "Bình Định", "Gia Lai", "Phú Yên", "Đắk Lắk",
          "Ninh Thuận", "Khánh Hòa", "Đắk Nông", "Bình Thuận", "Lâm Đồng", "Bình Phước", "Đồng Nai", "Long An",
          "Tây Ninh", "Bình Dương", "Bà Rịa - Vũng Tàu", "Hồ Chí Minh", "Tiền Giang", "Đồng Tháp", "Kiên Giang",
          "An Giang", "Bến Tre", "Trà Vinh", "Vĩnh Long", "Sóc Trăng", "Hậu Giang", "Cần Thơ", "Bạc Liêu",
          "Cà Mau"]
# Nghị quyết 202/2025/QH15, Điều 1: every merger, new name first (written out here
# independently of the data file, so a slip in either is caught)
MERGERS = {
    "Tuyên Quang": {"Hà Giang", "Tuyên Quang"}, "Lào Cai": {"Yên Bái", "Lào Cai"},
    "Thái Nguyên": {"Bắc Kạn", "Thái Nguyên"}, "Phú Thọ": {"Vĩnh Phúc", "Hòa Bình", "Phú Thọ"},
    "Bắc Ninh": {"Bắc Giang", "Bắc Ninh"}, "Hưng Yên": {"Thái Bình", "Hưng Yên"},
    "Hải Phòng": {"Hải Dương", "Hải Phòng"}, "Ninh Bình": {"Hà Nam", "Nam Định", "Ninh Bình"},
    "Quảng Trị": {"Quảng Bình", "Quảng Trị"}, "Đà Nẵng": {"Quảng Nam", "Đà Nẵng"},
    "Quảng Ngãi": {"Kon Tum", "Quảng Ngãi"}, "Gia Lai": {"Bình Định", "Gia Lai"},
    "Khánh Hòa": {"Ninh Thuận", "Khánh Hòa"}, "Lâm Đồng": {"Đắk Nông", "Bình Thuận", "Lâm Đồng"},
    "Đắk Lắk": {"Phú Yên", "Đắk Lắk"}, "Hồ Chí Minh": {"Bình Dương", "Bà Rịa - Vũng Tàu", "Hồ Chí Minh"},
    "Đồng Nai": {"Bình Phước", "Đồng Nai"}, "Tây Ninh": {"Long An", "Tây Ninh"},
    "Cần Thơ": {"Sóc Trăng", "Hậu Giang", "Cần Thơ"}, "Vĩnh Long": {"Bến Tre", "Trà Vinh", "Vĩnh Long"},
    "Đồng Tháp": {"Tiền Giang", "Đồng Tháp"}, "Cà Mau": {"Bạc Liêu", "Cà Mau"},
    "An Giang": {"Kiên Giang", "An Giang"},
}
UNCHANGED = {"Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa", "Nghệ An",
             "Hà Tĩnh", "Cao Bằng"}


def test_table_is_63_to_34():
    geo = g.geography()
    assert geo.effective == dt.date(2025, 7, 1) and "202/2025/QH15" in geo.source
    assert sorted(p.name for p in geo.new) == sorted(THE_34) and len(geo.new) == 34
    assert sorted(p.name for p in geo.old) == sorted(THE_63) and len(geo.old) == 63
    members = [m for p in geo.new for m in p.members]
    assert sorted(members) == sorted(THE_63)  # every old province in exactly one new one
    assert {p.name: set(p.members) for p in geo.new if p.merged} == MERGERS
    kept = {p.name for p in geo.new if not p.merged}
    assert kept == UNCHANGED and len(kept) == 11
    cities = sorted(p.name for p in geo.new if p.kind == "thành phố")
    assert cities == sorted(["Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ"])


@pytest.mark.parametrize("old", THE_63)
def test_every_old_province_maps_to_one_new(old):
    new = g.province_at(old, AFTER)
    assert new in THE_34
    assert g.province_at(old, BEFORE) == old
    assert sum(old in p.members for p in g.geography().new) == 1


@pytest.mark.parametrize("spelling", ["TP. Hà Nội", "Thành phố Hà Nội", "Ha Noi", "HÀ NỘI", "tp hà nội", "Hà  Nội"])
def test_spellings(spelling):
    assert g.province_at(spelling, AFTER) == "Hà Nội" == g.province_at(spelling, BEFORE)


def test_as_of_a_date():
    assert g.province_at("Tỉnh Nam Định", AFTER) == "Ninh Bình"
    assert g.province_at("Tỉnh Nam Định", BEFORE) == "Nam Định"
    assert g.province_at("Nam Dinh", dt.date(2025, 7, 1)) == "Ninh Bình"  # the first day of the new provinces
    assert g.province_at("Bà Rịa - Vũng Tàu", AFTER) == "Hồ Chí Minh"
    assert g.province_at("BR-VT", AFTER) == "Hồ Chí Minh" and g.province_at("BR-VT", BEFORE) == "Bà Rịa - Vũng Tàu"
    assert g.province_at("Thừa Thiên Huế", AFTER) == "Huế" and g.province_at("TP. Huế", BEFORE) == "Thừa Thiên Huế"
    r = g.resolve("Nam Định", AFTER)
    assert r.known and r.old.name == "Nam Định" and r.province.full == "tỉnh Ninh Bình"
    assert g.resolve("Ninh Bình", AFTER).old is None  # a new name is not a mapping


def test_unknown_name_and_closest():
    r = g.resolve("Tỉnh Nam Đinhh", AFTER)
    assert not r.known and r.name == "Nam Đinhh"
    assert g.geography().closest("Nam Đinhh")[0] == "Nam Định"
    assert "Ninh Bình" in g.geography().closest("Ninh Binhh")


def test_scope_sentence():
    geo = g.geography()
    assert geo.scope("Ninh Bình", AFTER, dt.date(2025, 1, 1)) == \
        "tỉnh Ninh Bình (gồm các tỉnh Hà Nam, Nam Định, Ninh Bình trước ngày 01/07/2025)"
    assert geo.scope("Ninh Bình", AFTER, dt.date(2025, 7, 1)) == "tỉnh Ninh Bình"  # after the merger: nothing to say
    assert geo.scope("Sơn La", AFTER, dt.date(2025, 1, 1)) == "tỉnh Sơn La"
    assert geo.scope("Hồ Chí Minh", AFTER, dt.date(2025, 1, 1)) == \
        "thành phố Hồ Chí Minh (gồm tỉnh Bình Dương, tỉnh Bà Rịa - Vũng Tàu, thành phố Hồ Chí Minh trước ngày 01/07/2025)"


def test_parse_as_of():
    assert g.parse_as_of("31/12/2025") == AFTER and g.parse_as_of("2025-06-30") == BEFORE and g.parse_as_of(None) is None
    from rehabstat.common.errors import PeriodError
    with pytest.raises(PeriodError):
        g.parse_as_of("31/13/2025")


def test_unit_provinces_nearest_workbook():
    files = pd.DataFrame({
        "file": ["a1", "a2", "b1", "c1"], "unit": ["ND01", "ND01", "NB01", "XX01"],
        "province": ["Nam Định", "Ninh Bình", "Ninh Bình", "Tỉnh Hà Tây"],
        "year": [2025, 2025, 2025, 2025], "month": [6, 7, 3, 3]})
    assert g.unit_provinces(files, AFTER) == {"ND01": "Ninh Bình", "NB01": "Ninh Bình", "XX01": "Hà Tây"}
    # in the old geography the Nam Định facility is read from its June workbook, not July's
    assert g.unit_provinces(files, BEFORE) == {"ND01": "Nam Định", "NB01": "Ninh Bình", "XX01": "Hà Tây"}
    notes = g.mapping_notes(files, AFTER)
    assert any("(Nam Định) được tính vào tỉnh Ninh Bình" in n.shown("vi") for n in notes)
    assert any("(Nam Định) count in Ninh Bình" in n.shown("en") for n in notes)
    assert any("'Tỉnh Hà Tây' không phải tên tỉnh" in n.shown("vi") for n in notes)


def test_the_national_generators_63_provinces_are_the_table_s_63():
    """An independent list (the benchmark generator's, written for 2021) names the same 63."""
    from rehabstat.synth.national import PROVINCES
    names = [n for n, _, _ in PROVINCES]
    assert all(g.resolve(n, dt.date(2021, 12, 31)).known for n in names)
    assert len({g.province_at(n, dt.date(2021, 12, 31)) for n in names}) == 63
    assert len({g.province_at(n, AFTER) for n in names}) == 34


from hypothesis import given, settings, strategies as st  # noqa: E402


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(THE_63), st.sampled_from(["", "Tỉnh ", "tinh ", "Thành phố ", "TP. ", "tp.", "  "]),
       st.sampled_from(["keep", "upper", "lower", "ascii", "nospace"]))
def test_any_spelling_of_an_old_province_maps_like_its_name(name, prefix, style):
    import unicodedata
    text = {"keep": name, "upper": name.upper(), "lower": name.lower(),
            "ascii": "".join(c for c in unicodedata.normalize("NFKD", name.replace("đ", "d").replace("Đ", "D"))
                             if not unicodedata.combining(c)),
            "nospace": name.replace(" ", "")}[style]
    assert g.province_at(prefix + text, AFTER) == g.province_at(name, AFTER)
    assert g.province_at(prefix + text, BEFORE) == name
