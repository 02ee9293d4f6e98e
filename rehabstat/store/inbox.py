"""The department's inbox: every workbook a facility sends, kept byte for byte, with a
receipt; versions of a month; approval and lock; an append-only audit.

    store = Store.open("kho", create=True)
    for outcome in store.receive(["nop/2021-03.xlsx"]):
        print(outcome.line())
    ds = store.dataset()                 # the latest accepted version of each facility-month
    store.approve(["SL01"], make_period(year=2021, quarter=1))

Layout of a store folder:

    inbox.sqlite                         receipts, parsed rows, approvals, audit (schema.py)
    originals/<Province>/<UNIT>/<YYYY-MM>/<sha256>/<name sent>   the originals, content-addressed
    originals/_khong-ro/<sha256>/<name sent>   originals whose facility or month could not be read
    kiem-tra/                            annotated copies of rejected workbooks (for the facility)
    tmp/                                 files being received (a killed receive leaves them)

Receiving one file: copy it into tmp/ while hashing it (fsync); read and check that copy
(so the figures are those of the stored bytes); move it to its content-addressed place
(rename, fsync of the folder); then one IMMEDIATE transaction decides (duplicate, locked,
version number) and writes the receipt, its rows and the audit row. A receive killed at any
point leaves either no receipt (and at most an orphan original, completed by the next
receive of the same file) or a whole one.
"""
from __future__ import annotations

import datetime as dt
import getpass
import hashlib
import json
import os
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ..common.errors import UsageError
from ..common.language import NOTICE
from ..common.vnformat import local_time  # noqa: F401  (national.py and the CLI use it too)
from ..common.issues import ERROR, Count, Issue
from ..common.rules import adjust
from . import codec
from .said import ErrorsReason, errors_reason, said, shown, of_json, to_json
from .schema import DB_NAME, SCHEMA_VERSION, StoreVersionError, connect_upgrading, rollback

ORIGINALS, ANNOTATED, TMP = "originals", "kiem-tra", "tmp"
CONFIG_FILE = "rehabstat.toml"
UNKNOWN = "_khong-ro"

RECEIVED, NEW_VERSION, DUPLICATE, REJECTED, SKIPPED = "received", "new-version", "duplicate", "rejected", "skipped"
CONFIG = "config"  # rehabstat.toml kept with the data
CONFIG_NOT_USED = "config-not-used"  # a rehabstat.toml beside the files that does not replace the store's
# refusals decided again when the same bytes come back: the month was locked, or another
# workbook of the month came in the same receive (each alone may be the month's version)
REDECIDED = ("locked", "duplicate")
CONFIGS = "_cau-hinh"  # originals/_cau-hinh/<sha256>/rehabstat.toml
PROVINCE_FOLDER = "_tinh"  # originals/<Province>/_tinh/<YYYY-MM>_<YYYY-MM>/<sha256>/<name sent>


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds")


def _who() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name in this environment
        return f"uid {os.getuid()}" if hasattr(os, "getuid") else "?"


