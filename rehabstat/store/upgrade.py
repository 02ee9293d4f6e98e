"""Reading back what an older store kept as text: the issue messages of schema 1 (Vietnamese,
as the rules' templates made them) as the values they were made of (the migration to
schema 4), and the refusals' reasons and audit details of schema 4 as catalogue keys and
values (the migration to schema 5). Used once each, by schema.py; nothing else reads
Vietnamese back.

A message is matched against its rule's Vietnamese template; each value is then read as a
number of people (1.586 -> Count), a difference (+3 -> Signed) or words of the catalogue
(a reason, a note, an event's label -> Phrase). A message no template matches (a rule's
wording changed since) is kept whole, as the value `$text`, and shown as it was."""
from __future__ import annotations

import re

from ..common.catalogue import WORDS
from ..common.issues import Count, Phrase, Signed
from ..common.rules import RULES

# the values that are numbers of people or events in the rules' messages
COUNTS = {"found", "opening", "inflow", "outflow", "expected", "present", "absent", "total", "closing", "part",
          "whole", "out_count", "in_count", "count", "low", "high"}
SIGNED = {"diff"}
PHRASES = ("detail.", "hint.", "note.", "event.", "figure.", "mask.", "sheet.")  # catalogue words found inside messages
_NUMBER = re.compile(r"[-+−]?\d{1,3}(?:\.\d{3})*")


def _template_rx(template: str, note_optional=True):
    parts, seen, pos = [], set(), 0
    for m in re.finditer(r"\{(\w+)\}", template):
        parts.append(re.escape(template[pos:m.start()]))
        name = m.group(1)
        parts.append(f"(?P={name})" if name in seen else
                     f"(?P<{name}>.*?)" if name == "note" and note_optional else f"(?P<{name}>.+?)")
        seen.add(name)
        pos = m.end()
    parts.append(re.escape(template[pos:]))
    return re.compile("".join(parts), re.S)


_RULE_RX: dict = {}
_PHRASE_RX: list = []


def _phrase(text: str):
    if not _PHRASE_RX:
        for key, (vi, _) in WORDS.items():
            if key.startswith(PHRASES):
                _PHRASE_RX.append((key, _template_rx(vi, note_optional=False)))
    for key, rx in _PHRASE_RX:
        m = rx.fullmatch(text)
        if m:
            return Phrase(key, tuple((k, _value(k, v)) for k, v in m.groupdict().items()))
    return None


def _value(name: str, text: str):
    if name in COUNTS | SIGNED and _NUMBER.fullmatch(text):
        n = int(text.replace(".", "").replace("−", "-"))
        return Signed(n) if name in SIGNED else Count(n)
    if name == "value" and re.fullmatch(r"-\d+", text):  # C002: a negative count, kept as the number
        return int(text)
    return _phrase(text) or text


def params_from_text(code: str, message: str) -> tuple:
    """The values of a schema-1 message, or (("$text", message),) when it cannot be read."""
    r = RULES.get(code)
    if r is None:
        return (("$text", message),)
    if code not in _RULE_RX:
        _RULE_RX[code] = _template_rx(r.message_vi)
    m = _RULE_RX[code].fullmatch(message)
    if m is None:
        return (("$text", message),)
    return tuple((k, _value(k, v)) for k, v in m.groupdict().items() if v or k != "note")


def upgrade_issues(con) -> None:
    """Schema 3 -> 4: the issues table keeps each message's values (JSON), not its text."""
    from .codec import params_json
    con.execute("CREATE TABLE issues_v2 (\n"
                "    receipt INTEGER NOT NULL REFERENCES receipts (id),\n"
                "    stage TEXT NOT NULL CHECK (stage IN ('read', 'check')),\n"
                "    code TEXT NOT NULL, severity TEXT NOT NULL,\n"
                "    params TEXT NOT NULL,                       -- JSON: the values of the rule's message\n"
                "    sheet TEXT, row INTEGER, col TEXT, field TEXT\n"
                ")")
    rows = con.execute("SELECT receipt, stage, code, severity, message, sheet, row, col, field FROM issues "
                       "ORDER BY rowid").fetchall()
    con.executemany("INSERT INTO issues_v2 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [(rid, stage, code, sev, params_json(params_from_text(code, msg)), sheet, row, col, fld)
                     for rid, stage, code, sev, msg, sheet, row, col, fld in rows])
    con.execute("DROP TABLE issues")  # its triggers and index go with it
    con.execute("ALTER TABLE issues_v2 RENAME TO issues")
    con.execute("CREATE INDEX issues_receipt ON issues (receipt)")
    con.execute("CREATE TRIGGER issues_no_update BEFORE UPDATE ON issues "
                "BEGIN SELECT RAISE(ABORT, 'parsed rows are never changed'); END")
    con.execute("CREATE TRIGGER issues_no_delete BEFORE DELETE ON issues "
                "BEGIN SELECT RAISE(ABORT, 'parsed rows are never changed'); END")


# ---------------------------------------------------------------- schema 4 -> 5: the store's own words as values
#
# Receipts' reasons and the audit's details were kept as Vietnamese text. Each is read back
# against the Vietnamese of the catalogue key the store now writes for it, and kept only
# when the key and values say it again word for word; anything else stays as it was written
# (shown as is: said.Legacy).

_INTS = {"version", "previous", "receipt", "rows", "m", "year"}
_COUNTS = {"size"}
_SAID_RX: dict = {}


