"""The store's SQLite database: its schema (versioned with PRAGMA user_version), how it is
opened (WAL, full sync, foreign keys, a busy timeout so that two clerks can receive at
once), and the triggers that make the record append-only.

What is append-only, enforced by triggers (not by good intentions):
- `audit` and `approvals`: no UPDATE, no DELETE;
- `receipts`: no DELETE; an UPDATE may change only `status`, `version` and `reason` (a
  receipt refused because its month was locked is accepted when the same bytes come back
  after an unlock; the change is an audit row), never what was received;
- `census`, `events`, `figures`, `totals`, `issues`: no UPDATE, no DELETE.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

from ..common.issues import phrase

DB_NAME = "inbox.sqlite"
SCHEMA_VERSION = 5

# Schema 1, as the first stores were made; every later version is a numbered step of
# `_migrate`, run on a new store too, so that a store of any age ends the same.
SCHEMA = """
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE receipts (
    id            INTEGER PRIMARY KEY,
    sha256        TEXT NOT NULL UNIQUE,         -- of the original bytes; one receipt per content
    size          INTEGER NOT NULL,
    original_name TEXT NOT NULL,                -- the file name as sent (no folder)
    path          TEXT NOT NULL,                -- the original, relative to the store
    unit          TEXT, unit_name TEXT, province TEXT, year INTEGER, month INTEGER,
    sent          TEXT,                         -- ThongTin "Ngày gửi" (ISO date), when the workbook says
    received_at   TEXT NOT NULL,                -- ISO 8601, UTC
    received_by   TEXT NOT NULL,                -- the OS user
    status        TEXT NOT NULL CHECK (status IN ('accepted', 'rejected')),
    version       INTEGER,                      -- accepted versions of the facility-month: 1, 2, ...
    reason        TEXT,                         -- why rejected (Vietnamese)
    reason_code   TEXT,                         -- errors | locked
    errors        INTEGER NOT NULL,             -- issue counts at receipt (reader and checks)
    warnings      INTEGER NOT NULL,
    read_status   TEXT NOT NULL,                -- the reader's status: ok | error | skipped
    layout        TEXT NOT NULL,                -- JSON: {sheet: {field: column letter}, "_roles": {...}}
    annotated     TEXT                          -- the annotated copy written for the facility
);
CREATE UNIQUE INDEX receipts_version ON receipts (unit, year, month, version) WHERE version IS NOT NULL;
CREATE INDEX receipts_month ON receipts (unit, year, month);

-- the parsed rows of each receipt, exactly the reader's WorkbookResult lists
CREATE TABLE census (
    receipt INTEGER NOT NULL REFERENCES receipts (id), sheet TEXT NOT NULL, row INTEGER NOT NULL,
    category TEXT NOT NULL, opening INTEGER, closing INTEGER, present INTEGER, absent INTEGER
);
CREATE TABLE events (
    receipt INTEGER NOT NULL REFERENCES receipts (id), sheet TEXT NOT NULL, row INTEGER NOT NULL,
    person TEXT,                                -- salted hash of the learner id (HMAC-SHA256, 16 hex), or NULL
    category TEXT NOT NULL, event TEXT NOT NULL, date TEXT NOT NULL, new_category TEXT, count INTEGER NOT NULL
);
CREATE TABLE figures (
    receipt INTEGER NOT NULL REFERENCES receipts (id), sheet TEXT NOT NULL, row INTEGER NOT NULL,
    code TEXT NOT NULL, label TEXT, measure TEXT, kind TEXT NOT NULL,
    value NOT NULL                              -- no affinity: an int stays int, a float stays float
);
CREATE TABLE totals (
    receipt INTEGER NOT NULL REFERENCES receipts (id), sheet TEXT NOT NULL, row INTEGER NOT NULL,
    cells TEXT NOT NULL                         -- JSON {field: [value, column]}
);
CREATE TABLE issues (
    receipt INTEGER NOT NULL REFERENCES receipts (id),
    stage TEXT NOT NULL CHECK (stage IN ('read', 'check')),   -- the reader's, or the rules' at receipt
    code TEXT NOT NULL, severity TEXT NOT NULL, message TEXT NOT NULL,
    sheet TEXT, row INTEGER, col TEXT, field TEXT
);
CREATE INDEX census_receipt ON census (receipt);
CREATE INDEX events_receipt ON events (receipt);
CREATE INDEX figures_receipt ON figures (receipt);
CREATE INDEX totals_receipt ON totals (receipt);
CREATE INDEX issues_receipt ON issues (receipt);

