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
every existing file needs the option, never the reverse. A ledger that cannot be written is
said when the command ends (cli: `recorded_badly`, `trouble`), and a later refusal for want
of it says that rehabstat cannot tell, never that the user edited the file."""
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
    if env:  # a folder; a name ending .sqlite is the ledger itself
        return Path(env) if env.lower().endswith(".sqlite") else Path(env) / LEDGER
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
    rehabstat wrote there last, unless overwriting was allowed. Where the ledger has no word
    on the file because it cannot be written (or read), the refusal says that rehabstat
    cannot tell, never that somebody edited the file."""
    if _POLICY["overwrite"] if overwrite is None else overwrite:
        return
    option = option or _POLICY["option"]
    for path in paths:
        path = Path(path)
        if path.is_file() and not is_ours(path):
            from ..common.errors import UsageError
            why = trouble() if _known(path) is None else None
            if why is not None:
                ledger, reason = why
                raise UsageError.said("out.unknown", path=path, option=option, ledger=ledger, reason=reason,
                                      folder=ledger.parent)
            raise UsageError.said("out.edited", path=path, option=option)


_TROUBLE: dict = {}  # ledger path -> (why recording in it failed in this process: a Phrase, the option that replaces)


def trouble():
    """(ledger path, reason: a Phrase) when the ledger cannot be written, else None: it is
    opened (made, when absent) and a write lock taken and let go, so that a ledger that can
    be read but not written (a read-only file) counts too."""
    import sqlite3
    from ..common.errors import os_reason
    target = ledger_path()
    try:
        con = _connect(create=True)
        con.execute("BEGIN IMMEDIATE")
        con.rollback()
    except OSError as exc:
        _forget()
        return target, os_reason(exc)
    except sqlite3.Error as exc:
        _forget()
        return target, _sqlite_reason(exc)
    return None


def _sqlite_reason(exc) -> object:
    """Why SQLite could not open or write the ledger, in the reader's words where SQLite's
    English text is one of the usual ones."""
    from ..common.issues import phrase
    said = str(exc).lower()
    if "unable to open" in said:
        return phrase("os.sqlite_open")
    if "readonly" in said or "read-only" in said:
        return phrase("os.sqlite_readonly")
    return phrase("os.other", error=str(exc) or type(exc).__name__)


def recorded_badly():
    """(ledger path, reason, option) when a file written by this process could not be
    recorded (the last time one was), else None."""
    target = ledger_path()
    return (target, *_TROUBLE[str(target)]) if str(target) in _TROUBLE else None


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
    except (OSError, sqlite3.Error) as exc:
        _forget()
        from ..common.errors import os_reason
        _TROUBLE[str(ledger_path())] = (os_reason(exc) if isinstance(exc, OSError) else _sqlite_reason(exc),
                                        _POLICY["option"])  # said once the command ends (cli)
        return
    _TROUBLE.pop(str(ledger_path()), None)
