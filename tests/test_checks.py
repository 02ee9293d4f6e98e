"""The validation rules: every defect alone gives exactly its issue at its cell; clean
data (the corpus's clean month, a clean series, the samples) give none; random cell
values never crash the reader or the checks."""
from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import broken
from rehabstat.common import rules
from rehabstat.checking.checks import run_checks
from rehabstat.settings.config import Config
from rehabstat.reading.dataset import build_dataset, read_paths
from rehabstat.common.issues import Issue
from rehabstat.common.periods import make_period
from rehabstat.reading.reader import read_workbook
from rehabstat.common.rules import RULES
from rehabstat.commands.validate import validate_paths

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
REQUIRED = ("F005 F006 F007 F008 C001 C010 C002 C003 C004 C005 C006 C007 K001 K002 K003 K004 K005 D001 D002 D003 "
            "I001 I002 I003 I004 P001 P002 P003 P004 X001 X002 O001").split()
WARNINGS = {"P001", "P002", "P003", "P004", "X002", "X003", "X004", "O001"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return broken.build_corpus(tmp_path_factory.mktemp("corpus"))


def _where(issues):
    return sorted(((i.code, Path(i.file).name if i.file else None, i.sheet, i.row, i.column) for i in issues), key=repr)


def test_corpus_covers_every_rule():
    assert set(REQUIRED) <= set(broken.CASES)
    assert set(broken.CASES) <= set(RULES)


@pytest.mark.parametrize("code", ["clean"] + sorted(broken.CASES))
def test_each_defect_gives_exactly_its_issue(corpus, code):
    folder, expected = corpus[code]
    result = validate_paths([folder], jobs=1)
    assert _where(result.issues) == sorted(expected, key=repr), "\n".join(i.message for i in result.issues)
    for i in result.issues:
        assert i.severity == ("warning" if code in WARNINGS else "error")
        assert i.message and "?" not in i.message.replace("?)", "")


def test_clean_series_gives_nothing(tmp_path):
    broken.clean_folder(tmp_path)
    result = validate_paths([tmp_path], jobs=1)
    assert result.issues == []
    assert {f["status"] for f in result.files} == {"ok"}


@pytest.mark.parametrize("folder", ["son-la", "ha-noi"])
def test_samples_give_nothing(folder):
    path = SAMPLES / folder
    if not path.is_dir():
        pytest.skip("samples not generated")
    result = validate_paths([path])
    assert [(i.code, i.file, i.where, i.message) for i in result.issues] == []
    assert len(result.files) >= 12


def test_stock_flow_without_census_row_points_at_first_event(tmp_path):
    book = broken.clean_book()
    book.census = [r for r in book.census if not r or r[0] != "HTCC"]  # HTCC has an admission on row 10
    broken.write_book(tmp_path / "m.xlsx", book)
    [i] = validate_paths([tmp_path], jobs=1).issues
    assert (i.code, i.sheet, i.row, i.column, i.field) == ("I001", "BienDong", 10, "D", "category")
    assert "HTCC" in i.message and "SiSo" in i.message and "0" in i.message


def test_category_change_into_missing_category_points_at_new_category(tmp_path):
    book = broken.clean_book()
    for r in book.census[1:]:
        if r[0] == "BB":
            r[1:] = [0, 0, 0, 0]
    book.events = [book.events[0]] + [r for r in book.events[1:] if r[broken.E_CAT] != "BB"]
    book.census = [r for r in book.census if r[0] != "BB"]
    broken.write_book(tmp_path / "m.xlsx", book)  # LTTT → BB on a row, no BB in SiSo
    [i] = validate_paths([tmp_path], jobs=1).issues
    assert (i.code, i.sheet, i.column, i.field) == ("I001", "BienDong", "G", "new_category")


def test_continuity_with_category_missing_later(tmp_path):
    (_, feb), (_, mar) = broken.series([(2021, 2), (2021, 3)])
    broken.write_book(tmp_path / "02.xlsx", feb)
    mar.census = [r for r in mar.census if r[0] != "HTCC"]
    mar.events = [r for r in mar.events if r[broken.E_CAT] != "HTCC"]
    broken.write_book(tmp_path / "03.xlsx", mar)
    issues = validate_paths([tmp_path], jobs=1).issues
    assert [(i.code, Path(i.file).name, i.sheet, i.row, i.field) for i in issues] == \
        [("I002", "03.xlsx", "SiSo", None, "opening")]


def test_totals_row_right_and_unreadable(tmp_path):
    book = broken.clean_book()
    rows = book.census[1:]
    good = ["Tổng cộng"] + [sum(r[k] for r in rows) for k in range(1, 5)]
    book.census.append(good)
    book.events.append([None, None, "Cộng", None, None, None, None, "ba", None])  # under "Họ và tên"
    broken.write_book(tmp_path / "m.xlsx", book)
    [i] = validate_paths([tmp_path], jobs=1).issues
    assert (i.code, i.sheet, i.row, i.column) == ("C001", "BienDong", len(book.events), "H")


def test_persons_carried_over_are_not_reported(tmp_path):
    """Exits and escapes of people whose history starts before the data are not reported; a
    recapture with no escape anywhere in the data is a P001 warning saying the escape may
    predate the data (the rule's own explanation)."""
    events = [[1, "A", None, "BB", "HOAN_THANH", dt.date(2021, 3, 2), None, None, None],
              [2, "B", None, "BB", "BAT_LAI", dt.date(2021, 3, 3), None, None, None],
              [3, "C", None, "BB", "TRON", dt.date(2021, 3, 4), None, None, None],
              [4, "C", None, "BB", "BAT_LAI", dt.date(2021, 3, 9), None, None, None],
              [5, "C", None, "BB", "HOAN_THANH", dt.date(2021, 3, 20), None, None, None],
              [6, "D", None, "BB", "CHUYEN_DI", dt.date(2021, 3, 21), None, None, None],
              [7, "D", None, "BB", "CHUYEN_DEN", dt.date(2021, 3, 22), None, None, None]]
    book = broken.clean_book(events=events)
    broken.write_book(tmp_path / "m.xlsx", book)
    issues = validate_paths([tmp_path], jobs=1).issues
    assert [(i.code, i.severity, i.row) for i in issues] == [("P001", "warning", 3)]  # B's recapture
    assert "trước kỳ của dữ liệu" in issues[0].message


def test_persons_across_months(tmp_path):
    """Admitted in February, admitted again in March without leaving: P003 in March."""
    (_, feb), (_, mar) = broken.series([(2021, 2), (2021, 3)])
    broken.write_book(tmp_path / "02.xlsx", feb)
    mar.events.append([12, "LC-202102-001", None, "BB", "TIEP_NHAN", dt.date(2021, 3, 27), None, None, None])
    broken.recount(mar)
    broken.write_book(tmp_path / "03.xlsx", mar)
    issues = validate_paths([tmp_path], jobs=1).issues
    assert [(i.code, Path(i.file).name, i.row) for i in issues] == [("P003", "03.xlsx", 13)]
    assert "02/02/2021" in issues[0].message


def test_missing_months_with_period_and_registry(tmp_path):
    broken.clean_folder(tmp_path, [(2021, 1), (2021, 2)])
    cfg = Config(registry={"Tỉnh Lai Châu": ["LC01", "LC09"]})
    result = validate_paths([tmp_path], period=make_period(year=2021, quarter=1), config=cfg, jobs=1)
    got = sorted(i.message for i in result.issues)
    assert [i.code for i in result.issues] == ["X002"] * 4
    assert got == sorted(["Cơ sở LC01 thiếu sổ tháng 03/2021."] +
                         [f"Cơ sở LC09 thiếu sổ tháng {m:02d}/2021." for m in (1, 2, 3)])
    # months not over yet are not missing
    result = validate_paths([tmp_path], period=make_period(year=2021, quarter=1), config=cfg,
                            today=dt.date(2021, 3, 10), jobs=1)
    assert sorted(i.message for i in result.issues) == [f"Cơ sở LC09 thiếu sổ tháng {m:02d}/2021." for m in (1, 2)]


def test_unit_not_in_registry(tmp_path):
    broken.write_book(tmp_path / "m.xlsx", broken.clean_book())
    cfg = Config(registry={"Lai Châu": ["LC02"], "Sơn La": ["SL01"]})
    issues = validate_paths([tmp_path], config=cfg, jobs=1).issues
    assert [(i.code, Path(i.file).name) for i in issues if i.code == "X004"] == [("X004", "m.xlsx")]
    assert [i.code for i in issues] == ["X004", "X002", "X002"]  # and LC02 sent nothing (the data's months)
    cfg = Config(registry={"Sơn La": ["SL01"]})  # a province the registry does not list is not judged
    assert [i.code for i in validate_paths([tmp_path], config=cfg, jobs=1).issues] == ["X002"]


def test_messages_in_english(corpus):
    """An issue keeps its values; its message is made in the language of whoever reads it."""
    folder, _ = corpus["I001"]
    [i] = validate_paths([folder], jobs=1).issues
    assert i.text("en").startswith("Category BB: closing is 101 but opening 100")
    assert i.text("vi").startswith("Diện BB: cuối kỳ ghi 101 nhưng đầu kỳ 100")
    assert i.values["found"] == 101 and i.values["diff"] == 1
    rules.LANG["value"] = "en"
    try:
        assert i.message == i.text("en")
    finally:
        rules.LANG["value"] = "vi"


def test_run_checks_returns_only_new_issues(corpus):
    folder, _ = corpus["C001"]
    ds = read_paths([folder], jobs=1)
    assert [i.code for i in ds.issues] == ["C001"]
    assert run_checks(ds) == []


def test_outlier_message_gives_the_typical_range(corpus):
    folder, _ = corpus["O001"]
    [i] = validate_paths([folder], jobs=1).issues
    assert "là 40" in i.message and "thường 0–14" in i.message


# ---------------------------------------------------------------- random cells never crash

_VALUES = st.one_of(
    st.none(),
    st.text(max_size=20),
    st.integers(min_value=-10**20, max_value=10**20),
    st.floats(allow_nan=False, allow_infinity=False, width=64),
    st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(9999, 12, 31)),
    st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(9999, 12, 31)),
    st.sampled_from(["#REF!", "#DIV/0!", "=SUM(A1:A3)", "=HYPERLINK(\"http://x\",\"y\")", "1.586",
                     "5.122.732.200 đồng", "92,5", "-3", "31/02/2021", "2021-03-05", "5/3/2021", "Tổng cộng",
                     "bat buoc", "Trốn", "CHUYEN_DIEN", "MET", "", " ", "đ", "０１２", "١٢٣", "𝟙", "∞"]),
)
_CELLS = st.lists(st.tuples(st.sampled_from(["census", "events"]), st.integers(2, 12), st.integers(1, 9), _VALUES),
                  min_size=1, max_size=12)