-- approval and lock (DHIS2's data approval): the month is locked while its latest row is 'approve'
CREATE TABLE approvals (
    id      INTEGER PRIMARY KEY,
    unit    TEXT NOT NULL, year INTEGER NOT NULL, month INTEGER NOT NULL,
    action  TEXT NOT NULL CHECK (action IN ('approve', 'unlock')),
    receipt INTEGER REFERENCES receipts (id),   -- the version approved
    at      TEXT NOT NULL, who TEXT NOT NULL, reason TEXT
);
CREATE INDEX approvals_month ON approvals (unit, year, month);

-- every receive, duplicate, rejection, acceptance, approval and unlock
CREATE TABLE audit (
    id      INTEGER PRIMARY KEY,
    at      TEXT NOT NULL, who TEXT NOT NULL,
    action  TEXT NOT NULL,                      -- receive | new-version | duplicate | reject | skip | accept | approve | unlock
    receipt INTEGER REFERENCES receipts (id),
    unit    TEXT, year INTEGER, month INTEGER,
    detail  TEXT
);

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
CREATE TRIGGER approvals_no_update BEFORE UPDATE ON approvals BEGIN SELECT RAISE(ABORT, 'approvals are append-only'); END;
CREATE TRIGGER approvals_no_delete BEFORE DELETE ON approvals BEGIN SELECT RAISE(ABORT, 'approvals are append-only'); END;
CREATE TRIGGER receipts_no_delete BEFORE DELETE ON receipts BEGIN SELECT RAISE(ABORT, 'receipts are kept'); END;
CREATE TRIGGER receipts_fixed BEFORE UPDATE OF sha256, size, original_name, path, unit, unit_name, province, year,
    month, sent, received_at, received_by, errors, warnings, read_status, layout, annotated ON receipts
    BEGIN SELECT RAISE(ABORT, 'what was received is never changed'); END;
"""
for _table in ("census", "events", "figures", "totals", "issues"):
    SCHEMA += (f"CREATE TRIGGER {_table}_no_update BEFORE UPDATE ON {_table} "
               f"BEGIN SELECT RAISE(ABORT, 'parsed rows are never changed'); END;\n"
               f"CREATE TRIGGER {_table}_no_delete BEFORE DELETE ON {_table} "
               f"BEGIN SELECT RAISE(ABORT, 'parsed rows are never changed'); END;\n")


# Step 2: the web inbox's accounts and sessions; the audit row names the web account that acted.
ACCOUNTS = """
CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE COLLATE NOCASE,
    role          TEXT NOT NULL CHECK (role IN ('facility', 'province', 'department')),
    facility      TEXT,                         -- role facility: its code
    province      TEXT,                         -- role province: its name
    password      TEXT NOT NULL,                -- argon2id hash (PHC string), never the password
    disabled      INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT NOT NULL,
    changed_at    TEXT NOT NULL
);
CREATE TABLE sessions (
    token         TEXT PRIMARY KEY,             -- sha256 of the cookie's value, never the value
    user          INTEGER NOT NULL REFERENCES users (id),
    csrf          TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    expires_at    TEXT NOT NULL                 -- ISO 8601, UTC
);
CREATE INDEX sessions_user ON sessions (user);
ALTER TABLE audit ADD COLUMN account TEXT;      -- the web account that acted (NULL: the command line)
"""


# Step 3: province workbooks kept as monthly ones are (rows, versions, approval and lock by
# province and period), and the rehabstat.toml that governs the data, versioned.
PROVINCE_WORKBOOKS = """
ALTER TABLE receipts ADD COLUMN level TEXT;         -- 'province': a province workbook (ThongTin Cấp = tỉnh); NULL: a facility's month
ALTER TABLE receipts ADD COLUMN period_first TEXT;  -- a province workbook's period, 'YYYY-MM' to 'YYYY-MM'
ALTER TABLE receipts ADD COLUMN period_last TEXT;
CREATE INDEX receipts_period ON receipts (period_first, period_last) WHERE level = 'province';
CREATE TABLE pfigures (
    receipt INTEGER NOT NULL REFERENCES receipts (id), sheet TEXT NOT NULL, row INTEGER NOT NULL,
    code TEXT NOT NULL, label TEXT, measure TEXT, kind TEXT NOT NULL, category TEXT, source TEXT,
    value NOT NULL                              -- no affinity: an int stays int, a float stays float
);
CREATE INDEX pfigures_receipt ON pfigures (receipt);
CREATE TRIGGER pfigures_no_update BEFORE UPDATE ON pfigures BEGIN SELECT RAISE(ABORT, 'parsed rows are never changed'); END;
CREATE TRIGGER pfigures_no_delete BEFORE DELETE ON pfigures BEGIN SELECT RAISE(ABORT, 'parsed rows are never changed'); END;
CREATE TRIGGER receipts_period_fixed BEFORE UPDATE OF level, period_first, period_last ON receipts
    WHEN OLD.level IS NOT NULL BEGIN SELECT RAISE(ABORT, 'what was received is never changed'); END;
