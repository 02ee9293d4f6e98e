"""The web inbox over HTTP (Starlette's test client): login, sessions, CSRF, every role and
every refusal, uploads through the same sandbox, rules and gate as `rehabstat receive`."""
from __future__ import annotations

import datetime as dt
import io
import re
import shutil

import openpyxl
import pytest

pytest.importorskip("starlette")
pytest.importorskip("argon2")
pytest.importorskip("multipart")

with __import__("warnings").catch_warnings():  # starlette's client asks for httpx2 on its newest releases
    __import__("warnings").simplefilter("ignore")
    from starlette.testclient import TestClient  # noqa: E402

from conftest import SAMPLES, cli  # noqa: E402
from rehabstat.store import Store  # noqa: E402
from rehabstat.store.said import shown  # noqa: E402
from rehabstat.web import accounts  # noqa: E402
from rehabstat.web.app import MAX_UPLOAD, Workers, create_app  # noqa: E402

SL = SAMPLES / "son-la"
HN = SAMPLES / "ha-noi" / "HN01"
PASSWORDS = {"cuc": "cuc-mat-khau-1", "sl01": "sl01-mat-khau", "sonla": "sonla-mat-khau", "hanoi": "hanoi-mat-khau"}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture(scope="module")
def workers():
    pool = Workers(2)
    yield pool
    pool.close()


@pytest.fixture
def kho(tmp_path):
    root = tmp_path / "kho"
    with Store.open(root, create=True) as s:
        accounts.add(s, "cuc", "department", PASSWORDS["cuc"])
        accounts.add(s, "sl01", "facility", PASSWORDS["sl01"], facility="SL01")
        accounts.add(s, "sonla", "province", PASSWORDS["sonla"], province="Sơn La")
        accounts.add(s, "hanoi", "province", PASSWORDS["hanoi"], province="Hà Nội")
    return root


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def login(app, name, password=None):
    client = TestClient(app, follow_redirects=False)
    page = client.get("/login")
    r = client.post("/login", data={"csrf": csrf_of(page.text), "username": name,
                                    "password": password or PASSWORDS[name]})
    assert r.status_code == 303, r.text
    return client


def upload(client, *paths, names=None, csrf=True):
    token = csrf_of(client.get("/facility").text) if csrf else None
    files = [("files", ((names or {}).get(p, p.name), p.read_bytes(), XLSX)) for p in paths]
    return client.post("/upload", data={"csrf": token} if token else {}, files=files)


def receipts(kho) -> int:
    with Store.open(kho) as s:
        return s.con.execute("SELECT count(*) FROM receipts").fetchone()[0]


def bad_march(tmp_path):
    """March with a closing census that breaks the stock-flow identity (I001 at SI SO!B5)."""
    wb = openpyxl.load_workbook(SL / "2021-03.xlsx")
    wb["SI SO"]["B5"] = 9999
    path = tmp_path / "2021-03.xlsx"
    wb.save(path)
    return path


# ---------------------------------------------------------------- login, sessions, CSRF

def test_login_form_session_cookie_and_logout(kho, workers):
    app = create_app(kho, workers)
    client = TestClient(app, follow_redirects=False)
    page = client.get("/login")
    assert page.status_code == 200
    assert 'name="username"' in page.text and 'name="password"' in page.text and 'name="csrf"' in page.text
    assert "Đăng nhập" in page.text  # Vietnamese by default
    r = client.post("/login", data={"csrf": csrf_of(page.text), "username": "sl01", "password": "wrong-password"})
    assert r.status_code == 401 and "Sai tên tài khoản hoặc mật khẩu." in r.text
    r = client.post("/login", data={"csrf": csrf_of(r.text), "username": "sl01", "password": PASSWORDS["sl01"]})
    assert r.status_code == 303 and r.headers["location"] == "/facility"
    cookie = [h for h in r.headers.get_list("set-cookie") if h.startswith("rehabstat_session=")][0]
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie
    assert r.headers["content-security-policy"].startswith("default-src 'none'")
    home = client.get("/facility")
    assert home.status_code == 200 and 'type="file" name="files" multiple' in home.text
    with Store.open(kho) as s:  # the store keeps a hash of the token, never the token
        token = client.cookies.get("rehabstat_session")
        assert s.con.execute("SELECT count(*) FROM sessions WHERE token = ?", (token,)).fetchone()[0] == 0
    out = client.post("/logout", data={"csrf": csrf_of(home.text)})
    assert out.status_code == 303
    client.cookies.set("rehabstat_session", token)
    assert client.get("/facility").status_code == 303  # the session is gone: back to the login page
    with Store.open(kho) as s:
        actions = [(r[2], r[3]) for r in s.log()]
    assert ("sl01", "login-failed") in actions and ("sl01", "login") in actions and ("sl01", "logout") in actions