def month_text(year, month) -> str:
    return f"{int(month):02d}/{int(year)}" if year is not None and month is not None else "?"


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(str(path), os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _makedirs_durably(path: Path) -> None:
    """mkdir -p, with each new folder's entry synced in its parent (a power cut cannot lose
    the folder of an original whose receipt is committed)."""
    missing = []
    p = path
    while not p.exists():
        missing.append(p)
        p = p.parent
    for d in reversed(missing):
        try:
            d.mkdir()
        except FileExistsError:  # another clerk's receive made it meanwhile
            pass
        _fsync_dir(d.parent)


def _slug(text) -> str:
    from ..common.codes import slug
    return slug(str(text)) or "_"


# ---------------------------------------------------------------- results

@dataclass
class Outcome:
    """What happened to one file given to `receive`."""
    source: str  # the path as given
    kind: str  # received | new-version | duplicate | rejected
    receipt: int | None = None
    unit: str | None = None
    year: int | None = None
    month: int | None = None
    version: int | None = None
    previous: int | None = None  # the version it replaces
    reason: object = None  # why it was not taken (said.py: shown in the reader's language)
    errors: list = field(default_factory=list)  # the error Issues (rejected for errors)
    warnings: int = 0
    annotated: str | None = None
    original: str | None = None  # the stored original (relative to the store)
    rejected_before: bool = False  # a duplicate of a workbook the store refused: the month still has none accepted
    province: str | None = None  # a province workbook: its province and period code (no facility, no month)
    period: str | None = None

    @property
    def not_accepted(self) -> bool:
        """Refused now, or sent again as it was when refused: the command's exit code is 1."""
        return self.kind == REJECTED or (self.kind == DUPLICATE and self.rejected_before)

    def line(self, lang: str | None = None) -> str:
        """One console line in `lang` (default: the chosen language)."""
        from ..common.catalogue import text
        from ..common.language import chosen
        lang = lang or chosen()
        who = f"{self.unit or '?'} {month_text(self.year, self.month)}" if self.unit or self.year else \
            text("store.who.unknown", lang)
        if self.province and self.period and not self.unit:
            who = text("store.who.province", lang, province=self.province, period=self.period)
        if self.kind == CONFIG_NOT_USED:
            return text("store.line.config_not_used", lang, source=self.source, kept=self.reason)
        if self.kind == CONFIG:
            if self.previous:
                return text("store.line.config_new", lang, source=self.source, version=self.version,
                            previous=self.previous)
            return text("store.line.config", lang, source=self.source, version=self.version)
        warn = text("store.line.warnings", lang, count=self.warnings) if self.warnings else ""
        if self.kind == RECEIVED:
            return text("store.line.received", lang, source=self.source, who=who, version=self.version, warnings=warn)
        if self.kind == NEW_VERSION:
            return text("store.line.new_version", lang, source=self.source, who=who, version=self.version,
                        previous=self.previous, warnings=warn)
        reason = shown(self.reason, lang)
        if self.kind == DUPLICATE:
            return text("store.line.duplicate", lang, source=self.source, who=who, reason=reason)
        if self.kind == SKIPPED:
            return text("store.line.skipped", lang, source=self.source, reason=reason)
        line = text("store.line.rejected", lang, source=self.source, who=who, reason=reason)
        if self.annotated:
            line += text("store.line.annotated", lang, path=self.annotated)
        return line


@dataclass
class Version:
    receipt: int
    unit: str | None
    year: int | None
    month: int | None
    version: int | None
    status: str
    reason: object  # why refused (said.py), None when accepted
    received_at: str
    received_by: str
    original_name: str
    sha256: str
    errors: int
    warnings: int
    path: str


@dataclass
class Change:
    indicator: str
    category: str
    before: object  # None: the figure was not there
    after: object


@dataclass
class Comparison:
    year: int
    month: int
    before: Version
    after: Version
    changes: list  # [Change]


@dataclass
class History:
    unit: str
    versions: list  # [Version], by month then receipt
    comparisons: list  # [Comparison]
    approvals: list  # [(year, month, action, at, who, reason, version)]


@dataclass
class ProvinceVersion:
    receipt: int
    province: str
    period: str  # its code: "2017", "2020-H1"
    version: int | None  # None: refused
    status: str  # accepted | rejected
    reason: object  # why refused (said.py), None when accepted
    received_at: str
    received_by: str
    original_name: str
    sha256: str
    errors: int
    warnings: int
    locked: bool = False  # the version approved and locked now


@dataclass
class ProvinceHistory:
    province: str  # as the store names it
    versions: list  # [ProvinceVersion], by period then receipt
    comparisons: list  # [ProvinceComparison]
    approvals: list  # [(period, action, at, who, reason, version)]


@dataclass
class ProvinceComparison:
    period: str
    before: ProvinceVersion
    after: ProvinceVersion
    changes: list  # [Change]: indicator is the figure's code, category its diện or source ("" when none)


@dataclass
class MonthAction:
    unit: str
    year: int
    month: int
    done: bool
    note: object  # what was done (a Phrase: shown in the reader's language)
    missing: bool = False  # approve: no accepted workbook for the month (the only failure; approved before is not)
    what: object = None  # a province workbook (a Phrase: "Cao Bằng (sổ cấp tỉnh, kỳ 2017)") in place of unit and month


@dataclass
class CheckReport:
    receipts: int = 0
    ok: int = 0
    problems: list = field(default_factory=list)  # [Phrase]: a receipt whose original is missing or changed
    province_workbooks: int = 0  # receipts of province workbooks (with their parsed rows)
    leftovers: int = 0  # temporary files an interrupted receive left in tmp/
    configs: int = 0  # versions of rehabstat.toml kept
    notes: list = field(default_factory=list)  # [Phrase]: orphan originals, leftover temporary files
    integrity: str = "ok"

    @property
    def clean(self) -> bool:
        return not self.problems and self.integrity == "ok" and not self.leftovers


# ---------------------------------------------------------------- the store

class Store:
    """One store folder. Open it with Store.open(); close() when done (or use `with`)."""

    def __init__(self, root: Path, con):
        self.root = Path(root)
        self.con = con
        self.salt = bytes.fromhex(con.execute("SELECT value FROM meta WHERE key = 'salt'").fetchone()[0])
        self.account = None  # the web account acting through this Store (None: the OS user at a command line)

    @classmethod
    def open(cls, root, create: bool = False) -> "Store":
        root = Path(root)
        db = root / DB_NAME
        if not db.is_file():
            if not create:
                raise UsageError.said("store.err.no_store", root=root, db=DB_NAME)
            if root.exists() and not root.is_dir():
                raise UsageError.said("store.err.is_file", root=root)
            try:
                root.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                from ..common.errors import os_reason
                raise UsageError.said("store.err.mkdir", root=root, reason=os_reason(exc)) from None
        try:
            con, upgraded_from = connect_upgrading(db)
        except StoreVersionError as exc:
            raise UsageError.said("store.err.open", root=root, reason=exc.args[0]) from None
        except Exception as exc:  # sqlite3.DatabaseError: not a database, read-only folder (SQLite's own words)
            raise UsageError.said("store.err.open_check", root=root, reason=str(exc)) from None
        if upgraded_from is not None and NOTICE["tell"] is not None:
            # the one moment the user can learn that older copies of rehabstat (a colleague's)
            # can no longer open this store; the audit keeps it too (schema.py)
            NOTICE["tell"](said("store.upgraded", root=root, previous=upgraded_from, version=SCHEMA_VERSION))
        return cls(root, con)

    def close(self) -> None:
        self.con.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def path(self, relative: str) -> Path:
        return self.root / relative

    def _who(self) -> str:
        return self.account or _who()

    def _audit(self, action, receipt=None, unit=None, year=None, month=None, detail=None, at=None, who=None,
               province=None, period=None):
        # our words as their key and values (detail_params); a plain text (a user name) as it is
        params = None if detail is None or isinstance(detail, str) else to_json(detail)
        self.con.execute("INSERT INTO audit (at, who, action, receipt, unit, year, month, detail, account, province, "
                         "period, detail_params) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         (at or _now(), who or self._who(), action, receipt, unit, year, month,
                          detail if params is None else None, self.account, province, period, params))

    # ------------------------------------------------------------ rehabstat.toml

    def config_file(self) -> Path | None:
        """The rehabstat.toml received last (the one that governs --store), or None."""
        latest = self._latest_config()
        return self.path(latest[1]) if latest else None

    def config(self, explicit=None):
        """The configuration of the store's data: --config when given, else the rehabstat.toml
        received last, else one put in the store's folder by hand."""
        from ..settings.config import load_config
        if explicit is not None:
            return load_config((), explicit)
        kept = self.config_file()
        return load_config((), kept) if kept is not None else load_config([self.root])

    def _latest_config(self) -> tuple | None:
        """(sha256, stored path, path as given to `receive`) of the rehabstat.toml kept last."""
        return self.con.execute("SELECT sha256, path, source FROM configs ORDER BY id DESC LIMIT 1").fetchone()

    def _keep_config(self, path: Path) -> "Outcome | None":
        """Keep this rehabstat.toml as the store's configuration when it differs from the one
        kept last: byte for byte, content-addressed, logged. None when it is the same."""
        data = Path(path).read_bytes()
        sha = hashlib.sha256(data).hexdigest()
        latest = self._latest_config()
        if latest is not None and latest[0] == sha:
            return None
        folder = Path(ORIGINALS) / CONFIGS / sha
        _makedirs_durably(self.root / folder)
        target = self.root / folder / CONFIG_FILE
        if not target.is_file() or _sha256(target) != sha:
            fd, name = tempfile.mkstemp(prefix=_tmp_prefix(), suffix=".toml", dir=self.root / TMP)
            try:
                with os.fdopen(fd, "wb") as f:
                    f.write(data)
                    f.flush()
                    os.fsync(f.fileno())
                os.replace(name, target)
            finally:
                Path(name).unlink(missing_ok=True)
            try:
                os.chmod(target, 0o444)
            except OSError:
                pass
            _fsync_dir(target.parent)
        with self._transaction():
            count = self.con.execute("SELECT count(*) FROM configs").fetchone()[0]
            now, who = _now(), self._who()
            self.con.execute("INSERT INTO configs (sha256, size, path, source, received_at, received_by) "
                             "VALUES (?, ?, ?, ?, ?, ?)", (sha, len(data), (folder / CONFIG_FILE).as_posix(),
                                                           str(path), now, who))
            self._audit(CONFIG, detail=said("audit.config", path=str(path), version=count + 1), at=now, who=who)
        return Outcome(str(path), CONFIG, version=count + 1, previous=count or None)

    # ------------------------------------------------------------ receive

    def receive(self, paths, out=None, jobs=None, config=None, named_config: bool = False) -> list[Outcome]:
        """Receive every workbook under `paths` (files or folders). One transaction per file.
        `out`: where annotated copies of rejected workbooks go (default: <store>/kiem-tra).
        `named_config` (the command line): a rehabstat.toml among `paths` is the configuration
        (as when its folder is given), any other .toml a usage error (check_paths); else (an
        upload) every file named is a workbook to receive.

        Issues are stored as their values (shown in the reader's language); the reasons, the
        audit and the annotated copy sent back to the facility are written in Vietnamese."""
        from ..settings.config import load_config
        from ..reading.dataset import _read_all
        from ..reading.safety import MAX_FILE_BYTES
        found, lock_paths = check_paths(paths, config, named_config)
        own = self.root.resolve()
        files = [f for f in found if own not in f.resolve().parents]  # never the store's own files
        locks = [Outcome(str(f), SKIPPED, reason=said("store.reason.lock_file")) for f in lock_paths
                 if own not in f.resolve().parents]  # Excel's ~$x.xlsx, even named by a shell glob: said, not stored
        # every other file of the folders is said too, with why it is not received
        locks += [Outcome(str(f), SKIPPED, reason=why) for f, why in other_files(paths, found, lock_paths, config)
                  if own not in f.resolve().parents]
        named = named_configs(paths) if named_config else []  # a rehabstat.toml named: the configuration
        if not files and locks and not named:
            return locks
        if not files and not named:
            raise UsageError.said("store.err.no_workbook", paths=", ".join(map(str, paths)))
        out = Path(out) if out is not None else self.root / ANNOTATED
        tmp_dir = self.root / TMP
        tmp_dir.mkdir(parents=True, exist_ok=True)
        self.swept = sweep_tmp(tmp_dir)  # what an interrupted receive left (never another clerk's live files)
        staged = []  # (index, source, tmp, sha, size)
        try:
            return self._receive_staged(paths, files, out, tmp_dir, staged, jobs, config, locks)
        finally:  # done, refused, or interrupted (Ctrl-C; SIGTERM: see _stage): no staged copy stays
            from ..workbooks.xlsxout import untrack_temp
            for _, _, tmp, _, _ in staged:
                tmp.unlink(missing_ok=True)
                untrack_temp(tmp)

    def _receive_staged(self, paths, files, out, tmp_dir, staged, jobs, config, locks=()) -> list[Outcome]:
        from ..settings.config import load_config
        from ..reading.dataset import _read_all
        from ..reading.safety import MAX_FILE_BYTES
        # the rehabstat.toml that governs these files (--config, or the one --data would take)
        # is kept with them, so that --store needs no --config to agree with --data
        self.received_config = None
        if config is not None and not isinstance(config, (str, Path)):
            cfg = config
        else:
            from ..settings.config import find_config
            found = find_config(paths, config)
            if found is not None:
                cfg = load_config((), found)  # a bad file stops here, before anything is received
                latest = self._latest_config()
                kept = latest[2] if latest else None
                if config is not None or kept is None or _same_file(found, kept) or _above(found, kept):
                    self.received_config = self._keep_config(found)
                elif latest[0] != _sha256(found):
                    # another folder's rehabstat.toml (a facility's, sent with its workbook) never
                    # replaces the store's unasked, unless it sits above it (the department's
                    # folder): its [document] would head every province's report; the files are
                    # checked with the store's configuration, as --store uses it
                    self.received_config = Outcome(str(found), CONFIG_NOT_USED, reason=kept)
                    cfg = self.config()
            else:
                cfg = self.config()
        outcomes: list[Outcome] = list(locks)
        for src in files:
            try:
                size = src.stat().st_size
                if size > MAX_FILE_BYTES:
                    raise _Refused(said("store.reason.too_big", size=Count(size)))
                tmp, sha = self._stage(src, tmp_dir)
            except (OSError, _Refused) as exc:  # unreadable, vanished meanwhile, too big: said, the others go on
                why = exc.args[0] if isinstance(exc, _Refused) else \
                    said("store.reason.unreadable", error=str(exc.strerror or exc))
                o = Outcome(str(src), REJECTED, reason=why)
                self._log_only(o, "reject")
                outcomes.append(o)
                continue
            staged.append((len(outcomes), src, tmp, sha, size))
            outcomes.append(None)
        # the same bytes already received (and not waiting for an unlock) need no reading
        known = {sha: row for sha, *row in self.con.execute(
            "SELECT sha256, id, status, reason_code, read_status, level, unit, year, month FROM receipts "
            "WHERE sha256 IN (%s)" % ",".join("?" * len(staged)), [s[3] for s in staged])} if staged else {}
        # the workbooks of each facility-month in this receive: two different ones are a
        # duplicate, as in a folder (X001): neither becomes the month's version
        months: dict = {}  # (unit, year, month) -> {sha: slot}
        sources = {s[0]: s[1] for s in staged}
        for chunk in _chunks(staged):  # read, checked and stored a chunk at a time: memory bounded
            to_read = [s for s in chunk if s[3] not in known or known[s[3]][2] in REDECIDED
                       or _older_province(*known[s[3]][3:5])]
            read = dict(zip((s[2] for s in to_read), _read_all([s[2] for s in to_read], jobs, None)))
            checked = self._check_all(list(read.values()), cfg)
            keys = {}
            for slot, src, tmp, sha, size in chunk:
                keys[slot] = key = _month_of(read.get(tmp), known.get(sha))
                if key is not None:
                    months.setdefault(key, {}).setdefault(sha, slot)
            for slot, src, tmp, sha, size in chunk:
                result = read.pop(tmp, None)
                group = months.get(keys[slot], {})
                twin = self._twin_reason(keys[slot], [sources[s] for s in group.values()], sources[slot],
                                         undone=_undone(outcomes, group.values())) if len(group) > 1 else None
                outcomes[slot] = self._receive_one(src, tmp, sha, size, result, out,
                                                   checked.pop(result.file, []) if result is not None else [],
                                                   cfg.checks, twin=twin)
            del read, checked
            for key in dict.fromkeys(keys[s[0]] for s in chunk):
                if key is not None and len(months[key]) > 1:
                    self._settle_twins(key, list(months[key].values()), outcomes)
        return outcomes

    def _twin_reason(self, key, sources, source, receipts="", undone=()):
        """Why a workbook is refused when others of its facility-month came in the same
        receive (X001): the others, by name (by path when two share a name), and the version
        accepted before that stays the month's (not one of `undone`, accepted by this receive
        before its twin came). `receipts`: the group's receipt ids, which Store.dataset shows
        together, as a folder's duplicates."""
        unit, year, month = key
        names = [Path(p).name for p in sources]
        if len(set(names)) < len(names):  # the same name in two folders: their paths tell them apart
            names = [str(p) for p in sources]
        mine = names[[str(p) for p in sources].index(str(source))]
        kept = self.con.execute("SELECT max(version) FROM receipts WHERE unit = ? AND year = ? AND month = ? "
                                "AND status = 'accepted' AND id NOT IN (%s)" % ",".join("?" * len(undone)),
                                (*key, *undone)).fetchone()[0]
        return said("store.reason.twins", unit=unit, period=month_text(year, month),
                    other=", ".join(n for n in names if n != mine),
                    kept=said("store.reason.twins_kept", version=kept) if kept else "", receipts=receipts)

    def _settle_twins(self, key, slots, outcomes) -> None:
        """Two or more different workbooks of one facility-month came in one receive: none is
        the month's version. One accepted before the others came (an earlier chunk of a large
        receive) is refused now; each reason names the others and the version that stays, and
        keeps the group's receipts."""
        unit, year, month = key
        sources = [outcomes[s].source for s in slots]
        ids = " ".join(str(outcomes[s].receipt) for s in slots if outcomes[s].receipt is not None)
        with self._transaction():
            undone = _undone(outcomes, slots)
            for s in slots:
                o = outcomes[s]
                if o.kind in (RECEIVED, NEW_VERSION):  # accepted by this receive before its twin came: undone
                    self.con.execute("UPDATE receipts SET status = 'rejected', version = NULL, reason_code = "
                                     "'duplicate' WHERE id = ?", (o.receipt,))
                    outcomes[s] = Outcome(o.source, REJECTED, o.receipt, unit, year, month, warnings=o.warnings,
                                          original=o.original, reason="")
            for s in slots:
                o = outcomes[s]
                if o.kind != REJECTED or o.receipt is None:
                    continue  # a copy of a version accepted before ("đã có") stays what it was
                told = o.reason
                o.reason = self._twin_reason(key, sources, o.source, ids, undone)
                before = self.con.execute("SELECT reason_code FROM receipts WHERE id = ?", (o.receipt,)).fetchone()[0]
                self.con.execute("UPDATE receipts SET reason_code = 'duplicate', reason_params = ? WHERE id = ?",
                                 (to_json(o.reason), o.receipt))
                if before != "duplicate" or shown(told, "vi") != shown(o.reason, "vi"):  # a new decision: logged
                    self._audit("reject", o.receipt, unit, year, month,
                                said("audit.reason", file=Path(o.source).name, reason=o.reason))

    def _stage(self, src: Path, tmp_dir: Path) -> tuple[Path, str]:
        """Copy src into tmp/ while hashing it; the copy is on disk (fsync) when this returns."""
        suffix = src.suffix.lower() if src.suffix.lower().lstrip(".").isalnum() and len(src.suffix) <= 6 else ".bin"
        fd, name = tempfile.mkstemp(prefix=_tmp_prefix(), suffix=suffix, dir=tmp_dir)
        from ..workbooks.xlsxout import track_temp
        track_temp(name)  # removed if SIGTERM or Ctrl-C ends the process before it is placed
        h = hashlib.sha256()
        try:
            with os.fdopen(fd, "wb") as dst, open(src, "rb") as f:
                while True:
                    chunk = f.read(1 << 20)
                    if not chunk:
                        break
                    h.update(chunk)
                    dst.write(chunk)
                dst.flush()
                os.fsync(dst.fileno())
        except BaseException:
            Path(name).unlink(missing_ok=True)
            raise
        return Path(name), h.hexdigest()

    def _log_only(self, o: Outcome, action: str) -> None:
        with self._transaction():
            self._audit(action, detail=said("audit.reason", file=o.source, reason=o.reason))

    def _place(self, tmp: Path, sha: str, result, name: str) -> str:
        """Move the staged copy to its content-addressed place, a folder named by its sha256
        (the file keeps the name it was sent under); return its path in the store."""
        if result is not None and result.unit and result.year and result.month:
            folder = Path(ORIGINALS) / _province_folder(result.province or UNKNOWN) / _slug(result.unit) / \
                f"{int(result.year):04d}-{int(result.month):02d}" / sha
        elif result is not None and getattr(result, "level", "") == "province" and result.province \
                and result.first and result.last:
            folder = Path(ORIGINALS) / _province_folder(result.province) / PROVINCE_FOLDER / \
                f"{codec.month_key(result.first)}_{codec.month_key(result.last)}" / sha
        else:
            folder = Path(ORIGINALS) / UNKNOWN / sha
        _makedirs_durably(self.root / folder)
        for earlier in sorted((self.root / folder).iterdir()):  # an earlier receive placed it and was stopped
            if earlier.is_file() and _sha256(earlier) == sha:
                tmp.unlink(missing_ok=True)
                return (folder / earlier.name).as_posix()
        target = self.root / folder / _file_name(name, tmp.suffix)
        os.replace(tmp, target)
        try:
            os.chmod(target, 0o444)  # an original is never written again
        except OSError:
            pass
        _fsync_dir(target.parent)
        return (folder / target.name).as_posix()

    def _receive_one(self, src: Path, tmp: Path, sha: str, size: int, result, out: Path, check_issues,
                     settings=None, twin=None) -> Outcome:
        """`twin`: the reason when another workbook of the same facility-month came in this
        receive (X001): refused, whatever else it is (_settle_twins names the others)."""
        con = self.con
        existing = con.execute("SELECT id, unit, year, month, version, status, reason_code, received_at "
                               "FROM receipts WHERE sha256 = ?", (sha,)).fetchone()
        if existing is not None and result is not None and getattr(result, "level", "") == "province":
            if self._complete_province(existing[0], result):
                return self._duplicate(src, existing, completed=True)
        if existing is not None and existing[6] not in REDECIDED:
            return self._duplicate(src, existing)
        if existing is not None and twin is not None:  # refused before, and again with another of its month
            with self._transaction():
                self._audit("reject", existing[0], *existing[1:4], said("audit.reason", file=src.name, reason=twin))
            return Outcome(str(src), REJECTED, existing[0], *existing[1:4], reason=twin)
        if result.status == "skipped":  # not a submission: nothing stored, the audit says so
            o = Outcome(str(src), SKIPPED, reason=said("store.reason.skipped"))
            self._log_only(o, "skip")
            return o
        if getattr(result, "level", "facility") == "province":
            return self._receive_province(src, tmp, sha, size, result, out, existing)
        placed = self._place(tmp, sha, result, src.name)  # the original is durably in place before its receipt
        stored_path = str(self.path(placed))
        reader_issues = [_moved(i, stored_path) for i in result.issues]
        check_issues = [_moved(i, stored_path) for i in check_issues]
        issues = adjust(reader_issues + check_issues, settings)  # the store keeps them all, as found
        errors = [i for i in issues if i.severity == ERROR]
        warnings = len(issues) - len(errors)
        unit, year, month = result.unit, result.year, result.month
        annotated = None
        if errors and existing is None:
            annotated = self._annotate(stored_path, src, result, issues, out, sha)
        con.execute("BEGIN IMMEDIATE")
        try:
            # decided again under the write lock: another clerk may have received the same bytes meanwhile
            current = con.execute("SELECT id, unit, year, month, version, status, reason_code, received_at "
                                  "FROM receipts WHERE sha256 = ?", (sha,)).fetchone()
            if current is not None and (current[6] not in REDECIDED or self._locked(unit, year, month) is not None
                                        or twin is not None):
                con.execute("COMMIT")
                return self._duplicate(src, current)
            if current is not None and errors:  # refused beside another of its month; alone now, with errors
                reason = errors_reason(errors)
                con.execute("UPDATE receipts SET reason_code = 'errors', reason_params = ? WHERE id = ?",
                            (to_json(reason), current[0]))
                self._audit("reject", current[0], unit, year, month, said("audit.reason", file=src.name, reason=reason))
                con.execute("COMMIT")
                return Outcome(str(src), REJECTED, current[0], unit, year, month, reason=reason, errors=errors,
                               warnings=warnings, original=placed)
            if current is not None:  # refused while its month was locked or beside another of its month; open, alone now
                version, previous = self._next_version(unit, year, month)
                con.execute("UPDATE receipts SET status = 'accepted', version = ?, reason = NULL, reason_code = NULL, "
                            "reason_params = NULL WHERE id = ?", (version, current[0]))
                self._audit("accept", current[0], unit, year, month, _accepted(src.name, version, previous))
                con.execute("COMMIT")
                return Outcome(str(src), NEW_VERSION if previous else RECEIVED, current[0], unit, year, month,
                               version, previous, warnings=warnings, original=placed)
            status, version, previous, reason, reason_code = "accepted", None, None, None, None
            if twin is not None:
                status, reason_code, reason = "rejected", "duplicate", twin
            elif errors:
                status, reason_code = "rejected", "errors"
                reason = errors_reason(errors)
            else:
                lock = self._locked(unit, year, month)
                if lock is not None:
                    status, reason_code = "rejected", "locked"
                    reason = said("store.reason.locked", month=month_text(year, month), unit=unit,
                                  at=local_time(lock[0]), who=lock[1], store=str(self.root), m=month, year=year)
                else:
                    version, previous = self._next_version(unit, year, month)
            now, who = _now(), self._who()
            cur = con.execute(
                "INSERT INTO receipts (sha256, size, original_name, path, unit, unit_name, province, year, month, "
                "sent, received_at, received_by, status, version, reason_params, reason_code, errors, warnings, "
                "read_status, layout, annotated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (sha, size, src.name, placed, unit, result.unit_name, result.province, year, month,
                 codec.date_text(getattr(result, "sent", None)), now, who,
                 status, version, to_json(reason), reason_code, len(errors), warnings, result.status,
                 json.dumps(result.layout, ensure_ascii=False), annotated))
            rid = cur.lastrowid
            for table, rows in codec.rows_of(result, rid, self.salt).items():
                if rows:
                    con.executemany(codec.INSERT[table], rows)
            con.executemany(codec.INSERT["issues"], [codec.issue_row(rid, "read", i) for i in reader_issues]
                            + [codec.issue_row(rid, "check", i) for i in check_issues])
            action, detail = _receipt_audit(src.name, status, version, previous, reason)
            self._audit(action, rid, unit, year, month, detail, at=now, who=who)
            con.execute("COMMIT")
        except BaseException:
            rollback(con)
            raise
        if status == "accepted":
            return Outcome(str(src), NEW_VERSION if previous else RECEIVED, rid, unit, year, month, version, previous,
                           warnings=warnings, original=placed)
        return Outcome(str(src), REJECTED, rid, unit, year, month, reason=reason, errors=errors, warnings=warnings,
                       annotated=annotated, original=placed)

    def _duplicate(self, src: Path, existing, completed: bool = False) -> Outcome:
        rid, unit, year, month, version, status, reason_code, at = existing
        what = said("store.version", version=version) if status == "accepted" else said("store.rejected_copy")
        reason = said("store.reason.duplicate_completed" if completed else "store.reason.duplicate", receipt=rid,
                      what=what, at=local_time(at))
        province, period = self._province_of(rid)
        with self._transaction():
            self._audit("duplicate", rid, unit, year, month, said("audit.duplicate", file=src.name, receipt=rid),
                        province=province, period=period)
        return Outcome(str(src), DUPLICATE, rid, unit, year, month, version, reason=reason,
                       rejected_before=status != "accepted", province=province, period=period)

    # ------------------------------------------------------------ province workbooks

    def _province_of(self, rid) -> tuple:
        """(province, period code) of a province workbook's receipt, else (None, None)."""
        row = self.con.execute("SELECT level, province, period_first, period_last FROM receipts WHERE id = ?",
                               (rid,)).fetchone()
        if row is None or row[0] != "province" or not row[2]:
            return None, None
        return row[1], _period_code(row[2], row[3])

    def _receive_province(self, src: Path, tmp: Path, sha: str, size: int, result, out: Path, existing) -> Outcome:
        """A province workbook (ThongTin Cấp = tỉnh): kept as a monthly one is, by province and
        period: its rows, a version per province and period, refused with errors or while its
        province and period are approved."""
        con = self.con
        province = result.province
        first, last = codec.month_key(result.first), codec.month_key(result.last)
        period = _period_code(first, last) if first and last else None
        placed = self._place(tmp, sha, result, src.name)
        stored_path = str(self.path(placed))
        issues = [_moved(i, stored_path) for i in result.issues]
        errors = [i for i in issues if i.severity == ERROR]
        warnings = len(issues) - len([i for i in issues if i.severity == ERROR])
        annotated = self._annotate(stored_path, src, result, issues, out, sha) if errors and existing is None else None
        con.execute("BEGIN IMMEDIATE")
        try:
            current = con.execute("SELECT id, unit, year, month, version, status, reason_code, received_at "
                                  "FROM receipts WHERE sha256 = ?", (sha,)).fetchone()
            lock = self._province_lock(province, first, last) if period else None
            if current is not None and (current[6] != "locked" or lock is not None):
                con.execute("COMMIT")
                return self._duplicate(src, current)
            if current is not None:  # refused while its period was locked, and it is open now
                version, previous = self._next_province_version(province, first, last)
                con.execute("UPDATE receipts SET status = 'accepted', version = ?, reason = NULL, reason_code = NULL, "
                            "reason_params = NULL WHERE id = ?", (version, current[0]))
                self._audit("accept", current[0], detail=_accepted(src.name, version, previous), province=province,
                            period=period)
                con.execute("COMMIT")
                return Outcome(str(src), NEW_VERSION if previous else RECEIVED, current[0], version=version,
                               previous=previous, warnings=warnings, original=placed, province=province, period=period)
            status, version, previous, reason, reason_code = "accepted", None, None, None, None
            if errors:
                status, reason_code, reason = "rejected", "errors", errors_reason(errors)
            elif lock is not None:
                status, reason_code = "rejected", "locked"
                y1, m1 = codec.month_of_key(first)
                y2, m2 = codec.month_of_key(last)
                reason = said("store.reason.locked_province", province=province, period=period,
                              at=local_time(lock[0]), who=lock[1], store=str(self.root), first=f"{m1:02d}/{y1}",
                              last=f"{m2:02d}/{y2}")
            else:
                version, previous = self._next_province_version(province, first, last)
            now, who = _now(), self._who()
            cur = con.execute(
                "INSERT INTO receipts (sha256, size, original_name, path, unit, unit_name, province, year, month, "
                "sent, received_at, received_by, status, version, reason_params, reason_code, errors, warnings, "
                "read_status, layout, annotated, level, period_first, period_last) "
                "VALUES (?, ?, ?, ?, NULL, NULL, ?, NULL, NULL, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'province', ?, ?)",
                (sha, size, src.name, placed, province, now, who, status, version, to_json(reason), reason_code, len(errors),
                 warnings, result.status, json.dumps(result.layout, ensure_ascii=False), annotated, first, last))
            rid = cur.lastrowid
            rows = codec.rows_of(result, rid, self.salt)["pfigures"]
            if rows:
                con.executemany(codec.INSERT["pfigures"], rows)
            con.executemany(codec.INSERT["issues"], [codec.issue_row(rid, "read", i) for i in issues])
            action, detail = _receipt_audit(src.name, status, version, previous, reason)
            self._audit(action, rid, detail=detail, at=now, who=who, province=province, period=period)
            con.execute("COMMIT")
        except BaseException:
            rollback(con)
            raise
        if status == "accepted":
            return Outcome(str(src), NEW_VERSION if previous else RECEIVED, rid, version=version, previous=previous,
                           warnings=warnings, original=placed, province=province, period=period)
        return Outcome(str(src), REJECTED, rid, reason=reason, errors=errors, warnings=warnings, annotated=annotated,
                       original=placed, province=province, period=period)

    def _complete_province(self, rid: int, result) -> bool:
        """A province workbook received before the store kept their rows (its receipt has
        none): add its period and rows now, once. True when done."""
        row = self.con.execute("SELECT read_status, level FROM receipts WHERE id = ?", (rid,)).fetchone()
        if row is None or not _older_province(*row) or not (result.first and result.last):
            return False
        with self._transaction():
            self.con.execute("UPDATE receipts SET level = 'province', period_first = ?, period_last = ? WHERE id = ?",
                             (codec.month_key(result.first), codec.month_key(result.last), rid))
            rows = codec.rows_of(result, rid, self.salt)["pfigures"]
            if rows:
                self.con.executemany(codec.INSERT["pfigures"], rows)
            period = _period_code(codec.month_key(result.first), codec.month_key(result.last))
            self._audit("complete", rid, detail=said("audit.complete", rows=len(rows)),
                        province=result.province, period=period)
        return True

    def _province_rows(self, province=None):
        """[(id, province, first, last, version, status, reason_code)] of province workbooks,
        of one province (names compared as everywhere: "Tỉnh Cao Bằng" is "Cao Bằng")."""
        from ..common.codes import province_key
        rows = list(self.con.execute("SELECT id, province, period_first, period_last, version, status, reason_code "
                                     "FROM receipts WHERE level = 'province' ORDER BY id"))
        if province is not None:
            rows = [r for r in rows if _same_province(r[1] or "", province)]
        return rows

    def _next_province_version(self, province, first, last):
        previous = max((r[4] for r in self._province_rows(province) if (r[2], r[3]) == (first, last)
                        and r[5] == "accepted"), default=None)
        return (previous or 0) + 1, previous

    def _province_lock(self, province, first, last):
        """(at, who) of the approval when the province's period is locked, else None."""
        from ..common.codes import province_key
        state = None
        for prov, action, at, who in self.con.execute(
                "SELECT province, action, at, who FROM province_approvals WHERE period_first = ? AND period_last = ? "
                "ORDER BY id", (first, last)):
            if province_key(prov) == province_key(province or ""):
                state = (at, who) if action == "approve" else None
        return state

    def province_latest(self, province=None) -> list[tuple]:
        """[(id, province, first, last, version)]: the latest accepted version of each province
        workbook (a province and a period), by province and period."""
        from ..common.codes import province_key
        best = {}
        for rid, prov, first, last, version, status, _ in self._province_rows(province):
            if status == "accepted" and first:
                key = (province_key(prov or ""), first, last)
                if key not in best or version > best[key][4]:
                    best[key] = (rid, prov, first, last, version)
        return sorted(best.values(), key=lambda r: (r[1] or "", r[2], r[3]))

    def province_refused(self) -> list[int]:
        """For each province and period with no accepted workbook: its latest one refused for
        errors (its issues are told in its province's reports, as a folder's would be)."""
        from ..common.codes import province_key
        accepted, refused = set(), {}
        for rid, prov, first, last, version, status, code in self._province_rows():
            key = (province_key(prov or ""), first, last)
            if status == "accepted":
                accepted.add(key)
            elif code == "errors":
                refused[key] = rid
        return sorted(rid for key, rid in refused.items() if key not in accepted)

    def _next_version(self, unit, year, month):
        previous = self.con.execute("SELECT max(version) FROM receipts WHERE unit = ? AND year = ? AND month = ? "
                                    "AND status = 'accepted'", (unit, year, month)).fetchone()[0]
        return (previous or 0) + 1, previous

    def _locked(self, unit, year, month):
        """(at, who) of the approval when the month is locked, else None."""
        row = self.con.execute("SELECT action, at, who FROM approvals WHERE unit = ? AND year = ? AND month = ? "
                               "ORDER BY id DESC LIMIT 1", (unit, year, month)).fetchone()
        return (row[1], row[2]) if row is not None and row[0] == "approve" else None

    def _check_all(self, results, cfg) -> dict:
        """The dataset rules (continuity, persons, outliers...) on the workbooks being received,
        each among the latest accepted versions of its facility's other months: {file: [Issue]}.
        One run of the rules per round (round k: the k-th workbook of each facility-month in
        this call), not one per workbook: a national year is checked in one go."""
        from collections import Counter, defaultdict
        from ..checking.checks import run_checks
        from ..reading.dataset import build_dataset
        rounds, seen = defaultdict(list), Counter()
        for res in results:
            if res.status != "ok" or res.unit is None or res.year is None or res.month is None:
                continue  # nothing to check across files: the reader's issues say why
            key = (res.unit, res.year, res.month)
            rounds[seen[key]].append(codec.hashed(res, self.salt))  # ids as in the store, to meet its months
            seen[key] += 1
        out: dict = defaultdict(list)
        for _, group in sorted(rounds.items()):
            units = sorted({r.unit for r in group})
            months = {(r.unit, r.year, r.month) for r in group}
            ids = [rid for rid, u, y, m in self.con.execute(
                "SELECT r.id, r.unit, r.year, r.month FROM receipts r WHERE r.id IN (" + _LATEST + ") AND r.unit IN (%s)"
                % ",".join("?" * len(units)), units) if (u, y, m) not in months]
            others = codec.load_results(self.con, ids, lambda p: str(self.path(p)))
            files = {r.file for r in group}
            for i in run_checks(build_dataset(others + group), period=None, config=cfg):
                if i.file in files:
                    out[i.file].append(i)
        return out

    def _annotate(self, stored_path: str, src: Path, result, issues, out: Path, sha: str) -> str | None:
        """The facility's annotated copy of a rejected workbook (never fatal), under a name no
        other file has: its facility and month when known, and the start of its sha256 when
        the name is taken (another workbook of the same name, from another folder or sent
        before), so that no copy ever replaces another, nor a file of the user's in --out."""
        from ..workbooks.annotate import _write_one
        from ..reading.reader import ANNOTATED_SUFFIX
        stem = src.stem
        if result.unit and result.year and result.month:
            stem = f"{_slug(result.unit)}-{int(result.year):04d}-{int(result.month):02d}-{_slug(src.stem)}"
        target = out / (stem + ANNOTATED_SUFFIX)
        for n in range(100):
            if not os.path.lexists(target):
                break
            target = out / f"{stem}-{sha[:8]}{'-' + str(n) if n else ''}{ANNOTATED_SUFFIX}"
        else:
            return None
        try:
            _write_one(Path(stored_path), issues, target, "vi")  # sent back to the facility
        except Exception:  # noqa: BLE001 - the receipt matters more than the copy
            return None
        return str(target)

    # ------------------------------------------------------------ reading

    def latest_ids(self, units=None) -> list[int]:
        sql, args = _LATEST, []
        if units:
            sql += " AND r.unit IN (%s)" % ",".join("?" * len(units))
            args = list(units)
        return [r[0] for r in self.con.execute(sql + " ORDER BY r.province, r.unit, r.year, r.month", args)]

    def results(self, ids) -> list:
        self.con.execute("BEGIN")
        try:
            return codec.load_results(self.con, ids, lambda p: str(self.path(p)))
        finally:
            self.con.execute("COMMIT")

    def rejected_ids(self, units=None) -> list[int]:
        """For each facility-month with no accepted version: its latest receipt refused for
        errors (so that the gate sees the month as sent with errors, not as missing), or, when
        that refusal is of two workbooks received together for the month, all of them (the
        gate and X001 see a duplicate month, as in the folder they came from)."""
        sql = ("SELECT r.id, r.unit, r.year, r.month, r.reason_code, r.reason_params FROM receipts r "
               "WHERE r.status = 'rejected' AND r.unit IS NOT NULL AND r.year IS NOT NULL AND r.month IS NOT NULL "
               "AND NOT EXISTS (SELECT 1 FROM receipts q WHERE q.unit = r.unit AND q.year = r.year "
               "AND q.month = r.month AND q.status = 'accepted')")
        args = []
        if units:
            sql += " AND r.unit IN (%s)" % ",".join("?" * len(units))
            args = list(units)
        refused: dict = {}  # (unit, year, month) -> {id: (reason_code, reason_params)}
        for rid, unit, year, month, code, params in self.con.execute(sql, args):
            refused.setdefault((unit, year, month), {})[rid] = (code, params)
        out = []
        for receipts in refused.values():
            shown_ = [rid for rid, (code, _) in receipts.items() if code in ("errors", "duplicate")]
            if not shown_:
                continue
            latest = max(shown_)
            code, params = receipts[latest]
            group = [latest]
            if code == "duplicate":
                reason = of_json(params)
                listed = dict(getattr(reason, "values", ())).get("receipts") or ""
                group = sorted({int(x) for x in str(listed).split() if x.isdigit() and int(x) in receipts} | {latest})
            out += group
        return sorted(out)

    def dataset(self, units=None, window=None):
        """The Dataset of the latest accepted version of each facility-month (no workbook is
        read; timeliness from ThongTin's "Ngày gửi" only, as from a folder). A month whose every receipt was rejected
        for errors is there as its latest refused workbook, rows and all, with status
        'rejected': the checks see what they see in a folder (the same errors named in the
        same words), and the gate says "có lỗi" for it and never counts it (not even with
        --force); it never sees two workbooks for one month. `window` ((year,
        month) first, last; periods.needed_months): the rows of the months in it only; the
        others say who and when (status "outside")."""
        from ..reading.dataset import dataset_of, gather
        self.con.execute("BEGIN")
        try:
            path_of = lambda p: str(self.path(p))  # noqa: E731
            # timeliness rests on ThongTin's "Ngày gửi", as from a folder: the day a workbook came
            # into the store is not the day its facility sent it (a year received at once, a copy)
            glance = frozenset()
            if window is not None:
                (y0, m0), (y1, m1) = window
                glance = frozenset(rid for rid, in self.con.execute(
                    "SELECT id FROM receipts WHERE year * 12 + month < ? OR year * 12 + month > ?",
                    (y0 * 12 + m0, y1 * 12 + m1)))
            # the facilities' months in bulk; a month whose every receipt was refused for errors
            # is there as its latest refused workbook
            parts = codec.months_parts(self.con, self.latest_ids(units), self.rejected_ids(units), path_of,
                                       glance=glance)
            # the province workbooks: the latest accepted version of each province and period;
            # one refused for its errors (none accepted) is there with its errors, never its figures
            provinces = codec.load_results(self.con, [r[0] for r in self.province_latest()], path_of)
            for res in codec.load_results(self.con, self.province_refused(), path_of):
                res.pfigures = []
                provinces.append(res)
            gather(provinces, parts)  # ds.results: the province workbooks' (a facility's rows are in the frames)
        finally:
            self.con.execute("COMMIT")
        return dataset_of(parts)

    def approved(self) -> dict:
        """{(unit, year, month): (at, who, version)} of every locked month."""
        out = {}
        for unit, year, month, action, at, who, version in self.con.execute(
                "SELECT a.unit, a.year, a.month, a.action, a.at, a.who, r.version FROM approvals a "
                "LEFT JOIN receipts r ON r.id = a.receipt ORDER BY a.id"):
            if action == "approve":
                out[(unit, year, month)] = (at, who, version)
            else:
                out.pop((unit, year, month), None)
        return out

    def first_accepted(self) -> dict:
        """{(unit, year, month): received_at (ISO, UTC) of the month's first accepted version}."""
        return {(u, y, m): at for u, y, m, at in self.con.execute(
            "SELECT unit, year, month, min(received_at) FROM receipts WHERE status = 'accepted' "
            "GROUP BY unit, year, month")}

    def receipt_times(self) -> dict:
        """{(unit, year, month): (first receipt, receipt of the latest accepted version)}, ISO
        UTC: the day a month was sent, for timeliness where ThongTin has no "Ngày gửi"."""
        out = {}
        for unit, year, month, first in self.con.execute(
                "SELECT unit, year, month, min(received_at) FROM receipts WHERE unit IS NOT NULL "
                "AND year IS NOT NULL GROUP BY unit, year, month"):
            out[(unit, year, month)] = (first, None)
        for unit, year, month, at in self.con.execute(
                "SELECT r.unit, r.year, r.month, r.received_at FROM receipts r WHERE r.id IN (" + _LATEST + ")"):
            out[(unit, year, month)] = (out[(unit, year, month)][0], at)
        return out

    # ------------------------------------------------------------ history

    def history(self, unit: str, month=None) -> History:
        """Every receipt of a facility (one month: month=(year, month)) and, between each
        version and the accepted one before it, the figures that changed."""
        from ..common.codes import unit_code
        unit = unit_code(unit)
        sql = ("SELECT id, unit, year, month, version, status, reason_params, received_at, received_by, "
               "original_name, sha256, errors, warnings, path, reason FROM receipts WHERE unit = ?")
        args = [unit]
        if month is not None:
            sql += " AND year = ? AND month = ?"
            args += list(month)
        versions = [Version(*row[:6], of_json(row[6], row[14]), *row[7:14])
                    for row in self.con.execute(sql + " ORDER BY year, month, id", args)]
        if not versions:
            known = [r[0] for r in self.con.execute("SELECT DISTINCT unit FROM receipts WHERE unit IS NOT NULL ORDER BY unit")]
            known = ", ".join(known) or said("store.err.none_yet")
            if month:
                raise UsageError.said("store.err.no_unit_month", unit=unit, month=month_text(*month), known=known)
            raise UsageError.said("store.err.no_unit", unit=unit, known=known)
        comparisons = []
        last_accepted: dict = {}
        comparable = {v.receipt for v in versions if v.errors == 0 and v.year is not None}
        for v in versions:
            key = (v.year, v.month)
            before = last_accepted.get(key)
            if before is not None and v.receipt in comparable:
                comparisons.append(Comparison(v.year, v.month, before, v, self.compare(before.receipt, v.receipt)))
            if v.status == "accepted":
                last_accepted[key] = v
        approvals = []
        for year, mon, action, at, who, reason, version in self.con.execute(
                "SELECT a.year, a.month, a.action, a.at, a.who, a.reason, r.version FROM approvals a "
                "LEFT JOIN receipts r ON r.id = a.receipt WHERE a.unit = ? ORDER BY a.id", (unit,)):
            if month is None or (year, mon) == tuple(month):
                approvals.append((year, mon, action, at, who, reason, version))
        return History(unit, versions, comparisons, approvals)

    def province_history(self, province: str) -> ProvinceHistory:
        """Every province workbook received for `province` (any spelling the store matches:
        "cao bang", "Tỉnh Cao Bằng"), by period; between each version and the accepted one before
        it, the figures that changed; the approvals and unlocks of its periods. A name the store
        holds no province workbook of is a UsageError naming the closest names."""
        from ..common.codes import province_key
        rows = [r for r in self._province_rows(province) if r[2]]
        if not rows:
            raise UsageError(self._unknown_province(province))
        ids = [r[0] for r in rows]
        marks = ",".join("?" * len(ids))
        versions = [ProvinceVersion(rid, prov, _period_code(first, last), version, status, of_json(params, legacy), at,
                                    who, name, sha, errors, warnings)
                    for rid, prov, first, last, version, status, params, legacy, at, who, name, sha, errors, warnings
                    in self.con.execute(
                        "SELECT id, province, period_first, period_last, version, status, reason_params, reason, "
                        "received_at, received_by, original_name, sha256, errors, warnings FROM receipts "
                        f"WHERE id IN ({marks}) ORDER BY period_first, period_last, id", ids)]
        key = province_key(province)
        approvals, locked = [], {}
        for prov, first, last, action, rid, at, who, reason in self.con.execute(
                "SELECT province, period_first, period_last, action, receipt, at, who, reason FROM province_approvals "
                "ORDER BY id"):
            if province_key(prov or "") != key and not _same_province(prov or "", province):
                continue
            period = _period_code(first, last)
            version = next((v.version for v in versions if v.receipt == rid), None)
            approvals.append((period, action, at, who, reason, version))
            locked[period] = rid if action == "approve" else None
        for v in versions:
            v.locked = locked.get(v.period) == v.receipt
        comparisons, last_accepted = [], {}
        for v in versions:
            before = last_accepted.get(v.period)
            if before is not None and v.errors == 0:
                comparisons.append(ProvinceComparison(v.period, before, v,
                                                      self._compare_province(before.receipt, v.receipt)))
            if v.status == "accepted":
                last_accepted[v.period] = v
        return ProvinceHistory(versions[-1].province, versions, comparisons, approvals)

    def _compare_province(self, before: int, after: int) -> list[Change]:
        """The figures of two province workbooks that differ, by code and diện (or source)."""
        tables = []
        for rid in (before, after):
            got: dict = {}
            for code, category, source, value in self.con.execute(
                    "SELECT code, category, source, value FROM pfigures WHERE receipt = ? ORDER BY rowid", (rid,)):
                k = (code, category or source or "")
                got[k] = got.get(k, 0) + value
            tables.append(got)
        a, b = tables
        return [Change(code, detail, a.get((code, detail)), b.get((code, detail)))
                for code, detail in sorted(set(a) | set(b)) if a.get((code, detail)) != b.get((code, detail))]

    def _unknown_province(self, province: str) -> str:
        """Why the store has no province workbook of `province`, in the chosen language: a name
        that is no province (with the closest names), or a province it holds none of (with the
        provinces it does)."""
        import difflib
        from ..common.catalogue import text
        from ..common.codes import province_key
        from ..settings.geography import geography, is_province
        held = sorted({r[1] for r in self._province_rows() if r[1] and r[2]})
        geo = geography()
        if not is_province(province):
            keys = {province_key(n): n for n in held}
            near = [keys[k] for k in difflib.get_close_matches(province_key(province), list(keys), n=3, cutoff=0.5)]
            near += [n for n in geo.closest(province) if n not in near]
            return text("province_history.not_a_province" if near else "province_history.not_a_province_none",
                        name=province, near=", ".join(near[:3]))
        return text("province_history.none", name=province, held=", ".join(held) or text("province_history.held_none"))

    def compare(self, before: int, after: int) -> list[Change]:
        """The facility-month's indicators of two receipts: those that differ."""
        from ..reading.dataset import build_dataset
        from ..computing.indicators import compute
        from ..common.periods import Period
        tables = []
        for rid in (before, after):
            res = self.results([rid])[0]
            period = Period((res.year, res.month), (res.year, res.month), f"{res.year}-{res.month:02d}")
            t = compute(build_dataset([res]), period, level="facility")
            tables.append({(i, c): (v.item() if hasattr(v, "item") else v)
                           for i, c, v in zip(t["indicator"], t["category"], t["value"])})
        a, b = tables
        return [Change(ind, cat, a.get((ind, cat)), b.get((ind, cat))) for ind, cat in sorted(set(a) | set(b))
                if a.get((ind, cat)) != b.get((ind, cat))]

    # ------------------------------------------------------------ approval

    def units_of(self, facility=None, province=None) -> list[str]:
        from ..common.codes import province_key
        if bool(facility) == bool(province):
            raise UsageError.said("store.err.choose_one")
        if province:
            province = _province_name(province)
        rows = list(self.con.execute("SELECT unit, province FROM receipts WHERE status = 'accepted' AND unit IS NOT NULL "
                                     "ORDER BY id"))
        latest = {}
        for unit, prov in rows:
            latest[unit] = prov
        if facility:
            from ..common.codes import unit_code
            code = unit_code(facility)
            if code not in latest:
                raise UsageError.said("store.err.no_accepted", unit=code,
                                      known=", ".join(sorted(latest)) or said("store.err.none_yet"))
            return [code]
        units = sorted(u for u, p in latest.items() if _same_province(p or "", province))
        if not units and self.province_latest(province):
            return []  # a province of which the store holds only province workbooks
        if not units:
            _misspelt_province(province)
            provinces = sorted({p for p in latest.values() if p})
            raise UsageError.said("store.err.no_province", province=province,
                                  known=", ".join(provinces) or said("store.err.none_yet"))
        return units

    @contextmanager
    def _transaction(self):
        """One write transaction under SQLite's write lock: committed, or rolled back on any
        exception (also KeyboardInterrupt), never left open."""
        self.con.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            rollback(self.con)
            raise
        self.con.execute("COMMIT")

    def _province_periods(self, province, period) -> list[tuple]:
        """The province's workbooks (latest accepted versions) whose period lies within `period`."""
        lo, hi = codec.month_key(period.first), codec.month_key(period.last)
        return [r for r in self.province_latest(province) if lo <= r[2] and r[3] <= hi]

    def _approve_province(self, province, period, now, who) -> list[MonthAction]:
        out = []
        for rid, name, first, last, version in self._province_periods(province, period):
            what = said("store.who.province", province=name, period=_period_code(first, last))
            lock = self._province_lock(name, first, last)
            if lock is not None:
                out.append(MonthAction(name, None, None, False, said("approve.before", at=local_time(lock[0]), who=lock[1]),
                                       what=what))
                continue
            self.con.execute("INSERT INTO province_approvals (province, period_first, period_last, action, receipt, at, "
                             "who) VALUES (?, ?, ?, 'approve', ?, ?, ?)", (name, first, last, rid, now, who))
            self._audit("approve", rid, detail=said("audit.approve", version=version), at=now, who=who, province=name,
                        period=_period_code(first, last))
            out.append(MonthAction(name, None, None, True, said("approve.done", version=version), what=what))
        return out

    def _unlock_province(self, province, period, reason, now, who) -> list[MonthAction]:
        out = []
        for rid, name, first, last, version in self._province_periods(province, period):
            what = said("store.who.province", province=name, period=_period_code(first, last))
            if self._province_lock(name, first, last) is None:
                out.append(MonthAction(name, None, None, False, said("unlock.not_locked"), what=what))
                continue
            self.con.execute("INSERT INTO province_approvals (province, period_first, period_last, action, at, who, "
                             "reason) VALUES (?, ?, ?, 'unlock', ?, ?, ?)", (name, first, last, now, who, reason))
            self._audit("unlock", None, detail=said("audit.unlock", reason=reason), at=now, who=who, province=name,
                        period=_period_code(first, last))
            out.append(MonthAction(name, None, None, True, said("unlock.done"), what=what))
        return out

    def approve(self, units, period, province=None) -> list[MonthAction]:
        """Lock every month of the period of these facilities that has an accepted version
        (the latest is the one approved); a month with none is said, not locked. With
        `province`: its province workbooks whose period lies within `period` too."""
        out = []
        province = _province_name(province) if province else None
        with self._transaction():
            now, who = _now(), self._who()
            if province:
                out += self._approve_province(province, period, now, who)
            for unit in units:
                for year, month in period.months:
                    lock = self._locked(unit, year, month)
                    if lock is not None:
                        out.append(MonthAction(unit, year, month, False,
                                               said("approve.before", at=local_time(lock[0]), who=lock[1])))
                        continue
                    row = self.con.execute("SELECT id, version FROM receipts WHERE unit = ? AND year = ? AND month = ? "
                                           "AND status = 'accepted' ORDER BY version DESC LIMIT 1",
                                           (unit, year, month)).fetchone()
                    if row is None:
                        out.append(MonthAction(unit, year, month, False, said("approve.missing"), missing=True))
                        continue
                    self.con.execute("INSERT INTO approvals (unit, year, month, action, receipt, at, who) "
                                     "VALUES (?, ?, ?, 'approve', ?, ?, ?)", (unit, year, month, row[0], now, who))
                    self._audit("approve", row[0], unit, year, month, said("audit.approve", version=row[1]), at=now,
                                who=who)
                    out.append(MonthAction(unit, year, month, True, said("approve.done", version=row[1])))
        return out

    def unlock(self, units, period, reason: str, province=None) -> list[MonthAction]:
        reason = (reason or "").strip()
        if not reason:
            raise UsageError.said("store.err.reason")
        out = []
        province = _province_name(province) if province else None
        with self._transaction():
            now, who = _now(), self._who()
            if province:
                out += self._unlock_province(province, period, reason, now, who)
            for unit in units:
                for year, month in period.months:
                    if self._locked(unit, year, month) is None:
                        out.append(MonthAction(unit, year, month, False, said("unlock.not_locked")))
                        continue
                    self.con.execute("INSERT INTO approvals (unit, year, month, action, at, who, reason) "
                                     "VALUES (?, ?, ?, 'unlock', ?, ?, ?)", (unit, year, month, now, who, reason))
                    self._audit("unlock", None, unit, year, month, said("audit.unlock", reason=reason), at=now, who=who)
                    out.append(MonthAction(unit, year, month, True, said("unlock.done")))
        return out

    # ------------------------------------------------------------ audit, check

    def log(self, unit=None, limit=None, province=None) -> list[tuple]:
        """Audit rows (id, at, who, action, receipt, unit, year, month, detail), oldest first;
        `detail` is what was said (said.py: shown in the reader's language), or None.
        A province workbook's row has no facility and no month: its `unit` is the province's
        name and its `detail` begins with the period ("sổ cấp tỉnh, kỳ 2017: ...").
        `province`: its facilities' rows and its province workbooks' rows."""
        from ..common.codes import province_key, unit_code
        sql, args = ("SELECT id, at, who, action, receipt, unit, year, month, detail, province, period, detail_params "
                     "FROM audit"), []
        if unit:
            sql += " WHERE unit = ?"
            args.append(unit_code(unit))
        rows = list(self.con.execute(sql + " ORDER BY id", args))
        if province:
            key = province_key(province)
            theirs = {u for u, p in self.con.execute("SELECT DISTINCT unit, province FROM receipts WHERE unit IS NOT NULL")
                      if province_key(p or "") == key}
            rows = [r for r in rows if r[5] in theirs or (r[9] and province_key(r[9]) == key)]
        if (unit or province) and not rows:  # a mistyped name is said, never an empty log
            self._unknown(unit_code(unit) if unit else None, province)
        rows = [(*r[:8], of_json(r[11], r[8])) + r[9:11] for r in rows]
        rows = [r[:9] if not r[9] else
                (*r[:5], r[9], None, None, said("audit.province_detail", period=r[10], detail=r[8]) if r[8]
                 else said("audit.province", period=r[10])) for r in rows]
        return rows[-limit:] if limit else rows

    def _unknown(self, unit, province) -> None:
        """Refuse a facility or a province the store has no row of, naming those it has."""
        if unit:
            known = [r[0] for r in self.con.execute("SELECT DISTINCT unit FROM audit WHERE unit IS NOT NULL "
                                                    "AND province IS NULL ORDER BY unit")]
            raise UsageError.said("store.err.no_unit", unit=unit, known=", ".join(known) or said("store.err.none_yet"))
        _misspelt_province(province)
        known = sorted({p for (p,) in self.con.execute("SELECT DISTINCT province FROM receipts WHERE province IS NOT NULL")
                        if p} | {p for (p,) in self.con.execute("SELECT DISTINCT province FROM audit "
                                                                  "WHERE province IS NOT NULL") if p})
        raise UsageError.said("store.err.no_province", province=province,
                              known=", ".join(known) or said("store.err.none_yet"))

    def check(self) -> CheckReport:
        """SQLite's integrity check, and every original against its receipt's sha256."""
        rep = CheckReport()
        rep.integrity = "; ".join(r[0] for r in self.con.execute("PRAGMA integrity_check"))
        referenced = set()
        for rid, sha, path, name in self.con.execute("SELECT id, sha256, path, original_name FROM receipts ORDER BY id"):
            rep.receipts += 1
            referenced.add(path)
            p = self.path(path)
            if not p.is_file():
                rep.problems.append(said("check.missing", receipt=rid, name=name, path=path))
            elif _sha256(p) != sha:
                rep.problems.append(said("check.changed", receipt=rid, name=name, path=path))
            else:
                rep.ok += 1
        for cid, sha, path in self.con.execute("SELECT id, sha256, path FROM configs ORDER BY id"):
            rep.configs += 1
            referenced.add(path)
            p = self.path(path)
            if not p.is_file():
                rep.problems.append(said("check.config_missing", version=cid, path=path))
            elif _sha256(p) != sha:
                rep.problems.append(said("check.config_changed", version=cid, path=path))
        rep.province_workbooks = self.con.execute("SELECT count(*) FROM receipts WHERE level = 'province'").fetchone()[0]
        older = [name for name, in self.con.execute(
            "SELECT original_name FROM receipts WHERE read_status = 'province' AND level IS NULL ORDER BY id")]
        if older:
            rep.notes.append(said("check.older_province", count=len(older),
                                  names=", ".join(older[:5]) + (", …" if len(older) > 5 else ""), store=str(self.root)))
        originals = self.root / ORIGINALS
        if originals.is_dir():
            for p in sorted(originals.rglob("*")):
                rel = p.relative_to(self.root).as_posix()
                if p.is_file() and rel not in referenced:
                    rep.notes.append(said("check.stray", path=rel))
        tmp = self.root / TMP
        left = leftover_tmp(tmp)
        if left:
            rep.leftovers = len(left)
            size = sum(p.stat().st_size for p in left if p.exists())
            rep.notes.append(said("check.leftovers", count=len(left), size=Count(size), tmp=str(tmp),
                                  store=str(self.root)))
        return rep

    def clean_tmp(self) -> tuple[int, int]:
        """Remove what interrupted receives left in tmp/: (files, bytes)."""
        return sweep_tmp(self.root / TMP)


