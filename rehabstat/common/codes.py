"""The domain vocabulary: categories, event types, the SoLieu catalogue, and name matching.

Every code here is the stable Vietnamese domain code used in data and machine output.
Labels are what a clerk may write instead of the code (matched without diacritics).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# ---------------------------------------------------------------- normalisation


def norm_key(text: object) -> str:
    """Normalise a header, sheet name or code: diacritics removed (đ→d), case folded,
    spaces and punctuation removed. "Biến động", "BIEN DONG", "bien_dong", "BienDong" → "biendong"."""
    s = str(text or "").replace("đ", "d").replace("Đ", "D")
    long = len(s) > KEY_TEXT and len(s := s.strip()) > KEY_TEXT
    if long:  # no name or label is this long: keyed on its start, marked so that it matches nothing
        s = s[:KEY_TEXT]
    if not s.isascii():  # diacritics split off (NFKD) and dropped with everything else not ASCII
        s = unicodedata.normalize("NFKD", s).casefold().encode("ascii", "ignore").decode("ascii")
    return _NOT_KEY.sub("", s.casefold()) + ("~" if long else "")


KEY_TEXT = 1000
_NOT_KEY = re.compile(r"[^0-9a-z]+")


_UNIT_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015\u2212]+")


def unit_code(value: object) -> str:
    """A facility code as compared everywhere: spaces, hyphens and invisible characters
    (zero-width spaces, BOM, soft hyphen) removed, capitals. "ND 01", "nd-01" and "ND\u200b01"
    are all "ND01". A number typed as a code reads without ".0"."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = "".join(ch for ch in str(value or "") if unicodedata.category(ch) != "Cf")
    return _UNIT_SEPARATORS.sub("", text).upper()


def province_key(name: object) -> str:
    """A province name for matching: "TP. Hà Nội", "Thành phố Hà Nội" and "ha noi" → "hanoi";
    "Tỉnh Sơn La" → "sonla". Old and new names are different keys (never a hard-coded list)."""
    key = norm_key(name)
    for prefix in ("thanhpho", "tinh", "tp"):
        if key.startswith(prefix) and len(key) > len(prefix) + 2:
            return key[len(prefix):]
    return key


# ---------------------------------------------------------------- categories

@dataclass(frozen=True)
class Category:
    code: str
    label: str  # as written in prose: "bắt buộc"
    short: str  # as written in tables: "Bắt buộc"
    aliases: tuple[str, ...] = ()


CATEGORIES: dict[str, Category] = {c.code: c for c in (
    Category("BB", "bắt buộc", "Bắt buộc", ("cai nghiện bắt buộc", "cai nghien bat buoc", "CNBB")),
    Category("TN", "tự nguyện", "Tự nguyện", ("cai nghiện tự nguyện", "CNTN")),
    Category("HTCC", "hỗ trợ cắt cơn", "Hỗ trợ cắt cơn", ("cắt cơn", "hỗ trợ điều trị cắt cơn")),
    Category("XDTTN", "xác định tình trạng nghiện", "Xác định TTN", ("XĐTTN", "xác định tình trạng nghiện ma túy")),
    Category("LTTT", "lưu trú tạm thời", "Lưu trú tạm thời", ("lưu trú",)),
    Category("MET", "điều trị Methadone", "Methadone", ("Methadone", "điều trị methadone", "methadon")),
)}
LEARNER_CATEGORIES = ("BB", "TN", "HTCC", "XDTTN", "LTTT")  # summed into HV
ALL_CATEGORIES = LEARNER_CATEGORIES + ("MET",)
TOTAL_HV = "HV"
TOTAL_ALL = "ALL"

# ---------------------------------------------------------------- event types

@dataclass(frozen=True)
class EventType:
    code: str
    label: str
    sign: int  # effect on the stock of the row's category
    allowed: frozenset[str]
    aliases: tuple[str, ...] = ()