def _said_rx(key: str):
    if key not in _SAID_RX:
        _SAID_RX[key] = _template_rx(WORDS[key][0], note_optional=False)
    return _SAID_RX[key]


def _said(keys, text: str):
    """The Phrase of the first key whose Vietnamese says `text` exactly, else None."""
    from ..common.issues import phrase
    for key in keys:
        m = _said_rx(key).fullmatch(text)
        if m is None:
            continue
        values = {}
        for name, value in m.groupdict().items():
            if name in _INTS and value.isdigit():
                values[name] = int(value)
            elif name in _COUNTS and _NUMBER.fullmatch(value):
                values[name] = Count(int(value.replace(".", "")))
            else:
                values[name] = value
        said = phrase(key, **values)
        if said.shown("vi") == text:
            return said
    return None


_PLACE = (re.compile(r"(?P<sheet>.+)!(?P<column>[A-Z]{1,3})(?P<row>\d+)"),  # rules.location, in Vietnamese
          re.compile(r"(?P<sheet>.+), dòng (?P<row>\d+)"), re.compile(r"(?P<sheet>.+), cột (?P<column>[A-Z]{1,3})"))


def _errors(text: str):
    """'2 lỗi – I001 SiSo!C2: … | I003 …[ … và 3 lỗi khác].' as an ErrorsReason, else None."""
    from ..common.issues import Issue
    from .said import ErrorsReason
    m = re.fullmatch(r"(\d+) lỗi – (.*?)(?: … và (\d+) lỗi khác)?\.", text, re.S)
    if m is None:
        return None
    first = []
    for part in m.group(2).split(" | "):
        pm = re.fullmatch(r"([A-Z]\d{3}) (.*?): (.*)", part, re.S)
        if pm is None:
            return None
        code, place, message = pm.groups()
        sheet = row = column = None
        if place != "(cả tệp)":
            sheet = place
            for rx in _PLACE:
                found = rx.fullmatch(place)
                if found:
                    sheet, row, column = found.group("sheet"), found.groupdict().get("row"), found.groupdict().get("column")
                    break
        params = params_from_text(code, message + ".")
        if "$text" in dict(params):
            params = params_from_text(code, message)
        if "$text" in dict(params):
            return None
        first.append(Issue(code=code, severity="error", params=params, file="-", sheet=sheet,
                           row=int(row) if row else None, column=column))
    reason = ErrorsReason(int(m.group(1)), tuple(first))
    return reason if reason.shown("vi") == text else None


REASONS = ("store.reason.locked", "store.reason.locked_province", "store.reason.too_big", "store.reason.unreadable",
           "store.reason.lock_file", "store.reason.skipped")


def reason_from_text(text: str):
    """A refusal's reason kept as text: its values (ErrorsReason or Phrase), else None."""
    return _errors(text) or _said(REASONS, text)


_DETAILS = {"receive": ("audit.version",), "new-version": ("audit.version_replaces", "audit.version"),
            "duplicate": ("audit.duplicate",), "accept": ("audit.accept_replaces", "audit.accept"),
            "config": ("audit.config",), "complete": ("audit.complete",), "approve": ("audit.approve",),
            "download": ("audit.download_receipt", "audit.download_draft", "audit.download")}


def detail_from_text(action: str, text: str):
    """An audit row's detail kept as text: its values, else None (the web's account rows
    name a user: data, not the store's words, and stay as they are)."""
    from ..common.issues import phrase
    if action == "unlock":
        return phrase("audit.unlock", reason=text)
    if action in ("reject", "skip"):
        start = 0
        while True:  # "<file>: <reason>": a file's name may hold ": " too
            at = text.find(": ", start)
            if at < 0:
                return None
            reason = reason_from_text(text[at + 2:])
            if reason is not None:
                return phrase("audit.reason", file=text[:at], reason=reason)
            start = at + 1
    return _said(_DETAILS.get(action, ()), text)


def upgrade_words(con) -> None:
    """Schema 4 -> 5: receipts keep their reason, the audit its details, as catalogue keys and
    values (JSON); a text no known shape reads back is kept as text."""
    from .said import to_json
    con.execute("ALTER TABLE receipts ADD COLUMN reason_params TEXT")  # JSON (said.py); reason: legacy text only
    con.execute("ALTER TABLE audit ADD COLUMN detail_params TEXT")  # JSON (said.py); detail: plain data or legacy text
    for rid, text in con.execute("SELECT id, reason FROM receipts WHERE reason IS NOT NULL").fetchall():
        said = reason_from_text(text)
        if said is not None:
            con.execute("UPDATE receipts SET reason = NULL, reason_params = ? WHERE id = ?", (to_json(said), rid))
    rows = [(aid, action, detail) for aid, action, detail in
            con.execute("SELECT id, action, detail FROM audit WHERE detail IS NOT NULL ORDER BY id")]
    found = [(to_json(said), aid) for aid, action, detail in rows
             if (said := detail_from_text(action, detail)) is not None]
    if found:  # the audit is append-only: its trigger steps aside for this one change, and is made again
        (trigger,) = con.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'audit_no_update'"
                                 ).fetchone()
        con.execute("DROP TRIGGER audit_no_update")
        con.executemany("UPDATE audit SET detail = NULL, detail_params = ? WHERE id = ?", found)
        con.execute(trigger)
