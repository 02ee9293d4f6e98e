"""Indicator table → template context → BC / KH documents (.docx) and their workbook (.xlsx).

The context is the contract with the templates (docs/template-vars.md): figures already in
Vietnamese form (`n`), raw values (`v`), breakdown sentences (`parts`), money, rates, which
sections have figures (`has`), the category table, targets, and the document header.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict

from ..common import vnformat as vn
from ..common.codes import ALL_CATEGORIES, CATEGORIES, FIGURES, LEARNER_CATEGORIES, REVENUE_INDICATORS
from ..computing.indicators.engine import CATEGORY_INDICATORS
from ..common.periods import NAMED, Period, month_end
from ..common.codes import ALWAYS_ROWS, TABLE_CATEGORIES, TABLE_ROWS  # noqa: F401  (national.py uses them too)

# the Methadone sentence states a stock and its flows: carried over + in − out = now, with
# every flow of the identity on its side (DOMAIN.md) and transfers said on both sides
MET_INS = (("TIEP_NHAN", "tiếp nhận mới"), ("CHUYEN_DEN", "chuyển đến"), ("BAT_LAI", "quay lại"),
           ("CHUYEN_DIEN_DEN", "chuyển diện đến"))
MET_EXITS = (("BO_DIEU_TRI", "bỏ điều trị"), ("CHUYEN_DI", "chuyển"), ("RA_KHAC", "ra khỏi chương trình"),
             ("TU_VONG", "tử vong"), ("HOAN_THANH", "hoàn thành"), ("TRON", "trốn"),
             ("TAM_DINH_CHI", "tạm đình chỉ"), ("CHUYEN_DIEN_DI", "chuyển diện đi"))
FUND_CODES = tuple(c for c in REVENUE_INDICATORS if c != "LOI_NHUAN")
SECTIONS = {
    "medical": ("KHAM_BENH", "DIEU_TRI_BENH", "SANG_LOC_LAO", "MAU_DOM_LAO", "XN_HIV", "HIV_QUAN_LY", "DIEU_TRI_ARV"),
    "management": ("VI_PHAM", "THAM_LAU", "THAM_GAP"),
    "education": ("REN_LUYEN_BUOI", "REN_LUYEN_LUOT", "GIAO_DUC_BUOI", "GIAO_DUC_LUOT", "GIAO_DUC_CHUYEN_DE",
                  "GIAO_DUC_CHUNG_NHAN", "TU_VAN_CA_BIET_BUOI", "TU_VAN_CA_BIET"),
    "labour": ("DOANH_THU", "CHI_PHI"),
    "vocational": ("DAY_NGHE_LOP", "DAY_NGHE", "CHUNG_CHI"),
    "reintegration": ("TU_VAN_BUOI", "TU_VAN_LUOT", "TU_VAN_VIEC_LAM", "HOA_NHAP_LUOT", "HUONG_NGHIEP",
                      "TU_VAN_HOC_NGHE"),
    # the province workbook's parts
    "communication": ("TAP_HUAN", "CAN_BO_TAP_HUAN", "TUYEN_TRUYEN_HUYEN", "TUYEN_TRUYEN_XA", "TUYEN_TRUYEN_LUOT",
                      "TO_ROI", "AP_PHICH", "SO_TAY"),
    "community": ("CAI_NGHIEN_GIA_DINH", "CAI_NGHIEN_CONG_DONG", "MET_CONG_DONG", "NGHIEN_CO_HO_SO"),
    "investment": ("DAU_TU",),
}
# seed 004's way of writing education and re-integration (one sentence of clauses), used
# where its own figures are there: (condition codes, [(codes, clause)])
EDUCATION_004 = ("GIAO_DUC_CHUYEN_DE", "GIAO_DUC_CHUNG_NHAN", "TU_VAN_CA_BIET_BUOI", "TU_VAN_CA_BIET")
EDUCATION_CLAUSES = (
    (("GIAO_DUC_CHUYEN_DE",), "tổ chức giáo dục chuyên đề {GIAO_DUC_CHUYEN_DE} học viên"),
    (("GIAO_DUC_BUOI", "GIAO_DUC_LUOT"), "tổ chức sinh hoạt chuyên đề {GIAO_DUC_BUOI} buổi cho {GIAO_DUC_LUOT} lượt học viên"),
    (("GIAO_DUC_CHUNG_NHAN",), "tổng số học viên đã hoàn thành chương trình giáo dục đủ điều kiện cấp giấy chứng "
                               "nhận {GIAO_DUC_CHUNG_NHAN} học viên"),
    (("TU_VAN_BUOI", "TU_VAN_LUOT"), "tổ chức tư vấn {TU_VAN_BUOI} buổi cho {TU_VAN_LUOT} lượt học viên"),
    (("TU_VAN_CA_BIET_BUOI", "TU_VAN_CA_BIET"), "tư vấn giáo dục cá biệt {TU_VAN_CA_BIET_BUOI} buổi cho "
                                                "{TU_VAN_CA_BIET} học viên"),
    (("REN_LUYEN_BUOI", "REN_LUYEN_LUOT"), "rèn luyện thể chất {REN_LUYEN_BUOI} buổi với {REN_LUYEN_LUOT} lượt học viên"),
)
REINTEGRATION_004 = ("HOA_NHAP_LUOT", "HUONG_NGHIEP", "TU_VAN_HOC_NGHE")
REINTEGRATION_CLAUSES = (
    (("HOA_NHAP_LUOT",), "duy trì hoạt động hòa nhập cộng đồng cho {HOA_NHAP_LUOT} lượt học viên"),
    (("HUONG_NGHIEP",), "tư vấn hướng nghiệp cho {HUONG_NGHIEP} lượt học viên"),
    (("TU_VAN_HOC_NGHE",), "tư vấn học nghề {TU_VAN_HOC_NGHE} học viên"),
    (("TU_VAN_VIEC_LAM",), "tư vấn giới thiệu việc làm {TU_VAN_VIEC_LAM} lượt học viên"),
)


def _clauses(v, clauses, skip=()) -> list[str]:
    out = []
    for codes, text in clauses:
        if any(c in skip for c in codes) or not any(v[c]["ALL"] for c in codes):
            continue
        out.append(text.format(**{c: _n(v[c]["ALL"]) for c in codes}))
    return out
MONEY_CODES = ("DOANH_THU", "CHI_PHI") + REVENUE_INDICATORS
AGENCY_TWIPS = 3829 - 60  # the header's left column (templates/build.py HEADER_COLS), a hair to spare


def figures_from_table(table) -> dict[str, dict[str, int]]:
    """indicator → {category → value}; a known indicator without data gives 0 for any
    category, so templates can test `v.KHAM_BENH.ALL`; an unknown indicator is undefined
    (the sandbox refuses the template)."""
    from ..common.codes import PROVINCE_DERIVED, PROVINCE_FIGURES
    known = set(CATEGORY_INDICATORS) | set(FIGURES) | set(REVENUE_INDICATORS) | set(PROVINCE_FIGURES) \
        | set(PROVINCE_DERIVED)
    v: dict[str, dict] = {ind: _Figures() for ind in known}
    for ind, cat, value in zip(table["indicator"], table["category"], table["value"]):
        value = value.item() if hasattr(value, "item") else value
        v.setdefault(ind, _Figures())[cat] = v.get(ind, {}).get(cat, 0) + value
    return v


CATEGORY_KEYS = frozenset(ALL_CATEGORIES) | {"HV", "ALL"}


class _Figures(dict):
    """category → figure; a category without data is 0, a key that is no category is
    missing (a template's typo, v.CUOI_KY.HVV, is an error, not a 0)."""

    def __missing__(self, key):
        if key in CATEGORY_KEYS:
            return 0
        raise KeyError(key)


def _n(value) -> str:
    if isinstance(value, float) and not value.is_integer():
        return vn.number(value)
    return vn.count(int(value))


def breakdown(values: dict, categories=LEARNER_CATEGORIES, noun="học viên") -> str:
    parts = [f"{CATEGORIES[c].label} {_n(values.get(c, 0))} {noun}" for c in categories if values.get(c, 0)]
    return "; ".join(parts)


def _share(part, whole) -> str:
    """A share of a whole ("100%"), or "" where it cannot be one: no whole, or a part above
    its whole (I005 says where; such a rate is never printed)."""
    if not whole or part is None or part > whole:
        return ""
    return vn.rate(part, whole) or ""


def symbol_from_name(name: str) -> str:
    """The usual abbreviation of an agency's name, for "Số: …/BC-<symbol>": the initials of
    its words up to the place ("tỉnh", "thành phố", "huyện"...), and the number after "số":
    'Cơ sở Điều trị nghiện ma túy tỉnh Sơn La' → 'CSĐTNMT';
    'Cơ sở Cai nghiện ma túy số 1 Hà Nội' → 'CSCNMT1'. Words are compared with their
    diacritics: "sở" (in "Cơ sở") is not "số" (number)."""
    words = re.split(r"\s+", (name or "").strip())
    out = []
    for k, w in enumerate(words):
        low = w.lower().rstrip(".,")
        if out and low in ("tỉnh", "tp", "huyện", "quận") or (out and low == "thành"
                                                                               and k + 1 < len(words)
                                                                               and words[k + 1].lower() == "phố"):
            break
        if out and low in ("số", "so") and k + 1 < len(words) and words[k + 1][:1].isdigit():
            out.append(re.match(r"\d+", words[k + 1]).group(0))
            break
        if w and w[0].isalpha():
            out.append(w[0].upper())
    return "".join(out) or "CS"


def build_context(table, *, unit: dict, period: Period, document: dict | None = None, kind: str = "bc",
                  draft: bool = False, targets: list | None = None, plan: dict | None = None,
                  today: dt.date | None = None, annex: list | None = None, gaps: list | None = None,
                  timeliness: dict | None = None, approved: dict | None = None, earlier: dict | None = None,
                  province: dict | None = None, stock_month: tuple | None = None,
                  counted: dict | None = None) -> dict:
    """The template context for one unit (facility or province) over a period.
    ``approved``: {unit: [(year, month)]} approved in the store (None: not from a store);
    ``earlier``: compare.earlier_figures(...) (the periods compared with, or None each);
    ``province``: the province workbooks' investment ({(year, source): đồng}, province.investment);
    ``stock_month``: (year, month) of the latest closing counted, when before the period's last
    month (a draft of incomplete data): the sentence of the number held names its day;
    ``counted``: {unit: {(year, month)}} the months whose workbooks count (None: every month
    of the period): flows summed over fewer months say so (`period.basis`)."""
    v = figures_from_table(table)
    n = {ind: _Formatted(cats) for ind, cats in v.items()}
    met_exit = sum(v[c]["MET"] for c, _ in MET_EXITS)
    met_in = sum(v[c]["MET"] for c, _ in MET_INS)
    v["RA_MET"] = _Figures({"MET": met_exit})
    v["VAO_MET"] = _Figures({"MET": met_in})
    n["RA_MET"] = _Formatted(v["RA_MET"])
    n["VAO_MET"] = _Formatted(v["VAO_MET"])
    parts = {ind: breakdown(v[ind]) for ind in CATEGORY_INDICATORS}
    both_ways = bool(v["CHUYEN_DEN"]["MET"])  # "chuyển" alone (seed 000) where nobody came by transfer
    parts["RA_MET"] = "; ".join(f"{'chuyển đi' if c == 'CHUYEN_DI' and both_ways else label} {_n(v[c]['MET'])}"
                                for c, label in MET_EXITS if v[c]["MET"])
    # "vào 52 bệnh nhân" (seed 000) when all came as new patients; else its parts
    parts["VAO_MET"] = "; ".join(f"{label} {_n(v[c]['MET'])}" for c, label in MET_INS if v[c]["MET"]) \
        if met_in != v["TIEP_NHAN"]["MET"] else ""
    money = {c: vn.money(v[c]["ALL"]) for c in MONEY_CODES}
    # funds are set aside by each facility from its own surplus (revenue.split_surplus): the
    # base of a unit's funds is the sum of its facilities' surpluses, which differs from
    # its net surplus where a facility ran at a loss
    fund_base = sum(v[c]["ALL"] for c in FUND_CODES)
    money["QUY_CO_SO"] = vn.money(fund_base)
    money["LOI_NHUAN_ABS"] = vn.money(abs(v["LOI_NHUAN"]["ALL"]))
    labour = {"split": fund_base > 0, "whole": fund_base > 0 and fund_base == v["LOI_NHUAN"]["ALL"],
              "loss": v["LOI_NHUAN"]["ALL"] < 0, "base": fund_base}
    words = {c: vn.money_words(v[c]["ALL"]) for c in MONEY_CODES}
    document = dict(document or {})
    split = document.pop("_split", None) or {}
    has = {name: any(v[c]["ALL"] for c in codes) for name, codes in SECTIONS.items()}
    has["admissions"] = any(v[i]["HV"] for i in ("DAU_KY", "TIEP_NHAN", "HOAN_THANH", "CUOI_KY"))
    has["methadone"] = any(v[i]["MET"] for i in ("DAU_KY", "TIEP_NHAN", "CUOI_KY")) or met_exit > 0
    has["management"] = has["management"] or bool(v["TRON"]["HV"] or v["BAT_LAI"]["HV"] or v["TAM_DINH_CHI"]["HV"])
    education_groups = _clauses(v, EDUCATION_CLAUSES) if any(v[c]["ALL"] for c in EDUCATION_004) else []
    reintegration_groups = (_clauses(v, REINTEGRATION_CLAUSES) if any(v[c]["ALL"] for c in REINTEGRATION_004)
                            else [])
    if reintegration_groups and not education_groups and (v["TU_VAN_BUOI"]["ALL"] or v["TU_VAN_LUOT"]["ALL"]):
        reintegration_groups.insert(0, EDUCATION_CLAUSES[3][1].format(
            TU_VAN_BUOI=_n(v["TU_VAN_BUOI"]["ALL"]), TU_VAN_LUOT=_n(v["TU_VAN_LUOT"]["ALL"])))
    if education_groups and reintegration_groups == [] and has["reintegration"]:
        # counselling is said in the education sentence (seed 004): the rest of re-integration alone
        reintegration_groups = _clauses(v, REINTEGRATION_CLAUSES)
    has["education_groups"] = bool(education_groups)
    has["reintegration_groups"] = bool(reintegration_groups)
    has["reintegration"] = bool(reintegration_groups) or (has["reintegration"] and not education_groups)
    has["aftercare"] = province is not None and unit.get("level") == "province" and bool(
        v["HOAN_THANH"]["HV"] or v["SAU_CAI_CU_TRU"]["ALL"]) and any(
        v[c]["ALL"] for codes in (SECTIONS["communication"], SECTIONS["community"], SECTIONS["investment"])
        for c in codes)
    has["targets"] = bool(targets)
    has["facilities"] = bool(annex)
    rates = {
        "ARV": _share(v["DIEU_TRI_ARV"]["ALL"], v["HIV_QUAN_LY"]["ALL"]),
        "CHUNG_CHI": _share(v["CHUNG_CHI"]["ALL"], v["DAY_NGHE"]["ALL"]),
        "TAP_HUAN": _share(v["CAN_BO_TAP_HUAN"]["ALL"], v["CAN_BO"]["ALL"]),
        "XA": _share(v["TUYEN_TRUYEN_XA"]["ALL"], v["XA"]["ALL"]),
    }
    from ..computing.indicators.revenue import DEFAULT_SPLIT
    split = {**DEFAULT_SPLIT, **split}
    pct = {"CCTL": vn.percent(split["salary_reform"]), "QUY_KHEN_THUONG": vn.percent(split["reward"]),
           "QUY_PHUC_LOI": vn.percent(split["welfare"]), "QUY_PHAT_TRIEN": vn.percent(split["development"]),
           "QUY_DU_PHONG": vn.percent(split["reserve"])}
    table_rows = []
    told = {ind: bool(((table["indicator"] == ind)).any()) if len(table) else False for ind in ("CO_MAT", "VANG_MAT")}
    told.update({f"{ind}_of": _coverage_of(annex, ind) for ind in ("CO_MAT", "VANG_MAT")})
    for ind, label, bold in TABLE_ROWS:
        label = row_label(ind, label, told)
        if ind not in ALWAYS_ROWS and not any(v[ind][c] for c in ALL_CATEGORIES):
            continue
        table_rows.append({"code": ind, "label": label, "bold": bold,
                           # a part nobody reported: blank cells, not "-" (nothing) nor 0
                           "cells": [vn.number(v[ind][c]) if v[ind][c] else "-" if told.get(ind, True) else ""
                                     for c in TABLE_CATEGORIES]})
    has["table"] = True
    today = today or dt.date.today()
    doc_type, abbrev = ("KẾ HOẠCH", "KH") if kind == "kh" else ("BÁO CÁO", "BC")
    agency_name = unit.get("name") or unit.get("code") or ""
    symbol = document.get("symbol") or symbol_from_name(agency_name)
    place = document.get("place") or unit.get("province") or ""
    if kind == "kh":
        subject = document.get("subject") or f"Triển khai công tác năm {plan['year'] if plan else period.last[0] + 1}"
    elif unit.get("level") == "province":
        # a merged province reported over months before the merger is named with what it
        # is made of, once, here: "tỉnh Ninh Bình (gồm các tỉnh Hà Nam, Nam Định, Ninh Bình trước ngày 01/07/2025)"
        subject = (f"Kết quả công tác cai nghiện ma túy trên địa bàn "
                   f"{unit.get('scope') or unit.get('full') or unit.get('name')} {period.label}")
    else:
        subject = f"Kết quả công tác cai nghiện ma túy {period.label}"
    recipients = [r.rstrip(";. ") for r in document.get("recipients", [])]
    archive = document.get("archive") or "Lưu: VT"
    doc = {
        # the agency lines break in balanced halves (never one word alone on a line)
        "parent_agency": vn.balanced_lines((document.get("parent_agency") or "").upper(), AGENCY_TWIPS, 13),
        "agency": vn.balanced_lines((document.get("agency") or agency_name).upper(), AGENCY_TWIPS, 13, bold=True),
        "number_line": vn.doc_number(document.get("number"), abbrev, symbol),
        # a numbered document is dated (today unless given); an unnumbered draft leaves the
        # day and month blank for the date of signing, as drafts do (seeds 001, 003)
        "place_date": vn.place_date(place, document.get("date") or (today if document.get("number") else None),
                                    year=today.year),
        "doc_type": doc_type,
        "subject": subject,
        "recipient_to": "" if kind == "kh" else document.get("recipient_to", ""),
        "legal_bases": list(document.get("legal_bases", [])),
        "draft": bool(draft),
        "signer_authority": document.get("signer_authority", "GIÁM ĐỐC"),
        "signer_title": document.get("signer_title", ""),
        "signer_name": document.get("signer_name", ""),
        # the issuing agency as a sentence names it ("Sở Lao động - Thương binh và Xã hội");
        # a facility's own name when not configured; "" for a province without configuration
        "issuer": document.get("issuer") or (agency_name if unit.get("level") == "facility" else _prose(
            document.get("agency") or "")),
        "recipients": recipients + [archive.rstrip(".") + "."],
    }
    label = period.label
    if label.startswith("từ "):
        label = "giai đoạn " + label
    period_ctx = {
        "code": period.code, "label": label, "label_short": _short_label(period),
        "start": vn.short_date(period.start_date), "end": vn.short_date(period.end_date),
        "stock_end": vn.short_date(month_end(*stock_month) if stock_month and stock_month < period.last
                                   else period.end_date),
        "prev_label": period.previous_year_label(), "year": period.last[0],
        "label_compact": _compact_label(period, label),
        "basis": flow_basis(counted, period),
    }
    several = unit.get("level") == "province" and unit.get("facilities", 2) > 1
    unit = {**unit, "short": "các cơ sở" if several else "Cơ sở", "short_cap": "Các cơ sở" if several else "Cơ sở",
            "scope": unit.get("scope", ""), "full": unit.get("full", "")}
    cmp, compare_ctx = _comparisons(v, earlier, period)
    if period_ctx["basis"]["flows"]:
        # flows summed over fewer months than the period has are not compared with a whole
        # period (two bases in one sentence); stocks, each of one month, still are
        from .comparisons import STOCK_END, STOCK_START
        from ..common.codes import PROVINCE_FIGURES
        stocks = set(STOCK_END) | set(STOCK_START) | {c for c, f in {**FIGURES, **PROVINCE_FIGURES}.items()
                                                      if f.kind == "stock"}
        for ind in list(cmp):
            if ind not in stocks:
                cmp[ind].clear()
    return {
        "cmp": cmp, "compare": compare_ctx,
        "parts_all": {ind: breakdown(v[ind], ALL_CATEGORIES) for ind in ("CUOI_KY", "CO_MAT", "VANG_MAT")},
        "education_groups": education_groups, "reintegration_groups": reintegration_groups,
        "prov": investment_context(province or {}),
        "doc": doc, "unit": unit, "period": period_ctx, "n": n, "v": v, "parts": parts,
        "money": money, "words": words, "pct": pct, "rates": rates, "has": has, "labour": labour,
        "told": told,
        "table": {"columns": list(TABLE_CATEGORIES), "rows": table_rows},
        "targets": [target_row(t) for t in targets or []], "annex": annex or [], "gaps": gaps or [],
        "approval": approval_sentence(approved, period) if approved is not None else "",
        # a province's reporting rates and who sent late (batch): {"sentence": str, "late": [str]}
        "timeliness": {"sentence": "", "late": [], **(timeliness or {})},
        "plan": plan_context(plan or {"year": period.last[0] + 1, "targets": []}),
    }


def flow_basis(counted: dict | None, period: Period) -> dict:
    """What a draft's flows and stocks rest on when some months of the period are not
    counted: its flows are sums over fewer months while its opening and closing are those
    of its first and last counted month, so opening + flows = closing fails where a month
    inside is missing. ``flows``: the phrase for the flows ("số liệu 11/12 tháng, thiếu tháng
    08/2021"; "" when every month counts); ``opening``/``closing``: the months the stocks
    are of; ``closes``: whether the stocks and flows still add up (no month missing between
    the first and the last counted); ``table``: the category table's note ("" when complete)."""
    from ..checking.gate import month_ranges
    months = list(period.months)
    empty = {"flows": "", "opening": "", "closing": "", "closes": True, "table": "", "opening_late": False}
    counted = {u: {ym for ym in yms if ym in months} for u, yms in (counted or {}).items()}
    if not counted or all(len(yms) == len(months) for yms in counted.values()):
        return empty
    held = sorted(set().union(*counted.values()))
    if not held:
        return empty
    month = lambda ym: f"{ym[1]:02d}/{ym[0]}"  # noqa: E731
    if len(counted) == 1:
        missing = [ym for ym in months if ym not in held]
        flows = (f"số liệu {len(held)}/{len(months)} tháng, thiếu "
                 f"{'tháng' if len(missing) == 1 else 'các tháng'} {month_ranges(missing)}")
    else:
        got = sum(len(yms) for yms in counted.values())
        flows = f"số liệu {got}/{len(months) * len(counted)} sổ tháng của {len(counted)} cơ sở"
    # each facility's flows run from its first counted month to its last (engine.py)
    closes = all(len(yms) == len([ym for ym in months if min(yms) <= ym <= max(yms)])
                 for yms in counted.values() if yms)
    opening, closing = month(held[0]), month(held[-1])
    table = (f"Đầu kỳ theo sổ tháng {opening}, cuối kỳ theo sổ tháng {closing}; số phát sinh trong kỳ: "
             f"{flows}" + ("." if closes else ", nên đầu kỳ cộng, trừ phát sinh không bằng cuối kỳ."))
    return {"flows": flows, "opening": opening, "closing": closing, "closes": closes, "table": table,
            "opening_late": held[0] > months[0]}


def unit_context(ds, level: str, key: str, units, period: Period, as_of) -> dict:
    """The document's `unit`: a facility (its name and province as of `as_of`) or a province
    (its name in prose, what a merged province is made of, how many facilities)."""
    from ..settings.geography import geography, unit_provinces
    if level == "facility":
        province = unit_provinces(ds.files, as_of).get(key, "") or ds.unit_provinces().get(key, "")
        unit = {"code": key, "name": ds.unit_names().get(key, key), "province": province, "level": level, "scope": "",
                "full": ""}
    else:
        province = key
        # a merged province over months before the merger says once what it is made of
        scope = geography().scope(key, as_of, period.start_date)
        known = geography().resolve(key, as_of).province
        unit = {"code": key, "name": _province_title(key), "province": key, "level": level,
                "scope": scope if "(" in scope else "", "facilities": len(units),
                # in prose, as the seeds write it: "trên địa bàn tỉnh Cao Bằng", "thành phố Hà Nội"
                "full": known.full if known is not None else ""}
    return unit


def _province_title(name: str) -> str:
    """The province as the workbooks write it, with its prefix in prose form: "TP. Hà Nội" →
    "thành phố Hà Nội", "Tỉnh Sơn La" → "tỉnh Sơn La", "Hà Nội" → "Hà Nội". No list of which
    provinces are cities: names and statuses change (2025 mergers), the clerk's words stay."""
    import re
    m = re.match(r"\s*(tp\.?|thành phố|tỉnh)\s+(.*)$", name or "", re.I)
    if not m:
        return (name or "").strip()
    prefix = "tỉnh" if m.group(1).lower() == "tỉnh" else "thành phố"
    return f"{prefix} {m.group(2).strip()}"


def investment_context(invest: dict) -> dict:
    """prov.*: investment by year and source ("Năm 2018: 300 triệu đồng (ngân sách địa
    phương)"), its total in short form, the years it spans (`invest`: province.investment)."""
    items = [{"year": y, "amount": vn.money_short(v, lead_zero=True), "source": s}
             for (y, s), v in sorted(invest.items())]
    years = sorted({y for y, _ in invest})
    total = sum(invest.values())
    return {
        "investment": items,
        "investment_total": vn.money_short(total) if total else "",
        "investment_years": (f"năm {years[0]}" if len(years) == 1 else f"từ năm {years[0]} - {years[-1]}")
        if years else "",
    }


def target_row(t: dict) -> dict:
    """A result against its target (targets.compare_targets) as the BC writes it."""
    sentence = (f"{t['label']}: thực hiện {vn.number(t['actual'])}/{vn.number(t['plan'])} {t['unit']}, "
                f"đạt {vn.percent(t['ratio'])} kế hoạch" + (" (hoàn thành chỉ tiêu)." if t["met"] else " (chưa đạt chỉ tiêu)."))
    return {"code": t["code"], "label": t["label"], "unit": t["unit"], "plan": vn.number(t["plan"]),
            "actual": vn.number(t["actual"]), "rate": vn.percent(t["ratio"]), "met": t["met"],
            "sentence": " ".join(sentence.split())}


def plan_context(plan: dict) -> dict:
    """Part II of the KH (targets.plan_targets) as the KH writes it."""
    year = plan["year"]
    return {"code": str(year), "year": year, "label": f"năm {year}",
            "targets": [{"code": t["code"], "label": t["label"], "unit": t["unit"], "plan": vn.number(t["plan"]),
                         "actual": vn.number(t["actual"]),
                         "text": " ".join(f"{t['label']}: {vn.number(t['plan'])} {t['unit']}".split())}
                        for t in plan["targets"]]}


def row_label(indicator: str, label: str, told: dict) -> str:
    """A category table's row label, with the facilities it covers where only some reported
    it ("Trong đó: có mặt (6/7 cơ sở)"): a blank Có mặt / Vắng mặt is not a zero
    (engine.facility_table), a part nobody reported is not said as one."""
    of = told.get(f"{indicator}_of")
    return f"{label} ({of})" if of else label


def _coverage_of(annex: list | None, indicator: str) -> str:
    """"6/7 cơ sở" when only some of the facilities with figures reported ``indicator`` (its
    annex cells blank for the others), else ""."""
    rows = [r for r in annex or [] if not r.get("total") and r["v"]["CUOI_KY"]["ALL"] is not None]
    told = [r for r in rows if r["v"][indicator]["ALL"] is not None]
    return f"{len(told)}/{len(rows)} cơ sở" if rows and len(told) < len(rows) else ""


def _comparisons(v: dict, earlier: dict | None, period: Period):
    """cmp[IND][CAT] phrases and compare.{previous,year}.{available,label,code}."""
    from .comparisons import end_label, phrases, same_period_label, short_label
    from ..computing.compare import KINDS
    earlier = earlier or {}
    figures, labels, info, ends = {}, {}, {}, {}
    prev = earlier.get("previous")
    for kind in KINDS:
        e = earlier.get(kind)
        label = "" if not e else short_label(e["period"]) if kind == "previous" else \
            same_period_label(period, e["period"])
        if kind == "year" and e and prev and e["period"] == prev["period"]:
            # a year: the previous year is both; it is said once ("so với năm 2020")
            info[kind] = {"available": True, "label": label, "code": e["period"].code}
            figures[kind] = None
            continue
        if not e:
            figures[kind] = None
            info[kind] = {"available": False, "label": "", "code": ""}
            continue
        t = e["table"]
        ev = {}
        for ind, cat, value in zip(t["indicator"], t["category"], t["value"]):
            value = value.item() if hasattr(value, "item") else value
            ev.setdefault(ind, {})[cat] = ev.get(ind, {}).get(cat, 0) + value
        if "RA_MET" in v:
            ev["RA_MET"] = {"MET": sum(ev.get(c, {}).get("MET", 0) for c, _ in MET_EXITS)}
        figures[kind] = ev
        labels[kind] = label
        ends[kind] = end_label(e["period"])
        info[kind] = {"available": True, "label": label, "code": e["period"].code}
    measures = {c: f.measure for c, f in FIGURES.items()}
    from ..common.codes import PROVINCE_DERIVED, PROVINCE_FIGURES
    # a derived figure is said in its own unit ("người"), as its sentence says it
    measures.update({c: f.measure for c, f in {**PROVINCE_FIGURES, **PROVINCE_DERIVED}.items()})
    compared = {ind: cats for ind, cats in v.items() if any(figures[k] and ind in figures[k] for k in KINDS)}
    from ..common.codes import PROVINCE_FIGURES as PF
    stocks = {c for c, f in {**FIGURES, **PF}.items() if f.kind == "stock"}
    table = phrases(compared, {k: ({i: c for i, c in f.items()} if f else None) for k, f in figures.items()},
                    labels, measures, ends, stocks)
    return table, {"previous": info["previous"], "year": info["year"], "merged": merged_sentence(earlier, labels)}


def merged_sentence(earlier: dict, labels: dict) -> str:
    """One sentence for the comparisons whose earlier figures gather the old provinces now
    in the merged one: "Số liệu so sánh quý II/2025 gồm số liệu của các tỉnh Hà Nam, Nam
    Định, Ninh Bình (trước khi hợp nhất)."; "" when no comparison does."""
    groups: dict = {}
    for kind, label in labels.items():
        olds = (earlier.get(kind) or {}).get("provinces") or []
        if olds:
            groups.setdefault(tuple(olds), []).append(label)
    sentences = []
    for olds, which in groups.items():
        if len({o.kind for o in olds}) == 1:
            names = (f"các {olds[0].kind} " if len(olds) > 1 else f"{olds[0].kind} ") + ", ".join(o.name for o in olds)
        else:
            names = ", ".join(o.full for o in olds)
        sentences.append(f"Số liệu so sánh {' và '.join(which)} gồm số liệu của {names} (trước khi hợp nhất).")
    return " ".join(sentences)


def approval_sentence(locked: dict, period: Period) -> str:
    """What a document says about approval: `locked` is {unit: [(year, month)]}, the months
    of `period` the department approved of each of the document's facilities."""
    from ..checking.gate import month_ranges
    months = period.months
    if not any(locked.values()):
        return "Số liệu trong kỳ chưa được duyệt (chưa khóa trong kho dữ liệu)."
    if all(len(v) == len(months) for v in locked.values()):
        return "Số liệu của mọi tháng trong kỳ đã được duyệt và khóa trong kho dữ liệu."
    words = lambda yms: ("tháng " if len(yms) == 1 else "các tháng ") + month_ranges(yms)  # noqa: E731
    sets = {tuple(v) for v in locked.values()}
    if len(sets) == 1:
        done = sorted(next(iter(sets)))
        rest = [ym for ym in months if ym not in done]
        return f"Số liệu {words(done)} đã được duyệt và khóa trong kho dữ liệu; {words(rest)} chưa được duyệt."
    parts = [f"{u} {words(v)}" for u, v in sorted(locked.items()) if v]
    return "Số liệu đã được duyệt và khóa trong kho dữ liệu: " + "; ".join(parts) + "; các tháng khác chưa được duyệt."


def _prose(agency: str) -> str:
    """An agency name usable in a sentence: as configured when it is not all capitals (the
    sector presets write "Sở Lao động - Thương binh và Xã hội"); "" otherwise."""
    return agency if agency and agency != agency.upper() else ""


def _compact_label(period: Period, label: str) -> str:
    """After "Trong": "quý II/2021", "năm 2021", "tháng 05/2021" (seed 004), "6 tháng đầu năm
    2021"; "" for a range of months that is no such period (the documents then write its dates)."""
    from .comparisons import short_label
    return short_label(period) if period.kind in NAMED else ""


def _short_label(period: Period) -> str:
    return {"year": "năm", "quarter": "quý", "month": "tháng"}.get(period.kind, "kỳ")


class _Formatted(dict):
    """category → formatted figure; a category without data reads "0", a key that is no
    category is missing (the template is refused)."""

    def __init__(self, values):
        super().__init__({c: _n(x) for c, x in values.items()})

    def __missing__(self, key):
        if key in CATEGORY_KEYS:
            return "0"
        raise KeyError(key)
