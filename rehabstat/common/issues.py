"""The one shape every problem takes, from reading to validation to documents."""
from __future__ import annotations

import re
from dataclasses import dataclass, field as _field, replace

from .language import LANG
from .rules import ERROR, RULES, WARNING  # noqa: F401  (ERROR, WARNING: the stages import them from here)


class Count(int):
    """A number of people, events or cells inside a message: 1.586 in Vietnamese, 1,586 in
    English (the issue keeps the number; the words are made where it is shown)."""

    def shown(self, lang: str) -> str:
        if lang == "en":
            return f"{int(self):,}"
        from .vnformat import number
        return number(int(self))


class Signed(Count):
    """A difference inside a message: +1.586, -3, 0."""

    def shown(self, lang: str) -> str:
        return ("+" if self > 0 else "") + Count.shown(self, lang)


@dataclass(frozen=True)
class Phrase:
    """Words of the catalogue (common/catalogue.py) inside a message, filled in the language
    of whoever reads it: a reason, a note, a domain label."""
    key: str
    values: tuple = ()  # ((name, value), ...)

    def shown(self, lang: str) -> str:
        from .catalogue import text
        return text(self.key, lang, **dict(self.values))  # the catalogue shows each value in `lang`

    def __str__(self) -> str:  # in the chosen language: for a message shown at once
        return self.shown(LANG["value"])


def phrase(key: str, /, **values) -> Phrase:
    return Phrase(key, tuple(values.items()))


def shown(value, lang: str):
    """A message's value as its reader sees it (numbers and phrases in their language)."""
    return value.shown(lang) if callable(getattr(value, "shown", None)) else value


def plain(value):
    """A message's value for JSON: numbers as numbers, a phrase as its key and values."""
    if isinstance(value, Phrase):
        return {"key": value.key, **{k: plain(v) for k, v in value.values}}
    if isinstance(value, Count):
        return int(value)
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


@dataclass(frozen=True)
class Issue:
    """One problem: its rule's code, its severity, where it is and the values its message is
    made of. The message is rendered from the rule's template in the reader's language
    (`text(lang)`; `message` is the chosen language's), never stored as text."""
    code: str
    severity: str
    params: tuple = ()  # ((name, value), ...): the values of the rule's message
    file: str | None = None
    sheet: str | None = None
    row: int | None = None  # Excel row number, 1-based
    column: str | None = None  # column letter, "C"
    field: str | None = None  # the header the cell belongs to
    # what the issue is about, for grouping (batch, annotate); not part of the JSON output
    unit: str | None = _field(default=None, compare=False)
    province: str | None = _field(default=None, compare=False)
    month: tuple | None = _field(default=None, compare=False)  # (year, month)

    @property
    def values(self) -> dict:
        return dict(self.params)

    def text(self, lang: str | None = None) -> str:
        return render(self, lang)

    @property
    def message(self) -> str:
        return self.text()

    def shown(self, lang: str) -> str:  # inside a message of the catalogue
        return self.text(lang)

    def as_dict(self, lang: str | None = None) -> dict:
        out = {"file": self.file, "sheet": self.sheet, "row": self.row, "column": self.column, "field": self.field,
               "code": self.code, "severity": self.severity, "message": self.text(lang)}
        out["params"] = {k: plain(v) for k, v in self.params if not k.startswith("$")}
        return out

    @property
    def where(self) -> str:
        cell = f"{self.column or ''}{self.row or ''}"
        return "!".join(p for p in (self.sheet, cell) if p)


# ---------------------------------------------------------------- an issue made, and its message shown

class _Missing(dict):
    def __missing__(self, key):
        return "" if key == "note" else "?"  # {note}: an optional remark appended to a message


def issue(code: str, *, file=None, sheet=None, row=None, column=None, field=None, severity=None, **values) -> Issue:
    """The issue of rule `code` at a place, with the values of its message (Count for a
    number of people, Phrase for words of the catalogue): kept as values, shown in words."""
    r = RULES[code]
    month = values.pop("month", None)
    return Issue(code=code, severity=severity or r.severity, params=tuple(values.items()),
                 file=None if file is None else str(file), sheet=sheet, row=row, column=column, field=field,
                 unit=values.get("unit"), province=values.get("province"), month=month)


def render(i: Issue, lang: str | None = None) -> str:
    """The message of an issue in `lang` (default: the chosen language)."""
    lang = lang or LANG["value"]
    values = {k: shown(v, lang) for k, v in i.params}
    if "$text" in values:  # a message kept as text by an older store that no template could read back
        return values["$text"]
    return RULES[i.code].template(lang).format_map(_Missing(values))


_QUOTED_NAMES: dict = {}


def quoted(code: str) -> frozenset:
    """The names of the values a rule's messages quote ('{value}'): those a clerk typed."""
    if code not in _QUOTED_NAMES:
        r = RULES.get(code)
        _QUOTED_NAMES[code] = frozenset(re.findall(r"'\{(\w+)\}'", r.message_vi + r.message_en)) if r else frozenset()
    return _QUOTED_NAMES[code]


