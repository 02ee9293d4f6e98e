"""The relations every figure obeys (docs/figures.md), as property tests: hypothesis draws a
small country (provinces, facilities, the first months of a year, their flows, censuses,
figures and revenue, a province workbook per quarter), writes it as monthly workbooks the
way the clerks' software does (synth.writer: clean, messy, a scripted form), and the
library must give figures that add up:

- province = Σ its facilities, nation = Σ provinces (every additive figure, the province
  workbooks' too), rates recomputed from the sums;
- the half-year's flows = Σ its months = Σ its quarters; Q1's closing = Q2's opening;
  closing = opening + inflows − outflows per category;
- the same workbooks renamed, in sub-folders, written in another layout: the same table;
- ``--compare previous`` = asking for the earlier period directly;
- every figure of a province BC's text is a figure of its workbook.

Examples are few and derandomized (CI is deterministic, the whole file a few tens of
seconds): each one writes and reads a few dozen workbooks. More of them, to search:
FIGURES_EXAMPLES=50 pytest tests/test_figures_properties.py."""
from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings, strategies as st

from rehabstat.common.codes import INFLOWS, OUTFLOWS, PROVINCE_FIGURES
from rehabstat.common.periods import make_period
from rehabstat.synth.model import CensusRow, Event, MonthBook, ProvinceBook
from rehabstat.synth.writer import write_month, write_province

YEAR = 2021
MONTHS = 6  # two quarters, one half-year
TODAY = dt.date(2030, 1, 1)  # every month due long ago: nothing depends on the clock
PROVINCES = ("Lai Châu", "Điện Biên")
RATES = {"TY_LE_GUI_SO", "TY_LE_DUNG_HAN", "TY_LE_XA_TUYEN_TRUYEN", "TY_LE_TAP_HUAN"}
# no shrinking: a failing world is printed as drawn (shrinking rewrites dozens of workbooks per step)
SETTINGS = settings(max_examples=int(os.environ.get("FIGURES_EXAMPLES", "3")), deadline=None, derandomize=True, database=None, phases=(Phase.explicit, Phase.generate),
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                           HealthCheck.data_too_large])


# ---------------------------------------------------------------- the world

@st.composite
def facility_months(draw, unit: str, name: str, province: str) -> list[MonthBook]:
    """Six months of one facility whose stocks and flows agree (the checks find nothing)."""
    categories = draw(st.lists(st.sampled_from(("BB", "TN", "HTCC", "MET")), min_size=1, max_size=3, unique=True))
    stock = {c: draw(st.integers(0, 40)) for c in categories}
    small = st.integers(0, 6)
    books = []
    for month in range(1, MONTHS + 1):
        census, events, moved = {}, [], {}
        day = dt.date(YEAR, month, 10)
        for c in sorted(categories, key=lambda c: c == "MET"):  # Methadone last: it receives the moved
            opening = stock[c]
            flows = {"TIEP_NHAN": draw(small), "CHUYEN_DEN": draw(st.integers(0, 2))}
            if c != "MET":
                flows["BAT_LAI"] = draw(st.integers(0, 1))
            have = opening + sum(flows.values()) + (moved.get(month, 0) if c == "MET" else 0)
            outs = ("BO_DIEU_TRI", "CHUYEN_DI", "RA_KHAC") if c == "MET" else ("HOAN_THANH", "TRON", "CHUYEN_DI")
            for ev in outs:
                n = draw(st.integers(0, min(have, 5)))
                flows[ev] = n
                have -= n
            for ev, n in flows.items():
                if n:
                    events.append(Event(category=c, event=ev, date=day, count=n))
            if c != "MET" and "MET" in categories and have and draw(st.booleans()):
                n = draw(st.integers(1, min(have, 2)))  # learners moved to Methadone
                events.append(Event(category=c, event="CHUYEN_DIEN", new_category="MET", date=day, count=n))
                moved[month] = moved.get(month, 0) + n
                have -= n
            absent = draw(st.integers(0, min(have, 2)))
            census[c] = CensusRow(opening=opening, closing=have, present=have - absent, absent=absent)
            stock[c] = have
        revenue = draw(st.integers(0, 300)) * 1_000_000
        costs = draw(st.integers(0, 300)) * 1_000_000  # a month, a facility, at a loss: drawn as often as not
        figures = [("KHAM_BENH", draw(st.integers(0, 400))), ("VI_PHAM", draw(st.integers(0, 9))),
                   ("DOANH_THU", revenue), ("CHI_PHI", costs)]
        books.append(MonthBook(unit=unit, unit_name=name, province=province, year=YEAR, month=month,
                               census=census, events=events, figures=figures))
    return books