def test_login_without_csrf_is_refused(kho, workers):
    client = TestClient(create_app(kho, workers), follow_redirects=False)
    client.get("/login")
    r = client.post("/login", data={"username": "sl01", "password": PASSWORDS["sl01"]})
    assert r.status_code == 403 and "rehabstat_session" not in client.cookies


def test_login_slowed_after_repeated_failures(kho, workers):
    client = TestClient(create_app(kho, workers), follow_redirects=False)
    token = csrf_of(client.get("/login").text)
    for k in range(accounts.FREE_FAILURES):
        r = client.post("/login", data={"csrf": token, "username": "cuc", "password": "x" * 10})
        assert r.status_code == (429 if k == accounts.FREE_FAILURES - 1 else 401)  # the last one says to wait
        token = csrf_of(r.text)
    # the right password now waits too (nothing is checked while the account waits)
    r = client.post("/login", data={"csrf": token, "username": "cuc", "password": PASSWORDS["cuc"]})
    assert r.status_code == 429 and "hãy chờ" in r.text
    with Store.open(kho) as s:
        assert accounts.wait_seconds(s, "cuc") >= 1
        later = accounts.utcnow() + dt.timedelta(seconds=accounts.FIRST_WAIT + 1)
        assert accounts.wait_seconds(s, "cuc", now=later) == 0
        assert accounts.login(s, "cuc", PASSWORDS["cuc"], now=later).user.name == "cuc"


def test_sessions_expire_and_end_with_the_account(kho):
    with Store.open(kho) as s:
        got = accounts.login(s, "sonla", PASSWORDS["sonla"])
        assert accounts.session(s, got.token)[0].name == "sonla"
        later = accounts.utcnow() + dt.timedelta(hours=accounts.SESSION_HOURS, seconds=1)
        assert accounts.session(s, got.token, now=later) is None
        accounts.disable(s, "sonla")
        assert accounts.session(s, got.token) is None
        assert accounts.login(s, "sonla", PASSWORDS["sonla"]).user is None
        stored = s.con.execute("SELECT password FROM users WHERE name = 'cuc'").fetchone()[0]
    assert stored.startswith("$argon2id$") and PASSWORDS["cuc"] not in stored


def test_an_account_added_while_serving_works_at_once(kho, workers):
    app = create_app(kho, workers)
    TestClient(app).get("/login")
    with Store.open(kho) as s:
        accounts.add(s, "sl01b", "facility", "moi-mat-khau-9", facility="SL01")
    assert login(app, "sl01b", "moi-mat-khau-9").get("/facility").status_code == 200


def test_users_commands(tmp_path):
    kho = tmp_path / "kho"
    from typer.testing import CliRunner
    from rehabstat.cli import app
    run = lambda *a, input=None: CliRunner().invoke(app, [str(x) for x in a], input=input)  # noqa: E731
    r = run("users", "add", "nv1", "--store", kho, "--role", "facility", "--facility", "sl 01", "--password-stdin",
            input="mot-mat-khau\n")
    assert r.exit_code == 0, r.output
    r = run("users", "add", "tinh", "--store", kho, "--role", "province", "--province", "Sơn Lâm", "--password-stdin",
            input="mot-mat-khau\n")
    assert r.exit_code == 2 and "không phải tên tỉnh" in r.output
    assert run("users", "add", "x", "--store", kho, "--role", "facility", "--password-stdin", input="a\n").exit_code == 2
    r = run("users", "add", "nv2", "--store", kho, "--role", "facility", "--facility", "SL01", "--password-stdin",
            input="ngan\n")
    assert r.exit_code == 2 and "ít nhất 8" in r.output
    r = run("users", "list", "--store", kho)
    assert r.exit_code == 0 and re.search(r"nv1\s+facility\s+SL01\s+hoạt động", r.output), r.output
    assert run("users", "passwd", "nv1", "--store", kho, "--password-stdin", input="mat-khau-moi\n").exit_code == 0
    assert run("users", "disable", "nv1", "--store", kho).exit_code == 0
    assert "đã khóa" in run("users", "list", "--store", kho).output
    assert run("users", "disable", "ai-do", "--store", kho).exit_code == 2
    with Store.open(kho) as s:
        assert accounts.login(s, "nv1", "mat-khau-moi").user is None  # disabled
        actions = [r[3] for r in s.log()]
    assert actions[:3] == ["user-add", "user-passwd", "user-disable"]