_NOT_MET = frozenset(ALL_CATEGORIES) - {"MET"}
_ALL = frozenset(ALL_CATEGORIES)
EVENT_TYPES: dict[str, EventType] = {e.code: e for e in (
    EventType("TIEP_NHAN", "Tiếp nhận", +1, _ALL, ("tiếp nhận mới", "vào", "admission")),
    EventType("BAT_LAI", "Bắt lại / quay lại sau trốn", +1, _NOT_MET, ("bắt lại", "quay lại", "bắt quay trở lại", "recapture")),
    EventType("CHUYEN_DEN", "Chuyển đến", +1, _ALL, ("transfer in",)),
    EventType("HOAN_THANH", "Hoàn thành, về địa phương", -1, _NOT_MET, ("hoàn thành", "về địa phương", "discharge")),
    EventType("TRON", "Trốn", -1, _NOT_MET, ("bỏ trốn", "escape")),
    EventType("TAM_DINH_CHI", "Tạm đình chỉ, bàn giao công an", -1, _NOT_MET, ("tạm đình chỉ", "bàn giao công an", "suspension")),
    EventType("CHUYEN_DI", "Chuyển đi", -1, _ALL, ("transfer out",)),
    EventType("TU_VONG", "Tử vong", -1, _ALL, ("chết", "death")),
    EventType("BO_DIEU_TRI", "Bỏ điều trị", -1, frozenset({"MET"}), ("drop-out", "dropout")),
    EventType("RA_KHAC", "Ra khỏi chương trình / ra khác", -1, _ALL, ("ra khỏi chương trình", "ra khác", "other exit")),
    EventType("CHUYEN_DIEN", "Chuyển diện", -1, _NOT_MET, ("change of category",)),
)}
INFLOWS = ("TIEP_NHAN", "BAT_LAI", "CHUYEN_DEN", "CHUYEN_DIEN_DEN")
OUTFLOWS = ("HOAN_THANH", "TRON", "TAM_DINH_CHI", "CHUYEN_DI", "TU_VONG", "BO_DIEU_TRI", "RA_KHAC", "CHUYEN_DIEN_DI")

# The category table of the documents and workbooks (rows: indicator, label, bold; columns):
# report.py (the BC's table), national.py (the national workbook).
TABLE_CATEGORIES = ("BB", "TN", "HTCC", "XDTTN", "LTTT", "HV", "MET", "ALL")
TABLE_ROWS = (
    ("DAU_KY", "Đầu kỳ (chuyển sang)", True),
    ("TIEP_NHAN", "Tiếp nhận", False),
    ("BAT_LAI", "Bắt lại, quay lại", False),
    ("CHUYEN_DEN", "Chuyển đến", False),
    ("CHUYEN_DIEN_DEN", "Chuyển diện đến", False),
    ("HOAN_THANH", "Hoàn thành, về địa phương", False),
    ("TRON", "Trốn (lượt)", False),
    ("TAM_DINH_CHI", "Tạm đình chỉ, bàn giao công an", False),
    ("CHUYEN_DI", "Chuyển đi", False),
    ("TU_VONG", "Tử vong", False),
    ("BO_DIEU_TRI", "Bỏ điều trị", False),
    ("RA_KHAC", "Ra khỏi chương trình, ra khác", False),
    ("CHUYEN_DIEN_DI", "Chuyển diện đi", False),
    ("CUOI_KY", "Cuối kỳ (đang quản lý)", True),
    ("CO_MAT", "Trong đó: có mặt", False),
    ("VANG_MAT", "vắng mặt", False),
)
ALWAYS_ROWS = {"DAU_KY", "TIEP_NHAN", "HOAN_THANH", "CUOI_KY", "CO_MAT", "VANG_MAT"}

# ---------------------------------------------------------------- SoLieu catalogue

@dataclass(frozen=True)
class Figure:
    code: str
    label: str
    measure: str  # unit of measure: lượt, ca, người, đồng...
    kind: str  # 'flow' (summed over months) or 'stock' (last value of the period)