_LATEST = ("SELECT r.id FROM receipts r WHERE r.status = 'accepted' AND r.version = "
           "(SELECT max(q.version) FROM receipts q WHERE q.unit = r.unit AND q.year = r.year AND q.month = r.month "
           "AND q.status = 'accepted')")


def _period_code(first: str, last: str) -> str:
    """'2017-01', '2017-12' -> '2017' (periods.period_between's code)."""
    from ..common.periods import period_between
    return period_between(codec.month_of_key(first), codec.month_of_key(last)).code


def _undone(outcomes, slots) -> list[int]:
    """The receipts of `slots` that this receive accepted (to be refused: a twin came)."""
    return [outcomes[s].receipt for s in slots if outcomes[s] is not None and outcomes[s].kind in (RECEIVED, NEW_VERSION)]


def _month_of(result, known) -> tuple | None:
    """(unit, year, month) of a facility's monthly workbook, from its reading or, when the
    same bytes are in the store and were not read again, from their receipt; else None."""
    if result is not None:
        if result.status == "skipped" or getattr(result, "level", "facility") == "province":
            return None
        key = (result.unit, result.year, result.month)
    elif known is not None:
        if known[4] is not None:  # a province workbook
            return None
        key = tuple(known[5:8])
    else:
        return None
    return (key[0], int(key[1]), int(key[2])) if all(k is not None for k in key) else None


