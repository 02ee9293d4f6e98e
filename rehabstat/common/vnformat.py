"""Vietnamese formatting: numbers, percentages, money (also in words), dates, labels.

The one module every document and table goes through, so that "1.659", "92,5%",
"5.122.732.200 đồng", "ngày 05 tháng 3 năm 2022" and "Số: 20/KH-CSĐTNTMT" are written
the same way everywhere (Nghị định 30/2020/NĐ-CP; docs: spec/document-format.md).

Pure Python, no dependencies.  Numeric arguments may be ``int``, ``float``,
``decimal.Decimal`` or anything with ``__index__`` (numpy integers) or ``__float__``
(numpy floats); strings are rejected.  Rounding is half-up (away from zero), done in
decimal on the shortest repr of a float, so 2.675 rounds to "2,68" as a reader expects.
"""

from __future__ import annotations

import datetime as _dt
import operator
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation

__all__ = [
    "number",
    "count",
    "percent",
    "rate",
    "money",
    "money_short",
    "number_words",
    "money_words",
    "date_text",
    "place_date",
    "short_date",
    "doc_number",
    "roman",
    "text_width",
    "balanced_lines",
]

THOUSANDS_SEP = "."
DECIMAL_SEP = ","
CURRENCY = "đồng"


# --------------------------------------------------------------------------- helpers

def _to_decimal(n) -> Decimal:
    """Any supported numeric value as an exact Decimal (floats via their shortest repr)."""
    if isinstance(n, (str, bytes, bytearray)) or n is None:
        raise TypeError(f"expected a number, got {type(n).__name__}: {n!r}")
    if isinstance(n, Decimal):
        d = n
    elif hasattr(n, "__index__"):  # int, bool, numpy integers
        d = Decimal(operator.index(n))
    else:
        try:
            f = float(n)
        except (TypeError, ValueError) as exc:
            raise TypeError(f"expected a number, got {type(n).__name__}: {n!r}") from exc
        d = Decimal(repr(f))
        if type(n) is not float:  # numpy float32/float16: their own shortest repr ("0.1", not 0.10000000149...)
            try:
                own = Decimal(str(n))
            except (InvalidOperation, ValueError):
                own = None
            try:
                same = own is not None and own.is_finite() and type(n)(str(own)) == n
            except (TypeError, ValueError, OverflowError):
                same = False
            if same:
                d = own
    if not d.is_finite():
        raise ValueError(f"cannot format a non-finite number: {n!r}")
    return d


def _round(d: Decimal, decimals: int) -> Decimal:
    # Exact whatever the size: a context with as many digits as the result needs
    # (the default 28 would refuse money_words(10**28)).
    digits = max(d.adjusted() + 1, 1) + max(decimals, 0) + 2
    try:
        return d.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP,
                          context=Context(prec=max(28, digits)))
    except InvalidOperation as exc:  # pragma: no cover - absurd number of decimals
        raise ValueError(f"cannot round {d} to {decimals} decimals") from exc


def _group_thousands(digits: str) -> str:
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i:i + 3] for i in range(head, len(digits), 3)]
    return THOUSANDS_SEP.join(parts)


def _format_decimal(d: Decimal, decimals: int | None) -> str:
    if decimals is not None:
        if decimals < 0:
            raise ValueError("decimals must be >= 0")
        d = _round(d, decimals)
        text = format(d.copy_abs(), "f")
    else:
        if d == d.to_integral_value():
            d = d.to_integral_value()
            text = format(d.copy_abs(), "f")
        else:
            text = format(d.copy_abs().normalize(Context(prec=len(d.as_tuple().digits))), "f")
    negative = d < 0  # -0 / values rounding to zero get no sign
    int_part, _, frac = text.partition(".")
    out = _group_thousands(int_part)
    if frac:
        out += DECIMAL_SEP + frac
    return ("-" if negative else "") + out


def _whole(n) -> int:
    """A number as a whole integer (half-up rounding), e.g. money in đồng; integers stay exact."""
    if hasattr(n, "__index__") and not isinstance(n, (str, bytes, bytearray)):
        return operator.index(n)
    return int(_round(_to_decimal(n), 0))


def _two(n: int) -> str:
    return f"{int(n):02d}"


def _month(m: int) -> str:
    """Month as written after "tháng": 01 and 02 zero-padded, the others not."""
    m = int(m)
    if not 1 <= m <= 12:
        raise ValueError(f"month out of range: {m}")
    return _two(m) if m <= 2 else str(m)


# --------------------------------------------------------------------------- numbers

