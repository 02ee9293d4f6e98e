"""Reading back what an older store kept as text: the issue messages of schema 1 (Vietnamese,
as the rules' templates made them) as the values they were made of. Used once, by the
migration to schema 4 (schema.py); nothing else reads Vietnamese back.

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
