"""A complete template context: the Sơn La facility, year 2021 (seed 000 of the domain notes).

``example_context("bc")`` / ``example_context("kh")`` returns exactly the keys the real
context builder (rehabstat.documents.report) produces, formatted the same way; it is used by the
tests, by ``rehabstat templates vars`` (docs/template-vars.md) and for the sample pages.

Shape (see docs/template-vars.md for every key):
  doc, unit, period       texts of the header, signature and period
  n[IND][CAT]             formatted figure ("1.659"; "06" for 1..9; "0")
  v[IND][CAT]             raw int (0 when absent)            — every IND × CAT below
  parts[IND]              "bắt buộc 692 học viên; tự nguyện 12 học viên; ..." ("" when none)
  money[CODE], words[CODE]  "5.122.732.200 đồng", "Năm tỷ ... đồng"
  pct, rates              "40%"; "98,9%" ("" when not computable)
  has[SECTION], sec[SECTION]  which sections have figures; their numbers ("1", "2"... or "")
  table                   the category table: columns, rows [{label, cells[8], bold}]
  targets                 [{code, label, unit, plan, actual, rate, met}] (plan vs actual)
  plan                    KH only: {code, label, year, targets [{code, label, unit, plan, actual, text}]}
"""
from __future__ import annotations

import copy
import datetime as dt

from rehabstat.common import vnformat as vf
from rehabstat.common.periods import period_label
from rehabstat.common.codes import (ALL_CATEGORIES, CATEGORIES, EVENT_TYPES, FIGURES, LEARNER_CATEGORIES, PROVINCE_DERIVED,
                             PROVINCE_FIGURES, REVENUE_INDICATORS)

# ---------------------------------------------------------------- the indicator grid

STOCKS = ("DAU_KY", "CUOI_KY", "CO_MAT", "VANG_MAT")
EVENTS = tuple(EVENT_TYPES) + ("CHUYEN_DIEN_DEN", "CHUYEN_DIEN_DI")
DERIVED = ("RA_MET", "VAO_MET")  # every exit (entry) of Methadone patients: the stock-flow identity's sides
MONEY_CODES = ("DOANH_THU", "CHI_PHI") + REVENUE_INDICATORS
INDICATORS = STOCKS + EVENTS + DERIVED + tuple(FIGURES) + REVENUE_INDICATORS + tuple(PROVINCE_FIGURES) \
    + tuple(PROVINCE_DERIVED)
CATEGORY_KEYS = ALL_CATEGORIES + ("HV", "ALL")
TABLE_COLUMNS = ("BB", "TN", "HTCC", "XDTTN", "LTTT", "HV", "MET", "ALL")
MET_EXITS = (("BO_DIEU_TRI", "bỏ điều trị"), ("CHUYEN_DI", "chuyển"), ("TU_VONG", "tử vong"),
             ("RA_KHAC", "ra khỏi chương trình"))

INDICATOR_LABELS: dict[str, str] = {
    "DAU_KY": "Lũy kế kỳ trước chuyển sang (đầu kỳ)",
    "CUOI_KY": "Đang quản lý cuối kỳ",
    "CO_MAT": "Có mặt cuối kỳ",
    "VANG_MAT": "Vắng mặt cuối kỳ",
    **{code: ev.label for code, ev in EVENT_TYPES.items()},
    "CHUYEN_DIEN_DEN": "Chuyển diện đến (vào diện này)",
    "CHUYEN_DIEN_DI": "Chuyển diện đi (ra khỏi diện này)",
    "RA_MET": "Tổng số bệnh nhân Methadone ra (bỏ điều trị, chuyển đi, tử vong, ra khác, ...)",
    "VAO_MET": "Tổng số bệnh nhân Methadone vào (tiếp nhận mới, chuyển đến, quay lại, chuyển diện đến)",
    **{code: f.label for code, f in FIGURES.items()},
    **{code: f"{f.label} (sổ cấp tỉnh)" for code, f in PROVINCE_FIGURES.items()},
    **{code: f"{f.label} (tính từ sổ cấp tỉnh)" for code, f in PROVINCE_DERIVED.items()},
    "LOI_NHUAN": "Chênh lệch thu chi (ước lợi nhuận) lao động trị liệu",
    "TRICH_CCTL": "Trích cải cách tiền lương",
    "QUY_KHEN_THUONG": "Quỹ khen thưởng",
    "QUY_PHUC_LOI": "Quỹ phúc lợi",
    "QUY_PHAT_TRIEN": "Quỹ phát triển hoạt động sự nghiệp",
    "QUY_DU_PHONG": "Quỹ dự phòng ổn định thu nhập",
}

