"""Late months in the web inbox: a month is late when its first accepted workbook came into
the store after the due date of [deadline] (the store's rehabstat.toml, or serve --config).
Receipt times are set here (the store's clock is patched while receiving), never the
test's own clock."""
from __future__ import annotations

import re
import shutil

import openpyxl
import pytest

pytest.importorskip("starlette")
pytest.importorskip("argon2")
pytest.importorskip("multipart")

with __import__("warnings").catch_warnings():
    __import__("warnings").simplefilter("ignore")
    from starlette.testclient import TestClient  # noqa: E402

from conftest import SAMPLES, cli  # noqa: E402
from rehabstat.store import Store, inbox  # noqa: E402
from rehabstat.web import accounts  # noqa: E402
from rehabstat.web.app import Workers, create_app  # noqa: E402

SL = SAMPLES / "son-la"
PASSWORDS = {"sl01": "sl01-mat-khau", "sonla": "sonla-mat-khau"}
# (file, received at): January on time (due 15/02), February 5 days late (due 15/03), March
# refused on time and accepted 3 days late (due 15/04), April on time and sent again late
# (the first accepted version counts). 05:00 UTC is the same day from UTC-5 to UTC+18.
SENDS = [("2021-01.xlsx", "2021-02-10T05:00:00+00:00"), ("2021-02.xlsx", "2021-03-20T05:00:00+00:00"),
         ("bad/2021-03.xlsx", "2021-04-10T05:00:00+00:00"), ("2021-03.xlsx", "2021-04-18T05:00:00+00:00"),
         ("2021-04.xlsx", "2021-05-14T05:00:00+00:00"), ("again/2021-04.xlsx", "2021-05-30T05:00:00+00:00")]


@pytest.fixture(scope="module")
def workers():
    pool = Workers(2)
    yield pool
    pool.close()


@pytest.fixture(scope="module")
def sent(tmp_path_factory):
    """A store (no rehabstat.toml of its own yet) with SENDS received at their times."""
    tmp = tmp_path_factory.mktemp("late")
    nop = tmp / "nop"
    for name in ("2021-01.xlsx", "2021-02.xlsx", "2021-03.xlsx", "2021-04.xlsx"):
        (nop / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SL / name, nop / name)
    (nop / "bad").mkdir()
    wb = openpyxl.load_workbook(SL / "2021-03.xlsx")
    wb["SI SO"]["B5"] = 9999  # breaks the stock-flow identity: refused
    wb.save(nop / "bad" / "2021-03.xlsx")
    (nop / "again").mkdir()
    wb = openpyxl.load_workbook(SL / "2021-04.xlsx")
    wb["ThongTin"]["B1"] = wb["ThongTin"]["B1"].value  # the same figures, another file: a new version
    wb.save(nop / "again" / "2021-04.xlsx")
    root = tmp / "kho"
    with Store.open(root, create=True) as s:
        accounts.add(s, "sl01", "facility", PASSWORDS["sl01"], facility="SL01")
        accounts.add(s, "sonla", "province", PASSWORDS["sonla"], province="Sơn La")
    real = inbox._now
    try:
        for name, at in SENDS:
            inbox._now = lambda at=at: at
            with Store.open(root) as s:
                s.receive([nop / name])
    finally:
        inbox._now = real
    with Store.open(root) as s:
        got = {(y, m): at for (u, y, m), at in s.first_accepted().items()}
        assert s.config_file() is None  # no rehabstat.toml came with the files
    assert got == {(2021, 1): SENDS[0][1], (2021, 2): SENDS[1][1], (2021, 3): SENDS[3][1], (2021, 4): SENDS[4][1]}
    return root


@pytest.fixture
def kho(sent, tmp_path):
    root = tmp_path / "kho"
    shutil.copytree(sent, root)
    return root


def login(app, name, lang=None):
    client = TestClient(app, follow_redirects=False)
    if lang:
        client.cookies.set("rehabstat_lang", lang)
    page = client.get("/login")
    token = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
    r = client.post("/login", data={"csrf": token, "username": name, "password": PASSWORDS[name]})
    assert r.status_code == 303, r.text
    return client