# ---------------------------------------------------------------- a facility sends

def test_upload_received_with_issues_rendered_and_audited(kho, workers, tmp_path):
    client = login(create_app(kho, workers), "sl01")
    r = upload(client, SL / "2021-01.xlsx", SL / "2021-02.xlsx")
    assert r.status_code == 200, r.text
    assert r.text.count("Đã nhận</dd>") == 0  # the outcome carries its version
    assert r.text.count('class="outcome">Đã nhận · phiên bản 1') == 2
    assert "SL01 – Cơ sở Điều trị nghiện ma túy tỉnh Sơn La" in r.text and "01/2021" in r.text
    with Store.open(kho) as s:
        rows = s.con.execute("SELECT who, account, action FROM audit WHERE action = 'receive'").fetchall()
    assert rows == [("sl01", "sl01", "receive")] * 2
    # a workbook with an error: rejected, every issue with its code, place and message; its marked copy
    bad = bad_march(tmp_path)
    r = upload(client, bad)
    assert 'class="outcome">Bị từ chối' in r.text
    row = re.search(r'<td class="code">I001</td><td>lỗi</td><td class="place">([^<]+)</td><td>([^<]+)</td>', r.text)
    assert row is not None, r.text
    assert row.group(1).startswith("SI SO!") and row.group(2).strip()
    link = re.search(r'href="(/receipt/\d+/annotated)"', r.text).group(1)
    # in English, the same issue in English (rendered from its code and values, not translated)
    client.get("/lang/en?next=/facility")
    again = upload(client, bad)
    assert 'class="outcome">Already in the store' in again.text
    assert re.search(r'<td class="code">I001</td><td>error</td><td class="place">[^<]+</td><td>Category [^<]*: closing is',
                     again.text), again.text
    client.get("/lang/vi?next=/facility")
    copy = client.get(link)
    assert copy.status_code == 200 and copy.content[:2] == b"PK"
    assert "KiemTra" in openpyxl.load_workbook(io.BytesIO(copy.content)).sheetnames
    # the months and their states, and the next month's form with its opening carried over
    home = client.get("/facility")
    assert re.search(r"<td>01/2021</td><td><span class=\"st st-received\">đã nhận", home.text)
    assert re.search(r"<td>03/2021</td><td><span class=\"st st-errors\">có lỗi", home.text)
    assert "Tải sổ trống tháng 03/2021" in home.text  # March was refused: its form again, opening from February
    form = client.get("/form/next")
    assert form.status_code == 200 and "SL01-2021-03" in form.headers["content-disposition"]
    with Store.open(kho) as s:
        closing = dict(s.con.execute("SELECT c.category, c.closing FROM census c JOIN receipts r ON r.id = c.receipt "
                                     "WHERE r.month = 2 AND r.status = 'accepted'").fetchall())
    siso = openpyxl.load_workbook(io.BytesIO(form.content))["SiSo"]
    opening = {row[0].value: row[1].value for row in siso.iter_rows(min_row=2) if row[0].value}
    assert closing["BB"] > 0 and list(opening.values()).count(closing["BB"]) >= 1, (opening, closing)


def test_another_facilitys_workbook_is_refused_and_nothing_stored(kho, workers):
    client = login(create_app(kho, workers), "sl01")
    r = upload(client, HN / "2021-01.xlsx")
    assert r.status_code == 200 and "Bị từ chối: sổ của cơ sở khác" in r.text and "HN01" in r.text
    # whose and which month it is are read from it, and said
    assert "<dd>01/2021</dd>" in r.text and "không rõ" not in r.text
    assert receipts(kho) == 0
    assert not list((kho / "originals").rglob("*.xlsx")) if (kho / "originals").exists() else True


