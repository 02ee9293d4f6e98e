"""The web inbox: a Starlette application over one store.

Pages are rendered on the server with Jinja2 (autoescaped: a facility name written as HTML
shows as text); they work without JavaScript and need nothing from the internet (one
stylesheet, served from the package). Every request is answered by this process from the
store's SQLite; whatever reads a workbook, runs the rules or computes runs in the worker
processes of `Workers` (jobs.py), so a slow file never blocks the server.

Who may do what (checked on every request, never by hiding links only):
- facility: send workbooks of its own facility, see its months, its receipts' issues and
  marked copies, its versions, its next blank form;
- province: the grid, versions, approval, audit and BC of its own province's facilities;
- department: everything, and unlock (with a reason) and the national workbook.
Anything else is 403 (a page of another role) or 404 (a facility, receipt or file outside
the account's scope: nothing of it is said).
"""
from __future__ import annotations

import asyncio
import datetime as dt
import os
import secrets
import shutil
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from urllib.parse import quote, urlencode

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..common.catalogue import WORDS, text
from ..store.said import said, shown
from . import accounts

LANGS = ("vi", "en")  # Vietnamese by default; a user picks English with the link in the page's header (a cookie)


def word(key: str, lang: str, **values) -> str:
    """A page's own words (the catalogue's web.* keys) in the page's language."""
    return text(f"web.{key}", lang, **values)


def action(name: str, lang: str) -> str:
    """An audit row's action as the pages name it (an unknown one: its name)."""
    key = f"web.action.{name}"
    return text(key, lang) if key in WORDS else name

MAX_UPLOAD = 50 * 1024 * 1024  # bytes of one request (all its files)
MAX_FILES = 100
COOKIE, PRE_COOKIE, LANG_COOKIE = "rehabstat_session", "rehabstat_login", "rehabstat_lang"
HERE = Path(__file__).resolve().parent


class Workers:
    """The pool of worker processes (spawned: the same on Linux and Windows, and never a fork
    of this multi-threaded server)."""

    def __init__(self, count: int | None = None):
        import multiprocessing
        self.count = count or max(2, os.cpu_count() or 2)
        self.pool = ProcessPoolExecutor(self.count, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=_worker_start, initargs=(os.getpid(),))

    async def run(self, fn, *args):
        return await asyncio.wrap_future(self.pool.submit(_job, fn, *args))

    def warm(self) -> None:
        from .jobs import warm
        for _ in range(self.count):
            self.pool.submit(warm)

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=False)


_BUSY = [0]


def _worker_start(server_pid: int) -> None:
    """In each worker: Ctrl-C and SIGTERM are the server's to handle (it lets the jobs in
    flight finish, then closes the pool); a worker whose server died (SIGKILL) ends as soon
    as it is not in the middle of a job, leaving no process behind."""
    import signal
    import threading
    import time
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, signal.SIG_IGN)

    def watch():
        while True:
            time.sleep(0.5)
            if os.getppid() != server_pid and not _BUSY[0]:
                os._exit(0)
    threading.Thread(target=watch, name="rehabstat-orphan-watch", daemon=True).start()


def _job(fn, *args):
    _BUSY[0] += 1
    try:
        return fn(*args)
    finally:
        _BUSY[0] -= 1