def number(n, decimals: int | None = None) -> str:
    """Vietnamese number: 1659 -> "1.659"; 92.5 -> "92,5"; number(92.5, 2) -> "92,50".

    Without ``decimals`` an integer value is written without decimals and a fractional
    value with as many decimals as it has (trailing zeros dropped)."""
    if type(n) is int and decimals is None:
        return _int_text(n)
    return _format_decimal(_to_decimal(n), decimals)


def _int_text(n: int) -> str:
    """number() of a Python int, without the Decimal a fraction needs (a document's context
    formats a few hundred figures)."""
    return ("-" if n < 0 else "") + _group_thousands(str(abs(n)))


def count(n) -> str:
    """A count as in administrative prose: 1..9 take a leading zero ("06"); 0 -> "0"."""
    if type(n) is int:
        return _two(n) if 1 <= n <= 9 else _int_text(n)
    d = _to_decimal(n)
    if d == d.to_integral_value() and 1 <= d <= 9:
        return _two(int(d))
    return _format_decimal(d, None)


def percent(x) -> str:
    """A value already in percent: 92.5 -> "92,5%"; one decimal unless whole ("100%")."""
    d = _round(_to_decimal(x), 1)
    if d == d.to_integral_value():
        return _format_decimal(d, 0) + "%"
    return _format_decimal(d, 1) + "%"


def rate(actual, plan) -> str | None:
    """actual / plan as a percentage ("92,5%"), or None when plan (or actual) is missing
    or plan is zero."""
    if plan is None or actual is None:
        return None
    p = _to_decimal(plan)
    if p == 0:
        return None
    return percent(_to_decimal(actual) * 100 / p)


def money(n) -> str:
    """Whole đồng: 5122732200 -> "5.122.732.200 đồng"; -1500 -> "-1.500 đồng"."""
    return f"{number(_whole(n))} {CURRENCY}"


def money_short(n, lead_zero: bool = False) -> str:
    """Money in the short form of the seeds, where it is exact: 8_000_000_000 -> "8 tỷ
    đồng", 3_700_000_000 -> "3,7 tỷ đồng", 300_000_000 -> "300 triệu đồng"; with
    ``lead_zero`` a whole 1..9 takes a zero as counts do ("04 tỷ đồng", seed 003's list).
    An amount that has no exact short form (1.234.567 đồng) is written in full."""
    n = _whole(n)
    for unit, word, step, below in ((_BILLION, "tỷ", 10 ** 7, None), (10 ** 6, "triệu", 10 ** 5, _BILLION)):
        if abs(n) >= unit and n % step == 0 and (below is None or abs(n) < below):
            d = Decimal(n) / Decimal(unit)
            head = count(d) if lead_zero else _format_decimal(d, None)
            return f"{head} {word} {CURRENCY}"
    return money(n)


# --------------------------------------------------------------------------- in words

_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_BILLION = 10 ** 9


def _read_group(g: int, full: bool) -> list[str]:
    """Words of a group 1..999.  ``full``: a group below a higher one, read with its
    hundreds even when they are empty ("không trăm linh một")."""
    h, rest = divmod(g, 100)
    t, u = divmod(rest, 10)
    words: list[str] = []
    if full or h:
        words += [_DIGITS[h], "trăm"]
    if t == 0:
        if u:
            if words:
                words.append("linh")
            words.append(_DIGITS[u])
    elif t == 1:
        words.append("mười")
        if u:
            words.append("lăm" if u == 5 else _DIGITS[u])
    else:
        words += [_DIGITS[t], "mươi"]
        if u == 1:
            words.append("mốt")
        elif u == 4:
            words.append("tư")  # "hai mươi tư", as school textbooks and accountants write
        elif u == 5:
            words.append("lăm")
        elif u:
            words.append(_DIGITS[u])
    return words


def _read_below_billion(n: int, leading: bool) -> list[str]:
    words: list[str] = []
    for scale, name in ((10 ** 6, "triệu"), (10 ** 3, "nghìn"), (1, "")):
        g = n // scale % 1000
        if not g:
            continue  # empty groups are skipped entirely
        words += _read_group(g, full=leading)
        if name:
            words.append(name)
        leading = True
    return words


def _read(n: int, leading: bool = False) -> list[str]:
    if n >= _BILLION:  # "tỷ" repeats: 2*10^12 "hai nghìn tỷ", 10^18 "một tỷ tỷ"
        high, low = divmod(n, _BILLION)
        words = _read(high, leading) + ["tỷ"]
        if low:
            words += _read_below_billion(low, True)
        return words
    return _read_below_billion(n, leading)