@st.composite
def worlds(draw):
    """{'books': [MonthBook], 'provinces': [ProvinceBook], 'styles': {(unit, month): style}}."""
    n_provinces = draw(st.integers(1, 2))
    books, province_books = [], []
    for p, province in enumerate(PROVINCES[:n_provinces]):
        for f in range(draw(st.integers(1, 2))):
            unit = f"P{p + 1}F{f + 1}"
            books += draw(facility_months(unit, f"Cơ sở Cai nghiện ma túy số {f + 1} tỉnh {province}", province))
        for q in (1, 2):
            communes = draw(st.integers(1, 120))
            staff = draw(st.integers(1, 60))
            province_books.append(ProvinceBook(province=province, period=f"Quý {'I' * q}/{YEAR}", figures=[
                ("TAP_HUAN", None, None, draw(st.integers(0, 300))),
                ("XA", None, None, communes), ("TUYEN_TRUYEN_XA", None, None, draw(st.integers(0, communes))),
                ("CAN_BO", None, None, staff), ("CAN_BO_TAP_HUAN", None, None, draw(st.integers(0, staff))),
                ("CAI_NGHIEN_GIA_DINH", None, None, draw(st.integers(0, 50))),
            ]))
    styles = {(b.unit, b.month): draw(st.sampled_from(("clean", "messy", "form"))) for b in books}
    return {"books": books, "provinces": province_books, "styles": styles}


def write_world(world, root: Path, *, styles=None, nested=False, renamed=False) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for b in world["books"]:
        name = f"{b.unit}-{b.month:02d}.xlsx" if not renamed else f"so lieu {b.month:02d} ({b.unit.lower()}).xlsx"
        folder = root / b.province.replace(" ", "-") / b.unit if nested else root
        folder.mkdir(parents=True, exist_ok=True)
        write_month(folder / name, b, style=(styles or {}).get((b.unit, b.month), "clean"))
    for k, pb in enumerate(world["provinces"]):
        folder = root / pb.province.replace(" ", "-") / "tinh" if nested else root
        folder.mkdir(parents=True, exist_ok=True)
        write_province(folder / f"tinh-{pb.province.replace(' ', '-')}-{k}.xlsx", pb)
    return root


def table(data, level="facility", quarter=None, half=None, month=None, compare=None) -> dict:
    """{(unit, indicator, category): value} of `indicators`, or with compare the earlier
    value beside each."""
    from rehabstat.commands.indicators import indicator_table
    period = make_period(year=YEAR, quarter=quarter, half=half, month=month)
    t, _ = indicator_table(data, period, level=level, today=TODAY, compare=compare)
    col = "earlier_value" if compare else "value"
    return {(u, i, c): v for u, i, c, v in zip(t["unit"], t["indicator"], t["category"], t[col])}


def additive(key) -> bool:
    return key[1] not in RATES and key[1] != "TRON_NGUOI"


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    return tmp_path_factory.mktemp("worlds")


def _fresh(scratch: Path, name: str) -> Path:
    path = scratch / name
    shutil.rmtree(path, ignore_errors=True)
    return path


# ---------------------------------------------------------------- levels and periods