# the same in English: an event or a figure is named by its code, as the English documentation does
INDICATOR_LABELS_EN: dict[str, str] = {
    "DAU_KY": "Carried over from the previous period (opening)",
    "CUOI_KY": "Under management at the end of the period",
    "CO_MAT": "Present at the end of the period",
    "VANG_MAT": "Absent at the end of the period",
    **{code: f"Event {code}: people in the period" for code in EVENT_TYPES},
    "CHUYEN_DIEN_DEN": "Moved into this category",
    "CHUYEN_DIEN_DI": "Moved out of this category",
    "RA_MET": "All Methadone patients leaving (stopped treatment, moved out, died, other exits, ...)",
    "VAO_MET": "All Methadone patients entering (new, moved in, returned, moved into the category)",
    **{code: f"Figure {code} (sheet SoLieu)" for code in FIGURES},
    **{code: f"Figure {code} (province workbook)" for code in PROVINCE_FIGURES},
    **{code: f"Figure {code} (computed from the province workbook)" for code in PROVINCE_DERIVED},
    "LOI_NHUAN": "Labour therapy: revenue less costs (estimated profit)",
    "TRICH_CCTL": "Set aside for the salary reform",
    "QUY_KHEN_THUONG": "Reward fund",
    "QUY_PHUC_LOI": "Welfare fund",
    "QUY_PHAT_TRIEN": "Fund for developing the service's activities",
    "QUY_DU_PHONG": "Reserve fund for stable incomes",
}

# ---------------------------------------------------------------- Sơn La 2021 (seed 000)

_BY_CATEGORY = {
    "DAU_KY": {"BB": 1586, "TN": 21, "HTCC": 37, "XDTTN": 15, "MET": 90},
    "TIEP_NHAN": {"BB": 692, "TN": 12, "HTCC": 485, "XDTTN": 469, "MET": 52},
    "HOAN_THANH": {"BB": 847, "TN": 26, "HTCC": 460, "XDTTN": 483},
    "TRON": {"BB": 26},
    "BAT_LAI": {"BB": 6},
    "TAM_DINH_CHI": {"BB": 4},
    "BO_DIEU_TRI": {"MET": 50},
    "CHUYEN_DI": {"MET": 15},
    "RA_KHAC": {"MET": 9},
    # closing = opening + flows (1.477 learners: the published 1.380 of 11/01/2022 differs)
    "CUOI_KY": {"BB": 1407, "TN": 7, "HTCC": 62, "XDTTN": 1, "MET": 68},
    "CO_MAT": {"BB": 1384, "TN": 7, "HTCC": 60, "XDTTN": 1, "MET": 68},
    "VANG_MAT": {"BB": 23, "HTCC": 2},
}
_FIGURES = {  # unit-level figures: category ALL
    "KHAM_BENH": 40980, "DIEU_TRI_BENH": 12699, "SANG_LOC_LAO": 824, "MAU_DOM_LAO": 97,
    "XN_HIV": 1180, "HIV_QUAN_LY": 94, "DIEU_TRI_ARV": 93,
    "GIAO_DUC_BUOI": 269, "GIAO_DUC_LUOT": 16259, "TU_VAN_BUOI": 17, "TU_VAN_LUOT": 775,
    "REN_LUYEN_BUOI": 263, "REN_LUYEN_LUOT": 16180,
    "DAY_NGHE_LOP": 3, "DAY_NGHE": 105, "CHUNG_CHI": 105, "TU_VAN_VIEC_LAM": 273,
    "THAM_GAP": 2799, "VI_PHAM": 89, "THAM_LAU": 44,
    "DOANH_THU": 5_122_732_200, "CHI_PHI": 3_122_732_200,
    "LOI_NHUAN": 2_000_000_000, "TRICH_CCTL": 800_000_000,
    "QUY_KHEN_THUONG": 120_000_000, "QUY_PHUC_LOI": 660_000_000,
    "QUY_PHAT_TRIEN": 300_000_000, "QUY_DU_PHONG": 120_000_000,
}
_PCT = {"CCTL": 40, "QUY_KHEN_THUONG": 10, "QUY_PHUC_LOI": 55, "QUY_PHAT_TRIEN": 25, "QUY_DU_PHONG": 10}