-- approval and lock of a province workbook: by province and period (the month's table is by facility)
CREATE TABLE province_approvals (
    id      INTEGER PRIMARY KEY,
    province TEXT NOT NULL, period_first TEXT NOT NULL, period_last TEXT NOT NULL,
    action  TEXT NOT NULL CHECK (action IN ('approve', 'unlock')),
    receipt INTEGER REFERENCES receipts (id),
    at      TEXT NOT NULL, who TEXT NOT NULL, reason TEXT
);
CREATE TRIGGER province_approvals_no_update BEFORE UPDATE ON province_approvals BEGIN SELECT RAISE(ABORT, 'approvals are append-only'); END;
CREATE TRIGGER province_approvals_no_delete BEFORE DELETE ON province_approvals BEGIN SELECT RAISE(ABORT, 'approvals are append-only'); END;
ALTER TABLE audit ADD COLUMN province TEXT;         -- a province workbook's row: its province and period code
ALTER TABLE audit ADD COLUMN period TEXT;
-- rehabstat.toml as received with the data: the latest governs --store (versions never deleted)
CREATE TABLE configs (
    id          INTEGER PRIMARY KEY,
    sha256      TEXT NOT NULL, size INTEGER NOT NULL,
    path        TEXT NOT NULL,                  -- the file kept, relative to the store
    source      TEXT NOT NULL,                  -- where it was received from
    received_at TEXT NOT NULL, received_by TEXT NOT NULL
);
CREATE TRIGGER configs_no_update BEFORE UPDATE ON configs BEGIN SELECT RAISE(ABORT, 'configurations are kept'); END;
CREATE TRIGGER configs_no_delete BEFORE DELETE ON configs BEGIN SELECT RAISE(ABORT, 'configurations are kept'); END;
"""


class StoreVersionError(Exception):
    """The database was written by a newer rehabstat (or is not a store); its argument is
    the Phrase that says so."""


def connect(path: Path) -> sqlite3.Connection:
    """Open (creating if needed) the store's database, migrated to SCHEMA_VERSION."""
    return connect_upgrading(path)[0]


def connect_upgrading(path: Path) -> tuple[sqlite3.Connection, int | None]:
    """connect(), and the schema version this call upgraded the store from (None: a new store,
    or one already at SCHEMA_VERSION, or upgraded by another process meanwhile)."""
    con = sqlite3.connect(str(path), timeout=60.0, isolation_level=None)  # transactions are explicit
    con.execute("PRAGMA busy_timeout = 60000")
    mode = _journal_wal(con)
    if str(mode).lower() != "wal":  # e.g. a file system without shared memory: still safe, just serial
        con.execute("PRAGMA journal_mode = DELETE")
    con.execute("PRAGMA synchronous = FULL")  # a committed receipt survives a power cut
    con.execute("PRAGMA foreign_keys = ON")
    return con, _migrate(con)


def _journal_wal(con: sqlite3.Connection, seconds: float = 60.0) -> str:
    """PRAGMA journal_mode = WAL, waiting while another process holds the new database (two
    clerks receiving into a store that does not exist yet: SQLite answers "database is
    locked" to the switch at once, without its busy handler)."""
    import time
    deadline = time.monotonic() + seconds
    delay = 0.01
    while True:
        try:
            return con.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() >= deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.5)