@SETTINGS
@given(world=worlds())
def test_levels_and_periods_add_up(world, scratch):
    data = write_world(world, _fresh(scratch, "levels"))
    fac, prov, nat = (table(data, level, half=1) for level in ("facility", "province", "national"))
    province_of = {b.unit: b.province for b in world["books"]}
    # province = Σ its facilities (the facility table has no province workbook rows)
    sums: dict = {}
    for (u, i, c), v in fac.items():
        if additive((u, i, c)):
            sums[(province_of[u], i, c)] = sums.get((province_of[u], i, c), 0) + v
    for key, v in sums.items():
        assert prov.get(key, 0) == v, key
    # nation = Σ provinces, every additive figure (the province workbooks' included)
    by_nation: dict = {}
    for (u, i, c), v in prov.items():
        if additive((u, i, c)):
            by_nation[("VN", i, c)] = by_nation.get(("VN", i, c), 0) + v
    assert {k: v for k, v in nat.items() if additive(k)} == pytest.approx(by_nation)
    assert any(k[1] in PROVINCE_FIGURES for k in nat)
    # rates from the sums
    xa = sum(v for (u, i, c), v in prov.items() if i == "XA")
    reached = sum(v for (u, i, c), v in prov.items() if i == "TUYEN_TRUYEN_XA")
    assert nat[("VN", "TY_LE_XA_TUYEN_TRUYEN", "ALL")] == round(reached * 100 / xa, 1)

    # the half-year's flows = Σ quarters = Σ months; Q1's closing = Q2's opening
    q1, q2 = (table(data, "province", quarter=q) for q in (1, 2))
    from rehabstat.commands.prepare import read as load
    from rehabstat.computing.indicators import compute
    ds, cfg = load(data)  # the months from the engine itself: one reading, not six
    months = []
    for m in range(1, MONTHS + 1):
        t = compute(ds, make_period(year=YEAR, month=m), level="province", split=cfg.split)
        months.append({(u, i, c): v for u, i, c, v in zip(t["unit"], t["indicator"], t["category"], t["value"])})
    for (u, i, c), v in prov.items():
        if i in INFLOWS + OUTFLOWS or i in ("KHAM_BENH", "VI_PHAM", "DOANH_THU", "CHI_PHI", "TAP_HUAN",
                                             "CAI_NGHIEN_GIA_DINH"):
            assert v == q1.get((u, i, c), 0) + q2.get((u, i, c), 0), (u, i, c)
            if i not in PROVINCE_FIGURES:
                assert v == sum(m.get((u, i, c), 0) for m in months), (u, i, c)
        if i == "DAU_KY":
            assert v == q1[(u, i, c)] and q2[(u, i, c)] == q1[(u, "CUOI_KY", c)]
        if i == "CUOI_KY":
            assert v == q2[(u, i, c)] == months[-1][(u, i, c)]
            # the stock-flow identity, per category and for HV/ALL
            flows = sum(prov.get((u, f, c), 0) for f in INFLOWS) - sum(prov.get((u, f, c), 0) for f in OUTFLOWS)
            assert v == prov[(u, "DAU_KY", c)] + flows, (u, c)
    # funds: each facility from its own surplus; the province's = Σ facilities'
    for u in {province_of[x] for x in province_of}:
        own = [x for x in province_of if province_of[x] == u]
        funds = sum(fac.get((x, "TRICH_CCTL", "ALL"), 0) for x in own)
        assert prov.get((u, "TRICH_CCTL", "ALL"), 0) == funds


# ---------------------------------------------------------------- layout and format

@SETTINGS
@given(world=worlds())
def test_folder_layout_names_and_workbook_layout_do_not_change_a_figure(world, scratch):
    flat = write_world(world, _fresh(scratch, "flat"))
    other = write_world(world, _fresh(scratch, "nested"), styles=world["styles"], nested=True, renamed=True)
    for level in ("facility", "province", "national"):
        assert table(other, level, quarter=2) == table(flat, level, quarter=2), level


