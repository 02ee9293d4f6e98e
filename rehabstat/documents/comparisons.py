"""The comparisons a document writes, the way the seeds do: stocks "so với cuối quý I/2021
giảm 126 học viên", flows "tăng 12,5% so với cùng kỳ năm 2020" (the figures compared come
from computing/compare.py)."""
from __future__ import annotations

from ..common import vnformat as vn
from ..common.periods import NAMED, Period
from ..computing.compare import KINDS

# indicators compared as stocks at the period's end ("so với cuối quý I/2021 giảm 126");
# every other indicator is a flow ("tăng 12,5% so với cùng kỳ năm 2020")
STOCK_END = ("CUOI_KY", "CO_MAT", "VANG_MAT")
STOCK_START = ("DAU_KY",)
# indicators the documents count in events ("26 lượt trốn"): their comparisons say "lượt"
# too, one base per sentence
EVENTS = ("TRON",)


def short_label(period: Period) -> str:
    """How an earlier period is named after "so với" / "so với cuối": "quý I/2021",
    "năm 2020", "6 tháng đầu năm 2020", "tháng 05/2021", else the full label."""
    y, n = period.first[0], period.number
    if period.kind == "year":
        return f"năm {y}"
    if period.kind == "month":
        return f"tháng {n:02d}/{y}"
    if period.kind == "quarter":
        return f"quý {vn.roman(n)}/{y}"
    return period.label


def end_label(period: Period) -> str:
    """The end of a period after "so với": "cuối quý I/2021", "cuối năm 2020", "cuối tháng
    05/2021", "cuối 6 tháng đầu năm 2020" (the second half ends with the year), else "ngày
    30/06/2020"."""
    if period.kind == "half" and period.number == 2:
        return f"cuối năm {period.first[0]}"
    if period.kind in NAMED:
        return f"cuối {short_label(period)}"
    return f"ngày {vn.short_date(period.end_date)}"


def same_period_label(period: Period, earlier: Period) -> str:
    """'cùng kỳ năm 2020' (a period inside one year), else 'cùng kỳ năm trước'."""
    if earlier.first[0] == earlier.last[0]:
        return f"cùng kỳ năm {earlier.first[0]}"
    return "cùng kỳ năm trước"


def _noun(indicator: str, category: str, measure: str | None) -> str:
    if measure:
        return measure
    person = "bệnh nhân" if category == "MET" else "học viên"
    return f"lượt {person}" if indicator in EVENTS else person


def _change_words(delta) -> str:
    return "tăng" if delta > 0 else "giảm"


def phrase(indicator: str, category: str, now, before, *, kind: str, label: str,
           measure: str | None = None, end: str | None = None, stock: bool = False) -> str:
    """One comparison: stocks "so với cuối quý I/2021 giảm 126 học viên" (``end``: the
    earlier period's end, for the previous period); flows "tăng 12,5% so với cùng kỳ năm
    2020" (by the count when the earlier figure is 0)."""
    noun = _noun(indicator, category, measure)
    delta = now - before
    if stock or indicator in STOCK_END or indicator in STOCK_START:
        where = end if kind == "previous" and end and indicator not in STOCK_START else label
        if delta == 0:
            return f"không thay đổi so với {where}"
        return f"so với {where} {_change_words(delta)} {vn.count(abs(delta))} {noun}"
    if delta == 0:
        return f"bằng {label}"
    if before:
        return f"{_change_words(delta)} {vn.percent(abs(delta) * 100 / before)} so với {label}"
    return f"{_change_words(delta)} {vn.count(abs(delta))} {noun} so với {label}"


class _Phrases(dict):
    """category → comparison phrase; "" where nothing is compared."""

    def __missing__(self, key):
        return ""


def phrases(v: dict, earlier: dict[str, dict | None], labels: dict[str, str], measures: dict | None = None,
            ends: dict | None = None, stocks=()) -> dict:
    """cmp[IND][CAT]: the comparisons of every figure with the earlier periods that are in
    the data, joined with ", " ("" when none). ``earlier`` maps 'previous'/'year' to the
    earlier period's figures (indicator → category → value) or None."""
    measures = measures or {}
    out: dict[str, _Phrases] = {}
    for ind, cats in v.items():
        row = _Phrases()
        for cat, now in cats.items():
            parts = []
            for kind in KINDS:
                before_v = earlier.get(kind)
                if before_v is None:
                    continue
                if ind not in before_v:
                    continue  # not in the earlier period's data (e.g. a figure nobody reported then)
                before = before_v[ind].get(cat, 0)
                if not now and not before:
                    continue
                parts.append(phrase(ind, cat, now, before, kind=kind, label=labels[kind], measure=measures.get(ind),
                                    end=(ends or {}).get(kind), stock=ind in stocks))
            if parts:
                row[cat] = ", ".join(parts)
        out[ind] = row
    return _PhraseTable(out)


class _PhraseTable(dict):
    def __missing__(self, key):
        return _Phrases()