def _older_province(read_status, level) -> bool:
    """A receipt of a province workbook received before the store kept their rows: it is read
    again once, to add them."""
    return read_status == "province" and level is None


# ---------------------------------------------------------------- temporary files

TMP_PREFIX = ".nhan-"
LEFTOVER_SECONDS = 24 * 3600  # a file of another machine (a shared store) is a leftover after a day


def _host() -> str:
    import re
    import socket
    return re.sub(r"[^A-Za-z0-9_]", "_", socket.gethostname() or "_")[:40] or "_"


def _tmp_prefix() -> str:
    """.nhan-<host>-<pid>-: whose the file is, so that a later run can tell a file of a
    receive still running (another clerk's) from one a killed receive left."""
    return f"{TMP_PREFIX}{_host()}-{os.getpid()}-"


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: another user's live process
        return True
    return True


def leftover_tmp(tmp_dir: Path) -> list[Path]:
    """The files in tmp/ no running receive owns: its process is gone (this machine, POSIX),
    or the file is a day old."""
    import re
    import time as _time
    if not Path(tmp_dir).is_dir():
        return []
    now, host, out = _time.time(), _host(), []
    for p in sorted(Path(tmp_dir).iterdir()):
        try:
            if not p.is_file():
                continue
            old = now - p.stat().st_mtime > LEFTOVER_SECONDS
        except OSError:
            continue
        m = re.match(re.escape(TMP_PREFIX) + r"(.+)-(\d+)-", p.name)
        if m is None:  # no owner in its name (an earlier rehabstat's, or not ours): nothing runs for it
            out.append(p)
        elif m.group(1) != host or os.name != "posix":  # another machine's, or no way to ask: its age
            if old:
                out.append(p)
        elif old or not _alive(int(m.group(2))):
            out.append(p)
    return out