# ---------------------------------------------------------------- --compare

@SETTINGS
@given(world=worlds())
def test_compare_previous_is_asking_for_the_earlier_period(world, scratch):
    data = write_world(world, _fresh(scratch, "compare"))
    for level in ("facility", "province", "national"):
        earlier = table(data, level, quarter=2, compare="previous")
        direct = table(data, level, quarter=1)
        for key, before in earlier.items():
            if key in direct:
                assert before is not None and float(before) == pytest.approx(float(direct[key])), (level, key)
            elif before is not None:  # a flow of events nobody had then: 0
                assert key[1] in INFLOWS + OUTFLOWS and float(before) == 0, (level, key)


# ---------------------------------------------------------------- a BC's text and its workbook

NUMBER = re.compile(r"(?<![\w/])(\d{1,3}(?:\.\d{3})+|\d+)(?![\w/%,])")
NOT_FIGURES = (re.compile(r"\d{1,2}/\d{1,2}/\d{4}"), re.compile(r"\d{1,2}/\d{4}"), re.compile(r"năm \d{4}"),
               re.compile(r"\b[IV]+/\d{4}"), re.compile(r"\d+(?:,\d+)?%"), re.compile(r"^\d+\. "),
               re.compile(r"ma túy số \d+"))  # a facility's name


def _lines(path) -> list[str]:
    import docx
    d = docx.Document(path)
    return [p.text for p in d.paragraphs] + [" | ".join(c.text for c in row.cells) for t in d.tables for row in t.rows]


def text_figures(path) -> set[int]:
    """The figures of a BC's part I (its sentences and tables), dates, periods, section
    numbers and percentages aside; "21/21" counts as two figures."""
    import docx
    d = docx.Document(path)
    paras = [p.text for p in d.paragraphs]
    start = next(k for k, t in enumerate(paras) if t.startswith("I. KẾT QUẢ"))
    end = next(k for k, t in enumerate(paras) if t.startswith("II. "))
    cells = [[c.text for c in row.cells] for t in d.tables[1:] for row in t.rows]
    lines = paras[start + 1:end] + [c for row in cells if not any("Nơi nhận" in c for c in row)
                                    for k, c in enumerate(row) if not (k == 0 and c.isdigit())]  # STT: no figure
    out = set()
    for line in lines:
        for pattern in NOT_FIGURES:
            line = pattern.sub(" ", line)
        line = re.sub(r"(\d+)/(\d+)", r"\1 \2", line)
        out |= {int(m.replace(".", "")) for m in NUMBER.findall(line)}
    return out


def workbook_figures(path) -> set[int]:
    import openpyxl
    out = set()
    for ws in openpyxl.load_workbook(path, read_only=True).worksheets:
        for row in ws.iter_rows(values_only=True):
            for v in row:
                if isinstance(v, (int, float)) and not isinstance(v, bool) and float(v).is_integer():
                    out |= {abs(int(v))}
                elif isinstance(v, str) and re.fullmatch(r"\d+/\d+", v):
                    out |= {int(x) for x in v.split("/")}
    return out


@SETTINGS
@given(world=worlds())
def test_every_figure_of_a_bc_text_is_a_figure_of_its_workbook(world, scratch):
    from rehabstat.commands.report import make_report
    data = write_world(world, _fresh(scratch, "bc"))
    out = _fresh(scratch, "bc-out")
    province = world["books"][0].province
    result = make_report(data, make_period(year=YEAR, quarter=1), province=province, out=out, today=TODAY)
    assert not result.refused and not result.draft, result.errors
    docx_path, xlsx_path = result.outputs
    missing = text_figures(docx_path) - workbook_figures(xlsx_path)
    assert not missing, f"figures of the text that its workbook does not hold: {sorted(missing)}\n" + "\n".join(
        line for line in _lines(docx_path) if any(re.search(rf"\b0*{n}\b", line) for n in missing))