def test_upload_without_csrf_is_403_and_stores_nothing(kho, workers):
    client = login(create_app(kho, workers), "sl01")
    r = upload(client, SL / "2021-01.xlsx", csrf=False)
    assert r.status_code == 403
    r = client.post("/upload", data={"csrf": "forged"}, files=[("files", ("a.xlsx", (SL / "2021-01.xlsx").read_bytes()))])
    assert r.status_code == 403
    assert receipts(kho) == 0


def test_upload_over_50_mb_is_413_before_it_is_read(kho, workers):
    client = login(create_app(kho, workers), "sl01")
    token = csrf_of(client.get("/facility").text)
    big = b"0" * (MAX_UPLOAD + 1)
    r = client.post("/upload", data={"csrf": token}, files=[("files", ("to.xlsx", big, XLSX))])
    assert r.status_code == 413 and "50 MB" in r.text
    assert receipts(kho) == 0


def test_names_are_escaped_and_path_characters_harmless(kho, workers, tmp_path):
    wb = openpyxl.load_workbook(SL / "2021-03.xlsx")
    wb["Thong tin"]["B4"] = "<script>alert('x')</script><b>Cơ sở</b>"
    evil = tmp_path / "evil.xlsx"
    wb.save(evil)
    client = login(create_app(kho, workers), "sl01")
    r = upload(client, evil, names={evil: "../../..\\..\\<img src=x onerror=alert(1)>.xlsx"})
    assert r.status_code == 200
    assert "<script>alert" not in r.text and "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in r.text
    assert "<img src=x" not in r.text and '<span class="fname">_img src=x onerror=alert(1)_.xlsx</span>' in r.text
    with Store.open(kho) as s:
        name, path = s.con.execute("SELECT original_name, path FROM receipts").fetchone()
    assert name == "_img src=x onerror=alert(1)_.xlsx" and ".." not in path
    assert (kho / path).resolve().is_relative_to(kho.resolve())
    assert not list(tmp_path.parent.glob("*.xlsx"))


# ---------------------------------------------------------------- roles

def test_each_role_sees_only_its_own(kho, workers, tmp_path):
    cli("receive", SL / "2021-01.xlsx", HN / "2021-01.xlsx", "--store", kho)
    app = create_app(kho, workers)
    with Store.open(kho) as s:
        hn_receipt = s.con.execute("SELECT id FROM receipts WHERE unit = 'HN01'").fetchone()[0]
    fac = login(app, "sl01")
    assert fac.get("/grid").status_code == 403
    assert fac.get("/audit").status_code == 403
    assert fac.get("/documents").status_code == 403
    assert fac.get("/unit/HN01").status_code == 404
    other = fac.get(f"/receipt/{hn_receipt}/annotated")
    assert other.status_code == 404 and "HN01" not in other.text
    assert fac.get("/unit/SL01").status_code == 200
    token = csrf_of(fac.get("/facility").text)
    assert fac.post("/approve", data={"csrf": token, "unit": "SL01", "year": 2021, "month": 1}).status_code == 403

    sonla = login(app, "sonla")
    grid = sonla.get("/grid?year=2021&month=1")
    assert grid.status_code == 200 and "SL01" in grid.text and "HN01" not in grid.text
    assert sonla.get("/unit/HN01").status_code == 404
    assert sonla.get("/documents/bc.docx?year=2021&month=1&province=Hà Nội").status_code in (200, 404)
    audit = sonla.get("/audit")
    assert audit.status_code == 200 and "HN01" not in audit.text
    token = csrf_of(sonla.get("/unit/SL01").text)
    assert sonla.post("/approve", data={"csrf": token, "unit": "HN01", "year": 2021, "month": 1}).status_code == 404
    assert sonla.post("/unlock", data={"csrf": token, "unit": "SL01", "year": 2021, "month": 1,
                                       "reason": "x"}).status_code == 403
    assert sonla.get("/form/next").status_code == 403
    assert sonla.post("/upload", data={"csrf": token}).status_code == 403

    cuc = login(app, "cuc")
    grid = cuc.get("/grid?year=2021&month=1")
    assert "SL01" in grid.text and "HN01" in grid.text
    assert cuc.get("/unit/HN01").status_code == 200
    with Store.open(kho) as s:
        assert s.con.execute("SELECT count(*) FROM approvals").fetchone()[0] == 0  # no refused request acted