_TABLE_ROWS = (  # (indicator, label, bold)
    ("DAU_KY", "Lũy kế {prev} chuyển sang", True),
    ("TIEP_NHAN", "Tiếp nhận", False),
    ("BAT_LAI", "Bắt lại, quay lại sau trốn", False),
    ("CHUYEN_DEN", "Chuyển đến", False),
    ("HOAN_THANH", "Hoàn thành, về địa phương", False),
    ("TRON", "Trốn", False),
    ("TAM_DINH_CHI", "Tạm đình chỉ, bàn giao công an", False),
    ("CHUYEN_DI", "Chuyển đi", False),
    ("TU_VONG", "Tử vong", False),
    ("BO_DIEU_TRI", "Bỏ điều trị (Methadone)", False),
    ("RA_KHAC", "Ra khỏi chương trình, ra khác", False),
    ("CUOI_KY", "Đang quản lý đến {end}", True),
    ("CO_MAT", "Trong đó: có mặt", False),
    ("VANG_MAT", "Vắng mặt", False),
)

_TARGETS_2021 = (  # (code, label, unit, plan, actual)
    ("TIEP_NHAN.BB", "Tiếp nhận học viên cai nghiện bắt buộc", "học viên", 700, 692),
    ("DAY_NGHE.ALL", "Dạy nghề cho học viên", "học viên", 100, 105),
    ("TU_VAN_VIEC_LAM.ALL", "Tư vấn, giới thiệu việc làm", "lượt", 250, 273),
)
_PLAN_2022 = (  # (code, label, unit, plan, actual of 2021, text)
    ("TIEP_NHAN.BB", "Tiếp nhận học viên cai nghiện bắt buộc", "học viên", 700, 692,
     "Tiếp nhận {plan} học viên cai nghiện bắt buộc"),
    ("TIEP_NHAN.TN", "Tiếp nhận học viên cai nghiện tự nguyện", "học viên", 50, 12,
     "Tiếp nhận {plan} học viên cai nghiện tự nguyện"),
    ("TIEP_NHAN.MET", "Tiếp nhận bệnh nhân điều trị Methadone", "bệnh nhân", 60, 52,
     "Tiếp nhận {plan} bệnh nhân điều trị thay thế bằng thuốc Methadone"),
    ("DAY_NGHE.ALL", "Dạy nghề cho học viên", "học viên", 120, 105,
     "Dạy nghề cho {plan} học viên"),
    ("TU_VAN_VIEC_LAM.ALL", "Tư vấn, giới thiệu việc làm", "lượt", 300, 273,
     "Tư vấn, giới thiệu việc làm cho {plan} lượt học viên"),
)


def _values() -> dict[str, dict[str, int]]:
    """v[IND][CAT] for every indicator × category; HV and ALL are the sums."""
    v = {ind: {cat: 0 for cat in CATEGORY_KEYS} for ind in INDICATORS}
    for ind, by_cat in _BY_CATEGORY.items():
        v[ind].update(by_cat)
    v["RA_MET"]["MET"] = sum(v[ind]["MET"] for ind, _ in MET_EXITS)
    v["VAO_MET"]["MET"] = sum(v[ind]["MET"] for ind in ("TIEP_NHAN", "CHUYEN_DEN", "BAT_LAI", "CHUYEN_DIEN_DEN"))
    for ind in STOCKS + EVENTS + DERIVED:
        v[ind]["HV"] = sum(v[ind][c] for c in LEARNER_CATEGORIES)
        v[ind]["ALL"] = v[ind]["HV"] + v[ind]["MET"]
    for ind, value in _FIGURES.items():
        v[ind]["ALL"] = value
    return v