def sweep_tmp(tmp_dir: Path) -> tuple[int, int]:
    """Remove the leftovers of interrupted receives: (files, bytes)."""
    count = size = 0
    for p in leftover_tmp(tmp_dir):
        try:
            n = p.stat().st_size
            p.unlink()
        except OSError:
            continue
        count, size = count + 1, size + n
    return count, size


CHUNK_FILES = 240  # workbooks read and checked at once by receive (a national month is ~100)


def _chunks(staged: list, size: int | None = None):
    """`staged` in order, in runs of about `size` files, cut only where the folder changes
    (a facility's months, kept in one folder, are read and checked together, as the rules
    across months want); a folder of more than 4 × size files is cut anyway."""
    size = size or CHUNK_FILES
    chunk: list = []
    for entry in staged:
        if chunk and (len(chunk) >= 4 * size or (len(chunk) >= size and entry[1].parent != chunk[-1][1].parent)):
            yield chunk
            chunk = []
        chunk.append(entry)
    if chunk:
        yield chunk


class _Refused(Exception):
    """A file not taken into the store at all (its reason, a Phrase, is the argument)."""


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while True:
            chunk = f.read(1 << 20)
            if not chunk:
                return h.hexdigest()
            h.update(chunk)


def _file_name(name: str, suffix: str) -> str:
    """The name the file was sent under, safe as one file name, ending in `suffix`."""
    import re
    stem = re.sub(r"[\x00-\x1f/\\:*?\"<>|]+", "_", Path(name).stem).strip(" .") or "so"
    return stem[:100] + suffix