def test_approve_lock_unlock_with_reason(kho, workers, tmp_path):
    app = create_app(kho, workers)
    fac = login(app, "sl01")
    upload(fac, SL / "2021-03.xlsx")
    sonla = login(app, "sonla")
    page = sonla.get("/unit/SL01")
    assert "Duyệt và khóa" in page.text and "Mở khóa" not in page.text  # a province does not unlock
    r = sonla.post("/approve", data={"csrf": csrf_of(page.text), "unit": "SL01", "year": 2021, "month": 3})
    assert r.status_code == 303
    assert "đã duyệt, khóa" in sonla.get("/unit/SL01").text
    # a changed January is refused while the month is locked
    changed = tmp_path / "2021-03.xlsx"
    wb = openpyxl.load_workbook(SL / "2021-03.xlsx")
    wb["so_lieu"]["C6"] = 1
    wb.save(changed)
    r = upload(fac, changed)
    assert 'class="outcome">Bị từ chối' in r.text and "đã được duyệt và khóa" in r.text
    cuc = login(app, "cuc")
    page = cuc.get("/unit/SL01")
    token = csrf_of(page.text)
    assert cuc.post("/unlock", data={"csrf": token, "unit": "SL01", "year": 2021, "month": 3}).status_code == 400
    r = cuc.post("/unlock", data={"csrf": token, "unit": "SL01", "year": 2021, "month": 3,
                                  "reason": "Cơ sở sửa số liệu"})
    assert r.status_code == 303
    with Store.open(kho) as s:
        log = [(r[2], r[3], shown(r[8], "vi")) for r in s.log() if r[3] in ("approve", "unlock")]
    assert log == [("sonla", "approve", "duyệt phiên bản 1"), ("cuc", "unlock", "Cơ sở sửa số liệu")]
    audit = cuc.get("/audit")
    assert "Cơ sở sửa số liệu" in audit.text


VI_LETTER = re.compile(r"[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]")


def _words(html: str) -> str:
    """A page's text without its tags (and without the link back to Vietnamese)."""
    return re.sub(r"<[^>]+>", " ", html).replace("Tiếng Việt", "")


def test_english_pages_say_the_stores_reasons_and_audit_in_english(kho, workers, tmp_path):
    """A user who picks English reads the store's refusals and its audit in English, though
    the files were received by Vietnamese users: the store keeps keys and values, not words."""
    app = create_app(kho, workers)
    fac = login(app, "sl01")
    upload(fac, SL / "2021-03.xlsx")
    sonla = login(app, "sonla")
    page = sonla.get("/unit/SL01")
    assert sonla.post("/approve", data={"csrf": csrf_of(page.text), "unit": "SL01", "year": 2021,
                                        "month": 3}).status_code == 303
    changed = tmp_path / "2021-03.xlsx"
    wb = openpyxl.load_workbook(SL / "2021-03.xlsx")
    wb["so_lieu"]["C6"] = 1
    wb.save(changed)
    r = upload(fac, changed)  # refused in Vietnamese, for the Vietnamese user
    assert "tháng 03/2021 của SL01 đã được duyệt và khóa" in r.text
    fac.get("/lang/en?next=/facility")
    wb["so_lieu"]["C6"] = 2
    again = tmp_path / "again" / "2021-03.xlsx"
    again.parent.mkdir()
    wb.save(again)
    r = upload(fac, again)
    assert 'class="outcome">Rejected' in r.text and "03/2021 of SL01 is approved and locked (" in r.text
    wb = openpyxl.load_workbook(SL / "2021-04.xlsx")
    wb["SiSo"]["C2"] = 1569  # the closing census no longer follows from the opening and the events
    april = tmp_path / "2021-04.xlsx"
    wb.save(april)
    assert 'class="outcome">Rejected' in upload(fac, april).text
    cuc = login(app, "cuc")
    cuc.get("/lang/en?next=/audit")
    audit = _words(cuc.get("/audit").text)
    assert "approved version 1" in audit and "2021-03.xlsx: version 1" in audit
    assert "2021-03.xlsx: 03/2021 of SL01 is approved and locked (" in audit
    assert ("2021-04.xlsx: 2 errors – I001 SiSo!C2: Category BB: closing is 1,569 but opening 1,590 + in 102 − out 71 "
            "= 1,621 (off by -52) | I003 SiSo!D2: Category BB: present 1,613 + absent 8 = 1,621, not the closing "
            "1,569.") in audit
    names = audit.replace("Sơn La", "").replace("Hà Nội", "")  # provinces keep their names
    assert [line for line in names.splitlines() if VI_LETTER.search(line)] == []
    unit = _words(cuc.get("/unit/SL01").text)
    assert "03/2021 of SL01 is approved and locked" in unit
    unit = unit.replace("Cơ sở Điều trị nghiện ma túy tỉnh Sơn La", "").replace("Sơn La", "")  # its name, its province
    assert [line for line in unit.splitlines() if VI_LETTER.search(line)] == []
    cuc.get("/lang/vi?next=/audit")
    audit = _words(cuc.get("/audit").text)
    assert "duyệt phiên bản 1" in audit and "2021-03.xlsx: tháng 03/2021 của SL01 đã được duyệt và khóa (" in audit


