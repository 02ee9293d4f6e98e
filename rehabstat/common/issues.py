"""The one shape every problem takes, from reading to validation to documents."""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field as _field, replace

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Issue:
    code: str
    severity: str
    message: str
    file: str | None = None
    sheet: str | None = None
    row: int | None = None  # Excel row number, 1-based
    column: str | None = None  # column letter, "C"
    field: str | None = None  # the header the cell belongs to
    # what the issue is about, for grouping (batch, annotate); not part of the JSON output
    unit: str | None = _field(default=None, compare=False)
    province: str | None = _field(default=None, compare=False)
    month: tuple | None = _field(default=None, compare=False)  # (year, month)

    def as_dict(self) -> dict:
        return {k: asdict(self)[k] for k in ("file", "sheet", "row", "column", "field", "code", "severity", "message")}

    @property
    def where(self) -> str:
        cell = f"{self.column or ''}{self.row or ''}"
        return "!".join(p for p in (self.sheet, cell) if p)


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
    digits = set(re.sub(r"[0-9]+", "9", joined).split(sep))
    return set(re.sub(r"[^\W\d_]+", "A", sep.join(digits)).split(sep))


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
    """The issues with mask_ids applied to their messages (copies; the originals unchanged)."""
    if not ids:
        return list(issues)
    return [i if mask_ids(i.message, ids) == i.message else replace(i, message=mask_ids(i.message, ids))
            for i in issues]