def month_list(html: str) -> dict:
    """{"02/2021": "the state cell's text"} of the facility's month list."""
    table = html.split('<table class="months">')[1].split("</table>")[0]
    return {m: re.sub(r"<[^>]+>", "", cell).strip()
            for m, cell in re.findall(r"<tr><td>(\d\d/\d{4})</td><td>(.*?)</td></tr>", table, re.S)}


def grid_row(html: str, unit: str) -> list:
    """The state cells' texts of a facility's row of the grid, month by month."""
    row = html.split(f'<a href="/unit/{unit}">')[1].split("</tr>")[0]
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(r"<td>(.*?)</td>", row, re.S)]


def test_facility_and_grid_show_late_months_by_receipt(kho, workers):
    (kho / "rehabstat.toml").write_text("[deadline]\nday = 15\n", encoding="utf-8")
    app = create_app(kho, workers)
    months = month_list(login(app, "sl01").get("/facility").text)
    assert months == {"01/2021": "đã nhận", "02/2021": "đã nhận trễ hạn 5 ngày", "03/2021": "đã nhận trễ hạn 3 ngày",
                      "04/2021": "đã nhận"}
    page = login(app, "sonla").get("/grid?year=2021")
    assert page.status_code == 200
    cells = grid_row(page.text, "SL01")
    assert cells[:4] == ["đã nhận", "đã nhận trễ hạn 5 ngày", "đã nhận trễ hạn 3 ngày", "đã nhận"]
    assert cells[4:] == ["thiếu"] * 8  # May to December: nothing sent
    assert '<td class="num">4/12</td>' in page.text.split('<a href="/unit/SL01">')[1].split("</tr>")[0]
    assert "Trễ hạn: sổ được nhận (bản đầu tiên không bị từ chối) sau hạn nộp" in page.text
    en = login(app, "sonla", lang="en").get("/grid?year=2021")
    assert grid_row(en.text, "SL01")[1] == "received late by 5 days"


def test_without_a_deadline_no_month_is_late(kho, workers):
    app = create_app(kho, workers)
    months = month_list(login(app, "sl01").get("/facility").text)
    assert set(months.values()) == {"đã nhận"}
    page = login(app, "sonla").get("/grid?year=2021")
    assert "trễ hạn" not in page.text.split("Chưa đặt hạn nộp")[0]
    assert "Chưa đặt hạn nộp ([deadline] trong rehabstat.toml của kho): không xét trễ hạn." in page.text


def test_serve_config_overrides_the_stores_own(kho, workers, tmp_path):
    (kho / "rehabstat.toml").write_text("[deadline]\nday = 15\n", encoding="utf-8")
    other = tmp_path / "hanmoi.toml"
    other.write_text("[deadline]\nday = 17\n", encoding="utf-8")  # February 3 days late, March 1
    app = create_app(kho, workers, config=other)
    cells = grid_row(login(app, "sonla").get("/grid?year=2021").text, "SL01")
    assert cells[:4] == ["đã nhận", "đã nhận trễ hạn 3 ngày", "đã nhận trễ hạn 1 ngày", "đã nhận"]


def test_serve_refuses_a_config_it_cannot_read(kho, tmp_path):
    res = cli("serve", "--store", kho, "--config", tmp_path / "khong-co.toml")
    assert res.exit_code == 2 and "khong-co.toml" in res.output
    bad = tmp_path / "sai.toml"
    bad.write_text("[deadline]\nday = 40\n", encoding="utf-8")
    res = cli("serve", "--store", kho, "--config", bad)
    assert res.exit_code == 2 and "deadline.day" in res.output and "Traceback" not in res.output


def test_received_late_counts_days_from_the_due_date():
    from rehabstat.computing.timeliness import received_late
    deadline = {"day": 15, "quarter_day": 20}
    assert received_late("2021-02-15T05:00:00+00:00", 2021, 1, deadline) == 0
    assert received_late("2021-02-16T05:00:00+00:00", 2021, 1, deadline) == 1
    assert received_late("2021-04-22T05:00:00+00:00", 2021, 3, deadline) == 2  # a quarter's last month: the 20th
    assert received_late("2022-01-25T05:00:00+00:00", 2021, 12, deadline) == 5
    assert received_late(None, 2021, 1, deadline) is None and received_late("2021-02-20T05:00:00+00:00", 2021, 1,
                                                                            None) is None