def test_grid_versions_chart_documents_and_english(kho, workers, tmp_path):
    for m in (1, 2, 3):
        cli("receive", SL / f"2021-{m:02d}.xlsx", "--store", kho)
    changed = tmp_path / "2021-03.xlsx"
    wb = openpyxl.load_workbook(SL / "2021-03.xlsx")
    wb["so_lieu"]["C6"] = int(wb["so_lieu"]["C6"].value or 0) + 1
    wb.save(changed)
    cli("receive", changed, "--store", kho)
    app = create_app(kho, workers)
    sonla = login(app, "sonla")
    grid = sonla.get("/grid?year=2021&quarter=1")
    assert grid.status_code == 200
    assert re.search(r"SL01</a>.*?(st-received.*?){3}.*?3/3", grid.text, re.S)
    assert "<svg" in grid.text and grid.text.count('class="bar"') == 3
    assert sonla.get("/grid?year=2021&quarter=5").status_code == 400
    half = sonla.get("/grid?from=01/2021&to=06/2021")
    assert "thiếu" in half.text or "chưa đến hạn" in half.text
    unit = sonla.get("/unit/SL01")
    assert "Số liệu thay đổi so với phiên bản trước: 03/2021, phiên bản 1 → 2" in unit.text
    docx = sonla.get("/documents/bc.docx?year=2021&quarter=1")
    assert docx.status_code == 200 and docx.content[:2] == b"PK"
    from docx import Document
    text = "\n".join(p.text for p in Document(io.BytesIO(docx.content)).paragraphs)
    assert "Sơn La" in text
    xlsx = sonla.get("/documents/bc.xlsx?year=2021&quarter=1")
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"
    assert sonla.get("/documents/national.xlsx?year=2021&quarter=1").status_code == 403
    cuc = login(app, "cuc")
    national = cuc.get("/documents/national.xlsx?year=2021&quarter=1")
    assert national.status_code == 200 and national.content[:2] == b"PK"
    with Store.open(kho) as s:
        downloads = [(r[2], shown(r[8], "vi")) for r in s.log() if r[3] == "download"]
    assert [who for who, _ in downloads] == ["sonla", "sonla", "cuc"]
    assert downloads[0][1].endswith(".docx") and downloads[2][1].startswith("TongHop")
    # every page stands alone: no script, nothing from another site
    for page in ("/grid?year=2021&quarter=1", "/unit/SL01", "/documents", "/audit", "/login"):
        html = cuc.get(page).text
        assert "<script" not in html and "http://" not in html and "https://" not in html, page
    # English when the user picks it
    r = cuc.get("/lang/en?next=/grid")
    assert r.status_code == 303 and r.headers["location"] == "/grid"
    assert "Completeness" in cuc.get("/grid?year=2021&quarter=1").text
    assert cuc.get("/lang/en?next=//evil.example").headers["location"] == "/"


def test_files_are_cleaned_up(kho, workers):
    app = create_app(kho, workers)
    web = app.app.state.web
    client = login(app, "sl01")
    upload(client, SL / "2021-01.xlsx")
    assert not any(p.is_file() for p in web.uploads.rglob("*"))
    assert not any((kho / "tmp").iterdir())
    shutil.rmtree(web.uploads, ignore_errors=True)