def number_words(n) -> str:
    """A whole number in Vietnamese words, lower case: 1002015 -> "một triệu không trăm
    linh hai nghìn không trăm mười lăm"; 0 -> "không"; -15 -> "âm mười lăm"."""
    value = _whole(n)
    if value == 0:
        return _DIGITS[0]
    words = _read(abs(value))
    if value < 0:
        words = ["âm"] + words
    return " ".join(words)


def money_words(n) -> str:
    """Money in words for "(Bằng chữ: ...)": 5 -> "Năm đồng"; -15 -> "Âm mười lăm đồng"."""
    text = f"{number_words(n)} {CURRENCY}"
    return text[0].upper() + text[1:]


# --------------------------------------------------------------------------- dates

def date_text(d: _dt.date) -> str:
    """ "ngày 10 tháng 01 năm 2022", "ngày 05 tháng 3 năm 2022"."""
    return f"ngày {_two(d.day)} tháng {_month(d.month)} năm {d.year}"


def place_date(place: str, d: _dt.date | None = None, year: int | None = None) -> str:
    """ "Sơn La, ngày 10 tháng 01 năm 2022"; without a date (a draft the clerk dates by
    hand) "Sơn La, ngày     tháng     năm 2022" with ``year`` (default: this year)."""
    if d is not None:
        return f"{place}, {date_text(d)}"
    if year is None:
        year = _dt.date.today().year
    blank = " " * 5
    return f"{place}, ngày{blank}tháng{blank}năm {int(year)}"


def short_date(d: _dt.date) -> str:
    """dd/mm/yyyy, zero-padded: "01/01/2021"."""
    return f"{_two(d.day)}/{_two(d.month)}/{d.year:04d}"


# --------------------------------------------------------------------------- labels

def doc_number(number: int | None, doc_type: str, symbol: str) -> str:
    """ "Số: 20/KH-CSĐTNTMT", "Số: 05/KH-..."; unnumbered: "Số:      /BC-SLĐTBXH"."""
    num = " " * 6 if number is None else f"{operator.index(number):02d}"  # no "." in 1234
    sign = f"{doc_type}-{symbol}" if symbol else doc_type
    sep = "" if number is None else " "
    return f"Số:{sep}{num}/{sign}"


_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(n: int) -> str:
    """Roman numeral for headings and quarters: 1 -> "I", 4 -> "IV", 20 -> "XX"."""
    n = operator.index(n)
    if not 1 <= n <= 3999:
        raise ValueError(f"roman numeral out of range: {n}")
    out = []
    for value, sym in _ROMAN:
        k, n = divmod(n, value)
        out.append(sym * k)
    return "".join(out)


# --------------------------------------------------------------------------- line breaks

# Advance widths of Times New Roman (= Liberation Serif) capitals, in thousandths of an em
# (Adobe's Times-Roman / Times-Bold metrics); Vietnamese letters measure as their base letter.
_TIMES = {
    False: dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", (722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889,
                                                    722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611))),
    True: dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", (722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944,
                                                   722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667))),
}
_OTHER = {" ": 250, "-": 333, "–": 500, ".": 250, ",": 250, "(": 333, ")": 333, "/": 278}


def text_width(text: str, size_pt: float, bold: bool = False) -> float:
    """The width of a line in Times New Roman, in twips (1/20 pt): exact for capitals
    (the agency lines), a fair average (0,5 em) for other letters and digits."""
    import unicodedata
    table = _TIMES[bool(bold)]
    total = 0
    for ch in str(text):
        base = unicodedata.normalize("NFKD", ch.replace("đ", "d").replace("Đ", "D"))[:1] or ch
        total += table.get(base) or _OTHER.get(base, 500)
    return total / 1000 * size_pt * 20


# Vietnamese writes a word of two syllables as two "words": a line never breaks inside one
# of these (the agency lines: "ỦY BAN NHÂN / DÂN TỈNH SƠN LA" read wrong)
_COMPOUNDS = {tuple(w.split()) for w in (
    "ỦY BAN", "UỶ BAN", "NHÂN DÂN", "ĐIỀU TRA", "ĐIỀU TRỊ", "MA TÚY", "MA TUÝ", "CAI NGHIỆN", "LAO ĐỘNG",
    "THƯƠNG BINH", "XÃ HỘI", "CẢNH SÁT", "TỘI PHẠM", "CÔNG AN", "CƠ SỞ", "TỆ NẠN", "PHÒNG CHỐNG", "HỖ TRỢ",
    "BẢO TRỢ", "GIÁO DỤC", "QUẢN LÝ", "TRUNG TÂM", "CHÍNH PHỦ", "HÀNH CHÍNH", "BỘ ĐỘI", "BIÊN PHÒNG",
    "Y TẾ", "CHIẾN SĨ", "DÂN CỬ")}
