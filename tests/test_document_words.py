"""Computing gives numbers; documents/ writes the sentences from them (targets, approvals,
comparisons), and the report's workbook takes the numbers themselves."""
from __future__ import annotations

import pandas as pd

from rehabstat.common.periods import make_period
from rehabstat.computing.targets import compare_targets, plan_targets
from rehabstat.documents.comparisons import end_label, short_label
from rehabstat.documents.report import approval_sentence, plan_context, target_row

from conftest import SAMPLES

TABLE = pd.DataFrame([("SL01", "facility", "2021", "HOAN_THANH", "ALL", 1816),
                      ("SL01", "facility", "2021", "DOANH_THU", "ALL", 5122732200)],
                     columns=["unit", "level", "period", "indicator", "category", "value"])
TARGETS = [{"unit": None, "year": 2021, "code": "HOAN_THANH", "indicator": "HOAN_THANH", "category": "ALL",
            "label": "Học viên hoàn thành", "measure": "người", "plan": 1600},
           {"unit": None, "year": 2021, "code": "DOANH_THU", "indicator": "DOANH_THU", "category": "ALL",
            "label": None, "measure": "đồng", "plan": 5500000000}]


def test_targets_are_numbers_and_their_sentence_is_the_documents():
    compared = compare_targets(TARGETS, TABLE, ["SL01"], 2021)
    first = compared[0]
    assert (first["plan"], first["actual"], first["met"]) == (1600, 1816, True)
    assert first["ratio"] == 113.5
    assert not any(isinstance(v, str) and any(ch.isdigit() for ch in v) for t in compared for v in t.values()
                   if v not in (t["code"], t["label"]))
    row = target_row(first)
    assert (row["plan"], row["actual"], row["rate"]) == ("1.600", "1.816", "113,5%")
    assert row["sentence"] == "Học viên hoàn thành: thực hiện 1.816/1.600 người, đạt 113,5% kế hoạch (hoàn thành chỉ tiêu)."
    money = target_row(compared[1])
    assert money["sentence"].endswith("thực hiện 5.122.732.200/5.500.000.000 đồng, đạt 93,1% kế hoạch (chưa đạt chỉ tiêu).")


def test_a_plans_targets_are_numbers_written_by_the_kh():
    plan = plan_targets(TARGETS, ["SL01"], 2021, TABLE)
    assert [(t["code"], t["plan"], t["actual"]) for t in plan["targets"]] == [("HOAN_THANH", 1600, 1816),
                                                                            ("DOANH_THU", 5500000000, 5122732200)]
    ctx = plan_context(plan)
    assert (ctx["code"], ctx["label"]) == ("2021", "năm 2021")
    assert ctx["targets"][0]["text"] == "Học viên hoàn thành: 1.600 người"


def test_the_approval_sentence_is_written_from_the_months():
    quarter = make_period(year=2021, quarter=1)
    assert approval_sentence({"SL01": [], "SL02": []}, quarter) == \
        "Số liệu trong kỳ chưa được duyệt (chưa khóa trong kho dữ liệu)."
    assert approval_sentence({"SL01": [(2021, 1), (2021, 2)]}, quarter) == \
        "Số liệu các tháng 01/2021 đến 02/2021 đã được duyệt và khóa trong kho dữ liệu; tháng 03/2021 chưa được duyệt."
    assert approval_sentence({"SL01": quarter.months}, quarter) == \
        "Số liệu của mọi tháng trong kỳ đã được duyệt và khóa trong kho dữ liệu."


def test_earlier_periods_are_named_by_their_kind():
    assert [short_label(make_period(**o)) for o in (dict(year=2020), dict(year=2021, quarter=1),
                                                    dict(year=2021, month=5), dict(year=2020, half=1))] == \
        ["năm 2020", "quý I/2021", "tháng 05/2021", "6 tháng đầu năm 2020"]
    assert end_label(make_period(year=2020, half=2)) == "cuối năm 2020"
    assert end_label(make_period(start="02/2021", end="04/2021")) == "ngày 30/04/2021"


def test_the_report_workbook_holds_the_targets_as_numbers(tmp_path):
    import openpyxl
    from rehabstat.commands.report import make_report
    result = make_report(SAMPLES, make_period(year=2019), province="Nam Định", out=tmp_path,
                         targets=SAMPLES / "targets" / "nam-dinh-2019.xlsx")
    assert not result.refused
    ws = openpyxl.load_workbook(result.outputs[1])["ChiTieu"]
    rows = [r for r in ws.iter_rows(min_row=5, values_only=True) if r[0]]
    assert rows and all(isinstance(r[3], int) and isinstance(r[4], (int, float)) for r in rows)
    assert all(isinstance(r[5], str) and r[5].endswith("%") for r in rows)