def printable(text: str) -> str:
    """`text` where the bytes of a file name that is not valid UTF-8 (held by Python as
    lone surrogates, os.fsdecode) are written as escapes (\\xe1): what we print and
    write stays valid UTF-8."""
    if text.isascii() or not any("\ud800" <= ch <= "\udfff" for ch in text):
        return text
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


class IssueCounts:
    """`errors` and `warnings` of an object's `issues` (the gate, a batch, a validation)."""

    @property
    def errors(self) -> list:
        return [i for i in self.issues if i.severity == ERROR]

    @property
    def warnings(self) -> list:
        return [i for i in self.issues if i.severity != ERROR]


def has_errors(issues) -> bool:
    return any(i.severity == ERROR for i in issues)


def sort_key(issue: Issue):
    return (issue.file or "", issue.sheet or "", issue.row or 0, issue.column or "", issue.code)


def column_letter(index: int) -> str:
    """0-based column index → Excel letter (0 → A, 27 → AB)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


# ---------------------------------------------------------------- learner ids in what we write

MASK = "[mã học viên]"
_QUOTED = re.compile(r"'([^'\n]{1,80})'")


class LearnerIds(frozenset):
    """The learner ids of the data, and their shapes (see _shape) for ids seen nowhere else."""
    shapes: frozenset = frozenset()


def _shape(value: str) -> str:
    """'LC-202103-003' → 'A-9-9': letters and digits runs folded (an id's form, not its value)."""
    return re.sub(r"[0-9]+", "9", re.sub(r"[^\W\d_]+", "A", value))


def learner_ids(dataset) -> LearnerIds:
    """Every learner id of the data (the events' person column), as messages quote them."""
    events = getattr(dataset, "events", None)
    if events is None or not len(events) or "person" not in events:
        return LearnerIds()
    ids = LearnerIds(filter(None, (str(p).strip() for p in pd_unique(events["person"]))))
    # the forms of the ids that have letters, digits and punctuation (LC-202103-003): a pasted id of
    # a learner whose only row failed is in no valid row, but has their form
    ids.shapes = frozenset(s for s in _shapes(ids) if "A" in s and "9" in s and len(s) >= 3)
    return ids


def pd_unique(column):
    """The distinct non-blank values of a frame's column (pandas is imported by whoever made the frame)."""
    import pandas as pd
    return pd.unique(column.dropna().to_numpy(dtype=object))


def _shapes(values) -> set:
    """{_shape(v) for v in values}, with the substitutions made over all the values joined
    by a separator that is neither a letter nor a digit (so no run crosses it): the same
    shapes, without two regex calls per id (150.000 ids in a national year). The digit runs
    first, then the letter runs of only the distinct results (ids of one form, LC-9-9, are
    many): a letter run never holds a digit, nor a digit run a letter, so the order of the
    two substitutions does not change a shape."""
    values = list(values)
    sep = "\x00"
    if not values:
        return set()
    joined = sep.join(values)
    if joined.count(sep) != len(values) - 1:  # a value holds the separator
        return set(map(_shape, values))
    if joined.isascii():
        # in ASCII a letter is [A-Za-z] and a digit [0-9]: each made b'A' or b'9' by one
        # translation of the bytes, the runs folded by halving them, and the forms made text
        # once each (a store's 16-hex hashes: 300.000 ids, a few dozen forms; 0,55 → 0,2 s)
        forms = joined.encode("ascii").translate(_ASCII_FORMS)
        for run in (b"99", b"AA"):
            while run in forms:
                forms = forms.replace(run, run[:1])
        return {form.decode("ascii") for form in set(forms.split(sep.encode("ascii")))}
    digits = set(re.sub(r"[0-9]+", "9", joined).split(sep))
    return set(re.sub(r"[^\W\d_]+", "A", sep.join(digits)).split(sep))


_ASCII_FORMS = bytes.maketrans(b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
                               b"9" * 10 + b"A" * 52)


def mask_ids(text: str, ids) -> str:
    """`text` with every quoted value ('K001') that equals a learner id of the data, or has
    the form of those ids (LearnerIds.shapes), replaced by MASK: a message written into a
    file we produce (national workbook, annotated copy) must not carry an id a clerk pasted
    into another column. The console may show the original."""
    if not ids or "'" not in text:
        return text
    shapes = getattr(ids, "shapes", ())

    def one(m):
        value = m.group(1).strip()
        return f"'{MASK}'" if value in ids or (shapes and _shape(value) in shapes) else m.group(0)
    return _QUOTED.sub(one, text)


def masked(issues, ids) -> list:
    """The issues whose quoted values (the '{value}' of their message) that are learner ids,
    or have their form, are replaced by the words for a masked id (copies; the originals
    unchanged): what mask_ids does to a message's text, done to its values."""
    if not ids:
        return list(issues)
    out = []
    for i in issues:
        names = quoted(i.code)
        params = tuple((k, phrase("mask.learner_id") if k in names and isinstance(v, str)
                        and mask_ids(f"'{v}'", ids) != f"'{v}'" else v) for k, v in i.params)
        out.append(i if params == i.params else replace(i, params=params))
    return out