def _env():
    from jinja2 import Environment, FileSystemLoader, select_autoescape
    env = Environment(loader=FileSystemLoader(str(HERE / "templates")), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["mm"] = lambda ym: f"{ym[1]:02d}/{ym[0]}"
    env.filters["local"] = _local
    return env


def _local(iso) -> str:
    from ..common.vnformat import local_time
    return local_time(iso) if iso else ""


class Web:
    def __init__(self, root, workers: Workers | None = None, secure_cookies: bool = False, config=None):
        self.root = Path(root)
        self.config = Path(config) if config else None  # serve --config; None: the store's rehabstat.toml
        self.workers = workers
        self.secure = secure_cookies
        self.env = _env()
        self.uploads = Path(tempfile.mkdtemp(prefix="rehabstat-web-"))
        self.inbox = Inbox(self)

    # ------------------------------------------------------------ plumbing

    def store(self):
        from ..store import Store
        return Store.open(self.root)

    async def db(self, fn, *args):
        """fn(store, *args) in a thread, with a Store of its own."""
        def call():
            with self.store() as s:
                return fn(s, *args)
        return await run_in_threadpool(call)

    def lang(self, request: Request) -> str:
        value = request.cookies.get(LANG_COOKIE, "vi")
        return value if value in LANGS else "vi"

    def page(self, request: Request, template: str, status: int = 200, **context) -> HTMLResponse:
        lang = self.lang(request)
        user = getattr(request.state, "user", None)
        html = self.env.get_template(template).render(
            w=lambda key, **v: word(key, lang, **v), lang=lang, user=user, csrf=getattr(request.state, "csrf", ""),
            path=request.url.path + (("?" + request.url.query) if request.url.query else ""),
            msg=lambda i: i.text(lang), act=lambda a: action(a, lang), said=lambda v: shown(v, lang),
            period=lambda d: d["period"] if lang == "en" else d["label"], **context)
        return HTMLResponse(html, status_code=status)

    def error(self, request: Request, status: int, key: str, **values) -> HTMLResponse:
        return self.page(request, "error.html", status=status, message=word(key, self.lang(request), **values))

    async def who(self, request: Request):
        """The request's user (and its CSRF token on request.state), or None."""
        token = request.cookies.get(COOKIE)
        found = await self.db(accounts.session, token) if token else None
        if found is None:
            return None
        request.state.user, request.state.csrf = found
        return found[0]

    async def need(self, request: Request, *roles):
        user = await self.who(request)
        if user is None:
            raise _Redirect("/login")
        if roles and user.role not in roles:
            raise HTTPException(403)
        return user

    async def log_action(self, user, action: str, detail, unit=None, year=None, month=None) -> None:
        def write(store):
            store.account = user.name
            with store._transaction():
                store._audit(action, unit=unit, year=year, month=month, detail=detail)
        await self.db(write)

    def csrf_ok(self, request: Request, form) -> bool:
        sent = form.get("csrf") or request.headers.get("x-csrf-token") or ""
        expected = getattr(request.state, "csrf", "") or ""
        return bool(expected) and secrets.compare_digest(str(sent), expected)

    def _cookie(self, response: Response, name: str, value: str, max_age: int | None = None) -> None:
        response.set_cookie(name, value, max_age=max_age, httponly=True, samesite="lax", secure=self.secure, path="/")

    # ------------------------------------------------------------ login

    async def home(self, request: Request):
        user = await self.who(request)
        if user is None:
            return RedirectResponse("/login", 303)
        return RedirectResponse("/facility" if user.role == "facility" else "/grid", 303)

    async def login_form(self, request: Request, message: str = "", status: int = 200):
        token = secrets.token_urlsafe(24)
        request.state.csrf = token
        response = self.page(request, "login.html", status=status, message=message)
        self._cookie(response, PRE_COOKIE, token, max_age=3600)
        return response

    async def login(self, request: Request):
        form = await request.form()
        pre = request.cookies.get(PRE_COOKIE, "")
        if not pre or not secrets.compare_digest(str(form.get("csrf") or ""), pre):
            return self.error(request, 403, "csrf")
        name, password = str(form.get("username") or ""), str(form.get("password") or "")
        result = await self.db(accounts.login, name, password)
        lang = self.lang(request)
        if result.user is None:
            text = word("wait_login", lang, seconds=result.wait) if result.wait else word("bad_login", lang)
            return await self.login_form(request, text, status=429 if result.wait else 401)
        response = RedirectResponse("/facility" if result.user.role == "facility" else "/grid", 303)
        self._cookie(response, COOKIE, result.token, max_age=accounts.SESSION_HOURS * 3600)
        response.delete_cookie(PRE_COOKIE, path="/")
        return response

    async def logout(self, request: Request):
        user = await self.need(request)
        form = await request.form()
        if not self.csrf_ok(request, form):
            return self.error(request, 403, "csrf")
        token = request.cookies.get(COOKIE)

        def out(store):
            store.account = user.name
            accounts.logout(store, token, user)
        await self.db(out)
        response = RedirectResponse("/login", 303)
        response.delete_cookie(COOKIE, path="/")
        return response

    async def set_lang(self, request: Request):
        lang = request.path_params["lang"]
        target = request.query_params.get("next", "/")
        if not target.startswith("/") or target.startswith("//") or "\\" in target:
            target = "/"
        response = RedirectResponse(target, 303)
        if lang in LANGS:
            response.set_cookie(LANG_COOKIE, lang, max_age=365 * 86400, httponly=True, samesite="lax",
                                secure=self.secure, path="/")
        return response

    # ------------------------------------------------------------ a facility

    async def facility(self, request: Request):
        user = await self.need(request, "facility")
        return self.page(request, "facility.html", results=None, **(await self._months(user.facility)))

    async def _months(self, unit: str) -> dict:
        from .jobs import latest_accepted

        def span(store):
            first, last = store.con.execute(
                "SELECT min(year * 12 + month - 1), max(year * 12 + month - 1) FROM receipts "
                "WHERE unit = ? AND year IS NOT NULL AND month IS NOT NULL", (unit,)).fetchone()
            done = latest_accepted(store, unit)
            return first, last, (done[3] * 12 + done[4] if done else None)
        first, last, following = await self.db(span)
        if first is None:
            return {"months": None, "next": None, "deadline": None}
        args = {"from": f"{first % 12 + 1:02d}/{first // 12}", "to": f"{last % 12 + 1:02d}/{last // 12}"}
        data = await self.workers.run(_grid_job, str(self.root), args, None, [unit], self.config)
        rows = [r for p in data["provinces"] for r in p["rows"]]
        return {"months": rows[0] if rows else None, "deadline": data.get("deadline"),
                "next": (following // 12, following % 12 + 1) if following is not None else None}

    async def upload(self, request: Request):
        user = await self.need(request, "facility")
        folder = Path(tempfile.mkdtemp(dir=self.uploads))
        try:
            try:
                async with request.form(max_files=MAX_FILES, max_fields=20) as form:
                    if not self.csrf_ok(request, form):  # checked before anything is stored
                        return self.error(request, 403, "csrf")
                    files = [f for f in form.getlist("files") if hasattr(f, "filename") and f.filename]
                    saved = []
                    for n, f in enumerate(files):
                        target = folder / str(n) / _safe_name(f.filename)
                        target.parent.mkdir()
                        with open(target, "wb") as out:
                            while chunk := await f.read(1 << 20):
                                out.write(chunk)
                        saved.append(target)
            except _TooBig:
                return self.error(request, 413, "too_big")
            if not saved:
                return self.error(request, 400, "no_files")
            results = await self.inbox.receive(user, saved)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        return self.page(request, "facility.html", results=results, **(await self._months(user.facility)))

    async def annotated(self, request: Request):
        user = await self.need(request)
        rid = request.path_params["receipt"]

        def find(store):
            row = store.con.execute("SELECT unit, province FROM receipts WHERE id = ?", (rid,)).fetchone()
            # what this account sent itself, even a file that says no facility (not a workbook at all)
            sent = row is not None and store.con.execute(
                "SELECT 1 FROM audit WHERE receipt = ? AND account = ? LIMIT 1", (rid, user.name)).fetchone() is not None
            return row, sent
        row, sent = await self.db(find)
        if row is None or not (sent or await self._may_see(user, row[0], row[1])):
            raise HTTPException(404)
        folder = Path(tempfile.mkdtemp(dir=self.uploads))
        path = await self.workers.run(_annotate_job, str(self.root), rid, str(folder))
        if path is None:
            shutil.rmtree(folder, ignore_errors=True)
            raise HTTPException(404)
        await self.log_action(user, "download", said("audit.download_receipt", file=Path(path).name, receipt=rid),
                              unit=row[0])
        return _download(path, Path(path).name, cleanup=folder)

    async def next_form(self, request: Request):
        user = await self.need(request, "facility")
        folder = Path(tempfile.mkdtemp(dir=self.uploads))
        from .jobs import next_form
        path = await self.workers.run(next_form, str(self.root), user.facility, str(folder))
        if path is None:
            shutil.rmtree(folder, ignore_errors=True)
            raise HTTPException(404)
        await self.log_action(user, "download", said("audit.download", file=Path(path).name), unit=user.facility)
        return _download(path, Path(path).name, cleanup=folder)

    # ------------------------------------------------------------ provinces and the department

    async def _may_see(self, user, unit, province=None) -> bool:
        if user.role == "department":
            return True
        if user.role == "facility":
            return unit is not None and unit == user.facility
        if unit is None:
            return False
        return unit in await self.db(_units_of_province, user.province)

    def _period_args(self, request: Request) -> dict:
        keys = ("year", "quarter", "half", "month", "from", "to")
        args = {k: request.query_params.get(k, "") for k in keys}
        if not any(args.values()):
            args["year"] = str(dt.date.today().year)
        return args

    async def grid(self, request: Request):
        user = await self.need(request, "province", "department")
        args = self._period_args(request)
        from ..common.errors import PeriodError
        try:
            data = await self.workers.run(_grid_job, str(self.root), args, user.province, None, self.config)
        except PeriodError as exc:
            return self.page(request, "grid.html", status=400, args=args, data=None,
                             problem=word("bad_period", self.lang(request), why=exc.text(self.lang(request))))
        return self.page(request, "grid.html", args=args, data=data, problem="", chart=_chart(data["months"], data["census"], self.lang(request)),
                         query=urlencode(args))

    async def unit(self, request: Request):
        user = await self.need(request)
        unit = request.path_params["unit"].strip().upper()
        if not await self._may_see(user, unit):
            raise HTTPException(404)
        from ..common.errors import UsageError
        from .jobs import history
        try:
            data = await self.workers.run(history, str(self.root), unit)
        except UsageError:
            raise HTTPException(404) from None
        locked = await self.db(lambda s: s.approved())
        months = sorted({(v["year"], v["month"]) for v in data["versions"]
                         if v["year"] is not None and v["status"] == "accepted"})  # what can be approved
        return self.page(request, "unit.html", data=data, months=months,
                         locked={ym for ym in months if (unit, *ym) in locked})

    async def approval(self, request: Request):
        action = request.path_params["action"]
        if action not in ("approve", "unlock"):
            raise HTTPException(404)
        user = await self.need(request, "province", "department")
        if action == "unlock" and user.role != "department":
            raise HTTPException(403)
        form = await request.form()
        if not self.csrf_ok(request, form):
            return self.error(request, 403, "csrf")
        unit = str(form.get("unit") or "").strip().upper()
        if not await self._may_see(user, unit):
            raise HTTPException(404)
        from ..common.errors import UsageError
        from ..common.periods import make_period
        try:
            period = make_period(year=int(form.get("year") or 0), month=int(form.get("month") or 0))
        except (ValueError, UsageError):
            raise HTTPException(400) from None
        reason = str(form.get("reason") or "").strip()

        def act(store):
            store.account = user.name
            if action == "approve":
                return store.approve([unit], period)
            return store.unlock([unit], period, reason)
        try:
            await self.db(act)
        except UsageError as exc:
            return self.page(request, "error.html", status=400, message=exc.text(self.lang(request)))
        return RedirectResponse(f"/unit/{quote(unit)}", 303)

    async def documents(self, request: Request):
        user = await self.need(request, "province", "department")
        args = self._period_args(request)
        provinces = [user.province] if user.role == "province" else await self.db(_provinces)
        return self.page(request, "documents.html", args=args, provinces=provinces, query=urlencode(args))

    async def document(self, request: Request):
        user = await self.need(request, "province", "department")
        kind = request.path_params["kind"]
        args = self._period_args(request)
        province = request.query_params.get("province", "")
        folder = Path(tempfile.mkdtemp(dir=self.uploads))
        from ..common.errors import RehabstatError
        from .jobs import national, province_report
        try:
            if kind == "national.xlsx":
                if user.role != "department":
                    raise HTTPException(403)
                result = await self.workers.run(national, str(self.root), args, str(folder), self.config)
                path = result["national"]
            elif kind in ("bc.docx", "bc.xlsx"):
                if user.role == "province":
                    province = user.province
                elif province not in await self.db(_provinces):
                    raise HTTPException(404)
                result = await self.workers.run(province_report, str(self.root), args, province, str(folder),
                                                self.config)
                wanted = kind.split(".")[1]
                path = next((p for p in result["outputs"] if p.endswith("." + wanted)), None)
            else:
                raise HTTPException(404)
        except RehabstatError as exc:  # no data in the period, a period that cannot be: said, not a 500
            shutil.rmtree(folder, ignore_errors=True)
            return self.page(request, "error.html", status=400, message=exc.text(self.lang(request)))
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        if not path:
            shutil.rmtree(folder, ignore_errors=True)
            raise HTTPException(404)
        await self.log_action(user, "download", said("audit.download_draft" if result.get("draft") else "audit.download",
                                                     file=Path(path).name))
        return _download(path, Path(path).name, cleanup=folder)

    async def audit(self, request: Request):
        user = await self.need(request, "province", "department")

        def rows(store):
            from ..store.said import of_json
            found = [(*r[:8], of_json(r[9], r[8])) for r in store.con.execute(
                "SELECT id, at, who, action, receipt, unit, year, month, detail, detail_params FROM audit "
                "ORDER BY id DESC LIMIT 500")]
            if user.role == "province":
                mine = _units_of_province(store, user.province)
                found = [r for r in found if r[5] in mine]
            return found
        return self.page(request, "audit.html", rows=await self.db(rows))


class Inbox:
    """Uploads wait here for a worker; each job takes every waiting file of one account (up to
    BATCH), so that the rules across months, which cost far more than reading one workbook, run
    once per batch, as for a folder given to `rehabstat receive`. An upload that arrives when a
    worker is free is received at once, alone."""
    BATCH = 25

    def __init__(self, web: "Web"):
        self.web = web
        self.waiting: list = []  # (account, facility, path, future)
        self.running = 0

    async def receive(self, user, paths) -> list:
        loop = asyncio.get_running_loop()
        futures = []
        for p in paths:
            future = loop.create_future()
            self.waiting.append((user.name, user.facility, str(p), future))
            futures.append(future)
        self._start()
        return list(await asyncio.gather(*futures))

    def _start(self) -> None:
        while self.waiting and self.running < self.web.workers.count:
            account, facility = self.waiting[0][:2]
            batch = [w for w in self.waiting if w[0] == account][:self.BATCH]
            for w in batch:
                self.waiting.remove(w)
            self.running += 1
            asyncio.get_running_loop().create_task(self._run(account, facility, batch))

    async def _run(self, account, facility, batch) -> None:
        try:
            results = await self.web.workers.run(_receive_job, str(self.web.root), account, facility,
                                                 [w[2] for w in batch])
            for w, r in zip(batch, results):
                if not w[3].done():
                    w[3].set_result(r)
        except BaseException as exc:  # noqa: BLE001 - each waiting request answers with it
            for w in batch:
                if not w[3].done():
                    w[3].set_exception(exc)
            if not isinstance(exc, Exception):
                raise
        finally:
            self.running -= 1
            self._start()


class _Redirect(Exception):
    def __init__(self, to: str):
        self.to = to


class _TooBig(Exception):
    pass


def _receive_job(root, account, facility, paths):
    from .jobs import receive_batch
    return receive_batch(root, account, facility, paths)


def _grid_job(root, args, province, units, config=None):
    from .jobs import grid
    return grid(root, args, province, units, config)


def _annotate_job(root, rid, out_dir):
    from .jobs import annotated_copy
    return annotated_copy(root, rid, out_dir)


def _units_of_province(store, province) -> set:
    """The facilities whose workbooks name this province (or a province merged into it)."""
    from ..common.codes import province_key
    from ..settings.geography import province_at
    today = dt.date.today()
    mine = {province_key(province), province_key(province_at(province, today))}
    out = set()
    for unit, prov in store.con.execute("SELECT DISTINCT unit, province FROM receipts WHERE unit IS NOT NULL"):
        if prov and (province_key(prov) in mine or province_key(province_at(prov, today)) in mine):
            out.add(unit)
    return out


def _provinces(store) -> list:
    from ..settings.geography import province_at
    today = dt.date.today()
    return sorted({province_at(p, today) for (p,) in store.con.execute(
        "SELECT DISTINCT province FROM receipts WHERE province IS NOT NULL AND status = 'accepted'")})


def _safe_name(name: str) -> str:
    """The last part of a sent file name (no folder, no control character), never empty."""
    import re
    base = re.split(r"[\\/]", str(name))[-1]
    base = re.sub(r"[\x00-\x1f\x7f:*?\"<>|]+", "_", base).strip(" .")
    return base[-120:] or "so.xlsx"


def _download(path: str, name: str, cleanup: Path | None = None) -> Response:
    from starlette.background import BackgroundTask
    task = BackgroundTask(shutil.rmtree, cleanup, True) if cleanup else None
    return FileResponse(path, filename=name, background=task)


def _chart(months, series, lang: str = "vi") -> str:
    """The census at the end of each month of the period as an SVG bar chart, drawn here (no
    script); a month without an accepted workbook has no bar."""
    from markupsafe import Markup
    from ..common.vnformat import number as vn_number
    number = vn_number if lang == "vi" else (lambda v: f"{v:,}")
    values = {tuple(ym): v for ym, v in series}
    if not values:
        return Markup("")
    width, height, pad = 720, 230, 30
    top = max(values.values()) or 1
    step = (width - 2 * pad) / len(months)
    bar = min(step * 0.7, 56)
    parts = []
    for k, ym in enumerate(months):
        y, m = ym
        x = pad + k * step + step / 2
        parts.append(f'<text x="{x:.1f}" y="{height - pad + 15}" class="axis">{m:02d}/{str(y)[2:]}</text>')
        if ym not in values:
            continue
        v = values[ym]
        h = (height - 2 * pad) * v / top
        parts.append(f'<rect x="{x - bar / 2:.1f}" y="{height - pad - h:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                     f'class="bar"><title>{m:02d}/{y}: {number(v)}</title></rect>'
                     f'<text x="{x:.1f}" y="{height - pad - h - 5:.1f}" class="value">{number(v)}</text>')
    return Markup(f'<svg viewBox="0 0 {width} {height}" role="img" class="chart">'
                  f'<line x1="{pad}" y1="{height - pad}" x2="{width - pad}" y2="{height - pad}" class="base"/>'
                  + "".join(parts) + "</svg>")


# ---------------------------------------------------------------- the ASGI application

SECURITY_HEADERS = [
    (b"content-security-policy", b"default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
                                 b"frame-ancestors 'none'; base-uri 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (b"cache-control", b"no-store"),
]


class Guard:
    """ASGI middleware: a request body over MAX_UPLOAD is refused with 413 before it is read
    (by its Content-Length, or as soon as a body without one passes the limit), and every
    response gets the security headers."""

    def __init__(self, app, limit: int = MAX_UPLOAD):
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.limit):
            return await self._refuse(scope, send)
        seen = [0]
        started = [False]

        async def counted():
            message = await receive()
            if message["type"] == "http.request":
                seen[0] += len(message.get("body", b""))
                if seen[0] > self.limit:
                    raise _TooBig()
            return message

        async def sending(message):
            if message["type"] == "http.response.start":
                started[0] = True
                message = dict(message)
                message["headers"] = list(message.get("headers", [])) + SECURITY_HEADERS
            await send(message)
        try:
            await self.app(scope, counted, sending)
        except _TooBig:
            if not started[0]:
                await self._refuse(scope, send)

    async def _refuse(self, scope, send):
        lang = "vi"
        for k, v in scope.get("headers") or []:
            if k == b"cookie" and f"{LANG_COOKIE}=en".encode() in v:
                lang = "en"
        body = f"<!doctype html><meta charset=utf-8><title>413</title><p>{word('too_big', lang)}</p>".encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"text/html; charset=utf-8"), (b"connection", b"close"),
                                (b"content-length", str(len(body)).encode())] + SECURITY_HEADERS})
        await send({"type": "http.response.body", "body": body})