FIGURES: dict[str, Figure] = {f.code: f for f in (
    Figure("KHAM_BENH", "Lượt khám bệnh", "lượt", "flow"),
    Figure("DIEU_TRI_BENH", "Ca bệnh được điều trị", "ca", "flow"),
    Figure("SANG_LOC_LAO", "Lượt khám sàng lọc lao", "lượt", "flow"),
    Figure("MAU_DOM_LAO", "Mẫu đờm nghi lao", "mẫu", "flow"),
    Figure("XN_HIV", "Mẫu xét nghiệm HIV", "mẫu", "flow"),
    Figure("HIV_QUAN_LY", "Học viên nhiễm HIV đang quản lý", "người", "stock"),
    Figure("DIEU_TRI_ARV", "Học viên điều trị ARV", "người", "stock"),
    Figure("GIAO_DUC_BUOI", "Buổi giáo dục, tuyên truyền", "buổi", "flow"),
    Figure("GIAO_DUC_LUOT", "Lượt học viên giáo dục, tuyên truyền", "lượt", "flow"),
    Figure("TU_VAN_BUOI", "Buổi tư vấn tái hòa nhập", "buổi", "flow"),
    Figure("TU_VAN_LUOT", "Lượt học viên tư vấn tái hòa nhập", "lượt", "flow"),
    Figure("REN_LUYEN_BUOI", "Buổi rèn luyện thể chất", "buổi", "flow"),
    Figure("REN_LUYEN_LUOT", "Lượt học viên rèn luyện thể chất", "lượt", "flow"),
    Figure("DAY_NGHE_LOP", "Lớp dạy nghề", "lớp", "flow"),
    Figure("DAY_NGHE", "Học viên học nghề", "người", "flow"),
    Figure("CHUNG_CHI", "Học viên được cấp chứng chỉ", "người", "flow"),
    Figure("TU_VAN_VIEC_LAM", "Lượt tư vấn việc làm", "lượt", "flow"),
    Figure("THAM_GAP", "Lượt thân nhân thăm gặp", "lượt", "flow"),
    Figure("VI_PHAM", "Lượt vi phạm nội quy", "lượt", "flow"),
    Figure("THAM_LAU", "Vụ thẩm lậu bị ngăn chặn", "vụ", "flow"),
    Figure("DOANH_THU", "Doanh thu lao động trị liệu", "đồng", "flow"),
    Figure("CHI_PHI", "Chi phí lao động trị liệu", "đồng", "flow"),
    # seed 004's education and re-integration paragraph
    Figure("GIAO_DUC_CHUYEN_DE", "Học viên được giáo dục chuyên đề", "người", "flow"),
    Figure("GIAO_DUC_CHUNG_NHAN", "Học viên đủ điều kiện cấp giấy chứng nhận", "người", "flow"),
    Figure("TU_VAN_CA_BIET_BUOI", "Buổi tư vấn giáo dục cá biệt", "buổi", "flow"),
    Figure("TU_VAN_CA_BIET", "Học viên được tư vấn cá biệt", "người", "flow"),
    Figure("HOA_NHAP_LUOT", "Lượt hoạt động hòa nhập cộng đồng", "lượt", "flow"),
    Figure("HUONG_NGHIEP", "Lượt tư vấn hướng nghiệp", "lượt", "flow"),
    Figure("TU_VAN_HOC_NGHE", "Học viên được tư vấn học nghề", "người", "flow"),
)}