def _moved(i: Issue, path: str) -> Issue:
    from dataclasses import replace
    return replace(i, file=path)


def _receipt_audit(name: str, status: str, version, previous, reason) -> tuple:
    """The audit's action and detail for a new receipt, monthly or province workbook alike."""
    if status == "accepted":
        return ("new-version" if previous else "receive"), _version_detail(name, version, previous)
    return "reject", said("audit.reason", file=name, reason=reason)


def _version_detail(name: str, version, previous):
    if previous:
        return said("audit.version_replaces", file=name, version=version, previous=previous)
    return said("audit.version", file=name, version=version)


def _accepted(name: str, version, previous):
    if previous:
        return said("audit.accept_replaces", file=name, version=version, previous=previous)
    return said("audit.accept", file=name, version=version)


def _province_name(province: str) -> str:
    """A province name a user typed, as the geography spells it ("Sơn Lá" → "Sơn La"), or
    UsageError with the closest names: an approval, an unlock or an account never keeps a
    name as typed."""
    from ..settings.geography import spelt_or_refused
    return spelt_or_refused(province)


def _same_province(a: str, b: str) -> bool:
    """Two names of one province as the geography spells them ("Đắc Lắc" is "Đắk Lắk", "Sơn Lá"
    "Sơn La"); a name that is no province, compared as written (prefix, case, marks aside)."""
    from ..common.codes import province_key
    from ..settings.geography import spelt
    return province_key(spelt(a) or a) == province_key(spelt(b) or b)