def _migrate(con: sqlite3.Connection) -> int | None:
    """Bring the store to SCHEMA_VERSION; the version it had, when it was an older store."""
    version = con.execute("PRAGMA user_version").fetchone()[0]
    if version == SCHEMA_VERSION:
        return None
    if version > SCHEMA_VERSION:
        raise StoreVersionError(phrase("store.err.newer", found=version, known=SCHEMA_VERSION))
    con.execute("BEGIN IMMEDIATE")
    try:
        version = con.execute("PRAGMA user_version").fetchone()[0]  # another process may have created it
        if version == 0:
            if con.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                raise StoreVersionError(phrase("store.err.not_store"))
            # executescript() would COMMIT first: the statements run one by one inside this transaction
            for statement in _statements(SCHEMA):
                con.execute(statement)
            import os
            import secrets
            con.execute("INSERT INTO meta VALUES ('salt', ?)", (secrets.token_hex(16),))
            con.execute("INSERT INTO meta VALUES ('created_by', ?)", (os.environ.get("USER") or "?",))
            version = 1
            upgraded_from = None  # a new store: nothing to tell
        else:
            upgraded_from = version
        if version == 1:
            for statement in _statements(ACCOUNTS):
                con.execute(statement)
            version = 2
        if version == 2:
            for statement in _statements(PROVINCE_WORKBOOKS):
                con.execute(statement)
            version = 3
        if version == 3:  # step 4: an issue keeps the values of its message (JSON), not the Vietnamese text
            from .upgrade import upgrade_issues
            upgrade_issues(con)
            version = 4
        if version == 4:  # step 5: refusals' reasons and the audit's details as catalogue keys and values (JSON)
            from .upgrade import upgrade_words
            upgrade_words(con)
            version = 5
        if upgraded_from is not None:
            # an older rehabstat cannot open the store any more: the audit says when and who did it
            _audit_upgrade(con, upgraded_from, version)
        con.execute(f"PRAGMA user_version = {version}")
        con.execute("COMMIT")
    except BaseException:
        rollback(con)
        raise
    return upgraded_from


def rollback(con: sqlite3.Connection) -> None:
    """Roll back the transaction open on `con`, if one still is. A Ctrl-C can land just after
    SQLite finished a COMMIT, before Python returned from it: the transaction is then over
    (committed, whole) and a ROLLBACK would fail with "no transaction is active"."""
    if con.in_transaction:
        con.execute("ROLLBACK")


def _audit_upgrade(con: sqlite3.Connection, previous: int, version: int) -> None:
    import datetime as dt
    import getpass
    from .said import to_json
    try:
        who = getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name in this environment
        who = "?"
    con.execute("INSERT INTO audit (at, who, action, detail_params) VALUES (?, ?, 'upgrade', ?)",
                (dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds"), who,
                 to_json(phrase("audit.upgrade", previous=previous, version=version))))


def _statements(script: str):
    """Split a script into complete statements (triggers contain ';' inside BEGIN ... END)."""
    buf = ""
    for line in script.splitlines(keepends=True):
        if line.strip().startswith("--") and not buf.strip():
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            yield buf.strip()
            buf = ""
    if buf.strip():
        yield buf.strip()