def _clean_text(v):
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    return ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cells=_CELLS)
def test_random_cells_never_crash(cells):
    book = broken.clean_book()
    for role, row, col, value in cells:
        rows = getattr(book, role)
        if role == "census":
            col = min(col, 5)
            row = min(row, len(rows) + 2)
        while len(rows) < row:
            rows.append([])
        target = rows[row - 1]
        while len(target) < col:
            target.append(None)
        target[col - 1] = _clean_text(value)
    with tempfile.TemporaryDirectory() as d:
        path = broken.write_book(Path(d) / "random.xlsx", book)
        result = read_workbook(path)
        ds = build_dataset([result])
        issues = ds.issues + run_checks(ds)
    for i in issues:
        assert isinstance(i, Issue) and i.code in RULES and i.severity in ("error", "warning")
    assert (ds.events["count"] >= 1).all()
    assert ds.census[["opening", "closing"]].isna().sum().sum() == 0


def test_a_row_kept_despite_its_date_still_counts_in_the_identities(tmp_path):
    """D001 keeps the row: a census that does not add up is still reported beside it."""
    book = broken.clean_book()
    book.events[3][broken.E_DATE] = dt.date(2021, 4, 5)
    book.census_row("BB")[2] += 1
    book.census_row("BB")[3] += 1
    broken.write_book(tmp_path / "m.xlsx", book)
    issues = validate_paths([tmp_path], jobs=1).issues
    assert [(i.code, i.sheet, i.row, i.column) for i in issues] == [("I001", "SiSo", 2, "C"),
                                                                     ("D001", "BienDong", 4, "F")]