def _province_folder(name) -> str:
    """The folder of a province's originals: the province as the geography spells it, so that
    "Tỉnh Ninh Bình" and "Ninh Bình" share one; a name that is no province, as written."""
    from ..settings.geography import spelt
    return _slug(spelt(name) or name)


def _misspelt_province(province: str) -> None:
    """Refuse a name that is no province or city, before or after the 2025 merger, with the
    closest names (a province the store has nothing of is said by the caller)."""
    from ..settings.geography import misspelt
    near = misspelt(province)
    if near:
        raise UsageError.said("province.unknown_near", name=province, near=", ".join(near))


def check_paths(paths, config=None, named_config: bool = True) -> tuple[list[Path], list[Path]]:
    """Refuse what `receive` is given when a path does not exist or no workbook is there:
    before a store is made for it (a mistyped --store left an empty new store behind).
    A configuration file named among them is the configuration when it is the one `--data`
    would take for these paths (a folder's rehabstat.toml), never a workbook; any other is a
    usage error that says to use --config. Returns what is there: (the workbooks, Excel's
    lock files)."""
    from ..reading.reader import find_workbooks, lock_files
    missing = [str(p) for p in paths if not Path(p).exists()]
    if missing:
        raise UsageError.said("store.err.not_found", paths=", ".join(missing))
    named = named_configs(paths) if named_config else []
    if named:
        governs = _governing_config(paths, config)
        for p in named:
            if p.name != CONFIG_FILE or governs is None or not _same_file(p, str(governs)):
                raise UsageError.said("store.err.config_named", path=p)
    found, locks = [f for f in find_workbooks(paths) if f not in named], lock_files(paths)
    if not found and not locks and not named:
        raise UsageError.said("store.err.no_workbook", paths=", ".join(map(str, paths)))
    return found, locks


