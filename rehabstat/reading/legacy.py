"""Vietnamese text typed in the legacy 8-bit encodings TCVN3 (ABC, fonts .VnTime/.VnTimeH) and
VNI (VNI-Windows, fonts VNI-Times), as a workbook holds it: every byte became the character
Windows code page 1252 gives it ("Sĩ số" typed in .VnTime is stored as "SÜ sè").

TCVN3 is one byte per letter. VNI writes a base letter followed by a mark byte ("ệ" is
"e" + "ä"), plus a few letters of one byte (ơ "ô", ư "ö", đ "ñ", and the i's). TCVN3 has
no capitals with a tone mark (.VnTimeH draws the small codes as capitals): they decode to
small letters, which changes nothing for matching (names are compared case-folded).

The reader decodes a workbook only where decoding makes its sheet names and headers match
(see reader); these functions only convert text.
"""
from __future__ import annotations

# ---------------------------------------------------------------- TCVN3

_TCVN3_PAIRS = (
    "µà ¸á ¶ả ·ã ¹ạ ¨ă »ằ ¾ắ ¼ẳ ½ẵ Æặ ©â Çầ Êấ Èẩ Éẫ Ëậ ®đ Ìè Ðé Îẻ Ïẽ Ñẹ ªê Òề Õế Óể Ôễ Öệ "
    "×ì Ýí Øỉ Üĩ Þị ßò ãó áỏ âõ äọ «ô åồ èố æổ çỗ éộ ¬ơ êờ íớ ëở ìỡ îợ ïù óú ñủ òũ ôụ "
    "\u00adư õừ øứ öử ÷ữ ùự úỳ ýý ûỷ üỹ þỵ ¡Ă ¢Â §Đ £Ê ¤Ô ¥Ơ ¦Ư"
)
TCVN3_TO_UNICODE: dict[str, str] = {p[0]: p[1] for p in _TCVN3_PAIRS.split(" ")}
UNICODE_TO_TCVN3 = {u: t for t, u in TCVN3_TO_UNICODE.items()}
_TCVN3_TABLE = str.maketrans(TCVN3_TO_UNICODE)


def decode_tcvn3(text: str) -> str:
    return text.translate(_TCVN3_TABLE)


def encode_tcvn3(text: str) -> str:
    """Unicode → TCVN3 as a workbook stores it (capitals with a tone mark become small, as
    with .VnTimeH); for tests and fixtures."""
    out = []
    for ch in text:
        if ch in UNICODE_TO_TCVN3:
            out.append(UNICODE_TO_TCVN3[ch])
        elif ch.lower() in UNICODE_TO_TCVN3 and not ch.isascii():
            out.append(UNICODE_TO_TCVN3[ch.lower()])
        else:
            out.append(ch)
    return "".join(out)


# ---------------------------------------------------------------- VNI

# mark bytes after a base vowel: (small mark, capital mark) → what it adds
_TONES = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}  # sắc huyền hỏi ngã nặng
_CIRC = {"â": "", "á": "\u0301", "à": "\u0300", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}  # ^ + tone
_BREVE = {"ê": "", "é": "\u0301", "è": "\u0300", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}  # ˘ + tone (a only)
# letters of one byte
_SINGLE = {"ô": "ơ", "ö": "ư", "ñ": "đ", "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ",
           "Ô": "Ơ", "Ö": "Ư", "Ñ": "Đ", "Í": "Í", "Ì": "Ì", "Æ": "Ỉ", "Ó": "Ĩ", "Ò": "Ị", "Î": "Ỵ"}


def _compose(base: str, *marks: str) -> str:
    import unicodedata
    return unicodedata.normalize("NFC", base + "".join(marks))


def _vni_tables():
    decode: dict[str, str] = {}  # two-character sequence → letter
    for base in "aeouyAEOUY":
        for mark, tone in _TONES.items():
            decode[base + (mark if base.islower() else mark.upper())] = _compose(base, tone)
    for base in "aeoAEO":
        for mark, tone in _CIRC.items():
            decode[base + (mark if base.islower() else mark.upper())] = _compose(base, "\u0302", tone)
    for base in "aA":
        for mark, tone in _BREVE.items():
            decode[base + (mark if base.islower() else mark.upper())] = _compose(base, "\u0306", tone)
    for base, letter in (("ô", "ơ"), ("ö", "ư"), ("Ô", "Ơ"), ("Ö", "Ư")):
        for mark, tone in _TONES.items():
            decode[base + (mark if base.islower() else mark.upper())] = _compose(letter, tone)
    return decode


VNI_PAIRS = _vni_tables()
# a small mark after a capital base (typed with caps lock off for the mark) reads the same
for _k, _v in list(VNI_PAIRS.items()):
    if _k[0].isupper():
        VNI_PAIRS.setdefault(_k[0] + _k[1].lower(), _v)
UNICODE_TO_VNI = {u: k for k, u in VNI_PAIRS.items() if not (k[0].isupper() and k[1].islower())}
UNICODE_TO_VNI.update({u: k for k, u in _SINGLE.items() if k not in "íìÍÌ"})
VNI_MARKS = frozenset(k[1] for k in VNI_PAIRS)


def decode_vni(text: str) -> str:
    out = []
    i, n = 0, len(text)
    while i < n:
        pair = text[i:i + 2]
        if len(pair) == 2 and pair in VNI_PAIRS:
            out.append(VNI_PAIRS[pair])
            i += 2
            continue
        ch = text[i]
        out.append(_SINGLE.get(ch, ch))
        i += 1
    return "".join(out)


def encode_vni(text: str) -> str:
    """Unicode → VNI as a workbook stores it; for tests and fixtures."""
    return "".join(UNICODE_TO_VNI.get(ch, ch) for ch in text)


# ---------------------------------------------------------------- detection

DECODERS = {"TCVN3": decode_tcvn3, "VNI": decode_vni}
ENCODING_NAMES = {"TCVN3": "TCVN3 (ABC, phông .VnTime)", "VNI": "VNI (phông VNI-Times)"}
_LEGACY_CHARS = frozenset(TCVN3_TO_UNICODE) | VNI_MARKS | frozenset(_SINGLE)


# Latin-1 letters that Unicode Vietnamese uses too: their presence says nothing
_VIETNAMESE_LATIN1 = frozenset("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")
_LEGACY_ONLY = _LEGACY_CHARS - _VIETNAMESE_LATIN1


def may_be_legacy(text: str) -> bool:
    """Whether text holds a character that only a legacy encoding would put in Vietnamese
    text ("Ü" of "SÜ sè", "ñ" and "ø" of VNI's "Ñaàu kyø"); a cheap gate before trying."""
    return not text.isascii() and not _LEGACY_ONLY.isdisjoint(text)


def decode_cell(text: str, encoding: str) -> str:
    """Decode one cell of a workbook known to use `encoding`. A cell holding a character the
    encoding cannot have written (ơ, ư, ạ ... typed later in Unicode) is left as it is."""
    if text.isascii():
        return text
    for ch in text:
        if ord(ch) > 0xFF and ch not in "\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u20ac":
            return text  # already Unicode Vietnamese
    return DECODERS[encoding](text)
