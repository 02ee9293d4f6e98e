"""Accounts of the web inbox, kept in the store (tables `users` and `sessions`, schema step 2).

- A password is kept only as an argon2id hash (argon2-cffi: memory-hard, a PHC string that
  carries its own parameters, so they can be raised later and old hashes still verify).
- A session is a random token in an HttpOnly, SameSite=Lax cookie; the store keeps only its
  sha256, so a copy of the database opens no session. Sessions end after SESSION_HOURS,
  at logout, and when the account is disabled or its password changed.
- Each session has its own CSRF token, asked of every form that changes something.
- Failed logins are audit rows; after FREE_FAILURES in a row for one name, the next attempt
  waits (30 s, doubled with each further failure, at most 15 min) whatever the password.

Every change (add, disable, new password, login, failed login, logout) is an audit row with
the account's name. The functions take an open Store (its connection and audit) and a `now`
(UTC) so that tests decide the time.
"""
from __future__ import annotations

from ..common.issues import phrase

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from ..common.errors import UsageError

ROLES = ("facility", "province", "department")
SESSION_HOURS = 8
FREE_FAILURES = 5
FIRST_WAIT, LONGEST_WAIT = 30, 15 * 60  # seconds
MIN_PASSWORD = 8


@dataclass(frozen=True)
class User:
    id: int
    name: str
    role: str
    facility: str | None
    province: str | None
    disabled: bool = False

    @property
    def scope(self) -> str:
        return self.facility if self.role == "facility" else self.province if self.role == "province" else ""


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _iso(t: dt.datetime) -> str:
    return t.astimezone(dt.timezone.utc).isoformat(timespec="microseconds")