def named_configs(paths) -> list[Path]:
    """The configuration files (.toml) among the paths given (not those inside folders)."""
    return [Path(p) for p in paths if Path(p).is_file() and Path(p).suffix.lower() == ".toml"]


def _governing_config(paths, config) -> Path | None:
    """The rehabstat.toml --data would use for these paths (or --config)."""
    from ..settings.config import find_config
    return find_config(paths, config if isinstance(config, (str, Path)) else None)


def other_files(paths, workbooks, locks, config=None) -> list[tuple[Path, object]]:
    """[(file, why it is not received)] of every other file under the folders given: a
    rehabstat.toml that does not govern (a subfolder's), a workbook whose name lacks its
    extension, an annotated copy or a file of ours, anything else, so that the summary
    accounts for every file."""
    from ..reading import safety
    from ..reading.reader import ANNOTATED_SUFFIX
    taken = {Path(f) for f in workbooks} | {Path(f) for f in locks}
    try:
        governs = _governing_config(paths, config)
    except Exception:  # noqa: BLE001 - a --config that is not there is said where it is loaded
        governs = None
    out = []
    for d in map(Path, paths):
        if not d.is_dir():
            continue
        for q in sorted(q for q in d.rglob("*") if q.is_file()):
            if q in taken or (governs is not None and _same_file(q, str(governs))):
                continue
            if q.name == CONFIG_FILE:
                why = said("store.reason.other_config")
            elif q.name.lower().endswith(ANNOTATED_SUFFIX) or safety.is_temp_file(q):
                why = said("store.reason.skipped")
            else:
                try:
                    with open(q, "rb") as f:
                        head = f.read(8)
                except OSError:
                    head = b""
                kind = ".xlsx" if head.startswith(safety.ZIP_MAGIC) else ".xls" if head == safety.OLE_MAGIC else None
                if kind and q.suffix.lower() not in safety.WORKBOOK_SUFFIXES:
                    why = said("store.reason.no_suffix", name=q.name + kind)
                else:
                    why = said("store.reason.not_workbook")
            out.append((q, why))
    return out


def _above(path, source: str) -> bool:
    """Whether the rehabstat.toml `path` sits in a folder that holds the one received as
    `source` (the department's folder above a facility's): it governs what that one did."""
    try:
        here, there = Path(path).resolve().parent, Path(source).resolve().parent
    except OSError:
        return False
    return here != there and here in there.parents


def _same_file(path, source: str) -> bool:
    """Whether `path` is the rehabstat.toml a receive was given as `source` (the same text,
    or the same file once both are resolved from here)."""
    if str(path) == source:
        return True
    try:
        return Path(path).resolve() == Path(source).resolve()
    except OSError:
        return False
