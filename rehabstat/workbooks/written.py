"""What rehabstat wrote, so that it never replaces a file somebody changed since.

Every file a command writes goes through xlsxout.atomic_path, which asks `refuse_unless_ours`
before writing and calls `record` after: a small ledger keeps the sha256 of what was written
last at each path. A file that exists and is not exactly that (a clerk edited the BC in Word,
a file of the same name that rehabstat did not write) is replaced only when the command was
told so (`--overwrite`, or `--force` for the commands whose --force means "replace"):
otherwise a UsageError (exit 2) names the file and the option, before anything is written.

The ledger is the user's, not the output folder's (nothing but the documents appears among
the outputs): $REHABSTAT_STATE, else $XDG_STATE_HOME/rehabstat (~/.local/state/rehabstat;
%LOCALAPPDATA%\\rehabstat on Windows), file written.sqlite (SQLite: the batch's worker processes
write at once). A ledger that cannot be read counts as empty: nothing is known to be ours and
every existing file needs the option, never the reverse."""
from __future__ import annotations

import hashlib
import os
import threading
from contextlib import contextmanager
from pathlib import Path

LEDGER = "written.sqlite"
_POLICY = {"overwrite": False, "option": "--overwrite"}


@contextmanager
def policy(overwrite: bool = False, option: str = "--overwrite"):
    """While inside: whether a file that is not ours may be replaced, and the option that
    says so (named in the refusal). Forked workers inherit it."""
    before = dict(_POLICY)
    _POLICY.update(overwrite=bool(overwrite), option=option)
    try:
        yield
    finally:
        _POLICY.clear()
        _POLICY.update(before)


allow_overwrite = policy  # the name rehabstat.api gives it


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def ledger_path() -> Path:
    env = os.environ.get("REHABSTAT_STATE")
    if env:
        return Path(env) / LEDGER
    if os.name == "nt" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "rehabstat" / LEDGER
    base = os.environ.get("XDG_STATE_HOME") or os.path.join(os.path.expanduser("~"), ".local", "state")
    return Path(base) / "rehabstat" / LEDGER


def _key(path: Path) -> str:
    return os.path.normcase(os.path.abspath(path))


_LOCAL = threading.local()  # .open: (process id, ledger path) -> (connection, (device, inode) of its file)


def _open() -> dict:
    """This thread's open connections (SQLite's may be used only by the thread that made them)."""
    held = getattr(_LOCAL, "open", None)
    if held is None:
        held = _LOCAL.open = {}
    return held


def _connect(create: bool):
    """The ledger's connection, opened once per process, thread and ledger (a batch records
    over a hundred files: opening, setting up and closing SQLite for each was most of
    recording one). Opened again when the file is no longer the one it opened (removed,
    replaced); a forked process opens its own."""
    import sqlite3
    opened = _open()
    target = ledger_path()
    try:
        st = target.stat()
    except OSError:
        st = None
    if st is None and not create:
        return None
    key = (os.getpid(), str(target))
    held = opened.get(key)
    if held is not None:
        if st is not None and held[1] == (st.st_dev, st.st_ino):
            return held[0]
        _forget(key)
    if create:
        target.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(target, timeout=30)
    try:
        con.execute("PRAGMA journal_mode=WAL")
        con.execute("PRAGMA synchronous=NORMAL")  # a ledger entry lost in a power cut only asks for the option
        con.execute("CREATE TABLE IF NOT EXISTS written (path TEXT PRIMARY KEY, sha256 TEXT NOT NULL)")
        st = target.stat()
    except BaseException:
        con.close()
        raise
    opened[key] = (con, (st.st_dev, st.st_ino))
    return con


def _forget(key=None) -> None:
    """Close this process's and thread's connection to the ledger (`key`: to that ledger only),
    so that the next use opens it again (after an error: a ledger that could not be read)."""
    import sqlite3
    opened = _open()
    for k in [key] if key is not None else [k for k in opened if k[0] == os.getpid()]:
        held = opened.pop(k, None)
        if held is not None:
            try:
                held[0].close()
            except sqlite3.Error:
                pass


def _known(path: Path) -> str | None:
    import sqlite3
    try:
        con = _connect(create=False)
        if con is None:
            return None
        with con:
            row = con.execute("SELECT sha256 FROM written WHERE path = ?", (_key(path),)).fetchone()
    except (OSError, sqlite3.Error):
        _forget()
        return None
    return row[0] if row else None


def is_ours(path: Path) -> bool:
    """`path` is exactly what rehabstat wrote there last."""
    known = _known(Path(path))
    if known is None:
        return False
    try:
        return sha256(Path(path)) == known
    except OSError:
        return False


def refuse_unless_ours(paths, overwrite: bool | None = None, option: str | None = None) -> None:
    """A UsageError (exit 2) naming the first of `paths` that exists and is not exactly what
    rehabstat wrote there last, unless overwriting was allowed."""
    if _POLICY["overwrite"] if overwrite is None else overwrite:
        return
    option = option or _POLICY["option"]
    for path in paths:
        path = Path(path)
        if path.is_file() and not is_ours(path):
            from ..common.errors import UsageError
            raise UsageError.said("out.edited", path=path, option=option)


def record(path: Path, digest: str | None = None) -> None:
    """Note in the ledger that `path` holds what we just wrote. Where the ledger cannot be
    written, nothing is noted: the next run asks for the option, which is the safe side."""
    import sqlite3
    path = Path(path)
    digest = digest or sha256(path)
    try:
        con = _connect(create=True)
        with con:
            con.execute("INSERT OR REPLACE INTO written (path, sha256) VALUES (?, ?)", (_key(path), digest))
    except (OSError, sqlite3.Error):
        _forget()
        return