_PLACE_WORDS = ("TỈNH", "THÀNH PHỐ", "TP.", "HUYỆN", "QUẬN", "THỊ XÃ", "XÃ", "PHƯỜNG")
_NOT_A_NAME = {"THUỘC", "VÀ", "VA", "-", "–", "SỐ"}


def _syllable_groups(words: list[str]) -> list[str]:
    """Words joined where a line must not break: two-syllable words (_COMPOUNDS) and a place
    with its name ("TỈNH SƠN LA", "THÀNH PHỐ HỒ CHÍ MINH": up to three syllables of name)."""
    upper = [w.upper() for w in words]
    out, i = [], 0
    while i < len(words):
        for place in _PLACE_WORDS:
            p = place.split()
            if upper[i:i + len(p)] == p and (place != "XÃ" or i == 0 or upper[i - 1] != "VÀ"):
                j = i + len(p)
                k = j
                while k < len(words) and k - j < 3 and upper[k] not in _NOT_A_NAME \
                        and (upper[k], upper[k + 1] if k + 1 < len(words) else "") not in _COMPOUNDS:
                    k += 1
                if k > j:
                    out.append(" ".join(words[i:k]))
                    i = k
                    break
        else:
            if i + 1 < len(words) and (upper[i], upper[i + 1]) in _COMPOUNDS:
                out.append(words[i] + " " + words[i + 1])
                i += 2
            else:
                out.append(words[i])
                i += 1
    return out


def balanced_lines(text: str, width_twips: float, size_pt: float, bold: bool = False) -> str:
    """`text` broken into as few lines as fit `width_twips`, the lines as even as can be,
    joined with "\n": "CƠ SỞ ĐIỀU TRỊ NGHIỆN MA TÚY" in a 3829-twip cell at 13 pt bold
    gives "CƠ SỞ ĐIỀU TRỊ\nNGHIỆN MA TÚY" rather than leaving "TÚY" alone on a line.
    Text that fits, a single word, or text already broken by its writer ("\n", e.g. in
    rehabstat.toml) is returned as it is."""
    if "\n" in str(text):
        return "\n".join(line.strip() for line in str(text).splitlines() if line.strip())
    words = _syllable_groups(str(text).split())
    if len(words) < 2 or text_width(" ".join(words), size_pt, bold) <= width_twips:
        return str(text)
    n = len(words)
    width = [[text_width(" ".join(words[i:j]), size_pt, bold) if j > i else 0.0 for j in range(n + 1)]
             for i in range(n + 1)]
    for k in range(2, n + 1):
        # best[j][m]: the least possible widest line, words[:j] in m lines
        inf = float("inf")
        best = [[inf] * (k + 1) for _ in range(n + 1)]
        cut = [[0] * (k + 1) for _ in range(n + 1)]
        best[0][0] = 0.0
        for m in range(1, k + 1):
            for j in range(1, n + 1):
                for i in range(m - 1, j):
                    w = max(best[i][m - 1], width[i][j])
                    if w < best[j][m]:
                        best[j][m], cut[j][m] = w, i
        if k == 2 and best[n][2] <= width_twips:
            # two lines: among the breaks nearly as even as the best (within 10 %), prefer
            # one before "VÀ" or after a dash ("SỞ LAO ĐỘNG - THƯƠNG BINH / VÀ XÃ HỘI ...")
            near = [i for i in range(1, n) if max(width[0][i], width[i][n]) <= min(width_twips, best[n][2] * 1.1)]
            nice = [i for i in near if words[i].upper() in ("VÀ", "VA") or words[i - 1] in ("-", "–")
                    or words[i].upper().startswith(("TỈNH ", "THÀNH PHỐ "))]
            if nice:
                i = min(nice, key=lambda i: max(width[0][i], width[i][n]))
                return " ".join(words[:i]) + "\n" + " ".join(words[i:])
        if best[n][k] <= width_twips or k == n:
            lines, j = [], n
            for m in range(k, 0, -1):
                i = cut[j][m]
                lines.append(" ".join(words[i:j]))
                j = i
            return "\n".join(reversed(lines))
    return str(text)  # pragma: no cover


def local_time(iso: str) -> str:
    """'2026-11-29T17:02:03.123+00:00' → '29/11/2026 17:02' in the machine's time zone."""
    return _dt.datetime.fromisoformat(iso).astimezone().strftime("%d/%m/%Y %H:%M")