def test_a_store_of_schema_1_is_migrated_with_its_audit_kept(tmp_path):
    """A store made before the web (schema 1) gains users, sessions and audit.account."""
    import sqlite3
    from rehabstat.store import schema
    db = tmp_path / "kho" / schema.DB_NAME
    db.parent.mkdir()
    con = sqlite3.connect(db, isolation_level=None)
    for statement in schema._statements(schema.SCHEMA):
        con.execute(statement)
    con.execute("INSERT INTO meta VALUES ('salt', '00ff')")
    con.execute("INSERT INTO audit (at, who, action) VALUES ('2021-01-01T00:00:00+00:00', 'clerk', 'receive')")
    con.execute("PRAGMA user_version = 1")
    con.close()
    with Store.open(db.parent) as s:
        assert s.con.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        assert s.log()[0][2:4] == ("clerk", "receive")
        accounts.add(s, "cuc", "department", PASSWORDS["cuc"])
        assert [r[3] for r in s.log()] == ["receive", "upgrade", "user-add"]  # the upgrade is in the audit too


def test_a_body_without_length_is_cut_at_50_mb(kho, workers):
    """A chunked upload (no Content-Length) is refused with 413 as soon as it passes the limit."""
    client = login(create_app(kho, workers), "sl01")
    token = csrf_of(client.get("/facility").text)
    boundary = "b0undary"
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{token}\r\n--{boundary}\r\n"
            f"Content-Disposition: form-data; name=\"files\"; filename=\"to.xlsx\"\r\n\r\n").encode()
    sent = [0]

    def body():
        yield head
        chunk = b"0" * (1 << 20)
        for _ in range(MAX_UPLOAD // len(chunk) + 2):
            sent[0] += len(chunk)
            yield chunk
        yield f"\r\n--{boundary}--\r\n".encode()
    r = client.post("/upload", content=body(), headers={"content-type": f"multipart/form-data; boundary={boundary}"})
    assert r.status_code == 413
    assert receipts(kho) == 0


def test_a_document_of_a_period_without_data_is_said_not_a_server_error(kho, workers):
    """The documents page offers every province for any period: a period the store holds
    nothing of gets a page that says so (400), never a 500."""
    cli("receive", SL / "2021-01.xlsx", "--store", kho)
    app = create_app(kho, workers)
    sonla = login(app, "sonla")
    r = sonla.get("/documents/bc.docx?year=2026")
    assert r.status_code == 400 and "Không có số liệu cho năm 2026" in r.text
    cuc = login(app, "cuc")
    cuc.get("/lang/en?next=/documents")
    r = cuc.get("/documents/bc.xlsx?year=2021&quarter=2&province=S%C6%A1n%20La")
    assert r.status_code == 400 and "No data" in r.text and "quý" not in r.text


@pytest.mark.parametrize("lang, said", [("vi", "không rõ (không đọc được từ sổ)"),
                                        ("en", "unknown (not readable from the workbook)")])
def test_an_unreadable_upload_says_its_facility_and_month_are_unknown(kho, workers, tmp_path, lang, said):
    """A file that is no workbook has no facility or month to show: the page says so in words,
    not with a bare question mark."""
    client = login(create_app(kho, workers), "sl01")
    if lang == "en":
        client.get("/lang/en?next=/facility")
    junk = tmp_path / "2021-04.xlsx"
    junk.write_bytes(b"not a workbook at all")
    r = upload(client, junk)
    assert r.status_code == 200, r.text
    facts = re.search(r'<dl class="facts">(.*?)</dl>', r.text, re.S).group(1)
    assert facts.count(f"<dd>{said}</dd>") == 2, facts
    assert "<dd>?</dd>" not in facts and ">?<" not in facts
    # its list of issues, offered on the page, is the sender's to download (it names no facility)
    link = re.search(r'href="(/receipt/\d+/annotated)"', r.text).group(1)
    copy = client.get(link)
    assert copy.status_code == 200 and copy.content[:2] == b"PK"
    kiem_tra = openpyxl.load_workbook(io.BytesIO(copy.content))["KiemTra"]
    assert "F001" in [c.value for row in kiem_tra.iter_rows() for c in row]
    assert login(create_app(kho, workers), "sonla").get(link).status_code == 404  # nobody else's


def test_a_units_counts_of_errors_and_warnings_read_in_either_language():
    from rehabstat.web.app import word
    assert word("errors_warnings", "en", errors=1, warnings=0) == "1 error, 0 warnings"
    assert word("errors_warnings", "en", errors=2, warnings=1) == "2 errors, 1 warning"
    assert word("errors_warnings", "vi", errors=1234, warnings=0) == "1.234 lỗi, 0 cảnh báo"