def _hasher():
    from argon2 import PasswordHasher
    return PasswordHasher()  # argon2id, RFC 9106's low-memory profile (64 MiB, 3 passes)


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def _verify(stored: str, password: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
    try:
        return _hasher().verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


_DUMMY = None


def _dummy_hash() -> str:
    """A hash to verify against when the name is unknown: the answer takes as long either way."""
    global _DUMMY
    if _DUMMY is None:
        _DUMMY = hash_password(secrets.token_hex(16))
    return _DUMMY


def _user(row) -> User | None:
    if row is None:
        return None
    return User(row[0], row[1], row[2], row[3], row[4], bool(row[5]))


_COLUMNS = "id, name, role, facility, province, disabled"


def find(store, name: str) -> User | None:
    return _user(store.con.execute(f"SELECT {_COLUMNS} FROM users WHERE name = ?", (name.strip(),)).fetchone())


def all_users(store) -> list[User]:
    return [_user(r) for r in store.con.execute(f"SELECT {_COLUMNS} FROM users ORDER BY role, name")]


def _check_password(password: str) -> str:
    password = (password or "").rstrip("\r\n")
    if len(password) < MIN_PASSWORD:
        raise UsageError.said("users.short", count=MIN_PASSWORD)
    return password


def _valid_name(name: str) -> str:
    import re
    name = (name or "").strip()
    if not re.fullmatch(r"[A-Za-z0-9._@-]{2,64}", name):
        raise UsageError.said("users.bad_name", name=name)
    return name


def add(store, name: str, role: str, password: str, facility=None, province=None, now=None) -> User:
    """A new account; UsageError for a name taken, a role unknown, a scope missing."""
    from ..common.codes import unit_code
    name = _valid_name(name)
    if role not in ROLES:
        raise UsageError.said("users.bad_role", role=role, roles=", ".join(ROLES))
    if role == "facility":
        if not facility or not unit_code(facility):
            raise UsageError.said("users.need_facility")
        facility, province = unit_code(facility), None
    elif role == "province":
        if not province or not province.strip():
            raise UsageError.said("users.need_province")
        from ..settings.geography import spelt_or_refused
        # kept as the geography spells it: the scope is compared and shown with it ("Sơn La", never "Sơn Lá")
        province, facility = spelt_or_refused(province.strip()), None
    else:
        if facility or province:
            raise UsageError.said("users.department")
    password = _check_password(password)
    if find(store, name) is not None:
        raise UsageError.said("users.exists", name=name)
    hashed = hash_password(password)
    at = _iso(now or utcnow())
    with store._transaction():
        store.con.execute("INSERT INTO users (name, role, facility, province, password, created_at, changed_at) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?)", (name, role, facility, province, hashed, at, at))
        store._audit("user-add", detail=f"{name}: {role} {facility or province or ''}".strip(), at=at)
    return find(store, name)


def disable(store, name: str, now=None) -> User:
    user = _existing(store, name)
    at = _iso(now or utcnow())
    with store._transaction():
        store.con.execute("UPDATE users SET disabled = 1, changed_at = ? WHERE id = ?", (at, user.id))
        store.con.execute("DELETE FROM sessions WHERE user = ?", (user.id,))
        store._audit("user-disable", detail=user.name, at=at)
    return find(store, name)


def set_password(store, name: str, password: str, now=None) -> User:
    user = _existing(store, name)
    password = _check_password(password)
    hashed = hash_password(password)
    at = _iso(now or utcnow())
    with store._transaction():
        store.con.execute("UPDATE users SET password = ?, changed_at = ? WHERE id = ?", (hashed, at, user.id))
        store.con.execute("DELETE FROM sessions WHERE user = ?", (user.id,))  # a stolen session ends with the old password
        store._audit("user-passwd", detail=user.name, at=at)
    return user


def _existing(store, name: str) -> User:
    user = find(store, name)
    if user is None:
        names = [u.name for u in all_users(store)]
        raise UsageError.said("users.unknown", name=name, known=", ".join(names) or phrase("store.err.none_yet"))
    return user


# ---------------------------------------------------------------- login and sessions

@dataclass(frozen=True)
class Login:
    user: User | None = None
    token: str | None = None  # the cookie's value (only here, never stored)
    wait: int = 0  # seconds to wait before the next attempt (refused without checking)


def _failures(store, name: str, now: dt.datetime) -> tuple[int, dt.datetime | None]:
    """Failed logins of this name since its last success (or 24 h): (count, time of the last)."""
    since = _iso(now - dt.timedelta(hours=24))
    last_ok = store.con.execute("SELECT max(at) FROM audit WHERE action = 'login' AND detail = ?",
                                (name.lower(),)).fetchone()[0]
    if last_ok and last_ok > since:
        since = last_ok
    n, last = store.con.execute("SELECT count(*), max(at) FROM audit WHERE action = 'login-failed' AND detail = ? "
                                "AND at > ?", (name.lower(), since)).fetchone()
    return n, (dt.datetime.fromisoformat(last) if last else None)


def wait_seconds(store, name: str, now=None) -> int:
    now = now or utcnow()
    n, last = _failures(store, name, now)
    if n < FREE_FAILURES or last is None:
        return 0
    wait = min(FIRST_WAIT * 2 ** (n - FREE_FAILURES), LONGEST_WAIT)
    left = (last + dt.timedelta(seconds=wait) - now).total_seconds()
    return max(0, int(left + 0.999))


def login(store, name: str, password: str, now=None) -> Login:
    now = now or utcnow()
    name = (name or "").strip()[:64]
    wait = wait_seconds(store, name, now)
    if wait:
        return Login(wait=wait)
    row = store.con.execute("SELECT password, disabled FROM users WHERE name = ?", (name,)).fetchone()
    ok = _verify(row[0] if row else _dummy_hash(), password or "") and row is not None and not row[1]
    if not ok:
        with store._transaction():
            store._audit("login-failed", detail=name.lower(), at=_iso(now), who=name or "?")
        return Login(wait=wait_seconds(store, name, now))
    user = find(store, name)
    token = secrets.token_urlsafe(32)
    with store._transaction():
        store.con.execute("INSERT INTO sessions (token, user, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                          (_digest(token), user.id, secrets.token_urlsafe(32), _iso(now),
                           _iso(now + dt.timedelta(hours=SESSION_HOURS))))
        store.con.execute("DELETE FROM sessions WHERE expires_at < ?", (_iso(now),))
        store._audit("login", detail=user.name.lower(), at=_iso(now), who=user.name)
    return Login(user=user, token=token)


def session(store, token: str | None, now=None) -> tuple[User, str] | None:
    """(user, csrf token) of a live session, or None (unknown, expired, account disabled)."""
    if not token:
        return None
    now = now or utcnow()
    row = store.con.execute(
        f"SELECT {', '.join('u.' + c.strip() for c in _COLUMNS.split(','))}, s.csrf, s.expires_at "
        "FROM sessions s JOIN users u ON u.id = s.user WHERE s.token = ?", (_digest(token),)).fetchone()
    if row is None or row[5] or row[7] <= _iso(now):
        return None
    return _user(row[:6]), row[6]


def logout(store, token: str | None, user: User | None) -> None:
    if not token:
        return
    with store._transaction():
        store.con.execute("DELETE FROM sessions WHERE token = ?", (_digest(token),))
        if user is not None:
            store._audit("logout", detail=user.name)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