def test_a_period_that_is_not_the_month_of_any_date_is_one_issue_not_one_per_row(tmp_path):
    """Every BienDong row of March under a period of April: one D003 at ThongTin!B4 that names
    both months and the row count, no D001 on each row; a single stray date is still a D001."""
    book = broken.clean_book()
    book.info[3][1] = "04/2021"
    rows = len(book.events) - 1
    broken.write_book(tmp_path / "a" / "2021-04.xlsx", book)
    result = validate_paths([tmp_path / "a"], jobs=1)
    assert [(i.code, i.sheet, i.row, i.column) for i in result.issues] == [("D003", "ThongTin", 4, "B")]
    assert result.issues[0].message == (
        f"Kỳ báo cáo ghi 04/2021 nhưng cả {rows} dòng ở trang BienDong đều có ngày trong tháng 03/2021. "
        "Hãy sửa Kỳ báo cáo cho đúng tháng của sổ (hoặc gửi đúng sổ tháng 04/2021).")
    assert rows >= 5
    one = broken.clean_book()
    one.events[2][broken.E_DATE] = dt.date(2021, 4, 5)
    broken.write_book(tmp_path / "b" / "2021-03.xlsx", one)
    assert [i.code for i in validate_paths([tmp_path / "b"], jobs=1).issues] == ["D001"]