def _parts(v) -> dict[str, str]:
    parts = {}
    for ind in INDICATORS:
        parts[ind] = "; ".join(f"{CATEGORIES[c].label} {vf.count(v[ind][c])} học viên"
                               for c in LEARNER_CATEGORIES if v[ind][c])
    parts["RA_MET"] = "; ".join(f"{label} {vf.count(v[ind]['MET'])}"
                                for ind, label in MET_EXITS if v[ind]["MET"])
    parts["VAO_MET"] = ""  # all came as new patients (seed 000): no parts
    return parts


def _table(v, period) -> dict:
    rows = []
    for ind, label, bold in _TABLE_ROWS:
        if not any(v[ind][c] for c in TABLE_COLUMNS) and ind not in ("DAU_KY", "TIEP_NHAN", "CUOI_KY"):
            continue
        rows.append({
            "label": label.format(prev=period["prev_label"], end=period["end"]),
            "cells": [vf.number(v[ind][c]) if v[ind][c] else "-" for c in TABLE_COLUMNS],
            "bold": bold,
        })
    return {"columns": list(TABLE_COLUMNS), "rows": rows}


def _rate_text(actual, plan) -> str:
    return vf.rate(actual, plan) or ""


def example_context(kind: str = "bc", *, draft: bool = False) -> dict:
    """The full context of the BC (``kind='bc'``) or KH (``'kh'``) of Sơn La, 2021."""
    if kind not in ("bc", "kh"):
        raise ValueError(f"unknown document kind: {kind!r}")
    from rehabstat.documents.templates import section_numbers

    v = _values()
    n = {ind: {cat: vf.count(x) for cat, x in by_cat.items()} for ind, by_cat in v.items()}
    period = {
        "code": "2021",
        "label": period_label((2021, 1), (2021, 12)),
        "label_short": "năm",
        "start": vf.short_date(dt.date(2021, 1, 1)),
        "end": vf.short_date(dt.date(2021, 12, 31)),
        "stock_end": vf.short_date(dt.date(2021, 12, 31)),
        "prev_label": "năm 2020",
        "year": 2021,
        "label_compact": "năm 2021",
        # every month counted: no base to say (report.flow_basis)
        "basis": {"flows": "", "opening": "", "closing": "", "closes": True, "table": "", "opening_late": False},
    }
    unit = {
        "code": "SL-CSDTNMT",
        "name": "Cơ sở Điều trị nghiện ma túy tỉnh Sơn La",
        "short": "Cơ sở",
        "short_cap": "Cơ sở",
        "province": "Sơn La",
        "level": "facility",
        "scope": "",
        "full": "",
    }
    has = {
        "admissions": True, "methadone": True, "medical": True, "management": True,
        "education": True, "labour": True, "vocational": True, "reintegration": True,
        "table": True, "targets": True, "facilities": False, "education_groups": False,
        "reintegration_groups": False, "communication": False, "community": False, "aftercare": False,
        "investment": False,
    }
    targets = [
        {"code": code, "label": label, "unit": unit_, "plan": vf.number(plan),
         "actual": vf.number(actual), "rate": _rate_text(actual, plan), "met": actual >= plan}
        for code, label, unit_, plan, actual in _TARGETS_2021
    ]
    doc_type = "BC" if kind == "bc" else "KH"
    doc = {
        "parent_agency": "SỞ LĐTBXH TỈNH SƠN LA",
        "agency": "CƠ SỞ ĐIỀU TRỊ NGHIỆN MA TÚY TỈNH",
        "number_line": vf.doc_number(20, doc_type, "CSĐTNTMT"),
        "place_date": vf.place_date("Sơn La", dt.date(2022, 1, 10)),
        "doc_type": "BÁO CÁO" if kind == "bc" else "KẾ HOẠCH",
        "draft": draft,
        "signer_authority": "KT. GIÁM ĐỐC",
        "signer_title": "PHÓ GIÁM ĐỐC",
        "signer_name": "Nguyễn Văn A",
        "issuer": "Cơ sở Điều trị nghiện ma túy tỉnh Sơn La",
    }
    if kind == "bc":
        doc |= {
            "subject": "Kết quả công tác cai nghiện ma túy năm 2021",
            "recipient_to": "Sở Lao động - Thương binh và Xã hội tỉnh Sơn La",
            "legal_bases": [
                "Căn cứ Luật Phòng, chống ma túy ngày 30 tháng 3 năm 2021",
                "Căn cứ Nghị định số 116/2021/NĐ-CP ngày 21 tháng 12 năm 2021 của Chính phủ "
                "quy định chi tiết một số điều của Luật Phòng, chống ma túy, Luật Xử lý vi phạm "
                "hành chính về cai nghiện ma túy và quản lý sau cai nghiện ma túy",
            ],
            "recipients": ["Như trên", "Lãnh đạo Cơ sở", "Các phòng chuyên môn", "Lưu: VT, TCHC"],
        }
    else:
        doc |= {
            "subject": "Triển khai công tác năm 2022 của Cơ sở Điều trị nghiện ma túy tỉnh",
            "recipient_to": "",
            "legal_bases": [
                "Căn cứ Kế hoạch số 115/KH-SLĐTBXH ngày 04/11/2021 của Sở Lao động - Thương "
                "binh và Xã hội tỉnh Sơn La về công tác lao động, người có công và xã hội tỉnh "
                "Sơn La năm 2022",
            ],
            "recipients": ["Sở Lao động - Thương binh và Xã hội tỉnh Sơn La", "Lãnh đạo Cơ sở",
                           "Các phòng chuyên môn", "Lưu: VT, TCHC"],
        }
    ctx = {
        "doc": doc,
        "unit": unit,
        "period": period,
        "n": n,
        "v": v,
        "parts": _parts(v),
        "money": {**{code: vf.money(v[code]["ALL"]) for code in MONEY_CODES},
                  "QUY_CO_SO": vf.money(sum(v[c]["ALL"] for c in REVENUE_INDICATORS if c != "LOI_NHUAN")),
                  "LOI_NHUAN_ABS": vf.money(abs(v["LOI_NHUAN"]["ALL"]))},
        "labour": {"split": True, "whole": True, "loss": False,
                   "base": sum(v[c]["ALL"] for c in REVENUE_INDICATORS if c != "LOI_NHUAN")},
        "told": {"CO_MAT": True, "VANG_MAT": True, "CO_MAT_of": "", "VANG_MAT_of": ""},
        "words": {code: vf.money_words(v[code]["ALL"]) for code in MONEY_CODES},
        "pct": {k: vf.percent(x) for k, x in _PCT.items()},
        "rates": {
            "ARV": _rate_text(v["DIEU_TRI_ARV"]["ALL"], v["HIV_QUAN_LY"]["ALL"]),
            "CHUNG_CHI": _rate_text(v["CHUNG_CHI"]["ALL"], v["DAY_NGHE"]["ALL"]),
            "TAP_HUAN": "",
            "XA": "",
        },
        # no 2020 workbooks in the Sơn La sample: nothing is compared (the sentences are left out)
        "cmp": {ind: {cat: "" for cat in CATEGORY_KEYS} for ind in INDICATORS},
        "compare": {"previous": {"available": False, "label": "", "code": ""},
                    "year": {"available": False, "label": "", "code": ""}, "merged": ""},
        "parts_all": {ind: "; ".join(f"{CATEGORIES[c].label} {vf.count(v[ind][c])} học viên"
                                     for c in ALL_CATEGORIES if v[ind][c]) for ind in ("CUOI_KY", "CO_MAT", "VANG_MAT")},
        "education_groups": [],
        "reintegration_groups": [],
        "prov": {"investment": [], "investment_total": "", "investment_years": ""},
        "has": has,
        "sec": section_numbers(has),
        "table": _table(v, period),
        "targets": targets,
        "annex": [],
        "gaps": [],
        "draft_reasons": [],
        "timeliness": {"sentence": "", "late": []},
        "approval": "",
    }
    if kind == "kh":
        ctx["plan"] = {
            "code": "2022",
            "label": "năm 2022",
            "year": 2022,
            "targets": [
                {"code": code, "label": label, "unit": unit_, "plan": vf.number(plan),
                 "actual": vf.number(actual), "text": text.format(plan=vf.number(plan))}
                for code, label, unit_, plan, actual, text in _PLAN_2022
            ],
        }
    return copy.deepcopy(ctx)