# Figures of the province workbook (spec/input-format.md, "The province workbook"): what
# happens outside the facilities. Extended where the seeds need it (marked *).
PROVINCE_FIGURES: dict[str, Figure] = {f.code: f for f in (
    Figure("CAI_NGHIEN_GIA_DINH", "Cai nghiện ma túy tại gia đình", "người", "flow"),
    Figure("CAI_NGHIEN_CONG_DONG", "Cai nghiện ma túy tại cộng đồng", "người", "flow"),
    Figure("SAU_CAI_CU_TRU", "Quản lý sau cai nghiện tại nơi cư trú", "người", "stock"),
    Figure("NGHIEN_CO_HO_SO", "Người nghiện ma túy có hồ sơ quản lý", "người", "stock"),
    Figure("MET_CONG_DONG", "Bệnh nhân Methadone tại các cơ sở điều trị ngoài cơ sở cai nghiện", "người", "stock"),
    Figure("TAP_HUAN", "Lượt cán bộ được tập huấn", "lượt", "flow"),
    Figure("CAN_BO", "Cán bộ làm công tác dự phòng, điều trị nghiện", "người", "stock"),  # *
    Figure("CAN_BO_TAP_HUAN", "Cán bộ được tập huấn", "người", "stock"),  # * distinct persons
    Figure("TUYEN_TRUYEN_HUYEN", "Huyện, thành phố được tuyên truyền", "đơn vị", "stock"),
    Figure("HUYEN", "Huyện, thành phố của tỉnh", "đơn vị", "stock"),
    Figure("TUYEN_TRUYEN_XA", "Xã, phường, thị trấn được tuyên truyền", "đơn vị", "stock"),
    Figure("XA", "Xã, phường, thị trấn của tỉnh", "đơn vị", "stock"),
    Figure("TUYEN_TRUYEN_LUOT", "Lượt người tham dự tuyên truyền", "lượt", "flow"),  # *
    Figure("TO_ROI", "Tờ rơi", "tờ", "flow"),
    Figure("AP_PHICH", "Áp phích", "tờ", "flow"),
    Figure("SO_TAY", "Sổ tay", "quyển", "flow"),
    Figure("DAU_TU", "Vốn đầu tư cơ sở vật chất, trang thiết bị", "đồng", "flow"),
)}
# Indicators derived from the province figures (computed, never written), for targets:
# CAI_NGHIEN_GD_CD = family + community treatment ("300 lượt cai nghiện tại gia đình, cộng
# đồng"); TY_LE_XA_TUYEN_TRUYEN = TUYEN_TRUYEN_XA / XA (%); TY_LE_TAP_HUAN = CAN_BO_TAP_HUAN /
# CAN_BO (%).
PROVINCE_DERIVED: dict[str, Figure] = {f.code: f for f in (
    Figure("CAI_NGHIEN_GD_CD", "Cai nghiện ma túy tại gia đình, cộng đồng", "người", "flow"),
    Figure("TY_LE_XA_TUYEN_TRUYEN", "Tỷ lệ xã, phường, thị trấn được tuyên truyền", "%", "rate"),
    Figure("TY_LE_TAP_HUAN", "Tỷ lệ cán bộ làm công tác dự phòng, điều trị nghiện được tập huấn", "%", "rate"),
)}

# Indicators computed from the figures (revenue split); not written by clerks.
REVENUE_INDICATORS = ("LOI_NHUAN", "TRICH_CCTL", "QUY_KHEN_THUONG", "QUY_PHUC_LOI", "QUY_PHAT_TRIEN", "QUY_DU_PHONG")

# ---------------------------------------------------------------- lookups


def _index(items, extra=lambda x: ()):
    table: dict[str, str] = {}
    for item in items:
        for name in (item.code, item.label, *item.aliases, *extra(item)):
            table.setdefault(norm_key(name), item.code)
    return table


_CATEGORY_INDEX = _index(CATEGORIES.values(), lambda c: (c.short,))
_EVENT_INDEX = _index(EVENT_TYPES.values())
for _code, _ev in EVENT_TYPES.items():  # every part of "Hoàn thành, về địa phương" alone too
    for _part in re.split(r"[,/]", _ev.label):
        _EVENT_INDEX.setdefault(norm_key(_part), _code)


def category_code(text: object) -> str | None:
    """'BB', 'Bắt buộc', 'cai nghien bat buoc' → 'BB'; unknown → None."""
    return _CATEGORY_INDEX.get(norm_key(text))


def event_code(text: object) -> str | None:
    """'TRON', 'Trốn', 'tron' → 'TRON'; unknown → None."""
    return _EVENT_INDEX.get(norm_key(text))


def figure_code(text: object) -> str | None:
    key = norm_key(text)
    for code in FIGURES:
        if norm_key(code) == key:
            return code
    return None


def slug(text: str) -> str:
    """'Hà Nội' → 'Ha-Noi': an ASCII file-name part."""
    s = unicodedata.normalize("NFKD", str(text).replace("đ", "d").replace("Đ", "D"))
    s = "".join(c for c in s if not unicodedata.combining(c))
    return "-".join(w for w in re.split(r"[^0-9A-Za-z]+", s) if w)