def create_app(root, workers: Workers | None = None, secure_cookies: bool = False, config=None):
    """The application over the store at `root` (which must exist). `workers`: the pool of
    worker processes (made, warmed and closed with the application when not given). `config`:
    the rehabstat.toml the pages follow ([deadline] for late months, the documents' settings);
    None: the store's own (Store.config: the one received last, else one in the store folder)."""
    web = Web(root, workers, secure_cookies, config)
    own_pool = workers is None

    async def on_error(request: Request, exc: HTTPException):
        if isinstance(exc, HTTPException):
            key = {403: "forbidden", 404: "not_found"}.get(exc.status_code, "error_page")
            return web.error(request, exc.status_code, key)
        raise exc

    async def redirect(request: Request, exc: _Redirect):
        return RedirectResponse(exc.to, 303)

    async def too_big(request: Request, exc: _TooBig):
        return web.error(request, 413, "too_big")

    async def internal(request: Request, exc: Exception):
        import logging
        logging.getLogger("rehabstat.web").exception("error answering %s", request.url.path)
        return web.error(request, 500, "internal")

    from contextlib import asynccontextmanager

    @asynccontextmanager
    async def lifespan(app):
        if own_pool:
            web.workers = Workers()
            web.workers.warm()
        try:
            yield
        finally:
            if own_pool:
                await run_in_threadpool(web.workers.close)
            shutil.rmtree(web.uploads, ignore_errors=True)

    routes = [
        Route("/", web.home),
        Route("/login", web.login_form, methods=["GET"]),
        Route("/login", web.login, methods=["POST"]),
        Route("/logout", web.logout, methods=["POST"]),
        Route("/lang/{lang}", web.set_lang),
        Route("/facility", web.facility),
        Route("/upload", web.upload, methods=["POST"]),
        Route("/receipt/{receipt:int}/annotated", web.annotated),
        Route("/form/next", web.next_form),
        Route("/grid", web.grid),
        Route("/unit/{unit}", web.unit),
        Route("/{action:str}", web.approval, methods=["POST"]),
        Route("/documents", web.documents),
        Route("/documents/{kind}", web.document),
        Route("/audit", web.audit),
        Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"),
    ]
    app = Starlette(routes=routes, lifespan=lifespan,
                    exception_handlers={HTTPException: on_error, _Redirect: redirect, _TooBig: too_big,
                                        Exception: internal})
    app.state.web = web
    return Guard(app)
